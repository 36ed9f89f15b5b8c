"""The country a report's own words put an event in, from the first-level area (state, province,
region, governorate) it names where a place is qualified: "in Toledo, Parana", "(Gatundu, Kiambu)",
"in Sinaloa state".

A town is often read as a namesake abroad (a Brazilian Toledo read in Spain) or not read at all,
while the area that qualifies it names one country only. Event and monitor notes (ACLED's among
them) qualify every place this way, so the area decides whose generic actors they are
("Unidentified Armed Group (Mexico)", "Protesters (Yemen)"). The areas are ISO 3166-2's
subdivisions as the ``pycountry`` package ships them, first-level ones first, then the provinces
below them; a name that several countries use ("Punjab"), a country's own name ("Georgia", a US
state too), and compass words ("North", "Ouest") decide nothing.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# compass points, "capital" and other words many countries use for an area: they name no country
_COMPASS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "centre", "center", "centro", "middle",
    "northeast", "northwest", "southeast", "southwest", "norte", "sur", "este", "oeste", "nord", "sud", "est", "ouest", "noreste",
    "noroeste", "sudeste", "suroeste", "nordeste", "sudoeste", "oriental", "occidental", "septentrional", "meridional", "upper", "lower",
}
_GENERIC_AREA = {
    "capital", "capital district", "coast", "coastal", "lakes", "unity", "islands", "island", "highlands", "plateau", "littoral",
    "border", "river", "delta", "interior", "mountain", "mountains", "valley", "city", "federal district", "ciudad", "region",
    "province", "state", "district", "municipality", "department", "governorate",
}
_ARTICLE = re.compile(r"^(?:el|la|le|les|los|las|al|an|ar|as|ash|at|ad|adh|az|ath)\s+(?=\w{4,})")
_AREA_KIND = r"(?:state|province|region|department|governorate|oblast|prefecture|division)"
# "(Gatundu, Kiambu)", "(Kiambu county; coded to Thika)": a place's qualifiers in brackets, the
# largest area last ("(Loja, Andalucia)": Loja is the Spanish town, not the Ecuadorian province)
_BRACKETS = re.compile(r"\(([^()]{3,90})\)")
# "in Toledo, Parana, two gunmen", "Calamba, Laguna, Calabarzon": a place and the
# areas that hold it, the largest last
_NAME = r"[A-Z][\w'’.-]*(?:[ -](?:(?:de|del|do|da|dos|das|el|al|y)\s+)?[A-Z][\w'’-]*){0,3}"
_CHAIN = re.compile(rf"\b{_NAME}(?:,\s+{_NAME})+")
# "in Sinaloa state", "Herat province"
_BEFORE_KIND = re.compile(rf"(?P<area>(?:[A-Z][\w'’-]+[ -]){{0,2}}[A-Z][\w'’-]+)\s+(?i:{_AREA_KIND})\b")
_KIND_WORD = re.compile(rf"\s+{_AREA_KIND}$", re.I)


def _fold(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = re.sub(r"\[[^\]]*\]", " ", plain)  # "Amanat al 'Asimah [city]"
    plain = re.sub(r"[-_/]", " ", plain)
    plain = re.sub(r"[^a-z0-9 ]", "", plain)
    return re.sub(r"\s+", " ", plain).strip()


_TYPE_BEFORE = re.compile(r"^(?:region|provincia|province|departamento|department|estado|state|distrito|district|governorate|oblast)\s+(?:(?:de|of)\s+)?(?=\w{3,})")
_TYPE_AFTER = re.compile(r"(?<=\w{3})\s+(?:province|region|state|district|governorate|oblast|county|prefecture|department|division|municipality)$")


def _names(subdivision) -> set[str]:
    full = _fold(subdivision.name)
    names = {full}
    # "Uva Province", "Region Metropolitana de Santiago": reports name the area without its kind
    untyped = _TYPE_AFTER.sub("", _TYPE_BEFORE.sub("", full))
    if untyped != full:
        names.add(untyped)
        full = untyped
    # "Michoacan de Ocampo", "Coahuila de Zaragoza": the state's short name, as reports write it
    short = re.split(r"\s+de\s+", full)[0]
    if short != full and " " not in short:
        names.add(short)
    # "El Beni", "Al Hudaydah": reports drop the article as often as they keep it
    bare = _ARTICLE.sub("", full)
    if bare != full:
        names.add(bare)
    return names


@functools.lru_cache(maxsize=1)
def _areas() -> dict[str, str]:
    """Folded area name -> the one country (ISO alpha-2) that has an area of that name: first-level
    areas, then the provinces and districts below them (Nueva Ecija, a Philippine province under its
    region) whose name no area of another country shares."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        return {}
    countries = {_fold(c.name) for c in pycountry.countries} | {_fold(getattr(c, "common_name", "") or "") for c in pycountry.countries}
    top: dict[str, set[str]] = {}
    every: dict[str, set[str]] = {}
    for s in pycountry.subdivisions:
        for n in _names(s):
            every.setdefault(n, set()).add(s.country_code)
            if s.parent_code is None:
                top.setdefault(n, set()).add(s.country_code)

    def usable(n: str, cc: set[str]) -> bool:
        return len(cc) == 1 and len(n) >= 3 and n not in _GENERIC_AREA and n not in countries and not set(n.split()) <= _COMPASS

    out = {n: next(iter(cc)) for n, cc in every.items() if n not in top and usable(n, cc)}
    out.update({n: next(iter(cc)) for n, cc in top.items() if usable(n, cc)})
    return out


def _lookup(words: list[str]) -> str | None:
    """The country of the longest run of ``words`` (from the first) that names an area."""
    areas = _areas()
    for k in range(len(words), 0, -1):
        hit = areas.get(_fold(" ".join(words[:k])))
        if hit:
            return hit
    return None


def area_countries(text: str | None) -> set[str]:
    """Countries (ISO 3166-1 alpha-2) of the first-level areas ``text`` names as a place's qualifier."""
    if not text or not _areas():
        return set()
    found: set[str] = set()
    for m in _BRACKETS.finditer(text):
        for segment in m.group(1).split(";"):
            part = _KIND_WORD.sub("", segment.split(",")[-1].strip())
            hit = _areas().get(_fold(part)) if part else None
            if hit:
                found.add(hit)
    for m in _CHAIN.finditer(text):
        hit = _lookup(m.group(0).split(",")[-1].split())
        if hit:
            found.add(hit)
    for m in _BEFORE_KIND.finditer(text):
        words = m.group("area").split()
        for k in range(len(words)):
            hit = _areas().get(_fold(" ".join(words[k:])))
            if hit:
                found.add(hit)
                break
    return found

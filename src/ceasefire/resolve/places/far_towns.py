"""Far towns in a local report whose names lie in one home state: placed among the report's places.

A local report names its people and its hamlets alike: "Harris said", "the old Wright bridge",
"the fire station in Orient". When most of the report's names can lie in one state or province (its home,
see ``resolve._home_area``) and the reading chosen for a name is a town of another state, while no
reading of the name lies in the home state and the text does not place it ("Wright, Fla."), the far
town is the wrong point either way: a hamlet the gazetteer lacks, or a person. The name is then placed
by context, at the report's nearest place, as a place the gazetteer lacks is. This holds

- for a name spaCy reads as a person's, at any distance (it is doubly doubtful);
- for any town under FAR_TOWN_POP that lies over FAR_KM from every other place of the report, in a
  country where English is the local language. A local paper there names the hamlets around it, which
  cities500 often lacks; a report on a war names villages across the whole country, which are really
  there ("an air strike killed four in Hajin" in a report on Aleppo), so it is left to the resolver.

Whatever the report's home (``lone_towns_to_local``), a town under LONE_TOWN_POP that lies over LONE_KM
from every other place of a report, two of which lie within LONE_KM of each other, is no trip across a
continent: a street, a square or a hamlet the gazetteer lacks ("Skagway" in a New Orleans parade story is
no town in Alaska), placed at the report's nearest place. A report whose places lie scattered
(road closures in three states) says nothing of where its towns should be.
"""

from __future__ import annotations

from ceasefire.resolve.places.detect.vocabulary import common_words
from ceasefire.resolve.places.gazetteer import distance_km

FAR_KM = 300.0
FAR_TOWN_POP = 150_000
LONE_TOWN_POP = 20_000
LONE_KM = 1000.0


def far_towns_to_local(mentions: list, chosen: list, home: tuple | None, drop: object) -> None:
    """Clear the far town read for such a name (``chosen`` is changed in place)."""
    from ceasefire.resolve.places.resolve import ENGLISH_NAMED

    if home is None:
        return
    points = {}
    for m, p in zip(mentions, chosen):
        if p is not None and p is not drop and p.lat is not None and not p.is_country and not p.is_admin1:
            points.setdefault(m.text.lower(), p)
    for k, m in enumerate(mentions):
        p = chosen[k]
        if p is None or p is drop or p.feature_class != "P" or m.container_text or p.lat is None:
            continue
        if (p.country, p.admin1) == home:
            continue
        if any((c.country, c.admin1) == home for c, _, match in m.candidates if match != "skeleton"):
            continue  # the report's own state has a town of the name: the resolver weighed it
        if not m.person_like:
            if home[0] not in ENGLISH_NAMED or p.population >= FAR_TOWN_POP:
                continue
            surface = m.text.lower()
            near = min((distance_km(p.lat, p.lon, q.lat, q.lon) for s, q in points.items() if s != surface), default=0.0)
            if near <= FAR_KM:
                continue
        chosen[k] = None
        m.label = "LOC"  # placed by context (resolve_mentions), at the report's nearest place


def lone_towns_to_local(mentions: list, chosen: list, drop: object) -> None:
    """Clear a small town read far from every other place of the report (``chosen`` is changed in place)."""
    points = {}
    for m, p in zip(mentions, chosen):
        if p is not None and p is not drop and p.lat is not None and (p.feature_class in ("P", "S") or p.is_admin2):
            points.setdefault(m.text.lower(), p)
    if len(points) < 3:
        return
    for k, m in enumerate(mentions):
        p = chosen[k]
        if (p is None or p is drop or p.feature_class != "P" or m.container_text or p.lat is None
                or p.population >= LONE_TOWN_POP or p.source.startswith("supplement")):
            continue
        surface = m.text.lower()
        if surface in common_words():
            continue  # "the North": a word before a far town or a place the gazetteer lacks
        others = [q for s, q in points.items() if s != surface]
        if (len(others) >= 2 and all(distance_km(p.lat, p.lon, q.lat, q.lon) > LONE_KM for q in others)
                and any(distance_km(a.lat, a.lon, b.lat, b.lon) <= LONE_KM for x, a in enumerate(others) for b in others[x + 1:])):
            chosen[k] = None
            m.label = "LOC"  # placed by context (resolve_mentions), at the report's nearest place

"""A town's name at the head of a facility's name, read as a far namesake, is the facility's name.

"the Kodiak Library on Elm Street" in an Ohio story, "London's Heathrow cargo
terminal": the gazetteer reads the first word as a small town (Kodiak, Alaska; Heathrow,
Florida), hundreds of kilometres from every other place of the report. A building stands in the
report's own area, so such a name is placed there (the report's nearest town, precision "near").
A town near the report's other places, or one the report also names alone ("Woodstock General
Hospital" in a Woodstock story), stays the town: the facility stands in it.
"""

from __future__ import annotations

import re
from typing import Any

from ceasefire.resolve.places.detect.facilities import FACILITY_TAILS
from ceasefire.resolve.places.detect.vocabulary import STREET_SUFFIXES
from ceasefire.resolve.places.gazetteer import distance_km

#: A town this small ...
NAMESAKE_TOWN_POP = 100_000
#: ... this far from every other place of the report is a namesake, not where the building stands.
NAMESAKE_KM = 300.0

_HEADS = sorted(FACILITY_TAILS | {w for w in STREET_SUFFIXES if w.isalpha()}, key=len, reverse=True)
# The rest of the facility's name after the town's: up to three capitalised words, then the head.
_FACILITY_AFTER = re.compile(
    r"(?:[’']s)?(?:\s+[A-Z][\w'’-]*){0,3}?\s+(?:" + "|".join(w.capitalize() for w in _HEADS) + r")\b")


def _far_from_the_rest(k: int, p: Any, mentions: list, chosen: list) -> bool:
    """Whether every other town of the report lies over NAMESAKE_KM from ``p``, and there is at least
    one (an area's centre says nothing of where its towns lie: "Vredendal Magistrate's Court (West Coast)")."""
    own = mentions[k].text.lower()
    others = [q for j, q in enumerate(chosen)
              if j != k and q is not None and getattr(q, "lat", None) is not None and q.feature_class == "P"
              and mentions[j].text.lower() != own]
    return bool(others) and all(distance_km(p.lat, p.lon, q.lat, q.lon) > NAMESAKE_KM for q in others)


def namesake_at_facility_head(k: int, m: Any, p: Any, mentions: list, chosen: list, text: str) -> bool:
    """Whether mention ``m``, read as the town ``p``, is the first word of a facility's name whose
    town lies far from every other place of the report."""
    if p is None or getattr(p, "lat", None) is None or p.feature_class != "P" or p.population >= NAMESAKE_TOWN_POP:
        return False
    if p.source.startswith("supplement") or m.container_text:
        return False
    if not _FACILITY_AFTER.match(text, m.end):
        return False
    own = m.text.lower()
    if any(j != k and o.text.lower() == own and not _FACILITY_AFTER.match(text, o.end) for j, o in enumerate(mentions)):
        return False  # the report names the town alone too: its own town, where the building stands
    return _far_from_the_rest(k, p, mentions, chosen)


def anchor_facility_namesakes(mentions: list, chosen: list, text: str) -> None:
    """Clear the far namesake readings of facility heads: the resolver then places each at the
    report's nearest town, as it does a building the gazetteer lacks."""
    far = [k for k, (m, p) in enumerate(zip(mentions, chosen))
           if p is not None and hasattr(p, "feature_class") and namesake_at_facility_head(k, m, p, mentions, chosen, text)]
    for k in far:
        chosen[k] = None
        mentions[k].label = "FAC"

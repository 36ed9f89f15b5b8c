"""The consolidation core (pure, no store), along its steps:

- :mod:`ceasefire.consolidate.record`: the claim record (``ClaimRecord``, ``claim_record``,
  ``share_report_words``): what one report says about one incident, in the fields compared;
- :mod:`ceasefire.consolidate.matching`: how well one claim fits one open event (``match_score``
  and its factors of kind, time, place, actors, figures and words);
- :mod:`ceasefire.consolidate.grouping`: claims become events (``EventGroup``, ``Consolidator``,
  ``group_claims``), with the blocking index that bounds the work per claim;
- :mod:`ceasefire.consolidate.corroboration`: an event's figures side by side, independent sources.

Their names stay importable from here, as they were before the steps had modules of their own.
"""

from __future__ import annotations

from ceasefire.consolidate import matching as _matching
from ceasefire.consolidate.corroboration import COUNT_KEYS, Report, fatality_range, independent_sources, majority
from ceasefire.consolidate.grouping import CELL_DEGREES, MERGE_THRESHOLD, TEXT_KEY_LIMIT, Consolidator, EventGroup, group_claims
from ceasefire.consolidate.matching import (
    ACTORS_DIFFERENT, ACTORS_SAME_SIDE, ACTORS_SHARED, ACTORS_UNKNOWN, BATTLE_AND_STRIKE, CAMP_OF_SIDE, DISPUTED_SUBS,
    DISTANCE_STEPS, DISTINCT_PLACE_STEPS, DISTINCT_SUBS, ENCLOSED_CAPITALS, FAMILY_OF, FIGURES_APART, FIGURES_CLOSE,
    FIGURES_FAR, FIGURES_MASS, FIGURES_UNKNOWN, GAP_FACTOR, MASS_RATIO, MASS_TOLL, MAX_TEXT_MEMBERS, PLACE_ADMIN1,
    PLACE_CAPITAL_AREA, PLACE_CITY, PLACE_COUNTRY, PLACE_MASS, PLACE_SAME, PLACE_SAME_NAME, PLACE_TEXT, PLACE_UNKNOWN,
    SAME_POINT_KM, SUB_FAMILIES, TEXT_FACTOR, TEXT_GAP_FACTOR, TEXT_MAX_GAP_DAYS, TEXT_MAX_SPAN_DAYS, TEXT_NONE,
    TEXT_RICH, TEXT_SOME, TEXT_STRONG, TYPE_BATTLE_STRIKE, TYPE_BOTH_VIOLENT, TYPE_SAME_EVENT, TYPE_SAME_FAMILY,
    TYPE_SAME_SUB, VIOLENT, WINDOW_FACTOR, camp, camps, distance_km, match_score, place_factor, prominent, text_agreement,
    type_factor,
)
from ceasefire.consolidate.record import (
    DATE_PRECISION_RANK, LEAD_CHARS, MAX_GAP_DAYS, MAX_SPAN_DAYS, PRECISION_RANK, TYPE_PRECEDENCE, WINDOW_MAX_DAYS,
    ClaimRecord, claim_record, counts_a_part, is_coarse, is_windowed, share_report_words,
)

_capital = _matching._capital  # a private helper the tests of place bridges import from here

__all__ = [
    # the claim record
    "ClaimRecord", "claim_record", "share_report_words", "counts_a_part", "is_coarse", "is_windowed",
    "DATE_PRECISION_RANK", "LEAD_CHARS", "MAX_GAP_DAYS", "MAX_SPAN_DAYS", "PRECISION_RANK", "TYPE_PRECEDENCE",
    "WINDOW_MAX_DAYS",
    # matching
    "match_score", "place_factor", "type_factor", "text_agreement", "prominent", "camp", "camps", "distance_km",
    "ACTORS_DIFFERENT", "ACTORS_SAME_SIDE", "ACTORS_SHARED", "ACTORS_UNKNOWN", "BATTLE_AND_STRIKE", "CAMP_OF_SIDE",
    "DISPUTED_SUBS", "DISTANCE_STEPS", "DISTINCT_PLACE_STEPS", "DISTINCT_SUBS", "ENCLOSED_CAPITALS", "FAMILY_OF",
    "FIGURES_APART", "FIGURES_CLOSE", "FIGURES_FAR", "FIGURES_MASS", "FIGURES_UNKNOWN", "GAP_FACTOR", "MASS_RATIO",
    "MASS_TOLL", "MAX_TEXT_MEMBERS", "PLACE_ADMIN1", "PLACE_CAPITAL_AREA", "PLACE_CITY", "PLACE_COUNTRY", "PLACE_MASS",
    "PLACE_SAME", "PLACE_SAME_NAME", "PLACE_TEXT", "PLACE_UNKNOWN", "SAME_POINT_KM", "SUB_FAMILIES", "TEXT_FACTOR",
    "TEXT_GAP_FACTOR", "TEXT_MAX_GAP_DAYS", "TEXT_MAX_SPAN_DAYS", "TEXT_NONE", "TEXT_RICH", "TEXT_SOME", "TEXT_STRONG",
    "TYPE_BATTLE_STRIKE", "TYPE_BOTH_VIOLENT", "TYPE_SAME_EVENT", "TYPE_SAME_FAMILY", "TYPE_SAME_SUB", "VIOLENT",
    "WINDOW_FACTOR",
    # grouping
    "EventGroup", "Consolidator", "group_claims", "CELL_DEGREES", "MERGE_THRESHOLD", "TEXT_KEY_LIMIT",
    # corroboration
    "COUNT_KEYS", "Report", "fatality_range", "independent_sources", "majority",
]

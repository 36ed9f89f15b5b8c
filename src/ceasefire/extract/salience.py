"""How central an event is to its report (0..1): the main event is the headline or lead incident.

Weights (read as: what a coder looks at to pick the report's incident):

- where it is told: headline and lead sentences first, then decaying down the text;
- how sure the words are that an incident happened (the classifier's confidence);
- whether it has casualty figures, an actor and a place (a concrete incident);
- how many sentences tell it (merged mentions);
- penalties: a tally over days or areas (aggregate) is context, not the incident; a report's
  non-violent developments (arrests, troop movements) rank after its violence; an incident told
  as another one ("Meanwhile ...", "Elsewhere ...", "In a separate attack ...") ranks after the lead.
"""

from __future__ import annotations

import re
from typing import Any

_POSITION_FLOOR = 0.15
#: Words that open a sentence about another incident than the one the report leads with.
_ANOTHER_INCIDENT = re.compile(
    r"^\W*(?:meanwhile|elsewhere|separately|in\s+(?:a|an)\s+(?:separate|other|another)\b|in\s+another\b|in\s+other\s+(?:news|developments?|incidents?|areas?|parts?)\b|also\s+on\b"
    r"|earlier\s+(?:in\s+the\s+day|on\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|this\s+week|today)\b|later\s+in\s+the\s+day\b)",
    re.I,
)


def position_score(sentence_index: int, n_sentences: int, in_title: bool) -> float:
    """1.0 for the headline and first sentence, decaying to a floor by the end of the text."""
    if in_title or sentence_index == 0:
        return 1.0
    if sentence_index <= 2:
        return 0.9
    decay = 1.0 - min(1.0, sentence_index / max(8, n_sentences)) * (1.0 - _POSITION_FLOOR)
    return max(_POSITION_FLOOR, decay * 0.85)


def score(event: dict[str, Any], position: float, confidence: float, mentions: int) -> float:
    """Salience of ``event`` in 0..1."""
    has_toll = any(v for v in (event.get("fatalities") or {}).values()) or any(v for v in (event.get("injured") or {}).values())
    has_actor = any(a.get("role") == "perpetrator" for a in event.get("actors") or [])
    has_place = event.get("location") is not None
    s = 0.30 * position + 0.30 * confidence + 0.20 * has_toll + 0.07 * has_actor + 0.05 * has_place
    s += 0.08 * min(mentions - 1, 3) / 3
    if event.get("aggregate"):
        s *= 0.45
    if event.get("method") is None and event.get("event_type") not in ("Protests", "Riots"):
        s *= 0.8
    evidence = event.get("evidence") or []
    if evidence and _ANOTHER_INCIDENT.match(evidence[0].get("text") or ""):
        s *= 0.85  # "Meanwhile four civilians were killed in Deir Ezzor": told as another incident than the lead's
    certainty = (event.get("attribution") or {}).get("certainty")
    if certainty in ("alleged", "denied"):
        s *= 0.85
    return round(max(0.0, min(1.0, s)), 3)


#: How much a headline that names an event's kind or toll adds to its salience.
HEADLINE_BONUS = 0.15


def told_as_another_incident(event: dict[str, Any]) -> bool:
    """The event's first sentence opens as another incident than the one told before it
    ("Meanwhile ...", "Earlier in the day ...", "In a separate attack ...")."""
    evidence = event.get("evidence") or []
    return bool(evidence and _ANOTHER_INCIDENT.match(evidence[0].get("text") or ""))


def agrees_with_headline(event: dict[str, Any], kind: tuple[str, str | None] | None, toll: int | None) -> bool:
    """The headline names this event: the same sub-event type, the same specific method, or the
    same death toll. ``kind`` is the headline's (sub_event_type, method), ``toll`` its dead."""
    if event.get("aggregate"):
        return False
    if kind is not None:
        sub, method = kind
        if event.get("sub_event_type") == sub or (method not in (None, "unknown") and event.get("method") == method):
            return True
    total = ((event.get("fatalities") or {}).get("total") or {}).get("best")
    return toll is not None and total is not None and int(total) == toll

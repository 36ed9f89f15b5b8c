"""Tallies: a figure counted over a period, since a date or so far this year, not one incident's toll."""

from __future__ import annotations

import re
from typing import Any

from ceasefire.resolve.numbers.words import _DIGITS, _MONTHS, _WORDNUM, parse_number

_AGGREGATE = [
    (re.compile(rf"\b(?:in|over|during|across|within|throughout|for)\s+(?:the\s+)?(?:past\s+|last\s+|previous\s+|first\s+)?(?P<n>{_DIGITS}|{_WORDNUM}|a|several|few)\s+(?P<unit>days?|weeks?|months?|years?|hours?)(?:\s+of\s+[\w-]+)?", re.I), "period"),
    (re.compile(r"\b(?:in|over|during|across|within|throughout)\s+the\s+(?:past|last|previous|whole|entire)\s+(?P<unit>day|week|month|year|24\s+hours|48\s+hours|weekend)\b", re.I), "period"),
    # a headline drops the article ("kills 40 militants during past week"); "last week's attack" is one incident
    (re.compile(r"\b(?:in|over|during|within|throughout)\s+(?:past|previous)\s+(?P<unit>week|month|year|48\s+hours|weekend)\b(?!['’])", re.I), "period"),
    (re.compile(rf"\bsince\s+(?P<since>(?:the\s+(?:start|beginning|end)\s+of\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)|(?:it|they|the\s+(?:group|regime|army|militants|jihadists|rebels|coalition|government|war|conflict|offensive|campaign))\s+(?:declared|began|started|launched|seized|took|captured|entered|announced|intervened|joined)\b|(?:mid-|early\s+|late\s+)?(?:{_MONTHS})\b(?:\s+\d{{4}})?|\d{{1,2}}\s+(?:{_MONTHS})\b(?:\s+\d{{4}})?|(?:19|20)\d\d|(?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!\s+(?:morning|afternoon|evening|night)\b)|the\s+(?:truce|ceasefire|cease-fire|cessation\s+of\s+hostilities|war|conflict|uprising|offensive|revolution|siege|campaign|assault)(?:\s+(?:began|started|came\s+into\s+(?:force|effect)))?|(?:last|this)\s+(?:week|month|year))", re.I), "since"),
    (re.compile(r"\bso\s+far\s+(?P<unit>this\s+(?:year|month|week)|in\s+\d{4})|\b(?P<unit2>this\s+year|this\s+month)\s+(?:alone|so\s+far)", re.I), "to_date"),
    (re.compile(r"\b(?:total|tally|overall|cumulative|in\s+all|altogether)\b", re.I), "total_word"),
]


#: Words that make a day's toll a sum of several incidents ("during separate operations").
_MANY_INCIDENTS = re.compile(
    r"\b(?:separate|multiple|various|different|across|several\s+(?:\w+\s+)?(?:operations|attacks|strikes|raids|areas|provinces|districts|towns|villages|places|locations|incidents))\b",
    re.I,
)


def _one_day(gd: dict[str, Any]) -> bool:
    """A period of at most a day: "24 hours", "a few hours", "the past day"."""
    unit = re.sub(r"\s+", " ", (gd.get("unit") or "").lower())
    n = (gd.get("n") or "").lower()
    if unit.startswith("hour"):
        value = parse_number(n) if n not in ("a", "several", "few") else 1
        return value is not None and value <= 24
    if unit == "24 hours":
        return True
    return unit == "day" and n in ("", "a", "one")


def _aggregate_in(sentence: str) -> dict[str, Any] | None:
    """The tally phrase of a sentence: a period of more than a day, a day's toll of several
    incidents, a count since a date or so far this year; None for an incident's own toll.

    ACLED books an incident per day and place, so a toll "in 24 hours of battle around al-Maleh"
    is one day's incident, while "over the past 24 hours during separate operations" sums several.
    """
    for pattern, kind in _AGGREGATE:
        m = pattern.search(sentence)
        if not m:
            continue
        if kind == "period":
            gd = m.groupdict()
            if _one_day(gd) and not _MANY_INCIDENTS.search(sentence):
                continue  # "70 fighters killed in 24 hours of battle around al-Maleh": one day's toll, one event
            if gd.get("n"):
                n = gd["n"].lower()
                return {"period": f"{n} {gd['unit'].lower()}", "text": m.group(0)}
            return {"period": re.sub(r"\s+", " ", m.group("unit").lower()), "text": m.group(0)}
        if kind == "since":
            return {"since": re.sub(r"\s+", " ", m.group("since")), "text": m.group(0)}
        if kind == "to_date":
            unit = m.group("unit") or m.group("unit2")
            return {"period": re.sub(r"\s+", " ", unit.lower()), "to_date": True, "text": m.group(0)}
    return None

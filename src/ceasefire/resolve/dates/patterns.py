"""Reading time expressions: the vocabulary, the patterns of each kind of expression, the
screen that skips the patterns a text cannot match, and the cues of a clause's tense.

Nothing here knows the publication date; ``anchoring`` turns a match into calendar days.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
}


@dataclass
class TimeExpression:
    """A time expression and the calendar days it stands for (offsets plus ``offset``)."""

    start: int
    end: int
    text: str
    start_date: date | None
    end_date: date | None
    precision: str  # day | week | month | year
    relation: str  # at | until | since | during | from
    future: bool = False  # the clause looks ahead ("will", "next", "is due")

    def as_event_date(self) -> dict[str, Any] | None:
        """The Event JSON v1 ``date`` object, or None when unresolved."""
        if self.start_date is None and self.end_date is None:
            return None
        start = self.start_date or self.end_date
        end = self.end_date or self.start_date
        return {"start": start.isoformat(), "end": end.isoformat(), "precision": self.precision}


# --------------------------------------------------------------------------- patterns

_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?"
_WD1 = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_ORD_SUFFIX = r"(?:st|nd|rd|th)?"
_NUMWORD = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|forty-eight|twenty-four|seventy-two|several|few|couple\s+of)"
_ORDWORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
_LEAD = r"(?i:(?P<lead>since|until|till|through|by|from|before|after|on|in|during|as\s+of|starting|beginning|effective)\s+(?:the\s+end\s+of\s+|the\s+morning\s+of\s+|the\s+night\s+of\s+|the\s+evening\s+of\s+|midnight\s+(?:on\s+)?)?)?"

_RANGE_SEP = r"(?:\s*[-–]\s*|\s+(?i:through|until|till)\s+)"
#: What may open a run of days: "between", "from", or a night across two days ("overnight
#: between 22 and 23 March", "the night of 23 to 24 November", "the night of November 8-9").
_NIGHT_OF = (
    r"(?:\b(?P<night>(?i:overnight|(?:on\s+)?the\s+night|night))\s+(?=(?i:of|between)\s))?"
    r"(?:\b(?P<between>(?(night)(?i:of|between)|(?i:between|from)))\s+(?:the\s+)?)?"
)

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "between Feb. 13 and 15", "March 3-5", "from 28 December to 2 January": one span of days. A
    # bare "and" or "to" needs "between" or "from" ("on March 3 and 5" is two days, not three), or
    # "the night of" before it ("the night of 2 and 3 May" is one night).
    ("md_range", re.compile(
        rf"{_NIGHT_OF}\b(?P<month>{_MONTH})\s+(?P<d>[0-3]?\d){_ORD_SUFFIX}"
        rf"(?(between)(?:{_RANGE_SEP}|\s+(?i:and|to)\s+)|{_RANGE_SEP})"
        rf"(?:(?P<month2>{_MONTH})\s+)?(?P<d2>[0-3]?\d){_ORD_SUFFIX}\b(?![-–/.:]?\d)(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")),
    ("dm_range", re.compile(
        rf"{_NIGHT_OF}\b(?P<d>[0-3]?\d){_ORD_SUFFIX}(?:\s+(?:of\s+)?(?P<month>{_MONTH}))?"
        rf"(?(between)(?:{_RANGE_SEP}|\s+(?i:and|to)\s+)|{_RANGE_SEP})"
        rf"(?:the\s+)?(?P<d2>[0-3]?\d){_ORD_SUFFIX}\s+(?:of\s+)?(?P<month2>{_MONTH})\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")),
    ("iso", re.compile(rf"{_LEAD}\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b", re.I)),
    ("numeric", re.compile(rf"{_LEAD}\b(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.](?P<y>(?:19|20)?\d\d)\b", re.I)),
    ("wd_md", re.compile(rf"{_LEAD}\b(?:(?P<wd>{_WD}),?\s+)?(?P<month>{_MONTH})\s+(?P<d>[0-3]?\d){_ORD_SUFFIX}\b(?!:)(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")),
    ("wd_dm", re.compile(rf"{_LEAD}\b(?:(?P<wd>{_WD}),?\s+)?(?:the\s+)?(?P<d>[0-3]?\d){_ORD_SUFFIX}\s+(?:of\s+)?(?P<month>{_MONTH})(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?")),
    ("month_year", re.compile(rf"{_LEAD}\b(?:(?P<part>early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)[\s-]+)?(?P<month>{_MONTH_FULL}|{_MONTH_ABBR})\s+(?P<y>(?:19|20)\d\d)\b")),
    ("month", re.compile(rf"(?i:(?P<lead>since|until|till|through|by|from|before|after|in|during|of|last|next|this|early|late|mid|earlier\s+in|later\s+in)[\s-]+(?:(?:early|late|mid)[\s-]+)?|(?P<lead2>the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)\s+)(?P<month>{_MONTH_FULL})\b(?!\s+\d)")),
    ("year", re.compile(r"(?P<lead>since|until|till|through|by|from|before|after|in|during|of|early|late|mid|the\s+end\s+of|the\s+start\s+of)[\s-]+(?P<y>(?:19|20)\d\d)\b(?![-/]\d)", re.I)),
    ("ordinal_day", re.compile(rf"\b(?:a|an|the)\s+(?P<ord>{_ORDWORD}|\d+(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+|successive\s+|full\s+)?(?P<unit>day|week|month)\s+(?:of|in\s+a\s+row|running)\b", re.I)),
    ("past_n", re.compile(rf"\b(?P<lead>over|in|during|for|within|throughout|across)\s+(?:the\s+)?(?P<dir>past|last|previous|coming|next|first|another)?\s*(?P<n>{_NUMWORD})\s+(?P<unit>hours?|days?|weeks?|months?|years?)\b(?:\s+of\s+[\w-]+)?", re.I)),
    ("past_unit", re.compile(r"\b(?P<lead>over|in|during|for|within|throughout)\s+the\s+(?P<dir>past|last|previous|coming|next)\s+(?P<unit>day|week|month|year|weekend)\b", re.I)),
    ("ago", re.compile(rf"\b(?P<n>{_NUMWORD})\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.I)),
    ("relative", re.compile(r"\b(?:(?P<lead>since|until|till|by|from)\s+)?(?P<rel>the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night|overnight|this\s+morning|this\s+afternoon|this\s+evening|earlier\s+today|later\s+today|earlier\s+this\s+(?:year|month|week)|so\s+far\s+this\s+(?:year|month|week)|later\s+this\s+(?:year|month|week)|this\s+(?:year|month|week)|last\s+(?:year|month|week)|next\s+(?:year|month|week)|the\s+(?:previous|past)\s+(?:year|month|week)|(?:at|over|during)\s+the\s+weekend|this\s+weekend|last\s+weekend|next\s+weekend|from\s+midnight|at\s+midnight|midnight\s+tonight|earlier\s+in\s+the\s+(?:year|month|week))\b", re.I)),
    # "from Friday to Sunday", "between Monday and Wednesday", "Tuesday-Thursday": one span of days
    ("wd_range", re.compile(
        rf"(?:\b(?P<between>(?i:between|from))\s+)?\b(?P<wd>{_WD1})(?:\s+(?:morning|afternoon|evening|night))?"
        rf"(?(between)(?:{_RANGE_SEP}|\s+(?i:and|to)\s+)|{_RANGE_SEP})(?P<wd2>{_WD1})\b")),
    ("weekday", re.compile(rf"\b{_LEAD}(?i:(?P<which>last|next|this|coming|past|previous)\s+)?(?P<wd>{_WD})\b(?:\s+(?P<part>morning|afternoon|evening|night))?")),
]
_FUTURE = re.compile(
    r"\b(?:will|shall|is\s+due|are\s+due|due\s+to|is\s+scheduled|are\s+scheduled|scheduled\s+for|set\s+to|is\s+to|are\s+to|plans?\s+to|planned\s+for|expected\s+to|going\s+to|to\s+be\s+held|upcoming|"
    r"for\s+(?:more|further|new|fresh|another\s+round\s+of)\s+(?:talks|negotiations|meetings?|consultations)|to\s+(?:meet|hold|resume|start|begin|attend|travel))\b",
    re.I,
)
_PAST_UNTIL = re.compile(r"\b(?:lasted|continued|remained|held|had|went\s+on|persisted|stayed)\b[^.;]{0,60}$", re.I)
_SAID_ON = re.compile(r"\b(?:said|says|announced|told|reported|stated|added|confirmed|claimed|denied|declared)\s+(?:\w+\s+)?$", re.I)
_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“(])|\n+")


def _clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The text of the sentence before and after a span (bounded, for tense cues)."""
    bounds = [0] + [m.end() for m in _SENT.finditer(text)] + [len(text)]
    a = max(b for b in bounds if b <= start)
    z = min((b for b in bounds if b >= end), default=len(text))
    return text[max(a, start - 120) : start], text[end : min(z, end + 80)]


def _looks_ahead(text: str, start: int, end: int) -> bool:
    before, after = _clause_around(text, start, end)
    if _SAID_ON.search(before[-40:] + " ") and not re.search(r"\b(?:will|next)\b", before[-20:], re.I):
        return False  # "Moscow said on Saturday": the day of the statement
    return bool(_FUTURE.search(before[-90:]) or _FUTURE.search(after[:60]))


#: What the text must hold for each kind of expression to match at all: a digit (``\d``, as the
#: patterns read it), a month's name or abbreviation (the patterns read them case-sensitively), or
#: one of the words every alternative of the pattern contains (compared in lower case, as the
#: patterns are case-insensitive there). A text failing a kind's test skips its pattern: these
#: patterns open with an optional lead word, so a search tries them at every position, and most
#: sentences hold no date.
_ANY_DIGIT = re.compile(r"\d")
_NUMERIC_HINT = re.compile(r"\d[/.]\d")  # "27/2/2016", "27.02.16": a digit on each side of the first mark
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_UNIT_WORDS = ("hour", "day", "week", "month", "year")
_RANGE_WORDS = ("-", "–", "between", "from", "through", "until", "till", "night")
_RELATIVE_WORDS = ("day", "night", "tomorrow", "morning", "afternoon", "evening", "week", "month", "year")
#: Letters that match an ASCII letter only under re.IGNORECASE (dotted and dotless i, long s,
#: Kelvin sign): a text holding one is not screened.
_CASE_FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")
_ALL_KINDS = frozenset(kind for kind, _ in _PATTERNS)


def _possible_kinds(text: str) -> frozenset[str] | set[str]:
    """The kinds of expression whose pattern can match somewhere in ``text`` (a necessary test)."""
    if not text.isascii() and not _CASE_FOLDS_TO_ASCII.isdisjoint(text):
        return _ALL_KINDS
    low = text.lower()
    digit = _ANY_DIGIT.search(text) is not None
    month = any(m in text for m in _MONTH_STEMS)
    century = "19" in text or "20" in text  # a four-digit year
    kinds: set[str] = set()
    if digit:
        if _NUMERIC_HINT.search(text):
            kinds.add("numeric")
        if century:
            kinds.add("year")
            if "-" in text:
                kinds.add("iso")
        if month:
            kinds.update(("wd_md", "wd_dm"))
            if any(w in low for w in _RANGE_WORDS):
                kinds.update(("md_range", "dm_range"))
            if century:
                kinds.add("month_year")
    if month:
        kinds.add("month")
    if "day" in text and any(w in text for w in _WEEKDAYS):
        kinds.add("weekday")  # a weekday's name, case kept
        if any(w in low for w in _RANGE_WORDS):
            kinds.add("wd_range")
    if any(w in low for w in ("day", "week", "month")):
        kinds.add("ordinal_day")
    if any(w in low for w in _UNIT_WORDS):
        kinds.update(("past_n", "past_unit"))
    if "ago" in low:
        kinds.add("ago")
    if any(w in low for w in _RELATIVE_WORDS):
        kinds.add("relative")
    return kinds


def _relation(lead: str | None) -> str:
    lead = (lead or "").lower().split()[0] if lead else ""
    return {"since": "since", "until": "until", "till": "until", "through": "until", "by": "until", "before": "until",
            "from": "from", "starting": "from", "beginning": "from", "effective": "from", "after": "from",
            "during": "during"}.get(lead, "at")

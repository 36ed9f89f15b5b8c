"""Time in news reports, resolved against the publication date.

``find_time_expressions(text, published)`` finds every time expression of a text and resolves
it to a span of calendar days; ``resolve_event_date(sentence, published)`` picks the date of
the event a sentence tells, in Event JSON v1 shape.

dateparser is not used: it resolves plain weekdays but not "until the end of Monday",
"earlier this year", "in nine days of" or the verb "may" (DESIGN.md).

Rules (each one tested in tests/test_resolve_dates.py):

* **Weekdays.** "Saturday", "on Sunday" is the most recent such day on or before publication
  (the publication day itself included), because news reports what happened.  It is the coming
  one (strictly after publication) when the clause looks ahead: "will", "is due", "to be held",
  "next Sunday", "for more talks on Sunday", "until/through Monday".  "last Sunday" is strictly
  before publication.
* **Dates without a year** ("Dec. 5", "27 February") take the year that puts them on or before
  publication, or on or after it when the clause looks ahead; a weekday printed beside the date
  ("Sunday, Dec. 5") picks the year whose calendar agrees.
* **Months** ("in February") are the last such month on or before publication (month precision).
* **Spans.** ``start_date``/``end_date`` are the days the expression covers in its sentence:
  "since July" runs from 1 July to publication, "until the end of Monday" from publication to
  that Monday, "over the past nine days" the nine days ending on publication, "a ninth day of
  bombardment" the nine days ending on the day the sentence names ("Saturday saw a ninth day").
  ``relation`` says how the sentence uses it: at | since | until | during | from.
* **Precision** of a span: one day "day"; up to 14 days "week"; up to 62 days "month"; longer
  "year".  Numeric dates are read day first (27/02/2016) unless the middle number exceeds 12.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ceasefire.resolve.numbers import parse_number

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
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_ORD_SUFFIX = r"(?:st|nd|rd|th)?"
_NUMWORD = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty|thirty|forty|forty-eight|twenty-four|seventy-two|several|few|couple\s+of)"
_ORDWORD = "|".join(sorted(ORDINALS, key=len, reverse=True))
_LEAD = r"(?i:(?P<lead>since|until|till|through|by|from|before|after|on|in|during|as\s+of|starting|beginning|effective)\s+(?:the\s+end\s+of\s+|the\s+morning\s+of\s+|the\s+night\s+of\s+|the\s+evening\s+of\s+|midnight\s+(?:on\s+)?)?)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
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


def _precision(start: date, end: date) -> str:
    days = (end - start).days + 1
    return "day" if days <= 1 else "week" if days <= 14 else "month" if days <= 62 else "year"


def _month_span(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_no(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


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


# --------------------------------------------------------------------------- finding


def find_time_expressions(text: str, published: date | None, offset: int = 0) -> list[TimeExpression]:
    """Every time expression in ``text`` resolved against ``published`` (None: relative ones stay unresolved).

    Expressions do not overlap; the longest one found first wins ("since 27 February 2016"
    is one expression, not three).
    """
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    possible = _possible_kinds(text)
    for kind, pattern in _PATTERNS:
        if kind not in possible:
            continue
        for m in pattern.finditer(text):
            s, e = m.start(), m.end()
            if any(a < e and s < b for a, b in taken):
                continue
            expr = _resolve(kind, m, text, published)
            if expr is None:
                continue
            taken.append((s, e))
            found.append(expr)
    found.sort(key=lambda x: x.start)
    _anchor_ordinal_days(found, text, published)
    for x in found:
        x.start += offset
        x.end += offset
    return found


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
            if century:
                kinds.add("month_year")
    if month:
        kinds.add("month")
    if "day" in text and any(w in text for w in _WEEKDAYS):
        kinds.add("weekday")  # a weekday's name, case kept
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


def _apply_relation(relation: str, s: date | None, e: date | None, published: date | None) -> tuple[date | None, date | None]:
    """Stretch a point to the span its relation covers: since X runs to publication, until X from it."""
    if relation == "since" and s is not None and published is not None and s <= published:
        return s, published
    if relation == "until" and e is not None and published is not None and e >= published:
        return published, e
    return s, e


def _resolve(kind: str, m: re.Match[str], text: str, published: date | None) -> TimeExpression | None:
    gd = m.groupdict()
    relation = _relation(gd.get("lead") or gd.get("lead2") if kind in ("month",) else gd.get("lead"))
    future = _looks_ahead(text, m.start(), m.end()) or relation == "until"
    if relation == "until" and _PAST_UNTIL.search(text[max(0, m.start() - 80) : m.start()]):
        future = False
    s: date | None = None
    e: date | None = None
    precision = "day"
    if kind == "iso":
        s = e = _safe(int(gd["y"]), int(gd["m"]), int(gd["d"]))
    elif kind == "numeric":
        a, b, y = int(gd["a"]), int(gd["b"]), int(gd["y"])
        y = y + 2000 if y < 100 else y
        day, month = (a, b) if b <= 12 else (b, a)
        s = e = _safe(y, month, day)
    elif kind in ("wd_md", "wd_dm"):
        month, day = _month_no(gd["month"]), int(gd["d"])
        if gd.get("y"):
            s = e = _safe(int(gd["y"]), month, day)
        else:
            s = e = _year_for(month, day, published, future, gd.get("wd"))
    elif kind == "month_year":
        s, e = _month_span(int(gd["y"]), _month_no(gd["month"]))
        s, e = _month_part(s, e, gd.get("part"))
        precision = "month" if not gd.get("part") else "week" if (e - s).days < 14 else "month"
    elif kind == "month":
        if gd["month"] == "May" and not (gd.get("lead") or gd.get("lead2")):
            return None
        lead = (gd.get("lead") or "").lower()
        month = _month_no(gd["month"])
        if published is None:
            return TimeExpression(m.start(), m.end(), m.group(0), None, None, "month", relation, future)
        y = published.year
        if lead == "last" or (not future and lead != "next"):
            if month > published.month or (lead == "last" and month == published.month):
                y -= 1
        else:
            if month < published.month or (lead == "next" and month == published.month):
                y += 1
        s, e = _month_span(y, month)
        part = lead if lead in ("early", "late", "mid") else gd.get("lead2")
        s, e = _month_part(s, e, part)
        precision = "month"
    elif kind == "year":
        y = int(gd["y"])
        s, e = date(y, 1, 1), date(y, 12, 31)
        precision = "year"
    elif kind == "ordinal_day":
        n = ORDINALS.get(gd["ord"].lower()) or int(re.sub(r"\D", "", gd["ord"]))
        unit = gd["unit"].lower()
        days = n * {"day": 1, "week": 7, "month": 30}[unit]
        if published is not None:
            e = published
            s = e - timedelta(days=days - 1)
            precision = _precision(s, e)
        return TimeExpression(m.start(), m.end(), m.group(0), s, e, precision if published else "week", "during", False)
    elif kind in ("past_n", "past_unit"):
        unit = gd["unit"].lower().rstrip("s")
        n = 1 if kind == "past_unit" else parse_number(re.sub(r"\s+of$", "", gd["n"].lower()).replace("couple", "2").replace("few", "3").replace("several", "3") if gd["n"].lower() not in ("a", "an") else "1") or 1
        if kind == "past_n" and gd["n"].lower() in ("several", "few"):
            n = 3
        if kind == "past_unit" and unit == "weekend":
            return None
        direction = (gd.get("dir") or "").lower()
        forward = direction in ("coming", "next", "another") or (gd["lead"].lower() in ("for", "within") and (future or direction == "another"))
        days = _days(n, unit)
        if published is None:
            return TimeExpression(m.start(), m.end(), m.group(0), None, None, "week", "during", forward)
        if forward:
            s, e = published, published + timedelta(days=max(days - (0 if unit == "hour" else 1), 0))
        elif unit == "hour" and n <= 24:
            # "over the past 24 hours": a daily report's day, the day the window ends (a count of the
            # past 24 hours is one day's toll, resolve.numbers._one_day)
            s = e = published
        else:
            e = published
            s = published - timedelta(days=max(days - (0 if unit == "hour" else 1), 0))
        precision = _precision(s, e)
        return TimeExpression(m.start(), m.end(), m.group(0), s, e, precision, "during", forward)
    elif kind == "ago":
        if published is None:
            return TimeExpression(m.start(), m.end(), m.group(0), None, None, "day", "at", False)
        n = parse_number(gd["n"]) or (3 if gd["n"].lower() in ("several", "few") else 1)
        unit = gd["unit"].lower().rstrip("s")
        s = e = published - timedelta(days=_days(n, unit))
        precision = "day" if unit == "day" else "week" if unit == "week" else "month" if unit == "month" else "year"
    elif kind == "relative":
        return _relative(m, text, published, relation, future)
    elif kind == "weekday":
        return _weekday(m, text, published, relation, future)
    if s is None and e is None and published is not None:
        return None
    s, e = _apply_relation(relation, s, e, published)
    if s is not None and e is not None and kind not in ("month_year", "month", "year", "ago"):
        precision = _precision(s, e) if relation not in ("since", "until") else precision
    return TimeExpression(m.start(), m.end(), m.group(0), s, e, precision, relation, future)


def _days(n: int, unit: str) -> int:
    return {"hour": max(1, (n + 23) // 24) if n else 1, "day": n, "week": 7 * n, "month": 30 * n, "year": 365 * n}[unit] if unit != "hour" else max(1, (n + 23) // 24)


def _month_part(s: date, e: date, part: str | None) -> tuple[date, date]:
    part = (part or "").lower()
    if part.startswith("early") or "beginning" in part or "start" in part:
        return s, s.replace(day=10)
    if part.startswith("mid") or "middle" in part:
        return s.replace(day=11), s.replace(day=20)
    if part.startswith("late") or "end" in part:
        return s.replace(day=21), e
    return s, e


def _year_for(month: int, day: int, published: date | None, future: bool, weekday: str | None) -> date | None:
    if published is None:
        return None
    candidates = [d for y in (published.year - 1, published.year, published.year + 1) if (d := _safe(y, month, day))]
    if weekday:
        wd = WEEKDAYS.index(weekday.lower().rstrip("s"))
        matching = [d for d in candidates if d.weekday() == wd]
        if matching:
            return min(matching, key=lambda d: abs((d - published).days))
    if future:
        ahead = [d for d in candidates if d >= published]
        return min(ahead) if ahead else None
    behind = [d for d in candidates if d <= published]
    return max(behind) if behind else None


def _relative(m: re.Match[str], text: str, published: date | None, relation: str, future: bool) -> TimeExpression | None:
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    mk = lambda s, e, p, r=relation, f=future: TimeExpression(m.start(), m.end(), m.group(0), s, e, p, r, f)  # noqa: E731
    if published is None:
        return mk(None, None, "year" if "year" in rel else "month" if "month" in rel else "week" if "week" in rel else "day")
    p = published
    one = timedelta(days=1)
    if rel in ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today", "later today", "at midnight", "midnight tonight"):
        d = p + one if rel == "midnight tonight" else p
        s, e = _apply_relation(relation, d, d, p)
        return mk(s, e, "day")
    if rel == "from midnight":
        d = p + one if future else p
        return mk(d, None, "day", "from")
    if rel in ("yesterday", "last night"):
        d = p - one
        s, e = _apply_relation(relation, d, d, p)
        return mk(s, e, "day" if s == e else _precision(s, e))
    if rel == "overnight":
        return mk(p - one, p, "day")
    if rel == "the day before yesterday":
        return mk(p - 2 * one, p - 2 * one, "day")
    if rel == "tomorrow":
        return mk(p + one, p + one, "day", relation, True)
    unit = rel.split()[-1]
    monday = p - timedelta(days=p.weekday())
    if unit == "weekend":
        if rel.startswith("next") or (future and not rel.startswith("last")):
            sat = p + timedelta(days=(5 - p.weekday()) % 7 or 7)
        else:
            sat = p - timedelta(days=(p.weekday() - 5) % 7)
            if rel.startswith("last") and sat == p:
                sat -= timedelta(days=7)
        return mk(sat, sat + one, "week")
    if rel.startswith(("earlier this", "so far this", "earlier in the")):
        start = {"year": date(p.year, 1, 1), "month": p.replace(day=1), "week": monday}[unit]
        return mk(start, p, unit, "during" if relation == "at" else relation)
    if rel.startswith("later this"):
        end = {"year": date(p.year, 12, 31), "month": _month_span(p.year, p.month)[1], "week": monday + 6 * one}[unit]
        return mk(p, end, unit, relation, True)
    if rel.startswith("this"):
        start = {"year": date(p.year, 1, 1), "month": p.replace(day=1), "week": monday}[unit]
        end = p if not future else {"year": date(p.year, 12, 31), "month": _month_span(p.year, p.month)[1], "week": monday + 6 * one}[unit]
        return mk(start, end, unit)
    if rel.startswith(("last", "the previous", "the past")):
        if unit == "year":
            return mk(date(p.year - 1, 1, 1), date(p.year - 1, 12, 31), "year")
        if unit == "month":
            last = p.replace(day=1) - one
            return mk(last.replace(day=1), last, "month")
        return mk(monday - 7 * one, monday - one, "week")
    if rel.startswith("next"):
        if unit == "year":
            return mk(date(p.year + 1, 1, 1), date(p.year + 1, 12, 31), "year", relation, True)
        if unit == "month":
            first = _month_span(p.year, p.month)[1] + one
            return mk(*_month_span(first.year, first.month), "month", relation, True)
        return mk(monday + 7 * one, monday + 13 * one, "week", relation, True)
    return None


def _weekday(m: re.Match[str], text: str, published: date | None, relation: str, future: bool) -> TimeExpression | None:
    word = m.group("wd")
    if word.endswith("s") and not m.group("lead"):
        return None  # "on Fridays" is a habit, not a day
    wd = WEEKDAYS.index(word.lower().rstrip("s"))
    which = (m.group("which") or "").lower()
    mk = lambda s, e, f: TimeExpression(m.start(), m.end(), m.group(0), s, e, "day", relation, f)  # noqa: E731
    if published is None:
        return mk(None, None, future or which in ("next", "coming"))
    back = (published.weekday() - wd) % 7
    ahead = (wd - published.weekday()) % 7 or 7
    if which in ("next", "coming"):
        d = published + timedelta(days=ahead)
        future = True
    elif which in ("last", "past", "previous"):
        d = published - timedelta(days=back or 7)
        future = False
    elif relation == "until" and future:
        d = published + timedelta(days=(wd - published.weekday()) % 7)  # "until the end of Monday": the coming one (today included)
    elif future or which == "this" and ahead < 7 and back != 0 and _looks_ahead(text, m.start(), m.end()):
        d = published + timedelta(days=ahead)
    else:
        d = published - timedelta(days=back)
        future = False
    s, e = _apply_relation(relation, d, d, published)
    expr = mk(s, e, future)
    if s != e and s is not None and e is not None:
        expr.precision = "day" if relation in ("since", "until") else _precision(s, e)
    return expr


def _anchor_ordinal_days(found: list[TimeExpression], text: str, published: date | None) -> None:
    """'Saturday saw a ninth day of bombardments': the nine days end on the day the sentence names."""
    for x in found:
        if not x.text.lower().startswith(("a ", "an ", "the ")) or "day" not in x.text.lower() and "week" not in x.text.lower():
            continue
        if not re.match(r"(?:a|an|the)\s+\S+\s+(?:\w+\s+)?(?:day|week|month)\s+(?:of|in|running)", x.text, re.I):
            continue
        sent_bounds = [0] + [mm.end() for mm in _SENT.finditer(text)] + [len(text)]
        a = max(b for b in sent_bounds if b <= x.start)
        z = min((b for b in sent_bounds if b >= x.end), default=len(text))
        refs = [y for y in found if y is not x and a <= y.start < z and y.relation == "at" and y.precision == "day" and y.end_date]
        if refs and x.start_date and x.end_date:
            ref = min(refs, key=lambda y: abs(y.start - x.start)).end_date
            length = x.end_date - x.start_date
            x.end_date, x.start_date = ref, ref - length


# --------------------------------------------------------------------------- event date


_DEICTIC_TODAY = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.I)
#: A day that dates a statement rather than the incident it reports: "confirmed today that ...",
#: "said on Saturday", "forces yesterday confirmed the arrest ...".  Not "reported killed
#: yesterday", where the day is the death's.
_STATEMENT_VERBS = r"(?:said|says|announced|told|reported|stated|added|confirmed|claimed|denied|declared|acknowledged)"
_STATEMENT_BEFORE = re.compile(rf"\b{_STATEMENT_VERBS}\s+(?:on\s+|late\s+|early\s+)?$", re.I)
_STATEMENT_AFTER = re.compile(rf"^,?\s+(?:that\s+)?{_STATEMENT_VERBS}\b", re.I)
#: A day that names another event by its date: "Tuesday's attack", "behind the Aug. 7 attack".
_POSSESSIVE_AFTER = re.compile(r"^['’]s\b")
_ATTRIBUTIVE_BEFORE = re.compile(r"\bthe\s+$", re.I)
_NOUN_AFTER = re.compile(r"^\s+[a-z]")


def _statement_day(text: str, x: TimeExpression) -> bool:
    """True when ``x`` (offsets into ``text``) dates a statement, not an incident."""
    return bool(_STATEMENT_BEFORE.search(text[max(0, x.start - 30): x.start]) or _STATEMENT_AFTER.match(text[x.end: x.end + 30]))


def _names_other_event(text: str, x: TimeExpression) -> bool:
    """True when ``x`` is an attribute of a noun ("Tuesday's attack", "the Aug. 7 bombing"):
    the day of an event the sentence refers to, often not the one it tells."""
    after = text[x.end: x.end + 20]
    if _POSSESSIVE_AFTER.match(after):
        return True
    return bool(x.precision == "day" and _ATTRIBUTIVE_BEFORE.search(text[max(0, x.start - 6): x.start]) and _NOUN_AFTER.match(after)
                and not x.text[:1].islower())


def _secondary_day(text: str, x: TimeExpression) -> bool:
    """A statement's day or another event's: ranks after any day the sentence gives its incident."""
    return _statement_day(text, x) or _names_other_event(text, x)
_PREFERENCE = {"at": 0, "during": 1, "since": 2, "from": 3, "until": 4}
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def resolve_event_date(sentence_text: str, published: date | None, default_to_published: bool = True) -> dict[str, Any] | None:
    """The Event JSON v1 ``date`` of the event a sentence tells.

    The most precise point in time the sentence gives ("on Saturday", "yesterday", "on 27
    February") wins over spans ("over the past nine days", "since July"); "until ..." marks
    how long something lasts, not when it happened, so it is used only when nothing else is
    there and publication is unknown.  With no time at all the event is dated to
    publication (day precision) when ``default_to_published``.  A day that only dates a
    statement ("confirmed today", "said on Saturday") or names another event ("Tuesday's
    attack") ranks after the others.
    """
    exprs = [x for x in find_time_expressions(sentence_text, published) if x.start_date or x.end_date]
    # "until Monday", "for another 24 hours": how long something lasts, not when it happened
    durations = [x for x in exprs if x.relation == "until" or (x.future and x.relation in ("during", "from"))]
    candidates = [x for x in exprs if x not in durations and not x.future]
    if not candidates:
        candidates = [x for x in exprs if x not in durations]
    if candidates:
        # "confirmed today that a leader was arrested on Sunday": the named day is the event's,
        # "today" is the statement's, so deictic today ranks after any other day
        best = min(candidates, key=lambda x: (_PREFERENCE[x.relation], _PRECISION_RANK[x.precision],
                                              2 if _secondary_day(sentence_text, x) else 1 if _DEICTIC_TODAY.search(x.text) else 0, x.start))
        return best.as_event_date()
    if default_to_published and published is not None:
        return {"start": published.isoformat(), "end": published.isoformat(), "precision": "day"}
    return None


# --------------------------------------------------------------------------- report dates

#: "Dec. 6: Operations Conducted in Laghman ..." - a heading that opens with the release's own
#: date, like a dateline: it dates the release, not the incident the release tells.
#: A heading that ends with it ("ISAF Joint Command Morning Operational Update, Feb. 21, 2011",
#: "IJC Operational Update, July 16") is the same stamp.
_HEADING_DATE = re.compile(
    rf"^[ \t]*{_MONTH}\s+[0-3]?\d(?:,\s+(?:19|20)\d\d)?\s*:(?=\s)|(?<=\S)(?:,\s*|\s+){_MONTH}\s+[0-3]?\d,\s+(?:19|20)\d\d[ \t]*$|(?<=\S),\s*{_MONTH}\s+[0-3]?\d[ \t]*$",
    re.M,
)
#: Release numbers that carry the year and month: "2010-05-CA-039", "2011-07-S-003" (ISAF and
#: other military press offices).
_RELEASE_NUMBER = re.compile(r"\b((?:19|20)\d\d)[-–](0[1-9]|1[0-2])[-–][A-Z]{1,3}[-–](?:\d+|X+)\b")
#: A dateline's date with or without the year: "(Jan. 25, 2013)", "(Nov. 1. 2011)", "(Sept. 4)".
_DATELINE_DATE = re.compile(rf"\((?P<month>{_MONTH})\s+(?P<d>[0-3]?\d)(?:[,.]\s+(?P<y>(?:19|20)\d\d))?\)")


def blank_heading_date(text: str) -> str:
    """``text`` with a heading's release date ("Dec. 6: ...") blanked, offsets kept."""
    return _HEADING_DATE.sub(lambda m: " " * len(m.group(0)), text)


def release_date(text: str) -> date | None:
    """The date a press release gives itself, or None.

    The release's dateline is its first one ("KABUL, Afghanistan (Jan. 25, 2013)"): the relative
    days of its text ("yesterday", "today") count from it, so it wins over a digest's heading
    ("ISAF Joint Command Operational Update, Jan. 5, 2011" above "KABUL, Afghanistan (Jan. 4)")
    and over the datelines of the items a digest reprints further down. A dateline without a
    year ("(Sept. 4)") takes it from the heading, else from the release number ("2010-05-CA-039"),
    else from a later dateline, the month of that source choosing between December and January at
    a year's turn. With no dateline, a dated heading ("May 11: Afghan-ISAF Operations ...",
    "... Operational Update, Feb. 21, 2011") is the release's date, its year likewise. Else None
    (a release number alone gives a month, not a day).
    """
    number = _RELEASE_NUMBER.search(text)
    datelines = list(_DATELINE_DATE.finditer(text))
    head = _HEADING_DATE.search(text)
    hm = re.search(rf"(?P<month>{_MONTH})\s+(?P<d>[0-3]?\d)(?:,\s+(?P<y>(?:19|20)\d\d))?", head.group(0)) if head else None
    if datelines and datelines[0].group("y"):
        m = datelines[0]
        return _safe(int(m.group("y")), _month_no(m.group("month")), int(m.group("d")))
    m = datelines[0] if datelines else hm
    if m is None:
        return None
    if m is hm and hm.group("y"):
        return _safe(int(hm.group("y")), _month_no(hm.group("month")), int(hm.group("d")))
    # the year's source, and the month it was stamped in
    if hm is not None and hm is not m and hm.group("y"):
        year, stamped = int(hm.group("y")), _month_no(hm.group("month"))
    elif number:
        year, stamped = int(number.group(1)), int(number.group(2))
    else:
        later = next((x for x in datelines[1:] if x.group("y")), None)
        if later is None:
            return None
        year, stamped = int(later.group("y")), _month_no(later.group("month"))
    month, day = _month_no(m.group("month")), int(m.group("d"))
    # a release numbered (or stamped) in December and dated "Jan. 2" was issued in the next year
    if stamped == 12 and month == 1:
        year += 1
    elif stamped == 1 and month == 12:
        year -= 1
    return _safe(year, month, day)


def lead_date(sentences: list[str], published: date | None, window: int = 5) -> dict[str, Any] | None:
    """The day a report's lead gives: the first of its first ``window`` sentences whose own
    words name a past day ("... in Khost province yesterday").

    A headline has no date of its own, and the sentences that follow a lead ("During the
    operation, two insurgents were killed") tell the lead's incident: both take this day when
    they name none.  Spans ("over the past week"), months and years are not a lead's day, and
    a day the clause looks ahead to ("talks will resume on Monday") is not an incident's.  Nor
    is the day of a statement ("officials today confirmed the capture ...") or of another event
    named by its date ("behind Tuesday's attack"): another day of the same sentence wins (a lead
    that dates only another event gives no day: the next sentences are read), and a
    lead that dates only its statement as "today" (a release: "Forces today confirmed ...") takes
    the next sentence's day when it falls in the week before the statement.
    """
    stated: TimeExpression | None = None
    for text in sentences[:window]:
        text = blank_heading_date(text)
        exprs = [x for x in find_time_expressions(text, published)
                 if x.start_date and x.precision == "day" and x.relation == "at" and not x.future]
        if published is not None:
            exprs = [x for x in exprs if x.start_date <= published]
        if not exprs:
            continue
        # "ISAF today confirmed the capture ... June 14", "... behind Tuesday's attack, today":
        # the day of a statement, or of another event named by its date, is not the lead's
        own = [x for x in exprs if not _secondary_day(text, x)]
        if stated is None and not own and all(_names_other_event(text, x) for x in exprs):
            continue  # "the insurgent behind the May 11 attack was killed ...": that attack's day is not the lead's
        if stated is None and not own:
            if not _DEICTIC_TODAY.search(exprs[0].text):
                # "17 people were killed, a watchdog said on Saturday": a news lead's statement day
                # is its incident's day as far as the report tells; the next sentence's day is
                # often background ("an offensive that began on Friday").
                return exprs[0].as_event_date()
            stated = exprs[0]
            continue
        if stated is None:
            return own[0].as_event_date()
        # a lead that only dates its statement ("Forces today confirmed they recently detained
        # two men."): the next sentence's day, when it falls in the week before the statement
        day = own[0] if own else exprs[0]
        if 0 <= (stated.start_date - day.start_date).days <= RECALLED_AFTER_DAYS and own:
            return day.as_event_date()
        break
    return stated.as_event_date() if stated is not None else None


#: How long before a report's lead day an incident it tells is history the report recalls.
RECALLED_AFTER_DAYS = 7


def recalled(event_date: dict[str, Any] | None, lead: dict[str, Any] | None, days: int = RECALLED_AFTER_DAYS) -> bool:
    """True when an event dated ``event_date`` ended more than ``days`` before the report's lead
    day ``lead``: an earlier incident the report recalls ("responsible for the July 2010 bombing",
    "the Dec. 2 attack on Jalalabad Airfield"), not the one it reports."""
    if not event_date or not lead:
        return False
    try:
        end = date.fromisoformat(str(event_date.get("end") or event_date["start"]))
        start = date.fromisoformat(str(lead["start"]))
    except (KeyError, ValueError):
        return False
    return (start - end).days > days

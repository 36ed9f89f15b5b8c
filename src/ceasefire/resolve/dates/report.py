"""Dates of a whole report: the date a press release gives itself (its dateline, heading or
release number), the day its lead gives, and the incidents it only recalls."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from ceasefire.resolve.dates.anchoring import _month_no, _safe, find_time_expressions
from ceasefire.resolve.dates.event import _DEICTIC_TODAY, _OVERNIGHT, _names_day_before, _names_other_event, _secondary_day
from ceasefire.resolve.dates.patterns import _MONTH, TimeExpression


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
            # "an overnight operation ... Monday": the named day, not the night before publication
            named_before = _names_day_before(own, published)
            return min(own, key=lambda x: (bool(named_before and _OVERNIGHT.match(x.text)), x.start)).as_event_date()
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

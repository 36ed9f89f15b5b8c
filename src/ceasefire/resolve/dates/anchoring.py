"""Anchoring time expressions to the publication date: each match of ``patterns`` becomes the
span of calendar days it stands for, and ``find_time_expressions`` reads a whole text."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ceasefire.resolve.dates.patterns import (
    _PAST_UNTIL, _PATTERNS, _SENT, MONTHS, ORDINALS, WEEKDAYS, TimeExpression, _looks_ahead,
    _possible_kinds, _relation,
)
from ceasefire.resolve.numbers import parse_number


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
    if kind in ("md_range", "dm_range"):
        first = _month_no(gd["month"] or gd["month2"])
        last = _month_no(gd["month2"] or gd["month"])
        d1, d2 = int(gd["d"]), int(gd["d2"])
        # one run of days: ascending within a month, or into the next month ("Dec. 30 - Jan. 2")
        if (first == last and not d1 < d2) or (first != last and last != first % 12 + 1):
            return None
        if gd.get("y"):
            s = _safe(int(gd["y"]) - (1 if last < first else 0), first, d1)
        else:
            s = _year_for(first, d1, published, future, None)  # the first day on or before publication
        e = _safe(s.year + (1 if last < first else 0), last, d2) if s is not None else None
        if s is None or e is None:
            s = e = None
        elif gd.get("night"):
            # one night across two days: dated like "overnight", to the day it began
            if (e - s).days != 1:
                return None
            return TimeExpression(m.start(), m.end(), m.group(0), s, e, "day", relation, future)
    elif kind == "iso":
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
    elif kind == "wd_range":
        first, last = WEEKDAYS.index(gd["wd"].lower()), WEEKDAYS.index(gd["wd2"].lower())
        length = timedelta(days=(last - first) % 7 or 7)
        if published is None:
            return TimeExpression(m.start(), m.end(), m.group(0), None, None, "week", relation, future)
        if future:  # "talks will run from Monday to Wednesday": the coming Monday, as for one weekday
            s = published + timedelta(days=(first - published.weekday()) % 7 or 7)
            e = s + length
        else:  # the run that ended last on or before publication
            e = published - timedelta(days=(published.weekday() - last) % 7)
            s = e - length
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

"""An event's date from its sentence, against the report's publication day and lead day."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from ceasefire.extract.context import DocContext

from ceasefire.extract.events.places import _DATELINE


#: A dateline's date in the forms the places' pattern leaves: a city in title case ("Kabul,
#: Afghanistan (Dec. 9) - ...") or a year after a full stop ("(Nov. 1. 2011)").
_DATELINE_DATE = re.compile(r"\b[A-Z][A-Za-z'-]+,\s+[A-Z][a-z]+\s*(?P<date>\([A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:[,.]\s+\d{4})?\))")


def _without_dateline(text: str) -> str:
    """The sentence with its dateline ("KABUL, Afghanistan (Jan. 25, 2013)") and a heading's
    release date ("May 11: Afghan-ISAF Operations ...") blanked, offsets kept: the day a release
    is dated is not the day of the incident it tells ("(Dec. 9) - ... an air strike ... yesterday")."""
    from ceasefire.resolve.dates import blank_heading_date

    text = _DATELINE.sub(lambda m: " " * len(m.group(0)), text)
    text = _DATELINE_DATE.sub(lambda m: m.group(0)[: m.start("date") - m.start()] + " " * len(m.group("date")), text)
    return blank_heading_date(text)


#: An item's dateline in a digest or a chain of releases: "KABUL, Afghanistan (Aug. 20, 2012)",
#: "URUZGAN, Afghanistan (Sept. 4)".
_ITEM_DATELINE = re.compile(
    r"\b[A-Z][A-Za-z'-]+,\s+[A-Z][a-z]+\s*\((?P<month>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\.?\s+(?P<d>[0-3]?\d)"
    r"(?:[,.]\s+(?P<y>(?:19|20)\d\d))?\)"
)
#: How far from the report's date an item's dateline may lie to be read as one (a digest reprints
#: the releases of the weeks before it; a day further off is a misreading).
_ITEM_DAYS = 62


@lru_cache(maxsize=16)
def _datelines(text: str, published: date) -> tuple[tuple[int, date], ...]:
    """The offsets and days of the datelines of ``text``, a dateline without a year taking the
    year that puts it nearest to ``published``."""
    from ceasefire.resolve.dates import _month_no, _safe

    found = []
    for m in _ITEM_DATELINE.finditer(text):
        try:
            month = _month_no(m.group("month")[:3])
        except KeyError:
            continue
        day = int(m.group("d"))
        years = [int(m.group("y"))] if m.group("y") else [published.year - 1, published.year, published.year + 1]
        days = [d for y in years if (d := _safe(y, month, day)) is not None]
        if days:
            d = min(days, key=lambda d: abs((d - published).days))
            if abs((d - published).days) <= _ITEM_DAYS:
                found.append((m.start(), d))
    return tuple(found)


def _item_published(ctx: DocContext, sent: Any) -> date | None:
    """The day sentence ``sent`` counts its relative days from: in a digest or a chain of releases
    ("KABUL, Afghanistan (Aug. 20, 2012) ... confirmed today ... Friday" after a release of Aug. 19),
    the last dateline that begins before the sentence ends; the report's first dateline and a
    report with one dateline or none keep the publication day (the report's own date, which
    may come from metadata)."""
    if ctx.published is None or ctx.text.count("(") < 2:
        return ctx.published
    lines = _datelines(ctx.text, ctx.published)
    if len(lines) < 2:
        return ctx.published
    day = ctx.published
    for offset, d in lines[1:]:
        if offset >= sent.end:
            break
        day = d
    return day


def _lead_date(ctx: DocContext) -> dict[str, Any] | None:
    try:
        from ceasefire.resolve.dates import lead_date

        return lead_date([_without_dateline(s.text) for s in ctx.sentences], ctx.published)
    except Exception:  # noqa: BLE001 - an odd date must not lose the events
        return None


def _date(text: str, published: date | None, default: bool = True) -> dict[str, Any] | None:
    """The event date a sentence gives (resolved against ``published``); with ``default``, the
    publication day when it gives none."""
    try:
        from ceasefire.resolve.dates import resolve_event_date
    except ImportError:
        resolve_event_date = None
    if resolve_event_date is not None:
        try:
            d = resolve_event_date(text, published, default_to_published=False) if text else None
        except TypeError:  # an older resolver without the keyword
            d = resolve_event_date(text, published) if not default else None
        except Exception:  # noqa: BLE001
            d = None
        if d:
            return _date_dict(d)
    if published and default:
        iso = published.isoformat()
        return {"start": iso, "end": iso, "precision": "day"}
    return None


def _date_dict(d: Any) -> dict[str, Any] | None:
    if isinstance(d, dict):
        return {"start": str(d["start"]), "end": str(d.get("end") or d["start"]), "precision": d.get("precision") or "day"}
    if hasattr(d, "as_dict"):
        return _date_dict(d.as_dict())
    if hasattr(d, "start"):
        return {"start": str(d.start), "end": str(getattr(d, "end", None) or d.start), "precision": getattr(d, "precision", "day")}
    return None


#: A follow-up release's confirmation: "ISAF confirmed ...", "officials confirmed today that ...".
_CONFIRMED = re.compile(r"\bconfirm(?:ed|s)\b", re.I)
#: How far a follow-up's day may lie from the first release's day to correct it rather than tell
#: another operation.
_CORRECTED_DAYS = 3


def _follow_up_day(ctx: DocContext, events: list[dict[str, Any]]) -> None:
    """In a chain of releases, the day a later release confirms for the operation the first one
    tells replaces the first release's day.

    A press office first reports an operation ("... a joint patrol detained two suspects in
    Nadir Shah Kot district, Khost province, today") and days later confirms its outcome
    ("officials confirmed that one of the two men held in Khost province on May 3 is a bomb
    maker"): the confirmation is the checked record and names the day. It counts when
    its sentence says "confirmed", its incident lies in the main event's province, its day lies
    before its own dateline (the confirmation's own day is a statement's) and within
    ``_CORRECTED_DAYS`` of the main event's day (further off, it is another operation)."""
    if ctx.published is None or len(events) < 2:
        return
    lines = _datelines(ctx.text, ctx.published)
    if len(lines) < 2:
        return
    main = events[0]
    first_item_end = lines[1][0]
    if not main.get("evidence") or main["evidence"][0]["start"] >= first_item_end or not main.get("date"):
        return
    province = (main.get("location") or {}).get("admin1")
    try:
        day = date.fromisoformat(main["date"]["start"])
    except (KeyError, TypeError, ValueError):
        return
    if not province or main["date"].get("precision") != "day":
        return
    for ev in events[1:]:
        if ev.get("aggregate") or ev.get("background") or not ev.get("evidence") or not ev.get("date"):
            continue
        first = ev["evidence"][0]
        end = first["start"] + len(first.get("text") or "")
        own = [d for offset, d in lines[1:] if offset < end]
        if not own or not _CONFIRMED.search(first.get("text") or ""):
            continue
        if (ev.get("location") or {}).get("admin1") != province or ev["date"].get("precision") != "day":
            continue
        try:
            told = date.fromisoformat(ev["date"]["start"])
        except (KeyError, TypeError, ValueError):
            continue
        if told < own[-1] and told != day and abs((told - day).days) <= _CORRECTED_DAYS:
            main["date"] = dict(ev["date"])
            return

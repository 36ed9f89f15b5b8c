"""An event's date from its sentence, against the report's publication day and lead day."""

from __future__ import annotations

import re
from datetime import date
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

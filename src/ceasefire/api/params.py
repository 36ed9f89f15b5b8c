"""Query and path parameters shared by the routes, validated so that no input reaches
the store in a form it cannot take (a 422 instead of a server error)."""

from __future__ import annotations

import math
from datetime import date
from typing import Annotated

from fastapi import HTTPException, Path, Query
from pydantic import AfterValidator

from ceasefire.store.queries import EventFilter

MAX_LIMIT = 1000
MAX_OFFSET = 2**31 - 1
MAX_TEXT = 200
# Dates outside these years are input mistakes, and some drivers cannot bind them.
MIN_YEAR, MAX_YEAR = 1900, 2200


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    # PostgreSQL cannot store or compare NUL; lone surrogates cannot be encoded.
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("must be valid UTF-8 text") from None
    return value


def _day(value: date | None) -> date | None:
    if value is not None and not (MIN_YEAR <= value.year <= MAX_YEAR):
        raise ValueError(f"year must be between {MIN_YEAR} and {MAX_YEAR}")
    return value


Text = Annotated[str, AfterValidator(_text)]
Day = Annotated[date, AfterValidator(_day)]

Since = Annotated[Day | None, Query(description="First day (YYYY-MM-DD), inclusive.")]
Until = Annotated[Day | None, Query(description="Last day (YYYY-MM-DD), inclusive.")]
TypeQ = Annotated[Text | None, Query(max_length=MAX_TEXT, description="ACLED event type or sub-event type, e.g. `Air/drone strike` (exact, case-insensitive).")]
ActorQ = Annotated[Text | None, Query(max_length=MAX_TEXT, description="Actor name (substring, case-insensitive).")]
PlaceQ = Annotated[Text | None, Query(max_length=MAX_TEXT, description="Place, district or governorate name (substring, case-insensitive).")]
BboxQ = Annotated[
    Text | None,
    Query(
        max_length=MAX_TEXT,
        description="Bounding box `west,south,east,north` in degrees (WGS 84), west <= east.",
        examples=["35.7,32.3,42.4,37.3"],
    ),
]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size (1..{MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
IdPath = Annotated[Text, Path(max_length=MAX_TEXT)]
AfterQ = Annotated[
    Text | None,
    Query(
        max_length=MAX_TEXT,
        description="Keyset cursor: the `next` of the previous page. The page starts right after that page's last "
        "event, found through the index (fast at any depth, unlike a large `offset`); `offset` is then ignored.",
    ),
]


def parse_after(value: str | None) -> tuple[date | None, str] | None:
    """A cursor ``YYYY-MM-DD,ID`` (``,ID`` for an undated event) -> (date, id), or a 422."""
    if not value:
        return None
    day, sep, event_id = value.partition(",")
    if not sep or not event_id:
        raise HTTPException(422, "after: expected the `next` cursor of a previous page (YYYY-MM-DD,ID)")
    try:
        return (_day(date.fromisoformat(day)) if day else None), event_id
    except ValueError:
        raise HTTPException(422, f"after: {day!r} is not a date (YYYY-MM-DD)") from None


def cursor_of(row: dict) -> str:
    """The ``next`` cursor that continues after ``row``."""
    day = row.get("date_start")
    return f"{day.isoformat() if day else ''},{row['id']}"


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``west,south,east,north`` -> a tuple, or a 422 naming the problem."""
    if value is None or value == "":
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise HTTPException(422, f"bbox: expected west,south,east,north (4 numbers), got {len(parts)} values")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise HTTPException(422, "bbox: every value must be a number") from None
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise HTTPException(422, "bbox: values must be finite numbers")
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= 90 and -90 <= north <= 90):
        raise HTTPException(422, "bbox: longitudes must lie in -180..180 and latitudes in -90..90")
    if west > east or south > north:
        raise HTTPException(422, "bbox: west must not exceed east, nor south north")
    return west, south, east, north


def event_filter(
    since: date | None = None,
    until: date | None = None,
    type: str | None = None,
    actor: str | None = None,
    place: str | None = None,
    bbox: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> EventFilter:
    return EventFilter(
        since=since, until=until, type=type or None, actor=actor or None, place=place or None,
        bbox=parse_bbox(bbox), limit=limit, offset=offset,
    )

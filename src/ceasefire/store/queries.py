"""Reads of the store used by the surfaces (CLI, API, dashboard, reports, exports)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from ceasefire.store import Store
from ceasefire.store import schema as t


@dataclass
class EventFilter:
    """Filters shared by `ceasefire events`, the API and the exports."""

    since: date | None = None
    until: date | None = None
    place: str | None = None  # matches location name, admin1 or admin2 (case-insensitive, substring)
    type: str | None = None  # event_type or sub_event_type (case-insensitive, exact)
    actor: str | None = None  # actor name (case-insensitive, substring)
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    include_aggregates: bool = False
    limit: int | None = None
    offset: int = 0


def _conditions(f: EventFilter) -> list[Any]:
    e = t.events.c
    cond: list[Any] = [e.status == "active"]
    if not f.include_aggregates:
        cond.append(e.is_aggregate == sa.false())
    if f.since:
        cond.append(sa.func.coalesce(e.date_end, e.date_start) >= f.since)
    if f.until:
        cond.append(e.date_start <= f.until)
    if f.type:
        ty = f.type.lower()
        cond.append(sa.or_(sa.func.lower(e.event_type) == ty, sa.func.lower(e.sub_event_type) == ty))
    if f.place:
        pat = f"%{f.place.lower()}%"
        cond.append(
            sa.or_(
                sa.func.lower(e.location_name).like(pat),
                sa.func.lower(e.admin1).like(pat),
                sa.func.lower(e.admin2).like(pat),
            )
        )
    if f.actor:
        pat = f"%{f.actor.lower()}%"
        cond.append(
            sa.exists()
            .where(t.event_actors.c.event_id == e.id)
            .where(t.event_actors.c.actor_id == t.actors.c.id)
            .where(sa.func.lower(t.actors.c.name).like(pat))
        )
    if f.bbox:
        west, south, east, north = f.bbox
        cond += [e.lon >= west, e.lon <= east, e.lat >= south, e.lat <= north]
    return cond


def list_events(store: Store, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """Active events matching ``f``, newest first, as rows (payload included)."""
    f = f or EventFilter()
    q = sa.select(t.events).where(*_conditions(f)).order_by(t.events.c.date_start.desc().nulls_last(), t.events.c.id)
    if f.limit is not None:
        q = q.limit(f.limit).offset(f.offset)
    with store.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


def count_events(store: Store, f: EventFilter | None = None) -> int:
    f = f or EventFilter()
    with store.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(t.events).where(*_conditions(f))).scalar_one()


def event_sources(store: Store, event_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """For each event, the documents that report it (id, title, outlet, published, url)."""
    out: dict[str, list[dict[str, Any]]] = {i: [] for i in event_ids}
    if not event_ids:
        return out
    q = (
        sa.select(
            t.event_claims.c.event_id,
            t.claims.c.id.label("claim_id"),
            t.documents.c.id.label("document_id"),
            t.documents.c.title,
            t.documents.c.outlet,
            t.documents.c.agency,
            t.documents.c.published,
            t.documents.c.url,
        )
        .join(t.claims, t.claims.c.id == t.event_claims.c.claim_id)
        .join(t.documents, t.documents.c.id == t.claims.c.document_id)
    )
    with store.connect() as conn:
        for i in range(0, len(event_ids), 500):
            chunk = event_ids[i : i + 500]
            for r in conn.execute(q.where(t.event_claims.c.event_id.in_(chunk))).mappings():
                d = dict(r)
                d["published"] = d["published"].isoformat() if d["published"] else None
                out[d.pop("event_id")].append(d)
    return out


def event_json(row: dict[str, Any], sources: list[dict[str, Any]]) -> dict[str, Any]:
    """An event as Event JSON v1 with its ``id`` and ``sources`` added."""
    obj = dict(row["payload"])
    obj["id"] = row["id"]
    obj["sources"] = sources
    return obj

"""Consolidation: claims from many reports become one event per incident.

``update(store)`` consolidates every claim not yet attached to an event
(incremental, run inside every ingest); ``rebuild(store)`` redoes it all.
First version: one event per claim.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone

import sqlalchemy as sa

from ceasefire.store import Store
from ceasefire.store import schema as t


def _event_id(claim_id: int, document_id: str) -> str:
    return "ev-" + hashlib.sha1(f"{document_id}:{claim_id}".encode()).hexdigest()[:12]


def update(store: Store) -> int:
    """Attach every unconsolidated claim to an event; returns the number of claims handled."""
    now = datetime.now(timezone.utc)
    with store.begin() as conn:
        rows = conn.execute(
            sa.select(t.claims).where(~sa.exists().where(t.event_claims.c.claim_id == t.claims.c.id))
        ).mappings().all()
        for c in rows:
            eid = _event_id(c["id"], c["document_id"])
            fat = c["fatalities_best"]
            conn.execute(
                sa.insert(t.events).values(
                    id=eid, status="active", event_type=c["event_type"], sub_event_type=c["sub_event_type"],
                    method=c["method"], date_start=c["date_start"], date_end=c["date_end"], date_precision=c["date_precision"],
                    location_name=c["location_name"], lat=c["lat"], lon=c["lon"], country=c["country"], admin1=c["admin1"],
                    admin2=c["admin2"], geonames_id=c["geonames_id"], location_precision=c["location_precision"],
                    fatalities_best=fat, fatalities_low=fat, fatalities_high=fat, is_aggregate=c["is_aggregate"],
                    n_sources=1, n_reports=1, payload=c["payload"], created_at=now, updated_at=now,
                )
            )
            conn.execute(sa.insert(t.event_claims).values(event_id=eid, claim_id=c["id"]))
            conn.execute(
                sa.insert(t.event_actors).from_select(
                    ["event_id", "actor_id", "role"],
                    sa.select(sa.literal(eid), t.claim_actors.c.actor_id, t.claim_actors.c.role).where(
                        t.claim_actors.c.claim_id == c["id"]
                    ),
                )
            )
    return len(rows)


def rebuild(store: Store) -> int:
    """Drop the derived events and consolidate every claim again."""
    with store.begin() as conn:
        conn.execute(sa.delete(t.events))
    return update(store)

"""Writing events: an event's row from its claims, its actors and claims attached, and its id."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ceasefire.consolidate.claims import _Claims, _claims_query, _load_fingerprints
from ceasefire.consolidate.materialise import SourcedClaim, consolidate_event
from ceasefire.consolidate.outlets import registry
from ceasefire.consolidate.reviews import Reviews
from ceasefire.store import Store
from ceasefire.store import schema as t

def _now() -> datetime:
    return datetime.now(timezone.utc)


def event_id_for(document_id: str, ordinal: int, taken: set[str] | None = None) -> str:
    """The id of an event first told by claim ``ordinal`` of ``document_id``; a suffix avoids ids in ``taken``."""
    n = 0
    while True:
        seed = f"{document_id}:{ordinal}" + (f":{n}" if n else "")
        eid = "ev-" + hashlib.sha1(seed.encode()).hexdigest()[:12]
        if not taken or eid not in taken:
            return eid
        n += 1


def _event_row(eid: str, members: list[SourcedClaim]) -> dict[str, Any]:
    row = consolidate_event(members, registry())
    row["id"] = eid
    row["status"] = "active"
    row["replaced_by"] = None
    row["reviewed"] = None
    row["n_claims"] = len(members)
    row["span_days"] = (row["date_end"] - row["date_start"]).days if row["date_start"] and row["date_end"] else None
    return row


def _write_event(conn: Connection, store: Store, row: dict[str, Any], claim_ids: list[int], exists: bool, now: datetime) -> None:
    row = dict(row)
    row["updated_at"] = now
    if exists:
        conn.execute(sa.update(t.events).where(t.events.c.id == row["id"]).values(**row))
    else:
        row["created_at"] = now
        conn.execute(sa.insert(t.events).values(**row))
    conn.execute(sa.delete(t.event_actors).where(t.event_actors.c.event_id == row["id"]))
    if "actors" in row["payload"].get("review", {}).get("consolidated", {}):  # the analyst named the actors
        seen = set()
        for a in row["payload"].get("actors") or []:
            key = (store._actor_id(conn, a), a.get("role") or "party")
            if key not in seen:
                seen.add(key)
                conn.execute(sa.insert(t.event_actors).values(event_id=row["id"], actor_id=key[0], role=key[1]))
        return
    for i in range(0, len(claim_ids), 500):
        chunk = claim_ids[i : i + 500]
        sel = (
            sa.select(sa.literal(row["id"]), t.claim_actors.c.actor_id, t.claim_actors.c.role)
            .where(t.claim_actors.c.claim_id.in_(chunk))
            .distinct()
        )
        if i == 0 and len(claim_ids) <= 500:
            conn.execute(sa.insert(t.event_actors).from_select(["event_id", "actor_id", "role"], sel))
        else:
            existing = {(r[0], r[1]) for r in conn.execute(sa.select(t.event_actors.c.actor_id, t.event_actors.c.role).where(t.event_actors.c.event_id == row["id"]))}
            for r in conn.execute(sel):
                if (r[1], r[2]) not in existing:
                    existing.add((r[1], r[2]))
                    conn.execute(sa.insert(t.event_actors).values(event_id=row["id"], actor_id=r[1], role=r[2]))


def _attach(conn: Connection, eid: str, claim_ids: list[int]) -> None:
    if claim_ids:
        conn.execute(sa.insert(t.event_claims), [{"event_id": eid, "claim_id": c} for c in claim_ids])


def _event_of(conn: Connection, claim_ids: list[int]) -> list[str]:
    out = []
    for i in range(0, len(claim_ids), 500):
        out += [r[0] for r in conn.execute(sa.select(t.event_claims.c.event_id).where(t.event_claims.c.claim_id.in_(claim_ids[i : i + 500])))]
    return out


def _write_groups(conn: Connection, store: Store, cl: _Claims, groups: list[list[int]], kept: dict[int, str], now: datetime,
                  stored: set[str] = frozenset()) -> None:
    """Write ``groups`` (claim ids in canonical order) as events: group i under ``kept[i]``, else a new
    id from its first claim; every claim attached to its group's event alone."""
    cands = [event_id_for(cl.records[g[0]].document_id, cl.records[g[0]].ordinal) for i, g in enumerate(groups) if i not in kept]
    taken = set(kept.values())
    for i in range(0, len(cands), 500):
        taken |= {r[0] for r in conn.execute(sa.select(t.events.c.id).where(t.events.c.id.in_(cands[i : i + 500])))}
    order = sorted(range(len(groups)), key=lambda i: cl.records[groups[i][0]].key)
    ids: dict[int, str] = {}
    for i in order:
        if i in kept:
            ids[i] = kept[i]
        else:
            first = cl.records[groups[i][0]]
            ids[i] = event_id_for(first.document_id, first.ordinal, taken)
            taken.add(ids[i])
    all_claims = [c for g in groups for c in g]
    for i in range(0, len(all_claims), 500):
        conn.execute(sa.delete(t.event_claims).where(t.event_claims.c.claim_id.in_(all_claims[i : i + 500])))
    reviews = Reviews(conn)
    reviews.place(conn, {c: ids[i] for i, g in enumerate(groups) for c in g})
    for i in order:
        members = [cl.sourced[c] for c in groups[i]]
        _load_fingerprints(conn, members)
        row = _event_row(ids[i], members)
        reviews.overlay(row)
        _write_event(conn, store, row, groups[i], ids[i] in stored, now)
        _attach(conn, ids[i], groups[i])


def write_groups(conn: Connection, store: Store, groups: dict[str, list[int]], existing: set[str]) -> None:
    """(Re)materialise the given events from their claims, attach the claims, apply reviews."""
    now = _now()
    cl = _Claims()
    all_ids = sorted({c for g in groups.values() for c in g})
    for i in range(0, len(all_ids), 500):
        cl.add_rows(conn.execute(_claims_query().where(t.claims.c.id.in_(all_ids[i : i + 500]))).mappings())
    conn.execute(sa.delete(t.event_claims).where(t.event_claims.c.claim_id.in_(all_ids))) if all_ids else None
    reviews = Reviews(conn)
    reviews.place(conn, {c: eid for eid, g in groups.items() for c in g})
    for eid, g in groups.items():
        members = sorted((cl.sourced[c] for c in g), key=lambda s: cl.records[s.claim_id].key)
        _load_fingerprints(conn, members)
        row = _event_row(eid, members)
        reviews.overlay(row)
        _write_event(conn, store, row, list(g), eid in existing, now)
        _attach(conn, eid, list(g))


def new_event_id(conn: Connection, claim_ids: list[int]) -> str:
    """A fresh id for a group: derived from its earliest claim, never one the store has used."""
    cl = _Claims()
    cl.add_rows(conn.execute(_claims_query().where(t.claims.c.id.in_(claim_ids))).mappings())
    first = min(cl.records.values(), key=lambda c: c.key)
    taken = set()
    while True:
        eid = event_id_for(first.document_id, first.ordinal, taken)
        if conn.execute(sa.select(t.events.c.id).where(t.events.c.id == eid)).first() is None:
            return eid
        taken.add(eid)

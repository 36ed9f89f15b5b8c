"""Consolidation: claims from many reports become one event per incident.

``update(store)`` consolidates every claim not yet attached to an event
(incremental, in short transactions; runs inside every ingest);
``rebuild(store)`` regroups every stored claim from scratch. Both keep event
ids stable: an event that gains a report keeps its id; ``rebuild`` gives each
group the id of the old event it shares most claims with, and a new group the
id derived from its earliest claim (document id and position). An old event
whose claims now sit elsewhere is left as a tombstone (status ``merged`` or
``split``, ``replaced_by`` the new ids). Analyst reviews (merges, splits, edits,
confirmations) are re-applied after every consolidation: they are anchored to
claims, not to event ids. The matching rules are in :mod:`ceasefire.consolidate.core`.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ceasefire.consolidate.core import LEAD_CHARS, MAX_SPAN_DAYS, TEXT_MAX_GAP_DAYS, TEXT_MAX_SPAN_DAYS, ClaimRecord, Consolidator, claim_record
from ceasefire.consolidate.materialise import SourcedClaim, apply_edit, consolidate_event
from ceasefire.consolidate.outlets import registry
from ceasefire.consolidate.republication import signature, signatures
from ceasefire.store import Store
from ceasefire.store import schema as t

CHUNK = 5000  # claims per transaction in update(): short transactions, bounded memory
LOCK_NAME = "consolidate"

__all__ = ["update", "rebuild", "event_id_for", "locked"]


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


@contextlib.contextmanager
def locked(store: Store, name: str = LOCK_NAME) -> Iterator[Connection]:
    """One transaction holding the store's consolidation lock (one consolidating writer at a time)."""
    if hasattr(store, "exclusive"):
        with store.exclusive(name) as conn:
            yield conn
        return
    with store.begin() as conn:
        if store.dialect == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": int(hashlib.sha1(name.encode()).hexdigest()[:12], 16)})
        else:
            # A write statement first: SQLite takes the write lock now, so reads below see a settled store.
            conn.execute(sa.update(t.events).where(sa.false()).values(status="active"))
        yield conn


# -- reading claims ------------------------------------------------------------------------------

_CLAIM_COLS = [
    t.claims.c.id, t.claims.c.document_id, t.claims.c.ordinal, t.claims.c.event_type, t.claims.c.sub_event_type,
    t.claims.c.method, t.claims.c.date_start, t.claims.c.date_end, t.claims.c.date_precision, t.claims.c.location_name,
    t.claims.c.lat, t.claims.c.lon, t.claims.c.country, t.claims.c.admin1, t.claims.c.admin2, t.claims.c.geonames_id,
    t.claims.c.location_precision, t.claims.c.fatalities_best, t.claims.c.is_aggregate, t.claims.c.payload,
    t.documents.c.published, t.documents.c.outlet, t.documents.c.agency, t.documents.c.title, t.documents.c.url,
    sa.func.substr(t.documents.c.text, 1, LEAD_CHARS).label("lead"),
]


class _Claims:
    """Claims read from the store: ClaimRecords for matching, SourcedClaims for events."""

    def __init__(self) -> None:
        self.records: dict[int, ClaimRecord] = {}
        self.sourced: dict[int, SourcedClaim] = {}

    def add_rows(self, rows) -> list[ClaimRecord]:
        out = []
        for r in rows:
            r = dict(r)
            if r["id"] in self.records:
                out.append(self.records[r["id"]])
                continue
            rec = claim_record(r, r["payload"] or {}, r["published"])
            self.records[r["id"]] = rec
            self.sourced[r["id"]] = SourcedClaim(
                claim_id=r["id"], document_id=r["document_id"], ordinal=r["ordinal"], payload=r["payload"] or {},
                outlet=r["outlet"], agency=r["agency"], published=r["published"], title=r["title"], url=r["url"],
                aggregate=bool(r["is_aggregate"]),
            )
            out.append(rec)
        return out

    def forget_before(self, day: int) -> None:
        """Drop claims that end before ``day`` (an ordinal) or have no date: ``update`` goes
        forward in time, so later chunks look them up again only through a long event."""
        gone = [cid for cid, rec in self.records.items() if rec.end is None or rec.end < day]
        for cid in gone:
            del self.records[cid]
            del self.sourced[cid]


def _claims_query():
    return sa.select(*_CLAIM_COLS).join(t.documents, t.documents.c.id == t.claims.c.document_id)


def _load_fingerprints(conn: Connection, claims: list[SourcedClaim]) -> None:
    """Text signatures for events told by several documents (near-identical republications);
    cached by document id, so a large event touched again costs no re-reading of its texts."""
    docs = {c.document_id for c in claims if c.fingerprint is None}
    if len(docs) < 2:
        return
    sigs = {d: s for d in docs if (s := signatures.get(d)) is not None}
    todo = [d for d in docs if d not in sigs]
    for i in range(0, len(todo), 500):
        for r in conn.execute(sa.select(t.documents.c.id, t.documents.c.text).where(t.documents.c.id.in_(todo[i : i + 500]))):
            sigs[r[0]] = signature(r[1] or "")
            signatures.put(r[0], sigs[r[0]])
    for c in claims:
        if c.fingerprint is None:
            c.fingerprint = sigs.get(c.document_id)


# -- reviews ------------------------------------------------------------------------------------------


def _active_reviews(conn: Connection) -> list[dict[str, Any]]:
    q = (
        sa.select(t.reviews, t.audit.c.at, t.audit.c.who, t.audit.c.why)
        .join(t.audit, t.audit.c.id == t.reviews.c.audit_id)
        .where(t.reviews.c.active == sa.true())
        .order_by(t.reviews.c.id)
    )
    return [dict(r) for r in conn.execute(q).mappings()]


def resolve_anchors(conn: Connection, anchors: list[Any]) -> list[int]:
    """Claim ids for review anchors: the same claim if it still exists in its document at its
    position, else the claim now at that position (the document was re-extracted)."""
    out: list[int] = []
    for a in anchors or []:
        if isinstance(a, int):
            out.append(a)
            continue
        cid = conn.execute(
            sa.select(t.claims.c.id).where(t.claims.c.document_id == a["document_id"], t.claims.c.ordinal == a["ordinal"])
        ).scalar()
        if cid is not None:
            out.append(cid)
    return out


def _apply_structure_reviews(conn: Connection, groups: list[list[int]], reviews: list[dict[str, Any]]) -> list[list[int]]:
    """Re-apply analysts' merges and splits (in the order they were made) to a grouping of claim ids."""
    structural = [r for r in reviews if r["action"] in ("merge", "split")]
    if not structural:
        return groups
    group_of: dict[int, int] = {}
    parts: dict[int, list[int]] = {}
    for i, g in enumerate(groups):
        parts[i] = list(g)
        for c in g:
            group_of[c] = i
    next_id = len(groups)
    for r in structural:
        if r["action"] == "merge":
            ids = [c for c in resolve_anchors(conn, (r["claim_ids"] or {}).get("claims", [])) if c in group_of]
            gids = sorted({group_of[c] for c in ids})
            if len(gids) < 2:
                continue
            keep = gids[0]
            for gid in gids[1:]:
                for c in parts.pop(gid):
                    group_of[c] = keep
                    parts[keep].append(c)
        else:
            wanted = [
                [c for c in resolve_anchors(conn, p) if c in group_of] for p in (r["claim_ids"] or {}).get("parts", [])
            ]
            wanted = [p for p in wanted if p]
            for gid in sorted({group_of[c] for p in wanted for c in p}):
                members = parts.get(gid)
                if not members:
                    continue
                pieces = [[c for c in p if group_of.get(c) == gid] for p in wanted]
                pieces = [p for p in pieces if p]
                if len(pieces) < 2 and len(pieces[0]) == len(members):
                    continue
                listed = {c for p in pieces for c in p}
                rest = [c for c in members if c not in listed]
                if rest:  # claims the analyst did not place (new reports) stay with the first part
                    pieces[0] = rest + pieces[0]
                parts[gid] = pieces[0]
                for p in pieces[1:]:
                    parts[next_id] = p
                    for c in p:
                        group_of[c] = next_id
                    next_id += 1
    return [sorted(p) for p in parts.values() if p]


class Reviews:
    """The active analyst reviews, with their anchors resolved to today's claim ids."""

    def __init__(self, conn: Connection):
        self.all = _active_reviews(conn)
        self.overlays = [r for r in self.all if r["action"] in ("confirm", "edit")]
        self.anchor_claims = {
            r["id"]: resolve_anchors(conn, (r["claim_ids"] or {}).get("claims", [])) for r in self.overlays
        }
        self.homes: dict[int, str] = {}

    def place(self, conn: Connection, event_of: dict[int, str]) -> None:
        """Find each confirmation's or edit's event: the one holding most of its anchor claims
        (``event_of`` first, then the store)."""
        wanted = {c for ids in self.anchor_claims.values() for c in ids if c not in event_of}
        stored: dict[int, str] = {}
        if wanted:
            wl = sorted(wanted)
            for i in range(0, len(wl), 500):
                stored.update(
                    conn.execute(
                        sa.select(t.event_claims.c.claim_id, t.event_claims.c.event_id).where(t.event_claims.c.claim_id.in_(wl[i : i + 500]))
                    ).all()
                )
        for r in self.overlays:
            votes = Counter(event_of.get(c) or stored.get(c) for c in self.anchor_claims[r["id"]])
            votes.pop(None, None)
            if votes:
                self.homes[r["id"]] = max(votes.items(), key=lambda kv: (kv[1], kv[0] in event_of.values()))[0]

    def overlay(self, row: dict[str, Any]) -> None:
        """Apply the confirmations and edits whose home is this event, oldest first."""
        for r in self.overlays:
            if self.homes.get(r["id"]) != row["id"]:
                continue
            note = {"audit_id": r["audit_id"], "who": r["who"], "at": r["at"].isoformat() if r["at"] else None, "why": r["why"]}
            if r["action"] == "edit":
                apply_edit(row, r["changes"] or {}, note)
                row["reviewed"] = "edited"
            else:
                row["payload"].setdefault("review", {}).setdefault("confirmations", []).append(note)
                row["reviewed"] = row.get("reviewed") or "confirmed"


# -- writing events -----------------------------------------------------------------------------------


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


# -- update ---------------------------------------------------------------------------------------------


def _heal(conn: Connection, store: Store, now: datetime) -> None:
    """Events that lost claims (their document was re-extracted): recompute them, or drop the empty ones
    so that their ids can be taken again by the same document's new claims."""
    counts = (
        sa.select(sa.func.count()).select_from(t.event_claims).where(t.event_claims.c.event_id == t.events.c.id).scalar_subquery()
    )
    rows = conn.execute(
        sa.select(t.events.c.id, counts.label("n")).where(t.events.c.status == "active", t.events.c.n_claims != counts)
    ).all()
    if not rows:
        return
    empty = [r[0] for r in rows if r[1] == 0]
    if empty:
        conn.execute(sa.delete(t.events).where(t.events.c.id.in_(empty)))
    reviews = Reviews(conn)
    reviews.place(conn, {})
    for eid, n in rows:
        if n == 0:
            continue
        cl = _Claims()
        cl.add_rows(conn.execute(_claims_query().join(t.event_claims, t.event_claims.c.claim_id == t.claims.c.id).where(t.event_claims.c.event_id == eid)).mappings())
        members = list(cl.sourced.values())
        _load_fingerprints(conn, members)
        row = _event_row(eid, members)
        reviews.overlay(row)
        _write_event(conn, store, row, list(cl.sourced), True, now)


def update(store: Store, chunk: int = CHUNK) -> int:
    """Attach every unconsolidated claim to an event; returns the number of claims handled.

    Chunks go forward in time (claims by start date), and the claims read for one chunk's
    date window are kept for the next, which mostly overlaps it: a backfill of a hundred
    thousand reports reads each stored claim about once, not once per chunk.
    """
    handled = 0
    now = _now()
    with locked(store) as conn:
        _heal(conn, store, now)
    cache = _Claims()
    while True:
        with locked(store) as conn:
            n = _update_chunk(conn, store, chunk, now, cache)
        handled += n
        if n < chunk:
            return handled


def _update_chunk(conn: Connection, store: Store, chunk: int, now: datetime, cache: _Claims | None = None) -> int:
    q = (
        _claims_query()
        .where(~sa.exists().where(t.event_claims.c.claim_id == t.claims.c.id))
        .order_by(t.claims.c.date_start.nulls_last(), t.claims.c.document_id, t.claims.c.ordinal)
        .limit(chunk)
    )
    cl = cache if cache is not None else _Claims()
    new = cl.add_rows(conn.execute(q).mappings())
    if not new:
        return 0
    dated = [c for c in new if c.start is not None]
    cons = Consolidator()
    existing: dict[str, list[int]] = {}
    if dated:
        from datetime import date as _date

        # Every event a new claim may join: within the widest date window (a follow-up report
        # sharing the incident's rare words, see core.TEXT_MAX_GAP_DAYS).
        lo = _date.fromordinal(min(c.start for c in dated) - TEXT_MAX_GAP_DAYS - TEXT_MAX_SPAN_DAYS)
        hi = _date.fromordinal(max(c.end for c in dated) + TEXT_MAX_GAP_DAYS)
        e = t.events.c
        near = sa.select(e.id).where(e.status == "active", e.date_start >= lo, e.date_start <= hi)
        long_ = sa.select(e.id).where(e.status == "active", e.span_days > MAX_SPAN_DAYS, e.date_start <= hi, e.date_end >= lo)
        ids = {r[0] for r in conn.execute(near)} | {r[0] for r in conn.execute(long_)}
        if ids:
            idl = sorted(ids)
            ec = t.event_claims.c
            for i in range(0, len(idl), 500):
                for eid, cid in conn.execute(sa.select(ec.event_id, ec.claim_id).where(ec.event_id.in_(idl[i : i + 500]))):
                    existing.setdefault(eid, []).append(cid)
            missing = sorted({c for members in existing.values() for c in members if c not in cl.records})
            for i in range(0, len(missing), 500):
                cl.add_rows(conn.execute(_claims_query().where(t.claims.c.id.in_(missing[i : i + 500]))).mappings())
        for eid in sorted(existing, key=lambda k: min(cl.records[c].key for c in existing[k])):
            cons.seed(sorted((cl.records[c] for c in existing[eid]), key=lambda c: c.key), eid)
    touched = {}
    for c in sorted(new, key=lambda c: c.key):
        g = cons.add(c)
        touched[g.index] = g
    taken = set()
    new_groups = [g for g in touched.values() if g.event_id is None]
    if new_groups:
        cands = [event_id_for(g.claims[0].document_id, g.claims[0].ordinal) for g in new_groups]
        taken = {r[0] for r in conn.execute(sa.select(t.events.c.id).where(t.events.c.id.like("ev-%"), t.events.c.id.in_(cands)))}
    new_ids = {c.id for c in new}
    ordered = sorted(touched.values(), key=lambda g: g.claims[0].key)
    for g in ordered:
        if g.event_id is None:
            g.event_id = event_id_for(g.claims[0].document_id, g.claims[0].ordinal, taken)
            taken.add(g.event_id)
    reviews = Reviews(conn)
    reviews.place(conn, {c.id: g.event_id for g in ordered for c in g.claims})
    for g in ordered:
        exists = any(c.id not in new_ids for c in g.claims)
        members = [cl.sourced[c.id] for c in g.claims]
        _load_fingerprints(conn, members)
        row = _event_row(g.event_id, members)
        reviews.overlay(row)
        _write_event(conn, store, row, [c.id for c in g.claims], exists, now)
        _attach(conn, g.event_id, [c.id for c in g.claims if c.id in new_ids])
    if cache is not None and dated:
        cache.forget_before(lo.toordinal())
    return len(new)


# -- rebuild ----------------------------------------------------------------------------------------------


def rebuild(store: Store) -> int:
    """Regroup every stored claim from scratch, re-apply analysts' reviews, keep ids where the grouping
    is unchanged, and leave tombstones for events whose claims went elsewhere. Returns the claims handled."""
    now = _now()
    with locked(store) as conn:
        cl = _Claims()
        recs = cl.add_rows(conn.execute(_claims_query()).mappings())
        cons = Consolidator()
        for c in sorted(recs, key=lambda c: c.key):
            cons.add(c)
        reviews = Reviews(conn)
        groups = _apply_structure_reviews(conn, [[c.id for c in g.claims] for g in cons.events], reviews.all)
        old_of: dict[int, str] = dict(conn.execute(sa.select(t.event_claims.c.claim_id, t.event_claims.c.event_id)).all())
        old = {r[0]: r[1] for r in conn.execute(sa.select(t.events.c.id, t.events.c.status))}
        key = lambda cid: cl.records[cid].key  # noqa: E731
        groups = [sorted(g, key=key) for g in groups]
        groups.sort(key=lambda g: key(g[0]))
        # Ids: the old active event sharing most claims (largest overlap first), else derived from the first claim.
        votes = []
        for gi, g in enumerate(groups):
            for eid, n in Counter(old_of[c] for c in g if c in old_of).items():
                if old.get(eid) == "active":
                    votes.append((-n, gi, eid))
        votes.sort()
        gid_of: dict[int, str] = {}
        used: set[str] = set()
        for _, gi, eid in votes:
            if gi not in gid_of and eid not in used:
                gid_of[gi] = eid
                used.add(eid)
        taken = set(old) | used
        for gi, g in enumerate(groups):
            if gi not in gid_of:
                first = cl.records[g[0]]
                gid_of[gi] = event_id_for(first.document_id, first.ordinal, taken)
                taken.add(gid_of[gi])
        event_of = {c: gid_of[gi] for gi, g in enumerate(groups) for c in g}
        reviews.place(conn, event_of)
        conn.execute(sa.delete(t.event_claims))
        conn.execute(sa.delete(t.event_actors))
        for gi, g in enumerate(groups):
            eid = gid_of[gi]
            members = [cl.sourced[c] for c in g]
            _load_fingerprints(conn, members)
            row = _event_row(eid, members)
            reviews.overlay(row)
            _write_event(conn, store, row, g, eid in old, now)
            _attach(conn, eid, g)
        # Tombstones: old active events whose id no group kept.
        successors: dict[str, set[str]] = defaultdict(set)
        for c, eid in old_of.items():
            if c in event_of:
                successors[eid].add(event_of[c])
        for eid, status in old.items():
            if status != "active" or eid in used:
                continue
            succ = sorted(successors.get(eid, ()))
            conn.execute(
                sa.update(t.events)
                .where(t.events.c.id == eid)
                .values(status=("split" if len(succ) > 1 else "merged") if succ else "deleted", replaced_by=succ or None, n_claims=0, updated_at=now)
            )
    return len(recs)


# -- used by the review layer ---------------------------------------------------------------------------------


def event_claim_ids(conn: Connection, event_id: str) -> list[int]:
    """The claims attached to an event."""
    return [r[0] for r in conn.execute(sa.select(t.event_claims.c.claim_id).where(t.event_claims.c.event_id == event_id).order_by(t.event_claims.c.claim_id))]


def claim_anchors(conn: Connection, claim_ids: list[int]) -> list[dict[str, Any]]:
    """Review anchors for claims: the claim id and its place in its document."""
    out = []
    for i in range(0, len(claim_ids), 500):
        part = claim_ids[i : i + 500]
        out += [
            {"claim_id": r[0], "document_id": r[1], "ordinal": r[2]}
            for r in conn.execute(sa.select(t.claims.c.id, t.claims.c.document_id, t.claims.c.ordinal).where(t.claims.c.id.in_(part)))
        ]
    return sorted(out, key=lambda a: a["claim_id"])


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

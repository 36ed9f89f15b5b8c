"""Consolidation: claims from many reports become one event per incident.

``update(store)`` consolidates every claim not yet attached to an event
(incremental, in short transactions; runs inside every ingest) and gives the
grouping that consolidating every stored claim at once gives, whatever order
and batches the reports arrived in: the days around the new claims are grouped
again from the first new claim on (see ``_replay``);
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

from ceasefire.consolidate.core import (
    LEAD_CHARS, MAX_GAP_DAYS, MAX_SPAN_DAYS, TEXT_MAX_GAP_DAYS, TEXT_MAX_SPAN_DAYS, ClaimRecord, Consolidator, EventGroup, claim_record,
    share_report_words,
)
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
        self.by_document: dict[str, set[int]] = {}

    def add_rows(self, rows, conn: Connection | None = None) -> list[ClaimRecord]:
        """Records for claims rows (cached by claim id). With ``conn``, the other claims of their
        documents are read too: a claim's words depend on its report's other claims
        (:func:`ceasefire.consolidate.core.share_report_words`), never on what else was read."""
        out, built = [], []
        for r in rows:
            r = dict(r)
            if r["id"] in self.records:
                out.append(self.records[r["id"]])
                continue
            rec = self._build(r)
            built.append(rec)
            out.append(rec)
        if not built:
            return out
        docs = sorted({rec.document_id for rec in built})
        if conn is not None:
            for i in range(0, len(docs), 500):
                q = _claims_query().where(t.claims.c.document_id.in_(docs[i : i + 500]))
                for r in conn.execute(q).mappings():
                    if r["id"] not in self.records:
                        self._build(dict(r))
        for d in docs:
            share_report_words([self.records[c] for c in sorted(self.by_document[d])])
        return out

    def _build(self, r: dict[str, Any]) -> ClaimRecord:
        rec = claim_record(r, r["payload"] or {}, r["published"])
        self.records[r["id"]] = rec
        self.by_document.setdefault(r["document_id"], set()).add(r["id"])
        self.sourced[r["id"]] = SourcedClaim(
            claim_id=r["id"], document_id=r["document_id"], ordinal=r["ordinal"], payload=r["payload"] or {},
            outlet=r["outlet"], agency=r["agency"], published=r["published"], title=r["title"], url=r["url"],
            aggregate=bool(r["is_aggregate"]),
        )
        return rec

    def forget_before(self, day: int) -> None:
        """Drop the claims of reports whose claims all end before ``day`` (an ordinal) or have no
        date: ``update`` goes forward in time, so later chunks look them up again only through a
        long event (a report's claims go together: their words are shared)."""
        for d, ids in list(self.by_document.items()):
            if all(self.records[c].end is None or self.records[c].end < day for c in ids):
                for c in ids:
                    del self.records[c]
                    del self.sourced[c]
                del self.by_document[d]


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
    day = sa.func.coalesce(t.claims.c.date_start, t.documents.c.published)
    q = (
        _claims_query()
        .where(~sa.exists().where(t.event_claims.c.claim_id == t.claims.c.id))
        # The canonical order (ClaimRecord.key): a backfill's chunks then follow one another and
        # no stored claim has to be replayed.
        .order_by(day.nulls_last(), t.documents.c.published.nulls_first(), t.claims.c.document_id, t.claims.c.ordinal)
        .limit(chunk)
    )
    cl = cache if cache is not None else _Claims()
    new = cl.add_rows(conn.execute(q).mappings(), conn)
    if not new:
        return 0
    dated = sorted((c for c in new if c.start is not None), key=lambda c: c.key)
    for segment in _segments(dated):
        _replay(conn, store, segment, cl, now)
    undated = [c for c in new if c.start is None]
    if undated:  # no date at all (nor a publication date): matches nothing, an event of its own
        _write_groups(conn, store, cl, [[c.id] for c in sorted(undated, key=lambda c: c.key)], {}, now)
    if cache is not None and dated:
        cache.forget_before(dated[0].start - REACH_DAYS)
    return len(new)


#: How far (days) a claim's arrival can change the grouping around it: the widest gap between a
#: report and an event (a follow-up sharing its words) plus the longest span such an event may take.
REACH_DAYS = TEXT_MAX_GAP_DAYS + TEXT_MAX_SPAN_DAYS


def _segments(dated: list[ClaimRecord]) -> list[list[ClaimRecord]]:
    """New claims cut where they lie far apart in time: each run is replayed on its own (a chunk of
    a backfill spanning years touches only the days around its claims, not the years between)."""
    out: list[list[ClaimRecord]] = []
    end = 0
    for c in dated:
        if out and c.start - end <= 2 * REACH_DAYS:
            out[-1].append(c)
        else:
            out.append([c])
        end = max(end, c.end) if len(out[-1]) > 1 else c.end
    return out


def _reach(g: EventGroup) -> int:
    """The last day on which a claim may still start and join ``g``."""
    if g.start is None:
        return -1  # undated: joins nothing
    if g.coarse_date or g.aggregate:
        return g.start + MAX_GAP_DAYS  # a tally or month-dated report matches only its own period
    return g.end + TEXT_MAX_GAP_DAYS


def _summary(records: list[ClaimRecord]) -> EventGroup:
    ordered = sorted(records, key=lambda c: c.key)
    g = EventGroup(0, ordered[0])
    for c in ordered[1:]:
        g.add(c)
    return g


def _window_events(conn: Connection, cl: _Claims, lo: int, hi: int) -> dict[str, list[int]]:
    """Active events with a claim dated (or, undated, published) from day ``lo`` to ``hi``, and long
    events overlapping those days: every claim id of each."""
    from datetime import date as _date

    a, b = _date.fromordinal(lo), _date.fromordinal(hi)
    c, ec, e = t.claims.c, t.event_claims.c, t.events.c
    ids = {r[0] for r in conn.execute(sa.select(ec.event_id).join(t.claims, c.id == ec.claim_id).where(c.date_start >= a, c.date_start <= b))}
    ids |= {
        r[0]
        for r in conn.execute(
            sa.select(ec.event_id).join(t.claims, c.id == ec.claim_id).join(t.documents, t.documents.c.id == c.document_id)
            .where(c.date_start.is_(None), t.documents.c.published >= a, t.documents.c.published <= b)
        )
    }
    ids |= {r[0] for r in conn.execute(sa.select(e.id).where(e.status == "active", e.span_days > MAX_SPAN_DAYS, e.date_start <= b, e.date_end >= a))}
    members: dict[str, list[int]] = {}
    idl = sorted(ids)
    for i in range(0, len(idl), 500):
        for eid, cid in conn.execute(
            sa.select(ec.event_id, ec.claim_id).join(t.events, e.id == ec.event_id).where(ec.event_id.in_(idl[i : i + 500]), e.status == "active")
        ):
            members.setdefault(eid, []).append(cid)
    missing = sorted({m for ms in members.values() for m in ms if m not in cl.records})
    for i in range(0, len(missing), 500):
        cl.add_rows(conn.execute(_claims_query().where(t.claims.c.id.in_(missing[i : i + 500]))).mappings(), conn)
    return members


def _replay(conn: Connection, store: Store, new: list[ClaimRecord], cl: _Claims, now: datetime) -> None:
    """Consolidate ``new`` (claims in canonical order, close in time) as if every stored claim had
    arrived with them at once.

    The stored grouping is what grouping all stored claims in canonical order gives (each claim
    joining the best open event). So the state just before the first new claim is the stored
    events cut to their earlier claims; from there every claim, stored or new, is grouped again in
    canonical order, up to a day after which no regrouped event can be reached by a later claim
    (else the window grows). The result does not depend on the order the reports arrived in; ids
    stay with the stored event that keeps most of its claims.
    """
    first = new[0].key
    lo = new[0].start - REACH_DAYS
    # The latest day any stored claim starts on (an undated one: its report's day): past it, no
    # later claim can reach a regrouped event.
    days = [conn.execute(sa.select(sa.func.max(t.claims.c.date_start))).scalar(), conn.execute(sa.select(sa.func.max(t.documents.c.published))).scalar()]
    last = max((d.toordinal() for d in days if d), default=lo)
    reviews = Reviews(conn)
    ext = REACH_DAYS
    while True:
        hi = max(c.end for c in new) + ext
        old = _window_events(conn, cl, lo, hi)
        old_of = {cid: eid for eid, ms in old.items() for cid in ms}
        frozen = {cid for cid in old_of if cl.records[cid].start is not None and cl.records[cid].start > hi}
        cons = Consolidator()
        for eid in sorted(old, key=lambda k: min(cl.records[c].key for c in old[k])):
            before = sorted((cl.records[c] for c in old[eid] if cl.records[c].key < first), key=lambda c: c.key)
            if before:
                cons.seed(before, eid)
        replayed = [cl.records[c] for c in old_of if c not in frozen and cl.records[c].key >= first]
        for c in sorted(replayed + new, key=lambda c: c.key):
            cons.add(c)
        groups = _apply_structure_reviews(conn, [[c.id for c in g.claims] for g in cons.groups], reviews.all)
        # Stored events cut to the claims replayed, to see which groups came out otherwise.
        cut = {eid: frozenset(c for c in ms if c not in frozen) for eid, ms in old.items()}
        cut = {eid: ms for eid, ms in cut.items() if ms}  # an event told only after the window is not replayed
        unchanged = {frozenset(g) for g in groups} & set(cut.values())
        changed = [g for g in groups if frozenset(g) not in unchanged]
        gone = [eid for eid, ms in cut.items() if ms not in unchanged]
        settled = not any(old_of.get(c) in gone for c in frozen) and (
            hi >= last
            or (
                all(_reach(_summary([cl.records[c] for c in g])) <= hi for g in changed)
                and all(_reach(_summary([cl.records[c] for c in cut[eid]])) <= hi for eid in gone)
            )
        )
        if settled:
            break
        ext *= 2
    if not changed:
        return
    # Ids: the stored event sharing most claims keeps its id (largest share first); else a new id.
    votes = []
    for gi, g in enumerate(changed):
        for eid, n in Counter(old_of[c] for c in g if c in old_of).items():
            if eid in gone:
                votes.append((-n, gi, eid))
    votes.sort()
    id_of: dict[int, str] = {}
    used: set[str] = set()
    for _, gi, eid in votes:
        if gi not in id_of and eid not in used:
            id_of[gi] = eid
            used.add(eid)
    named = {gi: sorted(g, key=lambda c: cl.records[c].key) for gi, g in enumerate(changed)}
    _write_groups(conn, store, cl, [named[gi] for gi in range(len(changed))], {gi: id_of[gi] for gi in id_of}, now, set(old))
    for eid in gone:
        if eid in used:
            continue
        succ = sorted({ev for ev in _event_of(conn, list(old[eid])) if ev != eid})
        conn.execute(
            sa.update(t.events)
            .where(t.events.c.id == eid)
            .values(status=("split" if len(succ) > 1 else "merged") if succ else "deleted", replaced_by=succ or None, n_claims=0, updated_at=now)
        )


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

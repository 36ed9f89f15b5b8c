"""``update``: new claims consolidated into the stored events as if every stored claim had arrived
with them (the days around them grouped again from the first new claim on)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ceasefire.consolidate.claims import _Claims, _claims_query, _load_fingerprints
from ceasefire.consolidate.events import _event_of, _event_row, _now, _write_event, _write_groups
from ceasefire.consolidate.grouping import Consolidator, EventGroup
from ceasefire.consolidate.lock import locked
from ceasefire.consolidate.matching import TEXT_MAX_GAP_DAYS, TEXT_MAX_SPAN_DAYS
from ceasefire.consolidate.record import MAX_GAP_DAYS, MAX_SPAN_DAYS, ClaimRecord
from ceasefire.consolidate.reviews import Reviews, _apply_structure_reviews
from ceasefire.store import Store
from ceasefire.store import schema as t

CHUNK = 5000  # claims per transaction in update(): short transactions, bounded memory

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

"""``rebuild``: every stored claim grouped again from scratch, ids kept where groups are unchanged."""

from __future__ import annotations

from collections import Counter, defaultdict

import sqlalchemy as sa

from ceasefire.consolidate.claims import _Claims, _claims_query, _load_fingerprints
from ceasefire.consolidate.events import _attach, _event_row, _now, _write_event, event_id_for
from ceasefire.consolidate.grouping import Consolidator
from ceasefire.consolidate.lock import locked
from ceasefire.consolidate.reviews import Reviews, _apply_structure_reviews
from ceasefire.store import Store
from ceasefire.store import schema as t

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

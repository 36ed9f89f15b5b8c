"""Consolidation: claims from many reports become one event per incident.

``update(store)`` consolidates every claim not yet attached to an event
(incremental, in short transactions; runs inside every ingest) and gives the
grouping that consolidating every stored claim at once gives, whatever order
and batches the reports arrived in: the days around the new claims are grouped
again from the first new claim on (:mod:`ceasefire.consolidate.replay`);
``rebuild(store)`` regroups every stored claim from scratch. Both keep event
ids stable: an event that gains a report keeps its id; ``rebuild`` gives each
group the id of the old event it shares most claims with, and a new group the
id derived from its earliest claim (document id and position). An old event
whose claims now sit elsewhere is left as a tombstone (status ``merged`` or
``split``, ``replaced_by`` the new ids). Analyst reviews (merges, splits, edits,
confirmations) are re-applied after every consolidation: they are anchored to
claims, not to event ids. The matching rules are in :mod:`ceasefire.consolidate.matching`, the grouping
in :mod:`ceasefire.consolidate.grouping`.
"""

from __future__ import annotations

from ceasefire.consolidate.claims import claim_anchors, event_claim_ids
from ceasefire.consolidate.events import event_id_for, new_event_id, write_groups
from ceasefire.consolidate.from_scratch import rebuild
from ceasefire.consolidate.lock import LOCK_NAME, locked
from ceasefire.consolidate.replay import CHUNK, update
from ceasefire.consolidate.reviews import Reviews, resolve_anchors

__all__ = [
    "update", "rebuild", "event_id_for", "locked", "CHUNK", "LOCK_NAME", "Reviews", "resolve_anchors",
    "event_claim_ids", "claim_anchors", "write_groups", "new_event_id",
]

"""Analysts' reviews, re-applied after every consolidation: merges and splits to the grouping of
claims, confirmations and edits to the events they now sit in (all anchored to claims)."""

from __future__ import annotations

from collections import Counter
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ceasefire.consolidate.materialise import apply_edit
from ceasefire.store import schema as t

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

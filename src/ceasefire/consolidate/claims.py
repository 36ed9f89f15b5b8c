"""Claims read from the store for consolidation: ClaimRecords to match, SourcedClaims to build events
from, the text signatures of their documents, and the anchors analysts' reviews hold on to."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ceasefire.consolidate.materialise import SourcedClaim
from ceasefire.consolidate.record import LEAD_CHARS, ClaimRecord, claim_record, share_report_words
from ceasefire.consolidate.republication import signature, signatures
from ceasefire.store import schema as t

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
        (:func:`ceasefire.consolidate.record.share_report_words`), never on what else was read."""
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

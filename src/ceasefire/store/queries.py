"""Reads of the store used by the surfaces (CLI, API, dashboard, reports, exports)."""

from __future__ import annotations

import functools
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
    # A lower bound on date_start that the date index can use: since minus the longest event
    # span in the store (see longest_span_days); leaves the result unchanged, only faster.
    min_start: date | None = None
    # The store's place names that contain ``place`` (see place_names / match_place_names):
    # equality on the indexed names instead of a substring test on every event. None: LIKE.
    place_names: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] | None = None
    # The bbox holds many events: a walk in date order finds a page sooner than the lat/lon
    # index (which would hand over every event in the box to be sorted). Same result.
    bbox_dense: bool = False


@functools.lru_cache(maxsize=1)
def _canonical_types() -> dict[str, str]:
    """Lower-cased ACLED type and sub-event type names -> their spelling in the store."""
    from ceasefire.store.review import EVENT_TYPE_OF

    return {n.lower(): n for pair in EVENT_TYPE_OF.items() for n in pair}


def _conditions(f: EventFilter) -> list[Any]:
    """WHERE terms for ``f``."""
    e = t.events.c
    cond: list[Any] = [e.status == "active"]
    if not f.include_aggregates:
        cond.append(e.is_aggregate == sa.false())
    if f.since:
        cond.append(sa.func.coalesce(e.date_end, e.date_start) >= f.since)
    if f.min_start:
        cond.append(e.date_start >= f.min_start)
    if f.until:
        cond.append(e.date_start <= f.until)
    if f.type:
        ty = f.type.lower()
        canon = _canonical_types().get(ty)
        if canon:  # ACLED's own spelling: plain equality, which the type indexes serve
            cond.append(sa.or_(e.event_type == canon, e.sub_event_type == canon))
        else:
            cond.append(sa.or_(sa.func.lower(e.event_type) == ty, sa.func.lower(e.sub_event_type) == ty))
    if f.place and f.place_names is not None:
        names_cond = [col.in_(vals) for col, vals in zip((e.location_name, e.admin1, e.admin2), f.place_names) if vals]
        cond.append(sa.or_(*names_cond) if names_cond else sa.false())
    elif f.place:
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
        # The matching actors first (a small table, evaluated once), then their links by id:
        # a LIKE per event and link was the slowest part of an actor filter.
        ea = t.event_actors.alias("actor_link")
        actor_ids = sa.select(t.actors.c.id).where(sa.func.lower(t.actors.c.name).like(pat))
        cond.append(sa.exists().where(ea.c.event_id == e.id).where(ea.c.actor_id.in_(actor_ids)))
    if f.bbox:
        west, south, east, north = f.bbox
        lon, lat = (e.lon + 0, e.lat + 0) if f.bbox_dense else (e.lon, e.lat)  # "+ 0": not the lat/lon index
        cond += [lon >= west, lon <= east, lat >= south, lat <= north]
    return cond


def list_events(store: Store, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """Active events matching ``f``, newest first, as rows (payload included)."""
    f = f or EventFilter()
    q = sa.select(t.events).where(*_conditions(f)).order_by(t.events.c.date_start.desc().nulls_last(), t.events.c.id)
    if f.limit is not None:
        q = q.limit(f.limit).offset(f.offset)
    with store.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


# What a page of the API's event list needs from each row: the payload comes as its JSON text
# and is parsed by orjson (several times faster than the driver's json for a page of 1,000),
# and the other columns (timestamps, tombstones) are not read at all.
PAGE_COLUMNS = ("id", "status", "reviewed", "is_aggregate", "n_sources", "n_reports", "fatalities_best",
                "fatalities_low", "fatalities_high", "date_start")


def _loads(text: Any) -> Any:
    if not isinstance(text, (str, bytes)):
        return text  # a driver that already parsed it
    try:
        import orjson

        return orjson.loads(text)
    except ImportError:  # pragma: no cover - a dependency; the standard library stands in
        import json

        return json.loads(text)


def list_event_page(store: Store, f: EventFilter, after: tuple[date | None, str] | None = None) -> list[dict[str, Any]]:
    """One page of active events matching ``f``, newest first (``date_start`` descending, then
    ``id``), with the columns in PAGE_COLUMNS and ``payload`` (parsed).

    ``after``: the (date_start, id) of the last event of the previous page (keyset pagination):
    the page starts right after it, found through the index instead of counting ``offset`` rows
    from the start. Events without a date come last, as in the list's order."""
    e = t.events.c
    cond = _conditions(f)
    if after is not None:
        day, last_id = after
        if day is None:  # already among the undated events at the end
            cond += [e.date_start.is_(None), e.id > last_id]
        else:
            cond.append(sa.or_(e.date_start < day, sa.and_(e.date_start == day, e.id > last_id), e.date_start.is_(None)))
    # The page's ids first, from the indexes alone (filters, order, limit), then those rows: when
    # the matches must be sorted (a small box, a rare place) the database would otherwise read
    # every matching row, payload included, to sort it.
    ids_q = sa.select(e.id).where(*cond).order_by(e.date_start.desc().nulls_last(), e.id)
    if f.limit is not None:
        ids_q = ids_q.limit(f.limit)
    if f.offset and after is None:
        ids_q = ids_q.offset(f.offset)
    with store.connect() as conn:
        if f.bbox_dense and conn.dialect.name == "postgresql":
            # PostgreSQL cannot estimate how many events a box holds and would read every point
            # to sort them; a dense box is found sooner walking the page index in date order.
            conn.exec_driver_sql("SET LOCAL enable_sort = off")
        ids = conn.execute(ids_q).scalars().all()
        if not ids:
            return []
        q = sa.select(*(e[k] for k in PAGE_COLUMNS), sa.cast(e.payload, sa.Text).label("payload")).where(e.id.in_(ids))
        by_id = {r["id"]: dict(r) for r in conn.execute(q).mappings()}
    rows = [by_id[i] for i in ids if i in by_id]  # in the database's order (its collation of ids)
    for r in rows:
        r["payload"] = _loads(r["payload"])
    return rows


def count_events(store: Store, f: EventFilter | None = None, cap: int | None = None) -> int:
    """Active events matching ``f``; with ``cap``, counting stops at ``cap`` (the answer is
    then ``min(total, cap)``): a bounded count reads at most ``cap`` matching rows instead of
    scanning every event when a filter matches few of them."""
    f = f or EventFilter()
    with store.connect() as conn:
        if f.actor and f.since is None and f.until is None:
            # From the actor's links to their events (both read from indexes alone), distinct
            # events: testing every event for a link, or an IN (links) list that first gathers
            # every link of a frequent actor ("Military": hundreds of thousands), is slower.
            # The actors' ids are looked up first: given as a short list, the planner reads
            # their links through ix_event_actors_actor_id instead of scanning every link.
            actor_ids = conn.execute(
                sa.select(t.actors.c.id).where(sa.func.lower(t.actors.c.name).like(f"%{f.actor.lower()}%"))
            ).scalars().all()
            if not actor_ids:
                return 0
            link = t.event_actors.alias("count_link")
            rest = EventFilter(**{**f.__dict__, "actor": None})
            # SQLite: distinct on an expression, not the bare column: the links' primary key is in
            # event id order, and SQLite would scan all of it to get its DISTINCT for free.
            # PostgreSQL reads (actor_id, event_id) in order and stops at the cap by itself.
            linked = link.c.event_id if conn.dialect.name == "postgresql" else link.c.event_id.concat("").label("event_id")
            inner = (
                sa.select(linked).distinct()
                .join(t.events, t.events.c.id == link.c.event_id)
                .where(link.c.actor_id.in_(actor_ids), *_conditions(rest))
            )
        else:
            inner = sa.select(sa.literal(1).label("one")).select_from(t.events).where(*_conditions(f))
        if cap is not None:
            inner = inner.limit(cap)
        return conn.execute(sa.select(sa.func.count()).select_from(inner.subquery())).scalar_one()


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


# -- reads for the HTTP API, the daily report and the exports ----------------

TALLY_KEYS = ("day", "area", "perpetrator", "type")


def get_event_row(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event row whatever its status (active, merged, split, deleted), or None."""
    with store.connect() as conn:
        r = conn.execute(sa.select(t.events).where(t.events.c.id == event_id)).mappings().first()
    return dict(r) if r else None


def event_claim_details(store: Store, event_id: str) -> list[dict[str, Any]]:
    """The claims an event consolidates, each with its document, evidence spans and figures."""
    c, d = t.claims.c, t.documents.c
    q = (
        sa.select(
            c.id.label("claim_id"), c.document_id, c.payload, d.title, d.outlet, d.agency, d.published, d.url,
        )
        .join(t.event_claims, t.event_claims.c.claim_id == c.id)
        .join(t.documents, d.id == c.document_id)
        .where(t.event_claims.c.event_id == event_id)
        .order_by(d.published.nulls_last(), c.id)
    )
    out: list[dict[str, Any]] = []
    with store.connect() as conn:
        rows = [dict(r) for r in conn.execute(q).mappings()]
        spans: dict[int, list[dict[str, Any]]] = {r["claim_id"]: [] for r in rows}
        if spans:
            for s in conn.execute(
                sa.select(t.evidence).where(t.evidence.c.claim_id.in_(list(spans))).order_by(t.evidence.c.start)
            ).mappings():
                spans[s["claim_id"]].append({"start": s["start"], "end": s["end"], "text": s["text"]})
    for r in rows:
        payload = r.pop("payload") or {}
        r["published"] = r["published"].isoformat() if r["published"] else None
        r["evidence"] = spans[r["claim_id"]]
        r["fatalities"] = payload.get("fatalities")
        r["injured"] = payload.get("injured")
        r["attribution"] = payload.get("attribution")
        out.append(r)
    return out


DOCUMENT_LIST_COLUMNS = ("id", "title", "published", "outlet", "byline", "agency", "url", "source_format", "ingested_at")


def list_documents(store: Store, limit: int = 100, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(total, documents newest first without their text)."""
    cols = [t.documents.c[k] for k in DOCUMENT_LIST_COLUMNS]
    q = (
        sa.select(*cols)
        .order_by(t.documents.c.published.desc().nulls_last(), t.documents.c.id)
        .limit(limit)
        .offset(offset)
    )
    with store.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(t.documents)).scalar_one()
        return total, [dict(r) for r in conn.execute(q).mappings()]


def get_document(store: Store, document_id: str) -> dict[str, Any] | None:
    """One document with its text, or None."""
    with store.connect() as conn:
        r = conn.execute(sa.select(t.documents).where(t.documents.c.id == document_id)).mappings().first()
    return dict(r) if r else None


def iter_events(store: Store, f: EventFilter | None = None, batch_size: int = 1000):
    """Active events matching ``f`` in date order (oldest first), in batches of
    ``(rows, sources)``: for exports of any size without holding them all in memory."""
    f = f or EventFilter()
    e = t.events.c
    q = sa.select(t.events).where(*_conditions(f)).order_by(e.date_start.nulls_last(), e.id)
    if f.limit is not None:
        q = q.limit(f.limit).offset(f.offset)
    with store.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=batch_size).execute(q).mappings()
        for part in result.partitions(batch_size):
            rows = [dict(r) for r in part]
            yield rows, event_sources(store, [r["id"] for r in rows])


def place_names(store: Store) -> tuple[list[str], list[str], list[str]]:
    """The distinct location names, governorates (admin1) and districts (admin2) of the
    events (active or not), read from the index ``ix_events_place`` alone: a few thousand names."""
    e = t.events.c
    with store.connect() as conn:
        rows = conn.execute(sa.select(e.location_name, e.admin1, e.admin2).distinct()).all()
    return tuple(sorted({r[i] for r in rows if r[i] is not None}) for i in range(3))  # type: ignore[return-value]


MAX_PLACE_NAMES = 500


def match_place_names(names: tuple[list[str], list[str], list[str]], needle: str) -> tuple[tuple[str, ...], ...] | None:
    """The names in ``names`` that contain ``needle`` (case-insensitive), per column, or None
    when a LIKE is the better test: the needle holds LIKE's wildcards (``%``, ``_``, whose
    meaning the substring filter has always had) or matches so many names that a walk in date
    order finds a page sooner than a list of names would."""
    if "%" in needle or "_" in needle:
        return None
    low = needle.lower()
    out = tuple(tuple(n for n in col if low in n.lower()) for col in names)
    if sum(len(c) for c in out) > MAX_PLACE_NAMES:
        return None
    return out


def longest_span_days(store: Store) -> int:
    """The longest active event in days (date_end - date_start), from the indexed span_days."""
    with store.connect() as conn:
        return int(conn.execute(sa.select(sa.func.max(t.events.c.span_days))).scalar() or 0)


def data_version(store: Store) -> Any:
    """Changes whenever events change (the newest updated_at, indexed): a key for caches."""
    with store.connect() as conn:
        return conn.execute(sa.select(sa.func.max(t.events.c.updated_at))).scalar()


def event_tallies(store: Store, by: str, f: EventFilter | None = None) -> list[dict[str, Any]]:
    """Events and fatalities (best, low, high) per day, area (admin1), perpetrator or type.

    Aggregate claims (tallies over days or areas) are never counted. An event's low and
    high are the lowest and highest figures its sources gave; when a bound is missing the
    best figure stands in, so ``low <= best <= high`` holds for every row. An event with
    several perpetrators counts once for each.
    """
    if by not in TALLY_KEYS:
        raise ValueError(f"tallies by {by!r}: expected one of {', '.join(TALLY_KEYS)}")
    f = f or EventFilter()
    f = EventFilter(**{**f.__dict__, "include_aggregates": False})
    e = t.events.c
    best = sa.func.coalesce(e.fatalities_best, 0)
    low = sa.func.coalesce(e.fatalities_low, e.fatalities_best, 0)
    high = sa.func.coalesce(e.fatalities_high, e.fatalities_best, 0)
    if by == "day":
        key = e.date_start
    elif by == "area":
        key = e.admin1
    elif by == "type":
        key = e.sub_event_type
    else:
        # Aliases: the actor filter's EXISTS names actors too and must not correlate with this join.
        perp_link, perp = t.event_actors.alias("perp_link"), t.actors.alias("perp")
        key = perp.c.name
    q = sa.select(
        key.label("key"),
        sa.func.count().label("events"),
        sa.func.sum(best).label("fatalities_best"),
        sa.func.sum(sa.case((low > best, best), else_=low)).label("fatalities_low"),
        sa.func.sum(sa.case((high < best, best), else_=high)).label("fatalities_high"),
    ).select_from(t.events)
    if by == "perpetrator":
        q = q.outerjoin(perp_link, sa.and_(perp_link.c.event_id == e.id, perp_link.c.role == "perpetrator")).outerjoin(
            perp, perp.c.id == perp_link.c.actor_id
        )
    q = q.where(*_conditions(f)).group_by(key)
    q = q.order_by(key) if by == "day" else q.order_by(sa.desc("events"), key)
    with store.connect() as conn:
        rows = [dict(r) for r in conn.execute(q).mappings()]
    for r in rows:
        if by == "day" and r["key"] is not None:
            r["key"] = r["key"].isoformat()
        for k in ("fatalities_best", "fatalities_low", "fatalities_high"):
            r[k] = int(r[k] or 0)
    return rows


def event_detail(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with every source's claim, or None for an unknown id.

    ``{"id", "status", "replaced_by", "current" (active ids it stands for now), "event" (the
    events row, payload included), "claims": [{claim_id, document_id, ordinal, outlet,
    outlet_info (registry: key, affiliation, country, party), agency, title, published, url,
    sub_event_type, date, location, fatalities, injured, attribution, evidence}], "figures"
    (per-source figures side by side), "corroboration", "history" (audit records)}``.
    A merged or split id gives its tombstone with ``current`` pointing to the new ids.
    """
    from ceasefire.consolidate.outlets import registry
    from ceasefire.store import review

    row = get_event_row(store, event_id)
    if row is None:
        return None
    out: dict[str, Any] = {
        "id": event_id,
        "status": row["status"],
        "replaced_by": row.get("replaced_by"),
        "current": review.resolve(store, event_id) if row["status"] != "active" else [event_id],
        "event": row,
        "history": review.history(store, event_id),
    }
    if row["status"] != "active":
        out["claims"], out["figures"], out["corroboration"] = [], [], {}
        return out
    claims = event_claim_details(store, event_id)
    with store.connect() as conn:
        extra = {
            r["id"]: r
            for r in conn.execute(
                sa.select(t.claims.c.id, t.claims.c.ordinal, t.claims.c.payload).where(
                    t.claims.c.id.in_([c["claim_id"] for c in claims] or [-1])
                )
            ).mappings()
        }
    reg = registry()
    for c in claims:
        x = extra.get(c["claim_id"])
        p = (x["payload"] if x else None) or {}
        c["ordinal"] = x["ordinal"] if x else None
        c["sub_event_type"] = p.get("sub_event_type")
        c["date"] = p.get("date")
        c["location"] = p.get("location")
        c["actors"] = p.get("actors") or []
        o = reg.find(c.get("outlet")) or reg.find(c.get("agency"))
        c["outlet_info"] = o.as_dict() if o else None
    out["claims"] = claims
    out["figures"] = row["payload"].get("figures") or []
    out["corroboration"] = row["payload"].get("corroboration") or {}
    return out

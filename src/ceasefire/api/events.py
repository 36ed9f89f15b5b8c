"""Events: the list with filters, one event with its claims and violations, tallies, review."""

from __future__ import annotations

import inspect
from typing import Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Body, Depends, HTTPException, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from ceasefire.api.deps import dumps, get_cache, get_store, json_response, writer
from ceasefire.api.params import (ActorQ, AfterQ, BboxQ, IdPath, Limit, Offset, PlaceQ, Since, TypeQ, Until, cursor_of,
                                  event_filter, parse_after)
from ceasefire.store import Store
from ceasefire.store import queries

router = APIRouter(prefix="/api", tags=["events"])

# A bounding box with more events than this is paged by walking the date index (see
# EventFilter.bbox_dense): over a million events 2,000 hits mean one in 500 rows matches.
DENSE_BBOX = 2000


def fatalities_range(row: dict[str, Any]) -> dict[str, int | None]:
    return {"best": row.get("fatalities_best"), "low": row.get("fatalities_low"), "high": row.get("fatalities_high")}


def event_out(row: dict[str, Any], sources: list[dict[str, Any]]) -> dict[str, Any]:
    """An event as the API gives it: Event JSON v1 plus id, sources, counts and ranges."""
    obj = queries.event_json(row, sources)
    obj["n_sources"] = row.get("n_sources") or 0
    obj["n_reports"] = row.get("n_reports") or 0
    obj["fatalities_range"] = fatalities_range(row)
    obj["status"] = row.get("status")
    obj["reviewed"] = row.get("reviewed")
    obj["aggregate"] = bool(row.get("is_aggregate"))
    return obj


@router.get("/events", summary="Events, newest first, with filters and pagination", response_model=None,
            responses={200: {"description": "A page of events", "content": {"application/json": {"schema": {"type": "object"}}}}})
def list_events(
    request: Request,
    since: Since = None,
    until: Until = None,
    type: TypeQ = None,
    actor: ActorQ = None,
    place: PlaceQ = None,
    bbox: BboxQ = None,
    limit: Limit = 100,
    offset: Offset = 0,
    after: AfterQ = None,
    store: Store = Depends(get_store),
) -> Response:
    """`{"total", "total_exact", "limit", "offset", "next", "items": [EVENT]}`. EVENT is the
    event's Event JSON v1 object plus `id`, `sources`, `n_sources`, `n_reports`,
    `fatalities_range`. Aggregate claims (tallies over days or areas) are not events and are
    left out.

    `total` is exact when `total_exact` is true. Over 10,000 matching events it may be a
    lower bound ("more than 10,000": `total` 10001, `total_exact` false), answered at once;
    from the second request with the same filters on, the exact figure is counted meanwhile
    for the requests after it.

    `next` is a cursor for the following page (pass it as `after`), null on the last page."""
    cache = get_cache(request)
    cursor = parse_after(after)
    f = cache.with_span_bound(event_filter(since, until, type, actor, place, bbox, limit, offset))

    def page() -> bytes:
        total, exact = cache.count_events(f)
        f.bbox_dense = bool(f.bbox) and total > DENSE_BBOX and not (f.since or f.until or f.place or f.actor)
        rows = queries.list_event_page(store, f, cursor) if cursor or offset < total or offset == 0 or not exact else []
        sources = queries.event_sources(store, [r["id"] for r in rows])
        return dumps({"total": total, "total_exact": exact, "limit": limit, "offset": 0 if cursor else offset,
                      "next": cursor_of(rows[-1]) if len(rows) == limit else None,
                      "items": [event_out(r, sources[r["id"]]) for r in rows]})

    # The same page (the dashboard's first 500, a shared link) is encoded once per data version.
    return Response(cache.page(("page", limit, offset, after, cache.key_of(f)), page), media_type="application/json")


def _violations_of(store: Store, event_id: str) -> list[dict[str, Any]]:
    from ceasefire.analyse import views

    fn = views.list_violations
    if "event_id" in inspect.signature(fn).parameters:
        return list(fn(store, event_id=event_id))
    return [v for v in fn(store) if v.get("event_id") == event_id]


@router.get(
    "/events/{event_id}",
    summary="One event with its claims, evidence and violations",
    responses={301: {"description": "Merged into one event: Location names it"}, 404: {"description": "Unknown id"}, 410: {"description": "Deleted by review"}},
)
def get_event(event_id: IdPath, store: Store = Depends(get_store)) -> Any:
    """EVENT plus `claims` (each source's claim with its evidence sentences and figures)
    and `violations` (the truces this event breaks, with the verdict's explanation);
    `verdicts` adds the truces it was judged against and found out of scope or not a party.
    `figures` puts each source's figures side by side, `corroboration` says how independent
    the sources are, `history` lists analyst reviews. A merged or split id answers with a
    tombstone (see the API description); `current` follows chains of merges to the active ids."""
    detail = queries.event_detail(store, event_id)
    if detail is None:
        raise HTTPException(404, f"no event {event_id!r}")
    row = detail["event"]
    status = row.get("status") or "active"
    if status == "deleted":
        raise HTTPException(410, f"event {event_id!r} was deleted by review")
    if status != "active":
        replaced = [str(x) for x in (row.get("replaced_by") or [])]
        current = [str(x) for x in (detail.get("current") or replaced)]
        body = {"id": event_id, "status": status, "replaced_by": replaced, "current": current}
        if status == "merged" and len(current) == 1:
            return JSONResponse(body, status_code=301, headers={"Location": f"/api/events/{quote(current[0], safe='')}"})
        return body
    sources = queries.event_sources(store, [event_id])[event_id]
    out = event_out(row, sources)
    out["claims"] = detail["claims"]
    out["figures"] = detail.get("figures") or []
    out["corroboration"] = detail.get("corroboration") or {}
    out["history"] = detail.get("history") or []
    verdicts = _violations_of(store, event_id)
    out["violations"] = [v for v in verdicts if v.get("verdict") == "violation"]
    out["verdicts"] = verdicts
    return json_response(out)


@router.get("/tallies", summary="Events and fatalities per day, area, perpetrator or type", response_model=None,
            responses={200: {"description": "One row per key", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}}})
def tallies(
    request: Request,
    by: Literal["day", "area", "perpetrator", "type"] = "day",
    since: Since = None,
    until: Until = None,
    type: TypeQ = None,
    actor: ActorQ = None,
    place: PlaceQ = None,
    bbox: BboxQ = None,
    store: Store = Depends(get_store),
) -> Response:
    """`[{"key", "events", "fatalities_best", "fatalities_low", "fatalities_high"}]`.
    `key` is the day (YYYY-MM-DD), the governorate (admin1), the perpetrator's name or the
    sub-event type; null when unknown. Aggregate claims are excluded. An event with two
    perpetrators counts under each."""
    cache = get_cache(request)
    return json_response(cache.tallies(by, cache.with_span_bound(event_filter(since, until, type, actor, place, bbox))))


class Review(BaseModel):
    """An analyst's edit of one event."""

    action: Literal["confirm", "edit", "merge", "split"]
    why: str | None = Field(None, max_length=4000, description="The reason, kept in the audit log.")
    changes: dict[str, Any] | None = Field(None, description="edit: Event JSON v1 fields to set, e.g. {\"fatalities\": {...}}.")
    merge_with: list[str] | None = Field(None, description="merge: ids of the events that join this one.")
    claim_groups: list[list[int]] | None = Field(None, description="split: claim ids for each new event.")


@router.post(
    "/events/{event_id}/review",
    summary="Confirm, edit, merge or split an event (token needed)",
    responses={401: {"description": "No valid token"}, 404: {"description": "Unknown id"}, 501: {"description": "Review not available"}},
)
def review_event(request: Request, event_id: IdPath, review: Review = Body(...), who: str = Depends(writer), store: Store = Depends(get_store)) -> Any:
    """Applies the edit through the store's review layer, so it survives reprocessing
    and is recorded in the audit log with the token's name and `why`. `merge` merges the
    events in `merge_with` with this one into a new event (the old ids answer 301);
    `split` makes one event per group in `claim_groups` (claims not listed form one more).
    Answers the review layer's record, e.g. `{"status": "ok", "action", "event_id", "audit_id"}`."""
    try:
        from ceasefire.store import review as review_layer
    except ImportError:
        raise HTTPException(501, "analyst review is not available in this version") from None
    if queries.get_event_row(store, event_id) is None:
        raise HTTPException(404, f"no event {event_id!r}")
    request.app.state.cache.invalidate()
    try:
        return review_layer.apply(store, event_id, review.action, who=who, **review.model_dump(exclude={"action"}, exclude_none=True))
    except ValueError as exc:  # ReviewError: replaced event, unknown claim, field that cannot be edited
        raise HTTPException(422, f"review {review.action}: {exc}") from exc

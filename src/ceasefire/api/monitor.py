"""Truces, violations and humanitarian access, from the monitor's read views."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request

from ceasefire.api.deps import get_store, writer
from ceasefire.api.params import IdPath, PlaceQ, Since, Text, Until
from ceasefire.analyse import views
from ceasefire.store import Store

router = APIRouter(prefix="/api")

TruceQ = Annotated[Text | None, Query(max_length=200, description="Truce id or name.")]


@router.get("/truces", tags=["truces"], summary="Every truce with its status, parties and zone")
def list_truces(store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    """id, name, kind, status, origin, parties, brokers, excluded, zone, windows."""
    return views.list_truces(store)


@router.get("/truces/{truce_id}", tags=["truces"], summary="One truce: lifecycle, windows, zone, violations", responses={404: {"description": "Unknown truce"}})
def get_truce(truce_id: IdPath, store: Store = Depends(get_store)) -> dict[str, Any]:
    """The truce (by id or name) with `changes` (its lifecycle), `windows` and `violations`."""
    truce = views.truce_detail(store, truce_id)
    if truce is None:
        raise HTTPException(404, f"no truce {truce_id!r}")
    return truce


@router.get("/violations", tags=["truces"], summary="Violation verdicts, filtered by truce and dates")
def list_violations(
    truce: TruceQ = None,
    since: Since = None,
    until: Until = None,
    verdict: Annotated[Literal["violation", "out_of_scope", "not_party"] | None, Query(description="Only this verdict (default: all).")] = None,
    store: Store = Depends(get_store),
) -> list[dict[str, Any]]:
    """Verdicts of events judged against truces, oldest first: truce_id, truce, event_id, date,
    verdict (violation, out_of_scope, not_party), zone_rule, certainty, explanation, and the
    event's type, place and fatalities."""
    return views.list_violations(store, truce=truce or None, since=since, until=until, verdict=verdict)


@router.get("/access", tags=["access"], summary="Humanitarian access per place: sieges, deliveries, evacuations")
def list_access(place: PlaceQ = None, store: Store = Depends(get_store)) -> list[dict[str, Any]]:
    """Per place: status, besiegers, since, and its timeline."""
    return views.access_status(store, place=place or None)


def _place_name(entry: dict[str, Any]) -> str:
    return str(entry.get("place") or entry.get("place_name") or entry.get("name") or "")


@router.get("/access/{place}", tags=["access"], summary="Humanitarian access of one place", responses={404: {"description": "No access record"}})
def get_access(place: IdPath, store: Store = Depends(get_store)) -> dict[str, Any]:
    """The place's status and timeline. The name matches case-insensitively; when it is a
    part of one place's name only (e.g. `Foua` for al-Foua) that place is given."""
    entries = views.access_status(store, place=place)
    exact = [e for e in entries if _place_name(e).casefold() == place.casefold()]
    if exact:
        return exact[0]
    if len(entries) == 1:
        return entries[0]
    if not entries:
        raise HTTPException(404, f"no access record for {place!r}")
    names = ", ".join(sorted(_place_name(e) for e in entries)[:10])
    raise HTTPException(404, f"{place!r} names several places: {names}")


TRUCE_EXAMPLE = {
    "name": "Regime of calm, Damascus",
    "kind": "truce",
    "parties": ["Military Forces of Syria (2000-)", "Opposition Rebels (Syria)"],
    "brokers": ["Military Forces of Russia (2000-)"],
    "excluded": ["Islamic State (Syria)", "Jabhat al Nusra"],
    "zone": [{"around": "Damascus", "km": 30}, {"admin1": "Latakia"}],
    "valid_from": "2016-04-29",
    "valid_until": "2016-05-02",
}


@router.post(
    "/truces",
    tags=["truces"],
    status_code=201,
    summary="Declare a truce (token needed)",
    responses={401: {"description": "No valid token"}, 422: {"description": "Bad truce"}, 501: {"description": "Not available"}},
)
def declare_truce(
    request: Request,
    spec: dict[str, Any] = Body(..., examples=[TRUCE_EXAMPLE]),
    who: str = Depends(writer),
    store: Store = Depends(get_store),
) -> Any:
    """A truce the mission knows of: `name`, `kind` (ceasefire, truce, humanitarian_pause,
    local_agreement, peace_agreement), `status`, `parties`, `brokers`, `excluded`, `zone` (a
    list of `{"admin1": NAME}`, `{"around": PLACE, "km": N}`, `{"place": NAME}`,
    `{"polygon": GEOJSON}`, `{"region": NAME}`), `valid_from`/`valid_until` or `windows`.
    Events inside its zone and window are judged against it at once. Answers 201 with
    `{"id", "name", "created"}`; re-declaring the same name replaces it (created false)."""
    try:
        from ceasefire.analyse.truces import declare
    except ImportError:
        raise HTTPException(501, "declaring truces is not available in this version") from None
    try:
        result = declare(store, spec, who)
        request.app.state.cache.invalidate()
    except (ValueError, KeyError, TypeError) as exc:
        raise HTTPException(422, f"truce: {exc}") from exc
    if isinstance(result, dict):
        return result
    truce = views.truce_detail(store, str(result)) if result is not None else None
    return truce or {"id": result}

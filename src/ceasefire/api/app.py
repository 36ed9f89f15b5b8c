"""The application factory."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Sequence

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from ceasefire import __version__
from ceasefire.api.cache import ScanCache
from ceasefire.store import StoreError, open_store

log = logging.getLogger("ceasefire.api")

DESCRIPTION = """\
The record kept by ceasefire: reports (documents), the events they describe
(consolidated across sources, every figure with its source sentence), truces and
their violations, humanitarian access, and tallies.

**Reading** is open. **Writing** (ingesting reports, analyst review, declaring a
truce) needs `Authorization: Bearer TOKEN`, a token made with
`ceasefire token create NAME`; a missing, unknown or revoked token answers 401.

**Errors** are JSON `{"detail": ...}`: 404 for an unknown id, 422 for a bad
parameter, 503 when the store cannot be reached.

**Merged and split events.** When an analyst merges events or splits one, the old
id is kept as a tombstone. `GET /api/events/{id}` then answers:
- merged into exactly one event: **301** with `Location: /api/events/{new id}` and the
  body `{"id", "status": "merged", "replaced_by": [new id]}` (browsers and `fetch`
  follow it to the surviving event);
- split, or merged into several: **200** with `{"id", "status": "split"|"merged",
  "replaced_by": [ids]}`, no event fields; the client chooses;
- deleted by review: **410** with `{"detail"}`.

**Totals.** `GET /api/events` answers `total` and `total_exact`. Up to 10,000 matching
events the total is always exact; beyond that it may be the lower bound 10001 with
`total_exact: false` (when the same filters are asked again, the exact figure is counted
meanwhile and given on a later request).

Figures: `fatalities_range` is `{best, low, high}` over the event's sources (lowest and
highest figure any source gave); tallies exclude aggregate claims ("250 killed in
nine days") so that no death is booked twice.
"""


def _preload_event_detail() -> None:
    try:
        from ceasefire.analyse import views  # noqa: F401
        from ceasefire.consolidate.outlets import registry

        registry()
    except Exception:  # the request that needs them will say what is wrong
        log.debug("preloading the event detail's modules failed", exc_info=True)


def create_app(db_url: str | None = None, *, cors_origins: Sequence[str] | None = None) -> FastAPI:
    """The ceasefire API (and the dashboard at ``/``) over the store at ``db_url``.

    ``db_url``: --db URL, else $CEASEFIRE_DB, else the default SQLite file; the store is
    migrated on start. ``cors_origins``: origins allowed to call the API from a browser
    (e.g. ``["https://desk.example.org"]``, or ``["*"]``); none by default.
    """
    from ceasefire.api import documents, events, monitor

    store = open_store(db_url)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI):
        # Over a large store the first timeline and total take seconds: start them now.
        _app.state.cache.warm()
        # An event's detail needs the outlet registry, whose package loads spaCy's word lists
        # (about 2 s): load it now rather than in the first analyst's request.
        threading.Thread(target=_preload_event_detail, name="ceasefire-preload", daemon=True).start()
        yield
        _app.state.cache.close()
        store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="ceasefire",
        version=__version__,
        description=DESCRIPTION,
        openapi_url="/api/openapi.json",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.store = store
    app.state.cache = ScanCache(store)

    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST", "OPTIONS"],
            allow_headers=["Authorization", "Content-Type"],
        )

    @app.exception_handler(StoreError)
    async def _store_error(_request: Request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": f"store unavailable: {exc}"}, status_code=503)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": f"internal error: {type(exc).__name__}"}, status_code=500)

    @app.get("/api/health", tags=["meta"], summary="Liveness and version")
    def health() -> dict:
        """`{"status": "ok", "version"}`."""
        return {"status": "ok", "version": __version__}

    app.include_router(events.router)
    app.include_router(documents.router)
    app.include_router(monitor.router)

    # The dashboard last, so that its catch-all at "/" never shadows an API route.
    from ceasefire import web

    web.mount(app)
    return app

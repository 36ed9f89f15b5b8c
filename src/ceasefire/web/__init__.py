"""The web dashboard: static pages and vendored JS served by the API process (no CDN, no tiles).

:func:`mount` adds to a FastAPI app:
- ``/`` — the single-page dashboard (``static/index.html``), with a strict Content-Security-Policy:
  scripts only from this origin, so report text can never run as code;
- ``/static/...`` — the dashboard's own files and the vendored libraries (``static/vendor``);
- ``/geo/admin1/{ISO2}.json`` — first-level administrative areas of a country as GeoJSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

STATIC = Path(__file__).resolve().parent / "static"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def mount(app: Any) -> None:
    """Serve the dashboard from ``app`` (a FastAPI application) at ``/``."""
    from fastapi import HTTPException
    from fastapi.responses import HTMLResponse, Response
    from fastapi.staticfiles import StaticFiles

    from ceasefire.web.geodata import admin1_json

    index_html = (STATIC / "index.html").read_text(encoding="utf-8")

    @app.get("/", include_in_schema=False)
    def dashboard() -> HTMLResponse:
        return HTMLResponse(index_html, headers=SECURITY_HEADERS)

    @app.get("/geo/admin1/{iso2}.json", include_in_schema=False)
    def admin1_areas(iso2: str) -> Response:
        text = admin1_json(iso2)
        if text is None:
            raise HTTPException(status_code=404, detail=f"no admin-1 areas for {iso2!r}")
        return Response(text, media_type="application/geo+json", headers={"Cache-Control": "max-age=86400"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

"""The web dashboard: static pages and vendored JS served by the API process (no CDN)."""

from __future__ import annotations

from typing import Any


def mount(app: Any) -> None:
    """Serve the dashboard from ``app`` (a FastAPI application) at ``/``."""
    return None

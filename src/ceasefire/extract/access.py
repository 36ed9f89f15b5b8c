"""Humanitarian access events: sieges, aid deliveries, evacuations, access denied."""

from __future__ import annotations

from typing import Any

from ceasefire.extract.context import DocContext


def access_events(ctx: DocContext) -> list[dict[str, Any]]:
    """`Humanitarian access` events of the document (Event JSON v1, with `aid`)."""
    return []

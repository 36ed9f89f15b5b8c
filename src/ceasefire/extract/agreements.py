"""Agreement events (truces, ceasefires, humanitarian pauses) with their lifecycle status and zone."""

from __future__ import annotations

from typing import Any

from ceasefire.extract.context import DocContext


def agreement_events(ctx: DocContext) -> list[dict[str, Any]]:
    """`Strategic developments / Agreement` events of the document (Event JSON v1, with `agreement`)."""
    return []

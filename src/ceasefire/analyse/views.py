"""Read views of the monitor for the surfaces (CLI, API, dashboard, report).

Every function returns plain dicts/lists ready for JSON.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ceasefire.store import Store


def list_truces(store: Store) -> list[dict[str, Any]]:
    """Every truce: id, name, kind, status, origin, parties, brokers, excluded, zone, windows."""
    return []


def truce_detail(store: Store, truce_id_or_name: str) -> dict[str, Any] | None:
    """One truce with its lifecycle (``changes``), windows, zone and ``violations``."""
    return None


def list_violations(store: Store, truce: str | None = None, since: date | None = None, until: date | None = None) -> list[dict[str, Any]]:
    """Violation verdicts: truce_id, event_id, date, verdict, zone_rule, certainty, explanation."""
    return []


def access_status(store: Store, place: str | None = None) -> list[dict[str, Any]]:
    """Per place: status, besiegers, since, and the timeline of sieges, deliveries, evacuations, denials."""
    return []

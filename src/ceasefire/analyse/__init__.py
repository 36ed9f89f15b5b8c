"""Analysis over consolidated events: truces, violations, humanitarian access, tallies.

``update(store)`` recomputes the derived tables; it runs inside every ingest.
"""

from __future__ import annotations

from ceasefire.store import Store


def update(store: Store) -> None:
    """Bring truces, violations and access up to date with the store's events."""
    return None

"""Analysis over consolidated events: truces, violations, humanitarian access, tallies.

``update(store)`` recomputes the derived tables; it runs inside every ingest. It is
idempotent (run twice, same tables) and keeps analyst-declared truces: their declarations
live in ``truces.payload.spec`` and are re-read each time; everything else (reported truces,
windows, lifecycle changes, verdicts, access rows) is rebuilt from the events.
"""

from __future__ import annotations

from dataclasses import dataclass

from ceasefire.store import Store


@dataclass
class AnalysisSummary:
    truces: int = 0
    verdicts: int = 0
    access: int = 0
    unattached: int = 0


def update(store: Store) -> AnalysisSummary:
    """Bring truces, violations and access up to date with the store's events."""
    from ceasefire.analyse import access, truces, violations

    with store.exclusive("consolidate") as conn:
        as_of = truces.as_of_date(conn)
        reg = truces.rebuild(conn, as_of)
        n_verdicts = violations.judge(conn, reg)
        n_access = access.rebuild(conn)
    return AnalysisSummary(truces=len(reg.truces), verdicts=n_verdicts, access=n_access, unattached=len(reg.unattached))

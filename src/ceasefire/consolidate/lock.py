"""The store's consolidation lock: one consolidating writer at a time."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterator

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ceasefire.store import Store
from ceasefire.store import schema as t

LOCK_NAME = "consolidate"

@contextlib.contextmanager
def locked(store: Store, name: str = LOCK_NAME) -> Iterator[Connection]:
    """One transaction holding the store's consolidation lock (one consolidating writer at a time)."""
    if hasattr(store, "exclusive"):
        with store.exclusive(name) as conn:
            yield conn
        return
    with store.begin() as conn:
        if store.dialect == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": int(hashlib.sha1(name.encode()).hexdigest()[:12], 16)})
        else:
            # A write statement first: SQLite takes the write lock now, so reads below see a settled store.
            conn.execute(sa.update(t.events).where(sa.false()).values(status="active"))
        yield conn

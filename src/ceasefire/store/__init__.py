"""The store: the only stateful part. SQLite by default, PostgreSQL as the server option.

Every write is one transaction; documents are immutable and keyed by content hash.
"""

from ceasefire.store.database import Store, StoreError, open_store

__all__ = ["Store", "StoreError", "open_store"]

"""Opening a store, migrating it, and the writes of the raw layer (documents, claims).

Reads for the surfaces live in :mod:`ceasefire.store.queries`; spatial reads in
:mod:`ceasefire.store.spatial`.

Concurrency rules (several ``ceasefire ingest`` processes, ``ceasefire watch`` and the
API may write to one store at once):

- documents are inserted with ``ON CONFLICT DO NOTHING`` on their content hash, and a
  document's claims are written only by the transaction that inserted it, so a report
  stored by two processes at once is stored once, with its claims once;
- actors and places are upserted the same way, in a fixed order (documents, then actors,
  then places, each sorted) so two batches never wait on each other in a cycle;
- derived tables (events, truces, violations, access) are rewritten only inside
  ``Store.exclusive("consolidate")``: a PostgreSQL advisory lock, ``BEGIN IMMEDIATE`` on
  SQLite;
- on PostgreSQL a batch that fails because the server went away (restart, fail-over) is
  retried with backoff for ``retry_seconds``; it is one transaction, so it is either
  wholly stored or not at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from ceasefire.config import resolve_db_url
from ceasefire.documents import Document
from ceasefire.store import schema as t

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# How long a SQLite writer waits for another one before giving up (env: seconds).
SQLITE_BUSY_TIMEOUT_MS = int(float(os.environ.get("CEASEFIRE_SQLITE_BUSY_TIMEOUT", "30")) * 1000)
# How long a PostgreSQL transaction is retried while the server is unreachable (env: seconds).
RETRY_SECONDS = float(os.environ.get("CEASEFIRE_STORE_RETRY_SECONDS", "60"))

log = logging.getLogger("ceasefire.store")
T = TypeVar("T")


class StoreError(Exception):
    """A store problem worth one clear line to the user (locked, unreachable, ...).

    ``transient`` is true when the same transaction may succeed if tried again
    (the PostgreSQL server restarted, a deadlock or serialisation failure);
    ``rejected`` when the data itself was refused (a constraint, a value too long).
    """

    def __init__(self, message: str, transient: bool = False, rejected: bool = False):
        super().__init__(message)
        self.transient = transient
        self.rejected = rejected  # the data broke a constraint or a column type


def now() -> datetime:
    return datetime.now(timezone.utc)


def _parse_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _on_sqlite_connect(dbapi_conn, _record) -> None:
    # Transactions are begun explicitly (see _on_sqlite_begin), not by the sqlite3 module.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _on_sqlite_begin(conn: Connection) -> None:
    # A writer takes the write lock up front: a deferred transaction that reads and then
    # writes can fail at once with "database is locked" instead of waiting its turn.
    mode = "IMMEDIATE" if conn.get_execution_options().get("ceasefire_write") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, a busy timeout, foreign keys and
    ``BEGIN IMMEDIATE`` for writes; ``postgresql://`` is driven by psycopg 3."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        sa.event.listen(engine, "connect", _on_sqlite_connect)
        sa.event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return sa.create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for a PostgreSQL advisory lock called ``name``."""
    return int.from_bytes(hashlib.sha256(f"ceasefire:{name}".encode()).digest()[:8], "big", signed=True)


class Store:
    """A ceasefire store at a SQLAlchemy URL."""

    def __init__(self, url: str | None = None, retry_seconds: float | None = None):
        self.url = resolve_db_url(url)
        self.engine = make_engine(self.url)
        self.retry_seconds = RETRY_SECONDS if retry_seconds is None else retry_seconds
        # Called with one line when a transaction is retried (the CLI prints it).
        self.on_retry: Callable[[str], None] = log.warning
        self._held = threading.local()  # the connection of an exclusive() block on this thread

    # -- lifecycle ---------------------------------------------------------
    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def where(self) -> str:
        """The store's URL without credentials, for messages."""
        return _where(self.url)

    def migrate(self) -> None:
        """Bring the schema to the newest migration (idempotent, safe to run concurrently)."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))

        def current() -> bool:
            from alembic.runtime.migration import MigrationContext
            from alembic.script import ScriptDirectory

            heads = set(ScriptDirectory.from_config(cfg).get_heads())
            with self.connect() as conn:
                return set(MigrationContext.configure(conn).get_current_heads()) == heads

        def run() -> None:
            # An up-to-date store is not locked at all (a busy store still opens for reads);
            # otherwise BEGIN IMMEDIATE serialises migrations on SQLite, an advisory lock on PostgreSQL.
            if current():
                return
            with self.begin() as conn:
                if self.dialect == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(7412093)"))
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")

        self.retrying(run)

    def close(self) -> None:
        self.engine.dispose()

    def _current(self) -> Connection | None:
        return getattr(self._held, "conn", None)

    @contextlib.contextmanager
    def begin(self) -> Iterator[Connection]:
        """One write transaction; a locked SQLite file or a lost server becomes a StoreError.

        Inside an :meth:`exclusive` block on the same thread, this is that block's
        connection and transaction (so code written with ``begin()`` runs under the lock).
        """
        held = self._current()
        if held is not None:
            yield held
            return
        try:
            with self.engine.connect() as conn:
                conn.execution_options(ceasefire_write=True)
                with conn.begin():
                    yield conn
        except sa.exc.DBAPIError as exc:
            raise _store_error(exc, self.url) from exc

    @contextlib.contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection for reads (inside :meth:`exclusive`: that block's connection)."""
        held = self._current()
        if held is not None:
            yield held
            return
        try:
            with self.engine.connect() as conn:
                yield conn
        except sa.exc.DBAPIError as exc:
            raise _store_error(exc, self.url) from exc

    @contextlib.contextmanager
    def exclusive(self, name: str) -> Iterator[Connection]:
        """A write transaction that no other process runs at the same time under ``name``.

        PostgreSQL: ``pg_advisory_xact_lock`` (released at commit or rollback; other
        writers of documents are not blocked). SQLite: ``BEGIN IMMEDIATE`` (the file has
        one writer at a time anyway). Re-entrant on one thread; ``begin()`` and
        ``connect()`` called inside the block use its connection.

        Consolidation and analysis rewrite derived tables only inside
        ``exclusive("consolidate")``.
        """
        if self._current() is not None:
            yield self._current()
            return
        with self.begin() as conn:
            if self.dialect == "postgresql":
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock_key(name)})
            self._held.conn = conn
            try:
                yield conn
            finally:
                self._held.conn = None

    def retrying(self, work: Callable[[], T], what: str = "transaction") -> T:
        """Run ``work`` (which opens its own transaction); while it fails with a transient
        StoreError (PostgreSQL restarting, a deadlock), retry with backoff for at most
        ``retry_seconds``, then raise a StoreError saying so."""
        deadline = time.monotonic() + self.retry_seconds
        delay = 0.25
        while True:
            try:
                return work()
            except StoreError as exc:
                if not exc.transient or self._current() is not None:
                    raise
                left = deadline - time.monotonic()
                if left <= 0:
                    raise StoreError(
                        f"{exc} (still failing after {self.retry_seconds:g} s of retries; "
                        "nothing half-written: run the same command again to resume)"
                    ) from exc
                wait = min(delay, left)
                self.on_retry(f"{exc}; retrying the {what} in {wait:.1f} s")
                time.sleep(wait)
                delay = min(delay * 2, 5.0)

    # -- documents ---------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        with self.connect() as conn:
            return conn.execute(sa.select(t.documents.c.id).where(t.documents.c.id == doc_id)).first() is not None

    def known_ids(self, doc_ids: Iterable[str]) -> set[str]:
        """Which of ``doc_ids`` are stored already (retried while the server is away)."""
        ids = list(doc_ids)

        def read() -> set[str]:
            found: set[str] = set()
            with self.connect() as conn:
                for i in range(0, len(ids), 500):
                    chunk = ids[i : i + 500]
                    found.update(r[0] for r in conn.execute(sa.select(t.documents.c.id).where(t.documents.c.id.in_(chunk))))
            return found

        return self.retrying(read, "read")

    def add_document(self, doc: Document, extraction: dict | None = None, extractor_version: str | None = None) -> bool:
        """Store a document and its claims in one transaction. Returns False if it was known."""
        return self.add_documents([(doc, extraction)], extractor_version)[0]

    def add_documents(self, items: Iterable[tuple[Document, dict | None]], extractor_version: str | None = None) -> list[bool]:
        """Store several documents with their claims in one transaction (a batch).

        Returns, in the order given, whether each document was new. Retried as a whole
        while the PostgreSQL server is unreachable; never half-written.
        """
        items = list(items)

        def write() -> list[bool]:
            with self.begin() as conn:
                return self._add_documents(conn, items, extractor_version)

        return self.retrying(write, "batch")

    def _add_documents(self, conn: Connection, items: list[tuple[Document, dict | None]], extractor_version: str | None) -> list[bool]:
        # Sorted by id: two processes storing overlapping batches take row locks in one order.
        order = sorted(range(len(items)), key=lambda i: items[i][0].id)
        added = [False] * len(items)
        stamp = now()
        done: set[str] = set()
        new: list[tuple[Document, dict | None]] = []
        for i in order:
            doc, extraction = items[i]
            if doc.id in done:  # the same report twice in one batch
                continue
            done.add(doc.id)
            # RETURNING, not rowcount: psycopg reports -1 for INSERT ... ON CONFLICT DO NOTHING.
            inserted = conn.execute(
                self._insert(t.documents)
                .values(**_document_row(doc, stamp, extractor_version if extraction is not None else None))
                .on_conflict_do_nothing(index_elements=["id"])
                .returning(t.documents.c.id)
            ).first()
            if inserted is not None:
                added[i] = True
                if extraction is not None:
                    new.append((doc, extraction))
        if new:
            self._write_claims_many(conn, [(d.id, x.get("events") or []) for d, x in new])
        return added

    def replace_claims(self, doc_id: str, extraction: dict, extractor_version: str | None = None) -> None:
        """Re-extraction: the document's claims are replaced in one transaction."""
        with self.begin() as conn:
            conn.execute(sa.delete(t.claims).where(t.claims.c.document_id == doc_id))
            self._write_claims_many(conn, [(doc_id, extraction.get("events") or [])])
            conn.execute(
                sa.update(t.documents).where(t.documents.c.id == doc_id).values(extractor_version=extractor_version)
            )

    def _insert(self, table: sa.Table):
        return (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)

    def _actor_ids(self, conn: Connection, actors: dict[str, dict]) -> dict[str, int]:
        """Upsert actors by name (sorted, so concurrent batches lock in one order); name -> id."""
        if not actors:
            return {}
        names = sorted(actors)
        for name in names:
            a = actors[name]
            conn.execute(
                self._insert(t.actors)
                .values(name=name, inter=a.get("inter"), country=iso2(a.get("country")))
                .on_conflict_do_nothing(index_elements=["name"])
            )
        ids: dict[str, int] = {}
        for i in range(0, len(names), 500):
            q = sa.select(t.actors.c.name, t.actors.c.id).where(t.actors.c.name.in_(names[i : i + 500]))
            ids.update((n, k) for n, k in conn.execute(q))
        return ids

    def _upsert_places(self, conn: Connection, places: dict[str, dict]) -> None:
        for place_id in sorted(places):
            conn.execute(self._insert(t.places).values(**places[place_id]).on_conflict_do_nothing(index_elements=["id"]))

    def _write_claims(self, conn: Connection, doc_id: str, events: list[dict]) -> None:
        self._write_claims_many(conn, [(doc_id, events)])

    def _write_claims_many(self, conn: Connection, docs: list[tuple[str, list[dict]]]) -> None:
        """Claims, evidence, actors and places of several documents, in few statements."""
        actors: dict[str, dict] = {}
        places: dict[str, dict] = {}
        rows: list[dict[str, Any]] = []
        for doc_id, events in docs:
            for ordinal, ev in enumerate(events):
                rows.append({"document_id": doc_id, "ordinal": ordinal, "payload": ev, **claim_row(ev)})
                for actor in ev.get("actors") or []:
                    if actor.get("name"):
                        actors.setdefault(actor["name"], actor)
                place = place_row(ev.get("location"))
                if place:
                    places.setdefault(place["id"], place)
        if not rows:
            return
        actor_ids = self._actor_ids(conn, actors)
        self._upsert_places(conn, places)
        claim_ids = conn.execute(
            sa.insert(t.claims).returning(t.claims.c.id, sort_by_parameter_order=True), rows
        ).scalars().all()
        spans: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        located: list[dict[str, Any]] = []
        for claim_id, row in zip(claim_ids, rows):
            ev = row["payload"]
            spans += [
                {"claim_id": claim_id, "start": s["start"], "end": s["end"], "text": s["text"]}
                for s in ev.get("evidence") or []
            ]
            seen: set[tuple[int, str]] = set()
            for actor in ev.get("actors") or []:
                if not actor.get("name"):
                    continue
                key = (actor_ids[actor["name"]], actor.get("role") or "party")
                if key not in seen:
                    seen.add(key)
                    links.append({"claim_id": claim_id, "actor_id": key[0], "role": key[1]})
            place = place_row(ev.get("location"))
            if place:
                located.append({"claim_id": claim_id, "place_id": place["id"]})
        if spans:
            conn.execute(sa.insert(t.evidence), spans)
        if links:
            conn.execute(sa.insert(t.claim_actors), links)
        if located:
            conn.execute(sa.insert(t.claim_places), located)


def _document_row(doc: Document, stamp: datetime, extractor_version: str | None) -> dict[str, Any]:
    return {
        "id": doc.id,
        "external_id": doc.external_id,
        "title": doc.title,
        "published": doc.published,
        "outlet": doc.outlet,
        "byline": doc.byline,
        "agency": doc.agency,
        "url": doc.url,
        "source_path": doc.source_path,
        "source_format": doc.source_format,
        "text": doc.text,
        "meta": doc.meta or {},
        "ingested_at": stamp,
        "extractor_version": extractor_version,
    }


def place_row(loc: dict | None) -> dict[str, Any] | None:
    """The places row of an Event JSON location (None when it names no place)."""
    if not loc or not loc.get("name"):
        return None
    if loc.get("geonames_id"):
        place_id = f"gn:{loc['geonames_id']}"
    else:
        place_id = f"nm:{loc['name']}|{loc.get('admin1') or ''}|{loc.get('country') or ''}"
    return {
        "id": place_id,
        "name": loc["name"],
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "country": iso2(loc.get("country")),
        "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"),
        "geonames_id": loc.get("geonames_id"),
        "feature_class": (loc.get("feature_class") or None) and str(loc["feature_class"])[:1],
    }


def iso2(value: Any) -> str | None:
    """An ISO 3166-1 alpha-2 code for the indexed ``country`` columns, else None.

    The claim's payload keeps whatever the extractor wrote; only the index column,
    which is two characters wide, is left empty rather than failing the batch.
    """
    if isinstance(value, str) and len(value) == 2 and value.isalpha():
        return value.upper()
    return None


def claim_row(ev: dict) -> dict[str, Any]:
    """The indexed columns of a claim, taken from its Event JSON v1 object."""
    d = ev.get("date") or {}
    loc = ev.get("location") or {}
    fat = (ev.get("fatalities") or {}).get("total") or {}
    return {
        "event_type": ev.get("event_type") or "",
        "sub_event_type": ev.get("sub_event_type") or "",
        "method": ev.get("method"),
        "date_start": _parse_date(d.get("start")),
        "date_end": _parse_date(d.get("end")),
        "date_precision": d.get("precision"),
        "location_name": loc.get("name"),
        "lat": loc.get("lat"),
        "lon": loc.get("lon"),
        "country": iso2(loc.get("country")),
        "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"),
        "geonames_id": loc.get("geonames_id"),
        "location_precision": loc.get("precision"),
        "fatalities_best": fat.get("best"),
        "is_aggregate": bool(ev.get("aggregate")),
        "certainty": (ev.get("attribution") or {}).get("certainty"),
        "salience": ev.get("salience"),
    }


def _where(url: str) -> str:
    """A URL fit for messages: no password."""
    if "@" in url:
        scheme, rest = url.split("://", 1)
        return f"{scheme}://{rest.split('@', 1)[1]}"
    return url


def _store_error(exc: sa.exc.DBAPIError, url: str) -> StoreError:
    """One clear line for a database error; transient when a retry may succeed."""
    orig = exc.orig
    msg = str(orig) if orig is not None else str(exc)
    where = _where(url)
    first = msg.strip().splitlines()[0] if msg.strip() else type(orig).__name__
    if isinstance(exc, (sa.exc.IntegrityError, sa.exc.DataError)):
        return StoreError(f"{where}: {first}", rejected=True)
    if url.startswith("sqlite"):
        if "database is locked" in msg or "database is busy" in msg:
            return StoreError(
                f"{where}: the store is locked by another writer (waited {SQLITE_BUSY_TIMEOUT_MS / 1000:g} s); "
                "try again when it has finished"
            )
        if "unable to open database" in msg:
            return StoreError(f"{where}: cannot open the store file (does its folder exist and is it writable?)")
        return StoreError(f"{where}: {first}")
    # PostgreSQL: a lost or refused connection, a server shutting down, a deadlock or a
    # serialisation failure are worth retrying; constraint or syntax errors are not.
    transient = isinstance(exc, sa.exc.OperationalError) or bool(getattr(exc, "connection_invalidated", False))
    if transient and ("Connection refused" in msg or "connection failed" in msg):
        first = "the PostgreSQL server is unreachable (connection refused)"
    elif transient and ("terminating connection" in msg or "server closed the connection" in msg or "consuming input failed" in msg):
        first = "the PostgreSQL server closed the connection (restart or shutdown)"
    return StoreError(f"{where}: {first}", transient=transient)


def _explain(exc: sa.exc.DBAPIError, url: str) -> str:
    return str(_store_error(exc, url))


def open_store(url: str | None = None, migrate: bool = True) -> Store:
    """Open (and by default migrate) the store at ``url``, --db or $CEASEFIRE_DB or the default."""
    store = Store(url)
    if migrate:
        store.migrate()
    return store

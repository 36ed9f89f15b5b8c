"""Opening a store, migrating it, and the writes of the raw layer (documents, claims).

Reads for the surfaces live in :mod:`ceasefire.store.queries`.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection, Engine

from ceasefire.config import resolve_db_url
from ceasefire.documents import Document
from ceasefire.store import schema as t

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000


class StoreError(Exception):
    """A store problem worth one clear line to the user (locked, unreachable, ...)."""


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
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, a busy timeout and foreign keys."""
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        sa.event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    return sa.create_engine(url, pool_pre_ping=True)


class Store:
    """A ceasefire store at a SQLAlchemy URL."""

    def __init__(self, url: str | None = None):
        self.url = resolve_db_url(url)
        self.engine = make_engine(self.url)

    # -- lifecycle ---------------------------------------------------------
    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest migration (idempotent)."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
        cfg.set_main_option("sqlalchemy.url", self.url.replace("%", "%%"))
        with self.engine.begin() as conn:
            if self.dialect == "postgresql":
                # Two processes migrating a fresh database at once: one waits for the other.
                conn.execute(sa.text("SELECT pg_advisory_xact_lock(7412093)"))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()

    @contextlib.contextmanager
    def begin(self) -> Iterator[Connection]:
        """One transaction; a locked SQLite file or a lost server becomes a StoreError."""
        try:
            with self.engine.begin() as conn:
                yield conn
        except sa.exc.OperationalError as exc:
            raise StoreError(_explain(exc, self.url)) from exc

    @contextlib.contextmanager
    def connect(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except sa.exc.OperationalError as exc:
            raise StoreError(_explain(exc, self.url)) from exc

    # -- documents ---------------------------------------------------------
    def has_document(self, doc_id: str) -> bool:
        with self.connect() as conn:
            return conn.execute(sa.select(t.documents.c.id).where(t.documents.c.id == doc_id)).first() is not None

    def known_ids(self, doc_ids: Iterable[str]) -> set[str]:
        ids = list(doc_ids)
        found: set[str] = set()
        with self.connect() as conn:
            for i in range(0, len(ids), 500):
                chunk = ids[i : i + 500]
                found.update(r[0] for r in conn.execute(sa.select(t.documents.c.id).where(t.documents.c.id.in_(chunk))))
        return found

    def add_document(self, doc: Document, extraction: dict | None = None, extractor_version: str | None = None) -> bool:
        """Store a document and its claims in one transaction. Returns False if it was known."""
        with self.begin() as conn:
            return self._add_document(conn, doc, extraction, extractor_version)

    def add_documents(self, items: Iterable[tuple[Document, dict | None]], extractor_version: str | None = None) -> list[bool]:
        """Store several documents with their claims in one transaction (a batch)."""
        with self.begin() as conn:
            return [self._add_document(conn, d, x, extractor_version) for d, x in items]

    def _add_document(self, conn: Connection, doc: Document, extraction: dict | None, extractor_version: str | None) -> bool:
        row = {
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
            "ingested_at": now(),
            "extractor_version": extractor_version if extraction is not None else None,
        }
        result = conn.execute(self._insert(t.documents).values(**row).on_conflict_do_nothing(index_elements=["id"]))
        if result.rowcount == 0:
            return False
        if extraction is not None:
            self._write_claims(conn, doc.id, extraction.get("events", []))
        return True

    def replace_claims(self, doc_id: str, extraction: dict, extractor_version: str | None = None) -> None:
        """Re-extraction: the document's claims are replaced in one transaction."""
        with self.begin() as conn:
            conn.execute(sa.delete(t.claims).where(t.claims.c.document_id == doc_id))
            self._write_claims(conn, doc_id, extraction.get("events", []))
            conn.execute(
                sa.update(t.documents).where(t.documents.c.id == doc_id).values(extractor_version=extractor_version)
            )

    def _insert(self, table: sa.Table):
        return (postgresql.insert if self.dialect == "postgresql" else sqlite.insert)(table)

    def _actor_id(self, conn: Connection, actor: dict) -> int:
        name = actor["name"]
        conn.execute(
            self._insert(t.actors)
            .values(name=name, inter=actor.get("inter"), country=actor.get("country"))
            .on_conflict_do_nothing(index_elements=["name"])
        )
        return conn.execute(sa.select(t.actors.c.id).where(t.actors.c.name == name)).scalar_one()

    def _write_claims(self, conn: Connection, doc_id: str, events: list[dict]) -> None:
        for ordinal, ev in enumerate(events):
            row = claim_row(ev)
            claim_id = conn.execute(
                sa.insert(t.claims).values(document_id=doc_id, ordinal=ordinal, payload=ev, **row).returning(t.claims.c.id)
            ).scalar_one()
            spans = [
                {"claim_id": claim_id, "start": s["start"], "end": s["end"], "text": s["text"]}
                for s in ev.get("evidence") or []
            ]
            if spans:
                conn.execute(sa.insert(t.evidence), spans)
            seen: set[tuple[int, str]] = set()
            for actor in ev.get("actors") or []:
                key = (self._actor_id(conn, actor), actor.get("role") or "party")
                if key not in seen:
                    seen.add(key)
                    conn.execute(sa.insert(t.claim_actors).values(claim_id=claim_id, actor_id=key[0], role=key[1]))
            loc = ev.get("location")
            if loc and loc.get("name"):
                place_id = f"gn:{loc['geonames_id']}" if loc.get("geonames_id") else f"nm:{loc['name']}|{loc.get('admin1') or ''}|{loc.get('country') or ''}"
                conn.execute(
                    self._insert(t.places)
                    .values(
                        id=place_id,
                        name=loc["name"],
                        lat=loc.get("lat"),
                        lon=loc.get("lon"),
                        country=loc.get("country"),
                        admin1=loc.get("admin1"),
                        admin2=loc.get("admin2"),
                        geonames_id=loc.get("geonames_id"),
                        feature_class=loc.get("feature_class"),
                    )
                    .on_conflict_do_nothing(index_elements=["id"])
                )
                conn.execute(sa.insert(t.claim_places).values(claim_id=claim_id, place_id=place_id))


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
        "country": loc.get("country"),
        "admin1": loc.get("admin1"),
        "admin2": loc.get("admin2"),
        "geonames_id": loc.get("geonames_id"),
        "location_precision": loc.get("precision"),
        "fatalities_best": fat.get("best"),
        "is_aggregate": bool(ev.get("aggregate")),
        "certainty": (ev.get("attribution") or {}).get("certainty"),
        "salience": ev.get("salience"),
    }


def _explain(exc: sa.exc.OperationalError, url: str) -> str:
    msg = str(exc.orig) if exc.orig is not None else str(exc)
    where = url.split("@")[-1] if "@" in url else url
    if "database is locked" in msg:
        return f"{where}: the store is locked by another writer (waited {SQLITE_BUSY_TIMEOUT_MS // 1000} s); try again when it has finished"
    if "unable to open database" in msg:
        return f"{where}: cannot open the store file (does its folder exist and is it writable?)"
    first = msg.strip().splitlines()[0] if msg.strip() else type(exc.orig).__name__
    return f"{where}: {first}"


def open_store(url: str | None = None, migrate: bool = True) -> Store:
    """Open (and by default migrate) the store at ``url``, --db or $CEASEFIRE_DB or the default."""
    store = Store(url)
    if migrate:
        try:
            store.migrate()
        except sa.exc.OperationalError as exc:
            raise StoreError(_explain(exc, store.url)) from exc
    return store

"""Reading a gazetteer file: candidates by name key, admin names, countries; the process-wide
default file; great-circle distance."""

from __future__ import annotations

import contextlib
import functools
import math
import os
import sqlite3
import threading
from pathlib import Path

from ceasefire.resolve.places.gazetteer.schema import GazetteerError, Place, find_cache
from ceasefire.resolve.places.gazetteer.build import build_gazetteer


_COLUMNS = "p.id, p.name, p.lat, p.lon, p.fclass, p.fcode, p.country, p.admin1, p.admin2, p.population, p.source, p.within"


class Gazetteer:
    """Read access to a gazetteer file: candidates by name key, admin names, countries."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.pid = os.getpid()
        if not self.path.exists():
            raise GazetteerError(f"{self.path}: no gazetteer file")
        self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._admin1 = dict(self._conn.execute("SELECT code, name FROM admin1"))
        self._admin1_place = {code: pid for code, pid in self._conn.execute("SELECT code, place_id FROM admin1")}
        self._country_names: dict[str, str] = {}
        self._country_place: dict[str, int] = {}
        for pid, name, cc in self._conn.execute("SELECT id, name, country FROM places WHERE fcode='PCLI'"):
            self._country_names[cc] = name
            self._country_place[cc] = pid
        self.meta = dict(self._conn.execute("SELECT key, value FROM meta"))
        try:
            self._county_points = {pid: (lat, lon) for pid, lat, lon in
                                   self._conn.execute("SELECT place_id, lat, lon FROM county_points")}
        except sqlite3.OperationalError:  # a file built before schema 4
            self._county_points = {}
        self.candidates = functools.lru_cache(maxsize=200_000)(self._candidates)
        self.skeleton_candidates = functools.lru_cache(maxsize=50_000)(self._skeleton_candidates)
        self.by_id = functools.lru_cache(maxsize=50_000)(self._by_id)
        self._skeleton_keys: frozenset[str] | None = None  # read on the first outline lookup
        self._readers = 0  # callers inside reading() now

    @contextlib.contextmanager
    def reading(self):
        """One read transaction over a report's lookups: SQLite takes the file's lock and checks the
        file for changes once, not at every query (that cost more than most lookups themselves).
        Nested and concurrent callers share the transaction; the last one out ends it, so a writer
        (an import into this file) waits only for the reports being read."""
        with self._lock:
            if self._readers == 0 and not self._conn.in_transaction:
                self._conn.execute("BEGIN")
            self._readers += 1
        try:
            yield self
        finally:
            with self._lock:
                self._readers -= 1
                if self._readers == 0 and self._conn.in_transaction:
                    self._conn.execute("COMMIT")

    def close(self) -> None:
        self._conn.close()

    def _query(self, sql: str, args: tuple) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, args).fetchall()

    def _candidates(self, key: str) -> tuple[tuple[Place, int], ...]:
        """Places a folded name can mean, with how the name reaches each (NAME_*)."""
        if not key:
            return ()
        rows = self._query(f"SELECT {_COLUMNS}, n.kind FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ?", (key,))
        return tuple((Place(*r[:12]), r[12]) for r in rows)

    def _skeleton_candidates(self, key: str) -> tuple[Place, ...]:
        if len(key) < 3:
            return ()
        if self._skeleton_keys is None:
            # Few names have an outline (some tens of thousands of keys), and most outlines a report's
            # words make match none: one set answers those without a query.
            self._skeleton_keys = frozenset(k for (k,) in self._query("SELECT DISTINCT key FROM skeletons", ()))
        if key not in self._skeleton_keys:
            return ()
        rows = self._query(f"SELECT {_COLUMNS} FROM skeletons s JOIN places p ON p.id = s.place_id WHERE s.key = ?", (key,))
        return tuple(Place(*r) for r in rows)

    def _by_id(self, pid: int) -> Place | None:
        rows = self._query(f"SELECT {_COLUMNS} FROM places p WHERE p.id = ?", (pid,))
        return Place(*rows[0]) if rows else None

    def has_key(self, key: str) -> bool:
        return bool(self.candidates(key))

    def admin1_name(self, country: str | None, admin1: str | None) -> str | None:
        if not country or not admin1:
            return None
        return self._admin1.get(f"{country}.{admin1}")

    def admin1_place(self, country: str | None, admin1: str | None) -> Place | None:
        pid = self._admin1_place.get(f"{country}.{admin1}") if country and admin1 else None
        return self.by_id(pid) if pid is not None else None

    def county_fallback_point(self, p: Place) -> tuple[float, float] | None:
        """A US county's stand-in point (a town of its state bearing its name), or None."""
        return self._county_points.get(p.id)

    def country_place(self, country: str | None) -> Place | None:
        pid = self._country_place.get(country or "")
        return self.by_id(pid) if pid is not None else None

    def country_name(self, country: str | None) -> str | None:
        return self._country_names.get(country or "")

    def stats(self) -> dict[str, int]:
        out = {}
        for table in ("places", "names", "admin1", "admin2"):
            out[table] = self._query(f"SELECT count(*) FROM {table}", ())[0][0]
        return out


_LOADED: dict[str, Gazetteer] = {}
_LOAD_LOCK = threading.Lock()


def open_gazetteer(path: Path | str | None = None, *, build: bool = True) -> Gazetteer:
    """The gazetteer, opened once per process (built on first use when missing)."""
    with _LOAD_LOCK:
        target = Path(path) if path else find_cache()
        key = str(target) if target else "<default>"
        if key in _LOADED:
            return _LOADED[key]
        if target is None or not target.exists():
            if not build:
                raise GazetteerError("no gazetteer built yet (run: ceasefire gazetteer build)")
            target = build_gazetteer(target)
        # Per-process reuse: a process that changes $XDG_DATA_HOME keeps the gazetteer it has.
        gaz = Gazetteer(target)
        _LOADED[key] = gaz
        return gaz


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer for geoparsing (reopened in a forked worker: SQLite
    connections must not cross a fork)."""
    with _LOAD_LOCK:
        existing = _LOADED.get("<current>")
        if existing is not None and existing.pid != os.getpid():
            _LOADED.clear()
            existing = None
    if existing is not None:
        return existing
    gaz = open_gazetteer()
    with _LOAD_LOCK:
        _LOADED["<current>"] = gaz
    return gaz


def reset_loaded() -> None:
    """Forget opened gazetteers (after an import or a rebuild in this process)."""
    with _LOAD_LOCK:
        for g in set(_LOADED.values()):
            g.close()
        _LOADED.clear()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))

"""Answers that cost a scan of the events table (totals, tallies), kept until the events change.

A dashboard asks for the same totals and timelines again and again; over a million events a
count or a GROUP BY takes hundreds of milliseconds, the version check (the newest
``updated_at``, an index lookup) under one. Entries are keyed by the query and its filter, and
dropped when the store's data version changes or after ``TTL_SECONDS`` (a safety net for
writes that do not touch ``updated_at``).
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from collections import OrderedDict
from collections.abc import Callable, Hashable
from datetime import timedelta
from typing import Any

from ceasefire.store import Store
from ceasefire.store import queries

TTL_SECONDS = 60.0
MAX_ENTRIES = 2048
# A page's total is counted exactly up to this many events; beyond it the answer says
# "at least TOTAL_CAP + 1" (total_exact false) at once, and the exact figure is counted in the
# background for the next request with the same filters. An exact count of a filter that
# matches few of a million events scans them all (seconds); the bounded one stops early.
TOTAL_CAP = 10_000
MAX_PENDING_COUNTS = 8
# Encoded pages of the event list kept for repeat requests, at most this many bytes in all
# (a page of 1,000 events is about 1.3 MB).
PAGE_BYTES = 64 * 2**20


class ScanCache:
    """An LRU of (data version, value) per key, shared by the app's worker threads."""

    def __init__(self, store: Store):
        self.store = store
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, tuple[Any, float, Any]] = OrderedDict()
        self._version: tuple[float, Any] = (0.0, None)
        self._flights: dict[Hashable, threading.Lock] = {}
        self._pending: set[Hashable] = set()
        self._background: ThreadPoolExecutor | None = None
        self._pages: OrderedDict[Hashable, tuple[Any, float, bytes]] = OrderedDict()
        self._page_bytes = 0

    def version(self) -> Any:
        # One version lookup per 0.5 s at most: under load every request would otherwise ask.
        now = time.monotonic()
        checked, v = self._version
        if now - checked > 0.5:
            v = queries.data_version(self.store)
            self._version = (now, v)
        return v

    def invalidate(self) -> None:
        with self._lock:
            self._entries.clear()
            self._pages.clear()
            self._page_bytes = 0
            self._version = (0.0, None)

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        version = self.version()
        now = time.monotonic()
        with self._lock:
            hit = self._entries.get(key)
            if hit and hit[0] == version and now - hit[1] < TTL_SECONDS:
                self._entries.move_to_end(key)
                return hit[2]
        # One computation per key at a time: twenty dashboards opening at once must not start
        # twenty identical scans; the others wait for the first and take its answer.
        with self._lock:
            flight = self._flights.setdefault(key, threading.Lock())
        with flight:
            with self._lock:
                hit = self._entries.get(key)
                if hit and hit[0] == version and time.monotonic() - hit[1] < TTL_SECONDS:
                    return hit[2]
            value = compute()
            with self._lock:
                self._entries[key] = (version, time.monotonic(), value)
                self._entries.move_to_end(key)
                while len(self._entries) > MAX_ENTRIES:
                    self._entries.popitem(last=False)
                self._flights.pop(key, None)
        return value

    def page(self, key: Hashable, compute: Callable[[], bytes]) -> bytes:
        """An encoded answer (bytes) for ``key``, kept while the data version holds, within
        PAGE_BYTES in all (least recently used dropped first). Not single-flight: a page is
        cheap next to a scan, and a slow one must not hold others back."""
        version = self.version()
        with self._lock:
            hit = self._pages.get(key)
            if hit and hit[0] == version and time.monotonic() - hit[1] < TTL_SECONDS:
                self._pages.move_to_end(key)
                return hit[2]
        value = compute()
        if len(value) <= PAGE_BYTES // 8:
            with self._lock:
                old = self._pages.pop(key, None)
                if old:
                    self._page_bytes -= len(old[2])
                self._pages[key] = (version, time.monotonic(), value)
                self._page_bytes += len(value)
                while self._page_bytes > PAGE_BYTES and self._pages:
                    self._page_bytes -= len(self._pages.popitem(last=False)[1][2])
        return value

    @staticmethod
    def key_of(f: queries.EventFilter) -> tuple:
        """The part of a cache key that names the filter ``f``."""
        return _filter_key(f)

    # -- the cached reads -------------------------------------------------
    def with_span_bound(self, f: queries.EventFilter) -> queries.EventFilter:
        """``f`` with ``min_start`` set, so that ``since`` can use the date index, and the
        store's place names that match ``place``, so that it can use the place index."""
        if f.place:
            names = self.get(("place_names",), lambda: queries.place_names(self.store))
            f.place_names = queries.match_place_names(names, f.place)
        if f.since is None:
            return f
        span = self.get(("longest_span",), lambda: queries.longest_span_days(self.store))
        try:
            f.min_start = f.since - timedelta(days=span)
        except OverflowError:
            f.min_start = None
        return f

    def peek(self, key: Hashable) -> Any:
        """The cached value for ``key`` if it is current, else None (never computes)."""
        version = self.version()
        with self._lock:
            hit = self._entries.get(key)
            if hit and hit[0] == version and time.monotonic() - hit[1] < TTL_SECONDS:
                return hit[2]
        return None

    def in_background(self, key: Hashable, compute: Callable[[], Any]) -> None:
        """Compute ``key`` on one background thread (at most a few queued), for later requests."""
        with self._lock:
            if key in self._pending or len(self._pending) >= MAX_PENDING_COUNTS:
                return
            self._pending.add(key)
            if self._background is None:
                self._background = ThreadPoolExecutor(1, thread_name_prefix="ceasefire-scan")
            pool = self._background

        def run() -> None:
            try:
                self.get(key, compute)
            except Exception:  # the store went away or changed under us: the next request retries
                pass
            finally:
                with self._lock:
                    self._pending.discard(key)

        pool.submit(run)

    def warm(self) -> None:
        """Start the answers every dashboard asks for first (all events' total, the timeline)."""
        if self.version() is None:  # no events yet: nothing to gain, and nothing stale to keep
            return
        f = queries.EventFilter()
        self.in_background(("count", _filter_key(f)), lambda: queries.count_events(self.store, f))
        self.in_background(("tallies", "day", _filter_key(f)), lambda: queries.event_tallies(self.store, "day", f))
        self.in_background(("place_names",), lambda: queries.place_names(self.store))

    def close(self) -> None:
        """Stop the background work (the app may start again: a new thread is made then)."""
        with self._lock:
            pool, self._background = self._background, None
            self._pending.clear()
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def count_events(self, f: queries.EventFilter) -> tuple[int, bool]:
        """``(total, exact)``: the exact number of events matching ``f`` when it is known or
        at most TOTAL_CAP, else ``(TOTAL_CAP + 1, False)`` while the exact figure is counted
        in the background."""
        key = ("count", _filter_key(f))
        exact = self.peek(key)
        if exact is not None:
            return exact, True
        capped_key = ("count-capped", _filter_key(f))
        asked_before = self.peek(capped_key) is not None
        capped = self.get(capped_key, lambda: queries.count_events(self.store, f, cap=TOTAL_CAP + 1))
        if capped <= TOTAL_CAP:
            return capped, True
        # The full count (a scan of every matching event) only for filters asked again (the next
        # page, a refresh, the all-events total warmed at start): counting each one-off box or
        # window in the background would take the CPU that the answers being waited for need.
        if asked_before or not any((f.since, f.until, f.place, f.type, f.actor, f.bbox)):
            self.in_background(key, lambda: queries.count_events(self.store, f))
        return capped, False

    def tallies(self, by: str, f: queries.EventFilter) -> list[dict[str, Any]]:
        key = ("tallies", by, _filter_key(f))
        return self.get(key, lambda: queries.event_tallies(self.store, by, f))


def _filter_key(f: queries.EventFilter) -> tuple:
    return (f.since, f.until, f.place, (f.type or "").lower() or None, f.actor, f.bbox, f.include_aggregates)

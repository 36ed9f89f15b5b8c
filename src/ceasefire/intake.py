"""Continuous intake: a drop folder that a feed reader or a scraper fills.

``watch(folders, store)`` looks at the folders every ``interval`` seconds and ingests
each file once it is stable (its size and modification time unchanged between two
looks ``settle`` seconds apart), so a file still being written is never read half.
What was done is kept in the store's ``watched_files`` table (path, size, mtime,
sha256, outcome), so a restarted watcher does not process a file again; a file
whose content changes (a feed file rewritten) is ingested again, which stores only
its new reports, since documents are keyed by content.

Polling, not file-system events: it works the same on local disks, network shares
and container volumes, where inotify events are often missing, at the cost of one
directory walk per interval.
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa

from ceasefire.cluster import ClusterError
from ceasefire.store import Store, StoreError
from ceasefire.store import schema as t

# Files that are still arriving under a temporary name.
PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".crdownload", ".download", ".filepart", ".swp")


@dataclass
class FileOutcome:
    """What happened to one file: ``new`` (reports stored), ``known`` (nothing new),
    ``failed`` (with the reason)."""

    path: str
    outcome: str
    detail: str

    def line(self) -> str:
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        return f"{stamp}  {self.outcome:<6}  {self.path}  {self.detail}"


def _passed_over(p: Path) -> bool:
    """Files the folder walk of ``ceasefire ingest`` passes over, and partial downloads."""
    if p.name.lower().endswith(PARTIAL_SUFFIXES):
        return True
    try:
        from ceasefire.sources.files import _passed_over as skipped_by_sources

        return skipped_by_sources(p)
    except ImportError:  # an older sources package: hidden files only
        return p.name.startswith(".")


def candidate_files(folders: Iterable[str | Path]) -> Iterator[Path]:
    """Every file under ``folders`` that could be a report, in sorted order."""
    for folder in folders:
        folder = Path(folder)
        if folder.is_file():
            yield folder.resolve()
            continue
        for root, dirs, files in os.walk(folder, followlinks=False):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
            for name in sorted(files):
                p = Path(root, name)
                if not _passed_over(p):
                    yield p.resolve()


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


class Watcher:
    """One watcher of some folders into one store (see the module docstring)."""

    def __init__(
        self,
        folders: list[str | Path],
        store: Store,
        *,
        settle: float = 2.0,
        jobs: int = 1,
        cluster: str | None = None,
        log: Callable[[str], None] = print,
        warn: Callable[[str], None] = lambda line: print(f"warning: {line}", file=sys.stderr),
    ):
        self.folders = [Path(f) for f in folders]
        self.store = store
        self.settle = settle
        self.jobs = jobs
        self.cluster = cluster
        self.log = log
        self.warn = warn
        self.derived_pending = False
        self.seen: dict[Path, tuple[int, float, float]] = {}  # path -> (size, mtime, first seen so)
        self.stopping = False

    # -- the record of processed files -------------------------------------
    def _record(self, path: Path) -> dict | None:
        with self.store.connect() as conn:
            row = conn.execute(sa.select(t.watched_files).where(t.watched_files.c.path == str(path))).mappings().first()
        return dict(row) if row else None

    def _same_content_done(self, sha: str) -> dict | None:
        """A file with this content processed before under another name (moved, copied)."""
        q = sa.select(t.watched_files).where(t.watched_files.c.sha256 == sha, ~t.watched_files.c.outcome.like("failed%")).limit(1)
        with self.store.connect() as conn:
            row = conn.execute(q).mappings().first()
        return dict(row) if row else None

    def _remember(self, path: Path, size: int, mtime: float, sha: str, outcome: str) -> None:
        values = {"size": size, "mtime": mtime, "sha256": sha, "outcome": outcome, "processed_at": datetime.now(timezone.utc)}
        ins = self.store._insert(t.watched_files).values(path=str(path), **values)

        def write() -> None:
            with self.store.begin() as conn:
                conn.execute(ins.on_conflict_do_update(index_elements=["path"], set_=values))

        self.store.retrying(write, "record of watched files")

    # -- one look at the folders -------------------------------------------
    def stable_files(self) -> list[tuple[Path, int, float]]:
        """Files unchanged since the previous look and at least ``settle`` seconds old."""
        now = time.time()
        ready: list[tuple[Path, int, float]] = []
        current: dict[Path, tuple[int, float, float]] = {}
        for p in candidate_files(self.folders):
            try:
                st = p.stat()
            except OSError:  # removed meanwhile
                continue
            before = self.seen.get(p)
            first_seen = before[2] if before and before[:2] == (st.st_size, st.st_mtime) else now
            current[p] = (st.st_size, st.st_mtime, first_seen)
            if now - first_seen >= self.settle and now - st.st_mtime >= self.settle:
                ready.append((p, st.st_size, st.st_mtime))
        self.seen = current
        return ready

    def process(self, path: Path, size: int, mtime: float) -> FileOutcome | None:
        """Ingest one stable file unless it was done; None when there was nothing to do."""
        from ceasefire.pipeline import ingest

        rec = self._record(path)
        if rec and rec["size"] == size and rec["mtime"] == mtime:
            return None
        try:
            sha = file_sha256(path)
        except OSError as exc:
            return FileOutcome(str(path), "failed", f"cannot read: {exc.strerror or exc}")
        if rec and rec["sha256"] == sha:  # touched, not changed
            self._remember(path, size, mtime, sha, rec["outcome"])
            return None
        twin = None if rec else self._same_content_done(sha)
        if twin is not None:
            self._remember(path, size, mtime, sha, "known")
            return FileOutcome(str(path), "known", f"same content as {twin['path']}")
        errors: list[str] = []

        def on_error(message: str) -> None:  # the line names the file already
            errors.append(message[len(str(path)) + 2 :] if message.startswith(f"{path}: ") else message)

        summary = ingest([path], self.store, jobs=self.jobs, cluster=self.cluster, on_error=on_error, consolidate=False)
        if summary.new:
            outcome = FileOutcome(str(path), "new", summary.line())
        elif summary.failed:
            outcome = FileOutcome(str(path), "failed", errors[0] if len(errors) == 1 else f"{summary.line()}; first: {errors[0]}")
        else:
            outcome = FileOutcome(str(path), "known", summary.line())
        if summary.new and summary.failed:
            outcome.detail += f"; first failure: {errors[0]}"
        self._remember(path, size, mtime, sha, outcome.outcome if outcome.outcome != "failed" else f"failed: {outcome.detail}")
        return outcome

    def one_pass(self) -> list[FileOutcome]:
        """Ingest every stable, unprocessed file once; consolidate if anything was new."""
        from ceasefire.pipeline import update_derived

        outcomes: list[FileOutcome] = []
        for path, size, mtime in self.stable_files():
            if self.stopping:
                break
            try:
                outcome = self.process(path, size, mtime)
            except StoreError as exc:  # store away: say so, try this file again next time
                outcome = FileOutcome(str(path), "failed", f"store unavailable, will retry: {exc}")
            except ClusterError as exc:  # the Dask scheduler is away: the same
                outcome = FileOutcome(str(path), "failed", f"cluster unavailable, will retry: {exc}")
            if outcome is not None:
                outcomes.append(outcome)
                self.log(outcome.line())
        if any(o.outcome == "new" for o in outcomes) or self.derived_pending:
            try:
                self.store.retrying(lambda: update_derived(self.store), "consolidation")
                self.derived_pending = False
            except StoreError as exc:  # the reports are stored; events catch up on a later pass
                self.derived_pending = True
                self.warn(f"events not brought up to date yet, will retry: {exc}")
        return outcomes

    def run(self, interval: float, once: bool = False) -> int:
        """Look every ``interval`` seconds until :meth:`stop`; with ``once``, a single pass
        (waiting for files to settle first). Returns the number of files processed."""
        done = 0
        if once:
            self.stable_files()  # the first look; files must be unchanged at the second
            self._sleep(self.settle)
            return len(self.one_pass())
        while not self.stopping:
            done += len(self.one_pass())
            self._sleep(interval)
        return done

    def stop(self) -> None:
        self.stopping = True

    def _sleep(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < end:
            time.sleep(min(0.2, max(0.0, end - time.monotonic())))

"""Ingest: sources -> extract -> store -> consolidate -> analyse, in batches.

Each batch of documents is written with its claims in one transaction, so a
killed run leaves whole documents or none; a re-run skips what is stored and
consolidation picks up any claim not yet attached to an event.

Extraction runs in this process, in a process pool (``jobs``) or on a Dask
cluster (``cluster``), see :mod:`ceasefire.cluster`; documents already in the
store are never sent for extraction. Consolidation and analysis take
``Store.exclusive("consolidate")`` so concurrent ingests never build one event twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ceasefire.documents import Document
from ceasefire.sources import SourceError, read_paths
from ceasefire.store import Store

BATCH_SIZE = 64


@dataclass
class IngestSummary:
    new: int = 0
    known: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        return f"{self.new} new, {self.known} already known, {self.failed} failed"


def extract_batch(docs: list[Document], jobs: int = 1, cluster: str | None = None) -> list[dict | Exception]:
    """Event JSON v1 for each document (or the exception it raised), in order."""
    from ceasefire.cluster import ExtractionFailure, extractors

    results: dict[str, dict | Exception] = {}
    size = max(1, -(-len(docs) // max(1, jobs)))  # one chunk per process
    chunks = [docs[i : i + size] for i in range(0, len(docs), size)]
    for chunk, out in extractors(iter(chunks), jobs=jobs, cluster=cluster):
        for doc, r in zip(chunk, out):
            results[doc.id] = RuntimeError(r.message) if isinstance(r, ExtractionFailure) else r
    return [results[d.id] for d in docs]


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    jobs: int = 1,
    cluster: str | None = None,
    batch_size: int = BATCH_SIZE,
    on_error: Callable[[str], None] | None = None,
    on_batch: Callable[[IngestSummary], None] | None = None,
    consolidate: bool = True,
) -> IngestSummary:
    """Read, extract and store every report under ``paths``; keep events, truces and access current.

    ``jobs`` > 1 extracts in that many local processes; ``cluster`` ("tcp://HOST:8786"
    or "local:N") on Dask. Raises StoreError (with ``.summary`` set to what was done)
    when the store stays unreachable; every batch stored until then is whole.
    """
    from ceasefire.cluster import ExtractionFailure, extractors
    from ceasefire.extract import EXTRACTOR_VERSION
    from ceasefire.store import StoreError

    summary = IngestSummary()

    def fail(message: str) -> None:
        summary.failed += 1
        summary.errors.append(message)
        if on_error:
            on_error(message)

    def unknown_batches() -> Iterator[list[Document]]:
        """Batches of documents not stored yet (read lazily, as extraction asks for more)."""
        batch: list[Document] = []
        seen: set[str] = set()

        def unknown(docs: list[Document]) -> list[Document]:
            known = store.known_ids(d.id for d in docs)
            summary.known += len(known)
            return [d for d in docs if d.id not in known]

        for item in read_paths(paths):
            if isinstance(item, SourceError):
                fail(str(item))
                continue
            if item.id in seen:  # the same report twice in this run
                summary.known += 1
                continue
            seen.add(item.id)
            batch.append(item)
            if len(batch) >= batch_size:
                todo = unknown(batch)
                batch = []
                if todo:
                    yield todo
        if batch:
            todo = unknown(batch)
            if todo:
                yield todo

    try:
        for docs, results in extractors(unknown_batches(), jobs=jobs, cluster=cluster):
            items = []
            for doc, result in zip(docs, results):
                if isinstance(result, ExtractionFailure):
                    fail(f"{doc.source_path or doc.id}: extraction failed: {result.message}")
                else:
                    items.append((doc, result))
            added = store_batch(store, items, EXTRACTOR_VERSION, fail)
            summary.new += sum(added)
            summary.known += len(added) - sum(added)  # stored meanwhile by another process
            if on_batch:
                on_batch(summary)
        if consolidate:
            store.retrying(lambda: update_derived(store), "consolidation")
    except StoreError as exc:
        exc.summary = summary
        raise
    return summary


def store_batch(store: Store, items: list, extractor_version: str, fail: Callable[[str], None]) -> list[bool]:
    """Store a batch in one transaction; if the store rejects it (a value that breaks a
    column or constraint), store its documents one by one and report the ones rejected."""
    from ceasefire.store import StoreError

    try:
        return store.add_documents(items, extractor_version=extractor_version)
    except StoreError as exc:
        if not exc.rejected:
            raise
    added = []
    for doc, extraction in items:
        try:
            added.append(store.add_document(doc, extraction, extractor_version=extractor_version))
        except StoreError as exc:
            if not exc.rejected:
                raise
            fail(f"{doc.source_path or doc.id}: not stored, the store rejected its claims: {exc}")
    return added


def update_derived(store: Store) -> None:
    """Consolidate new claims into events, then bring truces, violations and access up to date.

    Each step takes ``store.exclusive("consolidate")`` around its own (short) transactions,
    so concurrent ingests never build one event twice and never block each other long.
    """
    from ceasefire import analyse, consolidate

    consolidate.update(store)
    analyse.update(store)

"""Ingest: sources -> extract -> store -> consolidate -> analyse, in batches.

Each batch of documents is written with its claims in one transaction, so a
killed run leaves whole documents or none; a re-run skips what is stored and
consolidation picks up any claim not yet attached to an event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
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
    from ceasefire.extract import extract_document

    def safe(doc: Document) -> dict | Exception:
        try:
            return extract_document(doc)
        except Exception as exc:  # one bad document must not stop the batch
            return exc

    return [safe(d) for d in docs]


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    *,
    jobs: int = 1,
    cluster: str | None = None,
    batch_size: int = BATCH_SIZE,
    on_error: Callable[[str], None] | None = None,
    on_batch: Callable[[IngestSummary], None] | None = None,
) -> IngestSummary:
    """Read, extract and store every report under ``paths``; keep events, truces and access current."""
    from ceasefire import analyse, consolidate
    from ceasefire.extract import EXTRACTOR_VERSION

    summary = IngestSummary()

    def fail(message: str) -> None:
        summary.failed += 1
        summary.errors.append(message)
        if on_error:
            on_error(message)

    def flush(batch: list[Document]) -> None:
        if not batch:
            return
        known = store.known_ids(d.id for d in batch)
        todo = [d for d in batch if d.id not in known]
        summary.known += len(batch) - len(todo)
        results = extract_batch(todo, jobs=jobs, cluster=cluster)
        items = []
        for doc, result in zip(todo, results):
            if isinstance(result, Exception):
                fail(f"{doc.source_path or doc.id}: extraction failed: {type(result).__name__}: {result}")
            else:
                items.append((doc, result))
        added = store.add_documents(items, extractor_version=EXTRACTOR_VERSION)
        summary.new += sum(added)
        summary.known += len(added) - sum(added)  # stored meanwhile by another process
        if on_batch:
            on_batch(summary)

    batch: list[Document] = []
    seen: set[str] = set()
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
            flush(batch)
            batch = []
    flush(batch)
    consolidate.update(store)
    analyse.update(store)
    return summary

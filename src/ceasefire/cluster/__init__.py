"""Extraction beyond one process: a process pool on this machine, or a Dask cluster.

Extraction is a pure function of the document (DESIGN.md), so batches of documents
can be extracted anywhere and written by the one client that reads the sources.
Each worker process loads the spaCy pipeline, gazetteer and lexicons once (they are
cached per process by their loaders; ``dask_backend.ModelLoader`` warms them up when a Dask
worker starts, :func:`warm_up` when a pool process starts).

``extractors(jobs, cluster)`` picks the backend:

- ``cluster="tcp://HOST:8786"``: an existing Dask scheduler (workers started with
  ``dask worker tcp://HOST:8786 --nthreads 1`` in the same ceasefire environment);
- ``cluster="local:N"``: a Dask LocalCluster of N worker processes, one thread each;
- ``jobs=N`` (N > 1): a process pool on this machine;
- otherwise in this process.

Every backend yields ``(batch, results)`` pairs as batches finish. A batch lost with a
worker (killed, out of memory) is resubmitted; after :data:`MAX_ATTEMPTS` it is
extracted in the client process, so no document is ever dropped.
"""

from __future__ import annotations

import concurrent.futures as cf
import logging
import multiprocessing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ceasefire.documents import Document

log = logging.getLogger("ceasefire.cluster")
MAX_ATTEMPTS = 3  # submissions of one batch before the client extracts it itself


@dataclass(frozen=True)
class ExtractionFailure:
    """Extraction of one document raised: the exception, as one line (picklable)."""

    message: str


Result = dict | ExtractionFailure
Batches = Iterator[tuple[list[Document], list[Result]]]


def extract_many(docs: list[Document]) -> list[Result]:
    """Event JSON v1 for each document, or an :class:`ExtractionFailure`, in order.

    Runs in pool processes and on Dask workers; one bad document never fails the batch.
    """
    from ceasefire.extract import extract_document

    out: list[Result] = []
    for doc in docs:
        try:
            out.append(extract_document(doc))
        except Exception as exc:  # noqa: BLE001 - reported per document by the client
            out.append(ExtractionFailure(f"{type(exc).__name__}: {exc}"))
    return out


WARM_UP_TEXT = (
    "Government warplanes struck the town of Douma on Monday, killing at least five people, "
    "the Syrian Observatory for Human Rights said."
)


def warm_up() -> None:
    """Load the models and resources once in this process (extract one short report)."""
    extract_many([Document(text=WARM_UP_TEXT, title="warm-up")])


def environment() -> dict[str, str]:
    """What a worker must share with the client: package and extractor versions."""
    import ceasefire
    from ceasefire.extract import EXTRACTOR_VERSION

    return {"ceasefire": ceasefire.__version__, "extractor": EXTRACTOR_VERSION}


class ClusterError(Exception):
    """The Dask cluster cannot be used (unreachable, or workers of another version)."""


# -- backends -----------------------------------------------------------------
def in_process(batches: Iterable[list[Document]]) -> Batches:
    for batch in batches:
        yield batch, extract_many(batch)


def process_pool(batches: Iterable[list[Document]], jobs: int) -> Batches:
    """A pool of ``jobs`` processes (spawned: they share nothing with this process but the
    documents), with at most 2 × jobs batches in flight."""
    ctx = multiprocessing.get_context("spawn")
    pool = cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=warm_up)
    pending: dict[cf.Future, tuple[list[Document], int]] = {}
    source = iter(batches)
    finished = False
    try:
        while True:
            while len(pending) < 2 * jobs:
                batch = next(source, None)
                if batch is None:
                    break
                pending[pool.submit(extract_many, batch)] = (batch, 1)
            if not pending:
                break
            done, _ = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
            for fut in done:
                if fut not in pending:  # resubmitted after the pool broke
                    continue
                batch, attempts = pending.pop(fut)
                try:
                    results = fut.result()
                except Exception as exc:  # noqa: BLE001 - a worker died: resubmit what it held
                    log.warning("extraction worker lost (%s); resubmitting %d documents", exc, len(batch))
                    lost = [(batch, attempts)]
                    if isinstance(exc, cf.process.BrokenProcessPool):
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = cf.ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=warm_up)
                        lost += [pending.pop(f) for f in list(pending)]
                    for b, n in lost:
                        if n >= MAX_ATTEMPTS:
                            yield b, extract_many(b)
                        else:
                            pending[pool.submit(extract_many, b)] = (b, n + 1)
                    continue
                yield batch, results
        finished = True
    finally:
        if not finished:  # interrupted (Ctrl-C, SIGTERM): stop the workers now, not after their batch
            for proc in list((getattr(pool, "_processes", None) or {}).values()):
                proc.terminate()
        pool.shutdown(wait=finished, cancel_futures=True)


def extractors(batches: Iterable[list[Document]], jobs: int = 1, cluster: str | None = None) -> Batches:
    """The backend for ``jobs`` and ``cluster`` (see the module docstring)."""
    if cluster:
        from ceasefire.cluster.dask_backend import dask_cluster

        return dask_cluster(batches, cluster)
    if jobs and jobs > 1:
        return process_pool(batches, jobs)
    return in_process(batches)

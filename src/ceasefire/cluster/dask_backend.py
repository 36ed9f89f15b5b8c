"""Extraction on a Dask cluster (``ceasefire ingest --cluster tcp://HOST:8786`` or ``local:N``)."""

from __future__ import annotations

import logging
from collections.abc import Iterable

from distributed import Client, LocalCluster, as_completed
from distributed.diagnostics.plugin import WorkerPlugin

from ceasefire.cluster import MAX_ATTEMPTS, Batches, ClusterError, environment, extract_many, warm_up
from ceasefire.documents import Document

log = logging.getLogger("ceasefire.cluster")


class ModelLoader(WorkerPlugin):
    """Load the models and resources when a worker starts (once per worker process).

    Registered by the client, so a worker restarted by its nanny loads them again.
    """

    name = "ceasefire-models"

    def setup(self, worker) -> None:
        warm_up()


def connect(address: str) -> tuple[Client, LocalCluster | None]:
    """A Dask client for ``tcp://HOST:PORT`` or ``local:N`` (N worker processes, 1 thread each)."""
    if address.startswith("local"):
        n = int(address.partition(":")[2] or 2)
        cluster = LocalCluster(
            n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=logging.ERROR
        )
        return Client(cluster), cluster
    try:
        return Client(address, timeout="20s"), None
    except OSError as exc:
        raise ClusterError(f"{address}: cannot reach the Dask scheduler ({exc})") from exc


def check_workers(client: Client) -> int:
    """Register the model loader; return the worker threads. ClusterError if a worker runs
    another ceasefire or extractor version (its events would not match this client's)."""
    mine = environment()
    try:
        client.wait_for_workers(1, timeout=60)
    except TimeoutError as exc:
        raise ClusterError("the Dask scheduler has no workers (start some with `dask worker ADDRESS --nthreads 1`)") from exc
    for worker, env in client.run(environment).items():
        if env != mine:
            raise ClusterError(
                f"Dask worker {worker} runs ceasefire {env['ceasefire']} (extractor {env['extractor']}), this client "
                f"{mine['ceasefire']} (extractor {mine['extractor']}): install the same version on every worker"
            )
    client.register_plugin(ModelLoader(), name=ModelLoader.name)
    return max(1, sum(client.nthreads().values()))


def dask_cluster(batches: Iterable[list[Document]], address: str) -> Batches:
    """Extract batches on a Dask cluster; yield them as they finish.

    Dask reschedules a task whose worker died; a batch whose future still fails
    (``KilledWorker`` after repeated deaths, a lost connection) is resubmitted, and
    after MAX_ATTEMPTS extracted in this process, so no document is dropped.
    """
    client, cluster = connect(address)
    try:
        window = 2 * check_workers(client) + 2
        pending: dict[str, tuple[list[Document], int]] = {}
        running = as_completed()
        source = iter(batches)

        def submit(batch: list[Document], attempts: int) -> None:
            fut = client.submit(extract_many, batch, pure=False, retries=2)
            pending[fut.key] = (batch, attempts)
            running.add(fut)

        def refill() -> None:
            while len(pending) < window:
                batch = next(source, None)
                if batch is None:
                    return
                submit(batch, 1)

        refill()
        while pending:
            fut = next(running)
            batch, attempts = pending.pop(fut.key)
            try:
                results = fut.result()
            except Exception as exc:  # noqa: BLE001 - a lost worker or a scheduler hiccup
                if attempts < MAX_ATTEMPTS:
                    log.warning("batch of %d documents lost on the cluster (%s); resubmitting", len(batch), exc)
                    submit(batch, attempts + 1)
                    continue
                log.warning("batch of %d documents failed %d times on the cluster (%s); extracting here", len(batch), attempts, exc)
                results = extract_many(batch)
            finally:
                fut.release()
            yield batch, results
            refill()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

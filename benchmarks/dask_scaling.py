"""Extraction throughput on a Dask cluster with 1 and with 2 workers, and the ratio (goal >= 1.7).

    .venv/bin/python benchmarks/dask_scaling.py [--docs 200] [--batch 8] [--data ../shared/data]

Each run starts a LocalCluster of worker processes (1 thread each), loads the models
on every worker first (not timed: a worker loads them once), then times the
extraction of the same documents, sent in batches through the code path of
``ceasefire ingest --cluster`` (ceasefire.cluster.dask_backend.dask_cluster).
Documents: FA-KES articles (read in place) and the bundled samples.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_corpus import DEFAULT_DATA, base_texts, machine  # noqa: E402


def documents(n: int, data: Path):
    from ceasefire.documents import Document, clean_text

    bases = base_texts(data)
    return [Document(text=clean_text(text), title=title, published=day) for title, text, day in bases[:n]]


def throughput(docs, workers: int, batch: int) -> tuple[float, list[float]]:
    """Wall seconds, and CPU seconds each worker process spent, for extracting ``docs``."""
    from distributed import Client, LocalCluster

    from ceasefire.cluster import warm_up
    from ceasefire.cluster.dask_backend import dask_cluster

    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster, Client(cluster) as client:
        client.run(warm_up)
        before = client.run(time.process_time)
        batches = [docs[i : i + batch] for i in range(0, len(docs), batch)]
        t0 = time.perf_counter()
        done = sum(len(b) for b, _ in dask_cluster(iter(batches), cluster.scheduler_address))
        wall = time.perf_counter() - t0
        after = client.run(time.process_time)
    assert done == len(docs)
    return wall, [after[w] - before[w] for w in before]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=200)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    a = ap.parse_args()
    docs = documents(a.docs, a.data)
    words = sum(len(d.text.split()) for d in docs)
    print(machine())
    print(f"data: {len(docs)} documents ({words:,} words): bundled samples and FA-KES articles; batches of {a.batch}")
    walls, cpus = {}, {}
    for workers in (1, 2):
        walls[workers], cpus[workers] = throughput(docs, workers, a.batch)
        w = walls[workers]
        print(f"{workers} worker{'s' if workers > 1 else ' '}: {w:7.1f} s  {len(docs) / w:6.2f} docs/s  {words / w:8.0f} words/s"
              f"   worker CPU s: {', '.join(f'{c:.1f}' for c in cpus[workers])}")
    print(f"scaling 2 workers / 1 worker (wall clock): {walls[1] / walls[2]:.2f}x (goal >= 1.7x)")
    # On a machine shared with other work the wall clock says little; the CPU split says
    # whether the work divides: 1-worker CPU over the busiest of the 2 workers' CPU.
    print(f"scaling if each worker had a core of its own (CPU time, an estimate): {sum(cpus[1]) / max(cpus[2]):.2f}x")
    print(machine().replace("machine:", "after:  "))


if __name__ == "__main__":
    main()

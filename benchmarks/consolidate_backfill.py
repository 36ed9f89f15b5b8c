"""The consolidation pass after a large backfill: N stored reports, then ``ceasefire consolidate``.

    .venv/bin/python benchmarks/consolidate_backfill.py [--n 100000] [--stores sqlite,postgresql] [--jobs 2]

``benchmarks/ingest_stores.py`` measures the whole ingest, which on this machine spends
hours in extraction before its one consolidation pass. This benchmark reaches that pass
in minutes, on the same corpus (benchmarks/ingest_corpus.py: the bundled samples and the
FA-KES articles repeated, each copy with its own dateline, date and outlet):

1. copies 0 and 1 of every base text are extracted for real;
2. every later copy k takes copy 0's extraction with each date that moved by one day
   between copies 0 and 1 (a date read relative to publication) moved by k days, and every
   other date kept (a date the text states); where copies 0 and 1 gave differently shaped
   extractions, copy k takes copy (k mod 2)'s extraction as it is;
3. all N documents are stored through the store's batch writer without consolidation;
4. the real ``ceasefire consolidate`` runs in a child process: its wall time and peak
   memory are printed, with the number of events and the largest event's report count
   (stories whose date is in the text pile up: one event per base text, told by hundreds
   of near-identical copies).
"""

from __future__ import annotations

import argparse
import copy as copying
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_corpus import DEFAULT_DATA, REPO, fresh_store, machine, store_size, write_corpus  # noqa: E402


def _as_date(v) -> date | None:
    if isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[7] == "-":
        try:
            return date.fromisoformat(v)
        except ValueError:
            return None
    return None


def relative_paths(a, b, path=()) -> set[tuple] | None:
    """Paths of the date strings that are one day later in ``b`` than in ``a``; None if shapes differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        if a.keys() != b.keys():
            return None
        out: set[tuple] = set()
        for k in a:
            sub = relative_paths(a[k], b[k], path + (k,))
            if sub is None:
                return None
            out |= sub
        return out
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return None
        out = set()
        for i, (x, y) in enumerate(zip(a, b)):
            sub = relative_paths(x, y, path + (i,))
            if sub is None:
                return None
            out |= sub
        return out
    da, db = _as_date(a), _as_date(b)
    if da and db and db - da == timedelta(days=1):
        return {path}
    return set()


def shifted(extraction: dict, paths: set[tuple], days: int) -> dict:
    out = copying.deepcopy(extraction)
    for path in paths:
        node = out
        for k in path[:-1]:
            node = node[k]
        node[path[-1]] = (date.fromisoformat(node[path[-1]]) + timedelta(days=days)).isoformat()
    return out


def build_store(url: str, corpus: Path, jobs: int) -> dict:
    sys.path.insert(0, str(REPO / "src"))
    from ceasefire.documents import Document
    from ceasefire.extract import EXTRACTOR_VERSION
    from ceasefire.pipeline import extract_batch
    from ceasefire.sources import read_paths
    from ceasefire.store import open_store

    docs = [d for d in read_paths([corpus], on_warning=lambda w: None) if isinstance(d, Document)]
    n_bases = int(json.loads(corpus.with_suffix(".info").read_text())["bases"])
    first = docs[: 2 * n_bases]
    t0 = time.perf_counter()
    real = []
    for i in range(0, len(first), 64 * jobs):
        real += extract_batch(first[i : i + 64 * jobs], jobs=jobs)
    t_extract = time.perf_counter() - t0
    plans = []
    for b in range(n_bases):
        x0, x1 = real[b], real[n_bases + b] if n_bases + b < len(real) else real[b]
        if isinstance(x0, Exception) or isinstance(x1, Exception):
            plans.append(None)
            continue
        plans.append((x0, x1, relative_paths(x0, x1)))
    store = open_store(url)
    t0 = time.perf_counter()
    batch = []
    mismatched = 0
    for i, doc in enumerate(docs):
        b, k = i % n_bases, i // n_bases
        plan = plans[b]
        if plan is None:
            continue
        x0, x1, paths = plan
        if k < 2:
            x = (x0, x1)[k]
        elif paths is None:
            x = (x0, x1)[k % 2]
            mismatched += 1
        else:
            x = shifted(x0, paths, k % 365)
        batch.append((doc, x))
        if len(batch) == 64:
            store.add_documents(batch, extractor_version=EXTRACTOR_VERSION)
            batch = []
    if batch:
        store.add_documents(batch, extractor_version=EXTRACTOR_VERSION)
    t_store = time.perf_counter() - t0
    store.engine.dispose()
    return {"documents": len(docs), "extract_s": t_extract, "extracted": len(first), "store_s": t_store, "mismatched": mismatched}


def consolidate(url: str) -> tuple[float, float, str]:
    t0 = time.perf_counter()
    proc = subprocess.run([str(REPO / ".venv" / "bin" / "ceasefire"), "consolidate", "--db", url], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"consolidate failed: {proc.stderr.strip()[-500:]}")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return wall, peak_mb, proc.stdout.strip().splitlines()[-1]


def largest_event(url: str) -> tuple[int, int]:
    import sqlalchemy as sa

    eng = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with eng.connect() as conn:
        top = conn.execute(sa.text("SELECT MAX(n_reports) FROM events WHERE status = 'active'")).scalar() or 0
        claims = conn.execute(sa.text("SELECT COUNT(*) FROM claims")).scalar_one()
    eng.dispose()
    return int(top), int(claims)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=2, help="processes for the real extraction of copies 0 and 1")
    ap.add_argument("--stores", default="sqlite,postgresql")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    a = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="cf-backfill-"))
    corpus = work / "corpus.jsonl"
    info = write_corpus(corpus, a.n, a.data)
    corpus.with_suffix(".info").write_text(json.dumps(info))
    print(machine())
    print(f"data: {info['documents']:,} reports repeated from {info['bases']} bundled samples and FA-KES articles")
    try:
        for store in a.stores.split(","):
            with fresh_store(store, work) as url:
                built = subprocess.run([sys.executable, __file__, "--build", url, str(corpus), str(a.jobs)], capture_output=True, text=True)
                if built.returncode:
                    print(f"{store}: building the store failed: {built.stderr.strip()[-400:]}")
                    continue
                b = json.loads(built.stdout.strip().splitlines()[-1])
                timed = subprocess.run([sys.executable, __file__, "--consolidate", url], capture_output=True, text=True)
                if timed.returncode:
                    print(f"{store}: consolidation failed: {timed.stderr.strip()[-400:]}")
                    continue
                wall, peak, line = json.loads(timed.stdout.strip().splitlines()[-1])
                top, claims = largest_event(url)
                size = store_size(url)
            print(f"{store:<10} {b['extracted']:,} reports extracted in {b['extract_s']:.0f} s (--jobs {a.jobs}); "
                  f"{b['documents']:,} stored in {b['store_s']:.0f} s ({b['mismatched']:,} copies reused as is)")
            print(f"{'':<10} ceasefire consolidate: {wall:.1f} s, peak memory {peak:.0f} MB, {claims:,} claims "
                  f"[{line}]; largest event told by {top:,} reports; store {size / 1e9:.2f} GB")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--build":
        print(json.dumps(build_store(sys.argv[2], Path(sys.argv[3]), int(sys.argv[4]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "--consolidate":  # its own process: peak memory is the pass's own
        print(json.dumps(consolidate(sys.argv[2])))
    else:
        main()

"""Ingest N distinct reports into SQLite and into PostgreSQL: time, peak memory, store size.

    .venv/bin/python benchmarks/ingest_stores.py [--n 100000] [--jobs 1] [--stores sqlite,postgresql]

The corpus comes from benchmarks/ingest_corpus.py (bundled samples and FA-KES texts,
each copy with its own dateline, date and outlet). Each store gets a fresh SQLite
file or a fresh database on a throw-away PostgreSQL 15 server (scripts/pg.sh); the
real ``ceasefire ingest`` runs as a child process, so peak memory is its own (and that
of its extraction processes). With --n below 100,000 the figures for 100,000 are
extrapolated linearly and marked so.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_corpus import DEFAULT_DATA, REPO, fresh_store, machine, store_size, write_corpus  # noqa: E402

TARGET = 100_000


def run_ingest(url: str, corpus: Path, jobs: int) -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB, and the summary line of one ingest."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([str(REPO / ".venv" / "bin" / "ceasefire"), "ingest", "--db", url, "--jobs", str(jobs), "-q", str(corpus)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    # Peak resident memory of the ingest and of the children it waited for (extraction processes).
    peak_kb = _children_peak_kb()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"ingest failed ({proc.returncode}): {err.strip()[-500:]}")
    if proc.returncode == 1 and "Traceback" in err:  # 1 is also "some reports were refused"
        raise SystemExit(f"ingest crashed: {err.strip()[-500:]}")
    # The ingest's own summary: its last line (stdout, else stderr), on one line.
    lines = [ln.strip() for ln in (out.strip() or err.strip()).splitlines() if ln.strip()]
    return wall, peak_kb / 1024, lines[-1][:300] if lines else ""


def _children_peak_kb() -> int:
    import resource

    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=TARGET)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--stores", default="sqlite,postgresql")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    a = ap.parse_args()

    work = Path(tempfile.mkdtemp(prefix="cf-bench-"))
    corpus = work / "corpus.jsonl"
    info = write_corpus(corpus, a.n, a.data)
    print(machine())
    print(f"data: {info['documents']:,} distinct reports ({info['words']:,} words) repeated from {info['bases']} bundled "
          f"samples and FA-KES articles; ingest --jobs {a.jobs}, batches of 64")
    scale = TARGET / a.n
    try:
        for store in a.stores.split(","):
            with fresh_store(store, work) as url:
                # Each store in a fresh child accounting: run through a helper process.
                helper = subprocess.run(
                    [sys.executable, __file__, "--one", url, str(corpus), str(a.jobs)], capture_output=True, text=True
                )
                if helper.returncode:
                    print(f"{store}: failed: {helper.stderr.strip()[-400:]}")
                    continue
                wall, peak_mb, line = json.loads(helper.stdout.strip().splitlines()[-1])
                size = store_size(url)
            print(f"{store:<10} {a.n:>7,} reports: {wall:8.1f} s ({a.n / wall:6.1f} reports/s), peak memory {peak_mb:6.0f} MB, "
                  f"store {size / 1e6:8.1f} MB   [{line}]")
            if a.n < TARGET:
                print(f"{'':<10} {TARGET:>7,} reports EXTRAPOLATED (linear, x{scale:g}): {wall * scale / 3600:.2f} h, store "
                      f"{size * scale / 1e9:.2f} GB (peak memory is not extrapolated: it grows slowly with N)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        url, corpus, jobs = sys.argv[2], Path(sys.argv[3]), int(sys.argv[4])
        wall, peak, line = run_ingest(url, corpus, jobs)
        print(json.dumps([wall, peak, line]))
    else:
        main()

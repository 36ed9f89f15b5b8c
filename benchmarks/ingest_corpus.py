"""A large corpus of distinct reports for the ingest benchmarks, and the machine they ran on.

The bundled samples (src/ceasefire/samples) and the FA-KES articles
(../shared/data/fakes/fakes-dev.csv, read in place) are repeated; each copy gets its
own dateline, date and outlet, so every text is distinct (a new document) and reads
like a real wire copy. Nothing is written inside the repository.

    .venv/bin/python benchmarks/ingest_corpus.py --n 100000 --out /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data"
OUTLETS = ["Reuters", "Agence France-Presse", "Associated Press", "Al Jazeera", "Euronews", "Enab Baladi",
           "Syria Direct", "SANA", "Anadolu Agency", "Xinhua", "BBC Monitoring", "The National"]
DATELINES = ["BEIRUT", "DAMASCUS", "AMMAN", "ISTANBUL", "GAZIANTEP", "GENEVA", "MOSCOW", "ALEPPO", "IDLIB"]


def _fakes_date(text: str) -> date | None:
    """FA-KES dates are written month/day/two-digit year ("8/21/13"); ISO dates are read too."""
    text = text.strip()
    try:
        if "/" in text:
            m, d, y = (int(p) for p in text.split()[0].split("/"))
            return date(2000 + y if y < 100 else y, m, d)
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def base_texts(data: Path) -> list[tuple[str, str, date | None]]:
    """(title, text, date) of every bundled sample and FA-KES article."""
    sys.path.insert(0, str(REPO / "src"))
    from ceasefire.documents import Document
    from ceasefire.sources import SourceError, read_paths

    out: list[tuple[str, str, date | None]] = []
    for item in read_paths([REPO / "src" / "ceasefire" / "samples"], on_warning=lambda w: None):
        if isinstance(item, Document):
            out.append((item.title or "", item.text, item.published))
    fakes = data / "fakes" / "fakes-dev.csv"
    if fakes.exists():
        with open(fakes, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                d = _fakes_date(row["date"])
                out.append((row["article_title"], row["article_content"], d))
    else:
        print(f"note: {fakes} is absent; the corpus repeats the bundled samples only", file=sys.stderr)
    return out


def write_corpus(path: Path, n: int, data: Path = DEFAULT_DATA) -> dict:
    """Write ``n`` distinct reports to ``path`` (JSON Lines); returns counts and words."""
    bases = base_texts(data)
    words = 0
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            title, text, day = bases[i % len(bases)]
            copy = i // len(bases)
            day = (day or date(2016, 4, 30)) + timedelta(days=copy % 365)
            outlet = OUTLETS[(i + copy) % len(OUTLETS)]
            line = f"{DATELINES[copy % len(DATELINES)]}, {day:%d %B %Y} ({outlet}, copy {copy}) - {text}"
            words += len(line.split())
            fh.write(json.dumps({"id": f"bench-{i}", "title": title, "text": line, "published": day.isoformat(),
                                 "source": outlet}, ensure_ascii=False) + "\n")
    return {"documents": n, "bases": len(bases), "words": words}


def machine() -> str:
    """One paragraph on the machine: CPU, cores, memory, load, Python."""
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")) / 1024 / 1024
    except OSError:
        mem = 0
    load = os.getloadavg()
    return (f"machine: {cpu}, {os.cpu_count()} cores, {mem:.0f} GB RAM, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}; load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f}")


@contextlib.contextmanager
def fresh_store(kind: str, work: Path) -> Iterator[str]:
    """The URL of a fresh store: a SQLite file in ``work``, or a database on a throw-away
    PostgreSQL 15 server (scripts/pg.sh), stopped and removed afterwards."""
    if kind == "sqlite":
        yield f"sqlite:///{work / 'store.sqlite'}"
        return
    pg_dir = tempfile.mkdtemp(prefix="cf-bench-pg-")
    try:
        yield subprocess.run(["bash", str(REPO / "scripts" / "pg.sh"), "start", pg_dir], capture_output=True, text=True, check=True).stdout.strip()
    finally:
        subprocess.run(["bash", str(REPO / "scripts" / "pg.sh"), "stop", pg_dir], capture_output=True)
        shutil.rmtree(pg_dir, ignore_errors=True)


def store_size(url: str) -> int:
    """Bytes on disk: the SQLite file with its WAL, or PostgreSQL's database size."""
    if url.startswith("sqlite:///"):
        path = Path(url[len("sqlite:///"):])
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    import sqlalchemy as sa

    eng = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with eng.connect() as conn:
        size = conn.execute(sa.text("SELECT pg_database_size(current_database())")).scalar_one()
    eng.dispose()
    return int(size)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    a = ap.parse_args()
    print(write_corpus(a.out, a.n, a.data))

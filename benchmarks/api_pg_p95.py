"""API p95 on PostgreSQL: benchmarks/api_p95.py run against a throw-away PostgreSQL 15 server.

    .venv/bin/python benchmarks/api_pg_p95.py [--events 1000000] [--clients 8] [--requests 200]

Starts a server with scripts/pg.sh (PostGIS where installed), passes its URL to
benchmarks/api_p95.py with the other arguments, prints that script's figures and the
machine, and stops the server.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_corpus import REPO, machine  # noqa: E402


def main() -> int:
    folder = tempfile.mkdtemp(prefix="cf-bench-pg-")
    pg = lambda cmd: subprocess.run(["bash", str(REPO / "scripts" / "pg.sh"), cmd, folder], capture_output=True, text=True)  # noqa: E731
    started = pg("start")
    if started.returncode:
        print(f"no PostgreSQL server: {started.stderr.strip()}", file=sys.stderr)
        return 1
    url = started.stdout.strip()
    try:
        print(machine())
        print(f"store: PostgreSQL 15 at {url} (fsync off: a throw-away server)")
        args = [a for a in sys.argv[1:] if not a.startswith("--db")]
        return subprocess.run([sys.executable, str(REPO / "benchmarks" / "api_p95.py"), "--db", url, *args]).returncode
    finally:
        pg("stop")
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

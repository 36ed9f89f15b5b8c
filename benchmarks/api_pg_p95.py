"""API p95 on PostgreSQL: benchmarks/api_p95.py run against a throw-away PostgreSQL 15 server.

    .venv/bin/python benchmarks/api_pg_p95.py [--cluster DIR] [--events 1000000] [--clients 8] [--requests 200]

Starts a server with scripts/pg.sh (PostGIS where installed), passes its URL to
benchmarks/api_p95.py with the other arguments, prints that script's figures and the
machine. Without ``--cluster`` the server lives in a temporary folder that is removed at the
end (the million events are built each time, about 10 minutes on 2 cores). With
``--cluster DIR`` the server in DIR is started if needed and left running with its events, so
that a second run measures at once; stop it with ``bash scripts/pg.sh stop DIR``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_corpus import REPO, machine  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(add_help=False)
    ap.add_argument("--cluster", type=Path)
    ap.add_argument("--db")  # the server's URL is given to api_p95.py, not this one
    own, rest = ap.parse_known_args()
    folder = str(own.cluster) if own.cluster else tempfile.mkdtemp(prefix="cf-bench-pg-")
    pg = lambda cmd: subprocess.run(["bash", str(REPO / "scripts" / "pg.sh"), cmd, folder], capture_output=True, text=True)  # noqa: E731
    started = pg("start")
    if started.returncode:
        print(f"no PostgreSQL server: {started.stderr.strip()}", file=sys.stderr)
        return 1
    url = started.stdout.strip()
    try:
        print(machine())
        print(f"store: PostgreSQL 15 at {url} (fsync off: a throw-away server){'; kept in ' + folder if own.cluster else ''}")
        return subprocess.run([sys.executable, str(REPO / "benchmarks" / "api_p95.py"), "--db", url, *rest]).returncode
    finally:
        if not own.cluster:
            pg("stop")
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

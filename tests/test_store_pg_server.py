"""scripts/pg.sh: the throw-away PostgreSQL server the test command starts."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
import sqlalchemy as sa

REPO = Path(__file__).resolve().parent.parent
PG_SH = REPO / "scripts" / "pg.sh"
INSTALLED = Path("/usr/lib/postgresql/15/bin/initdb").exists()


def pg(cmd: str, folder: str, **env) -> subprocess.CompletedProcess:
    import os

    return subprocess.run(["bash", str(PG_SH), cmd, folder], capture_output=True, text=True, env={**os.environ, **env}, timeout=300)


@pytest.fixture
def folder():
    if not INSTALLED:
        from conftest import IN_CI

        (pytest.fail if IN_CI else pytest.skip)("PostgreSQL 15 is not installed")
    path = tempfile.mkdtemp(prefix="cf-pgsh-")
    yield path
    pg("stop", path)
    shutil.rmtree(path, ignore_errors=True)


def _ask(url: str, sql: str):
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.begin() as conn:
            result = conn.execute(sa.text(sql))
            return result.scalar() if result.returns_rows else None
    finally:
        engine.dispose()


def test_server_starts_keeps_its_port_on_restart_and_offers_postgis(folder):
    started = pg("start", folder)
    assert started.returncode == 0, started.stderr
    url = started.stdout.strip()
    assert url.startswith("postgresql://postgres@127.0.0.1:") and url.endswith("/postgres")
    assert _ask(url, "SHOW server_version").startswith("15.")
    assert pg("start", folder).stdout.strip() == url  # already running: the same server
    assert pg("restart", folder).stdout.strip() == url
    if Path("/usr/share/postgresql/15/extension/postgis.control").exists():
        _ask(url, "CREATE EXTENSION IF NOT EXISTS postgis")
        assert _ask(url, "SELECT extversion FROM pg_extension WHERE extname = 'postgis'")


def test_a_half_made_leftover_folder_is_recreated(folder):
    (Path(folder) / "data").mkdir()
    (Path(folder) / "data" / "postgresql.conf").write_text("# left by a killed initdb\n")
    started = pg("start", folder)
    assert started.returncode == 0, started.stderr
    assert _ask(started.stdout.strip(), "SELECT 1") == 1


def test_missing_postgresql_is_one_clear_line(tmp_path):
    r = pg("start", str(tmp_path), PG_BIN="/nonexistent/bin")
    assert r.returncode == 1
    assert r.stderr.strip() == "pg: PostgreSQL 15 is not installed (/nonexistent/bin/initdb missing): apt-get install postgresql-15 postgresql-15-postgis-3"

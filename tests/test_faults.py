"""Faults: an ingest killed with SIGKILL, a PostgreSQL server restarted under an ingest,
a Dask worker killed mid-batch. Each ends with every report stored exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from ceasefire.store.database import make_engine
from wire_reports import check_stored_once, write_jsonl

REPO = Path(__file__).resolve().parent.parent


def ceasefire(*args: str, env: dict | None = None, **kw) -> subprocess.Popen:
    """The real command in its own process."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "ceasefire", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=full_env, cwd=REPO, **kw,
    )


def stored_documents(url: str) -> int:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            try:
                return conn.execute(sa.text("SELECT count(*) FROM documents")).scalar_one()
            except sa.exc.DBAPIError:  # not migrated yet
                return 0
    finally:
        engine.dispose()


def wait_for_documents(url: str, at_least: int, proc: subprocess.Popen, timeout: float = 1200) -> int:
    """Poll until the store holds ``at_least`` documents. The timeout only guards against a hung
    ingest (it is no speed check): it is generous so a loaded machine does not fail the test."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        n = stored_documents(url)
        if n >= at_least:
            return n
        assert proc.poll() is None, f"ingest ended early: {proc.communicate()}"
        time.sleep(0.1)
    raise AssertionError(f"fewer than {at_least} documents stored after {timeout} s")


def summary_numbers(line: str) -> tuple[int, int, int]:
    new, known, failed = (int(part.split()[0]) for part in line.split(","))
    return new, known, failed


def test_ingest_killed_halfway_through_1000_reports_resumes_without_doubles(db_url, tmp_path):
    reports = write_jsonl(tmp_path / "bulletins.jsonl", range(1000))
    proc = ceasefire("ingest", "--db", db_url, "--batch-size", "25", str(reports))
    at_kill = wait_for_documents(db_url, 400, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert at_kill < 1000, "the ingest finished before it could be killed"

    rerun = ceasefire("ingest", "--db", db_url, str(reports))
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    new, known, failed = summary_numbers(out.strip().splitlines()[-1])
    assert failed == 0 and new + known == 1000
    assert known >= at_kill and new > 0

    counts = check_stored_once(db_url, 1000)
    assert counts["claims"] >= 1000


def test_locked_sqlite_store_gives_one_clear_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    from ceasefire.store import open_store

    open_store(url).close()
    reports = write_jsonl(tmp_path / "bulletins.jsonl", range(3))
    holder = make_engine(url)
    with holder.connect() as conn:
        conn.execution_options(ceasefire_write=True)
        with conn.begin():  # another writer holds the write lock
            conn.execute(sa.text("UPDATE documents SET title = title"))
            proc = ceasefire("ingest", "--db", url, str(reports), env={"CEASEFIRE_SQLITE_BUSY_TIMEOUT": "1"})
            out, err = proc.communicate(timeout=120)
    holder.dispose()
    assert proc.returncode == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines == [f"error: {url}: the store is locked by another writer (waited 1 s); try again when it has finished"]
    assert stored_documents(url) == 0


@pytest.fixture
def own_pg_server():
    """A PostgreSQL server of this test's own (it gets restarted and stopped)."""
    import shutil
    import tempfile

    if not Path("/usr/lib/postgresql/15/bin/initdb").exists():
        from conftest import IN_CI

        (pytest.fail if IN_CI else pytest.skip)("PostgreSQL 15 is not installed")
    folder = tempfile.mkdtemp(prefix="cf-pg-")
    run = lambda cmd: subprocess.run(["bash", str(REPO / "scripts" / "pg.sh"), cmd, folder], capture_output=True, text=True, check=True).stdout.strip()  # noqa: E731
    url = run("start")
    yield url, run
    run("stop")
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.postgres
def test_ingest_resumes_after_postgresql_restarts_mid_run(own_pg_server, tmp_path):
    url, pg = own_pg_server
    reports = write_jsonl(tmp_path / "bulletins.jsonl", range(240))
    proc = ceasefire("ingest", "--db", url, "--batch-size", "10", str(reports))
    wait_for_documents(url, 60, proc)
    pg("restart")
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    new, known, failed = summary_numbers(out.strip().splitlines()[-1])
    assert (new + known, failed) == (240, 0)
    check_stored_once(url, 240)


@pytest.mark.postgres
def test_ingest_stops_with_one_line_when_postgresql_stays_down_and_reruns_cleanly(own_pg_server, tmp_path):
    url, pg = own_pg_server
    reports = write_jsonl(tmp_path / "bulletins.jsonl", range(240))
    proc = ceasefire("ingest", "--db", url, "--batch-size", "10", str(reports), env={"CEASEFIRE_STORE_RETRY_SECONDS": "3"})
    wait_for_documents(url, 60, proc)
    pg("stop")
    out, err = proc.communicate(timeout=600)
    pg("start")
    assert proc.returncode == 2
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert "PostgreSQL server" in errors[0] and "run the same command again to resume" in errors[0]
    assert out.strip().endswith("(stopped early)")
    # Nothing half-written: every stored report has all its claims.
    partial = check_stored_once(url, None, consolidated=False)
    assert 60 <= partial["documents"] < 240

    rerun = ceasefire("ingest", "--db", url, str(reports))
    out, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err
    check_stored_once(url, 240)

"""Shared fixtures: real stores (SQLite file, PostgreSQL server), the gold data, the CLI."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa

REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = (REPO / ".." / "shared" / "data").resolve()
SEED = SHARED_DATA / "seed" / "euronews-2016-04-30-aleppo-truce.txt"
SAMPLES = REPO / "src" / "ceasefire" / "samples"
IN_CI = os.environ.get("CI", "").lower() == "true"


def need_shared(*parts: str) -> Path:
    """A path under ../shared/data; skip when absent, but fail under CI=true."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        msg = f"{path} is absent (the gold data lives in ../shared/data beside the repository)"
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)
    return path


@pytest.fixture
def seed_path() -> Path:
    return need_shared("seed", "euronews-2016-04-30-aleppo-truce.txt")


def _pg_url() -> str | None:
    return os.environ.get("CEASEFIRE_TEST_PG")


@pytest.fixture
def pg_server_url() -> str:
    """The throw-away PostgreSQL server started by scripts/test.sh."""
    url = _pg_url()
    if not url:
        msg = "no PostgreSQL server (CEASEFIRE_TEST_PG unset; scripts/test.sh starts one)"
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)
    return url


def fresh_pg_database(server_url: str) -> str:
    """Create an empty database on the test server and return its URL."""
    name = "t_" + uuid.uuid4().hex[:12]
    engine = sa.create_engine(server_url.replace("postgresql://", "postgresql+psycopg://"), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return server_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """A URL to an empty store: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.sqlite'}"
    return fresh_pg_database(request.getfixturevalue("pg_server_url"))


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


@pytest.fixture
def store(db_url):
    """An opened, migrated store (SQLite, then PostgreSQL)."""
    from ceasefire.store import open_store

    s = open_store(db_url)
    yield s
    s.close()


@pytest.fixture
def cli(monkeypatch, tmp_path):
    """Run the real `ceasefire` command in-process: cli(args...) -> click Result."""
    from click.testing import CliRunner

    from ceasefire.cli import main

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(main, list(args), input=input, catch_exceptions=False)

    return run

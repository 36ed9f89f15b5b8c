"""Several writers on one store: nothing lost, nothing doubled."""

from __future__ import annotations

import pytest

from test_faults import ceasefire, summary_numbers
from wire_reports import check_stored_once, write_jsonl


def test_four_ingests_of_overlapping_bulletins_store_each_report_once(db_url, tmp_path):
    # Four desks ingest overlapping sets of the same 240 wire reports at the same time.
    files = [write_jsonl(tmp_path / f"desk-{k}.jsonl", range(k * 40, k * 40 + 120)) for k in range(4)]
    procs = [ceasefire("ingest", "--db", db_url, "--batch-size", "16", str(f)) for f in files]
    outcomes = [p.communicate(timeout=600) + (p.returncode,) for p in procs]
    new_total = 0
    for out, err, rc in outcomes:
        assert rc == 0, err
        new, known, failed = summary_numbers(out.strip().splitlines()[-1])
        assert failed == 0 and new + known == 120
        new_total += new
    assert new_total == 240, "each report counted new by exactly one process"
    check_stored_once(db_url, 240)


def test_store_exclusive_is_reentrant_and_begin_joins_it(store):
    import sqlalchemy as sa

    with store.exclusive("consolidate") as outer:
        with store.exclusive("consolidate") as inner, store.begin() as joined:
            assert inner is outer and joined is outer
        outer.execute(sa.text("SELECT 1"))


def test_api_and_three_ingests_write_one_store_at_once(db_url, tmp_path):
    from fastapi.testclient import TestClient

    from ceasefire.api import create_app
    from ceasefire.api.tokens import create_token
    from wire_reports import report

    app = create_app(db_url)
    with TestClient(app) as client:
        token = create_token(app.state.store, "desk-officer")
        files = [write_jsonl(tmp_path / f"desk-{k}.jsonl", range(k * 40, k * 40 + 100)) for k in range(3)]
        procs = [ceasefire("ingest", "--db", db_url, "--batch-size", "16", str(f)) for f in files]
        api_new = 0
        for start in range(150, 210, 20):  # a field team posts reports while the desks ingest
            r = client.post("/api/documents", json=[report(n) for n in range(start, start + 20)],
                            headers={"Authorization": f"Bearer {token}"})
            assert r.status_code == 200, r.text
            body = r.json()
            assert body["failed"] == 0 and body["new"] + body["known"] == 20
            api_new += body["new"]
        outcomes = [p.communicate(timeout=600) + (p.returncode,) for p in procs]
    new_total = api_new
    for out, err, rc in outcomes:
        assert rc == 0, err
        new, known, failed = summary_numbers(out.strip().splitlines()[-1])
        assert failed == 0 and new + known == 100
        new_total += new
    assert new_total == 210
    check_stored_once(db_url, 210)

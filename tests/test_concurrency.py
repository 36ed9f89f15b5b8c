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

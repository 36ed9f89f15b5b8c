"""Extraction on Dask: a local cluster of 2 workers, and a worker killed mid-run."""

from __future__ import annotations

import os
import signal
import time

import pytest

from test_faults import ceasefire, summary_numbers, wait_for_documents
from wire_reports import check_stored_once, write_jsonl


def test_ingest_on_a_local_cluster_of_two_workers_matches_a_plain_ingest(tmp_path):
    reports = write_jsonl(tmp_path / "bulletins.jsonl", range(60))
    on_cluster = f"sqlite:///{tmp_path / 'cluster.sqlite'}"
    proc = ceasefire("ingest", "--db", on_cluster, "--cluster", "local:2", "--batch-size", "8", str(reports))
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert out.strip().splitlines()[-1] == "60 new, 0 already known, 0 failed"
    counts = check_stored_once(on_cluster, 60, sample=60)  # every report has its own extraction's claims
    assert counts["claims"] >= 60


def test_ingest_with_a_process_pool_stores_each_report_once(tmp_path):
    reports = write_jsonl(tmp_path / "bulletins.jsonl", range(40))
    url = f"sqlite:///{tmp_path / 'pool.sqlite'}"
    proc = ceasefire("ingest", "--db", url, "--jobs", "2", "--batch-size", "8", str(reports))
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    assert out.strip().splitlines()[-1] == "40 new, 0 already known, 0 failed"
    check_stored_once(url, 40, sample=40)


def test_killing_a_dask_worker_halfway_still_stores_every_report_once(tmp_path):
    from distributed import Client, LocalCluster

    reports = write_jsonl(tmp_path / "bulletins.jsonl", range(240))
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(cluster) as client:
        proc = ceasefire("ingest", "--db", url, "--cluster", cluster.scheduler_address, "--batch-size", "6", str(reports))
        wait_for_documents(url, 60, proc)
        pids = client.run(os.getpid)
        victim = sorted(pids.values())[0]
        os.kill(victim, signal.SIGKILL)
        out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    new, known, failed = summary_numbers(out.strip().splitlines()[-1])
    assert (new, known, failed) == (240, 0, 0)
    check_stored_once(url, 240)


def test_unreachable_scheduler_is_one_clear_line(cli, tmp_path):
    reports = write_jsonl(tmp_path / "bulletins.jsonl", range(2))
    r = cli("ingest", "--db", f"sqlite:///{tmp_path / 's.sqlite'}", "--cluster", "tcp://127.0.0.1:9", str(reports))
    assert r.exit_code == 1
    assert "tcp://127.0.0.1:9: cannot reach the Dask scheduler" in r.output

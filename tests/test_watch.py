"""`ceasefire watch`: a drop folder filled while the watcher runs, restarts, changed files."""

from __future__ import annotations

import json
import signal
import time

import sqlalchemy as sa

from ceasefire.store.database import make_engine
from test_faults import ceasefire
from wire_reports import report, write_jsonl


def _lines_until(proc, wanted: int, timeout: float = 300) -> list[str]:
    """Read the watcher's per-file lines until ``wanted`` have come."""
    lines: list[str] = []
    deadline = time.monotonic() + timeout
    while len(lines) < wanted:
        assert time.monotonic() < deadline, f"only {lines} after {timeout} s"
        line = proc.stdout.readline()
        assert line, f"watcher ended: {proc.stderr.read()}"
        lines.append(line.rstrip("\n"))
    return lines


def _fields(line: str) -> tuple[str, str, str]:
    stamp, outcome, path, detail = line.split(None, 3)
    assert stamp.endswith("Z") and stamp[:4] == "2026" or stamp[:2] == "20"
    return outcome, path, detail


def test_watcher_ingests_files_as_they_arrive_and_stops_on_sigterm(tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    proc = ceasefire("watch", str(drop), "--db", url, "--interval", "0.3", "--settle", "1")
    try:
        # A scraper writes a bulletin in two goes: it must be read whole, once.
        first = drop / "bulletin-0430.jsonl"
        lines = [json.dumps(report(n)) + "\n" for n in range(10)]
        with open(first, "w") as fh:
            fh.writelines(lines[:4])
            fh.flush()
            time.sleep(0.5)
            fh.writelines(lines[4:])
        outcome, path, detail = _fields(_lines_until(proc, 1)[0])
        assert (outcome, path, detail) == ("new", str(first), "10 new, 0 already known, 0 failed")

        write_jsonl(drop / "bulletin-0501.jsonl", range(5, 15))
        (drop / "notes.docx.part").write_text("still downloading")
        (drop / "photo.bin").write_bytes(b"\x00\x01\x02" * 100)
        got = sorted(_fields(line) for line in _lines_until(proc, 2))
        assert got[0] == ("failed", str(drop / "photo.bin"), got[0][2]) and "photo.bin" not in got[0][2]
        assert got[1] == ("new", str(drop / "bulletin-0501.jsonl"), "5 new, 5 already known, 0 failed")
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert out == "", "no line for a file that was not processed"
    assert "stopped; 3 files processed" in err

    # Restarted: nothing is processed again.
    again = ceasefire("watch", str(drop), "--db", url, "--once", "--settle", "0")
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert out == ""
    # The first bulletin is rewritten with two more reports: only they are new.
    write_jsonl(first, [*range(10), 20, 21])
    time.sleep(0.05)
    again = ceasefire("watch", str(drop), "--db", url, "--once", "--settle", "0")
    out, err = again.communicate(timeout=300)
    assert [_fields(line) for line in out.splitlines()] == [("new", str(first), "2 new, 10 already known, 0 failed")]

    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM documents")).scalar_one() == 17
        rows = dict(conn.execute(sa.text("SELECT path, outcome FROM watched_files")).all())
    engine.dispose()
    assert rows[str(first)] == "new"
    assert rows[str(drop / "photo.bin")].startswith("failed: ")


def test_watch_once_remembers_files_in_either_store(cli, db_url, tmp_path):
    drop = tmp_path / "drop"
    drop.mkdir()
    write_jsonl(drop / "sitrep.jsonl", range(3))
    r = cli("watch", str(drop), "--db", db_url, "--once", "--settle", "0")
    assert r.exit_code == 0
    assert [_fields(line)[0] for line in r.output.splitlines() if not line.startswith("watch:")] == ["new"]
    (drop / "copy").mkdir()
    (drop / "copy" / "sitrep-copy.jsonl").write_bytes((drop / "sitrep.jsonl").read_bytes())
    r = cli("watch", str(drop), "--db", db_url, "--once", "--settle", "0")
    lines = [_fields(line) for line in r.output.splitlines() if not line.startswith("watch:")]
    assert lines == [("known", str(drop / "copy" / "sitrep-copy.jsonl"), f"same content as {drop / 'sitrep.jsonl'}")]

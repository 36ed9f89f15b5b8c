"""`ceasefire eval geoparse` against the gold sets, on a subsample so the suite stays fast.

Measured on the full sets (see docs/decisions.md); the floors here sit a little under what the
first 60 documents of each corpus and the first 180 gold event rows give, so a regression
shows while the noise of a small sample does not.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import need_shared


@pytest.fixture(scope="module")
def eval_run(tmp_path_factory):
    from click.testing import CliRunner

    from ceasefire.cli import main

    data = need_shared()
    misses = tmp_path_factory.mktemp("geoparse") / "misses.jsonl"
    result = CliRunner().invoke(main, ["eval", "geoparse", "--data", str(data), "--limit", "60", "--misses", str(misses)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output, misses


@pytest.fixture(scope="module")
def eval_output(eval_run):
    return eval_run[0]


def _figure(output: str, corpus: str, half: str, name: str) -> float:
    line = next(line for line in output.splitlines() if line.startswith(corpus) and f" {half} " in line)
    return float(re.search(rf"{name} ([0-9.]+)", line).group(1))


def test_detects_toponyms_in_geowebnews_and_lgl(eval_output):
    assert _figure(eval_output, "GeoWebNews", "all", "F1") >= 0.87  # 0.873 on these documents
    assert _figure(eval_output, "LGL", "all", "F1") >= 0.86  # 0.865


def test_resolves_most_gold_toponyms_within_161_km(eval_output):
    assert _figure(eval_output, "GeoWebNews", "all", "acc@161km") >= 0.815  # 0.820 on these documents
    assert _figure(eval_output, "LGL", "all", "acc@161km") >= 0.875  # 0.880


def test_chooses_the_event_location_on_gold_rows(eval_output):
    line = next(line for line in eval_output.splitlines() if line.startswith("event-location"))
    overall = float(re.search(r"chosen right ([0-9.]+)", line).group(1))
    with_location = float(re.search(r"rows with a gold location ([0-9.]+)", line).group(1))
    assert overall >= 0.85 and with_location >= 0.875  # 0.856 / 0.882 on these rows


def test_prints_resolution_speed_and_which_half_to_quote(eval_output):
    assert re.search(r"resolution speed: [0-9,]+ toponyms/s on one core", eval_output)
    assert "quote the test half" in eval_output


def test_writes_the_dev_halves_misses_for_study(eval_run):
    import json

    _, path = eval_run
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert rows and all(r["half"] == "dev" for r in rows)
    assert {r["kind"] for r in rows} == {"missed", "far", "spurious"}
    assert {r["corpus"] for r in rows} == {"GeoWebNews", "LGL"}
    far = next(r for r in rows if r["kind"] == "far" and r["km"])
    assert far["km"] > 161 and "[[" in far["context"] and far["predicted"]["lat"] is not None

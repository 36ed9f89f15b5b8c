"""ISAF press releases evaluation: runs, prints its fields, stays above measured floors.

Evaluated once per module on the first 150 releases (`ceasefire eval isaf` scores all 724).
"""

from __future__ import annotations

import pytest

from conftest import need_shared

LIMIT = 150


@pytest.fixture(scope="module")
def scores():
    from ceasefire.eval.isaf import evaluate

    need_shared("isaf", "isaf_press_releases_ft_test.jsonl")
    return {s.name: s for s in evaluate(limit=LIMIT, jobs=1)}


@pytest.mark.parametrize("field", ["min_killed exact", "province", "start date"])
def test_field_floor(scores, field):
    assert scores[field].scored == LIMIT
    assert scores[field].value >= FLOORS[field]


def test_release_date_comes_from_the_dateline():
    from datetime import date

    from ceasefire.eval.isaf import dateline_date, province

    assert dateline_date("KABUL, Afghanistan (Jan. 25, 2013)\nDuring a security operation ...") == date(2013, 1, 25)
    assert dateline_date("May 11: Afghan-ISAF Forces Conduct Operations\nISAF Joint Command - Afghanistan  2010-05-CA-039") == date(2010, 5, 11)
    # a release number alone gives the month, not the day
    assert dateline_date("NATO Training Mission - Afghanistan\n2012-03-S-014\nFor release on receipt") is None
    assert province({"name": "Ghazni", "admin1": None}) == "ghazni"
    assert province({"name": "Andar", "admin1": "Paktia"}) == "paktya"


def test_more_than_a_figure_is_one_more_as_the_minimum_killed():
    from ceasefire.eval.isaf import killed

    def line(*totals):
        return {"events": [{"fatalities": {"total": t}} for t in totals]}

    assert killed(line({"best": 5, "low": 5, "high": None, "qualifier": "more_than"})) == 6
    assert killed(line({"best": 5, "low": 5, "high": None, "qualifier": "at_least"})) == 5
    assert killed(line({"best": 2, "low": 2, "high": 2, "qualifier": "exact"}, {"best": 4, "low": 4, "high": 4, "qualifier": "exact"})) == 4


def test_dates_within_a_day():
    from ceasefire.eval.isaf import _within_a_day

    assert _within_a_day("2011-02-20", "2011-02-19")
    assert _within_a_day("2011-03-01", "2011-02-28")  # across a month's end
    assert not _within_a_day("2011-02-21", "2011-02-19")
    assert not _within_a_day(None, "2011-02-19")


def test_dated_releases_are_scored_apart(scores):
    from ceasefire.eval.isaf import DATED, NEAR

    dated, near, all_ = scores[DATED], scores[NEAR], scores["start date"]
    # every release is scored within a day; only those with a date of their own in the other line
    assert near.scored == all_.scored == LIMIT and 0 < dated.scored < LIMIT
    assert dated.correct == all_.correct and near.correct >= all_.correct
    assert dated.goal is None and near.goal is None


def test_every_province_falls_under_one_regional_command():
    from ceasefire.eval.isaf import PROVINCES, REGIONAL_COMMANDS

    assert len(PROVINCES) == sum(len(p) for p in REGIONAL_COMMANDS.values()) == 34
    assert "helmand" in REGIONAL_COMMANDS["RC Southwest"] and "day_kundi" in REGIONAL_COMMANDS["RC South"]
    assert REGIONAL_COMMANDS["RC Capital"] == ("kabul",)


def test_command_prints_every_field(cli):
    need_shared("isaf", "isaf_press_releases_ft_test.jsonl")
    r = cli("eval", "isaf", "--limit", "5", "--jobs", "1")
    assert r.exit_code == 0, r.output
    for field in ("min_killed exact", "province", "start date"):
        assert field in r.output


# Measured on these 150 releases (ceasefire eval isaf, 2026-11-25): 0.913, 0.953, 0.733.
# Later the same day, with incidents imputed to a target recalled: min_killed 0.92, start date 0.74.
# 2026-11-26: leaders killed by name after their description, the past 24 hours dated to the release: min_killed 0.927, start date 0.76.
# Later: a day an attack is imputed to the target, an overnight raid on a named day: start date 0.787.
FLOORS = {"min_killed exact": 0.93, "province": 0.85, "start date": 0.78}


def test_eval_all_prints_every_goal(cli):
    need_shared("isaf", "isaf_press_releases_ft_test.jsonl")
    need_shared("fakes", "fakes-dev.csv")
    need_shared("acled", "acled_syria_battles_2017_2023.csv")
    r = cli("eval", "all", "--limit", "3", "--jobs", "1")
    assert r.exit_code == 0, r.output
    assert r.output.strip().splitlines()[-1].endswith("of 11 goals met")
    for field in ("governorate", "sub_event_type (weighted F1)", "min_killed exact"):
        assert field in r.output

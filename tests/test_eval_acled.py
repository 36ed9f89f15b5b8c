"""ACLED notes evaluation: runs, prints per-field scores and per-class F1, stays above floors.

Evaluated once per module on a fixed sample (1 in 96 Syria battle records, 1 in 32 of the
other types, 595 notes); `ceasefire eval acled` scores 1 in 24 / 1 in 8 by default.
"""

from __future__ import annotations

import pytest

from conftest import need_shared


@pytest.fixture(scope="module")
def result():
    from ceasefire.eval.acled import evaluate

    need_shared("acled", "acled_syria_battles_2017_2023.csv")
    scores, per_class, n = evaluate(jobs=1, every_battle=96, every_other=32)
    return {s.name: s for s in scores}, per_class, n


def test_sample_mixes_battles_and_other_types(result):
    _, per_class, n = result
    assert n > 500
    assert "Armed clash" in per_class and "Peaceful protest" in per_class and len(per_class) >= 12


@pytest.mark.parametrize("field", ["sub_event_type (weighted F1)", "actor1", "fatalities exact", "location within 25 km"])
def test_field_floor(result, field):
    scores, _, _ = result
    assert scores[field].value >= FLOORS[field]


def test_weighted_f1_weights_classes_by_support():
    from ceasefire.eval.acled import fold_actor, weighted_f1

    f1, per = weighted_f1(["Armed clash", "Armed clash", "Attack"], ["Armed clash", "Attack", "Attack"])
    assert per["Armed clash"] == (pytest.approx(2 / 3), 2)
    assert f1 == pytest.approx((2 / 3 * 2 + 2 / 3 * 1) / 3)
    assert fold_actor("Military Forces of Syria (2000-) 5th Assault Corps") == "military forces of syria"


# Measured on this sample of 595 notes: 0.776, 0.593, 0.884, 0.518 (location depends on the gazetteer).
FLOORS = {"sub_event_type (weighted F1)": 0.72, "actor1": 0.53, "fatalities exact": 0.84, "location within 25 km": 0.42}

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


def test_per_class_table_and_confusions_show_where_the_classifier_fails():
    from ceasefire.eval.acled import class_table, confusions

    gold = ["Armed clash", "Armed clash", "Attack", "Peaceful protest"]
    ours = ["Armed clash", "Attack", "Attack", "(none)"]
    rows = {r[0]: r[1:] for r in class_table(gold, ours)}
    assert rows["Armed clash"] == (1.0, 0.5, pytest.approx(2 / 3), 2, 1)
    assert rows["Attack"] == (0.5, 1.0, pytest.approx(2 / 3), 1, 2)
    assert rows["(none)"][3:] == (0, 1)  # predicted, never gold: where the misses went
    assert confusions(gold, ours) == [("Armed clash", "Attack", 1), ("Peaceful protest", "(none)", 1)]


def test_command_prints_the_per_class_table_and_confusions(cli):
    need_shared("acled", "acled_syria_battles_2017_2023.csv")
    r = cli("eval", "acled", "--limit", "4", "--jobs", "1", "--confusions", "3")
    assert r.exit_code == 0, r.output
    assert "per class" in r.output and "prec" in r.output and "recall" in r.output
    assert "most frequent confusions" in r.output


def test_weighted_f1_weights_classes_by_support():
    from ceasefire.eval.acled import fold_actor, weighted_f1

    f1, per = weighted_f1(["Armed clash", "Armed clash", "Attack"], ["Armed clash", "Attack", "Attack"])
    assert per["Armed clash"] == (pytest.approx(2 / 3), 2)
    assert f1 == pytest.approx((2 / 3 * 2 + 2 / 3 * 1) / 3)
    assert fold_actor("Military Forces of Syria (2000-) 5th Assault Corps") == "military forces of syria"


# Measured on this sample of 595 notes: 0.776, 0.593, 0.884, 0.518 (location depends on the gazetteer);
# actor1 0.699 after ACLED's actor-1 conventions (crowds, battle order, unidentified authors);
# sub_event_type after ACLED's record tags and the victim rule: 0.904 (actor1 0.709, fatalities 0.929, location 0.560).
# actor1 0.763 on this sample after victims, suspects, gangs, ACLED's order of battle sides and West African actors.
# actor1 0.770 after OSCE observations in Ukraine, later-sentence gang hallmarks, distant subjects (0.769 on the 2,393 of the command).
# actor1 0.778 after agents of harm, repelled infiltrations, acting subjects, SNA factions by name and operations over joined sides (0.779 on the 2,393).
# actor1 0.807 after countries of unplaced events, identity militias named by community, actors named by where they act (0.801 on the 2,393).
# 2026-11-26: sub_event_type 0.928 and fatalities 0.968 after ACLED's hard calls (strikes in battles, fire exchanged, mobs) and coders' split tolls (0.923 and 0.955 on the 2,393).
# location 0.625 on this sample after the event place rules for opening towns, quarters read elsewhere and ACLED's coding line (0.642 on the 2,393 of the command at ab04df4).
# actor1 0.810 on this sample after victims held or arrested, quoted speakers, claims "to have killed" and Myanmar's security forces (0.817 on the 2,393).
# actor1 0.832 on this sample after the area that holds a place names its actors' country, and police read abroad follow it (0.842 on the 2,393).
# actor1 0.864 on this sample after factions by their own names, ACLED's note order from 2022, umbrellas, accusations and backers (0.862 on the 2,393).
FLOORS = {"sub_event_type (weighted F1)": 0.92, "actor1": 0.86, "fatalities exact": 0.96, "location within 25 km": 0.62}

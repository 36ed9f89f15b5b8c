"""FA-KES evaluation: the command runs and its figures stay above measured floors.

Evaluated once per module on the first 100 articles (the full 384 take minutes on 2 cores;
`ceasefire eval fakes` scores them all). Floors sit a little under what was measured.
"""

from __future__ import annotations

import pytest

from conftest import need_shared

LIMIT = 100


@pytest.fixture(scope="module")
def scores():
    from ceasefire.eval.fakes import evaluate

    need_shared("fakes", "fakes-dev.csv")
    return {s.name: s for s in evaluate(limit=LIMIT, jobs=1)}


def test_every_sampled_article_is_scored(scores):
    assert {s.scored for s in scores.values()} == {LIMIT}


def test_governorate_floor(scores):
    assert scores["governorate"].value >= FLOORS["governorate"]


def test_perpetrator_category_floor(scores):
    assert scores["perpetrator"].value >= FLOORS["perpetrator"]


def test_cause_of_death_floor(scores):
    assert scores["cause"].value >= FLOORS["cause"]


def test_total_deaths_floor(scores):
    assert scores["total_deaths"].value >= FLOORS["total_deaths"]


def test_mapping_follows_the_crowd_conventions():
    from ceasefire.eval.fakes import cause_of_death, governorate, perpetrator_category

    assert governorate({"name": "Douma", "admin1": "Rif Dimashq"}) == "damascus"
    assert governorate({"name": "Manbij", "admin1": "Aleppo"}) == "aleppo"
    assert cause_of_death({"method": "barrel_bomb", "sub_event_type": "Air/drone strike", "event_type": "Explosions/Remote violence"}) == "shelling"
    assert cause_of_death({"method": "vehicle_bomb", "sub_event_type": "Remote explosive/landmine/IED", "event_type": "Explosions/Remote violence"}) == "explosion"
    assert perpetrator_category({"actors": [{"name": "Unidentified Armed Group (Syria)", "role": "perpetrator"}]}) == "unknown"
    assert perpetrator_category({"actors": [{"name": "Global Coalition Against Daesh", "role": "perpetrator"}]}) == "international coalition forces"


def test_command_prints_every_field(cli):
    need_shared("fakes", "fakes-dev.csv")
    r = cli("eval", "fakes", "--limit", "5", "--jobs", "1")
    assert r.exit_code == 0, r.output
    for field in ("governorate", "perpetrator", "cause", "total_deaths"):
        assert field in r.output


# Measured on these 100 articles (ceasefire eval fakes --limit 100): 0.87, 0.61, 0.83, 0.73;
# cause after methods only as named and the headline rule: 0.85 (governorate 0.91, perpetrator 0.70, deaths 0.81).
# perpetrator 0.70 with authors across sentences and claims of responsibility.
# 2026-11-25: leads that say "dozens" take the count told next, headline toll lists, twin bombings: cause 0.87, deaths 0.86.
# perpetrator 0.70 on the first 100 (0.750 on all 384) with headline authors, stated authors and unknown authors kept unknown.
# perpetrator 0.72 on the first 100 (0.784 on all 384) with the side hit read through qualifiers and Israel outside the coalition.
# 2026-11-26: executions, coordinated passives ("rounded up and executed") and downed aircraft with their crew: deaths 0.86 (0.797 on all 384).
# perpetrator 0.75 on the first 100 (0.805 on all 384) with agents of harm, claims in statements, accusers as speakers and holders of strongholds.
# perpetrator 0.79 on the first 100 (0.833 on all 384) with suspects of earlier claims, victims' ranks, topic links and crowds kept out of strikes.
# 2026-11-26: tolls over several provinces as tallies, strikes inside battles, 'Meanwhile' incidents: cause 0.87, deaths 0.85 (0.872 and 0.812 on all 384).
# governorate 0.95 on the first 100 (0.935 on all 384 at ab04df4) with rural Damascus as Rif Dimashq and a sentence's own place before the next ones.
# governorate 0.96 on the first 100 (0.951 on all 384) with round-ups, lists run together, recalled places and "Syrias Hama".
# perpetrator 0.81 on the first 100 (0.852 on all 384) with victims described as "alleged", factions manning a checkpoint hit, quoted speakers and Daish.
# 2026-11-26: a total the report gives over its incident's parts leads: deaths 0.90 on the first 100 (0.844 on all 384).
# perpetrator 0.82 on the first 100 (0.865 on all 384) with rebels "fighting" a side read as whose side they are on.
FLOORS = {"governorate": 0.95, "perpetrator": 0.81, "cause": 0.86, "total_deaths": 0.89}

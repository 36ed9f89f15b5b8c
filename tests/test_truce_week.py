"""The truce week: seventeen short reports over one week of a ceasefire in Homs province
(tests/fixtures/truce-week/), ingested through the real CLI. The verdicts must be exactly the
right ones: three violations, two events outside the truce's scope, and nothing for the
air strikes before the expansion, the barrel bombs just outside the zone, or the clashes after
expiry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

WEEK = Path(__file__).parent / "fixtures" / "truce-week"


@pytest.fixture
def week(cli, db_url):
    r = cli("ingest", "--db", db_url, str(WEEK / "reports.jsonl"))
    assert r.exit_code == 0, r.output
    assert r.output.strip().splitlines()[-1] == "17 new, 0 already known, 0 failed"

    def run(*args: str):
        res = cli(*args, "--db", db_url)
        assert res.exit_code == 0, res.output
        return res

    return run


def _homs(run) -> dict:
    return json.loads(run("truce", "show", "homs", "--json").output)


def test_one_truce_under_many_names(week):
    # "a ceasefire in Homs province", "the truce", "the lull", "the Homs ceasefire": one truce.
    truces = json.loads(week("truces", "--json").output)
    assert len(truces) == 1
    t = truces[0]
    assert t["kind"] == "ceasefire"
    assert t["name"] == "Ceasefire (Homs, Hama)"
    evidence = " | ".join(c["evidence"] or "" for c in _homs(week)["changes"])
    for words in ("proposed on Sunday a ceasefire in Homs province", "The truce was expanded", "the lull largely held",
                  "The Homs ceasefire expired", "extended by 48 hours"):
        assert words in evidence


def test_declared_with_parties_broker_and_excluded_groups(week):
    # "Government forces and rebel factions in Homs province agreed on Monday to a 72-hour
    #  ceasefire brokered by Russia" / "Islamic State and Tahrir al-Sham are not covered"
    t = _homs(week)
    parties = " ".join(t["parties"])
    assert "Military Forces of Syria" in parties and "Opposition Rebels" in parties
    assert [b for b in t["brokers"] if "Russia" in b]
    excluded = " ".join(t["excluded"])
    assert "Islamic State" in excluded and "Tahrir al Sham" in excluded


def test_lifecycle_proposed_agreed_extended_expanded_expired(week):
    t = _homs(week)
    statuses = [(c["date"], c["status"]) for c in t["changes"]]
    assert statuses[0] == ("2017-03-05", "proposed")
    assert ("2017-03-06", "agreed") in statuses
    assert ("2017-03-07", "violated") in statuses
    assert ("2017-03-08", "extended") in statuses
    assert ("2017-03-09", "expanded") in statuses
    assert ("2017-03-11", "expired") in statuses
    assert t["status"] == "expired"
    agreed = next(c for c in t["changes"] if c["status"] == "agreed")
    # 72 hours from noon on Monday end on Thursday
    assert agreed["detail"]["window"] == {"from": "2017-03-06", "until": "2017-03-09"}
    extended = next(c for c in t["changes"] if c["status"] == "extended")
    assert extended["detail"]["window"] == {"previous_until": "2017-03-09", "until": "2017-03-11"}


def test_expansion_to_hama_applies_from_thursday(week):
    t = _homs(week)
    assert [(z["type"], z.get("admin1"), z.get("since")) for z in t["zone"]] == [
        ("admin1", "Homs", None), ("admin1", "Hama", "2017-03-09")]
    assert [(w["valid_from"], w["valid_until"], [z["admin1"] for z in w["zone"]]) for w in t["windows"]] == [
        ("2017-03-06", "2017-03-08", ["Homs"]),
        ("2017-03-09", "2017-03-11", ["Homs", "Hama"]),
    ]


def test_violations_are_exactly_the_right_ones(week):
    verdicts = json.loads(week("violations", "--all", "--json").output)
    got = sorted((v["date"], v["verdict"], v["admin1"], v["certainty"]) for v in verdicts)
    assert got == [
        ("2017-03-06", "out_of_scope", "Homs", "attributed"),  # militia vs Islamic State, al-Qaryatayn
        ("2017-03-07", "violation", "Homs", "attributed"),  # government shelling of Talbiseh
        ("2017-03-08", "out_of_scope", "Homs", "attributed"),  # Islamic State attack near Palmyra
        ("2017-03-09", "violation", "Homs", "unattributed"),  # mortar shell on Homs city, no one named
        ("2017-03-10", "violation", "Hama", "attributed"),  # rebel rockets on Salamiyah, after the expansion
    ]
    by_date = {v["date"]: v for v in verdicts}
    assert any("Military Forces of Syria" in p for p in by_date["2017-03-07"]["perpetrators"])
    assert any("Opposition Rebels" in p for p in by_date["2017-03-10"]["perpetrators"])
    assert by_date["2017-03-10"]["zone_rule"] == "Hama governorate (from 2017-03-09)"
    assert "Islamic State" in " ".join(by_date["2017-03-08"]["explanation"]["excluded"])


def test_events_outside_zone_before_expansion_or_after_expiry_are_not_flagged(week):
    events = json.loads(week("events", "--json").output)
    flagged = {v["event_id"] for v in json.loads(week("violations", "--all", "--json").output)}

    def find(admin1: str, day: str) -> list[dict]:
        return [e for e in events if e["event_type"] in ("Battles", "Explosions/Remote violence")
                and (e["location"] or {}).get("admin1") == admin1 and e["date"]["start"] == day]

    before_expansion = find("Hama", "2017-03-07")  # air strikes on Kafr Zita
    outside = find("Idlib", "2017-03-09")  # barrel bombs on Khan Shaykhun
    after_expiry = find("Homs", "2017-03-12")  # clashes in Rastan
    for group in (before_expansion, outside, after_expiry):
        assert group, "the extractor reports the event"
        assert not {e["id"] for e in group} & flagged


def test_every_flag_explains_itself(week):
    for v in json.loads(week("violations", "--json").output):
        expl = v["explanation"]
        assert expl["truce"]["id"] == v["truce_id"]
        assert expl["window"]["from"] and expl["window"]["until"]
        assert expl["zone_rule"] == v["zone_rule"] and expl["zone_match"].startswith("in ")
        assert expl["evidence"] and all(s.strip() for s in expl["evidence"])
        assert expl["text"].startswith(("Possible violation of", "Outside the scope of"))


def test_daily_and_area_tallies(week):
    days = json.loads(week("violations", "--tally", "day", "--json").output)
    assert [(d["day"], d["violations"], d["shelling"]) for d in days] == [
        ("2017-03-07", 1, 1), ("2017-03-09", 1, 1), ("2017-03-10", 1, 1)]
    assert sum(d["fatalities"] for d in days) == 3  # two civilians in Talbiseh, a child in Salamiyah
    areas = json.loads(week("violations", "--tally", "area", "--json").output)
    assert sorted((a["admin1"], a["violations"]) for a in areas) in (
        [("Hama", 1), ("Homs", 2)], [("Hama", 1), ("Homs", 1), ("Homs", 1)])


def test_violations_filters_by_truce_and_date(week):
    since = json.loads(week("violations", "--since", "2017-03-09", "--json").output)
    assert [v["date"] for v in since] == ["2017-03-09", "2017-03-10"]
    named = json.loads(week("violations", "--truce", "Homs", "--json").output)
    assert len([v for v in named if v["verdict"] == "violation"]) == 3


def test_al_waer_siege_evacuation_and_convoy(week):
    [place] = json.loads(week("access", "waer", "--json").output)
    assert place["besieged"] and place["besiegers_plain"] == ["government forces"]
    assert place["since"] == "2013-01-01"
    assert place["last_delivery"] == {"date": "2017-03-10", "organizations": ["UN", "SARC"], "trucks": 30,
                                      "items": ["food", "medical supplies"]}
    kinds = [(e["date"], e["kind"]) for e in place["timeline"]]
    assert ("2017-03-08", "evacuation") in kinds and ("2017-03-10", "aid_delivery") in kinds

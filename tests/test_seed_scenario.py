"""The seed scenario of DESIGN.md, end to end through extraction: every violent fact of the
Euronews/Reuters report of Saturday 2016-04-30 (truce and aid facts are tested with the monitor).
"""

from __future__ import annotations

from datetime import date

import pytest

from ceasefire.extract import extract_document, validate
from ceasefire.sources import read_paths

VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")


@pytest.fixture(scope="module")
def seed_line():
    from conftest import need_shared

    path = need_shared("seed", "euronews-2016-04-30-aleppo-truce.txt")
    doc = next(d for d in read_paths([path]) if hasattr(d, "text"))
    if doc.published is None:  # the date comes from the file name once the reader knows it
        doc.published = date(2016, 4, 30)
    line = extract_document(doc)
    validate(line)
    return line


def _violent(line):
    return [e for e in line["events"] if e["event_type"] in VIOLENT]


def _quoting(line, words):
    return [e for e in line["events"] if any(words in s["text"] for s in e["evidence"])]


def _actor(ev, role):
    return [a["name"] for a in ev["actors"] if a["role"] == role]


def test_main_event_is_the_saturday_air_strikes_on_rebel_held_aleppo(seed_line):
    main = seed_line["events"][0]
    assert (main["event_type"], main["sub_event_type"], main["method"]) == ("Explosions/Remote violence", "Air/drone strike", "air_strike")
    assert main["date"] == {"start": "2016-04-30", "end": "2016-04-30", "precision": "day"}
    assert main["location"]["name"] == "Aleppo" and main["location"]["country"] == "SY"
    assert any("at least five people were killed" in s["text"] for s in main["evidence"])


def test_at_least_five_killed_is_the_conservative_figure(seed_line):
    total = seed_line["events"][0]["fatalities"]["total"]
    assert total == {"best": 5, "low": 5, "high": None, "qualifier": "at_least"}


def test_believed_government_air_strikes_name_the_syrian_military_as_perpetrator(seed_line):
    main = seed_line["events"][0]
    assert _actor(main, "perpetrator") == ["Military Forces of Syria (2000-)"]
    assert next(a for a in main["actors"] if a["role"] == "perpetrator")["inter"] == 1
    assert main["attribution"]["certainty"] == "believed"


def test_rebel_held_districts_are_the_target_side(seed_line):
    assert "Opposition Rebels (Syria)" in _actor(seed_line["events"][0], "target")


def test_the_observatory_is_the_source_of_the_strike_toll(seed_line):
    assert seed_line["events"][0]["attribution"]["sources"] == ["Syrian Observatory for Human Rights"]


def test_ninth_day_of_bombardment_joins_the_strike_event(seed_line):
    main = seed_line["events"][0]
    assert any("ninth day of deadly bombardments" in s["text"] for s in main["evidence"])
    assert len(_quoting(seed_line, "ninth day of deadly bombardments")) == 1


def test_nine_day_toll_is_an_aggregate_not_the_incident(seed_line):
    [tally] = _quoting(seed_line, "Two-thirds of the estimated 250")
    assert tally["aggregate"]["period"]["period"] == "nine days"
    assert tally["sub_event_type"] == "Air/drone strike"
    assert _actor(tally, "perpetrator") == ["Military Forces of Syria (2000-)"]
    # two-thirds of the estimated 250 civilians, in government air strikes
    assert tally["fatalities"]["civilians"]["best"] == 167
    assert tally["fatalities"]["children"] == {"best": 40, "low": 40, "high": None, "qualifier": "at_least"}
    assert seed_line["events"].index(tally) > 0
    assert seed_line["events"][0]["fatalities"]["total"]["best"] == 5


def test_rebels_shelled_government_held_areas(seed_line):
    [shelling] = _quoting(seed_line, "Rebels have also shelled government-held areas")
    assert shelling["sub_event_type"] == "Shelling/artillery/missile attack"
    assert shelling["method"] == "artillery"
    assert _actor(shelling, "perpetrator") == ["Opposition Rebels (Syria)"]
    assert "Military Forces of Syria (2000-)" in _actor(shelling, "target")


def test_refusing_to_stop_the_bombing_is_not_an_air_strike(seed_line):
    assert _quoting(seed_line, "ask its ally Damascus to stop the bombing") == []


def test_accusation_of_targeting_civilians_is_not_an_incident(seed_line):
    assert _violent({"events": _quoting(seed_line, "accused the Syrian regime")}) == []


def test_lull_in_fighting_is_not_a_battle(seed_line):
    assert _violent({"events": _quoting(seed_line, "lull in fighting")}) == []


def test_kuralenko_quote_reached_us_through_interfax(seed_line):
    from ceasefire.resolve.attribution import attribute

    sentence = next(s for s in seed_line["text"].split("\n") if "Kuralenko" in s)
    a = attribute(sentence)
    assert a["chain"][0].startswith("Interfax")
    assert any("Kuralenko" in c for c in a["chain"])


def test_page_chrome_gives_no_evidence(seed_line):
    for ev in seed_line["events"]:
        for span in ev["evidence"]:
            assert "not available in your region" not in span["text"]
            assert "Access to the comments" not in span["text"]
            assert seed_line["text"][span["start"]:span["end"]] == span["text"]


def test_exactly_two_violent_incidents_and_one_tally(seed_line):
    violent = _violent(seed_line)
    assert len([e for e in violent if not e.get("aggregate")]) == 2
    assert len([e for e in violent if e.get("aggregate")]) == 1

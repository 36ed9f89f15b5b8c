"""Agreement extraction: status, name, zone, window and actors of truces, sentence by sentence."""

from __future__ import annotations

from datetime import date

import pytest

from ceasefire.documents import Document
from ceasefire.extract.agreements import agreement_events, find_zones, sentence_status, validity
from ceasefire.extract.context import DocContext

SATURDAY = date(2016, 4, 30)


def extract(text: str, published: date = SATURDAY) -> list[dict]:
    doc = Document(text=text, published=published)
    return agreement_events(DocContext(doc=doc, text=text, published=published))


def test_extended_by_a_further_two_days_until_the_end_of_monday():
    assert validity("officials said the lull was prolonged by two days, until the end of Monday", SATURDAY)["valid_until"] == date(2016, 5, 2)


def test_72_hour_ceasefire_from_noon_on_monday_ends_on_thursday():
    w = validity("agreed to a 72-hour ceasefire starting at noon on Monday", date(2017, 3, 6))
    assert (w["valid_from"], w["valid_until"], w["hours"]) == (date(2017, 3, 6), date(2017, 3, 9), 72)


def test_expired_at_midnight_on_saturday_looks_back():
    assert validity("The ceasefire expired at midnight on Saturday", date(2017, 3, 12))["valid_until"] == date(2017, 3, 11)


@pytest.mark.parametrize("sentence, status", [
    ("Moscow says talks are under way to bring Hama province into the current truce", "negotiating"),
    ("Paris wants the truce to extend to all of Syria.", "proposed"),
    ("the lull around Homs has been extended for a further 48 hours", "extended"),
    ("The truce was expanded on Thursday to include Hama province", "expanded"),
    ("Government forces shelled Talbiseh in the first violation of the truce", "violated"),
    ("The Homs ceasefire expired at midnight on Saturday", "expired"),
    ("Envoys hope to save the truce and stave off a complete collapse of talks", "in_force"),
    ("The ceasefire collapsed on Monday after heavy shelling.", "collapsed"),
    ("The ceasefire in Homs province took effect at noon on Monday.", "in_force"),
])
def test_status_cues(sentence, status):
    assert sentence_status(sentence) == status


def test_zone_phrases_of_the_regime_of_calm():
    zones = [z for _, _, z in find_zones("holds in the suburbs around the capital and in northern Hama province")]
    assert [z["zone_rule"]["type"] for z in zones] == ["radius", "admin1"]
    assert zones[0]["zone_rule"]["place"] == "Damascus" and zones[0]["zone_rule"]["km"] == 25
    assert zones[1]["zone_rule"] == {"type": "admin1", "admin1": "Hama", "part": "northern"}


def test_western_syria_is_a_region_of_governorates_west_of_the_euphrates():
    [(_, _, zone)] = find_zones("a truce that covered western Syria")
    rule = zone["zone_rule"]
    assert rule["type"] == "region" and "Aleppo" in rule["admin1"] and "Deir ez-Zor" not in rule["admin1"]


def test_generic_mentions_take_the_name_of_the_documents_truce():
    text = ("Moscow is negotiating to add Hama province to the present truce.\n"
            "The army's own pause, which it calls a \u201cregime of calm\u201d, holds only near the capital.\n"
            "Damascus officials said the \u201ccalm\u201d near the capital now runs until the end of Monday, after an extension of 48 hours.")
    events = extract(text)
    assert [(e["agreement"]["name"], e["agreement"]["status"]) for e in events] == [
        ("regime of calm", "negotiating"), ("regime of calm", "in_force"), ("regime of calm", "extended")]
    assert events[2]["agreement"]["valid_until"] == "2016-05-02"
    assert text[events[2]["evidence"][0]["start"]:events[2]["evidence"][0]["end"]] == events[2]["evidence"][0]["text"]


def test_brokers_and_excluded_groups_of_the_february_deal():
    [ev] = extract("Envoys want to revive the truce brokered in February by Washington and Moscow, "
                   "a deal that excluded Islamic State and the Nusra Front.")
    roles = {a["role"]: [] for a in ev["actors"]}
    for a in ev["actors"]:
        roles[a["role"]].append(a["name"])
    assert any("Russia" in n for n in roles["broker"]) and any("United States" in n for n in roles["broker"])
    assert any("Islamic State" in n for n in roles["excluded"]) and len(roles["excluded"]) == 2
    assert ev["agreement"]["status"] == "agreed" and ev["agreement"]["agreed_in"] == "2016-02"
    assert ev["date"] == {"start": "2016-02-01", "end": "2016-02-29", "precision": "month"}
    # a deal with its own brokers and month is not the document's other truce
    assert ev["agreement"]["name"] is None


def test_clashes_between_two_sides_do_not_make_them_parties():
    [ev] = extract("Clashes broke out between government forces and rebels in Rastan on Sunday, a day after the truce expired.",
                   date(2017, 3, 12))
    assert ev["agreement"]["status"] == "expired"
    assert [a for a in ev["actors"] if a["role"] == "party"] == []


def test_truce_zone_as_a_landmark_gives_no_zone():
    [ev] = extract("Helicopters dropped barrel bombs on Khan Shaykhun in southern Idlib province, just north of the truce zone.")
    assert ev["agreement"]["zone"] == [] and ev["agreement"]["cue"] is None


def test_the_homs_ceasefire_names_its_zone():
    [ev] = extract("The Homs ceasefire expired at midnight on Saturday.", date(2017, 3, 12))
    assert [z["zone_rule"]["admin1"] for z in ev["agreement"]["zone"]] == ["Homs"]


def test_ceasefire_monitoring_centre_is_not_a_truce():
    assert extract("A colonel who heads Russia's ceasefire monitoring centre told reporters on Friday about new shelling.") == []


def test_agreement_and_access_events_of_the_seed_keep_the_contract(seed_path):
    from ceasefire.extract import output_line, validate
    from ceasefire.extract.access import access_events
    from ceasefire.sources import read_paths

    [doc] = [d for d in read_paths([seed_path]) if isinstance(d, Document)]
    published = doc.published or SATURDAY
    ctx = DocContext(doc=doc, text=doc.text, published=published)
    events = agreement_events(ctx) + access_events(ctx)
    validate(output_line(doc, events))  # schema, and every evidence span matches the text
    statuses = [e["agreement"]["status"] for e in events if "agreement" in e]
    assert statuses.count("extended") == 1 and "in_force" in statuses and "negotiating" in statuses
    kinds = sorted({(e["sub_event_type"], e["location"]["name"]) for e in events if "aid" in e})
    assert kinds == [("Aid delivery", "Kefraya"), ("Aid delivery", "Madaya"), ("Aid delivery", "Zabadani"), ("Aid delivery", "al-Foua"),
                     ("Siege", "Kefraya"), ("Siege", "Madaya"), ("Siege", "Zabadani"), ("Siege", "al-Foua")]


def test_a_ceasefire_line_is_not_a_truce():
    assert extract("An air strike hit a village near the ceasefire line on the Golan Heights on Wednesday.") == []


def test_the_cue_nearest_the_truce_word_wins():
    [ev] = extract("Russia, Iran and Turkey agreed to a nationwide ceasefire following talks in Astana.", date(2016, 12, 29))
    assert ev["agreement"]["status"] == "agreed"


def test_extension_to_a_clock_time_on_a_named_day_keeps_the_statements_date():
    # A reconciliation-centre bulletin of Sunday 1 May: the deadline lies ahead, in the same year.
    [ev] = extract("At the request of the Syrian side, the regime of calm in Eastern Ghouta is prolonged "
                   "for a further 24 hours, to 23:59 on 2 May.", date(2016, 5, 1))
    assert ev["agreement"]["status"] == "extended"
    assert ev["agreement"]["valid_until"] == "2016-05-02"
    assert ev["date"]["start"] == "2016-05-01"


def test_regime_of_calm_introduced_at_a_clock_time_starts_that_day():
    w = validity("The regime of calm introduced at 01:00 on 30 April in the Damascus countryside is observed.", date(2016, 5, 1))
    assert w["valid_from"] == date(2016, 4, 30)


def test_the_damascus_countryside_is_rif_dimashq_not_the_capital():
    [(_, _, zone)] = find_zones("a lull in the Damascus countryside")
    assert zone["zone_rule"] == {"type": "admin1", "admin1": "Rif Dimashq"}

"""Humanitarian access extraction: sieges, deliveries, evacuations and denials, per place."""

from __future__ import annotations

from datetime import date

from ceasefire.documents import Document
from ceasefire.extract.access import access_events
from ceasefire.extract.context import DocContext


def extract(text: str, published: date = date(2016, 4, 30)) -> list[tuple]:
    doc = Document(text=text, published=published)
    events = access_events(DocContext(doc=doc, text=text, published=published))
    return [(e["sub_event_type"], e["location"]["name"], e["location"]["admin1"], e["date"]["start"], e["aid"],
             [(a["name"], a["role"]) for a in e["actors"]]) for e in events]


def test_convoys_enter_douma_and_harasta_under_government_siege():
    got = extract("Red Cross lorries have started to reach Douma and Harasta, two towns a government siege cut off from "
                  "fuel and flour earlier this year, the ICRC said.")
    deliveries = [g for g in got if g[0] == "Aid delivery"]
    sieges = [g for g in got if g[0] == "Siege"]
    assert [(g[1], g[2], g[3], g[4]["organizations"]) for g in deliveries] == [
        ("Douma", "Rif Dimashq", "2016-04-30", ["ICRC"]), ("Ḩarastā", "Rif Dimashq", "2016-04-30", ["ICRC"])]
    assert [(g[1], g[3], g[5]) for g in sieges] == [
        ("Douma", "2016-01-01", [("Military Forces of Syria (2000-)", "besieger")]),
        ("Ḩarastā", "2016-01-01", [("Military Forces of Syria (2000-)", "besieger")])]


def test_joint_operation_into_nubl_and_zahraa_surrounded_by_insurgents():
    got = extract("Lorries loaded with flour reached Nubl and Zahraa in northern Aleppo province on Sunday \u2013 two Shia towns "
                  "surrounded by insurgents \u2013 in a mission run by the Red Cross and the Syrian Arab Red Crescent with UN staff.")
    assert {(g[0], g[1], g[2]) for g in got} == {
        ("Aid delivery", "Nubl", "Aleppo"), ("Aid delivery", "al-Zahraa", "Aleppo"), ("Siege", "Nubl", "Aleppo"), ("Siege", "al-Zahraa", "Aleppo")}
    for g in got:
        if g[0] == "Aid delivery":
            assert g[4]["organizations"] == ["ICRC", "SARC", "UN"]
        else:
            assert g[5] == [("Opposition Rebels (Syria)", "besieger")]


def test_convoy_trucks_items_and_siege_since_a_year():
    got = extract("A joint UN and Syrian Arab Red Crescent convoy of 30 trucks entered al-Waer, the district of Homs "
                  "besieged by government forces since 2013, on Friday, carrying food and medical supplies.", date(2017, 3, 10))
    [delivery] = [g for g in got if g[0] == "Aid delivery"]
    assert delivery[1:4] == ("al-Waer", "Homs", "2017-03-10")
    assert delivery[4] == {"organizations": ["UN", "SARC"], "trucks": 30, "items": ["food", "medical supplies"]}
    [siege] = [g for g in got if g[0] == "Siege"]
    assert siege[3] == "2013-01-01"


def test_evacuation_is_of_the_place_people_left():
    got = extract("Twenty wounded people were evacuated from al-Waer to hospitals in Homs city on Wednesday by the "
                  "Syrian Arab Red Crescent.", date(2017, 3, 8))
    assert [(g[0], g[1], g[3], g[4].get("people"), g[4]["organizations"]) for g in got] == [
        ("Evacuation", "al-Waer", "2017-03-08", 20, ["SARC"])]


def test_access_denied_to_a_besieged_town():
    got = extract("A UN convoy was turned back at a checkpoint outside Madaya on Sunday and could not deliver food.",
                  date(2016, 5, 1))
    assert [(g[0], g[1]) for g in got] == [("Access denied", "Madaya")]


def test_sentences_without_a_place_give_nothing():
    assert extract("Aid agencies said supplies were running low.") == []


def test_aid_that_did_not_arrive_is_a_denial_and_a_request_is_nothing():
    got = extract("Residents said no relief convoy had reached Douma since August.", date(2016, 11, 2))
    assert [(g[0], g[1]) for g in got] == [("Access denied", "Douma")]
    assert extract("The UN called for aid to be allowed to reach Aleppo within days.") == []
    assert extract("A bus convoy reached Aleppo late on Saturday.") == []


def test_evacuees_destination_is_not_the_place_evacuated():
    got = extract("Rebels and their families were evacuated to Idlib from the town of Qudsaya on Thursday.", date(2016, 10, 14))
    assert [(g[0], g[1]) for g in got] == [("Evacuation", "Qudsaya")]

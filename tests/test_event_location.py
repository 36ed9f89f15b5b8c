"""Which place an event happened at: the dependency path from the event word to each place.

Sentences written for these tests in the style of wire and monitor reports.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from ceasefire.resolve.places import Toponym, choose_event_toponym, geoparse
from ceasefire.resolve.places.event_location import dependency_relation, locate_event


def _place(sentence: str, name: str, precision: str = "exact", **kw) -> Toponym:
    start = sentence.index(name)
    return Toponym(start, start + len(name), name, name=name, lat=1.0, lon=1.0, precision=precision, **kw)


def _verb(sentence: str, word: str) -> tuple[int, int]:
    start = sentence.index(word)
    return start, start + len(word)


def _chosen(sentence: str, word: str, places: list[Toponym]) -> str | None:
    k = choose_event_toponym(sentence, _verb(sentence, word), places)
    return None if k is None else places[k].text


def _relation(sentence: str, word: str, name: str) -> dict:
    from ceasefire.nlp import parse_dependencies

    doc = parse_dependencies(sentence)
    return dependency_relation(doc, _verb(sentence, word), _verb(sentence, name), [])


def test_the_place_the_army_captured_is_the_object_of_the_verb():
    sentence = "The Syrian army captured Palmyra on Sunday after a Russian-backed offensive launched from Homs."
    rel = _relation(sentence, "captured", "Palmyra")
    assert rel["reached"] and rel["link"] == "dobj" and rel["prep"] is None
    assert _chosen(sentence, "captured", [_place(sentence, "Palmyra"), _place(sentence, "Homs")]) == "Palmyra"


def test_a_country_that_captured_a_town_is_the_actor_not_the_place():
    sentence = "Turkey captured Afrin in March, a Kurdish monitor in Qamishli said."
    rel = _relation(sentence, "captured", "Turkey")
    assert rel["link"] == "nsubj"
    places = [_place(sentence, "Turkey", "country"), _place(sentence, "Afrin"), _place(sentence, "Qamishli")]
    assert _chosen(sentence, "captured", places) == "Afrin"


def test_a_place_naming_the_attacker_is_not_where_the_man_was_killed():
    """"a U.S. airstrike": the country only says whose strike it was; the town where the convoy
    was hit is the place."""
    sentence = "A senior commander was killed in a U.S. airstrike on his convoy near Sarmada."
    rel = _relation(sentence, "killed", "U.S.")
    assert rel["modifier"] and rel["prep"] == "loc"
    places = [_place(sentence, "U.S.", "country"), _place(sentence, "Sarmada")]
    assert _chosen(sentence, "killed", places) == "Sarmada"


def test_the_victims_employer_city_in_another_clause_is_not_the_scene():
    sentence = ("Mohammed, who had worked for a newspaper in Damascus for ten years, was shot dead "
                "at a checkpoint outside Daraa on Friday.")
    rel = _relation(sentence, "shot", "Damascus")
    assert rel["clause"]
    places = [_place(sentence, "Damascus"), _place(sentence, "Daraa")]
    assert _chosen(sentence, "shot", places) == "Daraa"


def test_a_shared_subject_carries_the_place_to_the_second_verb():
    """"shot and killed ... in Gaza": the place of the first verb is the place of the second."""
    sentence = "In Gaza on Sunday, Israeli soldiers shot and killed a man they said was planting a bomb, the army said in Tel Aviv."
    rel = _relation(sentence, "killed", "Gaza")
    assert rel["reached"] and not rel["clause"] and rel["prep"] == "loc"
    places = [_place(sentence, "Gaza"), _place(sentence, "Tel Aviv")]
    assert _chosen(sentence, "killed", places) == "Gaza"


def test_the_town_where_the_fleeing_families_came_from_is_not_where_the_shells_fell():
    sentence = "Families who fled from Maarat al-Numan were shelled in Saraqib as they reached the town on Monday."
    places = [_place(sentence, "Maarat al-Numan"), _place(sentence, "Saraqib")]
    assert _chosen(sentence, "shelled", places) == "Saraqib"


def test_the_village_not_the_province_that_contains_it():
    sentence = "Warplanes struck Kafr Nabl, a village in Idlib province, killing nine civilians."
    places = [_place(sentence, "Kafr Nabl"), _place(sentence, "Idlib", "admin1")]
    assert _chosen(sentence, "struck", places) == "Kafr Nabl"


def test_the_parse_is_made_from_the_extraction_pass_without_a_second_tagger_run():
    """A sentence span of a document that went through the extraction pipeline is parsed from its
    tok2vec output, and gives the same tree as a parse of the sentence's text."""
    from ceasefire.extract.sentences import extraction_pipeline
    from ceasefire.nlp import parse_dependencies

    text = "Opening line. Rebels shelled the Hamdaniya district of Aleppo, the state news agency said in Damascus."
    doc = extraction_pipeline()(text)
    assert not doc.has_annotation("DEP")
    span = list(doc.sents)[1]
    from_span = parse_dependencies(span)
    from_text = parse_dependencies(span.text)
    assert [(t.dep_, t.head.i) for t in from_span] == [(t.dep_, t.head.i) for t in from_text]


@pytest.fixture(scope="module")
def aleppo_context():
    from ceasefire.documents import Document
    from ceasefire.extract.context import build_context

    text = ("BEIRUT (Reuters) - Government helicopters dropped barrel bombs on the rebel-held town of Darayya "
            "on Tuesday, killing at least 12 people, a monitor based in Britain said.")
    return build_context(Document(text=text, published=date(2016, 5, 3)))


def test_extracted_event_is_placed_where_the_barrel_bombs_fell(aleppo_context):
    ctx = aleppo_context
    loc = locate_event(ctx, ctx.sentences[0])
    assert loc is not None and loc["admin1"] == "Rif Dimashq"
    assert abs(loc["lat"] - 33.46) < 0.05 and abs(loc["lon"] - 36.23) < 0.05  # Darayya, not Beirut or Britain


def test_geoparsed_sentence_with_rival_places_picks_the_struck_town():
    sentence = "Russian jets flying from Hmeimim struck the town of Khan Sheikhoun in southern Idlib, activists said."
    tops = geoparse(sentence)
    k = choose_event_toponym(sentence, _verb(sentence, "struck"), tops)
    assert k is not None and tops[k].text == "Khan Sheikhoun"


def _agreements(text: str) -> list[dict]:
    from ceasefire.documents import Document
    from ceasefire.extract import extract_document

    out = extract_document(Document(text=text, published=date(2016, 5, 5)))
    return [e for e in out["events"] if e["sub_event_type"] == "Agreement"]


def _agreement_with(events: list[dict], words: str) -> dict:
    return next(e for e in events if any(words in ev["text"] for ev in e["evidence"]))


@pytest.fixture(scope="module")
def truce_report():
    return _agreements(
        'Aleppo "regime of calm" extended by 72 hours\n\n'
        "Air strikes on the rebel-held districts of Aleppo stopped on Thursday morning, residents said. "
        "Russia said it would increase the number of its officers monitoring the truce at the Hmeimim base, "
        "while the United States would do the same at its centre in Amman. "
        "The Nusra Front is excluded from the cessation of hostilities, which took effect on 27 February."
    )


def test_headline_truce_is_placed_at_the_town_it_names(truce_report):
    loc = _agreement_with(truce_report, "extended by 72 hours")["location"]
    assert loc is not None and loc["name"] == "Aleppo" and loc["country"] == "SY"


def test_monitors_seats_are_not_the_place_of_the_truce(truce_report):
    loc = _agreement_with(truce_report, "Hmeimim base")["location"]
    assert loc is not None and loc["country"] == "SY"
    assert "Amman" not in loc["name"] and "Hmeimim" not in loc["name"]


def test_cessation_of_hostilities_is_a_country_wide_deal(truce_report):
    loc = _agreement_with(truce_report, "excluded from the cessation")["location"]
    assert loc is not None and loc["precision"] == "country" and loc["country"] == "SY"


def test_every_event_of_the_bundled_samples_has_a_place(cli, tmp_path):
    import json
    from pathlib import Path

    import ceasefire

    samples = Path(ceasefire.__file__).parent / "samples"
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    assert cli("ingest", str(samples), "--db", db).exit_code == 0
    events = json.loads(cli("events", "--json", "--limit", "1000", "--db", db).output)
    assert events
    unplaced = [e["evidence"][0]["text"][:80] for e in events if not e.get("location")]
    assert unplaced == []


def test_a_lone_country_naming_the_attacker_gives_the_sentence_no_place():
    sentence = "Abu Omar, a senior commander of the group, was reportedly killed in a U.S. airstrike."
    assert _chosen(sentence, "killed", [_place(sentence, "U.S.", "country")]) is None


def test_an_event_whose_sentence_names_only_the_attacker_takes_the_reports_town():
    from ceasefire.documents import Document
    from ceasefire.extract.context import build_context

    text = ("Fighting raged around Raqqa on Monday, residents said. "
            "A senior commander of the group was reportedly killed in a U.S. airstrike.")
    ctx = build_context(Document(text=text, published=date(2017, 6, 12)))
    loc = locate_event(ctx, ctx.sentences[-1])
    assert loc is not None and loc["country"] == "SY" and loc["precision"] != "country"


# --- the most specific place, origins, and reports whose lead names no place -----------------------


def test_the_town_named_inside_the_province_is_where_the_clash_was():
    """"X in the countryside of Y": the town, not the governorate that only says where it lies."""
    sentence = "Two armed groups clashed over a checkpoint near the bakery of Jarablus in the countryside of Aleppo."
    places = [_place(sentence, "Jarablus", admin1="Aleppo", country="SY"),
              _place(sentence, "Aleppo", "admin1", admin1="Aleppo", country="SY", role="containing_area")]
    assert _chosen(sentence, "clashed", places) == "Jarablus"


def test_settlements_shelled_in_a_named_province_are_the_place_not_the_province():
    sentence = "In the province of Damascus, gunmen shelled the settlements of Douma and Saqba overnight."
    places = [_place(sentence, "Damascus", "admin1", admin1="Rif Dimashq", country="SY"),
              _place(sentence, "Douma", admin1="Rif Dimashq", country="SY"),
              _place(sentence, "Saqba", admin1="Rif Dimashq", country="SY")]
    assert _chosen(sentence, "shelled", places) == "Douma"


def test_a_town_of_another_province_does_not_replace_the_province():
    sentence = "Warplanes struck villages in Idlib province, a day after a car bomb in Azaz."
    places = [_place(sentence, "Idlib", "admin1", admin1="Idlib", country="SY"),
              _place(sentence, "Azaz", admin1="Aleppo", country="SY")]
    assert _chosen(sentence, "struck", places) == "Idlib"


def test_the_towns_the_evacuees_came_from_are_not_where_their_buses_were_hit():
    sentence = ("A blast hit a bus convoy evacuating residents of the besieged towns of Nubl and Zahraa "
                "at a transit point north of Aleppo.")
    places = [_place(sentence, "Nubl"), _place(sentence, "Zahraa"), _place(sentence, "Aleppo")]
    assert _chosen(sentence, "blast", places) == "Aleppo"


def test_positions_south_of_the_town_were_attacked_near_that_town():
    """"south of the town of Tabaqa" places the attack by Tabaqa; only a place named before the
    direction ("Taji, north of Baghdad") makes the second one a mere reference point."""
    sentence = "Dozens of militants attacked government positions south of the town of Tabaqa on Monday."
    assert _chosen(sentence, "attacked", [_place(sentence, "Tabaqa")]) == "Tabaqa"


def _context(text: str, published: date = date(2016, 8, 1)):
    from ceasefire.documents import Document
    from ceasefire.extract.context import build_context

    return build_context(Document(text=text, published=published))


def test_a_headline_without_a_place_takes_the_place_the_next_sentence_gives():
    ctx = _context("Suicide bomber kills four at a hospital. "
                   "The explosion hit the hospital car park in the town of Azaz on Sunday, a monitor said. "
                   "Later, the army shelled rebel positions near Homs.")
    loc = locate_event(ctx, ctx.sentences[0])
    assert loc is not None and loc["admin1"] == "Aleppo"


def test_a_sentence_without_a_place_takes_the_place_the_previous_sentence_ties_to_its_event():
    """"shot down over Idlib after delivering aid to Aleppo": the place of the downing carries, not
    the last place the sentence named."""
    ctx = _context("The helicopter was shot down over the province of Idlib after delivering aid to Aleppo. "
                   "All five people on board were killed, the ministry said.")
    loc = locate_event(ctx, ctx.sentences[1])
    assert loc is not None and loc["admin1"] == "Idlib"


def test_a_conference_city_named_often_does_not_move_a_strike_in_idlib():
    from ceasefire.documents import Document
    from ceasefire.extract import extract_document

    text = ("Russian airstrikes hit a hospital in Maarat al-Numan in Idlib province on Monday, killing seven people. "
            "Syria's opposition said the attack broke the spirit of the Munich agreement. "
            "Diplomats in Munich had agreed on a cessation of hostilities in Syria. "
            "The Munich statement called for aid to reach besieged towns in Syria.")
    out = extract_document(Document(text=text, published=date(2016, 2, 15)))
    strike = next(e for e in out["events"] if e["event_type"] == "Explosions/Remote violence")
    assert strike["location"]["country"] == "SY" and strike["location"]["admin1"] == "Idlib"


def test_a_later_town_of_another_governorate_does_not_replace_the_battle_area():
    from ceasefire.extract.events import _finer

    raqqa = {"name": "Raqqa", "precision": "admin1", "country": "SY", "admin1": "Raqqa"}
    hasakeh = {"name": "Al Hasakah", "precision": "exact", "country": "SY", "admin1": "Al-Hasakah"}
    tabqa = {"name": "Al-Tabqa", "precision": "exact", "country": "SY", "admin1": "Raqqa"}
    near_manbij = {"name": "Manbij", "precision": "near", "country": "SY", "admin1": "Aleppo"}
    assert not _finer(hasakeh, raqqa) and _finer(tabqa, raqqa)
    assert not _finer(tabqa, near_manbij)  # "near Manbij" is as precise as a town


def _main_strike(text: str, title: str | None = None, published: date = date(2017, 4, 29)) -> dict:
    from ceasefire.documents import Document
    from ceasefire.extract import extract_document

    out = extract_document(Document(text=text, title=title, published=published))
    return next(e for e in out["events"] if e["event_type"] in ("Explosions/Remote violence", "Battles", "Violence against civilians"))


def test_a_lead_placed_only_in_syria_takes_the_town_its_headline_names():
    """The headline says where the four died (Idlib); the next sentence tells of a mosque hit near
    Hama, another incident of the same day."""
    title = "Regime air raids kill 4 in Idlib, flatten mosque in Hama"
    text = ("Regime warplanes killed at least four people and wounded 11 others in Syria on Tuesday. "
            "Regime jets also levelled a mosque north of Hama, rescue workers reported. "
            "The raids on Idlib struck a block of flats, a rescue official told reporters.")
    strike = _main_strike(text, title)
    assert strike["location"]["admin1"] == "Idlib"


def test_the_governorate_hit_is_not_moved_by_the_other_governorate_of_the_headline():
    """"5 others hurt in Aleppo, damages homes in Daraa": Aleppo was named as a container elsewhere in
    the report, which does not make its mention in the headline a mere container."""
    text = ("Shelling by terrorists leaves boy and man dead and 5 others hurt in Aleppo, damages homes in Daraa. "
            "A boy and a man died when rockets fell on al-Hader town in Aleppo's southern countryside on Friday. "
            "In Daraa province, gunmen launched mortar rounds at several houses in Daraa city.")
    strike = _main_strike(text, published=date(2016, 8, 12))
    assert strike["location"]["admin1"] == "Aleppo"


def test_the_city_the_convoy_was_leaving_is_the_city_not_the_one_it_was_heading_for():
    text = ("Russian airstrikes destroyed a convoy of militants fleeing from Raqqa for Palmyra on May 25, a military source said. "
            "The convoy of 39 pick-up trucks was heading out of the city when the strikes killed some 120 militants.")
    ctx = _context(text, date(2017, 5, 27))
    loc = locate_event(ctx, ctx.sentences[1])
    assert loc is not None and loc["admin1"] == "Raqqa"


def test_civilians_killed_crossing_the_euphrates_are_placed_on_land_in_deir_ezzor():
    text = ("A Russian air raid killed 22 civilians on Tuesday while they were crossing the Euphrates River "
            "on boats, a war monitor reported. "
            "Families keep arriving in Deir Ezzor province from the front lines. "
            "Two offensives are under way in Deir Ezzor against the jihadists.")
    strike = _main_strike(text, published=date(2017, 10, 4))
    assert strike["location"]["admin1"] == "Deir ez-Zor" and strike["location"]["name"] != "Euphrates"


def test_hospital_where_the_wounded_were_taken_is_not_the_scene():
    sentence = "A car bomb killed six people in Azaz on Friday and the wounded were rushed to hospitals in Kilis."
    places = [_place(sentence, "Azaz"), _place(sentence, "Kilis")]
    assert _chosen(sentence, "killed", places) == "Azaz"


def test_a_headline_without_a_place_takes_the_place_the_third_sentence_ties_to_the_blast():
    """Neither the next sentence (where the dead came from) nor the one after it says where the
    buses were hit; the third does, and the towns of origin are not the place."""
    ctx = _context("Death toll in bomb attack on evacuees rises to 112. "
                   "Many residents of Fuaa and Kefraya lost their lives after the attack on their buses. "
                   "The toll in the suicide car bomb attack on buses carrying evacuated civilians has risen, a monitor said on Sunday. "
                   "It said 98 evacuees from Fuaa and Kefraya were killed when a vehicle exploded next to their buses "
                   "in Rashidin, west of Aleppo. Fuaa and Kefraya had been besieged for two years.", date(2017, 4, 16))
    loc = locate_event(ctx, ctx.sentences[0])
    assert loc is not None and loc["admin1"] == "Aleppo"


def test_the_province_after_a_village_the_gazetteer_lacks_is_its_container():
    from ceasefire.resolve.places.event_location import _contains_here

    sentence = "Regime forces fired artillery shells near a Turkish point between Dabiq and Sandaf villages in Aleppo governorate."
    aleppo = _place(sentence, "Aleppo", "admin1", role="containing_area")
    assert _contains_here(sentence, aleppo, [aleppo])
    headline = "Rocket attacks leave a child dead and 7 injured in Aleppo, cause damage in Daraa"
    aleppo = _place(headline, "Aleppo", "admin1", role="containing_area")
    assert not _contains_here(headline, aleppo, [aleppo])


def test_the_base_the_military_source_spoke_from_is_not_where_the_village_was_taken():
    sentence = ("According to an army officer at the 9th Division headquarters in Sanamayn, troops liberated the hills "
                "on the edge of Jasim after two days of fighting.")
    places = [_place(sentence, "Sanamayn"), _place(sentence, "Jasim")]
    assert _chosen(sentence, "liberated", places) == "Jasim"


def test_a_town_named_to_say_where_the_village_lies_is_not_the_place():
    sentence = "In the village of Jdeideh near Jenin, troops captured two men suspected of belonging to Hamas."
    places = [_place(sentence, "Jdeideh"), _place(sentence, "Jenin")]
    assert _chosen(sentence, "captured", places) == "Jdeideh"


def test_the_hospital_inside_the_city_is_where_the_police_patrolled():
    sentence = "Police patrolled inside and outside Jeddah's Al-Salam hospital after the two victims arrived."
    places = [_place(sentence, "Jeddah"), _place(sentence, "Al-Salam")]
    assert _chosen(sentence, "patrolled", places) == "Al-Salam"


def test_every_town_of_a_list_of_origins_is_an_origin():
    """"evacuees from the towns of Nubl and Zahraa": the second town of the list is where they came
    from too, and the crossing north of Aleppo is where they were killed."""
    from ceasefire.resolve.places.event_location import _features

    sentence = "Officials said 31 evacuees from the encircled towns of Nubl and Zahraa were killed at a crossing north of Aleppo."
    places = [_place(sentence, "Nubl"), _place(sentence, "Zahraa"), _place(sentence, "Aleppo")]
    feats = _features(sentence, _verb(sentence, "killed"), places[1], places)
    assert feats["origin"] == 1.0 and feats["preposition"] == 1.0


def test_the_province_a_village_lies_in_outweighs_its_namesake_abroad():
    """"in Sayda town in Dara countryside": the village read as Sidon (Lebanon) and the governorate
    that holds it tie one to one; the governorate says which country the report is about."""
    from types import SimpleNamespace

    from ceasefire.extract.events import _focus_country

    text = "Unknown gunmen attacked the house of a former rebel in Sayda town in Dara countryside, killing him."
    sayda = _place(text, "Sayda", country="LB")
    dara = _place(text, "Dara", "admin1", country="SY", admin1="Daraa", role="containing_area")
    assert _focus_country(SimpleNamespace(text=text, toponyms=[sayda, dara])) == "SY"


def test_a_town_named_as_a_landmark_says_which_country_the_area_is_in():
    from types import SimpleNamespace

    from ceasefire.extract.events import _focus_country

    text = "HTS fighters stormed an IS hideout on Tuesday in the Shal area, southwest of Idleb city."
    shal = _place(text, "Shal", country="PK")
    idleb = _place(text, "Idleb", country="SY", admin1="Idlib")
    assert _focus_country(SimpleNamespace(text=text, toponyms=[shal, idleb])) == "SY"


def test_the_town_in_whose_vicinity_the_vehicle_was_hit_is_the_place():
    sentence = "Masked men opened fire at an SDF pickup in the vicinity of Al Karamah in Ar-Raqqa, wounding 2 SDF fighters."
    places = [_place(sentence, "Al Karamah", "near"), _place(sentence, "Ar-Raqqa", role="containing_area")]
    assert _chosen(sentence, "opened fire", places) == "Al Karamah"


def test_the_britain_based_monitor_does_not_move_the_attack_to_britain():
    """The report names no governorate the geoparser knows; the country of the attack is Syria,
    not the seat of the monitor."""
    from ceasefire.extract.context import based_here

    text = ("IS raid on central Syrian hamlets leaves dozens dead. "
            "The Britain-based monitoring group reported that the raid on three hamlets left 9 civilians and 12 gunmen dead.")
    ctx = _context(text, date(2017, 5, 18))
    britain = next(t for t in ctx.toponyms if t.text == "Britain")
    assert based_here(text, britain) and ctx.country == "SY"
    strike = _main_strike(text, published=date(2017, 5, 18))
    assert strike["location"]["country"] == "SY"


def test_the_town_a_note_opens_with_holds_against_a_namesake_of_its_neighbourhood():
    """"On 21 June 2019, in Maraba, Para, a trader was killed ... in Liberdade neighborhood": the
    neighbourhood read as a town 300 km away is not where he was killed."""
    sentence = "On 21 June 2019, in Maraba, Para, a trader was killed outside his shop in Liberdade neighborhood by two gunmen."
    maraba = _place(sentence, "Maraba", country="BR")
    maraba.lat, maraba.lon = -5.37, -49.12
    liberdade = _place(sentence, "Liberdade", "near", country="BR")
    liberdade.lat, liberdade.lon = -1.30, -48.45
    assert _chosen(sentence, "killed", [maraba, _place(sentence, "Para", "admin1", country="BR"), liberdade]) == "Maraba"
    liberdade.lat, liberdade.lon = -5.36, -49.11  # the neighbourhood, inside the town: the finer place
    assert _chosen(sentence, "killed", [maraba, _place(sentence, "Para", "admin1", country="BR"), liberdade]) == "Liberdade"


def test_a_protest_is_placed_where_it_was_held_not_where_the_killing_it_protests_was():
    sentence = ("Members of the party staged a protest in Hubballi town against the recent killing of a Hindu man "
                "in Udaipur over a post on social media.")
    tops = geoparse(sentence)
    from ceasefire.resolve.places.event_location import _EVENT_VERB

    m = _EVENT_VERB.search(sentence)
    assert m.group(0) == "protest"
    k = choose_event_toponym(sentence, (m.start(), m.end()), tops)
    assert k is not None and tops[k].text == "Hubballi"


def test_a_village_read_in_another_province_gives_way_to_the_province_the_sentence_names():
    """"Um Harmala town east of Tal Tamr town in Al Hasakeh countryside": the village, read as a
    Damascus neighbourhood, is not there; the town of Al Hasakeh the sentence names is."""
    sentence = ("On 14 April 2021, clashes broke out between two families in Um Harmala town east of Tal Tamr town "
                "in Al Hasakeh countryside.")
    abu = _place(sentence, "Um Harmala", country="SY", admin1="Damascus")
    ras = _place(sentence, "Tal Tamr", country="SY", admin1="Al-Hasakah")
    hasakeh = _place(sentence, "Al Hasakeh", "admin1", country="SY", admin1="Al-Hasakah", role="containing_area")
    assert _chosen(sentence, "clashes", [abu, ras, hasakeh]) == "Tal Tamr"


def test_a_lead_run_together_with_its_headline_and_another_headline_keeps_its_own_place():
    """Cleaning ran the headline, a related headline and the lead into one sentence: the incident
    is the headline's (Aleppo), not the related story's (Idlib)."""
    title = "Raids kill 9 in opposition-held districts of Aleppo"
    text = (title + " AFP Monday 8 Aug 2016 Raids kill 7 including women in Idlib "
            "Raids killed at least 9 civilians in two opposition-held districts of Aleppo city on Monday, activists reported.")
    strike = _main_strike(text, title, published=date(2016, 8, 8))
    assert strike["location"]["admin1"] == "Aleppo"


def test_a_headline_that_rounds_up_several_governorates_gives_no_place():
    from ceasefire.resolve.places.event_location import headline_place

    text = "Shells hit Damascus. Rockets fell on Aleppo. Mortars struck Homs."
    tops = geoparse(text)
    assert headline_place("Four killed in attacks in Damascus, Aleppo and Homs", tops) is None
    assert headline_place("Four killed in attacks in Aleppo", tops).text == "Aleppo"


# --- a town is where its sentence says it lies; peers of a list; names the geoparser missed -------


def test_a_village_read_as_a_namesake_abroad_gives_way_to_the_province_it_lies_in():
    """"Sur and Hajin towns in Deir ez Zor countryside": a reading of Sur in Oman is a
    namesake; the governorate the sentence puts the villages in is the event's place."""
    sentence = ("On 17 October 2020, two tribes clashed over farmland in Sur and Hajin towns in Deir ez Zor countryside, "
                "wounding three.")
    zir = _place(sentence, "Sur", country="OM")
    deir = _place(sentence, "Deir ez Zor", "admin1", country="SY", admin1="Deir ez-Zor")
    assert _chosen(sentence, "clashed", [zir, deir]) == "Deir ez Zor"


def test_a_town_read_abroad_near_a_syrian_governorate_gives_way_to_it():
    sentence = "On 2 June 2021, gunmen attacked a checkpoint near Karak in Dar'a countryside, wounding two soldiers."
    karak = _place(sentence, "Karak", "near", country="PK")
    daraa = _place(sentence, "Dar'a", "admin1", country="SY", admin1="Daraa")
    assert _chosen(sentence, "attacked", [karak, daraa]) == "Dar'a"


def test_a_state_read_as_a_town_abroad_does_not_move_the_city_before_it():
    """"in Florianopolis, Santa Catarina" with the state read as a Mexican town: the city stays."""
    sentence = "On 7 May 2020, in Florianopolis, Santa Catarina, school bus drivers staged a protest."
    city = _place(sentence, "Florianopolis", country="BR")
    state = _place(sentence, "Santa Catarina", country="MX", role="containing_area")
    assert _chosen(sentence, "protest", [city, state]) == "Florianopolis"


def test_a_village_of_the_same_country_keeps_its_reading():
    sentence = "On 3 March 2021, gunmen clashed with a patrol in Zir town in Deir ez Zor countryside."
    zir = _place(sentence, "Zir", country="SY", admin1="Deir ez-Zor")
    deir = _place(sentence, "Deir ez Zor", "admin1", country="SY", admin1="Deir ez-Zor", role="containing_area")
    assert _chosen(sentence, "clashed", [zir, deir]) == "Zir"


def test_the_note_with_a_foreign_namesake_is_placed_in_the_syrian_governorate():
    from ceasefire.documents import Document
    from ceasefire.extract import extract_document

    text = ("On 4 March 2021, unknown gunmen attacked a checkpoint of the regime's military intelligence near Karak "
            "in Dar'a countryside, wounding one member.")
    out = extract_document(Document(text=text, published=date(2021, 3, 4)))
    loc = out["events"][0]["location"]
    assert loc["country"] == "SY" and loc["admin1"] == "Daraa"


def test_a_headline_listing_two_towns_takes_the_one_its_lead_places_the_killing_in():
    """"... kill a man, wound 6 in Hasaka and Aleppo": the lead tells the man was killed by a
    mine in the countryside of Aleppo province; the headline's list is not its first place."""
    title = "Bomb attacks kill a man, wound 6 in Hasaka and Aleppo"
    text = (title + ". A man was killed and four others were hurt when a mine exploded in a hamlet "
            "in the western countryside of Aleppo province. In Hasaka, two people were wounded when a car "
            "bomb exploded near a bakery.")
    strike = _main_strike(text, title, published=date(2016, 10, 23))
    assert strike["location"]["admin1"] == "Aleppo"


def test_a_lead_that_names_the_town_only_in_a_hospitals_name_is_placed_in_that_town():
    """The lead names Qardaha only in "the Qardaha hospital" (read as an organisation); the town is
    resolved where the report names it again, and the headline's incident is placed there, not in
    the city the report's background names most."""
    title = "Suicide bomber kills 4 in Assad clan's hometown"
    text = (title + ". A bomber at the wheel of an ambulance killed four people on Sunday at a hospital gate, "
            "activists reported. The bombing followed the execution of 48 prisoners days earlier. "
            "He steered the ambulance, loaded with explosives, into the car park of the Qardaha hospital. "
            "Rockets have fallen on the edges of Qardaha before. "
            "Rebels have fought in Aleppo for years, and Aleppo and its countryside were bombed again, "
            "while Aleppo's eastern districts remain besieged. The family's mausoleum is located in Qardaha.")
    strike = _main_strike(text, title, published=date(2015, 2, 22))
    assert strike["location"]["admin1"] == "Latakia"


def test_a_field_named_once_inside_its_province_keeps_that_province_when_named_again():
    """"the assault at Shaer in Homs province", then "an earlier attack on Shaer": the Shaer of Homs,
    not a namesake read alone elsewhere."""
    from ceasefire.resolve.places.event_location import as_read_in_its_area

    class Ctx:
        text = "The monitor said after the assault at Shaer in Homs province. An earlier attack on Shaer left 270 dead."

    first = _place(Ctx.text, "Shaer", "admin1", country="SY", admin1="Homs")
    homs = _place(Ctx.text, "Homs", "admin1", country="SY", admin1="Homs", role="containing_area")
    second_at = Ctx.text.index("Shaer", first.end)
    second = Toponym(second_at, second_at + 5, "Shaer", name="al-Shaar", lat=36.2, lon=37.2, country="SY",
                     admin1="Aleppo", precision="exact")
    Ctx.toponyms = [first, homs, second]
    loc = as_read_in_its_area(Ctx, second.as_location())
    assert loc["admin1"] == "Homs"


def test_the_town_that_names_the_restaurant_is_where_its_owner_was_shot():
    """"the owner of a busy Homs restaurant was shot dead": a town naming a building is its place."""
    sentence = "On Friday, the owner of a busy Homs restaurant was shot dead by two gunmen on a motorbike."
    rel = _relation(sentence, "shot", "Homs")
    assert not rel["modifier"]
    assert _chosen(sentence, "shot", [_place(sentence, "Homs", country="SY", admin1="Homs")]) == "Homs"


def test_the_second_town_of_a_list_shares_the_preposition_of_its_unfound_first_name():
    """"in the towns of Tel Ghazal and Tel Jihan, in Hasakah's northern suburbs": when the first
    name of the list is not found, the second still follows the preposition, and the town wins
    over the city whose suburbs they are."""
    sentence = ("Three militants were killed in a night of fighting in the towns of Tel Ghazal and Tel Jihan, "
                "in Hasakah's northern suburbs.")
    birak = _place(sentence, "Tel Jihan", "near", country="SY", admin1="Al-Hasakah")
    qamishli = _place(sentence, "Hasakah", country="SY", admin1="Al-Hasakah")
    assert _chosen(sentence, "killed", [birak, qamishli]) == "Tel Jihan"


def test_the_place_after_its_possessor_shares_the_possessors_preposition():
    """"in Syria's northern Idlib province": Idlib is where the strikes killed, not Syria."""
    sentence = "Airstrikes killed 12 people in Syria's northern Idlib province on Monday, a monitor said."
    syria = _place(sentence, "Syria", "country", country="SY")
    idlib = _place(sentence, "Idlib", "admin1", country="SY", admin1="Idlib")
    assert _chosen(sentence, "killed", [syria, idlib]) == "Idlib"


# --- a note's opening town, neighbourhoods read elsewhere, a province's own town, rural Damascus ---


def _first_event_location(text: str, published: date = date(2021, 6, 5)) -> dict:
    from ceasefire.documents import Document
    from ceasefire.extract import extract_document

    out = extract_document(Document(text=text, published=published))
    return out["events"][0]["location"]


def test_the_town_a_note_opens_with_is_the_scene_when_the_parse_ties_no_place_to_the_protest():
    """"On 9 May 2021, in Pelotas, Rio Grande do Sul, a motorcade ... and a protest against ...":
    the protest word comes a hundred characters after the town and the parse links neither place
    to it; the place the sentence opens with is still where it happened (not "the city centre"
    read as the state's capital)."""
    sentence = ("On 9 May 2021, in Pelotas, Rio Grande do Sul, a motorcade took place in the city centre in support "
                "of the president and as a protest against the curfew imposed over the pandemic.")
    pelotas = _place(sentence, "Pelotas", country="BR")
    state = _place(sentence, "Rio Grande do Sul", "admin1", country="BR", role="containing_area")
    verb = _verb(sentence, "protest")
    # every place below the no-place line: the opening town is still the scene
    from ceasefire.resolve.places.event_location import WEIGHTS
    from ceasefire.resolve.places.event_location import choose_event_toponym as choose

    low = WEIGHTS | {"threshold": 50.0}
    assert choose(sentence, verb, [pelotas, state], weights=low, parse=False) == 0
    # without an opening place, a sentence below the line names no place
    plain = "A motorcade later took place in Pelotas as a protest against the curfew."
    assert choose(plain, _verb(plain, "protest"), [_place(plain, "Pelotas", country="BR")], weights=low, parse=False) is None
    # the whole extractor, with the real parse
    loc = _first_event_location(sentence, date(2021, 5, 9))
    assert loc["country"] == "BR" and abs(loc["lat"] + 31.77) < 0.1 and abs(loc["lon"] + 52.34) < 0.1


def test_a_neighbourhood_read_in_another_city_gives_way_to_the_town_the_note_names_it_in():
    """"the al-Midan neighbourhood of Daraa city": al-Midan read as the Damascus quarter (90 km
    away) is a namesake; the shooting happened in Daraa."""
    loc = _first_event_location("On 5 June 2021, unidentified gunmen shot dead a former rebel commander in the "
                                "al-Midan neighbourhood of Daraa city. 1 fatality.")
    assert loc["admin1"] == "Daraa" and abs(loc["lat"] - 32.62) < 0.1 and abs(loc["lon"] - 36.10) < 0.1


def test_a_district_of_a_city_read_abroad_gives_way_to_the_city_that_owns_it():
    sentence = "Riot police fired tear gas at protesters who blocked a road in Tripoli's Bab al-Tabbaneh district on Sunday."
    tripoli = _place(sentence, "Tripoli", country="LB", feature_class="P")
    tripoli.lat, tripoli.lon = 34.44, 35.85
    district = _place(sentence, "Bab al-Tabbaneh", country="TN", feature_class="P")
    district.lat, district.lon = 36.80, 10.18
    assert _chosen(sentence, "blocked", [tripoli, district]) == "Tripoli"
    district.country, district.lat, district.lon = "LB", 34.45, 35.84  # the real quarter: the finer place
    assert _chosen(sentence, "blocked", [tripoli, district]) == "Bab al-Tabbaneh"


def test_a_district_of_a_province_its_capital_names_is_not_a_quarter_of_the_capital():
    """"Sidakan district of Erbil": an administrative district of the governorate Erbil names, 70 km
    from the city, keeps its own reading."""
    sentence = "On 3 May 2022, Turkish drones struck a vehicle in Sidakan district of Erbil, killing two PKK members."
    sidakan = _place(sentence, "Sidakan", country="IQ", admin1="Erbil", feature_class="P")
    sidakan.lat, sidakan.lon = 36.80, 44.67
    erbil = _place(sentence, "Erbil", country="IQ", admin1="Erbil", feature_class="P", role="containing_area")
    erbil.lat, erbil.lon = 36.19, 44.01
    assert _chosen(sentence, "struck", [sidakan, erbil]) == "Sidakan"


def test_a_village_read_abroad_before_the_town_that_names_its_province_is_placed_in_that_province():
    """"Tseel in As-Sweida": As-Sweida is the town that gives its governorate its name, and stands for
    the governorate after a village; a reading of the village in India is a namesake."""
    from ceasefire.resolve.places.event_location import names_its_area

    sentence = "On 2 May 2021, unidentified gunmen shot and killed a farmer in Tseel in As-Sweida."
    village = _place(sentence, "Tseel", country="IN", feature_class="P")
    sweida = _place(sentence, "As-Sweida", country="SY", admin1="As-Suwayda", feature_class="P", role="containing_area")
    assert names_its_area(sweida) and not names_its_area(village)
    assert _chosen(sentence, "killed", [village, sweida]) == "As-Sweida"


def test_a_village_in_rural_damascus_is_in_rif_dimashq_at_the_provinces_seat():
    """"a village in rural Damascus": the Damascus countryside is the Rif Dimashq governorate (the
    Damascus governorate is the city alone); its point stays Damascus, the province's seat, where
    ACLED codes a place known only by its province."""
    loc = _first_event_location("On 4 March 2022, unknown gunmen shot dead a checkpoint guard on the outskirts of "
                                "Kafr Zabdin town in rural Damascus. 1 fatality.")
    assert loc["country"] == "SY" and loc["admin1"] == "Rif Dimashq"
    assert abs(loc["lat"] - 33.51) < 0.1 and abs(loc["lon"] - 36.29) < 0.1
    city = _first_event_location("On 4 March 2022, a mortar shell fell on the Bab Touma quarter of Damascus, "
                                 "wounding two civilians.")
    assert city["admin1"] in ("Damascus", "Dimashq")


def test_a_building_named_in_a_town_is_placed_in_that_town_not_at_a_namesake_of_its_name():
    """"the Uskhod metro station in Minsk": the station's name read as a village 180 km away is not
    where the flash mob stood."""
    sentence = "On 8 May 2021, some twenty activists held a flash mob near the Vostok metro station in Minsk against the parade."
    station = _place(sentence, "Vostok", "near", country="BY", feature_class="P")
    station.lat, station.lon = 53.78, 30.35
    minsk = _place(sentence, "Minsk", country="BY", feature_class="P")
    minsk.lat, minsk.lon = 53.90, 27.57
    assert _chosen(sentence, "flash", [station, minsk]) == "Minsk"
    # a building after a possessor keeps its own name ("Mecca's Al-Nur hospital")
    sentence = "Police patrolled outside Mecca's Al-Nur hospital on Saturday."
    mecca = _place(sentence, "Mecca", country="SA", feature_class="P")
    mecca.lat, mecca.lon = 21.42, 39.83
    nur = _place(sentence, "Al-Nur", country="SA", feature_class="P")
    nur.lat, nur.lon = 24.0, 45.0
    assert _chosen(sentence, "patrolled", [mecca, nur]) == "Al-Nur"


def test_a_molotov_cocktail_names_no_place():
    sentence = "Youths threw a Molotov cocktail at the police station in Cagliari on Friday night."
    molotov = _place(sentence, "Molotov", country="RU", feature_class="P")
    cagliari = _place(sentence, "Cagliari", country="IT", feature_class="P")
    assert _chosen(sentence, "threw", [molotov, cagliari]) == "Cagliari"


def test_the_town_an_acled_note_says_its_record_is_coded_to_is_the_place():
    """ACLED's own coding line: "in Lara state (coded to Barquisimeto, Lara)" puts the record at the
    state's capital, not at a namesake of the state; "coded as 10" is a toll, not a place."""
    loc = _first_event_location("On 12 March 2021, in Lara state (coded to Barquisimeto, Lara), residents blocked roads "
                                "with burning tires to protest against water shortages. [size=no report]", date(2021, 3, 12))
    assert loc["country"] == "VE" and abs(loc["lat"] - 10.07) < 0.1 and abs(loc["lon"] + 69.32) < 0.1
    loc = _first_event_location("On 2 March 2021, regime forces clashed with IS fighters near Sukhnah in Homs. "
                                "Unknown fatalities coded as 10.", date(2021, 3, 2))
    assert loc["admin1"] == "Homs"


def test_a_village_read_in_another_province_gives_way_to_the_town_that_names_the_province_after_it():
    """"on the Tal Hamra axis in Al-Hasakeh": a reading of the village in Rif Dimashq is a namesake;
    Al-Hasakeh, the town that names the province the note puts it in, is the better answer."""
    sentence = "On 6 January 2022, rebel fighters attacked QSD positions on the Tal Hamra axis in Al-Hasakeh, wounding two."
    village = _place(sentence, "Tal Hamra", country="SY", admin1="Rif Dimashq", feature_class="P")
    hasakeh = _place(sentence, "Al-Hasakeh", country="SY", admin1="Al-Hasakah", feature_class="P", role="containing_area")
    assert _chosen(sentence, "attacked", [village, hasakeh]) == "Al-Hasakeh"
    village.admin1 = "Al-Hasakah"  # a village of that province keeps its reading
    assert _chosen(sentence, "attacked", [village, hasakeh]) == "Tal Hamra"


def test_another_clause_after_a_town_is_not_a_building_of_the_next_town():
    """"kill 4 in Idlib, destroy mosque in Hama": the mosque belongs to the second clause, so Idlib
    is no part of Hama."""
    sentence = "Airstrikes kill 4 in Idlib destroy mosque in Hama"
    idlib = _place(sentence, "Idlib", country="SY", admin1="Idlib", feature_class="P")
    idlib.lat, idlib.lon = 35.93, 36.63
    hama = _place(sentence, "Hama", country="SY", admin1="Hama", feature_class="P")
    hama.lat, hama.lon = 35.13, 36.76
    assert _chosen(sentence, "kill", [idlib, hama]) == "Idlib"


def test_a_place_of_the_country_in_the_same_sentence_says_where_before_the_next_sentences():
    """"shelling of a government-held district of Syrias second city Aleppo killed six civilians"
    (the apostrophe lost in cleaning): the sentence itself says where in Syria; the next sentence's
    district, read as a namesake in another governorate, does not."""
    ctx = _context("Insurgent shelling of a government-held district of Syrias second city Aleppo killed six civilians, "
                   "a war monitor reported on Monday. One shell landed in the Shahba al-Jadida district on the city's western side.",
                   date(2015, 7, 26))
    loc = locate_event(ctx, ctx.sentences[0])
    assert loc is not None and loc["admin1"] == "Aleppo"


def test_a_possessive_determiner_or_a_capital_after_a_comma_still_says_where():
    sentence = "A taxi driver was shot five times while eating supper with his children in their west Dublin home."
    assert _chosen(sentence, "shot", [_place(sentence, "Dublin", country="IE")]) == "Dublin"
    sentence = ("A cameraman was shot while he was filming a noisy march by striking secondary school teachers in the "
                "economic capital, Lagos, on May 9.")
    assert _chosen(sentence, "shot", [_place(sentence, "Lagos", country="NG")]) == "Lagos"


def test_the_rural_area_of_the_town_a_note_opens_with_holds_against_a_farm_read_far_away():
    sentence = ("On 16 January 2022, in the rural area of Garanhuns municipality (Pernambuco), a man was killed in a "
                "drive-by shooting in Boa Vista farm by two armed men on a motorcycle.")
    town = _place(sentence, "Garanhuns", country="BR", feature_class="P")
    town.lat, town.lon = -8.89, -36.49
    farm = _place(sentence, "Boa Vista", country="BR", feature_class="P")
    farm.lat, farm.lon = 2.82, -60.67
    assert _chosen(sentence, "killed", [town, farm]) == "Garanhuns"


def test_a_place_located_in_a_town_read_far_from_it_is_a_namesake():
    sentence = "On 27 January 2022, about 20 nurses protested in Pedome located in Vila Nova de Famalicao, demanding pay."
    village = _place(sentence, "Pedome", country="PT", feature_class="P")
    village.lat, village.lon = 37.0, -8.0
    town = _place(sentence, "Vila Nova de Famalicao", country="PT", feature_class="P")
    town.lat, town.lon = 41.41, -8.52
    assert _chosen(sentence, "protested", [village, town]) == "Vila Nova de Famalicao"


# --- lists cleaning ran together, round-ups, and a list the next sentence resolves ------------------


def test_a_list_whose_commas_cleaning_removed_keeps_its_first_town():
    """"explosions that hit Tartous Homs and Hasakeh" (the commas lost in cleaning, the first two names
    not seen as places there): the report names Tartous and Homs again, so the lead's list starts
    with Tartous, where the blasts killed most."""
    ctx = _context("No fewer than 35 people were killed on Monday by explosions that hit Tartous Homs and Hasakeh in Syria. "
                   "State television said 27 had been killed by twin blasts on a bridge outside the city of Tartous. "
                   "In central Homs city, two people were killed by a car bomb at an army post.", date(2016, 9, 5))
    loc = locate_event(ctx, ctx.sentences[0])
    assert loc is not None and loc["admin1"] == "Tartus"


def test_a_round_up_of_governorates_is_placed_where_the_report_tells_its_dead():
    """A lead counting the dead and the injured of attacks in five governorates: the report first
    tells injuries in Damascus, then the four dead in Aleppo; the round-up's place is Aleppo (its
    restatement in the next sentence tells nothing new)."""
    ctx = _context("Four people killed, 25 others injured in terrorist attacks in Damascus, Aleppo, Homs, Quneitra "
                   "and Hasaka. Four citizens were killed and 25 others were injured in attacks with shells in Damascus, "
                   "Aleppo, Homs, Quneitra and Hasaka on Monday. Seven people were injured when rocket shells hit the al-Mazzeh area in Damascus city. "
                   "Four people, one of them a child, were killed when rocket shells fell on neighborhoods of Aleppo city. "
                   "Two persons were injured in a rocket attack on a town in Homs countryside.", date(2016, 11, 7))
    loc = locate_event(ctx, ctx.sentences[0])
    assert loc is not None and loc["admin1"] == "Aleppo"


def test_a_sentence_without_a_place_after_two_listed_provinces_takes_the_one_the_next_sentence_names():
    """"... in the provinces of Aleppo and Damascus. Thus, terrorists executed 40 gunmen. 'In Aleppos
    Qaryat al-Ansari neighborhood terrorists executed ...'": the apostrophe lost, the quoted detail
    still says which province of the list."""
    ctx = _context("Armed groups continue attempts to break the cessation of hostilities in the provinces of Aleppo "
                   "and Damascus, the reconciliation centre said on Friday. Thus, according to the bulletin, terrorists "
                   "executed 40 gunmen and members of their families. \"In Aleppos Qaryat al-Ansari neighborhood "
                   "terrorists executed militants who tried to lay down arms,\" the centre said.", date(2016, 8, 12))
    loc = locate_event(ctx, ctx.sentences[1])
    assert loc is not None and loc["admin1"] == "Aleppo"


# --- words of war in another sense; adjectives joined; the ends of a road -----------------------------


def test_a_medal_captured_names_no_place_but_a_title_won_in_a_city_keeps_its_venue():
    sentence = "Hosts Japan captured the gold while Norway finished a distant fourth."
    places = [_place(sentence, "Japan", "country"), _place(sentence, "Norway", "country")]
    assert _chosen(sentence, "captured", places) is None
    sentence = "The veteran Swiss left-hander captured his third clay crown in Madrid two weeks ago."
    assert _chosen(sentence, "captured", [_place(sentence, "Madrid", country="ES")]) == "Madrid"


def test_a_film_shot_or_a_period_captured_by_a_novelist_is_no_event():
    sentence = "The film is shot in a docudrama style about a 1972 killing of protesters by soldiers in Northern Ireland."
    assert _chosen(sentence, "shot", [_place(sentence, "Northern Ireland", "admin1", country="GB")]) is None
    sentence = "The period was captured by novelist Graham Greene in his novel set in Havana."
    assert _chosen(sentence, "captured", [_place(sentence, "Havana", country="CU")]) is None


def test_planes_patrolling_over_northern_and_southern_iraq_patrol_iraq():
    sentence = "U.S. drones kept patrolling the skies over northern and southern Somalia through the rainy season."
    places = [_place(sentence, "U.S.", "country", country="US"), _place(sentence, "Somalia", "country", country="SO")]
    assert _chosen(sentence, "patrolling", places) == "Somalia"


def test_a_road_from_a_town_is_at_that_town_not_where_someone_came_from():
    sentence = "Gunmen captured three people yesterday on the road from Kiseljak through Ilidza to Sarajevo."
    places = [_place(sentence, "Kiseljak", country="BA"), _place(sentence, "Ilidza", country="BA"),
              _place(sentence, "Sarajevo", country="BA")]
    assert _chosen(sentence, "captured", places) in ("Kiseljak", "Ilidza")


def test_the_towns_where_the_clashes_broke_out_are_where_the_fighters_were_killed():
    """A relative clause on the event's own noun ("killed during the clashes that broke out ... in
    the towns of X and Y") tells where that event was: the towns, not the city whose suburbs they are."""
    sentence = ("Twelve Asayish members were killed during the clashes that broke out on Tuesday with Islamic State cells "
                "in the towns of Al-Hol and Markada, in Hasakah's eastern countryside.")
    places = [_place(sentence, "Al-Hol", country="SY", admin1="Al-Hasakah"),
              _place(sentence, "Markada", country="SY", admin1="Al-Hasakah"),
              _place(sentence, "Hasakah", country="SY", admin1="Al-Hasakah")]
    assert _chosen(sentence, "killed", places) in ("Al-Hol", "Markada")


def test_a_hyphenated_adjective_between_the_preposition_and_the_district_keeps_the_preposition():
    sentence = "A bomb detonated in the Sunni- led Adhamiya area in north Baghdad late on Tuesday, wounding five."
    places = [_place(sentence, "Adhamiya", country="IQ", admin1="Baghdad"),
              _place(sentence, "Baghdad", country="IQ", admin1="Baghdad", role="containing_area")]
    assert _chosen(sentence, "detonated", places) == "Adhamiya"


def test_a_place_named_for_last_years_attack_is_not_where_todays_attack_was():
    """The report names Aleppo only for "the same kind of shells in Aleppo last year" and Idlib
    for the nurses treating today's victims: the attack the headline tells is in Idlib."""
    ctx = _context("Syria attack left patients with signs of gas poisoning, doctors say. "
                   "People caught in an alleged gas attack in Syria showed signs of exposure to a toxic agent. "
                   "Chlorine is a choking agent. "
                   "An official claimed the insurgents had fired the same kind of shells in Aleppo last year. "
                   "Medical teams were helping exhausted nurses in Idlib.", date(2017, 4, 5))
    loc = locate_event(ctx, ctx.sentences[0])
    assert loc is not None and loc["admin1"] == "Idlib"


def test_a_country_named_for_its_currency_or_its_people_is_not_the_place_of_the_event():
    from ceasefire.resolve.places.event_location import main_place

    sentence = "Traders protested in the market over the fall of the Syrian pound against the US dollar."
    places = [_place(sentence, "US", "country", country="US")]
    assert _chosen(sentence, "protested", places) is None
    text = "An American spy was arrested, officials in Iran said."
    spy = _place(text, "American", "country", country="US", demonym=True)
    iran = _place(text, "Iran", "country", country="IR")
    assert main_place([spy, spy, iran], text) is iran


def test_a_town_miles_away_from_the_patrol_says_where_it_was_not_where_the_officers_came_from():
    sentence = ("Soldiers were patrolling a remote stretch of scrubland 20 miles (32 kilometers) from the border city "
                "of Ciudad Juarez when they stopped a pickup truck.")
    assert _chosen(sentence, "patrolling", [_place(sentence, "Ciudad Juarez", country="MX")]) == "Ciudad Juarez"


def test_the_district_of_an_unfound_village_shares_the_villages_preposition():
    sentence = ("A pressure-cooker bomb was detonated by rebels while the soldiers of an army patrol were riding in a jeep "
                "on the road at Bhimphedi of Makwanpur district, about 40 km southwest of Kathmandu, state media reported.")
    places = [_place(sentence, "Makwanpur", country="NP"), _place(sentence, "Kathmandu", country="NP")]
    assert _chosen(sentence, "detonated", places) == "Makwanpur"


def test_a_province_glued_to_its_countrys_lost_possessive_is_still_placed():
    """"in central Syrias Hama province" (the apostrophe of "Syria's" lost in cleaning): the report
    names Syria, so Hama is looked up there and the attack is placed in Hama governorate."""
    text = ("Jihadists kill 30 in central Syria raid. Jihadists killed at least 30 civilians in a dawn raid on a "
            "farming hamlet in central Syrias Hama province on Monday, activists reported.")
    ctx = _context(text, date(2017, 5, 22))
    assert any(t.text == "Hama" and t.admin1 == "Hama" for t in ctx.toponyms)
    loc = locate_event(ctx, ctx.sentences[1])
    assert loc is not None and loc["admin1"] == "Hama"


def test_the_hospital_where_a_victim_later_died_is_not_where_he_was_shot():
    sentence = ("Four were shot in the legs; a fifth man was shot in the back and later died at Sassoon General "
                "Hospital, police told reporters.")
    assert _chosen(sentence, "shot", [_place(sentence, "Sassoon General Hospital", country="IN")]) is None


def test_a_war_named_after_its_country_with_a_lost_apostrophe_is_not_a_scene():
    """"Yemen's civil war" whose apostrophe cleaning turned into spaces still names a war."""
    sentence = "Thousands of fighters have been killed in Yemen   s civil war since 2015."
    assert _chosen(sentence, "killed", [_place(sentence, "Yemen", "country", country="YE")]) is None


def test_a_town_naming_a_militia_commander_is_not_where_he_was_killed():
    sentence = "Gunmen killed Ali Hassan, the Kismayo commander of the militia, on Tuesday."
    assert _chosen(sentence, "killed", [_place(sentence, "Kismayo", country="SO")]) is None


def test_a_country_that_has_captured_men_is_the_captor_but_a_shelled_country_is_the_scene():
    captor = "Ethiopia has captured three border posts, the ministry said on Friday."
    assert _chosen(captor, "captured", [_place(captor, "Ethiopia", "country", country="ET")]) is None
    scene = "Lebanon was shelled overnight, the army said."
    assert _chosen(scene, "shelled", [_place(scene, "Lebanon", "country", country="LB")]) == "Lebanon"


def test_names_of_hostages_whose_release_is_demanded_are_people_not_places():
    sentence = "Students marched on Saturday for the release of Lima and Sousa."
    places = [_place(sentence, "Lima", country="PE"), _place(sentence, "Sousa", country="BR")]
    assert _chosen(sentence, "marched", places) is None


def test_a_square_in_a_nearby_town_is_the_place_not_the_town():
    sentence = "Troops patrolled Freedom Square in nearby Ramallah on Friday."
    places = [_place(sentence, "Freedom Square", country="PS"), _place(sentence, "Ramallah", country="PS")]
    assert _chosen(sentence, "patrolled", places) == "Freedom Square"


def test_the_country_an_occupation_was_of_is_where_prisoners_were_killed():
    sentence = "The partisans were killed during the 1942 occupation of Estonia."
    assert _chosen(sentence, "killed", [_place(sentence, "Estonia", "country", country="EE")]) == "Estonia"


def test_a_landmark_near_a_town_read_in_another_country_is_a_namesake():
    """"in Hebron, near the Ibrahimi mosque" with the mosque's name read as a town abroad: the
    landmark only says where in Hebron, so Hebron holds; one read in the same country stays."""
    from ceasefire.resolve.places.event_location.containers import _near_namesake

    sentence = "A photographer was wounded on Friday while covering clashes in Hebron, near the Ibrahimi mosque."
    abroad = [_place(sentence, "Hebron", country="PS"), _place(sentence, "Ibrahimi", country="US")]
    assert _near_namesake(sentence, 1, list(enumerate(abroad))) == 0
    home = [_place(sentence, "Hebron", country="PS"), _place(sentence, "Ibrahimi", country="PS")]
    assert _near_namesake(sentence, 1, list(enumerate(home))) == 1


def test_a_village_between_namesakes_abroad_lies_in_the_governorate_its_phrase_names():
    """Al-Marj and Al Qina are also towns in Libya and Egypt; the phrase ends "in Daraa
    countryside", so the killing is placed in Daraa governorate, not abroad."""
    loc = _first_event_location("On 3 April 2022, gunmen shot dead a farmer in the Wadi Sakhr area between Al-Marj and "
                                "Al Qina villages in Daraa countryside.", date(2022, 4, 5))
    assert loc["country"] == "SY" and loc["admin1"] == "Daraa"


def test_a_village_in_a_namesake_district_in_rural_damascus_stays_in_rural_damascus():
    loc = _first_event_location("On 3 April 2022, regime forces shelled Kafr Saghir in Al-Marj in Rural Damascus. "
                                "No fatalities were reported.", date(2022, 4, 5))
    assert loc["country"] == "SY" and loc["admin1"] == "Rif Dimashq"


def test_an_unknown_area_near_a_known_town_takes_the_towns_point():
    """A place the gazetteer lacks, placed only by its context (here at the province's point), is
    best put at the town its phrase says it lies near; the report's name for it stays."""
    from ceasefire.resolve.places.event_location.report import _anchor_town

    text = "A mine exploded in the Umm Tayyur area near Tanf in rural Damascus, wounding a shepherd."
    area = _place(text, "Umm Tayyur", "near", country="SY", role="inferred_from_context")
    area.lat, area.lon = 33.6, 36.75
    tanf = _place(text, "Tanf", "near", country="SY")
    tanf.lat, tanf.lon = 33.5, 38.65
    province = _place(text, "rural Damascus", "admin1", country="SY")
    loc = _anchor_town(text, area, [area, tanf, province])
    assert loc is not None and (loc["lat"], loc["lon"]) == (33.5, 38.65) and loc["name"] == "Umm Tayyur"
    assert loc["precision"] == "near"
    # a town named with its own point keeps it
    assert _anchor_town(text, tanf, [area, tanf, province]) is None


def test_the_town_a_note_opens_with_outweighs_its_neighbourhoods_read_as_towns_abroad():
    """"Colonia Centro" read twice as Colonia, New Jersey, and "California" as the US state: the
    note opens in Tijuana, which sets the report's country, so the killing stays in Mexico."""
    loc = _first_event_location("On 9 March 2022, in Tijuana, Baja California, gunmen killed a taxi driver in Colonia "
                                "Centro, then fled towards Colonia Centro again.", date(2022, 4, 5))
    assert loc["country"] == "MX" and loc["name"] == "Tijuana"


def test_a_cocktail_named_after_a_man_does_not_move_a_riot_to_russia():
    loc = _first_event_location("On 20 May 2022, protesters threw a Molotov cocktail at a bank branch in Cagliari.",
                                date(2022, 5, 21))
    assert loc["country"] == "IT"


def test_clashes_that_took_place_in_a_town_are_placed_there():
    """The event word is a noun ("Clashes") whose verb ("took place") carries the place: the town
    is tied to the clashes, not to some other clause."""
    sentence = "Clashes took place between army units and rebels on the outskirts of Kafr Nabl in Idlib countryside."
    rel = _relation(sentence, "Clashes", "Kafr Nabl")
    assert rel["reached"] and rel["prep"] == "loc" and not rel["clause"]


def test_the_month_of_march_is_not_a_protest_march():
    from ceasefire.resolve.places.event_location import _EVENT_VERB

    assert _EVENT_VERB.search("On 16 March 2022, students gathered in Lviv.").group(0) == "gathered"
    assert _EVENT_VERB.search("Thousands marched through Minsk on Sunday.").group(0) == "marched"


def test_a_front_line_named_after_a_village_is_where_the_clashes_were():
    """"on the axis of Bashmra Tal Rifaat": the front line's preposition reaches the town even past a
    village name the gazetteer did not find."""
    from ceasefire.resolve.places.event_location import _features

    sentence = "Rebels and government troops clashed on the axis of Bashmra Tal Rifaat overnight, a monitor said."
    town = _place(sentence, "Tal Rifaat", country="SY")
    assert _features(sentence, _verb(sentence, "clashed"), town, [town])["preposition"] == 1.0


def test_a_town_that_only_locates_a_village_placed_by_its_context_is_no_scene():
    sentence = "In the village of Kafr Dan near Jenin, soldiers detained two men on Monday."
    village = _place(sentence, "Kafr Dan", "near", country="PS", role="inferred_from_context")
    assert _chosen(sentence, "detained", [village, _place(sentence, "Jenin", country="PS")]) == "Kafr Dan"


def test_a_protest_stays_where_it_was_held_when_its_cause_lies_across_the_border():
    """The report leans only slightly to Italy (a town and an adjective): not enough to move a
    gathering its own sentence puts in France."""
    loc = _first_event_location("On 4 January 2022, farmers held a protest in Menton to denounce the closure of "
                                "a dairy in the Italian town of Ventimiglia.", date(2022, 1, 5))
    assert loc["country"] == "FR"


def test_a_gate_named_for_a_city_is_not_that_city():
    sentence = "Police clashed with worshippers at the Damascus Gate in Jerusalem on Friday."
    places = [_place(sentence, "Damascus", country="SY"), _place(sentence, "Jerusalem", country="IL")]
    assert _chosen(sentence, "clashed", places) == "Jerusalem"


def test_an_area_southwest_of_a_town_lies_in_that_towns_country():
    from ceasefire.resolve.places.event_location.containers import _PLACE_PHRASE

    assert _PLACE_PHRASE.match(" al Hawa area to the southwest of ")
    assert not _PLACE_PHRASE.match(" rallied against the bombing in ")


def test_a_village_read_in_another_province_moves_to_the_province_its_phrase_names():
    sentence = "Rebels clashed with army units in Kafr Sajna, Hish and Babuline villages in Idlib countryside."
    village = _place(sentence, "Kafr Sajna", country="SY", admin1="Aleppo")
    idlib = _place(sentence, "Idlib", "admin1", country="SY", admin1="Idlib")
    assert _chosen(sentence, "clashed", [village, idlib]) == "Idlib"
    # a town in the capital's countryside already lies in the countryside's province
    sentence = "Gunmen shot a soldier in Madaya town in rural Damascus."
    madaya = _place(sentence, "Madaya", country="SY", admin1="Rif Dimashq")
    damascus = _place(sentence, "Damascus", "admin1", country="SY", admin1="Damascus")
    assert _chosen(sentence, "shot", [madaya, damascus]) == "Madaya"


def test_a_provincial_capital_in_a_run_together_headline_is_not_moved_to_the_next_province():
    sentence = "Shelling Kills 5 in Idleb Rebels Lose Villages in Hama"
    idleb = _place(sentence, "Idleb", country="SY", admin1="Idlib")
    idleb.name = "Idlib"  # the gazetteer's spelling, which the province shares
    hama = _place(sentence, "Hama", "admin1", country="SY", admin1="Hama")
    assert _chosen(sentence, "Kills", [idleb, hama]) == "Idleb"


def test_a_district_named_before_its_city_is_placed_in_the_city():
    """"in Jaro, Iloilo City" with Jaro read as a namesake far away: the district of the city
    named right after it."""
    sentence = "Activists staged a demonstration in Jaro, Iloilo City on Friday."
    jaro = _place(sentence, "Jaro", country="PH")
    jaro.lat, jaro.lon = 11.19, 124.78
    city = _place(sentence, "Iloilo City", country="PH", feature_class="P")
    city.lat, city.lon = 10.70, 122.56
    assert _chosen(sentence, "demonstration", [jaro, city]) == "Iloilo City"


def test_the_place_of_another_blast_is_not_the_place_of_the_first():
    sentence = "Two guards were killed in a car bomb at Kirkuk on Monday, which was followed by another blast in Tikrit."
    places = [_place(sentence, "Kirkuk", country="IQ"), _place(sentence, "Tikrit", country="IQ")]
    assert _chosen(sentence, "killed", places) == "Kirkuk"
    from ceasefire.resolve.places.event_location import _features

    tikrit = places[1]
    assert _features(sentence, _verb(sentence, "killed"), tikrit, places)["elsewhere"] == 1.0


def test_a_town_named_to_locate_a_plant_outside_it_is_a_reference_point():
    from ceasefire.resolve.places.event_location import _features

    sentence = "Workers of the Baiji refinery outside Tikrit went on strike on Monday."
    baiji = _place(sentence, "Baiji", "near", country="IQ", role="inferred_from_context")
    tikrit = _place(sentence, "Tikrit", country="IQ")
    assert _features(sentence, _verb(sentence, "strike"), tikrit, [baiji, tikrit])["reference_point"] == 1.0


def test_a_place_in_the_next_sentence_of_the_text_is_not_the_captures_place():
    text = "The post was captured by the rebels at the end of May. Shelling went on around Mukalla all week."
    places = [_place(text, "Mukalla", country="YE")]
    assert _chosen(text, "captured", places) is None
    # an abbreviation's full stop ends no sentence
    sentence = "The town was captured on Sunday by troops loyal to Gen. Omar near Mukalla."
    assert _chosen(sentence, "captured", [_place(sentence, "Mukalla", country="YE")]) == "Mukalla"


def test_a_network_named_after_a_family_is_not_a_place():
    sentence = "Troops detained a Haqqani network commander during a raid in Gardez district."
    places = [_place(sentence, "Haqqani", country="AF"), _place(sentence, "Gardez", country="AF")]
    assert _chosen(sentence, "detained", places) == "Gardez"


def test_a_name_placed_only_at_the_datelines_city_is_not_the_event_place():
    """Under "KABUL, Afghanistan (May 2, 2011)", a name the gazetteer lacks placed by its context at
    Kabul only borrowed the point of where the release was written; the province the release
    names is the place."""
    text = ("KABUL, Afghanistan (May 2, 2011) - A combined force detained a Zadran commander in "
            "Paktiya province yesterday.")
    ctx = _context(text, date(2011, 5, 2))
    kabul = next((t for t in ctx.toponyms if t.text == "KABUL"), None)
    assert kabul is not None
    loc = locate_event(ctx, ctx.sentences[-1])
    assert loc is None or loc.get("admin1") != "Kabul"


def test_the_evaluation_writes_the_event_rows_it_chose_wrong(cli, tmp_path):
    import json

    from tests.conftest import need_shared

    data = need_shared()
    out = tmp_path / "event-misses.jsonl"
    result = cli("eval", "geoparse", "--data", str(data), "--sets", "events", "--limit", "20", "--event-misses", str(out))
    assert result.exit_code == 0, result.output
    wrong = int(re.search(r"chosen right [0-9.]+ \(([0-9]+)/([0-9]+)\)", result.output).group(2)) - \
        int(re.search(r"chosen right [0-9.]+ \(([0-9]+)/", result.output).group(1))
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == wrong
    assert all({"text", "event_word", "gold", "chosen", "found"} <= set(r) for r in rows)


def test_a_capitalised_city_opening_a_release_counts_as_its_dateline_whatever_the_date_format():
    from ceasefire.resolve.places.event_location.report import _DATELINE_AFTER

    text = "KANDAHAR, Afghanistan (Mar. 3. 2012) A patrol found a weapons cache."
    assert _DATELINE_AFTER.match(text[len("KANDAHAR"):])
    assert not _DATELINE_AFTER.match(", the governor said.")


def test_a_sentence_without_a_place_goes_on_where_the_event_before_it_happened():
    """A sentence between two event sentences names a town only as where residents had come from:
    the next killing, told without a place, happened where the strike before it did, not there."""
    from ceasefire.documents import Document
    from ceasefire.extract import extract_document

    text = ("Russian jets bombed a market in Maarat al-Numan on Monday, killing nine people. Residents had fled "
            "there from Hama last winter. Two more people were killed when the jets returned an hour later.")
    out = extract_document(Document(text=text, published=date(2019, 6, 4)))
    places = {(e["location"] or {}).get("admin1") for e in out["events"]}
    assert places == {"Idlib"}
    told = [e for e in out["events"] if any(x["text"].startswith("Two more people") for x in e["evidence"])]
    assert told and told[0]["location"]["name"] == "Maarat al-Numan"


def test_an_event_placed_only_at_its_province_goes_on_at_a_town_of_that_province_named_next():
    """The event before was placed only at its province (a village the gazetteer lacks); a town of
    that province named in between is the finer answer for a sentence that names no place. An event
    placed at a town keeps lending its own place."""
    from ceasefire.documents import Document
    from ceasefire.extract.context import build_context

    text = ("Government shelling hit a village in the southern Idlib countryside on Monday. Rescuers worked "
            "through the night in Kafr Nabl. Two children were killed, they said.")
    ctx = build_context(Document(text=text, published=date(2019, 6, 4)))
    last = ctx.sentences[-1]
    province = {"name": "Idlib", "lat": 35.75, "lon": 36.6, "country": "SY", "admin1": "Idlib", "precision": "admin1"}
    ctx.event_places = {0: province}
    assert locate_event(ctx, last)["name"] == "Kafranbel"
    town = {"name": "Khan Shaykhun", "lat": 35.44, "lon": 36.65, "country": "SY", "admin1": "Idlib", "precision": "exact"}
    ctx.event_places = {0: town}
    assert locate_event(ctx, last)["name"] == "Khan Shaykhun"


def test_a_town_read_abroad_is_the_namesake_in_the_country_of_its_armed_groups():
    """Syria's rebels fight in Syria: with no other place to go by, "Busra" read as Basra in Iraq is
    Busra ash-Sham in Daraa."""
    from ceasefire.documents import Document
    from ceasefire.extract import extract_document

    out = extract_document(Document(text="Clashes broke out between regime troops and rebels in Busra, killing two rebels.",
                                    published=date(2020, 5, 20)))
    loc = out["events"][0]["location"]
    assert loc["country"] == "SY" and loc["admin1"] == "Daraa"


def test_where_people_live_or_took_refuge_is_not_the_scene():
    """A clause about people ("families who took refuge in schools in X", "traders who had been
    living in X") says where they are, not where the event word happened."""
    sentence = "Soldiers patrolled the streets on Sunday, while families who took refuge in schools in Hodeidah began to go home."
    assert _chosen(sentence, "patrolled", [_place(sentence, "Hodeidah")]) is None
    sentence = "Gunmen burned two shops owned by traders who had been living in Kano for decades."
    assert _chosen(sentence, "burned", [_place(sentence, "Kano")]) is None
    # the scene itself stays: the town the shops were burned in
    sentence = "Gunmen burned two shops in Zaria owned by traders who had been living in Kano for decades."
    assert _chosen(sentence, "burned", [_place(sentence, "Zaria"), _place(sentence, "Kano")]) == "Zaria"


def test_an_operation_named_with_a_towns_word_is_not_a_place():
    """"Operation Olive Branch" names a campaign; the US town of that name is neither the scene nor
    the country the report is about."""
    from ceasefire.documents import Document
    from ceasefire.extract import extract_document

    text = ("Fighters of Operation Olive Branch took control of a village in the northern countryside of Aleppo "
            "after clashes with the YPG.")
    out = extract_document(Document(text=text, published=date(2018, 3, 1)))
    assert out["events"][0]["location"]["country"] == "SY"


def _read_as(text: str, town: str, country: str, **kw):
    """A toponym for ``town`` in ``text`` read as its biggest namesake in ``country`` (as a geoparser
    with no other clue would read it)."""
    from ceasefire.resolve.places.event_location.areas import _candidates
    from ceasefire.resolve.places.gazetteer import default_gazetteer

    p = max((p for p in _candidates(default_gazetteer(), town) if p.country == country), key=lambda p: p.population)
    start = text.index(town)
    return Toponym(start, start + len(town), town, name=p.name, geonames_id=p.geonames_id, lat=p.lat, lon=p.lon,
                   country=p.country, precision="exact", **kw)


@pytest.mark.parametrize("town, areas, abroad, home", [
    ("Salamanca", "Guanajuato", "ES", "MX"),
    ("Alexandria", "Virginia", "EG", "US"),
    ("Perth", "Ontario", "AU", "CA"),
])
def test_a_town_is_the_namesake_in_the_areas_written_after_it(town, areas, abroad, home):
    """"in Salamanca (Guanajuato)": coders name a town with its province; of the town's namesakes
    the one that lies in that province is meant, not the biggest one abroad."""
    from types import SimpleNamespace

    from ceasefire.resolve.places.event_location import placed_by_its_areas

    text = f"On 12 May 2022, in {town} ({areas}), teachers marched to demand the payment of their salaries."
    t = _read_as(text, town, abroad)
    loc = placed_by_its_areas(SimpleNamespace(text=text, toponyms=[t]), t.as_location(), [(0, len(text))])
    assert loc["country"] == home and loc["precision"] == "exact" and loc["geonames_id"]


def test_a_town_read_in_its_areas_keeps_its_reading():
    from types import SimpleNamespace

    from ceasefire.resolve.places.event_location import placed_by_its_areas

    text = "On 12 May 2022, in Salamanca (Guanajuato), teachers marched to demand the payment of their salaries."
    t = _read_as(text, "Salamanca", "MX")
    assert placed_by_its_areas(SimpleNamespace(text=text, toponyms=[t]), t.as_location(), [(0, len(text))]) == t.as_location()
    # a common name whose namesakes pair up with the area in several countries is left as read
    text = "On 12 May 2022, in San Lorenzo (Santa Fe), farmers marched against export taxes."
    t = _read_as(text, "San Lorenzo", "PY")
    assert placed_by_its_areas(SimpleNamespace(text=text, toponyms=[t]), t.as_location(), [(0, len(text))])["country"] == "PY"
    # a city named with the district of its own name is that city, not a namesake near it
    text = "On 9 May 2020, journalists protested outside the press club in Multan city (Multan, Punjab)."
    t = _read_as(text, "Multan", "PK")
    assert placed_by_its_areas(SimpleNamespace(text=text, toponyms=[t]), t.as_location(), [(0, len(text))]) == t.as_location()


def test_a_village_read_abroad_is_placed_at_the_district_its_note_names_first():
    """"in Pakele (Adjumani, Northern)" with the village read as a namesake in Ghana: no namesake of
    it lies in its areas, so the district town it is named with is the nearest place a coder knows."""
    from types import SimpleNamespace

    from ceasefire.resolve.places.event_location import placed_by_its_areas

    text = "On 2 May 2022, gunmen burned huts in Pakele (Adjumani, Northern) after a dispute over land."
    start = text.index("Pakele")
    t = Toponym(start, start + 6, "Pakele", name="Pakele", lat=5.28, lon=-0.75, country="GH", precision="exact")
    loc = placed_by_its_areas(SimpleNamespace(text=text, toponyms=[t]), t.as_location(), [(0, len(text))])
    assert loc["country"] == "UG" and loc["precision"] == "near" and loc["name"] == "Pakele"
    assert abs(loc["lat"] - 3.38) < 0.1 and abs(loc["lon"] - 31.79) < 0.1


def test_a_village_no_gazetteer_knows_is_placed_at_the_first_area_of_its_note():
    """The geoparser sees no place in "Ceel Dheere village (Jowhar, Middle Shabelle)"; the note
    still says where the village lies, and its district town is where a coder would put it."""
    from types import SimpleNamespace

    from ceasefire.resolve.places.event_location import place_of_named_areas

    text = "On 5 May 2022, Al Shabaab fighters attacked an army base in Ceel Dheere village (Jowhar, Middle Shabelle)."
    loc = place_of_named_areas(SimpleNamespace(text=text, toponyms=[]), [(0, len(text))])
    assert loc is not None and loc["country"] == "SO" and loc["name"] == "Ceel Dheere" and loc["precision"] == "near"
    # an acronym or a coder's tag in brackets is no area
    text = "On 5 May 2022, members of the teachers' union (SNEC) marched in Sikasso (size=no report)."
    assert place_of_named_areas(SimpleNamespace(text=text, toponyms=[]), [(0, len(text))]) is None


def test_an_event_placed_at_its_province_takes_the_town_its_areas_are_written_after():
    """"in Zinjibar city (Zinjibar, Abyan)" where the geoparser saw only Abyan: the town the
    gazetteer knows inside the areas written after it is the place, not the province's point."""
    from types import SimpleNamespace

    from ceasefire.resolve.places.event_location import place_of_named_areas

    abyan = {"name": "Abyan", "lat": 13.6, "lon": 46.2, "country": "YE", "admin1": "Abyan", "precision": "admin1"}
    text = "On 4 June 2021, traders closed their shops in Zinjibar city (Zinjibar, Abyan) to protest rising prices."
    loc = place_of_named_areas(SimpleNamespace(text=text, toponyms=[]), [(0, len(text))], abyan)
    assert loc["name"] == "Zinjibar" and loc["precision"] == "exact" and loc["country"] == "YE"
    assert abs(loc["lat"] - 13.13) < 0.05 and abs(loc["lon"] - 45.38) < 0.05
    # a town placed by its state alone: the state's town, not a town named like the state elsewhere
    california = {"name": "California", "lat": 37.25, "lon": -119.75, "country": "US", "admin1": "California",
                  "precision": "admin1"}
    text = "On 4 June 2021, 30 people held a vigil in Bolinas (California) for the victims."
    loc = place_of_named_areas(SimpleNamespace(text=text, toponyms=[]), [(0, len(text))], california)
    assert loc["name"] == "Bolinas" and loc["admin1"] == "California" and loc["precision"] == "exact"
    text = "On 4 June 2021, 30 people held a vigil in Olema (California) for the victims."
    assert place_of_named_areas(SimpleNamespace(text=text, toponyms=[]), [(0, len(text))], california) == california
    # a town the event was already placed at is left alone
    town = {"name": "Zinjibar", "lat": 13.13, "lon": 45.38, "country": "YE", "admin1": "Abyan", "precision": "exact"}
    text = "On 4 June 2021, traders closed their shops in Zinjibar city (Zinjibar, Abyan) to protest rising prices."
    assert place_of_named_areas(SimpleNamespace(text=text, toponyms=[]), [(0, len(text))], town) == town


def test_a_village_whose_district_no_gazetteer_knows_is_placed_in_its_province():
    """"in Bani Muadh village (Al Dhaher, Sadah)": neither the village nor its district is known,
    the province is, and its seat is where a coder would put the village; a province name that
    several countries share ("Eastern") says nothing."""
    from types import SimpleNamespace

    from ceasefire.resolve.places.event_location import place_of_named_areas

    text = "On 4 June 2021, Houthi forces shelled farms in Bani Muadh village (Al Dhaher, Sadah)."
    loc = place_of_named_areas(SimpleNamespace(text=text, toponyms=[]), [(0, len(text))])
    assert loc["name"] == "Bani Muadh" and loc["country"] == "YE" and loc["precision"] == "near"
    assert abs(loc["lat"] - 16.94) < 0.1 and abs(loc["lon"] - 43.76) < 0.1
    text = "On 4 June 2021, farmers protested in Periyapullumalai village (Vavunatheevu, Eastern) over fertiliser."
    assert place_of_named_areas(SimpleNamespace(text=text, toponyms=[]), [(0, len(text))]) is None


def test_a_town_read_abroad_moves_to_the_district_of_its_note():
    from datetime import date

    from ceasefire.documents import Document
    from ceasefire.extract import extract_document

    out = extract_document(Document(text="On 5 May 2022, militants burned a school in Kayes village (Pissila, Sanmatenga).",
                                    published=date(2022, 5, 9)))
    loc = out["events"][0]["location"]
    assert loc["country"] == "BF" and loc["precision"] == "near"


def test_a_village_listed_with_other_villages_lies_in_the_province_the_list_ends_with():
    """"Tell Hawash, Qalaat al-Madiq and other villages in northern Hama": the list's closing words
    ("and other villages") do not break the phrase, so a village read as a namesake in another
    province gives way to the province the list names."""
    sentence = "Rebels shelled army posts in Kafr Nabudah, Hasraya and other villages in northeast Hama."
    village = _place(sentence, "Kafr Nabudah", country="SY", admin1="Daraa")
    province = _place(sentence, "Hama", "admin1", country="SY", admin1="Hama")
    assert _chosen(sentence, "shelled", [village, _place(sentence, "Hasraya", country="SY", admin1="Hama"), province]) in ("Hasraya", "Hama")

"""Evidence that bridges what extraction got wrong for one of two reports of one incident: the
side of the war rather than the exact actor, a governorate capital standing for its governorate,
a massacre's toll, the report's own lead, a report's second count of the same dead."""

from __future__ import annotations

from datetime import date

from ceasefire.consolidate.core import ClaimRecord, _capital, camp, claim_record, group_claims
from ceasefire.consolidate.text import terms, transliteration_key

IDLIB_CITY = dict(geonames_id=169389, lat=35.93, lon=36.63, admin1="Idlib", country="SY", location_precision="exact", location_name="Idlib")
KHAN_SHAYKHUN = dict(geonames_id=168325, lat=35.44, lon=36.65, admin1="Idlib", country="SY", location_precision="exact", location_name="Khān Shaykhūn")
ALEPPO = dict(geonames_id=170063, lat=36.20, lon=37.16, admin1="Aleppo", country="SY", location_precision="near", location_name="Aleppo")
MANBIJ = dict(geonames_id=167357, lat=36.53, lon=37.95, admin1="Aleppo", country="SY", location_precision="exact", location_name="Manbij")
RAQQA = dict(geonames_id=172955, lat=35.95, lon=39.01, admin1="Raqqa", country="SY", location_precision="exact", location_name="Ar Raqqah")
AL_FOUA = dict(lat=35.97, lon=36.68, admin1="Idlib", country="SY", location_precision="exact", location_name="al-Foua")
DAMASCUS = dict(geonames_id=170654, lat=33.51, lon=36.29, admin1="Damascus", country="SY", location_precision="exact", location_name="Damascus")
RURAL_DAMASCUS = dict(lat=33.51, lon=36.29, admin1="Rif Dimashq", country="SY", location_precision="admin1", location_name="Rif Dimashq")
HOMS = dict(geonames_id=169577, lat=34.73, lon=36.71, admin1="Homs", country="SY", location_precision="exact", location_name="Ḩimş")
GOV = frozenset({"Military Forces of Syria (2000-)"})
RUSSIA = frozenset({"Military Forces of Russia (2000-)"})
COALITION = frozenset({"Global Coalition Against Daesh"})
US = frozenset({"Military Forces of the United States (2009-2017)"})

_ids = iter(range(70_000, 80_000))


def report(doc: str, day: str, text: str = "", sub: str = "Air/drone strike", etype: str = "Explosions/Remote violence",
           place=ALEPPO, killed: int | None = None, perps=GOV, ordinal: int = 0) -> ClaimRecord:
    d = date.fromisoformat(day).toordinal()
    return ClaimRecord(id=next(_ids), document_id=doc, ordinal=ordinal, event_type=etype, sub_event_type=sub, start=d, end=d,
                       date_precision="day", fatalities=killed, perpetrators=perps, published=d, terms=terms([text]), **place)


def docs_of(claims):
    return sorted(sorted({c.document_id for c in g}) for g in group_claims(claims))


def test_coalition_and_us_strike_are_one_side_as_are_syria_and_russia():
    assert camp("Global Coalition Against Daesh") == camp("Military Forces of the United States (2009-2017)")
    assert camp("Military Forces of Russia (2000-)") == camp("Military Forces of Syria (2000-)") == camp("Allied Syrian and/or Russian Forces")
    assert camp("Opposition Rebels (Syria)") != camp("Military Forces of Syria (2000-)")


def test_coalition_strike_and_us_strike_on_raqqa_the_next_day_are_one_incident():
    # "US-led coalition raids on Raqqa" (the monitor) and "US strikes" (a day later, another outlet).
    monitor = report("sohr", "2015-07-04", "coalition raids on Raqqa, the jihadists' stronghold, 22 dead", place=RAQQA, killed=22, perps=COALITION)
    other = report("ahram", "2015-07-05", "American raids pound the jihadists' stronghold Raqqa, 20 dead", place=RAQQA, killed=20, perps=US)
    assert docs_of([monitor, other]) == [["ahram", "sohr"]]


def test_unidentified_gunmen_say_nothing_about_who_attacked():
    row = {"id": 1, "document_id": "d", "ordinal": 0, "event_type": "Violence against civilians", "sub_event_type": "Attack",
           "date_start": date(2016, 5, 1), "date_end": date(2016, 5, 1)}
    payload = {"actors": [{"name": "Unidentified Armed Group (Syria)", "role": "perpetrator"}, {"name": "Civilians (Syria)", "role": "target"}]}
    assert claim_record(row, payload, date(2016, 5, 1)).perpetrators == frozenset()


def test_governorate_capitals_are_known_under_geonames_spellings():
    assert _capital(report("a", "2016-01-01", place=RAQQA))
    assert _capital(report("a", "2016-01-01", place=HOMS))
    assert _capital(report("a", "2016-01-01", place=dict(RAQQA, location_name="Dayr az Zawr", admin1="Deir ez-Zor")))
    assert _capital(report("a", "2016-01-01", place=dict(ALEPPO, location_name="Aleppo old city")))
    assert not _capital(report("a", "2016-01-01", place=MANBIJ))


def test_idlib_standing_for_its_governorate_meets_the_town_another_outlet_names():
    # "a suspected gas attack in Syria's Idlib" read as the city; the monitor names Khan Sheikhoun, 55 km south.
    lead = report("asharq", "2017-04-04", "Suspected gas attack in Syria's Idlib, 58 killed", sub="Chemical weapon", place=IDLIB_CITY, killed=58)
    town = report("araby", "2017-04-04", "toxic gas attack on Khan Sheikhun kills 72", sub="Chemical weapon", place=KHAN_SHAYKHUN, killed=72)
    assert docs_of([lead, town]) == [["araby", "asharq"]]


def test_an_attack_on_the_damascus_suburbs_told_as_damascus_meets_the_report_of_rural_damascus():
    # One outlet: "a chemical attack on Damascus"; another: "rockets with poison gas hit rural Damascus".
    capital = report("wire", "2013-08-21", "chemical attack near Damascus, 1,300 dead, opposition says", sub="Chemical weapon", place=DAMASCUS, killed=1300)
    suburbs = report("agency", "2013-08-21", "poison gas rockets on rural Damascus kill hundreds", sub="Chemical weapon", place=RURAL_DAMASCUS, killed=494)
    assert docs_of([capital, suburbs]) == [["agency", "wire"]]


def test_a_town_and_another_governorates_capital_stay_apart():
    town = report("a", "2017-04-04", "strike on Khan Sheikhun market", place=KHAN_SHAYKHUN, killed=5)
    city = report("b", "2017-04-04", "strike on Aleppo bakery", place=ALEPPO, killed=5)
    assert len(group_claims([town, city])) == 2


def test_bus_bombing_placed_in_two_governorates_is_one_massacre():
    # The evacuees' buses from al-Foua were bombed at Rashidin, west of Aleppo: one outlet places the
    # blast at the evacuees' town (Idlib), another at Aleppo; tolls 126 and 112.
    aleppo = report("sana", "2017-04-15", "car bomb hits buses of evacuees from Foua and Kefraya at Rashidin, 126 killed",
                    sub="Remote explosive/landmine/IED", place=ALEPPO, killed=126)
    foua = report("alalam", "2017-04-15", "blast at Rashidin targets evacuees of besieged Foua and Kefraya, 112 dead",
                  sub="Remote explosive/landmine/IED", place=AL_FOUA, killed=112)
    assert docs_of([aleppo, foua]) == [["alalam", "sana"]]


def test_two_massacres_on_one_day_in_two_governorates_with_nothing_in_common_stay_apart():
    aleppo = report("a", "2016-04-28", "warplanes hit al-Quds hospital in Sukkari, 50 dead", place=ALEPPO, killed=50)
    homs = report("b", "2016-04-28", "jets pound Talbiseh market, 45 dead", place=HOMS, killed=45)
    assert len(group_claims([aleppo, homs])) == 2


def test_small_tolls_in_two_governorates_do_not_bridge_like_a_massacre():
    aleppo = report("a", "2016-04-28", "warplanes struck Sukkari market, 6 dead", place=ALEPPO, killed=6)
    idlib = report("b", "2016-04-28", "warplanes struck Sukkari market, 6 dead", place=IDLIB_CITY, killed=6)
    assert len(group_claims([aleppo, idlib])) == 2


def test_a_reports_second_close_count_of_the_dead_is_the_same_strike():
    # "eight civilians among the dead" in the body, "ten killed" in the lead: one strike, one event.
    lead = report("doc", "2015-07-04", "coalition raids on the Mashlab district killed ten", place=RAQQA, killed=10, perps=COALITION, ordinal=0)
    body = report("doc", "2015-07-04", "the raids on Mashlab killed eight civilians", place=RAQQA, killed=8, perps=COALITION, ordinal=1)
    other = report("sohr", "2015-07-04", "raids on Mashlab killed 12", place=RAQQA, killed=12, perps=COALITION)
    assert len(group_claims([lead, body, other])) == 1


def test_a_reports_count_far_from_its_other_count_is_another_strike():
    lead = report("doc", "2015-07-04", "coalition raids on the Mashlab district killed ten", place=RAQQA, killed=10, perps=COALITION, ordinal=0)
    body = report("doc", "2015-07-04", "raids on Mashlab killed 40 on Saturday", place=RAQQA, killed=40, perps=COALITION, ordinal=1)
    assert len(group_claims([lead, body])) == 2


def test_the_main_claims_words_include_the_reports_lead():
    row = {"id": 1, "document_id": "d", "ordinal": 0, "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
           "date_start": date(2017, 4, 8), "date_end": date(2017, 4, 8), "title": "Strike kills 15 near Raqqa",
           "lead": "A strike on Heneyda, west of Raqqa, left at least 15 civilians dead, the monitor said."}
    payload = {"evidence": [{"start": 0, "end": 10, "text": "A strike near Raqqa left at least 15 civilians dead."}]}
    main = claim_record(row, payload, date(2017, 4, 8))
    second = claim_record({**row, "id": 2, "ordinal": 1}, payload, date(2017, 4, 8))
    assert transliteration_key("Hanida") in main.terms  # Heneyda and Hanida meet under one key
    assert transliteration_key("Hanida") not in second.terms  # the lead tells the main incident only


def test_a_village_the_gazetteer_lacks_spelled_two_ways_at_two_rough_points_is_one_place():
    # "al-Tukhar" and "Tokhar", north of Manbij, placed near two different towns 45 km apart.
    tokhar = dict(lat=36.53, lon=37.95, admin1="Aleppo", country="SY", location_precision="near", location_name="Tokhar")
    tukhar = dict(lat=36.25, lon=37.50, admin1="Aleppo", country="SY", location_precision="near", location_name="al-Tukhar")
    afp = report("afp", "2016-07-19", "coalition strikes on Tokhar kill 56 civilians", place=tukhar, killed=56, perps=COALITION)
    trt = report("trt", "2016-07-19", "US-led strikes hit al-Tukhar, 73 dead", place=tokhar, killed=73, perps=US)
    assert docs_of([afp, trt]) == [["afp", "trt"]]
    other = report("sana", "2016-07-19", "coalition strikes on Hazawiya kill 56 civilians", killed=56, perps=COALITION,
                   place=dict(tokhar, location_name="Hazawiya"))
    assert len(group_claims([afp, other])) == 2


def test_clashes_and_shelling_of_one_front_in_aleppo_are_one_battle():
    # ACLED codes the shelling of a fight as the battle: "clashes in Aleppo" (monitor) and "rebel
    # shelling of Aleppo's western districts" (state media) on one day.
    both = GOV | frozenset({"Opposition Rebels (Syria)"})
    clash = report("sohr", "2016-10-07", sub="Armed clash", etype="Battles", place=dict(ALEPPO, location_precision="exact"), killed=11, perps=both)
    shelling = report("sana", "2016-10-07", sub="Shelling/artillery/missile attack", place=dict(ALEPPO, location_precision="exact"),
                      perps=frozenset({"Opposition Rebels (Syria)"}))
    assert docs_of([clash, shelling]) == [["sana", "sohr"]]
    execution = report("sana", "2016-10-07", sub="Attack", etype="Violence against civilians", place=dict(ALEPPO, location_precision="exact"),
                       perps=frozenset({"Opposition Rebels (Syria)"}))
    assert len(group_claims([clash, execution])) == 2


def test_headline_and_lead_telling_one_toll_in_the_same_words_are_one_bombing_whatever_their_places():
    # The headline's claim was placed at Azaz, the lead's in Idlib governorate: one blast, one toll.
    azaz = dict(lat=36.59, lon=37.05, admin1="Aleppo", country="SY", location_precision="exact", location_name="Azaz")
    idlib = dict(lat=35.75, lon=36.60, admin1="Idlib", country="SY", location_precision="admin1", location_name="Idlib")
    words = "suicide bomber blew himself up among rebels at the Atmeh crossing, more than 30 killed, Telegram"
    headline = report("doc", "2016-08-15", words, sub="Suicide bomb", place=azaz, killed=30, perps=frozenset({"Islamic State (Syria)"}))
    lead = report("doc", "2016-08-15", words, sub="Suicide bomb", place=idlib, killed=30, perps=frozenset({"Islamic State (Syria)"}), ordinal=1)
    assert len(group_claims([headline, lead])) == 1
    other = report("doc", "2016-08-15", words, sub="Suicide bomb", place=idlib, killed=12, perps=frozenset({"Islamic State (Syria)"}), ordinal=1)
    assert len(group_claims([headline, other])) == 2

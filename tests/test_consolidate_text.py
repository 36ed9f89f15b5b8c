"""Consolidation's text signal and its tolerances: what two reports of one incident share although
their extraction disagrees (the governorate, the day, the sub-event type), and what keeps two
incidents at one place apart."""

from __future__ import annotations

import dataclasses
from datetime import date

from ceasefire.consolidate.core import ClaimRecord, Consolidator, claim_record, group_claims
from ceasefire.consolidate.text import similarity, terms, transliteration_key

IDLIB_CITY = dict(geonames_id=169389, lat=35.93, lon=36.63, admin1="Idlib", country="SY", location_precision="exact", location_name="Idlib")
HAMA_PROVINCE = dict(lat=35.13, lon=36.75, admin1="Hama", country="SY", location_precision="admin1", location_name="Hama")
QAMISHLI = dict(geonames_id=173576, lat=37.05, lon=41.23, admin1="Al-Hasakah", country="SY", location_precision="exact", location_name="Al Qamishli")
ALEPPO = dict(geonames_id=170063, lat=36.20, lon=37.16, admin1="Aleppo", country="SY", location_precision="exact", location_name="Aleppo")
GOV = frozenset({"Military Forces of Syria (2000-)"})

_ids = iter(range(50_000, 60_000))


def report(doc: str, day: str, text: str, sub: str = "Chemical weapon", etype: str = "Explosions/Remote violence", place=IDLIB_CITY,
           killed: int | None = None, perps=GOV, end: str | None = None, precision: str = "day", ordinal: int = 0) -> ClaimRecord:
    d = date.fromisoformat(day).toordinal()
    e = date.fromisoformat(end).toordinal() if end else d
    return ClaimRecord(id=next(_ids), document_id=doc, ordinal=ordinal, event_type=etype, sub_event_type=sub, start=d, end=e,
                       date_precision=precision, fatalities=killed, perpetrators=perps, published=e, terms=terms([text]), **place)


def docs_of(claims):
    return sorted(sorted({c.document_id for c in g}) for g in group_claims(claims))


def test_spellings_of_one_arabic_name_share_a_key():
    assert transliteration_key("Shaykhun") == transliteration_key("Sheikhoun") == transliteration_key("Sheikhun")
    assert transliteration_key("Rashidin") == transliteration_key("Rashideen")
    assert transliteration_key("al-Tukhar") == transliteration_key("Tokhar")
    assert transliteration_key("Qamishli") == transliteration_key("Kamishli")


def test_short_names_keep_their_vowels_so_their_spellings_meet_but_not_every_short_word():
    # Quriyah's consonants are only "kr": too short a key to count, so its vowels stay, one mark a run.
    assert terms(["the town of Al-Quriyah"]) & terms(["air strikes in al-Quria"])
    assert terms(["in Qouriyeh, Deir Ezzor"]) & terms(["the town of Quriyah"])
    assert not terms(["in Quriyah"]) & terms(["in Kuwait"])
    assert terms(["the Mallah farms"]) == terms(["the Malah farms"])  # a doubled letter is one
    # Lower-case short words are English, not names; "road" is every supply route's word.
    assert terms(["they held the hill"]) == frozenset()
    assert terms(["on the Castello Road"]) == terms(["the Castello road"]) == {transliteration_key("Castello")}


def test_words_every_conflict_report_uses_are_not_terms():
    t = terms(["At least 58 people were killed on Tuesday in a suspected chemical attack on Khan Sheikhoun, "
               "the Syrian Observatory for Human Rights said, in 2017."])
    assert {"#58", transliteration_key("Sheikhoun"), transliteration_key("chemical")} <= t
    assert not t & {transliteration_key(w) for w in ("killed", "Tuesday", "Syrian", "Observatory", "said", "people")}
    assert "#2017" not in t


def test_report_placing_the_gas_attack_in_the_wrong_governorate_joins_when_village_weapon_and_toll_agree():
    first = report("asharq", "2017-04-04", "58 killed in suspected sarin gas attack on Khan Sheikhoun, nerve agent, 11 children", killed=58)
    other = report("wire", "2017-04-04", "Khan Shaykhun: sarin nerve agent attack kills 58 including 11 children",
                   place=HAMA_PROVINCE, killed=72)
    assert docs_of([first, other]) == [["asharq", "wire"]]


def test_reports_in_two_governorates_sharing_only_common_words_stay_apart():
    idlib = report("a", "2017-04-04", "air strikes hit the market of Maarat al-Numan", sub="Air/drone strike", killed=12)
    hama = report("b", "2017-04-04", "air strikes hit Kafr Zita hospital", sub="Air/drone strike", place=HAMA_PROVINCE, killed=12)
    assert len(group_claims([idlib, hama])) == 2


def test_follow_up_two_days_later_naming_the_village_and_weapon_joins_the_attack():
    attack = report("first", "2017-04-04", "sarin attack on Khan Sheikhoun kills 58, nerve agent, Rai hospital", killed=58)
    follow_up = report("unicef", "2017-04-06", "Khan Shaykhun sarin attack: 27 children among the dead at Rai hospital, nerve agent")
    assert docs_of([attack, follow_up]) == [["first", "unicef"]]


def test_strike_two_days_later_on_the_same_city_without_shared_words_is_another_incident():
    a = report("a", "2017-04-04", "air strikes on the Bustan al-Qasr market", sub="Air/drone strike", place=ALEPPO, killed=10)
    b = report("b", "2017-04-06", "air strikes on a bakery in Sakhour", sub="Air/drone strike", place=ALEPPO, killed=10)
    assert len(group_claims([a, b])) == 2


def test_car_bomb_called_suicide_by_one_outlet_and_a_blast_by_another_is_one_incident():
    suicide = report("trt", "2016-07-27", "suicide truck bomb near the Kurdish security headquarters in Qamishli", sub="Suicide bomb",
                     place=QAMISHLI, killed=44, perps=frozenset())
    blast = report("sana", "2016-07-27", "explosive-laden truck detonated in Qamishli, Kurdish security headquarters",
                   sub="Remote explosive/landmine/IED", place=QAMISHLI, killed=48, perps=frozenset())
    assert docs_of([suicide, blast]) == [["sana", "trt"]]


def test_report_dated_to_last_week_joins_the_day_inside_its_window():
    day = report("ahram", "2015-02-22", "suicide bomber driving an ambulance hit the national hospital in Qardaha", sub="Suicide bomb",
                 place=ALEPPO, killed=4, perps=frozenset())
    week = report("nna", "2015-02-16", "the hospital blast in Qardaha last week, ambulance", sub="Suicide bomb", place=ALEPPO,
                  end="2015-02-22", precision="week", perps=frozenset())
    groups = group_claims([day, week])
    assert [sorted(c.document_id for c in g) for g in groups] == [["ahram", "nna"]]
    cons = Consolidator()
    for c in sorted([day, week], key=lambda c: c.key):
        cons.add(c)
    (event,) = cons.events
    assert (event.start, event.end) == (day.start, day.end)  # the window does not widen the day


def test_one_report_calling_one_fight_a_clash_and_a_strike_in_one_town_is_one_incident():
    strike = report("doc", "2016-07-27", "coalition raid on Qamishli", sub="Air/drone strike", place=QAMISHLI, killed=22)
    clash = report("doc", "2016-07-27", "clashes in Qamishli", sub="Armed clash", etype="Battles", place=QAMISHLI, ordinal=1)
    assert len(group_claims([strike, clash])) == 1


def test_two_strikes_in_one_city_on_one_day_each_told_twice_stay_two_events():
    # A busy day in Aleppo: each pair of reports names its own district and a toll far from the other's.
    districts = [("Sakhour", 12), ("Kallaseh", 55)]
    claims = []
    for name, killed in districts:
        for outlet in ("afp", "sohr"):
            claims.append(report(f"{outlet}-{name}", "2016-09-24", f"warplanes struck {name}, {killed} dead",
                                 sub="Air/drone strike", place=ALEPPO, killed=killed))
    groups = docs_of(claims)
    assert groups == sorted(sorted([f"afp-{n}", f"sohr-{n}"]) for n, _ in districts)


def test_claim_terms_come_from_evidence_and_the_main_claims_headline():
    row = {"id": 1, "document_id": "d", "ordinal": 0, "event_type": "Explosions/Remote violence", "sub_event_type": "Suicide bomb",
           "date_start": date(2017, 10, 2), "date_end": date(2017, 10, 2), "title": "Suicide bombers hit Midan police station"}
    payload = {"evidence": [{"start": 0, "end": 10, "text": "Two suicide bombers blew themselves up at the police station in Midan."}]}
    main = claim_record(row, payload, date(2017, 10, 2))
    second = claim_record({**row, "id": 2, "ordinal": 1, "title": "Suicide bombers hit Midan police station"},
                          {"evidence": [{"start": 0, "end": 5, "text": "Rockets fell on Jaramana."}]}, date(2017, 10, 2))
    assert transliteration_key("Midan") in main.terms
    assert transliteration_key("Midan") not in second.terms  # the headline tells the main incident only
    assert similarity(main.terms, second.terms) == 0.0
    assert dataclasses.replace(main, terms=frozenset()).terms == frozenset()


def test_follow_up_joining_an_event_that_already_spans_four_days_is_scored():
    # Strong agreement relaxes the span (up to five days) also for reports a day or less apart.
    a = report("a", "2017-04-04", "sarin attack on Khan Sheikhoun, nerve agent, Rai hospital, 58 dead", killed=58)
    b = report("b", "2017-04-06", "Khan Shaykhun sarin nerve agent victims at Rai hospital, 58 killed", killed=58)
    c = report("c", "2017-04-02", "Khan Sheikhoun sarin nerve agent, Rai hospital, 58 victims", killed=58,
               end="2017-04-03")
    cons = Consolidator()
    for r in (a, b, c):  # the event spans 4-6 April when the report of 2-3 April arrives
        cons.add(r)
    assert [sorted(m.document_id for m in e.claims) for e in cons.events] == [["a", "b", "c"]]


KEFRAYA = dict(lat=35.95, lon=36.70, admin1="Idlib", country="SY", location_precision="exact", location_name="Kefraya")
RASHIDEEN = dict(lat=36.175, lon=37.07, admin1="Aleppo", country="SY", location_precision="exact", location_name="al-Rashideen")


def test_report_placing_its_main_sentence_at_the_victims_home_town_stays_with_its_own_other_sentence():
    # A wire story's body puts the blast at Aleppo (no count); its lead gives the toll and is placed
    # at Kefraya, where the evacuees came from. Another outlet names the same buses and transit point.
    bomb = dict(sub="Suicide bomb", etype="Explosions/Remote violence")
    afp = report("afp", "2017-04-15", "A suicide car bomb hit buses carrying evacuees from Foua and Kefraya waiting at "
                 "the Rashideen transit point west of Aleppo, killing 43.", place=RASHIDEEN, killed=43, perps=frozenset(), **bomb)
    body = report("wire", "2017-04-15", "The explosion hit the buses of evacuees from Kefraya waiting at the Rashideen "
                  "transit point.", place=ALEPPO, sub="Remote explosive/landmine/IED", perps=frozenset(), ordinal=1)
    lead = report("wire", "2017-04-16", "The toll of the bombing of the buses carrying Foua and Kefraya evacuees at the "
                  "Rashideen transit point rose to 112.", place=KEFRAYA, killed=112, perps=frozenset(), **bomb)
    assert docs_of([afp, body, lead]) == [["afp", "wire"]]
    # Without another outlet's report naming the same things, the report's two places stay two events.
    assert len(group_claims([body, lead])) == 2


RAQQA_CITY = dict(geonames_id=172955, lat=35.95, lon=39.01, admin1="Raqqa", country="SY", location_precision="exact", location_name="Ar Raqqah")


def test_two_wordy_reports_of_strikes_in_one_city_with_no_rare_word_in_common_are_two_strikes():
    coalition, us = frozenset({"Global Coalition Against Daesh"}), frozenset({"Military Forces of the United States (2017-2021)"})
    wells = report("a", "2017-10-03", "Coalition warplanes struck families gathered at water wells in the Saif al-Dawla "
                   "quarter while they queued to fill jerrycans, 18 dead, medics and volunteers said.",
                   sub="Air/drone strike", place=RAQQA_CITY, killed=18, perps=coalition)
    district = report("b", "2017-10-03", "American jets bombarded the Touseeiyah neighbourhood, flattening apartment blocks "
                      "where displaced households sheltered in basements; 45 bodies recovered by rescuers.",
                      sub="Air/drone strike", place=RAQQA_CITY, killed=45, perps=us)
    assert len(wells.terms) >= 8 and len(district.terms) >= 8 and not wells.terms & district.terms
    assert len(group_claims([wells, district])) == 2
    # A short report, few words to compare: its silence is no sign of another strike.
    brief = report("c", "2017-10-03", "US strikes on Raqqa, 45 dead.", sub="Air/drone strike", place=RAQQA_CITY, killed=45, perps=us)
    assert len(group_claims([wells, brief])) == 1



HOMS_CITY = dict(geonames_id=169577, lat=34.73, lon=36.72, admin1="Homs", country="SY", location_precision="exact", location_name="Homs")


def test_two_wordy_reports_in_one_city_sharing_only_a_number_are_two_incidents():
    # The 14 dead of one report and the 14 wounded of the other: a number is no name they share.
    barrels = report("a", "2016-05-12", "Government helicopters dropped barrel bombs on the Waer district, collapsing a "
                     "bakery and a clinic; 14 residents died, rescuers reported.",
                     sub="Shelling/artillery/missile attack", place=HOMS_CITY, killed=14)
    mortars = report("b", "2016-05-12", "Mortar rounds fired by insurgents landed on the Akrama quarter beside a girls "
                     "school, killing nine pupils; 14 others were taken to the Zahraa hospital.",
                     sub="Shelling/artillery/missile attack", place=HOMS_CITY, killed=9, perps=frozenset())
    assert len(barrels.terms) >= 8 and len(mortars.terms) >= 8 and barrels.terms & mortars.terms == {"#14"}
    assert docs_of([barrels, mortars]) == [["a"], ["b"]]
    # One name in common (the district) and the two are compared as reports of one shelling.
    waer = dataclasses.replace(mortars, terms=mortars.terms | terms(["near the Waer district"]))
    assert docs_of([barrels, waer]) == [["a", "b"]]


HEADLINE = ("Twenty-three fighters die as the assault on the Ramouseh artillery college collapses under heavy "
            "bombardment, with Jaish al-Fatah commanders among the 23 dead")
BODY = "At least 23 fighters were killed in overnight clashes, a monitor said on Sunday."
OTHER_FRONT = ("Army units repelled an attack on the Sheikh Maqsoud quarter and the Khalidiya roundabout, destroying "
               "two tanks and a bulldozer near the Jandoul crossing, 24 gunmen killed.")


def test_body_sentence_takes_its_headlines_words_so_another_fight_in_the_city_that_day_stays_apart():
    from ceasefire.consolidate.core import share_report_words

    headline = report("monitor-wire", "2016-08-14", HEADLINE, sub="Armed clash", etype="Battles", place=ALEPPO, killed=23)
    body = report("monitor-wire", "2016-08-13", BODY, sub="Armed clash", etype="Battles", place=ALEPPO, killed=23, end="2016-08-14", ordinal=1)
    other = report("state-agency", "2016-08-13", OTHER_FRONT, sub="Armed clash", etype="Battles", place=ALEPPO, killed=24)
    # Alone, the body names only the toll: one city, one day, one type and close tolls would merge it
    # with the other front's battle.
    assert ["monitor-wire", "state-agency"] in docs_of([headline, body, other])
    share_report_words([headline, body])
    assert body.terms == headline.terms and "#23" in body.terms
    # With its headline's words (the college, the assault) it shares none with the other report.
    assert docs_of([headline, body, other]) == [["monitor-wire"], ["state-agency"]]


def test_claims_of_one_report_keep_their_own_words_when_they_tell_two_incidents():
    from ceasefire.consolidate.core import share_report_words

    aleppo = report("roundup", "2016-08-13", HEADLINE, sub="Armed clash", etype="Battles", place=ALEPPO, killed=23)
    idlib = report("roundup", "2016-08-13", OTHER_FRONT, sub="Armed clash", etype="Battles", place=IDLIB_CITY, killed=23, ordinal=1)
    later = report("roundup", "2016-08-16", BODY, sub="Armed clash", etype="Battles", place=ALEPPO, killed=23, ordinal=2)
    before = (aleppo.terms, idlib.terms, later.terms)
    share_report_words([aleppo, idlib, later])  # another place; the same place three days on
    assert (aleppo.terms, idlib.terms, later.terms) == before


def test_one_side_taking_the_hills_and_the_other_repelled_is_one_battle():
    # ACLED's battle types differ only in whether ground changed hands, which is what the two
    # sides' outlets disagree on: one says the army took the hills, the other that a push failed.
    took = report("loyalist-tv", "2016-08-02", "Army units took the Ramouseh hills overlooking the Bustan al-Basha supply line; "
                  "31 insurgents died.", sub="Government regains territory", etype="Battles", place=ALEPPO, killed=31)
    repelled = report("monitor-wire", "2016-08-04", "Thirty-one insurgents were killed as their push to retake the Ramouseh hills "
                      "and reopen the Bustan al-Basha supply line failed, the monitor said, 31 dead.", sub="Armed clash",
                      etype="Battles", place=ALEPPO, killed=31)
    assert docs_of([took, repelled]) == [["loyalist-tv", "monitor-wire"]]
    # Two days apart with no word in common, a clash is another fight in the city.
    elsewhere = report("state-agency", "2016-08-04", OTHER_FRONT, sub="Armed clash", etype="Battles", place=ALEPPO, killed=30)
    assert docs_of([took, elsewhere]) == [["loyalist-tv"], ["state-agency"]]


def test_strikes_on_a_city_day_after_day_do_not_chain_into_one_event():
    # Three outlets tell Monday's bakery strike; a raid near the bakery on Tuesday joins it (a day
    # later, some words shared); Wednesday's strike on the clinic Tuesday's report also named is a
    # day after Tuesday but two after the day the event's reports give: another incident.
    bakery = [report(f"outlet-{i}", "2016-09-19", f"Barrel bombs hit the bread queue outside the Sukkari bakery, {n} killed.",
                     sub="Air/drone strike", place=ALEPPO, killed=n) for i, n in enumerate((9, 9, 10))]
    tuesday = report("outlet-3", "2016-09-20", "A second raid hit near the Sukkari bakery and the Zebdiyeh clinic, 9 dead.",
                     sub="Air/drone strike", place=ALEPPO, killed=9)
    wednesday = report("outlet-4", "2016-09-21", "Warplanes struck the Zebdiyeh clinic and the Kalaseh school, 8 killed.",
                       sub="Air/drone strike", place=ALEPPO, killed=8)
    assert docs_of(bakery + [tuesday, wednesday]) == [["outlet-0", "outlet-1", "outlet-2", "outlet-3"], ["outlet-4"]]

"""The consolidation core on hand-built claims: which reports tell the same incident."""

from __future__ import annotations

from datetime import date

from ceasefire.consolidate.core import (
    ClaimRecord,
    Report,
    fatality_range,
    group_claims,
    independent_sources,
)
from ceasefire.consolidate.outlets import load_registry, registry
from ceasefire.consolidate.republication import signature
from ceasefire.consolidate.text import terms

ALEPPO = dict(geonames_id=170063, lat=36.20, lon=37.16, admin1="Aleppo", country="SY", location_precision="exact", location_name="Aleppo")
BUSTAN = dict(geonames_id=9000001, lat=36.19, lon=37.15, admin1="Aleppo", country="SY", location_precision="exact", location_name="Bustan al-Qasr")
DOUMA = dict(geonames_id=170654, lat=33.57, lon=36.40, admin1="Rif Dimashq", country="SY", location_precision="exact", location_name="Douma")
ALEPPO_PROVINCE = dict(lat=36.2, lon=37.16, admin1="Aleppo", country="SY", location_precision="admin1", location_name="Aleppo Governorate")
GOV = frozenset({"Military Forces of Syria (2000-)"})
REBELS = frozenset({"Opposition Rebels (Syria)"})

_ids = iter(range(1, 10_000))


def claim(doc: str, day: str, sub: str = "Air/drone strike", etype: str = "Explosions/Remote violence", place=BUSTAN,
          killed: int | None = None, perps=GOV, ordinal: int = 0, end: str | None = None, aggregate: bool = False, precision="day") -> ClaimRecord:
    d = date.fromisoformat(day).toordinal()
    e = date.fromisoformat(end).toordinal() if end else d
    return ClaimRecord(id=next(_ids), document_id=doc, ordinal=ordinal, event_type=etype, sub_event_type=sub, start=d, end=e,
                       date_precision=precision, fatalities=killed, aggregate=aggregate, perpetrators=perps, published=d, **(place or {}))


def groups_of(claims: list[ClaimRecord]) -> list[set[str]]:
    """The grouping as sets of document ids (claims of tests have one claim per document unless said)."""
    return sorted((sorted({c.document_id for c in g}) for g in group_claims(claims)), key=lambda g: g[0])


def test_two_outlets_telling_the_same_aleppo_strike_are_one_event():
    reuters = claim("euronews", "2016-04-30", killed=5)
    afp = claim("afp", "2016-04-30", killed=6)
    assert groups_of([reuters, afp]) == [["afp", "euronews"]]


def test_report_published_after_midnight_saying_yesterday_still_joins():
    first = claim("reuters", "2016-04-30", killed=5)
    late = claim("sana", "2016-05-01", killed=5)
    assert groups_of([first, late]) == [["reuters", "sana"]]


def test_same_neighbourhood_two_days_apart_is_two_incidents():
    a = claim("a", "2016-04-28", killed=5)
    b = claim("b", "2016-04-30", killed=5)
    assert len(group_claims([a, b])) == 2


def test_same_day_other_governorate_is_another_incident():
    aleppo = claim("a", "2016-04-30", killed=5)
    douma = claim("b", "2016-04-30", killed=5, place=DOUMA)
    assert len(group_claims([aleppo, douma])) == 2


def test_rebel_shelling_and_government_air_strike_in_one_city_on_one_day_stay_apart():
    strike = claim("a", "2016-08-25", place=ALEPPO, killed=15)
    shelling = claim("b", "2016-08-25", sub="Shelling/artillery/missile attack", place=ALEPPO, killed=6, perps=REBELS)
    assert len(group_claims([strike, shelling])) == 2


def test_a_truce_and_an_air_strike_never_merge():
    strike = claim("a", "2016-04-30", place=ALEPPO)
    truce = claim("b", "2016-04-30", sub="Agreement", etype="Strategic developments", place=ALEPPO, perps=frozenset())
    assert len(group_claims([strike, truce])) == 2


def test_nine_day_tally_is_an_aggregate_and_never_joins_the_incident():
    incident = claim("euronews", "2016-04-30", killed=5, place=ALEPPO)
    tally = claim("euronews", "2016-04-22", end="2016-04-30", killed=250, place=ALEPPO_PROVINCE, aggregate=True, precision="week", ordinal=1)
    other_tally = claim("afp", "2016-04-22", end="2016-04-30", killed=250, place=ALEPPO_PROVINCE, aggregate=True, precision="week")
    incident_afp = claim("afp", "2016-04-30", killed=6, place=ALEPPO, ordinal=1)
    groups = group_claims([incident, tally, other_tally, incident_afp])
    assert len(groups) == 2
    for g in groups:
        assert len({c.aggregate for c in g}) == 1  # tallies only with tallies
    tallies = next(g for g in groups if g[0].aggregate)
    assert {c.document_id for c in tallies} == {"euronews", "afp"}


def test_two_strikes_in_one_report_stay_two_events():
    one = claim("doc", "2016-06-05", place=BUSTAN, killed=11, ordinal=0)
    two = claim("doc", "2016-06-05", place=ALEPPO, killed=7, ordinal=1)
    assert len(group_claims([one, two])) == 2


def test_report_counting_the_bomber_apart_joins_the_toll_other_outlets_give():
    """The lead counts the bomber (1), the body the four dead AFP reports: one bombing."""
    bomb = {"sub": "Suicide bomb", "etype": "Explosions/Remote violence", "place": BUSTAN}
    afp = claim("afp", "2015-02-22", killed=4, **bomb)
    lead = claim("ahram", "2015-02-22", killed=1, ordinal=0, **bomb)
    body = claim("ahram", "2015-02-22", killed=4, ordinal=1, **bomb)
    assert groups_of([afp, lead, body]) == [["afp", "ahram"]]
    assert len(group_claims([afp, lead, body])) == 1


def test_one_report_with_two_tolls_at_one_place_alone_stays_two_events():
    bomb = {"sub": "Suicide bomb", "etype": "Explosions/Remote violence", "place": BUSTAN}
    first = claim("ahram", "2015-02-22", killed=1, ordinal=0, **bomb)
    second = claim("ahram", "2015-02-22", killed=4, ordinal=1, **bomb)
    assert len(group_claims([first, second])) == 2


def test_headline_and_body_telling_one_strike_are_one_event():
    headline = claim("doc", "2016-06-05", place=BUSTAN, killed=None, ordinal=0)
    body = claim("doc", "2016-06-05", place=BUSTAN, killed=11, ordinal=1)
    assert len(group_claims([headline, body])) == 1


def test_governorate_only_report_joins_the_located_incident():
    located = claim("a", "2016-04-30", killed=5)
    vague = claim("b", "2016-04-30", killed=5, place=ALEPPO_PROVINCE)
    assert groups_of([located, vague]) == [["a", "b"]]


def test_grouping_does_not_depend_on_input_order():
    claims = [claim(f"d{i}", f"2016-04-{28 + i % 3:02d}", killed=3 + i % 4) for i in range(9)]
    assert groups_of(claims) == groups_of(list(reversed(claims)))


def test_fatality_range_is_most_conservative_best_with_min_and_max():
    figures = [
        {"best": 5, "low": 5, "high": None, "qualifier": "at_least"},
        {"best": 6, "low": None, "high": None, "qualifier": "exact"},
        {"best": None, "low": None, "high": 12, "qualifier": "up_to"},
        None,
    ]
    assert fatality_range(figures) == {"best": 5, "low": 5, "high": 12}


def test_monitor_relayed_by_two_agencies_is_one_independent_source():
    reg = registry()
    reports = [
        Report(1, "doc-reuters", outlet="Euronews", agency="Reuters", attribution=["Syrian Observatory for Human Rights"]),
        Report(2, "doc-afp", outlet="AFP", attribution=["SOHR"]),
    ]
    sources = independent_sources(reports, reg)
    assert [s["key"] for s in sources] == ["sohr"]
    assert sources[0]["affiliation"] == "monitor"
    assert set(sources[0]["outlets"]) == {"Reuters", "Agence France-Presse"}


def test_wire_story_republished_by_five_outlets_counts_once():
    reg = registry()
    text = "Air strikes on rebel-held districts of Aleppo killed six people on Saturday, residents told Reuters, as the bombardment entered its ninth day."
    fp = signature(text)
    reports = [Report(i, f"doc{i}", outlet=o, agency="Reuters", fingerprint=fp) for i, o in enumerate(["Ahram Online", "Daily Sabah", "Jordan Times", "Asharq Al-Awsat", "NNA"])]
    assert len(independent_sources(reports, reg)) == 1


def test_near_identical_texts_without_credit_are_one_channel():
    reg = registry()
    text = "Seven civilians died and scores were hurt when a car bomb went off in the central Syrian city of Homs on Tuesday, state television said."
    reports = [Report(1, "a", outlet="Asharq Al-Awsat", fingerprint=signature(text)),
               Report(2, "b", outlet="Al-Manar", fingerprint=signature(text + " More follows."))]
    assert len(independent_sources(reports, reg)) == 1
    other = Report(3, "c", outlet="SANA", fingerprint=signature("A terrorist car bomb in al-Zahraa killed seven, SANA's reporter said."))
    assert len(independent_sources(reports + [other], reg)) == 2


def test_outlet_registry_knows_fakes_keys_and_affiliations():
    reg = load_registry()
    assert reg.version == 1
    assert reg.find("manar").affiliation == "party_media"
    assert reg.find("sana").party == "Syria"
    assert reg.find("etilaf").affiliation == "opposition_media"
    assert reg.find("the Britain-based Syrian Observatory for Human Rights").key == "sohr"
    assert reg.find("AFP correspondent").key == "afp"
    assert reg.find("residents who fled") is None


def test_battle_reports_naming_opposite_attackers_are_one_battle():
    from ceasefire.consolidate.core import claim_record

    def battle(doc, attacker, defender):
        payload = {"actors": [{"name": attacker, "role": "perpetrator"}, {"name": defender, "role": "target"}]}
        row = {"id": next(_ids), "document_id": doc, "ordinal": 0, "event_type": "Battles", "sub_event_type": "Armed clash",
               "date_start": date(2016, 7, 10), "date_end": date(2016, 7, 10), "date_precision": "day", "lat": 36.26, "lon": 37.14,
               "admin1": "Aleppo", "country": "SY", "location_precision": "exact", "location_name": "Castello Road", "fatalities_best": 29}
        return claim_record(row, payload, date(2016, 7, 10))

    # "rebels killed in a failed bid to reopen the Castello road" / "army foils raid on Castello"
    opposition_view = battle("alaraby", "Opposition Rebels (Syria)", "Military Forces of Syria (2000-)")
    government_view = battle("manar", "Military Forces of Syria (2000-)", "Opposition Rebels (Syria)")
    assert len(group_claims([opposition_view, government_view])) == 1


def _row_claim(doc: str, day: date, fatalities: dict, ordinal: int = 0, place=None):
    from ceasefire.consolidate.core import claim_record

    place = place or dict(geonames_id=169389, lat=35.93, lon=36.63, admin1="Idlib", country="SY", location_precision="exact", location_name="Idlib")
    row = {"id": next(_ids), "document_id": doc, "ordinal": ordinal, "event_type": "Explosions/Remote violence",
           "sub_event_type": "Chemical weapon", "date_start": day, "date_end": day, "date_precision": "day",
           "fatalities_best": fatalities["total"]["best"], **place}
    return claim_record(row, {"fatalities": fatalities, "actors": []}, day)


def test_unicef_count_of_the_children_killed_is_a_floor_not_another_toll():
    # UNICEF, two days on, confirms 27 children among the dead of the Idlib attack and, in the same
    # report, puts the whole toll near 80: one incident, the children among its dead.
    count = lambda n, **parts: {"total": {"best": n}, **{k: {"best": v} for k, v in parts.items()}}  # noqa: E731
    whole = _row_claim("unicef", date(2017, 4, 6), count(80))
    children = _row_claim("unicef", date(2017, 4, 6), count(27, children=27, civilians=27), ordinal=1)
    monitor = _row_claim("monitor", date(2017, 4, 6), count(72))
    assert children.fatalities is None and whole.fatalities == 80
    assert len(group_claims([monitor, whole, children])) == 1
    # A count of the dead that names its civilians (all of them) is still the toll.
    assert _row_claim("x", date(2017, 4, 6), count(12, civilians=12)).fatalities == 12


DAMASCUS = dict(geonames_id=170654, lat=33.51, lon=36.29, admin1="Damascus", country="SY", location_precision="exact", location_name="Damascus")
CHEMICAL = dict(sub="Chemical weapon", place=DAMASCUS)


def test_chemical_attack_blamed_on_either_camp_with_tolls_far_apart_is_one_attack():
    # The opposition's "1,300 killed in a nerve gas attack" blames the army; a state-aligned outlet's
    # first report gives "more than 40 dead" and blames the rebels: the perpetrator and the toll of
    # a chemical attack are what the parties dispute, not signs of a second attack.
    opposition = claim("opposition", "2013-08-21", killed=1300, perps=GOV, **CHEMICAL)
    state_aligned = claim("state", "2013-08-21", killed=40, perps=REBELS, **CHEMICAL)
    assert len(group_claims([opposition, state_aligned])) == 1
    # The same two disagreements about two air strikes in the city are two strikes.
    strike = claim("opposition", "2013-08-21", killed=1300, perps=GOV, place=DAMASCUS)
    other = claim("state", "2013-08-21", killed=40, perps=REBELS, place=DAMASCUS)
    assert len(group_claims([strike, other])) == 2


def test_one_report_giving_a_chemical_attack_two_sources_tolls_is_one_attack():
    # "1,300 killed" (the opposition) and "dozens... at least 100" (activists) in one report.
    first = claim("wire", "2013-08-21", killed=1300, **CHEMICAL)
    second = claim("wire", "2013-08-21", killed=100, ordinal=1, **CHEMICAL)
    assert len(group_claims([first, second])) == 1
    strike = claim("daily", "2016-04-30", killed=30, place=DAMASCUS)
    another = claim("daily", "2016-04-30", killed=3, ordinal=1, place=DAMASCUS)
    assert len(group_claims([strike, another])) == 2


MANBIJ = dict(geonames_id=167357, lat=36.53, lon=37.95, admin1="Aleppo", country="SY", location_precision="near", location_name="Manbij")
# A village the gazetteer lacks, put at a rough point of its governorate 40 km off.
TOKHAR_GUESSED = dict(lat=36.25, lon=37.5, admin1="Aleppo", country="SY", location_precision="near", location_name="Al-Tukhar")
COALITION = frozenset({"Global Coalition Against Daesh"})


def test_one_attackers_massacre_in_one_governorate_on_one_day_is_one_whatever_the_villages_point():
    # "Coalition strikes kill 56 civilians near Manbij" / "over 100 killed in coalition raids on Tokhar".
    near_manbij = claim("afp", "2016-07-19", killed=100, perps=COALITION, place=MANBIJ)
    tokhar = claim("sputnik", "2016-07-19", killed=56, perps=COALITION, place=TOKHAR_GUESSED)
    assert len(group_claims([near_manbij, tokhar])) == 1
    # A day apart, another attacker, or a toll short of a massacre: two incidents.
    assert len(group_claims([near_manbij, claim("x", "2016-07-20", killed=56, perps=COALITION, place=TOKHAR_GUESSED)])) == 2
    assert len(group_claims([near_manbij, claim("x", "2016-07-19", killed=56, perps=GOV, place=TOKHAR_GUESSED)])) == 2
    assert len(group_claims([near_manbij, claim("x", "2016-07-19", killed=12, perps=COALITION, place=TOKHAR_GUESSED)])) == 2
    # Two towns the gazetteer knows, 30 km apart, are two places whatever the tolls.
    jarabulus = dict(geonames_id=170017, lat=36.82, lon=38.01, admin1="Aleppo", country="SY", location_precision="exact", location_name="Jarabulus")
    assert len(group_claims([near_manbij, claim("x", "2016-07-19", killed=56, perps=COALITION, place=jarabulus)])) == 2


def test_a_reports_second_sentence_placed_at_the_same_point_under_another_name_is_the_same_bombing():
    # "A truck bomb killed 44 in Qamishli" and, later in the report, the blast "near the border"
    # placed at the same point under a word the geoparser took for a village.
    qamishli = dict(geonames_id=173377, lat=37.052, lon=41.231, admin1="Al-Hasakah", country="SY", location_precision="near", location_name="Al Qāmishlī")
    misread = dict(qamishli, geonames_id=None, location_name="Media")
    bomb = dict(sub="Remote explosive/landmine/IED", perps=frozenset({"Islamic State (Syria)"}))
    lead = claim("wire", "2016-07-27", killed=44, place=qamishli, **bomb)
    body = claim("wire", "2016-07-27", place=misread, ordinal=1, **bomb)
    assert len(group_claims([lead, body])) == 1
    # Ten kilometres off, the report's second sentence is another place's incident.
    assert len(group_claims([lead, claim("wire", "2016-07-27", place=dict(misread, lat=37.14), ordinal=1, **bomb)])) == 2
    # Twin towns three kilometres apart, each named, are two places: "shells hit al-Foua and Kefraya".
    foua = dict(lat=35.97, lon=36.68, admin1="Idlib", country="SY", location_precision="exact", location_name="al-Foua")
    kefraya = dict(foua, lat=35.95, lon=36.70, location_name="Kefraya")
    shells = dict(sub="Shelling/artillery/missile attack", perps=REBELS)
    assert len(group_claims([claim("sana", "2016-04-30", place=foua, **shells),
                             claim("sana", "2016-04-30", place=kefraya, ordinal=1, **shells)])) == 2


def test_a_bombing_blamed_on_both_camps_at_once_does_not_contradict_its_attacker():
    # A follow-up names "government and rebel" sides (the evacuees' and the bus station's) around a
    # bombing other outlets blame on the Islamic State: it says nothing of who set the bomb.
    islamic_state = frozenset({"Islamic State (Syria)"})
    bomb = dict(sub="Remote explosive/landmine/IED", place=ALEPPO, killed=112)
    first = claim("a", "2017-04-15", perps=islamic_state, **bomb)
    both_camps = claim("b", "2017-04-16", perps=GOV | REBELS, **dict(bomb, killed=126))
    assert len(group_claims([first, both_camps])) == 1
    # One camp named, another than the event's: attribution disputed, weaker (and alone a day later, apart).
    assert len(group_claims([first, claim("c", "2017-04-16", perps=GOV, **dict(bomb, killed=126))])) == 2


MADAYA = dict(geonames_id=170800, lat=33.69, lon=36.10, admin1="Rif Dimashq", country="SY", location_precision="exact", location_name="Madaya")
FOUA = dict(geonames_id=9000101, lat=35.99, lon=36.69, admin1="Idlib", country="SY", location_precision="exact", location_name="al-Foua")


def access(doc: str, day: str, sub: str, place, words: str) -> ClaimRecord:
    c = claim(doc, day, sub=sub, etype="Humanitarian access", place=place, perps=frozenset())
    c.terms = terms([words])
    return c


def test_a_siege_and_the_convoy_that_reaches_the_besieged_town_are_two_facts():
    siege = access("ocha", "2016-05-14", "Siege", MADAYA, "Madaya remains encircled by government troops and Hezbollah")
    convoy = access("icrc", "2016-05-14", "Aid delivery", MADAYA, "Forty lorries of flour reached Madaya under a joint ICRC convoy")
    assert len(group_claims([siege, convoy])) == 2


def test_one_convoy_sentence_listing_towns_far_apart_is_one_delivery_per_town():
    words = "Lorries carrying flour and medicine reached Madaya and al-Foua simultaneously under the swap arrangement"
    icrc = access("icrc", "2016-05-14", "Aid delivery", MADAYA, words)  # the ICRC's report names only Madaya
    sarc = [access("sarc", "2016-05-14", "Aid delivery", place, words) for place in (FOUA, MADAYA)]
    sarc[1].ordinal = 1
    grouped = sorted(sorted((c.location_name, c.document_id) for c in g) for g in group_claims([icrc, *sarc]))
    assert grouped == [[("Madaya", "icrc"), ("Madaya", "sarc")], [("al-Foua", "sarc")]]

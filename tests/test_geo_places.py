"""Geoparsing the seed article and the region's spellings against the offline gazetteer."""

from __future__ import annotations

from datetime import date

import pytest

from ceasefire.resolve.places import Toponym, choose_event_toponym, geoparse, locate_event, lookup
from ceasefire.resolve.places.names import article_free_key, name_key, skeleton_key


@pytest.fixture(scope="module")
def seed_toponyms():
    from tests.conftest import need_shared

    text = need_shared("seed", "euronews-2016-04-30-aleppo-truce.txt").read_text(encoding="utf-8")
    return text, geoparse(text)


def _first(toponyms, surface):
    return next(t for t in toponyms if t.text == surface)


def test_seed_aid_towns_resolve_to_their_governorates(seed_toponyms):
    _, tops = seed_toponyms
    assert _first(tops, "al-Foua").admin1 == "Idlib"
    assert _first(tops, "Kefraya").admin1 == "Idlib"
    assert _first(tops, "Madaya").admin1 == "Rif Dimashq"
    assert _first(tops, "Zabadani").admin1 == "Rif Dimashq"
    foua = _first(tops, "al-Foua")
    assert foua.country == "SY" and foua.precision == "exact"
    assert abs(foua.lat - 35.97) < 0.05 and abs(foua.lon - 36.68) < 0.05


def test_aleppo_province_is_the_governorate_and_aleppo_alone_the_city(seed_toponyms):
    text, tops = seed_toponyms
    province = next(t for t in tops if t.text == "Aleppo" and text[t.end:t.end + 9] == " province")
    assert province.precision == "admin1" and province.feature_class == "A"
    city = next(t for t in tops if t.text == "Aleppo" and text[t.start - 3:t.end + 4] == "in Aleppo and")
    assert city.precision == "exact" and city.geonames_id == 170063


def test_seed_names_geneva_moscow_washington_and_latakia_province(seed_toponyms):
    _, tops = seed_toponyms
    assert _first(tops, "Geneva").country == "CH"
    assert _first(tops, "Moscow").country == "RU"
    assert _first(tops, "Washington").country == "US"
    assert _first(tops, "Latakia").precision == "admin1"
    assert _first(tops, "Idlib").precision == "admin1"  # "the northwest province of Idlib"
    assert _first(tops, "Syrian").country == "SY"  # a demonym names a place in the gold sets


def test_seed_red_cross_and_observatory_are_not_places(seed_toponyms):
    _, tops = seed_toponyms
    surfaces = {t.text for t in tops}
    assert "Red Cross" not in surfaces and "Syrian Observatory" not in surfaces
    assert "Kuralenko" not in surfaces and "Interfax" not in surfaces


@pytest.mark.parametrize(
    "spelling, expected",
    [
        ("Fu'ah", "al-Foua"), ("Fuaa", "al-Foua"), ("al-Fu'ah", "al-Foua"), ("Foua", "al-Foua"), ("الفوعة", "al-Foua"),
        ("Kafriya", "Kefraya"), ("Kfarya", "Kefraya"),
        ("Deir Ezzor", "Deir ez-Zor"), ("Dayr az Zawr", "Deir ez-Zor"), ("Deir el-Zour", "Deir ez-Zor"),
        ("Hasakeh", "Al-Hasakah"), ("Al-Hasakah", "Al-Hasakah"), ("Hassakeh", "Al-Hasakah"),
        ("Idleb", "Idlib"), ("Lattakia", "Latakia"), ("Sweida", "As-Suwayda"), ("Tartous", "Tartus"),
        ("حلب", "Aleppo"), ("Halab", "Aleppo"), ("Rural Damascus", "Rif Dimashq"), ("Deraa", "Daraa"),
    ],
)
def test_spelling_variants_reach_the_same_place(spelling, expected):
    loc = lookup(spelling)
    assert loc is not None, spelling
    assert loc["country"] == "SY"
    assert expected.lower() in (loc["name"].lower(), (loc["admin1"] or "").lower()), loc


def test_spelling_keys_fold_articles_marks_and_vowels():
    assert name_key("Deir ez-Zor") == "deir ez zor"
    assert article_free_key("al-Foua") == article_free_key("Foua") == "foua"
    assert skeleton_key("Kefraya") == skeleton_key("Kafriya") == skeleton_key("Kfarya")
    assert skeleton_key("Deir Ezzor") == skeleton_key("Dayr az Zawr") == skeleton_key("Deir ez-Zor")
    assert skeleton_key("Hasakeh") == skeleton_key("Hasakah")


def test_geneva_is_in_switzerland_and_us_is_the_country():
    assert lookup("Geneva")["country"] == "CH"
    us = lookup("US")
    assert us["country"] == "US" and us["precision"] == "country"
    assert lookup("UK")["country"] == "GB"


def test_districts_resolve_inside_their_city():
    text = "Government air strikes hit the Maadi district in eastern Aleppo and the Sukkari neighbourhood on Friday."
    tops = geoparse(text)
    maadi = _first(tops, "Maadi")
    assert maadi.country == "SY" and maadi.admin1 == "Aleppo"
    assert abs(maadi.lat - 36.2) < 0.1
    assert _first(tops, "Aleppo").role == "containing_area"


def test_near_lowers_precision_and_dateline_is_marked():
    text = "BEIRUT (Reuters) - Shelling killed three people near Douma on Tuesday, a monitor said."
    tops = geoparse(text)
    assert _first(tops, "BEIRUT").role == "dateline"
    douma = _first(tops, "Douma")
    assert douma.precision == "near" and douma.admin1 == "Rif Dimashq"


def test_event_location_skips_dateline_and_speaker_city():
    from ceasefire.documents import Document
    from ceasefire.extract.context import DocContext, Sentence

    text = ("BEIRUT (Reuters) - Air strikes killed five people in the town of Saraqib on Monday.\n"
            "The strikes were condemned by officials speaking in Geneva.")
    ctx = DocContext(doc=Document(text=text), text=text, published=date(2016, 4, 30))
    first_end = text.index("\n")
    ctx.sentences = [Sentence(0, 0, first_end, text[:first_end]), Sentence(1, first_end + 1, len(text), text[first_end + 1:])]
    ctx.toponyms = geoparse(text)
    loc = locate_event(ctx, ctx.sentences[0])
    assert loc["name"] == "Saraqib" and loc["admin1"] == "Idlib"
    # The second sentence names only the speakers' city: the event stays in Saraqib.
    assert locate_event(ctx, ctx.sentences[1])["name"] == "Saraqib"


def test_choose_event_toponym_prefers_the_verbs_place_over_the_victims_home_town():
    sentence = "A cab driver from Abidjan was shot dead by police at a checkpoint in Yopougon."
    tops = [Toponym(sentence.index("Abidjan"), sentence.index("Abidjan") + 7, "Abidjan", precision="exact"),
            Toponym(sentence.index("Yopougon"), sentence.index("Yopougon") + 8, "Yopougon", precision="exact")]
    verb = (sentence.index("shot"), sentence.index("shot") + 4)
    assert choose_event_toponym(sentence, verb, tops) == 1


def test_village_the_gazetteer_lacks_is_placed_in_the_area_the_report_names():
    text = "Two days of shelling drove the rebels out of Kafr Basin in the western countryside of Aleppo, a monitor said."
    tops = geoparse(text)
    village = _first(tops, "Kafr Basin")  # not "Basin", Wyoming
    # "the countryside of Aleppo" is the governorate: the village lies somewhere in it.
    assert village.country == "SY" and village.admin1 == "Aleppo" and village.precision == "admin1"
    assert abs(village.lat - 36.2) < 0.5 and abs(village.lon - 37.2) < 0.5


def test_transliterations_stay_in_the_reports_country():
    tops = geoparse("Unidentified gunmen killed two soldiers in Arbin in Rural Damascus.")
    assert _first(tops, "Arbin").admin1 == "Rif Dimashq"
    tops = geoparse("A gunman shot a security member in Al-Mansheyyi neighborhood in Daraa city, Syria.")
    assert all(t.country != "US" for t in tops)  # "Al" is not Alabama


def test_observatory_is_never_the_place_of_shelling_on_the_old_city(cli, tmp_path):
    """The Beirut Ledger sample: "the Syrian Observatory for Human Rights recorded scattered shelling
    on the edges of the old city" happened in Aleppo, not at an organisation."""
    import json
    from pathlib import Path

    import ceasefire

    samples = Path(ceasefire.__file__).parent / "samples"
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    assert cli("ingest", str(samples), "--db", db).exit_code == 0
    events = json.loads(cli("events", "--json", "--limit", "1000", "--db", db).output)
    names = {e["location"]["name"] for e in events if e.get("location")}
    assert not any("Observatory" in n or "Human Rights" in n for n in names)
    shelling = next(e for e in events if any("edges of the old city" in ev["text"] for ev in e["evidence"]))
    assert shelling["location"]["name"] == "Aleppo" and shelling["location"]["geonames_id"] == 170063
    assert shelling["location"]["precision"] in ("near", "exact")


def test_definite_city_resolves_to_the_reports_city():
    from ceasefire.documents import Document
    from ceasefire.extract.context import DocContext, Sentence

    text = ("The truce in Aleppo city began on Thursday. Residents said the skies over the city had been quiet, "
            "although the Syrian Observatory for Human Rights recorded scattered shelling on the edges of the old city.")
    ctx = DocContext(doc=Document(text=text), text=text, published=date(2016, 5, 7))
    cut = text.index("Residents")
    ctx.sentences = [Sentence(0, 0, cut - 1, text[:cut - 1]), Sentence(1, cut, len(text), text[cut:])]
    ctx.toponyms = geoparse(text)
    assert not any("Observatory" in t.text for t in ctx.toponyms)
    loc = locate_event(ctx, ctx.sentences[1])
    assert loc["name"] == "Aleppo" and loc["precision"] == "near"


def test_paris_beside_henry_county_is_paris_tennessee():
    tops = geoparse("The volunteer fire board met on Tuesday. Households of Paris and Henry County can apply "
                    "for the new smoke alarm grant until June.")
    assert [(t.text, t.country, t.admin1) for t in tops] == [("Paris", "US", "Tennessee"), ("Henry County", "US", "Tennessee")]


def test_a_name_of_a_country_lends_no_weight_to_its_american_namesakes(seed_toponyms):
    _, tops = seed_toponyms  # "Russia" is not Russia, Ohio: Geneva stays in Switzerland
    assert _first(tops, "Geneva").country == "CH" and _first(tops, "Russia").country == "RU"


def test_event_is_in_the_town_not_the_city_named_to_place_it():
    sentence = "A teacher in Hilla, south of Baghdad, was killed by gunmen outside his school on Sunday."
    tops = [t for t in geoparse(sentence)]
    verb = (sentence.index("killed"), sentence.index("killed") + 6)
    assert tops[choose_event_toponym(sentence, verb, tops)].text == "Hilla"


def test_a_people_is_not_where_the_killing_happened():
    sentence = "Some 14 Kurds were killed overnight, two of them farmers, and the army said it lost nine soldiers."
    tops = geoparse(sentence)
    assert _first(tops, "Kurds").demonym
    assert choose_event_toponym(sentence, (sentence.index("killed"), sentence.index("killed") + 6), tops) is None


def test_isaf_release_places_district_in_the_province_it_names_not_abroad():
    text = ("KABUL, Afghanistan (Oct. 6, 2012) A Taliban commander was confirmed killed today in Chak district, "
            "Wardak province. The network's leader manages insurgent operations in Khost, Paktiya and Paktika provinces.")
    tops = geoparse(text)
    assert _first(tops, "KABUL").role == "dateline"
    chak = _first(tops, "Chak")  # not Chak, Pakistan
    assert chak.country == "AF" and chak.admin1 == "Wardak" and chak.precision == "admin1"
    assert [(_first(tops, n).admin1, _first(tops, n).precision) for n in ("Khost", "Paktiya", "Paktika")] == [
        ("Khost", "admin1"), ("Paktiya", "admin1"), ("Paktika", "admin1")]


def test_town_in_a_governorates_countryside_keeps_its_own_point():
    tops = geoparse("Unknown gunmen shot and killed a former rebel leader in As-Sanamayn town in Dara countryside.")
    town = _first(tops, "As-Sanamayn")
    assert town.admin1 == "Daraa" and town.precision == "exact"
    assert abs(town.lat - 33.07) < 0.1 and abs(town.lon - 36.18) < 0.1
    assert _first(tops, "Dara").precision == "admin1"


def test_press_spellings_reach_the_geonames_town():
    tops = geoparse("Six civilians were among 22 people killed in U.S. air strikes on Raqa, Syria, a monitor said; "
                    "fighting also went on near Palmyra and Deraa.")
    assert [_first(tops, n).geonames_id for n in ("Raqa", "Palmyra", "Deraa")] == [172955, 163808, 170905]


def test_county_sits_on_its_own_centre_not_mid_state():
    # Cherry County, Nebraska (its seat is Valentine): the county's own centre, not the middle of
    # Nebraska some 300 km away.
    tops = geoparse("The Cherry County sheriff said ranchers west of Valentine, Nebraska, lost cattle in the blizzard.")
    county = _first(tops, "Cherry County")
    assert (county.country, county.admin1, county.precision) == ("US", "Nebraska", "admin2")
    assert abs(county.lat - 42.55) < 0.15 and abs(county.lon + 101.12) < 0.15


def test_county_named_alone_sits_on_its_namesake_town_not_mid_state():
    # Dallas County, Texas: the county's centre is a few km from Dallas, not the middle of Texas
    # some 400 km away; "Dallas" alone stays the city.
    tops = geoparse("Deputies in Dallas County, Texas, said the road would reopen on Monday.")
    county = next(t for t in tops if t.text == "Dallas County")
    assert (county.country, county.admin1) == ("US", "Texas")
    assert abs(county.lat - 32.78) < 0.1 and abs(county.lon + 96.81) < 0.1
    city = geoparse("Police in Dallas said the road would reopen on Monday.")[0]
    assert city.text == "Dallas" and abs(city.lat - 32.78) < 0.1


def test_scottish_welsh_and_irish_counties_are_second_level_areas():
    # Council areas of Scotland and Wales and the counties of Ireland, North and South: a county
    # named beside its town is the county, near the town, not the report's nearest English place.
    text = ("Two walkers were rescued near Aberystwyth, Ceredigion, on Sunday. Police in Fife said a "
            "road near Kirkcaldy was closed. Gardai in Co Clare and County Kerry are also looking "
            "for a missing boat, and a ferry was diverted to Co. Antrim.")
    tops = {t.text: t for t in geoparse(text)}
    expected = {"Ceredigion": ("GB", "Wales", 52.2, -4.0), "Fife": ("GB", "Scotland", 56.2, -3.1),
                "Co Clare": ("IE", None, 52.85, -9.0), "County Kerry": ("IE", None, 52.1, -9.6),
                "Co. Antrim": ("GB", "Northern Ireland", 54.85, -6.2)}
    for name, (country, admin1, lat, lon) in expected.items():
        t = tops[name]
        assert (t.country, t.admin1, t.precision) == (country, admin1, "admin2"), name
        assert abs(t.lat - lat) < 0.3 and abs(t.lon - lon) < 0.3, name
    # A person's name stays a person: Kerry and Clare alone are no county.
    assert not geoparse("Secretary of State John Kerry said Clare Short was right.")


def test_each_name_before_counties_is_a_county_of_that_state():
    text = ("Snow drifts closed state highways on Sunday across Norman, Becker, Clay, Douglas, "
            "Mahnomen, Otter Tail and Wilkin counties. Plows were out of the Minnesota highway "
            "depot near Fergus Falls by dawn.")
    tops = {t.text: t for t in geoparse(text)}
    for county in ("Norman", "Becker", "Clay", "Douglas", "Mahnomen", "Otter Tail", "Wilkin"):
        assert tops[county].name == f"{county} County" and tops[county].admin1 == "Minnesota", county
        assert tops[county].precision == "admin2"


def test_the_counties_of_one_state_are_not_a_county():
    text = "The county's jobless rate is near the middle of Indiana counties, the report said."
    assert all(t.name != "Indiana County" for t in geoparse(text))


def test_dateline_town_in_capitals_is_a_place():
    text = ("Home hit by fire a second time.\nBYESVILLE -- Firefighters are searching for the cause of a "
            "blaze Monday morning that heavily damaged a residence in Guernsey County, Ohio.")
    byesville = next(t for t in geoparse(text) if t.text == "BYESVILLE")
    assert byesville.admin1 == "Ohio" and byesville.country == "US"


def test_washington_after_a_town_is_the_state_and_alone_the_capital():
    state = next(t for t in geoparse("She decorates cakes at a studio in Tacoma, Washington, and teaches.") if t.text == "Washington")
    assert state.precision == "admin1" and state.admin1 == "Washington State"
    listed = next(t for t in geoparse("He backed Oregon and Washington laws that let doctors help the dying.") if t.text == "Washington")
    assert listed.precision == "admin1"
    capital = next(t for t in geoparse("The talks in Washington ended without a deal.") if t.text == "Washington")
    assert capital.admin1 == "District of Columbia" and capital.precision == "exact"


def test_a_state_is_not_demoted_by_a_small_towns_alternate_name():
    text = "Montana offered $69 per prisoner, per day, while the company is seeking more."
    montana = next(t for t in geoparse(text) if t.text == "Montana")
    assert montana.precision == "admin1" and montana.admin1 == "Montana"


def test_saints_day_and_first_names_are_not_places():
    text = ("Safety stressed on St. Patrick's Day. Kristina and Tim Jones walked in the parade. "
            "Tim said the crowd was calm.")
    surfaces = {t.text for t in geoparse(text)}
    assert not surfaces & {"St.", "Patrick", "Tim"}


def test_a_town_that_opens_a_persons_title_stays_a_town_where_the_report_says_in():
    # spaCy reads "Avondale Mayor" as a person; "lots in Avondale" says it is the town.
    text = '"It is really a gateway," said Avondale Mayor Ed Rieker. The city owns three lots in Avondale and 10 in Decatur.'
    assert text.rindex("Avondale") in [t.start for t in geoparse(text) if t.text == "Avondale"]


def test_a_road_named_after_a_place_is_the_road_in_the_reports_town():
    text = ("BYESVILLE -- A kitchen fire gutted a house on Indian Lake Road in Byesville, Ohio, late on "
            "Sunday, the township's fire chief said.")
    tops = geoparse(text)
    road = next(t for t in tops if t.text == "Indian Lake Road")
    assert road.precision == "near" and road.admin1 == "Ohio"
    assert not any(t.text == "Road" for t in tops)


def test_a_language_is_not_a_place_but_the_english_city_is_in_england():
    text = ("She soon learned English so she could get a licence. English is an international language. "
            "Russian, Syrian and Iranian forces were named; two Russians were poisoned in the English city of Salisbury.")
    tops = geoparse(text)
    english = [t for t in tops if t.text == "English"]
    assert len(english) == 1 and english[0].admin1 == "England" and english[0].precision == "admin1"
    assert {t.text for t in tops} >= {"Russian", "Syrian", "Iranian", "Salisbury"}


def test_a_one_word_name_that_speaks_is_a_person():
    text = ("“I cry because I can only imagine the pain,” said Noma. Noma said she had moved to Delft. "
            "\"It is the highest level it has ever been,\" Johnson said in Frankfort, Kentucky.")
    surfaces = [t.text for t in geoparse(text)]
    assert "Noma" not in surfaces and "Johnson" not in surfaces
    assert "Delft" in surfaces and "Frankfort" in surfaces


def test_a_river_or_lake_is_itself_near_the_reports_town_not_the_state_it_is_named_after():
    text = ("The National Weather Service said the Red River will crest at 40 feet in Fargo on Friday. "
            "A second camp north of Alexandria, Minnesota, near Lake Vermont was closed.")
    tops = {t.text: t for t in geoparse(text)}
    # The river runs between the two states the report's places lie in.
    assert tops["Red River"].precision == "near" and tops["Red River"].admin1 in ("North Dakota", "Minnesota")
    assert tops["Lake Vermont"].admin1 == "Minnesota" and "Vermont" not in tops


def test_spacy_half_of_a_longer_name_is_widened_to_the_name():
    text = ("Venezuelans fleeing the crisis are living in Boa Vista, the state capital. The minister said "
            "Trinidad and Tobago failed to attend. Police numbers in England and Wales have fallen.")
    tops = {t.text: t for t in geoparse(text)}
    assert tops["Boa Vista"].country == "BR"
    assert tops["Trinidad and Tobago"].country == "TT" and tops["Trinidad and Tobago"].precision == "country"
    assert tops["England"].admin1 == "England" and tops["Wales"].admin1 == "Wales"


def test_a_towns_police_name_the_town():
    tops = geoparse("Roselle police ticketed hundreds of motorists last month, and Chiefland Police Chief "
                    "Robert Douglas said his officers were called to the scene in Levy County, Florida.")
    assert {"Roselle", "Chiefland"} <= {t.text for t in tops}
    assert _first(tops, "Chiefland").admin1 == "Florida"


def test_a_hospital_or_church_spacy_calls_an_organisation_is_a_place_in_the_reports_town():
    tops = geoparse("A car bomb exploded outside the Central Mental Hospital in Mosul on Tuesday, and a shell hit "
                    "the Holy Redeemer Church. Commissioner Joe Hall said the roads were closed.")
    hospital = _first(tops, "Central Mental Hospital")
    assert hospital.precision == "near" and abs(hospital.lat - 36.34) < 0.1
    assert _first(tops, "Holy Redeemer Church").country == "IQ"
    assert "Joe Hall" not in {t.text for t in tops}


def test_a_town_inside_an_institutions_name_is_the_town():
    text = ("Huntsville Fire Chief Tom Grisham said the burn ban for Walker County, Texas, was lifted. "
            "Two pupils of St. John's Lutheran School in Lombard won awards, and Nadia Moayyad of Southlake "
            "was named.")
    tops = geoparse(text)
    assert _first(tops, "Huntsville").admin1 == "Texas"
    assert {"Lombard", "Southlake"} <= {t.text for t in tops}


def test_a_street_spacy_calls_a_person_is_a_street_in_the_reports_town():
    text = ("The body was taken to a funeral home at 201 Dunlap St. in Paris, Tennessee. Freeman Drive between "
            "Sunny Hills Drive and Freeman Circle is closed. Lois Lane wrote the story.")
    tops = geoparse(text)
    surfaces = {t.text for t in tops}
    assert "Dunlap" not in surfaces and {"Dunlap St.", "Freeman Drive"} <= surfaces
    assert _first(tops, "Dunlap St.").admin1 == "Tennessee" and _first(tops, "Dunlap St.").precision == "near"
    assert "Lois Lane" not in surfaces


def test_someones_farm_and_an_institutions_own_word_are_no_towns():
    tops = geoparse("RCMP say the dogs were taken from Wilson's Farm near Fredericton, New Brunswick. He is to "
                    "appear at the Airport Courthouse in Los Angeles on Friday.")
    assert not {"Wilson", "Airport"} & {t.text for t in tops}


def test_a_small_namesake_far_from_a_local_reports_places_is_placed_at_its_nearest_town():
    # No Kensington of Minnesota in the gazetteer: not Kensington, Maryland, but near Alexandria.
    tops = geoparse("Douglas County, Minnesota, closed a road northeast of Kensington on Monday. "
                    "Roads near Alexandria and Osakis stay open.")
    town = _first(tops, "Kensington")
    assert (town.admin1, town.precision) == ("Minnesota", "near") and abs(town.lat - 45.9) < 0.2


def test_a_far_village_named_once_stays_where_the_gazetteer_has_it_in_the_reports_country():
    tops = geoparse("Shelling hit Aleppo, Azaz and Manbij on Monday, while an air strike killed four in Hajin.")
    assert _first(tops, "Hajin").admin1 == "Deir ez-Zor" and _first(tops, "Hajin").precision == "exact"


def test_a_country_naming_its_currency_is_named():
    tops = geoparse("The court also fined him one million US dollars on Tuesday.")
    assert [(t.text, t.country) for t in tops] == [("US", "US")]


def test_a_township_is_not_the_far_town_it_is_named_after():
    tops = geoparse("New storm sirens go up this spring in Hilliard, Prairie Township, Madison Township and "
                    "Groveport, Ohio.")
    township = _first(tops, "Madison Township")
    assert township.admin1 == "Ohio" and township.precision == "near"


def test_a_street_takes_the_county_or_at_last_the_dateline_when_no_town_is_named():
    tops = geoparse("Lamar County, Texas, commissioners approved repairs on Clarksville Street on Monday.")
    street = _first(tops, "Clarksville Street")
    assert street.admin1 == "Texas" and street.precision == "near" and abs(street.lat - 33.67) < 0.1
    tops = geoparse("BEIRUT (Reuters) - A car bomb exploded on Hamra Street on Tuesday, killing two people.")
    assert _first(tops, "Hamra Street").country == "LB"


def test_iraqi_and_lebanese_towns_name_their_governorate():
    tops = geoparse("ISIS attacked Ramadi in Anbar province, while clashes hit Tikrit and Baquba. Protests spread "
                    "from Basra to Najaf. Rockets hit Tripoli and Sidon, and troops deployed in the town of Arsal.")
    assert [(_first(tops, n).admin1, _first(tops, n).precision) for n in ("Ramadi", "Anbar", "Tikrit", "Basra")] == [
        ("Anbar", "exact"), ("Anbar", "admin1"), ("Salahuddin", "exact"), ("Basra", "exact")]
    assert [_first(tops, n).admin1 for n in ("Tripoli", "Sidon", "Arsal")] == ["North Lebanon", "South Lebanon", "Baalbek-Hermel"]


def test_yemeni_towns_name_their_governorate_and_the_bare_name_is_the_city():
    tops = geoparse("Coalition jets hit Saada and Taiz; AQAP fighters seized Zinjibar in Abyan province, and "
                    "clashes went on in Taiz province.")
    assert (_first(tops, "Saada").admin1, _first(tops, "Saada").precision) == ("Saada Governorate", "exact")
    assert _first(tops, "Zinjibar").admin1 == "Abyan"
    assert next(t for t in tops if t.text.startswith("Taiz province")).precision == "admin1"


def test_a_town_spacy_calls_a_person_or_organisation_is_a_place_after_in():
    # spaCy reads Rostov and Don as persons, Gedaref and Diwaniya as organisations.
    text = ("Protesters gathered in Rostov-on-Don on Friday. Demonstrators gathered in Gedaref on Friday. "
            "Gunmen killed two men in Diwaniya city on Tuesday. Teachers marched in Pachuca, Hidalgo.")
    tops = {t.text: t for t in geoparse(text)}
    assert tops["Rostov-on-Don"].country == "RU" and "Rostov" not in tops and "Don" not in tops
    assert tops["Gedaref"].country == "SD" and abs(tops["Gedaref"].lat - 14.03) < 0.1
    assert tops["Diwaniya"].country == "IQ"
    assert tops["Pachuca"].country == "MX"


def test_a_person_or_organisation_after_in_stays_no_place():
    text = ("Sources in Gedaref University said classes stopped. A letter from John Kerry arrived in March. "
            "Two farmers were hurt when a roadside bomb went off in the Mama Khil area of Baraki Barak district, Logar.")
    tops = geoparse(text)
    surfaces = {t.text for t in tops}
    assert "Gedaref" not in surfaces and "Kerry" not in surfaces and "March" not in surfaces
    assert not any(t.country == "DE" for t in tops)  # "Khil" is no alternate name of Kiel here


def test_a_town_shelled_or_besieged_is_a_place_whatever_spacy_calls_it():
    # spaCy reads Douma as a person here; the verb of fire and "the siege of" say it is a place.
    text = ("Government forces shelled Douma, killing nine people. "
            "The siege of Madaya has lasted six months, residents said.")
    tops = {t.text: t for t in geoparse(text)}
    assert tops["Douma"].admin1 == "Rif Dimashq" and tops["Madaya"].admin1 == "Rif Dimashq"


def test_people_attacked_or_targeted_stay_no_places():
    tops = geoparse("Rioters attacked Clinton supporters outside the hall, and snipers targeted Kerry's convoy.")
    assert {t.text for t in tops} & {"Clinton", "Kerry"} == set()


def test_a_hyphenated_town_is_read_whole():
    tops = {t.text: t for t in geoparse("The poet was born in Stratford-upon-Avon and died in Deir-ez-Zor.")}
    assert tops["Stratford-upon-Avon"].country == "GB" and "Avon" not in tops
    assert tops["Deir-ez-Zor"].country == "SY"


def test_an_article_or_prefix_alone_is_no_place():
    text = ("On 4 May, a gunman targeted civilians in Al-Jami'ya neighborhood in Idleb city. Militants killed an "
            "officer on the outskirts of Abu Saida in Diyala province. Looters struck stores in El Furrial, "
            "Maturin municipality, Monagas state.")
    tops = geoparse(text)
    assert not any(t.country == "NO" or t.country == "IN" or t.country == "US" for t in tops)
    surfaces = {t.text for t in tops}
    assert "Al" not in surfaces and "Abu" not in surfaces and "El" not in surfaces
    abu = next(t for t in tops if t.text == "Abu Saida")
    assert abu.country == "IQ" and abu.admin1 == "Diyala"


def test_armed_groups_named_like_places_are_no_toponyms():
    text = ("Ahrar al-Sham fighters attacked regime positions near Hama, while Jaish al-Islam shelled Damascus. "
            "The army degraded Boko Haram near Maiduguri.")
    surfaces = {t.text for t in geoparse(text)}
    assert {"Hama", "Damascus", "Maiduguri"} <= surfaces
    assert not surfaces & {"Sham", "al-Sham", "Ahrar al-Sham", "Islam", "Boko", "Haram"}


def test_a_village_in_a_syria_report_is_not_its_namesake_abroad():
    tops = geoparse("Syrian regime forces shelled the village of Ilyas in southern Idlib, activists said.")
    ilyas = next(t for t in tops if t.text == "Ilyas")
    assert ilyas.country == "SY" and ilyas.admin1 == "Idlib"


def test_a_possessive_that_lost_its_apostrophe_still_names_the_country_and_the_town():
    tops = {t.text: t for t in geoparse("Fighting raged in Syrias Hama province on Monday.")}
    assert tops["Syrias"].country == "SY" and tops["Hama"].precision == "admin1"


def test_spanish_names_with_connectors_in_a_row_are_read_whole():
    tops = {t.text: t for t in geoparse("On 9 May, in Leon de los Aldama, Guanajuato, armed men attacked a man.")}
    assert tops["Leon de los Aldama"].country == "MX"


def test_a_village_in_a_governorate_with_a_lower_case_article_stays_in_it():
    tops = {t.text: t for t in geoparse("Opposition rebels looted crops in Rihaniya in al-Hasakeh.")}
    assert tops["Rihaniya"].country == "SY" and tops["Rihaniya"].admin1 in ("Al-Hasakah", "Al Hasakah", "Hasakah", "Al-Hasakeh")


def test_a_foreign_forces_demonym_does_not_send_a_village_abroad():
    syria = {t.text: t for t in geoparse("With Russian air cover, government troops fought ISIS fighters around Maskanah on Sunday.")}
    yemen = {t.text: t for t in geoparse("Saudi forces fired rockets at villages west of Haydan district (Sadah).")}
    assert syria["Maskanah"].country == "SY" and yemen["Haydan"].country == "YE"


def test_a_town_guessed_from_its_size_does_not_send_a_village_abroad():
    tops = {t.text: t for t in geoparse("Some 40 farmers held a demonstration in Villablino (Leon, Castilla y Leon) on Thursday.")}
    assert tops["Villablino"].country == "ES" and tops["Villablino"].precision == "exact"


def test_an_operation_named_like_a_town_and_a_toponymic_prefix_alone_are_no_towns():
    tops = geoparse("On Tuesday, Olive Branch forces pushed out of the Tal Hamo area into Bulbul sub-district.")
    assert not any(t.country == "US" for t in tops)
    surfaces = {t.text for t in tops}
    assert "Olive Branch" not in surfaces and "Tal" not in surfaces and "Tal Hamo" in surfaces


def test_a_border_is_the_states_and_a_glued_compass_word_leaves_the_town():
    tops = {t.text: t for t in geoparse("The crash happened near the New York border. Clashes erupted in Kobaninorth of Aleppo.")}
    assert tops["New York"].precision == "admin1"
    assert tops["Kobaninorth"].country == "SY" and abs(tops["Kobaninorth"].lat - 36.89) < 0.1


def test_a_curated_spelling_spacy_calls_a_person_is_a_place_in_a_list():
    tops = {t.text: t for t in geoparse("Clashes in Kafr Nabl and Deir Ezzor and Tel Abyad.")}
    assert tops["Tel Abyad"].admin1 == "Raqqa" and tops["Kafr Nabl"].admin1 == "Idlib"


def test_acled_brackets_put_a_village_in_its_district_and_province():
    # "Village (District, Province)": a village the gazetteer lacks lies at its district's town.
    tops = {t.text: t for t in geoparse("On 2 May, rebels clashed with soldiers in Pamoli village (Beni, Nord-Kivu), "
                                        "killing one soldier.")}
    assert tops["Pamoli"].country == "CD" and tops["Pamoli"].precision == "near"
    assert abs(tops["Pamoli"].lat - tops["Beni"].lat) < 0.01
    town = {t.text: t for t in geoparse("On 4 May, employees staged a protest in Nakodar town (Punjab) on Monday.")}
    assert town["Nakodar"].country == "IN" and town["Nakodar"].precision == "exact"


def test_syrian_towns_in_battle_notes_without_a_country():
    # ACLED's Syrian battle notes name no country: the words around a town, its curated spelling or
    # its toponymic prefix make it a place whatever spaCy labels it.
    tadmor = {t.text: t for t in geoparse("After a night of fighting with IS, Jaish Usud al-Sharqiyah pushed on towards Tadmor.")}
    assert tadmor["Tadmor"].country == "SY" and tadmor["Tadmor"].admin1 == "Homs"
    kafr = {t.text: t for t in geoparse("A roadside bomb hit a car between Kafr Nobol and Hass in Idlib late on Friday.")}
    assert kafr["Kafr Nobol"].admin1 == "Idlib" and kafr["Kafr Nobol"].precision == "exact"
    daraa = geoparse("Opposition fighters clashed with Khalid ibn al Walid Army militants in Dar'a Al-Balad on Sunday.")
    assert [t.country for t in daraa] == ["SY"] and daraa[0].text == "Dar'a"


def test_the_town_of_a_name_spacy_calls_a_person_in_a_report_naming_no_country():
    tops = geoparse("After heavy losses, regime troops sent fresh units to the town of Busayrah and took back the positions.")
    assert [(t.text, t.country, t.admin1) for t in tops] == [("Busayrah", "SY", "Deir ez-Zor")]


def test_a_possessive_that_is_part_of_the_name_stays_and_a_groups_checkpoint_is_no_place():
    tops = {t.text: t for t in geoparse("A group of people protested in St. John's (Newfoundland and Labrador) on Monday.")}
    assert tops["St. John's"].country == "CA"
    surfaces = {t.text for t in geoparse("Two gunmen shot at an HTS checkpoint in the Kafr Takharim area in Idleb on Sunday.")}
    assert "HTS" not in surfaces and "Kafr Takharim" in surfaces


def test_a_district_or_square_after_a_name_spacy_calls_a_person_is_a_place():
    tops = {t.text: t for t in geoparse("ISIS militants were killed in clashes with the Kurdish Peshmerga forces in "
                                        "Makhmur district, northern Iraq.")}
    assert tops["Makhmur"].country == "IQ"
    square = {t.text: t for t in geoparse("Soldiers patrolled Manger Square in nearby Bethlehem, in the West Bank.")}
    assert square["Manger Square"].precision == "near" and square["Manger Square"].country != "IN"


def test_a_country_spacy_reads_as_a_person_with_its_possessive_is_the_country():
    tops = geoparse("Some were injured, including Sri Lanka's Minister of Posts, while John Kerry's plane landed.")
    assert [(t.text, t.country) for t in tops] == [("Sri Lanka", "LK")]


def test_an_operation_named_after_a_river_is_no_river():
    surfaces = {t.text for t in geoparse("Euphrates Shield wrested the village of Akhtarin from ISIS militants after two days of fighting.")}
    assert "Euphrates" not in surfaces and "Akhtarin" in surfaces


@pytest.mark.parametrize("text", [
    "US Secretary of State John Kerry met Sergei Lavrov in Geneva on Friday.",
    "An American spy was arrested in Geneva on Friday, police said.",
    "US Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva to discuss Syria.",
])
def test_a_country_named_for_a_persons_title_does_not_move_geneva_to_illinois(text):
    assert _first(geoparse(text), "Geneva").country == "CH"


def test_a_namesake_in_the_country_the_report_is_about_still_wins():
    tops = geoparse("Police in Geneva, Illinois, said the road near Batavia and St. Charles in Kane County "
                    "reopened on Monday.")
    geneva = _first(tops, "Geneva")
    assert (geneva.country, geneva.admin1) == ("US", "Illinois")


def test_a_currency_says_nothing_about_where_the_report_is():
    from ceasefire.resolve.places.resolve import _votes
    from ceasefire.resolve.places.detect import find_mentions
    from ceasefire.resolve.places.gazetteer import default_gazetteer
    from ceasefire.resolve.places import _parse

    text = "The Syrian pound fell to 3,000 against the US dollar in Aleppo, traders said."
    mentions = find_mentions(_parse(text), default_gazetteer())
    _, votes, _ = _votes(mentions, text)
    assert [m.text for m in mentions] == ["Syrian", "US", "Aleppo"] and set(votes) == {"SY"}


def test_a_town_beside_the_county_around_it_is_the_local_papers_town():
    tops = geoparse("The Douglas County sheriff said County Road 35, north of Alexandria, was closed after the "
                    "flood. Itâ s the worst in years, he said.")
    assert (_first(tops, "Alexandria").country, _first(tops, "Alexandria").admin1) == ("US", "Minnesota")
    assert _first(tops, "Douglas County").admin1 == "Minnesota"
    assert not [t for t in tops if t.text.startswith("It")]  # "Itâ s" is a mis-decoded "It's", not Itá


def test_us_in_capitals_is_the_country_not_a_french_village():
    tops = geoparse("Shops in Paris now take US dollars, the traders said.")
    assert [(t.text, t.country, t.precision) for t in tops] == [("Paris", "FR", "exact"), ("US", "US", "country")]


def test_a_town_found_once_is_the_same_town_where_the_report_names_it_again():
    # spaCy reads the later "Augusta"s as a person and a people; the report has already said where it is.
    tops = geoparse("The council met in Augusta on Tuesday. A longtime Augusta teacher and the Augusta "
                    "Chronicle editor spoke.")
    assert [(t.text, t.admin1) for t in tops] == [("Augusta", "Georgia")] * 3
    text = ("Sandbags were piled up in Tewkesbury. The A38 Tewkesbury junction closed, so drivers travelling "
            "to Tewkesbury went via Gloucester.")
    assert [t.start for t in geoparse(text) if t.text == "Tewkesbury"] == [m for m in range(len(text)) if text.startswith("Tewkesbury", m)]


def test_a_name_said_again_as_a_word_or_inside_a_longer_name_is_no_place():
    tops = geoparse("Delegates gathered in Centre, Alabama. The Centre said the vote was over. Sales of the "
                    "Toyota Corolla rose in Toyota, Japan, and Jenny Sutton won in Sutton.")
    centres = [t for t in tops if t.text == "Centre"]
    assert len(centres) == 1 and centres[0].admin1 == "Alabama"
    assert [t.country for t in tops if t.text == "Toyota"] == ["JP"]  # the city, not the car
    assert len([t for t in tops if t.text == "Sutton"]) == 1  # the town, not the racing driver


def test_a_towns_own_name_is_not_another_towns_old_name():
    # GeoNames lists "Columbia" as an old name of Baldwinsville, New York; a report from New York
    # naming Columbia means a town called Columbia.
    tops = geoparse("The mayor of Syracuse, New York, and a delegation from Columbia met in Albany on Monday.")
    assert _first(tops, "Columbia").name == "Columbia"
    # Abroad, the local name the press writes is still the town's: Saida is Sidon.
    tops = geoparse("Lebanese troops deployed in Saida, the port city south of Beirut, on Friday.")
    assert (_first(tops, "Saida").name, _first(tops, "Saida").country) == ("Sidon", "LB")


def test_small_american_towns_in_a_report_about_ontario_are_ontarios():
    # The report names Ontario five times and no American state: "Oxford" and "Commerce" are its
    # own places the gazetteer lacks, not two Georgia towns that only vouch for each other.
    text = ("Ontario will pay for new roads. Ontario towns welcomed it, and Ontario cities too. Leaders in "
            "Oxford asked how much they would get; the chamber in Commerce wants more. Ontario and its "
            "Ontario councils meet in Tillsonburg next week.")
    tops = geoparse(text)
    for name in ("Oxford", "Commerce"):
        assert _first(tops, name).country == "CA", name


def test_a_village_spacy_calls_a_place_that_the_gazetteer_lacks_lies_near_the_reports_town():
    tops = geoparse("Nenagh council, Ireland, has 30 housing applicants in Puckane and 12 in Ballycommon.")
    nenagh = _first(tops, "Nenagh")
    for name in ("Puckane", "Ballycommon"):
        village = _first(tops, name)
        assert village.precision == "near" and village.country == "IE" and (village.lat, village.lon) == (nenagh.lat, nenagh.lon)


def test_a_street_lies_in_the_state_most_of_the_reports_places_are_in():
    # Scranton is named nearer the street, but the report's places gather in Louisiana.
    tops = geoparse("Shreveport and Monroe, Louisiana, sent crews on Monday. A visitor from Scranton, "
                    "Pennsylvania, who came for the jazz festival last spring, praised the new paving on Desire Street.")
    street = _first(tops, "Desire Street")
    assert (street.admin1, street.precision) == ("Louisiana", "near")


def test_the_last_word_of_a_longer_name_is_no_town_of_its_own():
    # "Oak Mills" is a hamlet the gazetteer lacks: its "Mills" is not Mills, Wyoming; the hamlet lies
    # near the report's town.
    tops = geoparse("Deputies said an Oak Mills man was arrested after a crash near Valdosta, Georgia.")
    assert [(t.text, t.admin1, t.precision) for t in tops][0] == ("Oak Mills", "Georgia", "near")
    assert not any(t.text == "Mills" for t in tops)


def test_a_state_abbreviation_written_with_its_dots_is_the_state():
    for text, state in (("Rep. Jane Doe, D-S.C., voted against the bill.", "South Carolina"),
                        ("The truck crashed on S.C. 9 near Chester on Sunday.", "South Carolina"),
                        ("Western Mass. farmers sold out of apples.", "Massachusetts")):
        assert any(t.admin1 == state and t.precision == "admin1" for t in geoparse(text)), text
    assert not any(t.name == "British Columbia" for t in geoparse("The mound was raised around 300 B.C. by farmers."))
    # A word before its dot is the word: the "Act." that ends a law's name is no Australian territory.
    assert not any(t.precision == "admin1" for t in geoparse("Nurses in Leeds marched against the new Borders Act."))


def test_the_datelines_town_in_capitals_is_the_same_town_written_normally():
    # spaCy calls the second "Roswell" a person; the dateline already said it is the town.
    tops = geoparse("Store thief caught. ROSWELL - A man Roswell police say stole a ring was caught on Friday.")
    assert [(t.text, t.admin1) for t in tops] == [("ROSWELL", "Georgia"), ("Roswell", "Georgia")]


def test_ceasefire_zones_and_regions_the_cities_list_lacks_are_known():
    tops = geoparse("Shelling was reported along the line of contact in Nagorno-Karabakh and in Tigray, "
                    "while Gazans queued for bread and peacekeepers stayed in Transnistria.")
    got = {t.text: (t.country, t.admin1, t.precision) for t in tops}
    assert got["Nagorno-Karabakh"][0] == "AZ" and got["Transnistria"][0] == "MD"
    assert got["Tigray"] == ("ET", "Tigray", "admin1") and got["Gazans"][0] == "PS"
    mekele = lookup("Mek'ele")
    assert mekele["admin1"] == "Tigray"


def test_a_village_named_with_the_town_it_lies_by_keeps_the_town():
    # ACLED's notes name a village with its district town: the town is the point, not a village placed
    # at the governorate's.
    tops = geoparse("Artillery hit a farm on the edge of Basuta Afrin town in the Aleppo countryside on Sunday.")
    assert any(t.name and "Afr" in t.name and t.precision == "exact" for t in tops)


def test_a_village_the_gazetteer_lacks_lies_in_the_province_just_named_not_the_reports_main_one():
    text = ("Barrel bombs hit Aleppo on Thursday, and hospitals in Aleppo and the nearby town of Anadan were overwhelmed. "
            "A car bomb went off near a mosque in Daraa province on Friday, a monitor said. "
            "The dead in the rebel-held town of Namar included a child.")
    namar = _first(geoparse(text), "Namar")
    assert (namar.admin1, namar.precision) == ("Daraa", "near")


def test_quarters_the_gazetteer_lacks_lie_in_the_city_just_named():
    text = ("Shells fell on Aleppo on Monday and on the Aleppo district of Salaheddine, and hospitals in Aleppo were full. "
            "In Deir Ezzor, rockets hit houses in al-Qusor and Hrabesh neighbourhoods of the city.")
    assert _first(geoparse(text), "al-Qusor").admin1 == "Deir ez-Zor"


def test_a_headlines_title_case_is_no_place_to_guess_a_town_for():
    from ceasefire.resolve.places import _title_case_before

    headline = "Eighteen Government Troops Reported Dead After Nusra Car Bomb"
    assert _title_case_before(headline, headline.index("Nusra"))
    lead = "A suicide bomber struck a rebel checkpoint near Sarmada on Sunday"
    assert not _title_case_before(lead, lead.index("Sarmada"))


def test_washington_in_a_british_report_that_names_the_united_states_is_the_capital():
    # Washington, England is a town of Tyne and Wear; a report filed from Britain that names the
    # United States means the capital when it says "in Washington".
    text = ("LONDON (Reuters) - Britain summoned the Iranian envoy on Monday after a cyber attack on its ministries. "
            "In Washington, officials said the United States would coordinate sanctions with Britain and France. "
            "Ministers in London and Manchester met later in the day.")
    washington = _first(geoparse(text), "Washington")
    assert (washington.country, washington.admin1) == ("US", "District of Columbia")


def test_a_durham_paper_keeps_its_own_washington():
    # No United States in the report: the English town next to Sunderland stays.
    text = "Residents of Washington and Sunderland, in Tyne and Wear, complained about the new bus timetable."
    assert _first(geoparse(text), "Washington").country == "GB"


def test_mexican_and_brazilian_states_are_first_level_areas_not_towns_abroad():
    tops = geoparse("Gunmen killed four men at a bar in Celaya, Guanajuato, on Saturday, state prosecutors said.")
    state = _first(tops, "Guanajuato")
    assert (state.country, state.precision, state.admin1) == ("MX", "admin1", "Guanajuato")
    assert _first(tops, "Celaya").admin1 == "Guanajuato"
    tops = geoparse("Military police dispersed a march of teachers in Salvador, Bahia, on Wednesday.")
    assert (_first(tops, "Bahia").country, _first(tops, "Bahia").precision) == ("BR", "admin1")
    tops = geoparse("Soldiers found a fuel tap on a pipeline in Hidalgo state on Tuesday.")
    assert (_first(tops, "Hidalgo").country, _first(tops, "Hidalgo").precision) == ("MX", "admin1")
    # A state point is its capital's, as ACLED codes a place known only by its state.
    para = _first(geoparse("Loggers clashed with villagers in the state of Para on Friday."), "Para")
    assert para.country == "BR" and abs(para.lat - (-1.46)) < 0.1 and abs(para.lon - (-48.50)) < 0.1


def test_numbered_roads_are_places_near_the_reports_town():
    text = ("Crews closed Highway 10 east of Perham on Monday, and KY 52 stayed shut near Irvine after a rockslide. "
            "The bypass on US-75 and FM 1417 outside Sherman reopened.")
    tops = geoparse(text)
    for road in ("Highway 10", "KY 52", "US-75", "FM 1417"):
        assert _first(tops, road).precision == "near"
    assert _first(tops, "Highway 10").admin1 == "Minnesota"  # Perham's state, named just after it
    # Britain's A-roads count where the words speak of roads, never a rifle's or an aircraft's number.
    uk = geoparse("The A436 and A40 carry the diversion while the A417 near Cirencester is closed overnight.")
    assert {"A436", "A40", "A417"} <= {t.text for t in uk}
    assert {t.text for t in geoparse("Gunmen carried M16 rifles onto an A380 at the airport in Kabul.")} == {"Kabul"}
    # A number that counts something is no road: "the US 2 billion plan".
    assert "US 2" not in {t.text for t in geoparse("Congress passed the US 2 billion plan for Topeka's bridges.")}


def test_a_town_named_after_a_state_is_not_the_state():
    # A Texas hamlet named after Tennessee lies where the report is, not in Tennessee.
    text = "Deputies found the truck near Tennessee Colony, about 15 miles west of Palestine, Texas, on Friday."
    colony = _first(geoparse(text), "Tennessee Colony")
    assert (colony.admin1, colony.precision) == ("Texas", "near")
    # Towns the gazetteer knows and a town that bears the area's name keep their readings.
    tops = geoparse("Council members from Missouri City and Aleppo City met in Kansas City.")
    assert _first(tops, "Missouri City").precision == "exact"
    assert _first(tops, "Aleppo").country == "SY"


def test_conflict_regions_are_first_level_areas():
    tops = geoparse("Fighting spread across North Kivu and Ituri provinces, and gunmen raided a village in Zamfara state.")
    assert {(t.text, t.country, t.precision) for t in tops} >= {
        ("North Kivu", "CD", "admin1"), ("Ituri", "CD", "admin1"), ("Zamfara", "NG", "admin1")}
    # An oblast bears its city's name: the bare name is the city, with "region" or "oblast" the oblast.
    tops = geoparse("Shells hit a school in the Kharkiv region on Monday, and Kharkiv itself lost power.")
    region, city = [t for t in tops if t.text == "Kharkiv"]
    assert (region.precision, city.precision) == ("admin1", "exact") and region.country == city.country == "UA"
    # Niger State is Nigeria's; Niger alone stays the country.
    tops = geoparse("Bandits attacked a market in Niger State, and Niger closed its border.")
    assert _first(tops, "Niger State").country == "NG" and _first(tops, "Niger").country == "NE"
    assert _first(geoparse("The army moved more troops into Rakhine State."), "Rakhine State").country == "MM"


def test_a_county_named_without_its_word_is_the_county_where_the_words_say_so():
    tops = geoparse("Deputies from the Multnomah Sheriff office searched the woods near Gresham.")
    county = _first(tops, "Multnomah")
    assert (county.country, county.admin1, county.precision) == ("US", "Oregon", "admin2")
    tops = geoparse("Voters in Cuyahoga backed the levy, officials in Cleveland said.")
    assert _first(tops, "Cuyahoga").admin1 == "Ohio"
    # Without such words a name stays what it was: a man is no county.
    assert "Travis" not in {t.text for t in geoparse("Travis said the plant in Austin would hire again.")}


def test_a_citys_people_vouch_for_no_capital_of_its_name():
    # "Londoner" says no more than "London": the council and the Ontario board make it London, Ontario.
    tops = geoparse("London city council voted on Tuesday to widen Wharncliffe Road. One Londoner who drives it "
                    "every day took her complaint to the Ontario board.")
    assert (_first(tops, "London").country, _first(tops, "London").admin1) == ("CA", "Ontario")
    # A report about Britain keeps its capital.
    assert _first(geoparse("Londoners queued for hours in London on Thursday as Britain voted."), "London").country == "GB"


def test_a_city_abroad_gives_way_to_the_provinces_a_report_keeps_naming():
    # Delft, the Dutch city of 100,000, is not the Delft of a report on the Western and Eastern Cape.
    tops = geoparse("Police in the Western Cape said the suspect was arrested in Delft on Monday. Western Cape "
                    "officials met Eastern Cape police in Gqeberha, and the Eastern Cape team flew home on Tuesday.")
    assert (_first(tops, "Delft").country, _first(tops, "Delft").precision) == ("ZA", "near")
    # Named with its own country's towns, it stays the Dutch city.
    tops = geoparse("Students from Delft and Leiden marched through Amsterdam on Monday.")
    assert _first(tops, "Delft").country == "NL"


def test_the_county_around_the_town_a_report_keeps_naming():
    # Paris named three times is Paris, Tennessee; its county is Henry County, Tennessee, not the
    # Virginia county a Ridgeway named once would point to.
    tops = geoparse("A Paris man was charged on Friday after a chase through downtown Paris. Paris police said he "
                    "will appear in Henry County court next week. Deputies later searched a barn near Ridgeway.")
    assert _first(tops, "Henry County").admin1 == "Tennessee"


def test_an_american_papers_lone_town_is_american():
    # No country named, but dollars, an AP month and a councilman: the American Mansfield.
    tops = geoparse("MANSFIELD -- The council on Tuesday approved $2.4 million for a new fire station. Councilman "
                    "Bill Ortiz said the Mansfield Police Department would share the building from Sept. 1.")
    assert {t.country for t in tops if t.text.lower() == "mansfield"} == {"US"}
    # Pounds and a town centre keep the English one; one dollar sum alone moves nothing.
    assert _first(geoparse("Crowds gathered in Mansfield town centre on Saturday as the council unveiled a £2m plan "
                           "for the market square."), "Mansfield").country == "GB"
    assert _first(geoparse("Birmingham will host the trade fair in 2025, the organisers said."), "Birmingham").country == "GB"


def test_a_british_papers_lone_town_is_british():
    # Pounds and "Mr" without its full stop, no country named: Lancaster, England, not California.
    tops = geoparse("Shoppers in Lancaster spent £2m more this Christmas than last, Mr Patel of the traders' "
                    "association said.")
    assert _first(tops, "Lancaster").country == "GB"
    assert _first(geoparse("Shoppers in Lancaster spent more this Christmas than last, the traders' association "
                           "said."), "Lancaster").country == "US"


def test_a_town_once_named_with_its_state_keeps_that_state_bare():
    # "Springfield, Ill." first; the bare "Springfield" after it is the same town, not Springfield,
    # Missouri, which the report's three Missouri towns (and its size) would otherwise favour.
    tops = geoparse("Judges picked five finalists: Joplin, Mo., Columbia, Mo., St. Joseph, Mo., and Springfield, "
                    "Ill. Joplin and Springfield were also finalists last year.")
    assert [t.admin1 for t in tops if t.text == "Springfield"] == ["Illinois", "Illinois"]
    assert [t.admin1 for t in tops if t.text == "Joplin"] == ["Missouri", "Missouri"]


def test_a_nationality_is_the_country_not_the_town_that_bears_it():
    # "Canadian maple syrup" in a report on Texas is Canada's; Canadian, Texas is the town where the
    # text places it.
    tops = geoparse("The Tyler bakery ships pecan pies across Texas from its shop near Dallas. It now sells Canadian "
                    "maple syrup too, the owner said at the fairs in Amarillo and Lubbock, West Texas.")
    assert (_first(tops, "Canadian").country, _first(tops, "Canadian").precision) == ("CA", "country")
    tops = geoparse("The ranch lies near Canadian, Texas, an hour from Amarillo.")
    assert (_first(tops, "Canadian").country, _first(tops, "Canadian").admin1) == ("US", "Texas")


def test_a_place_the_gazetteer_lacks_lies_at_the_reports_town_not_mid_state():
    # The state is named just before the street, the town further back: the street is in Fargo, not at
    # North Dakota's middle point, 270 km west.
    tops = geoparse("Fargo police closed three roads on Monday as the river rose toward a record crest, and "
                    "volunteers filled sandbags through the night at the city's dome while crews built clay dikes "
                    "along the banks in several neighbourhoods. North Dakota officials said Elm Street would stay "
                    "closed until Friday.")
    street = _first(tops, "Elm Street")
    assert street.precision == "near" and abs(street.lat - 46.88) < 0.1 and abs(street.lon + 96.79) < 0.1



def test_a_nickname_no_town_bears_is_no_far_town():
    # "Apple City" is only a nickname GeoNames gives Watsonville, California: in an Ohio report it is
    # no reading; in a report that names California it still is.
    tops = geoparse("Volunteer firefighters from Zanesville and Apple City fought the barn fire for three hours, "
                    "Muskingum County deputies said.")
    assert _first(tops, "Apple City").admin1 != "California"
    assert _first(tops, "Zanesville").admin1 == "Ohio"
    tops = geoparse("Crews from Salinas and Apple City fought the barn fire near Monterey, California, for three "
                    "hours, deputies said.")
    assert _first(tops, "Apple City").name == "Watsonville"


def test_a_name_spacy_calls_a_person_lies_in_the_reports_state_not_in_a_far_town():
    # "Wright" (a person to spaCy) has no town in Georgia: not Wright, Florida, but the report's area.
    tops = geoparse("Crews from Macon, Warner Robins and Perry cleared fallen trees across middle Georgia on Monday. "
                    "The old Wright bridge was shut as well.")
    wright = _first(tops, "Wright")
    assert (wright.admin1, wright.precision) == ("Georgia", "near")
    # A town of the name in the report's own state stays that town.
    tops = geoparse("Crews from Duluth, Hibbing and Virginia cleared fallen trees across northern Minnesota on "
                    "Monday. The Harris family lost its barn.")
    assert (_first(tops, "Harris").name, _first(tops, "Harris").admin1) == ("Harris", "Minnesota")


def test_a_far_small_town_no_town_of_the_home_state_bears_is_a_local_hamlet():
    # Every other name lies in Ohio; "Orient" has no Ohio reading and the New York hamlet lies 700 km
    # away: an Ohio hamlet the gazetteer lacks, placed at the report's nearest town.
    tops = geoparse("Storm sirens go up this spring in Obetz, Ashville, Commercial Point and Darbydale, the Pickaway "
                    "County commissioners said. A fifth will stand near the fire station in Orient.")
    orient = _first(tops, "Orient")
    assert (orient.admin1, orient.precision) == ("Ohio", "near")


def test_a_small_town_far_from_every_other_place_of_the_report_is_placed_among_them():
    # No home state (two names only): "Skagway" is no Alaskan town 4,000 km from the parade's city.
    tops = geoparse("Crowds filled New Orleans and Metairie on Saturday, and the parade ended in Skagway after dark.")
    town = _first(tops, "Skagway")
    assert (town.admin1, town.precision) == ("Louisiana", "near")
    # The text placing it keeps the town.
    tops = geoparse("Crowds filled New Orleans and Metairie on Saturday, and a parade ended in Skagway, Alaska.")
    assert (_first(tops, "Skagway").admin1, _first(tops, "Skagway").precision) == ("Alaska", "exact")
    # An English word is left to the filters: the rule does not lend it the report's places.
    tops = geoparse("Teachers held a sit-in in Tripoli and Byblos on Friday; a member of the Teachers Union in "
                    "the North spoke.")
    assert all(t.precision != "near" for t in tops if t.text == "North")


def _one_village_gazetteer(path, place_id: int, country: str, lat: float, lon: float):
    """A gazetteer file that knows a single village, "Tell Barud", at the given point."""
    import sqlite3

    from ceasefire.resolve.places.gazetteer import _SCHEMA, NAME_MAIN, Gazetteer, Place, _Writer

    conn = sqlite3.connect(path)
    conn.executescript(_SCHEMA)
    w = _Writer(conn)
    w.place(Place(place_id, "Tell Barud", lat, lon, "P", "PPL", country, None, None, 2000, "test"), [("Tell Barud", NAME_MAIN)])
    w.flush()
    conn.commit()
    conn.close()
    return Gazetteer(path)


def test_two_gazetteer_files_keep_their_own_readings(tmp_path):
    # Readings are remembered per gazetteer: a second file with the same name elsewhere is read afresh,
    # by its exact name and by its consonant outline ("Tal Baroud").
    from ceasefire.resolve.places.detect import lookup_candidates

    first = _one_village_gazetteer(tmp_path / "first.sqlite", 9990101, "SY", 36.2, 37.1)
    second = _one_village_gazetteer(tmp_path / "second.sqlite", 9990202, "LB", 33.9, 35.8)
    try:
        for gaz, pid in ((first, 9990101), (second, 9990202), (first, 9990101)):
            exact = [(p.id, p.country) for p, _, match in lookup_candidates(gaz, "Tell Barud") if match == "exact"]
            outline = [p.id for p, _, match in lookup_candidates(gaz, "Tal Baroud") if match == "skeleton"]
            assert exact == [(pid, "SY" if pid == 9990101 else "LB")]
            assert outline == [pid]
        assert lookup_candidates(first, "Tell Qamar") == [] and lookup_candidates(second, "Tal Qamr") == []
        lookup_candidates(first, "Tell Barud").clear()  # a caller's list is its own
        assert [p.id for p, _, _ in lookup_candidates(first, "Tell Barud")] == [9990101]
    finally:
        first.close()
        second.close()


def test_a_reports_lookups_share_one_read_of_the_file_and_let_a_writer_in_after(tmp_path):
    # find_mentions and resolve_mentions read the gazetteer inside reading(): one transaction, nested
    # uses sharing it; once the last is out, an import into the same file commits and is seen.
    import sqlite3

    from ceasefire.resolve.places.gazetteer import NAME_MAIN, Place, _Writer

    gaz = _one_village_gazetteer(tmp_path / "villages.sqlite", 9990101, "SY", 36.2, 37.1)
    try:
        with gaz.reading():
            with gaz.reading():
                assert [p.id for p, _ in gaz.candidates("tell barud")] == [9990101]
            assert gaz._conn.in_transaction
        assert not gaz._conn.in_transaction
        conn = sqlite3.connect(tmp_path / "villages.sqlite", timeout=0.1)
        w = _Writer(conn)
        w.place(Place(9990303, "Tell Qamar", 36.3, 37.2, "P", "PPL", "SY", None, None, 900, "test"), [("Tell Qamar", NAME_MAIN)])
        w.flush()
        conn.commit()  # "database is locked" if the read were still open
        conn.close()
        with gaz.reading():
            assert [p.id for p, _ in gaz.candidates("tell qamar")] == [9990303]
    finally:
        gaz.close()


def test_a_town_written_before_its_state_is_the_town_of_that_state():
    # spaCy reads "Matias Romero" as a person; the gazetteer holds the town by a longer name.
    from ceasefire.resolve.places import geoparse

    found = {t.text: t for t in geoparse("The caravan stopped for two days in Matias Romero, Oaxaca State, "
                                         "before buses took the families north.")}
    assert found["Matias Romero"].country == "MX" and found["Matias Romero"].admin1 == "Oaxaca"


def test_venues_listed_with_semicolons_lie_in_the_reports_town():
    # A list of venues in Title Case is no headline: each still lies by the town the list names.
    from ceasefire.resolve.places import geoparse

    found = {t.text: t for t in geoparse("Workshops will be held in these buildings: Galway Library; Oranmore Castle Hotel, "
                                         "Galway; Kilcolgan Parish Hall; Clarinbridge Community Centre.")}
    hall = found["Kilcolgan Parish Hall"]
    assert hall.country == "IE" and hall.precision == "near"


def test_a_place_the_gazetteer_lacks_before_its_county_lies_in_that_county():
    from ceasefire.resolve.places import geoparse

    found = {t.text: t for t in geoparse("Round nine, 4/5 August: Cadwell Park GP, Lincolnshire. Round ten follows.")}
    assert found["Cadwell Park GP"].precision == "admin2" and found["Cadwell Park GP"].country == "GB"


def test_a_callers_parse_is_used_only_for_its_own_text():
    from ceasefire.nlp import load_pipeline

    nlp = load_pipeline(("lemmatizer",))
    text = "Aid trucks reached Madaya and Zabadani near Damascus on Monday, the ICRC said."
    doc = nlp(text)
    other = text.replace("Madaya", "Daraya")  # same length, another town
    assert [(t.text, t.admin1) for t in geoparse(other, spacy_doc=doc)][:2] == [("Daraya", "Rif Dimashq"), ("Zabadani", "Rif Dimashq")]
    assert [t.text for t in geoparse(text, spacy_doc=doc)][:3] == ["Madaya", "Zabadani", "Damascus"]


def test_a_town_of_the_country_the_scan_has_just_named_is_a_place_whatever_spacy_calls_it():
    # "Syrian" is found in the same pass as the towns after it: it vouches for them from there on.
    found = {t.text: t for t in geoparse("Syrian army rockets hit Binnish and Saraqeb overnight, killing four civilians, "
                                         "a war monitor said.")}
    assert found["Binnish"].country == "SY" and found["Binnish"].admin1 == "Idlib"
    assert found["Saraqeb"].admin1 == "Idlib"


def test_a_town_of_the_reports_country_that_spacy_calls_a_person_is_the_town():
    found = {t.text: t for t in geoparse("Syrian government artillery hit Taftanaz and Binnish overnight, a war monitor said.")}
    assert found["Taftanaz"].country == "SY" and found["Taftanaz"].admin1 == "Idlib"
    # ... but not where the words make it a person's name.
    found = {t.text for t in geoparse("Syrian forces shelled the town on Monday. Taftanaz said he had fled.")}
    assert "Taftanaz" not in found


def test_syrian_towns_and_districts_as_the_press_spells_them():
    text = ("BEIRUT (Reuters) - Government helicopters dropped barrel bombs on Douma and Babbila near Damascus on "
            "Tuesday, while rebels shelled Sheikh Miskeen in the south, a war monitor said. In the north, fighting "
            "raged around Hayyan, Kafr Hamra and the al-Fardous district of Aleppo. Turkish-backed fighters advanced "
            "on Rajo and Darat Izza, and clashes were reported in Zirbeh and Sarrin. Warplanes also struck Salma "
            "in the Latakia mountains.")
    found = {t.text: t for t in geoparse(text)}
    expected = {"Douma": "Rif Dimashq", "Babbila": "Rif Dimashq", "Sheikh Miskeen": "Daraa", "Hayyan": "Aleppo",
                "Kafr Hamra": "Aleppo", "al-Fardous": "Aleppo", "Rajo": "Aleppo", "Darat Izza": "Aleppo",
                "Zirbeh": "Aleppo", "Sarrin": "Aleppo", "Salma": "Latakia"}
    for name, admin1 in expected.items():
        assert found[name].country == "SY" and found[name].admin1 == admin1, name
    # Spellings of GeoNames places reach the GeoNames place (its id), not a new one.
    assert found["Douma"].geonames_id is not None and found["Sheikh Miskeen"].geonames_id is not None


def test_a_people_the_scan_finds_vouches_for_no_alternate_name_of_its_towns():
    # "Palestinian" and "Israeli" name their countries, but "Al Quds" is only a GeoNames alternate of
    # Jerusalem: the neighbourhood's name is read whole, as the report writes it.
    found = [t.text for t in geoparse("Palestinian youths threw stones at Israeli troops during a raid in Al Quds - Silwan "
                                      "town on Friday, a local council said.")]
    assert "Al Quds - Silwan" in found and "Al Quds" not in found

"""Place detection: which words of a report name a place (resolve/places/detect)."""

from __future__ import annotations

from ceasefire.resolve.places import geoparse


def _named(text: str) -> dict[str, object]:
    return {t.text: t for t in geoparse(text)}


def test_town_at_the_head_of_its_city_council_is_the_town():
    # "Marion City" is no name of its own: the council is Marion's.
    found = _named("The Marion City Council voted on Tuesday to repave two streets.")
    assert "Marion" in found and found["Marion"].country == "US"


def test_town_police_named_with_the_article_is_the_town():
    found = _named("A spokesman for the Gallup Police said the road would reopen.")
    assert found["Gallup"].admin1 == "New Mexico"


def test_a_mayoral_race_names_its_city():
    # The outline of the longer run ("Sochi Mayor") reaches a hamlet elsewhere; Sochi alone is the city.
    found = _named("Former governor Pavel Orlov enters Sochi Mayor race, the party said.")
    assert found["Sochi"].country == "RU"


def test_state_abbreviation_is_the_state_the_report_spells_out():
    found = _named("The Trenton office of the NJ Department of Labor opened after New Jersey "
                   "lawmakers approved its budget.")
    assert found["NJ"].admin1 == found["New Jersey"].admin1 == "New Jersey"
    assert found["NJ"].precision == "admin1"


def test_a_members_party_and_seat_is_no_place():
    found = _named("Senator Ann Smith (R-FL) praised the grant for Florida ports.")
    assert "FL" not in found and "Florida" in found


def test_two_capitals_alone_stay_an_acronym():
    # No state is spelled out: "OR" and "ME" are words, "BC" an era or a firm.
    found = _named("The chief said OR and ME staff would move to BC Logistics next year.")
    assert not {"OR", "ME", "BC"} & set(found)


def test_a_capitalised_article_before_a_clubs_town_does_not_hide_it():
    found = _named("The prize went to a garden show run by The Allendale Garden Club in New Jersey.")
    assert found["Allendale"].admin1 == "New Jersey"


def test_a_headline_that_opens_with_a_town_names_it():
    # spaCy tags a headline's first word a noun; a word that is no English noun is still the town.
    found = _named("Chicopee voters back a new library. The vote in Massachusetts was close.")
    assert found["Chicopee"].admin1 == "Massachusetts"


def test_a_school_team_named_for_its_town_names_the_town():
    # WordNet lists Watertown as a noun; the report never writes it in lower case.
    found = _named("Our boys beat third rated Watertown-ML on Friday, and the coach in South Dakota was pleased.")
    assert found["Watertown"].admin1 == "South Dakota"


def test_a_surname_at_the_head_of_a_firm_is_no_town():
    found = _named("Staff at the Bishop Group said the new depot in Ohio opens in May.")
    assert "Bishop" not in found and "Ohio" in found


def test_a_man_named_for_his_town_names_a_place_the_gazetteer_lacks():
    # spaCy reads "Maple Hollow" as a person; the article and "man" say it is where he lives.
    found = _named("Deputies in Iowa said the Maple Hollow man was released on Monday.")
    assert found["Maple Hollow"].admin1 == "Iowa"


def test_a_people_before_man_or_woman_is_no_place_of_its_own():
    found = _named("A jury in Iowa heard that a Catholic woman and a Republican man had testified.")
    assert set(found) == {"Iowa"}


def test_a_small_town_listed_with_a_known_one_is_a_place_near_it():
    found = _named("Sales tax receipts rose in Paris and Toxley last month, the Texas comptroller said.")
    assert found["Toxley"].admin1 == "Texas" and found["Toxley"].precision == "near"


def test_names_listed_with_a_town_that_are_people_bodies_or_firms_stay_out():
    found = _named("Coach Ripley praised Dillon and Connor after the win in Minnesota. Officials of Ohio "
                   "and NextEra met the Arlington Boys Club, Lions Club and Hezbollah fighters near Idlib and Rivers.")
    assert not {"Connor", "NextEra", "Lions Club", "Hezbollah"} & set(found)


def test_a_longer_name_is_never_read_as_its_first_words():
    found = _named("Police in Dourados, Mato Grosso do Sul, seized a truck on Monday. Pupils in "
                   "Villa Serena (Buenos Aires) marched.")
    assert found["Mato Grosso do Sul"].precision == "admin1"
    assert "Mato Grosso" not in found and "Villa" not in found


def test_a_hamlet_placed_once_after_in_lends_itself_to_its_school():
    found = geoparse("A mudslide closed the road in East Bank on Monday. Classes at East Bank Middle School "
                     "resume today, West Virginia officials said.")
    assert [t.admin1 for t in found if t.text == "East Bank"] == ["West Virginia", "West Virginia"]


def test_a_town_opening_the_name_of_its_mayor_or_police_chief_is_the_town():
    # spaCy's person runs over "East Bank Mayor Carl Stone"; a capitalised "But" opens the sentence,
    # no longer name; "Carthage" (a WordNet noun) opens a sentence before its police.
    found = geoparse("A mudslide closed the road in East Bank on Monday. But East Bank Mayor Carl Stone said the "
                     "road would reopen, West Virginia officials said. Police said Monday a woman was hurt. Carthage "
                     "Police Chief Tom Reed said the woman who was hurt on the road had been taken to a hospital in Missouri.")
    assert [t.admin1 for t in found if t.text == "East Bank"] == ["West Virginia", "West Virginia"]
    assert [t.admin1 for t in found if t.text == "Carthage"] == ["Missouri"]


def test_a_county_inside_what_spacy_calls_a_person_is_the_county():
    # spaCy sometimes reads a dateline and the county after it as one person ("COMER - Banks County").
    from spacy.tokens import Span

    from ceasefire.nlp import load_pipeline
    from ceasefire.resolve.places.detect import find_mentions
    from ceasefire.resolve.places.gazetteer import default_gazetteer

    doc = load_pipeline(("lemmatizer",))("Board to reopen bids . COMER - Banks County commissioners voted Tuesday.")
    start = next(t.i for t in doc if t.text == "COMER")
    doc.ents = [Span(doc, start, start + 4, label="PERSON")]
    mentions = find_mentions(doc, default_gazetteer())
    county = next(m for m in mentions if m.text == "Banks County")
    assert any(p.is_admin2 for p, _, _ in county.candidates)


def test_a_heading_run_into_based_on_is_no_place():
    # The heading "What the pictures show" lost its line break; "Based on" opens the next sentence.
    text = ("What the pictures show Based on videos filmed by rescuers after the attack, "
            "doctors in Homs said a nerve agent was used.")
    found = _named(text)
    assert "Based" not in found
    assert found["Homs"].country == "SY"


def test_a_town_before_a_preposition_is_still_the_town():
    found = _named("Shelling hit Saraqib in the evening, activists said.")
    assert "Saraqib" in found and found["Saraqib"].admin1 == "Idlib"


def test_a_sentence_with_days_and_towns_is_no_headline():
    # Days, months and towns capitalised in running text do not make a headline: its verb is in
    # lower case, so spaCy's labels (a person, an organisation) do not hide the towns.
    found = _named("Jets struck Kafranbel on Monday and Saraqib on Tuesday.")
    assert found["Kafranbel"].admin1 == found["Saraqib"].admin1 == "Idlib"
    found = _named("Shelling hit Maarat al-Numan on Tuesday and Saraqib in the evening.")
    assert found["Saraqib"].admin1 == "Idlib"


def test_an_area_titled_in_lower_case_is_the_area_not_its_capital():
    # Areas named like their capitals are known as "Mopti Region", "Marib Governorate".
    found = _named("Clashes were reported in the Mopti region on Sunday.")
    assert (found["Mopti"].name, found["Mopti"].precision) == ("Mopti Region", "admin1")
    found = _named("Air strikes hit Marib governorate overnight, residents said.")
    assert (found["Marib"].name, found["Marib"].precision) == ("Marib Governorate", "admin1")
    # Without the title the name is the city.
    found = _named("Police in Mopti said the market reopened.")
    assert (found["Mopti"].name, found["Mopti"].precision) == ("Mopti", "exact")


def test_a_speaker_named_after_according_to_is_no_place():
    # "Hale" is also a town in England; here it is the expert the report quotes three times.
    text = ("The attack near Damascus killed hundreds, doctors said. Gwyn Hale, an editor of a journal on "
            "chemical arms, said the pictures suggest a nerve agent. Proof would require, according to "
            "Hale, a sample of the agent itself. Hale says that the rebels could not have staged it.")
    found = _named(text)
    assert "Hale" not in found and found["Damascus"].country == "SY"



def test_a_home_town_the_gazetteer_lacks_lends_itself_to_its_later_mentions():
    # "a Maple Hollow man" shows the name to be a place; "the Maple Hollow man" later in the report is
    # that place too (spaCy calls it a person there), placed by context in the report's state.
    found = geoparse("Deputies in Iowa said a Maple Hollow man was arrested on Monday. He had lived for years in "
                     "the Maple Hollow area, and neighbors said the Maple Hollow man kept to himself.")
    hollow = [t for t in found if t.text == "Maple Hollow"]
    assert len(hollow) == 3 and {t.admin1 for t in hollow} == {"Iowa"} and {t.precision for t in hollow} == {"near"}


def test_a_place_spacy_reads_after_in_that_the_gazetteer_lacks_whole_is_kept():
    # The gazetteer knows words inside "Harbor Park" but not the whole name, and the scan finds no
    # place in it; after "in" it is a place, placed by context near the report's city.
    found = _named("Los Angeles police said the company found an office park facility in Harbor Park that was "
                   "large enough to work on several trucks at once.")
    assert found["Harbor Park"].admin1 == "California" and found["Harbor Park"].precision == "near"


def test_a_place_entity_with_a_word_in_lower_case_is_not_kept_by_its_cue_alone():
    # spaCy half-reads "Tal-hamra"; a name the gazetteer lacks is kept by its cue only when written in capitals.
    found = _named("Fighting was reported in Tal-hamra area near Daraa on Friday.")
    assert "Tal-hamra" not in found and "Daraa" in found


def test_a_provinces_short_form_is_the_province_whose_towns_the_report_names():
    # British Columbia is never spelled out, but Penticton and Kamloops both lie in it.
    found = _named("Penticton residents can now apply for permits at the new ServiceDesk BC office. "
                   "Before it opened, people had to drive to Kamloops to reach a ServiceDesk BC counter.")
    assert found["BC"].name == "British Columbia" and found["BC"].precision == "admin1"
    assert found["Kamloops"].admin1 == "British Columbia"


def test_a_countrys_initials_in_title_case_are_a_word():
    # "CAR" is the Central African Republic; "Car" of a championship's name is a car.
    found = _named("The Scottish Touring Car Championship opens at Knockhill. Rebels in the CAR attacked Bria.")
    assert "Car" not in found
    assert found["CAR"].country == "CF"


def test_a_title_alone_is_no_place():
    # spaCy may read a comma-fenced "Dr" as a place; the gazetteer knows "Dr" as a spelling of Daraa.
    from ceasefire.resolve.places.detect import _excluded_acronym, lookup_candidates
    from ceasefire.resolve.places.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    assert _excluded_acronym("Dr", lookup_candidates(gaz, "Dr"))
    assert not _excluded_acronym("Daraa", lookup_candidates(gaz, "Daraa"))


def test_two_names_before_streets_are_two_streets_of_the_reports_town():
    # Walnut and Beaumont are also towns elsewhere; here they are streets of Fargo.
    found = _named("A water main broke at the corner of Walnut and Beaumont streets in Fargo on Monday.")
    assert found["Walnut"].name is None and found["Walnut"].precision == "near"
    assert found["Beaumont"].admin1 == found["Fargo"].admin1 == "North Dakota"


def test_words_of_an_office_title_are_no_towns():
    # Justice and Leader are small towns in the gazetteer; here they name a portfolio and an office.
    found = _named("The former Minister of Justice and the Leader of the Opposition met in Colombo on Monday.")
    assert "Justice" not in found and "Leader" not in found
    assert found["Colombo"].country == "LK"


def test_a_club_named_for_its_town_names_the_town():
    # spaCy reads "Blackburn Rovers" as a man; the club's town is still named.
    found = _named("Fans of Blackburn Rovers gathered outside the ground before the match against Preston.")
    assert found["Blackburn"].country == "GB"

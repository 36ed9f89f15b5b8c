"""Named facilities (resolve/places/detect/facilities): found whole, placed where the report puts them."""

from __future__ import annotations

from ceasefire.resolve.places import geoparse
from ceasefire.resolve.places.gazetteer import distance_km


def _named(text: str) -> dict[str, object]:
    return {t.text: t for t in geoparse(text)}


def test_golf_club_lies_in_the_town_written_after_it():
    found = _named("The charity dinner will be held at the Quillfeather Golf Club in Paterson, New Jersey, on Friday.")
    club, town = found["Quillfeather Golf Club"], found["Paterson"]
    assert club.precision == "near" and club.admin1 == "New Jersey"
    assert distance_km(club.lat, club.lon, town.lat, town.lon) < 1


def test_hotel_named_after_its_first_word_lies_in_the_reports_town():
    found = _named("BRNO, Czech Republic — Fire crews were called to the Hotel Vostranek late on Sunday, "
                   "police in Brno said.")
    hotel = found["Hotel Vostranek"]
    assert hotel.country == "CZ" and hotel.precision == "near"


def test_a_facility_named_for_a_city_is_left_to_the_city():
    found = _named("The wounded were taken to Aleppo University Hospital, a doctor said.")
    assert "Aleppo University Hospital" not in found
    assert found["Aleppo"].country == "SY"


def test_a_man_named_like_a_building_is_no_facility():
    found = _named("Commissioner Joe Hall said the vote on the new road in Lubbock would wait.")
    assert "Joe Hall" not in found
    assert "Lubbock" in found


def test_a_far_namesake_at_the_head_of_a_library_is_the_reports_town():
    # Kodiak, Alaska is no building in an Ohio story: the library lies in the city.
    found = _named("Volunteers in Columbus, Ohio, repainted the reading rooms of the Kodiak Library "
                   "on Elm Street after the spring floods.")
    library = found["Kodiak"]
    assert library.admin1 == "Ohio" and library.precision == "near"


def test_the_reports_own_town_at_the_head_of_a_hospital_stays_the_town():
    found = geoparse("Council approved the permit for the new Woodstock General Hospital, the mayor of "
                     "Woodstock, Ontario, said on Monday.")
    woodstock = [t for t in found if t.text == "Woodstock"]
    assert len(woodstock) == 2 and all(t.admin1 == "Ontario" and t.precision == "exact" for t in woodstock)


def test_a_block_of_a_street_lies_in_the_town_after_it():
    found = _named("Police said the burglary happened at a home in the 400 block of Pettibone in Lemay, "
                   "Missouri, late on Monday.")
    street, town = found["Pettibone"], found["Lemay"]
    assert street.precision == "near" and distance_km(street.lat, street.lon, town.lat, town.lon) < 1


def test_a_numbered_street_is_a_place_of_the_reports_town():
    found = _named("CHATTANOOGA, Tenn. -- Two men were arrested on 14th St. Thursday afternoon, "
                   "police in Chattanooga said.")
    assert found["14th St."].admin1 == "Tennessee" and found["14th St."].precision == "near"


def test_names_listed_before_streets_are_streets_of_the_reports_town():
    found = _named("ROCKFORD, Ill. -- A cyclist was hurt Tuesday at Kishwaukee and Harrington streets, police said. "
                   "Crews also closed Mulford, Bell School and Harlem roads for repairs.")
    town = found["ROCKFORD"]
    for name in ("Kishwaukee", "Harrington", "Mulford", "Bell School"):
        street = found[name]
        assert street.precision == "near" and distance_km(street.lat, street.lon, town.lat, town.lon) < 1
    # One name before "streets" is no list of streets: the town's streets.
    assert _named("Crews plowed Rockford streets on Monday.")["Rockford"].precision == "exact"


def test_an_inn_named_for_a_small_town_nobody_reads_is_named_whole():
    # "Harrison" is a town's name inside spaCy's building name: no pass reads the town, so the inn is
    # named whole and lies in the report's city.
    found = _named("The dinner was held at the Harrison Inn in Dayton, Ohio, on Friday.")
    inn = found["Harrison Inn"]
    assert inn.admin1 == "Ohio" and inn.precision == "near"
    assert "Harrison" not in found


def test_a_school_named_for_a_small_town_nobody_reads_stays_unnamed():
    found = _named("She taught at Rosa Bartlett Middle School in Akron, Ohio.")
    assert not any("Bartlett" in name for name in found)


def test_a_school_where_something_happens_is_named_whole_and_lies_in_the_town_after_it():
    # "Mercer" is a town's name inside the school's name; the school is where the shooting was, so it
    # is a place, in the town written after it. Where someone teaches it stays the employer.
    found = _named("Two students were hurt in a shooting at Mercer Hill High School in Tacoma, "
                   "Washington, on Friday, police said.")
    school = found["Mercer Hill High School"]
    assert school.precision == "near" and school.admin1 == "Washington State"
    assert abs(school.lat - 47.25) < 0.1 and abs(school.lon + 122.44) < 0.1
    assert "Mercer" not in found
    taught = _named("She taught at Mercer Hill High School in Tacoma, Washington.")
    assert not any("Mercer" in name for name in taught)

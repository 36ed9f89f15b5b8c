"""First-level areas (states, provinces, regions) of the countries monitors watch.

Each area in resources/gazetteer/admin1.tsv carries the GeoNames admin1 code found on its
capital's row in cities500, so every town of the area takes the area's name, and the area
itself resolves as an area, not as a namesake town elsewhere.
"""

from __future__ import annotations

import pytest

from ceasefire.resolve.places import geoparse


def _first(toponyms, surface):
    return next(t for t in toponyms if t.text == surface)


def test_indian_states_are_areas_and_their_towns_carry_them():
    tops = geoparse("Landslides cut the highway in Uttarakhand, and police in Imphal, Manipur, "
                    "imposed a curfew after clashes.")
    uttarakhand = _first(tops, "Uttarakhand")
    assert (uttarakhand.country, uttarakhand.precision) == ("IN", "admin1")
    imphal = _first(tops, "Imphal")
    assert imphal.country == "IN" and imphal.admin1 == "Manipur"


def test_pakistani_provinces_name_their_towns():
    tops = geoparse("Militants attacked a checkpoint near Quetta in Balochistan, and a bomb "
                    "went off in Peshawar.")
    assert _first(tops, "Quetta").admin1 == "Balochistan"
    assert _first(tops, "Peshawar").admin1 == "Khyber Pakhtunkhwa"
    assert (_first(tops, "Balochistan").country, _first(tops, "Balochistan").precision) == ("PK", "admin1")


def test_somali_regions_resolve_as_regions():
    tops = geoparse("Al-Shabaab fighters overran a base in Middle Shabelle before troops "
                    "retook it from Jowhar.")
    region = _first(tops, "Middle Shabelle")
    assert (region.country, region.precision) == ("SO", "admin1")
    # The regional capital Jowhar lies within some 10 km of the region's point.
    assert abs(region.lat - 2.78) < 0.1 and abs(region.lon - 45.50) < 0.1
    assert _first(tops, "Jowhar").admin1 == "Middle Shabelle"


def test_bay_and_bari_stay_words_and_a_city_unless_named_as_regions():
    tops = geoparse("Floods displaced families in the Bay Region of Somalia, while dockers "
                    "struck in Bari.")
    assert _first(tops, "Bay Region").country == "SO"
    bari = _first(tops, "Bari")
    assert bari.country == "IT" and bari.precision == "exact" and bari.admin1 == "Apulia"


def test_italian_regions_are_areas_not_towns():
    tops = geoparse("Farmers blocked roads across Liguria and Sicily, and students marched in Turin.")
    assert {(t.text, t.country, t.precision) for t in tops} >= {
        ("Liguria", "IT", "admin1"), ("Sicily", "IT", "admin1")}
    assert _first(tops, "Turin").admin1 == "Piedmont"


def test_colombian_department_named_like_a_word_needs_its_title():
    tops = geoparse("Dissidents clashed with the army in Meta Department and in Cauca, near Popayán.")
    assert (_first(tops, "Meta Department").country, _first(tops, "Meta Department").precision) == ("CO", "admin1")
    assert (_first(tops, "Cauca").country, _first(tops, "Cauca").precision) == ("CO", "admin1")
    assert _first(tops, "Popayán").admin1 == "Cauca"


def test_chilean_and_argentine_provinces_carry_their_towns():
    tops = geoparse("Mapuche communities blocked a road outside Temuco in Araucanía, and teachers "
                    "marched in Rawson, the capital of Chubut.")
    assert _first(tops, "Temuco").admin1 == "Araucanía"
    assert (_first(tops, "Araucanía").country, _first(tops, "Araucanía").precision) == ("CL", "admin1")
    rawson = _first(tops, "Rawson")
    assert rawson.country == "AR" and rawson.admin1 == "Chubut" and rawson.lat < -40


def test_venezuelan_state_named_like_its_capital_is_the_state_only_with_its_title():
    tops = geoparse("Protesters gathered in Barinas while power cuts hit all of Zulia and Barinas State.")
    barinas = [t for t in tops if t.text.startswith("Barinas")]
    assert [t.precision for t in barinas] == ["exact", "admin1"]
    assert (_first(tops, "Zulia").country, _first(tops, "Zulia").precision) == ("VE", "admin1")


def test_darfur_states_and_their_capitals():
    tops = geoparse("Aid convoys reached Nyala in South Darfur after shelling eased in North Darfur.")
    assert _first(tops, "Nyala").admin1 == "South Darfur"
    north = _first(tops, "North Darfur")
    assert (north.country, north.precision) == ("SD", "admin1")


def test_ethiopian_and_sahel_regions_are_areas():
    tops = geoparse("Fighting flared in Amhara and Afar regions, while in Mali the army patrolled "
                    "the Mopti Region and traders returned to Mopti.")
    assert {(t.text, t.country, t.precision) for t in tops} >= {
        ("Amhara", "ET", "admin1"), ("Afar", "ET", "admin1")}
    # A region named like its capital is the region only with its title; the bare name is the town.
    assert (_first(tops, "Mopti Region").precision, _first(tops, "Mopti").precision) == ("admin1", "exact")
    assert _first(tops, "Mopti").admin1 == "Mopti Region"
    assert _first(geoparse("Gunmen attacked a convoy near Dori in Burkina Faso."), "Dori").admin1 == "Sahel Region"


def test_anglophone_cameroon_and_cabo_delgado():
    tops = geoparse("Separatists burned a school near Bamenda, and insurgents raided a village "
                    "north of Pemba in Cabo Delgado.")
    assert _first(tops, "Bamenda").admin1 == "Northwest Region"
    delgado = _first(tops, "Cabo Delgado")
    assert (delgado.country, delgado.precision) == ("MZ", "admin1")
    assert _first(tops, "Pemba").admin1 == "Cabo Delgado"


def test_peruvian_region_named_like_a_foreign_town_needs_its_title():
    tops = geoparse("Miners blocked the highway in the Junín Region, and farmers marched in Huancayo.")
    assert (_first(tops, "Junín Region").country, _first(tops, "Junín Region").precision) == ("PE", "admin1")
    assert _first(tops, "Huancayo").admin1 == "Junín Region"


def test_iranian_provinces_carry_their_towns_and_a_news_agency_is_no_province():
    tops = geoparse("Strikes spread from Ahvaz in Khuzestan to Zahedan, where security forces fired on crowds.")
    assert _first(tops, "Ahvaz").admin1 == "Khuzestan"
    assert _first(tops, "Zahedan").admin1 == "Sistan and Baluchestan"
    assert (_first(tops, "Khuzestan").country, _first(tops, "Khuzestan").precision) == ("IR", "admin1")
    assert _first(geoparse("Protesters marched in Shiraz, the capital of Fars Province."),
                  "Fars Province").precision == "admin1"


def test_turkish_province_named_unlike_its_capital_and_one_named_alike():
    tops = geoparse("Rescuers reached Antakya in Hatay, and aftershocks shook Diyarbakır Province.")
    assert _first(tops, "Antakya").admin1 == "Hatay"
    assert _first(tops, "Diyarbakır Province").precision == "admin1"
    hatay = _first(geoparse("Aftershocks shook Hatay on Monday."), "Hatay")
    assert (hatay.country, hatay.precision, hatay.admin1) == ("TR", "admin1", "Hatay")


def test_mindanao_regions_name_their_cities():
    tops = geoparse("Soldiers clashed with gunmen outside Cotabato, and a curfew held in Davao Region.")
    assert _first(tops, "Cotabato").admin1 == "Bangsamoro"
    davao = _first(tops, "Davao Region")
    assert (davao.country, davao.precision) == ("PH", "admin1")


def test_indonesian_provinces_are_areas_and_carry_their_towns():
    tops = geoparse("Separatists ambushed a patrol near Jayapura, and floods closed schools across Central Java.")
    assert _first(tops, "Jayapura").admin1 == "Papua Province"
    java = _first(tops, "Central Java")
    assert (java.country, java.precision) == ("ID", "admin1")


def test_chad_and_nepal_provinces():
    tops = geoparse("Herders and farmers clashed near Abéché in Ouaddaï, and refugees crossed into Sila Province.")
    assert _first(tops, "Abéché").admin1 == "Ouaddaï"
    assert (_first(tops, "Sila Province").country, _first(tops, "Sila Province").precision) == ("TD", "admin1")
    assert _first(geoparse("Students rallied in Pokhara in western Nepal."), "Pokhara").admin1 == "Gandaki Province"


@pytest.mark.parametrize("text, state, country", [
    ("Police in Bunbury, WA, said two men were arrested after a fire at the port on Sunday.", "Western Australia", "AU"),
    ("Police in Spokane, WA, said two men were arrested after a fire at the port on Sunday.", "Washington State", "US"),
    ("Flood water closed the highway near Toowoomba, QLD, on Tuesday, police said.", "Queensland", "AU"),
])
def test_a_state_short_form_after_its_town_and_comma(text, state, country):
    tops = geoparse(text)
    short = next(t for t in tops if t.text in ("WA", "QLD"))
    assert (short.admin1, short.country, short.precision) == (state, country, "admin1")
    assert tops[0].admin1 == state  # the town before it, in that state


def test_chinese_german_french_and_spanish_regions_are_areas_and_carry_their_towns():
    tops = geoparse("Floods hit villages in Sichuan and Guangdong on Monday, while farmers in Bavaria "
                    "and Normandy marched in Munich and Rouen. Police in Barcelona, Catalonia, "
                    "closed two roads.")
    for name, country in (("Sichuan", "CN"), ("Guangdong", "CN"), ("Bavaria", "DE"), ("Normandy", "FR"),
                          ("Catalonia", "ES")):
        area = _first(tops, name)
        assert (area.country, area.precision) == (country, "admin1"), name
    assert _first(tops, "Munich").admin1 == "Bavaria"
    assert _first(tops, "Rouen").admin1 == "Normandy"
    assert _first(tops, "Barcelona").admin1 == "Catalonia"
    assert abs(_first(tops, "Sichuan").lat - 30.5) < 1 and abs(_first(tops, "Sichuan").lon - 102.5) < 1


def test_malaysian_states_and_a_province_named_like_its_capital():
    tops = geoparse("Rescuers in Sabah and Sarawak searched for survivors; the storm also reached "
                    "Jilin, the city, and Hokkaido.")
    assert (_first(tops, "Sabah").country, _first(tops, "Sabah").precision) == ("MY", "admin1")
    assert _first(tops, "Sarawak").precision == "admin1"
    assert _first(tops, "Hokkaido").country == "JP" and _first(tops, "Hokkaido").precision == "admin1"
    jilin = _first(tops, "Jilin")  # the province only as "Jilin Province": bare Jilin is the city
    assert jilin.country == "CN" and jilin.precision == "exact"

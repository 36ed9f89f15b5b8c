"""Zone rules: governorates, radius around a place, GeoJSON polygons, regions; honest about precision."""

from __future__ import annotations

import pytest

from ceasefire.analyse import zones as Z


def at(name, lat, lon, admin1, precision="exact", gid=None):
    return {"location_name": name, "lat": lat, "lon": lon, "admin1": admin1, "country": "SY",
            "location_precision": precision, "geonames_id": gid}


AROUND_DAMASCUS = Z.rule_from_spec({"around": "Damascus", "km": 25})


def test_areas_around_the_capital_reach_douma_not_zabadani():
    assert Z.match(AROUND_DAMASCUS, at("Douma", 33.5718, 36.4027, "Rif Dimashq")) == "12.4 km from Damascus (radius 25 km)"
    assert Z.match(AROUND_DAMASCUS, at("Zabadani", 33.7249, 36.1005, "Rif Dimashq")) is None  # 29.7 km


def test_event_placed_only_at_its_governorate_is_not_inside_a_radius():
    assert Z.match(AROUND_DAMASCUS, at("Rif Dimashq", 33.52, 36.30, "Rif Dimashq", precision="admin1")) is None


def test_governorate_names_in_any_spelling():
    rule = Z.rule_from_spec({"admin1": "Lattakia"})
    assert rule == {"type": "admin1", "admin1": "Latakia"}
    assert Z.match(rule, at("Jableh", 35.36, 35.92, "Al Ladhiqiyah")) == "in Latakia governorate"
    assert Z.match(Z.rule_from_spec("Rural Damascus"), at("Douma", 33.57, 36.40, "Rif-dimashq")) == "in Rif Dimashq governorate"
    assert Z.rule_from_spec({"admin1": "SY.09"}) == {"type": "admin1", "admin1": "Aleppo"}  # the GeoNames admin1 code
    assert Z.match(Z.rule_from_spec("Aleppo"), at("Aleppo", 36.2, 37.16, "SY.09")) == "in Aleppo governorate"


def test_polygon_and_expansion_dates():
    poly = Z.rule_from_spec({"polygon": {"type": "Polygon", "coordinates": [[[36.3, 33.5], [36.5, 33.5], [36.5, 33.6], [36.3, 33.5]]]},
                             "name": "triangle", "since": "2016-05-01"})
    assert Z.match(poly, at("inside", 33.52, 36.45, "Rif Dimashq")) == "inside polygon triangle"
    assert Z.match(poly, at("outside", 33.58, 36.31, "Rif Dimashq")) is None
    assert Z.zone_at([AROUND_DAMASCUS, poly], "2016-04-30") == [AROUND_DAMASCUS]
    assert Z.zone_at([AROUND_DAMASCUS, poly], "2016-05-01") == [AROUND_DAMASCUS, poly]
    assert Z.rule_label(poly) == "polygon triangle (from 2016-05-01)"


def test_named_region_and_overlap():
    west = Z.rule_from_spec({"region": "western Syria"})
    assert Z.match(west, at("Aleppo", 36.20, 37.16, "Aleppo")) == "in Aleppo governorate, part of western Syria"
    assert Z.match(west, at("Raqqa", 35.95, 39.01, "Ar-Raqqah")) is None
    assert Z.overlap([Z.rule_from_spec({"place": "Rastan"})], [Z.rule_from_spec({"admin1": "Homs"})]) == 1
    assert Z.overlap([Z.rule_from_spec({"admin1": "Hama"})], [Z.rule_from_spec({"admin1": "Homs"})]) == 0


@pytest.mark.parametrize("entry, problem", [
    ({"admin1": "Narnia"}, "not a Syrian governorate"),
    ({"around": "Nowhere-on-earth", "km": 3}, "not in the gazetteer"),
    ({"region": "the moon"}, "region 'the moon' is unknown"),
    ({"colour": "blue"}, "cannot read"),
])
def test_bad_zone_parts_say_what_is_wrong(entry, problem):
    with pytest.raises(ValueError, match=problem):
        Z.rule_from_spec(entry)

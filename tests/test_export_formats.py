"""Exports: ACLED CSV, GeoJSON read back with shapely and a GeoJSON schema, Event JSON v1
lines checked against the shipped schema, and a GED-like CSV with best/low/high."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from shapely.geometry import box, shape

from desk_data import ALEPPO, build_desk_store, module_db_url

SYRIA = box(35.7, 32.3, 42.4, 37.3)

# A compact JSON Schema of RFC 7946 for what ceasefire writes: Points or null geometries.
GEOJSON_SCHEMA = {
    "type": "object",
    "required": ["type", "features"],
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {
                    "type": {"const": "Feature"},
                    "id": {"type": ["string", "number"]},
                    "geometry": {
                        "oneOf": [
                            {"type": "null"},
                            {
                                "type": "object",
                                "required": ["type", "coordinates"],
                                "properties": {
                                    "type": {"const": "Point"},
                                    "coordinates": {
                                        "type": "array", "minItems": 2, "maxItems": 3,
                                        "prefixItems": [
                                            {"type": "number", "minimum": -180, "maximum": 180},
                                            {"type": "number", "minimum": -90, "maximum": 90},
                                        ],
                                    },
                                },
                            },
                        ]
                    },
                    "properties": {
                        "type": ["object", "null"],
                        "additionalProperties": {"type": ["string", "number", "boolean", "null"]},
                    },
                },
            },
        },
    },
}


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def desk_url(request, tmp_path_factory):
    from ceasefire.store import open_store

    url = module_db_url(request, tmp_path_factory)
    store = open_store(url)
    build_desk_store(store)
    store.close()
    return url


@pytest.fixture(scope="module")
def run_export(desk_url):
    from click.testing import CliRunner

    from ceasefire.cli import main

    def run(*args):
        r = CliRunner().invoke(main, ["export", "--db", desk_url, *args], catch_exceptions=False)
        assert r.exit_code == 0, r.output
        return r

    return run


def test_acled_csv_has_acleds_columns_and_codes(run_export):
    from ceasefire.export.acled import COLUMNS
    from conftest import need_shared

    with need_shared("acled", "acled_syria_battles_2017_2023.csv").open(encoding="utf-8") as fh:
        assert COLUMNS == next(csv.reader(fh))
    r = run_export("--format", "acled-csv")
    rows = {row["sub_event_type"]: row for row in csv.DictReader(io.StringIO(r.stdout))}
    strike = rows["Air/drone strike"]
    assert strike["event_date"] == "2016-04-30" and strike["year"] == "2016" and strike["time_precision"] == "1"
    assert strike["disorder_type"] == "Political violence" and strike["event_type"] == "Explosions/Remote violence"
    assert (strike["actor1"], strike["inter1"], strike["actor2"], strike["inter2"], strike["interaction"]) == (
        "Military Forces of Syria (2000-)", "1", "Civilians (Syria)", "7", "17")
    assert strike["civilian_targeting"] == "Civilian targeting"
    assert (strike["iso"], strike["region"], strike["country"], strike["admin1"]) == ("760", "Middle East", "Syria", "Aleppo")
    assert (float(strike["latitude"]), float(strike["longitude"]), strike["geo_precision"]) == (36.2012, 37.1612, "1")
    assert strike["fatalities"] == "5"
    assert strike["source"] == "Reuters; Syrian Observatory for Human Rights"
    assert strike["notes"].startswith("On 30 April 2016, at least five people were killed")
    assert "attribution: believed" in strike["tags"]
    clash = rows["Armed clash"]
    assert (clash["actor1"], clash["actor2"], clash["interaction"], clash["geo_precision"]) == (
        "Military Forces of Syria (2000-)", "HTS: Hayat Tahrir al Sham", "12", "2")
    aid = rows["Other"]  # humanitarian access is not an ACLED type: kept, tagged
    assert aid["event_type"] == "Strategic developments" and "humanitarian access: aid delivery" in aid["tags"]
    assert len(rows) == 4  # the nine-day tally is not exported as an event
    assert "4 events written" in r.stderr


def test_geojson_reads_back_as_points_in_syria_in_lon_lat_order(run_export, tmp_path):
    out = tmp_path / "events.geojson"
    run_export("--format", "geojson", "--out", str(out))
    fc = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(fc, GEOJSON_SCHEMA)
    assert len(fc["features"]) == 4
    for f in fc["features"]:
        point = shape(f["geometry"])
        assert point.geom_type == "Point" and SYRIA.contains(point)
    aleppo = next(f for f in fc["features"] if f["properties"]["location"] == "Aleppo")
    point = shape(aleppo["geometry"])
    assert (point.x, point.y) == (ALEPPO["lon"], ALEPPO["lat"])  # RFC 7946: longitude first
    props = aleppo["properties"]
    assert (props["fatalities_best"], props["fatalities_low"], props["fatalities_high"]) == (5, 5, 5)
    assert props["perpetrators"] == "Military Forces of Syria (2000-)"
    assert "Syrian Observatory for Human Rights" in props["evidence"]


def test_jsonl_lines_are_event_json_v1(run_export):
    from ceasefire.extract import schema

    event_schema = {"$ref": "#/$defs/event", "$defs": schema()["$defs"]}
    validator = jsonschema.Draft202012Validator(event_schema)
    lines = [json.loads(x) for x in run_export("--format", "jsonl").stdout.splitlines()]
    assert len(lines) == 4
    for ev in lines:
        assert not list(validator.iter_errors(ev)), ev["id"]
        assert ev["id"].startswith("ev-") and ev["sources"] and ev["n_reports"] == 1
    strike = next(ev for ev in lines if ev["sub_event_type"] == "Air/drone strike")
    assert strike["fatalities_range"] == {"best": 5, "low": 5, "high": 5}


def test_ged_csv_keeps_lethal_organised_violence_with_ranges(run_export):
    rows = {r["side_a"] + "|" + r["side_b"]: r for r in csv.DictReader(io.StringIO(run_export("--format", "ged-csv").stdout))}
    assert set(rows) == {
        "Military Forces of Syria (2000-)|Civilians",
        "Opposition Rebels (Syria)|Civilians",
        "Military Forces of Syria (2000-)|HTS: Hayat Tahrir al Sham",
    }  # the aid convoy killed no one: GED would not code it
    strike = rows["Military Forces of Syria (2000-)|Civilians"]
    assert (strike["type_of_violence"], strike["best"], strike["low"], strike["high"]) == ("3", "5", "5", "5")
    assert (strike["where_prec"], strike["date_prec"], strike["date_start"]) == ("1", "1", "2016-04-30")
    assert strike["geom_wkt"] == "POINT (37.161170 36.201240)"
    clash = rows["Military Forces of Syria (2000-)|HTS: Hayat Tahrir al Sham"]
    assert (clash["type_of_violence"], clash["where_prec"], clash["deaths_unknown"]) == ("1", "2", "12")


def test_export_filters_and_refuses_a_bad_bbox(run_export, desk_url, tmp_path):
    from click.testing import CliRunner

    from ceasefire.cli import main

    r = run_export("--format", "jsonl", "--type", "Armed clash")
    assert [json.loads(x)["location"]["name"] for x in r.stdout.splitlines()] == ["Jisr al-Shughur"]
    r = run_export("--format", "jsonl", "--bbox", "35.9,33.3,36.6,33.8", "--since", "2016-04-30")
    assert [json.loads(x)["location"]["name"] for x in r.stdout.splitlines()] == ["Madaya"]
    out = tmp_path / "never.csv"
    bad = CliRunner().invoke(main, ["export", "--db", desk_url, "--format", "acled-csv", "--bbox", "36,33", "--out", str(out)])
    assert bad.exit_code == 2 and "west,south,east,north" in bad.output and not out.exists()

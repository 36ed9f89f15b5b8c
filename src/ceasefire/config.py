"""Where things live: the default store, resources, the bundled samples.

The store URL is chosen, in order, from the ``--db`` option, the ``CEASEFIRE_DB``
environment variable, and the default SQLite file ``ceasefire.sqlite`` in the
user's data folder (``$XDG_DATA_HOME/ceasefire`` or ``~/.local/share/ceasefire``).
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_DB = "CEASEFIRE_DB"
PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
SAMPLES_DIR = PACKAGE_DIR / "samples"


def data_dir() -> Path:
    """The user's data folder for ceasefire (created on demand)."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "ceasefire"


def default_db_url() -> str:
    """The SQLite file used when neither --db nor CEASEFIRE_DB is given."""
    return f"sqlite:///{data_dir() / 'ceasefire.sqlite'}"


def resolve_db_url(option: str | None) -> str:
    """The store URL: the --db option, else $CEASEFIRE_DB, else the default file.

    A bare file path is accepted and turned into a SQLite URL.
    """
    url = option or os.environ.get(ENV_DB) or default_db_url()
    if "://" not in url:
        url = f"sqlite:///{Path(url).expanduser().resolve()}"
    return url


def resource(name: str) -> Path:
    """Path of a bundled resource file (actor registry, lexicons, schema ...)."""
    return RESOURCES_DIR / name

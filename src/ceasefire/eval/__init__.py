"""Evaluations against gold data written by others, read in place from ../shared/data.

Each module maps our fields to the set's own categories, in code, and prints per-field scores.
"""

from __future__ import annotations

from pathlib import Path

from ceasefire.config import PACKAGE_DIR

#: Default location of the gold data: beside the repository checkout.
DEFAULT_DATA = (PACKAGE_DIR / ".." / ".." / ".." / "shared" / "data").resolve()


def data_path(option: str | None, *parts: str) -> Path:
    """The gold data path (from --data, else $CEASEFIRE_GOLD_DATA, else ../shared/data)."""
    import os

    base = Path(option or os.environ.get("CEASEFIRE_GOLD_DATA") or DEFAULT_DATA)
    return base.joinpath(*parts)

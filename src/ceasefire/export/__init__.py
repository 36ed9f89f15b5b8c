"""Exports of the consolidated events for other tools.

- ``acled-csv``: ACLED's columns, so the record joins ACLED data in R, Stata or pandas;
- ``geojson``: an RFC 7946 FeatureCollection (lon/lat) that QGIS and geopandas open;
- ``jsonl``: one Event JSON v1 object per line, with ``id``, ``sources`` and ranges;
- ``ged-csv``: UCDP GED's columns with best/low/high and its precision codes.

Every writer streams the store in batches, so a million events export in constant memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TextIO

from ceasefire.store import Store
from ceasefire.store.queries import EventFilter, iter_events

FORMATS = ("acled-csv", "geojson", "jsonl", "ged-csv")


def events_with_sources(store: Store, f: EventFilter | None = None) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(event row, its sources) for every active, non-aggregate event matching ``f``, oldest first."""
    for rows, sources in iter_events(store, f):
        for r in rows:
            yield r, sources[r["id"]]


def write_export(store: Store, fmt: str, out: TextIO, f: EventFilter | None = None) -> int:
    """Write the events matching ``f`` to ``out`` in ``fmt``; returns how many were written."""
    if fmt == "acled-csv":
        from ceasefire.export.acled import write_acled_csv as writer
    elif fmt == "ged-csv":
        from ceasefire.export.ged import write_ged_csv as writer
    elif fmt == "geojson":
        from ceasefire.export.geojson import write_geojson as writer
    elif fmt == "jsonl":
        from ceasefire.export.jsonl import write_jsonl as writer
    else:
        raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
    return writer(events_with_sources(store, f), out)


__all__ = ["FORMATS", "events_with_sources", "write_export"]

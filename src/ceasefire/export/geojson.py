"""GeoJSON (RFC 7946): a FeatureCollection of Point features in lon/lat (WGS 84).

Properties are flat scalars (strings, numbers, null) because QGIS and geopandas turn
nested objects into opaque strings; lists are joined with "; ". An event without
coordinates keeps its feature with a null geometry (RFC 7946 section 3.2), so the file
holds every exported event. Written as a stream: one feature per line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from ceasefire.export.common import actors_by_role, day, fatality_range, source_names


def feature(row: dict[str, Any], sources: list[dict[str, Any]]) -> dict[str, Any]:
    p = row.get("payload") or {}
    roles = actors_by_role(p)
    best, low, high = fatality_range(row)
    lat, lon = row.get("lat"), row.get("lon")
    geometry = None if lat is None or lon is None else {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}
    evidence = [" ".join(s["text"].split()) for s in p.get("evidence") or [] if s.get("text")]
    return {
        "type": "Feature",
        "id": row["id"],
        "geometry": geometry,
        "properties": {
            "id": row["id"],
            "date_start": day(row.get("date_start")) or None,
            "date_end": day(row.get("date_end")) or None,
            "date_precision": row.get("date_precision"),
            "event_type": row.get("event_type"),
            "sub_event_type": row.get("sub_event_type"),
            "method": row.get("method"),
            "location": row.get("location_name"),
            "admin1": row.get("admin1"),
            "admin2": row.get("admin2"),
            "country": row.get("country"),
            "location_precision": row.get("location_precision"),
            "perpetrators": "; ".join(a["name"] for a in roles.get("perpetrator", [])) or None,
            "targets": "; ".join(a["name"] for a in roles.get("target", [])) or None,
            "actors": "; ".join(f"{a['name']} ({a.get('role')})" for a in p.get("actors") or []) or None,
            "fatalities_best": best,
            "fatalities_low": low,
            "fatalities_high": high,
            "certainty": (p.get("attribution") or {}).get("certainty"),
            "n_sources": row.get("n_sources"),
            "n_reports": row.get("n_reports"),
            "sources": "; ".join(source_names(sources, p)) or None,
            "evidence": " | ".join(evidence) or None,
            "reviewed": row.get("reviewed"),
        },
    }


def write_geojson(events: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]], out: TextIO) -> int:
    out.write('{"type": "FeatureCollection", "features": [\n')
    n = 0
    for row, sources in events:
        if n:
            out.write(",\n")
        out.write(json.dumps(feature(row, sources), ensure_ascii=False, allow_nan=False))
        n += 1
    out.write("\n]}\n")
    return n

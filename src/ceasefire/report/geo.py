"""Shapes for the report's map, read from the files the dashboard vendors (no download):
country outlines from world-atlas (Natural Earth 1:50m, TopoJSON) and admin-1 areas
(governorates) from ``web/static/geo/admin1/<ISO2>.json`` (GeoJSON in ECharts' compressed
encoding). Returns plain lists of (name, [rings of (lon, lat)]) for matplotlib."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from ceasefire.config import PACKAGE_DIR

STATIC = PACKAGE_DIR / "web" / "static"
WORLD_ATLAS = STATIC / "vendor" / "world-atlas" / "countries-50m.json"
ADMIN1_DIR = STATIC / "geo" / "admin1"

Ring = list[tuple[float, float]]


def _decode_echarts_ring(coords: str, offset: list[int], scale: float) -> Ring:
    """ECharts' UTF-8 polygon encoding: zig-zag deltas, two characters per point."""
    ring: Ring = []
    x, y = offset
    for i in range(0, len(coords) - 1, 2):
        dx, dy = ord(coords[i]) - 64, ord(coords[i + 1]) - 64
        x += (dx >> 1) ^ (-(dx & 1))
        y += (dy >> 1) ^ (-(dy & 1))
        ring.append((x / scale, y / scale))
    return ring


@functools.lru_cache(maxsize=8)
def admin1_areas(iso2: str) -> list[tuple[str, list[Ring]]]:
    """Governorates (admin-1 areas) of a country: [(name, rings)], [] if none are shipped."""
    path = ADMIN1_DIR / f"{iso2.upper()}.json"
    if not iso2 or not path.is_file():
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    encoded = bool(data.get("UTF8Encoding"))
    scale = float(data.get("UTF8Scale") or 1024)
    out: list[tuple[str, list[Ring]]] = []
    for feat in data.get("features") or []:
        geom = feat.get("geometry") or {}
        polys = geom.get("coordinates") or []
        offsets = geom.get("encodeOffsets") or []
        if geom.get("type") == "Polygon":
            polys, offsets = [polys], [offsets]
        rings: list[Ring] = []
        for poly, offs in zip(polys, offsets or [[]] * len(polys)):
            for k, ring in enumerate(poly):
                if encoded and isinstance(ring, str):
                    rings.append(_decode_echarts_ring(ring, offs[k], scale))
                else:
                    rings.append([(float(p[0]), float(p[1])) for p in ring])
        out.append(((feat.get("properties") or {}).get("name") or "", rings))
    return out


@functools.lru_cache(maxsize=1)
def _world() -> dict:
    return json.loads(WORLD_ATLAS.read_text(encoding="utf-8")) if WORLD_ATLAS.is_file() else {}


@functools.lru_cache(maxsize=1)
def _arcs() -> list[Ring]:
    topo = _world()
    if not topo:
        return []
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def _ring(indices: list[int]) -> Ring:
    arcs = _arcs()
    out: Ring = []
    for i in indices:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        out.extend(pts if not out else pts[1:])
    return out


def countries_in(west: float, south: float, east: float, north: float) -> list[tuple[str, list[Ring]]]:
    """Country outlines (name, rings) whose rings touch the box."""
    topo = _world()
    if not topo:
        return []
    out = []
    for g in topo["objects"]["countries"]["geometries"]:
        polys = g.get("arcs") or []
        if g.get("type") == "Polygon":
            polys = [polys]
        rings = [_ring(r) for poly in polys for r in poly]
        keep = [r for r in rings if r and _touches(r, west, south, east, north)]
        if keep:
            out.append(((g.get("properties") or {}).get("name") or "", keep))
    return out


def _touches(ring: Ring, west: float, south: float, east: float, north: float) -> bool:
    xs = [p[0] for p in ring]
    ys = [p[1] for p in ring]
    return not (max(xs) < west or min(xs) > east or max(ys) < south or min(ys) > north)


def country_box(iso2: str) -> tuple[float, float, float, float] | None:
    """The bounding box of a country's governorates, if its admin-1 areas are shipped."""
    areas = admin1_areas(iso2)
    pts = [p for _, rings in areas for r in rings for p in r]
    if not pts:
        return None
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def shipped() -> bool:
    return Path(WORLD_ATLAS).is_file()

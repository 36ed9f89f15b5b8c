"""Where events happened: bounding boxes, radii around a place, polygons (truce zones).

One function per question, each picking the engine: PostGIS (GiST indexes on the
point expression, see migration 0003) when the store is PostgreSQL with the
``postgis`` extension; otherwise a lat/lon range in SQL (which the ``(lat, lon)``
index serves) refined in Python (great-circle distance, shapely for polygons).
Both give the same answers; PostGIS gives them faster on millions of events.

Every function takes an open connection (``store.connect()`` or
``store.exclusive(...)``), a table with ``lat``/``lon`` columns (``events`` by
default, ``claims`` works too) and optional extra conditions, and returns rows as
dicts. Longitudes are degrees east, latitudes degrees north (WGS 84).

    with store.connect() as conn:
        spatial.events_in_bbox(conn, 35.9, 33.3, 36.6, 33.8, where=[t.events.c.status == "active"])
        spatial.within_radius(conn, lat=33.51, lon=36.29, km=25)      # adds "distance_km"
        spatial.within_polygon(conn, zone_geojson)                     # GeoJSON Polygon/MultiPolygon/Feature
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ceasefire.store import schema as t

EARTH_RADIUS_KM = 6371.0088
_postgis_cache: dict[str, bool] = {}


class Geography(sa.types.UserDefinedType):
    """PostGIS ``geography`` (for casts only)."""

    cache_ok = True

    def get_col_spec(self, **kw: Any) -> str:
        return "geography"


def has_postgis(conn: Connection) -> bool:
    """True when the store is PostgreSQL with the postgis extension (cached per database)."""
    if conn.dialect.name != "postgresql":
        return False
    key = conn.engine.url.render_as_string(hide_password=True)
    if key not in _postgis_cache:
        found = conn.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")).first()
        _postgis_cache[key] = found is not None
    return _postgis_cache[key]


def point(table: sa.Table = t.events) -> sa.ColumnElement:
    """The table's point as PostGIS geometry, the very expression migration 0003 indexes."""
    return sa.func.ST_SetSRID(sa.func.ST_MakePoint(table.c.lon, table.c.lat), 4326)


def _located(table: sa.Table) -> list[sa.ColumnElement]:
    # Also lets PostgreSQL use the partial GiST indexes (WHERE lat/lon IS NOT NULL).
    return [table.c.lat.isnot(None), table.c.lon.isnot(None)]


def bbox_condition(conn: Connection, west: float, south: float, east: float, north: float, table: sa.Table = t.events) -> sa.ColumnElement:
    """A WHERE condition: the point lies in the box (edges included). A box whose west edge
    is east of its east edge crosses the antimeridian."""
    if has_postgis(conn) and west <= east:
        envelope = sa.func.ST_MakeEnvelope(west, south, east, north, 4326)
        return sa.and_(*_located(table), point(table).op("&&")(envelope))
    lon = table.c.lon.between(west, east) if west <= east else sa.or_(table.c.lon >= west, table.c.lon <= east)
    return sa.and_(*_located(table), table.c.lat.between(south, north), lon)


def events_in_bbox(
    conn: Connection,
    west: float,
    south: float,
    east: float,
    north: float,
    *,
    table: sa.Table = t.events,
    where: Sequence[Any] = (),
    columns: Sequence[Any] | None = None,
    limit: int | None = None,
) -> list[dict[str, Any]]:
    """Rows of ``table`` whose point lies in the box west, south, east, north."""
    q = sa.select(*(columns or [table])).where(bbox_condition(conn, west, south, east, north, table), *where)
    if limit is not None:
        q = q.limit(limit)
    return [dict(r) for r in conn.execute(q).mappings()]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def within_radius(
    conn: Connection,
    lat: float,
    lon: float,
    km: float,
    *,
    table: sa.Table = t.events,
    where: Sequence[Any] = (),
    columns: Sequence[Any] | None = None,
) -> list[dict[str, Any]]:
    """Rows of ``table`` within ``km`` kilometres of (lat, lon), nearest first, each with
    ``distance_km``."""
    cols = list(columns or [table])
    if has_postgis(conn):
        here = sa.cast(sa.func.ST_SetSRID(sa.func.ST_MakePoint(lon, lat), 4326), Geography)
        there = sa.cast(point(table), Geography)
        distance = (sa.func.ST_Distance(there, here) / 1000.0).label("distance_km")
        q = (
            sa.select(*cols, distance)
            .where(*_located(table), sa.func.ST_DWithin(there, here, km * 1000.0), *where)
            .order_by(distance)
        )
        return [dict(r) for r in conn.execute(q).mappings()]
    # A box that holds the circle (the (lat, lon) index serves it), then the exact distance.
    dlat = math.degrees(km / EARTH_RADIUS_KM)
    coslat = math.cos(math.radians(lat))
    dlon = 180.0 if coslat < 1e-6 or km / EARTH_RADIUS_KM / coslat >= math.pi else math.degrees(km / EARTH_RADIUS_KM / coslat)
    west, east = lon - dlon, lon + dlon
    if dlon >= 180.0:
        west, east = -180.0, 180.0
    elif west < -180.0 or east > 180.0:
        west, east = ((west + 540.0) % 360.0) - 180.0, ((east + 540.0) % 360.0) - 180.0
    box = bbox_condition(conn, west, max(-90.0, lat - dlat), east, min(90.0, lat + dlat), table)
    q = sa.select(*cols, table.c.lat.label("_lat"), table.c.lon.label("_lon")).where(box, *where)
    out = []
    for r in conn.execute(q).mappings():
        d = dict(r)
        dist = haversine_km(lat, lon, d.pop("_lat"), d.pop("_lon"))
        if dist <= km:
            d["distance_km"] = dist
            out.append(d)
    out.sort(key=lambda d: d["distance_km"])
    return out


def _geometry(geojson: dict | str) -> dict:
    """The geometry of a GeoJSON Polygon, MultiPolygon, Feature or FeatureCollection."""
    g = json.loads(geojson) if isinstance(geojson, str) else geojson
    if g.get("type") == "Feature":
        g = g["geometry"]
    elif g.get("type") == "FeatureCollection":
        polys = [f["geometry"] for f in g["features"]]
        coords = []
        for p in polys:
            coords += [p["coordinates"]] if p["type"] == "Polygon" else p["coordinates"]
        g = {"type": "MultiPolygon", "coordinates": coords}
    if g.get("type") not in ("Polygon", "MultiPolygon"):
        raise ValueError(f"a zone must be a GeoJSON Polygon or MultiPolygon, not {g.get('type')!r}")
    return g


def within_polygon(
    conn: Connection,
    geojson: dict | str,
    *,
    table: sa.Table = t.events,
    where: Sequence[Any] = (),
    columns: Sequence[Any] | None = None,
) -> list[dict[str, Any]]:
    """Rows of ``table`` whose point lies in the GeoJSON polygon (boundary included)."""
    from shapely.geometry import Point, shape
    from shapely.prepared import prep

    geometry = _geometry(geojson)
    cols = list(columns or [table])
    if has_postgis(conn):
        zone = sa.func.ST_SetSRID(sa.func.ST_GeomFromGeoJSON(json.dumps(geometry)), 4326)
        q = sa.select(*cols).where(*_located(table), sa.func.ST_Intersects(point(table), zone), *where)
        return [dict(r) for r in conn.execute(q).mappings()]
    zone = shape(geometry)
    west, south, east, north = zone.bounds
    prepared = prep(zone)
    q = sa.select(*cols, table.c.lat.label("_lat"), table.c.lon.label("_lon")).where(
        bbox_condition(conn, west, south, east, north, table), *where
    )
    out = []
    for r in conn.execute(q).mappings():
        d = dict(r)
        if prepared.covers(Point(d.pop("_lon"), d.pop("_lat"))):
            out.append(d)
    return out

"""Spatial questions on both stores: PostGIS where present, lat/lon and shapely elsewhere."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa

from ceasefire.store import schema as t
from ceasefire.store import spatial

PLACES = {
    "Damascus": (33.5138, 36.2765),
    "Douma": (33.5711, 36.4026),  # about 13 km north-east of Damascus
    "Darayya": (33.4589, 36.2358),  # about 7 km south-west
    "Madaya": (33.6889, 36.0986),  # about 25 km north-west
    "Zabadani": (33.7247, 36.0975),  # about 28 km north-west
    "Aleppo": (36.2021, 37.1343),
    "Latakia": (35.5317, 35.7901),
    "Suva": (-18.1416, 178.4419),  # near the antimeridian
    "Taveuni": (-16.85, -179.95),  # across it
}
POSTGIS_INSTALLED = Path("/usr/share/postgresql/15/extension/postgis.control").exists()


@pytest.fixture
def located_events(store):
    now = datetime.now(timezone.utc)
    rows = [
        dict(id=f"ev-{name.lower()}", status="active", event_type="Explosions/Remote violence", location_name=name,
             lat=lat, lon=lon, payload={"location": {"name": name}}, created_at=now, updated_at=now,
             n_sources=1, n_reports=1, is_aggregate=False)
        for name, (lat, lon) in PLACES.items()
    ]
    rows.append(dict(rows[0], id="ev-unplaced", location_name=None, lat=None, lon=None))
    with store.begin() as conn:
        conn.execute(sa.insert(t.events), rows)
    return store


def names(rows) -> list[str]:
    return sorted(r["location_name"] for r in rows)


def test_postgis_is_used_where_the_server_has_it(located_events):
    with located_events.connect() as conn:
        if located_events.dialect == "sqlite":
            assert not spatial.has_postgis(conn)
        elif POSTGIS_INSTALLED:
            assert spatial.has_postgis(conn)
            conn.execute(sa.text("SET LOCAL enable_seqscan = off"))
            q = sa.select(t.events.c.id).where(spatial.bbox_condition(conn, 35.9, 33.3, 36.6, 33.8))
            sql = str(q.compile(conn.engine, compile_kwargs={"literal_binds": True}))
            plan = "\n".join(r[0] for r in conn.execute(sa.text("EXPLAIN " + sql)))
            assert "ix_events_geom" in plan


def test_events_in_the_damascus_countryside_box(located_events):
    with located_events.connect() as conn:
        rows = spatial.events_in_bbox(conn, 35.9, 33.3, 36.6, 33.8)
    assert names(rows) == ["Damascus", "Darayya", "Douma", "Madaya", "Zabadani"]


def test_box_across_the_antimeridian(located_events):
    with located_events.connect() as conn:
        rows = spatial.events_in_bbox(conn, 178.0, -20.0, -179.0, -15.0)
    assert names(rows) == ["Suva", "Taveuni"]


def test_within_20_km_of_damascus_leaves_out_madaya_and_zabadani(located_events):
    with located_events.connect() as conn:
        near = spatial.within_radius(conn, lat=33.5138, lon=36.2765, km=20)
        wider = spatial.within_radius(conn, lat=33.5138, lon=36.2765, km=30)
    assert [r["location_name"] for r in near] == ["Damascus", "Darayya", "Douma"]  # nearest first
    assert near[2]["distance_km"] == pytest.approx(13.6, abs=0.5)
    assert names(wider) == ["Damascus", "Darayya", "Douma", "Madaya", "Zabadani"]


def test_zabadani_and_madaya_truce_zone_polygon(located_events):
    zone = {
        "type": "Feature",
        "properties": {"name": "Zabadani-Madaya"},
        "geometry": {"type": "Polygon", "coordinates": [[[36.0, 33.65], [36.2, 33.65], [36.2, 33.8], [36.0, 33.8], [36.0, 33.65]]]},
    }
    with located_events.connect() as conn:
        rows = spatial.within_polygon(conn, zone, where=[t.events.c.status == "active"])
    assert names(rows) == ["Madaya", "Zabadani"]


def test_a_zone_that_is_not_a_polygon_is_refused(located_events):
    with located_events.connect() as conn, pytest.raises(ValueError, match="Polygon"):
        spatial.within_polygon(conn, {"type": "Point", "coordinates": [36.1, 33.7]})

"""spatial indexes: PostGIS GiST indexes on event and claim points, where PostGIS is present

Revision ID: 0003
Revises: 0002

The tables keep plain ``lat``/``lon`` columns on every store (SQLite, PostgreSQL
with or without PostGIS), so the same SQLAlchemy code reads and writes them. On a
PostgreSQL server where the ``postgis`` extension exists or can be created, this
adds functional GiST indexes on the point expressions that
:mod:`ceasefire.store.spatial` queries use (``ST_SetSRID(ST_MakePoint(lon, lat), 4326)``,
and its geography cast for radius queries in metres). Elsewhere it does nothing and
the spatial helpers fall back to lat/lon ranges and shapely.
"""

from alembic import op
import sqlalchemy as sa

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

POINT = "ST_SetSRID(ST_MakePoint(lon, lat), 4326)"
INDEXES = [
    ("ix_events_geom", "events", f"({POINT})"),
    ("ix_events_geog", "events", f"(({POINT})::geography)"),
    ("ix_claims_geom", "claims", f"({POINT})"),
]


def _postgis(conn) -> bool:
    """True when PostGIS is installed in this database, creating it if the server has it."""
    if conn.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")).first():
        return True
    if not conn.execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")).first():
        return False
    try:
        with conn.begin_nested():  # a role without CREATE rights must not abort the migration
            conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS postgis"))
        return True
    except sa.exc.DBAPIError:
        return False


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name != "postgresql" or not _postgis(conn):
        return
    for name, table, expr in INDEXES:
        op.execute(
            f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gist ({expr}) "
            "WHERE lat IS NOT NULL AND lon IS NOT NULL"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, _table, _expr in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")

"""event page indexes: pages, counts and boxes of a million events read from indexes alone

Revision ID: 0006
Revises: 0005

An events row carries its whole Event JSON payload (about a kilobyte), so every filter that has
to read the row to test a candidate costs a page read per event. These indexes hold what the
API's filters test, so that only the events of the answer are read from the table:

- ``ix_events_recent``: the list's order (``date_start`` newest first, then ``id``) followed by
  every column a filter tests (state, dates, types, place names, point). A page walks it in
  order and stops after ``limit`` matches, with no sort; a bounded count scans it alone.
  PostgreSQL keeps the filter columns as ``INCLUDE`` payload and the order as
  ``DESC NULLS LAST`` (SQLite puts NULLs last in a descending index by itself).
- ``ix_events_point`` replaces ``ix_events_lat_lon``: the same (lat, lon) prefix for boxes and
  radii, plus state, date and id, so a small box is counted and sorted without the table.
- ``ix_events_place`` gains state and id: a named place's events counted and paged without the
  table (its first columns stay, so the distinct place names are still read from it alone).
- ``ix_events_state``: (id, state) for the actor filter, which starts from an actor's links
  and must test each linked event's state; ``ix_event_actors_actor_id`` gains the event id so
  that those links are read from it alone.
"""

from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

FILTER_COLUMNS = ['status', 'is_aggregate', 'date_end', 'event_type', 'sub_event_type', 'location_name', 'admin1',
                  'admin2', 'lat', 'lon']


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_events_recent ON events (date_start DESC NULLS LAST, id) INCLUDE ({', '.join(FILTER_COLUMNS)})")
    else:
        op.execute(f"CREATE INDEX ix_events_recent ON events (date_start DESC, id, {', '.join(FILTER_COLUMNS)})")
    op.drop_index('ix_events_lat_lon', table_name='events')
    op.create_index('ix_events_point', 'events', ['lat', 'lon', 'date_start', 'id', 'status', 'is_aggregate'], unique=False)
    op.drop_index('ix_events_place', table_name='events')
    op.create_index('ix_events_place', 'events', ['location_name', 'date_start', 'admin1', 'admin2', 'status', 'is_aggregate', 'id'],
                    unique=False)
    op.create_index('ix_events_state', 'events', ['id', 'status', 'is_aggregate'], unique=False)
    op.drop_index('ix_event_actors_actor_id', table_name='event_actors')
    op.create_index('ix_event_actors_actor_id', 'event_actors', ['actor_id', 'event_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_event_actors_actor_id', table_name='event_actors')
    op.create_index('ix_event_actors_actor_id', 'event_actors', ['actor_id'], unique=False)
    op.drop_index('ix_events_state', table_name='events')
    op.drop_index('ix_events_place', table_name='events')
    op.create_index('ix_events_place', 'events', ['location_name', 'date_start', 'admin1', 'admin2'], unique=False)
    op.drop_index('ix_events_point', table_name='events')
    op.create_index('ix_events_lat_lon', 'events', ['lat', 'lon'], unique=False)
    op.drop_index('ix_events_recent', table_name='events')

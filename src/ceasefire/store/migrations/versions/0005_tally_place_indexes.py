"""tally and place indexes: tallies from one covering index, places by name

Revision ID: 0005
Revises: 0004

``GET /api/tallies`` (the dashboard's timeline) sums fatalities per day, governorate or
sub-event type over a date window, or over all time. With only ``ix_events_date_start`` every
matching event's row (its whole JSON payload included) is read for four small columns; over a
million events that is seconds. ``ix_events_tally`` holds the date, the filter columns and the
figures, so a window's tally reads a short stretch of the index and the all-time one the index
alone (a fraction of the table's size).

``ix_events_place`` (location name, date, admin1, admin2) lists the store's distinct place names
without reading the table, and finds the events of a named place (``?place=``, matched against
those names first) newest first without testing every event.
"""

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None

COLUMNS = ['date_start', 'status', 'is_aggregate', 'date_end', 'fatalities_best', 'fatalities_low',
           'fatalities_high', 'admin1', 'sub_event_type', 'event_type']


def upgrade() -> None:
    op.create_index('ix_events_tally', 'events', COLUMNS, unique=False)
    op.create_index('ix_events_place', 'events', ['location_name', 'date_start', 'admin1', 'admin2'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_events_place', table_name='events')
    op.drop_index('ix_events_tally', table_name='events')

"""api indexes: what the HTTP API's reads need over a million events

Revision ID: 0004
Revises: 0003

- ``events.updated_at``: the newest change is the API cache's data version (an index lookup
  instead of a scan on every request);
- ``events.event_type``: ``?type=Battles`` filters by equality (sub_event_type has its index);
- ``event_actors.actor_id``: events of one actor without scanning every event's actors.
"""

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_events_updated_at', 'events', ['updated_at'], unique=False)
    op.create_index('ix_events_event_type', 'events', ['event_type'], unique=False)
    op.create_index('ix_event_actors_actor_id', 'event_actors', ['actor_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_event_actors_actor_id', table_name='event_actors')
    op.drop_index('ix_events_event_type', table_name='events')
    op.drop_index('ix_events_updated_at', table_name='events')

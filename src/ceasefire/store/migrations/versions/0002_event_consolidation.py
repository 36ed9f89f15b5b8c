"""event consolidation: claim count and date span of events

Revision ID: 0002
Revises: 0001

``n_claims`` lets consolidation notice events that lost claims when a document
was re-extracted; ``span_days`` (date_end - date_start) lets it find the few
long events (tallies, month-precision reports) without scanning every event.
"""

from alembic import op
import sqlalchemy as sa

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('events', sa.Column('n_claims', sa.Integer(), nullable=False, server_default='0'))
    op.add_column('events', sa.Column('span_days', sa.Integer(), nullable=True))
    op.create_index(op.f('ix_events_span_days'), 'events', ['span_days'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_events_span_days'), table_name='events')
    with op.batch_alter_table('events') as batch:
        batch.drop_column('span_days')
        batch.drop_column('n_claims')

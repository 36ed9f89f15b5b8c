"""initial schema

Revision ID: 0001
Revises: 
"""

from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actors',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('inter', sa.Integer(), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actors')),
    sa.UniqueConstraint('name', name=op.f('uq_actors_name'))
    )
    op.create_table('api_tokens',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_api_tokens')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_api_tokens_token_hash'))
    )
    op.create_table('audit',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('who', sa.Text(), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('target', sa.Text(), nullable=False),
    sa.Column('detail', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('why', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit'))
    )
    op.create_table('documents',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('external_id', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('byline', sa.Text(), nullable=True),
    sa.Column('agency', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('source_path', sa.Text(), nullable=True),
    sa.Column('source_format', sa.String(length=16), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('meta', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('extractor_version', sa.String(length=32), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_published'), ['published'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.String(length=32), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('replaced_by', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('event_type', sa.Text(), nullable=True),
    sa.Column('sub_event_type', sa.Text(), nullable=True),
    sa.Column('method', sa.String(length=32), nullable=True),
    sa.Column('date_start', sa.Date(), nullable=True),
    sa.Column('date_end', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('location_name', sa.Text(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('admin2', sa.Text(), nullable=True),
    sa.Column('geonames_id', sa.BigInteger(), nullable=True),
    sa.Column('location_precision', sa.String(length=16), nullable=True),
    sa.Column('fatalities_best', sa.Integer(), nullable=True),
    sa.Column('fatalities_low', sa.Integer(), nullable=True),
    sa.Column('fatalities_high', sa.Integer(), nullable=True),
    sa.Column('is_aggregate', sa.Boolean(), nullable=False),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.Column('n_reports', sa.Integer(), nullable=False),
    sa.Column('reviewed', sa.String(length=16), nullable=True),
    sa.Column('payload', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_date_start'), ['date_start'], unique=False)
        batch_op.create_index('ix_events_lat_lon', ['lat', 'lon'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_sub_event_type'), ['sub_event_type'], unique=False)

    op.create_table('places',
    sa.Column('id', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('admin2', sa.Text(), nullable=True),
    sa.Column('geonames_id', sa.BigInteger(), nullable=True),
    sa.Column('feature_class', sa.String(length=1), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_places'))
    )
    op.create_table('truces',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=True),
    sa.Column('origin', sa.String(length=16), nullable=False),
    sa.Column('aliases', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('parties', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('brokers', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('excluded', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('zone', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('payload', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_truces'))
    )
    op.create_table('watched_files',
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('size', sa.BigInteger(), nullable=True),
    sa.Column('mtime', sa.Float(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('processed_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('path', name=op.f('pk_watched_files'))
    )
    op.create_table('claims',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('document_id', sa.String(length=64), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('event_type', sa.Text(), nullable=False),
    sa.Column('sub_event_type', sa.Text(), nullable=False),
    sa.Column('method', sa.String(length=32), nullable=True),
    sa.Column('date_start', sa.Date(), nullable=True),
    sa.Column('date_end', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('location_name', sa.Text(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('admin2', sa.Text(), nullable=True),
    sa.Column('geonames_id', sa.BigInteger(), nullable=True),
    sa.Column('location_precision', sa.String(length=16), nullable=True),
    sa.Column('fatalities_best', sa.Integer(), nullable=True),
    sa.Column('is_aggregate', sa.Boolean(), nullable=False),
    sa.Column('certainty', sa.String(length=16), nullable=True),
    sa.Column('salience', sa.Float(), nullable=True),
    sa.Column('payload', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_claims_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims')),
    sa.UniqueConstraint('document_id', 'ordinal', name=op.f('uq_claims_document_id'))
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_claims_date_start'), ['date_start'], unique=False)
        batch_op.create_index(batch_op.f('ix_claims_document_id'), ['document_id'], unique=False)

    op.create_table('event_actors',
    sa.Column('event_id', sa.String(length=32), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_event_actors_actor_id_actors')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_actors_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'actor_id', 'role', name=op.f('pk_event_actors'))
    )
    op.create_table('reviews',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('audit_id', sa.Integer(), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('event_id', sa.String(length=32), nullable=False),
    sa.Column('claim_ids', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('changes', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['audit_id'], ['audit.id'], name=op.f('fk_reviews_audit_id_audit')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reviews'))
    )
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_reviews_event_id'), ['event_id'], unique=False)

    op.create_table('access',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('place_name', sa.Text(), nullable=False),
    sa.Column('geonames_id', sa.BigInteger(), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('date_start', sa.Date(), nullable=True),
    sa.Column('date_end', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=True),
    sa.Column('actors', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('organizations', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('trucks', sa.Integer(), nullable=True),
    sa.Column('items', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('event_id', sa.String(length=32), nullable=True),
    sa.Column('claim_id', sa.Integer(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_access_claim_id_claims'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_access_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_access'))
    )
    with op.batch_alter_table('access', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_access_place_name'), ['place_name'], unique=False)

    op.create_table('claim_actors',
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], name=op.f('fk_claim_actors_actor_id_actors')),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_actors_claim_id_claims'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_id', 'actor_id', 'role', name=op.f('pk_claim_actors'))
    )
    op.create_table('claim_places',
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('place_id', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_claim_places_claim_id_claims'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_id'], ['places.id'], name=op.f('fk_claim_places_place_id_places')),
    sa.PrimaryKeyConstraint('claim_id', 'place_id', name=op.f('pk_claim_places'))
    )
    op.create_table('event_claims',
    sa.Column('event_id', sa.String(length=32), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_event_claims_claim_id_claims'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_claims_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('claim_id', name=op.f('pk_event_claims'))
    )
    with op.batch_alter_table('event_claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_event_claims_event_id'), ['event_id'], unique=False)

    op.create_table('evidence',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_evidence_claim_id_claims'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence'))
    )
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_claim_id'), ['claim_id'], unique=False)

    op.create_table('truce_changes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('truce_id', sa.String(length=64), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('claim_id', sa.Integer(), nullable=True),
    sa.Column('evidence', sa.Text(), nullable=True),
    sa.Column('payload', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_truce_changes_claim_id_claims'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['truce_id'], ['truces.id'], name=op.f('fk_truce_changes_truce_id_truces'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_truce_changes'))
    )
    with op.batch_alter_table('truce_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_truce_changes_truce_id'), ['truce_id'], unique=False)

    op.create_table('truce_windows',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('truce_id', sa.String(length=64), nullable=False),
    sa.Column('valid_from', sa.Date(), nullable=True),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('zone', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.Column('claim_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['claim_id'], ['claims.id'], name=op.f('fk_truce_windows_claim_id_claims'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['truce_id'], ['truces.id'], name=op.f('fk_truce_windows_truce_id_truces'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_truce_windows'))
    )
    with op.batch_alter_table('truce_windows', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_truce_windows_truce_id'), ['truce_id'], unique=False)

    op.create_table('violations',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('truce_id', sa.String(length=64), nullable=False),
    sa.Column('event_id', sa.String(length=32), nullable=False),
    sa.Column('window_id', sa.Integer(), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('verdict', sa.String(length=16), nullable=False),
    sa.Column('zone_rule', sa.Text(), nullable=True),
    sa.Column('certainty', sa.String(length=16), nullable=True),
    sa.Column('explanation', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_violations_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['truce_id'], ['truces.id'], name=op.f('fk_violations_truce_id_truces'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['window_id'], ['truce_windows.id'], name=op.f('fk_violations_window_id_truce_windows'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_violations'))
    )
    with op.batch_alter_table('violations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_violations_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_violations_event_id'), ['event_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_violations_truce_id'), ['truce_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('violations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_violations_truce_id'))
        batch_op.drop_index(batch_op.f('ix_violations_event_id'))
        batch_op.drop_index(batch_op.f('ix_violations_date'))

    op.drop_table('violations')
    with op.batch_alter_table('truce_windows', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_truce_windows_truce_id'))

    op.drop_table('truce_windows')
    with op.batch_alter_table('truce_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_truce_changes_truce_id'))

    op.drop_table('truce_changes')
    with op.batch_alter_table('evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_claim_id'))

    op.drop_table('evidence')
    with op.batch_alter_table('event_claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_event_claims_event_id'))

    op.drop_table('event_claims')
    op.drop_table('claim_places')
    op.drop_table('claim_actors')
    with op.batch_alter_table('access', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_access_place_name'))

    op.drop_table('access')
    with op.batch_alter_table('reviews', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_reviews_event_id'))

    op.drop_table('reviews')
    op.drop_table('event_actors')
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_claims_document_id'))
        batch_op.drop_index(batch_op.f('ix_claims_date_start'))

    op.drop_table('claims')
    op.drop_table('watched_files')
    op.drop_table('truces')
    op.drop_table('places')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_sub_event_type'))
        batch_op.drop_index('ix_events_lat_lon')
        batch_op.drop_index(batch_op.f('ix_events_date_start'))

    op.drop_table('events')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_published'))

    op.drop_table('documents')
    op.drop_table('audit')
    op.drop_table('api_tokens')
    op.drop_table('actors')

"""Tables of the store (SQLAlchemy Core). Migrations in ``migrations/`` create them.

Raw layer: documents (immutable), claims (what one document says about one
incident, with evidence spans). Derived layer, rebuildable from the raw one:
events (claims consolidated across sources), truces, violations, access.
Analyst layer (kept across rebuilds): audit records, review edits, declared
truces, API tokens.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

JSON = sa.JSON().with_variant(JSONB(), "postgresql")


def _location_columns() -> list[sa.Column]:
    return [
        sa.Column("location_name", sa.Text),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("country", sa.String(2)),
        sa.Column("admin1", sa.Text),
        sa.Column("admin2", sa.Text),
        sa.Column("geonames_id", sa.BigInteger),
        sa.Column("location_precision", sa.String(16)),
    ]


documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),  # sha256 of cleaned text
    sa.Column("external_id", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date, index=True),
    sa.Column("outlet", sa.Text),
    sa.Column("byline", sa.Text),
    sa.Column("agency", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("source_path", sa.Text),
    sa.Column("source_format", sa.String(16)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("meta", JSON),
    sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("extractor_version", sa.String(32)),  # version that produced its claims
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("document_id", sa.String(64), sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("ordinal", sa.Integer, nullable=False),  # position in the document's events[]
    sa.Column("event_type", sa.Text, nullable=False),
    sa.Column("sub_event_type", sa.Text, nullable=False),
    sa.Column("method", sa.String(32)),
    sa.Column("date_start", sa.Date, index=True),
    sa.Column("date_end", sa.Date),
    sa.Column("date_precision", sa.String(8)),
    *_location_columns(),
    sa.Column("fatalities_best", sa.Integer),
    sa.Column("is_aggregate", sa.Boolean, nullable=False, default=False),
    sa.Column("certainty", sa.String(16)),
    sa.Column("salience", sa.Float),
    sa.Column("payload", JSON, nullable=False),  # the Event JSON v1 object as extracted
    sa.UniqueConstraint("document_id", "ordinal"),
)

evidence = sa.Table(
    "evidence",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

actors = sa.Table(
    "actors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.Text, nullable=False, unique=True),
    sa.Column("inter", sa.Integer),
    sa.Column("country", sa.String(2)),
)

claim_actors = sa.Table(
    "claim_actors",
    metadata,
    sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id"), primary_key=True),
    sa.Column("role", sa.String(16), primary_key=True),
)

places = sa.Table(
    "places",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),  # "gn:<geonames id>" or "cf:<supplement key>"
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("country", sa.String(2)),
    sa.Column("admin1", sa.Text),
    sa.Column("admin2", sa.Text),
    sa.Column("geonames_id", sa.BigInteger),
    sa.Column("feature_class", sa.String(1)),
)

claim_places = sa.Table(
    "claim_places",
    metadata,
    sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("place_id", sa.Text, sa.ForeignKey("places.id"), primary_key=True),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(32), primary_key=True),  # stable id, e.g. "ev-3f9a1c2b7d"
    sa.Column("status", sa.String(16), nullable=False, default="active"),  # active | merged | split | deleted
    sa.Column("replaced_by", JSON),  # tombstone: ids that took over this event
    sa.Column("event_type", sa.Text, index=True),  # 0004
    sa.Column("sub_event_type", sa.Text, index=True),
    sa.Column("method", sa.String(32)),
    sa.Column("date_start", sa.Date, index=True),
    sa.Column("date_end", sa.Date),
    sa.Column("date_precision", sa.String(8)),
    *_location_columns(),
    sa.Column("fatalities_best", sa.Integer),
    sa.Column("fatalities_low", sa.Integer),
    sa.Column("fatalities_high", sa.Integer),
    sa.Column("is_aggregate", sa.Boolean, nullable=False, default=False),
    sa.Column("n_sources", sa.Integer, nullable=False, default=0),  # independent sources
    sa.Column("n_reports", sa.Integer, nullable=False, default=0),  # documents
    sa.Column("n_claims", sa.Integer, nullable=False, default=0, server_default="0"),  # 0002: claims attached
    sa.Column("span_days", sa.Integer, index=True),  # 0002: date_end - date_start, finds long events
    sa.Column("reviewed", sa.String(16)),  # None | confirmed | edited
    sa.Column("payload", JSON, nullable=False),  # consolidated Event JSON v1 (+ per-source figures)
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False, index=True),  # 0004
    # Where PostGIS exists, migration 0003 adds GiST indexes on the point (see store/spatial.py).
    sa.Index("ix_events_point", "lat", "lon", "date_start", "id", "status", "is_aggregate"),  # 0006 (was ix_events_lat_lon)
    # 0005: covers GET /api/tallies by day, area and type (no payload reads).
    sa.Index("ix_events_tally", "date_start", "status", "is_aggregate", "date_end", "fatalities_best", "fatalities_low",
             "fatalities_high", "admin1", "sub_event_type", "event_type"),
    sa.Index("ix_events_place", "location_name", "date_start", "admin1", "admin2", "status", "is_aggregate", "id"),  # 0005, 0006
    sa.Index("ix_events_state", "id", "status", "is_aggregate"),  # 0006: the actor filter's linked events
)
# 0006: the API's pages in their order with every filtered column (PostgreSQL: DESC NULLS LAST, the
# filter columns as INCLUDE); see migrations/versions/0006_event_page_indexes.py.
sa.Index("ix_events_recent", events.c.date_start.desc(), events.c.id, events.c.status, events.c.is_aggregate,
         events.c.date_end, events.c.event_type, events.c.sub_event_type, events.c.location_name, events.c.admin1,
         events.c.admin2, events.c.lat, events.c.lon)

event_claims = sa.Table(
    "event_claims",
    metadata,
    sa.Column("event_id", sa.String(32), sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True),
)

event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column("event_id", sa.String(32), sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    sa.Column("actor_id", sa.Integer, sa.ForeignKey("actors.id"), primary_key=True),
    sa.Column("role", sa.String(16), primary_key=True),
    sa.Index("ix_event_actors_actor_id", "actor_id", "event_id"),  # 0004, 0006
)

audit = sa.Table(
    "audit",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("who", sa.Text, nullable=False),
    sa.Column("action", sa.String(32), nullable=False),  # confirm | edit | merge | split | declare_truce ...
    sa.Column("target", sa.Text, nullable=False),  # event or truce id
    sa.Column("detail", JSON),
    sa.Column("why", sa.Text),
)

# Analyst edits that must survive reprocessing: applied after every consolidation.
reviews = sa.Table(
    "reviews",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("audit_id", sa.Integer, sa.ForeignKey("audit.id"), nullable=False),
    sa.Column("action", sa.String(32), nullable=False),
    sa.Column("event_id", sa.String(32), nullable=False, index=True),
    sa.Column("claim_ids", JSON),  # claims the edit is anchored to (survive event id changes)
    sa.Column("changes", JSON),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
)

truces = sa.Table(
    "truces",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True),  # slug, e.g. "regime-of-calm-damascus-latakia"
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(32)),
    sa.Column("status", sa.String(16)),
    sa.Column("origin", sa.String(16), nullable=False),  # reported | declared
    sa.Column("aliases", JSON),
    sa.Column("parties", JSON),
    sa.Column("brokers", JSON),
    sa.Column("excluded", JSON),
    sa.Column("zone", JSON),  # list of zone rules: admin area, radius around place, GeoJSON polygon
    sa.Column("payload", JSON),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
)

truce_windows = sa.Table(
    "truce_windows",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("truce_id", sa.String(64), sa.ForeignKey("truces.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("valid_from", sa.Date),
    sa.Column("valid_until", sa.Date),
    sa.Column("zone", JSON),  # zone in force during this window, when it differs (expansions)
    sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="SET NULL")),
)

truce_changes = sa.Table(
    "truce_changes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("truce_id", sa.String(64), sa.ForeignKey("truces.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("date", sa.Date),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="SET NULL")),
    sa.Column("evidence", sa.Text),
    sa.Column("payload", JSON),
)

violations = sa.Table(
    "violations",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("truce_id", sa.String(64), sa.ForeignKey("truces.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("event_id", sa.String(32), sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    sa.Column("window_id", sa.Integer, sa.ForeignKey("truce_windows.id", ondelete="SET NULL")),
    sa.Column("date", sa.Date, index=True),
    sa.Column("verdict", sa.String(16), nullable=False),  # violation | out_of_scope | not_party
    sa.Column("zone_rule", sa.Text),
    sa.Column("certainty", sa.String(16)),
    sa.Column("explanation", JSON),
)

access = sa.Table(
    "access",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("kind", sa.String(16), nullable=False),  # siege | aid_delivery | evacuation | access_denied
    sa.Column("place_name", sa.Text, nullable=False, index=True),
    sa.Column("geonames_id", sa.BigInteger),
    sa.Column("admin1", sa.Text),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("date_start", sa.Date),
    sa.Column("date_end", sa.Date),
    sa.Column("status", sa.String(16)),
    sa.Column("actors", JSON),  # besiegers, providers
    sa.Column("organizations", JSON),
    sa.Column("trucks", sa.Integer),
    sa.Column("items", JSON),
    sa.Column("event_id", sa.String(32), sa.ForeignKey("events.id", ondelete="CASCADE")),
    sa.Column("claim_id", sa.Integer, sa.ForeignKey("claims.id", ondelete="SET NULL")),
    sa.Column("evidence", sa.Text),
)

api_tokens = sa.Table(
    "api_tokens",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),  # sha256 of the token
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("revoked_at", sa.DateTime(timezone=True)),
)

watched_files = sa.Table(
    "watched_files",
    metadata,
    sa.Column("path", sa.Text, primary_key=True),
    sa.Column("size", sa.BigInteger),
    sa.Column("mtime", sa.Float),
    sa.Column("sha256", sa.String(64)),
    sa.Column("outcome", sa.Text),
    sa.Column("processed_at", sa.DateTime(timezone=True), nullable=False),
)

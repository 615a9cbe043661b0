"""The database schema as SQLAlchemy Core tables (what queries use).

The DDL that creates and upgrades these tables lives in ``migrations/`` (Alembic); a test
checks that the migrations at head and these tables agree.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData()

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("content_hash", sa.String(40), nullable=False, index=True),
    sa.Column("url", sa.Text), sa.Column("site", sa.Text), sa.Column("title", sa.Text),
    sa.Column("author", sa.Text), sa.Column("published", sa.String(10), index=True),
    sa.Column("language", sa.String(8)), sa.Column("body", sa.Text, nullable=False),
    sa.Column("comments", sa.Text), sa.Column("boilerplate", sa.Text),
    sa.Column("source", sa.Text), sa.Column("format", sa.String(16)),
    sa.Column("status", sa.String(16), nullable=False),  # coded | skipped | near-duplicate
    sa.Column("skip_reason", sa.Text),
    sa.Column("ingested_at", sa.String(32), nullable=False),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.String(32), primary_key=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False, index=True),
    # null for PLOVER-only events, which ACLED does not code (migration 0005)
    sa.Column("event_type", sa.String(64), index=True),
    sa.Column("sub_event_type", sa.String(64)),
    sa.Column("plover_event", sa.String(16)), sa.Column("plover_mode", sa.String(32)),
    sa.Column("actor1", sa.Text, index=True), sa.Column("assoc_actor_1", sa.Text), sa.Column("inter1", sa.Integer),
    sa.Column("actor2", sa.Text, index=True), sa.Column("assoc_actor_2", sa.Text), sa.Column("inter2", sa.Integer),
    sa.Column("event_date", sa.String(10), index=True), sa.Column("time_precision", sa.Integer),
    sa.Column("country", sa.Text, index=True), sa.Column("admin1", sa.Text), sa.Column("location", sa.Text),
    sa.Column("latitude", sa.Float), sa.Column("longitude", sa.Float), sa.Column("geo_precision", sa.Integer),
    sa.Column("geonameid", sa.Integer), sa.Column("fatalities", sa.Integer),
    sa.Column("certainty", sa.String(16), nullable=False), sa.Column("attributed_to", sa.Text),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.Column("evidence_text", sa.Text, nullable=False), sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False), sa.Column("spans", sa.Text, nullable=False),
    # revision 0002: cross-article merging and analyst review
    sa.Column("merged_into", sa.String(32), index=True),  # the canonical event this report was merged into
    sa.Column("review_status", sa.String(16), nullable=False, server_default="unreviewed"),
    sa.Column("original", sa.Text),  # the report as extracted (contract JSON): merges and corrections keep it
    # revision 0004 (was ix_events_canonical_date in 0002): date + bounding box filtered inside the index
    sa.Index("ix_events_canonical_date_place", "merged_into", "event_date", "latitude", "longitude", "review_status"),
    # revision 0003: the merge lookup of week- and month-precise events
    sa.Index("ix_events_canonical_precision_date", "merged_into", "time_precision", "event_date"),
)

rejects = sa.Table(
    "rejects", metadata,
    sa.Column("source", sa.Text, primary_key=True),
    sa.Column("reason", sa.String(64), nullable=False, index=True),
    sa.Column("detail", sa.Text),
    sa.Column("seen_at", sa.String(32), nullable=False),
)

# near-duplicate lookup (see fingerprint.py): one signature per article, one row per band key
fingerprints = sa.Table(
    "fingerprints", metadata,
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), primary_key=True),
    sa.Column("signature", sa.Text, nullable=False),
)
fingerprint_bands = sa.Table(
    "fingerprint_bands", metadata,
    sa.Column("band", sa.String(24), nullable=False, index=True),
    sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
)

# revision 0002: who changed what and when (old and new values as JSON text)
audit_log = sa.Table(
    "audit_log", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("event_id", sa.String(32), nullable=False, index=True),
    sa.Column("action", sa.String(16), nullable=False),  # confirm | correct | reject | merge | split
    sa.Column("field", sa.String(32)),
    sa.Column("old_value", sa.Text), sa.Column("new_value", sa.Text),
    sa.Column("reviewer", sa.Text, nullable=False),
    sa.Column("note", sa.Text),
    sa.Column("at", sa.String(32), nullable=False),
)

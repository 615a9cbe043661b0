"""The first schema: articles, events, rejects and near-duplicate fingerprints.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("content_hash", sa.String(40), nullable=False),
        sa.Column("url", sa.Text), sa.Column("site", sa.Text), sa.Column("title", sa.Text),
        sa.Column("author", sa.Text), sa.Column("published", sa.String(10)),
        sa.Column("language", sa.String(8)), sa.Column("body", sa.Text, nullable=False),
        sa.Column("comments", sa.Text), sa.Column("boilerplate", sa.Text),
        sa.Column("source", sa.Text), sa.Column("format", sa.String(16)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("skip_reason", sa.Text),
        sa.Column("ingested_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
        sa.Column("event_type", sa.String(64), nullable=False),
        sa.Column("sub_event_type", sa.String(64), nullable=False),
        sa.Column("plover_event", sa.String(16)), sa.Column("plover_mode", sa.String(32)),
        sa.Column("actor1", sa.Text), sa.Column("assoc_actor_1", sa.Text), sa.Column("inter1", sa.Integer),
        sa.Column("actor2", sa.Text), sa.Column("assoc_actor_2", sa.Text), sa.Column("inter2", sa.Integer),
        sa.Column("event_date", sa.String(10)), sa.Column("time_precision", sa.Integer),
        sa.Column("country", sa.Text), sa.Column("admin1", sa.Text), sa.Column("location", sa.Text),
        sa.Column("latitude", sa.Float), sa.Column("longitude", sa.Float), sa.Column("geo_precision", sa.Integer),
        sa.Column("geonameid", sa.Integer), sa.Column("fatalities", sa.Integer),
        sa.Column("certainty", sa.String(16), nullable=False), sa.Column("attributed_to", sa.Text),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("evidence_text", sa.Text, nullable=False), sa.Column("evidence_start", sa.Integer, nullable=False),
        sa.Column("evidence_end", sa.Integer, nullable=False), sa.Column("spans", sa.Text, nullable=False),
    )
    for column in ("article_id", "event_type", "actor1", "actor2", "event_date", "country"):
        op.create_index(f"ix_events_{column}", "events", [column])
    op.create_table(
        "rejects",
        sa.Column("source", sa.Text, primary_key=True),
        sa.Column("reason", sa.String(64), nullable=False),
        sa.Column("detail", sa.Text),
        sa.Column("seen_at", sa.String(32), nullable=False),
    )
    op.create_index("ix_rejects_reason", "rejects", ["reason"])
    op.create_table(
        "fingerprints",
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), primary_key=True),
        sa.Column("signature", sa.Text, nullable=False),
    )
    op.create_table(
        "fingerprint_bands",
        sa.Column("band", sa.String(24), nullable=False),
        sa.Column("article_id", sa.String(64), sa.ForeignKey("articles.id"), nullable=False),
    )
    op.create_index("ix_fingerprint_bands_band", "fingerprint_bands", ["band"])


def downgrade() -> None:
    for table in ("fingerprint_bands", "fingerprints", "rejects", "events", "articles"):
        op.drop_table(table)

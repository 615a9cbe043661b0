"""Cross-article merging and analyst review: events.merged_into, review_status, original; audit_log.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("merged_into", sa.String(32)))
        batch.add_column(sa.Column("review_status", sa.String(16), nullable=False, server_default="unreviewed"))
        batch.add_column(sa.Column("original", sa.Text))
    op.create_index("ix_events_merged_into", "events", ["merged_into"])
    op.create_index("ix_events_canonical_date", "events", ["merged_into", "event_date"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(32), nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("field", sa.String(32)),
        sa.Column("old_value", sa.Text), sa.Column("new_value", sa.Text),
        sa.Column("reviewer", sa.Text, nullable=False),
        sa.Column("note", sa.Text),
        sa.Column("at", sa.String(32), nullable=False),
    )
    op.create_index("ix_audit_log_event_id", "audit_log", ["event_id"])


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_index("ix_events_canonical_date", "events")
    op.drop_index("ix_events_merged_into", "events")
    with op.batch_alter_table("events") as batch:
        batch.drop_column("original")
        batch.drop_column("review_status")
        batch.drop_column("merged_into")

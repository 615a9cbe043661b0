"""An index for the merge lookup of week- and month-precise events.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_events_canonical_precision_date", "events", ["merged_into", "time_precision", "event_date"])


def downgrade() -> None:
    op.drop_index("ix_events_canonical_precision_date", "events")

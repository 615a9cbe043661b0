"""PLOVER-only events (a consultation, an accusation...) have no ACLED type: event_type and
sub_event_type become nullable.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.alter_column("event_type", existing_type=sa.String(64), nullable=True)
        batch.alter_column("sub_event_type", existing_type=sa.String(64), nullable=True)


def downgrade() -> None:
    op.execute("DELETE FROM events WHERE event_type IS NULL")
    with op.batch_alter_table("events") as batch:
        batch.alter_column("event_type", existing_type=sa.String(64), nullable=False)
        batch.alter_column("sub_event_type", existing_type=sa.String(64), nullable=False)

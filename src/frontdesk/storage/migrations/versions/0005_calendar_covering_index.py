"""the calendar's covering index: bookings by start with every column a calendar glimpse
reads, in place of the plain index on start

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21 15:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# start first: it serves every range read by start as ix_bookings_start did; id next: the
# calendar orders by (start, id); then the rest of storage.rows.GLIMPSE_SQL's columns
CALENDAR_COLUMNS = [
    "start",
    "id",
    "connection_id",
    "service_id",
    "resource_id",
    "end",
    "patient_name",
    "patient_phone",
    "visit_status",
    "sync_state",
    "problem_message",
]


def upgrade() -> None:
    with op.batch_alter_table("bookings") as batch:
        batch.create_index("ix_bookings_calendar", CALENDAR_COLUMNS, unique=False)
        batch.drop_index("ix_bookings_start")


def downgrade() -> None:
    with op.batch_alter_table("bookings") as batch:
        batch.create_index("ix_bookings_start", ["start"], unique=False)
        batch.drop_index("ix_bookings_calendar")

"""the patient's confirmation attempts per booking and the arrivals (when the patient came,
when they went in): desk-local records, shared by the desks of a clinic's store

Revision ID: 0012
Revises: 0013
Create Date: 2026-12-05 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "confirmation_attempts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("booking_id", sa.String(length=64), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff", sa.String(length=100), nullable=False),
        sa.Column("desk", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_confirmation_attempts")),
    )
    op.create_index(
        "ix_confirmation_attempts_booking", "confirmation_attempts", ["booking_id", "id"]
    )
    op.create_table(
        "arrivals",
        sa.Column("booking_id", sa.String(length=64), nullable=False),
        sa.Column("arrived_at", sa.DateTime(), nullable=False),
        sa.Column("arrived_by", sa.String(length=100), nullable=False),
        sa.Column("seated_at", sa.DateTime(), nullable=True),
        sa.Column("seated_by", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("booking_id", name=op.f("pk_arrivals")),
    )
    op.create_index("ix_arrivals_arrived_at", "arrivals", ["arrived_at"])


def downgrade() -> None:
    op.drop_index("ix_arrivals_arrived_at", table_name="arrivals")
    op.drop_table("arrivals")
    op.drop_index("ix_confirmation_attempts_booking", table_name="confirmation_attempts")
    op.drop_table("confirmation_attempts")

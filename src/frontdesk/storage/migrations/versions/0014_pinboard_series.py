"""the desk's pinboard (appointments cut to be placed elsewhere; the booking itself stays as
it is until placed) and series of recurring appointments (a series and the bookings it links,
in their order)

Revision ID: 0014
Revises: 0011 (the chain as merged: 0009, 0013, 0012, 0011, 0014)
Create Date: 2026-12-05 03:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "pinboard",
        sa.Column("booking_id", sa.String(length=64), nullable=False),
        sa.Column("pinned_at", sa.DateTime(), nullable=False),
        sa.Column("pinned_by", sa.String(length=100), nullable=False),
        sa.Column("desk", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("booking_id", name=op.f("pk_pinboard")),
    )
    op.create_table(
        "series",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("every_weeks", sa.Integer(), nullable=False),
        sa.Column("rule", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_series")),
    )
    op.create_table(
        "series_members",
        sa.Column("booking_id", sa.String(length=64), nullable=False),
        sa.Column("series_id", sa.String(length=64), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("booking_id", name=op.f("pk_series_members")),
    )
    op.create_index(
        "ix_series_members_series", "series_members", ["series_id", "position"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_series_members_series", table_name="series_members")
    op.drop_table("series_members")
    op.drop_table("series")
    op.drop_table("pinboard")

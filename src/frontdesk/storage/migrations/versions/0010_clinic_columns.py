"""the clinic's own columns (providers, chairs, rooms), which booking system's resource is
shown in which, the saved views and their columns, and the revision of it all

Revision ID: 0010
Revises: 0014
Create Date: 2026-12-07 03:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "clinic_columns",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("color", sa.String(length=7), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("hidden", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clinic_columns")),
    )
    op.create_table(
        "column_resources",
        sa.Column("connection_id", sa.String(length=64), nullable=False),
        sa.Column("resource_id", sa.String(length=100), nullable=False),
        sa.Column("column_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["column_id"],
            ["clinic_columns.id"],
            name=op.f("fk_column_resources_column_id_clinic_columns"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("connection_id", "resource_id", name=op.f("pk_column_resources")),
    )
    with op.batch_alter_table("column_resources") as batch:
        batch.create_index(batch.f("ix_column_resources_column_id"), ["column_id"], unique=False)
    op.create_table(
        "column_views",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_column_views")),
    )
    op.create_table(
        "column_view_members",
        sa.Column("view_id", sa.String(length=36), nullable=False),
        sa.Column("column_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["column_id"],
            ["clinic_columns.id"],
            name=op.f("fk_column_view_members_column_id_clinic_columns"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["view_id"],
            ["column_views.id"],
            name=op.f("fk_column_view_members_view_id_column_views"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("view_id", "column_id", name=op.f("pk_column_view_members")),
    )
    op.create_table(
        "column_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_column_revision")),
    )


def downgrade() -> None:
    op.drop_table("column_revision")
    op.drop_table("column_view_members")
    op.drop_table("column_views")
    with op.batch_alter_table("column_resources") as batch:
        batch.drop_index(batch.f("ix_column_resources_column_id"))
    op.drop_table("column_resources")
    op.drop_table("clinic_columns")

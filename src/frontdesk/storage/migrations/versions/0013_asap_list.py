"""the ASAP list: patients who want an earlier time (asap) and the slots that freed up
(asap_freed), offered to them at every desk

Revision ID: 0013
Revises: 0009
Create Date: 2026-12-05 03:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "asap",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("patient_name", sa.String(length=200), nullable=False),
        sa.Column("patient_phone", sa.String(length=60), nullable=False),
        sa.Column("connection_id", sa.String(length=64), nullable=False),
        sa.Column("service_id", sa.String(length=100), nullable=False),
        sa.Column("resource_id", sa.String(length=100), nullable=True),
        sa.Column("weekdays", sa.String(length=20), nullable=False),
        sa.Column("parts", sa.String(length=40), nullable=False),
        sa.Column("until", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("booking_id", sa.String(length=64), nullable=True),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["connection_id"],
            ["connections.id"],
            name=op.f("fk_asap_connection_id_connections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asap")),
    )
    with op.batch_alter_table("asap") as batch:
        batch.create_index("ix_asap_until", ["until"], unique=False)
    op.create_table(
        "asap_freed",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("connection_id", sa.String(length=64), nullable=False),
        sa.Column("service_id", sa.String(length=100), nullable=False),
        sa.Column("resource_id", sa.String(length=100), nullable=False),
        sa.Column("start", sa.DateTime(), nullable=False),
        sa.Column("end", sa.DateTime(), nullable=False),
        sa.Column("booking_id", sa.String(length=64), nullable=False),
        sa.Column("cause", sa.String(length=20), nullable=False),
        sa.Column("freed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["connection_id"],
            ["connections.id"],
            name=op.f("fk_asap_freed_connection_id_connections"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_asap_freed")),
    )
    with op.batch_alter_table("asap_freed") as batch:
        batch.create_index("ix_asap_freed_end", ["end"], unique=False)


def downgrade() -> None:
    op.drop_table("asap_freed")
    op.drop_table("asap")

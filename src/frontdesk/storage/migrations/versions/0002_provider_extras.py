"""provider extras: JSON details per service, resource and booking; windows for one service
and exact spots

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 05:35:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    for table in ("services", "resources", "bookings"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("extra", sa.JSON(), nullable=False, server_default="{}"))
    with op.batch_alter_table("windows") as batch:
        batch.add_column(sa.Column("service_id", sa.String(length=100), nullable=True))
        batch.add_column(
            sa.Column("exact", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("windows") as batch:
        batch.drop_column("exact")
        batch.drop_column("service_id")
    for table in ("bookings", "resources", "services"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("extra")

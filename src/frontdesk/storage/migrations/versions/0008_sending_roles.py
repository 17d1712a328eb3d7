"""who sends for a connection: one process or desk at a time holds a connection's sending role
(a lease), so the API key's rate is paced by one pacer however many desks share the store;
the holder's recent requests are kept with it, so the next holder's pacer goes on from them

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 23:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sending_roles",
        sa.Column("connection_id", sa.String(length=64), nullable=False),
        sa.Column("holder", sa.String(length=100), nullable=False),
        sa.Column("until", sa.DateTime(), nullable=False),
        sa.Column("recent", sa.JSON(), nullable=False, server_default="[]"),
        sa.ForeignKeyConstraint(["connection_id"], ["connections.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("connection_id"),
    )


def downgrade() -> None:
    op.drop_table("sending_roles")

"""how many times an operation's send was taken over from a sender that died or whose lease
ran out since its last stored answer: an operation whose send kills its sender every time is
held back for a person instead of stalling its connection's queue for ever

Revision ID: 0015
Revises: 0010
Create Date: 2026-12-05 15:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # a plain ADD COLUMN (SQLite and PostgreSQL both keep the constant default): the table is
    # not copied, however many operations a cache has kept
    op.add_column(
        "outbox",
        sa.Column("takeovers", sa.Integer(), nullable=False, server_default=sa.text("0")),
    )


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_column("takeovers")

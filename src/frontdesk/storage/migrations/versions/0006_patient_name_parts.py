"""patients are found by any part of a name word: each word's tails become search terms; and
the bookings of a patient with no phone are found by name (ix_bookings_patient_name)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 21:00:00
"""

import re
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _tails(name: str) -> set[str]:
    # as storage.patients.name_terms was written at this revision (kept here: a migration
    # must not change when the code does)
    found: set[str] = set()
    for word in (w.casefold() for w in _WORD.findall(name)):
        found.update(word[i:] for i in range(1, len(word) - 1))
    return found


def upgrade() -> None:
    with op.batch_alter_table("bookings") as batch:
        batch.create_index("ix_bookings_patient_name", ["patient_name", "start"], unique=False)
    conn = op.get_bind()
    terms = sa.table("patient_terms", sa.column("term"), sa.column("patient_id"))
    have = {(t, p) for t, p in conn.execute(sa.select(terms.c.term, terms.c.patient_id))}
    rows: list[dict[str, object]] = []
    for patient_id, name in conn.execute(sa.text("SELECT id, name FROM patients")):
        rows.extend(
            {"term": tail, "patient_id": patient_id}
            for tail in _tails(str(name))
            if (tail, patient_id) not in have
        )
    for first in range(0, len(rows), 5000):
        conn.execute(sa.insert(terms), rows[first : first + 5000])


def downgrade() -> None:
    with op.batch_alter_table("bookings") as batch:
        batch.drop_index("ix_bookings_patient_name")

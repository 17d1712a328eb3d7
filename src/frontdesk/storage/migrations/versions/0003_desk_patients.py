"""the patient index: patients and their search terms, filled from the cached bookings;
bookings by patient phone, and the bookings that need attention

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import frontdesk.storage.types
from frontdesk.storage.patients import patient_key, terms

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "patients",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=60), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("last_seen", frontdesk.storage.types.UTCDateTime(), nullable=False),
        sa.Column("bookings", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patients")),
        sa.UniqueConstraint("key", name=op.f("uq_patients_key")),
    )
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.create_index("ix_patients_last_seen", ["last_seen"], unique=False)
    op.create_table(
        "patient_terms",
        sa.Column("term", sa.String(length=320), nullable=False),
        sa.Column("patient_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["patient_id"],
            ["patients.id"],
            name=op.f("fk_patient_terms_patient_id_patients"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("term", "patient_id", name=op.f("pk_patient_terms")),
    )
    with op.batch_alter_table("bookings", schema=None) as batch_op:
        batch_op.create_index("ix_bookings_patient_phone", ["patient_phone", "start"], unique=False)
    op.create_index(
        "ix_bookings_attention",
        "bookings",
        ["start"],
        unique=False,
        sqlite_where=sa.text("sync_state = 'needs_attention'"),
        postgresql_where=sa.text("sync_state = 'needs_attention'"),
    )
    _fill()


def _fill() -> None:
    """One patient per name and phone of the bookings already cached."""
    conn = op.get_bind()
    rows = conn.execute(
        sa.text(
            "SELECT patient_name, patient_phone, max(patient_email), max(start), count(*) "
            "FROM bookings GROUP BY patient_name, patient_phone"
        )
    ).all()
    merged: dict[str, tuple[str, str, str | None, str, int]] = {}
    for row in rows:
        name, phone, email = str(row[0]), str(row[1]), row[2] and str(row[2])
        last, count = str(row[3]), int(row[4])
        key = patient_key(name, phone)
        seen = merged.get(key)
        if seen is not None:  # the same person written differently (spaces, case)
            email = seen[2] or email
            last = max(seen[3], last)
            count += seen[4]
        merged[key] = (name, phone, email, last, count)
    people: list[dict[str, object]] = []
    words: list[dict[str, object]] = []
    for number, (key, (name, phone, email, last, count)) in enumerate(merged.items(), 1):
        people.append(
            {"id": number, "key": key, "name": name, "phone": phone, "email": email,
             "last_seen": last, "bookings": count}
        )  # fmt: skip
        words.extend({"term": t, "patient_id": number} for t in terms(name, phone, email))
    if people:
        conn.execute(
            sa.text(
                "INSERT INTO patients (id, key, name, phone, email, last_seen, bookings) "
                "VALUES (:id, :key, :name, :phone, :email, :last_seen, :bookings)"
            ),
            people,
        )
        conn.execute(
            sa.text("INSERT INTO patient_terms (term, patient_id) VALUES (:term, :patient_id)"),
            words,
        )


def downgrade() -> None:
    op.drop_index("ix_bookings_attention", "bookings")
    with op.batch_alter_table("bookings", schema=None) as batch_op:
        batch_op.drop_index("ix_bookings_patient_phone")
    op.drop_table("patient_terms")
    with op.batch_alter_table("patients", schema=None) as batch_op:
        batch_op.drop_index("ix_patients_last_seen")
    op.drop_table("patients")

"""The cache's tables (SQLAlchemy 2 typed declarative models).

Indexes serve the desk's range queries: bookings by (connection, start), by (resource, start)
and by start (covering what the calendars read of them); windows by (connection, day); the
outbox by (state, next attempt); the audit trail by time and by booking.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from frontdesk.storage.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON()}  # noqa: RUF012


class ConnectionRow(Base):
    __tablename__ = "connections"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    provider: Mapped[str] = mapped_column(String(40))
    base_url: Mapped[str] = mapped_column(String(500))
    options: Mapped[dict[str, Any]] = mapped_column(default=dict)
    policy: Mapped[dict[str, Any]] = mapped_column(default=dict)
    last_fresh_at: Mapped[datetime | None]
    created_at: Mapped[datetime]


class ServiceRow(Base):
    __tablename__ = "services"

    connection_id: Mapped[str] = mapped_column(
        ForeignKey("connections.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    duration_minutes: Mapped[int]
    color: Mapped[str | None] = mapped_column(String(20))
    active: Mapped[bool]
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)


class ResourceRow(Base):
    __tablename__ = "resources"

    connection_id: Mapped[str] = mapped_column(
        ForeignKey("connections.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))
    color: Mapped[str | None] = mapped_column(String(20))
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)


class WindowRow(Base):
    __tablename__ = "windows"
    __table_args__ = (Index("ix_windows_connection_day", "connection_id", "day"),)

    connection_id: Mapped[str] = mapped_column(
        ForeignKey("connections.id", ondelete="CASCADE"), primary_key=True
    )
    window_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    resource_id: Mapped[str] = mapped_column(String(100))
    start: Mapped[time]
    end: Mapped[time]
    session: Mapped[str | None] = mapped_column(String(40))
    batch: Mapped[str | None] = mapped_column(String(40))
    open: Mapped[bool]
    capacity: Mapped[int | None]
    service_id: Mapped[str | None] = mapped_column(String(100))
    exact: Mapped[bool] = mapped_column(default=False)


class BookingRow(Base):
    __tablename__ = "bookings"
    __table_args__ = (
        Index("ix_bookings_connection_start", "connection_id", "start"),
        Index("ix_bookings_resource_start", "resource_id", "start"),
        # covering: the calendar's range read (storage.rows.GLIMPSE_SQL) never visits the
        # table; start first, so it serves every other range read by start too
        Index(
            "ix_bookings_calendar",
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
        ),
        Index("ix_bookings_patient_phone", "patient_phone", "start"),
        Index("ix_bookings_patient_name", "patient_name", "start"),  # patients with no phone
        # partial (WHERE sync_state = 'needs_attention') as migration 0003 makes it; the
        # condition is stated there only: naming a dialect's option here would import that
        # dialect (PostgreSQL's, 36 ms) at every desk's start
        Index("ix_bookings_attention", "start"),
        UniqueConstraint("connection_id", "remote_id", name="uq_bookings_connection_remote"),
    )

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    connection_id: Mapped[str] = mapped_column(ForeignKey("connections.id", ondelete="CASCADE"))
    remote_id: Mapped[str | None] = mapped_column(String(100))
    service_id: Mapped[str] = mapped_column(String(100))
    resource_id: Mapped[str] = mapped_column(String(100))
    start: Mapped[datetime]
    end: Mapped[datetime]
    session: Mapped[str | None] = mapped_column(String(40))
    batch: Mapped[str | None] = mapped_column(String(40))
    patient_name: Mapped[str] = mapped_column(String(200))
    patient_phone: Mapped[str] = mapped_column(String(60))
    patient_email: Mapped[str | None] = mapped_column(String(320))
    notes: Mapped[str | None] = mapped_column(Text)
    external_ref: Mapped[str | None] = mapped_column(String(100))
    visit_status: Mapped[str] = mapped_column(String(20))
    sync_state: Mapped[str] = mapped_column(String(30))
    problem_code: Mapped[str | None] = mapped_column(String(60))
    problem_message: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    extra: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # the remote's last known view (domain.merge.snapshot) and any clash not yet settled:
    # {"view": {...}, "clash": [part, ...]}; None before the remote has said anything
    remote_base: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class OutboxRow(Base):
    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_due", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    booking_id: Mapped[str] = mapped_column(ForeignKey("bookings.id", ondelete="CASCADE"))
    connection_id: Mapped[str] = mapped_column(ForeignKey("connections.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(30))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
    idempotency_key: Mapped[str] = mapped_column(String(100), unique=True)
    depends_on: Mapped[int | None] = mapped_column(ForeignKey("outbox.id"))
    state: Mapped[str] = mapped_column(String(20))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    done_at: Mapped[datetime | None]
    # who is sending it and until when (a lease): nobody else sends it meanwhile
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    claimed_until: Mapped[datetime | None]
    # sends taken over from a sender that died (or whose lease ran out) since the last stored
    # answer (``storage.claims``): past a limit the operation waits for a person
    takeovers: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))


class SendingRoleRow(Base):
    """Who sends (and refreshes) for a connection, until when: one holder at a time."""

    __tablename__ = "sending_roles"

    connection_id: Mapped[str] = mapped_column(
        ForeignKey("connections.id", ondelete="CASCADE"), primary_key=True
    )
    holder: Mapped[str] = mapped_column(String(100))
    until: Mapped[datetime]
    # the instants (epoch seconds) of the holder's requests within the API's rate window
    recent: Mapped[list[float]] = mapped_column(JSON, default=list)


class HistoryRow(Base):
    __tablename__ = "booking_history"
    __table_args__ = (Index("ix_history_booking", "booking_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    booking_id: Mapped[str] = mapped_column(ForeignKey("bookings.id", ondelete="CASCADE"))
    at: Mapped[datetime]
    event: Mapped[str] = mapped_column(String(40))
    detail: Mapped[str | None] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(String(100))


class PatientRow(Base):
    """A patient seen in any booking (desk or pulled), one per name and phone number."""

    __tablename__ = "patients"
    __table_args__ = (Index("ix_patients_last_seen", "last_seen"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(300), unique=True)  # folded name | phone digits
    name: Mapped[str] = mapped_column(String(200))
    phone: Mapped[str] = mapped_column(String(60))
    email: Mapped[str | None] = mapped_column(String(320))
    last_seen: Mapped[datetime]  # the start of their latest booking
    bookings: Mapped[int] = mapped_column(Integer, default=0)


class PatientTermRow(Base):
    """Search terms of a patient (name words, phone digit forms, email); prefix-searched."""

    __tablename__ = "patient_terms"

    term: Mapped[str] = mapped_column(String(320), primary_key=True)
    patient_id: Mapped[int] = mapped_column(
        ForeignKey("patients.id", ondelete="CASCADE"), primary_key=True
    )


class StaffRow(Base):
    """Someone who signs in to the desk; ``key`` is the name folded (one member per name)."""

    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(20))
    pin_hash: Mapped[str] = mapped_column(String(300))  # app.pins: KDF, parameters, salt
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    failed: Mapped[int] = mapped_column(Integer, default=0)  # wrong PINs in a row
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]
    last_sign_in: Mapped[datetime | None]


class AuditRow(Base):
    """One line of the append-only audit trail (no foreign key: a line outlives its booking;
    triggers refuse UPDATE and DELETE, see migration 0009)."""

    __tablename__ = "audit"
    __table_args__ = (
        Index("ix_audit_at", "at"),
        Index("ix_audit_booking", "booking_id", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime]
    staff: Mapped[str] = mapped_column(String(100))
    desk: Mapped[str] = mapped_column(String(100))
    event: Mapped[str] = mapped_column(String(40))
    booking_id: Mapped[str | None] = mapped_column(String(64))
    changes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    detail: Mapped[str | None] = mapped_column(Text)


from frontdesk.storage import tables_asap as tables_asap  # noqa: E402  (the ASAP list)
from frontdesk.storage import tables_blockouts as _tables_blockouts  # noqa: E402, F401
from frontdesk.storage import tables_columns as _tables_columns  # noqa: E402, F401
from frontdesk.storage import tables_confirmations  # noqa: E402, F401
from frontdesk.storage import tables_pinboard as tables_pinboard  # noqa: E402  (pinboard)

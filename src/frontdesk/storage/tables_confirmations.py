"""The tables of the patient's side of an appointment (``domain.confirmations``): every
confirmation attempt (the latest is the booking's state) and each arrival. No foreign key to
the bookings: a pull may replace a booking's row, and these are the desk's own records."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.storage.tables import Base


class ConfirmationAttemptRow(Base):
    __tablename__ = "confirmation_attempts"
    __table_args__ = (Index("ix_confirmation_attempts_booking", "booking_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    booking_id: Mapped[str] = mapped_column(String(64))
    state: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime]
    staff: Mapped[str] = mapped_column(String(100))
    desk: Mapped[str] = mapped_column(String(100))


class ArrivalRow(Base):
    __tablename__ = "arrivals"
    __table_args__ = (Index("ix_arrivals_arrived_at", "arrived_at"),)

    booking_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    arrived_at: Mapped[datetime]
    arrived_by: Mapped[str] = mapped_column(String(100))
    seated_at: Mapped[datetime | None]
    seated_by: Mapped[str | None] = mapped_column(String(100))

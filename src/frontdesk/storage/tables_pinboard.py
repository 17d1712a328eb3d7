"""The tables of the pinboard and of series (migration 0014): a pin names a booking cut to the
pinboard (the booking itself is untouched until it is placed); a series links the bookings of
recurring appointments in their order. No foreign keys to bookings: a pin or a series member
whose booking is gone is told and dropped by the app."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.storage.tables import Base


class PinRow(Base):
    __tablename__ = "pinboard"

    booking_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    pinned_at: Mapped[datetime]
    pinned_by: Mapped[str] = mapped_column(String(100))
    desk: Mapped[str] = mapped_column(String(100))


class SeriesRow(Base):
    __tablename__ = "series"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(100))
    every_weeks: Mapped[int] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(200))  # in words: "every 2 weeks, 6 times"


class SeriesMemberRow(Base):
    __tablename__ = "series_members"
    __table_args__ = (Index("ix_series_members_series", "series_id", "position"),)

    booking_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    series_id: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer)

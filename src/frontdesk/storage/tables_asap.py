"""The ASAP list's tables: the patients who want an earlier time (``asap``) and the slots that
freed up (``asap_freed``: a booking cancelled, marked a no-show or moved away, as it was, kept
until its time has passed), which every desk of the clinic reads to offer them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.storage.tables import Base


class AsapRow(Base):
    __tablename__ = "asap"
    __table_args__ = (Index("ix_asap_until", "until"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    patient_name: Mapped[str] = mapped_column(String(200))
    patient_phone: Mapped[str] = mapped_column(String(60))
    connection_id: Mapped[str] = mapped_column(ForeignKey("connections.id", ondelete="CASCADE"))
    service_id: Mapped[str] = mapped_column(String(100))
    resource_id: Mapped[str | None] = mapped_column(String(100))
    weekdays: Mapped[str] = mapped_column(String(20))  # "0,2,4" (Monday = 0); "": any
    parts: Mapped[str] = mapped_column(String(40))  # "morning,evening"; "": any
    until: Mapped[date]
    note: Mapped[str] = mapped_column(Text)
    booking_id: Mapped[str | None] = mapped_column(String(64))  # the booking to bring forward
    added_by: Mapped[str] = mapped_column(String(100))
    added_at: Mapped[datetime]
    version: Mapped[int] = mapped_column(Integer, default=1)


class AsapFreedRow(Base):
    __tablename__ = "asap_freed"
    __table_args__ = (Index("ix_asap_freed_end", "end"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    connection_id: Mapped[str] = mapped_column(ForeignKey("connections.id", ondelete="CASCADE"))
    service_id: Mapped[str] = mapped_column(String(100))
    resource_id: Mapped[str] = mapped_column(String(100))
    start: Mapped[datetime]
    end: Mapped[datetime]
    booking_id: Mapped[str] = mapped_column(String(64))
    cause: Mapped[str] = mapped_column(String(20))
    freed_at: Mapped[datetime]

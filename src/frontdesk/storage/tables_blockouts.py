"""The blockouts' table: times the clinic keeps free at the desk (``domain.blockouts``).

One row per blockout, repeats included (a repeat is expanded when read). ``reach`` is the end
of its last occurrence, so a span's blockouts are those with ``start < span end`` and
``reach > span start`` (index ``ix_blockouts_start``). No foreign key to the connections: a
clinic-wide blockout has none, and a column's outlives a connection set up again.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.storage.tables import Base


class BlockoutRow(Base):
    __tablename__ = "blockouts"
    __table_args__ = (Index("ix_blockouts_start", "start", "reach"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    connection_id: Mapped[str | None] = mapped_column(String(64))
    resource_id: Mapped[str | None] = mapped_column(String(100))
    start: Mapped[datetime]
    end: Mapped[datetime]
    reach: Mapped[datetime]
    zone: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    repeat: Mapped[str] = mapped_column(String(20), default="none")
    weeks: Mapped[int | None] = mapped_column(Integer)
    until: Mapped[date | None]
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_by: Mapped[str] = mapped_column(String(100), default="")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]

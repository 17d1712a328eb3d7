"""The clinic's columns in the store: its providers, chairs and rooms, which booking system's
resource is shown in which of them, the saved views and their columns, and the revision of it
all (one row; a save from an older revision is refused). Shared by every desk of a store."""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.storage.tables import Base


class ClinicColumnRow(Base):
    __tablename__ = "clinic_columns"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    color: Mapped[str | None] = mapped_column(String(7))
    position: Mapped[int] = mapped_column(Integer)
    hidden: Mapped[bool] = mapped_column(Boolean, default=False)


class ColumnResourceRow(Base):
    """A booking system's resource shown in a clinic column (one column per resource; no
    foreign key to the connection: a removed connection's rows are only not shown)."""

    __tablename__ = "column_resources"

    connection_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    resource_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    column_id: Mapped[str] = mapped_column(
        ForeignKey("clinic_columns.id", ondelete="CASCADE"), index=True
    )


class ColumnViewRow(Base):
    __tablename__ = "column_views"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    position: Mapped[int] = mapped_column(Integer)


class ColumnViewMemberRow(Base):
    __tablename__ = "column_view_members"

    view_id: Mapped[str] = mapped_column(
        ForeignKey("column_views.id", ondelete="CASCADE"), primary_key=True
    )
    column_id: Mapped[str] = mapped_column(
        ForeignKey("clinic_columns.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer)


class ColumnRevisionRow(Base):
    """One row: how many times the clinic's columns were saved."""

    __tablename__ = "column_revision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, default=0)

"""Removing a connection from the store, and what that would lose: its operations by state and
its cached bookings. One write transaction deletes the connection with its operations, its
bookings and their history, and its catalog (no migration: the tables' own keys)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import delete, func, select, update

from frontdesk.storage.db import Database
from frontdesk.storage.tables import (
    BookingRow,
    ConnectionRow,
    HistoryRow,
    OutboxRow,
    ResourceRow,
    SendingRoleRow,
    ServiceRow,
    WindowRow,
)


class ConnectionRemoval:
    """Counting what a connection holds, and removing it with everything cached for it."""

    def __init__(self, db: Database, forget_catalogs: Callable[[], None]) -> None:
        self.db = db
        self._forget_catalogs = forget_catalogs  # the catalogs read before are gone

    def connection_counts(self, connection_id: str) -> dict[str, int]:
        """The connection's operations per state (``queued``, ``unknown``, ...) and its cached
        bookings (``bookings``)."""
        with self.db.read() as s:
            counts = {
                str(state): int(n)
                for state, n in s.execute(
                    select(OutboxRow.state, func.count())
                    .where(OutboxRow.connection_id == connection_id)
                    .group_by(OutboxRow.state)
                )
            }
            counts["bookings"] = int(
                s.scalar(
                    select(func.count())
                    .select_from(BookingRow)
                    .where(BookingRow.connection_id == connection_id)
                )
                or 0
            )
            return counts

    def remove_connection(self, connection_id: str) -> bool:
        """Delete the connection and everything cached for it, in one transaction; False when
        there was no such connection."""
        bookings = select(BookingRow.id).where(BookingRow.connection_id == connection_id)
        with self.db.write() as s:
            if s.get(ConnectionRow, connection_id) is None:
                return False
            # an operation may wait for another of the same connection: unlink, then delete
            s.execute(
                update(OutboxRow)
                .where(OutboxRow.connection_id == connection_id)
                .values(depends_on=None)
            )
            s.execute(delete(OutboxRow).where(OutboxRow.connection_id == connection_id))
            s.execute(delete(HistoryRow).where(HistoryRow.booking_id.in_(bookings)))
            s.execute(delete(BookingRow).where(BookingRow.connection_id == connection_id))
            for table in (WindowRow, ResourceRow, ServiceRow, SendingRoleRow):
                s.execute(delete(table).where(table.connection_id == connection_id))
            s.execute(delete(ConnectionRow).where(ConnectionRow.id == connection_id))
        self._forget_catalogs()
        return True

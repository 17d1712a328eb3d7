"""The outbox as the sync engine and the desk read it: what falls due and when (strictly in
order per booking, never before the operation it depends on is done, never behind an unknown
outcome or in a clash, both of which wait for a person), how many operations wait, and the
sync panel's lists. Reads only; what writes the outbox is :class:`OutboxStore` and its kin.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import case, exists, func, or_, select
from sqlalchemy.orm import aliased

from frontdesk.domain.booking import Booking
from frontdesk.domain.merge import CLASH_CODE
from frontdesk.domain.outbox import Operation, OperationState
from frontdesk.storage.db import Database
from frontdesk.storage.rows import BOOKING_COLUMNS, booking_of_tuple, operation_of_row, queued_query
from frontdesk.storage.tables import BookingRow, OutboxRow

# The operation an operation waits for, in queries that need its state (a primary-key lookup).
_DEPENDENCY = aliased(OutboxRow)
# When an operation may be sent: its next attempt, or when another sender's claim runs out.
_DUE_AT = case(
    (OutboxRow.claimed_until > OutboxRow.next_attempt_at, OutboxRow.claimed_until),
    else_=OutboxRow.next_attempt_at,
)


class OutboxReads:
    """Queued operations: which are due, when the next one is, how many, and which."""

    db: Database

    def queued_operations(self, booking_id: str) -> list[Operation]:
        """The booking's operations still waiting to be sent (or resent), oldest first."""
        with self.db.read() as s:
            return [operation_of_row(r) for r in s.scalars(queued_query(booking_id))]

    def due_operations(self, connection_id: str, now: datetime, limit: int = 50) -> list[Operation]:
        """Queued operations whose time has come, oldest first, at most one per booking, and
        none before the operation it depends on is done; none of a booking whose earlier
        operation's outcome is unknown, or that is in a clash (both wait for a person; see
        :mod:`frontdesk.storage.remote_merge`)."""
        with self.db.read() as s:
            rows = s.execute(
                select(OutboxRow, _DEPENDENCY.state, BookingRow.problem_code)
                .join(BookingRow, BookingRow.id == OutboxRow.booking_id)
                .outerjoin(_DEPENDENCY, _DEPENDENCY.id == OutboxRow.depends_on)
                .where(
                    OutboxRow.connection_id == connection_id,
                    OutboxRow.state.in_(
                        [OperationState.QUEUED.value, OperationState.UNKNOWN.value]
                    ),
                )
                .order_by(OutboxRow.id)
            )
            seen: set[str] = set()
            due: list[Operation] = []
            for row, dependency, problem in rows:
                if row.booking_id in seen:
                    continue  # strictly in order per booking
                seen.add(row.booking_id)
                if row.state == OperationState.UNKNOWN.value:
                    continue  # it and what follows it wait until a person settles it
                if row.depends_on is not None and dependency != OperationState.DONE.value:
                    continue  # waits for the operation it depends on (the booking waits too)
                if problem == CLASH_CODE:
                    continue  # held until a person settles the clash
                if row.next_attempt_at <= now:
                    due.append(operation_of_row(row))
                if len(due) >= limit:
                    break
            return due

    def operations(
        self, states: Sequence[OperationState], limit: int = 500
    ) -> list[tuple[Operation, Booking]]:
        """Operations in ``states`` with their bookings, oldest first (the sync panel's lists)."""
        query = (
            select(OutboxRow, *BOOKING_COLUMNS)
            .join(BookingRow, BookingRow.id == OutboxRow.booking_id)
            .where(OutboxRow.state.in_([state.value for state in states]))
            .order_by(OutboxRow.id)
            .limit(limit)
        )
        with self.db.read() as s:
            return [(operation_of_row(r[0]), booking_of_tuple(r[1:])) for r in s.execute(query)]

    def next_due_at(self, connection_id: str | None = None) -> datetime | None:
        """When the next queued operation falls due (one waiting for another counts as that
        one; one another sender holds, when its claim runs out); one that waits for a person
        (behind an unknown outcome, or in a clash) is not."""
        held = aliased(OutboxRow)
        with self.db.read() as s:
            query = (
                select(func.min(_DUE_AT))
                .join(BookingRow, BookingRow.id == OutboxRow.booking_id)
                .outerjoin(_DEPENDENCY, _DEPENDENCY.id == OutboxRow.depends_on)
                .where(
                    OutboxRow.state == OperationState.QUEUED.value,
                    or_(
                        OutboxRow.depends_on.is_(None),
                        _DEPENDENCY.state == OperationState.DONE.value,
                    ),
                    ~exists().where(
                        held.booking_id == OutboxRow.booking_id,
                        held.state == OperationState.UNKNOWN.value,
                    ),
                    or_(BookingRow.problem_code.is_(None), BookingRow.problem_code != CLASH_CODE),
                )
            )
            if connection_id is not None:
                query = query.where(OutboxRow.connection_id == connection_id)
            due: datetime | None = s.scalar(query)
            return due

    def pending_count(self, connection_id: str | None = None) -> int:
        with self.db.read() as s:
            query = (
                select(func.count())
                .select_from(OutboxRow)
                .where(OutboxRow.state == OperationState.QUEUED.value)
            )
            if connection_id is not None:
                query = query.where(OutboxRow.connection_id == connection_id)
            return int(s.scalar(query) or 0)

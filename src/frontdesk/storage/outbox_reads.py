"""The outbox as the sync engine and the desk read it: what falls due and when (strictly in
order per booking, never before the operation it depends on is done, never behind an unknown
outcome or in a clash, both of which wait for a person), how many operations wait, and the
sync panel's lists, how many outcomes are unknown. Reads only; what writes the outbox is
``repo.changes`` (:mod:`~frontdesk.storage.outbox_store`: queueing with a desk change) and
``repo.sending`` (:mod:`~frontdesk.storage.outbox_sending`: everything after).
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from contextlib import closing
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.engine import Row

from frontdesk.domain.booking import Booking
from frontdesk.domain.merge import CLASH_CODE
from frontdesk.domain.outbox import Operation, OperationState, Standing, due_at, is_due
from frontdesk.storage.claims import OPERATION_COLUMNS, operation_of_tuple
from frontdesk.storage.db import Database
from frontdesk.storage.rows import BOOKING_COLUMNS, booking_of_tuple, operation_of_row, queued_query
from frontdesk.storage.tables import BookingRow, OutboxRow

_OUTBOX = cast(Table, OutboxRow.__table__)
_BOOKINGS = cast(Table, BookingRow.__table__)
# The operation an operation waits for, in queries that need its state (a primary-key lookup).
_DEPENDENCY = _OUTBOX.alias("dependency")


class OutboxReads:
    """Queued operations: which are due, when the next one is, how many, and which (the
    repository's ``outbox``; reads only, each in a transaction of its own)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def queued_operations(self, booking_id: str) -> list[Operation]:
        """The booking's operations still waiting to be sent (or resent), oldest first."""
        with self.db.read() as s:
            return [operation_of_row(r) for r in s.scalars(queued_query(booking_id))]

    def _standings(
        self, connection_id: str | None, *, claims: bool
    ) -> Generator[tuple[Row[Any], Standing], None, None]:
        """Every open operation (queued, or its outcome unknown) in order, with where it
        stands; ``claims``: whether another sender's claim delays it. The rows are plain
        (``OPERATION_COLUMNS``, see :func:`~frontdesk.storage.claims.operation_of_tuple`),
        read as they are needed: the engine asks for the first few due of a queue of
        thousands."""
        query = (
            select(*OPERATION_COLUMNS, _DEPENDENCY.c.state, _BOOKINGS.c.problem_code)
            .select_from(
                _OUTBOX.join(_BOOKINGS, _BOOKINGS.c.id == _OUTBOX.c.booking_id).outerjoin(
                    _DEPENDENCY, _DEPENDENCY.c.id == _OUTBOX.c.depends_on
                )
            )
            .where(_OUTBOX.c.state.in_([OperationState.QUEUED.value, OperationState.UNKNOWN.value]))
            .order_by(_OUTBOX.c.id)
        )
        if connection_id is not None:
            query = query.where(_OUTBOX.c.connection_id == connection_id)
        seen: set[str] = set()
        done = OperationState.DONE.value
        with self.db.read() as s:
            for row in s.connection().execute(query):
                booking_id, depends_on, dependency, problem = row[1], row[11], row[-2], row[-1]
                first = booking_id not in seen  # strictly in order per booking
                seen.add(booking_id)
                yield (
                    row,
                    Standing(
                        state=OperationState(row[6]),
                        next_attempt_at=row[8],
                        first_of_booking=first,
                        dependency_done=depends_on is None or dependency == done,
                        in_clash=problem == CLASH_CODE,
                        claimed_until=row[13] if claims else None,
                    ),
                )

    def due_operations(self, connection_id: str, now: datetime, limit: int = 50) -> list[Operation]:
        """Queued operations that are due (:func:`~frontdesk.domain.outbox.is_due`), oldest
        first: at most one per booking, none before the operation it depends on is done, none
        of a booking whose earlier operation's outcome is unknown or that is in a clash (both
        wait for a person; see :mod:`frontdesk.storage.remote_merge`). One another sender
        claimed is listed: the claim judges whether that sender still lives."""
        due: list[Operation] = []
        with closing(self._standings(connection_id, claims=False)) as standings:
            for row, standing in standings:
                if is_due(standing, now):
                    due.append(operation_of_tuple(row))
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
        times = (due_at(st) for _row, st in self._standings(connection_id, claims=True))
        return min((at for at in times if at is not None), default=None)

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

    def unknown_count(self, connection_id: str | None = None) -> int:
        """Operations whose outcome is unknown (each waits for a person)."""
        with self.db.read() as s:
            query = (
                select(func.count())
                .select_from(OutboxRow)
                .where(OutboxRow.state == OperationState.UNKNOWN.value)
            )
            if connection_id is not None:
                query = query.where(OutboxRow.connection_id == connection_id)
            return int(s.scalar(query) or 0)

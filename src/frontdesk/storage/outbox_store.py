"""The outbox side of the repository: what the desk owes each remote system, and the
booking changes that create those debts, each in one transaction with its booking."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from frontdesk.domain.booking import Booking
from frontdesk.domain.merge import CLASH_CODE
from frontdesk.domain.outbox import (
    ChangePlan,
    Operation,
    OperationKind,
    OperationState,
    plan_change,
)
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage.db import Database
from frontdesk.storage.rows import (
    BOOKING_COLUMNS,
    add_history,
    booking_of_row,
    booking_of_tuple,
    copy_into,
    operation_of_row,
    queued_query,
    set_base,
)
from frontdesk.storage.tables import BookingRow, HistoryRow, OutboxRow


class StaleBooking(Exception):
    """The booking changed (a sync, another desk) since the caller read it."""

    def __init__(self, booking_id: str) -> None:
        super().__init__(f"booking {booking_id} changed since it was read")
        self.booking_id = booking_id


class OutboxStore:
    """Operations queued, sent, settled; and desk changes with what they owe."""

    db: Database

    def _enqueue(
        self, s: Session, booking: Booking, kind: OperationKind, payload: dict[str, Any], key: str
    ) -> Operation:
        now = utc_now()
        row = OutboxRow(
            booking_id=booking.id,
            connection_id=booking.connection_id,
            kind=kind.value,
            payload=payload,
            idempotency_key=key,
            state=OperationState.QUEUED.value,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
        s.add(row)
        s.flush()
        return operation_of_row(row)

    def change_booking(
        self,
        booking: Booking,
        kind: OperationKind,
        idempotency_key: str,
        actor: str,
        event: str,
        detail: str | None,
        expected_version: int | None = None,
    ) -> tuple[ChangePlan, Operation | None]:
        """Store a desk change to ``booking`` and what it owes the remote, in one transaction.

        What is owed follows :func:`plan_change` over the booking's queued operations, decided
        inside the write lock so the sync engine cannot send one in between. Raises
        :class:`StaleBooking` when ``expected_version`` no longer matches the stored row.
        """
        with self.db.write() as s:
            row = s.get_one(BookingRow, booking.id)
            if expected_version is not None and row.version != expected_version:
                raise StaleBooking(booking.id)
            queued = [operation_of_row(r) for r in s.scalars(queued_query(booking.id))]
            plan, withdraw = plan_change(kind, queued, row.remote_id is not None)
            self._withdraw(s, withdraw, f"superseded by {kind.value}")
            refused = s.scalars(
                select(OutboxRow.id).where(
                    OutboxRow.booking_id == booking.id,
                    OutboxRow.state == OperationState.FAILED.value,
                )
            ).all()
            for op_id in refused:  # the desk has acted on the refusal: it is no dead letter
                s.get_one(OutboxRow, op_id).state = OperationState.WITHDRAWN.value
            copy_into(row, booking.with_changes(version=row.version + 1))
            op = None
            if plan is ChangePlan.ENQUEUE:
                op = self._enqueue(s, booking, kind, {}, idempotency_key)
            add_history(s, booking.id, event, detail, actor)
            return plan, op

    @staticmethod
    def _withdraw(s: Session, op_ids: Sequence[int], why: str) -> None:
        for op_id in op_ids:
            row = s.get_one(OutboxRow, op_id)
            row.state, row.done_at, row.last_error = OperationState.WITHDRAWN.value, utc_now(), why

    @staticmethod
    def _has_pending(s: Session, booking_id: str) -> bool:
        count = s.scalar(
            select(func.count())
            .select_from(OutboxRow)
            .where(
                OutboxRow.booking_id == booking_id,
                OutboxRow.state == OperationState.QUEUED.value,
            )
        )
        return bool(count)

    def queued_operations(self, booking_id: str) -> list[Operation]:
        """The booking's operations still waiting to be sent (or resent), oldest first."""
        with self.db.read() as s:
            return [operation_of_row(r) for r in s.scalars(queued_query(booking_id))]

    def due_operations(self, connection_id: str, now: datetime, limit: int = 50) -> list[Operation]:
        """Queued operations whose time has come, oldest first, at most one per booking;
        none of a booking in a clash (see :mod:`frontdesk.storage.remote_merge`)."""
        with self.db.read() as s:
            rows = s.execute(
                select(OutboxRow, BookingRow.problem_code)
                .join(BookingRow, BookingRow.id == OutboxRow.booking_id)
                .where(
                    OutboxRow.connection_id == connection_id,
                    OutboxRow.state == OperationState.QUEUED.value,
                )
                .order_by(OutboxRow.id)
            )
            seen: set[str] = set()
            due: list[Operation] = []
            for row, problem in rows:
                if row.booking_id in seen:
                    continue  # strictly in order per booking
                seen.add(row.booking_id)
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

    def requeue(self, op_id: int, actor: str) -> None:
        """Send a refused operation again (same idempotency key), from now."""
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op_id)
            row.state, row.next_attempt_at, row.done_at = (
                OperationState.QUEUED.value,
                utc_now(),
                None,
            )
            add_history(s, row.booking_id, "sent again", row.kind, actor)

    def dismiss(self, op_id: int, actor: str) -> None:
        """Put a refused operation aside for good (it stays in the history)."""
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op_id)
            row.state = OperationState.WITHDRAWN.value
            add_history(s, row.booking_id, "dismissed", row.kind, actor)

    def next_due_at(self, connection_id: str | None = None) -> datetime | None:
        with self.db.read() as s:
            query = select(func.min(OutboxRow.next_attempt_at)).where(
                OutboxRow.state == OperationState.QUEUED.value
            )
            if connection_id is not None:
                query = query.where(OutboxRow.connection_id == connection_id)
            return s.scalar(query)

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

    def mark_sent(self, op_id: int, at: datetime) -> None:
        """Record, before the request goes out, that an attempt may reach the server."""
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op_id)
            row.sent_at = at
            row.attempts += 1

    def retry_later(self, op_id: int, when: datetime, error: str) -> None:
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op_id)
            row.next_attempt_at = when
            row.last_error = error

    def complete(self, op: Operation, booking: Booking, detail: str) -> None:
        """The remote acknowledged ``op``: close it and store the booking as it now is."""
        self._finish(op, booking, OperationState.DONE, "synced", detail)

    def refuse(self, op: Operation, booking: Booking, detail: str) -> None:
        """The remote refused ``op``: close it; the booking now needs attention."""
        self._finish(op, booking, OperationState.FAILED, "refused", detail)

    def _finish(
        self, op: Operation, booking: Booking, state: OperationState, event: str, detail: str
    ) -> None:
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op.id)
            row.state = state.value
            row.done_at = utc_now()
            row.last_error = None if state is OperationState.DONE else detail
            if booking.remote_id is not None:
                self._drop_pulled_twin(s, booking)
            brow = s.get_one(BookingRow, booking.id)
            if state is OperationState.DONE:
                set_base(brow, booking)  # what the remote now holds
            later = [r.id for r in s.scalars(queued_query(booking.id))]
            if later and state is OperationState.DONE:
                # the desk changed the booking since this was sent: keep its fields (the
                # queued operations will send them) and take only the remote's identity
                booking = booking_of_row(brow).with_changes(remote_id=booking.remote_id)
            elif later and op.kind is OperationKind.CREATE:
                self._withdraw(s, later, "the booking's create was refused")
            copy_into(brow, booking)
            add_history(s, booking.id, event, detail, "sync")

    def _drop_pulled_twin(self, s: Session, booking: Booking) -> None:
        """A pull between a lost answer and its replay may have cached our own booking a second
        time under the remote id (APIs that do not echo our reference). It is the same
        booking: the pulled copy goes, ours keeps the remote id."""
        twin = s.scalar(
            select(BookingRow).where(
                BookingRow.connection_id == booking.connection_id,
                BookingRow.remote_id == booking.remote_id,
                BookingRow.id != booking.id,
            )
        )
        if twin is not None and not self._has_pending(s, twin.id):
            s.execute(delete(HistoryRow).where(HistoryRow.booking_id == twin.id))
            s.delete(twin)
            s.flush()

"""The outbox side of the repository: what the desk owes each remote system, and the
booking changes that create those debts, each in one transaction with its booking."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session, aliased

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.outbox import (
    ChangePlan,
    Operation,
    OperationKind,
    OperationState,
    Settlement,
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
)
from frontdesk.storage.tables import BookingRow, HistoryRow, OutboxRow


class StaleBooking(Exception):
    """The booking changed (a sync, another desk) since the caller read it."""

    def __init__(self, booking_id: str) -> None:
        super().__init__(f"booking {booking_id} changed since it was read")
        self.booking_id = booking_id


class NotUnknown(Exception):
    """The operation is no longer outcome-unknown (settled meanwhile, by a person or a pull)."""


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
        """Queued operations whose time has come, oldest first, at most one per booking; none
        of a booking whose earlier operation's outcome is unknown (it waits for a person)."""
        with self.db.read() as s:
            rows = s.scalars(
                select(OutboxRow)
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
            for row in rows:
                if row.booking_id in seen:
                    continue  # strictly in order per booking
                seen.add(row.booking_id)
                if row.state == OperationState.UNKNOWN.value:
                    continue  # it and what follows it wait until a person settles it
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
        """When the next queued operation falls due; one that waits behind an unknown outcome
        is not (it waits for a person, not for a time)."""
        held = aliased(OutboxRow)
        with self.db.read() as s:
            query = select(func.min(OutboxRow.next_attempt_at)).where(
                OutboxRow.state == OperationState.QUEUED.value,
                ~exists().where(
                    held.booking_id == OutboxRow.booking_id,
                    held.state == OperationState.UNKNOWN.value,
                ),
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

    def mark_unsent(self, op_id: int) -> None:
        """The attempt surely did not arrive (a 429, no connection): the next one need not
        reconcile first."""
        with self.db.write() as s:
            s.get_one(OutboxRow, op_id).sent_at = None

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

    # -- outcome unknown ---------------------------------------------------------------
    def mark_unknown(self, op: Operation, booking: Booking, detail: str) -> None:
        """Sent, no answer, and the remote cannot be asked: ``op`` waits for a person (never
        resent by itself, never done) and the booking shows ``booking``'s sync state and
        problem (only those: a desk change since it was read keeps its fields)."""
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op.id)
            row.state, row.last_error = OperationState.UNKNOWN.value, detail
            brow = s.get_one(BookingRow, booking.id)
            brow.sync_state = booking.sync_state.value
            brow.problem_code, brow.problem_message = booking.problem_code, booking.problem_message
            brow.version += 1
            brow.updated_at = utc_now()
            add_history(s, booking.id, "outcome unknown", detail, "sync")

    @staticmethod
    def _unknown_bookings(s: Session, connection_id: str) -> set[str]:
        """Ids of the connection's bookings with an operation whose outcome is unknown."""
        return set(
            s.scalars(
                select(OutboxRow.booking_id).where(
                    OutboxRow.state == OperationState.UNKNOWN.value,
                    OutboxRow.connection_id == connection_id,
                )
            )
        )

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

    def settle_unknown(
        self, op_id: int, settlement: Settlement, actor: str, remote_id: str | None = None
    ) -> Booking:
        """A person's decision on an operation whose outcome is unknown; returns the booking.

        *Arrived*: done by that decision; the booking takes ``remote_id`` when given (else the
        next pull links it by our reference, or the patient's email and start). *Send again*:
        queued again from now, the same idempotency key, as never sent. *Cancel*: the booking
        is cancelled at the desk and nothing more of it is sent. Raises :class:`NotUnknown`
        when the operation was settled meanwhile.
        """
        remote_id = (remote_id or "").strip() or None
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op_id)
            if row.state != OperationState.UNKNOWN.value:
                raise NotUnknown(f"operation {op_id} is {row.state}, not unknown")
            brow = s.get_one(BookingRow, row.booking_id)
            booking = booking_of_row(brow).with_changes(
                version=brow.version + 1, problem_code=None, problem_message=None
            )
            now = utc_now()
            if settlement is Settlement.ARRIVED:
                row.state, row.done_at, row.last_error = OperationState.DONE.value, now, None
                if remote_id is not None:
                    booking = booking.with_changes(remote_id=remote_id)
                    self._drop_pulled_twin(s, booking)
                    if self._holder(s, booking) is not None:
                        raise ValueError(f"{remote_id} is another booking's remote id")
                state = SyncState.CONFIRMED if remote_id else SyncState.AWAITING_CONFIRMATION
                booking = booking.with_changes(sync_state=state)
                detail = f"it arrived (remote id {remote_id})" if remote_id else "it arrived"
            elif settlement is Settlement.SEND_AGAIN:
                row.state, row.sent_at, row.next_attempt_at = OperationState.QUEUED.value, None, now
                row.last_error = "did not arrive: sent again"
                booking = booking.with_changes(sync_state=SyncState.PENCILLED)
                detail = f"it did not arrive: {row.kind} sent again"
            else:
                row.state, row.done_at = OperationState.WITHDRAWN.value, now
                row.last_error = "cancelled by a person"
                self._withdraw(
                    s, [r.id for r in s.scalars(queued_query(row.booking_id))], "cancelled"
                )
                booking = booking.with_changes(
                    visit_status=VisitStatus.CANCELLED, sync_state=SyncState.PENCILLED
                )
                detail = "cancelled the booking; nothing more is sent"
            copy_into(brow, booking)
            add_history(s, booking.id, "outcome settled", detail, actor)
            return booking

    def _settle_seen(self, s: Session, booking_id: str, remote_id: str | None, actor: str) -> bool:
        """A pull found the remote copy of a booking whose create's outcome is unknown: it
        arrived. Closes the operation and links the remote id (the pull's merge does the rest;
        a later queued change keeps the desk's fields). Whether there was one to settle."""
        row = s.scalar(
            select(OutboxRow).where(
                OutboxRow.booking_id == booking_id,
                OutboxRow.state == OperationState.UNKNOWN.value,
            )
        )
        if row is None:
            return False
        row.state, row.done_at, row.last_error = OperationState.DONE.value, utc_now(), None
        brow = s.get_one(BookingRow, booking_id)
        linked = booking_of_row(brow).with_changes(remote_id=remote_id)
        if remote_id is not None and brow.remote_id is None and self._holder(s, linked) is None:
            brow.remote_id = remote_id
        pending = self._has_pending(s, booking_id)  # a later change still to be sent
        brow.sync_state = (SyncState.PENCILLED if pending else SyncState.CONFIRMED).value
        brow.problem_code = brow.problem_message = None
        brow.version += 1
        brow.updated_at = utc_now()
        add_history(s, booking_id, "outcome settled", "it arrived: found in a refresh", actor)
        return True

    def _unknown_match(self, s: Session, connection_id: str, item: Booking) -> BookingRow | None:
        """The desk booking, outcome unknown, that a pulled one without our reference is: the
        same connection, service, start and patient email (ignoring case)."""
        email = (item.patient_email or "").strip().casefold()
        if not email:
            return None
        candidates = s.scalars(
            select(BookingRow)
            .join(OutboxRow, OutboxRow.booking_id == BookingRow.id)
            .where(
                OutboxRow.state == OperationState.UNKNOWN.value,
                BookingRow.connection_id == connection_id,
                BookingRow.start == item.start,
                BookingRow.service_id == item.service_id,
                BookingRow.remote_id.is_(None),
            )
        )
        for row in candidates:
            if (row.patient_email or "").strip().casefold() == email:
                return row
        return None

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
            later = [r.id for r in s.scalars(queued_query(booking.id))]
            if later and state is OperationState.DONE:
                # the desk changed the booking since this was sent: keep its fields (the
                # queued operations will send them) and take only the remote's identity
                booking = booking_of_row(brow).with_changes(remote_id=booking.remote_id)
            elif later and op.kind is OperationKind.CREATE:
                self._withdraw(s, later, "the booking's create was refused")
            copy_into(brow, booking)
            add_history(s, booking.id, event, detail, "sync")

    @staticmethod
    def _holder(s: Session, booking: Booking) -> BookingRow | None:
        """Another booking of the connection with ``booking``'s remote id, if any."""
        return s.scalar(
            select(BookingRow).where(
                BookingRow.connection_id == booking.connection_id,
                BookingRow.remote_id == booking.remote_id,
                BookingRow.id != booking.id,
            )
        )

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

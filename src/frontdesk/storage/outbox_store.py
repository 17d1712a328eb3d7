"""The outbox side of the repository: what the desk owes each remote system, and the
booking changes that create those debts, each in one transaction with its booking.

An operation may wait for another (``depends_on``): a booking's create waits for its patient's
record (``CREATE_PATIENT``, on APIs that keep patients apart), which is never sent twice for one
patient while it is queued, is withdrawn with the last booking waiting for it, and, once made,
gives its id to every booking that waited (:mod:`frontdesk.storage.patient_records`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.merge import CLASH_CODE
from frontdesk.domain.outbox import (
    PATIENT_REF,
    ChangePlan,
    Operation,
    OperationKind,
    OperationState,
    Settlement,
    plan_change,
)
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage.db import Database
from frontdesk.storage.patient_records import PatientRecords, patient_payload
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

# The operation an operation waits for, in queries that need its state (a primary-key lookup).
_DEPENDENCY = aliased(OutboxRow)


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
        self,
        s: Session,
        booking: Booking,
        kind: OperationKind,
        payload: dict[str, Any],
        key: str,
        depends_on: int | None = None,
    ) -> Operation:
        now = utc_now()
        row = OutboxRow(
            booking_id=booking.id,
            connection_id=booking.connection_id,
            kind=kind.value,
            payload=payload,
            idempotency_key=key,
            depends_on=depends_on,
            state=OperationState.QUEUED.value,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
        s.add(row)
        s.flush()
        return operation_of_row(row)

    def _queue_create(
        self,
        s: Session,
        booking: Booking,
        key: str,
        records: PatientRecords | None,
        payload: dict[str, Any] | None = None,
    ) -> Operation:
        """Queue the create of ``booking`` (its row written). Where the API keeps patients apart
        (``records``), the create uses the patient's record when it is known (its id goes into
        the row's ``extra``), else waits for the patient's ``CREATE_PATIENT``: the one already
        queued for another booking of the patient, or a new one with a key minted now."""
        body = dict(payload or {})
        if records is None:
            return self._enqueue(s, booking, OperationKind.CREATE, body, key)
        known = records.known(booking)
        if known is not None:
            row = s.get_one(BookingRow, booking.id)
            row.extra = {**(row.extra or {}), PATIENT_REF: known}
            return self._enqueue(s, booking, OperationKind.CREATE, body, key)
        first = records.queued(booking)
        if first is None:
            patient = self._enqueue(
                s,
                booking,
                OperationKind.CREATE_PATIENT,
                patient_payload(booking),
                str(uuid.uuid4()),
            )
            records.add(booking, patient.id)
            first = patient.id
        return self._enqueue(s, booking, OperationKind.CREATE, body, key, depends_on=first)

    def change_booking(
        self,
        booking: Booking,
        kind: OperationKind,
        idempotency_key: str,
        actor: str,
        event: str,
        detail: str | None,
        expected_version: int | None = None,
        patient_records: bool = False,
    ) -> tuple[ChangePlan, Operation | None]:
        """Store a desk change to ``booking`` and what it owes the remote, in one transaction.

        What is owed follows :func:`plan_change` over the booking's queued operations, decided
        inside the write lock so the sync engine cannot send one in between. Raises
        :class:`StaleBooking` when ``expected_version`` no longer matches the stored row.
        ``patient_records``: the API keeps patients apart, so a new create (a rebook) may need
        the patient's record first (see :meth:`_queue_create`).
        """
        with self.db.write() as s:
            row = s.get_one(BookingRow, booking.id)
            if expected_version is not None and row.version != expected_version:
                raise StaleBooking(booking.id)
            queued = [operation_of_row(r) for r in s.scalars(queued_query(booking.id))]
            waiting = self._waiting_on(s, queued) if kind is OperationKind.CANCEL else {}
            plan, withdraw = plan_change(kind, queued, row.remote_id is not None, waiting)
            self._withdraw(s, withdraw, f"superseded by {kind.value}")
            for op_id, others in waiting.items():  # the patient's record goes on for the others
                s.get_one(OutboxRow, op_id).booking_id = others[0]
            ref = (row.extra or {}).get(PATIENT_REF)
            if ref and not booking.extra.get(PATIENT_REF):  # made since the desk read the booking
                booking = booking.with_changes(extra={**booking.extra, PATIENT_REF: ref})
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
            if plan is ChangePlan.ENQUEUE and kind is OperationKind.CREATE:
                records = PatientRecords(s) if patient_records else None
                op = self._queue_create(s, booking, idempotency_key, records)
            elif plan is ChangePlan.ENQUEUE:
                op = self._enqueue(s, booking, kind, {}, idempotency_key)
            add_history(s, booking.id, event, detail, actor)
            return plan, op

    @staticmethod
    def _waiting_on(s: Session, queued: Sequence[Operation]) -> dict[int, list[str]]:
        """Of the booking's queued patient records, those other bookings' queued operations
        wait for, with those bookings (oldest operation first)."""
        ids = [op.id for op in queued if op.kind is OperationKind.CREATE_PATIENT]
        if not ids:
            return {}
        owner = queued[0].booking_id
        waiting: dict[int, list[str]] = {}
        rows = s.execute(
            select(OutboxRow.depends_on, OutboxRow.booking_id)
            .where(
                OutboxRow.state == OperationState.QUEUED.value,
                OutboxRow.depends_on.in_(ids),
                OutboxRow.booking_id != owner,
            )
            .order_by(OutboxRow.id)
        )
        for row in rows:
            if row.depends_on is not None:
                waiting.setdefault(row.depends_on, []).append(row.booking_id)
        return waiting

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

    def requeue(self, op_id: int, actor: str) -> None:
        """Send a refused operation again (same idempotency key), from now; one that waited
        for a refused patient record sends that again too (a record withdrawn since: the
        create makes it itself)."""
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op_id)
            row.state, row.next_attempt_at, row.done_at = (
                OperationState.QUEUED.value,
                utc_now(),
                None,
            )
            add_history(s, row.booking_id, "sent again", row.kind, actor)
            first = s.get(OutboxRow, row.depends_on) if row.depends_on is not None else None
            if first is not None and first.state == OperationState.FAILED.value:
                first.state, first.next_attempt_at, first.done_at = (
                    OperationState.QUEUED.value,
                    utc_now(),
                    None,
                )
            elif first is not None and first.state == OperationState.WITHDRAWN.value:
                row.depends_on = None

    def dismiss(self, op_id: int, actor: str) -> None:
        """Put a refused operation aside for good (it stays in the history)."""
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op_id)
            row.state = OperationState.WITHDRAWN.value
            add_history(s, row.booking_id, "dismissed", row.kind, actor)

    def next_due_at(self, connection_id: str | None = None) -> datetime | None:
        """When the next queued operation falls due (one waiting for another counts as that
        one); one that waits for a person (behind an unknown outcome, or in a clash) is not."""
        held = aliased(OutboxRow)
        with self.db.read() as s:
            query = (
                select(func.min(OutboxRow.next_attempt_at))
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

    def patient_made(self, op: Operation, ref: str, detail: str | None) -> list[str]:
        """The remote made (or already held) the patient's record of a ``CREATE_PATIENT``:
        close it, keep the record's id in its payload and give it to its booking and every
        booking whose operation waits for it; returns those bookings."""
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op.id)
            row.state, row.done_at, row.last_error = OperationState.DONE.value, utc_now(), None
            row.payload = {**(row.payload or {}), PATIENT_REF: ref}
            changed = [row.booking_id, *self._dependents(s, op.id)]
            for booking_id in dict.fromkeys(changed):
                brow = s.get_one(BookingRow, booking_id)
                brow.extra = {**(brow.extra or {}), PATIENT_REF: ref}
                brow.updated_at = utc_now()
                add_history(s, booking_id, "contact created", detail, "sync")
            return list(dict.fromkeys(changed))

    def patient_refused(
        self, op: Operation, code: str | None, message: str, detail: str
    ) -> list[str]:
        """The remote refused a ``CREATE_PATIENT``: close it, and every operation waiting for it
        is refused with it (never sent): its booking needs attention with ``message``, and what
        was queued behind a create is withdrawn, as when a create is refused. Returns the
        bookings changed."""
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op.id)
            row.state, row.done_at, row.last_error = OperationState.FAILED.value, utc_now(), detail
            changed = [row.booking_id]
            waiting = s.scalars(
                select(OutboxRow)
                .where(
                    OutboxRow.state == OperationState.QUEUED.value,
                    OutboxRow.depends_on == op.id,
                )
                .order_by(OutboxRow.id)
            ).all()
            for dependent in waiting:
                dependent.state = OperationState.FAILED.value
                dependent.done_at, dependent.last_error = utc_now(), detail
                if dependent.kind == OperationKind.CREATE.value:
                    later = [r.id for r in s.scalars(queued_query(dependent.booking_id))]
                    self._withdraw(s, later, "the booking's create was refused")
                brow = s.get_one(BookingRow, dependent.booking_id)
                brow.sync_state = SyncState.NEEDS_ATTENTION.value
                brow.problem_code, brow.problem_message = code, message
                brow.updated_at = utc_now()
                changed.append(dependent.booking_id)
            for booking_id in dict.fromkeys(changed):
                add_history(s, booking_id, "refused", detail, "sync")
            return list(dict.fromkeys(changed))

    @staticmethod
    def _dependents(s: Session, op_id: int) -> list[str]:
        """The bookings whose queued operations wait for ``op_id``, oldest operation first."""
        return list(
            s.scalars(
                select(OutboxRow.booking_id)
                .where(
                    OutboxRow.state == OperationState.QUEUED.value,
                    OutboxRow.depends_on == op_id,
                )
                .order_by(OutboxRow.id)
            )
        )

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

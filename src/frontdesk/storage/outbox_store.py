"""The outbox side of the repository: what the desk owes each remote system, and the
booking changes that create those debts, each in one transaction with its booking.

Owns the writes: queueing (a desk change and the operations it owes, a create that waits for
its patient's record), sending again or putting aside a refused operation, claiming an
operation to send it (:mod:`~frontdesk.storage.claims`), and settling a sent operation by its
answer (done or refused). Its kin, composed with it into ``Repository``:
:mod:`~frontdesk.storage.outbox_reads` (what is due, how many wait, the panel's lists),
:mod:`~frontdesk.storage.outbox_records` (the answers to a patient's record and the operations
waiting for it) and :mod:`~frontdesk.storage.outbox_unknown` (operations whose outcome is
unknown).

An operation may wait for another (``depends_on``): a booking's create waits for its patient's
record (``CREATE_PATIENT``, on APIs that keep patients apart), which is never sent twice for one
patient while it is queued, is withdrawn with the last booking waiting for it, and, once made,
gives its id to every booking that waited (:mod:`frontdesk.storage.patient_records`)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from frontdesk.domain.audit import Actor, AuditEntry, AuditEvent, label_of
from frontdesk.domain.booking import HELD_WITHOUT_ID, Booking
from frontdesk.domain.merge import CLASH_CODE
from frontdesk.domain.outbox import (
    PATIENT_REF,
    ChangePlan,
    Operation,
    OperationKind,
    OperationState,
    Transition,
    plan_change,
)
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage import scopes
from frontdesk.storage.audit import add_audit, add_decision
from frontdesk.storage.claims import LEASE, claim_row, settled_row
from frontdesk.storage.db import Database
from frontdesk.storage.patient_records import PatientRecords, patient_payload
from frontdesk.storage.rows import (
    Guard,
    add_history,
    advance,
    booking_of_row,
    copy_into,
    operation_of_row,
    queued_query,
    set_base,
    settle_clash,
)
from frontdesk.storage.tables import BookingRow, HistoryRow, OutboxRow


class StaleBooking(Exception):
    """The booking changed (a sync, another desk) since the caller read it."""

    def __init__(self, booking_id: str) -> None:
        super().__init__(f"booking {booking_id} changed since it was read")
        self.booking_id = booking_id


class OutboxStore:
    """Desk changes with what they owe; operations queued, sent, settled."""

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
        guard: Guard | None = None,
        audit: AuditEntry | None = None,
    ) -> tuple[ChangePlan, Operation | None]:
        """Store a desk change to ``booking`` and what it owes the remote, in one transaction.

        What is owed follows :func:`plan_change` over the booking's queued operations, decided
        inside the write lock so the sync engine cannot send one in between. Raises
        :class:`StaleBooking` when ``expected_version`` no longer matches the stored row.
        ``patient_records``: the API keeps patients apart, so a new create (a rebook) may need
        the patient's record first (see :meth:`_queue_create`). ``guard``: as for
        ``Repository.book`` (a move judged again among the bookings as they stand). ``audit``:
        the audit trail's line, appended in the same transaction.
        """

        def write() -> tuple[ChangePlan, Operation | None]:
            with self.db.write(scoped=True) as s:
                return self.change_in(
                    s,
                    booking,
                    kind,
                    idempotency_key,
                    actor,
                    event,
                    detail,
                    expected_version,
                    patient_records,
                    guard,
                    audit,
                )

        return scopes.retrying(write)

    def change_in(
        self,
        s: Session,
        booking: Booking,
        kind: OperationKind,
        idempotency_key: str,
        actor: str,
        event: str,
        detail: str | None,
        expected_version: int | None = None,
        patient_records: bool = False,
        guard: Guard | None = None,
        audit: AuditEntry | None = None,
    ) -> tuple[ChangePlan, Operation | None]:
        """:meth:`change_booking`'s write in the transaction ``s`` (several changes that land
        together: a series' "this and the following", ``storage.series``)."""
        scopes.lock_booking(s, booking.id)
        row = s.get_one(BookingRow, booking.id)
        if expected_version is not None and row.version != expected_version:
            raise StaleBooking(booking.id)
        if guard is not None:
            guard(scopes.locked_reader(s))
        scopes.lock_days_of(s, booking)
        scopes.lock_patient(s, booking)
        queued = [operation_of_row(r) for r in s.scalars(queued_query(booking.id))]
        waiting = self._waiting_on(s, queued) if kind is OperationKind.CANCEL else {}
        held = row.remote_id is not None or bool((row.extra or {}).get(HELD_WITHOUT_ID))
        plan, withdraw = plan_change(kind, queued, held, waiting)
        self._withdraw(s, withdraw, f"superseded by {kind.value}")
        for op_id, others in waiting.items():  # the patient's record goes on for the others
            s.get_one(OutboxRow, op_id).booking_id = others[0]
        ref = (row.extra or {}).get(PATIENT_REF)
        if ref and not booking.extra.get(PATIENT_REF):  # made since the desk read it
            booking = booking.with_changes(extra={**booking.extra, PATIENT_REF: ref})
        refused = s.scalars(
            select(OutboxRow.id).where(
                OutboxRow.booking_id == booking.id,
                OutboxRow.state == OperationState.FAILED.value,
            )
        ).all()
        for op_id in refused:  # the desk has acted on the refusal: it is no dead letter
            advance(s.get_one(OutboxRow, op_id), Transition.WITHDRAWN)
        if row.problem_code == CLASH_CODE and booking.problem_code != CLASH_CODE:
            settle_clash(row)  # the desk acted on a booking in a clash: its version stands
        copy_into(row, booking.with_changes(version=row.version + 1))
        op = None
        if plan is ChangePlan.ENQUEUE and kind is OperationKind.CREATE:
            records = PatientRecords(s) if patient_records else None
            op = self._queue_create(s, booking, idempotency_key, records)
        elif plan is ChangePlan.ENQUEUE:
            op = self._enqueue(s, booking, kind, {}, idempotency_key)
        add_history(s, booking.id, event, detail, actor)
        if audit is not None:
            add_audit(s, audit)
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
            advance(s.get_one(OutboxRow, op_id), Transition.WITHDRAWN, why)

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

    def change_at_desk(
        self,
        booking: Booking,
        actor: str,
        event: str,
        detail: str | None,
        expected_version: int | None = None,
        audit: AuditEntry | None = None,
    ) -> None:
        """Store a change the remote system never hears of (a visit status only the desk
        keeps, such as "arrived" where the API has none): the booking, its history and its
        ``audit`` line, in one transaction, and nothing queued. Raises :class:`StaleBooking`
        like ``change_booking``."""
        with self.db.write() as s:
            row = s.get_one(BookingRow, booking.id)
            if expected_version is not None and row.version != expected_version:
                raise StaleBooking(booking.id)
            copy_into(row, booking.with_changes(version=row.version + 1))
            add_history(s, booking.id, event, detail, actor)
            if audit is not None:
                add_audit(s, audit)

    def requeue(self, op_id: int, actor: Actor | str) -> None:
        """Send a refused operation again (same idempotency key), from now; one that waited
        for a refused patient record sends that again too (a record withdrawn since: the
        create makes it itself)."""
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op_id)
            advance(row, Transition.SEND_AGAIN)
            row.next_attempt_at = utc_now()
            add_history(s, row.booking_id, "sent again", row.kind, label_of(actor))
            add_decision(s, AuditEvent.SENT_AGAIN, actor, row.booking_id, row.kind)
            first = s.get(OutboxRow, row.depends_on) if row.depends_on is not None else None
            if first is not None and first.state == OperationState.FAILED.value:
                advance(first, Transition.SEND_AGAIN)
                first.next_attempt_at = utc_now()
            elif first is not None and first.state == OperationState.WITHDRAWN.value:
                row.depends_on = None

    def dismiss(self, op_id: int, actor: Actor | str) -> None:
        """Put a refused operation aside for good (it stays in the history)."""
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op_id)
            advance(row, Transition.DISMISSED)
            add_history(s, row.booking_id, "dismissed", row.kind, label_of(actor))
            add_decision(s, AuditEvent.GIVEN_UP, actor, row.booking_id, row.kind)

    def claim(
        self,
        op_id: int,
        owner: str,
        now: datetime,
        *,
        lease: timedelta = LEASE,
        abandoned: Callable[[str], bool] | None = None,
    ) -> Operation | None:
        """Claim a due operation for sending and record, before the request goes out, that an
        attempt may reach the server; ``None`` when it is not ours to send (see
        :mod:`frontdesk.storage.claims`)."""
        with self.db.write() as s:
            return claim_row(s, op_id, owner, now, lease, abandoned)

    def claim_to_send(
        self,
        op_id: int,
        owner: str,
        now: datetime,
        *,
        lease: timedelta = LEASE,
        abandoned: Callable[[str], bool] | None = None,
    ) -> tuple[Operation, Booking | None] | None:
        """:meth:`claim`, and the operation's booking as it stands once claimed, in the same
        transaction (the engine's one transaction before a request)."""
        with self.db.write() as s:
            op = claim_row(s, op_id, owner, now, lease, abandoned)
            if op is None:
                return None
            row = s.get(BookingRow, op.booking_id)
            return op, booking_of_row(row) if row is not None else None

    def retry_later(
        self, op: Operation, when: datetime, error: str, *, unsent: bool = False
    ) -> None:
        """Keep ``op`` queued until ``when`` and release its claim. ``unsent``: the attempt
        surely did not arrive (a 429, no connection), so the next one need not reconcile first.
        """
        with self.db.write() as s:
            row = settled_row(s, op)
            if row is not None:
                row.next_attempt_at, row.last_error = when, error
                if unsent:
                    row.sent_at = None

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
            row = settled_row(s, op)
            if row is None:
                return
            done = state is OperationState.DONE
            advance(
                row, Transition.ACCEPTED if done else Transition.REFUSED, None if done else detail
            )
            if booking.remote_id is not None:
                self._drop_pulled_twin(s, booking)
            brow = s.get_one(BookingRow, booking.id)
            if state is OperationState.DONE:
                set_base(brow, booking)  # what the remote now holds
            later = [r.id for r in s.scalars(queued_query(booking.id))]
            if later and state is OperationState.DONE:
                # the desk changed the booking since this was sent: keep its fields (the
                # queued operations will send them) and take only the remote's identity
                kept = booking_of_row(brow)
                held = booking.extra.get(HELD_WITHOUT_ID)  # an identity without an id
                extra = {**kept.extra, HELD_WITHOUT_ID: held} if held else kept.extra
                booking = kept.with_changes(remote_id=booking.remote_id, extra=extra)
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
        twin = self._holder(s, booking)
        if twin is not None and not self._has_pending(s, twin.id):
            s.execute(delete(HistoryRow).where(HistoryRow.booking_id == twin.id))
            s.delete(twin)
            s.flush()

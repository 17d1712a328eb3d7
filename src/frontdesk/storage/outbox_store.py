"""The desk's changes to a booking and what they owe each remote system, each in one
transaction with its booking (``repo.changes``): a change queues what :func:`plan_change`
decides over the booking's queued operations (withdrawing those it supersedes), a change only
the desk keeps queues nothing.

The same module holds the session-level writes the repository's bookings share
(``Repository.book``, ``book_in``, ``book_many`` queue in their own transaction):
:func:`enqueue_in` queues an operation, :func:`queue_create_in` a create that may wait for its
patient's record, :func:`withdraw_in` withdraws queued operations. What happens to an operation
once queued (claimed, sent, answered, settled by a person) is ``repo.sending``
(:mod:`~frontdesk.storage.outbox_sending`); what is due and how many wait is ``repo.outbox``
(:mod:`~frontdesk.storage.outbox_reads`).

An operation may wait for another (``depends_on``): a booking's create waits for its patient's
record (``CREATE_PATIENT``, on APIs that keep patients apart), which is never sent twice for one
patient while it is queued, is withdrawn with the last booking waiting for it, and, once made,
gives its id to every booking that waited (:mod:`frontdesk.storage.patient_records`)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.domain.audit import AuditEntry
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
from frontdesk.storage.audit import add_audit
from frontdesk.storage.db import Database
from frontdesk.storage.patient_records import PatientRecords, patient_payload
from frontdesk.storage.plain import StaleBooking as StaleBooking
from frontdesk.storage.plain import Step as Step
from frontdesk.storage.rows import (
    Guard,
    add_history,
    advance,
    copy_into,
    operation_of_row,
    queued_query,
    settle_clash,
)
from frontdesk.storage.tables import BookingRow, OutboxRow


def enqueue_in(
    s: Session,
    booking: Booking,
    kind: OperationKind,
    payload: dict[str, Any],
    key: str,
    depends_on: int | None = None,
) -> Operation:
    """Queue ``kind`` for ``booking`` in ``s``, due now (after ``depends_on`` is done)."""
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


def queue_create_in(
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
        return enqueue_in(s, booking, OperationKind.CREATE, body, key)
    known = records.known(booking)
    if known is not None:
        row = s.get_one(BookingRow, booking.id)
        row.extra = {**(row.extra or {}), PATIENT_REF: known}
        return enqueue_in(s, booking, OperationKind.CREATE, body, key)
    first = records.queued(booking)
    if first is None:
        patient = enqueue_in(
            s,
            booking,
            OperationKind.CREATE_PATIENT,
            patient_payload(booking),
            str(uuid.uuid4()),
        )
        records.add(booking, patient.id)
        first = patient.id
    return enqueue_in(s, booking, OperationKind.CREATE, body, key, depends_on=first)


def withdraw_in(s: Session, op_ids: Sequence[int], why: str) -> None:
    """Withdraw the queued operations ``op_ids`` in ``s`` (superseded, or nothing more owed)."""
    for op_id in op_ids:
        advance(s.get_one(OutboxRow, op_id), Transition.WITHDRAWN, why)


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


class DeskChanges:
    """Desk changes to bookings, each with what it owes, in one transaction (``repo.changes``)."""

    def __init__(self, db: Database) -> None:
        self.db = db

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
        also: Step | None = None,
    ) -> tuple[ChangePlan, Operation | None]:
        """Store a desk change to ``booking`` and what it owes the remote, in one transaction.

        What is owed follows :func:`plan_change` over the booking's queued operations, decided
        inside the write lock so the sync engine cannot send one in between. Raises
        :class:`StaleBooking` when ``expected_version`` no longer matches the stored row.
        ``patient_records``: the API keeps patients apart, so a new create (a rebook) may need
        the patient's record first (see :func:`queue_create_in`). ``guard``: as for
        ``Repository.book`` (a move judged again among the bookings as they stand). ``audit``:
        the audit trail's line, appended in the same transaction. ``also``: a further write of
        the same transaction (:data:`Step`), after the change.
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
                    also,
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
        also: Step | None = None,
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
        waiting = _waiting_on(s, queued) if kind is OperationKind.CANCEL else {}
        held = row.remote_id is not None or bool((row.extra or {}).get(HELD_WITHOUT_ID))
        plan, withdrawn = plan_change(kind, queued, held, waiting)
        withdraw_in(s, withdrawn, f"superseded by {kind.value}")
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
            op = queue_create_in(s, booking, idempotency_key, records)
        elif plan is ChangePlan.ENQUEUE:
            op = enqueue_in(s, booking, kind, {}, idempotency_key)
        add_history(s, booking.id, event, detail, actor)
        if audit is not None:
            add_audit(s, audit)
        if also is not None:
            also(s)
        return plan, op

    def change_at_desk(
        self,
        booking: Booking,
        actor: str,
        event: str,
        detail: str | None,
        expected_version: int | None = None,
        audit: AuditEntry | None = None,
        also: Step | None = None,
    ) -> None:
        """Store a change the remote system never hears of (a visit status only the desk
        keeps, such as "arrived" where the API has none): the booking, its history and its
        ``audit`` line (and ``also``, as for ``change_booking``), in one transaction, and
        nothing queued. Raises :class:`StaleBooking` like ``change_booking``."""
        with self.db.write() as s:
            row = s.get_one(BookingRow, booking.id)
            if expected_version is not None and row.version != expected_version:
                raise StaleBooking(booking.id)
            copy_into(row, booking.with_changes(version=row.version + 1))
            add_history(s, booking.id, event, detail, actor)
            if audit is not None:
                add_audit(s, audit)
            if also is not None:
                also(s)

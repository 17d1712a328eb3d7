"""The answers to a patient's record (a ``CREATE_PATIENT`` operation, on APIs that keep
patients apart, like VantaX's contacts) and what they do to the operations waiting for it.

Made: the record's id goes to its booking and every booking whose operation waits for it, which
then fall due. Refused: every operation waiting for it is refused with it, never sent. Which
record a new create uses, or which queued ``CREATE_PATIENT`` it waits for, is
:mod:`frontdesk.storage.patient_records`; queueing it is
:func:`~frontdesk.storage.outbox_store.queue_create_in`. The writes here take the caller's
session: ``repo.sending`` (:class:`~frontdesk.storage.outbox_sending.OutboxSending`) owns
their transactions.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.domain.booking import SyncState
from frontdesk.domain.outbox import (
    PATIENT_REF,
    Operation,
    OperationKind,
    OperationState,
    Transition,
)
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage.claims import settled_row
from frontdesk.storage.outbox_store import withdraw_in
from frontdesk.storage.rows import add_history, advance, queued_query
from frontdesk.storage.tables import BookingRow, OutboxRow


def patient_made_in(s: Session, op: Operation, ref: str, detail: str | None) -> list[str]:
    """The remote made (or already held) the patient's record of a ``CREATE_PATIENT``:
    close it, keep the record's id in its payload and give it to its booking and every
    booking whose operation waits for it; returns those bookings."""
    row = settled_row(s, op)
    if row is None:
        return []
    advance(row, Transition.ACCEPTED, None)
    row.payload = {**(row.payload or {}), PATIENT_REF: ref}
    changed = [row.booking_id, *_dependents(s, op.id)]
    for booking_id in dict.fromkeys(changed):
        brow = s.get_one(BookingRow, booking_id)
        brow.extra = {**(brow.extra or {}), PATIENT_REF: ref}
        brow.updated_at = utc_now()
        add_history(s, booking_id, "contact created", detail, "sync")
    return list(dict.fromkeys(changed))


def patient_refused_in(
    s: Session, op: Operation, code: str | None, message: str, detail: str
) -> list[str]:
    """The remote refused a ``CREATE_PATIENT``: close it, and every operation waiting for it
    is refused with it (never sent): its booking needs attention with ``message``, and what
    was queued behind a create is withdrawn, as when a create is refused. Returns the
    bookings changed."""
    row = settled_row(s, op)
    if row is None:
        return []
    advance(row, Transition.REFUSED, detail)
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
        advance(dependent, Transition.REFUSED, detail)
        if dependent.kind == OperationKind.CREATE.value:
            later = [r.id for r in s.scalars(queued_query(dependent.booking_id))]
            withdraw_in(s, later, "the booking's create was refused")
        brow = s.get_one(BookingRow, dependent.booking_id)
        brow.sync_state = SyncState.NEEDS_ATTENTION.value
        brow.problem_code, brow.problem_message = code, message
        brow.updated_at = utc_now()
        changed.append(dependent.booking_id)
    for booking_id in dict.fromkeys(changed):
        add_history(s, booking_id, "refused", detail, "sync")
    return list(dict.fromkeys(changed))


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

"""Operations whose outcome is unknown: sent, no usable answer, and the remote cannot be asked
(e.g. a meetergo provisional booking whose list the API user may not read). Such an operation
is never resent by itself and never done; it and whatever its booking queued after it wait for
a person (``it arrived``, ``send it again``, ``cancel the booking``) or for a pull that finds
the booking, which settles it as arrived (:mod:`frontdesk.storage.remote_merge` asks
:func:`unknown_match` and :func:`settle_seen`).

The writes here take the caller's session: ``repo.sending``
(:class:`~frontdesk.storage.outbox_sending.OutboxSending`) owns the transactions of marking an
operation's outcome unknown and of a person's decision on it; the merge of a pull owns its own.
How many wait is ``repo.outbox.unknown_count``.
"""

from __future__ import annotations

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from frontdesk.domain.audit import Actor, AuditEvent, label_of
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.outbox import Operation, OperationState, Settlement, Transition
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage.audit import add_decision
from frontdesk.storage.claims import settled_row
from frontdesk.storage.outbox_store import withdraw_in
from frontdesk.storage.plain import NotUnknown as NotUnknown
from frontdesk.storage.rows import add_history, advance, booking_of_row, copy_into, queued_query
from frontdesk.storage.tables import BookingRow, HistoryRow, OutboxRow


def mark_unknown_in(s: Session, op: Operation, booking: Booking, detail: str) -> None:
    """Sent, no answer, and the remote cannot be asked: ``op`` waits for a person (never
    resent by itself, never done) and the booking shows ``booking``'s sync state and
    problem (only those: a desk change since it was read keeps its fields)."""
    row = settled_row(s, op)
    if row is None:
        return
    advance(row, Transition.LOST, detail)
    brow = s.get_one(BookingRow, booking.id)
    brow.sync_state = booking.sync_state.value
    brow.problem_code, brow.problem_message = booking.problem_code, booking.problem_message
    brow.version += 1
    brow.updated_at = utc_now()
    add_history(s, booking.id, "outcome unknown", detail, "sync")


def unknown_bookings(s: Session, connection_id: str) -> set[str]:
    """Ids of the connection's bookings with an operation whose outcome is unknown."""
    return set(
        s.scalars(
            select(OutboxRow.booking_id).where(
                OutboxRow.state == OperationState.UNKNOWN.value,
                OutboxRow.connection_id == connection_id,
            )
        )
    )


def settle_unknown_in(
    s: Session,
    op_id: int,
    settlement: Settlement,
    actor: Actor | str,
    remote_id: str | None = None,
) -> Booking:
    """A person's decision on an operation whose outcome is unknown; returns the booking.

    *Arrived*: done by that decision; the booking takes ``remote_id`` when given (else the
    next pull links it by our reference, or the patient's email and start). *Send again*:
    queued again from now, the same idempotency key, as never sent. *Cancel*: the booking
    is cancelled at the desk and nothing more of it is sent. Raises :class:`NotUnknown`
    when the operation was settled meanwhile.
    """
    remote_id = (remote_id or "").strip() or None
    row = s.get_one(OutboxRow, op_id)
    if row.state != OperationState.UNKNOWN.value:
        raise NotUnknown(f"operation {op_id} is {row.state}, not unknown")
    brow = s.get_one(BookingRow, row.booking_id)
    before = booking_of_row(brow)
    booking = before.with_changes(version=brow.version + 1, problem_code=None, problem_message=None)
    now = utc_now()
    if settlement is Settlement.ARRIVED:
        advance(row, Transition.ARRIVED, None)
        if remote_id is not None:
            booking = booking.with_changes(remote_id=remote_id)
            _drop_pulled_twin(s, booking)
            if _holder(s, booking) is not None:
                raise ValueError(f"{remote_id} is another booking's remote id")
        state = SyncState.CONFIRMED if remote_id else SyncState.AWAITING_CONFIRMATION
        booking = booking.with_changes(sync_state=state)
        detail = f"it arrived (remote id {remote_id})" if remote_id else "it arrived"
    elif settlement is Settlement.SEND_AGAIN:
        advance(row, Transition.SEND_AGAIN, "did not arrive: sent again")
        row.sent_at, row.next_attempt_at = None, now
        booking = booking.with_changes(sync_state=SyncState.PENCILLED)
        detail = f"it did not arrive: {row.kind} sent again"
    else:
        advance(row, Transition.WITHDRAWN, "cancelled by a person")
        withdraw_in(s, [r.id for r in s.scalars(queued_query(row.booking_id))], "cancelled")
        booking = booking.with_changes(
            visit_status=VisitStatus.CANCELLED, sync_state=SyncState.PENCILLED
        )
        detail = "cancelled the booking; nothing more is sent"
    copy_into(brow, booking)
    add_history(s, booking.id, "outcome settled", detail, label_of(actor))
    add_decision(s, AuditEvent.OUTCOME_SETTLED, actor, booking.id, detail, before, booking)
    return booking


def settle_seen(s: Session, booking_id: str, remote_id: str | None, actor: str) -> bool:
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
    advance(row, Transition.ARRIVED, None)
    brow = s.get_one(BookingRow, booking_id)
    linked = booking_of_row(brow).with_changes(remote_id=remote_id)
    if remote_id is not None and brow.remote_id is None and _holder(s, linked) is None:
        brow.remote_id = remote_id
    pending = _has_pending(s, booking_id)  # a later change still to be sent
    brow.sync_state = (SyncState.PENCILLED if pending else SyncState.CONFIRMED).value
    brow.problem_code = brow.problem_message = None
    brow.version += 1
    brow.updated_at = utc_now()
    add_history(s, booking_id, "outcome settled", "it arrived: found in a refresh", actor)
    return True


def unknown_match(s: Session, connection_id: str, item: Booking) -> BookingRow | None:
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


def _holder(s: Session, booking: Booking) -> BookingRow | None:
    """Another booking of the connection with ``booking``'s remote id, if any."""
    return s.scalar(
        select(BookingRow).where(
            BookingRow.connection_id == booking.connection_id,
            BookingRow.remote_id == booking.remote_id,
            BookingRow.id != booking.id,
        )
    )


def _drop_pulled_twin(s: Session, booking: Booking) -> None:
    """A pull between a lost answer and its replay may have cached our own booking a second
    time under the remote id (APIs that do not echo our reference). It is the same
    booking: the pulled copy goes, ours keeps the remote id."""
    twin = _holder(s, booking)
    if twin is not None and not _has_pending(s, twin.id):
        s.execute(delete(HistoryRow).where(HistoryRow.booking_id == twin.id))
        s.delete(twin)
        s.flush()

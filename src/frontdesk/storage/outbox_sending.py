"""The outbox's state machine once an operation is queued, each step in a transaction of its
own (``repo.sending``): the sync engine claims an operation before it sends it
(:mod:`~frontdesk.storage.claims`: a lease, so it is never sent twice), keeps it for later,
and settles it by the answer (done, refused, or its outcome unknown; a patient's record made
or refused, :mod:`~frontdesk.storage.outbox_records`); a person sends a refused one again, puts
it aside, or decides one whose outcome is unknown (:mod:`~frontdesk.storage.outbox_unknown`).
Each state an operation moves to comes from :func:`frontdesk.domain.outbox.after`.

Queueing an operation belongs to the desk change that owes it, in the booking's transaction
(:mod:`~frontdesk.storage.outbox_store`); what is due and how many wait is ``repo.outbox``
(:mod:`~frontdesk.storage.outbox_reads`). The engine's answers are written as Core statements
(:mod:`~frontdesk.storage.settles`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from frontdesk.domain.audit import Actor, AuditEvent, label_of
from frontdesk.domain.booking import HELD_WITHOUT_ID, Booking
from frontdesk.domain.outbox import (
    Operation,
    OperationKind,
    OperationState,
    Settlement,
    Transition,
)
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage.audit import add_decision
from frontdesk.storage.claims import LEASE, claim_row, claim_to_send_in
from frontdesk.storage.db import Database
from frontdesk.storage.outbox_records import patient_made_in, patient_refused_in
from frontdesk.storage.outbox_unknown import mark_unknown_in, settle_unknown_in
from frontdesk.storage.rows import add_history, advance
from frontdesk.storage.settles import (
    base_of,
    booking_values,
    drop_pulled_twin,
    history,
    queued_ids,
    settle,
    settle_values,
    standing,
    stored_booking,
    withdraw,
    write_booking,
)
from frontdesk.storage.tables import OutboxRow


class OutboxSending:
    """Claiming, answering and settling queued operations (``repo.sending``)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- the sync engine ---------------------------------------------------------------
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
        with self.db.write_core() as w:
            return claim_to_send_in(w.conn, op_id, owner, now, lease, abandoned)

    def retry_later(
        self,
        op: Operation,
        when: datetime,
        error: str,
        *,
        unsent: bool = False,
        answered: bool = True,
    ) -> None:
        """Keep ``op`` queued until ``when`` and release its claim. ``unsent``: the attempt
        surely did not arrive (a 429, no connection), so the next one need not reconcile first.
        ``answered`` (the default): the booking system answered the attempt (a 5xx, a 429, a
        timeout...), which counts in ``attempts``; False for a reason of the desk's own.
        """
        with self.db.write_core() as w:
            if standing(w, op).ours:
                values: dict[str, Any] = {"next_attempt_at": when, "last_error": error}
                values.update(claimed_by=None, claimed_until=None)
                if unsent:
                    values["sent_at"] = None
                settle(w, op.id, values, answered=answered and op.claimed_by is not None)

    def complete(self, op: Operation, booking: Booking, detail: str) -> None:
        """The remote acknowledged ``op``: close it and store the booking as it now is."""
        self._finish(op, booking, OperationState.DONE, "synced", detail)

    def refuse(self, op: Operation, booking: Booking, detail: str) -> None:
        """The remote refused ``op``: close it; the booking now needs attention."""
        self._finish(op, booking, OperationState.FAILED, "refused", detail)

    def _finish(
        self, op: Operation, booking: Booking, state: OperationState, event: str, detail: str
    ) -> None:
        with self.db.write_core() as w:
            found = standing(w, op, booking)
            if not found.ours:
                return
            done = state is OperationState.DONE
            transition = Transition.ACCEPTED if done else Transition.REFUSED
            closed = settle_values(transition, None if done else detail)
            settle(w, op.id, closed, answered=op.claimed_by is not None)
            if found.twin is not None:
                drop_pulled_twin(w, found.twin)
            remote = booking
            if found.later and done:
                # the desk changed the booking since this was sent: keep its fields (the
                # queued operations will send them) and take only the remote's identity
                kept = stored_booking(w, booking.id)
                held = booking.extra.get(HELD_WITHOUT_ID)  # an identity without an id
                extra = {**kept.extra, HELD_WITHOUT_ID: held} if held else kept.extra
                booking = kept.with_changes(remote_id=booking.remote_id, extra=extra)
            elif found.later and op.kind is OperationKind.CREATE:
                withdraw(w, queued_ids(w, booking.id), "the booking's create was refused")
            values = booking_values(booking)
            if done:
                values["remote_base"] = base_of(remote)  # what the remote now holds
            write_booking(w, booking.id, values)
            history(w, booking.id, event, detail, "sync")

    def mark_unknown(self, op: Operation, booking: Booking, detail: str) -> None:
        """Sent, no answer, and the remote cannot be asked: ``op`` waits for a person (never
        resent by itself, never done) and the booking shows ``booking``'s sync state and
        problem (only those: a desk change since it was read keeps its fields)."""
        with self.db.write() as s:
            mark_unknown_in(s, op, booking, detail)

    def patient_made(self, op: Operation, ref: str, detail: str | None) -> list[str]:
        """The remote made (or already held) the patient's record of a ``CREATE_PATIENT``;
        returns the bookings that now carry it (see
        :func:`~frontdesk.storage.outbox_records.patient_made_in`)."""
        with self.db.write() as s:
            return patient_made_in(s, op, ref, detail)

    def patient_refused(
        self, op: Operation, code: str | None, message: str, detail: str
    ) -> list[str]:
        """The remote refused a ``CREATE_PATIENT``: it and every operation waiting for it are
        refused; returns the bookings changed (see
        :func:`~frontdesk.storage.outbox_records.patient_refused_in`)."""
        with self.db.write() as s:
            return patient_refused_in(s, op, code, message, detail)

    # -- a person's word ---------------------------------------------------------------
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

    def settle_unknown(
        self,
        op_id: int,
        settlement: Settlement,
        actor: Actor | str,
        remote_id: str | None = None,
    ) -> Booking:
        """A person's decision on an operation whose outcome is unknown (it arrived, send it
        again, cancel the booking), with its audit line; returns the booking. Raises
        :class:`~frontdesk.storage.outbox_unknown.NotUnknown` when it was settled meanwhile
        (see :func:`~frontdesk.storage.outbox_unknown.settle_unknown_in`)."""
        with self.db.write() as s:
            return settle_unknown_in(s, op_id, settlement, actor, remote_id)

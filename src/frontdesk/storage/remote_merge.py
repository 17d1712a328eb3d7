"""Pulled bookings into the cache: the field-by-field merge with the desk's queued changes,
the remote's last known view kept per booking (the merge's base), and settling a clash.

A booking in a clash keeps its queued operations queued but unsent (``due_operations`` skips
it) until a person keeps the desk's version (they go out) or takes the remote's (those that
carry the clashing parts are withdrawn and the remote's values written). Any later desk change
that clears the booking's problem (a move, a cancel) settles it the desk's way too.

The repository's ``remote`` (:class:`RemoteMerge`), each write a transaction of its own; a
pulled booking that is a desk booking whose outcome was unknown settles it as arrived in the
pull's transaction (:mod:`frontdesk.storage.outbox_unknown`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.domain.audit import Actor, AuditEvent, label_of
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.merge import (
    CLASH_CODE,
    PART_WORDS,
    PARTS,
    carried_by,
    merge,
    theirs_applied,
)
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage import patients
from frontdesk.storage.audit import add_decision
from frontdesk.storage.db import Database
from frontdesk.storage.outbox_store import withdraw_in
from frontdesk.storage.outbox_unknown import settle_seen, unknown_bookings, unknown_match
from frontdesk.storage.rows import (
    add_history,
    booking_of_row,
    copy_into,
    queued_query,
    set_base,
    settle_clash,
)
from frontdesk.storage.tables import BookingRow, ConnectionRow


def _base(row: BookingRow) -> tuple[dict[str, Any] | None, list[str]]:
    stored = row.remote_base
    if not stored:
        return None, []
    return dict(stored.get("view") or {}), list(stored.get("clash") or [])


class RemoteMerge:
    """What a pull writes, and how a clash it found is settled (``repo.remote``)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def merge_remote(self, connection_id: str, remote: Sequence[Booking]) -> int:
        """Upsert bookings pulled from the remote, merging field by field with the desk's
        queued changes (:func:`frontdesk.domain.merge.merge`); a real clash flags the booking.

        Matches by remote id, else by our own reference (a desk booking whose create answer
        was lost: left to that create's own reconciling), else, for a desk booking whose
        create's outcome is unknown, by service, start and patient email; finding such a
        booking settles it as arrived. A pulled booking without a remote id (CareValidate's
        flag on a desk booking it has not tied to an appointment yet; meetergo's provisional
        booking that expired or was declined) is matched by our reference only, updates only a
        desk booking with no remote id, and is never added. Returns how many rows changed.
        """
        changed = 0
        with self.db.write() as s:
            channel = s.get_one(ConnectionRow, connection_id).provider
            unknown = unknown_bookings(s, connection_id)  # few: usually none
            for item in remote:
                row = None
                if item.remote_id is not None:  # never "IS NULL": any untied row would match
                    row = s.scalar(
                        select(BookingRow).where(
                            BookingRow.connection_id == connection_id,
                            BookingRow.remote_id == item.remote_id,
                        )
                    )
                if row is None and item.external_ref:
                    row = s.get(BookingRow, item.external_ref)
                if item.remote_id is None and (row is None or row.remote_id is not None):
                    # a pulled booking without a remote id (a provisional booking that ended)
                    # speaks only for a desk booking the remote holds under no id either
                    continue
                if row is None and unknown and item.remote_id is not None:
                    row = unknown_match(s, connection_id, item)
                if row is not None and row.id in unknown:
                    settle_seen(s, row.id, item.remote_id, channel)
                    unknown.discard(row.id)
                    changed += 1
                if row is None:
                    self._add_pulled(s, item, channel)
                    changed += 1
                elif self._merge_row(s, row, item, channel):
                    changed += 1
        return changed

    @staticmethod
    def _add_pulled(s: Session, item: Booking, channel: str) -> None:
        row = BookingRow(created_at=utc_now())
        copy_into(row, item)
        set_base(row, item)
        s.add(row)
        patients.remember(s, item.patient_name, item.patient_phone, item.patient_email, item.start)
        add_history(s, item.id, "seen", "booked through another channel", channel)

    def _merge_row(self, s: Session, row: BookingRow, item: Booking, channel: str) -> bool:
        pending = [OperationKind(r.kind) for r in s.scalars(queued_query(row.id))]
        if OperationKind.CREATE in pending:
            return False  # our create may have arrived: its reconcile settles it
        base, held = _base(row)
        before = booking_of_row(row)
        result = merge(before, base, item, pending, held)
        set_base(row, item, result.clashes)
        merged = result.booking
        if merged == before:
            return False
        copy_into(row, merged.with_changes(version=row.version + 1))
        if result.clashes and not held:
            add_history(s, row.id, "clash", merged.problem_message, channel)
        elif held and not result.clashes:
            add_history(s, row.id, "clash settled", "both sides agree again", channel)
        if result.taken:
            add_history(s, row.id, "changed remotely", _words(result.taken), channel)
        return True

    # -- settling a clash ----------------------------------------------------------------
    def clash(self, booking_id: str) -> tuple[Booking, list[str]] | None:
        """The remote's version of a booking in a clash, and the parts that clash; None when
        the booking is not in one."""
        with self.db.read() as s:
            row = s.get(BookingRow, booking_id)
            if row is None or row.problem_code != CLASH_CODE:
                return None
            base, parts = _base(row)
            if base is None:
                return None
            local = booking_of_row(row)
            return theirs_applied(local, base, PARTS), parts

    def keep_ours(self, booking_id: str, actor: Actor | str) -> Booking:
        """Settle a clash the desk's way: its queued changes go out as they are."""
        with self.db.write() as s:
            row = s.get_one(BookingRow, booking_id)
            booking = booking_of_row(row)
            if booking.problem_code != CLASH_CODE:
                return booking
            settle_clash(row)
            settled = booking.with_changes(
                sync_state=SyncState.PENCILLED,
                problem_code=None,
                problem_message=None,
                version=row.version + 1,
            )
            copy_into(row, settled)
            kept = "kept the desk's version"
            add_history(s, booking_id, "clash settled", kept, label_of(actor))
            add_decision(s, AuditEvent.CLASH_SETTLED, actor, booking_id, kept)
            return settled

    def take_theirs(self, booking_id: str, actor: Actor | str) -> Booking:
        """Settle a clash the remote's way: the queued changes that would overwrite the
        clashing parts are withdrawn (all of them when the remote cancelled it), and those
        parts take the remote's values."""
        with self.db.write() as s:
            row = s.get_one(BookingRow, booking_id)
            booking = booking_of_row(row)
            base, clash = _base(row)
            if booking.problem_code != CLASH_CODE or base is None:
                return booking
            parts = set(clash)
            cancelled_there = base.get("status") == [VisitStatus.CANCELLED.value]
            withdrawn: list[int] = []
            for op in s.scalars(queued_query(booking_id)):
                carried = carried_by(OperationKind(op.kind))
                if carried & parts or (cancelled_there and "status" in parts):
                    withdrawn.append(op.id)  # nothing more is owed a booking cancelled there
                    parts |= carried
            withdraw_in(s, withdrawn, "the booking system's version was taken")
            still_pending = s.scalar(queued_query(booking_id).limit(1)) is not None
            settled = theirs_applied(booking, base, parts).with_changes(
                sync_state=SyncState.PENCILLED if still_pending else SyncState.CONFIRMED,
                problem_code=None,
                problem_message=None,
                version=row.version + 1,
            )
            copy_into(row, settled)
            settle_clash(row)
            took = "took the booking system's version"
            add_history(s, booking_id, "clash settled", took, label_of(actor))
            add_decision(s, AuditEvent.CLASH_SETTLED, actor, booking_id, took, booking, settled)
            return settled


def _words(parts: Sequence[str]) -> str:
    return ", ".join(PART_WORDS[p] for p in parts)

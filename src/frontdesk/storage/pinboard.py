"""The pinboard's store: which bookings wait on the pinboard, since when and put there by whom.

A pin is only a note beside a booking: pinning changes nothing of the booking (it keeps its
time until it is placed elsewhere). Every write marks the topic ``"pinboard"`` so the other
desks of a shared store re-read it, and appends its audit lines in the same transaction.
Taking pins off is also a :data:`~frontdesk.storage.outbox_store.Step` (:meth:`unpinning`), so
a placed booking's move and its pin's removal land in one transaction.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from frontdesk.domain.audit import AuditEntry
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage import notices
from frontdesk.storage.audit import add_audit
from frontdesk.storage.db import Database
from frontdesk.storage.outbox_store import Step
from frontdesk.storage.plain import PINBOARD_TOPIC as TOPIC
from frontdesk.storage.plain import Pin as Pin
from frontdesk.storage.tables_pinboard import PinRow

WIDTH = 100


class PinboardStore:
    """The pinboard of one store (shared by every desk on it)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def pins(self) -> list[Pin]:
        """Every pin, the oldest first."""
        with self.db.read() as s:
            rows = s.scalars(select(PinRow).order_by(PinRow.pinned_at, PinRow.booking_id))
            return [Pin(r.booking_id, r.pinned_at, r.pinned_by, r.desk) for r in rows]

    def pin(self, booking_id: str, audit: AuditEntry) -> bool:
        """Put ``booking_id`` on the pinboard; False (nothing written) if it is there already."""
        with self.db.write() as s:
            if s.get(PinRow, booking_id) is not None:
                return False
            s.add(
                PinRow(
                    booking_id=booking_id,
                    pinned_at=utc_now(),
                    pinned_by=audit.actor.staff[:WIDTH],
                    desk=audit.actor.desk[:WIDTH],
                )
            )
            add_audit(s, audit)
            notices.changed_topic(s, TOPIC)
            return True

    def unpin(self, audits: Sequence[AuditEntry]) -> list[str]:
        """Take the bookings the ``audits`` name off the pinboard, each with its audit line;
        returns those that were on it (the others: taken off meanwhile, nothing written)."""
        with self.db.write() as s:
            return unpin_in(s, audits)

    @staticmethod
    def unpinning(audits: Sequence[AuditEntry]) -> Step:
        """:meth:`unpin` as a further write of another transaction (a placed pin's move)."""

        def step(s: Session) -> list[str]:
            return unpin_in(s, audits)

        return step


def unpin_in(s: Session, audits: Sequence[AuditEntry]) -> list[str]:
    """:meth:`PinboardStore.unpin`'s write in the transaction ``s``."""
    taken: list[str] = []
    for entry in audits:
        if entry.booking_id is None:
            continue
        gone = s.execute(delete(PinRow).where(PinRow.booking_id == entry.booking_id))
        if getattr(gone, "rowcount", 0):
            taken.append(entry.booking_id)
            add_audit(s, entry)
    if taken:
        notices.changed_topic(s, TOPIC)
    return taken

"""Series of recurring appointments: which bookings belong together and in what order, and
the writes that land a series' bookings, or a change to several of them, all together.

:meth:`SeriesStore.book` writes every occurrence (booking, create operation queued in order,
history and audit line, each judged again by its guard inside the write) and the series'
links in ONE transaction: all or nothing. :meth:`SeriesStore.change` does the same for
changes (a move of "this and the following", a cancel). Both take the store's write lock
whole (not the scoped booking lock): a series spans many days, and is rare. The topic
``"series"`` is marked so other desks re-read the links.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from frontdesk.domain.audit import AuditEntry
from frontdesk.domain.booking import Booking
from frontdesk.domain.outbox import ChangePlan, OperationKind
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage import notices
from frontdesk.storage.db import Database
from frontdesk.storage.rows import Guard
from frontdesk.storage.tables_pinboard import SeriesMemberRow, SeriesRow

if TYPE_CHECKING:
    from frontdesk.storage.repo import Repository

TOPIC = "series"


@dataclass(frozen=True, slots=True)
class SeriesInfo:
    id: str
    created_at: datetime
    created_by: str
    every_weeks: int
    rule: str  # in words
    booking_ids: tuple[str, ...]  # in order


@dataclass(frozen=True, slots=True)
class NewBooking:
    """One occurrence to book: the booking, its rules again inside the write, its audit line."""

    booking: Booking
    guard: Guard | None
    audit: AuditEntry
    key: str  # the create's idempotency key


@dataclass(frozen=True, slots=True)
class BookingChange:
    """One booking's change as ``repo.changes.change_booking`` takes it."""

    before_version: int
    after: Booking
    kind: OperationKind
    key: str
    event: str
    detail: str | None
    guard: Guard | None
    audit: AuditEntry


class SeriesStore:
    def __init__(self, db: Database, repo: Repository) -> None:
        self.db = db
        self.repo = repo

    def book(
        self,
        series_id: str,
        every_weeks: int,
        rule: str,
        items: Sequence[NewBooking],
        actor: str,
        *,
        patient_records: bool = False,
    ) -> None:
        """Write the series and each of ``items`` (in order) in one transaction; a guard that
        refuses (raises) leaves nothing written."""
        with self.db.write() as s:
            s.add(
                SeriesRow(
                    id=series_id,
                    created_at=utc_now(),
                    created_by=actor[:100],
                    every_weeks=every_weeks,
                    rule=rule[:200],
                )
            )
            for position, item in enumerate(items):
                self.repo.book_in(
                    s,
                    item.booking,
                    OperationKind.CREATE,
                    {},
                    item.key,
                    actor,
                    patient_records=patient_records,
                    guard=item.guard,
                    audit=item.audit,
                    detail=f"booked at the desk, {position + 1} of {len(items)} in a series",
                )
                s.add(
                    SeriesMemberRow(
                        booking_id=item.booking.id, series_id=series_id, position=position
                    )
                )
            notices.changed_topic(s, TOPIC)

    def change(
        self, changes: Sequence[BookingChange], actor: str, *, patient_records: bool = False
    ) -> list[ChangePlan]:
        """Write each of ``changes`` in one transaction (all or none: a stale booking or a
        guard's refusal raises, nothing written); the plans, in order."""
        plans: list[ChangePlan] = []
        with self.db.write() as s:
            for c in changes:
                plan, _ = self.repo.changes.change_in(
                    s,
                    c.after,
                    c.kind,
                    c.key,
                    actor,
                    c.event,
                    c.detail,
                    c.before_version,
                    patient_records,
                    c.guard,
                    c.audit,
                )
                plans.append(plan)
            notices.changed_topic(s, TOPIC)
        return plans

    def of_booking(self, booking_id: str) -> SeriesInfo | None:
        """The series ``booking_id`` belongs to, with all its bookings in order; None if none."""
        with self.db.read() as s:
            member = s.get(SeriesMemberRow, booking_id)
            if member is None:
                return None
            row = s.get(SeriesRow, member.series_id)
            ids = s.scalars(
                select(SeriesMemberRow.booking_id)
                .where(SeriesMemberRow.series_id == member.series_id)
                .order_by(SeriesMemberRow.position)
            ).all()
            if row is None:
                return None
            return SeriesInfo(
                row.id, row.created_at, row.created_by, row.every_weeks, row.rule, tuple(ids)
            )

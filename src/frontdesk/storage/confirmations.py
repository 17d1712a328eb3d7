"""The patient's confirmations and arrivals in the store (``domain.confirmations``).

Each mark is written with its audit line in one transaction and tells the other desks of a
shared store (topics ``"confirmations"`` and ``"arrivals"``, :func:`notices.changed_topic`).
Reads take the bookings' ids they are for, or a span of arrival times. An arrival's writes are
also :data:`~frontdesk.storage.outbox_store.Step` s (:meth:`ArrivalStore.arriving` ...), so
the visit status change that makes, ends or undoes an arrival lands with it in one transaction,
and an arrival kept as the patient goes in lands with "in the chair" (:meth:`together`).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from frontdesk.domain.audit import AuditEntry
from frontdesk.domain.confirmations import (
    Arrival,
    ConfirmationAttempt,
    ConfirmationStatus,
    PatientConfirmation,
    statuses_of,
)
from frontdesk.storage import notices
from frontdesk.storage.audit import WIDTH, add_audit
from frontdesk.storage.db import Database
from frontdesk.storage.outbox_store import Step
from frontdesk.storage.plain import ARRIVALS as ARRIVALS
from frontdesk.storage.plain import CONFIRMATIONS as CONFIRMATIONS
from frontdesk.storage.tables_confirmations import ArrivalRow, ConfirmationAttemptRow

_CHUNK = 500  # ids per IN (...) list


def _chunks(ids: Sequence[str]) -> list[list[str]]:
    unique = list(dict.fromkeys(ids))
    return [unique[i : i + _CHUNK] for i in range(0, len(unique), _CHUNK)]


class ConfirmationStore:
    """The confirmation attempts of the bookings."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, attempt: ConfirmationAttempt, audit: AuditEntry) -> None:
        with self.db.write() as s:
            s.add(
                ConfirmationAttemptRow(
                    booking_id=attempt.booking_id,
                    state=attempt.state.value,
                    at=attempt.at,
                    staff=attempt.staff[:WIDTH],
                    desk=attempt.desk[:WIDTH],
                )
            )
            add_audit(s, audit)
            notices.changed_topic(s, CONFIRMATIONS)

    def statuses(self, booking_ids: Sequence[str]) -> dict[str, ConfirmationStatus]:
        """Each booking's status (one without attempts: unconfirmed)."""
        attempts: list[ConfirmationAttempt] = []
        with self.db.read() as s:
            for chunk in _chunks(booking_ids):
                rows = s.scalars(
                    select(ConfirmationAttemptRow)
                    .where(ConfirmationAttemptRow.booking_id.in_(chunk))
                    .order_by(ConfirmationAttemptRow.id)
                )
                attempts.extend(
                    ConfirmationAttempt(
                        r.booking_id, PatientConfirmation(r.state), r.at, r.staff, r.desk
                    )
                    for r in rows
                )
        attempts.sort(key=lambda a: a.at)  # stable: the store's order within one instant
        return statuses_of(booking_ids, attempts)


def _arrival(row: ArrivalRow) -> Arrival:
    return Arrival(row.booking_id, row.arrived_at, row.arrived_by, row.seated_at, row.seated_by)


class ArrivalStore:
    """When patients arrived and went in."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def arrived(self, booking_id: str, at: datetime, by: str, audit: AuditEntry) -> None:
        """Record (or record again: a second arrival replaces the first) an arrival."""
        with self.db.write() as s:
            arrived_in(s, booking_id, at, by, audit)

    def seated(
        self, booking_id: str, at: datetime | None, by: str | None, audit: AuditEntry
    ) -> bool:
        """Mark the patient gone in at ``at`` (None: back to waiting); False when no arrival
        is recorded for the booking."""
        with self.db.write() as s:
            return seated_in(s, booking_id, at, by, audit)

    def forget(self, booking_id: str, audit: AuditEntry) -> bool:
        """Remove an arrival (the mark was undone); False when there was none."""
        with self.db.write() as s:
            return forget_in(s, booking_id, audit)

    def together(self, steps: Sequence[Step]) -> None:
        """Write ``steps`` (:meth:`arriving`, :meth:`seating` ...) in one transaction: all or
        none."""
        with self.db.write() as s:
            for step in steps:
                step(s)

    @staticmethod
    def arriving(booking_id: str, at: datetime, by: str, audit: AuditEntry) -> Step:
        """:meth:`arrived` as a further write of a status change's transaction."""
        return lambda s: arrived_in(s, booking_id, at, by, audit)

    @staticmethod
    def seating(booking_id: str, at: datetime | None, by: str | None, audit: AuditEntry) -> Step:
        """:meth:`seated` as a step of :meth:`together`."""
        return lambda s: seated_in(s, booking_id, at, by, audit)

    @staticmethod
    def seen(booking_id: str, at: datetime, by: str, audit: AuditEntry) -> Step:
        """:meth:`seated` of a patient still waiting (one gone in already keeps that time), as a
        further write of a status change's transaction (the visit completed)."""
        return lambda s: seated_in(s, booking_id, at, by, audit, only_waiting=True)

    @staticmethod
    def forgetting(booking_id: str, audit: AuditEntry) -> Step:
        """:meth:`forget` as a further write of a status change's transaction."""
        return lambda s: forget_in(s, booking_id, audit)

    def of(self, booking_ids: Sequence[str]) -> dict[str, Arrival]:
        found: dict[str, Arrival] = {}
        with self.db.read() as s:
            for chunk in _chunks(booking_ids):
                rows = s.scalars(select(ArrivalRow).where(ArrivalRow.booking_id.in_(chunk)))
                found.update((r.booking_id, _arrival(r)) for r in rows)
        return found

    def between(self, start: datetime, end: datetime) -> list[Arrival]:
        """The arrivals recorded in ``[start, end)``, earliest first."""
        with self.db.read() as s:
            rows = s.scalars(
                select(ArrivalRow)
                .where(ArrivalRow.arrived_at >= start, ArrivalRow.arrived_at < end)
                .order_by(ArrivalRow.arrived_at)
            )
            return [_arrival(r) for r in rows]


def arrived_in(s: Session, booking_id: str, at: datetime, by: str, audit: AuditEntry) -> None:
    """:meth:`ArrivalStore.arrived`'s write in the transaction ``s``."""
    row = s.get(ArrivalRow, booking_id)
    if row is None:
        s.add(ArrivalRow(booking_id=booking_id, arrived_at=at, arrived_by=by[:WIDTH]))
    else:
        row.arrived_at, row.arrived_by = at, by[:WIDTH]
        row.seated_at = row.seated_by = None
    add_audit(s, audit)
    notices.changed_topic(s, ARRIVALS)


def seated_in(
    s: Session,
    booking_id: str,
    at: datetime | None,
    by: str | None,
    audit: AuditEntry,
    *,
    only_waiting: bool = False,
) -> bool:
    """:meth:`ArrivalStore.seated`'s write in the transaction ``s``; ``only_waiting``: nothing
    is written (False) for a patient gone in already."""
    row = s.get(ArrivalRow, booking_id)
    if row is None or (only_waiting and row.seated_at is not None):
        return False
    row.seated_at, row.seated_by = at, by[:WIDTH] if by else None
    add_audit(s, audit)
    notices.changed_topic(s, ARRIVALS)
    return True


def forget_in(s: Session, booking_id: str, audit: AuditEntry) -> bool:
    """:meth:`ArrivalStore.forget`'s write in the transaction ``s``."""
    gone = s.execute(delete(ArrivalRow).where(ArrivalRow.booking_id == booking_id))
    if not gone.rowcount:  # type: ignore[attr-defined]
        return False
    add_audit(s, audit)
    notices.changed_topic(s, ARRIVALS)
    return True

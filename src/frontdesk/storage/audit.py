"""The audit trail in the store: appended to, read, never changed.

``add_audit`` appends a line inside the caller's transaction: a booking, move, cancel, status
mark, edit or import writes its line beside the booking's history row, so the line is there
exactly when the change is (a kill -9 keeps both or neither). ``AuditTrail.record`` appends
one in a transaction of its own, for what reads (a patient's details opened, a day sheet
printed, an export). There is no method to change or remove a line, and the store itself
refuses it (triggers of migration 0009). Reads are newest first, a page at a time, with the
booking's patient as the cache holds it now (a left join: a line outlives its booking).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Select, func, insert, or_, select
from sqlalchemy.orm import Session

from frontdesk.domain.audit import (
    CHANGED_FIELDS,
    Actor,
    AuditEntry,
    AuditEvent,
    AuditFilter,
    AuditRecord,
    Changes,
    actor_of,
    changes_between,
)
from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage.db import Database
from frontdesk.storage.tables import AuditRow, BookingRow

WIDTH = 100  # staff and desk columns


def add_audit(s: Session, entry: AuditEntry) -> None:
    """Append ``entry`` in the session's transaction, stamped now (UTC)."""
    s.add(
        AuditRow(
            at=utc_now(),
            staff=entry.actor.staff[:WIDTH],
            desk=entry.actor.desk[:WIDTH],
            event=entry.event.value,
            booking_id=entry.booking_id,
            changes=dict(entry.changes),
            detail=entry.detail,
        )
    )


def add_decision(
    s: Session,
    event: AuditEvent,
    who: Actor | str,
    booking_id: str,
    detail: str,
    before: Booking | None = None,
    after: Booking | None = None,
) -> None:
    """Append a person's decision on a booking the booking system refused, clashed over or
    did not answer (the sync panel's), in the session's transaction: who, which booking, what
    was decided, and the booking's fields it changed (``before`` to ``after``)."""
    changes = (
        changes_between(before, after, CHANGED_FIELDS)
        if before is not None and after is not None
        else {}
    )
    add_audit(s, AuditEntry(event, actor_of(who), booking_id, changes, detail))


def add_audits(
    s: Session, entry: AuditEntry, bookings: Iterable[Booking], fields: Sequence[str]
) -> None:
    """Append ``entry`` once per booking (its id, and its ``fields`` as "after"), in one bulk
    insert in the session's transaction: an import's lines, written with its bookings."""
    now = utc_now()
    rows = [
        {
            "at": now,
            "staff": entry.actor.staff[:WIDTH],
            "desk": entry.actor.desk[:WIDTH],
            "event": entry.event.value,
            "booking_id": booking.id,
            "changes": changes_between(None, booking, fields),
            "detail": entry.detail,
        }
        for booking in bookings
    ]
    if rows:
        s.execute(insert(AuditRow), rows)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _filtered(query: Select[Any], where: AuditFilter) -> Select[Any]:
    if where.start is not None:
        query = query.where(AuditRow.at >= where.start)
    if where.end is not None:
        query = query.where(AuditRow.at < where.end)
    if where.staff:
        query = query.where(AuditRow.staff == where.staff)
    if where.event:
        query = query.where(AuditRow.event == where.event)
    subject = (where.subject or "").strip()
    if subject:
        pattern = _like(subject.casefold())
        patients = select(BookingRow.id).where(
            or_(
                func.lower(BookingRow.patient_name).like(pattern, escape="\\"),
                BookingRow.patient_phone.like(pattern, escape="\\"),
                func.lower(func.coalesce(BookingRow.patient_email, "")).like(pattern, escape="\\"),
            )
        )
        query = query.where(or_(AuditRow.booking_id == subject, AuditRow.booking_id.in_(patients)))
    return query


def _record(row: Any) -> AuditRecord:
    changes: Changes = {
        str(k): [None if v is None else str(v) for v in list(pair)[:2]]
        for k, pair in dict(row.changes or {}).items()
    }
    return AuditRecord(
        id=row.id,
        at=row.at,
        staff=row.staff,
        desk=row.desk,
        event=row.event,
        booking_id=row.booking_id,
        changes=changes,
        detail=row.detail,
        patient=row.patient_name,
    )


def _lines(where: AuditFilter) -> Select[Any]:
    query = select(
        AuditRow.id,
        AuditRow.at,
        AuditRow.staff,
        AuditRow.desk,
        AuditRow.event,
        AuditRow.booking_id,
        AuditRow.changes,
        AuditRow.detail,
        BookingRow.patient_name,
    ).outerjoin(BookingRow, BookingRow.id == AuditRow.booking_id)
    return _filtered(query, where).order_by(AuditRow.at.desc(), AuditRow.id.desc())


class AuditTrail:
    """Appending to the audit trail and reading it; nothing else."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, entry: AuditEntry) -> None:
        """Append ``entry`` in a transaction of its own (what reads: opening, print, export)."""
        with self.db.write() as s:
            add_audit(s, entry)

    def audit_page(
        self, where: AuditFilter, offset: int = 0, limit: int = 100
    ) -> list[AuditRecord]:
        """The lines ``where`` asks for, newest first, ``limit`` from ``offset``."""
        with self.db.read() as s:
            rows = s.execute(_lines(where).offset(offset).limit(limit))
            return [_record(r) for r in rows]

    def audit_count(self, where: AuditFilter) -> int:
        with self.db.read() as s:
            query = _filtered(select(func.count()).select_from(AuditRow), where)
            return int(s.scalar(query) or 0)

    def audit_lines(self, where: AuditFilter) -> Iterator[AuditRecord]:
        """Every line ``where`` asks for, newest first, read by one statement a batch at a time
        (an export sees the trail as it stood when it began)."""
        with self.db.read() as s:
            rows = s.execute(_lines(where).execution_options(yield_per=1000))
            for row in rows:
                yield _record(row)

    def audit_staff(self) -> list[str]:
        """Every name the trail holds, in order (the viewer's staff filter)."""
        with self.db.read() as s:
            return sorted(s.scalars(select(AuditRow.staff).distinct()), key=str.casefold)

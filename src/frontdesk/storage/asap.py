"""The ASAP list in the store: its entries (added, changed, removed, each with an audit line in
the same transaction, and marked as the ``"asap"`` topic so other desks re-read it), and the
slots that freed up.

A freed slot is noted by the store itself, whoever frees it: a ``before_flush`` hook on every
session sees a booking row leave its time (booked → cancelled or no-show, or a new start or
column while still booked; a desk's change or a pulled one alike) and, when that time is still
to come (for a no-show, marked once its time has begun: when some of it is left), adds an
``asap_freed`` row with the time as it was, in the same transaction. Desks read the freed
slots newer than the last they saw (:meth:`AsapStore.freed_since`); rows whose time has
ended are dropped as new ones come.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, event, func, inspect, select
from sqlalchemy.orm import Session

from frontdesk.domain.asap import AsapEntry, FreedCause, FreedSlot, PartOfDay
from frontdesk.domain.audit import AuditEntry
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage import notices
from frontdesk.storage.audit import add_audit
from frontdesk.storage.db import Database
from frontdesk.storage.outbox_store import Step
from frontdesk.storage.plain import ASAP_TOPIC as TOPIC
from frontdesk.storage.plain import AsapEntryGone as AsapEntryGone
from frontdesk.storage.tables import BookingRow
from frontdesk.storage.tables_asap import AsapFreedRow, AsapRow

_BOOKED = "booked"
_FREEING = {"cancelled": FreedCause.CANCELLED, "no_show": FreedCause.NO_SHOW}


def _old(row: BookingRow, name: str) -> Any:
    history = inspect(row).attrs[name].history
    if history.deleted:
        return history.deleted[0]
    return getattr(row, name)


def _note_freed(session: Session, _context: Any, _instances: Any) -> None:
    now = utc_now()
    freed: list[AsapFreedRow] = []
    for row in session.dirty:
        if not isinstance(row, BookingRow) or not session.is_modified(row):
            continue
        if _old(row, "visit_status") != _BOOKED:
            continue
        start: datetime = _old(row, "start")
        end: datetime = _old(row, "end")
        cause = _FREEING.get(row.visit_status)
        moved = start != row.start or _old(row, "resource_id") != row.resource_id
        if cause is None and row.visit_status == _BOOKED and moved:
            cause = FreedCause.MOVED
        # a no-show is marked once its time has begun: what is left of it is freed
        if cause is None or (end if cause is FreedCause.NO_SHOW else start) <= now:
            continue
        freed.append(
            AsapFreedRow(
                connection_id=row.connection_id,
                service_id=_old(row, "service_id"),
                resource_id=_old(row, "resource_id"),
                start=start,
                end=end,
                booking_id=row.id,
                cause=cause.value,
                freed_at=now,
            )
        )
    if freed:
        session.add_all(freed)
        session.execute(delete(AsapFreedRow).where(AsapFreedRow.end < now))


event.listen(Session, "before_flush", _note_freed)


def _entry(row: AsapRow) -> AsapEntry:
    return AsapEntry(
        id=row.id,
        patient_name=row.patient_name,
        patient_phone=row.patient_phone,
        connection_id=row.connection_id,
        service_id=row.service_id,
        resource_id=row.resource_id,
        weekdays=frozenset(int(d) for d in row.weekdays.split(",") if d),
        parts=frozenset(PartOfDay(p) for p in row.parts.split(",") if p),
        until=row.until,
        note=row.note,
        booking_id=row.booking_id,
        added_by=row.added_by,
        added_at=row.added_at,
        version=row.version,
    )


def _fill(row: AsapRow, entry: AsapEntry) -> None:
    row.patient_name = entry.patient_name
    row.patient_phone = entry.patient_phone
    row.connection_id = entry.connection_id
    row.service_id = entry.service_id
    row.resource_id = entry.resource_id
    row.weekdays = ",".join(str(d) for d in sorted(entry.weekdays))
    row.parts = ",".join(p.value for p in PartOfDay if p in entry.parts)
    row.until = entry.until
    row.note = entry.note
    row.booking_id = entry.booking_id


def _freed(row: AsapFreedRow) -> FreedSlot:
    return FreedSlot(
        id=row.id,
        connection_id=row.connection_id,
        service_id=row.service_id,
        resource_id=row.resource_id,
        start=row.start,
        end=row.end,
        booking_id=row.booking_id,
        cause=FreedCause(row.cause),
        freed_at=row.freed_at,
    )


class AsapStore:
    """The ASAP list's entries and the freed slots of one store."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, entry: AsapEntry, audit: AuditEntry) -> AsapEntry:
        with self.db.write() as s:
            row = AsapRow(id=entry.id, added_by=entry.added_by, added_at=entry.added_at, version=1)
            _fill(row, entry)
            s.add(row)
            add_audit(s, audit)
            notices.changed_topic(s, TOPIC)
        return entry.with_changes(version=1)

    def update(self, entry: AsapEntry, audit: AuditEntry) -> AsapEntry:
        """Write ``entry``'s changes; :class:`AsapEntryGone` when it is gone or was changed
        elsewhere since ``entry.version`` was read."""
        with self.db.write() as s:
            row = s.get(AsapRow, entry.id)
            if row is None or row.version != entry.version:
                raise AsapEntryGone(entry.id)
            _fill(row, entry)
            row.version += 1
            add_audit(s, audit)
            notices.changed_topic(s, TOPIC)
            return _entry(row)

    def remove(self, audits: Sequence[tuple[str, AuditEntry]]) -> int:
        """Remove the entries named (``(id, its audit line)``); how many were still there."""
        with self.db.write() as s:
            return removed_in(s, audits)

    @staticmethod
    def removing(audits: Sequence[tuple[str, AuditEntry]]) -> Step:
        """:meth:`remove` as a further write of another change's transaction (a booking made
        from the entry: the entry goes with it, or stays)."""
        return lambda s: removed_in(s, audits)

    def entry(self, entry_id: str) -> AsapEntry | None:
        with self.db.read() as s:
            row = s.get(AsapRow, entry_id)
            return None if row is None else _entry(row)

    def entries(self) -> list[AsapEntry]:
        """Every entry, the earliest "until" first."""
        with self.db.read() as s:
            rows = s.scalars(select(AsapRow).order_by(AsapRow.until, AsapRow.added_at))
            return [_entry(r) for r in rows]

    def last_freed_id(self) -> int:
        with self.db.read() as s:
            # on the table, not the mapped class: the desk's start asks this before any
            # other ORM query, and a Core statement needs no mappers configured
            freed = AsapFreedRow.__table__.c.id
            return int(s.scalar(select(func.max(freed))) or 0)

    def freed_since(self, after_id: int, now: datetime | None = None) -> list[FreedSlot]:
        """The slots freed after the one numbered ``after_id`` that have not ended yet."""
        with self.db.read() as s:
            rows = s.scalars(
                select(AsapFreedRow)
                .where(AsapFreedRow.id > after_id, AsapFreedRow.end > (now or utc_now()))
                .order_by(AsapFreedRow.id)
            )
            return [_freed(r) for r in rows]


def removed_in(s: Session, audits: Sequence[tuple[str, AuditEntry]]) -> int:
    """Remove the entries named in ``s``'s transaction; how many were still there."""
    removed = 0
    for entry_id, audit in audits:
        row = s.get(AsapRow, entry_id)
        if row is None:
            continue
        s.delete(row)
        add_audit(s, audit)
        removed += 1
    if removed:
        notices.changed_topic(s, TOPIC)
    return removed

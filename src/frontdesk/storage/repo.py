"""Repositories: the only way the rest of FrontDesk reads and writes the cache.

Each method opens its own short transaction on :class:`Database` (one session per call, so
any thread may call), and hands back domain objects, never rows.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Select, String, delete, func, insert, select, text, type_coerce
from sqlalchemy.orm import Session

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window
from frontdesk.domain.outbox import (
    ChangePlan,
    Operation,
    OperationKind,
    OperationState,
    plan_change,
)
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage import patients
from frontdesk.storage.db import Database
from frontdesk.storage.patients import Patient
from frontdesk.storage.tables import (
    BookingRow,
    ConnectionRow,
    HistoryRow,
    OutboxRow,
    ResourceRow,
    ServiceRow,
    WindowRow,
)

# Visit statuses only the desk knows; a pull saying "booked" does not undo them.
DESK_ONLY_STATUSES = frozenset({VisitStatus.ARRIVED, VisitStatus.COMPLETED, VisitStatus.NO_SHOW})


class StaleBooking(Exception):
    """The booking changed (a sync, another desk) since the caller read it."""

    def __init__(self, booking_id: str) -> None:
        super().__init__(f"booking {booking_id} changed since it was read")
        self.booking_id = booking_id


@dataclass(frozen=True, slots=True)
class ConnectionRecord:
    """A connection to one remote API (its key lives in the keyring, not here)."""

    id: str
    name: str
    provider: str
    base_url: str
    options: dict[str, Any]
    last_fresh_at: datetime | None


_BOOKING_FIELDS = [
    "id",
    "connection_id",
    "remote_id",
    "service_id",
    "resource_id",
    "start",
    "end",
    "session",
    "batch",
    "patient_name",
    "patient_phone",
    "patient_email",
    "notes",
    "external_ref",
    "problem_code",
    "problem_message",
    "version",
]


def _booking(row: BookingRow) -> Booking:
    values: dict[str, Any] = {name: getattr(row, name) for name in _BOOKING_FIELDS}
    return Booking(
        visit_status=VisitStatus(row.visit_status),
        sync_state=SyncState(row.sync_state),
        extra=dict(row.extra or {}),
        **values,
    )


# Plain table columns in the order of Booking's fields, so a row becomes a Booking by
# position. The two instants are read as their stored text and parsed with fromisoformat:
# a busy week is thousands of rows, and this is several times faster than the generic
# DateTime processing (the stored form is UTCDateTime's naive UTC "YYYY-MM-DD HH:MM:SS.ffffff").
_ORDER = [f.name for f in dataclasses.fields(Booking)]
_TABLE = BookingRow.__table__.c
_BOOKING_COLUMNS = [
    type_coerce(_TABLE[name], String) if name in ("start", "end") else _TABLE[name]
    for name in _ORDER
]
_START, _END = _ORDER.index("start"), _ORDER.index("end")
_VISIT_AT, _SYNC_AT = _ORDER.index("visit_status"), _ORDER.index("sync_state")
_WINDOW_ORDER = [f.name for f in dataclasses.fields(Window)]
_VISIT = {v.value: v for v in VisitStatus}
_SYNC = {v.value: v for v in SyncState}


def _window(row: Sequence[Any]) -> Window:
    return Window(*row)


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def _booking_from_tuple(row: Sequence[Any]) -> Booking:
    values = list(row)
    values[_START] = _instant(values[_START])
    values[_END] = _instant(values[_END])
    values[_VISIT_AT] = _VISIT[values[_VISIT_AT]]
    values[_SYNC_AT] = _SYNC[values[_SYNC_AT]]
    return Booking(*values)


def _copy_into(row: BookingRow, booking: Booking) -> None:
    for name in _BOOKING_FIELDS:
        setattr(row, name, getattr(booking, name))
    row.visit_status = booking.visit_status.value
    row.sync_state = booking.sync_state.value
    row.extra = dict(booking.extra)
    row.updated_at = utc_now()


def _operation(row: OutboxRow) -> Operation:
    return Operation(
        id=row.id,
        booking_id=row.booking_id,
        connection_id=row.connection_id,
        kind=OperationKind(row.kind),
        payload=dict(row.payload),
        idempotency_key=row.idempotency_key,
        state=OperationState(row.state),
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        sent_at=row.sent_at,
        last_error=row.last_error,
    )


class Repository:
    """Connections, catalog, bookings, outbox and history of one cache."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._catalogs: dict[tuple[str, date, date], Catalog] = {}
        self._catalog_generation = 0

    # -- connections -------------------------------------------------------------------
    def add_connection(self, record: ConnectionRecord) -> None:
        with self.db.write() as s:
            s.add(
                ConnectionRow(
                    id=record.id,
                    name=record.name,
                    provider=record.provider,
                    base_url=record.base_url,
                    options=record.options,
                    policy={},
                    last_fresh_at=None,
                    created_at=utc_now(),
                )
            )

    def update_connection(self, record: ConnectionRecord) -> None:
        with self.db.write() as s:
            row = s.get_one(ConnectionRow, record.id)
            row.name, row.base_url, row.options = record.name, record.base_url, record.options

    def connections(self) -> list[ConnectionRecord]:
        with self.db.read() as s:
            rows = s.scalars(select(ConnectionRow).order_by(ConnectionRow.name))
            return [self._connection(r) for r in rows]

    def connection_by_name(self, name: str) -> ConnectionRecord | None:
        with self.db.read() as s:
            row = s.scalar(select(ConnectionRow).where(ConnectionRow.name == name))
            return None if row is None else self._connection(row)

    @staticmethod
    def _connection(row: ConnectionRow) -> ConnectionRecord:
        return ConnectionRecord(
            row.id, row.name, row.provider, row.base_url, dict(row.options), row.last_fresh_at
        )

    # -- catalog -----------------------------------------------------------------------
    def save_catalog(self, connection_id: str, catalog: Catalog, days: Iterable[date]) -> None:
        """Replace the services, resources and the windows of ``days`` in one transaction."""
        day_list = list(days)
        self._catalog_generation += 1
        self._catalogs.clear()
        with self.db.write() as s:
            row = s.get_one(ConnectionRow, connection_id)
            p = catalog.policy
            row.policy = {
                "timezone": p.timezone,
                "duplicate_prevention": p.duplicate_prevention,
                "allow_cancellation": p.allow_cancellation,
                "cancellation_notice_hours": p.cancellation_notice_hours,
                "extra": dict(p.extra),
            }
            row.last_fresh_at = utc_now()
            s.execute(delete(ServiceRow).where(ServiceRow.connection_id == connection_id))
            s.execute(delete(ResourceRow).where(ResourceRow.connection_id == connection_id))
            s.execute(
                delete(WindowRow).where(
                    WindowRow.connection_id == connection_id, WindowRow.day.in_(day_list)
                )
            )
            s.add_all(
                ServiceRow(connection_id=connection_id, **_fields(sv)) for sv in catalog.services
            )
            s.add_all(
                ResourceRow(connection_id=connection_id, **_fields(r)) for r in catalog.resources
            )
            s.add_all(WindowRow(connection_id=connection_id, **_fields(w)) for w in catalog.windows)
        self._catalog_generation += 1
        self._catalogs.clear()

    def policy(self, connection_id: str) -> Policy:
        """The connection's cached organisation policy (zone, cancellation rules)."""
        with self.db.read() as s:
            conn = s.get_one(ConnectionRow, connection_id)
            return Policy(**conn.policy) if conn.policy else Policy(timezone="UTC")

    def catalog(self, connection_id: str, first: date, last: date) -> Catalog:
        """The cached catalog with the windows of local days ``first``..``last``.

        Kept in memory until the connection's catalog is saved again (every check and
        screen asks for it; a month of 30 resources is thousands of windows). Callers must
        not change what they get back.
        """
        key = (connection_id, first, last)
        generation = self._catalog_generation
        found = self._catalogs.get(key)
        if found is not None:
            return found
        catalog = self._read_catalog(connection_id, first, last)
        if generation == self._catalog_generation:  # no save_catalog ran meanwhile
            if len(self._catalogs) >= 32:
                self._catalogs.clear()
            self._catalogs[key] = catalog
        return catalog

    def _read_catalog(self, connection_id: str, first: date, last: date) -> Catalog:
        with self.db.read() as s:
            conn = s.get_one(ConnectionRow, connection_id)
            policy = Policy(**conn.policy) if conn.policy else Policy(timezone="UTC")
            services = s.scalars(
                select(ServiceRow).where(ServiceRow.connection_id == connection_id)
            )
            resources = s.scalars(
                select(ResourceRow)
                .where(ResourceRow.connection_id == connection_id)
                .order_by(ResourceRow.name)
            )
            w = WindowRow.__table__.c
            windows = s.connection().execute(
                select(*(w[name] for name in _WINDOW_ORDER))
                .where(w.connection_id == connection_id, w.day >= first, w.day <= last)
                .order_by(w.day, w.start)
            )
            return Catalog(
                policy=policy,
                services=[
                    Service(r.id, r.name, r.duration_minutes, r.color, r.active, dict(r.extra))
                    for r in services
                ],
                resources=[
                    Resource(r.id, r.name, r.kind, r.color, dict(r.extra)) for r in resources
                ],
                windows=[_window(row) for row in windows],
            )

    # -- bookings ----------------------------------------------------------------------
    def booking(self, booking_id: str) -> Booking | None:
        with self.db.read() as s:
            row = s.get(BookingRow, booking_id)
            return None if row is None else _booking(row)

    def bookings_between(
        self, start: datetime, end: datetime, connection_id: str | None = None
    ) -> list[Booking]:
        """Bookings starting in ``[start, end)`` (an index range scan), earliest first."""
        # plain rows, not ORM objects: a busy week is thousands of bookings
        query = select(*_BOOKING_COLUMNS).where(_TABLE["start"] >= start, _TABLE["start"] < end)
        if connection_id is not None:
            query = query.where(_TABLE["connection_id"] == connection_id)
        with self.db.read() as s:
            rows = s.connection().execute(query.order_by(_TABLE["start"], _TABLE["id"]))
            return [_booking_from_tuple(r) for r in rows]

    def bookings_by_ids(self, ids: Sequence[str]) -> list[Booking]:
        """The named bookings that exist (what a change record names), in no order."""
        found: list[Booking] = []
        with self.db.read() as s:
            for first in range(0, len(ids), 500):
                query = select(*_BOOKING_COLUMNS).where(_TABLE["id"].in_(ids[first : first + 500]))
                found.extend(_booking_from_tuple(r) for r in s.connection().execute(query))
        return found

    def booking_glimpses(
        self, start: datetime, end: datetime
    ) -> list[tuple[datetime, str, VisitStatus, SyncState, str, str]]:
        """``(start, patient name, visit status, sync state, connection id, resource id)`` of
        bookings starting in ``[start, end)``, earliest first: what an overview needs."""
        query = (
            select(
                BookingRow.start,
                BookingRow.patient_name,
                BookingRow.visit_status,
                BookingRow.sync_state,
                BookingRow.connection_id,
                BookingRow.resource_id,
            )
            .where(BookingRow.start >= start, BookingRow.start < end)
            .order_by(BookingRow.start, BookingRow.id)
        )
        with self.db.read() as s:
            return [(r[0], r[1], _VISIT[r[2]], _SYNC[r[3]], r[4], r[5]) for r in s.execute(query)]

    def book(
        self,
        booking: Booking,
        operation_kind: OperationKind,
        payload: dict[str, Any],
        idempotency_key: str,
        actor: str,
    ) -> Operation:
        """Write a new booking and its outbound operation in one transaction."""
        with self.db.write() as s:
            row = BookingRow(created_at=utc_now())
            _copy_into(row, booking)
            s.add(row)
            s.flush()
            patients.remember(
                s, booking.patient_name, booking.patient_phone, booking.patient_email, booking.start
            )
            op = self._enqueue(s, booking, operation_kind, payload, idempotency_key)
            self._history(s, booking.id, "created", "booked at the desk", actor)
            return op

    def book_many(self, bookings: Sequence[Booking], actor: str, detail: str) -> int:
        """Write new bookings, each with its create operation, all in one transaction (an
        import lands whole or not at all). Bookings whose id is already cached are skipped;
        returns how many were written."""
        written = 0
        with self.db.write() as s:
            for booking in bookings:
                if s.get(BookingRow, booking.id) is not None:
                    continue
                row = BookingRow(created_at=utc_now())
                _copy_into(row, booking)
                s.add(row)
                s.flush()
                self._enqueue(s, booking, OperationKind.CREATE, {}, f"create:{booking.id}")
                self._history(s, booking.id, "created", detail, actor)
                written += 1
        return written

    def _enqueue(
        self, s: Session, booking: Booking, kind: OperationKind, payload: dict[str, Any], key: str
    ) -> Operation:
        now = utc_now()
        row = OutboxRow(
            booking_id=booking.id,
            connection_id=booking.connection_id,
            kind=kind.value,
            payload=payload,
            idempotency_key=key,
            state=OperationState.QUEUED.value,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
        )
        s.add(row)
        s.flush()
        return _operation(row)

    def change_booking(
        self,
        booking: Booking,
        kind: OperationKind,
        idempotency_key: str,
        actor: str,
        event: str,
        detail: str | None,
        expected_version: int | None = None,
    ) -> tuple[ChangePlan, Operation | None]:
        """Store a desk change to ``booking`` and what it owes the remote, in one transaction.

        What is owed follows :func:`plan_change` over the booking's queued operations, decided
        inside the write lock so the sync engine cannot send one in between. Raises
        :class:`StaleBooking` when ``expected_version`` no longer matches the stored row.
        """
        with self.db.write() as s:
            row = s.get_one(BookingRow, booking.id)
            if expected_version is not None and row.version != expected_version:
                raise StaleBooking(booking.id)
            queued = [_operation(r) for r in s.scalars(_queued_query(booking.id))]
            plan, withdraw = plan_change(kind, queued, row.remote_id is not None)
            self._withdraw(s, withdraw, f"superseded by {kind.value}")
            refused = s.scalars(
                select(OutboxRow.id).where(
                    OutboxRow.booking_id == booking.id,
                    OutboxRow.state == OperationState.FAILED.value,
                )
            ).all()
            for op_id in refused:  # the desk has acted on the refusal: it is no dead letter
                s.get_one(OutboxRow, op_id).state = OperationState.WITHDRAWN.value
            _copy_into(row, booking.with_changes(version=row.version + 1))
            op = None
            if plan is ChangePlan.ENQUEUE:
                op = self._enqueue(s, booking, kind, {}, idempotency_key)
            self._history(s, booking.id, event, detail, actor)
            return plan, op

    @staticmethod
    def _withdraw(s: Session, op_ids: Sequence[int], why: str) -> None:
        for op_id in op_ids:
            row = s.get_one(OutboxRow, op_id)
            row.state, row.done_at, row.last_error = OperationState.WITHDRAWN.value, utc_now(), why

    def save_booking(
        self, booking: Booking, event: str, detail: str | None, actor: str | None
    ) -> None:
        with self.db.write() as s:
            row = s.get_one(BookingRow, booking.id)
            _copy_into(row, booking)
            self._history(s, booking.id, event, detail, actor)

    def merge_remote(self, connection_id: str, remote: Sequence[Booking]) -> int:
        """Upsert bookings pulled from the remote; local pending edits win until synced.

        Matches by remote id, else by our own reference (a desk booking whose create answer
        was lost). Returns how many rows changed.
        """
        changed = 0
        with self.db.write() as s:
            channel = s.get_one(ConnectionRow, connection_id).provider
            for item in remote:
                row = s.scalar(
                    select(BookingRow).where(
                        BookingRow.connection_id == connection_id,
                        BookingRow.remote_id == item.remote_id,
                    )
                )
                if row is None and item.external_ref:
                    row = s.get(BookingRow, item.external_ref)
                if row is None:
                    row = BookingRow(created_at=utc_now())
                    _copy_into(row, item)
                    s.add(row)
                    patients.remember(
                        s, item.patient_name, item.patient_phone, item.patient_email, item.start
                    )
                    self._history(s, item.id, "seen", "booked through another channel", channel)
                    changed += 1
                    continue
                if self._has_pending(s, row.id):
                    continue
                local = _booking(row)
                visit = item.visit_status
                if visit is VisitStatus.BOOKED and local.visit_status in DESK_ONLY_STATUSES:
                    visit = local.visit_status  # the API cannot say "arrived": keep the desk's
                merged = item.with_changes(
                    id=row.id,
                    version=row.version + 1,
                    notes=row.notes,
                    patient_email=row.patient_email or item.patient_email,
                    visit_status=visit,
                    extra={**local.extra, **item.extra},
                )
                before = _booking(row)
                if before.with_changes(version=merged.version) != merged:
                    _copy_into(row, merged)
                    what = _what_changed(before, merged)
                    if what:
                        self._history(s, row.id, "changed remotely", what, channel)
                    changed += 1
        return changed

    @staticmethod
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

    # -- outbox ------------------------------------------------------------------------
    def queued_operations(self, booking_id: str) -> list[Operation]:
        """The booking's operations still waiting to be sent (or resent), oldest first."""
        with self.db.read() as s:
            return [_operation(r) for r in s.scalars(_queued_query(booking_id))]

    def due_operations(self, connection_id: str, now: datetime, limit: int = 50) -> list[Operation]:
        """Queued operations whose time has come, oldest first, at most one per booking."""
        with self.db.read() as s:
            rows = s.scalars(
                select(OutboxRow)
                .where(
                    OutboxRow.connection_id == connection_id,
                    OutboxRow.state == OperationState.QUEUED.value,
                )
                .order_by(OutboxRow.id)
            )
            seen: set[str] = set()
            due: list[Operation] = []
            for row in rows:
                if row.booking_id in seen:
                    continue  # strictly in order per booking
                seen.add(row.booking_id)
                if row.next_attempt_at <= now:
                    due.append(_operation(row))
                if len(due) >= limit:
                    break
            return due

    def operations(
        self, states: Sequence[OperationState], limit: int = 500
    ) -> list[tuple[Operation, Booking]]:
        """Operations in ``states`` with their bookings, oldest first (the sync panel's lists)."""
        query = (
            select(OutboxRow, *_BOOKING_COLUMNS)
            .join(BookingRow, BookingRow.id == OutboxRow.booking_id)
            .where(OutboxRow.state.in_([state.value for state in states]))
            .order_by(OutboxRow.id)
            .limit(limit)
        )
        with self.db.read() as s:
            return [(_operation(r[0]), _booking_from_tuple(r[1:])) for r in s.execute(query)]

    def needs_attention(self, limit: int = 500) -> list[Booking]:
        """Active bookings a remote refused, that a person must look at, earliest first."""
        query = (
            select(*_BOOKING_COLUMNS)
            .where(
                # a literal, not a parameter: it is what lets SQLite use the partial index
                text("bookings.sync_state = 'needs_attention'"),
                BookingRow.visit_status != VisitStatus.CANCELLED.value,
            )
            .order_by(BookingRow.start)
            .limit(limit)
        )
        with self.db.read() as s:
            return [_booking_from_tuple(r) for r in s.execute(query)]

    def requeue(self, op_id: int, actor: str) -> None:
        """Send a refused operation again (same idempotency key), from now."""
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op_id)
            row.state, row.next_attempt_at, row.done_at = (
                OperationState.QUEUED.value,
                utc_now(),
                None,
            )
            self._history(s, row.booking_id, "sent again", row.kind, actor)

    def dismiss(self, op_id: int, actor: str) -> None:
        """Put a refused operation aside for good (it stays in the history)."""
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op_id)
            row.state = OperationState.WITHDRAWN.value
            self._history(s, row.booking_id, "dismissed", row.kind, actor)

    def add_note(self, booking_id: str, note: str, actor: str) -> None:
        """Append a desk note to the booking (kept here; no remote API takes it)."""
        with self.db.write() as s:
            row = s.get_one(BookingRow, booking_id)
            row.notes = f"{row.notes}\n{note}" if row.notes else note
            row.updated_at = utc_now()
            self._history(s, booking_id, "note", note, actor)

    def next_due_at(self, connection_id: str | None = None) -> datetime | None:
        with self.db.read() as s:
            query = select(func.min(OutboxRow.next_attempt_at)).where(
                OutboxRow.state == OperationState.QUEUED.value
            )
            if connection_id is not None:
                query = query.where(OutboxRow.connection_id == connection_id)
            return s.scalar(query)

    def pending_count(self, connection_id: str | None = None) -> int:
        with self.db.read() as s:
            query = (
                select(func.count())
                .select_from(OutboxRow)
                .where(OutboxRow.state == OperationState.QUEUED.value)
            )
            if connection_id is not None:
                query = query.where(OutboxRow.connection_id == connection_id)
            return int(s.scalar(query) or 0)

    def mark_sent(self, op_id: int, at: datetime) -> None:
        """Record, before the request goes out, that an attempt may reach the server."""
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op_id)
            row.sent_at = at
            row.attempts += 1

    def retry_later(self, op_id: int, when: datetime, error: str) -> None:
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op_id)
            row.next_attempt_at = when
            row.last_error = error

    def complete(self, op: Operation, booking: Booking, detail: str) -> None:
        """The remote acknowledged ``op``: close it and store the booking as it now is."""
        self._finish(op, booking, OperationState.DONE, "synced", detail)

    def refuse(self, op: Operation, booking: Booking, detail: str) -> None:
        """The remote refused ``op``: close it; the booking now needs attention."""
        self._finish(op, booking, OperationState.FAILED, "refused", detail)

    def _finish(
        self, op: Operation, booking: Booking, state: OperationState, event: str, detail: str
    ) -> None:
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op.id)
            row.state = state.value
            row.done_at = utc_now()
            row.last_error = None if state is OperationState.DONE else detail
            if booking.remote_id is not None:
                self._drop_pulled_twin(s, booking)
            brow = s.get_one(BookingRow, booking.id)
            later = [r.id for r in s.scalars(_queued_query(booking.id))]
            if later and state is OperationState.DONE:
                # the desk changed the booking since this was sent: keep its fields (the
                # queued operations will send them) and take only the remote's identity
                booking = _booking(brow).with_changes(remote_id=booking.remote_id)
            elif later and op.kind is OperationKind.CREATE:
                self._withdraw(s, later, "the booking's create was refused")
            _copy_into(brow, booking)
            self._history(s, booking.id, event, detail, "sync")

    def _drop_pulled_twin(self, s: Session, booking: Booking) -> None:
        """A pull between a lost answer and its replay may have cached our own booking a second
        time under the remote id (APIs that do not echo our reference). It is the same
        booking: the pulled copy goes, ours keeps the remote id."""
        twin = s.scalar(
            select(BookingRow).where(
                BookingRow.connection_id == booking.connection_id,
                BookingRow.remote_id == booking.remote_id,
                BookingRow.id != booking.id,
            )
        )
        if twin is not None and not self._has_pending(s, twin.id):
            s.execute(delete(HistoryRow).where(HistoryRow.booking_id == twin.id))
            s.delete(twin)
            s.flush()

    # -- patients ----------------------------------------------------------------------
    def search_patients(self, text: str, limit: int = 12) -> list[Patient]:
        """Patients whose name words, phone or email start with what was typed; most recently
        booked first. Index range scans only, so it keeps up with typing on a large cache."""
        query = patients.search_query(text, limit)
        if query is None:
            return []
        with self.db.read() as s:
            return [
                Patient(r.name, r.phone, r.email, r.last_seen, r.bookings) for r in s.scalars(query)
            ]

    def bookings_of(self, phone: str, limit: int = 50) -> list[Booking]:
        """The bookings made with this phone number, latest first."""
        query = (
            select(*_BOOKING_COLUMNS)
            .where(BookingRow.patient_phone == phone)
            .order_by(BookingRow.start.desc())
            .limit(limit)
        )
        with self.db.read() as s:
            return [_booking_from_tuple(r) for r in s.execute(query)]

    def import_bookings(self, bookings: Sequence[Booking]) -> None:
        """Add many bookings already held remotely (no outbox), in one transaction."""
        now = utc_now()
        with self.db.write() as s:
            s.execute(
                insert(BookingRow),
                [
                    {
                        **{name: getattr(b, name) for name in _BOOKING_FIELDS},
                        "visit_status": b.visit_status.value,
                        "sync_state": b.sync_state.value,
                        "extra": dict(b.extra),
                        "created_at": now,
                        "updated_at": now,
                    }
                    for b in bookings
                ],
            )
            patients.remember_many(
                s, [(b.patient_name, b.patient_phone, b.patient_email, b.start) for b in bookings]
            )

    # -- history -----------------------------------------------------------------------
    @staticmethod
    def _history(
        s: Session, booking_id: str, event: str, detail: str | None, actor: str | None
    ) -> None:
        s.add(
            HistoryRow(booking_id=booking_id, at=utc_now(), event=event, detail=detail, actor=actor)
        )

    def history(self, booking_id: str) -> list[tuple[datetime, str, str | None, str | None]]:
        with self.db.read() as s:
            rows = s.scalars(
                select(HistoryRow)
                .where(HistoryRow.booking_id == booking_id)
                .order_by(HistoryRow.at, HistoryRow.id)
            )
            return [(r.at, r.event, r.detail, r.actor) for r in rows]


def _what_changed(before: Booking, after: Booking) -> str:
    """The receptionist-visible fields a remote change touched, in words."""
    labels = {
        "start": "time",
        "resource_id": "place",
        "service_id": "service",
        "visit_status": "status",
        "patient_name": "name",
        "patient_phone": "phone",
    }
    return ", ".join(
        word for name, word in labels.items() if getattr(before, name) != getattr(after, name)
    )


def _queued_query(booking_id: str) -> Select[OutboxRow]:
    return (
        select(OutboxRow)
        .where(OutboxRow.booking_id == booking_id, OutboxRow.state == OperationState.QUEUED.value)
        .order_by(OutboxRow.id)
    )


def _fields(obj: object) -> dict[str, Any]:
    slots: tuple[str, ...] = getattr(type(obj), "__slots__", ())
    values = {name: getattr(obj, name) for name in slots}
    return {k: dict(v) if isinstance(v, Mapping) else v for k, v in values.items()}

"""Repositories: the only way the rest of FrontDesk reads and writes the cache.

``Repository`` holds bookings, patients and history; it inherits nothing. Every other side of
the cache is a small store over the same :class:`Database`, composed as an attribute and
owning its own transactions: ``repo.catalogs`` (:class:`CatalogStore`: the connections and
their cached catalogs), ``repo.changes``
(:class:`DeskChanges`: a desk change to a booking and what it owes), ``repo.sending``
(:class:`OutboxSending`: the outbox's state machine once an operation is queued: claims,
answers, a person's word), ``repo.remote`` (:class:`RemoteMerge`: what a pull writes, clashes),
``repo.outbox`` (:class:`OutboxReads`: what waits, what is due, how many), ``repo.staff``
(:class:`StaffStore`), ``repo.audit`` (:class:`AuditTrail`), ``repo.roles``
(:class:`SendingRoles`), ``repo.removal`` (:class:`ConnectionRemoval`) and the desk-local
records of the day. A new booking queues its create in its own transaction through
:mod:`~frontdesk.storage.outbox_store`'s session-level writes. A desk write given an ``audit``
entry appends it in the same transaction as the booking and its history.

Each method opens its own short transaction on :class:`Database` (one session per call, so
any thread may call), and hands back domain objects, never rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import and_, insert, select, text
from sqlalchemy.orm import Session

from frontdesk.domain.audit import BOOKED_FIELDS, Actor, AuditEntry, AuditEvent, label_of
from frontdesk.domain.booking import Booking, BookingGlimpse, VisitStatus
from frontdesk.domain.neighbours import Match
from frontdesk.domain.outbox import (
    Operation,
    OperationKind,
    OperationState,
)
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage import notices, patients, scopes
from frontdesk.storage.asap import AsapStore
from frontdesk.storage.audit import AuditTrail, add_audit, add_audits, add_decision
from frontdesk.storage.blockouts import BlockoutStore
from frontdesk.storage.booking_reads import (
    BookingFields,
    plain_bookings_between,
    plain_fields_between,
    plain_fields_matching,
)
from frontdesk.storage.catalogs import CatalogStore, ConnectionRecord
from frontdesk.storage.columns import ColumnStore
from frontdesk.storage.confirmations import ArrivalStore, ConfirmationStore
from frontdesk.storage.connection_removal import ConnectionRemoval
from frontdesk.storage.db import Database
from frontdesk.storage.outbox_reads import OutboxReads
from frontdesk.storage.outbox_sending import OutboxSending
from frontdesk.storage.outbox_store import (
    DeskChanges,
    StaleBooking,
    Step,
    enqueue_in,
    queue_create_in,
)
from frontdesk.storage.patient_records import PatientRecords
from frontdesk.storage.patients import Patient
from frontdesk.storage.pinboard import PinboardStore
from frontdesk.storage.remote_merge import RemoteMerge
from frontdesk.storage.roles import SendingRoles
from frontdesk.storage.rows import (
    BOOKING_COLUMNS,
    BOOKING_FIELDS,
    GLIMPSE_SQL,
    TABLE,
    Guard,
    add_history,
    booking_of_row,
    booking_of_tuple,
    bookings_between_in,
    copy_into,
    glimpses_of_tuples,
    plain_rows,
    stored_instant,
)
from frontdesk.storage.series import SeriesStore
from frontdesk.storage.staff import StaffStore
from frontdesk.storage.tables import (
    BookingRow,
    HistoryRow,
    OutboxRow,
)

__all__ = ["ConnectionRecord", "Repository", "StaleBooking"]


class Repository:
    """Bookings, patients and history of one store; the smaller stores beside them are its
    attributes (``catalogs``, ``changes``, ``sending``, ``remote``, ``outbox``, ``staff`` ...)."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.catalogs = CatalogStore(db)  # the connections and their cached catalogs
        self.changes = DeskChanges(db)  # a desk change to a booking and what it owes
        self.sending = OutboxSending(db)  # an operation claimed, answered, settled
        self.remote = RemoteMerge(db)  # what a pull writes, clashes
        self.outbox = OutboxReads(db)  # what waits to be sent, what is due, how many
        self.staff = StaffStore(db)
        self.audit = AuditTrail(db)
        self.roles = SendingRoles(db)
        self.removal = ConnectionRemoval(db, self.catalogs.forget_catalogs)
        self.asap = AsapStore(db)  # the ASAP list and the freed slots (storage.asap)
        self.confirmations, self.arrivals = ConfirmationStore(db), ArrivalStore(db)
        self.blockouts = BlockoutStore(db)
        self.pinboard = PinboardStore(db)
        self.series = SeriesStore(db, self)
        self.columns = ColumnStore(db)  # the clinic's columns and views (storage.columns)

    # -- bookings ----------------------------------------------------------------------
    def booking(self, booking_id: str) -> Booking | None:
        with self.db.read() as s:
            row = s.get(BookingRow, booking_id)
            return None if row is None else booking_of_row(row)

    def bookings_between(
        self, start: datetime, end: datetime, connection_id: str | None = None
    ) -> list[Booking]:
        """Bookings starting in ``[start, end)`` (an index range scan), earliest first."""
        # plain rows, not ORM objects: a busy week is thousands of bookings
        with self.db.read() as s:
            return bookings_between_in(s, start, end, connection_id)

    def plain_bookings_between(
        self, start: datetime, end: datetime, connection_id: str | None
    ) -> list[Booking]:
        """:meth:`bookings_between` for whole days of a busy cache (an import's): read on the
        driver's cursor, several times faster per booking (``booking_reads``)."""
        if connection_id is None:
            return self.bookings_between(start, end)
        with self.db.read() as s:
            return plain_bookings_between(s, start, end, connection_id)

    def plain_fields_between(
        self, start: datetime, end: datetime, connection_id: str
    ) -> list[BookingFields]:
        """:meth:`plain_bookings_between` as the bookings' fields, each made a booking with
        :func:`~frontdesk.storage.booking_reads.booking_of_fields` only if needed."""
        with self.db.read() as s:
            return plain_fields_between(s, start, end, connection_id)

    def plain_fields_matching(
        self, start: datetime, end: datetime, connection_id: str, matches: Iterable[Match]
    ) -> list[BookingFields]:
        """:meth:`plain_fields_between` narrowed to the bookings meeting one of ``matches``."""
        with self.db.read() as s:
            return plain_fields_matching(s, start, end, connection_id, matches)

    def bookings_by_ids(self, ids: Sequence[str]) -> list[Booking]:
        """The named bookings that exist (what a change record names), in no order."""
        found: list[Booking] = []
        with self.db.read() as s:
            for first in range(0, len(ids), 500):
                query = select(*BOOKING_COLUMNS).where(TABLE["id"].in_(ids[first : first + 500]))
                found.extend(booking_of_tuple(r) for r in s.connection().execute(query))
        return found

    def glimpses_between(self, start: datetime, end: datetime) -> list[BookingGlimpse]:
        """What the calendars show of the bookings starting in ``[start, end)``, earliest
        first (ties by id): the few columns they need, as plain rows."""
        with self.db.read() as s:
            rows = plain_rows(s, GLIMPSE_SQL, (stored_instant(start), stored_instant(end)))
        return glimpses_of_tuples(rows)

    def book(
        self,
        booking: Booking,
        operation_kind: OperationKind,
        payload: dict[str, Any],
        idempotency_key: str,
        actor: str,
        *,
        patient_records: bool = False,
        guard: Guard | None = None,
        audit: AuditEntry | None = None,
        also: Step | None = None,
    ) -> Operation:
        """Write a new booking and its outbound operation in one transaction.

        ``patient_records``: the API keeps patients apart (VantaX's contacts), so a create of a
        patient whose record is not known waits for a ``CREATE_PATIENT`` queued first (or
        already queued for the same patient); the operation returned is the create.
        ``guard``: called inside the write lock, before anything is written, with a reader of
        the bookings between two instants as they stand then (every desk's pencils included);
        it raises to refuse the booking, and nothing is written. No other write (another
        process, another desk on a shared store) comes between its reading and the booking.
        ``audit``: the audit trail's line, appended in the same transaction. ``also``: a further
        write of the same transaction (:data:`~frontdesk.storage.outbox_store.Step`), after the
        booking: if it raises, nothing is written.
        """

        def write() -> Operation:
            with self.db.write(scoped=True) as s:
                return self.book_in(
                    s,
                    booking,
                    operation_kind,
                    payload,
                    idempotency_key,
                    actor,
                    patient_records=patient_records,
                    guard=guard,
                    audit=audit,
                    also=also,
                )

        return scopes.retrying(write)

    def book_in(
        self,
        s: Session,
        booking: Booking,
        operation_kind: OperationKind,
        payload: dict[str, Any],
        idempotency_key: str,
        actor: str,
        *,
        patient_records: bool = False,
        guard: Guard | None = None,
        audit: AuditEntry | None = None,
        detail: str = "booked at the desk",
        also: Step | None = None,
    ) -> Operation:
        """:meth:`book`'s write in the transaction ``s`` (several bookings that land together,
        a series: ``storage.series``)."""
        scopes.lock_booking(s, booking.id)
        if guard is not None:
            guard(scopes.locked_reader(s))
        scopes.lock_days_of(s, booking)
        scopes.lock_patient(s, booking)
        row = BookingRow(created_at=utc_now())
        copy_into(row, booking)
        s.add(row)
        s.flush()
        patients.remember(
            s,
            booking.patient_name,
            booking.patient_phone,
            booking.patient_email,
            booking.start,
        )
        if operation_kind is OperationKind.CREATE:
            records = PatientRecords(s) if patient_records else None
            op = queue_create_in(s, booking, idempotency_key, records, payload)
        else:
            op = enqueue_in(s, booking, operation_kind, payload, idempotency_key)
        add_history(s, booking.id, "created", detail, actor)
        if audit is not None:
            add_audit(s, audit)
        if also is not None:
            also(s)
        return op

    def book_many(
        self,
        bookings: Sequence[Booking],
        actor: str,
        detail: str,
        *,
        patient_records: bool = False,
        audit: AuditEntry | None = None,
    ) -> int:
        """Write new bookings, each with its create operation, all in one transaction (an
        import lands whole or not at all). Bookings whose id is already cached are skipped;
        returns how many were written. ``patient_records`` as for :meth:`book`: the bookings of
        one new patient share one ``CREATE_PATIENT``; without patient records the rows go in as
        three bulk inserts (bookings, their creates in order, their history). ``audit``: each
        booking written gets this audit line (with its id and what it holds), in the same
        transaction."""
        made: list[Booking] = []
        with self.db.write() as s:
            if not patient_records:
                return self._insert_creates(s, bookings, actor, detail, audit)
            records = PatientRecords(s)
            for booking in bookings:
                if s.get(BookingRow, booking.id) is not None:
                    continue
                row = BookingRow(created_at=utc_now())
                copy_into(row, booking)
                s.add(row)
                s.flush()
                queue_create_in(s, booking, f"create:{booking.id}", records)
                add_history(s, booking.id, "created", detail, actor)
                made.append(booking)
            if audit is not None:
                add_audits(s, audit, made, BOOKED_FIELDS)
        return len(made)

    def _insert_creates(
        self,
        s: Session,
        bookings: Sequence[Booking],
        actor: str,
        detail: str,
        audit: AuditEntry | None = None,
    ) -> int:
        """:meth:`book_many`'s bookings with their creates, the ones not cached yet (the first
        of one id), as bulk inserts in ``s``."""
        ids = [b.id for b in bookings]
        cached: set[str] = set()
        for first in range(0, len(ids), 500):
            chunk = ids[first : first + 500]
            cached.update(s.scalars(select(BookingRow.id).where(BookingRow.id.in_(chunk))))
        fresh: dict[str, Booking] = {}
        for booking in bookings:
            if booking.id not in cached:
                fresh.setdefault(booking.id, booking)
        if not fresh:
            return 0
        now = utc_now()
        notices.changed_everything(s)  # bulk inserts no flush shows
        s.execute(
            insert(BookingRow),
            [
                {
                    **{name: getattr(b, name) for name in BOOKING_FIELDS},
                    "visit_status": b.visit_status.value,
                    "sync_state": b.sync_state.value,
                    "extra": dict(b.extra),
                    "created_at": now,
                    "updated_at": now,
                }
                for b in fresh.values()
            ],
        )
        s.execute(
            insert(OutboxRow),
            [
                {
                    "booking_id": b.id,
                    "connection_id": b.connection_id,
                    "kind": OperationKind.CREATE.value,
                    "payload": {},
                    "idempotency_key": f"create:{b.id}",
                    "state": OperationState.QUEUED.value,
                    "attempts": 0,
                    "next_attempt_at": now,
                    "created_at": now,
                }
                for b in fresh.values()
            ],
        )
        s.execute(
            insert(HistoryRow),
            [
                {
                    "booking_id": b.id,
                    "at": now,
                    "event": "created",
                    "detail": detail,
                    "actor": actor,
                }
                for b in fresh.values()
            ],
        )
        if audit is not None:
            add_audits(s, audit, list(fresh.values()), BOOKED_FIELDS)
        return len(fresh)

    def save_booking(
        self, booking: Booking, event: str, detail: str | None, actor: str | None
    ) -> None:
        with self.db.write() as s:
            row = s.get_one(BookingRow, booking.id)
            copy_into(row, booking)
            add_history(s, booking.id, event, detail, actor)

    def needs_attention(self, limit: int = 500) -> list[Booking]:
        """Active bookings a remote refused, that a person must look at, earliest first."""
        query = (
            select(*BOOKING_COLUMNS)
            .where(
                # a literal, not a parameter: it is what lets SQLite use the partial index
                text("bookings.sync_state = 'needs_attention'"),
                BookingRow.visit_status != VisitStatus.CANCELLED.value,
            )
            .order_by(BookingRow.start)
            .limit(limit)
        )
        with self.db.read() as s:
            return [booking_of_tuple(r) for r in s.execute(query)]

    def add_note(self, booking_id: str, note: str, actor: Actor | str) -> None:
        """Append a desk note to the booking (kept here; no remote API takes it), with its
        audit line."""
        with self.db.write() as s:
            row = s.get_one(BookingRow, booking_id)
            before = booking_of_row(row)
            row.notes = f"{row.notes}\n{note}" if row.notes else note
            row.updated_at = utc_now()
            add_history(s, booking_id, "note", note, label_of(actor))
            after = before.with_changes(notes=row.notes)
            add_decision(s, AuditEvent.NOTE_ADDED, actor, booking_id, "a note", before, after)

    # -- patients ----------------------------------------------------------------------
    def search_patients(self, text: str, limit: int = 12, offset: int = 0) -> list[Patient]:
        """Patients any part of whose name words, or whose phone or email, start with what was
        typed; most recently booked first. Index range scans only, so it keeps up with typing
        on a large cache."""
        query = patients.search_query(text, limit, offset)
        if query is None:
            return []
        with self.db.read() as s:
            return [
                Patient(r.name, r.phone, r.email, r.last_seen, r.bookings) for r in s.scalars(query)
            ]

    def count_patients(self, text: str) -> int:
        """How many patients :meth:`search_patients` finds for ``text`` in all."""
        query = patients.count_query(text)
        if query is None:
            return 0
        with self.db.read() as s:
            return int(s.scalar(query) or 0)

    def phones_on_file(self, names: Sequence[str]) -> dict[str, list[str]]:
        """The patient index's phone numbers of each name (``patients.phones_of_names``: keyed
        by the folded name, the most recently seen first), for a booking that has none."""
        with self.db.read() as s:
            return patients.phones_of_names(s, names)

    def bookings_of(self, phone: str, limit: int = 50) -> list[Booking]:
        """The bookings made with this phone number, latest first."""
        query = (
            select(*BOOKING_COLUMNS)
            .where(BookingRow.patient_phone == phone)
            .order_by(BookingRow.start.desc())
            .limit(limit)
        )
        with self.db.read() as s:
            return [booking_of_tuple(r) for r in s.execute(query)]

    def bookings_of_patient(
        self, patient: Patient, limit: int = 50, now: datetime | None = None
    ) -> list[Booking]:
        """The bookings of one patient of the index (the same name and phone, or, for a
        patient with no phone, the same name and no phone): the coming ones first, soonest
        first, then the past ones, latest first (what a receptionist looks for)."""
        key = patients.patient_key(patient.name, patient.phone)
        if patient.phone.strip():
            where = BookingRow.patient_phone == patient.phone
        else:  # by name: ix_bookings_patient_name
            where = and_(BookingRow.patient_name == patient.name, BookingRow.patient_phone == "")
        now = now or utc_now()
        coming = select(*BOOKING_COLUMNS).where(where, BookingRow.start >= now)
        past = select(*BOOKING_COLUMNS).where(where, BookingRow.start < now)
        found: list[Booking] = []
        with self.db.read() as s:
            for query in (
                coming.order_by(BookingRow.start.asc()),
                past.order_by(BookingRow.start.desc()),
            ):
                for row in s.execute(query.limit(limit * 4)):
                    booking = booking_of_tuple(row)
                    if patients.patient_key(booking.patient_name, booking.patient_phone) == key:
                        found.append(booking)
                    if len(found) == limit:
                        return found
        return found

    def import_bookings(self, bookings: Sequence[Booking]) -> None:
        """Add many bookings already held remotely (no outbox), in one transaction."""
        now = utc_now()
        with self.db.write() as s:
            notices.changed_everything(s)  # a bulk insert no flush shows
            s.execute(
                insert(BookingRow),
                [
                    {
                        **{name: getattr(b, name) for name in BOOKING_FIELDS},
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

    def history(self, booking_id: str) -> list[tuple[datetime, str, str | None, str | None]]:
        with self.db.read() as s:
            rows = s.scalars(
                select(HistoryRow)
                .where(HistoryRow.booking_id == booking_id)
                .order_by(HistoryRow.at, HistoryRow.id)
            )
            return [(r.at, r.event, r.detail, r.actor) for r in rows]

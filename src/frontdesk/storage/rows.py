"""Between the cache's rows and the domain's objects: the booking columns read as plain rows
(a busy week is thousands), the calendars' glimpses and a span's windows read on the driver's
cursor, the conversions both ways, and the history a write leaves."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, time
from operator import itemgetter
from typing import Any

from sqlalchemy import Select, String, bindparam, select, type_coerce
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from frontdesk.domain.booking import Booking, BookingGlimpse, SyncState, VisitStatus
from frontdesk.domain.catalog import Window
from frontdesk.domain.merge import snapshot
from frontdesk.domain.outbox import (
    CLOSED,
    Operation,
    OperationKind,
    OperationState,
    Transition,
    after,
)
from frontdesk.domain.sensitive import remember_patients
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage.plain import BookingsBetween as BookingsBetween
from frontdesk.storage.plain import Guard as Guard
from frontdesk.storage.tables import BookingRow, HistoryRow, OutboxRow, WindowRow

BOOKING_FIELDS = [
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


def booking_of_row(row: BookingRow) -> Booking:
    values: dict[str, Any] = {name: getattr(row, name) for name in BOOKING_FIELDS}
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
# A field the table has no column for (added to the domain with a default) keeps its default:
# rows are then made by keyword, a little slower.
TABLE = BookingRow.__table__.c
_FIELDS = [f.name for f in dataclasses.fields(Booking)]
_ORDER = [name for name in _FIELDS if name in TABLE]
_BY_POSITION = _ORDER == _FIELDS
BOOKING_COLUMNS = [
    type_coerce(TABLE[name], String) if name in ("start", "end") else TABLE[name] for name in _ORDER
]
_START, _END = _ORDER.index("start"), _ORDER.index("end")
_VISIT_AT, _SYNC_AT = _ORDER.index("visit_status"), _ORDER.index("sync_state")
_WINDOW_TABLE = WindowRow.__table__.c
_WINDOW_FIELDS = [f.name for f in dataclasses.fields(Window)]
WINDOW_ORDER = [name for name in _WINDOW_FIELDS if name in _WINDOW_TABLE]
_WINDOW_BY_POSITION = WINDOW_ORDER == _WINDOW_FIELDS
VISIT = {v.value: v for v in VisitStatus}
SYNC = {v.value: v for v in SyncState}


def window_of_tuple(row: Sequence[Any]) -> Window:
    if _WINDOW_BY_POSITION:
        return Window(*row)
    return Window(**dict(zip(WINDOW_ORDER, row, strict=True)))


# The windows of one connection's days (a week of 30 resources is hundreds), on the driver's
# cursor like the glimpses below: the day and times as stored text, parsed once each.
WINDOWS_SQL = str(
    select(
        *(
            type_coerce(_WINDOW_TABLE[name], String)
            if name in ("day", "start", "end")
            else _WINDOW_TABLE[name]
            for name in WINDOW_ORDER
        )
    )
    .where(
        _WINDOW_TABLE["connection_id"] == bindparam("connection_id"),
        _WINDOW_TABLE["day"] >= bindparam("first"),
        _WINDOW_TABLE["day"] <= bindparam("last"),
    )
    .order_by(_WINDOW_TABLE["day"], _WINDOW_TABLE["start"])
    .compile(dialect=sqlite.dialect())
)
_DAY_AT, _OPENS_AT, _CLOSES_AT = (WINDOW_ORDER.index(n) for n in ("day", "start", "end"))
_FLAGS_AT = [WINDOW_ORDER.index(n) for n in ("open", "exact") if n in WINDOW_ORDER]


def windows_of_tuples(rows: Iterable[Sequence[Any]]) -> list[Window]:
    """Rows of ``WINDOWS_SQL`` as windows."""
    days: dict[str, date] = {}
    walls: dict[str, time] = {}
    found = []
    for row in rows:
        values = list(row)
        text = values[_DAY_AT]
        if text not in days:
            days[text] = text if isinstance(text, date) else date.fromisoformat(text)
        values[_DAY_AT] = days[text]
        for at in (_OPENS_AT, _CLOSES_AT):
            text = values[at]
            if text not in walls:
                walls[text] = text if isinstance(text, time) else time.fromisoformat(text)
            values[at] = walls[text]
        for at in _FLAGS_AT:
            values[at] = bool(values[at])
        found.append(window_of_tuple(values))
    return found


def plain_rows(session: Session, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` from the driver's cursor, in the session's transaction: where a read
    is thousands of rows, SQLAlchemy's row objects are a third of its time. ``sql`` is written
    for SQLite (``?`` parameters, which none of these statements holds otherwise); PostgreSQL's
    driver takes ``%s`` and answers dates, times and instants as such, not as text."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        sql = sql.replace("?", "%s")
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, params)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _instant(text: str | datetime) -> datetime:
    """A stored instant (naive UTC: text from SQLite, a datetime from PostgreSQL), aware."""
    found = text if isinstance(text, datetime) else datetime.fromisoformat(text)
    return found.replace(tzinfo=UTC)


def booking_of_tuple(row: Sequence[Any]) -> Booking:
    values = list(row)
    values[_START] = _instant(values[_START])
    values[_END] = _instant(values[_END])
    values[_VISIT_AT] = VISIT[values[_VISIT_AT]]
    values[_SYNC_AT] = SYNC[values[_SYNC_AT]]
    if _BY_POSITION:
        return Booking(*values)
    return Booking(**dict(zip(_ORDER, values, strict=True)))


# What the calendars show of a booking (:class:`BookingGlimpse`), in its field order, for the
# bookings starting in a range; the instants as stored text, as above (see ``plain_rows``).
GLIMPSE_SQL = str(
    select(
        *(
            type_coerce(TABLE[name], String) if name in ("start", "end") else TABLE[name]
            for name in BookingGlimpse._fields
        )
    )
    .where(TABLE["start"] >= bindparam("first"), TABLE["start"] < bindparam("last"))
    .order_by(TABLE["start"], TABLE["id"])
    .compile(dialect=sqlite.dialect())
)


def stored_instant(instant: datetime) -> str:
    """An aware instant as the cache stores it (naive UTC text, as ``_instant`` reads it)."""
    if instant.tzinfo is None:
        raise ValueError("naive datetime given for a UTC column")
    return f"{instant.astimezone(UTC):%Y-%m-%d %H:%M:%S.%f}"


def glimpses_of_tuples(rows: Iterable[Sequence[Any]]) -> list[BookingGlimpse]:
    """Rows of ``GLIMPSE_SQL`` as glimpses. A week repeats the same few hundred start and
    end times, so each stored instant is parsed once."""
    instants: dict[str, datetime] = {}
    found: list[BookingGlimpse] = []
    add = found.append
    new = tuple.__new__
    visits, syncs = VISIT, SYNC
    for row in rows:
        id_, cid, sid, rid, start_text, end_text, name, phone, visit, sync, problem = row
        start = instants.get(start_text)
        if start is None:
            start = instants[start_text] = _instant(start_text)
        end = instants.get(end_text)
        if end is None:
            end = instants[end_text] = _instant(end_text)
        glimpse = (id_, cid, sid, rid, start, end, name, phone, visits[visit], syncs[sync], problem)
        add(new(BookingGlimpse, glimpse))
    remember_patients(map(_WHO, found))  # never logged: masked wherever a log shows them
    return found


_WHO = itemgetter(
    BookingGlimpse._fields.index("patient_name"), BookingGlimpse._fields.index("patient_phone")
)


def copy_into(row: BookingRow, booking: Booking) -> None:
    for name in BOOKING_FIELDS:
        setattr(row, name, getattr(booking, name))
    row.visit_status = booking.visit_status.value
    row.sync_state = booking.sync_state.value
    row.extra = dict(booking.extra)
    row.updated_at = utc_now()


def set_base(row: BookingRow, remote: Booking, clash: Sequence[str] = ()) -> None:
    """Remember ``remote`` as the remote's view of ``row`` (the base of the next merge), and
    the parts of it in a clash not yet settled."""
    row.remote_base = {"view": snapshot(remote), "clash": list(clash)}


def settle_clash(row: BookingRow) -> None:
    """Forget that ``row`` is in a clash (the remote's view stays the base of the next merge)."""
    if row.remote_base:
        row.remote_base = {**row.remote_base, "clash": []}


def operation_of_row(row: OutboxRow) -> Operation:
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
        depends_on=row.depends_on,
        claimed_by=row.claimed_by,
        takeovers=row.takeovers,
    )


def queued_query(booking_id: str) -> Select[OutboxRow]:
    return (
        select(OutboxRow)
        .where(OutboxRow.booking_id == booking_id, OutboxRow.state == OperationState.QUEUED.value)
        .order_by(OutboxRow.id)
    )


_KEEP = object()


def advance(row: OutboxRow, transition: Transition, error: object = _KEEP) -> None:
    """Move an outbox row through the outbox's state machine
    (:func:`~frontdesk.domain.outbox.after`): its new state, when it closed (``done_at``), and
    ``error`` as its last error when given."""
    state = after(OperationState(row.state), transition)
    row.state = state.value
    row.done_at = utc_now() if state in CLOSED else None
    if error is not _KEEP:
        row.last_error = error  # type: ignore[assignment]


def add_history(
    s: Session, booking_id: str, event: str, detail: str | None, actor: str | None
) -> None:
    s.add(HistoryRow(booking_id=booking_id, at=utc_now(), event=event, detail=detail, actor=actor))


def bookings_between_in(
    s: Session, start: datetime, end: datetime, connection_id: str | None
) -> list[Booking]:
    """The bookings starting in ``[start, end)`` (of one connection, or all), earliest first,
    read in the session's transaction."""
    query = select(*BOOKING_COLUMNS).where(TABLE["start"] >= start, TABLE["start"] < end)
    if connection_id is not None:
        query = query.where(TABLE["connection_id"] == connection_id)
    rows = s.connection().execute(query.order_by(TABLE["start"], TABLE["id"]))
    return [booking_of_tuple(r) for r in rows]

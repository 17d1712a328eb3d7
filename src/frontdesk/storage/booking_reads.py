"""One connection's whole bookings of a span, read on the driver's cursor (an index range scan
of ``ix_bookings_connection_start``): what an import's days need, thousands of bookings a day
in a busy cache, where SQLAlchemy's row processing would be most of the time. Each stored
instant is parsed once per distinct value (a day repeats the same few hundred times)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import String, bindparam, select, type_coerce
from sqlalchemy.dialects import sqlite
from sqlalchemy.orm import Session

from frontdesk.domain.booking import Booking
from frontdesk.domain.neighbours import COLUMNS, ColumnTest, Match
from frontdesk.storage.rows import (
    _BY_POSITION,
    _END,
    _ORDER,
    _START,
    _SYNC_AT,
    _VISIT_AT,
    SYNC,
    TABLE,
    VISIT,
    _instant,
    plain_rows,
    stored_instant,
)

_EXTRA_AT = _ORDER.index("extra")
BOOKINGS_SQL = str(
    select(
        *(
            type_coerce(TABLE[name], String) if name in ("start", "end", "extra") else TABLE[name]
            for name in _ORDER
        )
    )
    .where(
        TABLE["connection_id"] == bindparam("connection_id"),
        TABLE["start"] >= bindparam("first"),
        TABLE["start"] < bindparam("last"),
    )
    .order_by(TABLE["start"], TABLE["id"])
    .compile(dialect=sqlite.dialect())
)


def plain_bookings_between(
    s: Session, start: datetime, end: datetime, connection_id: str
) -> list[Booking]:
    """The connection's bookings starting in ``[start, end)``, earliest first (ties by id):
    the same as ``rows.bookings_between_in``, read faster."""
    params = (connection_id, stored_instant(start), stored_instant(end))
    return bookings_of_plain_rows(plain_rows(s, BOOKINGS_SQL, params))


def bookings_of_plain_rows(rows: Iterable[Sequence[Any]]) -> list[Booking]:
    """Rows of ``BOOKINGS_SQL`` as bookings."""
    return [booking_of_fields(fields) for fields in fields_of_plain_rows(rows)]


def plain_fields_between(
    s: Session, start: datetime, end: datetime, connection_id: str
) -> list[BookingFields]:
    """:func:`plain_bookings_between` as :class:`BookingFields`, each made a booking only if
    it is needed (``booking_of_fields``): an import files a day's thousands by their keys and
    hands the rules a few dozen."""
    params = (connection_id, stored_instant(start), stored_instant(end))
    return fields_of_plain_rows(plain_rows(s, BOOKINGS_SQL, params))


def plain_fields_matching(
    s: Session, start: datetime, end: datetime, connection_id: str, matches: Iterable[Match]
) -> list[BookingFields]:
    """:func:`plain_fields_between` narrowed to the bookings that meet one of ``matches``
    (``domain.neighbours``), in the same order: the range is scanned in the database, and only
    the bookings that pass are made fields. No matches: none."""
    where, values = matching_sql(matches)
    if not where:
        return []
    sql = BOOKINGS_SQL.replace(" ORDER BY ", f" AND ({where}) ORDER BY ", 1)
    params = (connection_id, stored_instant(start), stored_instant(end), *values)
    return fields_of_plain_rows(plain_rows(s, sql, params))


def matching_sql(matches: Iterable[Match]) -> tuple[str, list[str]]:
    """The condition a booking meeting one of ``matches`` passes, and its parameters in order
    (``?`` ones): tests of one column alone as an ``IN`` list, the others each in brackets."""
    alone: dict[str, set[str]] = {}
    together: list[Match] = []
    for match in dict.fromkeys(matches):
        if len(match) == 1 and not match[0].digits:
            alone.setdefault(match[0].column, set()).add(match[0].value)
        elif match:
            together.append(match)
    terms: list[str] = []
    values: list[str] = []
    for column, wanted in sorted(alone.items()):
        terms.append(f"{_COLUMN_SQL[column]} IN ({', '.join('?' * len(wanted))})")
        values.extend(sorted(wanted))
    for match in together:
        terms.append("(" + " AND ".join(_test_sql(test, values) for test in match) + ")")
    return " OR ".join(terms), values


def _test_sql(test: ColumnTest, values: list[str]) -> str:
    if test.digits:  # the digits in order, anything between: a superset, checked again
        values.append("%" + "%".join(_NOT_DIGITS.sub("", test.value)) + "%")
        return f"{_COLUMN_SQL[test.column]} LIKE ?"
    values.append(test.value)
    return f"{_COLUMN_SQL[test.column]} = ?"


_COLUMN_SQL = {name: str(TABLE[name].compile(dialect=sqlite.dialect())) for name in COLUMNS}
_NOT_DIGITS = re.compile(r"[^0-9]")


class BookingFields(tuple[Any, ...]):
    """A booking's field values, parsed, in its field order, read by name like the booking
    (``fields.start``, ``fields.patient_phone``): a tuple, several times cheaper to make
    than the frozen :class:`Booking` it becomes (:func:`booking_of_fields`)."""

    __slots__ = ()
    id: str  # (each field is a property by its name, set below; these for typing)
    start: datetime
    end: datetime


for _at, _name in enumerate(_ORDER):
    setattr(BookingFields, _name, property(itemgetter(_at)))


def booking_of_fields(fields: Sequence[Any]) -> Booking:
    if _BY_POSITION:
        return Booking(*fields)
    return Booking(**dict(zip(_ORDER, fields, strict=True)))


def fields_of_plain_rows(rows: Iterable[Sequence[Any]]) -> list[BookingFields]:
    """Rows of ``BOOKINGS_SQL`` as booking fields: instants as stored (text from SQLite,
    datetimes from PostgreSQL) parsed once each, ``extra`` as stored JSON text or as the
    driver's dict."""
    instants: dict[str | datetime, datetime] = {}
    found: list[BookingFields] = []
    add = found.append
    new = tuple.__new__
    for row in rows:
        values = list(row)
        for at in (_START, _END):
            stored = values[at]
            instant = instants.get(stored)
            if instant is None:
                instant = instants[stored] = _instant(stored)
            values[at] = instant
        extra = values[_EXTRA_AT]
        if isinstance(extra, str):
            values[_EXTRA_AT] = {} if extra == "{}" else json.loads(extra)
        else:
            values[_EXTRA_AT] = dict(extra or {})
        values[_VISIT_AT] = VISIT[values[_VISIT_AT]]
        values[_SYNC_AT] = SYNC[values[_SYNC_AT]]
        add(new(BookingFields, values))
    return found

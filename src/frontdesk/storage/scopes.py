"""What a desk's booking write locks on a clinic's shared store: the days it judges, not the
database.

On PostgreSQL most writes (the sync engine's claims and answers, pulls, imports, settings) take
the store's write lock exclusively: one at a time, as SQLite's one writer. A desk's booking, move,
cancel or status mark is *scoped* instead: it takes the write lock shared, so such writes run
side by side, and then a transaction-scoped advisory lock on each thing its decision rests on:

- the booking (two desks changing one booking take turns; the second sees the first's version);
- each UTC day of each range of bookings its offline rules read, and of the booking itself,
  per connection: a booking's verdict rests only on the bookings of the days its rules read, so
  two desks booking into the same window (or neighbouring ones a rule counts together) take
  turns and the second is judged among the first's booking, while a booking for another day
  or another booking system goes on at once;
- the patient (their record in the patients' index, and on an API that keeps patients apart
  the one ``CREATE_PATIENT`` their bookings share).

Locks are taken in one order: the booking, then the days (each range's days at once, lowest
first; the rules read one range), then the patient, so two scoped writes do not wait on each
other in a circle. Should they still (a rule set reading two ranges), PostgreSQL stops one with
a deadlock error, which :class:`frontdesk.storage.db.Database` turns into
:class:`WriteConflict`, and the repository runs the write again from its start. On SQLite
every write holds the database alone and nothing here takes a lock.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from sqlalchemy import text
from sqlalchemy.orm import Session

from frontdesk.domain.booking import Booking
from frontdesk.storage.patients import patient_key
from frontdesk.storage.rows import BookingsBetween, bookings_between_in

log = logging.getLogger("frontdesk.storage")

# a write conflict is retried this many times before it is raised
WRITE_ATTEMPTS = 4
T = TypeVar("T")


class WriteConflict(Exception):
    """Two scoped writes waited on each other; the store stopped this one. Nothing of it was
    written: run it again."""


def lock_key(*parts: str) -> int:
    """The advisory lock key (a signed 64-bit number) of a scope named by ``parts``."""
    digest = hashlib.blake2b("\x1f".join(("frontdesk", *parts)).encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big", signed=True)


def _shared(s: Session) -> bool:
    return s.get_bind().dialect.name != "sqlite"


def lock(s: Session, keys: list[int]) -> None:
    """Take the advisory locks ``keys`` for the rest of the transaction (lowest first), on a
    shared store; nothing on SQLite."""
    if not keys or not _shared(s):
        return
    for key in sorted(set(keys)):
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def day_keys(connection_id: str, first: datetime, last: datetime) -> list[int]:
    """The keys of every UTC day of ``[first, last)`` of one connection."""
    day = first.astimezone(UTC).date()
    end = (max(last, first + timedelta(microseconds=1)) - timedelta(microseconds=1)).astimezone(UTC)
    keys: list[int] = []
    while day <= end.date():
        keys.append(lock_key("day", connection_id, day.isoformat()))
        day += timedelta(days=1)
    return keys


def lock_booking(s: Session, booking_id: str) -> None:
    """The booking itself: taken first, before any day."""
    lock(s, [lock_key("booking", booking_id)])


def lock_days_of(s: Session, booking: Booking) -> None:
    """The days the booking occupies (after its rules' reads, which mostly hold them already)."""
    lock(s, day_keys(booking.connection_id, booking.start, booking.end))


def lock_patient(s: Session, booking: Booking) -> None:
    """The patient: taken last."""
    lock(s, [lock_key("patient", patient_key(booking.patient_name, booking.patient_phone))])


def locked_reader(s: Session) -> BookingsBetween:
    """A reader of the bookings between two instants that first locks the days it reads (of
    one connection; of every connection when none is named)."""

    def read(first: datetime, last: datetime, connection_id: str | None) -> list[Booking]:
        if connection_id is None:  # the days of every connection: no scope names them
            raise ValueError("a scoped write reads the bookings of one connection")
        lock(s, day_keys(connection_id, first, last))
        return bookings_between_in(s, first, last, connection_id)

    return read


def retrying(write: Callable[[], T]) -> T:
    """Run the scoped write ``write`` (its own transaction), again after a conflict."""
    for _ in range(WRITE_ATTEMPTS - 1):
        try:
            return write()
        except WriteConflict:
            log.info("a booking write met another desk's; writing it again")
    return write()

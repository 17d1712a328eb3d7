"""The bookings an import judges its rows among: the cache's, read once per org-local day and
kept for the whole import, and the rows accepted so far, both kept by day and by key.

A row's rules read the bookings of the few local days around it that they declare
(``Connector.context_days``), and of those only the ones sharing a key with it can change
their verdict (``Connector.neighbour_keys``: HuskyVoice's branch, patient and reference, a
meetergo host...). The rows of a file fall on the same days again and again, so each day is
read from the cache once (the days a row lacks in one range read, split at the days' bounds),
and each row is handed only its neighbours: the cached bookings and accepted rows of its days
that share a key with it. A row costs the same however long the file or busy its days.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import cast

from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import local_day_bounds, to_local
from frontdesk.storage.booking_reads import BookingFields, booking_of_fields
from frontdesk.storage.rows import BookingsBetween

# Where a booking stands among those handed to the rules: the cache's first (as read,
# earliest first), then the accepted rows in the order they were accepted.
Place = tuple[int, int, int]
Keys = Callable[[Booking], frozenset[Hashable] | None]
# The cache's bookings of a span as their fields (``Repository.plain_fields_between``): a
# cached booking is made a ``Booking`` only when a row is handed it, a few dozen of a day's
# hundreds; its keys are read from its fields, by the same names.
ReadFields = Callable[[datetime, datetime, str], list[BookingFields]]
Held = Booking | BookingFields


@dataclass
class _Day:
    """One local day's bookings: all, by key, and those weighed against every row."""

    every: list[tuple[Place, Held]] = field(default_factory=list)
    by_key: dict[Hashable, list[tuple[Place, Held]]] = field(default_factory=dict)
    keyless: list[tuple[Place, Held]] = field(default_factory=list)

    def add(self, place: Place, booking: Held, keys: frozenset[Hashable] | None) -> None:
        entry = (place, booking)
        self.every.append(entry)
        if keys is None:
            self.keyless.append(entry)
            return
        for key in keys:
            self.by_key.setdefault(key, []).append(entry)

    def sharing(self, keys: frozenset[Hashable] | None) -> list[tuple[Place, Held]]:
        if keys is None:
            return self.every
        found = [*self.keyless]
        for key in keys:
            found.extend(self.by_key.get(key, ()))
        return found


class DayBookings:
    """One connection's bookings by org-local day (``zone_name``, its catalog's zone): the
    cache's as ``read`` gives them, and the accepted rows added by :meth:`accept`, each
    filed under its ``keys``."""

    def __init__(self, read: ReadFields, connection_id: str, zone_name: str, keys: Keys) -> None:
        self._read = read
        self._made: dict[Place, Booking] = {}  # the cached bookings made so far
        self._connection_id = connection_id
        self._zone = zone_name
        self._keys = keys
        self._days: dict[date, _Day] = {}
        self._accepted = 0

    def neighbours(self, booking: Booking, *, accepted: bool = True) -> BookingsBetween:
        """A ``BookingsBetween`` for judging ``booking``: the bookings starting in the range
        asked that share a key with it (every one where it or they have none): the cache's,
        earliest first, then (unless not ``accepted``) the accepted rows, in their order."""
        keys = self._keys(booking)

        def between(start: datetime, end: datetime, connection_id: str | None) -> list[Booking]:
            if connection_id != self._connection_id:
                raise ValueError(f"bookings of {self._connection_id!r}, not {connection_id!r}")
            days = self._days_of(start, end)
            self._read_missing(days)
            found: dict[Place, Held] = {}
            for day in days:
                for place, other in self._days[day].sharing(keys):
                    if (accepted or place[0] == 0) and start <= other.start < end:
                        found[place] = other
            return [self._booking(place, found[place]) for place in sorted(found)]

        return between

    def accept(self, booking: Booking) -> None:
        """Count ``booking`` (an accepted row) from now on."""
        day = to_local(booking.start, self._zone).date()
        self._read_missing([day])
        self._days[day].add((1, self._accepted, 0), booking, self._keys(booking))
        self._accepted += 1

    def _booking(self, place: Place, held: Held) -> Booking:
        if isinstance(held, Booking):
            return held
        made = self._made.get(place)
        if made is None:
            made = self._made[place] = booking_of_fields(held)
        return made

    def _days_of(self, start: datetime, end: datetime) -> list[date]:
        if end <= start:
            return []
        first = to_local(start, self._zone).date()
        last = to_local(end - timedelta(microseconds=1), self._zone).date()
        return [first + timedelta(days=n) for n in range((last - first).days + 1)]

    def _read_missing(self, days: list[date]) -> None:
        """Read each run of consecutive days not read yet in one range, and file it by day."""
        run: list[date] = []
        for day in [*days, None]:
            if day is not None and day not in self._days:
                run.append(day)
                continue
            if run:
                self._read_run(run)
                run = []

    def _read_run(self, days: list[date]) -> None:
        lo = local_day_bounds(days[0], self._zone)[0]
        hi = local_day_bounds(days[-1], self._zone)[1]
        bookings = self._read(lo, hi, self._connection_id)
        starts = [b.start for b in bookings]
        cut = 0
        for day in days:
            end = bisect_left(starts, local_day_bounds(day, self._zone)[1])
            filed = self._days[day] = _Day()
            ordinal = day.toordinal()
            # _Day.add, inlined: a day of a busy cache is hundreds of bookings
            every, by_key, keyless, keys = filed.every, filed.by_key, filed.keyless, self._keys
            for n in range(cut, end):
                fields = bookings[n]  # read by name as a booking is: its keys need no more
                entry: tuple[Place, Held] = ((0, ordinal, n), fields)
                every.append(entry)
                found = keys(cast(Booking, fields))
                if found is None:
                    keyless.append(entry)
                    continue
                for key in found:
                    filed_under = by_key.get(key)
                    if filed_under is None:
                        by_key[key] = [entry]
                    else:
                        filed_under.append(entry)
            cut = end

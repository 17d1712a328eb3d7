"""The bookings an import judges its rows among: the cache's, read once per org-local day and
kept for the whole import, and the rows accepted so far, kept by day.

A row's rules read the bookings of the few local days around it that they declare
(``Connector.context_days``). The rows of a file fall on the same days again and again, so
each day is read from the cache once (the days a row lacks in one range read, split at the
days' bounds) and each row sees only the accepted rows of its own days, not every row before
it: an import's time grows with its rows and the days they touch, not with their square.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, datetime, timedelta

from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import local_day_bounds, to_local
from frontdesk.storage.rows import BookingsBetween


class DayBookings:
    """One connection's bookings by org-local day (``zone_name``, its catalog's zone): the
    cache's as ``read`` gives them, and the accepted rows added by :meth:`accept`."""

    def __init__(self, read: BookingsBetween, connection_id: str, zone_name: str) -> None:
        self._read = read
        self._connection_id = connection_id
        self._zone = zone_name
        # a day's cached bookings, earliest first, with their starts (to cut a range)
        self._cached: dict[date, tuple[list[datetime], list[Booking]]] = {}
        # a day's accepted rows, with the order they were accepted in
        self._accepted: dict[date, list[tuple[int, Booking]]] = {}
        self._count = 0

    def between(self, start: datetime, end: datetime, connection_id: str | None) -> list[Booking]:
        """A ``BookingsBetween``: the cached bookings starting in ``[start, end)``, earliest
        first, then the accepted rows starting there, in the order they were accepted."""
        return self.cached(start, end, connection_id) + self._accepted_between(start, end)

    def cached(self, start: datetime, end: datetime, connection_id: str | None) -> list[Booking]:
        """A ``BookingsBetween`` of the cache alone: its bookings starting in ``[start, end)``,
        earliest first; a day not read yet is read now, once."""
        if connection_id != self._connection_id:
            raise ValueError(f"bookings of {self._connection_id!r} asked for {connection_id!r}")
        days = self._days_of(start, end)
        self._read_missing(days)
        found: list[Booking] = []
        for day in days:
            starts, bookings = self._cached[day]
            found.extend(bookings[bisect_left(starts, start) : bisect_left(starts, end)])
        return found

    def _accepted_between(self, start: datetime, end: datetime) -> list[Booking]:
        """The accepted rows starting in ``[start, end)``, in the order they were accepted."""
        found = [
            (n, b)
            for day in self._days_of(start, end)
            for n, b in self._accepted.get(day, ())
            if start <= b.start < end
        ]
        found.sort(key=lambda pair: pair[0])
        return [b for _, b in found]

    def accept(self, booking: Booking) -> None:
        """Count ``booking`` (an accepted row) from now on."""
        day = to_local(booking.start, self._zone).date()
        self._accepted.setdefault(day, []).append((self._count, booking))
        self._count += 1

    def _days_of(self, start: datetime, end: datetime) -> list[date]:
        if end <= start:
            return []
        first = to_local(start, self._zone).date()
        last = to_local(end - timedelta(microseconds=1), self._zone).date()
        return [first + timedelta(days=n) for n in range((last - first).days + 1)]

    def _read_missing(self, days: list[date]) -> None:
        """Read each run of consecutive days not read yet in one range, and split it by day."""
        run: list[date] = []
        for day in [*days, None]:
            if day is not None and day not in self._cached:
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
            self._cached[day] = (starts[cut:end], bookings[cut:end])
            cut = end

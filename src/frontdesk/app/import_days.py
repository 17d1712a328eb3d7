"""The bookings an import judges its rows among: the cache's, read once per org-local day and
kept for the whole import, and the rows accepted so far, both kept by day and by key.

A row's rules read the bookings of the few local days around it that they declare
(``Connector.context_days``), and of those only the ones sharing a key with it can change
their verdict (``Connector.neighbour_keys``: HuskyVoice's branch, patient and reference, a
meetergo host...). The rows of a file fall on the same days again and again, so each day is
read from the cache once (the days a row lacks in one range read, split at the days' bounds),
and each row is handed only its neighbours: the cached bookings and accepted rows of its days
that share a key with it. A row costs the same however long the file or busy its days.

Where the rules say their keys in the cache's columns too (``Connector.neighbour_reads``), a
day few rows fall on is read narrowed to what those rows can share a key with (a day of a
busy cache is hundreds of bookings; its few rows need their branches' few dozen): the rows
are planned first (:meth:`DayBookings.plan`), and a day is read for the matches of every row
planned on it. A row asking a day read for less than its own matches has the day read again
for them all, so nothing is ever missed; a busy day is read whole.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import cast

from frontdesk.domain.booking import Booking
from frontdesk.domain.neighbours import Match
from frontdesk.domain.timeutil import local_day_bounds, to_local
from frontdesk.storage.booking_reads import BookingFields, booking_of_fields
from frontdesk.storage.rows import BookingsBetween

# Where a booking stands among those handed to the rules: the cache's first (as read,
# earliest first), then the accepted rows in the order they were accepted.
Place = tuple[int, int, int]
Keys = Callable[[Booking], frozenset[Hashable] | None]
Reads = Callable[[Booking], tuple[Match, ...] | None]
# The cache's bookings of a span as their fields (``Repository.plain_fields_between``): a
# cached booking is made a ``Booking`` only when a row is handed it, a few dozen of a day's
# hundreds; its keys are read from its fields, by the same names.
ReadFields = Callable[[datetime, datetime, str], list[BookingFields]]
# The same narrowed to the bookings meeting one of the matches
# (``Repository.plain_fields_matching``).
ReadMatching = Callable[[datetime, datetime, str, Iterable[Match]], list[BookingFields]]
Held = Booking | BookingFields
AskedReads = Callable[[], tuple[Match, ...] | None]  # the asking row's matches, made if asked
# A day more rows than this are planned on is read whole: their matches would name most of
# its branches anyway, and each match is a test the database makes of every booking there.
NARROW_UP_TO = 30


@dataclass(frozen=True, slots=True)
class Neighbourhood:
    """What a connection's rules say of the bookings they weigh against a new one: the days
    around its local day (``context_days``), the keys it must share with them (``keys``) and
    the same in the cache's columns (``reads``; None: not said)."""

    keys: Keys
    reads: Reads
    context_days: Callable[[date], tuple[date, date]]


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
    cache's as ``read`` (whole days) or ``read_matching`` (narrowed) give them, and the
    accepted rows added by :meth:`accept`, each filed under its keys."""

    def __init__(
        self,
        read: ReadFields,
        read_matching: ReadMatching,
        connection_id: str,
        zone_name: str,
        rules: Neighbourhood,
        narrow_up_to: int | None = None,
    ) -> None:
        self._read = read
        self._read_matching = read_matching
        self._made: dict[str, Booking] = {}  # the cached bookings made so far, by id
        self._connection_id = connection_id
        self._zone = zone_name
        self._rules = rules
        self._narrow_up_to = NARROW_UP_TO if narrow_up_to is None else narrow_up_to
        self._cached: dict[date, _Day] = {}
        # what each day was read for: the matches (None: the whole day)
        self._covered: dict[date, frozenset[Match] | None] = {}
        self._planned: dict[date, set[Match] | None] = {}
        self._planned_rows: Counter[date] = Counter()
        self._accepted_days: dict[date, _Day] = {}
        self._accepted = 0

    def plan(self, booking: Booking) -> None:
        """Say that ``booking`` (a row) will be judged: the days its rules read are read for
        its matches too."""
        first, last = self._rules.context_days(to_local(booking.start, self._zone).date())
        days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
        self._planned_rows.update(days)
        if all(self._whole(day) for day in days):
            return  # its days are read whole: its matches would not narrow them
        reads = self._rules.reads(booking)
        for day in days:
            planned = self._planned.setdefault(day, set())
            if reads is None:
                self._planned[day] = None
            elif planned is not None:
                planned.update(reads)

    def neighbours(self, booking: Booking, *, accepted: bool = True) -> BookingsBetween:
        """A ``BookingsBetween`` for judging ``booking``: the bookings starting in the range
        asked that share a key with it (every one where it or they have none): the cache's,
        earliest first, then (unless not ``accepted``) the accepted rows, in their order."""
        keys = self._rules.keys(booking)
        found_reads: list[tuple[Match, ...] | None] = []

        def reads() -> tuple[Match, ...] | None:  # asked only of a day that may be narrowed
            if not found_reads:
                found_reads.append(self._rules.reads(booking))
            return found_reads[0]

        def between(start: datetime, end: datetime, connection_id: str | None) -> list[Booking]:
            if connection_id != self._connection_id:
                raise ValueError(f"bookings of {self._connection_id!r}, not {connection_id!r}")
            days = self._days_of(start, end)
            self._read_missing(days, reads)
            found: dict[Place, Held] = {}
            for day in days:
                filed = [self._cached[day]]
                if accepted and day in self._accepted_days:
                    filed.append(self._accepted_days[day])
                for bookings in filed:
                    for place, other in bookings.sharing(keys):
                        if start <= other.start < end:
                            found[place] = other
            return [self._booking(found[place]) for place in sorted(found)]

        return between

    def accept(self, booking: Booking) -> None:
        """Count ``booking`` (an accepted row) from now on."""
        day = to_local(booking.start, self._zone).date()
        filed = self._accepted_days.setdefault(day, _Day())
        filed.add((1, self._accepted, 0), booking, self._rules.keys(booking))
        self._accepted += 1

    def _booking(self, held: Held) -> Booking:
        if isinstance(held, Booking):
            return held
        made = self._made.get(held.id)
        if made is None:
            made = self._made[held.id] = booking_of_fields(held)
        return made

    def _days_of(self, start: datetime, end: datetime) -> list[date]:
        if end <= start:
            return []
        first = to_local(start, self._zone).date()
        last = to_local(end - timedelta(microseconds=1), self._zone).date()
        return [first + timedelta(days=n) for n in range((last - first).days + 1)]

    def _read_missing(
        self, days: list[date], reads: Callable[[], tuple[Match, ...] | None]
    ) -> None:
        """Read each run of consecutive days not read yet for ``reads()`` (the asking row's
        matches) in one range, and file it by day."""
        run: list[date] = []
        for day in [*days, None]:
            if day is not None and not self._covers(day, reads):
                run.append(day)
                continue
            if run:
                self._read_run(run, self._matches(run, reads))
                run = []

    def _whole(self, day: date) -> bool:
        """Whether ``day`` is read whole: a row without matches or too many rows are on it."""
        return self._planned.get(day, ()) is None or self._planned_rows[day] > self._narrow_up_to

    def _covers(self, day: date, reads: AskedReads) -> bool:
        if day not in self._covered:
            return False
        covered = self._covered[day]
        if covered is None:
            return True
        wanted = reads()
        return wanted is not None and covered.issuperset(wanted)

    def _matches(self, run: list[date], reads: AskedReads) -> frozenset[Match] | None:
        """What the days of ``run`` are read for: the matches of every row planned on them
        and of the asking row (None: the whole days)."""
        if any(self._whole(day) for day in run):
            return None
        wanted = reads()
        if wanted is None:
            return None
        matches = set(wanted)
        for day in run:
            matches.update(self._planned.get(day) or ())
            matches.update(self._covered.get(day) or ())
        return frozenset(matches)

    def _read_run(self, days: list[date], matches: frozenset[Match] | None) -> None:
        lo = local_day_bounds(days[0], self._zone)[0]
        hi = local_day_bounds(days[-1], self._zone)[1]
        if matches is None:
            bookings = self._read(lo, hi, self._connection_id)
        else:
            bookings = self._read_matching(lo, hi, self._connection_id, matches)
        starts = [b.start for b in bookings]
        keys = self._rules.keys
        cut = 0
        for day in days:
            end = bisect_left(starts, local_day_bounds(day, self._zone)[1])
            filed = self._cached[day] = _Day()
            self._covered[day] = matches
            ordinal = day.toordinal()
            # _Day.add, inlined: a day of a busy cache is hundreds of bookings
            every, by_key, keyless, keys = (
                filed.every,
                filed.by_key,
                filed.keyless,
                self._rules.keys,
            )
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

"""Blockouts: times the clinic itself keeps free (lunch, a meeting, a closed chair), a rule of
the desk's own on top of every booking system's rules.

A :class:`Blockout` belongs to one column or to the whole clinic (no resource). The column is
a connection's resource, or one of the clinic's own columns (keyed ``("@clinic", column id)``,
``domain.columns``): that one keeps free every booking system's resource shown in the column
*when it is judged* (``ColumnOf``, the clinic's mapping then), so a resource mapped into the
column later is kept free too, and one mapped out is free again. Its first occurrence runs
from ``start`` to ``end`` (UTC) and it may repeat daily, on weekdays or weekly, for some weeks
or until a date. Repeats keep the *wall* times of
the first occurrence in the clinic's zone (``zone``, stored with it), so a 12:00 lunch stays at
12:00 across a daylight-saving change. Times overlap half-open: a booking that ends at 12:00
does not touch a lunch from 12:00. Pure: no storage, no Qt.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from frontdesk.domain.columns import CLINIC, ResourceKey
from frontdesk.domain.timeutil import local_to_utc, to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate

MAX_WEEKS = 104  # two years of a repeat at most
NOTE_WIDTH = 200
# which clinic column each booking system's resource is shown in (``ColumnSetup.mapping``)
ColumnOf = Mapping[ResourceKey, str]


class Reason(enum.StrEnum):
    LUNCH = "lunch"
    MEETING = "meeting"
    CLOSED_CHAIR = "closed chair"
    OTHER = "other"


REASON_LABELS = {
    Reason.LUNCH: QT_TRANSLATE_NOOP("Blockouts", "Lunch"),
    Reason.MEETING: QT_TRANSLATE_NOOP("Blockouts", "Meeting"),
    Reason.CLOSED_CHAIR: QT_TRANSLATE_NOOP("Blockouts", "Closed chair"),
    Reason.OTHER: QT_TRANSLATE_NOOP("Blockouts", "Other"),
}


class Repeat(enum.StrEnum):
    NONE = "none"
    DAILY = "daily"
    WEEKDAYS = "weekdays"  # Monday to Friday
    WEEKLY = "weekly"


REPEAT_WORDS = {  # the audit trail keeps them in English; shown through translate("Blockouts", ...)
    Repeat.NONE: QT_TRANSLATE_NOOP("Blockouts", "Does not repeat"),
    Repeat.DAILY: QT_TRANSLATE_NOOP("Blockouts", "Every day"),
    Repeat.WEEKDAYS: QT_TRANSLATE_NOOP("Blockouts", "Every weekday (Mon–Fri)"),
    Repeat.WEEKLY: QT_TRANSLATE_NOOP("Blockouts", "Every week"),
}


@dataclass(frozen=True, slots=True)
class Blockout:
    """A time kept free at the desk; ``connection_id`` and ``resource_id`` None: the whole
    clinic. ``weeks`` or ``until`` (or both: the earlier wins) bound a repeat."""

    id: str
    start: datetime  # UTC, the first occurrence
    end: datetime
    zone: str  # the clinic's zone, whose wall times a repeat keeps
    reason: Reason
    note: str = ""
    connection_id: str | None = None
    resource_id: str | None = None
    repeat: Repeat = Repeat.NONE
    weeks: int | None = None
    until: date | None = None
    version: int = 1
    created_by: str = ""

    @property
    def whole_clinic(self) -> bool:
        return self.resource_id is None

    @property
    def clinic_column(self) -> str | None:
        """The id of the clinic's column it belongs to, if it belongs to one."""
        return self.resource_id if self.connection_id == CLINIC else None

    def applies_to(self, connection_id: str, resource_id: str, column_of: ColumnOf) -> bool:
        """Whether it keeps ``resource_id`` of ``connection_id`` free: the whole clinic's, the
        resource's own, or that of the clinic column ``column_of`` shows the resource in."""
        if self.whole_clinic:
            return True
        if self.connection_id == connection_id and self.resource_id == resource_id:
            return True
        column = self.clinic_column
        return column is not None and column_of.get((connection_id, resource_id)) == column

    @property
    def label(self) -> str:
        """What the grid writes on its band: ``Lunch``, ``Meeting: team huddle``."""
        head = self.reason.value.capitalize()
        if not self.note:
            return head
        return self.note if self.reason is Reason.OTHER else f"{head}: {self.note}"

    @property
    def shown_label(self) -> str:
        """:attr:`label` in the desk's language (the audit trail keeps the English)."""
        head = translate("Blockouts", REASON_LABELS[self.reason])
        if not self.note:
            return head
        return self.note if self.reason is Reason.OTHER else f"{head}: {self.note}"

    @property
    def first_day(self) -> date:
        return to_local(self.start, self.zone).date()

    @property
    def last_day(self) -> date:
        """The local day of the last occurrence's start."""
        first = self.first_day
        if self.repeat is Repeat.NONE:
            return first
        bounds = []
        if self.weeks is not None:
            bounds.append(first + timedelta(days=7 * max(1, self.weeks) - 1))
        if self.until is not None:
            bounds.append(self.until)
        return min(bounds) if bounds else first

    @property
    def reach(self) -> datetime:
        """The end of its last occurrence (what the store's range queries bound it by)."""
        last = self._at(self.last_day)
        return max(self.end, last[1])

    def _days(self, first: date, last: date) -> Iterable[date]:
        """Local days from ``first`` to ``last`` on which an occurrence starts."""
        day = max(first, self.first_day)
        end = min(last, self.last_day)
        while day <= end:
            if (
                self.repeat in (Repeat.NONE, Repeat.DAILY)
                or (self.repeat is Repeat.WEEKDAYS and day.weekday() < 5)
                or (self.repeat is Repeat.WEEKLY and day.weekday() == self.first_day.weekday())
            ):
                yield day
            day += timedelta(days=1)

    def _at(self, day: date) -> tuple[datetime, datetime]:
        """The occurrence starting on local ``day``: the first one's wall times moved there."""
        local_start, local_end = to_local(self.start, self.zone), to_local(self.end, self.zone)
        if day == local_start.date():
            return self.start, self.end
        end_day = day + (local_end.date() - local_start.date())
        start = local_to_utc(day, _wall(local_start), self.zone).instant
        end = local_to_utc(end_day, _wall(local_end), self.zone).instant
        return start, max(end, start + timedelta(minutes=1))

    def occurrences(self, first: datetime, last: datetime) -> list[Occurrence]:
        """Its occurrences that overlap ``[first, last)`` (UTC), earliest first."""
        if self.reach <= first or self.start >= last:
            return []
        span = self.end - self.start
        day0 = to_local(first - span - timedelta(days=1), self.zone).date()
        day1 = to_local(last, self.zone).date()
        found = []
        for day in self._days(day0, day1):
            start, end = self._at(day)
            if start < last and first < end:
                found.append(Occurrence(self, start, end))
        return found


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One time a blockout keeps free, UTC."""

    blockout: Blockout
    start: datetime
    end: datetime

    def overlaps(self, start: datetime, end: datetime) -> bool:
        """Whether ``[start, end)`` meets it (touching edges do not)."""
        return start < self.end and self.start < end

    def words(self, zone_name: str) -> str:
        """``lunch 12:00-13:00`` on the clinic's clock; a day more where it spans days."""
        start, end = to_local(self.start, zone_name), to_local(self.end, zone_name)
        blockout = self.blockout
        what = blockout.reason.value
        if blockout.note:
            what = blockout.note if blockout.reason is Reason.OTHER else f"{what} ({blockout.note})"
        if start.date() == end.date() or (
            end - start <= timedelta(days=1) and end.time() == time()
        ):
            return f"{what} {start:%H:%M}-{end:%H:%M}"
        return f"{what} {start:%a %d %b %H:%M}-{end:%a %d %b %H:%M}"


def blocking(
    blockouts: Iterable[Blockout],
    connection_id: str,
    resource_id: str,
    start: datetime,
    end: datetime,
    column_of: ColumnOf,
) -> Occurrence | None:
    """The earliest occurrence among ``blockouts`` that keeps ``[start, end)`` of the
    resource free (``column_of``: the clinic column each resource is shown in now); None when
    the time is clear."""
    found = [
        occurrence
        for blockout in blockouts
        if blockout.applies_to(connection_id, resource_id, column_of)
        for occurrence in blockout.occurrences(start, end)
        if occurrence.overlaps(start, end)
    ]
    return min(found, key=lambda o: o.start) if found else None


def problems(blockout: Blockout) -> list[tuple[str, str]]:
    """What is wrong with ``blockout`` as typed: ``(field, what to do)`` each."""
    found: list[tuple[str, str]] = []
    if blockout.end <= blockout.start:
        found.append(("end", "The end must be after the start."))
    if blockout.reason is Reason.OTHER and not blockout.note.strip():
        found.append(("note", "Say what the time is kept free for."))
    if len(blockout.note) > NOTE_WIDTH:
        found.append(("note", f"Keep the note under {NOTE_WIDTH} characters."))
    if (blockout.connection_id is None) != (blockout.resource_id is None):
        found.append(("resource_id", "Choose a column, or the whole clinic."))
    if blockout.repeat is not Repeat.NONE:
        if blockout.weeks is None and blockout.until is None:
            found.append(("weeks", "Say for how many weeks it repeats, or until which date."))
        if blockout.weeks is not None and not 1 <= blockout.weeks <= MAX_WEEKS:
            found.append(("weeks", f"Repeat it for 1 to {MAX_WEEKS} weeks."))
        if blockout.until is not None and blockout.until < blockout.first_day:
            found.append(("until", "The last date must not be before the first."))
        if blockout.end - blockout.start >= timedelta(days=1):
            found.append(("end", "A repeating blockout must be shorter than a day."))
    return found


def _wall(moment: datetime) -> time:
    return moment.time().replace(tzinfo=None)

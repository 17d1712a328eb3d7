"""The ASAP list's words: a patient who wants an earlier time (``AsapEntry``), a slot that
just freed up (``FreedSlot``), and whether a freed time suits an entry (:func:`time_suits`).

Parts of the day are read on the clinic's clock: *morning* before 12:00, *afternoon* from 12:00
to 17:00, *evening* from 17:00. An entry with no weekday (or no part of the day) chosen takes
any. "Until" is the last day, on the clinic's clock, the patient can come. Entries are offered
*nearest first*: the earliest "until" first (the patient whose need runs out soonest), then
the one waiting longest (added first). Pure: no storage, no Qt.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time

from frontdesk.domain.sensitive import remember_patient
from frontdesk.domain.timeutil import to_local

MORNING_ENDS = time(12)
AFTERNOON_ENDS = time(17)
STEP_MINUTES = 5  # what is left of a no-show is offered from the next five-minute mark
WEEKDAY_WORDS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class PartOfDay(enum.StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"


def part_of_day(wall: time) -> PartOfDay:
    """The part of the day a wall-clock time falls in."""
    if wall < MORNING_ENDS:
        return PartOfDay.MORNING
    if wall < AFTERNOON_ENDS:
        return PartOfDay.AFTERNOON
    return PartOfDay.EVENING


class FreedCause(enum.StrEnum):
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class AsapEntry:
    """A patient who wants an earlier time: for a service of one connection (and a provider or
    resource, if ``resource_id``), on ``weekdays`` (0 = Monday; empty: any), in ``parts`` of
    the day (empty: any), up to and including ``until``. ``booking_id``: the booking they hold
    and want earlier (a freed slot is then offered only before it, as a move)."""

    id: str
    patient_name: str
    patient_phone: str
    connection_id: str
    service_id: str
    until: date
    added_by: str
    added_at: datetime
    resource_id: str | None = None
    weekdays: frozenset[int] = frozenset()
    parts: frozenset[PartOfDay] = frozenset()
    note: str = ""
    booking_id: str | None = None
    version: int = 1

    def __post_init__(self) -> None:  # never logged: masked wherever a log shows them
        remember_patient(self.patient_name, self.patient_phone, None, self.note or None)

    def expired(self, today: date) -> bool:
        """Whether the patient's "until" day has passed (``today`` on the clinic's clock)."""
        return self.until < today

    def with_changes(self, **changes: object) -> AsapEntry:
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class FreedSlot:
    """A time a booking gave up (cancelled, a no-show, moved away), as it was."""

    id: int
    connection_id: str
    service_id: str
    resource_id: str
    start: datetime
    end: datetime
    booking_id: str
    cause: FreedCause
    freed_at: datetime


def remaining(slot: FreedSlot, now: datetime) -> FreedSlot | None:
    """What of ``slot`` is still ahead: the slot itself when it has not begun, else (a no-show,
    marked once its time has begun) from the next five-minute mark, while that is before its
    end; None when nothing is left."""
    if slot.start > now:
        return slot
    step = STEP_MINUTES * 60
    start = datetime.fromtimestamp((int(now.timestamp()) // step + 1) * step, tz=UTC)
    return replace(slot, start=start) if start < slot.end else None


def days_words(weekdays: Iterable[int]) -> str:
    chosen = sorted(set(weekdays))
    return ", ".join(WEEKDAY_WORDS[d] for d in chosen) if chosen else "any day"


def parts_words(parts: Iterable[PartOfDay]) -> str:
    chosen = [p for p in PartOfDay if p in set(parts)]
    return ", ".join(p.value for p in chosen) if chosen else "any time"


def time_suits(entry: AsapEntry, start: datetime, zone_name: str, now: datetime) -> bool:
    """Whether a slot starting at ``start`` suits ``entry``'s wishes: not past, on one of its
    weekdays, in one of its parts of the day, on or before its "until" day (all on the clinic's
    clock, ``zone_name``)."""
    if start <= now:
        return False
    local = to_local(start, zone_name)
    if local.date() > entry.until:
        return False
    if entry.weekdays and local.weekday() not in entry.weekdays:
        return False
    return not entry.parts or part_of_day(local.time()) in entry.parts


@dataclass(frozen=True, slots=True)
class Reach:
    """Where an entry that names a provider takes a slot when the clinic shows that provider
    in one of its columns: every booking system's resource of the column (``resources``:
    (connection id, resource id)), for the entry's service on each of their connections
    (``services``: connection id -> that connection's service of the same name)."""

    resources: frozenset[tuple[str, str]]
    services: Mapping[str, str]


def slot_fits(
    entry: AsapEntry,
    slot: FreedSlot,
    zone_name: str,
    now: datetime,
    reach: Reach | None = None,
) -> bool:
    """Whether ``slot`` is for ``entry`` at all: its connection and service, its provider or
    resource when the entry names one (with ``reach``: any resource of the provider's clinic
    column, on any booking system with the same service), a time that suits it, and not the
    entry's own booking."""
    if reach is not None and entry.resource_id is not None:
        where = (slot.connection_id, slot.resource_id) in reach.resources and reach.services.get(
            slot.connection_id
        ) == slot.service_id
    else:
        where = (
            entry.connection_id == slot.connection_id
            and entry.service_id == slot.service_id
            and (entry.resource_id is None or entry.resource_id == slot.resource_id)
        )
    return (
        where
        and entry.booking_id != slot.booking_id
        and time_suits(entry, slot.start, zone_name, now)
    )


def nearest_first(entries: Iterable[AsapEntry]) -> list[AsapEntry]:
    """The earliest "until" first, then the longest waiting."""
    return sorted(entries, key=lambda e: (e.until, e.added_at, e.id))

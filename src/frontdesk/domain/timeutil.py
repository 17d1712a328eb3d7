"""Time for a clinic: instants are stored in UTC, shown and checked in the clinic's zone.

Local wall times do not map one-to-one onto instants: in a daylight-saving *gap* a wall time
never happens, in a *fold* it happens twice. :func:`local_to_utc` says which case it met instead
of guessing silently.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# the years the desk keeps days of: a booking, an import's row, a day asked for on the command
# line or in a date picker outside them is refused in words (Python's dates end at 9999, and a
# day's bounds in a zone east or west of UTC would step past either end)
FIRST_YEAR, LAST_YEAR = 1900, 2999


def within_years(day: date) -> bool:
    """Whether ``day`` lies within ``FIRST_YEAR``..``LAST_YEAR``."""
    return FIRST_YEAR <= day.year <= LAST_YEAR


def utc_now() -> datetime:
    """The current instant, aware, in UTC."""
    return datetime.now(UTC)


def ensure_utc(value: datetime) -> datetime:
    """An aware UTC datetime; naive values are taken to be UTC already."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def zone(name: str) -> ZoneInfo:
    """The IANA zone ``name``; raises ``ValueError`` with the name when it is unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc


def to_local(instant: datetime, zone_name: str) -> datetime:
    """``instant`` as a wall-clock time in ``zone_name``."""
    return ensure_utc(instant).astimezone(zone(zone_name))


class WallTimeKind(enum.Enum):
    """What a local wall time is on its date."""

    NORMAL = "normal"
    GAP = "gap"  # skipped by a spring-forward change: never happens
    FOLD = "fold"  # repeated by a fall-back change: happens twice


@dataclass(frozen=True, slots=True)
class LocalResolution:
    """The instant chosen for a wall time and what kind of wall time it was."""

    instant: datetime
    kind: WallTimeKind


def local_to_utc(day: date, wall: time, zone_name: str) -> LocalResolution:
    """The UTC instant of ``wall`` on ``day`` in ``zone_name``.

    In a gap the instant is the wall time read with the offset before the change (so 01:30 on
    a spring-forward night becomes 02:30 local) and the kind says GAP so a caller can refuse it.
    In a fold the first occurrence is chosen and the kind says FOLD.
    """
    tz = zone(zone_name)
    first = datetime.combine(day, wall, tzinfo=tz)
    second = first.replace(fold=1)
    if first.utcoffset() == second.utcoffset():
        return LocalResolution(first.astimezone(UTC), WallTimeKind.NORMAL)
    back = first.astimezone(UTC).astimezone(tz)
    if back.replace(tzinfo=None) != first.replace(tzinfo=None):
        return LocalResolution(first.astimezone(UTC), WallTimeKind.GAP)
    return LocalResolution(first.astimezone(UTC), WallTimeKind.FOLD)


def local_day_bounds(day: date, zone_name: str) -> tuple[datetime, datetime]:
    """The UTC instants where local ``day`` starts and the next local day starts."""
    start = local_to_utc(day, time(0, 0), zone_name).instant
    end = local_to_utc(day + timedelta(days=1), time(0, 0), zone_name).instant
    return start, end


def iso_utc(instant: datetime) -> str:
    """``2026-06-15T09:30:00.000Z``: the wire form the APIs use."""
    value = ensure_utc(instant)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def parse_iso_instant(text: str) -> datetime | None:
    """An aware UTC instant from ISO 8601 text, or ``None`` when it is not ISO 8601.

    ``YYYY-MM-DD`` alone means UTC midnight; a date-time without offset is read as UTC.
    """
    value = text.strip()
    if not value:
        return None
    try:
        if len(value) == 10:
            return datetime.combine(date.fromisoformat(value), time(0, 0), tzinfo=UTC)
        if "T" not in value and " " not in value:
            return None
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return ensure_utc(parsed)


def days_around(instant: datetime) -> list[date]:
    """The UTC date of ``instant`` and its neighbours: they hold its local date in any zone."""
    day = ensure_utc(instant).date()
    return [day - timedelta(days=1), day, day + timedelta(days=1)]

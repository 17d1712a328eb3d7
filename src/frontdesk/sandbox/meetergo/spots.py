"""The meetergo sandbox's spots: which starts of a meeting type are bookable, for whom.

Owns the grid over the hosts' weekly hours (every ``timeslotInterval`` minutes of the type,
after ``bookingMinimum`` minutes of notice), what blocks a host (appointments and the buffers
of both types), and a group type's seats (``spots`` attendees per appointment). The rules
are docs/providers.md ("meetergo", "Spots"); the grid and the blocking rule are **[ours]**.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from frontdesk.sandbox.meetergo.clinic import Account, MeetingType
from frontdesk.sandbox.meetergo.records import Appointment


def _blocks(
    account: Account, t: MeetingType, start: datetime, minutes: int, a: Appointment
) -> bool:
    end = start + timedelta(minutes=minutes)
    own_before = start - timedelta(minutes=t.buffer_before)
    own_after = end + timedelta(minutes=t.buffer_after)
    if own_before < a.end and a.start < own_after:
        return True
    other = account.meeting_type(a.type_id)
    before = timedelta(minutes=other.buffer_before if other else 0)
    after = timedelta(minutes=other.buffer_after if other else 0)
    return start < a.end + after and a.start - before < end


def group_at(
    t: MeetingType, host_id: str, start: datetime, appointments: Iterable[Appointment]
) -> Appointment | None:
    """The active appointment of group type ``t`` of this host starting at ``start``."""
    for a in appointments:
        if a.active and a.type_id == t.id and a.host_id == host_id and a.start == start:
            return a
    return None


def host_free(
    account: Account,
    t: MeetingType,
    host_id: str,
    start: datetime,
    minutes: int,
    appointments: list[Appointment],
) -> bool:
    """No appointment of the host blocks ``start`` (a group's own appointment at that start
    does not: it takes attendees while it has seats)."""
    joined = group_at(t, host_id, start, appointments) if t.kind == "group" else None
    if joined is not None and len(joined.attendees) >= t.spots:
        return False
    for a in appointments:
        if not a.active or a.host_id != host_id or a is joined:
            continue
        if _blocks(account, t, start, minutes, a):
            return False
    return True


def grid_starts(
    account: Account, t: MeetingType, host_id: str, day: date
) -> list[tuple[datetime, datetime]]:
    """(start, interval end) of every grid candidate of a host on a local date, as UTC."""
    user = account.user(host_id)
    if user is None:
        return []
    zone = ZoneInfo(account.timezone)
    step = timedelta(minutes=t.timeslot_interval)
    result: list[tuple[datetime, datetime]] = []
    for span_start, span_end in user.hours.get(day.isoweekday(), ()):
        wall = datetime.combine(day, span_start)
        wall_end = datetime.combine(day, span_end)
        while wall < wall_end:
            local = wall.replace(tzinfo=zone)
            if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == wall:  # no gap
                result.append((local.astimezone(UTC), wall_end.replace(tzinfo=zone)))
            wall += step
    return result


def spot_hosts(
    account: Account,
    t: MeetingType,
    day: date,
    minutes: int,
    appointments: list[Appointment],
    now: datetime,
    hosts: Iterable[str] | None = None,
) -> dict[datetime, list[str]]:
    """The spots of a type on an account-local date → the free hosts at each, in queue
    order; ``hosts`` narrows the type's hosts (a round-robin's chosen members)."""
    allowed = list(t.host_ids) if hosts is None else [h for h in t.host_ids if h in set(hosts)]
    earliest = now + timedelta(minutes=t.booking_minimum)
    spots: dict[datetime, list[str]] = {}
    for host_id in allowed:
        for start, interval_end in grid_starts(account, t, host_id, day):
            if start + timedelta(minutes=minutes) > interval_end.astimezone(UTC):
                continue
            if start <= earliest:
                continue
            if not host_free(account, t, host_id, start, minutes, appointments):
                continue
            spots.setdefault(start, []).append(host_id)
    return dict(sorted(spots.items()))


def free_hosts_at(
    account: Account,
    t: MeetingType,
    start: datetime,
    minutes: int,
    appointments: list[Appointment],
    now: datetime,
    hosts: Iterable[str] | None = None,
) -> list[str]:
    """The hosts for which ``start`` is a spot (empty: not a spot, as is a time so close to
    year 1 or 9999 that its day's spots cannot be laid out)."""
    try:
        day = start.astimezone(ZoneInfo(account.timezone)).date()
        return spot_hosts(account, t, day, minutes, appointments, now, hosts).get(start, [])
    except OverflowError:
        return []


def next_host(t: MeetingType, appointments: Iterable[Appointment]) -> str:
    """The queue's next host [ours]: the member with the fewest active appointments of the
    type, ties in queue order."""

    def load(host: str) -> int:
        return sum(1 for a in appointments if a.active and a.type_id == t.id and a.host_id == host)

    return min(t.host_ids, key=lambda h: (load(h), t.host_ids.index(h)))

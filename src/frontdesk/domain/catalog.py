"""The cached catalog of one connection: what can be booked, where, when and how much.

Provider-neutral: each connector maps its API's services, branches / calendars and windows onto
these, and each rule set reads them back. Window times are local wall times in the
connection's zone; a window belongs to one date (weekly rules are expanded per date when the
catalog is pulled, so holidays and one-off closures are just data).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from frontdesk.domain.timeutil import local_to_utc, to_local

# Provider-specific details (a Vastal type's buffers and caps, a meetergo type's allowed
# durations, a VantaX calendar's slot length...) travel in ``extra``: JSON-able mappings that
# only that provider's rule set and connector read. The desk reads the common fields.
Extra = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Service:
    """A bookable appointment type."""

    id: str
    name: str
    duration_minutes: int
    color: str | None = None
    active: bool = True
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Resource:
    """A column on the desk: a provider, room, branch or calendar."""

    id: str
    name: str
    kind: str = "branch"
    color: str | None = None
    extra: Extra = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Window:
    """Bookable hours of one resource on one local date."""

    window_id: str
    resource_id: str
    day: date
    start: time
    end: time
    session: str | None = None
    batch: str | None = None
    open: bool = True
    capacity: int | None = None
    service_id: str | None = None  # None: any service may be booked in it
    exact: bool = False  # a spot: a booking must start exactly at ``start``

    def holds(self, wall: time) -> bool:
        """Whether the local wall time lies in ``[start, end)``."""
        return self.start <= wall < self.end


@dataclass(frozen=True, slots=True)
class Policy:
    """Organisation-wide settings the rules depend on."""

    timezone: str
    duplicate_prevention: bool = False
    allow_cancellation: bool = True
    cancellation_notice_hours: int = 0
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Catalog:
    """Everything cached for one connection that rules and openings need."""

    policy: Policy
    services: list[Service] = field(default_factory=list)
    resources: list[Resource] = field(default_factory=list)
    windows: list[Window] = field(default_factory=list)

    def service(self, service_id: str) -> Service | None:
        return next((s for s in self.services if s.id == service_id), None)

    def resource(self, resource_id: str) -> Resource | None:
        return next((r for r in self.resources if r.id == resource_id), None)

    def windows_on(self, resource_id: str, day: date) -> list[Window]:
        return [w for w in self.windows if w.resource_id == resource_id and w.day == day]


def windows_in_zone(windows: Iterable[Window], from_zone: str, to_zone: str) -> list[Window]:
    """``windows`` (wall times in ``from_zone``, a booking system's) as wall times in
    ``to_zone`` (the clinic's), for showing them on the clinic's clock. A window that crosses
    the clinic's midnight is cut in two, one piece per clinic day; spots stay spots."""
    if from_zone == to_zone:
        return list(windows)
    shown: list[Window] = []
    for window in windows:
        start = to_local(local_to_utc(window.day, window.start, from_zone).instant, to_zone)
        end_day = window.day + timedelta(days=1) if window.end <= window.start else window.day
        if window.exact:
            end_day = window.day
        end = to_local(local_to_utc(end_day, window.end, from_zone).instant, to_zone)
        piece_start: datetime = start
        while True:
            midnight = datetime.combine(piece_start.date() + timedelta(days=1), time(0))
            midnight = midnight.replace(tzinfo=piece_start.tzinfo)
            piece_end = end if end <= midnight or window.exact else midnight
            last = piece_end.timetz().replace(tzinfo=None) if piece_end != midnight else time.max
            shown.append(
                replace(
                    window,
                    day=piece_start.date(),
                    start=piece_start.time().replace(tzinfo=None),
                    end=last if not window.exact else end.time().replace(tzinfo=None),
                )
            )
            if piece_end >= end or window.exact:
                break
            piece_start = piece_end
    return shown

"""The cached catalog of one connection: what can be booked, where, when and how much.

Provider-neutral: each connector maps its API's services, branches / calendars and windows onto
these, and each rule set reads them back. Window times are local wall times in the
connection's zone; a window belongs to one date (weekly rules are expanded per date when the
catalog is pulled, so holidays and one-off closures are just data).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

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

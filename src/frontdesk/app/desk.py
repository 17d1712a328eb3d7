"""Read models for the desk's screens: the calendar of a span of days across every connection
(bookings, services, resource columns, opening windows), a month's overview, the clinic's zone,
a sensible first time for a new booking, and validation as the receptionist types.

No Qt here: ``ui`` turns these into pixels. Everything reads the local cache only (never the
network), so the GUI thread may call it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from frontdesk.domain import dates
from frontdesk.domain.blockouts import Occurrence
from frontdesk.domain.booking import Booking, BookingGlimpse, SyncState, VisitStatus
from frontdesk.domain.catalog import Service, Window, windows_in_zone
from frontdesk.domain.timeutil import (
    local_day_bounds,
    local_to_utc,
    parse_iso_instant,
    to_local,
    utc_now,
)
from frontdesk.domain.translation import translate
from frontdesk.domain.verdict import Verdict

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext
    from frontdesk.domain.booking_request import BookingRequest

# Stand-ins used only to run the slot checks before the patient's details are typed; any
# verdict about these fields is dropped, so they never reach the receptionist.
_PROBES = {
    "patient_name": "Slot check",
    "patient_phone": "+442079460000",  # a valid stand-in (Ofcom drama range)
    "patient_email": "slot.check@example.org",
}

ResourceKey = tuple[str, str]  # (connection id, resource id): ids are only unique per connection


def resource_key(booking: Booking | BookingGlimpse) -> ResourceKey:
    return (booking.connection_id, booking.resource_id)


@dataclass(frozen=True, slots=True)
class ResourceInfo:
    """One column of the desk: a provider, room, branch or calendar of one connection, or
    one of the clinic's own columns (``app.columns``) with the resources shown in it."""

    key: ResourceKey
    name: str
    connection_name: str  # a clinic column's: its kind's group ("Providers")
    kind: str = "branch"
    color: str | None = None
    # a clinic column's: the booking systems' resources shown in it (None: just ``key``)
    members: tuple[ResourceKey, ...] | None = None

    @property
    def keys(self) -> tuple[ResourceKey, ...]:
        """The booking systems' resources whose bookings this column shows."""
        return (self.key,) if self.members is None else self.members


@dataclass(frozen=True, slots=True)
class CalendarData:
    """What the calendar views show for ``days`` local days from ``first``."""

    first: date
    days: int
    zone: str
    bookings: list[BookingGlimpse]  # what the calendars show of each, earliest first
    services: dict[str, Service] = field(default_factory=dict)
    resources: list[ResourceInfo] = field(default_factory=list)
    windows: dict[ResourceKey, list[Window]] = field(default_factory=dict)
    # per connection whose API documents no working hours, why (its columns are not shaded)
    no_hours: dict[str, str] = field(default_factory=dict)
    blockouts: list[Occurrence] = field(default_factory=list)  # the clinic's, in the span

    @property
    def last(self) -> date:
        return self.first + timedelta(days=self.days - 1)


@dataclass(frozen=True, slots=True)
class DaySummary:
    """One day of the month overview: how many bookings, the first few names, and flags."""

    count: int = 0
    names: tuple[str, ...] = ()
    attention: int = 0
    unsynced: int = 0


def clinic_zone(context: AppContext) -> str:
    """The clinic's zone: every time on the desk is shown and typed in it (one clock), whatever
    zone each booking system runs in (``app.settings``)."""
    return context.clinic_zone


_INSTANT = re.compile(r"\b\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?Z\b")


def on_clinic_clock(text: str, zone_name: str) -> str:
    """``text`` with every UTC instant in it (``2027-06-15T09:30:00.000Z``, as the history
    keeps them) written as the clinic's wall time, ``Tue 15 Jun 10:30``."""

    def local(match: re.Match[str]) -> str:
        instant = parse_iso_instant(match.group(0))
        if instant is None:
            return match.group(0)
        return dates.moment(to_local(instant, zone_name))

    return _INSTANT.sub(local, text)


def system_time_words(context: AppContext, booking: BookingGlimpse | Booking) -> str | None:
    """Small print for a booking whose booking system keeps another zone than the clinic's:
    "16:30 on its own clock (Los Angeles)"; None when the zones agree on the wall time."""
    name = context.repo.catalogs.policy(booking.connection_id).timezone
    if not name or name == context.clinic_zone:
        return None
    theirs, ours = to_local(booking.start, name), to_local(booking.start, context.clinic_zone)
    if theirs.replace(tzinfo=None) == ours.replace(tzinfo=None):
        return None
    city = name.rsplit("/", 1)[-1].replace("_", " ")
    day = "" if theirs.date() == ours.date() else f"{dates.short_day(theirs.date())} "
    said = translate("Desk", "{time} on the booking system's clock ({city})")
    return said.format(time=f"{day}{dates.clock(theirs)}", city=city)


def today_in(zone_name: str, now: datetime | None = None) -> date:
    return to_local(now or utc_now(), zone_name).date()


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def resources(context: AppContext) -> list[ResourceInfo]:
    """Every resource of every connection, by connection name, then resource name."""
    found: list[ResourceInfo] = []
    for record in context.connections():
        catalog = context.repo.catalogs.catalog(record.id, date.max, date.min)  # no windows
        found.extend(
            ResourceInfo((record.id, r.id), r.name, record.name, r.kind, r.color)
            for r in catalog.resources
        )
    return found


def calendar_data(context: AppContext, first: date, days: int) -> CalendarData:
    """Bookings, services, resources and opening windows of every connection for a span."""
    records = context.connections()
    zone_name = clinic_zone(context)
    start, _ = local_day_bounds(first, zone_name)
    end, _ = local_day_bounds(first + timedelta(days=days), zone_name)
    services: dict[str, Service] = {}
    columns: list[ResourceInfo] = []
    windows: dict[ResourceKey, list[Window]] = {}
    last = first + timedelta(days=days - 1)
    for record in records:
        # a day either side: the booking system's days need not be the clinic's
        catalog = context.repo.catalogs.catalog(
            record.id, first - timedelta(days=1), last + timedelta(days=1)
        )
        services.update((s.id, s) for s in catalog.services)
        columns.extend(
            ResourceInfo((record.id, r.id), r.name, record.name, r.kind, r.color)
            for r in catalog.resources
        )
        system = catalog.policy.timezone or zone_name
        for window in windows_in_zone(catalog.windows, system, zone_name):
            if first <= window.day <= last:
                windows.setdefault((record.id, window.resource_id), []).append(window)
    bookings = context.repo.glimpses_between(start, end)
    blockouts = context.blockouts.occurrences(first, days, zone_name)
    no_hours = {r.id: note for r in records if (note := hours_not_documented(r.provider))}
    return CalendarData(
        first, days, zone_name, bookings, services, columns, windows, no_hours, blockouts
    )


def hours_not_documented(provider: str) -> str | None:
    """Why the columns of ``provider``'s API show no working hours (its API documents none,
    ``ProviderSpec.no_hours``); None where its windows are the hours."""
    from frontdesk.providers.registry import PROVIDERS

    spec = PROVIDERS.get(provider)
    return None if spec is None or spec.no_hours is None else translate("Providers", spec.no_hours)


def week_data(context: AppContext, monday: date) -> CalendarData:
    return calendar_data(context, monday, 7)


def month_summary(
    context: AppContext,
    first: date,
    last: date,
    hidden: frozenset[ResourceKey] = frozenset(),
    names: int = 3,
) -> dict[date, DaySummary]:
    """Per local day from ``first`` to ``last``: active bookings of the shown resources, the
    first few names, and how many need attention or wait to be synced."""
    zone_name = clinic_zone(context)
    start, _ = local_day_bounds(first, zone_name)
    end, _ = local_day_bounds(last + timedelta(days=1), zone_name)
    found: dict[date, DaySummary] = {}
    for b in context.repo.glimpses_between(start, end):
        if b.visit_status is VisitStatus.CANCELLED or (b.connection_id, b.resource_id) in hidden:
            continue
        local = to_local(b.start, zone_name)
        day = found.get(local.date(), DaySummary())
        shown = (
            day.names
            if len(day.names) >= names
            else (*day.names, f"{dates.clock(local)} {b.patient_name}")
        )
        sync = b.sync_state
        found[local.date()] = DaySummary(
            day.count + 1,
            shown,
            day.attention + (sync in (SyncState.NEEDS_ATTENTION, SyncState.OUTCOME_UNKNOWN)),
            day.unsynced + (sync in (SyncState.PENCILLED, SyncState.AWAITING_CONFIRMATION)),
        )
    return found


def first_opening(context: AppContext, connection_id: str, now: datetime | None = None) -> datetime:
    """The start (UTC) of the next cached open window after today, else tomorrow 09:00."""
    current = now or utc_now()
    catalog = context.booking.catalog_for(connection_id, current)
    zone_name = catalog.policy.timezone or "UTC"
    today = to_local(current, zone_name).date()
    upcoming = sorted(
        (w.day, w.start)
        for w in catalog.windows
        if w.open and w.day > today and w.day.weekday() < 5
    )
    if upcoming:
        day, wall = upcoming[0]
        return local_to_utc(day, wall, zone_name).instant
    tomorrow = today + timedelta(days=1)
    return local_to_utc(tomorrow, time(9), zone_name).instant


def validate_as_typed(
    context: AppContext, request: BookingRequest, now: datetime | None = None
) -> list[Verdict]:
    """``BookingService.validate``, plus the slot checks while the patient is still untyped.

    ``validate`` stops at the first missing field, so a receptionist who picks the time first
    would not learn that the slot is closed until the name and phone are typed. Here, when only
    patient fields are missing, the slot is checked with stand-in patient details and the
    answers about the slot are added to the missing-field messages.
    """
    verdicts = context.booking.validate(request, now)
    missing = [v for v in verdicts if v.code == "VALIDATION_ERROR"]
    if not missing or any(v.field not in _PROBES for v in missing):
        return verdicts
    stand_ins = {v.field: _PROBES[v.field] for v in missing if v.field}
    probe = request.model_copy(update=stand_ins)
    slot = [v for v in context.booking.validate(probe, now) if v.field not in stand_ins]
    return verdicts + slot

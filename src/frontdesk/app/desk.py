"""Read models for the desk's screens: one week of the calendar, the clinic's zone, a sensible
first time for a new booking, and validation as the receptionist types.

No Qt here: ``ui`` turns these into pixels. Everything reads the local cache only (never the
network), so the GUI thread may call it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from frontdesk.app.context import AppContext
from frontdesk.domain.booking import Booking, BookingRequest
from frontdesk.domain.catalog import Resource, Service, Window
from frontdesk.domain.timeutil import local_day_bounds, local_to_utc, to_local, utc_now
from frontdesk.domain.verdict import Verdict

# Stand-ins used only to run the slot checks before the patient's details are typed; any
# verdict about these fields is dropped, so they never reach the receptionist.
_PROBE_NAME = "Slot check"
_PROBE_PHONE = "+440000000000"
_PATIENT_FIELDS = frozenset({"patient_name", "patient_phone"})


@dataclass(frozen=True, slots=True)
class WeekData:
    """What the week view shows for the seven local days from ``monday``."""

    monday: date
    zone: str
    bookings: list[Booking]
    services: dict[str, Service] = field(default_factory=dict)
    resources: dict[str, Resource] = field(default_factory=dict)
    windows: list[Window] = field(default_factory=list)


def clinic_zone(context: AppContext, connection_id: str | None = None) -> str:
    """The zone of ``connection_id`` (else the first connection), ``UTC`` when none is known."""
    records = context.connections()
    if connection_id is not None:
        records = [r for r in records if r.id == connection_id]
    for record in records:
        zone_name = context.booking.catalog_for(record.id).policy.timezone
        if zone_name:
            return zone_name
    return "UTC"


def today_in(zone_name: str, now: datetime | None = None) -> date:
    return to_local(now or utc_now(), zone_name).date()


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_data(context: AppContext, monday: date) -> WeekData:
    """Bookings, services, branches and opening windows of every connection for one week."""
    zone_name = clinic_zone(context)
    start, _ = local_day_bounds(monday, zone_name)
    end, _ = local_day_bounds(monday + timedelta(days=7), zone_name)
    services: dict[str, Service] = {}
    resources: dict[str, Resource] = {}
    windows: list[Window] = []
    for record in context.connections():
        catalog = context.repo.catalog(record.id, monday, monday + timedelta(days=6))
        services.update((s.id, s) for s in catalog.services)
        resources.update((r.id, r) for r in catalog.resources)
        windows.extend(catalog.windows)
    bookings = context.repo.bookings_between(start, end)
    return WeekData(monday, zone_name, bookings, services, resources, windows)


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
    if not missing or any(v.field not in _PATIENT_FIELDS for v in missing):
        return verdicts
    stand_ins = {
        name: value
        for name, value in (("patient_name", _PROBE_NAME), ("patient_phone", _PROBE_PHONE))
        if not getattr(request, name)
    }
    probe = request.model_copy(update=stand_ins)
    slot = [v for v in context.booking.validate(probe, now) if v.field not in stand_ins]
    return verdicts + slot

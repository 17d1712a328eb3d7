"""Between the desk's bookings and catalog and Vastal's wire shapes (docs/providers.md, "Vastal").

The weekly rows carry no zone and no answer names one: they are read in the connection's
``timezone`` option (ours, checked when the connector is built). A write's answer may be a
partial record (the PATCH page's example): what it leaves out is taken from the booking sent.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date, time, timedelta
from typing import Any

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window
from frontdesk.domain.timeutil import ensure_utc, parse_iso_instant
from frontdesk.providers.http import BadAnswer
from frontdesk.providers.vastal.wire import VsAppointment, VsPartial, VsRow, VsType

log = logging.getLogger("frontdesk.providers")

TO_DESK: dict[str, tuple[VisitStatus, SyncState]] = {
    "pending": (VisitStatus.BOOKED, SyncState.AWAITING_CONFIRMATION),
    "confirmed": (VisitStatus.BOOKED, SyncState.CONFIRMED),
    "completed": (VisitStatus.COMPLETED, SyncState.CONFIRMED),
    "no_show": (VisitStatus.NO_SHOW, SyncState.CONFIRMED),
    "cancelled": (VisitStatus.CANCELLED, SyncState.CONFIRMED),
}
# The desk's visit status as Vastal's; ARRIVED has none (kept at the desk, nothing sent).
TO_WIRE_STATUS: dict[VisitStatus, str] = {
    VisitStatus.BOOKED: "confirmed",
    VisitStatus.COMPLETED: "completed",
    VisitStatus.NO_SHOW: "no_show",
    VisitStatus.CANCELLED: "cancelled",
}

# Fields of the create body and the booking fields they come from (for messages at the desk).
WIRE_TO_FIELD = {
    "appointment_type_id": "service_id",
    "start_time": "start",
    "client_name": "patient_name",
    "client_phone": "patient_phone",
    "client_email": "patient_email",
    "internal_notes": "notes",
}
EXTRA_FIELDS = ("client_language", "client_notes")  # Booking.extra keys sent as they are


def wire_instant(value: Any) -> str:
    """``2027-01-21T14:00:00Z``: Vastal keeps whole seconds."""
    return str(ensure_utc(value).strftime("%Y-%m-%dT%H:%M:%SZ"))


def create_body(booking: Booking) -> dict[str, Any]:
    """The ``POST /calendar/appointments`` body for a desk booking."""
    body: dict[str, Any] = {
        "appointment_type_id": booking.service_id,
        "start_time": wire_instant(booking.start),
        "client_name": booking.patient_name,
    }
    if booking.patient_phone:
        body["client_phone"] = booking.patient_phone
    if booking.patient_email:
        body["client_email"] = booking.patient_email
    if booking.notes:
        body["internal_notes"] = booking.notes
    for name in EXTRA_FIELDS:
        value = booking.extra.get(name)
        if isinstance(value, str) and value:
            body[name] = value
    return body


def reschedule_body(booking: Booking) -> dict[str, Any]:
    """``PATCH /calendar/appointments``: the id and the new start, nothing else (the page has
    no ``appointment_type_id`` field: a change of type is refused before anything is sent)."""
    return {"id": booking.remote_id, "start_time": wire_instant(booking.start)}


def local_booking_id(connection_id: str, remote_id: str) -> str:
    """A stable local id for a booking first seen remotely (same id on every pull)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"vastal:{connection_id}:{remote_id}"))


def desk_status(wire_status: str, remote_id: str) -> tuple[VisitStatus, SyncState]:
    found = TO_DESK.get(wire_status)
    if found is None:
        log.warning("unknown Vastal status %r on %s", wire_status, remote_id)
        return VisitStatus.BOOKED, SyncState.CONFIRMED
    return found


def _minutes(brief_minutes: int | None, type_id: str | None, durations: dict[str, int]) -> int:
    if brief_minutes:
        return brief_minutes
    return durations.get(type_id or "", 0) or 30


def booking_from_wire(
    record: VsAppointment, connection_id: str, org_id: str, durations: dict[str, int]
) -> Booking:
    """A listed or created appointment as a desk booking; ``end_time`` missing → start plus
    the type's duration (the record's ``appointment_type``, else the catalog's)."""
    start = parse_iso_instant(record.start_time)
    if start is None:
        raise BadAnswer(f"appointment {record.id} has an unreadable start_time")
    end = parse_iso_instant(record.end_time) if record.end_time else None
    if end is None:
        brief = record.appointment_type
        minutes = _minutes(
            brief.duration_minutes if brief else None, record.appointment_type_id, durations
        )
        end = start + timedelta(minutes=minutes)
    visit, sync = desk_status(record.status, record.id)
    extra = {
        name: value
        for name, value in (
            ("client_language", record.client_language),
            ("client_notes", record.client_notes),
        )
        if value is not None
    }
    return Booking(
        id=local_booking_id(connection_id, record.id),
        connection_id=connection_id,
        remote_id=record.id,
        service_id=record.appointment_type_id,
        resource_id=org_id or record.org_id or "",
        start=start,
        end=end,
        patient_name=record.client_name,
        patient_phone=record.client_phone or "",
        patient_email=record.client_email,
        notes=record.internal_notes,
        visit_status=visit,
        sync_state=sync,
        extra=extra,
    )


def acknowledged(booking: Booking, record: VsPartial, durations: dict[str, int]) -> Booking:
    """The desk's ``booking`` as a write's answer shows it. The answer may be partial: a
    missing ``start_time`` is the start sent, a missing ``end_time`` the start plus the type's
    duration, a missing ``status`` the status sent (confirmed)."""
    start = parse_iso_instant(record.start_time) if record.start_time else None
    if record.start_time and start is None:
        raise BadAnswer(f"appointment {record.id} has an unreadable start_time")
    start = start or booking.start
    end = parse_iso_instant(record.end_time) if record.end_time else None
    if end is None:
        brief = record.appointment_type
        type_id = record.appointment_type_id or booking.service_id
        known = brief.duration_minutes if brief else durations.get(type_id)
        length = booking.end - booking.start
        end = start + (timedelta(minutes=known) if known else length)
    if record.status is not None:
        visit, sync = desk_status(record.status, record.id)
    else:
        visit, sync = booking.visit_status, SyncState.CONFIRMED
    return booking.with_changes(
        remote_id=record.id,
        start=start,
        end=end,
        visit_status=visit,
        sync_state=sync,
        problem_code=None,
        problem_message=None,
    )


def _clock(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError as exc:
        raise BadAnswer(f"availability time {text!r} is not HH:MM:SS") from exc


# camelCase type fields the rules and the desk read from ``Service.extra`` (the others that
# the wire carries, ``orgId``, ``sortOrder``, dates, are not kept)
TYPE_EXTRA = (
    "description",
    "bufferBeforeMinutes",
    "bufferAfterMinutes",
    "maxPerDay",
    "maxPerWeek",
    "maxPerMonth",
    "minNoticeHours",
    "maxDaysAhead",
    "requiresConfirmation",
    "confirmWithinHours",
    "bookingQuestions",
    "scheduleId",
    "scheduleName",
)


def service_from_wire(t: VsType) -> Service:
    extra = t.model_dump(include=set(TYPE_EXTRA))
    return Service(t.id, t.name, t.durationMinutes, t.color, t.isActive, extra)


def org_of(rows: list[VsRow], types: list[VsType], fallback: str) -> str:
    """The organisation's id: the rows' ``org_id``, else the types' ``orgId``, else
    ``fallback`` (no answer carries it at the top level)."""
    for value in [r.org_id for r in rows] + [t.orgId for t in types]:
        if value:
            return value
    return fallback


def windows_for(days: list[date], rows: list[VsRow], org_id: str) -> list[Window]:
    """The weekly rows expanded onto local dates, for the week view."""
    windows: list[Window] = []
    for day in days:
        weekday = (day.weekday() + 1) % 7  # Vastal: 0 = Sunday
        for n, row in enumerate(rows):
            if row.day_of_week != weekday:
                continue
            windows.append(
                Window(
                    window_id=row.id or f"row{n}",
                    resource_id=org_id,
                    day=day,
                    start=_clock(row.start_time),
                    end=_clock(row.end_time),
                    open=row.is_active,
                    service_id=row.appointment_type_id,
                )
            )
    return windows


def catalog_from_wire(
    types: list[VsType], rows: list[VsRow], days: list[date], timezone: str, org_id: str
) -> Catalog:
    """The catalog; ``timezone`` is the connection's option (the wire names no zone)."""
    for row in rows:  # unreadable rows fail the pull, not the rules
        _clock(row.start_time)
        _clock(row.end_time)
    return Catalog(
        policy=Policy(
            timezone=timezone,
            extra={
                "org_id": org_id,
                "availability": [r.model_dump(exclude={"org_id"}) for r in rows],
            },
        ),
        services=[service_from_wire(t) for t in types],
        resources=[Resource(org_id, "Vastal calendar", "calendar")],
        windows=windows_for(days, rows, org_id),
    )

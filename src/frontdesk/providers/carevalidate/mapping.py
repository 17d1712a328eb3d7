"""Between the desk's bookings and catalog and CareValidate's wire shapes."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window
from frontdesk.domain.timeutil import iso_utc, local_to_utc, parse_iso_instant, to_local
from frontdesk.providers.carevalidate.wire import CvAppointment, CvEventEntry
from frontdesk.providers.http import BadAnswer

log = logging.getLogger("frontdesk.providers")

DEFAULT_LOCATION = "google_conference"
TO_VISIT = {"active": VisitStatus.BOOKED, "canceled": VisitStatus.CANCELLED}

# Fields of the book body and the desk fields they come from (for messages at the desk).
WIRE_TO_FIELD = {
    "eventTypeId": "service_id",
    "startTime": "start",
    "email": "patient_email",
    "firstName": "patient_name",
    "lastName": "patient_name",
}


def split_name(name: str) -> tuple[str | None, str | None]:
    """``"Mary Ann Smith"`` → ``("Mary Ann", "Smith")``; one word → first name only."""
    text = " ".join(name.split())
    if not text:
        return None, None
    first, _, last = text.rpartition(" ")
    if not first:
        return last, None
    return first, last


def create_body(booking: Booking, zone: str, location: str) -> dict[str, Any]:
    """The ``POST /api/v1/calendar/appointments`` body for a desk booking.

    ``zone`` and ``location`` are the defaults when the booking's ``extra`` names none; the
    desk's booking id travels as ``tracking.salesforceUuid`` (our correlation reference).
    """
    first, last = split_name(booking.patient_name)
    extra = booking.extra
    tracking: dict[str, Any] = {
        "utmCampaign": None,
        "utmSource": None,
        "utmMedium": None,
        "utmContent": None,
        "utmTerm": None,
        "salesforceUuid": booking.external_ref or booking.id,
    }
    given = extra.get("tracking")
    if isinstance(given, Mapping):
        tracking.update({k: v for k, v in given.items() if k in tracking})
    body: dict[str, Any] = {
        "eventTypeId": booking.service_id,
        "startTime": iso_utc(booking.start),
        "email": booking.patient_email,
        "timezone": extra.get("timezone") or zone,
        "location": extra.get("location") or location,
        "tracking": tracking,
    }
    if first is not None:
        body["firstName"] = first
    if last is not None:
        body["lastName"] = last
    return body


def local_booking_id(connection_id: str, remote_id: str) -> str:
    """A stable local id for a booking first seen remotely (same id on every pull)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"carevalidate:{connection_id}:{remote_id}"))


def instant(text: str, what: str) -> datetime:
    value = parse_iso_instant(text)
    if value is None:
        raise BadAnswer(f"{what} is not an ISO 8601 instant")
    return value


def booking_from_wire(
    record: CvAppointment, connection_id: str, durations: Mapping[str, int]
) -> Booking:
    start = instant(record.startTime, f"appointment {record.appointmentId} startTime")
    if record.endTime:
        end = instant(record.endTime, f"appointment {record.appointmentId} endTime")
    else:
        minutes = record.durationMinutes or durations.get(record.eventTypeId, 30)
        end = start + timedelta(minutes=minutes)
    status = TO_VISIT.get(record.status)
    if status is None:
        log.warning("unknown CareValidate status %r on %s", record.status, record.appointmentId)
        status = VisitStatus.BOOKED
    ref = (record.tracking or {}).get("salesforceUuid") or None
    name = " ".join(p for p in (record.firstName, record.lastName) if p) or record.email
    extra: dict[str, Any] = {}
    if record.location:
        extra["location"] = record.location
    if record.timezone:
        extra["timezone"] = record.timezone
    return Booking(
        id=ref or local_booking_id(connection_id, record.appointmentId),
        connection_id=connection_id,
        remote_id=record.appointmentId,
        service_id=record.eventTypeId,
        resource_id=record.providerId or "",
        start=start,
        end=end,
        patient_name=name,
        patient_phone="",
        patient_email=record.email,
        external_ref=ref,
        visit_status=status,
        sync_state=SyncState.CONFIRMED,
        extra=extra,
    )


def _wall_end(start: datetime, minutes: int, zone: str) -> time:
    local_start = to_local(start, zone)
    local_end = to_local(start + timedelta(minutes=minutes), zone)
    if local_end.date() != local_start.date():
        return time(23, 59, 59)
    return local_end.time().replace(tzinfo=None)


def slot_window(entry: CvEventEntry, start: datetime, zone: str) -> Window:
    """One open slot as an exact window of its event type on its provider's column."""
    local = to_local(start, zone)
    return Window(
        window_id=f"{entry.eventTypeId}@{iso_utc(start)}",
        resource_id=entry.providerId,
        day=local.date(),
        start=local.time().replace(tzinfo=None),
        end=_wall_end(start, entry.durationMinutes, zone),
        open=True,
        capacity=1,
        service_id=entry.eventTypeId,
        exact=True,
    )


def catalog_from_wire(entries: list[CvEventEntry], windows: list[Window], zone: str) -> Catalog:
    services = [
        Service(
            e.eventTypeId,
            e.eventTypeName,
            e.durationMinutes,
            None,
            e.active,
            {"providerId": e.providerId, "calendlyLink": e.calendlyLink, "states": e.states},
        )
        for e in entries
    ]
    resources: dict[str, Resource] = {}
    for e in entries:
        if e.providerId not in resources:
            base_link = (e.calendlyLink or "").rsplit("/", 1)[0] or None
            resources[e.providerId] = Resource(
                e.providerId,
                e.providerName,
                "provider",
                None,
                {"calendlyLink": base_link, "states": e.states, "timezone": e.timezone},
            )
    return Catalog(
        policy=Policy(timezone=zone, allow_cancellation=True, extra={"api": "carevalidate"}),
        services=services,
        resources=list(resources.values()),
        windows=windows,
    )


def local_midnight(day: date, zone: str) -> datetime:
    return local_to_utc(day, time(0, 0), zone).instant

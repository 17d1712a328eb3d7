"""Between the desk's bookings and catalog and VantaX's wire shapes (docs/providers.md, VantaX:
"The desk's view of VantaX")."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window
from frontdesk.domain.sensitive import remember
from frontdesk.domain.timeutil import ensure_utc
from frontdesk.providers.http import BadAnswer
from frontdesk.providers.vantax.wire import VxAppointment, VxCalendar, VxContact
from frontdesk.rules.vantax import parse_utc_stamp

log = logging.getLogger("frontdesk.providers")

TO_VISIT = {
    "scheduled": VisitStatus.BOOKED,
    "confirmed": VisitStatus.BOOKED,
    "completed": VisitStatus.COMPLETED,
    "no_show": VisitStatus.NO_SHOW,
    "cancelled": VisitStatus.CANCELLED,
}
TO_WIRE_STATUS = {
    VisitStatus.BOOKED: "confirmed",
    VisitStatus.COMPLETED: "completed",
    VisitStatus.NO_SHOW: "no_show",
    VisitStatus.CANCELLED: "cancelled",
}

# Wire fields and the desk fields they come from (for messages at the desk).
WIRE_TO_FIELD = {
    "first_name": "patient_name",
    "last_name": "patient_name",
    "email": "patient_email",
    "phone": "patient_phone",
    "contact_id": "patient_name",
    "title": "service_id",
    "duration": "service_id",
    "calendar_id": "resource_id",
    "appointment_date": "start",
    "description": "notes",
    "sub_account_id": "connection_id",
}
PENDING_CONTACT = "ct_pending"
SERVICE_PREFIX = "svc_"
END_OF_DAY = time(23, 59, 59, 999999)


def service_id_for(calendar_id: str) -> str:
    return SERVICE_PREFIX + calendar_id


def calendar_of_service(service_id: str) -> str:
    return service_id.removeprefix(SERVICE_PREFIX)


def sync_state_for(status: str) -> SyncState:
    return SyncState.AWAITING_CONFIRMATION if status == "scheduled" else SyncState.CONFIRMED


def wire_stamp(instant: datetime) -> str:
    """``2026-06-09T15:00:00Z``: whole seconds in UTC, as in every VantaX example (the pages
    say only "ISO-8601 UTC timestamp"; fractions of a second are never sent)."""
    return ensure_utc(instant).strftime("%Y-%m-%dT%H:%M:%SZ")


def split_name(name: str) -> tuple[str, str]:
    """``first_name`` = all before the last space, ``last_name`` = the last word."""
    words = name.split()
    if len(words) < 2:
        return (words[0] if words else "", "")
    first, last = " ".join(words[:-1]), words[-1]
    remember(first, last)  # each travels alone on the wire: masked alone in a log
    return first, last


def wire_phone(phone: str) -> str:
    """The desk's phone without spaces, dashes, dots or brackets (E.164 when it had a +)."""
    return "".join(ch for ch in phone.strip() if ch not in " -.()\t")


def contact_body(booking: Booking, sub_account_id: str) -> dict[str, Any]:
    first, last = split_name(booking.patient_name)
    return {
        "first_name": first,
        "last_name": last,
        "email": (booking.patient_email or "").strip(),
        "phone": wire_phone(booking.patient_phone),
        "sub_account_id": sub_account_id,
    }


def same_patient(contact: VxContact, booking: Booking) -> bool:
    """A contact is the desk's patient when phone and email (case-insensitive) are equal (both
    are fields of the documented contact record)."""
    email = (booking.patient_email or "").strip().casefold()
    return (
        bool(email)
        and (contact.phone or "") == wire_phone(booking.patient_phone)
        and (contact.email or "").strip().casefold() == email
    )


def minutes(booking: Booking) -> int:
    return round((booking.end - booking.start).total_seconds() / 60)


def create_body(
    booking: Booking, contact_id: str, sub_account_id: str, title: str
) -> dict[str, Any]:
    """The ``POST /v1/appointments`` body of a desk booking."""
    body: dict[str, Any] = {
        "contact_id": contact_id,
        "title": booking.extra.get("title") or title,
        "appointment_date": wire_stamp(booking.start),
        "sub_account_id": sub_account_id,
        "duration": minutes(booking),
    }
    if booking.resource_id:
        body["calendar_id"] = booking.resource_id
    if booking.notes:
        body["description"] = booking.notes
    if booking.extra.get("location"):
        body["location"] = booking.extra["location"]
    return body


def reschedule_body(booking: Booking) -> dict[str, Any]:
    body: dict[str, Any] = {
        "appointment_date": wire_stamp(booking.start),
        "duration": minutes(booking),
    }
    if booking.resource_id:
        body["calendar_id"] = booking.resource_id
    return body


def local_booking_id(connection_id: str, remote_id: str) -> str:
    """A stable local id for a booking first seen remotely (same id on every pull)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"vantax:{connection_id}:{remote_id}"))


def booking_from_wire(
    record: VxAppointment, connection_id: str, contacts: Mapping[str, VxContact]
) -> Booking:
    start = parse_utc_stamp(record.appointment_date)
    if start is None:
        raise BadAnswer(f"appointment {record.id} has an unreadable appointment_date")
    status = TO_VISIT.get(record.status)
    if status is None:
        log.warning("unknown VantaX status %r on %s", record.status, record.id)
        status = VisitStatus.BOOKED
    contact = contacts.get(record.contact_id)
    name = f"{contact.first_name} {contact.last_name}".strip() if contact else ""
    extra: dict[str, Any] = {"contact_id": record.contact_id, "title": record.title}
    if record.location:
        extra["location"] = record.location
    return Booking(
        id=local_booking_id(connection_id, record.id),
        connection_id=connection_id,
        remote_id=record.id,
        service_id=service_id_for(record.calendar_id) if record.calendar_id else "",
        resource_id=record.calendar_id or "",
        start=start,
        end=start + timedelta(minutes=record.duration),
        patient_name=name,
        patient_phone=(contact.phone or "") if contact else "",
        patient_email=contact.email if contact else None,
        notes=record.description,
        visit_status=status,
        sync_state=sync_state_for(record.status),
        extra=extra,
    )


def accepted_booking(booking: Booking, record: VxAppointment) -> Booking:
    """The desk booking once VantaX holds it: remote id, status and the contact it uses."""
    extra = {**booking.extra, "contact_id": record.contact_id, "title": record.title}
    status = TO_VISIT.get(record.status, VisitStatus.BOOKED)
    return booking.with_changes(
        remote_id=record.id,
        visit_status=status,
        sync_state=sync_state_for(record.status),
        problem_code=None,
        problem_message=None,
        extra=extra,
    )


def catalog_from_wire(
    timezone: str,
    sub_account_id: str,
    calendars: list[VxCalendar],
    contact_ids: list[str],
    days: list[date],
) -> Catalog:
    """The sub-account's catalog: each calendar a resource and a service, open all day.

    ``timezone`` is the connection's option (VantaX documents no zone); ``contact_ids`` are the
    sub-account's contacts (the key reaches no other sub-account's), for the rules' 404s."""
    resources = [
        Resource(
            c.id,
            c.name,
            "calendar",
            c.color,
            {
                "is_active": c.is_active,
                "slot_duration_minutes": c.slot_duration_minutes,
                "sub_account_id": c.sub_account_id or sub_account_id,
            },
        )
        for c in calendars
    ]
    services = [
        Service(
            service_id_for(c.id),
            c.name,
            c.slot_duration_minutes,
            c.color,
            c.is_active,
            {"calendar_id": c.id},
        )
        for c in calendars
    ]
    windows = [
        Window(f"{c.id}:{day.isoformat()}", c.id, day, time(0, 0), END_OF_DAY, open=c.is_active)
        for day in days
        for c in calendars
    ]
    return Catalog(
        policy=Policy(
            timezone=timezone,
            extra={"sub_account_id": sub_account_id, "contacts": sorted(contact_ids)},
        ),
        services=services,
        resources=resources,
        windows=windows,
    )

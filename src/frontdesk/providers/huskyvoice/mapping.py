"""Between the desk's bookings and catalog and HuskyVoice's wire shapes."""

from __future__ import annotations

import logging
import uuid
from datetime import date, time, timedelta
from typing import Any

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window
from frontdesk.domain.timeutil import iso_utc, parse_iso_instant
from frontdesk.providers.http import BadAnswer
from frontdesk.providers.huskyvoice.wire import HvAppointment, HvConfig, HvService, HvWindow

log = logging.getLogger("frontdesk.providers")

TO_VISIT = {
    "confirmed": VisitStatus.BOOKED,
    "arrived": VisitStatus.ARRIVED,
    "completed": VisitStatus.COMPLETED,
    "no_show": VisitStatus.NO_SHOW,
    "cancelled": VisitStatus.CANCELLED,
}
TO_WIRE_STATUS = {v: k for k, v in TO_VISIT.items()}

# Fields of the create body and the booking fields they come from (for messages at the desk).
WIRE_TO_FIELD = {
    "appointment_type": "service_id",
    "appointment_date": "start",
    "patient_name": "patient_name",
    "parent_phone": "patient_phone",
    "branch_id": "resource_id",
    "session": "session",
}


def create_body(booking: Booking, with_reference: bool = True) -> dict[str, Any]:
    """The ``POST /v1/appointments`` body for a desk booking; our id is the reference."""
    body: dict[str, Any] = {
        "appointment_type": booking.service_id,
        "appointment_date": iso_utc(booking.start),
        "patient_name": booking.patient_name,
        "parent_phone": booking.patient_phone,
        "branch_id": booking.resource_id,
        "external_reference_id": booking.external_ref or booking.id,
    }
    if booking.session:
        body["session"] = booking.session
    if not with_reference:
        del body["external_reference_id"]
    return body


def reschedule_body(booking: Booking) -> dict[str, Any]:
    body: dict[str, Any] = {
        "appointment_date": iso_utc(booking.start),
        "branch_id": booking.resource_id,
        "appointment_type": booking.service_id,
    }
    if booking.session:
        body["session"] = booking.session
    return body


def local_booking_id(connection_id: str, remote_id: str) -> str:
    """A stable local id for a booking first seen remotely (same id on every pull)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"huskyvoice:{connection_id}:{remote_id}"))


def booking_from_wire(
    record: HvAppointment, connection_id: str, durations: dict[str, int]
) -> Booking:
    start = parse_iso_instant(record.appointment_date)
    if start is None:
        raise BadAnswer(f"appointment {record.appointment_id} has an unreadable appointment_date")
    minutes = record.duration_minutes or durations.get(record.appointment_type, 30)
    status = TO_VISIT.get(record.status)
    if status is None:
        log.warning("unknown HuskyVoice status %r on %s", record.status, record.appointment_id)
        status = VisitStatus.BOOKED
    ref = record.external_reference_id
    return Booking(
        id=ref or local_booking_id(connection_id, record.appointment_id),
        connection_id=connection_id,
        remote_id=record.appointment_id,
        service_id=record.appointment_type,
        resource_id=record.branch_id or "",
        start=start,
        end=start + timedelta(minutes=minutes),
        session=record.session,
        batch=record.batch,
        patient_name=record.patient_name,
        patient_phone=record.parent_phone,
        external_ref=ref,
        visit_status=status,
        sync_state=SyncState.CONFIRMED,
    )


def _clock(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError as exc:
        raise BadAnswer(f"window time {text!r} is not HH:MM") from exc


def window_from_wire(day: date, w: HvWindow) -> Window:
    return Window(
        window_id=w.window_id,
        resource_id=w.branch_id,
        day=day,
        start=_clock(w.start_time),
        end=_clock(w.end_time),
        session=w.session,
        batch=w.batch,
        open=w.status.upper() == "OPEN",
        capacity=w.max_slots,
    )


def catalog_from_wire(
    config: HvConfig, services: list[HvService], windows: list[Window]
) -> Catalog:
    return Catalog(
        policy=Policy(
            timezone=config.timezone,
            duplicate_prevention=config.duplicate_prevention,
            allow_cancellation=config.allow_cancellation,
            cancellation_notice_hours=config.cancellation_notice_hours,
        ),
        services=[
            Service(s.id, s.name, s.duration_minutes, s.color, s.is_active) for s in services
        ],
        resources=[Resource(b.id, b.name, "branch") for b in config.branches],
        windows=windows,
    )

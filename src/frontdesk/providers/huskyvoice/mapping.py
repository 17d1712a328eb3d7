"""Between the desk's bookings and catalog and HuskyVoice's wire shapes.

Statuses (updating and getting pages): a record says ``confirmed``, ``rescheduled``,
``completed`` or ``cancelled``; a PATCH may set ``confirmed``, ``completed`` or ``cancelled``.
Arrived and no-show are the desk's own marks and never go on the wire. Every booking this module
makes carries, in ``extra[rules.HELD]``, what the booking system holds of it (branch, service,
where in time, since when): the offline rules read it to count capacity and to refuse a change
the PATCH cannot make.
"""

from __future__ import annotations

import logging
import math
import uuid
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

from frontdesk.domain.booking import APPROXIMATE_TIME, Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window
from frontdesk.domain.timeutil import iso_utc
from frontdesk.providers.huskyvoice.places import Places, Span
from frontdesk.providers.huskyvoice.wire import HvAppointment, HvConfig, HvService, HvSlot
from frontdesk.rules.huskyvoice import DUPLICATES_KNOWN, HELD, SLOTS_DAYS, SLOTS_READ_AT

log = logging.getLogger("frontdesk.providers")

TO_VISIT = {
    "confirmed": VisitStatus.BOOKED,
    "rescheduled": VisitStatus.BOOKED,  # listed by the search page; still booked
    "completed": VisitStatus.COMPLETED,
    "cancelled": VisitStatus.CANCELLED,
}
# What a PATCH may set (updating page: "confirmed, completed, or cancelled").
TO_WIRE_STATUS = {
    VisitStatus.BOOKED: "confirmed",
    VisitStatus.COMPLETED: "completed",
    VisitStatus.CANCELLED: "cancelled",
}
DESK_ONLY = frozenset({VisitStatus.ARRIVED, VisitStatus.NO_SHOW})
DEFAULT_MINUTES = 30  # [ours] a service whose duration the services list does not give

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
    """The ``POST /v1/appointments`` body for a desk booking; our id is the reference.
    ``branch_id`` is left out when the booking has none (the API resolves a single branch)."""
    body: dict[str, Any] = {
        "appointment_type": booking.service_id,
        "appointment_date": iso_utc(booking.start),
        "patient_name": booking.patient_name,
        "parent_phone": booking.patient_phone,
    }
    if booking.resource_id:
        body["branch_id"] = booking.resource_id
    if booking.session:
        body["session"] = booking.session
    if with_reference:
        body["external_reference_id"] = booking.external_ref or booking.id
    return body


def reschedule_body(booking: Booking) -> dict[str, Any]:
    """The PATCH of a move: only updatable fields (the new time, and the session when the
    desk names one; the window then decides the batch)."""
    body: dict[str, Any] = {"appointment_date": iso_utc(booking.start)}
    if booking.session:
        body["session"] = booking.session
    return body


def local_booking_id(connection_id: str, remote_id: str) -> str:
    """A stable local id for a booking first seen remotely (same id on every pull)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"huskyvoice:{connection_id}:{remote_id}"))


def visit_status(word: str, appointment_id: str) -> VisitStatus:
    status = TO_VISIT.get(word)
    if status is None:
        log.warning("unknown HuskyVoice status %r on %s; read as booked", word, appointment_id)
        return VisitStatus.BOOKED
    return status


def held(
    branch_id: str, service_id: str, span: Span, at: datetime | None, status: str
) -> dict[str, Any]:
    """The ``extra[HELD]`` of a booking the booking system holds."""
    return {
        "branch_id": branch_id,
        "service_id": service_id,
        "from": iso_utc(span.start),
        "to": iso_utc(span.end),
        "at": iso_utc(at) if at is not None else None,
        "status": status,
    }


def record_day(record: HvAppointment) -> date | None:
    try:
        return date.fromisoformat((record.date or "").strip())
    except ValueError:
        return None


def booking_from_wire(
    record: HvAppointment, connection_id: str, places: Places, durations: Mapping[str, int]
) -> Booking | None:
    """A pulled record as a booking, placed at its window's start (None: no readable date)."""
    day = record_day(record)
    if day is None:
        log.warning("HuskyVoice appointment %s: no readable date; skipped", record.appointment_id)
        return None
    branch = record.branch_id or ""
    span = places.of_record(branch, day, record.session, record.batch)
    minutes = durations.get(record.appointment_type, DEFAULT_MINUTES)
    ref = record.external_reference_id or None
    extra: dict[str, Any] = {
        HELD: held(branch, record.appointment_type, span, None, record.status),
        APPROXIMATE_TIME: span.as_extra(),
    }
    return Booking(
        id=ref or local_booking_id(connection_id, record.appointment_id),
        connection_id=connection_id,
        remote_id=record.appointment_id,
        service_id=record.appointment_type,
        resource_id=branch,
        start=span.at,
        end=span.at + timedelta(minutes=minutes),
        session=record.session,
        batch=record.batch,
        patient_name=record.patient_name,
        patient_phone=record.parent_phone,
        external_ref=ref,
        visit_status=visit_status(record.status, record.appointment_id),
        sync_state=SyncState.CONFIRMED,
        extra=extra,
    )


def accepted(
    booking: Booking,
    record: HvAppointment | None,
    appointment_id: str,
    places: Places,
    now: datetime,
    placed: bool,
) -> Booking:
    """``booking`` as the booking system now holds it, after it accepted a send. The desk's
    own start stands (the record has none). ``placed``: the send put it where it now is (a
    create or a move), so the cached availability may not count it yet."""
    status = booking.visit_status
    word = record.status if record is not None else "confirmed"
    if record is not None:
        remote = visit_status(record.status, record.appointment_id)
        if not (remote is VisitStatus.BOOKED and status in DESK_ONLY):
            status = remote  # the API cannot say "arrived": its "confirmed" does not undo it
    branch = (record.branch_id if record is not None else None) or booking.resource_id
    service = record.appointment_type if record is not None else booking.service_id
    span = places.of_start(branch, booking.start, booking.end)
    before = booking.extra.get(HELD)
    since: datetime | None = now
    if not placed and isinstance(before, Mapping):  # a status change: it did not move
        kept = before.get("at")
        since = datetime.fromisoformat(kept) if isinstance(kept, str) else None
    extra = {k: v for k, v in booking.extra.items() if k != APPROXIMATE_TIME}
    extra[HELD] = held(branch, service, span, since, word)
    return booking.with_changes(
        remote_id=appointment_id,
        resource_id=branch,
        session=(record.session if record is not None else None) or booking.session,
        batch=(record.batch if record is not None else None) or booking.batch,
        visit_status=status,
        sync_state=SyncState.CONFIRMED,
        problem_code=None,
        problem_message=None,
        extra=extra,
    )


def _clock(text: str) -> time | None:
    try:
        return time.fromisoformat(text.strip())
    except ValueError:
        return None


def window_from_wire(day: date, slot: HvSlot, service_ids: Mapping[str, str]) -> Window | None:
    """One availability slot as the desk's window of ``day`` (None: not usable)."""
    window_id = slot.window_id
    start, end = _clock(slot.start_time), _clock(slot.end_time)
    if window_id is None or start is None or end is None:
        log.warning("HuskyVoice availability slot without id or readable hours; skipped")
        return None
    restricted = slot.appointment_type
    if restricted:  # a UUID, or (leniently) a service's name
        restricted = service_ids.get(restricted.strip().casefold(), restricted)
    return Window(
        window_id=window_id,
        resource_id=slot.branch_id,
        day=day,
        start=start,
        end=end,
        session=slot.session,
        batch=slot.batch,
        open=(slot.status or "OPEN").strip().upper() == "OPEN",
        capacity=slot.remaining,
        service_id=restricted or None,
    )


def service_from_wire(service: HvService) -> Service:
    minutes = service.duration_minutes
    return Service(
        service.id,
        service.name or service.id,
        minutes if minutes and minutes > 0 else DEFAULT_MINUTES,
        service.color,
        service.is_active,
    )


def resources_from(config: HvConfig, windows: list[Window]) -> list[Resource]:
    """The branches: those the configuration names (when it does), and every branch an
    availability slot names (the overview page's way to find branch ids), by id."""
    found: dict[str, Resource] = {}
    for item in config.branches:
        ident = item.get("id") or item.get("branch_id")
        if isinstance(ident, str) and ident:
            name = item.get("name")
            found[ident] = Resource(ident, name if isinstance(name, str) and name else ident)
    for window in windows:
        if window.resource_id not in found:
            found[window.resource_id] = Resource(window.resource_id, window.resource_id)
    return list(found.values())


def catalog_from_wire(
    config: HvConfig,
    zone_name: str,
    services: list[Service],
    windows: list[Window],
    read_at: datetime,
    days: list[date],
) -> Catalog:
    known = config.duplicate_prevention is not None
    return Catalog(
        policy=Policy(
            timezone=zone_name,
            duplicate_prevention=bool(config.duplicate_prevention),
            allow_cancellation=config.allow_cancellation,
            cancellation_notice_hours=math.ceil(config.cancellation_notice_hours),
            extra={
                SLOTS_READ_AT: iso_utc(read_at),
                SLOTS_DAYS: sorted({d.isoformat() for d in days}),
                DUPLICATES_KNOWN: known,
            },
        ),
        services=services,
        resources=resources_from(config, windows),
        windows=windows,
    )

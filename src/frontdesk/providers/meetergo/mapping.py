"""Between the desk's bookings and catalog and meetergo's wire shapes."""

from __future__ import annotations

import logging
import uuid
from datetime import date, timedelta
from typing import Any

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window
from frontdesk.domain.timeutil import iso_utc, parse_iso_instant, to_local
from frontdesk.providers.http import BadAnswer
from frontdesk.providers.meetergo.wire import MgAppointment, MgMeetingType

log = logging.getLogger("frontdesk.providers")

REF_NOTE = "frontdeskRef"
TO_VISIT = {"confirmed": VisitStatus.BOOKED, "cancelled": VisitStatus.CANCELLED}

# Fields of the create body and the booking fields they come from (messages at the desk).
WIRE_TO_FIELD = {
    "meetingTypeId": "service_id",
    "start": "start",
    "duration": "start",
    "hostIds": "resource_id",
    "queueId": "resource_id",
    "attendee": "patient_name",
    "attendee.fullname": "patient_name",
    "attendee.firstname": "patient_name",
    "attendee.lastname": "patient_name",
    "attendee.email": "patient_email",
    "attendee.phone": "patient_phone",
    "attendee.notes": "notes",
}


def type_extra(t: MgMeetingType) -> dict[str, Any]:
    """What the rules and the create body need of a meeting type (``Service.extra``)."""
    o = t.meetingOptions
    return {
        "type": t.type,
        "userId": t.userId,
        "queueId": t.queueId,
        "hostIds": [h.id for h in t.hosts],
        "channel": t.meetingInfo.channel,
        "bufferBefore": t.meetingInfo.bufferBefore,
        "bufferAfter": t.meetingInfo.bufferAfter,
        "allowedDurations": list(o.allowedDurations),
        "allowedChannels": list(o.allowedChannels),
        "allowHostSelection": o.allowHostSelection,
        "doubleOptIn": o.doubleOptIn,
        "requireHostConfirmation": o.requireHostConfirmation,
        "allowPhoneOnlyBooking": o.allowPhoneOnlyBooking,
        "allowAddingGuests": o.allowAddingGuests,
        "maxAttendees": o.maxAttendees,
    }


def column_of(t: MgMeetingType) -> str:
    """The desk resource a type's spots and bookings belong to: its host, or its queue."""
    return t.queueId if t.type == "round-robin" and t.queueId else (t.userId or "")


def durations(t: MgMeetingType) -> list[int]:
    values = [t.meetingInfo.duration]
    values += [d for d in t.meetingOptions.allowedDurations if d not in values]
    return values


def spot_windows(
    t: MgMeetingType, minutes: int, zone_name: str, dates: list[tuple[str, list[str]]]
) -> list[Window]:
    """One exact window per spot (``dates``: each date and its spots' ``startTime``)."""
    windows: list[Window] = []
    for day_text, starts in dates:
        try:
            date.fromisoformat(day_text)
        except ValueError as exc:
            raise BadAnswer(f"availability date {day_text!r} is not YYYY-MM-DD") from exc
        for text in starts:
            instant = parse_iso_instant(text)
            if instant is None:
                raise BadAnswer(f"spot startTime {text!r} is not an instant")
            local = to_local(instant, zone_name)
            end = to_local(instant + timedelta(minutes=minutes), zone_name)
            if end.date() != local.date():
                continue  # a spot over midnight cannot be one window of one date
            windows.append(
                Window(
                    window_id=f"{t.id}:{minutes}:{iso_utc(instant)}",
                    resource_id=column_of(t),
                    day=local.date(),
                    start=local.time().replace(tzinfo=None),
                    end=end.time().replace(tzinfo=None),
                    service_id=t.id,
                    exact=True,
                )
            )
    return windows


def catalog_from_wire(types: list[MgMeetingType], windows: list[Window]) -> Catalog:
    zone_name = types[0].timezone if types else "Europe/Berlin"
    resources: dict[str, Resource] = {}
    for t in types:
        for host in t.hosts:
            resources.setdefault(host.id, Resource(host.id, host.name or host.id, "host"))
        if t.type == "round-robin" and t.queueId:
            name = f"{t.meetingInfo.name} (round robin)"
            resources.setdefault(t.queueId, Resource(t.queueId, name, "queue"))
    return Catalog(
        policy=Policy(timezone=zone_name, allow_cancellation=True),
        services=[
            Service(t.id, t.meetingInfo.name, t.meetingInfo.duration, extra=type_extra(t))
            for t in types
        ],
        resources=list(resources.values()),
        windows=windows,
    )


def _minutes(booking: Booking) -> int:
    return int((booking.end - booking.start).total_seconds() // 60)


def create_body(booking: Booking, t: Service) -> dict[str, Any]:
    """The ``POST /v4/booking`` body for a desk booking of meeting type ``t``."""
    attendee: dict[str, Any] = {
        "fullname": booking.patient_name,
        "receiveReminders": True,
        "notes": {REF_NOTE: booking.external_ref or booking.id},
    }
    if booking.patient_email:
        attendee["email"] = booking.patient_email
    if booking.patient_phone:
        attendee["phone"] = booking.patient_phone
    body: dict[str, Any] = {
        "attendee": attendee,
        "meetingTypeId": booking.service_id,
        "start": iso_utc(booking.start),
    }
    kind = t.extra.get("type")
    if kind == "round-robin":
        body["queueId"] = t.extra.get("queueId")
    elif kind == "one-to-one" or booking.resource_id == t.extra.get("userId"):
        body["hostIds"] = [t.extra.get("userId")]
    if _minutes(booking) != t.duration_minutes:
        body["duration"] = _minutes(booking)
    channel = booking.extra.get("channel")
    if isinstance(channel, str) and channel:
        body["channel"] = channel
    return body


def local_booking_id(connection_id: str, remote_id: str) -> str:
    """A stable local id for a booking first seen remotely (same id on every pull)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"meetergo:{connection_id}:{remote_id}"))


def booking_from_wire(record: MgAppointment, connection_id: str) -> Booking:
    start = parse_iso_instant(record.start)
    if start is None:
        raise BadAnswer(f"appointment {record.id} has an unreadable start")
    end = parse_iso_instant(record.end) if record.end else None
    if end is None:
        end = start + timedelta(minutes=record.duration or 30)
    status = TO_VISIT.get(record.status)
    if status is None:
        log.warning("unknown meetergo status %r on %s", record.status, record.id)
        status = VisitStatus.BOOKED
    a = record.attendee
    ref = a.notes.get(REF_NOTE)
    ref = ref if isinstance(ref, str) and ref else None
    name = a.fullname or " ".join(p for p in (a.firstname, a.lastname) if p)
    extra: dict[str, Any] = {}
    if record.channel:
        extra["channel"] = record.channel
    if record.provisionalBookingId:
        extra["provisional_booking_id"] = record.provisionalBookingId
    return Booking(
        id=ref or local_booking_id(connection_id, record.id),
        connection_id=connection_id,
        remote_id=record.id,
        service_id=record.meetingTypeId,
        resource_id=record.hostIds[0] if record.hostIds else (record.queueId or ""),
        start=start,
        end=end,
        patient_name=name,
        patient_phone=a.phone or "",
        patient_email=a.email,
        external_ref=ref,
        visit_status=status,
        sync_state=SyncState.CONFIRMED,
        extra=extra,
    )

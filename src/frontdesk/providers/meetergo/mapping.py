"""Between the desk's bookings and catalog and meetergo's wire shapes (docs/providers.md,
"meetergo", "Desk mapping").

Owns what a meeting type is to the desk (:class:`TypeFacts`, derived only from documented
fields: ``userId``, ``queueId``, ``spots``, ``meetingInfo.groupBooking``, ``meetingOptions``,
and the users whose list holds the type), the catalog built from it, the create body, and the
bookings read back from appointment records and provisional bookings.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window
from frontdesk.domain.timeutil import iso_utc, parse_iso_instant, to_local
from frontdesk.providers.http import BadAnswer
from frontdesk.providers.meetergo.wire import (
    MgAppointment,
    MgAttendee,
    MgMeetingType,
    MgProvisional,
)

log = logging.getLogger("frontdesk.providers")

REF_NOTE = "frontdeskRef"
ON = frozenset({"enabled", "true", "on"})
OFF = frozenset({"disabled", "false", "off"})
EXPIRED, DECLINED = "expired", "declined_by_host"
UNKNOWN_HOST = "type:"  # the desk column of a type whose host meetergo does not name

# Fields of the create body (dotted, or plain as in the error page's example) and the
# booking fields they come from (messages at the desk).
WIRE_TO_FIELD = {
    "meetingTypeId": "service_id",
    "start": "start",
    "duration": "start",
    "hostIds": "resource_id",
    "queueId": "resource_id",
    "phoneOnlyBooking": "patient_email",
    "attendee": "patient_name",
    "attendee.fullname": "patient_name",
    "attendee.firstname": "patient_name",
    "attendee.lastname": "patient_name",
    "attendee.email": "patient_email",
    "attendee.phone": "patient_phone",
    "attendee.notes": "notes",
    "fullname": "patient_name",
    "email": "patient_email",
    "phone": "patient_phone",
}


class HostUnknown(Exception):
    """A meeting type whose host no documented field names: it cannot be booked."""


def setting(value: object) -> str:
    """A ``doubleOptIn`` / ``requireHostConfirmation`` value: ``yes``, ``no``, or ``maybe``
    where its meaning is not documented (``useCompanySettings``, absent)."""
    if value is True or (isinstance(value, str) and value.casefold() in ON):
        return "yes"
    if value is False or (isinstance(value, str) and value.casefold() in OFF):
        return "no"
    return "maybe"


@dataclass(frozen=True)
class TypeFacts:
    """A meeting type as the desk needs it; ``kind`` is derived **[ours]**: ``queueId`` →
    round-robin; ``groupBooking`` or ``spots`` > 1 → group; a host → one-to-one; else
    unknown."""

    type: MgMeetingType
    kind: str
    user_id: str | None
    members: tuple[str, ...]
    members_known: bool

    @property
    def id(self) -> str:
        return self.type.id

    def extra(self) -> dict[str, Any]:
        """What the rules and the create body need (``Service.extra``)."""
        t = self.type
        info, o = t.meetingInfo, t.meetingOptions
        opt_in = o.doubleOptIn if o is not None else None
        confirm = o.requireHostConfirmation if o is not None else None
        return {
            "type": self.kind,
            "userId": self.user_id,
            "queueId": t.queueId,
            "members": list(self.members),
            "membersKnown": self.members_known,
            "spots": t.spots if t.spots is not None else 1,
            "channel": info.channel if info else None,
            "bufferBefore": int(info.bufferBefore or 0) if info else 0,
            "bufferAfter": int(info.bufferAfter or 0) if info else 0,
            "allowedDurations": [int(d) for d in o.allowedDurations] if o else [],
            "allowedChannels": list(o.allowedChannels) if o else [],
            "allowHostSelection": o.allowHostSelection if o else False,
            "allowPhoneOnlyBooking": o.allowPhoneOnlyBooking if o else False,
            "allowAddingGuests": o.allowAddingGuests if o else False,
            "doubleOptIn": opt_in,
            "requireHostConfirmation": confirm,
            "provisional": provisional_setting(opt_in, confirm),
        }

    def column(self) -> str:
        return column_of(self.extra(), self.id)

    def durations(self) -> list[int]:
        values = [self.type.minutes or 30]
        options = self.type.meetingOptions
        more = [int(d) for d in options.allowedDurations] if options else []
        return values + [d for d in more if d not in values]


def provisional_setting(opt_in: object, confirm: object) -> str:
    """``yes`` if a create may only be provisional, ``no`` if never, else ``maybe``."""
    values = (setting(opt_in), setting(confirm))
    if "yes" in values:
        return "yes"
    return "no" if values == ("no", "no") else "maybe"


def facts_of(t: MgMeetingType, associated: Sequence[str], complete: bool) -> TypeFacts:
    """``associated``: the users whose meeting-type list holds ``t``; ``complete``: whether
    every user of the company was asked (else a round-robin's members may be missing)."""
    info = t.meetingInfo
    group = bool(info and info.groupBooking) or (t.spots or 1) > 1
    if t.queueId is not None:
        members = tuple(dict.fromkeys(u for u in associated if u))
        return TypeFacts(t, "round-robin", None, members, complete and bool(members))
    host = t.userId
    if host is None and len([u for u in associated if u]) == 1:
        host = next(u for u in associated if u)  # [ours] the one user it is listed for
    if host is None:
        return TypeFacts(t, "unknown", None, (), False)
    return TypeFacts(t, "group" if group else "one-to-one", host, (host,), True)


def column_of(extra: Mapping[str, Any], type_id: str) -> str:
    """The desk column of a type's spots: its queue, its host, or a column of its own."""
    if extra.get("type") == "round-robin" and extra.get("queueId"):
        return str(extra["queueId"])
    if extra.get("userId"):
        return str(extra["userId"])
    return UNKNOWN_HOST + type_id


def spot_windows(
    facts: TypeFacts, minutes: int, zone_name: str, starts: Iterable[str], days: set[date]
) -> list[Window]:
    """One exact window per spot on a wanted local date (the spots' instants, in the
    connection's zone)."""
    windows: list[Window] = []
    for text in starts:
        instant = parse_iso_instant(text)
        if instant is None:
            raise BadAnswer(f"spot startTime {text!r} is not an instant")
        local = to_local(instant, zone_name)
        end = to_local(instant + timedelta(minutes=minutes), zone_name)
        if local.date() not in days or end.date() != local.date():
            continue  # another day, or over midnight: not one window of one date
        windows.append(
            Window(
                window_id=f"{facts.id}:{minutes}:{iso_utc(instant)}",
                resource_id=facts.column(),
                day=local.date(),
                start=local.time().replace(tzinfo=None),
                end=end.time().replace(tzinfo=None),
                service_id=facts.id,
                exact=True,
            )
        )
    return windows


def catalog_from(
    facts: Sequence[TypeFacts], names: Mapping[str, str], windows: list[Window], zone: str
) -> Catalog:
    resources: dict[str, Resource] = {}

    def host(user_id: str) -> None:
        name = names.get(user_id) or f"meetergo user {user_id[:8]}"
        resources.setdefault(user_id, Resource(user_id, name, "host"))

    for f in facts:
        for member in f.members:
            host(member)
        column = f.column()
        if f.kind == "round-robin":
            name = f"{f.type.title} (round robin)"
            resources.setdefault(column, Resource(column, name, "queue"))
        elif f.kind == "unknown":
            resources.setdefault(column, Resource(column, f"{f.type.title} (host unknown)", "host"))
    return Catalog(
        policy=Policy(timezone=zone, allow_cancellation=True),
        services=[
            Service(f.id, f.type.title, f.type.minutes or 30, extra=f.extra()) for f in facts
        ],
        resources=list(resources.values()),
        windows=windows,
    )


def _minutes(booking: Booking) -> int:
    return int((booking.end - booking.start).total_seconds() // 60)


def create_body(booking: Booking, t: Service) -> dict[str, Any]:
    """The ``POST /v4/booking`` body for a desk booking of meeting type ``t``; raises
    :class:`HostUnknown` for a type no documented field gives a host or queue."""
    extra = t.extra
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
    queue = extra.get("queueId")
    if extra.get("type") == "round-robin" and queue:
        chosen = booking.resource_id
        if extra.get("allowHostSelection") and chosen and chosen != queue:
            body["hostIds"] = [chosen]  # a specific host: queueId must be left out
        else:
            body["queueId"] = queue
    elif extra.get("userId"):
        body["hostIds"] = [extra["userId"]]
    else:
        raise HostUnknown(
            f"meetergo does not say who hosts “{t.name}” (its meeting type has neither a "
            "userId nor a queueId), so the desk cannot book it; ask for the host to be set "
            "in meetergo"
        )
    if _minutes(booking) != t.duration_minutes:
        body["duration"] = _minutes(booking)
    channel = booking.extra.get("channel")
    if isinstance(channel, str) and channel:
        body["channel"] = channel
    if not booking.patient_email and extra.get("allowPhoneOnlyBooking"):
        body["phoneOnlyBooking"] = True
    return body


def identity(email: str | None, phone: str | None) -> str:
    """Who an attendee is, for matching: the email (any case), else the phone's digits."""
    if email:
        return email.strip().casefold()
    digits = "".join(c for c in phone or "" if c.isdigit())
    return f"tel:{digits}" if digits else ""


def who(a: MgAttendee) -> str:
    return identity(a.email, a.phone)


def local_booking_id(connection_id: str, remote_id: str) -> str:
    """A stable local id for a booking first seen remotely (same id on every pull)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"meetergo:{connection_id}:{remote_id}"))


def seat_id(appointment_id: str, attendee: MgAttendee) -> str:
    """A group attendee's remote id: the appointment's id and who the attendee is."""
    return f"{appointment_id}/{who(attendee)}"


def appointment_of(remote_id: str) -> str:
    """The appointment id in a remote id (a group seat's is ``<appointment>/<who>``)."""
    return remote_id.partition("/")[0]


Key = tuple[str, datetime, str]  # meeting type, start, attendee identity


def bookings_from_record(
    record: MgAppointment,
    connection_id: str,
    group_types: Iterable[str] = (),
    refs: Mapping[Key, str] | None = None,
) -> list[Booking]:
    """The desk bookings of one appointment: one, or one per attendee of a group type."""
    start = parse_iso_instant(record.start)
    if start is None:
        raise BadAnswer(f"appointment {record.id} has an unreadable start")
    end = parse_iso_instant(record.end) if record.end else None
    info = record.meetingInfo
    if end is None:
        end = start + timedelta(minutes=int(info.duration or 30) if info else 30)
    group = record.meetingTypeId in set(group_types) or len(record.attendees) > 1
    if group and not record.attendees:
        return []  # a group session whose every seat was cancelled: no one's booking
    people = record.attendees or [MgAttendee()]
    bookings = []
    for person in people:
        remote_id = seat_id(record.id, person) if group else record.id
        note = (person.notes or {}).get(REF_NOTE)
        ref = note if isinstance(note, str) and note else None
        if ref is None and refs is not None:
            ref = refs.get((record.meetingTypeId or "", start, who(person)))
        extra: dict[str, Any] = {}
        if info is not None and info.channel:
            extra["channel"] = info.channel
        if person.id:
            extra["attendee_id"] = person.id
        bookings.append(
            Booking(
                id=ref or local_booking_id(connection_id, remote_id),
                connection_id=connection_id,
                remote_id=remote_id,
                service_id=record.meetingTypeId or "",
                resource_id=record.hostIds[0] if record.hostIds else "",
                start=start,
                end=end,
                patient_name=person.name,
                patient_phone=person.phone or "",
                patient_email=person.email,
                external_ref=ref,
                visit_status=VisitStatus.CANCELLED if record.cancelled else VisitStatus.BOOKED,
                sync_state=SyncState.CONFIRMED,
                extra=extra,
            )
        )
    return bookings


def provisional_key(p: MgProvisional) -> Key | None:
    start = parse_iso_instant(p.dto.start) if p.dto.start else None
    type_id = p.dto.meetingTypeId or p.meetingTypeId
    if start is None or not type_id:
        return None
    return type_id, start, who(p.dto.attendee)


def provisional_ref(p: MgProvisional) -> str | None:
    note = (p.dto.attendee.notes or {}).get(REF_NOTE)
    return note if isinstance(note, str) and note else None


def ended_words(p: MgProvisional, status: str) -> str:
    """Plain words for a provisional booking that will never be booked."""
    if status == DECLINED:
        return (
            "The host declined this booking request in meetergo, so it is not booked. "
            "Book the patient again at another time if they still want to come."
        )
    who_ = "host" if p.type == "requireHostConfirmation" else "patient"
    return (
        f"The {who_} did not confirm in time, so meetergo let this provisional booking "
        "expire and it is not booked. Book the patient again if they still want to come."
    )


def booking_from_provisional(
    p: MgProvisional, connection_id: str, minutes: int | None, status: str
) -> Booking | None:
    """The desk's view of a provisional booking (None when its dto is unreadable):
    pending → awaiting confirmation; expired or declined → not happening (cancelled) and
    refused, in plain words."""
    key = provisional_key(p)
    if key is None:
        return None
    type_id, start, _ = key
    dto = p.dto
    ref = provisional_ref(p)
    length = int(dto.duration) if dto.duration else (minutes or 30)
    state, code, message = SyncState.AWAITING_CONFIRMATION, None, None
    visit = VisitStatus.BOOKED
    if status in (EXPIRED, DECLINED):
        state, visit = SyncState.NEEDS_ATTENTION, VisitStatus.CANCELLED
        code = "PROVISIONAL_DECLINED" if status == DECLINED else "PROVISIONAL_EXPIRED"
        message = ended_words(p, status)
    return Booking(
        id=ref or local_booking_id(connection_id, f"provisional:{p.id}"),
        connection_id=connection_id,
        service_id=type_id,
        resource_id=(dto.hostIds[0] if dto.hostIds else None) or dto.queueId or "",
        start=start,
        end=start + timedelta(minutes=length),
        patient_name=dto.attendee.name,
        patient_phone=dto.attendee.phone or "",
        patient_email=dto.attendee.email,
        external_ref=ref,
        visit_status=visit,
        sync_state=state,
        problem_code=code,
        problem_message=message,
        extra={"provisional_booking_id": p.id, "provisional_status": status},
    )

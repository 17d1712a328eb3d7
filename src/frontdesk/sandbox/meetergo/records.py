"""What the meetergo sandbox stores and how it shows it: appointments with their attendees,
provisional bookings, and the JSON of users, meeting types, appointments and provisional
bookings in the shapes of developer.meetergo.com (docs/providers.md, "meetergo").

Owns the records and their documented JSON; nothing here checks a request or knows HTTP.
Fields the pages show are emitted with their documented names; an attendee's ``notes`` are
kept (a provisional booking's ``dto`` shows them) but an appointment's attendees are shown
"without relation properties", as the pages say, so without them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from frontdesk.sandbox.meetergo.clinic import COMPANY, Account, MeetingType, User

BOOKING_PAGE = "https://cal.meetergo.com"
ATTENDEE_FIELDS = ("email", "firstname", "lastname", "fullname", "phone", "timezone", "language")


def iso_ms(instant: datetime) -> str:
    """An instant as UTC with milliseconds, ``2027-06-15T08:00:00.000Z``."""
    value = instant.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def iso_offset(instant: datetime, zone: str) -> str:
    """An instant in ``zone`` with its offset, ``2027-06-15T10:00:00+02:00``."""
    return instant.astimezone(ZoneInfo(zone)).isoformat(timespec="seconds")


@dataclass
class Attendee:
    id: str
    email: str | None
    firstname: str | None
    lastname: str | None
    fullname: str
    phone: str | None
    timezone: str | None
    language: str | None
    notes: dict[str, Any] = field(default_factory=dict)

    def record(self) -> dict[str, Any]:
        """The documented attendee, without relation properties (no notes)."""
        return {"id": self.id, **{name: getattr(self, name) for name in ATTENDEE_FIELDS}}

    def identity(self) -> str:
        return (self.email or "").casefold() or (self.phone or "")


@dataclass
class Appointment:
    id: str
    type_id: str
    host_id: str
    start: datetime
    duration: int
    channel: str
    location: str | None
    attendees: list[Attendee]
    created_at: datetime
    updated_at: datetime
    secret: str = ""
    cancel: dict[str, Any] | None = None  # {actionSource, actionAt, actionBy, reason}

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.duration)

    @property
    def active(self) -> bool:
        return self.cancel is None

    def record(self, t: MeetingType | None) -> dict[str, Any]:
        """The appointment as ``GET /v4/appointment/paginated`` lists it (the documented
        fields the pages name; their order)."""
        info: dict[str, Any] = {"duration": self.duration, "channel": self.channel}
        if t is not None:
            info = {
                "name": t.name,
                **info,
                "groupBooking": t.kind == "group",
                "bufferBefore": t.buffer_before,
                "bufferAfter": t.buffer_after,
            }
        return {
            "id": self.id,
            "secret": self.secret,
            "meetingInfo": info,
            "hostingInfo": {"mainHost": self.host_id},
            "cancel": dict(self.cancel) if self.cancel is not None else None,
            "start": iso_ms(self.start),
            "end": iso_ms(self.end),
            "isCancelled": not self.active,
            "location": self.location,
            "attendees": [a.record() for a in self.attendees],
            "attendeeIds": [a.id for a in self.attendees],
            "meetingTypeId": self.type_id,
            "hostIds": [self.host_id],
            "companyId": COMPANY,
            "createdAt": iso_ms(self.created_at),
            "updatedAt": iso_ms(self.updated_at),
        }


@dataclass
class Provisional:
    """A double opt-in or host-confirmation booking: the create body (``dto``) as received,
    and what became of it."""

    id: str
    booking_type: str  # doubleOptIn | requireHostConfirmation
    type_id: str
    start: datetime
    duration: int
    channel: str
    location: str | None
    attendee: Attendee
    dto: dict[str, Any]
    host_ids: list[str]
    created_at: datetime
    status: str = "pending"  # pending | confirmed | expired | declined_by_host
    deleted_at: datetime | None = None

    def record(self, account: Account, t: MeetingType | None) -> dict[str, Any]:
        hosts = [u for u in (account.user(h) for h in self.host_ids) if u is not None]
        queue: dict[str, Any] | None = None
        if t is not None and t.queue_id is not None:
            queue = {"userIds": list(t.host_ids), "selectionReason": {}, "groupId": None}
        return {
            "id": self.id,
            "dto": dict(self.dto),
            "type": self.booking_type,
            "createdAt": iso_ms(self.created_at),
            "deletedAt": iso_ms(self.deleted_at) if self.deleted_at else None,
            "queueBookingInfo": queue,
            "hosts": [host_summary(u) for u in hosts],
            "meetingTypeId": self.type_id,
        }


def host_summary(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "givenName": user.given_name,
        "familyName": user.family_name,
        "slug": _slug(user),
        "userType": "standard",
        "picture": None,
    }


def _slug(user: User) -> str:
    return f"{user.given_name}-{user.family_name}".lower()


def booking_url(account: Account, t: MeetingType) -> str:
    owner = account.user(t.host_ids[0])
    return f"{BOOKING_PAGE}/{_slug(owner) if owner else 'team'}/{t.slug}"


def type_summary(account: Account, t: MeetingType) -> dict[str, Any]:
    """A meeting type as ``GET /v4/meeting-type`` lists it (the bare-array version)."""
    return {
        "id": t.id,
        "slug": t.slug,
        "meetingInfo": {"name": t.name, "duration": t.duration, "channel": t.channel},
        "bookingUrl": booking_url(account, t),
    }


def type_detail(account: Account, t: MeetingType) -> dict[str, Any]:
    """A meeting type as ``GET /v4/meeting-type/{id}`` answers it: ``meetingInfo`` and
    ``meetingOptions`` as on that page, and the entity's documented settings (``spots``,
    ``userId``, ``queueId``, ``timeslotInterval``, ``bookingMinimum``, ...)."""
    return {
        "id": t.id,
        "slug": t.slug,
        "meetingInfo": {
            "name": t.name,
            "description": None,
            "duration": t.duration,
            "channel": t.channel,
            "groupBooking": t.group_booking,
            "showAvailableSlots": False,
            "bufferBefore": t.buffer_before,
            "bufferAfter": t.buffer_after,
        },
        "meetingOptions": {
            "allowedDurations": list(t.allowed_durations),
            "allowSelectChannel": bool(t.allowed_channels),
            "allowHostSelection": t.allow_host_selection,
            "forceHostSelection": False,
            "allowedChannels": list(t.allowed_channels),
            "allowAddingGuests": t.allow_adding_guests,
            "doubleOptIn": t.double_opt_in,
            "requireHostConfirmation": t.require_host_confirmation,
            "allowPhoneOnlyBooking": t.allow_phone_only_booking,
        },
        "spots": t.spots,
        "enabled": True,
        "timeslotInterval": t.timeslot_interval,
        "bookingMinimum": t.booking_minimum,
        "companyId": COMPANY,
        "userId": t.user_id,
        "queueId": t.queue_id,
        "isGlobalQueue": False,
        "bookingUrl": booking_url(account, t),
    }


def user_record(account: Account, user: User) -> dict[str, Any]:
    """A user as ``GET /v4/user`` lists it and ``GET /v4/user/me`` answers it."""
    types = [
        {
            "meetingInfo": {"name": t.name, "duration": t.duration, "channel": t.channel},
            "spots": t.spots,
            "enabled": True,
            "slug": t.slug,
            "companyId": COMPANY,
            "queueId": t.queue_id,
            "userId": t.user_id,
        }
        for t in account.types_of(user.id)
    ]
    return {
        "id": user.id,
        "isAdmin": user.is_admin,
        "familyName": user.family_name,
        "givenName": user.given_name,
        "title": user.title,
        "slug": _slug(user),
        "timezone": account.timezone,
        "language": "de",
        "personalPage": {"meetingTypes": types},
        "userType": "standard",
        "fullName": user.full_name,
        "companyId": COMPANY,
        "email": f"{_slug(user).replace('-', '.')}@example.com",
    }

"""meetergo's booking checks and spots, written from docs/providers.md ("meetergo").

Owns the stored appointment record, value parsing (instants, emails, zones), the spot grid
over the hosts' weekly hours, and the numbered create checks 1-22, each raising `MgError`
with the doc's status and message. `meetergo_state` runs them under its lock.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from frontdesk.sandbox.meetergo.clinic import Account, MeetingType

REASONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
}
CHANNELS = (
    "local",
    "local-attendee",
    "google",
    "zoom",
    "phone",
    "phone-incoming",
    "whatsapp",
    "connect",
    "webex",
    "whereby",
    "kmeet",
    "jitsi",
    "zava",
    "teamsForBusiness2",
    "custom",
    "resource",
)
GRID = timedelta(minutes=15)
MSG_BODY = "Request body must be a JSON object"
MSG_START_FORM = "start must be an ISO 8601 date-time with a time zone offset"
MSG_SPOT = "start is not an available spot"
MSG_DURATION = "duration must be the meeting type's duration or one of its allowedDurations"

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_INSTANT = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})", re.ASCII
)
_LANGUAGE = re.compile(r"[a-z]{2}", re.ASCII)


@dataclass(frozen=True)
class Answer:
    status: int
    body: Any


class MgError(Exception):
    """A refusal with meetergo's error body; `field` adds the one-item `errors` list."""

    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field

    def answer(self) -> Answer:
        return Answer(self.status, error_body(self.status, self.message, self.field))


def error_body(status: int, message: str, field: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"statusCode": status, "message": message, "error": REASONS[status]}
    if field is not None:
        body["errors"] = [{"field": field, "message": message}]
    return body


def bad(message: str, field: str | None = None) -> MgError:
    return MgError(400, message, field)


def iso_ms(instant: datetime) -> str:
    value = instant.astimezone(UTC)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def parse_instant(value: object) -> datetime | None:
    """An aware UTC instant from the one documented form, else None."""
    if not isinstance(value, str) or not _INSTANT.fullmatch(value):
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.astimezone(UTC)


def is_email(value: object) -> bool:
    return isinstance(value, str) and _EMAIL.fullmatch(value) is not None


@cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _blank(value: object) -> bool:
    return not isinstance(value, str) or not value.strip()


@dataclass
class Appointment:
    id: str
    type_id: str
    host_id: str
    queue_id: str | None
    start: datetime
    duration: int
    channel: str
    location: str | None
    attendee: dict[str, Any]
    status: str
    created_at: datetime
    updated_at: datetime
    provisional_id: str | None = None
    cancel_reason: str | None = None
    secret: str = ""

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.duration)

    @property
    def active(self) -> bool:
        return self.status != "cancelled"

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "meetingTypeId": self.type_id,
            "hostIds": [self.host_id],
            "queueId": self.queue_id,
            "start": iso_ms(self.start),
            "end": iso_ms(self.end),
            "duration": self.duration,
            "channel": self.channel,
            "location": self.location,
            "status": self.status,
            "attendee": dict(self.attendee),
            "provisionalBookingId": self.provisional_id,
            "cancelReason": self.cancel_reason,
            "createdAt": iso_ms(self.created_at),
            "updatedAt": iso_ms(self.updated_at),
        }


@dataclass
class Request:
    """A create body that passed checks 1-14, with its values read."""

    attendee: dict[str, Any]
    type_id: str
    start: datetime
    host_ids: list[str] | None
    queue_id: str | None
    channel: str | None
    duration: int | None
    location: str | None
    raw: Mapping[str, Any] = field(default_factory=dict)


# -- spots -----------------------------------------------------------------------------


def _blocks(
    account: Account, t: MeetingType, start: datetime, minutes: int, a: Appointment
) -> bool:
    end = start + timedelta(minutes=minutes)
    own_before = start - timedelta(minutes=t.buffer_before)
    own_after = end + timedelta(minutes=t.buffer_after)
    if own_before < a.end and a.start < own_after:
        return True
    other = account.meeting_type(a.type_id)
    before = timedelta(minutes=other.buffer_before if other else 0)
    after = timedelta(minutes=other.buffer_after if other else 0)
    return start < a.end + after and a.start - before < end


def host_free(
    account: Account,
    t: MeetingType,
    host_id: str,
    start: datetime,
    minutes: int,
    appointments: Iterable[Appointment],
) -> bool:
    """Conditions 2 and 3 of "Spots" for one host (the grid and the clock are checked apart)."""
    seats = 0
    for a in appointments:
        if not a.active or a.host_id != host_id:
            continue
        if t.kind == "group" and a.type_id == t.id and a.start == start:
            seats += 1
            continue
        if _blocks(account, t, start, minutes, a):
            return False
    return t.kind != "group" or seats < t.max_attendees


def grid_starts(account: Account, host_id: str, day: date) -> list[tuple[datetime, datetime]]:
    """(start, interval end) of every grid candidate of a host on a local date, as UTC."""
    user = account.user(host_id)
    if user is None:
        return []
    zone = ZoneInfo(account.timezone)
    result: list[tuple[datetime, datetime]] = []
    for span_start, span_end in user.hours.get(day.isoweekday(), ()):
        wall = datetime.combine(day, span_start)
        wall_end = datetime.combine(day, span_end)
        while wall < wall_end:
            local = wall.replace(tzinfo=zone)
            if local.astimezone(UTC).astimezone(zone).replace(tzinfo=None) == wall:  # no gap
                result.append((local.astimezone(UTC), wall_end.replace(tzinfo=zone)))
            wall += GRID
    return result


def spot_hosts(
    account: Account,
    t: MeetingType,
    day: date,
    minutes: int,
    appointments: list[Appointment],
    now: datetime,
) -> dict[datetime, list[str]]:
    """The spots of a type on a local date → the free hosts at each, in queue order."""
    spots: dict[datetime, list[str]] = {}
    for host_id in t.host_ids:
        for start, interval_end in grid_starts(account, host_id, day):
            if start + timedelta(minutes=minutes) > interval_end.astimezone(UTC):
                continue
            if start <= now or not host_free(account, t, host_id, start, minutes, appointments):
                continue
            spots.setdefault(start, []).append(host_id)
    return dict(sorted(spots.items()))


def free_hosts_at(
    account: Account,
    t: MeetingType,
    start: datetime,
    minutes: int,
    appointments: list[Appointment],
    now: datetime,
) -> list[str]:
    """The hosts for which `start` is a spot (empty: not a spot)."""
    day = start.astimezone(ZoneInfo(account.timezone)).date()
    return spot_hosts(account, t, day, minutes, appointments, now).get(start, [])


# -- create checks ---------------------------------------------------------------------


def _string_or_absent(body: Mapping[str, Any], name: str, label: str) -> None:
    value = body.get(name)
    if value is not None and not isinstance(value, str):
        raise bad(f"{label} must be a string", label)


def _string_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def read_attendee(body: Mapping[str, Any]) -> dict[str, Any]:
    """Checks 2-11."""
    attendee = body.get("attendee")
    if not isinstance(attendee, dict):
        raise bad("attendee must be an object", "attendee")
    email = attendee.get("email")
    if email is not None and not is_email(email):
        raise bad("attendee.email must be an email", "attendee.email")
    if not isinstance(attendee.get("receiveReminders"), bool):
        raise bad("attendee.receiveReminders must be a boolean", "attendee.receiveReminders")
    if not isinstance(attendee.get("notes"), dict):
        raise bad("attendee.notes must be an object", "attendee.notes")
    for name in ("firstname", "lastname", "fullname", "phone"):
        _string_or_absent(attendee, name, f"attendee.{name}")
    if _blank(attendee.get("fullname")) and (
        _blank(attendee.get("firstname")) or _blank(attendee.get("lastname"))
    ):
        raise bad(
            "attendee.fullname or attendee.firstname and attendee.lastname are required",
            "attendee.fullname",
        )
    language = attendee.get("language")
    if language is not None and (
        not isinstance(language, str) or not _LANGUAGE.fullmatch(language)
    ):
        raise bad("attendee.language must be a two-letter language code", "attendee.language")
    zone = attendee.get("timezone")
    if zone is not None and (not isinstance(zone, str) or zone not in _zones()):
        raise bad("attendee.timezone must be a valid IANA time zone", "attendee.timezone")
    guests = attendee.get("bringalongEmails")
    if guests is not None:
        if not isinstance(guests, list) or not all(is_email(g) for g in guests):
            raise bad(
                "attendee.bringalongEmails must be an array of emails", "attendee.bringalongEmails"
            )
        if len(guests) > 5:
            raise bad(
                "attendee.bringalongEmails must contain at most 5 emails",
                "attendee.bringalongEmails",
            )
    policy = attendee.get("dataPolicyAccepted")
    if policy is not None and not isinstance(policy, bool):
        raise bad("attendee.dataPolicyAccepted must be a boolean", "attendee.dataPolicyAccepted")
    return attendee


def read_start(body: Mapping[str, Any]) -> datetime:
    """Check 13 (create and reschedule)."""
    value = body.get("start")
    if _blank(value):
        raise bad("start is required", "start")
    start = parse_instant(value)
    if start is None:
        raise bad(MSG_START_FORM, "start")
    return start


def read_create_body(body: object) -> Request:
    """Checks 1-14: the shape of the body, before the account is consulted."""
    if not isinstance(body, dict):
        raise bad(MSG_BODY)
    attendee = read_attendee(body)
    if _blank(body.get("meetingTypeId")):
        raise bad("meetingTypeId is required", "meetingTypeId")
    start = read_start(body)
    host_ids = body.get("hostIds")
    if host_ids is not None and not _string_list(host_ids):
        raise bad("hostIds must be an array of strings", "hostIds")
    for name in ("queueId", "appointmentId", "location", "routingFormId", "paymentId"):
        _string_or_absent(body, name, name)
    _string_or_absent(body, "oneTimeLinkId", "oneTimeLinkId")
    channel = body.get("channel")
    if channel is not None and channel not in CHANNELS:
        raise bad("channel must be a valid meeting channel", "channel")
    duration = body.get("duration")
    if duration is not None and (
        not isinstance(duration, int) or isinstance(duration, bool) or duration <= 0
    ):
        raise bad("duration must be a positive integer", "duration")
    for name in ("ignoreAvailability", "skipNotifications"):
        value = body.get(name)
        if value is not None and not isinstance(value, bool):
            raise bad(f"{name} must be a boolean", name)
    pending = body.get("attendeePendingId")
    if pending is not None and (not isinstance(pending, int | float) or isinstance(pending, bool)):
        raise bad("attendeePendingId must be a number", "attendeePendingId")
    channels = body.get("resourceChannelIds")
    if channels is not None and not _string_list(channels):
        raise bad("resourceChannelIds must be an array of strings", "resourceChannelIds")
    for name, limit in (("icsTitle", 200), ("icsDescription", 2000)):
        value = body.get(name)
        if value is None:
            continue
        if not isinstance(value, str):
            raise bad(f"{name} must be a string", name)
        if len(value) > limit:
            raise bad(f"{name} must be shorter than or equal to {limit} characters", name)
    return Request(
        attendee=attendee,
        type_id=str(body["meetingTypeId"]),
        start=start,
        host_ids=host_ids,
        queue_id=body.get("queueId"),
        channel=channel,
        duration=duration,
        location=body.get("location"),
        raw=body,
    )


def check_against_type(account: Account, request: Request) -> tuple[MeetingType, int, str]:
    """Checks 15-21: the type, queue, hosts, email, guests, duration, channel.

    Returns the type, the booking's duration and its channel.
    """
    t = account.meeting_type(request.type_id)
    if t is None:
        raise MgError(404, "meetingTypeId does not match any meeting type", "meetingTypeId")
    if t.kind == "round-robin":
        if request.queue_id is None:
            raise bad("queueId is required for round-robin meeting types", "queueId")
        if request.queue_id != t.queue_id:
            raise bad("queueId does not match the meeting type's queue", "queueId")
    elif request.queue_id is not None:
        raise bad("queueId must be undefined for one-to-one and group meeting types", "queueId")
    if t.kind != "round-robin":
        hosts = request.host_ids or []
        if t.kind == "one-to-one" and not hosts:
            raise bad("hostIds is required for one-to-one meeting types", "hostIds")
        if any(h != t.user_id for h in hosts):
            raise bad("hostIds must contain only the meeting type's host", "hostIds")
    attendee = request.attendee
    if attendee.get("email") is None and not (
        t.allow_phone_only_booking and not _blank(attendee.get("phone"))
    ):
        raise bad("attendee.email is required", "attendee.email")
    if attendee.get("bringalongEmails") and not t.allow_adding_guests:
        raise bad(
            "attendee.bringalongEmails are not allowed for this meeting type",
            "attendee.bringalongEmails",
        )
    minutes = t.duration if request.duration is None else request.duration
    if minutes not in t.durations():
        raise bad(MSG_DURATION, "duration")
    channel = t.channel if request.channel is None else request.channel
    if request.channel is not None and t.allowed_channels and channel not in t.allowed_channels:
        raise bad("channel is not allowed for this meeting type", "channel")
    return t, minutes, channel


def stored_attendee(attendee: Mapping[str, Any]) -> dict[str, Any]:
    fullname = attendee.get("fullname")
    if _blank(fullname):
        fullname = f"{attendee.get('firstname', '')} {attendee.get('lastname', '')}".strip()
    return {
        "email": attendee.get("email"),
        "firstname": attendee.get("firstname"),
        "lastname": attendee.get("lastname"),
        "fullname": fullname,
        "phone": attendee.get("phone"),
        "language": attendee.get("language"),
        "timezone": attendee.get("timezone"),
        "notes": dict(attendee.get("notes") or {}),
        "receiveReminders": bool(attendee.get("receiveReminders")),
        "bringalongEmails": list(attendee.get("bringalongEmails") or []),
    }

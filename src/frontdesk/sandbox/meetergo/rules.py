"""meetergo's create checks, written from developer.meetergo.com (docs/providers.md,
"meetergo", "Create: POST /v4/booking").

Owns the error body, value parsing (instants, emails, zones) and the create checks in their
order, each raising `MgError` with a status and message. The documented checks come first
(the body's shape, host or queue, email or phone-only, duration, the spot); the sandbox's own
**[ours]** checks (the host is the type's, language and zone formats, guests, channels) come
after them, so a client that treats those as risks agrees with every answer before them.
`state` runs them under its lock.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import Any

from frontdesk.sandbox.meetergo.clinic import Account, MeetingType

REASONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
}
# The newest create page's enum (21 values).
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
    "skypeForConsumer",
    "skypeForBusiness",
    "teamsForBusiness",
    "teamsForBusiness2",
    "teamsForExchange",
    "teams2ForExchange",
    "custom",
    "resource",
    "whereby",
    "kmeet",
    "zava",
    "jitsi",
)
PAYMENT_PROVIDERS = ("paypal", "stripe", "none")
MSG_BODY = "Request body must be a JSON object"
MSG_START_FORM = "start must be an ISO 8601 date-time with a time zone offset"
MSG_SPOT = "start is not an available spot"
MSG_DURATION = "duration must be the meeting type's duration or one of its allowedDurations"
MSG_HOSTS = "hostIds or queueId is required"

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
    """A refusal with meetergo's error body; `field` adds a one-item `errors` list."""

    def __init__(self, status: int, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.field = field

    def answer(self) -> Answer:
        return Answer(self.status, error_body(self.status, self.message, self.field))


def error_body(status: int, message: str, field: str | None = None) -> dict[str, Any]:
    """The documented envelope ``{statusCode, message, error, errors?}``."""
    body: dict[str, Any] = {"statusCode": status, "message": message, "error": REASONS[status]}
    if field is not None:
        body["errors"] = [{"field": field, "message": message}]
    return body


def bad(message: str, field: str | None = None) -> MgError:
    return MgError(400, message, field)


def parse_instant(value: object) -> datetime | None:
    """An aware UTC instant from the documented form (ISO 8601 with a zone), else None."""
    if not isinstance(value, str) or not _INSTANT.fullmatch(value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
    except (ValueError, OverflowError):  # e.g. 9999-12-31T23:59-14:00: past year 9999 in UTC
        return None


def is_email(value: object) -> bool:
    return isinstance(value, str) and _EMAIL.fullmatch(value) is not None


@cache
def zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _blank(value: object) -> bool:
    return not isinstance(value, str) or not value.strip()


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _string_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _string_or_absent(body: Mapping[str, Any], name: str, label: str) -> None:
    value = body.get(name)
    if value is not None and not isinstance(value, str):
        raise bad(f"{label} must be a string", label)


@dataclass
class Request:
    """A create body whose shape passed, with its values read."""

    attendee: dict[str, Any]
    type_id: str
    start: datetime
    host_ids: list[str]
    queue_id: str | None
    channel: str | None
    duration: float | None
    location: str | None
    phone_only: bool
    raw: Mapping[str, Any] = field(default_factory=dict)


def read_attendee(body: Mapping[str, Any]) -> dict[str, Any]:
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
    for name in ("firstname", "lastname", "fullname", "phone", "language", "timezone"):
        _string_or_absent(attendee, name, f"attendee.{name}")
    if _blank(attendee.get("fullname")) and (
        _blank(attendee.get("firstname")) or _blank(attendee.get("lastname"))
    ):
        raise bad(
            "attendee.fullname or attendee.firstname and attendee.lastname are required",
            "attendee.fullname",
        )
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
    """``start``: required, ISO 8601 with a zone (create and reschedule)."""
    value = body.get("start")
    if _blank(value):
        raise bad("start is required", "start")
    start = parse_instant(value)
    if start is None:
        raise bad(MSG_START_FORM, "start")
    return start


def read_create_body(body: object) -> Request:
    """The shape of the body, before the account is consulted."""
    if not isinstance(body, dict):
        raise bad(MSG_BODY)
    attendee = read_attendee(body)
    if _blank(body.get("meetingTypeId")):
        raise bad("meetingTypeId is required", "meetingTypeId")
    start = read_start(body)
    host_ids = body.get("hostIds")
    if host_ids is not None and not _string_list(host_ids):
        raise bad("hostIds must be an array of strings", "hostIds")
    for name in (
        "queueId",
        "appointmentId",
        "location",
        "routingFormId",
        "paymentId",
        "couponCode",
        "oneTimeLinkId",
    ):
        _string_or_absent(body, name, name)
    channel = body.get("channel")
    if channel is not None and channel not in CHANNELS:
        raise bad("channel must be a valid meeting channel", "channel")
    duration = body.get("duration")
    if duration is not None and not _number(duration):
        raise bad("duration must be a number", "duration")
    for name in ("ignoreAvailability", "skipNotifications", "phoneOnlyBooking"):
        value = body.get(name)
        if value is not None and not isinstance(value, bool):
            raise bad(f"{name} must be a boolean", name)
    if body.get("attendeePendingId") is not None and not _number(body["attendeePendingId"]):
        raise bad("attendeePendingId must be a number", "attendeePendingId")
    if body.get("paymentProvider") is not None and body["paymentProvider"] not in (
        PAYMENT_PROVIDERS
    ):
        raise bad("paymentProvider must be one of paypal, stripe, none", "paymentProvider")
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
        host_ids=list(host_ids or []),
        queue_id=body.get("queueId"),
        channel=channel,
        duration=duration,
        location=body.get("location"),
        phone_only=body.get("phoneOnlyBooking") is True,
        raw=body,
    )


def chosen_host(t: MeetingType, request: Request) -> bool:
    """A round-robin booking names its host: host selection is on and hostIds is given."""
    return t.kind == "round-robin" and t.allow_host_selection and bool(request.host_ids)


def check_against_type(account: Account, request: Request) -> tuple[MeetingType, int, str]:
    """The documented checks against the meeting type: queue or hosts, email or phone-only,
    duration. Returns the type, the booking's duration and its channel."""
    t = account.meeting_type(request.type_id)
    if t is None:
        raise MgError(404, "meetingTypeId does not match any meeting type", "meetingTypeId")
    if t.kind == "round-robin":
        if chosen_host(t, request):
            if request.queue_id is not None:
                raise bad("queueId must be undefined when a specific host is chosen", "queueId")
        elif request.queue_id is None:
            raise bad("queueId is required for round-robin meeting types", "queueId")
    else:
        if request.queue_id is not None:
            raise bad("queueId must be undefined for one-to-one and group meeting types", "queueId")
        if not request.host_ids:
            raise bad(MSG_HOSTS, "hostIds")
    attendee = request.attendee
    if request.phone_only:
        if not t.allow_phone_only_booking:
            raise bad(
                "phoneOnlyBooking requires a meeting type with allowPhoneOnlyBooking enabled",
                "phoneOnlyBooking",
            )
        if _blank(attendee.get("phone")):
            raise bad("attendee.phone is required when phoneOnlyBooking is true", "attendee.phone")
    elif attendee.get("email") is None:
        raise bad("attendee.email is required", "attendee.email")
    wanted = t.duration if request.duration is None else request.duration
    if wanted not in t.durations():
        raise bad(MSG_DURATION, "duration")
    channel = t.channel if request.channel is None else request.channel
    return t, int(wanted), channel


def check_ours(t: MeetingType, request: Request) -> None:
    """The sandbox's own checks **[ours]** (the pages do not document them), after the spot."""
    if t.kind == "round-robin":
        if chosen_host(t, request) and any(h not in t.host_ids for h in request.host_ids):
            raise bad("hostIds must contain only members of the meeting type's queue", "hostIds")
        if request.queue_id is not None and request.queue_id != t.queue_id:
            raise bad("queueId does not match the meeting type's queue", "queueId")
    elif any(h != t.user_id for h in request.host_ids):
        raise bad("hostIds must contain only the meeting type's host", "hostIds")
    attendee = request.attendee
    language = attendee.get("language")
    if language is not None and not _LANGUAGE.fullmatch(language):
        raise bad("attendee.language must be a two-letter language code", "attendee.language")
    zone = attendee.get("timezone")
    if zone is not None and zone not in zones():
        raise bad("attendee.timezone must be a valid IANA time zone", "attendee.timezone")
    if attendee.get("bringalongEmails") and not t.allow_adding_guests:
        raise bad(
            "attendee.bringalongEmails are not allowed for this meeting type",
            "attendee.bringalongEmails",
        )
    channel = request.channel
    if channel is not None and t.allowed_channels and channel not in t.allowed_channels:
        raise bad("channel is not allowed for this meeting type", "channel")

"""meetergo's create checks, predicted offline.

Follows docs/providers.md ("meetergo", "Create: POST /v4/booking") check by check and answers
with meetergo's own status, ``error`` reason (as the code) and message. The spots are the
catalog's exact windows (one per spot, ``service_id`` = meeting type, ``end - start`` = the
duration), as the API listed them at the last pull; bookings the desk knows of are taken out
of them again with the documented blocking rule, so a spot booked since the pull is refused.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.catalog import Catalog, Service, Window
from frontdesk.domain.timeutil import local_to_utc, to_local
from frontdesk.domain.verdict import Verdict

CHANNELS = frozenset(
    {
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
    }
)
SPOT_MESSAGE = "start is not an available spot"
REASONS = {400: "Bad Request", 404: "Not Found"}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_START = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$", re.ASCII
)
_LANGUAGE = re.compile(r"^[a-z]{2}$", re.ASCII)


class _Refusal(Exception):
    def __init__(self, message: str, field: str | None, status: int = 400) -> None:
        super().__init__(message)
        self.verdict = Verdict(status=status, code=REASONS[status], message=message, field=field)


def parse_start(value: object) -> datetime | None:
    """A ``start`` in the documented form as a UTC instant, else ``None``."""
    if not isinstance(value, str) or not _START.match(value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(UTC)
    except ValueError:
        return None


def _email(value: object) -> bool:
    return isinstance(value, str) and bool(_EMAIL.match(value))


def _filled(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


@cache
def _iana() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def _check_attendee(body: Mapping[str, Any]) -> Mapping[str, Any]:
    attendee = body.get("attendee")
    if not isinstance(attendee, Mapping):
        raise _Refusal("attendee must be an object", "attendee")
    if attendee.get("email") is not None and not _email(attendee["email"]):
        raise _Refusal("attendee.email must be an email", "attendee.email")
    if type(attendee.get("receiveReminders")) is not bool:
        raise _Refusal("attendee.receiveReminders must be a boolean", "attendee.receiveReminders")
    if not isinstance(attendee.get("notes"), Mapping):
        raise _Refusal("attendee.notes must be an object", "attendee.notes")
    for name in ("firstname", "lastname", "fullname", "phone"):
        if attendee.get(name) is not None and not isinstance(attendee[name], str):
            raise _Refusal(f"attendee.{name} must be a string", f"attendee.{name}")
    has_full = _filled(attendee.get("fullname"))
    has_parts = _filled(attendee.get("firstname")) and _filled(attendee.get("lastname"))
    if not (has_full or has_parts):
        raise _Refusal(
            "attendee.fullname or attendee.firstname and attendee.lastname are required",
            "attendee.fullname",
        )
    language = attendee.get("language")
    if language is not None and not (isinstance(language, str) and _LANGUAGE.match(language)):
        raise _Refusal("attendee.language must be a two-letter language code", "attendee.language")
    zone_name = attendee.get("timezone")
    if zone_name is not None and not (isinstance(zone_name, str) and zone_name in _iana()):
        raise _Refusal("attendee.timezone must be a valid IANA time zone", "attendee.timezone")
    guests = attendee.get("bringalongEmails")
    if guests is not None:
        if not isinstance(guests, list) or not all(_email(g) for g in guests):
            raise _Refusal(
                "attendee.bringalongEmails must be an array of emails",
                "attendee.bringalongEmails",
            )
        if len(guests) > 5:
            raise _Refusal(
                "attendee.bringalongEmails must contain at most 5 emails",
                "attendee.bringalongEmails",
            )
    accepted = attendee.get("dataPolicyAccepted")
    if accepted is not None and type(accepted) is not bool:
        raise _Refusal(
            "attendee.dataPolicyAccepted must be a boolean", "attendee.dataPolicyAccepted"
        )
    return attendee


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _check_shape(body: Mapping[str, Any]) -> datetime:
    """Checks 12-14; returns the start."""
    if not _filled(body.get("meetingTypeId")):
        raise _Refusal("meetingTypeId is required", "meetingTypeId")
    if not _filled(body.get("start")):
        raise _Refusal("start is required", "start")
    start = parse_start(body["start"])
    if start is None:
        raise _Refusal("start must be an ISO 8601 date-time with a time zone offset", "start")
    if body.get("hostIds") is not None and not _strings(body["hostIds"]):
        raise _Refusal("hostIds must be an array of strings", "hostIds")
    for name in (
        "queueId",
        "appointmentId",
        "location",
        "routingFormId",
        "paymentId",
        "oneTimeLinkId",
    ):
        if body.get(name) is not None and not isinstance(body[name], str):
            raise _Refusal(f"{name} must be a string", name)
    if body.get("channel") is not None and body["channel"] not in CHANNELS:
        raise _Refusal("channel must be a valid meeting channel", "channel")
    duration = body.get("duration")
    if duration is not None and not (type(duration) is int and duration > 0):
        raise _Refusal("duration must be a positive integer", "duration")
    for name in ("ignoreAvailability", "skipNotifications"):
        if body.get(name) is not None and type(body[name]) is not bool:
            raise _Refusal(f"{name} must be a boolean", name)
    pending = body.get("attendeePendingId")
    if pending is not None and type(pending) not in (int, float):
        raise _Refusal("attendeePendingId must be a number", "attendeePendingId")
    if body.get("resourceChannelIds") is not None and not _strings(body["resourceChannelIds"]):
        raise _Refusal("resourceChannelIds must be an array of strings", "resourceChannelIds")
    for name, most in (("icsTitle", 200), ("icsDescription", 2000)):
        text = body.get(name)
        if text is None:
            continue
        if not isinstance(text, str):
            raise _Refusal(f"{name} must be a string", name)
        if len(text) > most:
            raise _Refusal(f"{name} must be shorter than or equal to {most} characters", name)
    return start


def durations_of(service: Service) -> list[int]:
    return [service.duration_minutes, *service.extra.get("allowedDurations", [])]


def _check_type(body: Mapping[str, Any], attendee: Mapping[str, Any], t: Service) -> int:
    """Checks 16-21; returns the booking's duration."""
    extra = t.extra
    kind = extra.get("type")
    queue = body.get("queueId")
    if kind == "round-robin":
        if queue is None:
            raise _Refusal("queueId is required for round-robin meeting types", "queueId")
        if queue != extra.get("queueId"):
            raise _Refusal("queueId does not match the meeting type's queue", "queueId")
    else:
        if queue is not None:
            raise _Refusal(
                "queueId must be undefined for one-to-one and group meeting types", "queueId"
            )
        hosts = body.get("hostIds") or []
        if kind == "one-to-one" and not hosts:
            raise _Refusal("hostIds is required for one-to-one meeting types", "hostIds")
        if any(h != extra.get("userId") for h in hosts):
            raise _Refusal("hostIds must contain only the meeting type's host", "hostIds")
    phone_only = bool(extra.get("allowPhoneOnlyBooking")) and _filled(attendee.get("phone"))
    if attendee.get("email") is None and not phone_only:
        raise _Refusal("attendee.email is required", "attendee.email")
    if attendee.get("bringalongEmails") and not extra.get("allowAddingGuests"):
        raise _Refusal(
            "attendee.bringalongEmails are not allowed for this meeting type",
            "attendee.bringalongEmails",
        )
    minutes = body.get("duration")
    if minutes is None:
        minutes = t.duration_minutes
    elif minutes not in durations_of(t):
        raise _Refusal(
            "duration must be the meeting type's duration or one of its allowedDurations",
            "duration",
        )
    channel = body.get("channel")
    allowed = extra.get("allowedChannels") or []
    if channel is not None and allowed and channel not in allowed:
        raise _Refusal("channel is not allowed for this meeting type", "channel")
    return int(minutes)


def spot_minutes(window: Window) -> int:
    """A spot window's duration (its end minus its start, in minutes)."""
    day = window.day
    return int(
        (datetime.combine(day, window.end) - datetime.combine(day, window.start)).total_seconds()
        // 60
    )


def spot_window(catalog: Catalog, type_id: str, start: datetime, minutes: int) -> Window | None:
    """The cached spot of this type and duration starting at ``start``, if listed."""
    zone_name = catalog.policy.timezone
    local_day = to_local(start, zone_name).date()
    for window in catalog.windows:
        if not (window.exact and window.service_id == type_id and window.day == local_day):
            continue
        if spot_minutes(window) != minutes:
            continue
        if local_to_utc(window.day, window.start, zone_name).instant == start:
            return window
    return None


def _overlap(a0: datetime, a1: datetime, b0: datetime, b1: datetime) -> bool:
    return a0 < b1 and b0 < a1


def taken_since_pull(
    catalog: Catalog,
    t: Service,
    start: datetime,
    minutes: int,
    bookings: Iterable[Booking],
    ignore_booking_id: str | None = None,
) -> bool:
    """Whether a booking the desk knows of blocks the spot ("Spots", conditions 2 and 3).

    Only for one-host types (one-to-one, group): a round-robin spot is free while any member
    is, which the cached windows do not tell apart.
    """
    if t.extra.get("type") == "round-robin":
        return False
    host = t.extra.get("userId")
    end = start + timedelta(minutes=minutes)
    before = timedelta(minutes=int(t.extra.get("bufferBefore", 0)))
    after = timedelta(minutes=int(t.extra.get("bufferAfter", 0)))
    seats = 0
    for b in bookings:
        if b.id == ignore_booking_id or not b.active or b.resource_id != host:
            continue
        if (
            b.sync_state is SyncState.AWAITING_CONFIRMATION
            or b.sync_state is SyncState.NEEDS_ATTENTION
            or b.sync_state is SyncState.OUTCOME_UNKNOWN
        ):
            # provisional bookings hold nothing (an unknown one is provisional if it arrived);
            # refused ones were never booked
            continue
        if t.extra.get("type") == "group" and b.service_id == t.id and b.start == start:
            seats += 1
            continue
        other = catalog.service(b.service_id)
        o_before = timedelta(minutes=int(other.extra.get("bufferBefore", 0)) if other else 0)
        o_after = timedelta(minutes=int(other.extra.get("bufferAfter", 0)) if other else 0)
        if _overlap(start - before, end + after, b.start, b.end):
            return True
        if _overlap(start, end, b.start - o_before, b.end + o_after):
            return True
    return t.extra.get("type") == "group" and seats >= int(t.extra.get("maxAttendees", 1))


def predict_create(
    body: object,
    catalog: Catalog,
    bookings: Iterable[Booking],
    now: datetime,
    *,
    ignore_booking_id: str | None = None,
) -> Verdict:
    """What ``POST /v4/booking`` with ``body`` would answer, given the cached state."""
    try:
        if not isinstance(body, Mapping):
            raise _Refusal("Request body must be a JSON object", None)
        attendee = _check_attendee(body)
        start = _check_shape(body)
        t = catalog.service(str(body["meetingTypeId"]))
        if t is None:
            raise _Refusal(
                "meetingTypeId does not match any meeting type", "meetingTypeId", status=404
            )
        minutes = _check_type(body, attendee, t)
        if (
            start <= now
            or spot_window(catalog, t.id, start, minutes) is None
            or taken_since_pull(catalog, t, start, minutes, bookings, ignore_booking_id)
        ):
            raise _Refusal(SPOT_MESSAGE, "start")
    except _Refusal as refusal:
        return refusal.verdict
    if t.extra.get("doubleOptIn"):
        return Verdict(status=201, message="Provisional booking (doubleOptIn)")
    if t.extra.get("requireHostConfirmation"):
        return Verdict(status=201, message="Provisional booking (requireHostConfirmation)")
    return Verdict(status=201)

"""meetergo's create checks, predicted offline.

Follows docs/providers.md ("meetergo", "Create: POST /v4/booking") check by check and answers
with meetergo's own status, ``error`` reason (as the code) and message. The documented checks
(the body's shape, host or queue, email or phone-only, duration, the spot) are errors; the
checks the pages do not document (the host is the type's, language and zone formats, guests,
allowed channels) come after them and are only risks (``Severity.RISK``): the booking system
may judge them differently. The spots are the catalog's exact windows (one per spot,
``service_id`` = meeting type, ``end - start`` = the duration), as the API listed them at the
last pull; bookings the desk knows of are taken out of them again with the blocking rule, so
a spot booked since the pull is refused. A round-robin type whose members the desk could not
learn has spots meetergo may under-report: a start missing from them is only a risk.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Hashable, Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from functools import cache
from typing import Any

from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.catalog import Catalog, Service, Window
from frontdesk.domain.timeutil import local_to_utc, to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.domain.verdict import Severity, Verdict

# The newest create page's enum (21 values).
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
    }
)
PAYMENT_PROVIDERS = frozenset({"paypal", "stripe", "none"})
SPOT_MESSAGE = "start is not an available spot"
MAYBE_PROVISIONAL = QT_TRANSLATE_NOOP(
    "Verdicts",
    "meetergo may keep this booking provisional until the patient or the host confirms it: "
    "the meeting type's double opt-in or host confirmation is {value}, whose meaning the "
    "API does not document",
)
REASONS = {400: "Bad Request", 404: "Not Found"}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_START = re.compile(
    r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$", re.ASCII
)
_LANGUAGE = re.compile(r"^[a-z]{2}$", re.ASCII)


class _Refusal(Exception):
    def __init__(
        self, message: str, field: str | None, status: int = 400, risk: bool = False
    ) -> None:
        super().__init__(message)
        severity = Severity.RISK if risk else Severity.ERROR
        self.verdict = Verdict(status, REASONS[status], message, field, severity)


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
    for name in ("firstname", "lastname", "fullname", "phone", "language", "timezone"):
        if attendee.get(name) is not None and not isinstance(attendee[name], str):
            raise _Refusal(f"attendee.{name} must be a string", f"attendee.{name}")
    has_full = _filled(attendee.get("fullname"))
    has_parts = _filled(attendee.get("firstname")) and _filled(attendee.get("lastname"))
    if not (has_full or has_parts):
        raise _Refusal(
            "attendee.fullname or attendee.firstname and attendee.lastname are required",
            "attendee.fullname",
        )
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


def _number(value: object) -> bool:
    """A JSON number (an integer or a float; ``30.0`` is fine), not a boolean."""
    return type(value) in (int, float)


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _check_shape(body: Mapping[str, Any]) -> datetime:
    """The body's own fields (after the attendee); returns the start."""
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
        "couponCode",
        "oneTimeLinkId",
    ):
        if body.get(name) is not None and not isinstance(body[name], str):
            raise _Refusal(f"{name} must be a string", name)
    channel = body.get("channel")
    if channel is not None and not (isinstance(channel, str) and channel in CHANNELS):
        raise _Refusal("channel must be a valid meeting channel", "channel")
    if body.get("duration") is not None and not _number(body["duration"]):
        raise _Refusal("duration must be a number", "duration")
    for name in ("ignoreAvailability", "skipNotifications", "phoneOnlyBooking"):
        if body.get(name) is not None and type(body[name]) is not bool:
            raise _Refusal(f"{name} must be a boolean", name)
    pending = body.get("attendeePendingId")
    if pending is not None and not _number(pending):
        raise _Refusal("attendeePendingId must be a number", "attendeePendingId")
    provider = body.get("paymentProvider")
    if provider is not None and not (isinstance(provider, str) and provider in PAYMENT_PROVIDERS):
        raise _Refusal("paymentProvider must be one of paypal, stripe, none", "paymentProvider")
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


def _chosen_host(body: Mapping[str, Any], t: Service) -> bool:
    """A round-robin booking names its host: host selection is on and hostIds is given."""
    extra = t.extra
    return extra.get("type") == "round-robin" and bool(
        extra.get("allowHostSelection") and body.get("hostIds")
    )


def _check_type(body: Mapping[str, Any], attendee: Mapping[str, Any], t: Service) -> int:
    """The documented checks against the type: queue or hosts, email or phone-only,
    duration. Returns the booking's duration."""
    extra = t.extra
    queue = body.get("queueId")
    if extra.get("type") == "round-robin":
        if _chosen_host(body, t):
            if queue is not None:
                raise _Refusal(
                    "queueId must be undefined when a specific host is chosen", "queueId"
                )
        elif queue is None:
            raise _Refusal("queueId is required for round-robin meeting types", "queueId")
    else:
        if queue is not None:
            raise _Refusal(
                "queueId must be undefined for one-to-one and group meeting types", "queueId"
            )
        if not body.get("hostIds"):
            raise _Refusal("hostIds or queueId is required", "hostIds")
    if body.get("phoneOnlyBooking") is True:
        if not extra.get("allowPhoneOnlyBooking"):
            raise _Refusal(
                "phoneOnlyBooking requires a meeting type with allowPhoneOnlyBooking enabled",
                "phoneOnlyBooking",
            )
        if not _filled(attendee.get("phone")):
            raise _Refusal(
                "attendee.phone is required when phoneOnlyBooking is true", "attendee.phone"
            )
    elif attendee.get("email") is None:
        raise _Refusal("attendee.email is required", "attendee.email")
    minutes = body.get("duration")
    if minutes is None:
        minutes = t.duration_minutes
    elif minutes not in durations_of(t):
        raise _Refusal(
            "duration must be the meeting type's duration or one of its allowedDurations",
            "duration",
        )
    return int(minutes)


def _check_ours(body: Mapping[str, Any], attendee: Mapping[str, Any], t: Service) -> None:
    """Checks the pages do not document: risks only, after every documented one."""
    extra = t.extra
    hosts = body.get("hostIds") or []
    if extra.get("type") == "round-robin":
        members = extra.get("members") or []
        if _chosen_host(body, t) and members and any(h not in members for h in hosts):
            raise _Refusal(
                "hostIds must contain only members of the meeting type's queue",
                "hostIds",
                risk=True,
            )
        queue = body.get("queueId")
        if queue is not None and queue != extra.get("queueId"):
            raise _Refusal("queueId does not match the meeting type's queue", "queueId", risk=True)
    elif extra.get("userId") and any(h != extra["userId"] for h in hosts):
        raise _Refusal("hostIds must contain only the meeting type's host", "hostIds", risk=True)
    language = attendee.get("language")
    if language is not None and not _LANGUAGE.match(language):
        raise _Refusal(
            "attendee.language must be a two-letter language code", "attendee.language", risk=True
        )
    zone_name = attendee.get("timezone")
    if zone_name is not None and zone_name not in _iana():
        raise _Refusal(
            "attendee.timezone must be a valid IANA time zone", "attendee.timezone", risk=True
        )
    if attendee.get("bringalongEmails") and not extra.get("allowAddingGuests"):
        raise _Refusal(
            "attendee.bringalongEmails are not allowed for this meeting type",
            "attendee.bringalongEmails",
            risk=True,
        )
    channel = body.get("channel")
    allowed = extra.get("allowedChannels") or []
    if channel is not None and allowed and channel not in allowed:
        raise _Refusal("channel is not allowed for this meeting type", "channel", risk=True)


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
    return t.extra.get("type") == "group" and seats >= int(t.extra.get("spots") or 1)


def context_days(day: date) -> tuple[date, date]:
    """The first and last org-local days whose cached bookings :func:`predict_create` reads
    for a booking starting on local ``day``: the day and its neighbours, where a booking that
    overlaps it (with both types' buffers, less than a day) can start."""
    return day - timedelta(days=1), day + timedelta(days=1)


def neighbour_keys(booking: Booking, catalog: Catalog) -> frozenset[Hashable] | None:
    """Of the bookings of its days, :func:`predict_create` weighs against ``booking`` only
    those sharing one of these keys with it: a spot is blocked by its meeting type's host's
    bookings (a booking is the host's whose column is the host)."""
    t = catalog.service(booking.service_id)
    host = t.extra.get("userId") if t is not None else None
    return frozenset({("host", booking.resource_id), ("host", host)})


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
        if start <= now:
            raise _Refusal(SPOT_MESSAGE, "start")
        if spot_window(catalog, t.id, start, minutes) is None:
            # a round-robin's spots without its members may be one host's only
            under = t.extra.get("type") == "round-robin" and not t.extra.get("membersKnown")
            raise _Refusal(SPOT_MESSAGE, "start", risk=under)
        if taken_since_pull(catalog, t, start, minutes, bookings, ignore_booking_id):
            raise _Refusal(SPOT_MESSAGE, "start")
        _check_ours(body, attendee, t)
    except _Refusal as refusal:
        return refusal.verdict
    return _accepted(t)


def _accepted(t: Service) -> Verdict:
    """201, saying when meetergo answers (or may answer) with a provisional booking."""
    opt_in = t.extra.get("doubleOptIn")
    confirm = t.extra.get("requireHostConfirmation")
    if _setting(opt_in) == "yes":
        return Verdict(status=201, message="Provisional booking (doubleOptIn)")
    if _setting(confirm) == "yes":
        return Verdict(status=201, message="Provisional booking (requireHostConfirmation)")
    unsure = next((v for v in (opt_in, confirm) if _setting(v) == "maybe"), None)
    if unsure is not None or (opt_in is None and confirm is None):
        message = translate("Verdicts", MAYBE_PROVISIONAL).format(value=repr(unsure))
        return Verdict(201, "MAYBE_PROVISIONAL", message, None, Severity.RISK)
    return Verdict(status=201)


def _setting(value: object) -> str:
    """``yes`` / ``no`` / ``maybe`` for a double opt-in or host-confirmation value (a
    boolean, ``enabled`` / ``disabled``, or an undocumented string such as
    ``useCompanySettings``)."""
    if value is True or (isinstance(value, str) and value.casefold() in ("enabled", "true", "on")):
        return "yes"
    if value is False or (
        isinstance(value, str) and value.casefold() in ("disabled", "false", "off")
    ):
        return "no"
    return "maybe"

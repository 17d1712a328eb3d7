"""CareValidate's checks and slots, written from docs/providers.md ("CareValidate").

Owns the stored appointment record, the parsing of request values (instants, dates, emails,
zones, US state codes), the slot generator (weekly hours minus booked time) and the numbered
book checks 1-11, each raising `CvError` with the doc's status and text. Checks 1-8 are what
the vendor's create page documents (the texts are ours: the page shows a placeholder); 9-11
(event type, future, open slot) are Calendly's "correct slot time", judged only here. `state`
calls them under its lock; `app` turns the outcome into HTTP.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from frontdesk.sandbox.carevalidate.clinic import CvClinic, EventType, Provider

LOCATIONS: tuple[str, ...] = (
    "google_conference",
    "zoom_conference",
    "gotomeeting_conference",
    "microsoft_teams_conference",
    "webex_conference",
)
REQUIRED: tuple[str, ...] = ("eventTypeId", "startTime", "email", "timezone", "location")
NAMES: tuple[str, ...] = ("firstName", "lastName")
TRACKING: tuple[str, ...] = (
    "utmCampaign",
    "utmSource",
    "utmMedium",
    "utmContent",
    "utmTerm",
    "salesforceUuid",
)

MSG_BODY = "Request body must be a JSON object"
MSG_START = "startTime must be a valid ISO 8601 date-time"
MSG_EMAIL = "email must be a valid email address"
MSG_ZONE = "timezone must be a valid IANA timezone"
MSG_LOCATION = "location must be one of " + ", ".join(LOCATIONS)
MSG_TYPE = "eventTypeId does not match any event type"
MSG_PAST = "startTime must be in the future"
MSG_SLOT = "startTime is not an available slot for this event type"
MSG_CANCELLED = "Meeting cancelled successfully"  # the staging page's 200 message
MSG_SCHEDULED = "Meeting scheduled successfully"
MSG_LISTED = "Appointments fetched successfully"
MSG_LINKS = "Providers Availability link fetched successfully"

# "Each state code must be a valid US state abbreviation" [doc]; which codes count is not
# said: the 50 states and DC [ours].
US_STATES = frozenset(
    (  # noqa: SIM905
        "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
        "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"
    ).split()
)
_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)

_INSTANT_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})",
    re.ASCII,
)


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict[str, Any]


class CvError(Exception):
    """A refusal: 400 with an `error` text, or another status with its `message`."""

    def __init__(self, status: int, text: str) -> None:
        super().__init__(text)
        self.status = status
        self.text = text

    def answer(self) -> Answer:
        if self.status == 400:
            body = {
                "status": 400,
                "success": False,
                "message": "Invalid request",
                "error": self.text,
            }
        else:
            body = {"status": self.status, "success": False, "message": self.text}
        return Answer(self.status, body)


def invalid(text: str) -> CvError:
    return CvError(400, text)


def ok(message: str, data: object = None) -> Answer:
    """A 200 envelope; `data` only where the vendor shows one (the reads)."""
    body: dict[str, Any] = {"status": 200, "success": True, "message": message}
    if data is not None:
        body["data"] = data
    return Answer(200, body)


def parse_date(text: object) -> date | None:
    """`YYYY-MM-DD` and a real date, else None."""
    if not isinstance(text, str):
        return None
    match = _DATE_RE.fullmatch(text)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def stamp(value: datetime) -> str:
    """An instant as the list example writes it: `2024-01-20T14:00:00Z` (UTC, seconds)."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def format_instant(value: datetime) -> str:
    utc = value.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def parse_instant(text: object) -> datetime | None:
    """`YYYY-MM-DDTHH:MM[:SS[.f]]` + `Z` or `±HH:MM` as an aware UTC instant (ms), else None."""
    if not isinstance(text, str):
        return None
    match = _INSTANT_RE.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute = (int(match[i]) for i in range(1, 6))
    second = int(match[6] or 0)
    micro = int((match[7] or "0").ljust(6, "0")[:6])
    zone = match[8]
    try:
        tz: timezone = UTC
        if zone != "Z":
            sign = -1 if zone[0] == "-" else 1
            off_h, off_m = int(zone[1:3]), int(zone[4:6])
            if off_h > 23 or off_m > 59:
                return None
            tz = timezone(sign * timedelta(hours=off_h, minutes=off_m))
        value = datetime(year, month, day, hour, minute, second, micro, tzinfo=tz)
        utc = value.astimezone(UTC)
    except (ValueError, OverflowError):
        return None
    return utc.replace(microsecond=utc.microsecond // 1000 * 1000)


def valid_email(text: str) -> bool:
    if len(text) > 254 or any(ch.isspace() for ch in text) or text.count("@") != 1:
        return False
    local, _, domain = text.partition("@")
    labels = domain.split(".")
    return bool(local) and len(labels) >= 2 and all(labels)


@cache
def _zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def valid_zone(name: str) -> bool:
    return name in _zones()


@dataclass
class Appointment:
    appointment_id: str
    event_type_id: str
    provider_id: str
    start: datetime
    duration_minutes: int
    email: str
    first_name: str | None
    last_name: str | None
    timezone: str
    location: str
    tracking: dict[str, str | None] | None
    status: str
    created_at: datetime
    cancel_reason: str | None = None
    canceled_at: datetime | None = None
    agent_event_id: str = ""
    case_id: str = ""

    @property
    def active(self) -> bool:
        return self.status == "active"

    @property
    def updated_at(self) -> datetime:
        return self.canceled_at or self.created_at

    def item(self, event_name: str, provider_name: str) -> dict[str, Any]:
        """The appointment as the list shows it: exactly the documented members [doc names
        and types; the values of `title`, `topic`, `description`, `color`, `agentEventId`,
        `meetingDetails` and `case.id` are ours]. Only active ones are ever listed."""
        invitee = " ".join(p for p in (self.first_name, self.last_name) if p)
        return {
            "id": self.appointment_id,
            "createdAt": stamp(self.created_at),
            "updatedAt": stamp(self.updated_at),
            "title": invitee or event_name,
            "start": stamp(self.start),
            "end": stamp(self.end),
            "topic": event_name,
            "description": "",
            "color": "#1E88E5",
            "isEditable": True,
            "agentEventId": self.agent_event_id,
            "agentName": provider_name,
            "status": "CONFIRMED",
            "isDeleted": False,
            "meetingDetails": {},
            "case": {"id": self.case_id},
        }

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.duration_minutes)

    def record(self) -> dict[str, Any]:
        return {
            "appointmentId": self.appointment_id,
            "eventTypeId": self.event_type_id,
            "providerId": self.provider_id,
            "startTime": format_instant(self.start),
            "endTime": format_instant(self.end),
            "durationMinutes": self.duration_minutes,
            "email": self.email,
            "firstName": self.first_name,
            "lastName": self.last_name,
            "timezone": self.timezone,
            "location": self.location,
            "status": self.status,
            "tracking": dict(self.tracking) if self.tracking is not None else None,
            "cancelReason": self.cancel_reason,
            "createdAt": format_instant(self.created_at),
            "canceledAt": format_instant(self.canceled_at) if self.canceled_at else None,
        }


@dataclass(frozen=True)
class BookRequest:
    event_type_id: str
    start: datetime
    email: str
    timezone: str
    location: str
    first_name: str | None
    last_name: str | None
    tracking: dict[str, str | None] | None


def read_book_body(body: object) -> BookRequest:
    """Checks 1-8 of the doc: shape, required fields, types, formats."""
    if not isinstance(body, dict):
        raise invalid(MSG_BODY)
    for name in REQUIRED:
        value = body.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise invalid(f"{name} is required")
        if not isinstance(value, str):
            raise invalid(f"{name} must be a string")
    for name in NAMES:
        if name in body and body[name] is not None and not isinstance(body[name], str):
            raise invalid(f"{name} must be a string")
    tracking_raw = body.get("tracking")
    tracking: dict[str, str | None] | None = None
    if tracking_raw is not None:
        if not isinstance(tracking_raw, dict):
            raise invalid("tracking must be an object")
        tracking = {}
        for member in TRACKING:
            value = tracking_raw.get(member)
            if value is not None and not isinstance(value, str):
                raise invalid(f"tracking.{member} must be a string or null")
            tracking[member] = value
    start = parse_instant(body["startTime"])
    if start is None:
        raise invalid(MSG_START)
    if not valid_email(body["email"]):
        raise invalid(MSG_EMAIL)
    if not valid_zone(body["timezone"]):
        raise invalid(MSG_ZONE)
    if body["location"] not in LOCATIONS:
        raise invalid(MSG_LOCATION)
    return BookRequest(
        event_type_id=body["eventTypeId"],
        start=start,
        email=body["email"],
        timezone=body["timezone"],
        location=body["location"],
        first_name=body.get("firstName"),
        last_name=body.get("lastName"),
        tracking=tracking,
    )


def _wall_instant(day: date, wall: time, zone: ZoneInfo) -> datetime | None:
    """The first instant of a local wall time; None when a DST change skips it."""
    local = datetime.combine(day, wall, tzinfo=zone)
    utc = local.astimezone(UTC)
    if utc.astimezone(zone).replace(tzinfo=None) != local.replace(tzinfo=None):
        return None  # in the gap
    return utc


def grid(provider: Provider, event: EventType, day: date) -> list[datetime]:
    """Every slot start of `event` on local `day` from the provider's weekly hours."""
    zone = ZoneInfo(provider.timezone)
    step = timedelta(minutes=event.duration_minutes)
    starts: list[datetime] = []
    for hours in provider.hours:
        if day.isoweekday() not in hours.weekdays:
            continue
        cursor = datetime.combine(day, hours.start)
        last = datetime.combine(day, hours.end)
        while cursor + step <= last:
            instant = _wall_instant(day, cursor.time(), zone)
            if instant is not None:
                starts.append(instant)
            cursor += step
    return sorted(set(starts))


def is_open(
    clinic: CvClinic,
    event: EventType,
    start: datetime,
    appointments: Iterable[Appointment],
    now: datetime,
) -> bool:
    """Open: after now, inside the horizon, and no active overlap with the same provider."""
    if start <= now or start >= now + timedelta(days=clinic.horizon_days):
        return False
    end = start + timedelta(minutes=event.duration_minutes)
    return not any(
        a.active and a.provider_id == event.provider_id and a.start < end and start < a.end
        for a in appointments
    )


def open_slots(
    clinic: CvClinic,
    event: EventType,
    first: datetime,
    last: datetime,
    appointments: list[Appointment],
    now: datetime,
) -> list[datetime]:
    """Open slot starts of `event` in `[first, last)`."""
    provider = clinic.provider(event.provider_id)
    if provider is None:
        return []
    zone = ZoneInfo(provider.timezone)
    day = first.astimezone(zone).date() - timedelta(days=1)
    end_day = last.astimezone(zone).date() + timedelta(days=1)
    result: list[datetime] = []
    while day <= end_day:
        for start in grid(provider, event, day):
            if first <= start < last and is_open(clinic, event, start, appointments, now):
                result.append(start)
        day += timedelta(days=1)
    return sorted(set(result))


def check_slot(
    clinic: CvClinic, request: BookRequest, appointments: list[Appointment], now: datetime
) -> EventType:
    """Checks 9-11: the event type, the future, the exact open slot."""
    event = clinic.event_type(request.event_type_id)
    if event is None:
        raise invalid(MSG_TYPE)
    if request.start <= now:
        raise invalid(MSG_PAST)
    provider = clinic.provider(event.provider_id)
    if provider is None:
        raise invalid(MSG_SLOT)
    try:
        local_day = request.start.astimezone(ZoneInfo(provider.timezone)).date()
        slots = grid(provider, event, local_day)
    except OverflowError:  # a day so close to year 1 or 9999 that it has no slots to lay out
        raise invalid(MSG_SLOT) from None
    if request.start not in slots:
        raise invalid(MSG_SLOT)
    if not is_open(clinic, event, request.start, appointments, now):
        raise invalid(MSG_SLOT)
    return event

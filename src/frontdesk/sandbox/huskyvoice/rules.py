"""HuskyVoice's booking checks, written from the vendor's pages (docs/providers.md, "Create"
and "PATCH").

Owns the stored appointment record (the pages' 14 fields: a `date`, `session` and `batch`, no
start instant), the parsing of request values (instants, dates, sessions, phones, service
names) and the numbered create checks 1-13, each raising `ApiError` with the doc's status,
code and message. A window restricted to one service (`appointment_type`) holds no other;
capacity is the window's `ai_slots`, against every non-cancelled appointment in it that date
whatever its service [ours: the reading of "each service type is counted independently" that
refuses whenever either reading would]. `state` calls the checks under its lock and `app`
turns the outcome into HTTP.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

from frontdesk.sandbox.huskyvoice.clinic import SESSIONS, Clinic, Service, Window

# What a PATCH may set (updating page); a record may also say "rescheduled" (search page).
STATUSES: tuple[str, ...] = ("confirmed", "completed", "cancelled")
RESCHEDULED = "rescheduled"
REQUIRED_FIELDS: tuple[str, ...] = (
    "appointment_type",
    "appointment_date",
    "patient_name",
    "parent_phone",
)
OPTIONAL_FIELDS: tuple[str, ...] = (
    "branch_id",
    "session",
    "batch",
    "assigned_doctor",
    "external_reference_id",
)

MSG_BODY = "Request body must be a JSON object"
MSG_DATE = "appointment_date must be an ISO 8601 UTC datetime"
MSG_SESSION = "session must be one of Morning, Afternoon, Evening"
MSG_BRANCH_REQUIRED = "branch_id is required when the organization has more than one branch"
MSG_BRANCH_UNKNOWN = "branch_id does not match any branch"
MSG_PAST = "appointment_date must be in the future"
MSG_TYPE = "appointment_type does not match any configured service"
MSG_OUTSIDE = "appointment_date does not fall within any configured calendar window"
MSG_CLOSED = "The calendar window is closed"
MSG_FULL = "No remaining capacity in this window"
MSG_DUPLICATE = "A non-cancelled appointment already exists for this phone number, type and date"
MSG_STATUS = "status must be one of " + ", ".join(STATUSES)

_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_DATETIME_RE = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?"
    r"([Zz]|[+-]\d{2}(?::?\d{2})?)?",
    re.ASCII,
)


@dataclass(frozen=True)
class Answer:
    """What an operation answers: HTTP status and JSON body."""

    status: int
    body: dict[str, Any]


class ApiError(Exception):
    """A refusal: HTTP status, HuskyVoice code, message, and extra top-level body fields."""

    def __init__(self, status: int, code: str, message: str, **extra: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.extra = extra

    def answer(self) -> Answer:
        return Answer(self.status, self.body())

    def body(self) -> dict[str, Any]:
        return {
            "success": False,
            "error": {"code": self.code, "message": self.message},
            **self.extra,
        }


def validation(message: str) -> ApiError:
    return ApiError(400, "VALIDATION_ERROR", message)


def format_instant(value: datetime) -> str:
    """`YYYY-MM-DDTHH:MM:SS.mmmZ` in UTC."""
    utc = value.astimezone(UTC)
    return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"


def truncate_ms(value: datetime) -> datetime:
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def parse_local_date(text: str) -> date | None:
    """A strict `YYYY-MM-DD`, or None."""
    match = _DATE_RE.fullmatch(text)
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def parse_instant(text: str) -> datetime | None:
    """An aware UTC instant (ms precision) from the forms rule 4 accepts, or None.

    `YYYY-MM-DD` is UTC midnight; `YYYY-MM-DDTHH:MM[:SS[.fff]]` with `Z`, `±HH:MM`, `±HHMM`,
    `±HH` or no zone (read as UTC).
    """
    day = parse_local_date(text)
    if day is not None:
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    match = _DATETIME_RE.fullmatch(text)
    if match is None:
        return None
    year, month, day_, hour, minute = (int(match[i]) for i in range(1, 6))
    second = int(match[6] or 0)
    micro = int((match[7] or "0").ljust(6, "0")[:6])
    zone = match[8]
    try:
        tz: timezone = UTC
        if zone and zone not in ("Z", "z"):
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            off_h, off_m = int(digits[:2]), int(digits[2:] or 0)
            if off_h > 23 or off_m > 59:
                return None
            tz = timezone(sign * timedelta(hours=off_h, minutes=off_m))
        value = datetime(year, month, day_, hour, minute, second, micro, tzinfo=tz)
        return truncate_ms(value.astimezone(UTC))
    except (ValueError, OverflowError):
        return None


def session_name(text: str) -> str | None:
    """The properly cased session for a case-insensitive name, or None."""
    for name in SESSIONS:
        if text.casefold() == name.casefold():
            return name
    return None


def phone_key(phone: str) -> str:
    """The digits of a phone, a leading `+` kept: `+44 20 7946 0123` → `+442079460123`."""
    stripped = phone.strip()
    digits = "".join(ch for ch in stripped if ch in "0123456789")
    return ("+" if stripped.startswith("+") else "") + digits


def resolve_service(clinic: Clinic, text: str, *, active_only: bool = True) -> Service | None:
    """A service by exact UUID or by name, case-insensitively with surrounding spaces ignored."""
    wanted = text.strip().casefold()
    for service in clinic.services:
        if active_only and not service.is_active:
            continue
        if service.id == text or service.name.strip().casefold() == wanted:
            return service
    return None


@dataclass
class Appointment:
    """One stored booking. `instant` is the time it was booked for (kept, never shown: the
    record has none); `window_id` is the weekly row it was placed in."""

    appointment_id: str
    service_id: str
    branch_id: str
    instant: datetime
    local_date: date
    session: str
    batch: str
    window_id: str
    patient_name: str
    parent_phone: str
    assigned_doctor: str | None
    status: str
    external_reference_id: str | None
    created_at: datetime
    updated_at: datetime
    notes: str | None = None  # PATCH takes it; the record does not show it (updating page)

    @property
    def active(self) -> bool:
        return self.status != "cancelled"

    def record(self) -> dict[str, Any]:
        """The API's `data` object, exactly the pages' 14 fields."""
        return {
            "appointment_id": self.appointment_id,
            "appointment_type": self.service_id,
            "branch_id": self.branch_id,
            "date": self.local_date.isoformat(),
            "session": self.session,
            "batch": self.batch,
            "token": None,
            "patient_name": self.patient_name,
            "parent_phone": self.parent_phone,
            "assigned_doctor": self.assigned_doctor,
            "status": self.status,
            "external_reference_id": self.external_reference_id,
            "created_at": format_instant(self.created_at),
            "updated_at": format_instant(self.updated_at),
        }


@dataclass(frozen=True)
class CreateRequest:
    """A create body that passed checks 1-5."""

    appointment_type: str
    instant: datetime
    patient_name: str
    parent_phone: str
    branch_id: str | None
    session: str | None
    batch: str | None
    assigned_doctor: str | None
    external_reference_id: str | None


@dataclass(frozen=True)
class Placement:
    """Where checks 8-13 put a booking."""

    service: Service
    window: Window
    local_date: date


def read_create_body(body: object) -> CreateRequest:
    """Checks 1-5: body shape, required fields, optional types, the instant, the session."""
    if not isinstance(body, dict):
        raise validation(MSG_BODY)
    for name in REQUIRED_FIELDS:
        value = body.get(name)
        if not isinstance(value, str) or not value.strip():
            raise validation(f"{name} is required")
    for name in OPTIONAL_FIELDS:
        value = body.get(name)
        if value is not None and not isinstance(value, str):
            raise validation(f"{name} must be a string")
    instant = parse_instant(body["appointment_date"])
    if instant is None:
        raise validation(MSG_DATE)
    session: str | None = None
    if body.get("session") is not None:
        session = session_name(body["session"])
        if session is None:
            raise validation(MSG_SESSION)
    return CreateRequest(
        appointment_type=body["appointment_type"],
        instant=instant,
        patient_name=body["patient_name"],
        parent_phone=body["parent_phone"],
        branch_id=body.get("branch_id"),
        session=session,
        batch=body.get("batch"),
        assigned_doctor=body.get("assigned_doctor"),
        external_reference_id=body.get("external_reference_id"),
    )


def resolve_branch(clinic: Clinic, branch_id: str | None) -> str:
    """Check 6: the branch, required when the org has several, auto-resolved when one."""
    if branch_id is None or not branch_id.strip():
        if len(clinic.branches) > 1:
            raise validation(MSG_BRANCH_REQUIRED)
        return clinic.branches[0].id
    if all(branch.id != branch_id for branch in clinic.branches):
        raise validation(MSG_BRANCH_UNKNOWN)
    return branch_id


def filled(appointments: Iterable[Appointment], window: Window, on: date) -> int:
    """The window's non-cancelled appointments on local date `on`, every service together."""
    return sum(
        1
        for a in appointments
        if a.active and a.window_id == window.window_id and a.local_date == on
    )


def find_replay(appointments: Iterable[Appointment], reference: str | None) -> Appointment | None:
    """Check 7: the non-cancelled booking already made with this external reference."""
    if reference is None or not reference.strip():
        return None
    for appointment in appointments:
        if appointment.active and appointment.external_reference_id == reference:
            return appointment
    return None


def find_window(
    clinic: Clinic, branch_id: str, local: datetime, session: str | None, service_id: str
) -> Window | None:
    """The branch's weekly row holding this local wall time that takes the service (a row
    restricted to another service does not); an open one first."""
    found = [
        window
        for window in clinic.windows
        if window.branch_id == branch_id
        and window.weekday == local.isoweekday()
        and (session is None or window.session == session)
        and (window.service_id is None or window.service_id == service_id)
        and window.start_time <= local.time() < window.end_time
    ]
    open_ones = [w for w in found if not clinic.is_closed(w, local.date())]
    candidates = open_ones or found
    return candidates[0] if candidates else None


def place(
    clinic: Clinic,
    appointments: Iterable[Appointment],
    *,
    instant: datetime,
    appointment_type: str,
    branch_id: str,
    session: str | None,
    parent_phone: str,
    now: datetime,
    exclude_id: str | None = None,
) -> Placement:
    """Checks 8-13: future, type, window, open, capacity, duplicate."""
    if instant <= now:
        raise ApiError(400, "PAST_APPOINTMENT", MSG_PAST)
    service = resolve_service(clinic, appointment_type)
    if service is None:
        raise ApiError(422, "INVALID_APPOINTMENT_TYPE", MSG_TYPE)
    local = instant.astimezone(clinic.zone)
    window = find_window(clinic, branch_id, local, session, service.id)
    if window is None:
        raise ApiError(422, "OUTSIDE_AVAILABILITY", MSG_OUTSIDE)
    local_date = local.date()
    if clinic.is_closed(window, local_date):
        raise ApiError(409, "SLOT_INACTIVE", MSG_CLOSED)
    others = [a for a in appointments if a.active and a.appointment_id != exclude_id]
    if filled(others, window, local_date) >= window.ai_slots:
        raise ApiError(409, "SLOT_FULL", MSG_FULL)
    if clinic.duplicate_prevention:
        key = phone_key(parent_phone)
        same = sorted(
            (
                a
                for a in others
                if a.service_id == service.id
                and a.local_date == local_date
                and phone_key(a.parent_phone) == key
            ),
            key=lambda a: (a.instant, a.appointment_id),
        )
        if same:
            raise ApiError(
                409,
                "DUPLICATE_BOOKING",
                MSG_DUPLICATE,
                existing_appointment_id=same[0].appointment_id,
            )
    return Placement(service=service, window=window, local_date=local_date)

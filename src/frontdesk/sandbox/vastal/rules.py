"""Vastal's booking checks, written from Vastal's create page and docs/providers.md ("Vastal",
create checks 1-12).

Owns the stored appointment record (its wire form: the fields the list, create and update
pages' examples show), the parsing of instants and of the list's date filters, and the
checks, each raising `VastalError` with a status and an `{"error": "<text>"}` body, the
calendar pages' error form. Only the required-fields 400 is the page's; the other checks
(type, notice, horizon, rows, caps, buffers) are the sandbox's own reading of the type fields
(docs: [ours]). `state` calls them under its lock and `app` turns the outcome into HTTP.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

from frontdesk.sandbox.vastal.clinic import AppointmentType, VastalClinic

STATUSES: tuple[str, ...] = ("pending", "confirmed", "completed", "cancelled", "no_show")
OPTIONAL_FIELDS: tuple[str, ...] = (
    "client_email",
    "client_phone",
    "client_language",
    "client_notes",
    "internal_notes",
)

MSG_BODY = "Request body must be a JSON object"
MSG_REQUIRED = "appointment_type_id, start_time, and client_name are required"
MSG_START = "start_time must be an ISO 8601 date-time with a time zone"
MSG_TYPE_UNKNOWN = "Appointment type not found"
MSG_TYPE_INACTIVE = "Appointment type is not active"
MSG_PAST = "start_time must be in the future"
MSG_OUTSIDE = "The requested time is outside the available hours for this appointment type"
MSG_DAY = "The daily limit for this appointment type has been reached"
MSG_WEEK = "The weekly limit for this appointment type has been reached"
MSG_MONTH = "The monthly limit for this appointment type has been reached"
MSG_OVERLAP = "The requested time overlaps another appointment"
MSG_STATUS = "status must be one of " + ", ".join(STATUSES)
MSG_CANCELLED = "Cancelled appointments cannot be changed"
MSG_NOT_FOUND = "Appointment not found"


def msg_notice(hours: int) -> str:
    return f"Appointments of this type must be booked at least {hours} hours in advance"


def msg_ahead(days: int) -> str:
    return f"Appointments of this type cannot be booked more than {days} days in advance"


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict[str, Any]


class VastalError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    def answer(self) -> Answer:
        return Answer(self.status, {"error": self.message})


def bad(message: str) -> VastalError:
    return VastalError(400, message)


_INSTANT = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|[+-]\d{2}:\d{2})",
    re.ASCII,
)


def parse_instant(value: object) -> datetime | None:
    """A wire instant (whole seconds, UTC) or None when it is not the doc's form."""
    if not isinstance(value, str):
        return None
    match = _INSTANT.fullmatch(value)
    if match is None:
        return None
    year, month, day, hour, minute = (int(match.group(i)) for i in range(1, 6))
    second = int(match.group(6) or 0)
    zone_text = match.group(8)
    if zone_text == "Z":
        tz = UTC
    else:
        sign = 1 if zone_text[0] == "+" else -1
        hh, mm = int(zone_text[1:3]), int(zone_text[4:6])
        if hh > 23 or mm > 59:
            return None
        tz = timezone(sign * timedelta(hours=hh, minutes=mm))
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=tz).astimezone(UTC)
    except (ValueError, OverflowError):  # OverflowError: past year 9999 (or before 1) in UTC
        return None


def wire_time(instant: datetime | None) -> str | None:
    if instant is None:
        return None
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Appointment:
    id: str
    org_id: str
    type_id: str
    start: datetime
    end: datetime
    client_name: str
    client_email: str | None
    client_phone: str | None
    client_language: str
    client_notes: str | None
    internal_notes: str | None
    status: str
    confirmed_at: datetime | None
    cancelled_at: datetime | None
    created_at: datetime
    updated_at: datetime
    type_brief: dict[str, Any]
    source: str = "manual"

    @property
    def active(self) -> bool:
        return self.status != "cancelled"

    def record(self) -> dict[str, Any]:
        """The appointment as the list and create pages show it (plus `internal_notes` and
        `cancelled_at`, which the update page names; `client_language` is kept, not shown)."""
        return {
            "id": self.id,
            "org_id": self.org_id,
            "appointment_type_id": self.type_id,
            "start_time": wire_time(self.start),
            "end_time": wire_time(self.end),
            "client_name": self.client_name,
            "client_email": self.client_email,
            "client_phone": self.client_phone,
            "client_notes": self.client_notes,
            "internal_notes": self.internal_notes,
            "status": self.status,
            "confirmed_at": wire_time(self.confirmed_at),
            "cancelled_at": wire_time(self.cancelled_at),
            "source": self.source,
            "appointment_type": dict(self.type_brief),
        }

    def partial(self, fields: Iterable[str]) -> dict[str, Any]:
        """The update page's answer: `id`, `status`, the fields the PATCH set, and the
        type's summary (ours: which fields beyond the example's)."""
        full = self.record()
        shown: dict[str, Any] = {"id": self.id, "status": self.status}
        shown.update({name: full[name] for name in fields if name in full})
        shown["appointment_type"] = dict(self.type_brief)
        return shown


@dataclass(frozen=True)
class CreateRequest:
    type_id: str
    start: datetime
    client_name: str
    optional: dict[str, str | None]


def read_create_body(body: object) -> CreateRequest:
    """Checks 1-4: the body's shape, required and optional fields, the instant."""
    if not isinstance(body, dict):
        raise bad(MSG_BODY)
    for name in ("appointment_type_id", "start_time", "client_name"):
        value = body.get(name)
        if not isinstance(value, str) or not value.strip():
            raise bad(MSG_REQUIRED)
    optional: dict[str, str | None] = {}
    for name in OPTIONAL_FIELDS:
        value = body.get(name)
        if value is not None and not isinstance(value, str):
            raise bad(f"{name} must be a string")
        optional[name] = value
    start = parse_instant(body["start_time"])
    if start is None:
        raise bad(MSG_START)
    return CreateRequest(body["appointment_type_id"], start, body["client_name"], optional)


def check_slot(
    clinic: VastalClinic,
    appointments: Iterable[Appointment],
    type_id: str,
    start: datetime,
    now: datetime,
    exclude_id: str | None = None,
) -> AppointmentType:
    """Checks 5-12 for an appointment of `type_id` at `start`; the type when all pass."""
    kind = clinic.types.get(type_id)
    if kind is None:
        raise VastalError(404, MSG_TYPE_UNKNOWN)
    if not kind.is_active:
        raise bad(MSG_TYPE_INACTIVE)
    if start <= now:
        raise bad(MSG_PAST)
    lead = start - now
    if lead < timedelta(hours=kind.min_notice_hours):
        raise bad(msg_notice(kind.min_notice_hours))
    if lead > timedelta(days=kind.max_days_ahead):
        raise bad(msg_ahead(kind.max_days_ahead))
    zone = ZoneInfo(clinic.timezone)
    end = start + timedelta(minutes=kind.duration_minutes)
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    day = local_start.date()
    if local_end.date() != day or not _inside_a_row(clinic, kind, local_start, local_end):
        raise bad(MSG_OUTSIDE)
    others = [a for a in appointments if a.active and a.id != exclude_id]
    same = [a.start.astimezone(zone).date() for a in others if a.type_id == kind.id]
    iso = day.isocalendar()
    counts = (
        (kind.max_per_day, sum(1 for d in same if d == day), MSG_DAY),
        (
            kind.max_per_week,
            sum(1 for d in same if d.isocalendar()[:2] == (iso.year, iso.week)),
            MSG_WEEK,
        ),
        (
            kind.max_per_month,
            sum(1 for d in same if (d.year, d.month) == (day.year, day.month)),
            MSG_MONTH,
        ),
    )
    for cap, count, message in counts:
        if cap is not None and count >= cap:
            raise bad(message)
    begin = start - timedelta(minutes=kind.buffer_before_minutes)
    finish = end + timedelta(minutes=kind.buffer_after_minutes)
    for other in others:
        other_kind = clinic.types.get(other.type_id)
        before = other_kind.buffer_before_minutes if other_kind else 0
        after = other_kind.buffer_after_minutes if other_kind else 0
        o_begin = other.start - timedelta(minutes=before)
        o_finish = other.end + timedelta(minutes=after)
        if begin < o_finish and o_begin < finish:
            raise bad(MSG_OVERLAP)
    return kind


def _inside_a_row(
    clinic: VastalClinic, kind: AppointmentType, local_start: datetime, local_end: datetime
) -> bool:
    """In one active row for the type (or for all types) of the org's weekly rows, or of the
    named schedule the type follows."""
    dow = local_start.isoweekday() % 7  # 0 = Sunday
    wall_start = local_start.time().replace(tzinfo=None)
    wall_end = local_end.time().replace(tzinfo=None)
    rows, _ = clinic.rows_for(kind)
    for row in rows:
        if not row.is_active or row.day_of_week != dow:
            continue
        if row.appointment_type_id not in (None, kind.id):
            continue
        if row.start <= wall_start and wall_end <= row.end:
            return True
    return False


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def parse_bound(value: str, zone_name: str, upper: bool) -> datetime | None:
    """A `from`/`to` filter of the list: an instant as for `start_time`, or a date (the list
    page's example, `from=2024-01-01`), read as that whole day in the org's zone: `from` its
    start, `to` the start of the next day (ours: the page says only "date filter")."""
    if _DATE.fullmatch(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return None
        try:  # a day bound past the calendar's ends (9999-12-31's next day, say): ours, a 400
            if upper:
                day += timedelta(days=1)
            return datetime.combine(day, time(0), tzinfo=ZoneInfo(zone_name)).astimezone(UTC)
        except OverflowError:
            raise bad(f"{'to' if upper else 'from'} is out of range") from None
    return parse_instant(value)

"""Vastal's create checks, predicted offline.

Follows docs/providers.md ("Vastal", "Create: POST /calendar/appointments") check by check and
answers with Vastal's own status and ``{"error": ...}`` text (Vastal has no error code, so
``Verdict.code`` is always ``None``). The input is the exact wire body. The catalog carries the
type rules in ``Service.extra`` (the wire's camelCase keys) and the weekly rows in
``Policy.extra["availability"]`` (wire rows), so any date is judged, cached windows or not.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, timezone
from typing import Any

from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.catalog import Catalog, Service
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.verdict import Verdict

REQUIRED = ("appointment_type_id", "start_time", "client_name")
OPTIONAL = ("client_email", "client_phone", "client_language", "client_notes", "internal_notes")

MSG_BODY = "Request body must be a JSON object"
MSG_REQUIRED = "appointment_type_id, start_time, and client_name are required"
MSG_START = "start_time must be an ISO 8601 date-time with a time zone"
MSG_TYPE_UNKNOWN = "Appointment type not found"
MSG_TYPE_INACTIVE = "Appointment type is not active"
MSG_PAST = "start_time must be in the future"
MSG_OUTSIDE = "The requested time is outside the available hours for this appointment type"
MSG_CAP = "The {} limit for this appointment type has been reached"
MSG_OVERLAP = "The requested time overlaps another appointment"
ACCEPTED_MESSAGE = "Appointment would be created"
PENDING_MESSAGE = "Appointment would be created, pending confirmation"

# The wire form of an instant (docs: "Time"): date, T, HH:MM, optional :SS and fraction, then
# Z or an offset ±HH:MM.
_INSTANT = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|([+-])(\d{2}):(\d{2}))",
    re.ASCII,
)


def parse_start(text: str) -> datetime | None:
    """A wire ``start_time`` as a UTC instant in whole seconds, or None when malformed."""
    m = _INSTANT.fullmatch(text)
    if m is None:
        return None
    if m.group(7) == "Z":
        offset = timedelta(0)
    else:
        hours, minutes = int(m.group(9)), int(m.group(10))
        if hours > 23 or minutes > 59:
            return None
        offset = timedelta(hours=hours, minutes=minutes) * (1 if m.group(8) == "+" else -1)
    try:
        value = datetime(
            int(m.group(1)),
            int(m.group(2)),
            int(m.group(3)),
            int(m.group(4)),
            int(m.group(5)),
            int(m.group(6) or 0),
            tzinfo=timezone(offset),
        )
    except ValueError:
        return None
    return value.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class TypeRules:
    """One appointment type's booking rules, from ``Service.extra`` (docs defaults)."""

    duration: int
    buffer_before: int
    buffer_after: int
    caps: tuple[tuple[str, int | None], ...]  # ("daily"|"weekly"|"monthly", cap)
    min_notice_hours: int
    max_days_ahead: int
    requires_confirmation: bool

    @classmethod
    def of(cls, service: Service) -> TypeRules:
        extra = service.extra

        def whole(key: str, default: int) -> int:
            value = extra.get(key)
            return value if isinstance(value, int) else default

        def cap(key: str) -> int | None:
            value = extra.get(key)
            return value if isinstance(value, int) else None

        return cls(
            duration=service.duration_minutes,
            buffer_before=whole("bufferBeforeMinutes", 0),
            buffer_after=whole("bufferAfterMinutes", 0),
            caps=(
                ("daily", cap("maxPerDay")),
                ("weekly", cap("maxPerWeek")),
                ("monthly", cap("maxPerMonth")),
            ),
            min_notice_hours=whole("minNoticeHours", 24),
            max_days_ahead=whole("maxDaysAhead", 60),
            requires_confirmation=bool(extra.get("requiresConfirmation", False)),
        )


def _refuse(status: int, message: str, field: str | None) -> Verdict:
    return Verdict(status=status, code=None, message=message, field=field)


def _rows(catalog: Catalog) -> list[Mapping[str, Any]]:
    rows = catalog.policy.extra.get("availability", [])
    return [r for r in rows if isinstance(r, Mapping)]


def _clock(text: object) -> time | None:
    if not isinstance(text, str):
        return None
    try:
        return time.fromisoformat(text)
    except ValueError:
        return None


def inside_weekly_rows(catalog: Catalog, type_id: str, start: datetime, end: datetime) -> bool:
    """Check 10: the whole ``[start, end)`` in one active row for the type or for all types."""
    zone = catalog.policy.timezone
    local_start, local_end = to_local(start, zone), to_local(end, zone)
    if local_start.date() != local_end.date():
        return False
    weekday = (local_start.weekday() + 1) % 7  # 0 = Sunday
    first = local_start.time().replace(tzinfo=None)
    last = local_end.time().replace(tzinfo=None)
    for row in _rows(catalog):
        if row.get("is_active") is not True or row.get("day_of_week") != weekday:
            continue
        if row.get("appointment_type_id") not in (None, type_id):
            continue
        opens, closes = _clock(row.get("start_time")), _clock(row.get("end_time"))
        if opens is not None and closes is not None and opens <= first and last <= closes:
            return True
    return False


def _holds_a_place(booking: Booking) -> bool:
    """Whether a cached booking is (or will be) on the remote calendar."""
    if not booking.active:
        return False
    return not (booking.sync_state is SyncState.NEEDS_ATTENTION and booking.remote_id is None)


def predict_create(
    body: object,
    catalog: Catalog,
    bookings: Iterable[Booking],
    now: datetime,
    *,
    ignore_booking_id: str | None = None,
) -> Verdict:
    """What ``POST /calendar/appointments`` with ``body`` would answer, given the cache.

    ``ignore_booking_id`` leaves one booking out (a reschedule of that booking).
    """
    if not isinstance(body, Mapping):
        return _refuse(400, MSG_BODY, None)
    for name in REQUIRED:
        value = body.get(name)
        if not isinstance(value, str) or not value.strip():
            return _refuse(400, MSG_REQUIRED, name)
    for name in OPTIONAL:
        value = body.get(name)
        if value is not None and not isinstance(value, str):
            return _refuse(400, f"{name} must be a string", name)
    start = parse_start(body["start_time"])
    if start is None:
        return _refuse(400, MSG_START, "start_time")
    type_id = body["appointment_type_id"]
    service = catalog.service(type_id)
    if service is None:
        return _refuse(404, MSG_TYPE_UNKNOWN, "appointment_type_id")
    if not service.active:
        return _refuse(400, MSG_TYPE_INACTIVE, "appointment_type_id")
    rules = TypeRules.of(service)
    now = now.astimezone(UTC).replace(microsecond=0)
    if start <= now:
        return _refuse(400, MSG_PAST, "start_time")
    lead = start - now
    if lead < timedelta(hours=rules.min_notice_hours):
        message = (
            "Appointments of this type must be booked at least "
            f"{rules.min_notice_hours} hours in advance"
        )
        return _refuse(400, message, "start_time")
    if lead > timedelta(days=rules.max_days_ahead):
        message = (
            "Appointments of this type cannot be booked more than "
            f"{rules.max_days_ahead} days in advance"
        )
        return _refuse(400, message, "start_time")
    end = start + timedelta(minutes=rules.duration)
    if not inside_weekly_rows(catalog, type_id, start, end):
        return _refuse(400, MSG_OUTSIDE, "start_time")
    others = [b for b in bookings if b.id != ignore_booking_id and _holds_a_place(b)]
    zone = catalog.policy.timezone
    day = to_local(start, zone).date()
    same_days = [to_local(b.start, zone).date() for b in others if b.service_id == type_id]
    counts = {
        "daily": sum(1 for d in same_days if d == day),
        "weekly": sum(1 for d in same_days if d.isocalendar()[:2] == day.isocalendar()[:2]),
        "monthly": sum(1 for d in same_days if (d.year, d.month) == (day.year, day.month)),
    }
    for period, cap in rules.caps:
        if cap is not None and counts[period] >= cap:
            return _refuse(400, MSG_CAP.format(period), "start_time")
    begin = start - timedelta(minutes=rules.buffer_before)
    finish = end + timedelta(minutes=rules.buffer_after)
    for other in others:
        other_service = catalog.service(other.service_id)
        other_rules = TypeRules.of(other_service) if other_service else None
        before = other_rules.buffer_before if other_rules else 0
        after = other_rules.buffer_after if other_rules else 0
        if (
            begin < other.end + timedelta(minutes=after)
            and other.start - timedelta(minutes=before) < finish
        ):
            return _refuse(400, MSG_OVERLAP, "start_time")
    message = PENDING_MESSAGE if rules.requires_confirmation else ACCEPTED_MESSAGE
    return Verdict(status=200, code=None, message=message)

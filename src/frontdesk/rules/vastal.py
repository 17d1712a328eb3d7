"""Vastal's create checks, predicted offline (docs/providers.md, "Vastal", "Create").

The create page documents one refusal: 400 ``{"error": "appointment_type_id, start_time, and
client_name are required"}``. That one (and a body that is not an object) is an error at the
desk, in Vastal's words. Everything else the type fields suggest (inactive type, notice,
horizon, weekly rows, caps, buffers) describes the booking page; no page says a manual create
is refused for it. Those checks run in the same order as before, but each finding is a
**risk** (``Severity.RISK``) with FrontDesk's own code and a message saying Vastal may refuse
or accept: the desk warns, the booking system decides at sync. A type tied to a named
schedule (``scheduleId``) has hours no endpoint shows: its time is not judged, and an
otherwise clean booking carries the ``NAMED_SCHEDULE`` risk (status 200: probably accepted).

The input is the exact wire body. The catalog carries the type rules in ``Service.extra`` (the
wire's camelCase keys) and the weekly rows in ``Policy.extra["availability"]`` (wire rows),
read in ``Policy.timezone`` (the connection's ``timezone`` option), so any date is judged.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from typing import Any

from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.catalog import Catalog, Service
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.domain.verdict import Severity, Verdict

REQUIRED = ("appointment_type_id", "start_time", "client_name")
OPTIONAL = ("client_email", "client_phone", "client_language", "client_notes", "internal_notes")

MSG_BODY = "Request body must be a JSON object"
MSG_REQUIRED = "appointment_type_id, start_time, and client_name are required"  # [doc]
ACCEPTED_MESSAGE = "Appointment would be created"
PENDING_MESSAGE = "Appointment would be created, pending confirmation"

# Risks: FrontDesk's code, the status Vastal would answer if it refuses, and the words.
# The desk's own words, said in its language (translate("Verdicts", ...)); the third item:
# MAY follows the sentence.
MAY = QT_TRANSLATE_NOOP("Verdicts", "Vastal may refuse it, or accept it as a manual booking.")
RISKS: dict[str, tuple[int, str, bool]] = {
    "FIELD_TYPE": (
        400,
        QT_TRANSLATE_NOOP("Verdicts", "{wire} is not text; Vastal may refuse the booking."),
        False,
    ),
    "START_FORMAT": (
        400,
        QT_TRANSLATE_NOOP(
            "Verdicts",
            "start_time is not an ISO 8601 date-time with a zone (such as 2027-01-21T14:00:00Z); "
            "Vastal may refuse it or read it differently.",
        ),
        False,
    ),
    "TYPE_NOT_LISTED": (
        404,
        QT_TRANSLATE_NOOP(
            "Verdicts",
            "This appointment type is not in the list Vastal last gave (refresh the catalog); "
            "Vastal may refuse the booking.",
        ),
        False,
    ),
    "TYPE_INACTIVE": (
        400,
        QT_TRANSLATE_NOOP("Verdicts", "This appointment type is switched off in Vastal."),
        True,
    ),
    "PAST": (400, QT_TRANSLATE_NOOP("Verdicts", "This time has already passed."), True),
    "MIN_NOTICE": (
        400,
        QT_TRANSLATE_NOOP("Verdicts", "This type asks for {n} hours' notice."),
        True,
    ),
    "MAX_DAYS_AHEAD": (
        400,
        QT_TRANSLATE_NOOP("Verdicts", "This type is booked at most {n} days ahead."),
        True,
    ),
    "OUTSIDE_HOURS": (
        400,
        QT_TRANSLATE_NOOP(
            "Verdicts", "This time is outside the weekly availability for this type."
        ),
        True,
    ),
    "DAILY_LIMIT": (
        400,
        QT_TRANSLATE_NOOP("Verdicts", "This type's daily limit ({n}) is reached."),
        True,
    ),
    "WEEKLY_LIMIT": (
        400,
        QT_TRANSLATE_NOOP("Verdicts", "This type's weekly limit ({n}) is reached."),
        True,
    ),
    "MONTHLY_LIMIT": (
        400,
        QT_TRANSLATE_NOOP("Verdicts", "This type's monthly limit ({n}) is reached."),
        True,
    ),
    "OVERLAP": (
        400,
        QT_TRANSLATE_NOOP("Verdicts", "This time overlaps another appointment (with the buffers)."),
        True,
    ),
    "NAMED_SCHEDULE": (
        200,
        QT_TRANSLATE_NOOP(
            "Verdicts",
            "This type follows Vastal's named schedule {name}, whose hours no Vastal endpoint "
            "shows; Vastal checks the time when the booking is sent.",
        ),
        False,
    ),
}
CAP_CODES = {"daily": "DAILY_LIMIT", "weekly": "WEEKLY_LIMIT", "monthly": "MONTHLY_LIMIT"}

# A change of type: PATCH /calendar/appointments has no appointment_type_id field.
CODE_TYPE_CHANGE = "TYPE_CHANGE"
MSG_TYPE_CHANGE = (
    "Vastal cannot change an appointment's type: cancel this appointment and book the new service."
)

# The wire form of an instant: date, T, HH:MM, optional :SS and fraction, then Z or an offset
# ±HH:MM (ours: the page says only "ISO 8601"; the connector always sends ...Z).
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


def risk(code: str, field: str | None = "start_time", **words: object) -> Verdict:
    """One of ``RISKS`` as a verdict: Vastal's likely status, FrontDesk's code and words."""
    status, text, may = RISKS[code]
    said = translate("Verdicts", text).format(**words)
    if may:
        said += " " + translate("Verdicts", MAY)
    return Verdict(status, code, said, field, Severity.RISK)


@dataclass(frozen=True, slots=True)
class TypeRules:
    """One appointment type's booking rules, from ``Service.extra``: the create page's
    defaults (notice 24 h, 60 days ahead, no confirmation); buffers 0 and no caps when absent
    (ours: no default is documented)."""

    duration: int
    buffer_before: int
    buffer_after: int
    caps: tuple[tuple[str, int | None], ...]  # ("daily"|"weekly"|"monthly", cap)
    min_notice_hours: int
    max_days_ahead: int
    requires_confirmation: bool
    schedule: str | None  # the named schedule's name (or id) the type follows, if any

    @classmethod
    def of(cls, service: Service) -> TypeRules:
        extra = service.extra

        def whole(key: str, default: int) -> int:
            value = extra.get(key)
            return value if isinstance(value, int) and not isinstance(value, bool) else default

        def cap(key: str) -> int | None:
            value = extra.get(key)
            return value if isinstance(value, int) and not isinstance(value, bool) else None

        schedule_id = extra.get("scheduleId")
        name = extra.get("scheduleName")
        schedule = None
        if isinstance(schedule_id, str) and schedule_id:
            schedule = f"“{name}”" if isinstance(name, str) and name else schedule_id
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
            requires_confirmation=extra.get("requiresConfirmation") is True,
            schedule=schedule,
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
    """The whole ``[start, end)`` in one active row for the type or for all types, read in
    the connection's zone."""
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


def _body_verdict(body: object) -> Verdict | None:
    """The body's own checks: an object (ours), the required fields [doc], text fields."""
    if not isinstance(body, Mapping):
        return _refuse(400, MSG_BODY, None)
    for name in REQUIRED:
        value = body.get(name)
        if not isinstance(value, str) or not value.strip():
            return _refuse(400, MSG_REQUIRED, name)
    for name in OPTIONAL:
        value = body.get(name)
        if value is not None and not isinstance(value, str):
            return risk("FIELD_TYPE", name, wire=name)
    return None


def context_days(day: date) -> tuple[date, date]:
    """The first and last org-local days whose cached bookings :func:`predict_create` reads
    for a booking starting on local ``day``: its ISO week and its month (the weekly and
    monthly caps), and a day either side of them, where a booking overlapping the first or
    last of them (with buffers, less than a day) can start."""
    monday = day - timedelta(days=day.weekday())
    first = min(monday, day.replace(day=1))
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    last = max(monday + timedelta(days=6), following - timedelta(days=1))
    return first - timedelta(days=1), last + timedelta(days=1)


def neighbour_keys(booking: Booking, catalog: Catalog) -> frozenset[Hashable] | None:
    """None: an overlap is any booking's (Vastal's calendar has no columns), so every
    booking of the days is weighed."""
    return None


def predict_create(
    body: object,
    catalog: Catalog,
    bookings: Iterable[Booking],
    now: datetime,
    *,
    ignore_booking_id: str | None = None,
) -> Verdict:
    """What ``POST /calendar/appointments`` with ``body`` would answer, given the cache: an
    error (documented refusal), the first risk found, or acceptance.

    ``ignore_booking_id`` leaves one booking out (a reschedule of that booking).
    """
    problem = _body_verdict(body)
    if problem is not None:
        return problem
    assert isinstance(body, Mapping)
    start = parse_start(body["start_time"])
    if start is None:
        return risk("START_FORMAT")
    type_id = body["appointment_type_id"]
    service = catalog.service(type_id)
    if service is None:
        return risk("TYPE_NOT_LISTED", "appointment_type_id")
    if not service.active:
        return risk("TYPE_INACTIVE", "appointment_type_id")
    rules = TypeRules.of(service)
    now = now.astimezone(UTC).replace(microsecond=0)
    if start <= now:
        return risk("PAST")
    lead = start - now
    if lead < timedelta(hours=rules.min_notice_hours):
        return risk("MIN_NOTICE", n=rules.min_notice_hours)
    if lead > timedelta(days=rules.max_days_ahead):
        return risk("MAX_DAYS_AHEAD", n=rules.max_days_ahead)
    end = start + timedelta(minutes=rules.duration)
    if rules.schedule is None and not inside_weekly_rows(catalog, type_id, start, end):
        return risk("OUTSIDE_HOURS")
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
            return risk(CAP_CODES[period], n=cap)
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
            return risk("OVERLAP")
    if rules.schedule is not None:
        return risk("NAMED_SCHEDULE", name=rules.schedule)
    message = PENDING_MESSAGE if rules.requires_confirmation else ACCEPTED_MESSAGE
    return Verdict(status=200, code=None, message=message)

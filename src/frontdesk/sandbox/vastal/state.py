"""The live state of one Vastal sandbox, and every operation on it.

Owns the org (types, weekly rows), the stored appointments, the clock, the hourly rate limiter
and the fault switches, all behind one `threading.Lock`. Each operation returns an `Answer`;
HTTP concerns (auth, headers, cut answers) stay in `vastal`.
"""

from __future__ import annotations

import math
import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from typing import Any

from frontdesk.sandbox.faults import Faults
from frontdesk.sandbox.ratelimit import SlidingWindowLimiter
from frontdesk.sandbox.vastal.clinic import (
    DEFAULT_COLOR,
    TYPE_FIELDS,
    AppointmentType,
    VastalClinic,
    WeeklyRow,
    default_vastal_clinic,
)
from frontdesk.sandbox.vastal.rules import (
    MSG_BODY,
    MSG_CANCELLED,
    MSG_NOT_FOUND,
    MSG_START,
    MSG_STATUS,
    OPTIONAL_FIELDS,
    STATUSES,
    Answer,
    Appointment,
    VastalError,
    bad,
    check_slot,
    parse_instant,
    read_create_body,
)

HOUR = 3600.0


def _utc_now() -> datetime:
    return datetime.now(UTC)


def hourly_limit(rate_limit: int) -> int:
    """The sandbox's hourly limit for `--rate-limit N` (60 → the standard plan's 1,000)."""
    return 0 if rate_limit <= 0 else max(1, round(1000 * rate_limit / 60))


class HourlyLimiter(SlidingWindowLimiter):
    """The shared sliding window, plus when a key's oldest counted request leaves it."""

    def oldest(self, key: str) -> float | None:
        with self._lock:
            hits = self._hits.get(key)
            return hits[0] if hits else None

    def reset_epoch(self, key: str) -> int:
        """`X-RateLimit-Reset`: Unix seconds (rounded up) when `Remaining` next grows."""
        oldest = self.oldest(key)
        wall = datetime.now(UTC).timestamp()
        if oldest is None:
            return math.ceil(wall)
        return math.ceil(wall + max(0.0, oldest + self.window_seconds - self._clock()))


class VastalState:
    """One org's calendar. `clock` may be swapped by tests (it must return aware UTC)."""

    def __init__(
        self,
        clinic: VastalClinic | None = None,
        rate_limit: int = 60,
        clock: Callable[[], datetime] = _utc_now,
        window_seconds: float = HOUR,
    ) -> None:
        self.clinic = clinic if clinic is not None else default_vastal_clinic()
        self._initial = self.clinic.copy()
        self.lock = threading.Lock()
        self.clock = clock
        self.limiter = HourlyLimiter(hourly_limit(rate_limit), window_seconds)
        self.faults = Faults()
        self._appointments: dict[str, Appointment] = {}

    # -- helpers for tests ---------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock().astimezone(UTC).replace(microsecond=0)

    def appointments(self) -> list[dict[str, Any]]:
        with self.lock:
            return [a.record() for a in self._sorted()]

    def reset(self) -> None:
        """Forget every appointment, fault and count; types and rows back to the start."""
        with self.lock:
            self._appointments.clear()
            self.clinic = self._initial.copy()
        self.faults.clear()
        self.limiter.reset()

    def _sorted(self) -> list[Appointment]:
        return sorted(self._appointments.values(), key=lambda a: (a.start, a.id))

    def _new_id(self, prefix: str, taken: Mapping[str, object] | set[str]) -> str:
        while True:
            candidate = prefix + secrets.token_hex(5)
            if candidate not in taken:
                return candidate

    # -- appointments --------------------------------------------------------------------

    def create(self, body: object) -> Answer:
        with self.lock:
            try:
                return self._create(body)
            except VastalError as error:
                return error.answer()

    def _create(self, body: object) -> Answer:
        request = read_create_body(body)
        now = self.now()
        kind = check_slot(
            self.clinic, self._appointments.values(), request.type_id, request.start, now
        )
        pending = kind.requires_confirmation
        language = request.optional["client_language"]
        appointment = Appointment(
            id=self._new_id("apt_", self._appointments),
            org_id=self.clinic.org_id,
            type_id=kind.id,
            start=request.start,
            end=request.start + _minutes(kind.duration_minutes),
            client_name=request.client_name,
            client_email=request.optional["client_email"],
            client_phone=request.optional["client_phone"],
            client_language=language if language is not None else "en",
            client_notes=request.optional["client_notes"],
            internal_notes=request.optional["internal_notes"],
            status="pending" if pending else "confirmed",
            confirmed_at=None if pending else now,
            cancelled_at=None,
            created_at=now,
            updated_at=now,
            type_brief=kind.brief(),
        )
        self._appointments[appointment.id] = appointment
        return Answer(200, {"appointment": appointment.record()})

    def patch(self, body: object) -> Answer:
        with self.lock:
            try:
                return self._patch(body)
            except VastalError as error:
                return error.answer()

    def _patch(self, body: object) -> Answer:
        if not isinstance(body, dict):
            raise bad(MSG_BODY)
        appointment_id = body.get("id")
        if not isinstance(appointment_id, str) or not appointment_id.strip():
            raise bad("id is required")
        current = self._appointments.get(appointment_id)
        if current is None:
            raise VastalError(404, MSG_NOT_FOUND)
        for name in ("start_time", "appointment_type_id", "status", "client_name"):
            if name in body and not isinstance(body[name], str):
                raise bad(f"{name} must be a string")
        for name in OPTIONAL_FIELDS:
            if body.get(name) is not None and not isinstance(body[name], str):
                raise bad(f"{name} must be a string")
        status = body.get("status", current.status)
        if status not in STATUSES:
            raise bad(MSG_STATUS)
        start = current.start
        if "start_time" in body:
            parsed = parse_instant(body["start_time"])
            if parsed is None:
                raise bad(MSG_START)
            start = parsed
        type_id = body.get("appointment_type_id", current.type_id)
        now = self.now()
        changes: dict[str, Any] = {"status": status}
        attributes = {"client_name": "client_name", **{n: n for n in OPTIONAL_FIELDS}}
        for name, attribute in attributes.items():
            if name in body:
                value = body[name]
                if name == "client_language" and value is None:
                    value = "en"
                changes[attribute] = value
        moved = start != current.start or type_id != current.type_id
        if moved:
            changes["start"] = start
            changes["type_id"] = type_id
        updated = replace(current, **changes)
        if not current.active:
            if updated != current:
                raise bad(MSG_CANCELLED)
            return Answer(200, {"appointment": current.record()})
        if moved and status != "cancelled":
            kind = check_slot(
                self.clinic, self._appointments.values(), type_id, start, now, current.id
            )
            updated = replace(
                updated,
                end=start + _minutes(kind.duration_minutes),
                type_brief=kind.brief(),
            )
        if status == "confirmed" and updated.confirmed_at is None:
            updated = replace(updated, confirmed_at=now)
        if status == "cancelled" and current.status != "cancelled":
            updated = replace(updated, cancelled_at=now)
        if updated != current:
            updated = replace(updated, updated_at=now)
            self._appointments[current.id] = updated
        return Answer(200, {"appointment": updated.record()})

    def list_appointments(self, params: Mapping[str, str]) -> Answer:
        try:
            status = params.get("status")
            if status is not None and status not in STATUSES:
                raise bad(MSG_STATUS)
            bounds: dict[str, datetime | None] = {}
            for name in ("from", "to"):
                text = params.get(name)
                bounds[name] = None if text is None else parse_instant(text)
                if text is not None and bounds[name] is None:
                    raise bad(f"{name} must be an ISO 8601 date-time with a time zone")
            limit = _whole(params.get("limit"), 100)
            if limit is None or not 1 <= limit <= 500:
                raise bad("limit must be between 1 and 500")
            offset = _whole(params.get("offset"), 0)
            if offset is None or offset < 0:
                raise bad("offset must be 0 or more")
        except VastalError as error:
            return error.answer()
        low, high = bounds["from"], bounds["to"]
        with self.lock:
            matches = [
                a
                for a in self._sorted()
                if (status is None or a.status == status)
                and (low is None or a.start >= low)
                and (high is None or a.start < high)
            ]
        page = matches[offset : offset + limit]
        return Answer(
            200,
            {
                "appointments": [a.record() for a in page],
                "total": len(matches),
                "limit": limit,
                "offset": offset,
            },
        )

    # -- appointment types ---------------------------------------------------------------

    def list_types(self) -> Answer:
        with self.lock:
            return Answer(
                200, {"appointment_types": [t.to_wire() for t in self.clinic.types.values()]}
            )

    def create_type(self, body: object) -> Answer:
        with self.lock:
            try:
                if not isinstance(body, dict):
                    raise bad(MSG_BODY)
                if "name" not in body or "durationMinutes" not in body:
                    raise bad("name and durationMinutes are required")
                new_id = self._new_id("type_", set(self.clinic.types))
                kind = _apply_type_fields(AppointmentType(new_id, "", 30, DEFAULT_COLOR), body)
                self.clinic.types[new_id] = kind
                return Answer(200, {"appointment_type": kind.to_wire()})
            except VastalError as error:
                return error.answer()

    def update_type(self, body: object) -> Answer:
        with self.lock:
            try:
                if not isinstance(body, dict):
                    raise bad(MSG_BODY)
                type_id = body.get("id")
                if not isinstance(type_id, str) or not type_id.strip():
                    raise bad("id is required")
                current = self.clinic.types.get(type_id)
                if current is None:
                    raise VastalError(404, "Appointment type not found")
                kind = _apply_type_fields(current, body)
                self.clinic.types[type_id] = kind
                return Answer(200, {"appointment_type": kind.to_wire()})
            except VastalError as error:
                return error.answer()

    # -- weekly availability -------------------------------------------------------------

    def availability(self) -> Answer:
        with self.lock:
            return Answer(
                200,
                {
                    "org_id": self.clinic.org_id,
                    "timezone": self.clinic.timezone,
                    "availability": [r.to_wire() for r in self.clinic.rows],
                },
            )

    def add_row(self, body: object) -> Answer:
        with self.lock:
            try:
                taken = {r.id for r in self.clinic.rows}
                row = self._read_row(body, self._new_id("av_", taken))
            except VastalError as error:
                return error.answer()
            self.clinic.rows.append(row)
            return Answer(200, {"availability": row.to_wire()})

    def replace_rows(self, body: object) -> Answer:
        with self.lock:
            try:
                items = body.get("availability") if isinstance(body, dict) else None
                if not isinstance(items, list):
                    raise bad("Invalid availability row")
                rows: list[WeeklyRow] = []
                for item in items:
                    taken = {r.id for r in rows}
                    given = item.get("id") if isinstance(item, dict) else None
                    row_id = given if isinstance(given, str) and given not in taken else None
                    rows.append(self._read_row(item, row_id or self._new_id("av_", taken)))
            except VastalError as error:
                return error.answer()
            self.clinic.rows = rows
            return Answer(200, {"availability": [r.to_wire() for r in rows]})

    def _read_row(self, item: object, row_id: str) -> WeeklyRow:
        invalid = bad("Invalid availability row")
        if not isinstance(item, dict):
            raise invalid
        day = item.get("day_of_week")
        if not isinstance(day, int) or isinstance(day, bool) or not 0 <= day <= 6:
            raise invalid
        start, end = _clock(item.get("start_time")), _clock(item.get("end_time"))
        if start is None or end is None or not start < end:
            raise invalid
        type_id = item.get("appointment_type_id")
        if type_id is not None and type_id not in self.clinic.types:
            raise invalid
        active = item.get("is_active", True)
        if not isinstance(active, bool):
            raise invalid
        return WeeklyRow(row_id, day, start, end, type_id, active)


def _minutes(n: int) -> timedelta:
    return timedelta(minutes=n)


def _whole(text: str | None, default: int) -> int | None:
    if text is None:
        return default
    stripped = text.strip()
    if not stripped.isdigit():
        return None
    return int(stripped)


def _clock(value: object) -> time | None:
    if not isinstance(value, str) or len(value) != 8:
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        return None


_INT_RANGES: dict[str, tuple[int, int | None]] = {
    "durationMinutes": (1, 1440),
    "bufferBeforeMinutes": (0, None),
    "bufferAfterMinutes": (0, None),
    "minNoticeHours": (0, None),
    "maxDaysAhead": (1, None),
}
_CAPS = ("maxPerDay", "maxPerWeek", "maxPerMonth")


def _apply_type_fields(kind: AppointmentType, body: dict[str, Any]) -> AppointmentType:
    changes: dict[str, Any] = {}
    for wire, attribute in TYPE_FIELDS.items():
        if wire not in body:
            continue
        value = body[wire]
        ok: bool
        if wire in ("name", "color"):
            ok = isinstance(value, str) and bool(value.strip())
        elif wire in ("requiresConfirmation", "isActive"):
            ok = isinstance(value, bool)
        elif wire in _CAPS:
            ok = value is None or (_is_int(value) and value >= 1)
        else:
            low, high = _INT_RANGES[wire]
            ok = _is_int(value) and value >= low and (high is None or value <= high)
        if not ok:
            raise bad(f"{wire} is invalid")
        changes[attribute] = value
    return replace(kind, **changes)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)

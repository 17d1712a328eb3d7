"""The Vastal sandbox's catalog endpoints: appointment types and weekly availability rows.

Owns `GET/POST/PUT /calendar/appointment-types` and `GET/POST/PUT /calendar/availability` on a
`VastalClinic`, answering in the pages' shapes: `{"appointmentTypes": [...]}`,
`{"appointmentType": ...}` (the update's answer partial, as its page shows), `{"schedules":
[...]}` and `{"schedule": ...}`. The caller (`state.VastalState`) holds the lock. Checks of
field values beyond the documented required fields are the sandbox's own (docs: [ours]).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import time
from typing import Any

from frontdesk.sandbox.vastal.clinic import (
    DEFAULT_COLOR,
    TYPE_FIELDS,
    UPDATE_ONLY_SKIPS,
    AppointmentType,
    VastalClinic,
    WeeklyRow,
)
from frontdesk.sandbox.vastal.rules import MSG_BODY, Answer, VastalError, bad

NewId = Callable[[str, set[str]], str]

MSG_ROW_REQUIRED = "day_of_week, start_time, and end_time are required"  # the create page's
MSG_ROW_INVALID = "Invalid availability row"
MSG_TYPE_REQUIRED = "name and durationMinutes are required"
MSG_TYPE_NOT_FOUND = "Appointment type not found"


def _guarded(work: Callable[[], Answer]) -> Answer:
    try:
        return work()
    except VastalError as error:
        return error.answer()


# -- appointment types -----------------------------------------------------------------------


def list_types(clinic: VastalClinic) -> Answer:
    """Every type, inactive ones too (ours: the page does not say), by `sortOrder`."""
    kinds = sorted(clinic.types.values(), key=lambda t: (t.sort_order, t.id))
    return Answer(200, {"appointmentTypes": [clinic.type_wire(t) for t in kinds]})


def create_type(clinic: VastalClinic, body: object, new_id: NewId, now: str) -> Answer:
    def work() -> Answer:
        if not isinstance(body, dict):
            raise bad(MSG_BODY)
        if "name" not in body or "durationMinutes" not in body:
            raise bad(MSG_TYPE_REQUIRED)
        type_id = new_id("type_", set(clinic.types))
        order = max((t.sort_order for t in clinic.types.values()), default=0) + 1
        blank = AppointmentType(type_id, "", 30, DEFAULT_COLOR, sort_order=order,
                                created_at=now, updated_at=now)  # fmt: skip
        kind = _apply_type_fields(clinic, blank, body, creating=True)
        clinic.types[type_id] = kind
        return Answer(200, {"appointmentType": clinic.type_wire(kind)})

    return _guarded(work)


def update_type(clinic: VastalClinic, body: object, now: str) -> Answer:
    """Changes the fields sent; answers `id`, `name`, those fields, `isActive`, `updatedAt`
    (the update page's example answer)."""

    def work() -> Answer:
        if not isinstance(body, dict):
            raise bad(MSG_BODY)
        type_id = body.get("id")
        if not isinstance(type_id, str) or not type_id.strip():
            raise bad("id is required")
        current = clinic.types.get(type_id)
        if current is None:
            raise VastalError(404, MSG_TYPE_NOT_FOUND)
        kind = replace(_apply_type_fields(clinic, current, body, creating=False), updated_at=now)
        clinic.types[type_id] = kind
        full = clinic.type_wire(kind)
        sent = [k for k in TYPE_FIELDS if k in body and k not in UPDATE_ONLY_SKIPS]
        shown = {k: full[k] for k in ("id", "name", *sent, "isActive", "updatedAt")}
        return Answer(200, {"appointmentType": shown})

    return _guarded(work)


# the upper bounds but the duration's are ours: a type's later bookings must stay computable
_INT_RANGES: dict[str, tuple[int, int | None]] = {
    "durationMinutes": (1, 1440),
    "bufferBeforeMinutes": (0, 1440),
    "bufferAfterMinutes": (0, 1440),
    "minNoticeHours": (0, 87_600),  # ten years
    "maxDaysAhead": (1, 3_650),
}
_NULLABLE_INTS = ("maxPerDay", "maxPerWeek", "maxPerMonth", "confirmWithinHours")


def _valid(clinic: VastalClinic, wire: str, value: Any) -> bool:
    if wire in ("name", "color"):
        return isinstance(value, str) and bool(value.strip())
    if wire == "description":
        return value is None or isinstance(value, str)
    if wire in ("requiresConfirmation", "isActive"):
        return isinstance(value, bool)
    if wire in _NULLABLE_INTS:
        return value is None or (_is_int(value) and value >= 1)
    if wire == "scheduleId":
        return value is None or (isinstance(value, str) and value in clinic.schedules)
    if wire == "bookingQuestions":
        return isinstance(value, list) and all(isinstance(q, dict) for q in value)
    low, high = _INT_RANGES[wire]
    return _is_int(value) and value >= low and (high is None or value <= high)


def _apply_type_fields(
    clinic: VastalClinic, kind: AppointmentType, body: dict[str, Any], creating: bool
) -> AppointmentType:
    changes: dict[str, Any] = {}
    for wire, attribute in TYPE_FIELDS.items():
        if wire not in body or (not creating and wire in UPDATE_ONLY_SKIPS):
            continue
        value = body[wire]
        if not _valid(clinic, wire, value):
            raise bad(f"{wire} is invalid")
        changes[attribute] = tuple(dict(q) for q in value) if wire == "bookingQuestions" else value
    return replace(kind, **changes)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


# -- weekly availability ---------------------------------------------------------------------


def list_rows(clinic: VastalClinic) -> Answer:
    return Answer(200, {"schedules": [r.to_wire(clinic.org_id) for r in clinic.rows]})


def add_row(clinic: VastalClinic, body: object, new_id: NewId, now: str) -> Answer:
    def work() -> Answer:
        row = _read_row(clinic, body, new_id("avail_", {r.id for r in clinic.rows}), now)
        clinic.rows.append(row)
        return Answer(200, {"schedule": row.to_wire(clinic.org_id)})

    return _guarded(work)


def replace_rows(clinic: VastalClinic, body: object, new_id: NewId, now: str) -> Answer:
    """`{"schedules": [...]}` replaces every row; the answer lists `id`, `day_of_week`,
    `start_time`, `end_time`, `is_active` (the update page's example)."""

    def work() -> Answer:
        items = body.get("schedules") if isinstance(body, dict) else None
        if not isinstance(items, list):
            raise bad("schedules is required")
        rows: list[WeeklyRow] = []
        for item in items:
            taken = {r.id for r in rows}
            rows.append(_read_row(clinic, item, new_id("avail_", taken), now))
        clinic.rows = rows
        shown = ("id", "day_of_week", "start_time", "end_time", "is_active")
        listed = [{k: r.to_wire(clinic.org_id)[k] for k in shown} for r in rows]
        return Answer(200, {"schedules": listed})

    return _guarded(work)


def _read_row(clinic: VastalClinic, item: object, row_id: str, now: str) -> WeeklyRow:
    if not isinstance(item, dict):
        raise bad(MSG_ROW_REQUIRED)
    if any(item.get(name) is None for name in ("day_of_week", "start_time", "end_time")):
        raise bad(MSG_ROW_REQUIRED)
    invalid = bad(MSG_ROW_INVALID)
    day = item["day_of_week"]
    if not _is_int(day) or not 0 <= day <= 6:
        raise invalid
    start, end = _clock(item["start_time"]), _clock(item["end_time"])
    if start is None or end is None or not start < end:
        raise invalid
    type_id = item.get("appointment_type_id")
    if type_id is not None and not (isinstance(type_id, str) and type_id in clinic.types):
        raise invalid
    active = item.get("is_active", True)
    if not isinstance(active, bool):
        raise invalid
    return WeeklyRow(row_id, day, start, end, type_id, active, now)


def _clock(value: object) -> time | None:
    if not isinstance(value, str) or len(value) != 8:
        return None
    try:
        return time.fromisoformat(value)
    except ValueError:
        return None

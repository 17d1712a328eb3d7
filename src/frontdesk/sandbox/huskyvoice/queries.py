"""HuskyVoice's read endpoints as pure functions of a clinic and its bookings.

Owns the answers of `GET /v1/appointments` (the search page's filters: `date` is the UTC day,
`status`, `appointment_type` a service UUID, `branch_id`, `session`, `batch`; sorted by
appointment time; `page`/`limit`), `GET /v1/services`, `GET /v1/appointment-config` and
`GET /v1/appointment-slots/availability` (the open windows of one date with their live counts,
in the availability page's shape). The caller (`HuskyVoiceState`) holds its lock.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime

from frontdesk.sandbox.huskyvoice.clinic import Clinic, service_json
from frontdesk.sandbox.huskyvoice.rules import (
    MSG_BRANCH_UNKNOWN,
    MSG_SESSION,
    Answer,
    ApiError,
    Appointment,
    filled,
    format_instant,
    parse_local_date,
    session_name,
    validation,
)

MSG_LIST_DATE = "date must be a date in YYYY-MM-DD format"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _int_param(
    params: Mapping[str, str], name: str, default: int, low: int, high: int | None, message: str
) -> int:
    if name not in params:
        return default
    text = params[name]
    if not text.isascii() or not text.isdigit():
        raise validation(message)
    value = int(text)
    if value < low or (high is not None and value > high):
        raise validation(message)
    return value


def list_page(
    clinic: Clinic, appointments: Sequence[Appointment], params: Mapping[str, str]
) -> Answer:
    """The search: every parameter optional; other parameters (`updated_since`, say) are not
    the API's and are ignored. `pagination` is ours (the page's example is cut before it)."""
    try:
        page = _int_param(params, "page", 1, 1, None, "page must be a positive integer")
        limit = _int_param(
            params, "limit", 50, 1, 200, "limit must be an integer between 1 and 200"
        )
        on: date | None = None
        if "date" in params:
            on = parse_local_date(params["date"])
            if on is None:
                raise validation(MSG_LIST_DATE)
    except ApiError as error:
        return error.answer()
    rows = sorted(appointments, key=lambda a: (a.instant, a.appointment_id))
    if on is not None:  # "matches the full day in UTC"
        rows = [a for a in rows if a.instant.astimezone(UTC).date() == on]
    if "status" in params:
        rows = [a for a in rows if a.status == params["status"]]
    if "appointment_type" in params:
        rows = [a for a in rows if a.service_id == params["appointment_type"]]
    if "branch_id" in params:
        rows = [a for a in rows if a.branch_id == params["branch_id"]]
    if "session" in params:
        wanted = params["session"].casefold()
        rows = [a for a in rows if a.session.casefold() == wanted]
    if "batch" in params:
        rows = [a for a in rows if a.batch == params["batch"]]
    total = len(rows)
    chunk = rows[(page - 1) * limit : page * limit]
    pagination = {
        "page": page,
        "limit": limit,
        "total": total,
        "total_pages": math.ceil(total / limit),
    }
    return Answer(
        200, {"success": True, "data": [a.record() for a in chunk], "pagination": pagination}
    )


def services(clinic: Clinic) -> Answer:
    """Every service, inactive ones included."""
    data = [service_json(s) for s in clinic.services]
    return Answer(200, {"success": True, "data": data})


def config(clinic: Clinic) -> Answer:
    """The names the pages use (the org's timezone, `allow_cancellation`,
    `cancellation_notice_hours`); `duplicate_prevention`, `branches` and the envelope are ours."""
    data = {
        "timezone": clinic.timezone,
        "duplicate_prevention": clinic.duplicate_prevention,
        "allow_cancellation": clinic.allow_cancellation,
        "cancellation_notice_hours": clinic.cancellation_notice_hours,
        "branches": [{"id": b.id, "name": b.name} for b in clinic.branches],
    }
    return Answer(200, {"success": True, "data": data})


def availability(
    clinic: Clinic,
    appointments: Sequence[Appointment],
    params: Mapping[str, str],
    stamp: datetime,
) -> Answer:
    """ "All open calendar windows for a specific date, with live filled and available slot
    counts": `filled_slots` counts the window's non-cancelled appointments that date (every
    service), `available_slots` is `ai_slots - filled_slots` (never below 0). Closed windows
    are not listed. `stamp` is the windows' `created_at`/`updated_at`."""
    try:
        if not params.get("date"):
            raise validation("date is required")
        on = parse_local_date(params["date"])
        if on is None:
            raise validation(MSG_LIST_DATE)
        branch_id = params.get("branch_id")
        if branch_id is not None and all(b.id != branch_id for b in clinic.branches):
            raise validation(MSG_BRANCH_UNKNOWN)
        session: str | None = None
        if "session" in params:
            session = session_name(params["session"])
            if session is None:
                raise validation(MSG_SESSION)
    except ApiError as error:
        return error.answer()
    branch_order = {b.id: i for i, b in enumerate(clinic.branches)}
    windows = sorted(
        (
            w
            for w in clinic.windows
            if w.weekday == on.isoweekday()
            and not clinic.is_closed(w, on)
            and (branch_id is None or w.branch_id == branch_id)
            and (session is None or w.session == session)
        ),
        key=lambda w: (branch_order[w.branch_id], w.start_time, w.window_id),
    )
    made = format_instant(stamp)
    slots = []
    for window in windows:
        taken = filled(appointments, window, on)
        slots.append(
            {
                "slot_id": f"{window.window_id}||{on.isoformat()}",
                "calendar_id": window.window_id,
                "branch_id": window.branch_id,
                "day": WEEKDAYS[window.weekday - 1],
                "session": window.session,
                "batch": window.batch,
                "start_time": window.start_time.strftime("%H:%M"),
                "end_time": window.end_time.strftime("%H:%M"),
                "appointment_type": window.service_id,
                "max_slots": window.max_slots,
                "ai_slots": window.ai_slots,
                "filled_slots": taken,
                "available_slots": max(0, window.ai_slots - taken),
                "status": "OPEN",
                "created_at": made,
                "updated_at": made,
            }
        )
    return Answer(200, {"success": True, "date": on.isoformat(), "slots": slots})

"""HuskyVoice's read endpoints as pure functions of a clinic and its bookings.

Owns the answers of `GET /v1/appointments` (filters, sorting, pagination), `GET /v1/services`,
`GET /v1/appointment-config` and `GET /v1/appointment-slots/availability` (per-window and
per-service counts), from docs/providers.md. The caller (`HuskyVoiceState`) holds its lock.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from frontdesk.sandbox.huskyvoice.clinic import Clinic, service_json
from frontdesk.sandbox.huskyvoice.rules import (
    MSG_BRANCH_UNKNOWN,
    MSG_SESSION,
    Answer,
    ApiError,
    Appointment,
    parse_instant,
    parse_local_date,
    resolve_service,
    session_name,
    validation,
)

MSG_LIST_DATE = "date must be a date in YYYY-MM-DD format"


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
    """Filter by org-local date, status, service, branch, session and `updated_since`."""
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
        since: datetime | None = None
        if "updated_since" in params:
            since = parse_instant(params["updated_since"])
            if since is None:
                raise validation("updated_since must be an ISO 8601 datetime")
    except ApiError as error:
        return error.answer()
    rows = sorted(appointments, key=lambda a: (a.instant, a.appointment_id))
    if on is not None:
        rows = [a for a in rows if a.local_date == on]
    if "status" in params:
        rows = [a for a in rows if a.status == params["status"]]
    if "appointment_type" in params:
        service = resolve_service(clinic, params["appointment_type"], active_only=False)
        rows = [a for a in rows if service is not None and a.service_id == service.id]
    if "branch_id" in params:
        rows = [a for a in rows if a.branch_id == params["branch_id"]]
    if "session" in params:
        wanted = params["session"].casefold()
        rows = [a for a in rows if a.session.casefold() == wanted]
    if since is not None:
        rows = [a for a in rows if a.updated_at >= since]
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
    data = {
        "timezone": clinic.timezone,
        "duplicate_prevention": clinic.duplicate_prevention,
        "allow_cancellation": clinic.allow_cancellation,
        "cancellation_notice_hours": clinic.cancellation_notice_hours,
        "branches": [{"id": b.id, "name": b.name} for b in clinic.branches],
    }
    return Answer(200, {"success": True, "data": data})


def availability(
    clinic: Clinic, appointments: Sequence[Appointment], params: Mapping[str, str]
) -> Answer:
    """The windows of one local date with their status and seat counts.

    A window's `filled_slots` is its fullest active service's count; `available_slots` is
    `max_slots - filled_slots` (never below 0), whatever the window's status.
    """
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
            and (branch_id is None or w.branch_id == branch_id)
            and (session is None or w.session == session)
        ),
        key=lambda w: (branch_order[w.branch_id], w.start_time, w.window_id),
    )
    active = [s for s in clinic.services if s.is_active]
    that_day = [a for a in appointments if a.active and a.local_date == on]
    rows = []
    for window in windows:
        counts = {s.id: 0 for s in active}
        for a in that_day:
            if a.window_id == window.window_id and a.service_id in counts:
                counts[a.service_id] += 1
        filled = max(counts.values(), default=0)
        rows.append(
            {
                "window_id": window.window_id,
                "branch_id": window.branch_id,
                "session": window.session,
                "batch": window.batch,
                "start_time": window.start_time.strftime("%H:%M"),
                "end_time": window.end_time.strftime("%H:%M"),
                "status": "CLOSED" if clinic.is_closed(window, on) else "OPEN",
                "max_slots": window.max_slots,
                "ai_slots": window.ai_slots,
                "filled_slots": filled,
                "available_slots": max(0, window.max_slots - filled),
                "services": [
                    {
                        "appointment_type": service_id,
                        "filled_slots": n,
                        "available_slots": max(0, window.max_slots - n),
                    }
                    for service_id, n in counts.items()
                ],
            }
        )
    data = {"date": on.isoformat(), "timezone": clinic.timezone, "windows": rows}
    return Answer(200, {"success": True, "data": data})

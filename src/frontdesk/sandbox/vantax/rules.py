"""VantaX's request checks, written from docs/providers.md (VantaX).

Owns the answer and error types, the parsing of timestamps, and the per-field checks of the
create, PATCH and contact bodies (every failing field listed, in the doc's order). The state
module runs the existence and calendar checks; `vantax` turns answers into HTTP.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

STATUSES: tuple[str, ...] = ("scheduled", "confirmed", "completed", "cancelled", "no_show")
MSG_BODY = "Request body must be a JSON object"
MSG_DATE = "appointment_date must be an ISO-8601 UTC timestamp, e.g. 2026-06-09T15:00:00Z"
MSG_DURATION = "duration must be an integer between 5 and 480"
MSG_STATUS = "status must be one of " + ", ".join(STATUSES)

_STAMP = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|\+00:00)", re.ASCII
)
_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_E164 = re.compile(r"\+[1-9][0-9]{1,14}", re.ASCII)


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict[str, Any]
    headers: tuple[tuple[str, str], ...] = ()


class ApiError(Exception):
    """A refusal: status, error kind, message and (422) the failing fields."""

    def __init__(
        self, status: int, kind: str, message: str, errors: list[tuple[str, str]] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.kind = kind
        self.message = message
        self.errors = errors

    def answer(self) -> Answer:
        body: dict[str, Any] = {"success": False, "error": self.kind, "message": self.message}
        if self.errors is not None:
            body["errors"] = [{"field": f, "message": m} for f, m in self.errors]
        return Answer(self.status, body)


def invalid(errors: list[tuple[str, str]]) -> ApiError:
    message = "Validation failed: " + "; ".join(m for _, m in errors)
    return ApiError(422, "validation_failed", message, errors)


def malformed(message: str) -> ApiError:
    return ApiError(400, "malformed", message)


def not_found(message: str) -> ApiError:
    return ApiError(404, "not_found", message)


def parse_stamp(value: str) -> datetime | None:
    """An ISO-8601 UTC timestamp of the create's form, to the second; None if not one."""
    match = _STAMP.fullmatch(value)
    if match is None:
        return None
    year, month, day, hour, minute = (int(match.group(i)) for i in range(1, 6))
    second = int(match.group(6) or 0)
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        return None


def parse_bound(value: str) -> datetime | None:
    """A list filter bound: a timestamp as above, or a date (UTC midnight)."""
    stamp = parse_stamp(value)
    if stamp is not None:
        return stamp
    match = _DAY.fullmatch(value)
    if match is None:
        return None
    try:
        day = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def stamp_text(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _required(body: dict[str, Any], name: str) -> str | None:
    """The error message of a required string field, or None."""
    value = body.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return f"{name} is required"
    if not isinstance(value, str):
        return f"{name} must be a string"
    return None


def _optional_text(body: dict[str, Any], name: str, longest: int | None) -> str | None:
    value = body.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        return f"{name} must be a string"
    if longest is not None and len(value) > longest:
        return f"{name} must be at most {longest} characters"
    return None


def _title(body: dict[str, Any]) -> str | None:
    problem = _required(body, "title")
    if problem is None and len(body["title"]) > 255:
        return "title must be at most 255 characters"
    return problem


def _date(body: dict[str, Any]) -> str | None:
    problem = _required(body, "appointment_date")
    if problem is None and parse_stamp(body["appointment_date"]) is None:
        return MSG_DATE
    return problem


def _calendar(body: dict[str, Any]) -> str | None:
    value = body.get("calendar_id")
    if value is None:
        return None
    if not isinstance(value, str):
        return "calendar_id must be a string"
    if not value.strip():
        return "calendar_id must not be blank"
    return None


def _duration(body: dict[str, Any]) -> str | None:
    value = body.get("duration")
    if value is None:
        return None
    if type(value) is not int or not 5 <= value <= 480:
        return MSG_DURATION
    return None


def _status(body: dict[str, Any]) -> str | None:
    value = body.get("status")
    if value is None or value in STATUSES:
        return None
    return MSG_STATUS


_CHECKS = (
    ("contact_id", lambda b: _required(b, "contact_id")),
    ("title", _title),
    ("appointment_date", _date),
    ("sub_account_id", lambda b: _required(b, "sub_account_id")),
    ("calendar_id", _calendar),
    ("description", lambda b: _optional_text(b, "description", 5000)),
    ("duration", _duration),
    ("status", _status),
    ("location", lambda b: _optional_text(b, "location", 255)),
    ("assigned_user_id", lambda b: _optional_text(b, "assigned_user_id", None)),
)
PATCH_FIELDS: tuple[str, ...] = (
    "title",
    "appointment_date",
    "calendar_id",
    "description",
    "duration",
    "status",
    "location",
    "assigned_user_id",
)


def check_create(body: dict[str, Any]) -> None:
    """Step 4 of the create: raise 422 listing every failing field."""
    errors = [(name, msg) for name, check in _CHECKS if (msg := check(body)) is not None]
    if errors:
        raise invalid(errors)


def check_patch(body: dict[str, Any]) -> None:
    """The create's field checks for the fields present in a PATCH body."""
    errors = [
        (name, msg)
        for name, check in _CHECKS
        if name in PATCH_FIELDS and name in body and (msg := check(body)) is not None
    ]
    if errors:
        raise invalid(errors)


def check_contact(body: dict[str, Any]) -> None:
    errors: list[tuple[str, str]] = []
    for name in ("first_name", "last_name", "email", "phone", "sub_account_id"):
        problem = _required(body, name)
        if problem is None and name == "email" and not _EMAIL.fullmatch(body[name]):
            problem = "email must be a valid email address"
        if problem is None and name == "phone" and not _E164.fullmatch(body[name]):
            problem = "phone must be in E.164 format, e.g. +14155550123"
        if problem is not None:
            errors.append((name, problem))
    if errors:
        raise invalid(errors)

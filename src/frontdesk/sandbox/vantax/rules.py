"""VantaX's request checks, written from the vendor's pages (docs/providers.md, VantaX).

Owns the answer and error types, the parsing of timestamps, and the per-field checks of the
create, PATCH and contact bodies (every failing field listed, in the page's order). The state
module runs the existence and calendar checks; `app` turns answers into HTTP.

Error bodies are the documented envelope, ``{"success": false, "message"}`` (``/errors``); a
422 adds the "field-level errors array", whose items the vendor does not show: ours are
``{"field", "message"}``. Only documented constraints are checked (required fields, types,
the status enum, E.164 phones, UTC timestamps); the vendor gives no duration range and no text
lengths, so none are checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

STATUSES: tuple[str, ...] = ("scheduled", "confirmed", "completed", "cancelled", "no_show")
CONTACT_STATUSES: tuple[str, ...] = ("active", "deactivated")
MSG_BODY = "Request body must be a JSON object"
MSG_DATE = "appointment_date must be an ISO-8601 UTC timestamp, e.g. 2026-06-09T15:00:00Z"
MSG_DURATION = "duration must be an integer"
MSG_STATUS = "status must be one of " + ", ".join(STATUSES)

_STAMP = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|\+00:00)", re.ASCII
)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_E164 = re.compile(r"\+[1-9][0-9]{1,14}", re.ASCII)


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict[str, Any]
    headers: tuple[tuple[str, str], ...] = ()


class ApiError(Exception):
    """A refusal: status, message and (422) the failing fields."""

    def __init__(
        self, status: int, message: str, errors: list[tuple[str, str]] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors

    def answer(self) -> Answer:
        return Answer(self.status, error_body(self.message, self.errors))


def error_body(message: str, errors: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    """The documented error envelope (plus a 422's ``errors``)."""
    body: dict[str, Any] = {"success": False, "message": message}
    if errors is not None:
        body["errors"] = [{"field": f, "message": m} for f, m in errors]
    return body


def invalid(errors: list[tuple[str, str]]) -> ApiError:
    message = "Validation failed: " + "; ".join(m for _, m in errors)
    return ApiError(422, message, errors)


def malformed(message: str) -> ApiError:
    return ApiError(400, message)


def not_found(message: str) -> ApiError:
    return ApiError(404, message)


def parse_stamp(value: str) -> datetime | None:
    """An ISO-8601 UTC timestamp, to the second; None if not one."""
    match = _STAMP.fullmatch(value)
    if match is None:
        return None
    year, month, day, hour, minute = (int(match.group(i)) for i in range(1, 6))
    second = int(match.group(6) or 0)
    try:
        return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        return None


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


def _optional_text(body: dict[str, Any], name: str) -> str | None:
    value = body.get(name)
    if value is None or isinstance(value, str):
        return None
    return f"{name} must be a string"


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
    if value is None or type(value) is int:
        return None
    return MSG_DURATION


def _status(body: dict[str, Any]) -> str | None:
    value = body.get("status")
    if value is None or value in STATUSES:
        return None
    return MSG_STATUS


_CHECKS = (
    ("contact_id", lambda b: _required(b, "contact_id")),
    ("title", lambda b: _required(b, "title")),
    ("appointment_date", _date),
    ("sub_account_id", lambda b: _required(b, "sub_account_id")),
    ("calendar_id", _calendar),
    ("description", lambda b: _optional_text(b, "description")),
    ("duration", _duration),
    ("status", _status),
    ("location", lambda b: _optional_text(b, "location")),
    ("assigned_user_id", lambda b: _optional_text(b, "assigned_user_id")),
)
# /appointments/update-appointment's body (no assigned_user_id there)
PATCH_FIELDS: tuple[str, ...] = (
    "calendar_id",
    "title",
    "description",
    "appointment_date",
    "duration",
    "status",
    "location",
)


def check_create(body: dict[str, Any]) -> None:
    """Raise 422 listing every failing field of a create body."""
    errors = [(name, msg) for name, check in _CHECKS if (msg := check(body)) is not None]
    if errors:
        raise invalid(errors)


def check_patch(body: dict[str, Any]) -> None:
    """The create's field checks for the PATCH fields present in the body."""
    errors = [
        (name, msg)
        for name, check in _CHECKS
        if name in PATCH_FIELDS and name in body and (msg := check(body)) is not None
    ]
    if errors:
        raise invalid(errors)


def check_contact(body: dict[str, Any]) -> None:
    """``POST /contacts``: the five required fields, then the optional ones' types."""
    errors: list[tuple[str, str]] = []
    for name in ("first_name", "last_name", "email", "phone", "sub_account_id"):
        problem = _required(body, name)
        if problem is None and name == "email" and not _EMAIL.fullmatch(body[name]):
            problem = "email must be a valid email address"
        if problem is None and name == "phone" and not _E164.fullmatch(body[name]):
            problem = "phone must be in E.164 format, e.g. +14155550123"
        if problem is not None:
            errors.append((name, problem))
    status = body.get("status")
    if status is not None and status not in CONTACT_STATUSES:
        errors.append(("status", "status must be one of " + ", ".join(CONTACT_STATUSES)))
    for name in ("address", "lead_source"):
        if (problem := _optional_text(body, name)) is not None:
            errors.append((name, problem))
    tags = body.get("tags")
    if tags is not None and (
        not isinstance(tags, list) or not all(isinstance(t, str) for t in tags)
    ):
        errors.append(("tags", "tags must be a list of tag names"))
    elif tags:  # "Tags must already exist in the sub-account": the sandbox has none
        errors.append(("tags", f"Tag {tags[0]} does not exist in the sub-account"))
    if errors:
        raise invalid(errors)

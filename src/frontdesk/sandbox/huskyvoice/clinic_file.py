"""Reading a HuskyVoice clinic from its JSON form (`load_clinic`, `clinic_from_dict`).

Owns the checks of a clinic file, field by field: a wrong one raises `ClinicFileError` whose
message names the field as a path (`windows[2].start_time: ...`) and what it should hold, so
`frontdesk sandbox --clinic FILE` says exactly what to fix. The form itself is described in
`huskyvoice.clinic`; keys left out take the default clinic's values.
"""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from frontdesk.sandbox.huskyvoice.clinic import (
    SESSIONS,
    ApiKey,
    Branch,
    Clinic,
    Service,
    Window,
    default_clinic,
)

STATUSES = ("OPEN", "CLOSED")
MAX_BYTES = 10_000_000  # a clinic file is a few KB; this refuses a wrong file before reading it


class ClinicFileError(ValueError):
    """A clinic file that cannot be served; the message starts with the field's path."""


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "an object"


def _wrong(where: str, wanted: str, value: object) -> ClinicFileError:
    return ClinicFileError(f"{where}: must be {wanted}, not {_kind(value)}")


def _object(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _wrong(where, "an object {...}", value)
    return value


def _list(value: object, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _wrong(where, "a list [...]", value)
    return value


def _need(item: dict[str, Any], key: str, where: str) -> Any:
    if key not in item:
        raise ClinicFileError(f"{where}.{key}: missing; it is required")
    return item[key]


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _wrong(where, "non-empty text", value)
    return value


def _whole(value: object, where: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        if isinstance(value, int) and not isinstance(value, bool):
            shown = value if abs(value) < 10**15 else f"a number of {len(str(abs(value)))} digits"
            raise ClinicFileError(f"{where}: must be between {low} and {high}, not {shown}")
        raise _wrong(where, f"a whole number from {low} to {high}", value)
    return value


def _flag(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise _wrong(where, "true or false", value)
    return value


def _clock(value: object, where: str) -> time:
    text = _text(value, where)
    hours, _, minutes = text.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ClinicFileError(f"{where}: {text!r} is not a time; use HH:MM, e.g. 09:00")
    if int(hours) > 23 or int(minutes) > 59:
        raise ClinicFileError(f"{where}: {text!r} is not a time of day (00:00 to 23:59)")
    return time(int(hours), int(minutes))


def _zone(value: object, where: str) -> str:
    name = _text(value, where)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ClinicFileError(
            f"{where}: unknown time zone {name!r}; use an IANA zone such as Europe/London"
        ) from None
    return name


def _windows(value: object) -> list[Window]:
    rows: list[Window] = []
    for n, raw in enumerate(_list(value, "windows")):
        where = f"windows[{n}]"
        item = _object(raw, where)
        if "weekday" in item:
            weekdays = [_whole(item["weekday"], f"{where}.weekday", 1, 7)]
        else:
            days = _list(_need(item, "weekdays", where), f"{where}.weekdays")
            weekdays = [_whole(d, f"{where}.weekdays[{i}]", 1, 7) for i, d in enumerate(days)]
        branch_id = _text(_need(item, "branch_id", where), f"{where}.branch_id")
        session = _text(_need(item, "session", where), f"{where}.session")
        if session not in SESSIONS:
            raise ClinicFileError(
                f"{where}.session: {session!r} is not a session; use {', '.join(SESSIONS)}"
            )
        max_slots = _whole(_need(item, "max_slots", where), f"{where}.max_slots", 0, 10_000)
        ai_slots = _whole(item.get("ai_slots", max_slots), f"{where}.ai_slots", 0, 10_000)
        status = _text(item.get("status", "OPEN"), f"{where}.status").upper()
        if status not in STATUSES:
            raise ClinicFileError(f"{where}.status: {status!r}: use OPEN or CLOSED")
        service = item.get("appointment_type")
        service_id = _text(service, f"{where}.appointment_type") if service else None
        batch = _text(_need(item, "batch", where), f"{where}.batch")
        start = _clock(_need(item, "start_time", where), f"{where}.start_time")
        end = _clock(_need(item, "end_time", where), f"{where}.end_time")
        named = "weekday" in item and "window_id" in item
        given = _text(item["window_id"], f"{where}.window_id") if named else None
        for weekday in weekdays:
            window_id = given or f"w_{branch_id}_{session.lower()}_{weekday}"
            row = (window_id, branch_id, weekday, session, batch, start, end, max_slots)
            rows.append(Window(*row, ai_slots, status, service_id))
    return rows


def _services(value: object) -> list[Service]:
    services: list[Service] = []
    for n, raw in enumerate(_list(value, "services")):
        where = f"services[{n}]"
        item = _object(raw, where)
        key = "service_id" if "service_id" in item else "id"
        services.append(
            Service(
                id=_text(_need(item, key, where), f"{where}.{key}"),
                name=_text(_need(item, "name", where), f"{where}.name"),
                duration_minutes=_whole(
                    _need(item, "duration_minutes", where), f"{where}.duration_minutes", 1, 1440
                ),
                color=_text(item.get("color", "#4F8EF7"), f"{where}.color"),
                is_active=_flag(item.get("is_active", True), f"{where}.is_active"),
            )
        )
    return services


def _branches(value: object) -> list[Branch]:
    branches: list[Branch] = []
    for n, raw in enumerate(_list(value, "branches")):
        item = _object(raw, f"branches[{n}]")
        branches.append(
            Branch(
                _text(_need(item, "id", f"branches[{n}]"), f"branches[{n}].id"),
                _text(_need(item, "name", f"branches[{n}]"), f"branches[{n}].name"),
            )
        )
    return branches


def _api_keys(value: object) -> list[ApiKey]:
    keys: list[ApiKey] = []
    for n, raw in enumerate(_list(value, "api_keys")):
        where = f"api_keys[{n}]"
        item = _object(raw, where)
        scopes = _list(_need(item, "scopes", where), f"{where}.scopes")
        keys.append(
            ApiKey(
                _text(_need(item, "key", where), f"{where}.key"),
                frozenset(_text(s, f"{where}.scopes[{i}]") for i, s in enumerate(scopes)),
            )
        )
    return keys


def _closures(value: object) -> set[tuple[str, date]]:
    closed: set[tuple[str, date]] = set()
    for n, raw in enumerate(_list(value, "closures")):
        where = f"closures[{n}]"
        item = _object(raw, where)
        window_id = _text(_need(item, "window_id", where), f"{where}.window_id")
        text = _text(_need(item, "date", where), f"{where}.date")
        try:
            closed.add((window_id, date.fromisoformat(text)))
        except ValueError:
            raise ClinicFileError(f"{where}.date: {text!r} is not a date; use YYYY-MM-DD") from None
    return closed


def clinic_from_dict(data: dict[str, Any]) -> Clinic:
    """Build a clinic from its JSON form; keys left out take the default clinic's values.
    Raises `ClinicFileError` naming the first wrong field."""
    base = default_clinic()
    clinic = Clinic(
        timezone=_zone(data.get("timezone", base.timezone), "timezone"),
        duplicate_prevention=_flag(
            data.get("duplicate_prevention", base.duplicate_prevention), "duplicate_prevention"
        ),
        allow_cancellation=_flag(
            data.get("allow_cancellation", base.allow_cancellation), "allow_cancellation"
        ),
        cancellation_notice_hours=_whole(
            data.get("cancellation_notice_hours", base.cancellation_notice_hours),
            "cancellation_notice_hours",
            0,
            24 * 366,
        ),
        branches=_branches(data["branches"]) if "branches" in data else base.branches,
        services=_services(data["services"]) if "services" in data else base.services,
        windows=_windows(data["windows"]) if "windows" in data else base.windows,
        api_keys=_api_keys(data["api_keys"]) if "api_keys" in data else base.api_keys,
        closures=_closures(data.get("closures", [])),
    )
    branch_ids = {b.id for b in clinic.branches}
    if not branch_ids:
        raise ClinicFileError("branches: a clinic needs at least one branch")
    if not clinic.api_keys:
        raise ClinicFileError("api_keys: a clinic needs at least one API key")
    service_ids = {s.id for s in clinic.services}
    for window in clinic.windows:
        if window.branch_id not in branch_ids:
            raise ClinicFileError(
                f"windows: {window.window_id} names branch {window.branch_id!r}, which is not "
                "in branches"
            )
        if window.service_id is not None and window.service_id not in service_ids:
            raise ClinicFileError(
                f"windows: {window.window_id} names service {window.service_id!r}, which is "
                "not in services"
            )
    return clinic


def load_clinic(path: str | Path) -> Clinic:
    """Read a clinic from a JSON file in the form of `huskyvoice.clinic`. Raises
    `ClinicFileError` when it cannot be read or is no clinic (the field named)."""
    try:
        with Path(path).open("rb") as file:  # at most a byte past the limit
            raw = file.read(MAX_BYTES + 1)
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise ClinicFileError(f"cannot be read ({why}); check the path") from None
    if len(raw) > MAX_BYTES:
        raise ClinicFileError(f"is over {MAX_BYTES:,} bytes; a clinic file is a few KB")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ClinicFileError(
            f"is not UTF-8 text (byte {exc.start + 1}); save it as UTF-8"
        ) from None
    except json.JSONDecodeError as exc:
        raise ClinicFileError(
            f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except (ValueError, RecursionError):
        raise ClinicFileError("is not valid JSON, or is nested too deeply to read") from None
    if not isinstance(data, dict):
        raise ClinicFileError(f"holds {_kind(data)}; a clinic file holds one JSON object {{...}}")
    return clinic_from_dict(data)

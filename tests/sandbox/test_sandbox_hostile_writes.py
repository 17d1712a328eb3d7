"""Hostile bodies on the sandbox writes beyond create and the reschedule/cancel of
test_sandbox_hostile_bodies, over real HTTP: Vastal's appointment types and availability rows
(one row and the `{"schedules": [...]}` form), Vantax's contacts, and the PATCH/cancel fields
those tests do not reach, each field given wrong types (lists, objects, huge numbers, dates at
the calendar's ends). Never a 5xx; a refusal is in the API's documented error shape and leaves
the bookings and the catalog as they were."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

import httpx
import pytest

from frontdesk.sandbox import SandboxServer
from support.hostile import PROVIDERS, Wire


@pytest.fixture(scope="module")
def five() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0, providers=PROVIDERS) as server:
        yield server


@pytest.fixture(scope="module")
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=10.0) as client:
        yield client


def get(w: Wire, path: str, params: dict[str, str]) -> httpx.Response:
    return w.http.get(w.server.base_url + path, params=params, headers=w.headers)


@dataclass(frozen=True)
class Write:
    method: str
    path: str  # ``{id}``: a booking made first
    body: Callable[[str], dict[str, Any]]
    listing: str  # what the write changes besides bookings, read back to tell nothing changed


ROW = {
    "day_of_week": 0,
    "start_time": "10:00:00",
    "end_time": "12:00:00",
    "appointment_type_id": "type_def456",
    "is_active": True,
}
WRITES: dict[str, list[Write]] = {
    "vastal": [
        Write(
            "POST",
            "/calendar/appointment-types",
            lambda _: {
                "name": "Audit",
                "durationMinutes": 90,
                "scheduleId": None,
                "description": "x",
                "maxPerDay": 3,
                "isActive": True,
            },
            "/calendar/appointment-types",
        ),
        Write(
            "PUT",
            "/calendar/appointment-types",
            lambda _: {
                "id": "type_def456",
                "durationMinutes": 45,
                "scheduleId": None,
                "bufferBeforeMinutes": 5,
                "bookingQuestions": [],
            },
            "/calendar/appointment-types",
        ),
        Write("POST", "/calendar/availability", lambda _: dict(ROW), "/calendar/availability"),
        Write(
            "PUT",
            "/calendar/availability",
            lambda _: {"schedules": [dict(ROW)]},
            "/calendar/availability",
        ),
        Write(
            "PATCH",
            "/calendar/appointments",
            lambda ident: {
                "id": ident,
                "client_name": "Jane Roe",
                "client_phone": "+1555",
                "client_email": "j@example.com",
                "client_notes": "n",
                "internal_notes": "i",
                "status": "confirmed",
            },
            "/calendar/appointment-types",
        ),
    ],
    "vantax": [
        Write(
            "POST",
            "/contacts",
            lambda _: {
                "first_name": "Amelia",
                "last_name": "Hart",
                "email": "a@example.com",
                "phone": "+12125550100",
                "sub_account_id": "sub_8a1f4c2e",
            },
            "/contacts?sub_account_id=sub_8a1f4c2e",
        ),
        Write(
            "PATCH",
            "/appointments/{id}",
            lambda _: {
                "title": "Cleaning",
                "location": "Suite 200",
                "duration": 45,
                "status": "confirmed",
            },
            "/contacts?sub_account_id=sub_8a1f4c2e",
        ),
    ],
    "huskyvoice": [
        Write(
            "PATCH",
            "/appointments/{id}",
            lambda _: {"assigned_doctor": "Dr. Ruiz", "notes": "ok", "status": "confirmed"},
            "/services",
        ),
    ],
    "meetergo": [
        Write(
            "POST",
            "/appointment/{id}/cancel",
            lambda _: {"reason": "ill", "cancelAll": False, "cancelEntireSeries": False},
            "/meeting-type",
        ),
    ],
    "carevalidate": [
        Write(
            "POST",
            "/api/v1/calendar/appointments/cancel",
            lambda ident: {
                "appointmentId": ident,
                "email": "invitee@example.com",
                "reason": "ill",
            },
            "/api/v1/calendar/provider-availability?provider_states=CA",
        ),
    ],
}
WRONG: list[Any] = [
    None,
    True,
    10**400,
    -(2**63),
    1e308,
    [[[[]]]],
    {"a": {"b": []}},
    ["x"],
    "",
    "\u0000",
    "9999-12-31T23:59:59-14:00",
    "0001-01-01",
]
WRITE_CASES = [(name, n) for name in PROVIDERS for n in range(len(WRITES[name]))]


def fields(body: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Every field, and the fields of objects inside (Vastal's `schedules` rows)."""
    found: list[tuple[Any, ...]] = []
    for key, value in body.items():
        found.append((key,))
        if isinstance(value, list) and value and isinstance(value[0], dict):
            found.extend((key, 0, inner) for inner in value[0])
    return found


def with_value(body: dict[str, Any], field: tuple[Any, ...], value: Any) -> dict[str, Any]:
    changed = json.loads(json.dumps(body))
    holder = changed
    for key in field[:-1]:
        holder = holder[key]
    holder[field[-1]] = value
    return changed


def snapshot(w: Wire, listing: str) -> tuple[Any, Any]:
    path, _, query = listing.partition("?")
    answer = get(w, path, dict(parse_qsl(query)))
    assert answer.status_code == 200, (listing, answer.text[:200])
    return w.records(), answer.json()


@pytest.mark.parametrize(("name", "n"), WRITE_CASES)
def test_every_field_of_the_other_writes_with_a_wrong_type_is_a_4xx(
    five: SandboxServer, http: httpx.Client, name: str, n: int
) -> None:
    w = Wire(five, name, http)
    spec = WRITES[name][n]

    def fresh() -> tuple[str, dict[str, Any], tuple[Any, Any]]:
        w.reset()
        ident = w.book() if "{id}" in spec.path or name in ("vastal", "carevalidate") else ""
        return spec.path.replace("{id}", ident), spec.body(ident), snapshot(w, spec.listing)

    path, good, before = fresh()
    taken = w.post_json(spec.method, path, good)
    assert taken.status_code < 300, (name, spec.path, taken.text[:300])  # the good body is good
    path, good, before = fresh()
    refused = 0
    for field in [*fields(good), ("unexpected",)]:
        for value in WRONG:
            answer = w.post_json(spec.method, path, with_value(good, field, value))
            what = f"{name} {spec.method} {spec.path}: {field} = {value!r:.40}"
            assert answer.status_code < 500, (what, answer.text[:300])
            if answer.status_code >= 400:
                assert w.refused_as_documented(answer), (what, answer.text[:300])
                assert snapshot(w, spec.listing) == before, what  # nothing half-written
                refused += 1
            else:
                path, good, before = fresh()
    assert refused

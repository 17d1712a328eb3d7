"""The Vastal sandbox's create endpoint over real HTTP: the seed's example and its documented
400, and the sandbox's own ([ours]) checks 1-12 of docs/providers.md ("Vastal"), named
schedules included."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest

from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.vastal.state import VastalState
from support.vastal import LEGACY, NOW, ONBOARDING, REVIEW, STRATEGY, TAX, at, body, ny, seed_day

WED = date(2027, 3, 3)
THU = date(2027, 3, 4)
OUTSIDE = "The requested time is outside the available hours for this appointment type"
OVERLAP = "The requested time overlaps another appointment"


@pytest.fixture(scope="module")
def vastal() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0, providers=("vastal",)) as server:
        yield server


@pytest.fixture
def state(vastal: SandboxServer) -> Iterator[VastalState]:
    """An empty org whose clock stands at NOW (Monday 1 March 2027, 12:00Z)."""
    found = vastal.provider("vastal").build.state
    assert isinstance(found, VastalState)
    real = found.clock
    found.reset()
    found.clock = lambda: NOW
    yield found
    found.clock = real
    found.reset()


@pytest.fixture
def http(vastal: SandboxServer) -> Iterator[httpx.Client]:
    server = vastal.provider("vastal")
    headers = {"Authorization": f"Bearer {server.build.api_key}"}
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=5.0) as client:
        yield client


def post(http: httpx.Client, payload: object) -> httpx.Response:
    return http.post(
        "/calendar/appointments",
        content=json.dumps(payload),
        headers={"Content-Type": "application/json"},
    )


def refused(answer: httpx.Response, status: int, message: str) -> None:
    assert (answer.status_code, answer.json()) == (status, {"error": message})


def book(state: VastalState, type_id: str, start: datetime, n: int = 0) -> dict[str, Any]:
    answer = state.create(body(type_id, start, client_name=f"Client {n}"))
    assert answer.status == 200, answer.body
    record: dict[str, Any] = answer.body["appointment"]
    return record


def test_seed_example_as_written_with_only_the_date_moved(
    state: VastalState, http: httpx.Client
) -> None:
    state.clock = lambda: datetime.now(UTC)
    day = seed_day()
    example = {
        "appointment_type_id": "type_def456",
        "start_time": f"{day.isoformat()}T14:00:00Z",
        "client_name": "Jane Doe",
        "client_email": "jane@example.com",
        "client_phone": "+1234567890",
    }
    answer = post(http, example)
    assert answer.status_code == 200
    appointment = answer.json()["appointment"]
    assert set(answer.json()) == {"appointment"}
    assert appointment["id"].startswith("apt_")
    documented = {"id", "org_id", "appointment_type_id", "start_time", "end_time",
                  "client_name", "client_email", "client_phone", "status", "confirmed_at",
                  "source", "appointment_type"}  # fmt: skip
    named_elsewhere = {"client_notes", "internal_notes", "cancelled_at"}  # list, update pages
    assert documented <= set(appointment) <= documented | named_elsewhere
    for name, value in {
        "org_id": "org_xyz789",
        "appointment_type_id": "type_def456",
        "start_time": f"{day.isoformat()}T14:00:00Z",
        "end_time": f"{day.isoformat()}T15:00:00Z",
        "client_name": "Jane Doe",
        "client_email": "jane@example.com",
        "client_phone": "+1234567890",
        "status": "confirmed",
        "source": "manual",
        "appointment_type": {
            "id": "type_def456",
            "name": "Physiotherapy Assessment",
            "duration_minutes": 60,
            "color": "#3b82f6",
        },
    }.items():
        assert appointment[name] == value, name
    confirmed = datetime.fromisoformat(appointment["confirmed_at"].replace("Z", "+00:00"))
    assert abs(confirmed - datetime.now(UTC)) < timedelta(minutes=1)
    # the same example a week later: another Thursday, the other side of any DST change
    later = dict(example, start_time=f"{seed_day(2).isoformat()}T14:00:00Z")
    assert post(http, later).status_code == 200


def test_seed_error_answer_for_missing_fields(state: VastalState, http: httpx.Client) -> None:
    for name in ("appointment_type_id", "start_time", "client_name"):
        payload = body(TAX, at(THU, "10:00"), **{name: ...})
        refused(
            post(http, payload),
            400,
            "appointment_type_id, start_time, and client_name are required",
        )
        refused(post(http, dict(payload, **{name: " "})), 400,
                "appointment_type_id, start_time, and client_name are required")  # fmt: skip


@pytest.mark.parametrize("raw", ["[]", '"text"', "5", "null", "{not json"])
def test_body_must_be_an_object(state: VastalState, http: httpx.Client, raw: str) -> None:
    answer = http.post("/calendar/appointments", content=raw)
    refused(answer, 400, "Request body must be a JSON object")


def test_optional_fields_must_be_strings(state: VastalState, http: httpx.Client) -> None:
    refused(post(http, body(TAX, at(THU, "10:00"), client_phone=12345)), 400,
            "client_phone must be a string")  # fmt: skip
    answer = post(http, body(TAX, at(THU, "10:00"), client_language="es", internal_notes="vip"))
    assert answer.json()["appointment"]["internal_notes"] == "vip"
    assert "client_language" not in answer.json()["appointment"]  # kept, never shown


@pytest.mark.parametrize("text", ["2027-03-04", "2027-03-04T15:00:00", "2027-03-04T15:00:00+0000"])
def test_start_time_form(state: VastalState, http: httpx.Client, text: str) -> None:
    refused(post(http, body(TAX, at(THU, "10:00"), start_time=text)), 400,
            "start_time must be an ISO 8601 date-time with a time zone")  # fmt: skip


def test_start_time_keeps_whole_seconds(state: VastalState, http: httpx.Client) -> None:
    answer = post(http, body(TAX, at(THU, "10:00"), start_time="2027-03-04T10:00:00.750-05:00"))
    assert answer.json()["appointment"]["start_time"] == "2027-03-04T15:00:00Z"


def test_unknown_and_inactive_types(state: VastalState, http: httpx.Client) -> None:
    refused(post(http, body("type_nope", at(THU, "10:00"))), 404, "Appointment type not found")
    refused(post(http, body(LEGACY, at(THU, "10:00"))), 400, "Appointment type is not active")


def test_notice_and_horizon(state: VastalState, http: httpx.Client) -> None:
    refused(post(http, body(ONBOARDING, NOW)), 400, "start_time must be in the future")
    monday = at(date(2027, 3, 1), "10:00")
    refused(post(http, body(TAX, monday)), 400,
            "Appointments of this type must be booked at least 24 hours in advance")  # fmt: skip
    assert post(http, body(ONBOARDING, monday)).status_code == 200
    refused(post(http, body(TAX, at(date(2027, 5, 3), "10:00"))), 400,
            "Appointments of this type cannot be booked more than 60 days in advance")  # fmt: skip
    assert post(http, body(TAX, at(date(2027, 4, 29), "10:00"))).status_code == 200


def test_weekly_rows_and_daylight_saving(state: VastalState, http: httpx.Client) -> None:
    refused(post(http, body(TAX, at(THU, "16:30"))), 400, OUTSIDE)
    refused(post(http, body(TAX, at(date(2027, 3, 7), "11:00"))), 400, OUTSIDE)  # inactive row
    refused(post(http, body(TAX, at(date(2027, 3, 6), "10:00"))), 400, OUTSIDE)  # reviews only
    assert post(http, body(REVIEW, at(date(2027, 3, 6), "10:00"))).status_code == 200
    refused(post(http, body(TAX, at(WED, "17:30"))), 400, OUTSIDE)
    assert post(http, body(ONBOARDING, at(WED, "17:30"))).status_code == 200
    before, after = date(2027, 3, 11), date(2027, 3, 18)  # US DST starts 14 March 2027
    refused(post(http, body(TAX, at(before, "08:30"))), 400, OUTSIDE)  # 13:30Z
    assert post(http, body(TAX, at(after, "09:30"))).status_code == 200  # 13:30Z too
    assert post(http, body(TAX, at(before, "16:00"))).status_code == 200  # 21:00Z
    refused(post(http, body(TAX, at(after, "17:00"))), 400, OUTSIDE)  # 21:00Z too


def test_caps_per_day_week_and_month(state: VastalState, http: httpx.Client) -> None:
    book(state, REVIEW, at(WED, "09:30"), 1)
    book(state, REVIEW, at(WED, "11:00"), 2)
    refused(post(http, body(REVIEW, at(WED, "14:00"))), 400,
            "The daily limit for this appointment type has been reached")  # fmt: skip
    assert post(http, body(TAX, at(WED, "14:00"))).status_code == 200
    book(state, REVIEW, at(THU, "09:30"), 3)
    book(state, REVIEW, at(date(2027, 3, 5), "09:30"), 4)  # four in the ISO week of 1 March
    refused(post(http, body(REVIEW, at(date(2027, 3, 6), "10:00"))), 400,
            "The weekly limit for this appointment type has been reached")  # fmt: skip
    book(state, REVIEW, at(date(2027, 3, 8), "10:00"), 5)  # next week, same month
    book(state, REVIEW, at(date(2027, 3, 9), "10:00"), 6)
    refused(post(http, body(REVIEW, at(date(2027, 3, 16), "10:00"))), 400,
            "The monthly limit for this appointment type has been reached")  # fmt: skip
    assert post(http, body(REVIEW, at(date(2027, 4, 1), "10:00"))).status_code == 200


def test_cancelled_appointments_free_their_place(state: VastalState, http: httpx.Client) -> None:
    first = book(state, TAX, at(THU, "10:00"))
    refused(post(http, body(TAX, at(THU, "10:30"))), 400, OVERLAP)
    cancel = http.patch("/calendar/appointments", json={"id": first["id"], "status": "cancelled"})
    assert cancel.status_code == 200
    assert post(http, body(TAX, at(THU, "10:30"))).status_code == 200


def test_overlap_with_buffers_of_both_appointments(state: VastalState, http: httpx.Client) -> None:
    book(state, REVIEW, at(THU, "10:00"))  # occupies 09:45-10:45 with its buffers
    refused(post(http, body(TAX, at(THU, "10:30"))), 400, OVERLAP)
    refused(post(http, body(TAX, at(THU, "09:00"))), 400, OVERLAP)
    refused(post(http, body(REVIEW, at(THU, "10:55"))), 400, OVERLAP)
    refused(post(http, body(ONBOARDING, at(THU, "09:00"))), 400, OVERLAP)  # its after-buffer
    assert post(http, body(TAX, at(THU, "10:45"))).status_code == 200  # touching is fine
    assert post(http, body(TAX, at(THU, "08:45"))).status_code == 400  # outside the row


def test_requires_confirmation_books_pending(state: VastalState, http: httpx.Client) -> None:
    appointment = post(http, body(ONBOARDING, at(THU, "11:00"))).json()["appointment"]
    assert appointment["status"] == "pending" and appointment["confirmed_at"] is None
    assert appointment["end_time"] == ny(THU, "11:45")


def test_a_named_schedule_type_is_booked_in_its_own_hours(
    state: VastalState, http: httpx.Client
) -> None:
    """Strategy Call follows "Evening Hours" (Mon-Thu 17:00-20:00), which no endpoint shows."""
    assert post(http, body(STRATEGY, at(THU, "18:00"))).status_code == 200
    refused(post(http, body(STRATEGY, at(THU, "10:00"))), 400, OUTSIDE)  # org rows: open
    refused(post(http, body(STRATEGY, at(date(2027, 3, 5), "18:00"))), 400, OUTSIDE)  # Friday
    types = http.get("/calendar/appointment-types").json()["appointmentTypes"]
    strategy = next(t for t in types if t["id"] == STRATEGY)
    assert (strategy["scheduleId"], strategy["scheduleName"]) == ("sched_eve001", "Evening Hours")
    rows = http.get("/calendar/availability").json()["schedules"]
    assert not any(r["id"].startswith("sch_eve") for r in rows)

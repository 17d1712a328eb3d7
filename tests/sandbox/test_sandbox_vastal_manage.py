"""The Vastal sandbox beyond create: auth and scopes, rate limit headers and 429, listing,
PATCH (reschedule, cancel, status), appointment types, weekly availability, faults and the
dump, each in the shapes of Vastal's pages."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import Any

import httpx
import pytest

from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.vastal.clinic import READ_ONLY_KEY
from frontdesk.sandbox.vastal.state import VastalState, hourly_limit
from support.vastal import NOW, ONBOARDING, REVIEW, TAX, at, body, ny

THU = date(2027, 3, 4)


@pytest.fixture(scope="module")
def vastal() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0, providers=("vastal",)) as server:
        yield server


@pytest.fixture
def state(vastal: SandboxServer) -> Iterator[VastalState]:
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


def book(state: VastalState, type_id: str, start: datetime, n: int = 0) -> dict[str, Any]:
    answer = state.create(body(type_id, start, client_name=f"Client {n}"))
    assert answer.status == 200, answer.body
    record: dict[str, Any] = answer.body["appointment"]
    return record


def patch(http: httpx.Client, payload: object) -> httpx.Response:
    return http.patch("/calendar/appointments", json=payload)


# -- auth, envelope, rate limit ----------------------------------------------------------


def envelope(code: str, message: str, **details: Any) -> dict[str, Any]:
    """The REST reference's error envelope."""
    return {"success": False, "error": {"code": code, "message": message, "details": details}}


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "vst_test_5f2c9a7e41d84b03"}, {"Authorization": "Bearer vst_wrong"}],
)
def test_missing_or_unknown_key_is_401(vastal: SandboxServer, headers: dict[str, str]) -> None:
    url = vastal.provider("vastal").base_url + "/calendar/appointments"
    answer = httpx.get(url, headers=headers)
    assert (answer.status_code, answer.json()) == (
        401,
        envelope("UNAUTHORIZED", "Invalid or missing API key"),
    )


def test_a_read_only_key_reads_but_cannot_write(state: VastalState, vastal: SandboxServer) -> None:
    headers = {"Authorization": f"Bearer {READ_ONLY_KEY}"}
    with httpx.Client(base_url=vastal.provider("vastal").base_url, headers=headers) as http:
        assert http.get("/calendar/appointments").status_code == 200
        assert http.get("/calendar/availability").status_code == 200
        for answer in (
            http.post("/calendar/appointments", json=body(TAX, at(THU, "10:00"))),
            http.patch("/calendar/appointments", json={"id": "apt_x", "status": "cancelled"}),
            http.put("/calendar/appointment-types", json={"id": TAX, "isActive": False}),
        ):
            assert (answer.status_code, answer.json()) == (
                403,
                envelope("FORBIDDEN", "Insufficient permissions", required_scope="write"),
            )
    assert state.appointments() == []


def test_unknown_path_and_method(state: VastalState, http: httpx.Client) -> None:
    assert (http.get("/nope").status_code, http.get("/nope").json()) == (
        404,
        envelope("NOT_FOUND", "Not Found"),
    )
    answer = http.delete("/calendar/appointments")
    assert (answer.status_code, answer.json()) == (
        405,
        envelope("METHOD_NOT_ALLOWED", "Method not allowed"),
    )


def test_rate_limit_headers_and_429() -> None:
    assert hourly_limit(60) == 1000 and hourly_limit(0) == 0
    with SandboxServer(rate_limit=1, providers=("vastal",)) as server:  # 17 an hour
        vastal = server.provider("vastal")
        headers = {"Authorization": f"Bearer {vastal.build.api_key}"}
        with httpx.Client(base_url=vastal.base_url, headers=headers) as http:
            first = http.get("/calendar/appointment-types")
            assert first.headers["X-RateLimit-Limit"] == "17"
            assert first.headers["X-RateLimit-Remaining"] == "16"
            reset = int(first.headers["X-RateLimit-Reset"])
            assert 3590 <= reset - time.time() <= 3601
            for _ in range(16):
                assert http.get("/calendar/availability").status_code == 200
            over = http.get("/calendar/appointments")
            assert over.status_code == 429
            assert over.json() == envelope(
                "RATE_LIMITED", "Rate limit exceeded: 17 requests per hour"
            )
            assert over.headers["X-RateLimit-Remaining"] == "0"
            assert 3590 <= int(over.headers["X-RateLimit-Reset"]) - time.time() <= 3601
            assert "Retry-After" not in over.headers  # not documented: the reset says when
            unauthorised = httpx.get(vastal.base_url + "/calendar/appointments")
            assert unauthorised.headers["X-RateLimit-Remaining"] == "17"


def test_no_rate_limit_headers_when_off(state: VastalState, http: httpx.Client) -> None:
    assert "X-RateLimit-Limit" not in http.get("/calendar/availability").headers


# -- listing -----------------------------------------------------------------------------


def test_list_filters_sorting_and_pages(state: VastalState, http: httpx.Client) -> None:
    ids = [book(state, TAX, at(THU, f"{h}:00"), h)["id"] for h in (13, 9, 11)]
    pending = book(state, ONBOARDING, at(date(2027, 3, 5), "09:00"))
    listed = http.get("/calendar/appointments").json()
    assert set(listed) == {"appointments"}  # no total, no paging fields
    assert [a["id"] for a in listed["appointments"]] == [ids[1], ids[2], ids[0], pending["id"]]
    only = http.get("/calendar/appointments", params={"status": "pending"}).json()
    assert [a["id"] for a in only["appointments"]] == [pending["id"]]
    window = {"from": ny(THU, "11:00"), "to": ny(THU, "13:00")}  # from inclusive, to exclusive
    assert [a["id"] for a in http.get("/calendar/appointments", params=window).json()[
        "appointments"]] == [ids[2]]  # fmt: skip
    page = http.get("/calendar/appointments", params={"limit": 2, "page": 2}).json()
    assert [a["id"] for a in page["appointments"]] == [ids[0], pending["id"]]
    beyond = http.get("/calendar/appointments", params={"limit": 2, "page": 3}).json()
    assert beyond == {"appointments": []}
    ignored = http.get("/calendar/appointments", params={"limit": 2, "offset": 2}).json()
    assert [a["id"] for a in ignored["appointments"]] == [ids[1], ids[2]]  # no offset


def test_list_takes_dates_as_in_the_pages_example(state: VastalState, http: httpx.Client) -> None:
    thursday = book(state, TAX, at(THU, "16:00"))["id"]  # 21:00Z: still Thursday in New York
    friday = book(state, ONBOARDING, at(date(2027, 3, 5), "09:00"))["id"]
    example = http.get("/calendar/appointments", params={"status": "confirmed",
                                                         "from": "2024-01-01"})  # fmt: skip
    assert example.status_code == 200
    assert [a["id"] for a in example.json()["appointments"]] == [thursday]
    day = {"from": "2027-03-04", "to": "2027-03-04"}  # the whole org-local day
    assert [a["id"] for a in http.get("/calendar/appointments", params=day).json()[
        "appointments"]] == [thursday]  # fmt: skip
    after = http.get("/calendar/appointments", params={"from": "2027-03-05"}).json()
    assert [a["id"] for a in after["appointments"]] == [friday]


def test_list_limit_defaults_to_50_and_stops_at_100(state: VastalState, http: httpx.Client) -> None:
    made = state.create(body(TAX, at(THU, "10:00")))
    template = state._appointments.pop(made.body["appointment"]["id"])
    for n in range(60):  # stored directly: the rules would not fit 60 in a few days
        start = template.start + timedelta(minutes=n)
        state._appointments[f"apt_{n:03d}"] = replace(template, id=f"apt_{n:03d}", start=start)
    assert len(http.get("/calendar/appointments").json()["appointments"]) == 50
    many = http.get("/calendar/appointments", params={"limit": 100}).json()["appointments"]
    assert [a["id"] for a in many] == [f"apt_{n:03d}" for n in range(60)]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"status": "booked"}, "status must be one of pending, confirmed, completed, cancelled, "
         "no_show"),
        ({"from": "2027-02-30"}, "from must be an ISO 8601 date or date-time"),
        ({"to": "soon"}, "to must be an ISO 8601 date or date-time"),
        ({"limit": "0"}, "limit must be between 1 and 100"),
        ({"limit": "101"}, "limit must be between 1 and 100"),
        ({"page": "0"}, "page must be 1 or more"),
    ],
)  # fmt: skip
def test_list_refuses_bad_filters(
    state: VastalState, http: httpx.Client, params: dict[str, str], message: str
) -> None:
    answer = http.get("/calendar/appointments", params=params)
    assert (answer.status_code, answer.json()) == (400, {"error": message})


# -- PATCH -------------------------------------------------------------------------------


def test_reschedule_rechecks_but_ignores_itself(state: VastalState, http: httpx.Client) -> None:
    first = book(state, TAX, at(THU, "10:00"))
    book(state, TAX, at(THU, "13:00"), 2)
    moved = patch(http, {"id": first["id"], "start_time": ny(THU, "10:30")})
    assert moved.status_code == 200
    assert moved.json()["appointment"] == {  # partial, as the update page answers
        "id": first["id"],
        "status": "confirmed",
        "start_time": ny(THU, "10:30"),
        "appointment_type": first["appointment_type"],
    }
    stored = next(a for a in state.appointments() if a["id"] == first["id"])
    assert (stored["start_time"], stored["end_time"]) == (ny(THU, "10:30"), ny(THU, "11:30"))
    clash = patch(http, {"id": first["id"], "start_time": ny(THU, "12:30")})
    assert (clash.status_code, clash.json()) == (
        400,
        {"error": "The requested time overlaps another appointment"},
    )
    outside = patch(http, {"id": first["id"], "start_time": ny(THU, "16:30")})
    assert outside.status_code == 400


def test_the_update_pages_example_answers_its_partial_record(
    state: VastalState, http: httpx.Client
) -> None:
    first = book(state, TAX, at(THU, "10:00"))
    example = {"id": first["id"], "status": "completed",
               "internal_notes": "Great session, follow-up needed"}  # fmt: skip
    answer = patch(http, example)
    assert answer.json() == {
        "appointment": {
            "id": first["id"],
            "status": "completed",
            "internal_notes": "Great session, follow-up needed",
            "appointment_type": {
                "id": TAX,
                "name": "Physiotherapy Assessment",
                "duration_minutes": 60,
                "color": "#3b82f6",
            },
        }
    }


def test_patch_ignores_fields_the_update_page_does_not_list(
    state: VastalState, http: httpx.Client
) -> None:
    first = book(state, TAX, at(THU, "10:00"))
    answer = patch(http, {"id": first["id"], "appointment_type_id": REVIEW,
                          "client_language": "fr"})  # fmt: skip
    assert answer.status_code == 200
    assert answer.json()["appointment"]["appointment_type"]["id"] == TAX
    assert state.appointments()[0]["appointment_type_id"] == TAX


def test_cancel_then_no_more_changes(state: VastalState, http: httpx.Client) -> None:
    first = book(state, TAX, at(THU, "10:00"))
    cancelled = patch(http, {"id": first["id"], "status": "cancelled"})
    assert cancelled.status_code == 200
    assert cancelled.json()["appointment"]["status"] == "cancelled"
    assert state.appointments()[0]["cancelled_at"] == "2027-03-01T12:00:00Z"
    assert patch(http, {"id": first["id"], "status": "cancelled"}).status_code == 200
    revived = patch(http, {"id": first["id"], "status": "confirmed"})
    assert (revived.status_code, revived.json()) == (
        400,
        {"error": "Cancelled appointments cannot be changed"},
    )


def test_confirming_a_pending_appointment(state: VastalState, http: httpx.Client) -> None:
    pending = book(state, ONBOARDING, at(THU, "10:00"))
    confirmed = patch(http, {"id": pending["id"], "status": "confirmed"}).json()["appointment"]
    assert confirmed["status"] == "confirmed"
    assert state.appointments()[0]["confirmed_at"] == "2027-03-01T12:00:00Z"


@pytest.mark.parametrize(
    ("payload", "status", "message"),
    [
        ([], 400, "Request body must be a JSON object"),
        ({}, 400, "id is required"),
        ({"id": "apt_nope"}, 404, "Appointment not found"),
        ({"id": "FIRST", "status": "arrived"}, 400,
         "status must be one of pending, confirmed, completed, cancelled, no_show"),
        ({"id": "FIRST", "start_time": 5}, 400, "start_time must be a string"),
        ({"id": "FIRST", "client_email": 5}, 400, "client_email must be a string"),
        ({"id": "FIRST", "start_time": "tomorrow"}, 400,
         "start_time must be an ISO 8601 date-time with a time zone"),
    ],
)  # fmt: skip
def test_patch_refusals(
    state: VastalState, http: httpx.Client, payload: Any, status: int, message: str
) -> None:
    first = book(state, TAX, at(THU, "10:00"))
    if isinstance(payload, dict) and payload.get("id") == "FIRST":
        payload = dict(payload, id=first["id"])
    answer = patch(http, payload)
    assert (answer.status_code, answer.json()) == (status, {"error": message})


# -- catalog endpoints -------------------------------------------------------------------


def test_appointment_types(state: VastalState, http: httpx.Client) -> None:
    listed = http.get("/calendar/appointment-types").json()
    assert set(listed) == {"appointmentTypes"}
    types = {t["id"]: t for t in listed["appointmentTypes"]}
    assert types[TAX] == {
        "id": TAX,
        "orgId": "org_xyz789",
        "name": "Physiotherapy Assessment",
        "description": "A first assessment with a physiotherapist",
        "durationMinutes": 60,
        "color": "#3b82f6",
        "bufferBeforeMinutes": 0,
        "bufferAfterMinutes": 0,
        "maxPerDay": None,
        "maxPerWeek": None,
        "maxPerMonth": None,
        "minNoticeHours": 24,
        "maxDaysAhead": 60,
        "requiresConfirmation": False,
        "confirmWithinHours": None,
        "bookingQuestions": [{"id": "q1", "type": "text",
                              "label": "What brings you in?",
                              "required": True}],
        "scheduleId": None,
        "scheduleName": None,
        "isActive": True,
        "sortOrder": 1,
        "createdAt": "2026-01-05T09:00:00Z",
        "updatedAt": "2026-01-05T09:00:00Z",
    }  # fmt: skip
    assert types["type_old999"]["isActive"] is False
    made = http.post("/calendar/appointment-types", json={"name": "Audit", "durationMinutes": 90})
    created = made.json()["appointmentType"]
    assert made.status_code == 200 and created["minNoticeHours"] == 24
    assert created["maxDaysAhead"] == 60 and created["createdAt"] == "2027-03-01T12:00:00Z"
    changed = http.put(
        "/calendar/appointment-types", json={"id": created["id"], "durationMinutes": 45,
                                             "maxPerDay": 6}
    ).json()  # fmt: skip
    assert changed == {
        "appointmentType": {"id": created["id"], "name": "Audit", "durationMinutes": 45,
                            "maxPerDay": 6, "isActive": True,
                            "updatedAt": "2027-03-01T12:00:00Z"}
    }  # fmt: skip
    missing = http.post("/calendar/appointment-types", json={"name": "x"})
    assert missing.json() == {"error": "name and durationMinutes are required"}
    bad = http.put("/calendar/appointment-types", json={"id": TAX, "maxPerDay": 0})
    assert (bad.status_code, bad.json()) == (400, {"error": "maxPerDay is invalid"})
    unknown = http.put("/calendar/appointment-types", json={"id": "type_x"})
    assert (unknown.status_code, unknown.json()) == (404, {"error": "Appointment type not found"})


def test_availability_rows_and_replace(state: VastalState, http: httpx.Client) -> None:
    got = http.get("/calendar/availability").json()
    assert set(got) == {"schedules"}  # no org_id, no zone at the top
    monday = next(r for r in got["schedules"] if r["id"] == "av_mon")
    assert monday == {
        "id": "av_mon",
        "org_id": "org_xyz789",
        "day_of_week": 1,
        "start_time": "09:00:00",
        "end_time": "17:00:00",
        "appointment_type_id": None,
        "is_active": True,
        "created_at": "2026-01-05T09:00:00Z",
    }
    sunday = {"day_of_week": 0, "start_time": "10:00:00", "end_time": "12:00:00"}
    added = http.post("/calendar/availability", json=sunday).json()["schedule"]
    assert added["is_active"] is True and added["appointment_type_id"] is None
    assert added["id"].startswith("avail_") and added["org_id"] == "org_xyz789"
    sunday_booking = body(TAX, at(date(2027, 3, 7), "10:00"))
    assert state.create(sunday_booking).status == 200
    replaced = http.put("/calendar/availability", json={"schedules": [sunday]}).json()
    assert len(replaced["schedules"]) == 1
    assert set(replaced["schedules"][0]) == {"id", "day_of_week", "start_time", "end_time",
                                             "is_active"}  # fmt: skip
    assert state.create(body(TAX, at(THU, "10:00"))).status == 400  # Thursday row gone
    bad = http.put("/calendar/availability", json={"schedules": [dict(sunday, day_of_week=7)]})
    assert (bad.status_code, bad.json()) == (400, {"error": "Invalid availability row"})
    missing = http.post("/calendar/availability", json={"day_of_week": 1})
    assert (missing.status_code, missing.json()) == (
        400,
        {"error": "day_of_week, start_time, and end_time are required"},
    )
    state.reset()
    assert len(http.get("/calendar/availability").json()["schedules"]) == 8


# -- faults and the dump -----------------------------------------------------------------


def test_dropped_answer_still_books(state: VastalState, vastal: SandboxServer) -> None:
    server = vastal.provider("vastal")
    faults = httpx.post(server.root_url + "/__sandbox__/faults", json={"drop_next_answers": 1})
    assert faults.status_code == 200
    headers = {"Authorization": f"Bearer {server.build.api_key}"}
    with pytest.raises(httpx.HTTPError):
        httpx.post(
            server.base_url + "/calendar/appointments",
            json=body(TAX, at(THU, "10:00")),
            headers=headers,
        )
    dump = httpx.get(server.root_url + "/__sandbox__/appointments").json()["appointments"]
    assert len(dump) == 1 and dump[0]["start_time"] == ny(THU, "10:00")
    assert state.appointments() == dump

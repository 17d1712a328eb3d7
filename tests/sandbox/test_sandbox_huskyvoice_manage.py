"""Listing, reading, rescheduling and cancelling bookings, availability and the catalog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import httpx
import pytest

from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.huskyvoice.clinic import (
    DENTAL_CLEANING_ID,
    GENERAL_CHECKUP_ID,
    MAIN_BRANCH_ID,
    NORTH_BRANCH_ID,
    OLD_SERVICE_ID,
    VACCINATION_ID,
)

Body = Callable[..., dict[str, Any]]
At = Callable[[date, str], str]


def book(client: httpx.Client, body: Body, **overrides: Any) -> dict[str, Any]:
    response = client.post("/appointments", json=body(**overrides))
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()["data"]
    return data


def test_list_pages_in_order(client: httpx.Client, body: Body, at: At, tuesday: date) -> None:
    times = ["11:00", "09:05", "14:30", "09:05", "18:00"]
    made = [
        book(client, body, appointment_date=at(tuesday, t), parent_phone=f"+44207946010{i}")
        for i, t in enumerate(times)
    ]
    expected = [
        a["appointment_id"]
        for a in sorted(made, key=lambda a: (a["appointment_date"], a["appointment_id"]))
    ]
    seen = []
    for page in (1, 2, 3):
        response = client.get("/appointments", params={"limit": 2, "page": page})
        payload = response.json()
        assert payload["pagination"] == {"page": page, "limit": 2, "total": 5, "total_pages": 3}
        seen += [a["appointment_id"] for a in payload["data"]]
    assert seen == expected
    beyond = client.get("/appointments", params={"limit": 2, "page": 4}).json()
    assert beyond["data"] == [] and beyond["pagination"]["total"] == 5
    default = client.get("/appointments").json()["pagination"]
    assert (default["limit"], default["page"], default["total_pages"]) == (50, 1, 1)


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 0},
        {"limit": 201},
        {"limit": "ten"},
        {"page": 0},
        {"page": "-1"},
        {"date": "2027-6-1"},
        {"updated_since": "yesterday"},
    ],
)
def test_list_refuses_bad_parameters(client: httpx.Client, params: dict[str, Any]) -> None:
    response = client.get("/appointments", params=params)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "VALIDATION_ERROR"


def test_list_filters(
    client: httpx.Client, sandbox: SandboxServer, body: Body, at: At, tuesday: date
) -> None:
    wednesday = tuesday + timedelta(days=1)
    a = book(client, body)
    b = book(client, body, appointment_type=VACCINATION_ID, appointment_date=at(tuesday, "15:00"))
    c = book(client, body, branch_id=NORTH_BRANCH_ID, appointment_date=at(wednesday, "09:00"))
    client.patch(f"/appointments/{b['appointment_id']}", json={"status": "cancelled"})

    def ids(**params: Any) -> list[str]:
        return [
            x["appointment_id"] for x in client.get("/appointments", params=params).json()["data"]
        ]

    assert ids(date=tuesday.isoformat()) == [a["appointment_id"], b["appointment_id"]]
    assert ids(status="cancelled") == [b["appointment_id"]]
    assert ids(status="confirmed") == [a["appointment_id"], c["appointment_id"]]
    assert ids(appointment_type="vaccination") == [b["appointment_id"]]
    assert ids(appointment_type=GENERAL_CHECKUP_ID) == [a["appointment_id"], c["appointment_id"]]
    assert ids(appointment_type="Nothing") == []
    assert ids(branch_id=NORTH_BRANCH_ID) == [c["appointment_id"]]
    assert ids(session="AFTERNOON") == [b["appointment_id"]]
    sandbox.state.clock = lambda: datetime.now(UTC) + timedelta(minutes=5)
    later = datetime.now(UTC) + timedelta(minutes=1)
    client.patch(f"/appointments/{c['appointment_id']}", json={"assigned_doctor": "Dr Mehta"})
    assert ids(updated_since=later.isoformat()) == [c["appointment_id"]]


def test_get_one(client: httpx.Client, body: Body) -> None:
    made = book(client, body)
    response = client.get(f"/appointments/{made['appointment_id']}")
    assert response.json() == {"success": True, "data": made}


def test_reschedule_re_runs_the_checks(
    client: httpx.Client, body: Body, at: At, tuesday: date
) -> None:
    made = book(client, body, batch="MX")
    assert made["batch"] == "MX"
    moved = client.patch(
        f"/appointments/{made['appointment_id']}", json={"appointment_date": at(tuesday, "14:15")}
    )
    assert moved.status_code == 200, moved.text
    data = moved.json()["data"]
    assert (data["session"], data["batch"], data["appointment_date"]) == (
        "Afternoon",
        "AA",
        at(tuesday, "14:15"),
    )
    assert data["updated_at"] >= made["updated_at"]
    # Its own seat does not count against it when it stays in a full window.
    for i in range(5):
        book(client, body, appointment_date=at(tuesday, "15:00"), parent_phone=f"+44207946020{i}")
    same_window = client.patch(
        f"/appointments/{made['appointment_id']}", json={"appointment_date": at(tuesday, "16:45")}
    )
    assert same_window.status_code == 200, same_window.text
    other = book(client, body, parent_phone="+442079460300")
    full = client.patch(
        f"/appointments/{other['appointment_id']}", json={"appointment_date": at(tuesday, "14:00")}
    )
    assert full.status_code == 409 and full.json()["error"]["code"] == "SLOT_FULL"
    outside = client.patch(f"/appointments/{other['appointment_id']}", json={"session": "Evening"})
    assert outside.status_code == 422 and outside.json()["error"]["code"] == "OUTSIDE_AVAILABILITY"
    past = client.patch(
        f"/appointments/{other['appointment_id']}",
        json={"appointment_date": "2020-01-07T09:30:00Z"},
    )
    assert past.status_code == 400 and past.json()["error"]["code"] == "PAST_APPOINTMENT"
    branch = client.patch(
        f"/appointments/{other['appointment_id']}", json={"branch_id": NORTH_BRANCH_ID}
    )
    assert branch.status_code == 200 and branch.json()["data"]["branch_id"] == NORTH_BRANCH_ID
    retype = client.patch(
        f"/appointments/{other['appointment_id']}", json={"appointment_type": "dental cleaning"}
    )
    assert retype.json()["data"]["appointment_type"] == DENTAL_CLEANING_ID
    assert retype.json()["data"]["duration_minutes"] == 45
    inactive = client.patch(
        f"/appointments/{other['appointment_id']}", json={"appointment_type": OLD_SERVICE_ID}
    )
    assert inactive.status_code == 422


def test_reschedule_into_a_duplicate(
    client: httpx.Client, body: Body, at: At, tuesday: date
) -> None:
    first = book(client, body)
    second = book(client, body, appointment_date=at(tuesday + timedelta(days=1), "09:30"))
    response = client.patch(
        f"/appointments/{second['appointment_id']}", json={"appointment_date": at(tuesday, "15:00")}
    )
    assert response.status_code == 409
    assert response.json()["existing_appointment_id"] == first["appointment_id"]


@pytest.mark.parametrize(
    ("patch", "message"),
    [
        ([], "Request body must be a JSON object"),
        (
            {"status": "gone"},
            "status must be one of confirmed, arrived, completed, no_show, cancelled",
        ),
        ({"status": None}, "status must be a string"),
        ({"appointment_date": 5}, "appointment_date must be a string"),
        ({"appointment_date": "tomorrow"}, "appointment_date must be an ISO 8601 UTC datetime"),
        ({"session": "Night"}, "session must be one of Morning, Afternoon, Evening"),
        ({"branch_id": "branch_south"}, "branch_id does not match any branch"),
        ({"assigned_doctor": 3}, "assigned_doctor must be a string"),
    ],
)
def test_patch_validation(client: httpx.Client, body: Body, patch: Any, message: str) -> None:
    made = book(client, body)
    response = client.patch(f"/appointments/{made['appointment_id']}", json=patch)
    assert response.status_code == 400
    assert response.json()["error"] == {"code": "VALIDATION_ERROR", "message": message}


def test_patch_unknown_is_404(client: httpx.Client) -> None:
    response = client.patch("/appointments/appt_ffffffffff", json={"status": "cancelled"})
    assert response.status_code == 404 and response.json()["error"]["code"] == "NOT_FOUND"


def test_status_changes_and_cancellation_notice(
    client: httpx.Client, sandbox: SandboxServer, body: Body, at: At, tuesday: date
) -> None:
    made = book(client, body)
    start = datetime.fromisoformat(made["appointment_date"].replace("Z", "+00:00"))
    path = f"/appointments/{made['appointment_id']}"
    sandbox.state.clock = lambda: start - timedelta(hours=1, minutes=59)
    late = client.patch(path, json={"status": "cancelled"})
    assert late.status_code == 409
    assert late.json()["error"]["code"] == "CANCELLATION_TOO_LATE"
    arrived = client.patch(path, json={"status": "arrived", "assigned_doctor": "Dr Okafor"})
    assert arrived.status_code == 200
    assert (arrived.json()["data"]["status"], arrived.json()["data"]["assigned_doctor"]) == (
        "arrived",
        "Dr Okafor",
    )
    sandbox.state.clock = lambda: start - timedelta(hours=2)
    cancelled = client.patch(path, json={"status": "cancelled"})
    assert cancelled.status_code == 200 and cancelled.json()["data"]["status"] == "cancelled"
    sandbox.state.clock = lambda: start + timedelta(hours=1)
    again = client.patch(path, json={"status": "cancelled"})  # a retry of the same cancel
    assert again.status_code == 200 and again.json()["data"] == cancelled.json()["data"]


def test_cancellation_can_be_forbidden(
    client: httpx.Client, sandbox: SandboxServer, body: Body
) -> None:
    made = book(client, body)
    sandbox.state.clinic.allow_cancellation = False
    try:
        response = client.patch(
            f"/appointments/{made['appointment_id']}", json={"status": "cancelled"}
        )
    finally:
        sandbox.state.clinic.allow_cancellation = True
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "CANCELLATION_NOT_ALLOWED"


def test_reviving_a_cancelled_booking_needs_a_free_seat(client: httpx.Client, body: Body) -> None:
    first = book(client, body, parent_phone="+442079460400")
    client.patch(f"/appointments/{first['appointment_id']}", json={"status": "cancelled"})
    for i in range(6):
        book(client, body, parent_phone=f"+44207946050{i}")
    revived = client.patch(f"/appointments/{first['appointment_id']}", json={"status": "confirmed"})
    assert revived.status_code == 409 and revived.json()["error"]["code"] == "SLOT_FULL"


def test_availability_counts(
    client: httpx.Client, sandbox: SandboxServer, body: Body, at: At, tuesday: date
) -> None:
    for i in range(3):
        book(client, body, parent_phone=f"+44207946060{i}")
    book(client, body, appointment_type=VACCINATION_ID)
    book(
        client,
        body,
        appointment_date=at(tuesday, "15:00"),
        appointment_type=VACCINATION_ID,
        parent_phone="+442079460700",
    )
    cancelled = book(client, body, parent_phone="+442079460701")
    client.patch(f"/appointments/{cancelled['appointment_id']}", json={"status": "cancelled"})
    response = client.get("/appointment-slots/availability", params={"date": tuesday.isoformat()})
    assert response.status_code == 200
    data = response.json()["data"]
    assert (data["date"], data["timezone"]) == (tuesday.isoformat(), "Europe/London")
    windows = {(w["branch_id"], w["session"]): w for w in data["windows"]}
    assert len(windows) == 6
    morning = windows[(MAIN_BRANCH_ID, "Morning")]
    assert {k: morning[k] for k in ("window_id", "batch", "start_time", "end_time", "status")} == {
        "window_id": "w_main_morning_2",
        "batch": "MA",
        "start_time": "09:00",
        "end_time": "12:00",
        "status": "OPEN",
    }
    assert (
        morning["max_slots"],
        morning["ai_slots"],
        morning["filled_slots"],
        morning["available_slots"],
    ) == (6, 2, 3, 3)
    per_service = {
        s["appointment_type"]: (s["filled_slots"], s["available_slots"])
        for s in morning["services"]
    }
    assert per_service[GENERAL_CHECKUP_ID] == (3, 3)
    assert per_service[VACCINATION_ID] == (1, 5)
    assert per_service[DENTAL_CLEANING_ID] == (0, 6)
    assert OLD_SERVICE_ID not in per_service
    assert windows[(MAIN_BRANCH_ID, "Afternoon")]["filled_slots"] == 1
    assert windows[(NORTH_BRANCH_ID, "Morning")]["filled_slots"] == 0
    assert windows[(MAIN_BRANCH_ID, "Evening")]["max_slots"] == 4
    sandbox.state.close_window("w_north_evening_2", tuesday)
    only = client.get(
        "/appointment-slots/availability",
        params={"date": tuesday.isoformat(), "branch_id": NORTH_BRANCH_ID, "session": "evening"},
    ).json()["data"]["windows"]
    assert [(w["window_id"], w["status"]) for w in only] == [("w_north_evening_2", "CLOSED")]


def test_availability_on_sunday_and_saturday(client: httpx.Client, weekday: Any) -> None:
    sunday = client.get(
        "/appointment-slots/availability", params={"date": weekday(7).isoformat()}
    ).json()
    assert [(w["session"], w["status"]) for w in sunday["data"]["windows"]] == [
        ("Morning", "CLOSED")
    ] * 2
    saturday = client.get(
        "/appointment-slots/availability",
        params={"date": weekday(6).isoformat(), "branch_id": MAIN_BRANCH_ID},
    ).json()
    assert [w["session"] for w in saturday["data"]["windows"]] == ["Morning", "Afternoon"]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"date": "15-06-2027"},
        {"date": "2027-02-30"},
        {"date": "2027-06-15", "branch_id": "x"},
        {"date": "2027-06-15", "session": "Night"},
    ],
)
def test_availability_refuses_bad_parameters(client: httpx.Client, params: dict[str, str]) -> None:
    response = client.get("/appointment-slots/availability", params=params)
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "VALIDATION_ERROR"


def test_catalog(client: httpx.Client) -> None:
    services = client.get("/services").json()
    assert services["success"] is True
    by_name = {s["name"]: s for s in services["data"]}
    assert by_name["General Checkup"] == {
        "id": GENERAL_CHECKUP_ID,
        "name": "General Checkup",
        "duration_minutes": 30,
        "color": "#4F8EF7",
        "is_active": True,
    }
    assert [
        by_name[n]["duration_minutes"] for n in ("Vaccination", "Dental Cleaning", "Follow-up")
    ] == [20, 45, 15]
    assert by_name["Old Service"]["is_active"] is False
    config = client.get("/appointment-config").json()
    assert config == {
        "success": True,
        "data": {
            "timezone": "Europe/London",
            "duplicate_prevention": True,
            "allow_cancellation": True,
            "cancellation_notice_hours": 2,
            "branches": [
                {"id": "branch_uuid_here", "name": "Main Branch"},
                {"id": "branch_north", "name": "North Branch"},
            ],
        },
    }

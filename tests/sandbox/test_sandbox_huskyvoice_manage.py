"""Listing, reading, rescheduling and cancelling bookings, availability and the catalog,
in the shapes the vendor's pages show (tests/fixtures/vendor/huskyvoice)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.huskyvoice.clinic import (
    GENERAL_CHECKUP_ID,
    MAIN_BRANCH_ID,
    NORTH_BRANCH_ID,
    VACCINATION_ID,
)
from frontdesk.sandbox.huskyvoice.clinic_file import clinic_from_dict

Body = Callable[..., dict[str, Any]]
At = Callable[[date, str], str]
VENDOR = Path(__file__).parents[1] / "fixtures" / "vendor" / "huskyvoice"


def vendor_body(name: str) -> dict[str, Any]:
    body: dict[str, Any] = json.loads((VENDOR / name).read_text())["body"]
    return body


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
        for _, a in sorted(
            zip(times, made, strict=True), key=lambda p: (p[0], p[1]["appointment_id"])
        )
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

    everyone = [a["appointment_id"], b["appointment_id"], c["appointment_id"]]
    assert ids(date=tuesday.isoformat()) == [a["appointment_id"], b["appointment_id"]]
    assert ids(status="cancelled") == [b["appointment_id"]]
    assert ids(status="confirmed") == [a["appointment_id"], c["appointment_id"]]
    assert ids(appointment_type=VACCINATION_ID) == [b["appointment_id"]]
    assert ids(appointment_type="Vaccination") == []  # "Filter by service UUID"
    assert ids(appointment_type=GENERAL_CHECKUP_ID) == [a["appointment_id"], c["appointment_id"]]
    assert ids(branch_id=NORTH_BRANCH_ID) == [c["appointment_id"]]
    assert ids(session="AFTERNOON") == [b["appointment_id"]]
    assert ids(batch="AA") == [b["appointment_id"]]
    assert ids(batch="aa") == []
    # not a documented parameter: ignored, as an unknown parameter would be
    sandbox.state.clock = lambda: datetime.now(UTC) + timedelta(minutes=5)
    later = datetime.now(UTC) + timedelta(minutes=1)
    client.patch(f"/appointments/{c['appointment_id']}", json={"assigned_doctor": "Dr Mehta"})
    assert ids(updated_since=later.isoformat()) == everyone


@pytest.fixture(scope="module")
def auckland() -> Iterator[SandboxServer]:
    """An org twelve or thirteen hours ahead of UTC: its mornings are the day before in UTC."""
    clinic = clinic_from_dict(
        {
            "timezone": "Pacific/Auckland",
            "branches": [{"id": "branch_akl", "name": "Auckland"}],
            "windows": [
                {
                    "branch_id": "branch_akl",
                    "weekdays": [1, 2, 3, 4, 5],
                    "session": "Morning",
                    "batch": "MA",
                    "start_time": "09:00",
                    "end_time": "12:00",
                    "max_slots": 8,
                    "ai_slots": 6,
                }
            ],
        }
    )
    with SandboxServer(rate_limit=0, clinic=clinic) as server:
        yield server


def test_the_search_date_is_the_utc_day(auckland: SandboxServer, tuesday: date) -> None:
    """ "date: Filter by date — YYYY-MM-DD (matches the full day in UTC)" (getting page); the
    record's own date is the org's."""
    wall = datetime.combine(tuesday, time(9, 30), tzinfo=ZoneInfo("Pacific/Auckland"))
    instant = wall.astimezone(UTC)
    assert instant.date() == tuesday - timedelta(days=1)
    headers = {"Authorization": f"Bearer {auckland.api_key}"}
    with httpx.Client(base_url=auckland.base_url, headers=headers) as http:
        made = http.post(
            "/appointments",
            json={
                "appointment_type": GENERAL_CHECKUP_ID,
                "appointment_date": instant.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "patient_name": "Aroha",
                "parent_phone": "+64210000000",
            },
        )
        assert made.status_code == 201, made.text
        assert made.json()["data"]["date"] == tuesday.isoformat()

        def listed(day: date) -> list[str]:
            data = http.get("/appointments", params={"date": day.isoformat()}).json()["data"]
            return [a["appointment_id"] for a in data]

        assert listed(tuesday) == []
        assert listed(tuesday - timedelta(days=1)) == [made.json()["appointment_id"]]


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
    assert list(data) == list(made)
    # a new time without a status: "the appointment's status is automati[cally]" rescheduled
    assert (data["session"], data["batch"], data["date"], data["status"]) == (
        "Afternoon",
        "AA",
        tuesday.isoformat(),
        "rescheduled",
    )
    assert data["updated_at"] >= made["updated_at"]
    # Its own seat does not count against it when it stays in a full window.
    for i in range(5):
        book(client, body, appointment_date=at(tuesday, "15:00"), parent_phone=f"+44207946020{i}")
    same_window = client.patch(
        f"/appointments/{made['appointment_id']}",
        json={"appointment_date": at(tuesday, "16:45"), "status": "confirmed"},
    )
    assert same_window.status_code == 200, same_window.text
    assert same_window.json()["data"]["status"] == "confirmed"  # a status sent is kept
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
    unchanged = client.get(f"/appointments/{other['appointment_id']}").json()["data"]
    assert unchanged == other


@pytest.mark.parametrize("field", ["branch_id", "appointment_type"])
def test_branch_and_service_are_not_updatable(client: httpx.Client, body: Body, field: str) -> None:
    """The updating page's fields are appointment_date, status, assigned_doctor, notes,
    session and batch; another branch or service is a new booking [ours: refused]."""
    made = book(client, body)
    value = NORTH_BRANCH_ID if field == "branch_id" else VACCINATION_ID
    response = client.patch(f"/appointments/{made['appointment_id']}", json={field: value})
    assert response.status_code == 400
    assert response.json()["error"] == {
        "code": "VALIDATION_ERROR",
        "message": f"{field} cannot be updated; cancel the appointment and book a new one",
    }
    assert client.get(f"/appointments/{made['appointment_id']}").json()["data"] == made


def test_doctor_notes_and_batch_are_updated(client: httpx.Client, body: Body) -> None:
    """The updating page's example: the answer is the record, which has no notes field."""
    made = book(client, body)
    response = client.patch(
        f"/appointments/{made['appointment_id']}",
        json={"assigned_doctor": "Dr. Priya Sharma", "notes": "Patient requested morning slot"},
    )
    assert response.status_code == 200, response.text
    page = vendor_body("update-appointment-200.json")
    assert list(response.json()) == list(page)
    assert list(response.json()["data"]) == list(page["data"])
    data = response.json()["data"]
    assert (data["assigned_doctor"], data["status"]) == ("Dr. Priya Sharma", "confirmed")
    relabelled = client.patch(f"/appointments/{made['appointment_id']}", json={"batch": "MB"})
    assert relabelled.json()["data"]["batch"] == "MB"


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
        ({}, "At least one field is required"),
        ({"colour": "red"}, "At least one field is required"),
        ({"status": "gone"}, "status must be one of confirmed, completed, cancelled"),
        ({"status": "arrived"}, "status must be one of confirmed, completed, cancelled"),
        ({"status": "no_show"}, "status must be one of confirmed, completed, cancelled"),
        ({"status": "rescheduled"}, "status must be one of confirmed, completed, cancelled"),
        ({"status": None}, "status must be a string"),
        ({"appointment_date": 5}, "appointment_date must be a string"),
        ({"appointment_date": "tomorrow"}, "appointment_date must be an ISO 8601 UTC datetime"),
        ({"session": "Night"}, "session must be one of Morning, Afternoon, Evening"),
        ({"assigned_doctor": 3}, "assigned_doctor must be a string"),
        ({"notes": 3}, "notes must be a string"),
        ({"batch": ["MA"]}, "batch must be a string"),
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
    start = datetime.fromisoformat(at(tuesday, "09:30").replace("Z", "+00:00"))
    path = f"/appointments/{made['appointment_id']}"
    sandbox.state.clock = lambda: start - timedelta(hours=1, minutes=59)
    late = client.patch(path, json={"status": "cancelled"})
    assert late.status_code == 409
    assert late.json()["error"]["code"] == "CANCELLATION_TOO_LATE"
    done = client.patch(path, json={"status": "completed", "assigned_doctor": "Dr Okafor"})
    assert done.status_code == 200
    assert (done.json()["data"]["status"], done.json()["data"]["assigned_doctor"]) == (
        "completed",
        "Dr Okafor",
    )
    sandbox.state.clock = lambda: start - timedelta(hours=2)
    cancelled = client.patch(path, json={"status": "cancelled"})
    assert cancelled.status_code == 200 and cancelled.json()["data"]["status"] == "cancelled"
    page = vendor_body("cancel-appointment-200.json")
    assert list(cancelled.json()) == list(page)
    assert list(cancelled.json()["data"]) == list(page["data"])
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
    payload = response.json()
    page = vendor_body("availability-200.json")
    assert list(payload) == list(page) == ["success", "date", "slots"]  # no data, no timezone
    assert payload["date"] == tuesday.isoformat()
    assert all(list(slot) == list(page["slots"][0]) for slot in payload["slots"])
    slots = {(w["branch_id"], w["session"]): w for w in payload["slots"]}
    assert len(slots) == 6
    morning = slots[(MAIN_BRANCH_ID, "Morning")]
    assert {
        k: morning[k]
        for k in (
            "slot_id",
            "calendar_id",
            "day",
            "batch",
            "start_time",
            "end_time",
            "appointment_type",
            "status",
        )
    } == {
        "slot_id": f"w_main_morning_2||{tuesday.isoformat()}",
        "calendar_id": "w_main_morning_2",
        "day": "tuesday",
        "batch": "MA",
        "start_time": "09:00",
        "end_time": "12:00",
        "appointment_type": None,
        "status": "OPEN",
    }
    # every non-cancelled appointment of the window counts; available = ai_slots - filled
    assert (
        morning["max_slots"],
        morning["ai_slots"],
        morning["filled_slots"],
        morning["available_slots"],
    ) == (8, 6, 4, 2)
    assert slots[(MAIN_BRANCH_ID, "Afternoon")]["filled_slots"] == 1
    assert slots[(NORTH_BRANCH_ID, "Morning")]["available_slots"] == 6
    assert slots[(MAIN_BRANCH_ID, "Evening")]["ai_slots"] == 4
    sandbox.state.close_window("w_north_evening_2", tuesday)
    only = client.get(
        "/appointment-slots/availability",
        params={"date": tuesday.isoformat(), "branch_id": NORTH_BRANCH_ID, "session": "evening"},
    ).json()
    assert only == {"success": True, "date": tuesday.isoformat(), "slots": []}  # closed: unlisted


def test_a_full_window_shows_none_available(
    client: httpx.Client, body: Body, tuesday: date
) -> None:
    for i in range(6):
        book(client, body, parent_phone=f"+44207946080{i}")
    slots = client.get(
        "/appointment-slots/availability",
        params={"date": tuesday.isoformat(), "session": "Morning"},
    ).json()["slots"]
    main = next(s for s in slots if s["branch_id"] == MAIN_BRANCH_ID)
    assert (main["filled_slots"], main["available_slots"]) == (6, 0)


def test_availability_on_sunday_and_saturday(client: httpx.Client, weekday: Any) -> None:
    sunday = client.get(
        "/appointment-slots/availability", params={"date": weekday(7).isoformat()}
    ).json()
    assert sunday["slots"] == []  # its Morning windows are closed: not listed
    saturday = client.get(
        "/appointment-slots/availability",
        params={"date": weekday(6).isoformat(), "branch_id": MAIN_BRANCH_ID},
    ).json()
    assert [w["session"] for w in saturday["slots"]] == ["Morning", "Afternoon"]
    north = client.get(
        "/appointment-slots/availability",
        params={"date": weekday(6).isoformat(), "branch_id": NORTH_BRANCH_ID},
    ).json()
    assert [(w["session"], w["appointment_type"]) for w in north["slots"]] == [
        ("Morning", None),
        ("Afternoon", None),
        ("Evening", VACCINATION_ID),
    ]


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
        "service_id": GENERAL_CHECKUP_ID,
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

"""POST /v1/appointments on the HuskyVoice sandbox: the seed example and checks 1-13 in order."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.huskyvoice.clinic import (
    GENERAL_CHECKUP_ID,
    MAIN_BRANCH_ID,
    NORTH_BRANCH_ID,
    OLD_SERVICE_ID,
    VACCINATION_ID,
)
from frontdesk.sandbox.huskyvoice.clinic_file import clinic_from_dict

Body = Callable[..., dict[str, Any]]
VENDOR = Path(__file__).parents[1] / "fixtures" / "vendor" / "huskyvoice"
BAD_DATE = "appointment_date must be an ISO 8601 UTC datetime"
DUPLICATE = "A non-cancelled appointment already exists for this phone number, type and date"
STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")


def refused(response: httpx.Response, status: int, code: str, message: str) -> None:
    assert response.status_code == status, response.text
    payload = response.json()
    assert payload["success"] is False
    assert payload["error"] == {"code": code, "message": message}


def test_the_seed_example_is_accepted_with_its_date_moved(
    client: httpx.Client, tuesday: date
) -> None:
    seed = {
        "appointment_type": "General Checkup",
        "appointment_date": f"{tuesday.isoformat()}T09:30:00.000Z",
        "patient_name": "Aadhi",
        "parent_phone": "+919840XXXXXX",
        "session": "Morning",
        "branch_id": "branch_uuid_here",
    }
    response = client.post("/appointments", json=seed)
    assert response.status_code == 201, response.text
    payload = response.json()
    page = json.loads((VENDOR / "create-appointment-201.json").read_text())["body"]
    assert list(payload) == list(page) == ["success", "appointment_id", "token", "data"]
    assert list(payload["data"]) == list(page["data"])  # the page's 14 fields, no instant
    assert payload["success"] is True and payload["token"] is None
    data = payload["data"]
    assert re.fullmatch(r"appt_[0-9a-f]{10}", payload["appointment_id"])
    assert data["appointment_id"] == payload["appointment_id"]
    expected = {
        "appointment_type": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
        "branch_id": "branch_uuid_here",
        "date": tuesday.isoformat(),
        "session": "Morning",
        "batch": "MA",
        "token": None,
        "patient_name": "Aadhi",
        "parent_phone": "+919840XXXXXX",
        "assigned_doctor": None,
        "status": "confirmed",
        "external_reference_id": None,
    }
    assert {k: data[k] for k in expected} == expected
    assert STAMP.match(data["created_at"]) and data["created_at"] == data["updated_at"]


@dataclass(frozen=True)
class Raw:
    """A body sent as is, not as overrides of a valid one."""

    value: Any


BAD_BODIES: list[tuple[str, Any, str]] = [
    ("a list", Raw([]), "Request body must be a JSON object"),
    ("a string", Raw("hello"), "Request body must be a JSON object"),
    ("null", Raw(None), "Request body must be a JSON object"),
    ("empty object", Raw({}), "appointment_type is required"),
    ("null type", {"appointment_type": None}, "appointment_type is required"),
    ("blank type", {"appointment_type": "  "}, "appointment_type is required"),
    ("no date", {"appointment_date": ...}, "appointment_date is required"),
    ("numeric name", {"patient_name": 7}, "patient_name is required"),
    ("blank phone", {"parent_phone": ""}, "parent_phone is required"),
    ("required first", {"patient_name": ..., "branch_id": 5}, "patient_name is required"),
    ("branch type", {"branch_id": 5}, "branch_id must be a string"),
    ("session type", {"session": ["Morning"]}, "session must be a string"),
    ("batch type", {"batch": 1}, "batch must be a string"),
    ("doctor type", {"assigned_doctor": True}, "assigned_doctor must be a string"),
    ("ref type", {"external_reference_id": 12}, "external_reference_id must be a string"),
    (
        "types before date",
        {"appointment_date": "soon", "batch": 1},
        "batch must be a string",
    ),
    ("slashes", {"appointment_date": "15/06/2027 09:30"}, BAD_DATE),
    ("month 13", {"appointment_date": "2027-13-01T09:30:00Z"}, BAD_DATE),
    ("space", {"appointment_date": "2027-06-15 09:30:00Z"}, BAD_DATE),
    ("no minutes", {"appointment_date": "2027-06-15T09Z"}, BAD_DATE),
    ("date before session", {"appointment_date": "nope", "session": "Night"}, BAD_DATE),
    ("session", {"session": "Night"}, "session must be one of Morning, Afternoon, Evening"),
    (
        "session before branch",
        {"session": "Night", "branch_id": ...},
        "session must be one of Morning, Afternoon, Evening",
    ),
    (
        "branch missing",
        {"branch_id": ...},
        "branch_id is required when the organization has more than one branch",
    ),
    (
        "branch blank",
        {"branch_id": " "},
        "branch_id is required when the organization has more than one branch",
    ),
    ("branch unknown", {"branch_id": "branch_south"}, "branch_id does not match any branch"),
    (
        "branch before past",
        {"branch_id": ..., "appointment_date": "2020-01-07T09:30:00Z"},
        "branch_id is required when the organization has more than one branch",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("overrides", "message"), [(o, m) for _, o, m in BAD_BODIES], ids=[i for i, _, _ in BAD_BODIES]
)
def test_validation_errors_come_in_the_documented_order(
    client: httpx.Client, body: Body, overrides: Any, message: str
) -> None:
    payload = overrides.value if isinstance(overrides, Raw) else body(**overrides)
    refused(client.post("/appointments", json=payload), 400, "VALIDATION_ERROR", message)


def test_a_body_that_is_not_json_is_refused(client: httpx.Client) -> None:
    response = client.post(
        "/appointments", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    refused(response, 400, "VALIDATION_ERROR", "Request body must be a JSON object")


def test_past_appointments_are_refused_before_the_type(client: httpx.Client, body: Body) -> None:
    response = client.post(
        "/appointments",
        json=body(appointment_date="2020-01-07T09:30:00Z", appointment_type="Massage"),
    )
    refused(response, 400, "PAST_APPOINTMENT", "appointment_date must be in the future")


@pytest.mark.parametrize(
    "given", ["Massage", OLD_SERVICE_ID, "Old Service", GENERAL_CHECKUP_ID.upper()]
)
def test_unknown_or_inactive_types_are_refused(
    client: httpx.Client, body: Body, given: str
) -> None:
    response = client.post(
        "/appointments", json=body(appointment_type=given, appointment_date="2099-01-01T03:00:00Z")
    )
    refused(
        response,
        422,
        "INVALID_APPOINTMENT_TYPE",
        "appointment_type does not match any configured service",
    )


def test_type_names_resolve_case_insensitively(client: httpx.Client, body: Body) -> None:
    response = client.post("/appointments", json=body(appointment_type="  general CHECKUP "))
    assert response.status_code == 201, response.text
    assert response.json()["data"]["appointment_type"] == GENERAL_CHECKUP_ID


@pytest.mark.parametrize(
    ("when", "session"),
    [("07:30", None), ("12:00", None), ("09:30", "Afternoon"), ("20:00", None)],
)
def test_outside_every_window(
    client: httpx.Client, body: Body, at: Any, tuesday: date, when: str, session: str | None
) -> None:
    response = client.post(
        "/appointments", json=body(appointment_date=at(tuesday, when), session=session)
    )
    refused(
        response,
        422,
        "OUTSIDE_AVAILABILITY",
        "appointment_date does not fall within any configured calendar window",
    )


def test_a_date_only_value_means_utc_midnight(
    client: httpx.Client, body: Body, tuesday: date
) -> None:
    response = client.post("/appointments", json=body(appointment_date=tuesday.isoformat()))
    assert response.json()["error"]["code"] == "OUTSIDE_AVAILABILITY"


def test_offsets_and_session_case_are_accepted(
    client: httpx.Client, body: Body, at: Any, tuesday: date
) -> None:
    instant = at(tuesday, "15:00")
    hour = int(instant[11:13])
    with_offset = f"{tuesday.isoformat()}T{hour + 2:02d}:00:00+02:00"
    response = client.post(
        "/appointments", json=body(appointment_date=with_offset, session="afternoon")
    )
    assert response.status_code == 201, response.text
    data = response.json()["data"]
    assert (data["date"], data["session"], data["batch"]) == (
        tuesday.isoformat(),
        "Afternoon",
        "AA",
    )


def test_summer_time_moves_the_window(client: httpx.Client, body: Body) -> None:
    year = date.today().year + 1
    july = next(date(year, 7, d) for d in range(1, 8) if date(year, 7, d).isoweekday() == 2)
    january = next(date(year, 1, d) for d in range(1, 8) if date(year, 1, d).isoweekday() == 2)
    summer = client.post("/appointments", json=body(appointment_date=f"{july}T08:30:00Z"))
    assert summer.status_code == 201, summer.text
    assert (summer.json()["data"]["session"], summer.json()["data"]["date"]) == (
        "Morning",
        july.isoformat(),
    )
    winter = client.post("/appointments", json=body(appointment_date=f"{january}T08:30:00Z"))
    assert winter.json()["error"]["code"] == "OUTSIDE_AVAILABILITY"


def test_sunday_morning_is_closed(client: httpx.Client, body: Body, at: Any, weekday: Any) -> None:
    sunday = weekday(7)
    response = client.post("/appointments", json=body(appointment_date=at(sunday, "10:00")))
    refused(response, 409, "SLOT_INACTIVE", "The calendar window is closed")


def test_a_window_closed_on_one_date(
    client: httpx.Client, sandbox: SandboxServer, body: Body, at: Any, tuesday: date
) -> None:
    sandbox.state.close_window("w_main_morning_2", tuesday)
    refused(
        client.post("/appointments", json=body()),
        409,
        "SLOT_INACTIVE",
        "The calendar window is closed",
    )
    north = client.post("/appointments", json=body(branch_id=NORTH_BRANCH_ID))
    assert north.status_code == 201, north.text
    later = client.post(
        "/appointments", json=body(appointment_date=at(tuesday + timedelta(days=7), "09:30"))
    )
    assert later.status_code == 201, later.text


def _fill(client: httpx.Client, body: Body, n: int, **overrides: Any) -> list[str]:
    ids = []
    for i in range(n):
        response = client.post(
            "/appointments", json=body(parent_phone=f"+442079460{i:03d}", **overrides)
        )
        assert response.status_code == 201, response.text
        ids.append(response.json()["appointment_id"])
    return ids


def test_capacity_is_the_windows_ai_slots_whatever_the_service(
    client: httpx.Client, body: Body, at: Any, tuesday: date
) -> None:
    """available_slots = ai_slots - filled_slots (availability page): the Morning window takes
    six through the API (its max_slots, eight, is not what the API may fill). Every service
    counts against it [ours: refuses whenever either reading of "each service type is counted
    independently" would]."""
    ids = _fill(client, body, 6)
    full = client.post(
        "/appointments",
        json=body(parent_phone="+442079460999", appointment_date=at(tuesday, "11:55")),
    )
    refused(full, 409, "SLOT_FULL", "No remaining capacity in this window")
    other_service = client.post(
        "/appointments", json=body(parent_phone="+442079460999", appointment_type=VACCINATION_ID)
    )
    refused(other_service, 409, "SLOT_FULL", "No remaining capacity in this window")
    other_branch = client.post(
        "/appointments", json=body(parent_phone="+442079460999", branch_id=NORTH_BRANCH_ID)
    )
    assert other_branch.status_code == 201
    cancelled = client.patch(f"/appointments/{ids[0]}", json={"status": "cancelled"})
    assert cancelled.status_code == 200, cancelled.text
    assert client.post("/appointments", json=body(parent_phone="+442079460998")).status_code == 201


def test_evening_holds_four(client: httpx.Client, body: Body, at: Any, tuesday: date) -> None:
    _fill(client, body, 4, appointment_date=at(tuesday, "18:15"))
    response = client.post("/appointments", json=body(appointment_date=at(tuesday, "19:59")))
    assert response.json()["error"]["code"] == "SLOT_FULL"


def test_a_window_restricted_to_one_service_takes_no_other(
    client: httpx.Client, body: Body, at: Any, weekday: Any
) -> None:
    """A calendar window "can optionally be restricted to a specific service type" (overview
    page): North Branch's Saturday evening takes vaccinations only."""
    saturday = weekday(6)
    evening = body(branch_id=NORTH_BRANCH_ID, appointment_date=at(saturday, "18:30"))
    refused(
        client.post("/appointments", json=evening),
        422,
        "OUTSIDE_AVAILABILITY",
        "appointment_date does not fall within any configured calendar window",
    )
    vaccination = client.post("/appointments", json={**evening, "appointment_type": "Vaccination"})
    assert vaccination.status_code == 201, vaccination.text
    assert (vaccination.json()["data"]["session"], vaccination.json()["data"]["batch"]) == (
        "Evening",
        "VE",
    )


def test_duplicates_by_phone_type_and_local_date(
    client: httpx.Client, body: Body, at: Any, tuesday: date
) -> None:
    first = client.post("/appointments", json=body()).json()["appointment_id"]
    again = client.post(
        "/appointments",
        json=body(
            parent_phone="+44 20-7946-0 123",
            appointment_date=at(tuesday, "15:00"),
            branch_id=NORTH_BRANCH_ID,
        ),
    )
    assert again.status_code == 409
    assert again.json() == {
        "success": False,
        "error": {
            "code": "DUPLICATE_BOOKING",
            "message": DUPLICATE,
        },
        "existing_appointment_id": first,
    }
    no_plus = client.post(
        "/appointments",
        json=body(parent_phone="442079460123", appointment_date=at(tuesday, "15:00")),
    )
    assert no_plus.status_code == 201
    other_type = client.post("/appointments", json=body(appointment_type=VACCINATION_ID))
    assert other_type.status_code == 201
    next_day = client.post(
        "/appointments", json=body(appointment_date=at(tuesday + timedelta(days=1), "09:30"))
    )
    assert next_day.status_code == 201
    assert client.patch(f"/appointments/{first}", json={"status": "cancelled"}).status_code == 200
    assert (
        client.post("/appointments", json=body(appointment_date=at(tuesday, "15:00"))).status_code
        == 201
    )


def test_capacity_is_checked_before_duplicates(client: httpx.Client, body: Body) -> None:
    _fill(client, body, 6)
    response = client.post("/appointments", json=body(parent_phone="+442079460000"))
    assert response.json()["error"]["code"] == "SLOT_FULL"


def test_idempotent_replay(client: httpx.Client, sandbox: SandboxServer, body: Body) -> None:
    first = client.post("/appointments", json=body(external_reference_id="desk-1"))
    assert first.status_code == 201
    # The replay answers before the time or the type are looked at, and writes nothing.
    replay = client.post(
        "/appointments",
        json=body(
            external_reference_id="desk-1",
            appointment_date="2020-01-01T00:00:00Z",
            appointment_type="?",
        ),
    )
    assert replay.status_code == 200
    payload = replay.json()
    assert list(payload) == ["success", "idempotent", "appointment_id", "token", "data"]
    assert payload["idempotent"] is True
    assert payload["data"] == first.json()["data"]
    assert len(sandbox.state.appointments()) == 1
    # Still validated up to the branch.
    bad = client.post("/appointments", json=body(external_reference_id="desk-1", branch_id=...))
    assert bad.json()["error"]["code"] == "VALIDATION_ERROR"
    # A cancelled booking no longer answers for its reference.
    appointment_id = first.json()["appointment_id"]
    client.patch(f"/appointments/{appointment_id}", json={"status": "cancelled"})
    fresh = client.post("/appointments", json=body(external_reference_id="desk-1"))
    assert fresh.status_code == 201
    assert fresh.json()["appointment_id"] != appointment_id


@pytest.fixture(scope="module")
def lenient() -> Iterator[SandboxServer]:
    """One branch, duplicate prevention off."""
    clinic = clinic_from_dict(
        {
            "duplicate_prevention": False,
            "branches": [{"id": "branch_only", "name": "Only Branch"}],
            "windows": [
                {
                    "branch_id": "branch_only",
                    "weekdays": [1, 2, 3, 4, 5],
                    "session": "Morning",
                    "batch": "MA",
                    "start_time": "09:00",
                    "end_time": "12:00",
                    "max_slots": 3,
                    "ai_slots": 2,
                }
            ],
        }
    )
    with SandboxServer(rate_limit=0, clinic=clinic) as server:
        yield server


def test_one_branch_is_used_when_none_is_given_and_duplicates_may_be_allowed(
    lenient: SandboxServer, body: Body
) -> None:
    headers = {"Authorization": f"Bearer {lenient.api_key}"}
    with httpx.Client(base_url=lenient.base_url, headers=headers) as http:
        first = http.post("/appointments", json=body(branch_id=...))
        assert first.status_code == 201, first.text
        assert first.json()["data"]["branch_id"] == "branch_only"
        second = http.post("/appointments", json=body(branch_id=None))
        assert second.status_code == 201, second.text
        unknown = http.post("/appointments", json=body(branch_id=MAIN_BRANCH_ID))
        assert unknown.json()["error"]["message"] == "branch_id does not match any branch"
        config = http.get("/appointment-config").json()["data"]
        assert config["duplicate_prevention"] is False
        assert config["branches"] == [{"id": "branch_only", "name": "Only Branch"}]

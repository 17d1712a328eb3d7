"""The VantaX sandbox over real HTTP: the vendor's contract as docs/providers.md (VantaX) reads
it: the documented envelopes and records, keys bound to one sub-account, the agency list only
for an agency key, lists newest-first (appointments, contacts) or by name (calendars)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.server import ProviderServer
from frontdesk.sandbox.vantax.clinic import AGENCY_KEY, DEFAULT_KEY, OTHER_KEY
from frontdesk.sandbox.vantax.state import VantaxState

Body = Callable[..., dict[str, Any]]
WHEN = (datetime.now(UTC) + timedelta(days=30)).strftime("%Y-%m-%dT15:00:00Z")
SUB = "sub_8a1f4c2e"
OWN = {"sub_account_id": SUB}
RECORD_FIELDS = {
    "id",
    "contact_id",
    "calendar_id",
    "agent_id",
    "title",
    "description",
    "appointment_date",
    "duration",
    "status",
    "location",
    "created_at",
}


@pytest.fixture(scope="module")
def vx() -> Iterator[ProviderServer]:
    with SandboxServer(rate_limit=0, providers=("vantax",)) as server:
        yield server.provider("vantax")


@pytest.fixture
def state(vx: ProviderServer) -> Iterator[VantaxState]:
    st = vx.build.state
    assert isinstance(st, VantaxState)
    st.reset()
    yield st
    st.reset()


@pytest.fixture
def http(vx: ProviderServer, state: VantaxState) -> Iterator[httpx.Client]:
    headers = {"Authorization": f"Bearer {DEFAULT_KEY}"}
    with httpx.Client(base_url=vx.base_url + "/", headers=headers, timeout=5.0) as client:
        yield client


@pytest.fixture
def body() -> Body:
    def make(**changes: Any) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "contact_id": "ct_4f8a21",
            "calendar_id": "cal_22f9",
            "title": "Dental cleaning consultation",
            "appointment_date": WHEN,
            "duration": 30,
            "location": "Downtown Clinic, Suite 200",
            "sub_account_id": "sub_8a1f4c2e",
        }
        payload.update(changes)
        return {k: v for k, v in payload.items() if v is not ...}

    return make


def test_seed_example_answers_as_documented(http: httpx.Client, body: Body) -> None:
    answer = http.post("appointments", json=body())
    assert answer.status_code == 201
    payload = answer.json()
    assert payload["success"] is True
    assert payload["message"] == "Appointment created successfully"
    data = payload["data"]
    assert set(data) == RECORD_FIELDS  # the create example's fields, no more
    assert data["id"].startswith("appt_")
    assert {k: data[k] for k in ("contact_id", "calendar_id", "agent_id", "title")} == {
        "contact_id": "ct_4f8a21",
        "calendar_id": "cal_22f9",
        "agent_id": "agt_3d9b21",
        "title": "Dental cleaning consultation",
    }
    assert data["description"] is None and data["status"] == "confirmed"
    assert data["appointment_date"] == WHEN and data["duration"] == 30
    assert data["location"] == "Downtown Clinic, Suite 200"
    assert data["created_at"].endswith("Z")


@pytest.mark.parametrize(
    ("headers", "status", "message"),
    [
        (
            {"Authorization": f"Bearer {DEFAULT_KEY}", "x-api-key": DEFAULT_KEY},
            400,
            "Send the API key in Authorization or x-api-key, not both",
        ),
        ({}, 401, "Missing API key"),
        (
            {"Authorization": f"Basic {DEFAULT_KEY}"},
            401,
            "Authorization header must be Bearer <API key>",
        ),
        ({"Authorization": "Bearer vx_live_nope"}, 401, "Invalid API key"),
        ({"x-api-key": "vx_live_nope"}, 401, "Invalid API key"),
    ],
)
def test_auth_refusals(
    vx: ProviderServer, state: VantaxState, headers: dict[str, str], status: int, message: str
) -> None:
    answer = httpx.get(vx.base_url + "/calendars", params=OWN, headers=headers)
    assert answer.status_code == status
    assert answer.json() == {"success": False, "message": message}  # the documented envelope


def test_x_api_key_alone_works_and_the_two_scopes_are_kept_apart(
    vx: ProviderServer, state: VantaxState, body: Body
) -> None:
    ok = httpx.get(vx.base_url + "/calendars", params=OWN, headers={"x-api-key": DEFAULT_KEY})
    assert ok.status_code == 200 and ok.json()["pagination"]["total"] == 3  # its own only
    agency = {"Authorization": f"Bearer {AGENCY_KEY}"}
    refused = httpx.post(vx.base_url + "/appointments", json=body(), headers=agency)
    assert refused.status_code == 403
    assert refused.json() == {
        "success": False,
        "message": "This endpoint needs a sub-account API key, not an agency key",
    }
    listed = httpx.get(vx.base_url + "/agency/sub-accounts", headers=agency)
    assert listed.status_code == 200
    assert [s["id"] for s in listed.json()["data"]] == ["sub_8a1f4c2e", "sub_5c03b7d1"]
    own = httpx.get(vx.base_url + "/agency/sub-accounts", headers={"x-api-key": DEFAULT_KEY})
    assert (own.status_code, own.json()["message"]) == (
        403,
        "This endpoint needs an agency API key, not a sub-account key",
    )
    assert httpx.get(vx.base_url + "/sub-accounts", headers=agency).status_code == 404


def test_unknown_path_and_method(http: httpx.Client) -> None:
    assert http.get("nowhere").json() == {"success": False, "message": "Not found"}
    assert http.put("appointments").status_code == 405


def test_content_type_and_body(http: httpx.Client) -> None:
    wrong = http.post("appointments", content=b"{}", headers={"Content-Type": "text/plain"})
    assert (wrong.status_code, wrong.json()["message"]) == (
        400,
        "Content-Type must be application/json",
    )
    for raw in (b"not json", b"[1]", b'"text"'):
        answer = http.post(
            "appointments", content=raw, headers={"Content-Type": "application/json"}
        )
        assert answer.status_code == 400
        assert answer.json() == {"success": False, "message": "Request body must be a JSON object"}


def test_every_failing_field_is_listed(http: httpx.Client) -> None:
    answer = http.post(
        "appointments",
        json={"title": 5, "appointment_date": "2027-06-09T15:00:00+02:00", "duration": "481"},
    )
    assert answer.status_code == 422
    payload = answer.json()
    assert set(payload) == {"success", "message", "errors"}
    assert [e["field"] for e in payload["errors"]] == [
        "contact_id",
        "title",
        "appointment_date",
        "sub_account_id",
        "duration",
    ]
    assert payload["message"] == "Validation failed: " + "; ".join(
        e["message"] for e in payload["errors"]
    )


def test_no_invented_limits(http: httpx.Client, body: Body) -> None:
    """No duration range and no text lengths on the vendor's pages: none here."""
    long = body(duration=481, title="t" * 300, description="d" * 6000, location="l" * 300)
    assert http.post("appointments", json=long).status_code == 201
    assert http.post("appointments", json=body(duration=4)).status_code == 201


def test_duration_defaults(http: httpx.Client, body: Body) -> None:
    slot = http.post("appointments", json=body(duration=..., calendar_id="cal_5b7d")).json()
    assert slot["data"]["duration"] == 45
    plain = http.post("appointments", json=body(duration=..., calendar_id=...)).json()
    assert plain["data"]["duration"] == 30 and plain["data"]["agent_id"] is None


def test_status_enum_and_default(http: httpx.Client, body: Body) -> None:
    for status in ("scheduled", "confirmed", "completed", "cancelled", "no_show"):
        assert (
            http.post("appointments", json=body(status=status)).json()["data"]["status"] == status
        )
    assert http.post("appointments", json=body(status="pending")).status_code == 422


def test_not_found_and_conflict(http: httpx.Client, body: Body) -> None:
    def refusal(**changes: Any) -> tuple[int, str, str]:
        payload = http.post("appointments", json=body(**changes))
        assert set(payload.json()) == {"success", "message"}
        return payload.status_code, payload.json()["message"]

    assert refusal(sub_account_id="sub_x", contact_id="ct_x") == (
        404,
        "Sub-account sub_x not found",
    )
    # the agency's other sub-account: the key acts on its own only
    assert refusal(sub_account_id="sub_5c03b7d1") == (404, "Sub-account sub_5c03b7d1 not found")
    assert refusal(contact_id="ct_x") == (404, "Contact ct_x not found")
    assert refusal(contact_id="ct_9b3e77") == (404, "Contact ct_9b3e77 not found")
    assert refusal(calendar_id="cal_7a10") == (404, "Calendar cal_7a10 not found")
    assert refusal(calendar_id="cal_0c4e") == (
        409,
        "Calendar cal_0c4e is inactive and does not accept appointments",
    )


def test_a_key_sees_only_its_own_sub_account(
    vx: ProviderServer, http: httpx.Client, body: Body
) -> None:
    made = http.post("appointments", json=body()).json()["data"]
    uptown = httpx.Client(
        base_url=vx.base_url + "/", headers={"Authorization": f"Bearer {OTHER_KEY}"}
    )
    with uptown:
        assert uptown.get(f"appointments/{made['id']}").status_code == 404
        moved = uptown.patch(f"appointments/{made['id']}", json={"status": "cancelled"})
        assert moved.status_code == 404
        listed = uptown.get("appointments", params={"sub_account_id": "sub_5c03b7d1"}).json()
        assert listed["data"] == []
        assert uptown.get("appointments", params=OWN).json() == {
            "success": False,
            "message": "Sub-account sub_8a1f4c2e not found",
        }
        assert uptown.get("calendars/cal_22f9").status_code == 404
        theirs = uptown.get("contacts", params={"sub_account_id": "sub_5c03b7d1"}).json()
        assert [c["id"] for c in theirs["data"]] == ["ct_9b3e77"]


def test_idempotency_key(http: httpx.Client, body: Body, state: VantaxState) -> None:
    first = http.post("appointments", json=body(), headers={"Idempotency-Key": "op-1"})
    again = http.post("appointments", json=body(), headers={"Idempotency-Key": "op-1"})
    assert again.status_code == 201 and again.json() == first.json()
    assert again.headers["Idempotent-Replayed"] == "true"
    other = http.post("appointments", json=body(duration=45), headers={"Idempotency-Key": "op-1"})
    assert other.status_code == 422
    assert other.json()["errors"] == [
        {
            "field": "Idempotency-Key",
            "message": "Idempotency-Key was already used with a different request body",
        }
    ]
    assert len(state.appointments()) == 1
    # a refused request leaves no key behind
    refused = http.post(
        "appointments", json=body(calendar_id="cal_0c4e"), headers={"Idempotency-Key": "op-2"}
    )
    assert refused.status_code == 409
    assert (
        http.post("appointments", json=body(), headers={"Idempotency-Key": "op-2"}).status_code
        == 201
    )
    bad = http.post("appointments", json=body(), headers={"Idempotency-Key": "x" * 256})
    assert bad.status_code == 400


def test_keys_expire_after_24_hours(http: httpx.Client, body: Body, state: VantaxState) -> None:
    http.post("appointments", json=body(), headers={"Idempotency-Key": "op-3"})
    real = state.clock
    state.clock = lambda: real() + timedelta(hours=24, seconds=1)
    try:
        again = http.post("appointments", json=body(), headers={"Idempotency-Key": "op-3"})
    finally:
        state.clock = real
    assert "Idempotent-Replayed" not in again.headers
    assert len(state.appointments()) == 2


def test_patch_reschedule_cancel_and_revive(http: httpx.Client, body: Body) -> None:
    made = http.post("appointments", json=body()).json()["data"]
    later = (datetime.now(UTC) + timedelta(days=31)).strftime("%Y-%m-%dT16:30:00Z")
    moved = http.patch(f"appointments/{made['id']}", json={"appointment_date": later})
    assert moved.status_code == 200 and moved.json()["data"]["appointment_date"] == later
    assert moved.json()["message"] == "Appointment updated successfully"
    cancelled = http.patch(f"appointments/{made['id']}", json={"status": "cancelled"})
    assert cancelled.json()["data"]["status"] == "cancelled"
    revived = http.patch(f"appointments/{made['id']}", json={"status": "confirmed"})
    assert revived.json()["data"]["status"] == "confirmed"
    bad = http.patch(f"appointments/{made['id']}", json={"appointment_date": None, "status": "x"})
    assert [e["field"] for e in bad.json()["errors"]] == ["appointment_date", "status"]
    inactive = http.patch(f"appointments/{made['id']}", json={"calendar_id": "cal_0c4e"})
    assert inactive.status_code == 409
    missing = http.patch("appointments/appt_none", json={"status": "cancelled"})
    assert (missing.status_code, missing.json()["message"]) == (
        404,
        "Appointment appt_none not found",
    )
    assert set(moved.json()["data"]) == RECORD_FIELDS | {"updated_at"}  # the update example
    assert http.get(f"appointments/{made['id']}").json()["data"]["appointment_date"] == later
    assert http.delete(f"appointments/{made['id']}").json() == {
        "success": True,
        "message": "Appointment deleted successfully",
    }
    assert http.get(f"appointments/{made['id']}").status_code == 404


def test_pagination_and_filters(http: httpx.Client, body: Body) -> None:
    made = []
    for hour in range(10, 15):
        stamp = WHEN.replace("T15", f"T{hour}")
        made.append(http.post("appointments", json=body(appointment_date=stamp)).json()["data"])
    first = http.get("appointments", params={**OWN, "limit": 2}).json()
    assert first["pagination"] == {
        "total": 5,
        "limit": 2,
        "has_more": True,
        "next_cursor": first["data"][-1]["id"],
    }
    newest_first = [a["id"] for a in reversed(made)]
    assert [a["id"] for a in first["data"]] == newest_first[:2]
    rest = http.get("appointments", params={**OWN, "limit": 100, "starting_after": newest_first[1]})
    assert rest.json()["pagination"]["has_more"] is False
    assert "next_cursor" not in rest.json()["pagination"]
    assert [a["id"] for a in rest.json()["data"]] == newest_first[2:]
    day = WHEN[:10]
    window = http.get(
        "appointments",
        params={**OWN, "start_date": f"{day}T11:00:00Z", "end_date": f"{day}T13:00:00Z"},
    ).json()
    assert window["pagination"]["total"] == 3  # both bounds inclusive: 11, 12 and 13 o'clock
    clamped = http.get("appointments", params={**OWN, "limit": 101}).json()
    assert clamped["pagination"]["limit"] == 100  # "Values above the maximum are clamped"
    by_agent = http.get("appointments", params={**OWN, "agent_id": "agt_3d9b21"}).json()
    assert by_agent["pagination"]["total"] == 5
    assert http.get("appointments", params={**OWN, "agent_id": "agt_x"}).json()["data"] == []
    for params in (
        {"limit": 0},
        {"starting_after": "appt_none"},
        {"status": "x"},
        {"start_date": day},  # a timestamp, not a date
    ):
        assert http.get("appointments", params={**OWN, **params}).status_code == 422
    missing = http.get("appointments").json()
    assert missing["errors"] == [
        {"field": "sub_account_id", "message": "sub_account_id is required"}
    ]
    calendars = http.get("calendars", params=OWN).json()["data"]
    assert [c["name"] for c in calendars] == [
        "Dental cleaning",
        "New patient consultation",
        "Teeth whitening",
    ]
    assert set(calendars[0]) == {
        "id",
        "name",
        "description",
        "color",
        "is_active",
        "slot_duration_minutes",
        "sub_account_id",
        "created_at",
    }
    inactive = http.get("calendars", params={**OWN, "is_active": "false"}).json()["data"]
    assert [c["id"] for c in inactive] == ["cal_0c4e"]
    assert http.get("calendars/cal_22f9").json()["data"]["slot_duration_minutes"] == 30
    assert http.get("calendars/cal_x").status_code == 404


def test_contacts(http: httpx.Client) -> None:
    good = {
        "first_name": "Amelia",
        "last_name": "Hart",
        "email": "amelia@example.com",
        "phone": "+12125550100",
        "sub_account_id": "sub_8a1f4c2e",
    }
    made = http.post("contacts", json=good)
    assert made.status_code == 201 and made.json()["message"] == "Contact created successfully"
    data = made.json()["data"]
    assert data["id"].startswith("ct_") and "sub_account_id" not in data
    assert set(data) == {
        "id",
        "first_name",
        "last_name",
        "email",
        "phone",
        "status",
        "address",
        "lead_source",
        "tags",
        "created_at",
    }
    assert data["status"] == "active"
    found = http.get("contacts", params={**OWN, "search": "+12125550100"}).json()["data"]
    assert [c["id"] for c in found] == [data["id"]]
    assert len(http.get("contacts", params={**OWN, "search": "HART"}).json()["data"]) == 1
    listed = http.get("contacts", params=OWN).json()["data"]
    assert [c["id"] for c in listed] == [data["id"], "ct_4f8a21"]  # newest first
    gone = http.post("contacts", json={**good, "phone": "+12125550111", "status": "deactivated"})
    active = http.get("contacts", params={**OWN, "status": "active"}).json()["data"]
    assert gone.json()["data"]["id"] not in [c["id"] for c in active]
    assert http.get(f"contacts/{data['id']}").status_code == 404  # no Get Contact page
    tagged = http.post("contacts", json={**good, "tags": ["vip"]})
    assert tagged.status_code == 422  # "Tags must already exist": the sandbox has none
    bad = http.post("contacts", json={**good, "phone": "212-555-0100", "email": "x"})
    assert [e["field"] for e in bad.json()["errors"]] == ["email", "phone"]
    missing = http.post("contacts", json={**good, "sub_account_id": "sub_x"})
    assert missing.status_code == 404


def test_rate_limit() -> None:
    with SandboxServer(rate_limit=2, providers=("vantax",)) as server:  # VantaX: 2 x 2 = 4
        vx = server.provider("vantax")
        headers = {"Authorization": f"Bearer {DEFAULT_KEY}"}
        with httpx.Client(base_url=vx.base_url + "/", headers=headers) as http:
            answers = [http.get("calendars", params=OWN) for _ in range(5)]
        assert [a.status_code for a in answers] == [200, 200, 200, 200, 429]
        assert answers[0].headers["X-RateLimit-Limit"] == "4"
        assert answers[0].headers["X-RateLimit-Remaining"] == "3"
        assert int(answers[-1].headers["Retry-After"]) >= 1
        assert answers[-1].json() == {
            "success": False,
            "message": "Rate limit exceeded: 4 requests per minute",
        }


def test_dropped_answer_is_committed_and_replayed(
    vx: ProviderServer, http: httpx.Client, body: Body, state: VantaxState
) -> None:
    state.faults.drop_next_answers(1)
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        http.post("appointments", json=body(), headers={"Idempotency-Key": "op-9"})
    assert len(state.appointments()) == 1
    retry = http.post("appointments", json=body(), headers={"Idempotency-Key": "op-9"})
    assert retry.status_code == 201 and retry.json()["data"]["id"] == state.appointments()[0]["id"]
    dump = httpx.get(vx.root_url + "/__sandbox__/appointments").json()["data"]
    assert len(dump) == 1


def test_python_create_for_tests(state: VantaxState, body: Body) -> None:
    answer = state.create(body())
    assert answer.status == 201
    assert state.appointments()[0]["id"] == answer.body["data"]["id"]

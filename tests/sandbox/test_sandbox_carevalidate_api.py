"""The CareValidate sandbox against docs/providers.md ("CareValidate"): the seed's example, the
key, the documented envelopes and shapes, every book check, cancel, the list and provider
availability (both documented paths), the rate limit and the fault hook. No available-times
endpoint: CareValidate documents none."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.carevalidate.clinic import (
    DEFAULT_API_KEY,
    FOLLOW_UP_ID,
    LEGACY_ID,
    TELEHEALTH_ID,
    WEIGHT_INTAKE_ID,
)
from frontdesk.sandbox.carevalidate.state import CareValidateState, scaled_limit

LA = ZoneInfo("America/Los_Angeles")
BOOK = "/api/v1/calendar/appointments"
CANCEL = "/api/v1/calendar/appointments/cancel"
STAGING_LINKS = "/api/v1/calendar/provider-availability"
LINKS = "/api/v1/provider-availability"  # the production page's path
SCHEDULED = {"status": 200, "success": True, "message": "Meeting scheduled successfully"}
ITEM_KEYS = {
    "id", "createdAt", "updatedAt", "title", "start", "end", "topic", "description", "color",
    "isEditable", "agentEventId", "agentName", "status", "isDeleted", "meetingDetails", "case",
}  # fmt: skip


@pytest.fixture(scope="module")
def cv() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0, providers=("carevalidate",)) as server:
        yield server


@pytest.fixture
def state(cv: SandboxServer) -> Iterator[CareValidateState]:
    found = cv.provider("carevalidate").build.state
    assert isinstance(found, CareValidateState)
    clock = found.clock
    found.reset()
    yield found
    found.clock = clock
    found.reset()


@pytest.fixture
def http(cv: SandboxServer, state: CareValidateState) -> Iterator[httpx.Client]:
    base = cv.provider("carevalidate").base_url
    with httpx.Client(base_url=base, headers={"cv-api-key": DEFAULT_API_KEY}, timeout=5) as c:
        yield c


def seed_example(day: date) -> dict[str, Any]:
    """The seed's request, date moved to `day` (04:30Z: 20:30/21:30 the evening before in LA)."""
    return {
        "eventTypeId": TELEHEALTH_ID,
        "startTime": f"{day.isoformat()}T04:30:00Z",
        "email": "invitee@example.com",
        "firstName": "John",
        "lastName": "Doe",
        "timezone": "Asia/Kolkata",
        "location": "google_conference",
        "tracking": {
            "utmCampaign": None,
            "utmSource": None,
            "utmMedium": None,
            "utmContent": None,
            "utmTerm": None,
            "salesforceUuid": None,
        },
    }


def la(day: date, hh: int, mm: int = 0) -> str:
    instant = datetime.combine(day, time(hh, mm), tzinfo=LA).astimezone(UTC)
    return instant.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def weekday(iso: int, ahead: int = 7) -> date:
    day = date.today() + timedelta(days=ahead)
    while day.isoweekday() != iso:
        day += timedelta(days=1)
    return day


@pytest.fixture
def body() -> Callable[..., dict[str, Any]]:
    def make(**changes: Any) -> dict[str, Any]:
        payload = seed_example(date.today() + timedelta(days=10))
        payload.update(changes)
        return {k: v for k, v in payload.items() if v is not ...}

    return make


def refused(answer: httpx.Response) -> str:
    assert answer.status_code == 400, answer.text
    payload = answer.json()
    assert set(payload) == {"status", "success", "message", "error"}
    assert payload["status"] == 400 and payload["success"] is False
    assert payload["message"] == "Invalid request"
    return str(payload["error"])


def test_seed_example_is_accepted_with_the_documented_answer(
    http: httpx.Client, state: CareValidateState
) -> None:
    answer = http.post(BOOK, json=seed_example(date.today() + timedelta(days=3)))
    assert answer.status_code == 200
    assert answer.json() == SCHEDULED  # no id, no record: exactly the page's 200
    (stored,) = state.appointments()
    assert stored["status"] == "active" and stored["providerId"] == "prov_ana_ruiz"
    assert stored["durationMinutes"] == 30 and stored["email"] == "invitee@example.com"
    assert stored["startTime"].endswith("T04:30:00.000Z")


def test_seed_example_is_an_open_slot_on_any_date_in_the_horizon(http: httpx.Client) -> None:
    for ahead in range(1, 60, 7):
        answer = http.post(BOOK, json=seed_example(date.today() + timedelta(days=ahead)))
        assert answer.status_code == 200, answer.text


def test_slots_follow_wall_time_across_the_spring_change(
    http: httpx.Client, state: CareValidateState
) -> None:
    # Clocks go forward in LA on 2027-03-14: 04:30Z is 20:30 PST before, 21:30 PDT after.
    state.clock = lambda: datetime(2027, 3, 1, tzinfo=UTC)
    assert http.post(BOOK, json=seed_example(date(2027, 3, 13))).status_code == 200
    assert http.post(BOOK, json=seed_example(date(2027, 3, 16))).status_code == 200
    day = date(2027, 3, 14)
    first = datetime.combine(day, time(0), tzinfo=LA)
    times = state.open_starts(TELEHEALTH_ID, first, first + timedelta(hours=23, minutes=30))
    assert times[0] == datetime(2027, 3, 14, 23, 0, tzinfo=UTC)  # 16:00 PDT, not PST
    assert len(times) == 12


@pytest.mark.parametrize("headers", [{}, {"cv-api-key": ""}, {"cv-api-key": "wrong"}])
def test_missing_or_wrong_key_is_401(cv: SandboxServer, headers: dict[str, str]) -> None:
    base = cv.provider("carevalidate").base_url
    for method, path in (("POST", BOOK), ("GET", BOOK), ("POST", CANCEL), ("GET", LINKS)):
        answer = httpx.request(method, base + path, headers=headers, json={})
        assert answer.status_code == 401
        assert answer.json() == {"status": 401, "success": False, "message": "Unauthorized"}


def test_unknown_path_and_method(http: httpx.Client) -> None:
    assert http.get("/api/v1/nope").json() == {
        "status": 404,
        "success": False,
        "message": "Not found",
    }
    assert http.delete(BOOK).status_code == 405
    for gone in ("/api/v1/calendar/available-times", "/api/v1/calendar/providers"):
        assert http.get(gone).status_code == 404  # not CareValidate's


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"eventTypeId": ...}, "eventTypeId is required"),
        ({"eventTypeId": None}, "eventTypeId is required"),
        ({"eventTypeId": "  "}, "eventTypeId is required"),
        ({"eventTypeId": 5}, "eventTypeId must be a string"),
        ({"startTime": ...}, "startTime is required"),
        ({"email": ...}, "email is required"),
        ({"timezone": ...}, "timezone is required"),
        ({"location": ...}, "location is required"),
        ({"location": ["zoom_conference"]}, "location must be a string"),
        ({"firstName": 3}, "firstName must be a string"),
        ({"lastName": {}}, "lastName must be a string"),
        ({"tracking": "utm"}, "tracking must be an object"),
        ({"tracking": {"utmTerm": 1}}, "tracking.utmTerm must be a string or null"),
        ({"startTime": "2027-01-01 04:30:00Z"}, "startTime must be a valid ISO 8601 date-time"),
        ({"startTime": "2027-01-01T04:30:00"}, "startTime must be a valid ISO 8601 date-time"),
        ({"startTime": "2027-02-30T04:30:00Z"}, "startTime must be a valid ISO 8601 date-time"),
        ({"email": "not-an-email"}, "email must be a valid email address"),
        ({"email": "a b@example.com"}, "email must be a valid email address"),
        ({"email": "a@example"}, "email must be a valid email address"),
        ({"timezone": "Mars/Olympus"}, "timezone must be a valid IANA timezone"),
        ({"timezone": "utc"}, "timezone must be a valid IANA timezone"),
        (
            {"location": "phone_call"},
            "location must be one of google_conference, zoom_conference, "
            "gotomeeting_conference, microsoft_teams_conference, webex_conference",
        ),
        ({"eventTypeId": "nope"}, "eventTypeId does not match any event type"),
        ({"eventTypeId": LEGACY_ID}, "eventTypeId does not match any event type"),
        ({"startTime": "2020-01-01T04:30:00Z"}, "startTime must be in the future"),
    ],
)
def test_each_book_check(
    http: httpx.Client, body: Callable[..., dict[str, Any]], changes: dict[str, Any], error: str
) -> None:
    assert refused(http.post(BOOK, json=body(**changes))) == error


def test_body_not_an_object(http: httpx.Client) -> None:
    for raw in ("[]", '"text"', "not json"):
        answer = http.post(BOOK, content=raw, headers={"Content-Type": "application/json"})
        assert refused(answer) == "Request body must be a JSON object"


SLOT = "startTime is not an available slot for this event type"


def test_start_must_equal_an_open_slot(
    http: httpx.Client, body: Callable[..., dict[str, Any]]
) -> None:
    monday = weekday(1)
    assert http.post(BOOK, json=body(startTime=la(monday, 9, 30))).status_code == 200
    assert refused(http.post(BOOK, json=body(startTime=la(monday, 9, 30)))) == SLOT  # taken
    assert refused(http.post(BOOK, json=body(startTime=la(monday, 9, 15)))) == SLOT  # off grid
    assert refused(http.post(BOOK, json=body(startTime=la(monday, 13, 0)))) == SLOT  # closed
    far = date.today() + timedelta(days=61)
    assert refused(http.post(BOOK, json=body(startTime=la(far, 16, 0)))) == SLOT  # horizon
    # the same provider is busy for its other event type too (15-minute follow-up)
    follow = body(eventTypeId=FOLLOW_UP_ID, startTime=la(monday, 9, 45))
    assert refused(http.post(BOOK, json=follow)) == SLOT
    assert http.post(BOOK, json={**follow, "startTime": la(monday, 10, 0)}).status_code == 200


def test_45_minute_grid_and_offsets(
    http: httpx.Client, body: Callable[..., dict[str, Any]]
) -> None:
    tuesday = weekday(2)
    intake = body(eventTypeId=WEIGHT_INTAKE_ID, startTime=la(tuesday, 8, 45))
    assert http.post(BOOK, json=intake).status_code == 200
    off = body(eventTypeId=WEIGHT_INTAKE_ID, startTime=la(tuesday, 9, 0))
    assert refused(http.post(BOOK, json=off)) == SLOT
    local = datetime.combine(tuesday, time(9, 30), tzinfo=LA).isoformat()  # with an offset
    assert (
        http.post(BOOK, json=body(eventTypeId=WEIGHT_INTAKE_ID, startTime=local)).status_code == 200
    )


def test_provider_availability_in_the_documented_shape(http: httpx.Client) -> None:
    payload = http.get(LINKS, params={"provider_states": "CA,NY"}).json()
    assert payload["status"] == 200 and payload["success"] is True
    assert payload["message"] == "Providers Availability link fetched successfully"
    assert all(set(entry) == {"providerName", "calendlyLink", "eventTypeId"} for entry in
               payload["data"])  # fmt: skip
    assert {e["eventTypeId"] for e in payload["data"]} == {
        TELEHEALTH_ID,
        FOLLOW_UP_ID,
        WEIGHT_INTAKE_ID,
    }  # the inactive type is not listed
    entry = next(e for e in payload["data"] if e["eventTypeId"] == TELEHEALTH_ID)
    assert entry == {
        "providerName": "Dr. Ana Ruiz",
        "calendlyLink": "https://calendly.com/ana-ruiz-carevalidate/telehealth-consultation",
        "eventTypeId": TELEHEALTH_ID,
    }
    assert http.get(STAGING_LINKS, params={"provider_states": "CA,NY"}).json() == payload
    ny = http.get(LINKS, params={"provider_states": " ny "}).json()["data"]
    assert {e["providerName"] for e in ny} == {"Dr. Mark Chen"}
    one = {"provider_states": "CA", "provider_email": " ANA.Ruiz@carevalidate-sandbox.test"}
    assert {e["providerName"] for e in http.get(LINKS, params=one).json()["data"]} == {
        "Dr. Ana Ruiz"
    }
    typed = {"provider_states": "CA", "event_type_id": FOLLOW_UP_ID}
    assert [e["eventTypeId"] for e in http.get(LINKS, params=typed).json()["data"]] == [
        FOLLOW_UP_ID
    ]


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({}, "provider_states is required"),
        ({"provider_states": " "}, "provider_states is required"),
        ({"provider_states": "CA,XX"}, "provider_states must be valid US state codes"),
        ({"provider_states": "New York"}, "provider_states must be valid US state codes"),
        (
            {"provider_states": "CA", "start_time": "2027-01-01T12:00:00Z"},
            "start_time, end_time and event_type_id must be given together",
        ),
        (
            {
                "provider_states": "CA",
                "start_time": "2027-01-01T12:00:00Z",
                "end_time": "2027-01-01T13:00:00Z",
            },
            "start_time, end_time and event_type_id must be given together",
        ),
        (
            {
                "provider_states": "CA",
                "event_type_id": TELEHEALTH_ID,
                "start_time": "soon",
                "end_time": "2027-01-01T13:00:00Z",
            },
            "start_time and end_time must be ISO 8601 date-times",
        ),
    ],
)
def test_provider_availability_checks(
    http: httpx.Client, params: dict[str, str], error: str
) -> None:
    assert refused(http.get(LINKS, params=params)) == error


def test_the_list_in_the_documented_shape(
    http: httpx.Client, state: CareValidateState, body: Callable[..., dict[str, Any]]
) -> None:
    monday = weekday(1)
    for n, hh in enumerate((18, 16, 17)):
        http.post(BOOK, json=body(startTime=la(monday, hh), email=f"p{n}@example.com"))
    after = (monday + timedelta(days=1)).isoformat()  # 16:00 in LA is the next UTC day
    params = {"start_date": monday.isoformat(), "end_date": after}
    payload = http.get(BOOK, params=params).json()
    assert {k: payload[k] for k in ("status", "success", "message")} == {
        "status": 200,
        "success": True,
        "message": "Appointments fetched successfully",
    }
    assert set(payload) == {"status", "success", "message", "data"}  # no pagination
    items = payload["data"]
    assert all(set(i) == ITEM_KEYS for i in items)
    assert [i["start"] for i in items] == [
        la(monday, h).replace(".000Z", "Z") for h in (16, 17, 18)
    ]
    first = items[0]  # sorted by end, earliest first
    assert first["status"] == "CONFIRMED" and first["isDeleted"] is False
    assert first["agentName"] == "Dr. Ana Ruiz" and first["title"] == "John Doe"
    assert set(first["case"]) == {"id"}
    stored = {a["appointmentId"] for a in state.appointments()}
    assert {i["id"] for i in items} == stored  # the list's id is the cancel's appointmentId
    mine = http.get(BOOK, params={"user_email": "P1@EXAMPLE.COM"}).json()["data"]
    assert [i["start"] for i in mine] == [la(monday, 16).replace(".000Z", "Z")]
    both = {**params, "user_email": "p1@example.com"}
    assert len(http.get(BOOK, params=both).json()["data"]) == 1
    unknown = http.get(BOOK, params={"user_email": "nobody@example.com"})
    assert unknown.status_code == 404  # NotFoundError [doc]; status and body ours
    assert unknown.json()["success"] is False


def test_the_list_shows_only_active_future_appointments_overlapping_the_days(
    http: httpx.Client, state: CareValidateState, body: Callable[..., dict[str, Any]]
) -> None:
    monday = weekday(1)
    http.post(BOOK, json=body(startTime=la(monday, 16), email="a@example.com"))
    http.post(BOOK, json=body(startTime=la(monday, 17), email="b@example.com"))
    gone = next(a for a in state.appointments() if a["email"] == "b@example.com")
    cancel = {"email": "b@example.com", "appointmentId": gone["appointmentId"]}
    assert http.post(CANCEL, json=cancel).status_code == 200
    # 16:00 in Los Angeles is the next UTC day: the days are UTC days [ours]
    utc_day = datetime.fromisoformat(la(monday, 16).replace("Z", "+00:00")).date()
    found = http.get(BOOK, params={"start_date": utc_day.isoformat(),
                                   "end_date": utc_day.isoformat()}).json()["data"]  # fmt: skip
    assert [i["start"] for i in found] == [la(monday, 16).replace(".000Z", "Z")]
    before = (utc_day - timedelta(days=1)).isoformat()
    assert http.get(BOOK, params={"start_date": before, "end_date": before}).json()["data"] == []
    later = datetime.fromisoformat(la(monday, 18).replace("Z", "+00:00"))
    state.clock = lambda: later
    assert http.get(BOOK, params={"user_email": "a@example.com"}).json()["data"] == []


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({}, "start_date and end_date are required when user_email is not given"),
        ({"start_date": "2027-01-01"}, "start_date and end_date must be given together"),
        (
            {"end_date": "2027-01-01", "user_email": "a@b.co"},
            "start_date and end_date must be given together",
        ),
        (
            {"start_date": "2027-01-01T00:00:00Z", "end_date": "2027-01-02"},
            "start_date and end_date must be dates in the format YYYY-MM-DD",
        ),
        (
            {"start_date": "2027-02-30", "end_date": "2027-03-02"},
            "start_date and end_date must be dates in the format YYYY-MM-DD",
        ),
        (
            {"start_date": "2027-01-02", "end_date": "2027-01-01"},
            "start_date must be less than or equal to end_date",
        ),
        ({"user_email": "not-an-email"}, "user_email must be a valid email address"),
    ],
)
def test_list_checks(http: httpx.Client, params: dict[str, str], error: str) -> None:
    assert refused(http.get(BOOK, params=params)) == error


def test_cancel_rules(
    http: httpx.Client, state: CareValidateState, body: Callable[..., dict[str, Any]]
) -> None:
    assert http.post(BOOK, json=body()).json() == SCHEDULED
    ident = state.appointments()[0]["appointmentId"]
    assert refused(http.post(CANCEL, json={"appointmentId": ident})) == "email is required"
    assert refused(http.post(CANCEL, json={"email": "invitee@example.com"})) == (
        "appointmentId is required"
    )
    assert refused(http.post(CANCEL, json={"email": 3, "appointmentId": ident})) == (
        "email must be a string"
    )
    wrong = http.post(CANCEL, json={"appointmentId": ident, "email": "other@example.com"})
    assert refused(wrong) == "Appointment not found"
    done = http.post(
        CANCEL, json={"appointmentId": ident, "email": "INVITEE@example.com", "reason": "ill"}
    )
    assert done.status_code == 200
    assert done.json() == {
        "status": 200,
        "success": True,
        "message": "Meeting cancelled successfully",
    }
    assert state.appointments()[0]["status"] == "canceled"
    assert state.appointments()[0]["cancelReason"] == "ill"
    again = http.post(CANCEL, json={"appointmentId": ident, "email": "invitee@example.com"})
    assert refused(again) == "Appointment is already cancelled"
    assert http.post(BOOK, json=body()).status_code == 200  # the slot opened again


def test_started_appointment_cannot_be_canceled(
    http: httpx.Client, state: CareValidateState, body: Callable[..., dict[str, Any]]
) -> None:
    assert http.post(BOOK, json=body()).status_code == 200
    made = state.appointments()[0]
    later = datetime.now(UTC) + timedelta(days=30)
    state.clock = lambda: later
    answer = http.post(
        CANCEL, json={"appointmentId": made["appointmentId"], "email": "invitee@example.com"}
    )
    assert refused(answer) == "Appointment has already started and cannot be cancelled"


def test_rate_limit_answers_429_with_retry_after() -> None:
    assert scaled_limit(60) == 500 and scaled_limit(0) == 0 and scaled_limit(6) == 50
    with SandboxServer(rate_limit=1, providers=("carevalidate",)) as server:  # 8 per minute
        base = server.provider("carevalidate").base_url
        with httpx.Client(base_url=base, headers={"cv-api-key": DEFAULT_API_KEY}) as c:
            answers = [c.get(LINKS, params={"provider_states": "CA"}) for _ in range(9)]
    assert [a.status_code for a in answers] == [200] * 8 + [429]
    assert answers[0].headers["X-RateLimit-Limit"] == "8"
    assert answers[7].headers["X-RateLimit-Remaining"] == "0"
    last = answers[8]
    assert last.json() == {"status": 429, "success": False, "message": "Rate limit exceeded"}
    assert int(last.headers["Retry-After"]) >= 1


def test_fault_hook_commits_then_cuts_the_answer(
    cv: SandboxServer,
    http: httpx.Client,
    state: CareValidateState,
    body: Callable[..., dict[str, Any]],
) -> None:
    root = cv.provider("carevalidate").root_url
    assert (
        httpx.post(root + "/__sandbox__/faults", json={"drop_next_answers": 1}).status_code == 200
    )
    with pytest.raises(httpx.HTTPError):
        http.post(BOOK, json=body())
    dump = httpx.get(root + "/__sandbox__/appointments").json()["data"]
    assert len(dump) == 1 and dump == state.appointments()


def test_python_create_matches_the_route(state: CareValidateState) -> None:
    answer = state.create(seed_example(date.today() + timedelta(days=5)))
    assert answer.status == 200 and answer.body == SCHEDULED
    assert json.loads(json.dumps(state.appointments()))[0]["email"] == "invitee@example.com"

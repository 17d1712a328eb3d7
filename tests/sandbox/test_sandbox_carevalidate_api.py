"""The CareValidate sandbox against docs/providers.md ("CareValidate"): the seed's example, the
key, the envelopes, every book check, cancel, the reads, the rate limit and the fault hook."""

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
TIMES = "/api/v1/calendar/available-times"
PROVIDERS = "/api/v1/calendar/providers"


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


def test_seed_example_is_accepted_with_the_documented_answer(http: httpx.Client) -> None:
    answer = http.post(BOOK, json=seed_example(date.today() + timedelta(days=3)))
    assert answer.status_code == 200
    payload = answer.json()
    assert {k: payload[k] for k in ("status", "success", "message")} == {
        "status": 200,
        "success": True,
        "message": "Meeting scheduled successfully",
    }
    data = payload["data"]
    assert data["appointmentId"].startswith("cvapt_")
    assert data["status"] == "active" and data["providerId"] == "prov_ana_ruiz"
    assert data["durationMinutes"] == 30 and data["email"] == "invitee@example.com"
    assert data["startTime"].endswith("T04:30:00.000Z")


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
    params = {"eventTypeId": TELEHEALTH_ID, "start": la(day, 0), "end": la(day, 23, 30)}
    times = [
        t["startTime"] for t in http.get(TIMES, params=params).json()["data"]["availableTimes"]
    ]
    assert times[0] == "2027-03-14T23:00:00.000Z"  # 16:00 PDT, not 16:00 PST (00:00Z)
    assert len(times) == 12


@pytest.mark.parametrize("headers", [{}, {"cv-api-key": ""}, {"cv-api-key": "wrong"}])
def test_missing_or_wrong_key_is_401(cv: SandboxServer, headers: dict[str, str]) -> None:
    base = cv.provider("carevalidate").base_url
    for method, path in (("POST", BOOK), ("GET", PROVIDERS), ("GET", TIMES)):
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


def test_available_times_lists_open_slots_only(
    http: httpx.Client, body: Callable[..., dict[str, Any]]
) -> None:
    monday = weekday(1)
    start, end = la(monday, 0, 0), la(monday + timedelta(days=1), 0, 0)
    params = {"eventTypeId": TELEHEALTH_ID, "start": start, "end": end}
    payload = http.get(TIMES, params=params).json()
    times = [t["startTime"] for t in payload["data"]["availableTimes"]]
    assert payload["data"]["timezone"] == "America/Los_Angeles"
    assert len(times) == 6 + 12 and times[0] == la(monday, 9, 0)
    assert payload["data"]["availableTimes"][0]["inviteesRemaining"] == 1
    http.post(BOOK, json=body(startTime=la(monday, 9, 0)))
    again = [
        t["startTime"] for t in http.get(TIMES, params=params).json()["data"]["availableTimes"]
    ]
    assert la(monday, 9, 0) not in again and len(again) == len(times) - 1


@pytest.mark.parametrize(
    ("params", "error"),
    [
        (
            {"start": "2027-01-01T00:00:00Z", "end": "2027-01-02T00:00:00Z"},
            "eventTypeId is required",
        ),
        (
            {"eventTypeId": TELEHEALTH_ID, "start": "2027-01-01"},
            "start and end must be ISO 8601 date-times",
        ),
        (
            {
                "eventTypeId": TELEHEALTH_ID,
                "start": "2027-01-02T00:00:00Z",
                "end": "2027-01-01T00:00:00Z",
            },
            "end must be after start",
        ),
        (
            {
                "eventTypeId": TELEHEALTH_ID,
                "start": "2027-01-01T00:00:00Z",
                "end": "2027-02-01T00:00:01Z",
            },
            "The range between start and end must not exceed 31 days",
        ),
        (
            {
                "eventTypeId": LEGACY_ID,
                "start": "2027-01-01T00:00:00Z",
                "end": "2027-01-02T00:00:00Z",
            },
            "eventTypeId does not match any event type",
        ),
    ],
)
def test_available_times_checks(http: httpx.Client, params: dict[str, str], error: str) -> None:
    assert refused(http.get(TIMES, params=params)) == error


def test_providers_by_state(http: httpx.Client) -> None:
    every = http.get(PROVIDERS).json()["data"]
    assert {e["eventTypeId"] for e in every} >= {TELEHEALTH_ID, LEGACY_ID}
    ny = http.get(PROVIDERS, params={"state": "ny"}).json()["data"]
    assert {e["providerName"] for e in ny} == {"Dr. Mark Chen"}
    entry = next(e for e in every if e["eventTypeId"] == TELEHEALTH_ID)
    assert entry["calendlyLink"] == (
        "https://calendly.com/ana-ruiz-carevalidate/telehealth-consultation"
    )
    assert entry["active"] is True and entry["durationMinutes"] == 30
    assert refused(http.get(PROVIDERS, params={"state": "New York"})) == (
        "state must be a two-letter US state code"
    )


def test_list_filters_and_pagination(
    http: httpx.Client, body: Callable[..., dict[str, Any]]
) -> None:
    monday = weekday(1)
    for n, hh in enumerate((16, 17, 18)):
        http.post(BOOK, json=body(startTime=la(monday, hh), email=f"p{n}@example.com"))
    params = {
        "startDate": la(monday, 0),
        "endDate": la(monday + timedelta(days=1), 0),
        "limit": "2",
    }
    first = http.get(BOOK, params=params).json()
    assert first["pagination"] == {"page": 1, "limit": 2, "total": 3, "totalPages": 2}
    second = http.get(BOOK, params={**params, "page": "2"}).json()
    assert [r["email"] for r in first["data"] + second["data"]] == [
        "p0@example.com",
        "p1@example.com",
        "p2@example.com",
    ]
    by_mail = http.get(BOOK, params={"email": "P1@EXAMPLE.COM"}).json()["data"]
    assert len(by_mail) == 1
    assert refused(http.get(BOOK)) == "Give startDate and endDate, or email"
    assert refused(http.get(BOOK, params={"startDate": la(monday, 0)})) == (
        "startDate and endDate must be given together"
    )
    assert refused(http.get(BOOK, params={"email": "x@y.z", "limit": "101"})) == (
        "limit must be an integer between 1 and 100"
    )
    assert refused(http.get(BOOK, params={"email": "x@y.z", "status": "done"})) == (
        "status must be one of active, canceled"
    )


def test_cancel_rules(http: httpx.Client, body: Callable[..., dict[str, Any]]) -> None:
    made = http.post(BOOK, json=body()).json()["data"]
    ident = made["appointmentId"]
    assert refused(http.post(CANCEL, json={"email": "invitee@example.com"})) == (
        "appointmentId is required"
    )
    assert refused(http.post(CANCEL, json={"appointmentId": ident})) == "email is required"
    wrong = http.post(CANCEL, json={"appointmentId": ident, "email": "other@example.com"})
    assert wrong.status_code == 404
    assert wrong.json() == {"status": 404, "success": False, "message": "Appointment not found"}
    done = http.post(
        CANCEL, json={"appointmentId": ident, "email": "INVITEE@example.com", "reason": "ill"}
    )
    assert done.status_code == 200
    assert done.json()["message"] == "Appointment canceled successfully"
    assert done.json()["data"]["status"] == "canceled"
    assert done.json()["data"]["cancelReason"] == "ill"
    again = http.post(CANCEL, json={"appointmentId": ident, "email": "invitee@example.com"})
    assert refused(again) == "Appointment is already canceled"
    assert http.post(BOOK, json=body()).status_code == 200  # the slot opened again


def test_started_appointment_cannot_be_canceled(
    http: httpx.Client, state: CareValidateState, body: Callable[..., dict[str, Any]]
) -> None:
    made = http.post(BOOK, json=body()).json()["data"]
    later = datetime.now(UTC) + timedelta(days=30)
    state.clock = lambda: later
    answer = http.post(
        CANCEL, json={"appointmentId": made["appointmentId"], "email": "invitee@example.com"}
    )
    assert refused(answer) == "Appointment has already started and cannot be canceled"


def test_rate_limit_answers_429_with_retry_after() -> None:
    assert scaled_limit(60) == 500 and scaled_limit(0) == 0 and scaled_limit(6) == 50
    with SandboxServer(rate_limit=1, providers=("carevalidate",)) as server:  # 8 per minute
        base = server.provider("carevalidate").base_url
        with httpx.Client(base_url=base, headers={"cv-api-key": DEFAULT_API_KEY}) as c:
            answers = [c.get(PROVIDERS) for _ in range(9)]
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
    assert answer.status == 200 and answer.body["data"]["status"] == "active"
    assert json.loads(json.dumps(state.appointments()))[0]["email"] == "invitee@example.com"

"""The meetergo sandbox over real HTTP: the doc's example, every create rule, auth, the rate
limit, availability, the appointment list and reschedule / cancel."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest

from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.meetergo.app import meetergo_app
from frontdesk.sandbox.meetergo.state import MeetergoState
from frontdesk.sandbox.server import ProviderBuild, ProviderServer
from support.meetergo import (
    ANNA,
    API_KEY,
    BEN,
    CASES,
    CHECK_IN,
    CONSULT,
    EXPIRED_KEY,
    GROUP,
    QUEUE,
    THERAPY,
    TRIAGE,
    at,
    body,
    case_body,
    example_request,
    iso,
    next_tuesday,
)

DAY = next_tuesday()
HEADERS = {"Authorization": f"Bearer {API_KEY}", "x-meetergo-api-user-id": ANNA}


@pytest.fixture(scope="module")
def server() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0, providers=("meetergo",)) as sandbox:
        yield sandbox


@pytest.fixture
def state(server: SandboxServer) -> Iterator[MeetergoState]:
    st = server.provider("meetergo").build.state
    assert isinstance(st, MeetergoState)
    st.reset()
    yield st
    st.reset()


@pytest.fixture
def http(server: SandboxServer, state: MeetergoState) -> Iterator[httpx.Client]:
    url = server.provider("meetergo").base_url
    with httpx.Client(base_url=url, headers=HEADERS, timeout=5.0) as client:
        yield client


def test_the_doc_example_is_accepted_with_the_documented_shape(http: httpx.Client) -> None:
    response = http.post("/booking", json=example_request(at(DAY, 10)))
    assert response.status_code == 201
    answer = response.json()
    assert set(answer) == {"appointmentId", "secret", "attendeeEmail"}
    assert answer["attendeeEmail"] == "jane.doe@example.com"
    record = http.get(f"/appointment/{answer['appointmentId']}").json()
    assert record["start"] == iso(at(DAY, 10)) and record["hostIds"] == [ANNA]
    assert record["status"] == "confirmed" and record["duration"] == 30
    again = http.post("/booking", json=example_request(at(DAY, 10)))
    assert again.status_code == 400  # a taken slot is a 400, never a 409
    assert again.json() == {
        "statusCode": 400,
        "message": "start is not an available spot",
        "error": "Bad Request",
        "errors": [{"field": "start", "message": "start is not an available spot"}],
    }


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_each_create_rule(http: httpx.Client, case: tuple[Any, ...]) -> None:
    response = http.post("/booking", json=case_body(DAY, case))
    assert response.status_code == case[6]
    answer = response.json()
    if case[6] >= 400:
        assert answer["message"] == case[7]
        assert answer["error"] == ("Not Found" if case[6] == 404 else "Bad Request")
    elif case[7] is not None:
        kind = case[7].removeprefix("Provisional booking (").rstrip(")")
        assert answer["bookingType"] == kind and answer["provisionalBookingId"]


def test_not_json_is_refused(http: httpx.Client) -> None:
    response = http.post("/booking", content=b"nope", headers={"Content-Type": "application/json"})
    assert response.json() == {
        "statusCode": 400,
        "message": "Request body must be a JSON object",
        "error": "Bad Request",
    }


@pytest.mark.parametrize(
    ("headers", "status", "message"),
    [
        ({}, 401, "Missing API key"),
        ({"Authorization": API_KEY}, 401, "Missing API key"),
        ({"Authorization": "Bearer ak_live:nope"}, 401, "Invalid API key"),
        ({"Authorization": f"Bearer {API_KEY}x"}, 401, "Invalid API key"),
        ({"Authorization": f"Bearer {EXPIRED_KEY}"}, 401, "API key has expired"),
        ({"Authorization": f"Bearer {API_KEY}"}, 400, "x-meetergo-api-user-id header is required"),
        (
            {"Authorization": f"Bearer {API_KEY}", "x-meetergo-api-user-id": "someone"},
            403,
            "x-meetergo-api-user-id does not belong to this API key's company",
        ),
    ],
)
def test_auth(
    server: SandboxServer, state: MeetergoState, headers: dict[str, str], status: int, message: str
) -> None:
    url = server.provider("meetergo").base_url
    response = httpx.get(url + "/meeting-type", headers=headers)
    assert response.status_code == status
    assert response.json()["message"] == message
    assert response.json()["statusCode"] == status


def test_ben_may_be_the_api_user_and_unknown_paths_are_404(
    server: SandboxServer, state: MeetergoState
) -> None:
    url = server.provider("meetergo").base_url
    headers = {**HEADERS, "x-meetergo-api-user-id": BEN}
    assert httpx.get(url + "/meeting-type", headers=headers).status_code == 200
    response = httpx.get(url + "/nothing", headers=headers)
    assert response.json() == {
        "statusCode": 404,
        "message": "Cannot GET /v4/nothing",
        "error": "Not Found",
    }


def test_rate_limit_429_with_retry_after() -> None:
    state = MeetergoState(rate_limit=3)
    build = ProviderBuild(state, meetergo_app(state), API_KEY, "/v4")
    server = ProviderServer("meetergo", build).start()
    try:
        with httpx.Client(base_url=server.base_url, headers=HEADERS) as client:
            answers = [client.get("/meeting-type") for _ in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        assert answers[0].headers["X-RateLimit-Limit"] == "3"
        assert answers[2].headers["X-RateLimit-Remaining"] == "0"
        assert int(answers[3].headers["Retry-After"]) >= 1
        assert answers[3].json() == {
            "statusCode": 429,
            "message": "Too Many Requests",
            "error": "Too Many Requests",
        }
    finally:
        server.stop()


def test_meeting_types_tell_the_kinds_apart(http: httpx.Client) -> None:
    types = {t["id"]: t for t in http.get("/meeting-type").json()}
    assert types[CONSULT]["type"] == "one-to-one" and types[CONSULT]["userId"] == ANNA
    assert types[TRIAGE]["type"] == "round-robin" and types[TRIAGE]["queueId"] == QUEUE
    assert types[GROUP]["meetingOptions"]["maxAttendees"] == 3
    assert types[THERAPY]["meetingOptions"]["allowedDurations"] == [30, 60]
    assert types[CHECK_IN]["meetingOptions"]["doubleOptIn"] is True
    assert http.get(f"/meeting-type/{CONSULT}").json() == types[CONSULT]
    assert http.get("/meeting-type/nope").status_code == 404


def test_availability_spots_and_errors(http: httpx.Client) -> None:
    params = {"meetingTypeId": CONSULT, "start": DAY.isoformat(), "end": DAY.isoformat()}
    answer = http.get("/booking-availability", params=params).json()
    assert answer["timezone"] == "Europe/Berlin"
    (only,) = answer["dates"]
    starts = [s["startTime"] for s in only["spots"]]
    assert starts[0] == iso(at(DAY, 8)) and starts[-1] == iso(at(DAY, 16, 30))
    assert iso(at(DAY, 11, 45)) not in starts  # 11:45 + 30 passes noon
    assert len(starts) == 15 + 15  # 08:00-11:30 and 13:00-16:30
    http.post("/booking", json=body(at(DAY, 10)))
    after = http.get("/booking-availability", params=params).json()["dates"][0]["spots"]
    taken = {s["startTime"] for s in only["spots"]} - {s["startTime"] for s in after}
    assert taken == {iso(at(DAY, h, m)) for h, m in ((9, 30), (9, 45), (10, 0), (10, 15), (10, 30))}
    week = {**params, "end": (DAY + timedelta(days=6)).isoformat()}
    assert len(http.get("/booking-availability", params=week).json()["dates"]) == 7
    for bad, message in (
        ({"meetingTypeId": ""}, "meetingTypeId is required"),
        ({"start": "tomorrow"}, "start must be a date (YYYY-MM-DD)"),
        ({"end": (DAY - timedelta(days=1)).isoformat()}, "end must not be before start"),
        (
            {"end": (DAY + timedelta(days=31)).isoformat()},
            "The range between start and end must not exceed 31 days",
        ),
        (
            {"meetingDuration": "45"},
            "meetingDuration must be the meeting type's duration or one of its allowedDurations",
        ),
    ):
        response = http.get("/booking-availability", params={**params, **bad})
        assert (response.status_code, response.json()["message"]) == (400, message)
    assert (
        http.get("/booking-availability", params={**params, "meetingTypeId": "x"}).status_code
        == 404
    )


def test_spots_follow_daylight_saving(http: httpx.Client) -> None:
    # the last Sunday of October: 08:00 Berlin is 07:00Z before, the Monday after it is 08:00Z
    from datetime import date

    year = DAY.year if DAY.month < 10 else DAY.year + 1
    monday = date(year, 10, 31)
    while monday.isoweekday() != 7:
        monday -= timedelta(days=1)
    before, after = monday - timedelta(days=6), monday + timedelta(days=1)
    for day, hour_utc in ((before, 6), (after, 7)):
        params = {"meetingTypeId": CONSULT, "start": day.isoformat(), "end": day.isoformat()}
        spots = http.get("/booking-availability", params=params).json()["dates"][0]["spots"]
        assert spots[0]["startTime"].endswith(f"T{hour_utc:02d}:00:00.000Z")


def test_round_robin_spreads_and_group_fills_seats(http: httpx.Client) -> None:
    hosts = []
    for n in range(2):
        answer = http.post("/booking", json=body(at(DAY, 10), TRIAGE, {"email": f"p{n}@x.de"}))
        hosts.append(http.get(f"/appointment/{answer.json()['appointmentId']}").json()["hostIds"])
    assert hosts == [[ANNA], [BEN]]
    third = http.post("/booking", json=body(at(DAY, 10), TRIAGE))
    assert third.json()["message"] == "start is not an available spot"
    # Ben now has a triage at 10:00-10:20: his group at 10:00 is blocked, at 11:00 seats count
    for n in range(3):
        assert http.post("/booking", json=body(at(DAY, 11), GROUP)).status_code == 201, n
    assert http.post("/booking", json=body(at(DAY, 11), GROUP)).status_code == 400


def test_provisional_bookings_show_up_once_confirmed(
    http: httpx.Client, server: SandboxServer, state: MeetergoState
) -> None:
    answer = http.post("/booking", json=body(at(DAY, 10), CHECK_IN)).json()
    assert answer["bookingType"] == "doubleOptIn"
    assert http.get("/appointment/paginated").json()["meta"]["total"] == 0
    root = server.provider("meetergo").root_url
    confirmed = httpx.post(
        f"{root}/__sandbox__/provisional/{answer['provisionalBookingId']}/confirm"
    )
    assert confirmed.status_code == 200
    (record,) = http.get("/appointment/paginated").json()["data"]
    assert record["provisionalBookingId"] == answer["provisionalBookingId"]
    assert state.appointments()[0]["id"] == record["id"]


def test_list_filters_and_pages(http: httpx.Client) -> None:
    for n, hh in enumerate((8, 9, 10, 11, 13)):
        http.post("/booking", json=body(at(DAY, hh), who={"email": f"p{n}@x.de"}))
    page = http.get("/appointment/paginated", params={"limit": 2, "page": 2}).json()
    assert page["meta"] == {"page": 2, "limit": 2, "total": 5, "totalPages": 3}
    assert [r["start"] for r in page["data"]] == [iso(at(DAY, 10)), iso(at(DAY, 11))]
    window = {"start": iso(at(DAY, 9)), "end": iso(at(DAY, 11))}
    assert http.get("/appointment/paginated", params=window).json()["meta"]["total"] == 2
    by_email = http.get("/appointment/paginated", params={"attendeeEmail": "P3@X.DE"}).json()
    assert [r["start"] for r in by_email["data"]] == [iso(at(DAY, 11))]
    for bad, message in (
        ({"limit": "101"}, "limit must be between 1 and 100"),
        ({"page": "0"}, "page must be a positive integer"),
        ({"start": "yesterday"}, "start must be an ISO 8601 date-time with a time zone offset"),
    ):
        response = http.get("/appointment/paginated", params=bad)
        assert (response.status_code, response.json()["message"]) == (400, message)


def test_reschedule_and_cancel(http: httpx.Client) -> None:
    first = http.post("/booking", json=body(at(DAY, 10))).json()["appointmentId"]
    http.post("/booking", json=body(at(DAY, 11)))
    moved = http.post(f"/appointment/{first}/reschedule", json={"start": iso(at(DAY, 10, 15))})
    assert moved.status_code == 200 and moved.json()["start"] == iso(at(DAY, 10, 15))
    clash = http.post(f"/appointment/{first}/reschedule", json={"start": iso(at(DAY, 11))})
    assert clash.json()["message"] == "start is not an available spot"
    bad = http.post(f"/appointment/{first}/reschedule", json={"start": "soon"})
    assert bad.json()["message"] == "start must be an ISO 8601 date-time with a time zone offset"
    assert http.post("/appointment/nope/reschedule", json={}).status_code == 404
    cancelled = http.post(f"/appointment/{first}/cancel", json={"cancelReason": "ill"})
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert http.post(f"/appointment/{first}/cancel", json={}).json()["status"] == "cancelled"
    again = http.post(f"/appointment/{first}/reschedule", json={"start": iso(at(DAY, 13))})
    assert again.json()["message"] == "Cancelled appointments cannot be rescheduled"
    # the cancelled appointment frees its spot
    assert http.post("/booking", json=body(at(DAY, 10, 15))).status_code == 201


def test_past_appointments_cannot_be_cancelled(http: httpx.Client, state: MeetergoState) -> None:
    first = http.post("/booking", json=body(at(DAY, 10))).json()["appointmentId"]
    real = state.clock
    state.clock = lambda: at(DAY, 10, 5)
    try:
        response = http.post(f"/appointment/{first}/cancel", json={})
    finally:
        state.clock = real
    assert response.json()["message"] == "Past appointments cannot be cancelled"


def test_drop_next_answer_still_commits(http: httpx.Client, state: MeetergoState) -> None:
    state.faults.drop_next_answers(1)
    with pytest.raises(httpx.HTTPError):
        http.post("/booking", json=body(at(DAY, 10)))
    assert len(state.appointments()) == 1

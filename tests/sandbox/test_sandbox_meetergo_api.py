"""The meetergo sandbox over real HTTP, in the shapes of developer.meetergo.com: the doc's
example, every create rule, keys and the user header (only where the pages require it),
personal access tokens, the rate limit, users, meeting types, availability, the appointment
and provisional-booking lists, reschedule and cancel (group seats too)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

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
    DROP,
    EXPIRED_KEY,
    GROUP,
    PERSONAL_TOKEN,
    QUEUE,
    SECOND,
    THERAPY,
    TRIAGE,
    ZONE,
    at,
    body,
    case_body,
    example_request,
    iso,
    next_tuesday,
)

DAY = next_tuesday()
HEADERS = {"Authorization": f"Bearer {API_KEY}", "x-meetergo-api-user-id": ANNA}
MISSING_USER = {
    "statusCode": 400,
    "message": "Missing required header 'x-meetergo-api-user-id' for API key authentication",
    "error": "Bad Request",
}


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


def as_user(user: str) -> dict[str, str]:
    return {**HEADERS, "x-meetergo-api-user-id": user}


def listed(http: httpx.Client, user: str = ANNA, **params: Any) -> list[dict[str, Any]]:
    answer = http.get("/appointment/paginated", params=params, headers=as_user(user)).json()
    assert set(answer) == {"appointments"}
    return list(answer["appointments"])


def test_the_doc_example_is_accepted_with_the_documented_shape(http: httpx.Client) -> None:
    response = http.post("/booking", json=example_request(at(DAY, 10)))
    assert response.status_code == 201
    answer = response.json()
    assert set(answer) == {"appointmentId", "secret", "attendeeEmail"}
    assert answer["attendeeEmail"] == "jane.doe@example.com"
    (record,) = listed(http)
    assert record["id"] == answer["appointmentId"]
    assert record["start"] == iso(at(DAY, 10)) and record["hostIds"] == [ANNA]
    assert record["isCancelled"] is False and record["cancel"] is None
    assert record["meetingInfo"]["duration"] == 30 and record["meetingInfo"]["channel"] == "local"
    assert "status" not in record and "attendee" not in record
    (person,) = record["attendees"]
    assert person["email"] == "jane.doe@example.com" and person["fullname"] == "Jane Doe"
    assert "notes" not in person  # attendees come "without relation properties"
    assert record["attendeeIds"] == [person["id"]]
    assert http.get(f"/appointment/{record['id']}").json() == record
    again = http.post("/booking", json=example_request(at(DAY, 10)))
    assert again.status_code == 400  # a taken slot is a 400 ("Slot no longer available")
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
        ({}, 401, "Missing authorization header"),
        ({"Authorization": API_KEY}, 401, "Missing authorization header"),
        ({"Authorization": "Bearer ak_live:nope"}, 401, "Invalid API key"),
        ({"Authorization": f"Bearer {API_KEY}x"}, 401, "Invalid API key"),
        ({"Authorization": f"Bearer {EXPIRED_KEY}"}, 401, "API key has expired"),
        ({"Authorization": f"Bearer {API_KEY}"}, 400, MISSING_USER["message"]),
        (
            {"Authorization": f"Bearer {API_KEY}", "x-meetergo-api-user-id": "someone"},
            403,
            "x-meetergo-api-user-id does not belong to this API key's company",
        ),
        (
            {"Authorization": f"Bearer {PERSONAL_TOKEN}", "x-meetergo-api-user-id": BEN},
            403,
            "x-meetergo-api-user-id names another user: a personal access token always acts "
            "as its owner",
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


def test_the_user_header_only_where_the_pages_require_it(
    server: SandboxServer, state: MeetergoState
) -> None:
    url = server.provider("meetergo").base_url
    key_only = {"Authorization": f"Bearer {API_KEY}"}
    for path in ("/meeting-type", f"/meeting-type/{CONSULT}", "/appointment/paginated", "/user"):
        response = httpx.get(url + path, headers=key_only)
        assert (response.status_code, response.json()) == (400, MISSING_USER), path
    assert httpx.get(url + "/provisional-booking/paginated", headers=key_only).json() == (
        MISSING_USER
    )
    params = {"meetingTypeId": CONSULT, "start": DAY.isoformat(), "end": DAY.isoformat()}
    assert httpx.get(url + "/booking-availability", params=params, headers=key_only).is_success
    made = httpx.post(url + "/booking", json=body(at(DAY, 10)), headers=key_only)
    assert made.status_code == 201
    assert httpx.get(url + "/user/me", headers=key_only).json()["id"] == ANNA  # the owner


def test_a_personal_token_acts_as_its_owner(server: SandboxServer, state: MeetergoState) -> None:
    url = server.provider("meetergo").base_url
    token = {"Authorization": f"Bearer {PERSONAL_TOKEN}"}
    types = httpx.get(url + "/meeting-type", headers=token).json()
    assert {t["id"] for t in types} == {CONSULT, SECOND, TRIAGE}  # Anna's
    assert httpx.get(url + "/user/me", headers=token).json()["id"] == ANNA
    same = {**token, "x-meetergo-api-user-id": ANNA}
    assert httpx.get(url + "/meeting-type", headers=same).status_code == 200


def test_users_need_an_admin_and_unknown_paths_are_404(http: httpx.Client) -> None:
    users = http.get("/user").json()["users"]
    assert [(u["id"], u["isAdmin"], u["fullName"]) for u in users] == [
        (ANNA, True, "Anna Berger"),
        (BEN, False, "Ben Keller"),
    ]
    refused = http.get("/user", headers=as_user(BEN))
    assert (refused.status_code, refused.json()["message"]) == (403, "Admin access required")
    assert http.get("/user/me", headers=as_user(BEN)).json()["givenName"] == "Ben"
    response = http.get("/nothing")
    assert response.json() == {
        "statusCode": 404,
        "message": "Cannot GET /v4/nothing",
        "error": "Not Found",
    }


def test_rate_limit_429() -> None:
    state = MeetergoState(rate_limit=3)
    build = ProviderBuild(state, meetergo_app(state), API_KEY, "/v4")
    server = ProviderServer("meetergo", build).start()
    try:
        with httpx.Client(base_url=server.base_url, headers=HEADERS) as client:
            answers = [client.get("/meeting-type") for _ in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        assert answers[3].json() == {
            "statusCode": 429,
            "message": "Too Many Requests",
            "error": "Too Many Requests",
        }
        # [ours]: the pages document no rate-limit headers; the sandbox sends them anyway
        assert int(answers[3].headers["Retry-After"]) >= 1
        assert answers[0].headers["X-RateLimit-Limit"] == "3"
    finally:
        server.stop()


def test_meeting_types_are_listed_per_user_and_read_one_by_one(http: httpx.Client) -> None:
    anna = http.get("/meeting-type").json()
    assert [t["id"] for t in anna] == [CONSULT, SECOND, TRIAGE]
    assert set(anna[0]) == {"id", "slug", "meetingInfo", "bookingUrl"}
    assert anna[0]["meetingInfo"] == {"name": "Consultation", "duration": 30, "channel": "local"}
    ben = {t["id"] for t in http.get("/meeting-type", headers=as_user(BEN)).json()}
    assert ben == {THERAPY, CHECK_IN, TRIAGE, GROUP}
    detail = {t: http.get(f"/meeting-type/{t}").json() for t in (CONSULT, TRIAGE, GROUP, CHECK_IN)}
    assert (detail[CONSULT]["userId"], detail[CONSULT]["queueId"]) == (ANNA, None)
    assert (detail[TRIAGE]["userId"], detail[TRIAGE]["queueId"]) == (None, QUEUE)
    assert detail[GROUP]["spots"] == 3 and detail[GROUP]["meetingInfo"]["groupBooking"] is True
    options = detail[CHECK_IN]["meetingOptions"]
    assert (options["doubleOptIn"], options["requireHostConfirmation"]) == ("enabled", "disabled")
    for t in detail.values():
        assert not {"type", "hosts", "timezone"} & set(t)
        assert "maxAttendees" not in t["meetingOptions"]
    assert http.get("/meeting-type/nope").json()["message"] == "Meeting type not found"


def spots_of(http: httpx.Client, type_id: str, day: date, **more: str) -> dict[str, Any]:
    params = {"meetingTypeId": type_id, "start": day.isoformat(), "end": day.isoformat(), **more}
    return dict(http.get("/booking-availability", params=params).json())


def test_availability_spots_in_the_asked_zone(http: httpx.Client) -> None:
    answer = spots_of(http, CONSULT, DAY, timezone=ZONE)
    assert answer["timezone"] == ZONE
    (only,) = answer["dates"]
    starts = [s["startTime"] for s in only["spots"]]
    offset = at(DAY, 8).astimezone(ZoneInfo(ZONE)).isoformat()[-6:]  # "+01:00" or "+02:00"
    assert starts[0] == f"{DAY.isoformat()}T08:00:00{offset}"  # with the zone's offset
    assert starts[-1] == f"{DAY.isoformat()}T16:30:00{offset}"
    assert len(starts) == 15 + 15  # 08:00-11:30 and 13:00-16:30
    assert answer["timeframes"][0]["start"] == iso(at(DAY, 8))
    http.post("/booking", json=body(at(DAY, 10)))
    after = spots_of(http, CONSULT, DAY, timezone=ZONE)["dates"][0]["spots"]
    taken = {s["startTime"][11:16] for s in only["spots"]} - {s["startTime"][11:16] for s in after}
    assert taken == {"09:30", "09:45", "10:00", "10:15", "10:30"}
    utc = spots_of(http, CONSULT, DAY)  # "All API times are in UTC by default"
    assert utc["timezone"] == "UTC" and utc["dates"][0]["spots"][0]["startTime"].endswith("+00:00")
    week = {"end": (DAY + timedelta(days=6)).isoformat()}
    assert len(spots_of(http, CONSULT, DAY, **week)["dates"]) == 7
    for bad, message in (
        ({"meetingTypeId": ""}, "meetingTypeId is required"),
        ({"meetingTypeId": "x"}, "Meeting type not found"),
        ({"start": "tomorrow"}, "start must be a date (YYYY-MM-DD)"),
        ({"end": (DAY - timedelta(days=1)).isoformat()}, "end must not be before start"),
        ({"timezone": "Mars/Base"}, "timezone must be a valid IANA time zone"),
        (
            {"meetingDuration": "45"},
            "meetingDuration must be the meeting type's duration or one of its allowedDurations",
        ),
    ):
        response = http.get(
            "/booking-availability",
            params={"meetingTypeId": CONSULT, "start": DAY.isoformat(), "end": DAY.isoformat()}
            | bad,
        )
        assert (response.status_code, response.json()["message"]) == (400, message)


def test_round_robin_availability_needs_the_members(http: httpx.Client) -> None:
    everyone = spots_of(http, TRIAGE, DAY, timezone=ZONE, hostIds=f"{ANNA},{BEN}", queueId=QUEUE)
    queue_only = spots_of(http, TRIAGE, DAY, timezone=ZONE, queueId=QUEUE)
    times = [s["startTime"][11:16] for s in everyone["dates"][0]["spots"]]
    fewer = [s["startTime"][11:16] for s in queue_only["dates"][0]["spots"]]
    assert "17:30" in times and "17:30" not in fewer  # Ben's late hours: the next host is Anna
    assert set(fewer) < set(times)


def test_spots_follow_daylight_saving(http: httpx.Client) -> None:
    year = DAY.year if DAY.month < 10 else DAY.year + 1
    sunday = date(year, 10, 31)
    while sunday.isoweekday() != 7:
        sunday -= timedelta(days=1)
    before, after = sunday - timedelta(days=6), sunday + timedelta(days=1)
    for day, offset in ((before, "+02:00"), (after, "+01:00")):
        first = spots_of(http, CONSULT, day, timezone=ZONE)["dates"][0]["spots"][0]
        assert first["startTime"] == f"{day.isoformat()}T08:00:00{offset}"


def test_round_robin_spreads_and_a_group_fills_one_appointment(http: httpx.Client) -> None:
    hosts = []
    for n in range(2):
        made = http.post("/booking", json=body(at(DAY, 10), TRIAGE, {"email": f"p{n}@x.de"}))
        assert made.status_code == 201
    for user in (ANNA, BEN):
        hosts += [r["hostIds"] for r in listed(http, user) if r["meetingTypeId"] == TRIAGE]
    assert sorted(hosts) == [[ANNA], [BEN]]
    third = http.post("/booking", json=body(at(DAY, 10), TRIAGE))
    assert third.json()["message"] == "start is not an available spot"
    # Ben has a triage 10:00-10:20: his group at 10:00 is blocked; at 11:00 three take seats
    ids = {
        http.post("/booking", json=body(at(DAY, 11), GROUP, {"email": f"g{n}@x.de"})).json()[
            "appointmentId"
        ]
        for n in range(3)
    }
    assert len(ids) == 1  # one appointment, three attendees
    (group,) = [r for r in listed(http, BEN) if r["meetingTypeId"] == GROUP]
    assert [a["email"] for a in group["attendees"]] == ["g0@x.de", "g1@x.de", "g2@x.de"]
    assert http.post("/booking", json=body(at(DAY, 11), GROUP)).status_code == 400


def test_provisional_bookings_are_listed_by_status(
    http: httpx.Client, server: SandboxServer, state: MeetergoState
) -> None:
    root = server.provider("meetergo").root_url
    made = [
        http.post("/booking", json=body(at(DAY, hh), CHECK_IN, {"notes": {"ref": str(hh)}})).json()
        for hh in (10, 11, 12)
    ]
    assert all(m["bookingType"] == "doubleOptIn" for m in made)
    assert listed(http, BEN) == []  # not booked until confirmed
    page = http.get("/provisional-booking/paginated", headers=as_user(BEN)).json()
    assert set(page) == {"provisionalBookings", "total"} and page["total"] == 3
    item = page["provisionalBookings"][-1]
    assert set(item) >= {"id", "dto", "type", "createdAt", "hosts", "meetingTypeId"}
    assert item["dto"]["attendee"]["notes"] == {"ref": "10"} and item["type"] == "doubleOptIn"
    assert item["dto"]["start"] == iso(at(DAY, 10)) and item["hosts"][0]["id"] == BEN
    anna = http.get("/provisional-booking/paginated", headers=as_user(ANNA)).json()
    assert anna["total"] == 0  # Ben's, not Anna's
    first, second, third = (m["provisionalBookingId"] for m in made)
    assert httpx.post(f"{root}/__sandbox__/provisional/{first}/confirm").status_code == 200
    assert httpx.post(f"{root}/__sandbox__/provisional/{second}/expire").status_code == 200
    assert httpx.post(f"{root}/__sandbox__/provisional/{third}/decline").status_code == 200
    for status, pid in (
        ("confirmed", first),
        ("expired", second),
        ("declined_by_host", third),
        ("pending", None),
    ):
        found = http.get(
            "/provisional-booking/paginated", params={"status": status}, headers=as_user(BEN)
        ).json()
        assert [p["id"] for p in found["provisionalBookings"]] == ([pid] if pid else [])
    (record,) = listed(http, BEN)
    assert record["start"] == iso(at(DAY, 10)) and "provisionalBookingId" not in record
    bad = http.get("/provisional-booking/paginated", params={"status": "x"}, headers=as_user(BEN))
    assert bad.status_code == 400


def test_lists_page_per_user(http: httpx.Client) -> None:
    for n, hh in enumerate((8, 9, 10, 11, 13)):
        http.post("/booking", json=body(at(DAY, hh), who={"email": f"p{n}@x.de"}))
    page = listed(http, ANNA, limit=2, page=2)
    assert [r["start"] for r in page] == [iso(at(DAY, 10)), iso(at(DAY, 11))]
    assert listed(http, BEN) == []
    for bad, message in (
        ({"limit": "101"}, "limit must be between 1 and 100"),
        ({"page": "0"}, "page must be a positive integer"),
    ):
        response = http.get("/appointment/paginated", params=bad)
        assert (response.status_code, response.json()["message"]) == (400, message)


def test_reschedule_and_cancel(http: httpx.Client) -> None:
    first = http.post("/booking", json=body(at(DAY, 10))).json()["appointmentId"]
    http.post("/booking", json=body(at(DAY, 11)))
    moved = http.post(f"/appointment/{first}/reschedule", json={"start": iso(at(DAY, 10, 15))})
    assert moved.status_code == 200
    assert set(moved.json()) == {"appointment"}
    assert moved.json()["appointment"]["start"] == iso(at(DAY, 10, 15))
    clash = http.post(f"/appointment/{first}/reschedule", json={"start": iso(at(DAY, 11))})
    assert clash.json()["message"] == "start is not an available spot"
    forced = {"start": iso(at(DAY, 7)), "ignoreAvailability": True}
    assert http.post(f"/appointment/{first}/reschedule", json=forced).status_code == 200
    bad = http.post(f"/appointment/{first}/reschedule", json={"start": "soon"})
    assert bad.json()["message"] == "start must be an ISO 8601 date-time with a time zone offset"
    assert http.post("/appointment/nope/reschedule", json={}).status_code == 404
    foreign = http.post(f"/appointment/{first}/cancel", json={}, headers=as_user(BEN))
    assert (foreign.status_code, foreign.json()["message"]) == (403, "Insufficient permissions")
    cancelled = http.post(f"/appointment/{first}/cancel", json={"reason": "ill"})
    record = cancelled.json()
    assert cancelled.status_code == 200 and record["isCancelled"] is True
    assert record["cancel"]["reason"] == "ill" and record["id"] == first
    assert http.post(f"/appointment/{first}/cancel", json={}).json()["isCancelled"] is True
    too_long = http.post(f"/appointment/{first}/cancel", json={"reason": "x" * 501})
    assert too_long.json()["message"] == "reason must be shorter than or equal to 500 characters"
    again = http.post(f"/appointment/{first}/reschedule", json={"start": iso(at(DAY, 13))})
    assert again.json()["message"] == "Cancelled appointments cannot be rescheduled"
    assert http.post("/booking", json=body(at(DAY, 10))).status_code == 201  # spot freed


def test_a_group_seat_is_cancelled_by_attendee(http: httpx.Client) -> None:
    ben = as_user(BEN)
    for n in range(2):
        http.post("/booking", json=body(at(DAY, 11), GROUP, {"email": f"g{n}@x.de"}))
    (group,) = listed(http, BEN)
    plain = http.post(f"/appointment/{group['id']}/cancel", json={"reason": "ill"}, headers=ben)
    assert plain.json()["message"] == "attendeeId or cancelAll is required for group bookings"
    seat = group["attendees"][0]["id"]
    one = {"reason": "ill", "attendeeId": seat}
    left = http.post(f"/appointment/{group['id']}/cancel", json=one, headers=ben).json()
    assert [a["email"] for a in left["attendees"]] == ["g1@x.de"] and not left["isCancelled"]
    everyone = {"cancelAll": True}
    gone = http.post(f"/appointment/{group['id']}/cancel", json=everyone, headers=ben).json()
    assert gone["isCancelled"] is True


def test_past_appointments_cannot_be_cancelled(http: httpx.Client, state: MeetergoState) -> None:
    first = http.post("/booking", json=body(at(DAY, 10))).json()["appointmentId"]
    real = state.clock
    state.clock = lambda: at(DAY, 10, 5)
    try:
        response = http.post(f"/appointment/{first}/cancel", json={})
    finally:
        state.clock = real
    assert response.json()["message"] == "Past appointments cannot be cancelled"


def test_a_forbidden_list_answers_403(http: httpx.Client, state: MeetergoState) -> None:
    state.forbidden.add("provisional-booking")
    response = http.get("/provisional-booking/paginated")
    assert response.json() == {
        "statusCode": 403,
        "message": "Insufficient permissions",
        "error": "Forbidden",
    }


def test_drop_next_answer_still_commits(http: httpx.Client, state: MeetergoState) -> None:
    state.faults.drop_next_answers(1)
    with pytest.raises(httpx.HTTPError):
        http.post("/booking", json=body(at(DAY, 10)))
    assert len(state.appointments()) == 1


def test_a_whole_number_duration_may_be_a_float(http: httpx.Client) -> None:
    assert http.post("/booking", json=body(at(DAY, 10), THERAPY, duration=60.0)).status_code == 201
    assert http.post("/booking", json=body(at(DAY, 14), CONSULT, hostIds=DROP)).json() == {
        "statusCode": 400,
        "message": "hostIds or queueId is required",
        "error": "Bad Request",
        "errors": [{"field": "hostIds", "message": "hostIds or queueId is required"}],
    }

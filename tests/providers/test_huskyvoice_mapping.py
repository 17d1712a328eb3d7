"""HuskyVoice mapping and answer classification, one answer at a time (no network)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from frontdesk.domain.booking import (
    APPROXIMATE_TIME,
    Booking,
    SyncState,
    VisitStatus,
    approximate_time,
)
from frontdesk.domain.catalog import Window
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.providers.base import Accepted, Ambiguous, Refused, RetryLater, retry_after_seconds
from frontdesk.providers.http import Answer
from frontdesk.providers.huskyvoice import HuskyVoiceConnector, mapping
from frontdesk.providers.huskyvoice.places import Places, utc_days
from frontdesk.providers.huskyvoice.wire import HvAppointment
from frontdesk.rules.huskyvoice import HELD

ZONE = "Europe/London"
DAY = date(2027, 6, 15)
START = datetime(2027, 6, 15, 9, 30, tzinfo=UTC)  # 10:30 in London (summer time)
DESK = Booking(
    id="local-1",
    connection_id="c1",
    service_id="svc-1",
    resource_id="branch_uuid_here",
    start=START,
    end=START + timedelta(minutes=30),
    patient_name="Aadhi",
    patient_phone="+919840000000",
    external_ref="local-1",
)
# exactly the 14 fields the vendor's record has: a date and a session, no instant
RECORD = {
    "appointment_id": "appt_a1b2c3d4e5",
    "appointment_type": "svc-1",
    "branch_id": "branch_uuid_here",
    "date": "2027-06-15",
    "session": "Morning",
    "batch": "MA",
    "token": None,
    "patient_name": "Aadhi",
    "parent_phone": "+919840000000",
    "assigned_doctor": None,
    "status": "confirmed",
    "external_reference_id": "local-1",
    "created_at": "2026-05-26T10:00:00.000Z",
    "updated_at": "2026-05-26T10:00:00.000Z",
}
MORNING = Window("cal-1", "branch_uuid_here", DAY, time(9), time(12), "Morning", "MA", True, 6)


def london(day: date, hh: int, mm: int = 0) -> datetime:
    return local_to_utc(day, time(hh, mm), ZONE).instant


@pytest.fixture
def connector() -> Iterator[HuskyVoiceConnector]:
    c = HuskyVoiceConnector("c1", "http://127.0.0.1:9/v1", "sk_test_x")
    c._places = Places(ZONE, [MORNING])
    yield c
    c.close()


def answer(status: int, body: object, **headers: str) -> Answer:
    text = body if isinstance(body, str) else json.dumps(body)
    return Answer(status, {k.lower().replace("_", "-"): v for k, v in headers.items()}, text)


class Wire:
    """Stands in for the connector's HTTP client: answers from a function, keeps requests."""

    def __init__(self, reply: Any) -> None:
        self.reply = reply
        self.sent: list[tuple[str, str, dict[str, Any] | None, Any]] = []

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        body: Any = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        self.sent.append((method, path, params, body))
        status, payload = self.reply(method, path, params or {}, body)
        return answer(status, payload)

    def close(self) -> None:
        pass


def test_create_body_uses_local_id_as_reference() -> None:
    body = mapping.create_body(DESK)
    assert body == {
        "appointment_type": "svc-1",
        "appointment_date": "2027-06-15T09:30:00.000Z",
        "patient_name": "Aadhi",
        "parent_phone": "+919840000000",
        "branch_id": "branch_uuid_here",
        "external_reference_id": "local-1",
    }
    # "auto-resolved if only one exists": no blank branch_id is sent
    assert "branch_id" not in mapping.create_body(DESK.with_changes(resource_id=""))


def test_a_move_sends_only_updatable_fields() -> None:
    assert mapping.reschedule_body(DESK) == {"appointment_date": "2027-06-15T09:30:00.000Z"}
    with_session = mapping.reschedule_body(DESK.with_changes(session="Morning"))
    assert with_session == {"appointment_date": "2027-06-15T09:30:00.000Z", "session": "Morning"}


def test_a_pulled_record_sits_at_its_windows_start_in_its_session() -> None:
    places = Places(ZONE, [MORNING])
    record = HvAppointment.model_validate({**RECORD, "external_reference_id": None})
    b = mapping.booking_from_wire(record, "c1", places, {"svc-1": 20})
    assert b is not None
    assert (b.remote_id, b.start, b.end, b.sync_state) == (
        "appt_a1b2c3d4e5",
        london(DAY, 9),
        london(DAY, 9, 20),
        SyncState.CONFIRMED,
    )
    span = approximate_time(b)
    assert span is not None and span.label == "Morning session"
    assert (span.start, span.end) == (london(DAY, 9), london(DAY, 12))
    assert b.extra[HELD]["at"] is None and b.extra[HELD]["branch_id"] == "branch_uuid_here"
    again = mapping.booking_from_wire(record, "c1", places, {})
    assert again is not None and again.id == b.id != "local-1"  # stable id for others' bookings
    # ours: our id, matched by external_reference_id
    ours = mapping.booking_from_wire(HvAppointment.model_validate(RECORD), "c1", places, {})
    assert ours is not None and ours.id == "local-1"


def test_placement_falls_back_to_the_weekly_window_then_the_sessions_hours() -> None:
    places = Places(ZONE, [MORNING])
    next_week = DAY + timedelta(days=7)
    span = places.of_record("branch_uuid_here", next_week, "Morning", "MA")
    assert (span.at, span.end) == (london(next_week, 9), london(next_week, 12))
    span = places.of_record("branch_uuid_here", DAY, "Evening", "EA")
    assert (span.at, span.start) == (london(DAY, 18), london(DAY, 17))
    assert span.label == "Evening session"
    other_branch = places.of_record("elsewhere", DAY, "Afternoon", None)
    assert other_branch.at == london(DAY, 14)


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("confirmed", VisitStatus.BOOKED),
        ("rescheduled", VisitStatus.BOOKED),
        ("completed", VisitStatus.COMPLETED),
        ("cancelled", VisitStatus.CANCELLED),
        ("something_new", VisitStatus.BOOKED),
    ],
)
def test_record_statuses(word: str, status: VisitStatus) -> None:
    record = HvAppointment.model_validate({**RECORD, "status": word})
    b = mapping.booking_from_wire(record, "c1", Places(ZONE), {})
    assert b is not None and b.visit_status is status
    assert b.extra[HELD]["status"] == word


def test_a_record_without_a_readable_date_is_skipped() -> None:
    record = HvAppointment.model_validate({**RECORD, "date": None})
    assert mapping.booking_from_wire(record, "c1", Places(ZONE), {}) is None


def test_201_and_idempotent_200_are_accepted_keeping_the_desks_start(
    connector: HuskyVoiceConnector,
) -> None:
    created = {"success": True, "appointment_id": "appt_a1b2c3d4e5", "token": None, "data": RECORD}
    out = connector._classify(answer(201, created), DESK)
    assert isinstance(out, Accepted) and not out.replayed
    b = out.booking
    assert (b.remote_id, b.start, b.session, b.batch) == ("appt_a1b2c3d4e5", START, "Morning", "MA")
    assert b.sync_state is SyncState.CONFIRMED and APPROXIMATE_TIME not in b.extra
    held = b.extra[HELD]
    assert held["at"] is not None  # accepted now: the cached availability may not count it
    assert (held["from"], held["to"]) == ("2027-06-15T08:00:00.000Z", "2027-06-15T11:00:00.000Z")
    # the page prints the replay's data as { ... }: the top-level id is enough
    replay = {"success": True, "idempotent": True, "appointment_id": "appt_x", "data": {}}
    out = connector._classify(answer(200, replay), DESK)
    assert isinstance(out, Accepted) and out.replayed
    assert (out.booking.remote_id, out.booking.start) == ("appt_x", START)


def test_a_confirmed_answer_does_not_undo_the_desks_arrived(
    connector: HuskyVoiceConnector,
) -> None:
    arrived = DESK.with_changes(visit_status=VisitStatus.ARRIVED)
    created = {"success": True, "appointment_id": "appt_a1b2c3d4e5", "data": RECORD}
    out = connector._classify(answer(201, created), arrived)
    assert isinstance(out, Accepted) and out.booking.visit_status is VisitStatus.ARRIVED


def test_refusal_keeps_the_servers_code(connector: HuskyVoiceConnector) -> None:
    body = {"success": False, "error": {"code": "SLOT_FULL", "message": "No remaining"}}
    out = connector._classify(answer(409, body), DESK)
    assert isinstance(out, Refused) and out.verdict.code == "SLOT_FULL"
    assert not out.credentials
    out = connector._classify(answer(403, {"error": {"code": "INSUFFICIENT_SCOPE"}}), DESK)
    assert isinstance(out, Refused) and out.credentials
    assert out.verdict.message and "appointments:write" in out.verdict.message
    duplicate = {
        "error": {"code": "DUPLICATE_BOOKING", "message": "x", "existing_appointment_id": "a1"}
    }
    out = connector._classify(answer(409, duplicate), DESK)
    assert isinstance(out, Refused) and out.verdict.existing_id == "a1"


@pytest.mark.parametrize(
    ("status", "text", "code"),
    [
        (401, "<html>Unauthorized</html>", "HTTP_401"),
        (400, '{"error": "Bad Request", "message": "no"}', "Bad Request"),
        (404, '{"code": "NOT_FOUND"}', "NOT_FOUND"),
        (422, "[]", "HTTP_422"),
    ],
)
def test_a_4xx_of_any_shape_is_a_refusal_never_ambiguous(
    connector: HuskyVoiceConnector, status: int, text: str, code: str
) -> None:
    out = connector._classify_safely(answer(status, text), DESK, "POST appointments")
    assert isinstance(out, Refused)
    assert (out.verdict.status, out.verdict.code) == (status, code)
    assert out.credentials is (status == 401)


def test_429_and_5xx_retry_not_before_retry_after(connector: HuskyVoiceConnector) -> None:
    out = connector._classify(answer(429, {}, retry_after="17"), DESK)
    assert isinstance(out, RetryLater) and out.not_before_s == 17
    out = connector._classify(answer(503, "<html>down</html>"), DESK)
    assert isinstance(out, RetryLater)


@pytest.mark.parametrize(
    "text",
    [
        "<html>oops</html>",
        '{"success": true, "appointment_id": "x", "data": {"appoi',
        json.dumps({"success": True, "appointment_id": 5, "data": {"status": 1}}),
        json.dumps({"success": True, "data": {"status": "confirmed"}}),
    ],
)
def test_bad_2xx_bodies_are_ambiguous_not_crashes(
    connector: HuskyVoiceConnector, text: str
) -> None:
    out = connector._classify_safely(answer(201, text), DESK, "POST appointments")
    assert isinstance(out, Ambiguous)


def test_arrived_and_no_show_are_never_sent(connector: HuskyVoiceConnector) -> None:
    wire = Wire(lambda *_: (500, {}))
    connector._http = wire  # type: ignore[assignment]
    held = DESK.with_changes(remote_id="appt_1", sync_state=SyncState.PENCILLED)
    for status in (VisitStatus.ARRIVED, VisitStatus.NO_SHOW):
        out = connector.set_status(held.with_changes(visit_status=status), "k")
        assert isinstance(out, Accepted)
        assert (out.booking.visit_status, out.booking.sync_state) == (status, SyncState.CONFIRMED)
    assert wire.sent == []


def test_completed_and_booked_are_patched_as_documented(connector: HuskyVoiceConnector) -> None:
    wire = Wire(lambda *_: (200, {"success": True, "data": {**RECORD, "status": "completed"}}))
    connector._http = wire  # type: ignore[assignment]
    held = DESK.with_changes(remote_id="appt_1", visit_status=VisitStatus.COMPLETED)
    out = connector.set_status(held, "k")
    assert isinstance(out, Accepted) and out.booking.visit_status is VisitStatus.COMPLETED
    connector.set_status(held.with_changes(visit_status=VisitStatus.BOOKED), "k")
    assert [(m, p, b) for m, p, _, b in wire.sent] == [
        ("PATCH", "appointments/appt_1", {"status": "completed"}),
        ("PATCH", "appointments/appt_1", {"status": "confirmed"}),
    ]


def test_another_branch_or_service_is_refused_without_a_request(
    connector: HuskyVoiceConnector,
) -> None:
    wire = Wire(lambda *_: (200, {"success": True, "data": RECORD}))
    connector._http = wire  # type: ignore[assignment]
    created = connector._classify(answer(201, {"appointment_id": "a", "data": RECORD}), DESK)
    assert isinstance(created, Accepted)
    moved = created.booking.with_changes(resource_id="branch_north")
    out = connector.reschedule(moved, "k")
    assert isinstance(out, Refused) and out.verdict.field == "resource_id"
    retyped = created.booking.with_changes(service_id="svc-2")
    out = connector.reschedule(retyped, "k")
    assert isinstance(out, Refused) and out.verdict.field == "service_id"
    assert wire.sent == []
    later = created.booking.with_changes(start=START + timedelta(hours=1), session=None)
    assert isinstance(connector.reschedule(later, "k"), Accepted)
    assert wire.sent[0][3] == {"appointment_date": "2027-06-15T10:30:00.000Z"}


def test_utc_days_of_local_days() -> None:
    days = [date(2027, 6, 15), date(2027, 6, 16)]
    assert utc_days(days, "UTC") == days
    assert utc_days(days, "Europe/London") == [date(2027, 6, 14), *days]  # 00:00 BST is 23:00
    assert utc_days(days, "America/New_York") == [*days, date(2027, 6, 17)]
    assert utc_days([], "UTC") == []


def _listing(records: list[dict[str, Any]], limit: int, params: dict[str, Any]) -> dict[str, Any]:
    rows = [r for r in records if "date" not in params or r["date"] == params["date"]]
    page = int(params["page"])
    return {"success": True, "data": rows[(page - 1) * limit : page * limit]}


def test_a_short_first_page_is_the_whole_list(connector: HuskyVoiceConnector) -> None:
    records = [
        {**RECORD, "appointment_id": f"a{n}", "external_reference_id": None} for n in range(3)
    ]
    wire = Wire(lambda m, p, params, b: (200, _listing(records, 200, params)))
    connector._http = wire  # type: ignore[assignment]
    connector._days = [DAY]
    pulled = connector.pull_bookings(datetime.now(UTC))
    assert sorted(b.remote_id or "" for b in pulled) == ["a0", "a1", "a2"]
    assert [p for _, _, p, _ in wire.sent] == [{"page": 1, "limit": 200}]


def test_a_long_list_is_pulled_per_utc_day_of_the_cached_days(
    connector: HuskyVoiceConnector,
) -> None:
    """No updated_since (undocumented): each UTC day of the cached local days, by ``date``,
    paged until a page is shorter than ``limit`` [ours]."""
    records = [
        {**RECORD, "appointment_id": f"{day}-{n}", "date": day, "external_reference_id": None}
        for day in ("2027-06-14", "2027-06-15", "2027-06-16", "2027-06-20")
        for n in range(3)
    ]
    connector.page_limit = 2
    wire = Wire(lambda m, p, params, b: (200, _listing(records, 2, params)))
    connector._http = wire  # type: ignore[assignment]
    connector._days = [DAY]
    pulled = connector.pull_bookings(datetime.now(UTC))
    asked = [(p.get("date"), p["page"]) for _, _, p, _ in wire.sent]
    assert asked == [
        (None, 1),  # one unfiltered page first: full, so the list is longer
        ("2027-06-14", 1),
        ("2027-06-14", 2),
        ("2027-06-15", 1),
        ("2027-06-15", 2),
    ]
    assert sorted(b.remote_id or "" for b in pulled) == [
        f"{d}-{n}" for d in ("2027-06-14", "2027-06-15") for n in range(3)
    ]
    assert all(p["limit"] == 2 and "updated_since" not in p for _, _, p, _ in wire.sent)
    # a first pull (since None) lists the same days
    wire.sent.clear()
    assert len(connector.pull_bookings(None)) == len(pulled)
    assert [p.get("date") for _, _, p, _ in wire.sent] == [d for d, _ in asked]
    # with no cached days (no catalog pulled), every page of the whole list
    connector._days = []
    wire.sent.clear()
    assert len(connector.pull_bookings(None)) == len(records)
    assert [p.get("date") for _, _, p, _ in wire.sent] == [None] * 7


def test_a_page_that_repeats_itself_ends_the_listing(connector: HuskyVoiceConnector) -> None:
    same = [{**RECORD, "appointment_id": f"a{n}"} for n in range(2)]
    connector.page_limit = 2
    wire = Wire(lambda *_: (200, {"success": True, "data": same}))
    connector._http = wire  # type: ignore[assignment]
    assert len(connector.pull_bookings(None)) == 2
    assert len(wire.sent) == 2


def test_an_unreadable_record_is_skipped_not_the_pull(connector: HuskyVoiceConnector) -> None:
    rows = [RECORD, {"appointment_id": "broken"}, {**RECORD, "appointment_id": "b"}]
    wire = Wire(lambda *_: (200, {"success": True, "data": rows}))
    connector._http = wire  # type: ignore[assignment]
    assert sorted(b.remote_id or "" for b in connector.pull_bookings(None)) == [
        "appt_a1b2c3d4e5",
        "b",
    ]


def _catalog_wire(config: dict[str, Any], services: Any) -> Wire:
    slots = {
        "success": True,
        "date": DAY.isoformat(),
        "slots": [
            {
                "slot_id": f"cal-1||{DAY}",
                "calendar_id": "cal-1",
                "branch_id": "b-1",
                "day": "tuesday",
                "session": "Morning",
                "batch": "MA",
                "start_time": "09:00",
                "end_time": "11:00",
                "appointment_type": "Vaccination",
                "max_slots": 20,
                "ai_slots": 10,
                "filled_slots": 3,
                "status": "OPEN",
            },
            {"slot_id": "broken"},
        ],
    }

    def reply(method: str, path: str, params: dict[str, Any], body: Any) -> tuple[int, Any]:
        return {
            "appointment-config": (200, config),
            "services": (200, services),
            "appointment-slots/availability": (200, slots),
        }[path]

    return Wire(reply)


def test_the_catalog_is_read_leniently(connector: HuskyVoiceConnector) -> None:
    """Config without a data wrapper or branches, services keyed service_id, a slot without
    available_slots (ai_slots - filled_slots then) and one unreadable slot."""
    wire = _catalog_wire(
        {"timezone": "Asia/Kolkata", "allow_cancellation": False},
        {"data": [{"service_id": "svc-v", "name": "Vaccination"}, {"name": "no id"}]},
    )
    connector._http = wire  # type: ignore[assignment]
    catalog = connector.pull_catalog([DAY])
    assert catalog.policy.timezone == "Asia/Kolkata"
    assert not catalog.policy.allow_cancellation and catalog.policy.cancellation_notice_hours == 0
    assert catalog.policy.extra["duplicate_prevention_known"] is False
    assert [(s.id, s.name, s.duration_minutes) for s in catalog.services] == [
        ("svc-v", "Vaccination", 30)
    ]
    assert [(r.id, r.name) for r in catalog.resources] == [("b-1", "b-1")]
    (window,) = catalog.windows
    assert (window.window_id, window.capacity, window.service_id) == ("cal-1", 7, "svc-v")
    assert [p for _, path, p, _ in wire.sent if path.startswith("appointment-slots")] == [
        {"date": DAY.isoformat()}
    ]


def test_a_configuration_without_a_zone_takes_the_connections_option() -> None:
    c = HuskyVoiceConnector("c1", "http://127.0.0.1:9/v1", "k", timezone="Europe/Dublin")
    c._http = _catalog_wire({"success": True, "data": {}}, {"data": []})  # type: ignore[assignment]
    assert c.pull_catalog([DAY]).policy.timezone == "Europe/Dublin"
    bare = HuskyVoiceConnector("c1", "http://127.0.0.1:9/v1", "k")
    bare._http = _catalog_wire({"data": {"timezone": None}}, [])  # type: ignore[assignment]
    from frontdesk.providers.base import ApiError

    with pytest.raises(ApiError, match="time zone"):
        bare.pull_catalog([DAY])


def test_retry_after_as_seconds_or_http_date() -> None:
    now = datetime(2027, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("5", now) == 5
    assert retry_after_seconds("Fri, 01 Jan 2027 12:00:30 GMT", now) == 30
    assert retry_after_seconds("garbage", now) is None
    assert retry_after_seconds(None, now) is None

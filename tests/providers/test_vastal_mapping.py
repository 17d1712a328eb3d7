"""Vastal mapping and answer classification, one answer at a time (no network)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from frontdesk.app.connection_setup import check_connection
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.verdict import Severity
from frontdesk.providers.base import Accepted, ApiError, Refused, RetryLater
from frontdesk.providers.http import Answer, BadAnswer
from frontdesk.providers.vastal import PROVIDER, VastalConnector, mapping
from frontdesk.providers.vastal.wire import VsAppointment
from frontdesk.sync.pacing import SlidingWindow
from support.vastal import NOW, ORG, REVIEW, TAX, ZONE, at, booking, make_catalog

START = datetime(2027, 3, 4, 15, 0, tzinfo=UTC)
DESK = Booking(
    id="local-1",
    connection_id="c1",
    service_id=TAX,
    resource_id=ORG,
    start=START,
    end=START + timedelta(minutes=60),
    patient_name="Jane Doe",
    patient_phone="+1234567890",
    patient_email="jane@example.com",
    notes="prefers mornings",
    extra={"client_language": "es", "client_notes": "bring receipts"},
)
RECORD = {
    "id": "apt_new123",
    "org_id": ORG,
    "appointment_type_id": TAX,
    "start_time": "2027-03-04T15:00:00Z",
    "end_time": "2027-03-04T16:00:00Z",
    "client_name": "Jane Doe",
    "client_email": "jane@example.com",
    "client_phone": "+1234567890",
    "status": "confirmed",
    "confirmed_at": "2027-03-01T12:00:00Z",
    "source": "manual",
    "appointment_type": {
        "id": TAX,
        "name": "Tax Consultation",
        "duration_minutes": 60,
        "color": "#3b82f6",
    },
}


@pytest.fixture
def connector() -> Iterator[VastalConnector]:
    c = VastalConnector("c1", "http://127.0.0.1:9/v1", "vst_test_x", ZONE)
    yield c
    c.close()


def answer(status: int, body: object, **headers: str) -> Answer:
    text = body if isinstance(body, str) else json.dumps(body)
    return Answer(status, {k.lower().replace("_", "-"): v for k, v in headers.items()}, text)


def test_create_body() -> None:
    assert mapping.create_body(DESK) == {
        "appointment_type_id": TAX,
        "start_time": "2027-03-04T15:00:00Z",
        "client_name": "Jane Doe",
        "client_phone": "+1234567890",
        "client_email": "jane@example.com",
        "internal_notes": "prefers mornings",
        "client_language": "es",
        "client_notes": "bring receipts",
    }
    bare = DESK.with_changes(patient_email=None, notes=None, extra={})
    assert set(mapping.create_body(bare)) == {
        "appointment_type_id",
        "start_time",
        "client_name",
        "client_phone",
    }


def test_reschedule_body_has_only_documented_fields() -> None:
    moved = DESK.with_changes(remote_id="apt_1", start=START + timedelta(hours=1))
    assert mapping.reschedule_body(moved) == {"id": "apt_1", "start_time": "2027-03-04T16:00:00Z"}


@pytest.mark.parametrize(
    ("wire", "visit", "sync"),
    [
        ("pending", VisitStatus.BOOKED, SyncState.AWAITING_CONFIRMATION),
        ("confirmed", VisitStatus.BOOKED, SyncState.CONFIRMED),
        ("completed", VisitStatus.COMPLETED, SyncState.CONFIRMED),
        ("no_show", VisitStatus.NO_SHOW, SyncState.CONFIRMED),
        ("cancelled", VisitStatus.CANCELLED, SyncState.CONFIRMED),
    ],
)
def test_status_vocabulary(wire: str, visit: VisitStatus, sync: SyncState) -> None:
    record = VsAppointment.model_validate(dict(RECORD, status=wire))
    pulled = mapping.booking_from_wire(record, "c1", ORG, {})
    assert (pulled.visit_status, pulled.sync_state) == (visit, sync)
    assert pulled.id == mapping.booking_from_wire(record, "c1", ORG, {}).id  # stable
    assert (pulled.remote_id, pulled.resource_id, pulled.end) == (
        "apt_new123",
        ORG,
        START + timedelta(hours=1),
    )


def test_accepted_create(connector: VastalConnector) -> None:
    outcome = connector.classify(answer(200, {"appointment": RECORD}), DESK)
    assert isinstance(outcome, Accepted)
    assert outcome.booking.id == "local-1" and outcome.booking.remote_id == "apt_new123"
    assert outcome.booking.sync_state is SyncState.CONFIRMED
    pending = connector.classify(
        answer(200, {"appointment": dict(RECORD, status="pending", confirmed_at=None)}), DESK
    )
    assert isinstance(pending, Accepted)
    assert pending.booking.sync_state is SyncState.AWAITING_CONFIRMATION


@pytest.mark.parametrize(
    ("status", "message", "credentials"),
    [
        (400, "The requested time overlaps another appointment", False),
        (404, "Appointment type not found", False),
        (401, "Unauthorized", True),
        (403, "Forbidden", True),
    ],
)
def test_refusals_carry_the_error_text(
    connector: VastalConnector, status: int, message: str, credentials: bool
) -> None:
    outcome = connector.classify(answer(status, {"error": message}), DESK)
    assert isinstance(outcome, Refused)
    assert outcome.verdict.as_json() == {"status": status, "code": None, "message": message}
    assert outcome.credentials is credentials


def test_refusals_in_the_rest_references_envelope(connector: VastalConnector) -> None:
    body = {
        "success": False,
        "error": {
            "code": "FORBIDDEN",
            "message": "Insufficient permissions",
            "details": {"field": "client_email"},
        },
    }
    outcome = connector.classify(answer(403, body), DESK)
    assert isinstance(outcome, Refused) and outcome.credentials
    assert (outcome.verdict.code, outcome.verdict.message, outcome.verdict.field) == (
        "FORBIDDEN",
        "Insufficient permissions",
        "patient_email",
    )


@pytest.mark.parametrize("text", ["<html>bad gateway</html>", "[]", '{"detail": 5}', ""])
def test_an_unreadable_error_body_is_still_a_refusal(connector: VastalConnector, text: str) -> None:
    outcome = connector.classify(answer(409, text), DESK)
    assert isinstance(outcome, Refused) and not outcome.credentials
    assert outcome.verdict.as_json() == {"status": 409, "code": None, "message": "HTTP 409"}


def test_rate_limited_waits_for_retry_after_or_reset(connector: VastalConnector) -> None:
    body = {"error": "Rate limit exceeded: 1000 requests per hour"}
    outcome = connector.classify(answer(429, body, retry_after="120"), DESK)
    assert isinstance(outcome, RetryLater) and outcome.not_before_s == 120
    reset = str(int(datetime.now(UTC).timestamp()) + 300)
    outcome = connector.classify(answer(429, body, x_ratelimit_reset=reset), DESK)
    assert isinstance(outcome, RetryLater)
    assert outcome.not_before_s is not None and 295 <= outcome.not_before_s <= 301
    assert isinstance(connector.classify(answer(503, "oops"), DESK), RetryLater)


def test_unreadable_success_raises_bad_answer(connector: VastalConnector) -> None:
    with pytest.raises(BadAnswer):
        connector.classify(answer(200, '{"appointment": {"id"'), DESK)
    with pytest.raises(BadAnswer):
        connector.classify(answer(200, {"appointment": {"status": "confirmed"}}), DESK)
    sent = DESK.with_changes(remote_id="apt_1")
    with pytest.raises(BadAnswer):  # a change answered for another appointment
        connector.classify(answer(200, {"appointment": {"id": "apt_2"}}), sent)


def test_a_partial_patch_answer_is_a_success(connector: VastalConnector) -> None:
    """The update page answers id, status, the fields sent and the type's summary: the rest
    comes from the booking sent; the end is the start plus the type's duration."""
    moved = DESK.with_changes(
        remote_id="apt_1",
        start=START + timedelta(hours=2),
        end=START + timedelta(hours=3),
        sync_state=SyncState.PENCILLED,
    )
    reply = {
        "appointment": {
            "id": "apt_1",
            "status": "confirmed",
            "start_time": "2027-03-04T17:00:00Z",
            "appointment_type": {"id": TAX, "name": "Tax Consultation", "duration_minutes": 45},
        }
    }
    outcome = connector.classify(answer(200, reply), moved)
    assert isinstance(outcome, Accepted)
    got = outcome.booking
    assert (got.remote_id, got.start, got.end) == (
        "apt_1",
        START + timedelta(hours=2),
        START + timedelta(hours=2, minutes=45),
    )
    assert (got.visit_status, got.sync_state) == (VisitStatus.BOOKED, SyncState.CONFIRMED)
    assert (got.patient_name, got.notes) == (DESK.patient_name, DESK.notes)
    bare = connector.classify(answer(200, {"appointment": {"id": "apt_1"}}), moved)
    assert isinstance(bare, Accepted) and bare.booking.end == moved.end
    cancelled = moved.with_changes(visit_status=VisitStatus.CANCELLED)
    done = connector.classify(answer(200, {"appointment": {"id": "apt_1"}}), cancelled)
    assert isinstance(done, Accepted) and done.booking.visit_status is VisitStatus.CANCELLED


def test_a_change_of_type_is_refused_before_sending(connector: VastalConnector) -> None:
    """PATCH has no appointment_type_id: nothing is sent (port 9 is closed) and the words
    say what to do."""
    connector._types_of["apt_1"] = TAX
    outcome = connector.reschedule(DESK.with_changes(remote_id="apt_1", service_id=REVIEW), "k")
    assert isinstance(outcome, Refused) and not outcome.credentials
    assert (outcome.verdict.code, outcome.verdict.field) == ("TYPE_CHANGE", "service_id")
    assert "cancel" in (outcome.verdict.message or "")


@pytest.mark.parametrize("zone", [None, "", "  ", "Mars/Olympus", "EST+5"])
def test_the_timezone_option_is_required_and_checked(zone: object) -> None:
    with pytest.raises(ApiError, match=r"^timezone: ") as refused:
        VastalConnector("c1", "http://127.0.0.1:9/v1", "k", zone)
    assert refused.value.retry is False
    with pytest.raises(ApiError, match=r"^timezone: "):
        PROVIDER.connect("c1", "http://127.0.0.1:9/v1", "k", {"plan": "Starter"})
    option = next(o for o in PROVIDER.form.options if o.key == "timezone")
    assert option.required


def test_the_connection_keeps_its_zone() -> None:
    c = PROVIDER.connect("c1", "http://127.0.0.1:9/v1", "k", {"timezone": "Europe/Berlin"})
    try:
        assert isinstance(c, VastalConnector) and c.timezone == "Europe/Berlin"
    finally:
        c.close()


@pytest.mark.parametrize(("plan", "per_hour"), [
    (None, 1000), ("1000", 1000), ("10,000", 10000), (10000, 10000), ("lots", 1000),
    ("Starter", 1000), ("professional", 10000), ("Enterprise", 10000), ("Enterprise 60000", 60000),
    ("standard", 1000), ("pro", 10000), ("starter 5000", 5000), ("nonsense 5000", 1000),
])  # fmt: skip
def test_pace_follows_the_plan(plan: object, per_hour: int) -> None:
    c = VastalConnector("c1", "http://127.0.0.1:9/v1", "k", ZONE, plan)
    try:  # the plan's hour, all of it usable at once (the pacer's window is the hour)
        assert SlidingWindow.for_rate(c.rate_per_minute, c.rate_window_s).limit == per_hour
        assert c.rate_window_s == 3600
        assert c.idempotent_creates is False
    finally:
        c.close()


def test_arrived_is_kept_at_the_desk(connector: VastalConnector) -> None:
    arrived = DESK.with_changes(remote_id="apt_1", visit_status=VisitStatus.ARRIVED)
    outcome = connector.set_status(arrived, "key")  # nothing is sent (port 9 is closed)
    assert isinstance(outcome, Accepted) and outcome.booking.visit_status is VisitStatus.ARRIVED


def test_predict_create_maps_fields_back_to_the_desk(connector: VastalConnector) -> None:
    nameless = DESK.with_changes(patient_name="", start=at(date(2027, 3, 4), "10:00"))
    verdict = connector.predict_create(nameless, make_catalog(), [], NOW)
    assert (verdict.status, verdict.field) == (400, "patient_name")
    clash = booking(TAX, at(date(2027, 3, 4), "10:30"), n=9)
    verdict = connector.predict_create(
        DESK.with_changes(start=at(date(2027, 3, 4), "10:00")), make_catalog(), [clash], NOW
    )
    assert (verdict.code, verdict.field, verdict.severity) == ("OVERLAP", "start", Severity.RISK)


def test_predict_create_counts_pulled_bookings_outside_the_desks_span(
    connector: VastalConnector,
) -> None:
    week = [date(2027, 3, 8) + timedelta(days=i) for i in range(4)]
    connector._remote = [booking(REVIEW, at(d, "10:00"), n=i) for i, d in enumerate(week)]
    friday = DESK.with_changes(service_id=REVIEW, start=at(date(2027, 3, 12), "10:00"))
    verdict = connector.predict_create(friday, make_catalog(), [], NOW)
    assert (verdict.code, verdict.severity) == ("WEEKLY_LIMIT", Severity.RISK)


class Pages:
    """``_get`` answering the appointment list from ``records``, ``limit`` per page."""

    def __init__(self, records: list[dict[str, object]], ignore_page: bool = False) -> None:
        self.records = records
        self.ignore_page = ignore_page
        self.asked: list[dict[str, str | int]] = []

    def __call__(self, path: str, params: dict[str, str | int] | None = None) -> Answer:
        assert path == "calendar/appointments" and params is not None
        self.asked.append(dict(params))
        limit, page = int(params["limit"]), int(params["page"])
        first = 0 if self.ignore_page else (page - 1) * limit
        return answer(200, {"appointments": self.records[first : first + limit]})


def records(n: int) -> list[dict[str, object]]:
    return [
        dict(RECORD, id=f"apt_{i:04d}", start_time=f"2027-03-04T{i % 24:02d}:00:00Z",
             end_time=None)
        for i in range(n)
    ]  # fmt: skip


@pytest.mark.parametrize("count", [0, 1, 99, 100, 101, 250])
def test_the_list_pages_by_page_until_a_short_page(
    connector: VastalConnector, monkeypatch: pytest.MonkeyPatch, count: int
) -> None:
    pages = Pages(records(count))
    monkeypatch.setattr(connector, "_get", pages)
    pulled = connector.pull_bookings(None)
    assert sorted(b.remote_id or "" for b in pulled) == [f"apt_{i:04d}" for i in range(count)]
    assert [p["page"] for p in pages.asked] == list(range(1, count // 100 + 2))
    assert {p["limit"] for p in pages.asked} == {100}
    assert all(set(p) == {"from", "limit", "page"} for p in pages.asked)  # no offset
    assert all(len(str(p["from"])) == 10 for p in pages.asked)  # a date, as the page shows
    assert all(b.end - b.start == timedelta(minutes=60) for b in pulled)  # no end_time


def test_a_server_that_ignores_page_does_not_loop(
    connector: VastalConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = Pages(records(150), ignore_page=True)
    monkeypatch.setattr(connector, "_get", pages)
    assert len(connector.pull_bookings(None)) == 100
    assert len(pages.asked) == 2


def test_testing_a_connection_without_a_zone_says_so() -> None:
    result = check_connection("vastal", "http://127.0.0.1:9/v1", "vst_x", {"plan": "Starter"})
    assert not result.ok and result.message.startswith("Check the settings: timezone: ")

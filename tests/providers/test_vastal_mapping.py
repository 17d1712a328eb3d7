"""Vastal mapping and answer classification, one answer at a time (no network)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.providers.base import Accepted, Refused, RetryLater
from frontdesk.providers.http import Answer, BadAnswer
from frontdesk.providers.vastal import VastalConnector, mapping
from frontdesk.providers.vastal.wire import VsAppointment
from support.vastal import NOW, ORG, REVIEW, TAX, at, booking, make_catalog

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
    c = VastalConnector("c1", "http://127.0.0.1:9/v1", "vst_test_x")
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


def test_reschedule_body_names_the_appointment() -> None:
    moved = DESK.with_changes(remote_id="apt_1", start=START + timedelta(hours=1))
    assert mapping.reschedule_body(moved) == {
        "id": "apt_1",
        "start_time": "2027-03-04T16:00:00Z",
        "appointment_type_id": TAX,
    }


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
    ],
)
def test_refusals_carry_the_error_text(
    connector: VastalConnector, status: int, message: str, credentials: bool
) -> None:
    outcome = connector.classify(answer(status, {"error": message}), DESK)
    assert isinstance(outcome, Refused)
    assert outcome.verdict.as_json() == {"status": status, "code": None, "message": message}
    assert outcome.credentials is credentials


def test_rate_limited_waits_for_retry_after_or_reset(connector: VastalConnector) -> None:
    body = {"error": "Rate limit exceeded: 1000 requests per hour"}
    outcome = connector.classify(answer(429, body, retry_after="120"), DESK)
    assert isinstance(outcome, RetryLater) and outcome.not_before_s == 120
    reset = str(int(datetime.now(UTC).timestamp()) + 300)
    outcome = connector.classify(answer(429, body, x_ratelimit_reset=reset), DESK)
    assert isinstance(outcome, RetryLater)
    assert outcome.not_before_s is not None and 295 <= outcome.not_before_s <= 301
    assert isinstance(connector.classify(answer(503, "oops"), DESK), RetryLater)


def test_unreadable_answers_raise_bad_answer(connector: VastalConnector) -> None:
    with pytest.raises(BadAnswer):
        connector.classify(answer(200, '{"appointment": {"id"'), DESK)
    with pytest.raises(BadAnswer):
        connector.classify(answer(200, {"appointment": {"id": "apt_1"}}), DESK)
    with pytest.raises(BadAnswer):
        connector.classify(answer(400, "<html>"), DESK)


@pytest.mark.parametrize(("plan", "per_minute"), [(None, 16), ("1000", 16), ("10,000", 166),
                                                  (10000, 166), ("lots", 16)])  # fmt: skip
def test_pace_follows_the_plan(plan: object, per_minute: int) -> None:
    c = VastalConnector("c1", "http://127.0.0.1:9/v1", "k", plan)
    try:
        assert c.rate_per_minute == per_minute
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
    assert (verdict.message, verdict.field) == (
        "The requested time overlaps another appointment",
        "start",
    )


def test_predict_create_counts_pulled_bookings_outside_the_desks_span(
    connector: VastalConnector,
) -> None:
    week = [date(2027, 3, 8) + timedelta(days=i) for i in range(4)]
    connector._remote = [booking(REVIEW, at(d, "10:00"), n=i) for i, d in enumerate(week)]
    friday = DESK.with_changes(service_id=REVIEW, start=at(date(2027, 3, 12), "10:00"))
    verdict = connector.predict_create(friday, make_catalog(), [], NOW)
    assert verdict.message == "The weekly limit for this appointment type has been reached"

"""HuskyVoice mapping and answer classification, one answer at a time (no network)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.providers.base import Accepted, Ambiguous, Refused, RetryLater, retry_after_seconds
from frontdesk.providers.http import Answer
from frontdesk.providers.huskyvoice import HuskyVoiceConnector, mapping
from frontdesk.providers.huskyvoice.wire import HvAppointment, HvCreated

START = datetime(2027, 6, 15, 9, 30, tzinfo=UTC)
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
RECORD = {
    "appointment_id": "appt_a1b2c3d4e5",
    "appointment_type": "svc-1",
    "branch_id": "branch_uuid_here",
    "date": "2027-06-15",
    "appointment_date": "2027-06-15T09:30:00.000Z",
    "duration_minutes": 30,
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


@pytest.fixture
def connector() -> HuskyVoiceConnector:
    c = HuskyVoiceConnector("c1", "http://127.0.0.1:9/v1", "sk_test_x")
    yield c
    c.close()


def answer(status: int, body: object, **headers: str) -> Answer:
    text = body if isinstance(body, str) else json.dumps(body)
    return Answer(status, {k.lower().replace("_", "-"): v for k, v in headers.items()}, text)


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


def test_record_maps_to_confirmed_booking() -> None:
    b = mapping.booking_from_wire(HvAppointment.model_validate(RECORD), "c1", {})
    assert (b.id, b.remote_id, b.start, b.sync_state) == (
        "local-1",
        "appt_a1b2c3d4e5",
        START,
        SyncState.CONFIRMED,
    )
    foreign = HvAppointment.model_validate(
        {**RECORD, "external_reference_id": None, "status": "no_show"}
    )
    b1 = mapping.booking_from_wire(foreign, "c1", {})
    b2 = mapping.booking_from_wire(foreign, "c1", {})
    assert b1.id == b2.id != "local-1"  # stable id for bookings made elsewhere
    assert b1.visit_status is VisitStatus.NO_SHOW


def test_201_and_idempotent_200_are_accepted(connector: HuskyVoiceConnector) -> None:
    created = {"success": True, "appointment_id": "appt_a1b2c3d4e5", "token": None, "data": RECORD}
    out = connector._classify(answer(201, created), DESK, HvCreated)
    assert isinstance(out, Accepted) and not out.replayed
    assert out.booking.remote_id == "appt_a1b2c3d4e5"
    assert out.booking.sync_state is SyncState.CONFIRMED
    out = connector._classify(answer(200, {**created, "idempotent": True}), DESK, HvCreated)
    assert isinstance(out, Accepted) and out.replayed


def test_refusal_keeps_the_servers_code(connector: HuskyVoiceConnector) -> None:
    body = {"success": False, "error": {"code": "SLOT_FULL", "message": "No remaining"}}
    out = connector._classify(answer(409, body), DESK, HvCreated)
    assert isinstance(out, Refused) and out.verdict.code == "SLOT_FULL"
    assert not out.credentials
    out = connector._classify(
        answer(403, {**body, "error": {"code": "INSUFFICIENT_SCOPE"}}), DESK, HvCreated
    )
    assert isinstance(out, Refused) and out.credentials


def test_429_and_5xx_retry_not_before_retry_after(connector: HuskyVoiceConnector) -> None:
    out = connector._classify(answer(429, {}, retry_after="17"), DESK, HvCreated)
    assert isinstance(out, RetryLater) and out.not_before_s == 17
    out = connector._classify(answer(503, "<html>down</html>"), DESK, HvCreated)
    assert isinstance(out, RetryLater)


@pytest.mark.parametrize(
    "text",
    [
        "<html>oops</html>",
        '{"success": true, "appointment_id": "x", "data": {"appoi',
        json.dumps({"success": True, "appointment_id": 5, "data": {"status": 1}}),
    ],
)
def test_bad_2xx_bodies_are_ambiguous_not_crashes(
    connector: HuskyVoiceConnector, text: str
) -> None:
    out = connector._classify_safely(answer(201, text), DESK, HvCreated, "POST appointments")
    assert isinstance(out, Ambiguous)


def test_retry_after_as_seconds_or_http_date() -> None:
    now = datetime(2027, 1, 1, 12, 0, 0, tzinfo=UTC)
    assert retry_after_seconds("5", now) == 5
    assert retry_after_seconds("Fri, 01 Jan 2027 12:00:30 GMT", now) == 30
    assert retry_after_seconds("garbage", now) is None
    assert retry_after_seconds(None, now) is None

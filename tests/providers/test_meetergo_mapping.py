"""meetergo mapping and answer classification, one canned answer at a time (no network)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.providers.base import Accepted, Refused, RetryLater
from frontdesk.providers.http import Answer, BadAnswer
from frontdesk.providers.meetergo import MeetergoConnector, mapping
from frontdesk.providers.meetergo.wire import MgAppointment
from support.meetergo import ANNA, CONSULT, QUEUE, SERVICES, TRIAGE

START = datetime(2027, 6, 15, 8, 0, tzinfo=UTC)
DESK = Booking(
    id="local-1",
    connection_id="c1",
    service_id=CONSULT,
    resource_id=ANNA,
    start=START,
    end=START + timedelta(minutes=30),
    patient_name="Erika Mustermann",
    patient_phone="+4930123456",
    patient_email="erika@example.com",
    external_ref="local-1",
)
RECORD = {
    "id": "apt-1",
    "meetingTypeId": CONSULT,
    "hostIds": [ANNA],
    "queueId": None,
    "start": "2027-06-15T08:00:00.000Z",
    "end": "2027-06-15T08:30:00.000Z",
    "duration": 30,
    "channel": "local",
    "status": "confirmed",
    "attendee": {
        "email": "erika@example.com",
        "fullname": "Erika Mustermann",
        "notes": {"frontdeskRef": "local-1"},
    },
    "provisionalBookingId": None,
}


@pytest.fixture
def connector() -> Iterator[MeetergoConnector]:
    c = MeetergoConnector("c1", "http://127.0.0.1:9/v4", "ak_live:x:y", ANNA)
    yield c
    c.close()


def answer(status: int, body: object, **headers: str) -> Answer:
    text = body if isinstance(body, str) else json.dumps(body)
    return Answer(status, {k.lower().replace("_", "-"): v for k, v in headers.items()}, text)


def test_create_body_for_one_to_one_and_queue() -> None:
    consult = next(s for s in SERVICES if s.id == CONSULT)
    body = mapping.create_body(DESK, consult)
    assert body["hostIds"] == [ANNA] and "queueId" not in body and "duration" not in body
    assert body["attendee"]["notes"] == {"frontdeskRef": "local-1"}
    assert body["attendee"]["receiveReminders"] is True
    assert body["start"] == "2027-06-15T08:00:00.000Z"
    triage = next(s for s in SERVICES if s.id == TRIAGE)
    queued = mapping.create_body(DESK.with_changes(service_id=TRIAGE, resource_id=QUEUE), triage)
    assert queued["queueId"] == QUEUE and "hostIds" not in queued
    assert queued["duration"] == 30  # differs from the type's 20


def test_record_maps_back_to_the_desk_booking() -> None:
    booking = mapping.booking_from_wire(MgAppointment.model_validate(RECORD), "c1")
    assert booking.id == "local-1" and booking.remote_id == "apt-1"
    assert booking.resource_id == ANNA and booking.end == START + timedelta(minutes=30)
    cancelled = mapping.booking_from_wire(
        MgAppointment.model_validate({**RECORD, "status": "cancelled", "attendee": {}}), "c1"
    )
    assert cancelled.visit_status is VisitStatus.CANCELLED
    assert cancelled.id == mapping.local_booking_id("c1", "apt-1")


def test_classify_confirmed_and_provisional(connector: MeetergoConnector) -> None:
    ok = connector.classify(
        answer(201, {"appointmentId": "apt-1", "secret": "s", "attendeeEmail": "e"}), DESK
    )
    assert isinstance(ok, Accepted) and ok.booking.remote_id == "apt-1"
    assert ok.booking.sync_state is SyncState.CONFIRMED
    doi = connector.classify(
        answer(201, {"bookingType": "doubleOptIn", "provisionalBookingId": "p1"}), DESK
    )
    assert isinstance(doi, Accepted) and doi.booking.sync_state is SyncState.AWAITING_CONFIRMATION
    assert doi.booking.remote_id is None and doi.booking.extra["provisional_booking_id"] == "p1"
    record = connector.classify(answer(200, RECORD), DESK)
    assert isinstance(record, Accepted) and record.booking.remote_id == "apt-1"


def test_classify_refusals_and_retries(connector: MeetergoConnector) -> None:
    spot = {
        "statusCode": 400,
        "message": "start is not an available spot",
        "error": "Bad Request",
        "errors": [{"field": "start", "message": "start is not an available spot"}],
    }
    refused = connector.classify(answer(400, spot), DESK)
    assert isinstance(refused, Refused) and not refused.credentials
    assert (refused.verdict.code, refused.verdict.field) == ("Bad Request", "start")
    header = {
        "statusCode": 400,
        "message": "x-meetergo-api-user-id header is required",
        "error": "Bad Request",
        "errors": [{"field": "x-meetergo-api-user-id", "message": "..."}],
    }
    assert connector.classify(answer(400, header), DESK) == Refused(
        connector.classify(answer(400, header), DESK).verdict, credentials=True
    )
    unauthorized = {"statusCode": 401, "message": "API key has expired", "error": "Unauthorized"}
    result = connector.classify(answer(401, unauthorized), DESK)
    assert isinstance(result, Refused) and result.credentials
    limited = {"statusCode": 429, "message": "Too Many Requests", "error": "Too Many Requests"}
    # a 429 and a 503 say nothing was done (no lookup before the next attempt); a 500 may not
    assert connector.classify(answer(429, limited, retry_after="7"), DESK) == RetryLater(
        "rate limited by meetergo", 7.0, untouched=True
    )
    unavailable = connector.classify(answer(503, "oops"), DESK)
    assert isinstance(unavailable, RetryLater) and unavailable.untouched
    failed = connector.classify(answer(500, "oops"), DESK)
    assert isinstance(failed, RetryLater) and not failed.untouched


def test_unreadable_answers_raise_bad_answer(connector: MeetergoConnector) -> None:
    # ``_send`` turns BadAnswer into Ambiguous: the write may have been acted on
    with pytest.raises(BadAnswer):
        connector.classify(answer(201, "<html>"), DESK)
    with pytest.raises(BadAnswer):
        connector.classify(answer(201, {"secret": "s"}), DESK)


def test_provisional_bookings_wait_for_confirmation(connector: MeetergoConnector) -> None:
    waiting = DESK.with_changes(sync_state=SyncState.AWAITING_CONFIRMATION)
    outcome = connector.cancel(waiting, "k")
    assert isinstance(outcome, RetryLater) and "provisional" in outcome.reason
    assert isinstance(
        connector.set_status(
            DESK.with_changes(remote_id="a", visit_status=VisitStatus.ARRIVED), "k"
        ),
        Accepted,
    )

"""CareValidate mapping and answer classification on canned answers (no network)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Service, Window
from frontdesk.providers.base import Accepted, Ambiguous, Refused, RetryLater
from frontdesk.providers.carevalidate import CareValidateConnector, mapping
from frontdesk.providers.carevalidate.wire import CvAppointment
from frontdesk.providers.http import Answer

TELE = "85f13305-0647-4473-9e63-0a56af405f6f"
START = datetime(2027, 6, 8, 3, 30, tzinfo=UTC)  # 20:30 PDT on 2027-06-07


def desk_booking(**changes: Any) -> Booking:
    booking = Booking(
        id="bk-1",
        connection_id="c",
        service_id=TELE,
        resource_id="prov_ana_ruiz",
        start=START,
        end=START + timedelta(minutes=30),
        patient_name="Mary Ann Smith",
        patient_phone="+15555550100",
        patient_email="mary@example.com",
        external_ref="bk-1",
    )
    return booking.with_changes(**changes)


def record(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "appointmentId": "cvapt_1",
        "eventTypeId": TELE,
        "providerId": "prov_ana_ruiz",
        "startTime": "2027-06-08T03:30:00.000Z",
        "endTime": "2027-06-08T04:00:00.000Z",
        "durationMinutes": 30,
        "email": "mary@example.com",
        "firstName": "Mary Ann",
        "lastName": "Smith",
        "timezone": "America/Los_Angeles",
        "location": "zoom_conference",
        "status": "active",
        "tracking": {"salesforceUuid": "bk-1"},
    }
    data.update(changes)
    return data


@pytest.fixture
def connector() -> CareValidateConnector:
    return CareValidateConnector("c", "http://127.0.0.1:9", "key", {"location": "zoom_conference"})


def answer(status: int, body: object, **headers: str) -> Answer:
    return Answer(
        status, {k.lower().replace("_", "-"): v for k, v in headers.items()}, json.dumps(body)
    )


def test_split_name() -> None:
    assert mapping.split_name("Mary Ann  Smith") == ("Mary Ann", "Smith")
    assert mapping.split_name("Cher") == ("Cher", None)
    assert mapping.split_name("  ") == (None, None)


def test_create_body_from_a_desk_booking() -> None:
    body = mapping.create_body(desk_booking(), "America/Los_Angeles", "zoom_conference")
    assert body == {
        "eventTypeId": TELE,
        "startTime": "2027-06-08T03:30:00.000Z",
        "email": "mary@example.com",
        "timezone": "America/Los_Angeles",
        "location": "zoom_conference",
        "firstName": "Mary Ann",
        "lastName": "Smith",
        "tracking": {
            "utmCampaign": None,
            "utmSource": None,
            "utmMedium": None,
            "utmContent": None,
            "utmTerm": None,
            "salesforceUuid": "bk-1",
        },
    }
    custom = desk_booking(extra={"timezone": "Asia/Kolkata", "location": "webex_conference"})
    body = mapping.create_body(custom, "UTC", "zoom_conference")
    assert (body["timezone"], body["location"]) == ("Asia/Kolkata", "webex_conference")


def test_booking_from_wire_keeps_our_reference() -> None:
    booking = mapping.booking_from_wire(CvAppointment.model_validate(record()), "c", {})
    assert booking.id == "bk-1" and booking.external_ref == "bk-1"
    assert booking.remote_id == "cvapt_1" and booking.resource_id == "prov_ana_ruiz"
    assert booking.patient_name == "Mary Ann Smith" and booking.patient_email == "mary@example.com"
    assert booking.visit_status is VisitStatus.BOOKED
    assert booking.sync_state is SyncState.CONFIRMED
    assert booking.end - booking.start == timedelta(minutes=30)
    other = mapping.booking_from_wire(
        CvAppointment.model_validate(record(status="canceled", tracking=None)), "c", {}
    )
    assert other.visit_status is VisitStatus.CANCELLED
    assert other.id == mapping.local_booking_id("c", "cvapt_1")


def test_accepted_answer(connector: CareValidateConnector) -> None:
    ok = answer(
        200,
        {
            "status": 200,
            "success": True,
            "message": "Meeting scheduled successfully",
            "data": record(),
        },
    )
    outcome = connector._classify(ok, desk_booking())
    assert isinstance(outcome, Accepted)
    assert outcome.booking.remote_id == "cvapt_1"
    assert outcome.booking.sync_state is SyncState.CONFIRMED
    assert outcome.booking.extra["location"] == "zoom_conference"


def test_refusals_keep_the_error_text_and_map_the_field(connector: CareValidateConnector) -> None:
    bad = answer(
        400,
        {
            "status": 400,
            "success": False,
            "message": "Invalid request",
            "error": "email must be a valid email address",
        },
    )
    outcome = connector._classify(bad, desk_booking())
    assert isinstance(outcome, Refused) and not outcome.credentials
    assert outcome.verdict.as_json() == {
        "status": 400,
        "code": None,
        "message": "email must be a valid email address",
    }
    assert outcome.verdict.field == "patient_email"
    key = connector._classify(
        answer(401, {"status": 401, "success": False, "message": "Unauthorized"}), desk_booking()
    )
    assert isinstance(key, Refused) and key.credentials and key.verdict.message == "Unauthorized"


def test_retry_later_and_ambiguous(connector: CareValidateConnector) -> None:
    limited = answer(
        429, {"status": 429, "success": False, "message": "Rate limit exceeded"}, Retry_After="7"
    )
    outcome = connector._classify(limited, desk_booking())
    assert isinstance(outcome, RetryLater) and outcome.not_before_s == 7
    when = "Wed, 21 Oct 2099 07:28:00 GMT"
    dated = connector._classify(answer(503, {}, Retry_After=when), desk_booking())
    assert isinstance(dated, RetryLater) and dated.not_before_s and dated.not_before_s > 0
    broken = Answer(200, {}, "<html>")
    assert isinstance(connector._classify_safe(broken, desk_booking()), Ambiguous)


def catalog_with_slot(day: date) -> Catalog:
    return Catalog(
        policy=Policy("America/Los_Angeles"),
        services=[Service(TELE, "Telehealth", 30, extra={"providerId": "prov_ana_ruiz"})],
        windows=[
            Window(
                "w", "prov_ana_ruiz", day, time(20, 30), time(21), None, None, True, 1, TELE, True
            )
        ],
    )


def test_predict_create_speaks_in_desk_fields(connector: CareValidateConnector) -> None:
    cat = catalog_with_slot(date(2027, 6, 7))
    now = datetime(2027, 6, 1, tzinfo=UTC)
    assert connector.predict_create(desk_booking(), cat, [], now).accepted
    missing = connector.predict_create(desk_booking(patient_email=None), cat, [], now)
    assert (missing.status, missing.message, missing.field) == (
        400,
        "email is required",
        "patient_email",
    )
    wrong = connector.predict_create(desk_booking(patient_email="mary at example"), cat, [], now)
    assert wrong.field == "patient_email" and wrong.message == "email must be a valid email address"
    moved = desk_booking(start=START + timedelta(minutes=15))
    assert connector.predict_create(moved, cat, [], now).field == "start"


def test_beyond_the_cached_days_the_server_decides(connector: CareValidateConnector) -> None:
    cat = catalog_with_slot(date(2027, 6, 7))
    later = desk_booking(start=START + timedelta(days=30))
    verdict = connector.predict_create(later, cat, [], datetime(2027, 6, 1, tzinfo=UTC))
    assert verdict.accepted  # the desk adds its NO_CACHED_WINDOWS risk


def test_days_for_body(connector: CareValidateConnector) -> None:
    days = connector.days_for_body({"startTime": "2027-06-08T03:30:00Z"})
    assert days == [date(2027, 6, 7), date(2027, 6, 8), date(2027, 6, 9)]
    assert connector.days_for_body({"startTime": "soon"}) == []
    assert connector.rate_per_minute == 500 and connector.idempotent_creates is False

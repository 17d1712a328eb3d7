"""VantaX mapping and answer classification, one answer at a time (no network)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service
from frontdesk.providers.base import Accepted, Ambiguous, Refused, RetryLater
from frontdesk.providers.http import Answer, BadAnswer
from frontdesk.providers.spec import LostCreate
from frontdesk.providers.vantax import PROVIDER, OptionError, VantaxConnector, mapping
from frontdesk.providers.vantax.wire import VxAppointment, VxContact

SUB, ZONE = "sub_8a1f4c2e", "America/New_York"

START = datetime(2027, 6, 9, 15, 0, tzinfo=UTC)
DESK = Booking(
    id="local-1",
    connection_id="c1",
    service_id="svc_cal_22f9",
    resource_id="cal_22f9",
    start=START,
    end=START + timedelta(minutes=30),
    patient_name="Mary Ann Smith",
    patient_phone="+1 (212) 555-0100",
    patient_email="Mary@Example.com",
    notes="first visit",
)
RECORD = {
    "id": "appt_7c1d90",
    "contact_id": "ct_4f8a21",
    "calendar_id": "cal_22f9",
    "agent_id": "agt_3d9b21",
    "title": "Dental cleaning consultation",
    "description": None,
    "appointment_date": "2027-06-09T15:00:00Z",
    "duration": 30,
    "status": "confirmed",
    "location": "Downtown Clinic, Suite 200",
    "created_at": "2026-06-08T09:12:00Z",
}


@pytest.fixture
def connector() -> Iterator[VantaxConnector]:
    c = VantaxConnector("c1", "http://127.0.0.1:9/v1", "vx_live_x", SUB, ZONE)
    yield c
    c.close()


def answer(status: int, body: object, **headers: str) -> Answer:
    text = body if isinstance(body, str) else json.dumps(body)
    return Answer(status, {k.lower().replace("_", "-"): v for k, v in headers.items()}, text)


def catalog() -> Catalog:
    extra = {"is_active": True, "slot_duration_minutes": 30, "sub_account_id": "sub_8a1f4c2e"}
    return Catalog(
        policy=Policy(ZONE, extra={"sub_account_id": SUB, "contacts": ["ct_4f8a21"]}),
        services=[Service("svc_cal_22f9", "Dental cleaning", 30)],
        resources=[Resource("cal_22f9", "Dental cleaning", "calendar", extra=extra)],
    )


def test_names_phones_and_the_contact_body() -> None:
    assert mapping.split_name("Mary Ann Smith") == ("Mary Ann", "Smith")
    assert mapping.split_name("Madonna") == ("Madonna", "")
    assert mapping.wire_phone("+1 (212) 555-0100") == "+12125550100"
    assert mapping.contact_body(DESK, "sub_8a1f4c2e") == {
        "first_name": "Mary Ann",
        "last_name": "Smith",
        "email": "Mary@Example.com",
        "phone": "+12125550100",
        "sub_account_id": "sub_8a1f4c2e",
    }
    same = VxContact(id="ct_1", email="mary@example.com", phone="+12125550100")
    assert mapping.same_patient(same, DESK)
    assert not mapping.same_patient(same.model_copy(update={"email": "x@y.z"}), DESK)


def test_create_body() -> None:
    body = mapping.create_body(DESK, "ct_1", "sub_8a1f4c2e", "Dental cleaning")
    assert body == {
        "contact_id": "ct_1",
        "title": "Dental cleaning",
        "appointment_date": "2027-06-09T15:00:00Z",  # whole seconds, as in the examples
        "sub_account_id": "sub_8a1f4c2e",
        "duration": 30,
        "calendar_id": "cal_22f9",
        "description": "first visit",
    }
    titled = DESK.with_changes(extra={"title": "Cleaning + x-ray"})
    assert (
        mapping.create_body(titled, "ct_1", "s", "Dental cleaning")["title"] == "Cleaning + x-ray"
    )


def test_booking_from_wire_uses_the_contact() -> None:
    contact = VxContact(
        id="ct_4f8a21",
        first_name="Jordan",
        last_name="Lee",
        email="jordan.lee@example.com",
        phone="+12125550142",
    )
    record = VxAppointment.model_validate({**RECORD, "status": "scheduled", "duration": 45})
    booking = mapping.booking_from_wire(record, "c1", {"ct_4f8a21": contact})
    assert booking.remote_id == "appt_7c1d90" and booking.resource_id == "cal_22f9"
    assert booking.service_id == "svc_cal_22f9"
    assert booking.end - booking.start == timedelta(minutes=45)
    assert (booking.patient_name, booking.patient_phone) == ("Jordan Lee", "+12125550142")
    assert booking.visit_status is VisitStatus.BOOKED
    assert booking.sync_state is SyncState.AWAITING_CONFIRMATION
    assert booking.extra["contact_id"] == "ct_4f8a21"
    assert booking.id == mapping.booking_from_wire(record, "c1", {}).id  # stable


@pytest.mark.parametrize(
    ("status", "visit"),
    [
        ("confirmed", VisitStatus.BOOKED),
        ("completed", VisitStatus.COMPLETED),
        ("no_show", VisitStatus.NO_SHOW),
        ("cancelled", VisitStatus.CANCELLED),
    ],
)
def test_statuses(status: str, visit: VisitStatus) -> None:
    record = VxAppointment.model_validate({**RECORD, "status": status})
    booking = mapping.booking_from_wire(record, "c1", {})
    assert booking.visit_status is visit and booking.sync_state is SyncState.CONFIRMED


def test_accepted_keeps_the_contact_and_marks_replays(connector: VantaxConnector) -> None:
    body = {"success": True, "message": "Appointment created successfully", "data": RECORD}
    outcome = connector.classify(answer(201, body), DESK)
    assert isinstance(outcome, Accepted) and not outcome.replayed
    assert outcome.booking.remote_id == "appt_7c1d90"
    assert outcome.booking.extra["contact_id"] == "ct_4f8a21"
    assert outcome.booking.sync_state is SyncState.CONFIRMED
    replay = connector.classify(answer(201, body, Idempotent_Replayed="true"), DESK)
    assert isinstance(replay, Accepted) and replay.replayed


def test_refusals_take_their_code_from_the_status(connector: VantaxConnector) -> None:
    """/errors documents only {success: false, message} (+ a 422's errors array): the code is
    the one /error-codes names for the status; an undocumented body field is not read."""
    body = {
        "success": False,
        "error": "something_else",  # not documented: ignored
        "message": "Validation failed: duration must be an integer",
        "errors": [{"field": "duration", "message": "duration must be an integer"}],
    }
    refused = connector.classify(answer(422, body), DESK)
    assert isinstance(refused, Refused) and not refused.credentials
    assert (refused.verdict.code, refused.verdict.field) == ("validation_failed", "duration")
    assert refused.verdict.message == "Validation failed: duration must be an integer"
    for status, code in [(400, "malformed"), (404, "not_found"), (409, "conflict")]:
        plain = connector.classify(answer(status, {"success": False, "message": "No"}), DESK)
        assert isinstance(plain, Refused) and not plain.credentials
        assert (plain.verdict.status, plain.verdict.code, plain.verdict.message) == (
            status,
            code,
            "No",
        )
    creds = connector.classify(answer(401, {"success": False, "message": "Invalid API key"}), DESK)
    assert isinstance(creds, Refused) and creds.credentials
    assert creds.verdict.code == "unauthorized"
    scope = connector.classify(answer(403, {"success": False, "message": "Forbidden"}), DESK)
    assert isinstance(scope, Refused) and scope.credentials
    assert scope.verdict.code == "forbidden_scope" and "agency key" in str(scope.verdict.message)


@pytest.mark.parametrize(
    "body",
    [
        {"success": False, "message": "Validation failed", "errors": ["duration is wrong"]},
        {"success": False, "message": "Validation failed", "errors": [{"path": "duration"}]},
        {"success": False, "message": "Validation failed", "errors": "duration"},
        {"success": False},
        ["not", "an", "object"],
        "<html>Unprocessable</html>",
    ],
)
def test_a_422_whose_items_cannot_be_read_is_still_a_refusal(
    connector: VantaxConnector, body: object
) -> None:
    outcome = connector.classify(answer(422, body), DESK)
    assert isinstance(outcome, Refused) and not outcome.credentials
    assert (outcome.verdict.status, outcome.verdict.code, outcome.verdict.field) == (
        422,
        "validation_failed",
        None,
    )
    assert outcome.verdict.message


def test_an_unreadable_4xx_is_a_refusal_with_its_status(connector: VantaxConnector) -> None:
    outcome = connector.classify(answer(418, "<html>teapot</html>"), DESK)
    assert isinstance(outcome, Refused) and not outcome.credentials
    assert (outcome.verdict.status, outcome.verdict.code) == (418, None)
    assert "HTTP 418" in str(outcome.verdict.message) and "teapot" in str(outcome.verdict.message)


def test_402_pauses_the_connection_in_plain_words(connector: VantaxConnector) -> None:
    """subscription_required / limit_reached (/error-codes) are the clinic's plan, not one
    booking's fault: the desk pauses the connection as for a refused key."""
    body = {"success": False, "message": "Monthly appointment limit reached"}
    outcome = connector.classify(answer(402, body), DESK)
    assert isinstance(outcome, Refused) and outcome.credentials
    assert (outcome.verdict.status, outcome.verdict.code) == (402, "subscription_required")
    message = str(outcome.verdict.message)
    assert "plan" in message and message.endswith("Monthly appointment limit reached")


def test_retry_later_and_ambiguous(connector: VantaxConnector) -> None:
    limited = {"success": False, "message": "Rate limit exceeded"}
    later = connector.classify(answer(429, limited, Retry_After="7"), DESK)
    assert isinstance(later, RetryLater) and later.not_before_s == 7.0
    dated = connector.classify(
        answer(503, "oops", Retry_After="Wed, 21 Oct 2099 07:28:00 GMT"), DESK
    )
    assert isinstance(dated, RetryLater) and (dated.not_before_s or 0) > 0
    with pytest.raises(BadAnswer):  # unreadable 2xx: _send turns this into Ambiguous
        connector.classify(answer(201, "<html>"), DESK)
    outcome = connector._send("POST", "appointments", {}, DESK, "k")  # nothing listens on :9
    assert isinstance(outcome, RetryLater | Ambiguous)


def test_predict_create_checks_the_contact_fields_first(connector: VantaxConnector) -> None:
    now = START - timedelta(days=1)
    ok = connector.predict_create(DESK, catalog(), [], now)
    assert ok.accepted  # no contact yet: it will be created, so no 404
    no_email = connector.predict_create(DESK.with_changes(patient_email=None), catalog(), [], now)
    assert (no_email.status, no_email.field) == (422, "patient_email")
    bad_phone = connector.predict_create(
        DESK.with_changes(patient_phone="212 555 0100"), catalog(), [], now
    )
    assert bad_phone.field == "patient_phone"
    known = DESK.with_changes(extra={"contact_id": "ct_gone"}, patient_email=None)
    gone = connector.predict_create(known, catalog(), [], now)
    assert (gone.status, gone.message, gone.field) == (
        404,
        "Contact ct_gone not found",
        "patient_name",
    )
    unknown_service = connector.predict_create(
        DESK.with_changes(service_id="svc_nope"), catalog(), [], now
    )
    assert (unknown_service.status, unknown_service.field) == (422, "service_id")


def test_arrived_stays_at_the_desk(connector: VantaxConnector) -> None:
    arrived = DESK.with_changes(visit_status=VisitStatus.ARRIVED, remote_id="appt_1")
    outcome = connector.set_status(arrived, "k")
    assert isinstance(outcome, Accepted) and outcome.booking is arrived


def test_the_declaration_and_its_options() -> None:
    assert PROVIDER.lost_create is LostCreate.LOOKED_UP
    options = {o.key: o for o in PROVIDER.form.options}
    assert options["sub_account_id"].required and options["timezone"].required
    built = PROVIDER.connect(
        "c1", "http://127.0.0.1:9/v1", "k", {"sub_account_id": SUB, "timezone": ZONE}
    )
    assert isinstance(built, VantaxConnector) and not built.idempotent_creates
    built.close()


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"timezone": ZONE}, "sub_account_id"),
        ({"sub_account_id": SUB}, "timezone"),
        ({"sub_account_id": SUB, "timezone": " "}, "timezone"),
        ({"sub_account_id": SUB, "timezone": "Mars/Olympus_Mons"}, "timezone"),
    ],
)
def test_a_missing_or_wrong_option_is_named(options: dict[str, object], field: str) -> None:
    """No silent UTC: a connection without the clinic's zone is not built."""
    with pytest.raises(OptionError) as refused:
        PROVIDER.connect("c1", "http://127.0.0.1:9/v1", "k", options)
    assert str(refused.value).startswith(f"{field}: ")
    assert not refused.value.retry


def test_wire_stamps_are_whole_seconds_in_utc() -> None:
    moment = datetime(2027, 6, 9, 11, 0, 0, 250_000, tzinfo=UTC)
    assert mapping.wire_stamp(moment) == "2027-06-09T11:00:00Z"
    assert mapping.reschedule_body(DESK)["appointment_date"] == "2027-06-09T15:00:00Z"


def test_a_list_without_its_pagination_block_pages_while_full(
    connector: VantaxConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/pagination says every list has the block; the List Contact Tags example has none. A
    list without it goes on while a page is full (100), and stops at a shorter one."""
    full = [{"id": f"ct_{n}", "phone": "+1", "email": "a@b.c"} for n in range(100)]
    pages = iter([{"success": True, "data": full}, {"success": True, "data": full[:3]}])
    asked: list[dict[str, str | int]] = []

    def get(path: str, params: dict[str, str | int] | None = None) -> Answer:
        asked.append(dict(params or {}))
        return answer(200, next(pages))

    monkeypatch.setattr(connector, "_get", get)
    assert len(connector._all_contacts()) == 100  # ids repeat in this fake: a dict
    assert [q.get("starting_after") for q in asked] == [None, "ct_99"]

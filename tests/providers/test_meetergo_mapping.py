"""meetergo mapping and answer classification, one canned answer at a time (no network)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Service
from frontdesk.providers.base import Accepted, Ambiguous, Refused, RetryLater
from frontdesk.providers.http import BadAnswer
from frontdesk.providers.meetergo import MeetergoConnector, mapping
from frontdesk.providers.meetergo.reads import ReadRefused
from frontdesk.providers.meetergo.wire import MgAppointment, MgMeetingType, MgProvisional
from support.meetergo import (
    ANNA,
    BEN,
    CONSULT,
    GROUP,
    QUEUE,
    SERVICES,
    THERAPY,
    TRIAGE,
    answer,
    fake,
)

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
RECORD: dict[str, Any] = {
    "id": "apt-1",
    "secret": "s",
    "meetingInfo": {"name": "Consultation", "duration": 30, "channel": "local"},
    "cancel": None,
    "start": "2027-06-15T08:00:00.000Z",
    "end": "2027-06-15T08:30:00.000Z",
    "isCancelled": False,
    "attendees": [
        {"id": "att-1", "email": "erika@example.com", "fullname": "Erika Mustermann"},
    ],
    "attendeeIds": ["att-1"],
    "meetingTypeId": CONSULT,
    "hostIds": [ANNA],
}


def service(type_id: str, **changes: Any) -> Service:
    s = next(s for s in SERVICES if s.id == type_id)
    return Service(s.id, s.name, s.duration_minutes, extra={**s.extra, **changes})


@pytest.fixture
def connector() -> Iterator[MeetergoConnector]:
    c = MeetergoConnector("c1", "http://127.0.0.1:9/v4", "ak_live:x:y", ANNA, "Europe/Berlin")
    yield c
    c.close()


def test_create_body_names_the_host_or_the_queue() -> None:
    body = mapping.create_body(DESK, service(CONSULT))
    assert body["hostIds"] == [ANNA] and "queueId" not in body and "duration" not in body
    assert body["attendee"]["notes"] == {"frontdeskRef": "local-1"}
    assert body["attendee"]["receiveReminders"] is True and "phoneOnlyBooking" not in body
    assert body["start"] == "2027-06-15T08:00:00.000Z"
    triage = DESK.with_changes(service_id=TRIAGE, resource_id=QUEUE)
    queued = mapping.create_body(triage, service(TRIAGE))
    assert queued["queueId"] == QUEUE and "hostIds" not in queued
    assert queued["duration"] == 30  # differs from the type's 20
    group = mapping.create_body(DESK.with_changes(service_id=GROUP), service(GROUP))
    assert group["hostIds"] == [BEN]  # a group type needs hostIds too


def test_a_chosen_round_robin_host_leaves_the_queue_out() -> None:
    chosen = DESK.with_changes(service_id=TRIAGE, resource_id=BEN)
    body = mapping.create_body(chosen, service(TRIAGE, allowHostSelection=True))
    assert body["hostIds"] == [BEN] and "queueId" not in body
    fastest = DESK.with_changes(service_id=TRIAGE, resource_id=QUEUE)
    assert "queueId" in mapping.create_body(fastest, service(TRIAGE, allowHostSelection=True))
    no_choice = mapping.create_body(chosen, service(TRIAGE))
    assert no_choice["queueId"] == QUEUE and "hostIds" not in no_choice


def test_phone_only_sends_the_flag_where_the_type_allows_it() -> None:
    phone_only = DESK.with_changes(service_id=THERAPY, resource_id=BEN, patient_email=None)
    body = mapping.create_body(phone_only, service(THERAPY))
    assert body["phoneOnlyBooking"] is True and "email" not in body["attendee"]
    assert body["attendee"]["phone"] == "+4930123456"
    other = mapping.create_body(DESK.with_changes(patient_email=None), service(CONSULT))
    assert "phoneOnlyBooking" not in other  # the rules refuse it: email required there


def test_a_type_without_a_documented_host_is_not_given_a_null_one() -> None:
    unknown = service(CONSULT, type="unknown", userId=None, members=[])
    with pytest.raises(mapping.HostUnknown, match="neither a userId nor a queueId"):
        mapping.create_body(DESK, unknown)


def test_facts_come_from_documented_fields_only() -> None:
    bare = MgMeetingType.model_validate({"id": "t1", "name": "Flat", "duration": 30})
    facts = mapping.facts_of(bare, [], complete=False)
    assert facts.kind == "unknown" and facts.extra()["provisional"] == "maybe"
    assert mapping.facts_of(bare, [ANNA], complete=True).user_id == ANNA  # listed for Anna
    detail = {
        "id": "t2",
        "meetingInfo": {"name": "G", "duration": 60, "groupBooking": True},
        "meetingOptions": {"doubleOptIn": "useCompanySettings", "requireHostConfirmation": False},
        "spots": 4,
        "userId": BEN,
        "queueId": None,
    }
    group = mapping.facts_of(MgMeetingType.model_validate(detail), [BEN], complete=True)
    extra = group.extra()
    assert (group.kind, extra["spots"], extra["provisional"]) == ("group", 4, "maybe")
    queue = {**detail, "id": "t3", "queueId": QUEUE, "userId": None, "spots": 1}
    rr = mapping.facts_of(MgMeetingType.model_validate(queue), [ANNA, BEN], complete=False)
    assert (rr.kind, rr.members, rr.members_known) == ("round-robin", (ANNA, BEN), False)
    assert [mapping.setting(v) for v in (True, "enabled", "disabled", False, None)] == [
        "yes",
        "yes",
        "no",
        "no",
        "maybe",
    ]


def test_a_record_maps_back_to_desk_bookings() -> None:
    (booking,) = mapping.bookings_from_record(MgAppointment.model_validate(RECORD), "c1")
    assert booking.id == mapping.local_booking_id("c1", "apt-1") and booking.remote_id == "apt-1"
    assert booking.resource_id == ANNA and booking.end == START + timedelta(minutes=30)
    assert booking.patient_email == "erika@example.com" and booking.extra["channel"] == "local"
    assert booking.visit_status is VisitStatus.BOOKED
    refs = {(CONSULT, START, "erika@example.com"): "local-1"}
    (linked,) = mapping.bookings_from_record(MgAppointment.model_validate(RECORD), "c1", (), refs)
    assert (linked.id, linked.external_ref) == ("local-1", "local-1")
    cancelled = {**RECORD, "isCancelled": True, "cancel": {"actionAt": "2027-06-01T00:00:00Z"}}
    (gone,) = mapping.bookings_from_record(MgAppointment.model_validate(cancelled), "c1")
    assert gone.visit_status is VisitStatus.CANCELLED
    flagless = {**RECORD, "isCancelled": None, "cancel": {"actionAt": "2027-06-01T00:00:00Z"}}
    (also,) = mapping.bookings_from_record(MgAppointment.model_validate(flagless), "c1")
    assert also.visit_status is VisitStatus.CANCELLED


def test_a_group_appointment_is_one_booking_per_attendee() -> None:
    record = {
        **RECORD,
        "meetingTypeId": GROUP,
        "hostIds": [BEN],
        "attendees": [
            {"id": "a1", "email": "One@x.de", "fullname": "One"},
            {"id": "a2", "email": "two@x.de", "fullname": "Two"},
        ],
    }
    seats = mapping.bookings_from_record(MgAppointment.model_validate(record), "c1", {GROUP})
    assert [b.remote_id for b in seats] == ["apt-1/one@x.de", "apt-1/two@x.de"]
    assert [b.extra["attendee_id"] for b in seats] == ["a1", "a2"]
    assert mapping.appointment_of("apt-1/one@x.de") == "apt-1"


def test_classify_confirmed_and_provisional(connector: MeetergoConnector) -> None:
    ok = connector.classify(
        answer(201, {"appointmentId": "apt-1", "secret": "s", "attendeeEmail": "e"}), DESK
    )
    assert isinstance(ok, Accepted) and ok.booking.remote_id == "apt-1"
    assert ok.booking.sync_state is SyncState.CONFIRMED
    for kind in ("doubleOptIn", "DoubleOptIn", "requireHostConfirmation"):
        doi = connector.classify(
            answer(201, {"bookingType": kind, "provisionalBookingId": "p1"}), DESK
        )
        assert isinstance(doi, Accepted)
        assert doi.booking.sync_state is SyncState.AWAITING_CONFIRMATION
        assert doi.booking.remote_id is None
        assert doi.booking.extra["provisional_booking_id"] == "p1"


def test_cancel_and_reschedule_successes_are_accepted(connector: MeetergoConnector) -> None:
    held = DESK.with_changes(remote_id="apt-1", sync_state=SyncState.CONFIRMED)
    cancelled = connector.classify(answer(200, {**RECORD, "isCancelled": True}), held, "cancel")
    assert isinstance(cancelled, Accepted)
    assert cancelled.booking.visit_status is VisitStatus.CANCELLED
    garbled = connector.classify(answer(200, "<html>"), held, "cancel")
    assert isinstance(garbled, Accepted)  # a 2xx is the documented success, body or not
    later = {**RECORD, "start": "2027-06-15T09:00:00.000Z", "end": "2027-06-15T09:30:00.000Z"}
    moved = connector.classify(answer(200, {"appointment": later}), held, "reschedule")
    assert isinstance(moved, Accepted) and moved.booking.start == START + timedelta(hours=1)
    blind = connector.classify(answer(200, "<html>"), held, "reschedule")
    assert isinstance(blind, Accepted) and blind.booking.start == START


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
    plain = {"statusCode": 400, "message": "Invalid email format", "error": "Bad Request"}
    plain["errors"] = [{"field": "email", "message": "Invalid email format"}]  # type: ignore[assignment]
    email = connector.classify(answer(400, plain), DESK)
    assert isinstance(email, Refused) and email.verdict.field == "patient_email"
    unauthorized = {"statusCode": 401, "message": "API key has expired", "error": "Unauthorized"}
    result = connector.classify(answer(401, unauthorized), DESK)
    assert isinstance(result, Refused) and result.credentials
    limited = {"statusCode": 429, "message": "Too Many Requests", "error": "Too Many Requests"}
    # a 429 and a 503 say nothing was done (no lookup before the next attempt); a 500 may not
    assert connector.classify(answer(429, limited, retry_after="7"), DESK) == RetryLater(
        "rate limited by meetergo", 7.0, untouched=True
    )
    # no rate-limit header is documented: without one the engine's own backoff decides
    assert connector.classify(answer(429, limited), DESK) == RetryLater(
        "rate limited by meetergo", None, untouched=True
    )
    unavailable = connector.classify(answer(503, "oops"), DESK)
    assert isinstance(unavailable, RetryLater) and unavailable.untouched
    failed = connector.classify(answer(500, "oops"), DESK)
    assert isinstance(failed, RetryLater) and not failed.untouched


def test_a_missing_user_id_pauses_the_connection_in_plain_words(
    connector: MeetergoConnector,
) -> None:
    documented = {
        "statusCode": 400,
        "message": "Missing required header 'x-meetergo-api-user-id' for API key authentication",
        "error": "Bad Request",
    }
    result = connector.classify(answer(400, documented), DESK)
    assert isinstance(result, Refused) and result.credentials
    assert (result.verdict.message or "").startswith("the API user id is missing")


def test_a_403_refuses_the_booking_unless_it_is_about_the_user(
    connector: MeetergoConnector,
) -> None:
    forbidden = {"statusCode": 403, "message": "Insufficient permissions", "error": "Forbidden"}
    result = connector.classify(answer(403, forbidden), DESK)
    assert isinstance(result, Refused) and not result.credentials
    foreign = {
        "statusCode": 403,
        "message": "x-meetergo-api-user-id does not belong to this API key's company",
        "error": "Forbidden",
    }
    other = connector.classify(answer(403, foreign), DESK)
    assert isinstance(other, Refused) and other.credentials


def test_an_unreadable_refusal_is_a_refusal_with_its_status(connector: MeetergoConnector) -> None:
    result = connector.classify(answer(422, "<html>nope</html>"), DESK)
    assert isinstance(result, Refused) and not result.credentials
    assert (result.verdict.status, result.verdict.code) == (422, "HTTP 422")
    key = connector.classify(answer(401, "<html>"), DESK)
    assert isinstance(key, Refused) and key.credentials


def test_unreadable_create_answers_raise_bad_answer(connector: MeetergoConnector) -> None:
    # ``_send`` turns BadAnswer into Ambiguous: the create may have been acted on
    with pytest.raises(BadAnswer):
        connector.classify(answer(201, "<html>"), DESK)
    with pytest.raises(BadAnswer):
        connector.classify(answer(201, {"secret": "s"}), DESK)


def test_provisional_bookings_wait_and_ended_ones_are_refused_in_plain_words(
    connector: MeetergoConnector,
) -> None:
    waiting = DESK.with_changes(sync_state=SyncState.AWAITING_CONFIRMATION)
    outcome = connector.cancel(waiting, "k")
    assert isinstance(outcome, RetryLater) and "provisional" in outcome.reason
    ended = waiting.with_changes(extra={"provisional_status": "expired"})
    assert isinstance(connector.cancel(ended, "k"), Accepted)
    item = MgProvisional.model_validate(
        {
            "id": "p1",
            "type": "doubleOptIn",
            "dto": {
                "attendee": {"email": "erika@example.com", "notes": {"frontdeskRef": "local-1"}},
                "meetingTypeId": CONSULT,
                "start": "2027-06-15T08:00:00.000Z",
                "hostIds": [ANNA],
            },
        }
    )
    expired = mapping.booking_from_provisional(item, "c1", 30, "expired")
    assert expired is not None and expired.id == "local-1" and expired.remote_id is None
    assert expired.sync_state is SyncState.NEEDS_ATTENTION
    assert expired.visit_status is VisitStatus.CANCELLED
    assert "patient did not confirm in time" in (expired.problem_message or "")
    declined = mapping.booking_from_provisional(item, "c1", 30, "declined_by_host")
    assert declined is not None and "host declined" in (declined.problem_message or "")
    pending = mapping.booking_from_provisional(item, "c1", 30, "pending")
    assert pending is not None and pending.sync_state is SyncState.AWAITING_CONFIRMATION
    assert isinstance(
        connector.set_status(
            DESK.with_changes(remote_id="a", visit_status=VisitStatus.ARRIVED), "k"
        ),
        Accepted,
    )


def test_the_user_header_goes_only_where_documented(connector: MeetergoConnector) -> None:
    created = answer(201, {"appointmentId": "apt-9", "secret": "s"})
    detail = answer(200, {"id": CONSULT, "userId": ANNA, "meetingOptions": {}})
    sent = fake(connector, detail, created)
    assert isinstance(connector.create(DESK, "k"), Accepted)
    (_, read_path, _, _, read_headers), (method, path, _, _, headers) = sent.calls
    assert read_path == f"meeting-type/{CONSULT}" and read_headers == {
        "x-meetergo-api-user-id": ANNA
    }
    assert (method, path, headers) == ("POST", "booking", {})  # POST /v4/booking: none
    spots = answer(200, {"timezone": "Europe/Berlin", "dates": []})
    sent = fake(connector, spots)
    connector.spots(connector.facts[CONSULT], 30, START.date(), START.date())
    (_, path, params, _, headers) = sent.calls[0]
    assert path == "booking-availability" and headers == {}  # documented without it
    assert params["timezone"] == "Europe/Berlin"


def test_a_personal_token_never_sends_the_user_header() -> None:
    token = MeetergoConnector("c", "http://127.0.0.1:9/v4", "rgo-abc", ANNA, "Europe/Berlin")
    try:
        assert token.personal_token and token.headers_for(BEN) == {}
        sent = fake(token, answer(200, {"appointments": []}))
        assert token.appointments() == []
        assert sent.calls[0][4] == {}
    finally:
        token.close()


def test_a_group_seat_is_cancelled_by_its_attendee_id(connector: MeetergoConnector) -> None:
    seat = DESK.with_changes(
        service_id=GROUP,
        resource_id=BEN,
        remote_id="apt-1/erika@example.com",
        extra={"attendee_id": "att-1"},
    )
    connector.names = {ANNA: "Dr. Anna Berger", BEN: "Dr. Ben Keller"}
    sent = fake(connector, answer(200, RECORD))
    assert isinstance(connector.cancel(seat, "k"), Accepted)
    (_, path, _, body, headers) = sent.calls[0]
    assert path == "appointment/apt-1/cancel"
    assert body == {"reason": "Cancelled at the front desk", "attendeeId": "att-1"}
    assert headers == {"x-meetergo-api-user-id": BEN}  # as the host
    unknown = seat.with_changes(extra={})
    listing = answer(200, {"appointments": [{**RECORD, "meetingTypeId": GROUP}]})
    sent = fake(connector, listing, answer(200, RECORD))
    assert isinstance(connector.cancel(unknown, "k"), Accepted)
    assert sent.calls[1][3]["attendeeId"] == "att-1"
    assert isinstance(connector.reschedule(seat, "k"), Refused)  # it would move everyone


def test_a_lost_answer_on_a_provisional_type_is_looked_up(connector: MeetergoConnector) -> None:
    detail = {
        "id": CONSULT,
        "userId": ANNA,
        "meetingOptions": {"doubleOptIn": "enabled"},
        "meetingInfo": {"name": "C", "duration": 30},
    }
    listed = {
        "provisionalBookings": [
            {
                "id": "p7",
                "type": "doubleOptIn",
                "dto": {
                    "attendee": {"email": "x@y.de", "notes": {"frontdeskRef": "local-1"}},
                    "meetingTypeId": CONSULT,
                    "start": "2027-06-15T10:00:00+02:00",
                },
            }
        ],
        "total": 1,
    }
    fake(
        connector,
        answer(200, detail),
        answer(200, {"appointments": []}),
        answer(200, listed),
    )
    found = connector.find_existing(DESK)
    assert found is not None and found.sync_state is SyncState.AWAITING_CONFIRMATION
    assert found.extra["provisional_booking_id"] == "p7"


def test_ambiguous_only_when_the_create_answer_is_unreadable(
    connector: MeetergoConnector,
) -> None:
    detail = answer(200, {"id": CONSULT, "userId": ANNA, "meetingOptions": {}})
    fake(connector, detail, answer(201, "<html>"))
    assert isinstance(connector.create(DESK, "k"), Ambiguous)


def test_without_a_zone_option_the_api_users_zone_is_taken() -> None:
    bare = MeetergoConnector("c", "http://127.0.0.1:9/v4", "ak_live:x:y", ANNA, None)
    try:
        assert bare.zone == "UTC"  # the API's default
        users = {"users": [{"id": ANNA, "timezone": "Europe/Vienna"}, {"id": BEN}]}
        fake(bare, answer(200, users))
        bare.load_users()
        assert bare.zone == "Europe/Vienna" and bare.all_users
    finally:
        bare.close()


def test_one_type_whose_spots_are_refused_does_not_stop_the_others(
    connector: MeetergoConnector,
) -> None:
    facts = mapping.facts_of(MgMeetingType(id=CONSULT, userId=ANNA), [ANNA], True)
    refused = {"statusCode": 400, "message": "Meeting type not found", "error": "Bad Request"}
    fake(connector, answer(400, refused))
    assert connector.windows(facts, [START.date()]) == []
    fake(connector, answer(401, {"statusCode": 401, "message": "Invalid API key"}))
    with pytest.raises(ReadRefused):
        connector.windows(facts, [START.date()])

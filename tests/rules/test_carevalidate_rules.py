"""CareValidate's book checks offline (docs/providers.md, "Book"), on a hand-built catalog: the
documented checks refuse; what only CareValidate (Calendly) can judge at send is a risk."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from frontdesk.domain.booking import Booking, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service
from frontdesk.domain.verdict import Severity
from frontdesk.rules.carevalidate import (
    ACCEPTED_MESSAGE,
    SLOT_TAKEN,
    START_PASSED,
    UNLISTED_TYPE,
    parse_start,
    predict_create,
)

LA = ZoneInfo("America/Los_Angeles")
TELE = "85f13305-0647-4473-9e63-0a56af405f6f"
FOLLOW = "follow-15"
ANA = "Dr. Ana Ruiz"
NOW = datetime(2027, 6, 1, 12, 0, tzinfo=UTC)
DAY = date(2027, 6, 7)  # a Monday


def at(hh: int, mm: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=LA).astimezone(UTC)


def iso(instant: datetime) -> str:
    return instant.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def catalog() -> Catalog:
    extra = {"providers": [ANA]}
    return Catalog(
        policy=Policy("America/Los_Angeles"),
        services=[
            Service(TELE, "Telehealth Consultation", 30, extra=extra),
            Service(FOLLOW, "Follow-up Visit", 15, extra=extra),
        ],
        resources=[Resource(ANA, ANA, "provider")],
    )


def body(**changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "eventTypeId": TELE,
        "startTime": iso(at(20, 30)),
        "email": "invitee@example.com",
        "firstName": "John",
        "lastName": "Doe",
        "timezone": "Asia/Kolkata",
        "location": "google_conference",
        "tracking": {"utmCampaign": None, "salesforceUuid": None},
    }
    payload.update(changes)
    return {k: v for k, v in payload.items() if v is not ...}


def judge(
    payload: object, bookings: list[Booking] | None = None
) -> tuple[int, str | None, str | None]:
    verdict = predict_create(payload, catalog(), bookings or [], NOW)
    assert verdict.code is None
    if verdict.status == 400:
        assert verdict.severity is Severity.ERROR
    return verdict.status, verdict.message, verdict.field


def risk(payload: object, bookings: list[Booking] | None = None) -> tuple[str | None, str | None]:
    verdict = predict_create(payload, catalog(), bookings or [], NOW)
    assert verdict.accepted and verdict.severity is Severity.RISK, verdict
    return verdict.message, verdict.field


def test_seed_like_request_is_accepted() -> None:
    assert judge(body()) == (200, ACCEPTED_MESSAGE, None)


LOCATIONS_TEXT = (
    "location must be one of google_conference, zoom_conference, gotomeeting_conference, "
    "microsoft_teams_conference, webex_conference"
)


@pytest.mark.parametrize(
    ("changes", "message", "field"),
    [
        ({"eventTypeId": ...}, "eventTypeId is required", "eventTypeId"),
        ({"eventTypeId": ""}, "eventTypeId is required", "eventTypeId"),
        ({"eventTypeId": 1}, "eventTypeId must be a string", "eventTypeId"),
        ({"startTime": None}, "startTime is required", "startTime"),
        ({"email": ...}, "email is required", "email"),
        ({"email": ..., "timezone": ...}, "email is required", "email"),
        ({"timezone": " "}, "timezone is required", "timezone"),
        ({"location": ...}, "location is required", "location"),
        ({"firstName": 1}, "firstName must be a string", "firstName"),
        ({"lastName": []}, "lastName must be a string", "lastName"),
        ({"tracking": []}, "tracking must be an object", "tracking"),
        (
            {"tracking": {"salesforceUuid": 7}},
            "tracking.salesforceUuid must be a string or null",
            "tracking",
        ),
        ({"startTime": "2027-06-08"}, "startTime must be a valid ISO 8601 date-time", "startTime"),
        (
            {"startTime": "2027-06-08T03:30:00+0000"},
            "startTime must be a valid ISO 8601 date-time",
            "startTime",
        ),
        (
            {"startTime": "2027-06-08T24:30:00Z"},
            "startTime must be a valid ISO 8601 date-time",
            "startTime",
        ),
        ({"email": "@example.com"}, "email must be a valid email address", "email"),
        ({"email": "x@@example.com"}, "email must be a valid email address", "email"),
        ({"email": "x@example..com"}, "email must be a valid email address", "email"),
        ({"timezone": "IST"}, "timezone must be a valid IANA timezone", "timezone"),
        ({"timezone": "+05:30"}, "timezone must be a valid IANA timezone", "timezone"),
        ({"location": "Zoom_Conference"}, LOCATIONS_TEXT, "location"),
    ],
)
def test_each_check_in_order(changes: dict[str, Any], message: str, field: str) -> None:
    assert judge(body(**changes)) == (400, message, field)


def test_what_only_carevalidate_can_judge_is_a_risk() -> None:
    assert risk(body(eventTypeId="unknown")) == (UNLISTED_TYPE, "eventTypeId")
    assert risk(body(startTime="2027-05-01T04:30:00Z")) == (START_PASSED, "startTime")
    for off_grid in (at(20, 15), at(12, 0), at(20, 30) + timedelta(seconds=1), at(3, 7)):
        # no open slots can be read: any time CareValidate may or may not offer is let through
        assert judge(body(startTime=iso(off_grid))) == (200, ACCEPTED_MESSAGE, None)
    assert "CareValidate checks the slot when the booking is sent" in SLOT_TAKEN


def test_not_an_object() -> None:
    for payload in ([], "text", None, 5):
        assert judge(payload) == (400, "Request body must be a JSON object", None)


def test_offsets_and_fractions_are_the_same_instant() -> None:
    local = at(20, 30).astimezone(LA).isoformat()  # 2027-06-07T20:30:00-07:00
    assert judge(body(startTime=local))[0] == 200
    assert judge(body(startTime=iso(at(20, 30)).replace(".000Z", ".0000001Z")))[0] == 200
    assert parse_start("2027-06-08T03:30Z") == at(20, 30)


def booking(start: datetime, minutes: int, service: str = FOLLOW, **kw: Any) -> Booking:
    return Booking(
        id=kw.pop("id", "b1"),
        connection_id="c",
        service_id=service,
        resource_id=ANA,
        start=start,
        end=start + timedelta(minutes=minutes),
        patient_name="P",
        patient_phone="",
        **kw,
    )


def test_a_booking_of_the_same_provider_is_a_risk() -> None:
    other = booking(at(20, 45), 15)  # a follow-up overlaps the 20:30-21:00 telehealth
    assert risk(body(), [other]) == (SLOT_TAKEN, "startTime")
    cancelled = booking(at(20, 45), 15, visit_status=VisitStatus.CANCELLED)
    assert judge(body(), [cancelled])[0] == 200
    touching = booking(at(21, 0), 15)
    assert judge(body(), [touching])[0] == 200
    elsewhere = booking(at(20, 30), 30, service="x", id="b2").with_changes(resource_id="Dr. X")
    assert judge(body(), [elsewhere])[0] == 200
    unplaced = booking(at(20, 30), 30, service=TELE, id="b3").with_changes(resource_id="")
    assert risk(body(), [unplaced])[0] == SLOT_TAKEN  # its event type names the provider


def test_the_booking_itself_is_ignored_on_reschedule() -> None:
    mine = booking(at(20, 30), 30, service=TELE, id="mine")
    verdict = predict_create(body(), catalog(), [mine], NOW, ignore_booking_id="mine")
    assert verdict.accepted and verdict.severity is Severity.ERROR  # plainly accepted

"""CareValidate's book checks offline (docs/providers.md, "Book"), on a hand-built catalog."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from frontdesk.domain.booking import Booking, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window
from frontdesk.rules.carevalidate import ACCEPTED_MESSAGE, NOT_A_SLOT, parse_start, predict_create

LA = ZoneInfo("America/Los_Angeles")
TELE = "85f13305-0647-4473-9e63-0a56af405f6f"
FOLLOW = "follow-15"
OLD = "legacy"
ANA = "prov_ana_ruiz"
NOW = datetime(2027, 6, 1, 12, 0, tzinfo=UTC)
DAY = date(2027, 6, 7)  # a Monday


def at(hh: int, mm: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hh, mm), tzinfo=LA).astimezone(UTC)


def iso(instant: datetime) -> str:
    return instant.strftime("%Y-%m-%dT%H:%M:%S.000Z")


def slots(service: str, minutes: int, first: time, last: time) -> list[Window]:
    out: list[Window] = []
    cursor = datetime.combine(DAY, first)
    while cursor + timedelta(minutes=minutes) <= datetime.combine(DAY, last):
        end = cursor + timedelta(minutes=minutes)
        out.append(
            Window(
                f"{service}@{cursor}",
                ANA,
                DAY,
                cursor.time(),
                end.time(),
                None,
                None,
                True,
                1,
                service,
                True,
            )
        )
        cursor = end
    return out


def catalog() -> Catalog:
    extra = {"providerId": ANA}
    return Catalog(
        policy=Policy("America/Los_Angeles"),
        services=[
            Service(TELE, "Telehealth Consultation", 30, extra=extra),
            Service(FOLLOW, "Follow-up Visit", 15, extra=extra),
            Service(OLD, "Legacy Screening", 30, active=False, extra=extra),
        ],
        resources=[Resource(ANA, "Dr. Ana Ruiz", "provider")],
        windows=slots(TELE, 30, time(16), time(22)) + slots(FOLLOW, 15, time(16), time(22)),
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
    return verdict.status, verdict.message, verdict.field


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
        ({"eventTypeId": "unknown"}, "eventTypeId does not match any event type", "eventTypeId"),
        ({"eventTypeId": OLD}, "eventTypeId does not match any event type", "eventTypeId"),
        ({"startTime": "2027-05-01T04:30:00Z"}, "startTime must be in the future", "startTime"),
        ({"startTime": iso(at(20, 15))}, NOT_A_SLOT, "startTime"),
        ({"startTime": iso(at(12, 0))}, NOT_A_SLOT, "startTime"),
        ({"startTime": iso(at(20, 30) + timedelta(seconds=1))}, NOT_A_SLOT, "startTime"),
        ({"startTime": iso(at(20, 30, DAY + timedelta(days=1)))}, NOT_A_SLOT, "startTime"),
    ],
)
def test_each_check_in_order(changes: dict[str, Any], message: str, field: str) -> None:
    assert judge(body(**changes)) == (400, message, field)


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


def test_a_booking_of_the_same_provider_takes_the_slot() -> None:
    other = booking(at(20, 45), 15)  # a follow-up overlaps the 20:30-21:00 telehealth slot
    assert judge(body(), [other]) == (400, NOT_A_SLOT, "startTime")
    cancelled = booking(at(20, 45), 15, visit_status=VisitStatus.CANCELLED)
    assert judge(body(), [cancelled])[0] == 200
    touching = booking(at(21, 0), 15)
    assert judge(body(), [touching])[0] == 200
    elsewhere = booking(at(20, 30), 30, service="x", id="b2").with_changes(resource_id="prov_x")
    assert judge(body(), [elsewhere])[0] == 200


def test_the_booking_itself_is_ignored_on_reschedule() -> None:
    mine = booking(at(20, 30), 30, service=TELE, id="mine")
    verdict = predict_create(body(), catalog(), [mine], NOW, ignore_booking_id="mine")
    assert verdict.accepted

"""VantaX's create and contact checks, offline (docs/providers.md, VantaX): only what the
vendor's pages state refuses; the key acts on the connection's sub-account only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from frontdesk.domain.booking import Booking, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Resource
from frontdesk.domain.verdict import Severity
from frontdesk.rules import vantax as rules

SUB = "sub_8a1f4c2e"
NOW = datetime(2027, 1, 4, 12, 0, tzinfo=UTC)


def catalog() -> Catalog:
    def cal(cid: str, active: bool, slot: int, sub: str = SUB) -> Resource:
        extra = {"is_active": active, "slot_duration_minutes": slot, "sub_account_id": sub}
        return Resource(cid, cid, "calendar", extra=extra)

    return Catalog(
        policy=Policy(
            "America/New_York",
            extra={"sub_account_id": SUB, "contacts": ["ct_4f8a21"]},
        ),
        resources=[
            cal("cal_22f9", True, 30),
            cal("cal_0c4e", False, 60),
            cal("cal_7a10", True, 20, "sub_5c03b7d1"),
        ],
    )


def seed(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "contact_id": "ct_4f8a21",
        "calendar_id": "cal_22f9",
        "title": "Dental cleaning consultation",
        "appointment_date": "2027-06-09T15:00:00Z",
        "duration": 30,
        "location": "Downtown Clinic, Suite 200",
        "sub_account_id": SUB,
    }
    body.update(changes)
    return {k: v for k, v in body.items() if v is not ...}


def test_seed_example_is_accepted() -> None:
    verdict = rules.predict_create(seed(), catalog(), [], NOW)
    assert verdict.as_json() == {
        "status": 201,
        "code": None,
        "message": "Appointment created successfully",
    }


def test_not_an_object() -> None:
    for body in ([], "text", None, 5):
        verdict = rules.predict_create(body, catalog(), [], NOW)
        assert (verdict.status, verdict.code) == (400, "malformed")
        assert verdict.message == "Request body must be a JSON object"


def test_every_failing_field_is_listed_in_order() -> None:
    body = seed(
        contact_id=...,
        title=" ",
        appointment_date="2027-06-09 15:00:00",
        sub_account_id=7,
        calendar_id="",
        description=3,
        duration="4",
        status="booked",
        location=5,
        assigned_user_id=False,
    )
    verdict = rules.predict_create(body, catalog(), [], NOW)
    assert (verdict.status, verdict.code, verdict.field) == (422, "validation_failed", "contact_id")
    assert verdict.message == (
        "Validation failed: contact_id is required; title is required; "
        "appointment_date must be an ISO-8601 UTC timestamp, e.g. 2026-06-09T15:00:00Z; "
        "sub_account_id must be a string; calendar_id must not be blank; "
        "description must be a string; duration must be an integer; "
        "status must be one of scheduled, confirmed, completed, cancelled, no_show; "
        "location must be a string; assigned_user_id must be a string"
    )


@pytest.mark.parametrize(
    ("stamp", "ok"),
    [
        ("2027-06-09T15:00:00Z", True),
        ("2027-06-09T15:00Z", True),
        ("2027-06-09T15:00:00.123Z", True),
        ("2027-06-09T15:00:00+00:00", True),
        ("2027-06-09T15:00:00+01:00", False),
        ("2027-06-09T15:00:00", False),
        ("2027-06-09", False),
        ("2027-02-30T15:00:00Z", False),
        ("2027-06-09T24:00:00Z", False),
    ],
)
def test_appointment_date_is_iso_utc(stamp: str, ok: bool) -> None:
    verdict = rules.predict_create(seed(appointment_date=stamp), catalog(), [], NOW)
    assert verdict.accepted is ok


@pytest.mark.parametrize("duration", [5, 480, None, 4, 481, 1])
def test_duration_is_any_integer_or_default(duration: object) -> None:
    """The page gives no range for an appointment's duration (only a calendar's slot length
    is clamped to 5-480): nothing is refused for its size."""
    assert rules.predict_create(seed(duration=duration), catalog(), [], NOW).accepted


def test_no_length_limits_on_texts() -> None:
    long = seed(title="t" * 1000, description="d" * 10_000, location="l" * 1000)
    assert rules.predict_create(long, catalog(), [], NOW).accepted


@pytest.mark.parametrize("duration", [30.0, "30", True])
def test_duration_must_be_an_integer(duration: object) -> None:
    verdict = rules.predict_create(seed(duration=duration), catalog(), [], NOW)
    assert verdict.status == 422 and verdict.field == "duration"


def test_status_enum() -> None:
    for status in rules.STATUSES:
        assert rules.predict_create(seed(status=status), catalog(), [], NOW).accepted
    assert rules.predict_create(seed(status="pending"), catalog(), [], NOW).status == 422


def test_duration_defaults_to_calendar_slot_then_30() -> None:
    cat = catalog()
    assert rules.default_duration(seed(duration=...), cat) == 30
    assert rules.default_duration(seed(duration=..., calendar_id="cal_0c4e"), cat) == 60
    assert rules.default_duration(seed(duration=..., calendar_id=...), cat) == 30
    assert rules.default_duration(seed(duration=45), cat) == 45


def test_not_found_in_order_sub_account_contact_calendar() -> None:
    cat = catalog()
    v = rules.predict_create(seed(sub_account_id="sub_x", contact_id="ct_x"), cat, [], NOW)
    assert (v.status, v.code, v.message) == (404, "not_found", "Sub-account sub_x not found")
    # another sub-account of the agency: the key acts on its own only
    v = rules.predict_create(seed(sub_account_id="sub_5c03b7d1"), cat, [], NOW)
    assert (v.status, v.message, v.field) == (
        404,
        "Sub-account sub_5c03b7d1 not found",
        "sub_account_id",
    )
    v = rules.predict_create(seed(contact_id="ct_x", calendar_id="cal_x"), cat, [], NOW)
    assert v.message == "Contact ct_x not found"
    v = rules.predict_create(seed(contact_id="ct_9b3e77"), cat, [], NOW)  # other sub-account
    assert v.message == "Contact ct_9b3e77 not found"
    v = rules.predict_create(seed(calendar_id="cal_7a10"), cat, [], NOW)
    assert (v.status, v.message) == (404, "Calendar cal_7a10 not found")


def test_pending_contact_is_not_looked_up() -> None:
    v = rules.predict_create(seed(contact_id="pending"), catalog(), [], NOW, contact_pending=True)
    assert v.accepted


def test_inactive_calendar_is_a_conflict() -> None:
    v = rules.predict_create(seed(calendar_id="cal_0c4e"), catalog(), [], NOW)
    assert (v.status, v.code, v.field) == (409, "conflict", "calendar_id")
    assert v.message == "Calendar cal_0c4e is inactive and does not accept appointments"


def test_validation_comes_before_existence() -> None:
    v = rules.predict_create(seed(calendar_id="cal_0c4e", duration="1"), catalog(), [], NOW)
    assert v.status == 422


def test_contact_checks() -> None:
    good = {
        "first_name": "Amelia",
        "last_name": "Hart",
        "email": "amelia@example.com",
        "phone": "+12125550100",
        "sub_account_id": SUB,
    }
    assert rules.predict_contact(good, catalog()).status == 201
    bad = {**good, "last_name": "", "email": "amelia", "phone": "2125550100"}
    v = rules.predict_contact(bad, catalog())
    assert (v.status, v.field) == (422, "last_name")
    assert v.message == (
        "Validation failed: last_name is required; email must be a valid email address; "
        "phone must be in E.164 format, e.g. +14155550123"
    )
    v = rules.predict_contact({**good, "sub_account_id": "sub_x"}, catalog())
    assert (v.status, v.message) == (404, "Sub-account sub_x not found")
    v = rules.predict_contact({**good, "sub_account_id": "sub_5c03b7d1"}, catalog())
    assert (v.status, v.message) == (404, "Sub-account sub_5c03b7d1 not found")


def test_an_overlap_on_the_calendar_is_only_a_risk() -> None:
    start = datetime(2027, 6, 9, 15, 0, tzinfo=UTC)
    mine = Booking(
        id="new",
        connection_id="c",
        service_id="svc_cal_22f9",
        resource_id="cal_22f9",
        start=start,
        end=start + timedelta(minutes=30),
        patient_name="A B",
        patient_phone="+12125550100",
    )
    held = mine.with_changes(
        id="held", start=start + timedelta(minutes=15), end=start + timedelta(minutes=45)
    )
    risk = rules.overlap_risk(mine, [held])
    assert risk is not None and risk.accepted and risk.severity is Severity.RISK
    assert risk.code == rules.OVERLAP_RISK
    assert rules.overlap_risk(mine, [held.with_changes(resource_id="cal_5b7d")]) is None
    assert rules.overlap_risk(mine, [held.with_changes(visit_status=VisitStatus.CANCELLED)]) is None
    assert (
        rules.overlap_risk(
            mine, [held.with_changes(start=mine.end, end=mine.end + timedelta(minutes=30))]
        )
        is None
    )
    assert rules.overlap_risk(mine, [mine]) is None  # itself (a reschedule)

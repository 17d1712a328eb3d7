"""Vastal's offline create checks (rules/vastal.py), one by one, in the doc's order."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.verdict import Verdict
from frontdesk.rules import vastal as rules
from support.vastal import (
    LEGACY,
    NOW,
    ONBOARDING,
    REVIEW,
    TAX,
    at,
    body,
    booking,
    make_catalog,
)

WED = date(2027, 3, 3)
THU = date(2027, 3, 4)


def predict(payload: object, bookings: list[Booking] | None = None, **kw: Any) -> Verdict:
    return rules.predict_create(payload, make_catalog(), bookings or [], NOW, **kw)


def refused(verdict: Verdict, status: int, message: str, field: str | None = "start_time") -> None:
    assert (verdict.status, verdict.code, verdict.message, verdict.field) == (
        status,
        None,
        message,
        field,
    )


def test_the_seed_example_is_accepted_with_its_date_moved() -> None:
    verdict = predict(body(TAX, at(THU, "09:00")))  # 14:00Z in winter
    assert verdict.accepted and verdict.status == 200 and verdict.code is None
    assert verdict.message == "Appointment would be created"


@pytest.mark.parametrize("payload", [[], "text", 5, None])
def test_body_must_be_an_object(payload: object) -> None:
    refused(predict(payload), 400, "Request body must be a JSON object", None)


@pytest.mark.parametrize("name", ["appointment_type_id", "start_time", "client_name"])
@pytest.mark.parametrize("value", [..., None, "", "   ", 7])
def test_required_fields_share_one_message(name: str, value: object) -> None:
    payload = body(TAX, at(THU, "10:00"), **{name: value})
    refused(predict(payload), 400, rules.MSG_REQUIRED, name)


def test_required_message_names_the_first_missing_field() -> None:
    payload = body(TAX, at(THU, "10:00"), start_time=None, client_name=None)
    assert predict(payload).field == "start_time"


@pytest.mark.parametrize("name", rules.OPTIONAL)
def test_optional_fields_must_be_strings(name: str) -> None:
    refused(
        predict(body(TAX, at(THU, "10:00"), **{name: 5})), 400, f"{name} must be a string", name
    )
    assert predict(body(TAX, at(THU, "10:00"), **{name: None})).accepted


@pytest.mark.parametrize(
    "text",
    [
        "2027-03-04",
        "2027-03-04T15:00:00",
        "2027-03-04 15:00:00Z",
        "2027-03-04T25:00:00Z",
        "2027-02-30T15:00:00Z",
        "2027-03-04T15:00:00+0000",
        "2027-03-04T15:00:00+24:00",
        "04/03/2027 15:00",
    ],
)
def test_start_time_needs_the_documented_form(text: str) -> None:
    payload = body(TAX, at(THU, "10:00"), start_time=text)
    refused(predict(payload), 400, rules.MSG_START)


@pytest.mark.parametrize(
    "text",
    ["2027-03-04T15:00Z", "2027-03-04T15:00:00.250Z", "2027-03-04T10:00:00-05:00"],
)
def test_start_time_forms_accepted(text: str) -> None:
    assert predict(body(TAX, at(THU, "10:00"), start_time=text)).accepted


def test_unknown_type_is_404() -> None:
    refused(
        predict(body("type_nope", at(THU, "10:00"))),
        404,
        "Appointment type not found",
        "appointment_type_id",
    )


def test_inactive_type() -> None:
    refused(
        predict(body(LEGACY, at(THU, "10:00"))),
        400,
        "Appointment type is not active",
        "appointment_type_id",
    )


def test_past_start() -> None:
    refused(predict(body(ONBOARDING, NOW)), 400, "start_time must be in the future")
    refused(predict(body(TAX, NOW - timedelta(days=1))), 400, "start_time must be in the future")


def test_minimum_notice() -> None:
    monday_1000 = at(date(2027, 3, 1), "10:00")  # 3 h after NOW
    refused(
        predict(body(TAX, monday_1000)),
        400,
        "Appointments of this type must be booked at least 24 hours in advance",
    )
    assert predict(body(ONBOARDING, monday_1000)).accepted  # 2 h notice
    assert predict(body(TAX, NOW + timedelta(hours=24))).status == 400  # 07:00 NY: outside
    tuesday = at(date(2027, 3, 2), "09:00")  # 26 h ahead
    assert predict(body(TAX, tuesday)).accepted


def test_maximum_days_ahead() -> None:
    refused(
        predict(body(TAX, at(date(2027, 5, 3), "10:00"))),
        400,
        "Appointments of this type cannot be booked more than 60 days in advance",
    )
    assert predict(body(TAX, at(date(2027, 4, 29), "10:00"))).accepted
    assert predict(body(ONBOARDING, at(date(2027, 5, 3), "10:00"))).accepted  # 90 days


@pytest.mark.parametrize(
    ("type_id", "day", "hhmm", "inside"),
    [
        (TAX, THU, "09:00", True),
        (TAX, THU, "16:00", True),  # ends exactly at 17:00
        (TAX, THU, "16:30", False),  # ends after the row
        (TAX, THU, "08:30", False),
        (TAX, date(2027, 3, 7), "11:00", False),  # Sunday: the row is inactive
        (TAX, date(2027, 3, 6), "10:00", False),  # Saturday row is for reviews only
        (REVIEW, date(2027, 3, 6), "10:00", True),
        (REVIEW, date(2027, 3, 6), "12:45", False),
        (ONBOARDING, WED, "17:30", True),  # Wednesday evening row for onboarding only
        (TAX, WED, "17:30", False),
        (ONBOARDING, WED, "16:30", False),  # straddles two rows: they do not combine
    ],
)
def test_weekly_rows(type_id: str, day: date, hhmm: str, inside: bool) -> None:
    verdict = predict(body(type_id, at(day, hhmm)))
    if inside:
        assert verdict.accepted, verdict
    else:
        refused(verdict, 400, rules.MSG_OUTSIDE)


def test_weekly_rows_follow_daylight_saving() -> None:
    before, after = date(2027, 3, 11), date(2027, 3, 18)  # DST starts 14 March
    # 13:30Z is 08:30 EST (closed) but 09:30 EDT (open)
    refused(predict(body(TAX, at(before, "08:30"))), 400, rules.MSG_OUTSIDE)
    assert at(before, "08:30").hour == 13 and at(after, "09:30").hour == 13
    assert predict(body(TAX, at(after, "09:30"))).accepted
    # 21:00Z is 16:00 EST (an hour left) but 17:00 EDT (closed)
    assert predict(body(TAX, at(before, "16:00"))).accepted
    refused(predict(body(TAX, at(after, "17:00"))), 400, rules.MSG_OUTSIDE)
    # the seed's 14:00Z fits in both
    assert predict(body(TAX, at(before, "09:00"))).accepted
    assert predict(body(TAX, at(after, "10:00"))).accepted


def test_daily_cap_counts_the_same_type_on_the_local_date() -> None:
    existing = [booking(REVIEW, at(WED, "09:30"), n=1), booking(REVIEW, at(WED, "11:00"), n=2)]
    refused(predict(body(REVIEW, at(WED, "14:00")), existing), 400, rules.MSG_CAP.format("daily"))
    assert predict(body(TAX, at(WED, "14:00")), existing).accepted  # other types are free
    assert predict(body(REVIEW, at(THU, "14:00")), existing).accepted
    cancelled = [existing[0].with_changes(visit_status=VisitStatus.CANCELLED), existing[1]]
    assert predict(body(REVIEW, at(WED, "14:00")), cancelled).accepted


def test_weekly_cap_is_the_iso_week_monday_to_sunday() -> None:
    week = [date(2027, 3, 8) + timedelta(days=i) for i in range(4)]  # Mon-Thu
    existing = [booking(REVIEW, at(d, "10:00"), n=i) for i, d in enumerate(week)]
    refused(
        predict(body(REVIEW, at(date(2027, 3, 12), "10:00")), existing),
        400,
        "The weekly limit for this appointment type has been reached",
    )
    assert predict(body(REVIEW, at(date(2027, 3, 15), "10:00")), existing).accepted  # next Mon


def test_monthly_cap_is_the_calendar_month() -> None:
    days = [date(2027, 3, d) for d in (2, 3, 8, 9, 15, 16)]
    existing = [booking(REVIEW, at(d, "10:00"), n=i) for i, d in enumerate(days)]
    refused(
        predict(body(REVIEW, at(date(2027, 3, 22), "10:00")), existing),
        400,
        "The monthly limit for this appointment type has been reached",
    )
    assert predict(body(REVIEW, at(date(2027, 4, 1), "10:00")), existing).accepted


def test_cap_counts_by_the_org_local_date() -> None:
    # 23:30 New York on Wednesday is Thursday in UTC: it still counts for Wednesday
    late = booking(REVIEW, at(WED, "23:30"), n=1)
    assert late.start.date() == date(2027, 3, 4)
    existing = [late, booking(REVIEW, at(WED, "09:30"), n=2)]
    refused(predict(body(REVIEW, at(WED, "14:00")), existing), 400, rules.MSG_CAP.format("daily"))


@pytest.mark.parametrize(
    ("type_id", "hhmm", "free"),
    [
        (TAX, "10:45", True),  # touches the review's after-buffer
        (TAX, "10:30", False),  # inside the review's after-buffer
        (TAX, "09:00", False),  # 09:00-10:00 meets the review's before-buffer at 09:45
        (REVIEW, "11:00", True),  # its own before-buffer 10:45 touches
        (REVIEW, "10:55", False),
        (ONBOARDING, "09:00", False),  # 09:00-09:45, + 10 min after: meets the review's 09:45
        (ONBOARDING, "11:00", True),  # 10:45 is where the review's after-buffer ends
    ],
)
def test_overlap_with_both_buffers(type_id: str, hhmm: str, free: bool) -> None:
    existing = [booking(REVIEW, at(THU, "10:00"), n=1)]  # occupies 09:45-10:45
    verdict = predict(body(type_id, at(THU, hhmm)), existing)
    if free:
        assert verdict.accepted, verdict
    else:
        refused(verdict, 400, rules.MSG_OVERLAP)


def test_overlap_ignores_cancelled_and_refused_bookings_and_itself() -> None:
    other = booking(TAX, at(THU, "10:00"), n=1)
    payload = body(TAX, at(THU, "10:30"))
    refused(predict(payload, [other]), 400, rules.MSG_OVERLAP)
    assert predict(payload, [other.with_changes(visit_status=VisitStatus.CANCELLED)]).accepted
    never_sent = other.with_changes(sync_state=SyncState.NEEDS_ATTENTION, remote_id=None)
    assert predict(payload, [never_sent]).accepted
    assert predict(payload, [other], ignore_booking_id=other.id).accepted


def test_requires_confirmation_predicts_pending() -> None:
    verdict = predict(body(ONBOARDING, at(THU, "11:00")))
    assert verdict.status == 200 and verdict.code is None
    assert verdict.message == "Appointment would be created, pending confirmation"


def test_checks_run_in_the_documented_order() -> None:
    # inactive wins over past; past wins over outside; outside wins over overlap
    refused(predict(body(LEGACY, NOW - timedelta(days=1))), 400, rules.MSG_TYPE_INACTIVE,
            "appointment_type_id")  # fmt: skip
    refused(predict(body(TAX, at(date(2027, 2, 27), "03:00"))), 400, rules.MSG_PAST)
    existing = [booking(TAX, at(THU, "16:00"), n=1)]
    refused(predict(body(TAX, at(THU, "16:30")), existing), 400, rules.MSG_OUTSIDE)

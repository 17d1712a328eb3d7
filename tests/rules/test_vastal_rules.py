"""Vastal's offline create checks (rules/vastal.py), one by one, in the doc's order: the
documented refusal (required fields) is an error in Vastal's words; every other check is a
risk with FrontDesk's code, whose message says Vastal may refuse or accept."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.rules import vastal as rules
from support.vastal import (
    LEGACY,
    NOW,
    ONBOARDING,
    REVIEW,
    STRATEGY,
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
    """A documented refusal: an error in Vastal's own words, no code."""
    assert (verdict.status, verdict.code, verdict.message, verdict.field, verdict.severity) == (
        status,
        None,
        message,
        field,
        Severity.ERROR,
    )


def risky(verdict: Verdict, code: str, field: str | None = "start_time") -> None:
    """An undocumented check: a risk, not a refusal, and its words say Vastal may decide."""
    assert (verdict.code, verdict.field, verdict.severity) == (code, field, Severity.RISK), verdict
    assert verdict.status == rules.RISKS[code][0]
    assert "Vastal" in (verdict.message or "")


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
def test_optional_fields_not_text_are_a_risk(name: str) -> None:
    verdict = predict(body(TAX, at(THU, "10:00"), **{name: 5}))
    risky(verdict, "FIELD_TYPE", name)
    assert verdict.message is not None and verdict.message.startswith(name)
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
def test_start_time_in_another_form_is_a_risk(text: str) -> None:
    payload = body(TAX, at(THU, "10:00"), start_time=text)
    risky(predict(payload), "START_FORMAT")


@pytest.mark.parametrize(
    "text",
    ["2027-03-04T15:00Z", "2027-03-04T15:00:00.250Z", "2027-03-04T10:00:00-05:00"],
)
def test_start_time_forms_accepted(text: str) -> None:
    assert predict(body(TAX, at(THU, "10:00"), start_time=text)).accepted


def test_unlisted_type_is_a_risk() -> None:
    risky(predict(body("type_nope", at(THU, "10:00"))), "TYPE_NOT_LISTED", "appointment_type_id")


def test_inactive_type_is_a_risk() -> None:
    risky(predict(body(LEGACY, at(THU, "10:00"))), "TYPE_INACTIVE", "appointment_type_id")


def test_past_start_is_a_risk() -> None:
    risky(predict(body(ONBOARDING, NOW)), "PAST")
    risky(predict(body(TAX, NOW - timedelta(days=1))), "PAST")


def test_minimum_notice_is_a_risk() -> None:
    monday_1000 = at(date(2027, 3, 1), "10:00")  # 3 h after NOW
    verdict = predict(body(TAX, monday_1000))
    risky(verdict, "MIN_NOTICE")
    assert "24 hours" in (verdict.message or "")
    assert predict(body(ONBOARDING, monday_1000)).accepted  # 2 h notice
    risky(predict(body(TAX, NOW + timedelta(hours=24))), "OUTSIDE_HOURS")  # 07:00 NY
    tuesday = at(date(2027, 3, 2), "09:00")  # 26 h ahead
    assert predict(body(TAX, tuesday)).accepted


def test_maximum_days_ahead_is_a_risk() -> None:
    verdict = predict(body(TAX, at(date(2027, 5, 3), "10:00")))
    risky(verdict, "MAX_DAYS_AHEAD")
    assert "60 days" in (verdict.message or "")
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
        assert verdict.accepted and verdict.severity is Severity.ERROR, verdict
    else:
        risky(verdict, "OUTSIDE_HOURS")


def test_weekly_rows_follow_daylight_saving_in_the_connections_zone() -> None:
    before, after = date(2027, 3, 11), date(2027, 3, 18)  # DST starts 14 March
    # 13:30Z is 08:30 EST (closed) but 09:30 EDT (open)
    risky(predict(body(TAX, at(before, "08:30"))), "OUTSIDE_HOURS")
    assert at(before, "08:30").hour == 13 and at(after, "09:30").hour == 13
    assert predict(body(TAX, at(after, "09:30"))).accepted
    # 21:00Z is 16:00 EST (an hour left) but 17:00 EDT (closed)
    assert predict(body(TAX, at(before, "16:00"))).accepted
    risky(predict(body(TAX, at(after, "17:00"))), "OUTSIDE_HOURS")
    # the seed's 14:00Z fits in both
    assert predict(body(TAX, at(before, "09:00"))).accepted
    assert predict(body(TAX, at(after, "10:00"))).accepted


def test_daily_cap_counts_the_same_type_on_the_local_date() -> None:
    existing = [booking(REVIEW, at(WED, "09:30"), n=1), booking(REVIEW, at(WED, "11:00"), n=2)]
    risky(predict(body(REVIEW, at(WED, "14:00")), existing), "DAILY_LIMIT")
    assert predict(body(TAX, at(WED, "14:00")), existing).accepted  # other types are free
    assert predict(body(REVIEW, at(THU, "14:00")), existing).accepted
    cancelled = [existing[0].with_changes(visit_status=VisitStatus.CANCELLED), existing[1]]
    assert predict(body(REVIEW, at(WED, "14:00")), cancelled).accepted


def test_weekly_cap_is_the_iso_week_monday_to_sunday() -> None:
    week = [date(2027, 3, 8) + timedelta(days=i) for i in range(4)]  # Mon-Thu
    existing = [booking(REVIEW, at(d, "10:00"), n=i) for i, d in enumerate(week)]
    risky(predict(body(REVIEW, at(date(2027, 3, 12), "10:00")), existing), "WEEKLY_LIMIT")
    assert predict(body(REVIEW, at(date(2027, 3, 15), "10:00")), existing).accepted  # next Mon


def test_monthly_cap_is_the_calendar_month() -> None:
    days = [date(2027, 3, d) for d in (2, 3, 8, 9, 15, 16)]
    existing = [booking(REVIEW, at(d, "10:00"), n=i) for i, d in enumerate(days)]
    verdict = predict(body(REVIEW, at(date(2027, 3, 22), "10:00")), existing)
    risky(verdict, "MONTHLY_LIMIT")
    assert "(6)" in (verdict.message or "")
    assert predict(body(REVIEW, at(date(2027, 4, 1), "10:00")), existing).accepted


def test_cap_counts_by_the_org_local_date() -> None:
    # 23:30 New York on Wednesday is Thursday in UTC: it still counts for Wednesday
    late = booking(REVIEW, at(WED, "23:30"), n=1)
    assert late.start.date() == date(2027, 3, 4)
    existing = [late, booking(REVIEW, at(WED, "09:30"), n=2)]
    risky(predict(body(REVIEW, at(WED, "14:00")), existing), "DAILY_LIMIT")


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
        assert verdict.accepted and verdict.severity is Severity.ERROR, verdict
    else:
        risky(verdict, "OVERLAP")


def test_overlap_ignores_cancelled_and_refused_bookings_and_itself() -> None:
    other = booking(TAX, at(THU, "10:00"), n=1)
    payload = body(TAX, at(THU, "10:30"))
    risky(predict(payload, [other]), "OVERLAP")
    assert predict(payload, [other.with_changes(visit_status=VisitStatus.CANCELLED)]).accepted
    never_sent = other.with_changes(sync_state=SyncState.NEEDS_ATTENTION, remote_id=None)
    assert predict(payload, [never_sent]).accepted
    assert predict(payload, [other], ignore_booking_id=other.id).accepted


def test_requires_confirmation_predicts_pending() -> None:
    verdict = predict(body(ONBOARDING, at(THU, "11:00")))
    assert verdict.status == 200 and verdict.code is None
    assert verdict.message == "Appointment would be created, pending confirmation"


def test_checks_run_in_the_same_order_as_before() -> None:
    # required fields win over everything; inactive over past; past over outside; outside
    # over overlap
    refused(predict(body(LEGACY, NOW, client_name=None)), 400, rules.MSG_REQUIRED, "client_name")
    risky(predict(body(LEGACY, NOW - timedelta(days=1))), "TYPE_INACTIVE", "appointment_type_id")
    risky(predict(body(TAX, at(date(2027, 2, 27), "03:00"))), "PAST")
    existing = [booking(TAX, at(THU, "16:00"), n=1)]
    risky(predict(body(TAX, at(THU, "16:30")), existing), "OUTSIDE_HOURS")


def test_a_named_schedule_type_is_not_judged_by_the_org_rows() -> None:
    """Its hours come from a schedule no endpoint shows: a clean booking is accepted with the
    NAMED_SCHEDULE risk (status 200), whatever the time; its other checks still run."""
    for hhmm in ("18:00", "03:00", "10:00"):
        verdict = predict(body(STRATEGY, at(THU, hhmm)))
        assert verdict.accepted and verdict.status == 200
        risky(verdict, "NAMED_SCHEDULE")
        assert "“Evening Hours”" in (verdict.message or "")
    risky(predict(body(STRATEGY, at(date(2027, 3, 1), "09:00"))), "MIN_NOTICE")  # 2 h ahead
    existing = [booking(TAX, at(THU, "17:30"), n=1)]
    risky(predict(body(STRATEGY, at(THU, "18:00")), existing), "OVERLAP")


def test_a_type_change_has_plain_words() -> None:
    assert "cancel" in rules.MSG_TYPE_CHANGE and rules.CODE_TYPE_CHANGE == "TYPE_CHANGE"

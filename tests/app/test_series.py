"""Series of recurring appointments over a cached clinic (HuskyVoice rules, no network), on
SQLite and PostgreSQL: starts keep the clinic's wall time across a daylight-saving change;
each occurrence is judged offline, the ones that do not fit listed with their nearest
openings; a series is booked whole or not at all; "this and the following" moves by the same
local shift, or cancels, all or nothing with the refusals listed."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from frontdesk.app import series, series_following
from frontdesk.app.booking import BookingService
from frontdesk.app.reads import DeskReads
from frontdesk.domain.audit import AuditFilter
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc, to_local
from frontdesk.providers.huskyvoice import HuskyVoiceConnector
from frontdesk.storage.repo import Repository
from support.clinic import CHECKUP, MAIN, make_catalog, next_weekday

ZONE = "Europe/London"
PHONE = "+442079460555"


@pytest.fixture
def desk(repo: Repository) -> Any:
    days = [date.today() + timedelta(days=i) for i in range(-1, 130)]
    repo.catalogs.save_catalog("conn-1", make_catalog(days), days)
    connector = HuskyVoiceConnector("conn-1", "http://127.0.0.1:9/v1", "key")
    service = BookingService(repo, {"conn-1": connector}, "desk")
    return SimpleNamespace(
        repo=repo,
        reads=DeskReads(repo),
        booking=service,
        connectors={"conn-1": connector},
        clinic_zone=ZONE,
    )


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return local_to_utc(day, time(hh, mm), ZONE).instant


def request(start: datetime, phone: str = PHONE) -> BookingRequest:
    return BookingRequest(
        connection_id="conn-1",
        service_id=CHECKUP,
        resource_id=MAIN,
        start=start,
        patient_name="Course Patient",
        patient_phone=phone,
    )


def test_starts_keep_the_local_time_across_a_daylight_saving_change() -> None:
    first = at(date(2027, 3, 16), 10)  # GMT; the clocks go forward on 28 March
    starts = series.starts_of(first, ZONE, 1, times=3)
    assert [to_local(s, ZONE).strftime("%d %H:%M") for s in starts] == [
        "16 10:00",
        "23 10:00",
        "30 10:00",
    ]
    assert [s.hour for s in starts] == [10, 10, 9]  # UTC: an hour earlier in summer time
    until = series.starts_of(first, ZONE, 2, until=date(2027, 4, 13))
    assert len(until) == 3 and to_local(until[-1], ZONE).date() == date(2027, 4, 13)
    for bad, field in (({"every_weeks": 0, "times": 3}, "every"), ({"every_weeks": 1}, "times")):
        with pytest.raises(ValueError, match=field):
            series.starts_of(first, ZONE, **bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="until"):
        series.starts_of(first, ZONE, 1, until=date(2027, 3, 1))


def test_a_series_over_the_change_is_booked_at_the_same_wall_time(desk: Any) -> None:
    first = at(date(2027, 3, 16), 10)
    if first < datetime.now(first.tzinfo) + timedelta(days=2):
        pytest.skip("the example's dates have passed")
    starts = series.starts_of(first, ZONE, 1, times=4)
    booked = series.book(desk, request(first), starts, 1)
    stored = [desk.repo.booking(b.id) for b in booked]
    assert [to_local(b.start, ZONE).strftime("%a %H:%M") for b in stored] == ["Tue 10:00"] * 4


def test_refusals_are_listed_with_openings_and_the_series_is_all_or_nothing(desk: Any) -> None:
    first = at(next_weekday(1, after_days=3), 10)  # a Tuesday
    starts = series.starts_of(first, ZONE, 1, times=6)
    third = to_local(starts[2], ZONE).date()
    series.book(desk, request(at(third, 15)), [at(third, 15)], 1)  # the patient, that day
    planned = series.plan(desk, request(first), starts)
    assert [o.fits for o in planned] == [True, True, False, True, True, True]
    refused = planned[2]
    assert [v.code for v in refused.errors] == ["DUPLICATE_BOOKING"]
    assert refused.openings and all(
        to_local(o.start, ZONE).date() != third for o in refused.openings
    )
    with pytest.raises(series.SeriesRefused) as caught:
        series.book(desk, request(first), starts, 1)
    assert [start for start, _ in caught.value.refusals] == [starts[2]]
    assert series.series_of(desk, "nothing") is None
    assert len(desk.repo.audit.audit_page(AuditFilter())) == 1  # the day's own booking only
    chosen = [*starts[:2], refused.openings[0].start, *starts[3:]]
    booked = series.book(desk, request(first), chosen, 1)
    info = series.series_of(desk, booked[0].id)
    assert info is not None and info.booking_ids == tuple(b.id for b in booked)
    assert len(info.booking_ids) == 6 and info.rule == "every week, 6 times"
    ops = [desk.repo.outbox.queued_operations(b.id)[0].id for b in booked]
    assert ops == sorted(ops)  # queued in the series' order
    lines = desk.repo.audit.audit_page(AuditFilter())
    assert sum(1 for r in lines if r.event == "booked") == 7


def test_this_and_the_following_move_by_the_same_local_shift_or_not_at_all(desk: Any) -> None:
    first = at(next_weekday(1, after_days=3), 10)
    starts = series.starts_of(first, ZONE, 1, times=5)
    booked = series.book(desk, request(first), starts, 1)
    second = booked[1]
    # a day later and half an hour on: a duplicate on one target day refuses the whole move
    target = second.start + timedelta(days=1, minutes=30)
    blocked = to_local(booked[3].start, ZONE).date() + timedelta(days=1)
    series.book(desk, request(at(blocked, 15)), [at(blocked, 15)], 1)
    with pytest.raises(series.SeriesRefused) as caught:
        series_following.move_following(desk, second.id, target)
    assert [to_local(s, ZONE).date() for s, _ in caught.value.refusals] == [blocked]
    assert [desk.repo.booking(b.id).start for b in booked] == starts
    # a week later: each lands where the next one was, which moves too
    later = second.start + timedelta(weeks=1)
    change = series_following.move_following(desk, second.id, later)
    assert change.booking.id == second.id
    moved = [desk.repo.booking(b.id).start for b in booked]
    assert moved == [starts[0], *(s + timedelta(weeks=1) for s in starts[1:])]
    assert {to_local(s, ZONE).strftime("%H:%M") for s in moved} == {"10:00"}
    series_following.cancel_following(desk, booked[3].id, "course ended early")
    assert [desk.repo.booking(b.id).active for b in booked] == [True, True, True, False, False]
    details = [
        r.detail or "" for r in desk.repo.audit.audit_page(AuditFilter()) if r.event == "cancelled"
    ]
    assert len(details) == 2 and all("course ended early" in d for d in details)

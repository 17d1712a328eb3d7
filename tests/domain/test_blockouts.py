"""The blockout rule, without storage: half-open overlap at the edges, a column's blockout
against the whole clinic's, a clinic column's keeping free the resources mapped to it when
judged, repeats that keep the clinic's wall time across a daylight-saving
change in Europe/London, bounds by weeks and by a date, and what is wrong with one as typed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from frontdesk.domain.blockouts import Blockout, Reason, Repeat, blocking, problems
from frontdesk.domain.columns import CLINIC
from frontdesk.domain.timeutil import local_to_utc, to_local

LONDON = "Europe/London"


def at(day: date, hh: int, mm: int = 0, zone: str = LONDON) -> datetime:
    from datetime import time

    return local_to_utc(day, time(hh, mm), zone).instant


def lunch(day: date, **kw: object) -> Blockout:
    fields: dict[str, object] = {
        "id": "b1",
        "start": at(day, 12),
        "end": at(day, 13),
        "zone": LONDON,
        "reason": Reason.LUNCH,
        "connection_id": "c1",
        "resource_id": "dr-berger",
    }
    fields.update(kw)
    return Blockout(**fields)  # type: ignore[arg-type]


MONDAY = date(2027, 6, 14)


def test_touching_edges_are_clear_and_any_overlap_is_blocked() -> None:
    b = [lunch(MONDAY)]
    assert blocking(b, "c1", "dr-berger", at(MONDAY, 11, 30), at(MONDAY, 12), {}) is None
    assert blocking(b, "c1", "dr-berger", at(MONDAY, 13), at(MONDAY, 13, 30), {}) is None
    for start, end in (((11, 45), (12, 15)), ((12, 55), (13, 25)), ((12, 10), (12, 20))):
        found = blocking(b, "c1", "dr-berger", at(MONDAY, *start), at(MONDAY, *end), {})
        assert found is not None and found.start == at(MONDAY, 12)
    # a booking around the whole lunch is blocked too
    assert blocking(b, "c1", "dr-berger", at(MONDAY, 11), at(MONDAY, 14), {}) is not None


def test_a_columns_blockout_keeps_only_that_column_free_the_clinics_every_column() -> None:
    column = [lunch(MONDAY)]
    assert blocking(column, "c1", "hygiene", at(MONDAY, 12), at(MONDAY, 12, 30), {}) is None
    assert blocking(column, "c2", "dr-berger", at(MONDAY, 12), at(MONDAY, 12, 30), {}) is None
    clinic = [lunch(MONDAY, connection_id=None, resource_id=None, reason=Reason.MEETING)]
    found = blocking(clinic, "c2", "anyone", at(MONDAY, 12), at(MONDAY, 12, 30), {})
    assert found is not None and found.words(LONDON) == "meeting 12:00-13:00"


def test_a_clinic_columns_blockout_keeps_its_members_free_as_mapped_when_judged() -> None:
    # Dr. Berger's column shows a HuskyVoice branch and a meetergo host
    berger = [lunch(MONDAY, connection_id=CLINIC, resource_id="col-berger")]
    mapped = {("husky", "main"): "col-berger", ("meeter", "host"): "col-berger"}
    mapped[("husky", "north")] = "col-chair"
    span = (at(MONDAY, 12, 15), at(MONDAY, 12, 45))
    for key in (("husky", "main"), ("meeter", "host")):
        found = blocking(berger, *key, *span, mapped)
        assert found is not None and found.words(LONDON) == "lunch 12:00-13:00"
    assert blocking(berger, "husky", "north", *span, mapped) is None  # another column's
    assert blocking(berger, "husky", "main", *span, {}) is None  # mapped out since: free
    assert berger[0].clinic_column == "col-berger" and lunch(MONDAY).clinic_column is None
    # a resource's own blockout needs no mapping; nor does the whole clinic's
    assert blocking([lunch(MONDAY)], "c1", "dr-berger", *span, mapped) is not None


def test_a_weekly_lunch_keeps_its_wall_time_across_the_clocks_going_back() -> None:
    # London leaves summer time on Sunday 31 October 2027: 12:00 is 11:00 UTC before, 12:00 after
    first = date(2027, 10, 25)  # a Monday
    b = lunch(first, repeat=Repeat.WEEKLY, weeks=3)
    days = b.occurrences(at(first, 0), at(first + timedelta(days=30), 0))
    assert [to_local(o.start, LONDON).strftime("%a %d %H:%M") for o in days] == [
        "Mon 25 12:00",
        "Mon 01 12:00",
        "Mon 08 12:00",
    ]
    assert days[0].start.astimezone(UTC).hour == 11 and days[1].start.astimezone(UTC).hour == 12
    nov_1 = date(2027, 11, 1)
    assert blocking([b], "c1", "dr-berger", at(nov_1, 12, 30), at(nov_1, 12, 45), {}) is not None
    # 11:30-12:00 local on the new clock is clear, though it is 11:30-12:00 UTC
    assert blocking([b], "c1", "dr-berger", at(nov_1, 11, 30), at(nov_1, 12), {}) is None


def test_the_day_the_clocks_change_itself() -> None:
    # a blockout on Sunday 28 March 2027 (London springs forward at 01:00 UTC) from 00:30 to 03:00
    sunday = date(2027, 3, 28)
    b = lunch(sunday, start=at(sunday, 0, 30), end=at(sunday, 3), reason=Reason.CLOSED_CHAIR)
    assert b.end - b.start == timedelta(hours=1, minutes=30)  # an hour never happened
    assert blocking([b], "c1", "dr-berger", at(sunday, 2, 30), at(sunday, 2, 45), {}) is not None
    assert blocking([b], "c1", "dr-berger", at(sunday, 3), at(sunday, 4), {}) is None
    # a weekday repeat from the Friday before runs across it and keeps 12:00 on Monday
    friday = date(2027, 3, 26)
    weekdays = lunch(friday, repeat=Repeat.WEEKDAYS, until=date(2027, 3, 30))
    found = weekdays.occurrences(at(friday, 0), at(date(2027, 4, 1), 0))
    assert [to_local(o.start, LONDON).strftime("%a %H:%M") for o in found] == [
        "Fri 12:00",
        "Mon 12:00",
        "Tue 12:00",
    ]


def test_repeats_end_at_their_weeks_or_date_whichever_is_first() -> None:
    b = lunch(MONDAY, repeat=Repeat.DAILY, weeks=1)
    assert b.last_day == MONDAY + timedelta(days=6)
    assert len(b.occurrences(at(MONDAY, 0), at(MONDAY + timedelta(days=30), 0))) == 7
    assert lunch(MONDAY, repeat=Repeat.DAILY, weeks=4, until=date(2027, 6, 16)).last_day == date(
        2027, 6, 16
    )
    assert b.reach == at(MONDAY + timedelta(days=6), 13)
    assert lunch(MONDAY).reach == at(MONDAY, 13)


def test_what_is_wrong_as_typed_names_the_field() -> None:
    assert problems(lunch(MONDAY)) == []
    fields = {f for f, _ in problems(lunch(MONDAY, end=at(MONDAY, 12)))}
    assert fields == {"end"}
    assert {f for f, _ in problems(lunch(MONDAY, reason=Reason.OTHER))} == {"note"}
    assert {f for f, _ in problems(lunch(MONDAY, repeat=Repeat.WEEKLY))} == {"weeks"}
    assert {f for f, _ in problems(lunch(MONDAY, repeat=Repeat.WEEKLY, weeks=0))} == {"weeks"}
    early = lunch(MONDAY, repeat=Repeat.WEEKLY, until=MONDAY - timedelta(days=1))
    assert {f for f, _ in problems(early)} == {"until"}
    assert {f for f, _ in problems(lunch(MONDAY, resource_id=None))} == {"resource_id"}


def test_words_say_the_reason_and_the_clinics_times() -> None:
    b = lunch(MONDAY, reason=Reason.OTHER, note="Dr Berger at the dentist")
    occurrence = b.occurrences(at(MONDAY, 0), at(MONDAY, 23))[0]
    assert occurrence.words(LONDON) == "Dr Berger at the dentist 12:00-13:00"
    assert occurrence.words("Asia/Kolkata") == "Dr Berger at the dentist 16:30-17:30"
    assert b.label == "Dr Berger at the dentist"
    assert lunch(MONDAY, note="team").label == "Lunch: team"

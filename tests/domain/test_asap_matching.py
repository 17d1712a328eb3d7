"""Whether a freed slot suits an ASAP entry: its weekdays and parts of the day read on the
clinic's clock (a daylight-saving day included, and a zone where the UTC day is another), its
"until" day, a past slot, the service, connection, provider and the entry's own booking; and
the order entries are offered in."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from frontdesk.domain.asap import (
    AsapEntry,
    FreedCause,
    FreedSlot,
    PartOfDay,
    Reach,
    nearest_first,
    part_of_day,
    remaining,
    slot_fits,
    time_suits,
)
from frontdesk.domain.timeutil import local_to_utc

NOW = datetime(2027, 3, 1, 8, tzinfo=UTC)
LONDON = "Europe/London"


def entry(**kw: object) -> AsapEntry:
    fields: dict[str, object] = {
        "id": "a-1",
        "patient_name": "Waiting Patient",
        "patient_phone": "+442079460111",
        "connection_id": "c",
        "service_id": "svc",
        "until": date(2027, 4, 30),
        "added_by": "Anna",
        "added_at": datetime(2027, 2, 1, tzinfo=UTC),
    }
    return AsapEntry(**{**fields, **kw})  # type: ignore[arg-type]


def slot(start: datetime, **kw: object) -> FreedSlot:
    fields: dict[str, object] = {
        "id": 1,
        "connection_id": "c",
        "service_id": "svc",
        "resource_id": "dr-berger",
        "start": start,
        "end": start + timedelta(minutes=30),
        "booking_id": "b-1",
        "cause": FreedCause.CANCELLED,
        "freed_at": NOW,
    }
    return FreedSlot(**{**fields, **kw})  # type: ignore[arg-type]


def at(day: date, wall: time, zone: str = LONDON) -> datetime:
    return local_to_utc(day, wall, zone).instant


def test_parts_of_the_day_have_their_edges() -> None:
    assert part_of_day(time(11, 59)) is PartOfDay.MORNING
    assert part_of_day(time(12, 0)) is PartOfDay.AFTERNOON
    assert part_of_day(time(16, 59)) is PartOfDay.AFTERNOON
    assert part_of_day(time(17, 0)) is PartOfDay.EVENING


def test_weekdays_are_the_chosen_ones_or_any() -> None:
    tuesday = at(date(2027, 3, 9), time(10))
    wednesday = at(date(2027, 3, 10), time(10))
    mondays_and_tuesdays = entry(weekdays=frozenset({0, 1}))
    assert time_suits(mondays_and_tuesdays, tuesday, LONDON, NOW)
    assert not time_suits(mondays_and_tuesdays, wednesday, LONDON, NOW)
    assert time_suits(entry(), wednesday, LONDON, NOW)  # no day chosen: any


def test_parts_of_the_day_are_read_on_the_clinics_clock_on_a_daylight_saving_day() -> None:
    # 28 March 2027: London's clocks go forward at 01:00 UTC; 11:30 UTC is 12:30 BST
    spring = date(2027, 3, 28)
    half_eleven_utc = datetime(2027, 3, 28, 11, 30, tzinfo=UTC)
    assert half_eleven_utc == at(spring, time(12, 30))
    mornings, afternoons = (
        entry(parts=frozenset({PartOfDay.MORNING})),
        entry(parts=frozenset({PartOfDay.AFTERNOON})),
    )
    assert time_suits(afternoons, half_eleven_utc, LONDON, NOW)
    assert not time_suits(mornings, half_eleven_utc, LONDON, NOW)
    # the week before, still on GMT, the same UTC time is the morning
    assert time_suits(mornings, half_eleven_utc - timedelta(days=7), LONDON, NOW)
    evenings = entry(parts=frozenset({PartOfDay.EVENING}))
    assert time_suits(evenings, at(spring, time(17)), LONDON, NOW)  # 16:00 UTC
    assert not time_suits(evenings, at(spring, time(16, 59)), LONDON, NOW)
    both = entry(parts=frozenset({PartOfDay.MORNING, PartOfDay.EVENING}))
    assert time_suits(both, at(spring, time(9)), LONDON, NOW)


def test_the_weekday_and_until_day_are_the_clinics_not_utcs() -> None:
    kolkata = "Asia/Kolkata"
    # Tuesday 20:00 UTC is Wednesday 01:30 in Kolkata
    late = datetime(2027, 3, 9, 20, tzinfo=UTC)
    assert time_suits(entry(weekdays=frozenset({2})), late, kolkata, NOW)
    assert not time_suits(entry(weekdays=frozenset({1})), late, kolkata, NOW)
    assert not time_suits(entry(until=date(2027, 3, 9)), late, kolkata, NOW)
    assert time_suits(entry(until=date(2027, 3, 9)), late, LONDON, NOW)


def test_until_is_the_last_day_and_a_past_slot_suits_nobody() -> None:
    last = entry(until=date(2027, 3, 12))
    assert time_suits(last, at(date(2027, 3, 12), time(18, 30)), LONDON, NOW)
    assert not time_suits(last, at(date(2027, 3, 13), time(9)), LONDON, NOW)
    assert not time_suits(entry(), NOW - timedelta(minutes=1), LONDON, NOW)
    assert not time_suits(entry(), NOW, LONDON, NOW)


def test_a_slot_fits_the_entrys_service_connection_and_provider() -> None:
    start = at(date(2027, 3, 9), time(10))
    assert slot_fits(entry(), slot(start), LONDON, NOW)
    assert not slot_fits(entry(service_id="other"), slot(start), LONDON, NOW)
    assert not slot_fits(entry(connection_id="other"), slot(start), LONDON, NOW)
    assert slot_fits(entry(resource_id="dr-berger"), slot(start), LONDON, NOW)
    assert not slot_fits(entry(resource_id="dr-ahmed"), slot(start), LONDON, NOW)
    # the booking the patient moved away from is not offered back to them
    assert not slot_fits(entry(booking_id="b-1"), slot(start), LONDON, NOW)


def test_a_clinic_column_reaches_its_resources_on_every_booking_system() -> None:
    """Dr. Berger is HuskyVoice's main branch ("c") and a meetergo host ("m"): an entry for
    him takes a slot of either, for its service there (the same name: ``app.asap_reach``)."""
    start = at(date(2027, 3, 9), time(10))
    berger = Reach(frozenset({("c", "main"), ("m", "anna")}), {"c": "svc", "m": "mg-svc"})
    wants = entry(resource_id="main")
    meetergo = slot(start, connection_id="m", resource_id="anna", service_id="mg-svc")
    assert slot_fits(wants, meetergo, LONDON, NOW, berger)
    assert not slot_fits(wants, meetergo, LONDON, NOW)  # without the column: its own only
    assert slot_fits(wants, slot(start, resource_id="main"), LONDON, NOW, berger)
    assert not slot_fits(wants, slot(start, resource_id="north"), LONDON, NOW, berger)
    other_service = slot(start, connection_id="m", resource_id="anna", service_id="consult")
    assert not slot_fits(wants, other_service, LONDON, NOW, berger)
    # an entry for anyone stays on its own booking system
    assert not slot_fits(entry(), meetergo, LONDON, NOW, berger)


def test_nearest_first_is_the_earliest_until_then_the_longest_waiting() -> None:
    soon = entry(id="soon", until=date(2027, 3, 20), added_at=datetime(2027, 2, 20, tzinfo=UTC))
    early = entry(id="early", added_at=datetime(2027, 1, 5, tzinfo=UTC))
    late = entry(id="late", added_at=datetime(2027, 2, 25, tzinfo=UTC))
    assert [e.id for e in nearest_first([late, early, soon])] == ["soon", "early", "late"]
    assert entry(until=date(2027, 2, 28)).expired(date(2027, 3, 1))
    assert not entry(until=date(2027, 3, 1)).expired(date(2027, 3, 1))


def test_what_is_left_of_a_no_show_is_offered_from_the_next_five_minutes() -> None:
    start = datetime(2027, 3, 9, 10, tzinfo=UTC)
    missed = slot(start, end=start + timedelta(minutes=60))
    assert remaining(missed, start - timedelta(minutes=1)) == missed  # not begun: all of it
    left = remaining(missed, start + timedelta(minutes=12, seconds=30))
    assert left is not None and left.start == start + timedelta(minutes=15)
    assert left.end == missed.end and left.id == missed.id
    on_the_mark = remaining(missed, start + timedelta(minutes=20))
    assert on_the_mark is not None and on_the_mark.start == start + timedelta(minutes=25)
    assert remaining(missed, start + timedelta(minutes=56)) is None  # nothing left

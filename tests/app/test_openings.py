"""The openings finder over a cached clinic (HuskyVoice rules, no network): next free times the
rules allow, clear of other appointments where possible, spread over windows and resources."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from frontdesk.app.booking import BookingService
from frontdesk.app.openings import Limits, OpeningQuery, find_openings
from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.timeutil import local_to_utc, to_local
from frontdesk.providers.huskyvoice import HuskyVoiceConnector
from frontdesk.storage.repo import Repository
from support.clinic import CHECKUP, MAIN, NORTH, make_catalog, next_weekday

ZONE = "Europe/London"


@pytest.fixture
def service(repo: Repository) -> BookingService:
    days = [date.today() + timedelta(days=i) for i in range(-1, 22)]
    repo.catalogs.save_catalog("conn-1", make_catalog(days), days)
    connector = HuskyVoiceConnector("conn-1", "http://127.0.0.1:9/v1", "key")
    return BookingService(repo, {"conn-1": connector}, "desk")


def at(day: date, hh: int, mm: int = 0) -> datetime:
    """``hh:00`` on ``day`` in the clinic's zone, plus ``mm`` minutes (may pass the hour)."""
    return local_to_utc(day, time(hh), ZONE).instant + timedelta(minutes=mm)


def put(
    repo: Repository, n: int, day: date, hh: int, mm: int, branch: str = MAIN, minutes: int = 30
) -> None:
    start = at(day, hh, mm)
    repo.book(
        Booking(
            id=f"b-{n}",
            connection_id="conn-1",
            service_id=CHECKUP,
            resource_id=branch,
            start=start,
            end=start + timedelta(minutes=minutes),
            patient_name="P",
            patient_phone=f"+4420794600{n:02d}",
            sync_state=SyncState.PENCILLED,
        ),
        OperationKind.CREATE,
        {},
        f"k{n}",
        "desk",
    )


def local(opening: object) -> tuple[str, str]:
    start = to_local(opening.start, ZONE)  # type: ignore[attr-defined]
    return opening.resource_id, f"{start:%a %H:%M}"  # type: ignore[attr-defined]


def test_first_openings_are_the_windows_first_free_times(
    service: BookingService, repo: Repository
) -> None:
    tuesday = next_weekday(1, after_days=2)
    put(repo, 1, tuesday, 9, 0)  # the main branch's first half hour is taken
    found = find_openings(
        service, [OpeningQuery("conn-1", CHECKUP)], at(tuesday, 8, 0), Limits(count=4)
    )
    assert [local(o) for o in found] == [
        (NORTH, "Tue 09:00"),
        (MAIN, "Tue 09:30"),
        (NORTH, "Tue 14:00"),
        (MAIN, "Tue 14:00"),
    ]
    assert found[1].remaining == 5 and not found[1].overlaps
    assert found[0].session == "Morning"


def test_a_full_window_is_skipped_and_a_closed_day_offers_nothing(
    service: BookingService, repo: Repository
) -> None:
    saturday = next_weekday(5, after_days=2)
    for n in range(6):  # the morning holds six
        put(repo, 10 + n, saturday, 9, 30 * n)
    found = find_openings(
        service,
        [OpeningQuery("conn-1", CHECKUP, resource_ids=(MAIN,))],
        at(saturday, 8, 0),
        Limits(count=3),
    )
    assert [local(o) for o in found] == [
        (MAIN, "Sat 14:00"),  # no evening on Saturday, Sunday closed
        (MAIN, "Mon 09:00"),
        (MAIN, "Mon 14:00"),
    ]


def test_a_busy_window_still_offers_an_overlapping_time_the_rules_allow(
    service: BookingService, repo: Repository
) -> None:
    wednesday = next_weekday(2, after_days=2)
    for n in range(3):  # the evening (18:00-20:00) is covered end to end, but holds four
        put(repo, 20 + n, wednesday, 18, 40 * n, minutes=40)
    found = find_openings(
        service,
        [OpeningQuery("conn-1", "svc-vacc", resource_ids=(MAIN,))],
        at(wednesday, 17, 30),
        Limits(count=1),
    )
    assert [local(o) for o in found] == [(MAIN, "Wed 18:00")]
    assert found[0].overlaps


def test_moving_a_booking_does_not_count_it_against_itself(
    service: BookingService, repo: Repository
) -> None:
    thursday = next_weekday(3, after_days=2)
    for n in range(4):
        put(repo, 30 + n, thursday, 18, 30 * n)
    query = OpeningQuery("conn-1", CHECKUP, resource_ids=(MAIN,), booking_id="b-31")
    found = find_openings(service, [query], at(thursday, 17, 0), Limits(count=1))
    # the window holds four and is full, but b-31's own place is free to it
    assert [local(o) for o in found] == [(MAIN, "Thu 18:30")]
    assert not found[0].overlaps


def test_the_search_is_bounded(service: BookingService) -> None:
    found = find_openings(
        service,
        [OpeningQuery("conn-1", CHECKUP)],
        at(next_weekday(0), 8, 0),
        Limits(count=50, checks=5),
    )
    assert len(found) == 5
    assert find_openings(service, [OpeningQuery("conn-1", "nope")], at(date.today(), 8)) == []

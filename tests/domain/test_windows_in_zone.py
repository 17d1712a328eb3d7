"""A booking system's opening windows shown on the clinic's clock (one clock)."""

from __future__ import annotations

from datetime import date, time

from frontdesk.domain.catalog import Window, windows_in_zone

DAY = date(2027, 6, 15)


def window(start: time, end: time, day: date = DAY, exact: bool = False) -> Window:
    return Window("w", "r", day, start, end, exact=exact)


def test_the_same_zone_changes_nothing() -> None:
    w = window(time(9), time(12))
    assert windows_in_zone([w], "Europe/London", "Europe/London") == [w]


def test_a_window_moves_to_the_clinic_wall_clock() -> None:
    (shown,) = windows_in_zone([window(time(9), time(12))], "America/Los_Angeles", "Europe/London")
    assert (shown.day, shown.start, shown.end) == (DAY, time(17), time(20))


def test_a_window_across_the_clinics_midnight_is_cut_per_day() -> None:
    shown = windows_in_zone([window(time(9), time(17))], "America/Los_Angeles", "Asia/Kolkata")
    # 09:00-17:00 PDT (UTC-7) is 21:30-05:30 IST (UTC+5:30)
    assert [(w.day, w.start, w.end) for w in shown] == [
        (DAY, time(21, 30), time.max),
        (date(2027, 6, 16), time(0), time(5, 30)),
    ]


def test_a_spot_stays_one_spot() -> None:
    (shown,) = windows_in_zone(
        [window(time(23, 45), time(23, 45), exact=True)], "Europe/Berlin", "Europe/London"
    )
    assert (shown.day, shown.start, shown.exact) == (DAY, time(22, 45), True)


def test_across_a_spring_forward_night() -> None:
    # 2027-03-28: London springs forward at 01:00 UTC; New York has been on EDT since 14 March
    day = date(2027, 3, 27)
    (shown,) = windows_in_zone(
        [window(time(20), time(22), day=day)], "America/New_York", "Europe/London"
    )
    # 20:00 EDT is 00:00 UTC, still GMT in London; 22:00 EDT is 02:00 UTC, 03:00 BST
    assert (shown.day, shown.start, shown.end) == (date(2027, 3, 28), time(0), time(3))

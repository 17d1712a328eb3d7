"""The named date formats: English by default, the installed language's when one is."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest

from frontdesk.domain import dates


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    dates.install(None)
    yield
    dates.install(None)


def test_english_reads_as_the_desk_always_has() -> None:
    day = date(2026, 12, 5)
    assert dates.short_day(day) == "Sat 5 Dec"
    assert dates.long_day(day) == "Saturday 5 December 2026"
    assert dates.day_month(day) == "5 Dec"
    assert dates.day_month(day, year=True, long=True) == "5 December 2026"
    assert dates.month_year(day) == "December 2026"
    assert dates.clock(time(9, 5)) == "09:05"
    assert dates.clock(datetime(2026, 12, 5, 9, 5, 7), seconds=True) == "09:05:07"
    assert dates.moment(datetime(2026, 12, 5, 14, 30)) == "Sat 5 Dec 14:30"


def test_an_installed_language_writes_its_own_way() -> None:
    german = dates.Formats(
        weekdays_short=("Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."),
        weekdays_long=("Montag",) * 7,
        months_short=("Dez.",) * 12,
        months_long=("Dezember",) * 12,
        short_day="{wd}, {d}. {m}",
        long_day="{wd}, {d}. {m} {y}",
        day_month="{d}. {m}",
        day_month_year="{d}. {m} {y}",
    )
    dates.install(german)
    assert dates.short_day(date(2026, 12, 5)) == "Sa., 5. Dez."
    assert dates.month_year(date(2026, 12, 5)) == "Dezember 2026"
    twelve = dates.Formats(
        weekdays_short=dates.ENGLISH.weekdays_short,
        weekdays_long=dates.ENGLISH.weekdays_long,
        months_short=dates.ENGLISH.months_short,
        months_long=dates.ENGLISH.months_long,
        twelve_hour=True,
    )
    dates.install(twelve)
    assert dates.clock(time(0, 15)) == "12:15 AM"
    assert dates.clock(time(12, 0)) == "12:00 PM"
    assert dates.clock(time(23, 59)) == "11:59 PM"

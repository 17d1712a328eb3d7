"""Dates and times in the words of the desk's language: the named formats every screen, the
day sheet and the exports' titles use, so that one setting changes them all.

Each format has a meaning, not a pattern: :func:`short_day` ("Sat 5 Dec"), :func:`long_day`
("Saturday 5 December 2026"), :func:`month_year` ("December 2026"), :func:`clock` ("09:00"),
:func:`moment` (a short day and a clock), :func:`day_month` ("5 Dec") and the names of the
weekdays and months. English by default (the desk's source language, 24-hour clock as the
clinics of its first markets read it); the desk installs the formats of its locale
(:mod:`frontdesk.ui.i18n`, with Qt's ``QLocale``: "Sa., 5. Dez.", "शनि, 5 दिस॰"). Qt-free,
like :mod:`frontdesk.domain.translation`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time


@dataclass(frozen=True)
class Formats:
    """How the installed language writes the named formats (patterns of ``QLocale``)."""

    weekdays_short: tuple[str, ...]  # Monday first
    weekdays_long: tuple[str, ...]
    months_short: tuple[str, ...]  # January first
    months_long: tuple[str, ...]
    # patterns with {wd} weekday, {d} day, {m} month name, {y} year
    short_day: str = "{wd} {d} {m}"
    long_day: str = "{wd} {d} {m} {y}"
    day_month: str = "{d} {m}"
    day_month_year: str = "{d} {m} {y}"
    month_year: str = "{m} {y}"
    twelve_hour: bool = False
    am: str = "AM"
    pm: str = "PM"


ENGLISH = Formats(
    weekdays_short=("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    weekdays_long=("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    months_short=(
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ),
    months_long=(
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ),
)  # fmt: skip

_installed = ENGLISH


def install(formats: Formats | None) -> None:
    """Use ``formats`` from now on (``None``: English)."""
    global _installed
    _installed = formats or ENGLISH


def installed() -> Formats:
    return _installed


def weekday(day: date, *, long: bool = False) -> str:
    names = _installed.weekdays_long if long else _installed.weekdays_short
    return names[day.weekday()]


def month(day: date, *, long: bool = False) -> str:
    names = _installed.months_long if long else _installed.months_short
    return names[day.month - 1]


def short_day(day: date) -> str:
    """``Sat 5 Dec``."""
    return _installed.short_day.format(wd=weekday(day), d=day.day, m=month(day), y=day.year)


def long_day(day: date) -> str:
    """``Saturday 5 December 2026``."""
    f = _installed
    return f.long_day.format(
        wd=weekday(day, long=True), d=day.day, m=month(day, long=True), y=day.year
    )


def day_month(day: date, *, year: bool = False, long: bool = False) -> str:
    """``5 Dec`` (``year``: ``5 Dec 2026``; ``long``: ``5 December``)."""
    pattern = _installed.day_month_year if year else _installed.day_month
    return pattern.format(wd="", d=day.day, m=month(day, long=long), y=day.year)


def month_year(day: date, *, long: bool = True) -> str:
    """``December 2026``."""
    return _installed.month_year.format(wd="", d=day.day, m=month(day, long=long), y=day.year)


def clock(value: datetime | time, *, seconds: bool = False) -> str:
    """``09:00`` (or ``9:00 AM`` where the locale reads twelve hours)."""
    if _installed.twelve_hour:
        hour = value.hour % 12 or 12
        suffix = _installed.am if value.hour < 12 else _installed.pm
        body = f"{hour}:{value.minute:02d}" + (f":{value.second:02d}" if seconds else "")
        return f"{body} {suffix}"
    return f"{value:%H:%M:%S}" if seconds else f"{value:%H:%M}"


def hour(value: int) -> str:
    """A whole hour of the day as the calendar's margin names it: ``09:00`` (or ``9 AM``
    where the locale reads twelve hours, without the minutes, to fit the margin)."""
    if _installed.twelve_hour:
        suffix = _installed.am if value % 24 < 12 else _installed.pm
        return f"{value % 12 or 12} {suffix}"
    return f"{value % 24:02d}:00"


def moment(value: datetime, *, year: bool = False) -> str:
    """``Sat 5 Dec 09:00`` (``year``: with the year)."""
    day = value.date()
    shown = short_day(day) + (f" {day.year}" if year else "")
    return f"{shown} {clock(value)}"

"""A day given on the command line (``--day``, ``--week``, ``--from``, ``--to``): a date in
ISO form within the years the desk keeps (``domain.timeutil.FIRST_YEAR``..``LAST_YEAR``),
else a one-line refusal naming the option (year 9999 would step past the end of Python's
dates once a day's bounds are taken in the clinic's zone)."""

from __future__ import annotations

from datetime import date

from frontdesk.domain.timeutil import FIRST_YEAR, LAST_YEAR, within_years


class DayRefused(ValueError):
    """The option's value is not a day the desk can use; the message says why and what to
    write."""


def day_option(option: str, text: str) -> date:
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise DayRefused(
            f"{option}: {text!r} is not a date; use YYYY-MM-DD, e.g. 2027-06-15"
        ) from None
    if not within_years(day):
        raise DayRefused(
            f"{option}: {day.isoformat()} is outside the years the desk keeps "
            f"({FIRST_YEAR} to {LAST_YEAR})"
        )
    return day

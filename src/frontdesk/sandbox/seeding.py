"""What every emulator's demo seeding shares: fake patients and a way to book them.

Owns the fake patients (names, phones from Ofcom's drama range for London `020 7946 0000-0999`,
emails at the reserved `example.com`), the candidate grid and `book_candidates`. Each emulator's own
`seed.py` books them through its state's create path, the same as the HTTP route, so every rule
of that API (hours, spots, caps, buffers, overlaps) holds for seeded data as for any other;
refusals are skipped, so fewer than asked may be made. The same seed on the same empty state
gives the same bookings.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

FIRST_NAMES = (
    "Amelia", "Oliver", "Isla", "George", "Ava", "Noah", "Mia", "Arthur", "Freya", "Leo",
    "Grace", "Oscar", "Lily", "Harry", "Evie", "Jack", "Sophia", "Theo", "Ruby", "Finley",
)  # fmt: skip
LAST_NAMES = (
    "Hart", "Okafor", "Patel", "Williams", "Nowak", "Campbell", "Chen", "Murphy", "Khan",
    "Evans", "Rossi", "Hughes", "Adeyemi", "Walsh", "Singh", "Fraser", "Ahmed", "Price",
)  # fmt: skip
DOCTORS = ("Dr Okafor", "Dr Lindqvist", "Dr Mehta", None, None)


def fake_patient(rng: random.Random) -> tuple[str, str]:
    """A name and their UK drama-range number like `+442079460123`: one number per name, so a
    patient booked twice keeps their number and no two patients share one."""
    first, last = rng.randrange(len(FIRST_NAMES)), rng.randrange(len(LAST_NAMES))
    name = f"{FIRST_NAMES[first]} {LAST_NAMES[last]}"
    return name, f"+442079460{first * len(LAST_NAMES) + last:03d}"


DAYS = 7


def fake_email(name: str, rng: random.Random) -> str:
    """The patient's address at the reserved `example.com` domain, e.g.
    `amelia.hart@example.com` (one per name, as their number)."""
    return f"{name.lower().replace(' ', '.')}@example.com"


def utc_stamp(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def grid(
    day: date, start: time, end: time, zone: ZoneInfo, step: int, minutes: int
) -> Iterator[datetime]:
    """Starts every `step` minutes from `start` while `minutes` still fit before `end`."""
    at = datetime.combine(day, start, tzinfo=zone)
    last = datetime.combine(day, end, tzinfo=zone)
    while at + timedelta(minutes=minutes) <= last:
        yield at.astimezone(UTC)
        at += timedelta(minutes=step)


def book_candidates(
    candidates: list[Any],
    count: int,
    rng: random.Random,
    create: Callable[[Any, str, str, str], bool],
) -> int:
    """Try random candidates (without repeats) until `count` were booked; returns how many."""
    made = 0
    for candidate in rng.sample(candidates, len(candidates)):
        if made >= count:
            break
        name, phone = fake_patient(rng)
        if create(candidate, name, phone, fake_email(name, rng)):
            made += 1
    return made

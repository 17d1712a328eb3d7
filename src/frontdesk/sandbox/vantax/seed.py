"""Demo seeding of the VantaX emulator (see `sandbox.seeding`)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from frontdesk.sandbox.seeding import (
    DAYS,
    book_candidates,
    grid,
    utc_stamp,
)
from frontdesk.sandbox.vantax.clinic import SUB_ACCOUNT, Calendar
from frontdesk.sandbox.vantax.state import VantaxState

# VantaX calendars keep no hours: the demo books them in a plausible working day (local)
VANTAX_HOURS = (time(8), time(17))
VANTAX_WEEKDAYS = (1, 2, 3, 4, 5)


def seed_vantax(state: VantaxState, start_date: date, count: int = 30, rng_seed: int = 0) -> int:
    """Book the active calendars of the demo sub-account, one slot length apart, each patient
    a new contact (VantaX books contacts, not names). Returns how many were booked."""
    rng = random.Random(rng_seed)
    sub = state.clinic.sub_account(SUB_ACCOUNT)
    assert sub is not None
    zone = ZoneInfo(sub.timezone)
    now = state.now()
    calendars = [c for c in state.clinic.calendars if c.sub_account_id == sub.id and c.is_active]
    candidates: list[tuple[Calendar, datetime]] = []
    for offset in range(DAYS):
        day = start_date + timedelta(days=offset)
        if day.isoweekday() not in VANTAX_WEEKDAYS:
            continue
        for calendar in calendars:
            minutes = calendar.slot_duration_minutes
            starts = grid(day, *VANTAX_HOURS, zone, minutes, minutes)
            candidates += [(calendar, at) for at in starts if at > now]

    def create(candidate: Any, name: str, phone: str, email: str) -> bool:
        calendar, at = candidate
        first, _, last = name.rpartition(" ")
        contact = state.create_contact(
            {
                "first_name": first,
                "last_name": last,
                "email": email,
                "phone": phone,
                "sub_account_id": sub.id,
            }
        )
        if contact.status != 201:
            return False
        answer = state.create(
            {
                "contact_id": contact.body["data"]["id"],
                "title": calendar.name,
                "appointment_date": utc_stamp(at),
                "sub_account_id": sub.id,
                "calendar_id": calendar.id,
            }
        )
        return answer.status == 201

    return book_candidates(candidates, count, rng, create)


def seed_demo(state: VantaxState, start_date: date, rng_seed: int = 7) -> int:
    """The demo's week from `start_date`; how many were booked."""
    return seed_vantax(state, start_date, rng_seed=rng_seed)

"""Demo seeding of the Vastal emulator (see `sandbox.seeding`)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from frontdesk.sandbox.seeding import (
    DAYS,
    book_candidates,
    grid,
    utc_stamp,
)
from frontdesk.sandbox.vastal.state import VastalState


def seed_vastal(state: VastalState, start_date: date, count: int = 20, rng_seed: int = 0) -> int:
    """Book the org's active types inside their weekly rows (or their named schedule's), on a
    15-minute grid; notice, horizon, caps, buffers and overlaps are the state's to refuse.
    Every other booking comes "from the booking page" (`source`). Returns how many."""
    rng = random.Random(rng_seed)
    clinic = state.clinic
    zone = ZoneInfo(clinic.timezone)
    now = state.now()
    types = [t for t in clinic.types.values() if t.is_active]
    candidates = [
        (kind.id, at)
        for offset in range(DAYS)
        for kind in types
        for row in clinic.rows_for(kind)[0]
        if row.is_active
        and row.day_of_week == (day := start_date + timedelta(days=offset)).isoweekday() % 7
        and row.appointment_type_id in (None, kind.id)
        for at in grid(day, row.start, row.end, zone, 15, kind.duration_minutes)
        if at > now
    ]
    made = [0]

    def create(candidate: Any, name: str, phone: str, email: str) -> bool:
        type_id, at = candidate
        body = {
            "appointment_type_id": type_id,
            "start_time": utc_stamp(at),
            "client_name": name,
            "client_phone": phone,
            "client_email": email,
        }
        source = "booking_page" if made[0] % 2 else "manual"
        booked = state.create(body, source).status == 200
        made[0] += booked
        return booked

    return book_candidates(candidates, count, rng, create)


def seed_demo(state: VastalState, start_date: date, rng_seed: int = 7) -> int:
    """The demo's week from `start_date`; how many were booked."""
    return seed_vastal(state, start_date, rng_seed=rng_seed)

"""Demo seeding of the CareValidate emulator (see `sandbox.seeding`)."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from frontdesk.sandbox.carevalidate.state import CareValidateState
from frontdesk.sandbox.seeding import (
    DAYS,
    book_candidates,
    utc_stamp,
)


def seed_carevalidate(
    state: CareValidateState, start_date: date, count: int = 25, rng_seed: int = 0
) -> int:
    """Book open slots of each active event type (Calendly's view, `state.open_starts`)
    through the book path. Returns how many."""
    rng = random.Random(rng_seed)
    candidates: list[tuple[str, str, str]] = []
    for event in state.clinic.event_types:
        provider = state.clinic.provider(event.provider_id)
        if not event.active or provider is None:
            continue
        first = datetime.combine(start_date, time(0), tzinfo=ZoneInfo(provider.timezone))
        starts = state.open_starts(event.id, first, first + timedelta(days=DAYS))
        candidates += [(event.id, utc_stamp(s), provider.timezone) for s in starts]

    def create(candidate: Any, name: str, phone: str, email: str) -> bool:
        event_id, start, zone = candidate
        first, _, last = name.rpartition(" ")
        body = {
            "eventTypeId": event_id,
            "startTime": start,
            "email": email,
            "timezone": zone,
            "location": "google_conference",
            "firstName": first,
            "lastName": last,
        }
        return state.create(body).status == 200

    return book_candidates(candidates, count, rng, create)


def seed_demo(state: CareValidateState, start_date: date, rng_seed: int = 7) -> int:
    """The demo's week from `start_date`; how many were booked."""
    return seed_carevalidate(state, start_date, rng_seed=rng_seed)

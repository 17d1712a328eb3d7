"""Demo seeding of the meetergo emulator (see `sandbox.seeding`)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from frontdesk.sandbox.meetergo.state import MeetergoState
from frontdesk.sandbox.seeding import (
    DAYS,
    book_candidates,
)


def seed_meetergo(
    state: MeetergoState, start_date: date, count: int = 25, rng_seed: int = 0
) -> int:
    """Book the spots the API lists for each type that books at once (not the double opt-in
    or host-confirmation ones, which would only be provisional). Returns how many."""
    rng = random.Random(rng_seed)
    last = start_date + timedelta(days=DAYS - 1)
    zone = state.account.timezone
    candidates: list[tuple[Any, str]] = []
    for kind in state.account.types:
        if state.account.provisional_kind(kind) is not None:
            continue
        params = {
            "meetingTypeId": kind.id,
            "start": str(start_date),
            "end": str(last),
            "timezone": zone,
        }
        hosts = [",".join(kind.host_ids)] if kind.queue_id is not None else []
        spots = state.availability(params, hosts).body["dates"]
        candidates += [(kind, s["startTime"]) for d in spots for s in d["spots"]]

    def create(candidate: Any, name: str, phone: str, email: str) -> bool:
        kind, start = candidate
        body: dict[str, Any] = {
            "attendee": {
                "fullname": name,
                "email": email,
                "phone": phone,
                "receiveReminders": True,
                "notes": {},
            },
            "meetingTypeId": kind.id,
            "start": start,
        }
        if kind.queue_id is not None:
            body["queueId"] = kind.queue_id
        else:
            body["hostIds"] = [kind.user_id]
        return state.create(body).status == 201

    return book_candidates(candidates, count, rng, create)


def seed_demo(state: MeetergoState, start_date: date, rng_seed: int = 7) -> int:
    """The demo's week from `start_date`; how many were booked."""
    return seed_meetergo(state, start_date, rng_seed=rng_seed)

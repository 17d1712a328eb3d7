"""Demo seeding of the HuskyVoice emulator: a plausible week at the demo clinic."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

from frontdesk.sandbox.huskyvoice.state import HuskyVoiceState
from frontdesk.sandbox.seeding import DOCTORS, fake_patient


def seed_week(
    state: HuskyVoiceState, start_date: date, count: int = 40, rng_seed: int = 0
) -> list[dict[str, Any]]:
    """Book up to `count` appointments in the open windows of the 7 days from `start_date`.

    Times fall on a 5-minute grid inside a window, in the org's zone, and only in the future
    by the state's clock. Refusals (a full window, a duplicate) are skipped, so fewer may be
    made. Returns the created records. The same seed on the same empty state gives the same
    patients and times.
    """
    rng = random.Random(rng_seed)
    clinic = state.clinic
    zone = clinic.zone
    services = [s for s in clinic.services if s.is_active]
    now = state.now()
    slots: list[tuple[str, datetime]] = []
    for offset in range(7):
        day = start_date + timedelta(days=offset)
        for window in clinic.windows:
            if window.weekday != day.isoweekday() or clinic.is_closed(window, day):
                continue
            start = datetime.combine(day, window.start_time, tzinfo=zone)
            end = datetime.combine(day, window.end_time, tzinfo=zone)
            step = start
            while step < end:
                instant = step.astimezone(UTC)
                if instant > now:
                    slots.append((window.branch_id, instant))
                step += timedelta(minutes=5)
    created: list[dict[str, Any]] = []
    if not slots or not services:
        return created
    for attempt in range(count * 5):
        if len(created) >= count:
            break
        branch_id, instant = rng.choice(slots)
        name, phone = fake_patient(rng)
        body = {
            "appointment_type": rng.choice(services).id,
            "appointment_date": instant.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "patient_name": name,
            "parent_phone": phone,
            "branch_id": branch_id,
            "assigned_doctor": rng.choice(DOCTORS),
            "external_reference_id": f"demo-{rng_seed}-{attempt}",
        }
        answer = state.create(body)
        if answer.status == 201:
            created.append(answer.body["data"])
    return created


def seed_demo(state: HuskyVoiceState, start_date: date, rng_seed: int = 7) -> int:
    """The demo's week from `start_date`; how many were booked."""
    return len(seed_week(state, start_date, count=60, rng_seed=rng_seed))

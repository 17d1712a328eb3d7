"""Demo bookings for the sandbox: a plausible week of appointments at the demo clinic.

Owns the fake patients (names, and phones from Ofcom's drama range `07700 900000-900999`) and
`seed_week`, which books them through `HuskyVoiceState.create`, the same path as the HTTP route,
so capacity, duplicates and closures hold for seeded data as for any other.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

from frontdesk.sandbox.huskyvoice_state import HuskyVoiceState

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
    """A name and a UK drama-range mobile number like `+447700900123`."""
    name = f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
    return name, f"+447700900{rng.randrange(1000):03d}"


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

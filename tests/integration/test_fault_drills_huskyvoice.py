"""Fault drills against HuskyVoice: 500 scripted sequences of connection errors, timeouts after
the commit, answers cut mid-way, 5xx, 429 with Retry-After (seconds and HTTP date) and
malformed bodies. After each: exactly one remote booking, confirmed locally, no retry earlier
than Retry-After; a 4xx refusal is never retried."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta

import pytest

from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.providers.huskyvoice import HuskyVoiceConnector
from frontdesk.storage.repo import Repository
from support.drill import CID, Rig, assert_refusal_not_retried, rig, run_drill

CHECKUP = "f47ac10b-58cc-4372-a567-0e02b2c3d479"


@pytest.fixture(scope="module")
def drill(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    def make(base_url: str, key: str, timeout: float) -> HuskyVoiceConnector:
        return HuskyVoiceConnector(CID, base_url, key, timeout=timeout)

    with rig(tmp_path_factory.mktemp("drill"), "huskyvoice", make) as made:
        yield made


def bookings(repo: Repository) -> Iterator[Booking]:
    """Distinct (branch, start) pairs inside open windows, as many per window as it has
    places (its available_slots), each of a service the window takes."""
    today = datetime.now(UTC).date()
    catalog = repo.catalogs.catalog(CID, today + timedelta(days=2), today + timedelta(days=27))
    services = [s.id for s in catalog.services if s.active]
    n = 0
    for window in catalog.windows:
        if not window.open:
            continue
        places = window.capacity if window.capacity is not None else 6
        for minutes in range(0, 20 * min(6, places), 20):
            start = local_to_utc(window.day, window.start, "Europe/London").instant
            start += timedelta(minutes=minutes)
            yield Booking(
                id=f"drill-{n}",
                connection_id=CID,
                service_id=window.service_id or services[n % len(services)],
                resource_id=window.resource_id,
                start=start,
                end=start + timedelta(minutes=30),
                patient_name="Drill Patient",
                patient_phone=f"+4420794{n:05d}",
            )
            n += 1


def test_fault_drills(drill: Rig) -> None:
    state = drill.server.state

    def copies(booking: Booking) -> int:
        return sum(a.get("external_reference_id") == booking.id for a in state.appointments())

    run_drill(drill, bookings(drill.repo), copies, seed=20261121)


def test_a_refusal_is_never_retried(drill: Rig) -> None:
    day = drill.clock.now.date() + timedelta(days=3)
    while day.weekday() != 6:
        day += timedelta(days=1)
    start = local_to_utc(day, time(9, 30), "Europe/London").instant  # Sunday: window closed
    booking = Booking(
        id="drill-refused",
        connection_id=CID,
        service_id=CHECKUP,
        resource_id="branch_uuid_here",
        start=start,
        end=start + timedelta(minutes=30),
        patient_name="Drill Patient",
        patient_phone="+442079469999",
    )
    assert_refusal_not_retried(drill, booking, "SLOT_INACTIVE")

"""Fault drills against Vastal: 500 scripted sequences of connection errors, timeouts after
the commit, answers cut mid-way, 5xx, 429 with Retry-After (seconds and HTTP date) and
malformed bodies, on the create and on the lookup that precedes a resend (Vastal has no
idempotency key). After each: exactly one remote appointment, confirmed locally, no retry
earlier than Retry-After; a 4xx refusal is never retried."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta

import pytest

from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.providers.vastal import VastalConnector
from frontdesk.sandbox.vastal.state import VastalState
from frontdesk.storage.repo import Repository
from support.drill import (
    CID,
    Rig,
    assert_refusal_not_retried,
    cancel_remotely,
    new_patients,
    rig,
    run_drill,
)

TAX = "type_def456"  # 60 minutes, no buffers, no caps, 24 h notice, 60 days ahead, confirmed
ZONE = "America/New_York"


@pytest.fixture(scope="module")
def drill(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    def make(base_url: str, key: str, timeout: float) -> VastalConnector:
        return VastalConnector(CID, base_url, key, ZONE, "Professional", timeout=timeout)

    tmp = tmp_path_factory.mktemp("drill")
    options: dict[str, object] = {"plan": "Professional", "timezone": ZONE}
    with rig(tmp, "vastal", make, options=options) as made:
        yield made


def state_of(drill: Rig) -> VastalState:
    state = drill.server.provider("vastal").build.state
    assert isinstance(state, VastalState)
    return state


def hours(repo: Repository) -> list[datetime]:
    """Every whole hour of the open all-types windows from 2 to 50 days ahead."""
    today = datetime.now(UTC).date()
    catalog = repo.catalogs.catalog(CID, today + timedelta(days=2), today + timedelta(days=50))
    starts: list[datetime] = []
    for window in catalog.windows:
        if not window.open or window.service_id is not None:
            continue
        for hour in range(window.start.hour, window.end.hour):
            starts.append(local_to_utc(window.day, time(hour), ZONE).instant)
    return sorted(set(starts))


def bookings(repo: Repository) -> Iterator[Booking]:
    """A new client per sequence, the hours used in turn (one calendar, no overlaps, fewer
    free hours than sequences)."""
    return new_patients(
        hours(repo),
        service_id=TAX,
        resource_id="org_xyz789",
        minutes=60,
        name="Drill Client {n}",
        phone="+1202555{n:04d}",
    )


def test_fault_drills(drill: Rig) -> None:
    state = state_of(drill)

    def copies(b: Booking) -> int:
        return sum(a["client_name"] == b.patient_name for a in state.appointments())

    run_drill(
        drill,
        bookings(drill.repo),
        copies,
        seed=20261123,
        max_offset=1,
        after=cancel_remotely(drill),
    )


def test_a_refusal_is_never_retried(drill: Rig) -> None:
    start = datetime.now(UTC) + timedelta(hours=3)  # Tax Consultation needs 24 h notice
    booking = Booking(
        id="drill-refused",
        connection_id=CID,
        service_id=TAX,
        resource_id="org_xyz789",
        start=start,
        end=start + timedelta(minutes=60),
        patient_name="Drill Refused",
        patient_phone="+12025559999",
    )
    assert_refusal_not_retried(drill, booking)

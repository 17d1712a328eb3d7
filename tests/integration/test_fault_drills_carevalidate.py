"""Fault drills against CareValidate: 500 scripted sequences of connection errors, timeouts
after the commit, answers cut mid-way, 5xx, 429 with Retry-After (seconds and HTTP date) and
malformed bodies, on the create and on the lookup that precedes a resend (CareValidate has no
idempotency key). After each: exactly one remote appointment, confirmed locally, no retry
earlier than Retry-After; a 4xx refusal is never retried."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta
from itertools import count

import pytest

from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.providers.base import Accepted
from frontdesk.providers.carevalidate import CareValidateConnector
from frontdesk.sandbox.carevalidate_clinic import TELEHEALTH_ID
from frontdesk.sandbox.carevalidate_state import CareValidateState
from frontdesk.storage.repo import Repository
from support.drill import CID, Rig, assert_refusal_not_retried, rig, run_drill

ANA = "prov_ana_ruiz"
ZONE = "America/Los_Angeles"


@pytest.fixture(scope="module")
def drill(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    def make(base_url: str, key: str, timeout: float) -> CareValidateConnector:
        return CareValidateConnector(CID, base_url, key, timeout=timeout)

    with rig(tmp_path_factory.mktemp("drill"), "carevalidate", make) as made:
        yield made


def state_of(drill: Rig) -> CareValidateState:
    state = drill.server.provider("carevalidate").build.state
    assert isinstance(state, CareValidateState)
    return state


def spots(repo: Repository) -> list[datetime]:
    """Telehealth spots (30 minutes, Dr. Ruiz) from 2 days ahead, none overlapping another."""
    today = datetime.now(UTC).date()
    catalog = repo.catalog(CID, today + timedelta(days=2), today + timedelta(days=27))
    starts = sorted(
        local_to_utc(w.day, w.start, ZONE).instant
        for w in catalog.windows
        if w.open and w.service_id == TELEHEALTH_ID
    )
    kept: list[datetime] = []
    for start in starts:
        if not kept or start >= kept[-1] + timedelta(minutes=30):
            kept.append(start)
    return kept


def bookings(repo: Repository) -> Iterator[Booking]:
    """A new patient per sequence; the spots are used in turn (the drill cancels each booking
    once checked, so a spot is free again when its turn comes back)."""
    starts = spots(repo)
    assert len(starts) >= 100, len(starts)
    for n in count():
        start = starts[n % len(starts)]
        yield Booking(
            id=f"drill-{n}",
            connection_id=CID,
            service_id=TELEHEALTH_ID,
            resource_id=ANA,
            start=start,
            end=start + timedelta(minutes=30),
            patient_name=f"Drill Patient{n}",
            patient_phone="+15555550100",
            patient_email=f"drill{n}@example.com",
        )


def test_fault_drills(drill: Rig) -> None:
    state = state_of(drill)

    def copies(b: Booking) -> int:
        return sum(
            (a["tracking"] or {}).get("salesforceUuid") == b.id for a in state.appointments()
        )

    def free_the_spot(b: Booking) -> None:
        drill.injector.script([])
        cancelled = drill.live.cancel(b, f"cancel-{b.id}")
        assert isinstance(cancelled, Accepted), cancelled

    run_drill(
        drill,
        bookings(drill.repo),
        copies,
        seed=20261125,
        max_offset=1,
        after=free_the_spot,
    )


def test_a_refusal_is_never_retried(drill: Rig) -> None:
    day = drill.clock.now.date() + timedelta(days=3)
    start = local_to_utc(day, time(3, 7), ZONE).instant  # no spot at 03:07
    booking = Booking(
        id="drill-refused",
        connection_id=CID,
        service_id=TELEHEALTH_ID,
        resource_id=ANA,
        start=start,
        end=start + timedelta(minutes=30),
        patient_name="Drill Refused",
        patient_phone="+15555550100",
        patient_email="refused@example.com",
    )
    assert_refusal_not_retried(drill, booking)

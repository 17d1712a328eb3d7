"""Fault drills against CareValidate: 500 scripted sequences of connection errors, timeouts
after the commit, answers cut mid-way, 5xx, 429 with Retry-After (seconds and HTTP date) and
malformed bodies, on the create and on the lookup that precedes a resend (CareValidate has no
idempotency key). After each: exactly one remote appointment, confirmed locally, no retry
earlier than Retry-After; a 4xx refusal is never retried."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta

import pytest

from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.providers.carevalidate import CareValidateConnector
from frontdesk.sandbox.carevalidate.clinic import TELEHEALTH_ID
from frontdesk.sandbox.carevalidate.state import CareValidateState
from frontdesk.storage.repo import Repository
from support.drill import (
    CID,
    Rig,
    assert_refusal_not_retried,
    cancel_remotely,
    new_patients,
    rig,
    run_drill,
    spaced,
)

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
    starts = (
        local_to_utc(w.day, w.start, ZONE).instant
        for w in catalog.windows
        if w.open and w.service_id == TELEHEALTH_ID
    )
    return spaced(starts, timedelta(minutes=30))


def bookings(repo: Repository) -> Iterator[Booking]:
    """A new patient per sequence, the spots used in turn."""
    return new_patients(spots(repo), service_id=TELEHEALTH_ID, resource_id=ANA, minutes=30)


def test_fault_drills(drill: Rig) -> None:
    state = state_of(drill)

    def copies(b: Booking) -> int:
        return sum(
            (a["tracking"] or {}).get("salesforceUuid") == b.id for a in state.appointments()
        )

    run_drill(
        drill,
        bookings(drill.repo),
        copies,
        seed=20261125,
        max_offset=1,
        after=cancel_remotely(drill),
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

"""Fault drills against CareValidate: 500 scripted sequences of connection errors, timeouts
after the commit, answers cut mid-way, 5xx, 429 with Retry-After (seconds and HTTP date) and
malformed bodies, on the create, on the list lookup that follows its 200 (the answer carries no
id) and on the lookup that precedes a resend (CareValidate has no idempotency key). After
each: exactly one remote appointment, confirmed locally (with or without its id yet), no retry
earlier than Retry-After; a 4xx refusal is never retried."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta

import pytest

from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.providers.carevalidate import CareValidateConnector
from frontdesk.sandbox.carevalidate import EMULATOR
from frontdesk.sandbox.carevalidate.clinic import TELEHEALTH_ID
from frontdesk.sandbox.carevalidate.state import CareValidateState
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

ANA = "Dr. Ana Ruiz"
ZONE = "America/Los_Angeles"
OPTIONS = dict(EMULATOR.demo_options)


@pytest.fixture(scope="module")
def drill(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    def make(base_url: str, key: str, timeout: float) -> CareValidateConnector:
        return CareValidateConnector(CID, base_url, key, OPTIONS, timeout=timeout)

    with rig(tmp_path_factory.mktemp("drill"), "carevalidate", make, options=OPTIONS) as made:
        yield made


def state_of(drill: Rig) -> CareValidateState:
    state = drill.server.provider("carevalidate").build.state
    assert isinstance(state, CareValidateState)
    return state


def spots(state: CareValidateState) -> list[datetime]:
    """Telehealth spots (30 minutes, Dr. Ruiz) from 2 days ahead, none overlapping another:
    the open slots Calendly would offer (the sandbox's own view; CareValidate's API lists
    none)."""
    first = datetime.now(UTC) + timedelta(days=2)
    starts = state.open_starts(TELEHEALTH_ID, first, first + timedelta(days=25))
    return spaced(starts, timedelta(minutes=30))


def bookings(state: CareValidateState) -> Iterator[Booking]:
    """A new patient per sequence, the spots used in turn."""
    return new_patients(spots(state), service_id=TELEHEALTH_ID, resource_id=ANA, minutes=30)


def test_fault_drills(drill: Rig) -> None:
    state = state_of(drill)

    def copies(b: Booking) -> int:
        return sum(
            (a["tracking"] or {}).get("salesforceUuid") == b.id for a in state.appointments()
        )

    run_drill(
        drill,
        bookings(state),
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
        patient_phone="+12125550100",
        patient_email="refused@example.com",
    )
    assert_refusal_not_retried(drill, booking)

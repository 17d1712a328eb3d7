"""Fault drills against VantaX: 500 scripted sequences of connection errors, timeouts after
the commit, answers cut mid-way, 5xx, 429 with Retry-After (seconds and HTTP date) and
malformed bodies, on any of a new patient's requests: the contact operation's (contact search,
contact create) and then the appointment operation's, which waits for it. After each: exactly
one contact and one appointment naming it, confirmed locally, no retry earlier than
Retry-After; a 4xx refusal is never retried (and its contact is made once)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from frontdesk.domain.booking import Booking
from frontdesk.providers.vantax import VantaxConnector
from frontdesk.sandbox.vantax.state import VantaxState
from support.drill import CID, Rig, assert_refusal_not_retried, rig, run_drill

SUB = "sub_8a1f4c2e"
ZONE = "America/New_York"
CLEANING = "cal_22f9"  # 30 minutes, active
WHITENING = "cal_0c4e"  # inactive calendar
FIRST = (datetime.now(UTC) + timedelta(days=3)).replace(minute=0, second=0, microsecond=0)


@pytest.fixture(scope="module")
def drill(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    def make(base_url: str, key: str, timeout: float) -> VantaxConnector:
        return VantaxConnector(CID, base_url, key, SUB, ZONE, timeout=timeout)

    tmp = tmp_path_factory.mktemp("drill")
    with rig(tmp, "vantax", make, options={"sub_account_id": SUB, "timezone": ZONE}) as made:
        yield made


def state_of(drill: Rig) -> VantaxState:
    state = drill.server.provider("vantax").build.state
    assert isinstance(state, VantaxState)
    return state


def booking(n: int, calendar: str = CLEANING) -> Booking:
    """The n-th patient (own phone and email: own contact), each in its own half hour."""
    start = FIRST + timedelta(minutes=30 * n)
    return Booking(
        id=f"drill-{n}",
        connection_id=CID,
        service_id=f"svc_{calendar}",
        resource_id=calendar,
        start=start,
        end=start + timedelta(minutes=30),
        patient_name=f"Drill Patient{n}",
        patient_phone=f"+1646555{n:04d}",
        patient_email=f"drill{n}@example.com",
    )


def test_fault_drills(drill: Rig) -> None:
    state = state_of(drill)

    def copies(b: Booking) -> int:
        contacts = [c for c in state.contacts() if c["phone"] == b.patient_phone]
        assert len(contacts) == 1, f"{b.id}: {len(contacts)} contacts"
        stamp = b.start.strftime("%Y-%m-%dT%H:%M:%SZ")
        return sum(
            a["contact_id"] == contacts[0]["id"] and a["appointment_date"] == stamp
            for a in state.appointments()
        )

    run_drill(
        drill,
        (booking(n) for n in range(10_000)),
        copies,
        seed=20261122,
        max_offset=2,
        patient_records=True,
    )


def test_a_refusal_is_never_retried(drill: Rig) -> None:
    refused = booking(9_999, WHITENING)
    assert_refusal_not_retried(drill, refused, patient_records=True)
    contacts = [c for c in state_of(drill).contacts() if c["phone"] == refused.patient_phone]
    assert len(contacts) == 1

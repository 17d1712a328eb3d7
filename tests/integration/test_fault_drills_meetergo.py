"""Fault drills against meetergo: 700 scripted sequences of connection errors, timeouts after
the commit, answers cut mid-way, 5xx, 429 with Retry-After (seconds and HTTP date) and
malformed bodies, on the create and on the lookup that precedes a resend (meetergo has no
idempotency key). After each: exactly one remote appointment, confirmed locally, no retry
earlier than Retry-After; a 4xx refusal is never retried. (700, not 500: a 429, a 503 or a
connection that never opened leaves no doubt, so the next attempt sends without a lookup, and
fewer requests are there for a scripted fault to hit.)

The same drill on a double opt-in meeting type, whose creates are only provisional bookings:
meetergo lists those (``GET /v4/provisional-booking/paginated``), so a lost answer is looked
up there too and never ends "outcome unknown". The drill checks exactly one provisional
booking per desk booking, awaiting confirmation locally, and that no sequence needed a
person to settle it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta

import pytest

from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.providers.meetergo import MeetergoConnector
from frontdesk.sandbox.meetergo.state import MeetergoState
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
from support.meetergo import ANNA, API_KEY, BEN, CHECK_IN, CONSULT, OPTIONS, ZONE

# Consultation: one-to-one with Anna, 30 minutes + 10 buffer, booked straight away (no
# provisional booking: its answer carries the appointment id).
BLOCK = timedelta(minutes=45)


@pytest.fixture(scope="module")
def drill(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rig]:
    def make(base_url: str, key: str, timeout: float) -> MeetergoConnector:
        return MeetergoConnector(CID, base_url, key, ANNA, ZONE, timeout=timeout)

    tmp = tmp_path_factory.mktemp("drill")
    with rig(tmp, "meetergo", make, api_key=API_KEY, options=OPTIONS) as made:
        yield made


def state_of(drill: Rig) -> MeetergoState:
    state = drill.server.provider("meetergo").build.state
    assert isinstance(state, MeetergoState)
    return state


def spots(repo: Repository, type_id: str = CONSULT) -> list[datetime]:
    """The type's spots from 2 days ahead, none within another's 30 + 10 minutes."""
    today = datetime.now(UTC).date()
    catalog = repo.catalogs.catalog(CID, today + timedelta(days=2), today + timedelta(days=27))
    starts = (
        local_to_utc(w.day, w.start, ZONE).instant
        for w in catalog.windows
        if w.open and w.service_id == type_id
    )
    return spaced(starts, BLOCK)


def bookings(repo: Repository) -> Iterator[Booking]:
    """A new patient per sequence, the spots used in turn."""
    return new_patients(
        spots(repo), service_id=CONSULT, resource_id=ANNA, minutes=30, phone="+4930123456"
    )


def test_fault_drills(drill: Rig) -> None:
    state = state_of(drill)

    def copies(b: Booking) -> int:
        return sum(a["attendee"]["notes"].get("frontdeskRef") == b.id for a in state.appointments())

    run_drill(
        drill,
        bookings(drill.repo),
        copies,
        seed=20261124,
        sequences=700,
        max_offset=1,
        after=cancel_remotely(drill),
    )


def test_fault_drills_on_provisional_bookings(drill: Rig) -> None:
    state = state_of(drill)
    places = new_patients(  # provisional bookings hold nothing: the spots are reused freely
        spots(drill.repo, CHECK_IN),
        service_id=CHECK_IN,
        resource_id=BEN,
        minutes=20,
        prefix="optin",
        name="Optin Patient{n}",
        phone="+4930123456",
    )

    def copies(b: Booking) -> int:
        provisional = state.provisional_notes().values()
        booked = state.appointments()
        return sum(notes.get("frontdeskRef") == b.id for notes in provisional) + sum(
            a["attendee"]["notes"].get("frontdeskRef") == b.id for a in booked
        )

    seen = run_drill(
        drill,
        places,
        copies,
        seed=20261125,
        sequences=300,
        max_offset=1,
        settled=(SyncState.AWAITING_CONFIRMATION,),
        min_each=25,
    )
    assert seen["unknown"] == 0, seen  # drop, late, garbage and reset: all looked up


def test_a_refusal_is_never_retried(drill: Rig) -> None:
    day = drill.clock.now.date() + timedelta(days=3)
    start = local_to_utc(day, time(3, 7), ZONE).instant  # no spot at 03:07
    booking = Booking(
        id="drill-refused",
        connection_id=CID,
        service_id=CONSULT,
        resource_id=ANNA,
        start=start,
        end=start + timedelta(minutes=30),
        patient_name="Drill Refused",
        patient_phone="+4930123456",
        patient_email="refused@example.com",
    )
    assert_refusal_not_retried(drill, booking)

"""The demo weeks of the VantaX, Vastal, meetergo and CareValidate sandboxes: booked through
each state's create path, so the API's own rules hold for them; fake patients only; repeatable."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from frontdesk.sandbox.carevalidate import seed as carevalidate_seed
from frontdesk.sandbox.carevalidate.seed import seed_carevalidate
from frontdesk.sandbox.carevalidate.state import CareValidateState
from frontdesk.sandbox.emulator import SandboxSettings
from frontdesk.sandbox.huskyvoice import seed as huskyvoice_seed
from frontdesk.sandbox.huskyvoice.state import HuskyVoiceState
from frontdesk.sandbox.meetergo import seed as meetergo_seed
from frontdesk.sandbox.meetergo.clinic import CHECK_IN, GROUP, SECOND_OPINION
from frontdesk.sandbox.meetergo.seed import seed_meetergo
from frontdesk.sandbox.meetergo.state import MeetergoState
from frontdesk.sandbox.registry import EMULATORS
from frontdesk.sandbox.vantax import seed as vantax_seed
from frontdesk.sandbox.vantax.clinic import SUB_ACCOUNT
from frontdesk.sandbox.vantax.seed import seed_vantax
from frontdesk.sandbox.vantax.state import VantaxState
from frontdesk.sandbox.vastal import seed as vastal_seed
from frontdesk.sandbox.vastal.clinic import BOOKKEEPING_REVIEW_ID
from frontdesk.sandbox.vastal.seed import seed_vastal
from frontdesk.sandbox.vastal.state import VastalState

MONDAY = date(2031, 3, 3)  # before every daylight-saving change of the four zones
NOW = datetime(2031, 3, 2, 12, 0, tzinfo=UTC)  # the Sunday before
DRAMA_PHONE = re.compile(r"\+442079460\d{3}")
EXAMPLE_EMAIL = re.compile(r"[a-z.]+\d*@example\.com")


def clock() -> datetime:
    return NOW


def when(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def overlapping(spans: Iterable[tuple[object, datetime, datetime]]) -> list[object]:
    """The keys whose spans overlap another span of the same key."""
    by_key: dict[object, list[tuple[datetime, datetime]]] = {}
    for key, start, end in spans:
        by_key.setdefault(key, []).append((start, end))
    clashes = []
    for key, found in by_key.items():
        found.sort()
        clashes += [key for a, b in pairwise(found) if b[0] < a[1]]
    return clashes


def local(instant: datetime, zone: str) -> datetime:
    return instant.astimezone(ZoneInfo(zone))


def test_vantax_books_the_sub_accounts_active_calendars_in_working_hours() -> None:
    state = VantaxState(clock=clock)
    assert seed_vantax(state, MONDAY, count=30) == 30
    records = state.appointments()
    contacts = {c["id"]: c for c in state.contacts()}
    assert len(records) == 30
    calendars = {c.id: c for c in state.clinic.calendars}
    spans = []
    for record in records:
        calendar = calendars[record["calendar_id"]]
        assert calendar.sub_account_id == SUB_ACCOUNT and calendar.is_active
        assert record["title"] == calendar.name and record["duration"] == (
            calendar.slot_duration_minutes
        )
        start = when(record["appointment_date"])
        end = start + timedelta(minutes=record["duration"])
        wall = local(start, "America/New_York")
        ends = local(end, "America/New_York")
        assert wall.isoweekday() <= 5 and wall.hour >= 8 and ends.time() <= time(17)
        assert MONDAY <= wall.date() < MONDAY + timedelta(days=7)
        spans.append((calendar.id, start, end))
        contact = contacts[record["contact_id"]]
        assert DRAMA_PHONE.fullmatch(contact["phone"])
        assert EXAMPLE_EMAIL.fullmatch(contact["email"])
    assert overlapping(spans) == []


def test_vastal_keeps_the_rows_caps_and_buffers() -> None:
    state = VastalState(clock=clock)
    made = seed_vastal(state, MONDAY, count=40)
    records = state.appointments()
    assert made == len(records) >= 30
    buffers = {
        t.id: (t.buffer_before_minutes, t.buffer_after_minutes) for t in state.clinic.types.values()
    }
    spans = []
    for record in records:
        start, end = when(record["start_time"]), when(record["end_time"])
        before, after = buffers[record["appointment_type_id"]]
        spans.append(("org", start - timedelta(minutes=before), end + timedelta(minutes=after)))
        assert DRAMA_PHONE.fullmatch(record["client_phone"])
        assert local(start, "America/New_York").isoweekday() != 7
    assert overlapping(spans) == []
    reviews = Counter(
        local(when(r["start_time"]), "America/New_York").date()
        for r in records
        if r["appointment_type_id"] == BOOKKEEPING_REVIEW_ID
    )
    assert max(reviews.values()) <= 2 and sum(reviews.values()) <= 4  # per day, per week
    assert {r["appointment_type_id"] for r in records} >= {"type_def456", "type_onb321"}


def test_meetergo_books_listed_spots_without_provisional_types() -> None:
    state = MeetergoState(clock=clock)
    assert seed_meetergo(state, MONDAY, count=25) == 25
    records = state.appointments()
    assert len(records) == 25
    assert not {r["meetingTypeId"] for r in records} & {CHECK_IN, SECOND_OPINION}
    assert state.provisional_ids() == []
    spans = [
        (r["hostIds"][0], when(r["start"]), when(r["end"]))
        for r in records
        if r["meetingTypeId"] != GROUP  # a group shares its start with up to three
    ]
    assert overlapping(spans) == []
    for record in records:
        assert DRAMA_PHONE.fullmatch(record["attendee"]["phone"])
        assert EXAMPLE_EMAIL.fullmatch(record["attendee"]["email"])


def test_carevalidate_books_open_slots_one_patient_per_provider_at_a_time() -> None:
    state = CareValidateState(clock=clock)
    assert seed_carevalidate(state, MONDAY, count=25) == 25
    records = state.appointments()
    spans = [(r["providerId"], when(r["startTime"]), when(r["endTime"])) for r in records]
    assert len(records) == 25 and overlapping(spans) == []
    assert all(EXAMPLE_EMAIL.fullmatch(r["email"]) for r in records)
    assert all(r["status"] == "active" and r["timezone"] == "America/Los_Angeles" for r in records)


def _booked(state: Any) -> list[tuple[str, ...]]:
    """What a seeding chose, without the ids the states draw at random."""
    keys = ("appointment_date", "start_time", "start", "startTime")
    names = ("client_name", "firstName", "contact_id")
    rows = []
    for record in state.appointments():
        start = next(record[k] for k in keys if k in record)
        name = next((str(record[k]) for k in names if k in record), "")
        name = name if not name.startswith("ct_") else ""
        rows.append((start, name, str(record.get("attendee", {}).get("fullname", ""))))
    return sorted(rows)


SEEDS: dict[type, Any] = {
    VantaxState: vantax_seed.seed_demo,
    VastalState: vastal_seed.seed_demo,
    MeetergoState: meetergo_seed.seed_demo,
    CareValidateState: carevalidate_seed.seed_demo,
    HuskyVoiceState: huskyvoice_seed.seed_demo,
}


def seed_demo(state: Any, start: date, rng_seed: int = 7) -> int:
    """The demo seeding of the emulator whose state this is, with another seed."""
    return int(SEEDS[type(state)](state, start, rng_seed=rng_seed))


@pytest.mark.parametrize("make", [VantaxState, VastalState, MeetergoState, CareValidateState])
def test_the_same_seed_gives_the_same_week(make: Any) -> None:
    first, second, other = make(clock=clock), make(clock=clock), make(clock=clock)
    assert seed_demo(first, MONDAY, rng_seed=3) == seed_demo(second, MONDAY, rng_seed=3) > 0
    seed_demo(other, MONDAY, rng_seed=4)
    assert _booked(first) == _booked(second) != _booked(other)


@pytest.mark.parametrize("name", sorted(EMULATORS))
def test_every_emulator_seeds_the_state_it_builds(name: str) -> None:
    emulator = EMULATORS[name]
    state = emulator.build(SandboxSettings()).state
    state.clock = clock  # type: ignore[attr-defined]
    assert emulator.seed_demo(state, MONDAY) > 0
    with pytest.raises(AssertionError):
        emulator.seed_demo(object(), MONDAY)


def test_nothing_is_booked_in_the_past() -> None:
    late = datetime.combine(MONDAY + timedelta(days=6), datetime.min.time(), tzinfo=UTC)
    for state in (
        VantaxState(clock=lambda: late),
        VastalState(clock=lambda: late),
        MeetergoState(clock=lambda: late),
        CareValidateState(clock=lambda: late),
    ):
        seed_demo(state, MONDAY)
        for record in state.appointments():
            start = next(
                v
                for k, v in record.items()
                if k in ("appointment_date", "start_time", "start", "startTime")
            )
            assert when(start) > late

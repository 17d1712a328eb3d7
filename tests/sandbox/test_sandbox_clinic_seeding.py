"""The clinic data, its JSON form, demo seeding, and the booking invariants of the state."""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from frontdesk.sandbox.huskyvoice.clinic import (
    ALL_SCOPES,
    GENERAL_CHECKUP_ID,
    READ_SCOPES,
    VACCINATION_ID,
    clinic_to_dict,
    default_clinic,
)
from frontdesk.sandbox.huskyvoice.clinic_file import clinic_from_dict, load_clinic
from frontdesk.sandbox.huskyvoice.rules import parse_instant, phone_key
from frontdesk.sandbox.huskyvoice.seed import seed_week
from frontdesk.sandbox.huskyvoice.state import HuskyVoiceState

MONDAY = date(2031, 3, 3)  # a Monday, in GMT; the clocks go forward on 2031-03-30


def fixed_clock(at: datetime) -> Any:
    return lambda: at


def test_the_default_clinic() -> None:
    clinic = default_clinic()
    assert clinic.timezone == "Europe/London" and clinic.duplicate_prevention
    assert [b.id for b in clinic.branches] == ["branch_uuid_here", "branch_north"]
    assert clinic.primary_key == "sk_test_frontdesk_demo"
    assert clinic.scopes_of("sk_test_frontdesk_demo") == ALL_SCOPES
    assert clinic.scopes_of("sk_test_readonly") == READ_SCOPES
    assert {"appointments:read", "slots:read"} == READ_SCOPES
    assert {"appointments:read", "appointments:write", "slots:read"} == ALL_SCOPES
    per_day = Counter((w.branch_id, w.weekday) for w in clinic.windows if w.status == "OPEN")
    assert per_day[("branch_north", 1)] == 3 and per_day[("branch_north", 6)] == 3
    assert per_day[("branch_uuid_here", 6)] == 2
    assert per_day[("branch_north", 7)] == 0
    restricted = [(w.window_id, w.service_id) for w in clinic.windows if w.service_id]
    assert restricted == [("w_north_evening_6", VACCINATION_ID)]
    assert all(w.ai_slots <= w.max_slots for w in clinic.windows)
    closed = [w for w in clinic.windows if w.status == "CLOSED"]
    assert [(w.weekday, w.session) for w in closed] == [(7, "Morning")] * 2
    assert len({w.window_id for w in clinic.windows}) == len(clinic.windows)


def test_json_round_trip_and_compact_windows(tmp_path: Path) -> None:
    clinic = default_clinic()
    clinic.closures.add(("w_main_morning_2", date(2031, 3, 4)))
    again = clinic_from_dict(json.loads(json.dumps(clinic_to_dict(clinic))))
    assert again == clinic
    path = tmp_path / "small.json"
    small = {
        "timezone": "America/New_York",
        "allow_cancellation": False,
        "branches": [{"id": "b1", "name": "Only"}],
        "windows": [
            {"branch_id": "b1", "weekdays": [1, 3], "session": "Morning", "batch": "M",
             "start_time": "08:00", "end_time": "10:30", "max_slots": 2},
        ],
        "api_keys": [{"key": "sk_test_one", "scopes": ["slots:read"]}],
    }  # fmt: skip
    path.write_text(json.dumps(small), encoding="utf-8")
    loaded = load_clinic(path)
    assert [w.window_id for w in loaded.windows] == ["w_b1_morning_1", "w_b1_morning_3"]
    assert loaded.windows[0].end_time == time(10, 30)
    assert loaded.primary_key == "sk_test_one"
    assert loaded.services == default_clinic().services
    assert not loaded.allow_cancellation


def test_parsing_helpers() -> None:
    assert parse_instant("2031-03-04") == datetime(2031, 3, 4, tzinfo=UTC)
    assert parse_instant("2031-03-04T10:30") == datetime(2031, 3, 4, 10, 30, tzinfo=UTC)
    assert parse_instant("2031-03-04T10:30:15.123456+0130") == datetime(
        2031, 3, 4, 9, 0, 15, 123000, tzinfo=UTC
    )
    for bad in ("2031-03-04T25:00Z", "2031-3-4", "20310304T103000Z", "2031-03-04T10:30+24:00", ""):
        assert parse_instant(bad) is None, bad
    assert phone_key(" +44 (20) 7946-0123 ") == "+442079460123"
    assert phone_key("020 7946 0123") == "02079460123"


def test_seed_week_books_through_the_rules() -> None:
    state = HuskyVoiceState(clock=fixed_clock(datetime(2031, 3, 3, tzinfo=UTC)))
    made = seed_week(state, MONDAY, count=60, rng_seed=7)
    assert 40 <= len(made) <= 60
    assert {m["status"] for m in made} == {"confirmed"}
    assert all(m["parent_phone"].startswith("+442079460") for m in made)
    dates = {m["date"] for m in made}
    assert (
        min(dates) >= MONDAY.isoformat() and max(dates) <= (MONDAY + timedelta(days=6)).isoformat()
    )
    seats = Counter((m["branch_id"], m["date"], m["session"]) for m in made)
    assert max(seats.values()) <= 6  # a window's ai_slots, every service together
    other = HuskyVoiceState(clock=fixed_clock(datetime(2031, 3, 3, tzinfo=UTC)))
    twin = seed_week(other, MONDAY, count=60, rng_seed=7)
    assert [(m["patient_name"], other.booked_at(m["appointment_id"])) for m in twin] == [
        (m["patient_name"], state.booked_at(m["appointment_id"])) for m in made
    ]


def test_seed_week_skips_the_past() -> None:
    wednesday_noon = datetime(2031, 3, 5, 12, tzinfo=UTC)
    state = HuskyVoiceState(clock=fixed_clock(wednesday_noon))
    made = seed_week(state, MONDAY, count=30, rng_seed=1)
    booked = [state.booked_at(m["appointment_id"]) for m in made]
    assert made and all(at is not None and at > wednesday_noon for at in booked)


BOOKING = st.fixed_dictionaries(
    {
        "appointment_type": st.sampled_from([GENERAL_CHECKUP_ID, "Vaccination", "follow-up"]),
        "appointment_date": st.builds(
            lambda d, m: (
                datetime(2031, 3, 3, 9, tzinfo=UTC) + timedelta(days=d, minutes=m)
            ).isoformat(),
            st.integers(0, 2),
            st.integers(0, 11 * 60),
        ),
        "patient_name": st.just("Amelia Hart"),
        "parent_phone": st.sampled_from(
            ["+442079460001", "+44 20 7946 0001", "+442079460002", "02079460003"]
        ),
        "branch_id": st.sampled_from(["branch_uuid_here", "branch_north"]),
        "session": st.sampled_from([None, "Morning", "afternoon"]),
    }
)


@settings(max_examples=60, deadline=None)
@given(st.lists(BOOKING, max_size=40), st.lists(st.integers(0, 39), max_size=5))
def test_no_sequence_overfills_a_window_or_duplicates(
    bookings: list[dict[str, Any]], cancels: list[int]
) -> None:
    state = HuskyVoiceState(clock=fixed_clock(datetime(2031, 3, 1, tzinfo=UTC)))
    made: list[str] = []
    for i, booking in enumerate(bookings):
        answer = state.create(booking)
        assert answer.status in (201, 409, 422), answer.body
        if answer.status == 201:
            made.append(answer.body["appointment_id"])
        if i in cancels and made:
            state.patch(made[0], {"status": "cancelled"})
    live = [a for a in state.appointments() if a["status"] != "cancelled"]
    seats = Counter((a["branch_id"], a["date"], a["session"]) for a in live)
    assert all(n <= (4 if key[2] == "Evening" else 6) for key, n in seats.items())
    same = Counter((phone_key(a["parent_phone"]), a["appointment_type"], a["date"]) for a in live)
    assert all(n == 1 for n in same.values())

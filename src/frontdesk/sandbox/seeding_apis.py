"""Demo bookings for the VantaX, Vastal, meetergo and CareValidate sandboxes.

Owns one seeding function per API (HuskyVoice's is `seeding.seed_week`) and `seed_demo`, which
picks the right one for a provider name. Each books the fake patients of `seeding` (names,
drama-range phones, `example.com` emails) through the state's own create path, the same as the
HTTP route, so every rule of that API (hours, spots, caps, buffers, overlaps) holds for seeded
data as for any other; refusals are skipped, so fewer than `count` may be made. Candidate times
are the API's own open times where it lists them (meetergo spots, CareValidate slots), else a
grid inside its hours. The same seed on the same empty state gives the same bookings.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from frontdesk.sandbox.carevalidate_state import CareValidateState
from frontdesk.sandbox.huskyvoice_state import HuskyVoiceState
from frontdesk.sandbox.meetergo_clinic import CHECK_IN, SECOND_OPINION
from frontdesk.sandbox.meetergo_state import MeetergoState
from frontdesk.sandbox.seeding import fake_patient, seed_week
from frontdesk.sandbox.vantax_clinic import SUB_ACCOUNT, Calendar
from frontdesk.sandbox.vantax_state import VantaxState
from frontdesk.sandbox.vastal_state import VastalState

DAYS = 7
# VantaX calendars keep no hours: the demo books them in a plausible working day (local)
VANTAX_HOURS = (time(8), time(17))
VANTAX_WEEKDAYS = (1, 2, 3, 4, 5)


def fake_email(name: str, rng: random.Random) -> str:
    """An address at the reserved `example.com` domain, e.g. `amelia.hart42@example.com`."""
    return f"{name.lower().replace(' ', '.')}{rng.randrange(100)}@example.com"


def _utc_stamp(instant: datetime) -> str:
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _grid(
    day: date, start: time, end: time, zone: ZoneInfo, step: int, minutes: int
) -> Iterator[datetime]:
    """Starts every `step` minutes from `start` while `minutes` still fit before `end`."""
    at = datetime.combine(day, start, tzinfo=zone)
    last = datetime.combine(day, end, tzinfo=zone)
    while at + timedelta(minutes=minutes) <= last:
        yield at.astimezone(UTC)
        at += timedelta(minutes=step)


def _book(
    candidates: list[Any],
    count: int,
    rng: random.Random,
    create: Callable[[Any, str, str, str], bool],
) -> int:
    """Try random candidates (without repeats) until `count` were booked; returns how many."""
    made = 0
    for candidate in rng.sample(candidates, len(candidates)):
        if made >= count:
            break
        name, phone = fake_patient(rng)
        if create(candidate, name, phone, fake_email(name, rng)):
            made += 1
    return made


def seed_vantax(state: VantaxState, start_date: date, count: int = 30, rng_seed: int = 0) -> int:
    """Book the active calendars of the demo sub-account, one slot length apart, each patient
    a new contact (VantaX books contacts, not names). Returns how many were booked."""
    rng = random.Random(rng_seed)
    sub = state.clinic.sub_account(SUB_ACCOUNT)
    assert sub is not None
    zone = ZoneInfo(sub.timezone)
    now = state.now()
    calendars = [c for c in state.clinic.calendars if c.sub_account_id == sub.id and c.is_active]
    candidates: list[tuple[Calendar, datetime]] = []
    for offset in range(DAYS):
        day = start_date + timedelta(days=offset)
        if day.isoweekday() not in VANTAX_WEEKDAYS:
            continue
        for calendar in calendars:
            minutes = calendar.slot_duration_minutes
            grid = _grid(day, *VANTAX_HOURS, zone, minutes, minutes)
            candidates += [(calendar, at) for at in grid if at > now]

    def create(candidate: Any, name: str, phone: str, email: str) -> bool:
        calendar, at = candidate
        first, _, last = name.rpartition(" ")
        contact = state.create_contact(
            {
                "first_name": first,
                "last_name": last,
                "email": email,
                "phone": phone,
                "sub_account_id": sub.id,
            }
        )
        if contact.status != 201:
            return False
        answer = state.create(
            {
                "contact_id": contact.body["data"]["id"],
                "title": calendar.name,
                "appointment_date": _utc_stamp(at),
                "sub_account_id": sub.id,
                "calendar_id": calendar.id,
            }
        )
        return answer.status == 201

    return _book(candidates, count, rng, create)


def seed_vastal(state: VastalState, start_date: date, count: int = 20, rng_seed: int = 0) -> int:
    """Book the org's active types inside their weekly rows, on a 15-minute grid; notice,
    horizon, caps, buffers and overlaps are the state's to refuse. Returns how many."""
    rng = random.Random(rng_seed)
    clinic = state.clinic
    zone = ZoneInfo(clinic.timezone)
    now = state.now()
    types = [t for t in clinic.types.values() if t.is_active]
    candidates = [
        (kind.id, at)
        for offset in range(DAYS)
        for row in clinic.rows
        if row.is_active
        and row.day_of_week == (day := start_date + timedelta(days=offset)).isoweekday() % 7
        for kind in types
        if row.appointment_type_id in (None, kind.id)
        for at in _grid(day, row.start, row.end, zone, 15, kind.duration_minutes)
        if at > now
    ]

    def create(candidate: Any, name: str, phone: str, email: str) -> bool:
        type_id, at = candidate
        body = {
            "appointment_type_id": type_id,
            "start_time": _utc_stamp(at),
            "client_name": name,
            "client_phone": phone,
            "client_email": email,
        }
        return state.create(body).status == 200

    return _book(candidates, count, rng, create)


def seed_meetergo(
    state: MeetergoState, start_date: date, count: int = 25, rng_seed: int = 0
) -> int:
    """Book the spots the API lists for each type that books at once (not the double opt-in
    or host-confirmation ones, which would only be provisional). Returns how many."""
    rng = random.Random(rng_seed)
    last = start_date + timedelta(days=DAYS - 1)
    candidates: list[tuple[Any, str]] = []
    for kind in state.account.types:
        if kind.id in (CHECK_IN, SECOND_OPINION):
            continue
        params = {"meetingTypeId": kind.id, "start": str(start_date), "end": str(last)}
        spots = state.availability(params).body["dates"]
        candidates += [(kind, s["startTime"]) for d in spots for s in d["spots"]]

    def create(candidate: Any, name: str, phone: str, email: str) -> bool:
        kind, start = candidate
        body: dict[str, Any] = {
            "attendee": {
                "fullname": name,
                "email": email,
                "phone": phone,
                "receiveReminders": True,
                "notes": {},
            },
            "meetingTypeId": kind.id,
            "start": start,
        }
        if kind.queue_id is not None:
            body["queueId"] = kind.queue_id
        else:
            body["hostIds"] = [kind.user_id]
        return state.create(body).status == 201

    return _book(candidates, count, rng, create)


def seed_carevalidate(
    state: CareValidateState, start_date: date, count: int = 25, rng_seed: int = 0
) -> int:
    """Book the open slots the API lists for each active event type. Returns how many."""
    rng = random.Random(rng_seed)
    candidates: list[tuple[str, str, str]] = []
    for event in state.clinic.event_types:
        provider = state.clinic.provider(event.provider_id)
        if not event.active or provider is None:
            continue
        first = datetime.combine(start_date, time(0), tzinfo=ZoneInfo(provider.timezone))
        params = {
            "eventTypeId": event.id,
            "start": _utc_stamp(first),
            "end": _utc_stamp(first + timedelta(days=DAYS)),
        }
        times = state.available_times(params).body["data"]["availableTimes"]
        candidates += [(event.id, t["startTime"], provider.timezone) for t in times]

    def create(candidate: Any, name: str, phone: str, email: str) -> bool:
        event_id, start, zone = candidate
        first, _, last = name.rpartition(" ")
        body = {
            "eventTypeId": event_id,
            "startTime": start,
            "email": email,
            "timezone": zone,
            "location": "google_conference",
            "firstName": first,
            "lastName": last,
        }
        return state.create(body).status == 200

    return _book(candidates, count, rng, create)


def seed_demo(state: object, start_date: date, rng_seed: int = 7) -> int:
    """A plausible week from `start_date` in the sandbox whose state this is; how many were
    booked."""
    if isinstance(state, VantaxState):
        return seed_vantax(state, start_date, rng_seed=rng_seed)
    if isinstance(state, VastalState):
        return seed_vastal(state, start_date, rng_seed=rng_seed)
    if isinstance(state, MeetergoState):
        return seed_meetergo(state, start_date, rng_seed=rng_seed)
    if isinstance(state, CareValidateState):
        return seed_carevalidate(state, start_date, rng_seed=rng_seed)
    if isinstance(state, HuskyVoiceState):
        return len(seed_week(state, start_date, count=60, rng_seed=rng_seed))
    raise TypeError(f"no demo seeding for {type(state).__name__}")

"""meetergo's own example answers (tests/fixtures/vendor/meetergo/, each with its page) and
what FrontDesk does with each: parsed into desk objects, classified into a sync outcome, or
not read (and why). Every file in the folder must be in the table. Each answer FrontDesk
reads is also fetched from the sandbox and run through the same parser, so one parser reads
both the vendor's words and the emulator's."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Window
from frontdesk.providers.answers import parse
from frontdesk.providers.base import Accepted, Refused, RetryLater
from frontdesk.providers.http import Answer, BadAnswer
from frontdesk.providers.meetergo import MeetergoConnector, mapping
from frontdesk.providers.meetergo.reads import ReadRefused
from frontdesk.providers.meetergo.wire import (
    MgAppointment,
    MgAppointmentPage,
    MgAvailability,
    MgMeetingType,
    MgProvisionalPage,
)
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.meetergo.state import MeetergoState
from support.meetergo import (
    ANNA,
    API_KEY,
    BEN,
    CHECK_IN,
    CONSULT,
    GROUP,
    THERAPY,
    ZONE,
    answer,
    at,
    body,
    fake,
    next_tuesday,
)

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "vendor" / "meetergo"
START = datetime(2027, 6, 15, 8, 0, tzinfo=UTC)
DESK = Booking(
    id="local-1",
    connection_id="c1",
    service_id=CONSULT,
    resource_id=ANNA,
    start=START,
    end=START + timedelta(minutes=30),
    patient_name="Erika Mustermann",
    patient_phone="+4930123456",
    patient_email="erika@example.com",
    external_ref="local-1",
)


def fixture(name: str) -> dict[str, Any]:
    data = json.loads((FOLDER / name).read_text(encoding="utf-8"))
    assert data["source"].startswith("https://developer.meetergo.com/"), name
    return dict(data)


def as_answer(example: dict[str, Any]) -> Answer:
    return answer(example["status"] or 200, example["body"])


def connector() -> MeetergoConnector:
    return MeetergoConnector("c1", "http://127.0.0.1:9/v4", API_KEY, ANNA, ZONE)


# -- what FrontDesk does with each kind of answer ----------------------------------------
def windows_of(a: Answer, minutes: int = 30) -> list[Window]:
    """An availability answer as the desk's spot windows (one meeting type, one host)."""
    starts = parse(MgAvailability, a).starts()
    if starts is None:
        raise BadAnswer("no dates, slots or availableSlots")
    facts = mapping.facts_of(MgMeetingType(id=CONSULT, userId=ANNA), [ANNA], True)
    days = {date(2024, 1, d) for d in range(1, 32)} | {date(2023, 10, 9), date(2023, 10, 10)}
    return mapping.spot_windows(facts, minutes, ZONE, starts, days)


def meeting_types_of(a: Answer) -> list[MgMeetingType]:
    c = connector()
    try:
        fake(c, a)
        return c._type_list(ANNA)
    finally:
        c.close()


def outcome_of(a: Answer, kind: str = "create") -> Any:
    c = connector()
    try:
        return c.classify(a, DESK, kind)
    finally:
        c.close()


def not_read(why: str) -> Callable[[dict[str, Any]], None]:
    def check(example: dict[str, Any]) -> None:
        assert why  # the table says why FrontDesk does not read it

    return check


# -- the table ---------------------------------------------------------------------------
def legacy_slots(example: dict[str, Any]) -> None:
    wins = windows_of(as_answer(example))
    assert [(w.day.day, w.start) for w in wins][:3] == [
        (15, time(9)),
        (15, time(9, 30)),
        (15, time(10)),
    ]
    assert len(wins) == 8 and all(w.exact and w.service_id == CONSULT for w in wins)


def v2_recipe(example: dict[str, Any]) -> None:
    # /booking-availability/v2 of the old recipe: timeframes only, no spots to book
    assert parse(MgAvailability, as_answer(example)).starts() is None
    with pytest.raises(BadAnswer):
        windows_of(as_answer(example))


def v4_openapi(example: dict[str, Any]) -> None:
    body = parse(MgAvailability, as_answer(example))
    assert body.timezone == "<string>" and body.starts() == ["<string>"]
    with pytest.raises(BadAnswer, match="not an instant"):  # a placeholder, not a time
        windows_of(as_answer(example))


def voice_bot(example: dict[str, Any]) -> None:
    wins = windows_of(as_answer(example))
    assert [(w.day, w.start) for w in wins] == [
        (date(2024, 1, 15), time(15)),
        (date(2024, 1, 16), time(11)),
    ]


def created(remote_id: str) -> Callable[[dict[str, Any]], None]:
    def check(example: dict[str, Any]) -> None:
        result = outcome_of(as_answer(example))
        assert isinstance(result, Accepted) and result.booking.remote_id == remote_id
        assert result.booking.sync_state is SyncState.CONFIRMED

    return check


def provisional_created(example: dict[str, Any]) -> None:
    result = outcome_of(as_answer(example))
    assert isinstance(result, Accepted) and result.booking.remote_id is None
    assert result.booking.sync_state is SyncState.AWAITING_CONFIRMATION
    assert result.booking.extra["provisional_booking_id"] == "provisional-uuid-123"


def credentials(words: str) -> Callable[[dict[str, Any]], None]:
    def check(example: dict[str, Any]) -> None:
        result = outcome_of(as_answer(example))
        assert isinstance(result, Refused) and result.credentials
        assert (result.verdict.message or "").startswith(words)

    return check


def refused(field: str | None) -> Callable[[dict[str, Any]], None]:
    def check(example: dict[str, Any]) -> None:
        result = outcome_of(as_answer(example))
        assert isinstance(result, Refused) and not result.credentials
        assert result.verdict.status == example["status"]
        assert result.verdict.message == example["body"]["message"]
        assert result.verdict.field == field

    return check


def rate_limited(example: dict[str, Any]) -> None:
    result = outcome_of(as_answer(example))
    assert result == RetryLater("rate limited by meetergo", None, untouched=True)


def read_refused(example: dict[str, Any]) -> None:
    c = connector()
    try:
        fake(c, as_answer(example))
        with pytest.raises(ReadRefused, match="Invalid API key"):
            c.load_types()
    finally:
        c.close()


def type_list(names: list[tuple[str, int]]) -> Callable[[dict[str, Any]], None]:
    def check(example: dict[str, Any]) -> None:
        types = meeting_types_of(as_answer(example))
        assert [(t.title, t.minutes) for t in types] == names
        for t in types:  # no settings in a list item: its details are read one by one
            assert not t.detailed

    return check


def provisional_page(email: str) -> Callable[[dict[str, Any]], None]:
    def check(example: dict[str, Any]) -> None:
        page = parse(MgProvisionalPage, as_answer(example))
        (item,) = page.provisionalBookings
        assert page.total == 123 and item.type == "doubleOptIn"
        assert item.dto.attendee.email == email and item.dto.attendee.notes == {}
        # placeholders ("<string>" for the start): nothing the desk can match, skipped
        assert mapping.provisional_key(item) is None
        assert mapping.booking_from_provisional(item, "c1", 30, "expired") is None

    return check


def webhook(example: dict[str, Any]) -> None:
    # a webhook meetergo posts: FrontDesk registers none. Its appointment is the only full
    # example of the record, and it parses as one
    record = MgAppointment.model_validate(example["body"])
    (booking,) = mapping.bookings_from_record(record, "c1")
    assert (booking.patient_name, booking.patient_email) == ("Jane Doe", "customer@example.com")
    assert booking.visit_status is VisitStatus.BOOKED and booking.resource_id == "host-uuid-123"
    assert booking.extra == {"channel": "zoom", "attendee_id": "att-uuid-789"}


def created_type(example: dict[str, Any]) -> None:
    not_read("POST /v4/meeting-type: FrontDesk creates no meeting types")(example)
    t = MgMeetingType.model_validate(example["body"])  # the entity's shape, flat or nested
    assert (t.title, t.minutes) == ("Discovery Call", 30)


TABLE: dict[str, Callable[[dict[str, Any]], None]] = {
    "availability-get-schedule-array.json": not_read(
        "GET /v4/availability/{id}: weekly schedules; the desk reads the spots instead"
    ),
    "availability-get-schedule-object.json": not_read(
        "GET /v4/availability/{id}: weekly schedules; the desk reads the spots instead"
    ),
    "availability-list-openapi.json": not_read("GET /availability: schedules, not spots"),
    "booking-availability-legacy-slots.json": legacy_slots,
    "booking-availability-v2-recipe.json": v2_recipe,
    "booking-availability-v4-openapi.json": v4_openapi,
    "booking-create-double-opt-in-core-concepts.json": provisional_created,
    "booking-create-openapi.json": created("<string>"),
    "booking-create-standard-core-concepts.json": created("appt-uuid-12345"),
    "error-400-missing-user-header.json": credentials("the API user id is missing"),
    "error-401-api-key-expired.json": credentials("API key has expired"),
    "error-401-invalid-api-key.json": credentials("Invalid API key"),
    "error-401-missing-authorization-header.json": credentials("Missing authorization header"),
    "error-format-validation-400.json": refused("patient_email"),
    "meeting-type-create-core-concepts-flat.json": created_type,
    "meeting-type-create-core-concepts-nested.json": created_type,
    # DELETE is never sent; a 403 or 404 body of that shape refuses one booking, no pause
    "meeting-type-delete-403.json": refused(None),
    "meeting-type-delete-404.json": refused(None),
    "meeting-type-list-401.json": read_refused,
    "meeting-type-list-array-empty.json": type_list([]),
    "meeting-type-list-array.json": type_list([("30 Minute Meeting", 30), ("Product Demo", 45)]),
    "meeting-type-list-core-concepts-flat.json": type_list(
        [("Discovery Call", 30), ("Demo Session", 60)]
    ),
    "meeting-type-list-wrapped-empty.json": type_list([]),
    "meeting-type-list-wrapped.json": type_list([("30 Minute Meeting", 30), ("Product Demo", 45)]),
    "provisional-booking-paginated-v4-newer.json": provisional_page("jsmith@example.com"),
    "provisional-booking-paginated-v4-older.json": provisional_page("jsmith@example.com"),
    "provisional-bookings-paginated-legacy.json": provisional_page("[email protected]"),
    "queue-user-group-create.json": not_read("POST /v4/queue-user-group: never sent"),
    "rate-limit-429.json": rate_limited,
    "user-create.json": not_read("POST /v4/user: FrontDesk creates no users"),
    "voice-ai-bot-availability.json": voice_bot,
    "webhook-booking-created.json": webhook,
}


def test_the_table_covers_every_example() -> None:
    assert set(TABLE) == {p.name for p in FOLDER.glob("*.json")}


@pytest.mark.parametrize("name", sorted(TABLE))
def test_each_example(name: str) -> None:
    TABLE[name](fixture(name))


# -- the sandbox's answers go through the same parsers -----------------------------------
DAY = next_tuesday()


@pytest.fixture(scope="module")
def sandbox() -> Iterator[tuple[httpx.Client, MeetergoState]]:
    with SandboxServer(rate_limit=0, providers=("meetergo",)) as server:
        state = server.provider("meetergo").build.state
        assert isinstance(state, MeetergoState)
        headers = {"Authorization": f"Bearer {API_KEY}", "x-meetergo-api-user-id": BEN}
        url = server.provider("meetergo").base_url
        with httpx.Client(base_url=url, headers=headers, timeout=5) as client:
            yield client, state


def got(response: httpx.Response) -> Answer:
    return Answer(response.status_code, dict(response.headers), response.text)


def test_the_sandbox_answers_parse_the_same_way(
    sandbox: tuple[httpx.Client, MeetergoState],
) -> None:
    http, state = sandbox
    state.reset()
    types = meeting_types_of(got(http.get("/meeting-type")))
    assert {t.id for t in types} >= {CHECK_IN, GROUP}
    detail = parse(MgMeetingType, got(http.get(f"/meeting-type/{GROUP}")))
    facts = mapping.facts_of(detail, [BEN], True)
    assert (facts.kind, facts.extra()["spots"], detail.detailed) == ("group", 3, True)
    params = {"meetingTypeId": CONSULT, "start": DAY.isoformat(), "end": DAY.isoformat()}
    spots = got(http.get("/booking-availability", params={**params, "timezone": ZONE}))
    wins = mapping.spot_windows(
        mapping.facts_of(MgMeetingType(id=CONSULT, userId=ANNA), [ANNA], True),
        30,
        ZONE,
        parse(MgAvailability, spots).starts() or [],
        {DAY},
    )
    assert wins and wins[0].start == time(8)
    made = outcome_of(got(http.post("/booking", json=body(at(DAY, 10), THERAPY))))
    assert isinstance(made, Accepted) and made.booking.sync_state is SyncState.CONFIRMED
    waiting = outcome_of(got(http.post("/booking", json=body(at(DAY, 11), CHECK_IN))))
    assert isinstance(waiting, Accepted)
    assert waiting.booking.sync_state is SyncState.AWAITING_CONFIRMATION
    page = parse(MgAppointmentPage, got(http.get("/appointment/paginated")))
    (record,) = page.appointments
    (booking,) = mapping.bookings_from_record(record, "c1")
    assert booking.start == at(DAY, 10) and booking.resource_id == BEN
    pending = parse(MgProvisionalPage, got(http.get("/provisional-booking/paginated")))
    (item,) = pending.provisionalBookings
    assert mapping.provisional_key(item) == (CHECK_IN, at(DAY, 11), "max@example.com")
    moved = got(
        http.post(f"/appointment/{record.id}/reschedule", json={"start": at_iso(DAY, 10, 30)})
    )
    result = outcome_of(moved, "reschedule")
    assert isinstance(result, Accepted) and result.booking.start == at(DAY, 10, 30)
    gone = outcome_of(got(http.post(f"/appointment/{record.id}/cancel", json={})), "cancel")
    assert isinstance(gone, Accepted) and gone.booking.visit_status is VisitStatus.CANCELLED
    blank = {"x-meetergo-api-user-id": ""}
    missing = outcome_of(got(http.get("/meeting-type", headers=blank)))
    assert isinstance(missing, Refused) and missing.credentials
    assert (missing.verdict.message or "").startswith("the API user id is missing")
    expired = outcome_of(got(http.get("/meeting-type", headers={"Authorization": "Bearer x"})))
    assert isinstance(expired, Refused) and expired.credentials


def at_iso(day: date, hh: int, mm: int = 0) -> str:
    return at(day, hh, mm).strftime("%Y-%m-%dT%H:%M:%S.000Z")

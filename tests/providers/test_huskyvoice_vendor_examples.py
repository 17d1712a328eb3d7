"""HuskyVoice's own example answers (tests/fixtures/vendor/huskyvoice, copied from its pages)
and what FrontDesk does with each: parsed into bookings or windows, classified into a sync
outcome, or not read (and why). Each answer the connector reads is also asked of the sandbox,
and the sandbox's answer goes through the same code into the same kind of objects."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from frontdesk.domain.booking import Booking, SyncState, VisitStatus, approximate_time
from frontdesk.domain.catalog import Window
from frontdesk.domain.timeutil import iso_utc, local_to_utc
from frontdesk.providers.base import Accepted, Outcome, RetryLater
from frontdesk.providers.http import Answer
from frontdesk.providers.huskyvoice import HuskyVoiceConnector, mapping
from frontdesk.providers.huskyvoice.client import windows_of
from frontdesk.providers.huskyvoice.places import Places
from frontdesk.providers.huskyvoice.wire import HvAppointment, HvOne
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID, MAIN_BRANCH_ID

FOLDER = Path(__file__).parents[1] / "fixtures" / "vendor" / "huskyvoice"
# The pages give no zone for their examples; the example phone is Indian.
ZONE = "Asia/Kolkata"
PAGE_DAY = date(2026, 6, 15)
SENT = datetime(2026, 6, 15, 4, 0, tzinfo=UTC)  # what the desk sent: 09:30 in Kolkata


def fixture(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FOLDER / name).read_text(encoding="utf-8"))
    return data


def as_answer(status: int, body: object, headers: dict[str, str] | None = None) -> Answer:
    return Answer(status, {k.lower(): v for k, v in (headers or {}).items()}, json.dumps(body))


def of_response(response: httpx.Response) -> Answer:
    return Answer(
        response.status_code, {k.lower(): v for k, v in response.headers.items()}, response.text
    )


def desk_booking(**changes: Any) -> Booking:
    booking = Booking(
        id="desk-1",
        connection_id="c1",
        service_id="f47ac10b-58cc-4372-a567-0e02b2c3d479",
        resource_id="branch_uuid_here",
        start=SENT,
        end=SENT + timedelta(minutes=30),
        patient_name="Aadhi",
        patient_phone="+919840XXXXXX",
        external_ref="desk-1",
    )
    return booking.with_changes(**changes)


def page_window() -> Window:
    (window,) = windows_of(PAGE_DAY, as_answer(200, fixture("availability-200.json")["body"]), {})
    return window


@pytest.fixture
def connector() -> Iterator[HuskyVoiceConnector]:
    c = HuskyVoiceConnector("c1", "http://127.0.0.1:9/v1", "sk_test_x")
    c._places = Places(ZONE, [page_window()])
    yield c
    c.close()


# -- what FrontDesk does with each of the vendor's answers --------------------------------


def check_availability(body: dict[str, Any], connector: HuskyVoiceConnector) -> None:
    (window,) = windows_of(PAGE_DAY, as_answer(200, body), {})
    assert window == Window(
        window_id="a1b2c3d4-e5f6-7890-abcd-ef1234567890",
        resource_id="branch_uuid_here",
        day=PAGE_DAY,
        start=time(9),
        end=time(11),
        session="Morning",
        batch="MA",
        open=True,
        capacity=7,  # available_slots = ai_slots - filled_slots (10 - 3), not max_slots (20)
        service_id=None,
    )


def check_created(body: dict[str, Any], connector: HuskyVoiceConnector) -> None:
    out = connector._classify(as_answer(201, body), desk_booking())
    assert isinstance(out, Accepted) and not out.replayed
    b = out.booking
    assert (b.remote_id, b.session, b.batch) == ("appt_a1b2c3d4e5", "Morning", "MA")
    assert (b.visit_status, b.sync_state) == (VisitStatus.BOOKED, SyncState.CONFIRMED)
    assert b.start == SENT  # the record has no time: the desk's own start stands
    assert approximate_time(b) is None


def check_replayed(body: dict[str, Any], connector: HuskyVoiceConnector) -> None:
    out = connector._classify(as_answer(200, body), desk_booking())
    assert isinstance(out, Accepted) and out.replayed
    assert (out.booking.remote_id, out.booking.start) == ("appt_a1b2c3d4e5", SENT)
    assert out.booking.sync_state is SyncState.CONFIRMED


def check_record(body: dict[str, Any], connector: HuskyVoiceConnector) -> None:
    """Not asked by FrontDesk (a lost create is resent: external_reference_id replays it),
    but its record is the search's record: read the way a pull reads one."""
    record = HvOne.model_validate(body).data
    places = Places(ZONE, [page_window()])
    b = mapping.booking_from_wire(record, "c1", places, {record.appointment_type: 30})
    assert b is not None
    assert (b.remote_id, b.service_id, b.resource_id, b.session, b.batch) == (
        "appt_a1b2c3d4e5",
        "f47ac10b-58cc-4372-a567-0e02b2c3d479",
        "branch_uuid_here",
        "Morning",
        "MA",
    )
    assert (b.patient_name, b.patient_phone, b.visit_status) == (
        "Aadhi",
        "+919840XXXXXX",
        VisitStatus.BOOKED,
    )
    opens = local_to_utc(PAGE_DAY, time(9), ZONE).instant
    assert (b.start, b.end) == (opens, opens + timedelta(minutes=30))  # its window's start
    span = approximate_time(b)
    assert span is not None and span.label == "Morning session"
    assert span.end == local_to_utc(PAGE_DAY, time(11), ZONE).instant


def check_updated(body: dict[str, Any], connector: HuskyVoiceConnector) -> None:
    held = desk_booking(remote_id="appt_a1b2c3d4e5", sync_state=SyncState.PENCILLED)
    out = connector._classify(as_answer(200, body), held, placed=False)
    assert isinstance(out, Accepted) and not out.replayed
    assert (out.booking.visit_status, out.booking.sync_state, out.booking.start) == (
        VisitStatus.BOOKED,
        SyncState.CONFIRMED,
        SENT,
    )


def check_cancelled(body: dict[str, Any], connector: HuskyVoiceConnector) -> None:
    cancelling = desk_booking(remote_id="appt_a1b2c3d4e5", visit_status=VisitStatus.CANCELLED)
    out = connector._classify(as_answer(200, body), cancelling, placed=False)
    assert isinstance(out, Accepted)
    assert (out.booking.visit_status, out.booking.sync_state) == (
        VisitStatus.CANCELLED,
        SyncState.CONFIRMED,
    )


def check_rate_limited(body: dict[str, Any], connector: HuskyVoiceConnector) -> None:
    """The page: 429 with "Retry-After (integer seconds until you can retry)"."""
    out = connector._classify(as_answer(429, body, {"Retry-After": "42"}), desk_booking())
    assert isinstance(out, RetryLater) and out.not_before_s == 42
    bare = connector._classify(as_answer(429, body), desk_booking())
    assert isinstance(bare, RetryLater) and bare.not_before_s is None


Check = Callable[[dict[str, Any], HuskyVoiceConnector], None]


@dataclass(frozen=True)
class Read:
    """An answer FrontDesk reads: ``check`` asserts what it becomes."""

    check: Check


@dataclass(frozen=True)
class NotRead:
    reason: str


TABLE: dict[str, Read | NotRead] = {
    "availability-200.json": Read(check_availability),
    "create-appointment-201.json": Read(check_created),
    "create-appointment-idempotent-200.json": Read(check_replayed),
    "get-appointment-200.json": Read(check_record),
    "update-appointment-200.json": Read(check_updated),
    "cancel-appointment-200.json": Read(check_cancelled),
    "rate-limit-429.json": Read(check_rate_limited),
    "inbound-webhook-call-create.json": NotRead(
        "the voice-calls API's inbound webhook (POST /v1/hooks/{token}): not the booking API; "
        "FrontDesk uses no webhooks (and API writes fire none)"
    ),
}


def test_the_table_covers_every_vendor_example() -> None:
    assert set(TABLE) == {p.name for p in FOLDER.glob("*.json")}


@pytest.mark.parametrize("name", sorted(TABLE))
def test_each_vendor_example(name: str, connector: HuskyVoiceConnector) -> None:
    page = fixture(name)
    assert page["source"].startswith("https://docs.huskyvoice.ai/")
    entry = TABLE[name]
    if isinstance(entry, NotRead):
        assert entry.reason
        return
    entry.check(page["body"], connector)


# -- the sandbox answers the same requests, read by the same code -------------------------


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0) as server:
        yield server


@pytest.fixture
def http(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    sandbox.state.reset()
    headers = {"Authorization": f"Bearer {sandbox.api_key}"}
    with httpx.Client(base_url=sandbox.base_url, headers=headers) as client:
        yield client


def future_tuesday() -> date:
    day = date.today() + timedelta(days=3)
    while day.weekday() != 1:
        day += timedelta(days=1)
    return day


def london(day: date, hh: int, mm: int = 0) -> datetime:
    return local_to_utc(day, time(hh, mm), "Europe/London").instant


def sandbox_connector() -> HuskyVoiceConnector:
    c = HuskyVoiceConnector("c1", "http://127.0.0.1:9/v1", "sk_test_x")
    c._places = Places("Europe/London")
    return c


def create_body(start: datetime, reference: str) -> dict[str, Any]:
    return {
        "appointment_type": "General Checkup",
        "appointment_date": iso_utc(start),
        "patient_name": "Aadhi",
        "parent_phone": "+919840XXXXXX",
        "session": "Morning",
        "branch_id": MAIN_BRANCH_ID,
        "external_reference_id": reference,
    }


def test_the_sandboxs_availability_reads_like_the_pages(http: httpx.Client) -> None:
    day = future_tuesday()
    answer = of_response(http.get("/appointment-slots/availability", params={"date": str(day)}))
    windows = windows_of(day, answer, {})
    assert windows and all(isinstance(w, Window) for w in windows)
    main = next(w for w in windows if w.resource_id == MAIN_BRANCH_ID and w.session == "Morning")
    assert (main.start, main.end, main.batch, main.capacity, main.open) == (
        time(9),
        time(12),
        "MA",
        6,
        True,
    )


def test_the_sandboxs_writes_read_like_the_pages(http: httpx.Client) -> None:
    day = future_tuesday()
    start = london(day, 9, 30)
    booking = desk_booking(start=start, end=start + timedelta(minutes=30))
    c = sandbox_connector()
    try:
        made = of_response(http.post("/appointments", json=create_body(start, "desk-1")))
        created = c._classify(made, booking)
        assert isinstance(created, Accepted) and not created.replayed
        assert (created.booking.session, created.booking.batch, created.booking.start) == (
            "Morning",
            "MA",
            start,
        )
        again = of_response(http.post("/appointments", json=create_body(start, "desk-1")))
        replayed = c._classify(again, booking)
        assert isinstance(replayed, Accepted) and replayed.replayed
        assert replayed.booking.remote_id == created.booking.remote_id
        path = f"/appointments/{created.booking.remote_id}"
        record = HvOne.model_validate(http.get(path).json()).data
        pulled = mapping.booking_from_wire(record, "c1", Places("Europe/London"), {})
        assert isinstance(pulled, Booking) and pulled.id == "desk-1"
        doctor = {"assigned_doctor": "Dr. Priya Sharma", "notes": "Patient requested morning slot"}
        updated = c._classify(of_response(http.patch(path, json=doctor)), created.booking, False)
        assert isinstance(updated, Accepted)
        assert updated.booking.visit_status is VisitStatus.BOOKED
        cancelled: Outcome = c._classify(
            of_response(http.patch(path, json={"status": "cancelled"})),
            created.booking.with_changes(visit_status=VisitStatus.CANCELLED),
            False,
        )
        assert isinstance(cancelled, Accepted)
        assert cancelled.booking.visit_status is VisitStatus.CANCELLED
    finally:
        c.close()


def test_the_sandboxs_rate_limit_reads_like_the_page() -> None:
    with SandboxServer(rate_limit=1) as limited:
        headers = {"Authorization": f"Bearer {limited.api_key}"}
        with httpx.Client(base_url=limited.base_url, headers=headers) as http:
            assert http.get("/services").status_code == 200
            over = of_response(http.get("/appointments"))
    assert over.json() == {
        "error": {"code": "RATE_LIMIT_EXCEEDED", "message": over.json()["error"]["message"]}
    }
    c = sandbox_connector()
    try:
        out = c._classify(over, desk_booking())
    finally:
        c.close()
    assert isinstance(out, RetryLater) and out.not_before_s is not None
    assert 1 <= out.not_before_s <= 60


def test_the_record_has_no_time_of_day_in_either(http: httpx.Client) -> None:
    """The pages' record and the sandbox's have the same fields: a date and a session."""
    start = london(future_tuesday(), 10)
    made = http.post("/appointments", json=create_body(start, "desk-2")).json()["data"]
    page = fixture("get-appointment-200.json")["body"]["data"]
    assert list(made) == list(page)
    assert HvAppointment.model_validate(made).date == str(future_tuesday())
    assert made["appointment_type"] == GENERAL_CHECKUP_ID

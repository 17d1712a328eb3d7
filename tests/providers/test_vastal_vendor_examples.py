"""Vastal's own example answers (tests/fixtures/vendor/vastal/, one per page example) through
the connector's own code: what FrontDesk makes of each, or why it never reads it. For every
answer it reads, the sandbox's answer to the same request goes through the same code into the
same kind of domain objects. Bodies are fed as ``Answer`` objects, not over the network (the
sandbox's gate answers come from its ASGI app in process)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog
from frontdesk.providers.base import Accepted, Refused
from frontdesk.providers.http import Answer
from frontdesk.providers.vastal import VastalConnector
from frontdesk.sandbox.vastal.app import vastal_app
from frontdesk.sandbox.vastal.clinic import READ_ONLY_KEY
from frontdesk.sandbox.vastal.state import VastalState
from support.vastal import NOW, TAX, ZONE, at, body

FIXTURES = Path(__file__).parents[1] / "fixtures" / "vendor" / "vastal"
DOCS = "https://docs.vastal.agency/docs/"
THU = date(2027, 3, 4)


def fixture(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return loaded


def answer(status: int, payload: object) -> Answer:
    return Answer(status, {}, json.dumps(payload))


def example(name: str, status: int | None = None) -> Answer:
    """The example as an answer; ``status`` for the generic ones the page gives none."""
    loaded = fixture(name)
    return answer(status or loaded["status"], loaded["body"])


@pytest.fixture
def connector() -> Iterator[VastalConnector]:
    c = VastalConnector("c1", "http://127.0.0.1:9/v1", "vst_test_x", ZONE)
    yield c
    c.close()


def reads(
    connector: VastalConnector, monkeypatch: pytest.MonkeyPatch, answers: dict[str, Answer]
) -> list[dict[str, str | int]]:
    """Make the connector's reads answer ``answers`` by path; returns the queries asked."""
    asked: list[dict[str, str | int]] = []

    def get(path: str, params: dict[str, str | int] | None = None) -> Answer:
        asked.append(dict(params or {}))
        return answers[path]

    monkeypatch.setattr(connector, "_get", get)
    return asked


def desk_booking(**changes: Any) -> Booking:
    start = datetime(2024, 1, 25, 14, tzinfo=UTC)
    base = Booking(
        id="local-1",
        connection_id="c1",
        service_id="type_def456",
        resource_id="org_xyz789",
        start=start,
        end=start + timedelta(hours=1),
        patient_name="Jane Doe",
        patient_phone="+1234567890",
        patient_email="jane@example.com",
    )
    return base.with_changes(**changes)


# -- what FrontDesk does with each example ---------------------------------------------------


def list_appointments(connector: VastalConnector, monkeypatch: pytest.MonkeyPatch) -> None:
    reads(connector, monkeypatch, {"calendar/appointments": example("list-appointments-200.json")})
    [got] = connector.pull_bookings(None)
    assert got.remote_id == "apt_abc123" and got.service_id == "type_def456"
    assert (got.start, got.end) == (
        datetime(2024, 1, 20, 10, tzinfo=UTC),
        datetime(2024, 1, 20, 11, tzinfo=UTC),
    )
    assert (got.patient_name, got.patient_phone, got.patient_email) == (
        "John Smith",
        "+1234567890",
        "john@example.com",
    )
    assert (got.visit_status, got.sync_state) == (VisitStatus.BOOKED, SyncState.CONFIRMED)
    assert got.resource_id == "org_xyz789" and got.extra == {"client_notes": "First time client"}


def create_200(connector: VastalConnector, monkeypatch: pytest.MonkeyPatch) -> None:
    outcome = connector.classify(example("create-appointment-200.json"), desk_booking())
    assert isinstance(outcome, Accepted)
    got = outcome.booking
    assert (got.id, got.remote_id, got.sync_state) == ("local-1", "apt_new123", SyncState.CONFIRMED)
    assert got.end == datetime(2024, 1, 25, 15, tzinfo=UTC)


def create_400(connector: VastalConnector, monkeypatch: pytest.MonkeyPatch) -> None:
    outcome = connector.classify(example("create-appointment-400.json"), desk_booking())
    assert isinstance(outcome, Refused) and not outcome.credentials
    assert outcome.verdict.as_json() == {
        "status": 400,
        "code": None,
        "message": "appointment_type_id, start_time, and client_name are required",
    }


def update_200(connector: VastalConnector, monkeypatch: pytest.MonkeyPatch) -> None:
    """The partial record: the status is Vastal's, start and end the booking's."""
    sent = desk_booking(remote_id="apt_abc123", visit_status=VisitStatus.COMPLETED)
    outcome = connector.classify(example("update-appointment-200.json"), sent)
    assert isinstance(outcome, Accepted)
    got = outcome.booking
    assert (got.visit_status, got.sync_state) == (VisitStatus.COMPLETED, SyncState.CONFIRMED)
    assert (got.start, got.end, got.remote_id) == (sent.start, sent.end, "apt_abc123")


def update_400(connector: VastalConnector, monkeypatch: pytest.MonkeyPatch) -> None:
    sent = desk_booking(remote_id="apt_abc123")
    outcome = connector.classify(example("update-appointment-400.json"), sent)
    assert isinstance(outcome, Refused)
    assert (outcome.verdict.status, outcome.verdict.message) == (400, "id is required")


def catalog_of(
    connector: VastalConnector,
    monkeypatch: pytest.MonkeyPatch,
    types: Answer,
    rows: Answer,
    days: list[date],
) -> Catalog:
    answers = {"calendar/appointment-types": types, "calendar/availability": rows}
    reads(connector, monkeypatch, answers)
    return connector.pull_catalog(days)


def list_types(connector: VastalConnector, monkeypatch: pytest.MonkeyPatch) -> None:
    types = example("list-appointment-types-200.json")
    catalog = catalog_of(connector, monkeypatch, types, answer(200, {"schedules": []}), [])
    [service] = catalog.services
    assert (service.id, service.name, service.duration_minutes, service.color, service.active) == (
        "type_abc123",
        "Tax Consultation",
        60,
        "#3b82f6",
        True,
    )
    extra = service.extra
    assert (extra["bufferBeforeMinutes"], extra["bufferAfterMinutes"], extra["maxPerDay"]) == (
        15,
        15,
        8,
    )
    assert (extra["maxPerWeek"], extra["minNoticeHours"], extra["maxDaysAhead"]) == (None, 24, 60)
    assert (extra["scheduleId"], extra["scheduleName"]) == ("sched_def456", "Business Hours")
    assert extra["bookingQuestions"][0]["required"] is True
    assert catalog.resources[0].id == "org_xyz789"  # the type's orgId: no row says it


def list_availability(connector: VastalConnector, monkeypatch: pytest.MonkeyPatch) -> None:
    monday = date(2024, 1, 22)
    days = [monday + timedelta(days=n) for n in range(7)]
    rows = example("list-availability-200.json")
    catalog = catalog_of(connector, monkeypatch, answer(200, {"appointmentTypes": []}), rows, days)
    assert catalog.policy.timezone == ZONE  # the connection's option: the answer has none
    assert catalog.policy.extra["org_id"] == "org_xyz789"
    assert [r["id"] for r in catalog.policy.extra["availability"]] == [
        "avail_abc123",
        "avail_def456",
    ]
    assert [(w.day, w.start, w.end, w.service_id) for w in catalog.windows] == [
        (monday, time(9), time(17), None),
        (monday + timedelta(days=1), time(9), time(17), None),
    ]


def rest_error(connector: VastalConnector, monkeypatch: pytest.MonkeyPatch) -> None:
    """The REST reference's envelope, with no status on the page: read for any status."""
    for status, credentials in ((400, False), (403, True), (404, False)):
        outcome = connector.classify(example("rest-error-format.json", status), desk_booking())
        assert isinstance(outcome, Refused) and outcome.credentials is credentials
        verdict = outcome.verdict
        assert (verdict.status, verdict.code, verdict.message, verdict.field) == (
            status,
            "VALIDATION_ERROR",
            "Invalid field value",
            "email",
        )


Check = Callable[[VastalConnector, pytest.MonkeyPatch], None]
READ: dict[str, Check] = {
    "list-appointments-200.json": list_appointments,
    "create-appointment-200.json": create_200,
    "create-appointment-400.json": create_400,
    "update-appointment-200.json": update_200,
    "update-appointment-400.json": update_400,
    "list-appointment-types-200.json": list_types,
    "list-availability-200.json": list_availability,
    "rest-error-format.json": rest_error,
}
NOT_READ: dict[str, str] = {
    "update-appointment-type-200.json": "PUT /calendar/appointment-types: the desk never edits "
    "appointment types",
    "create-availability-200.json": "POST /calendar/availability: the desk never edits "
    "availability",
    "create-availability-400.json": "POST /calendar/availability: the desk never edits "
    "availability",
    "update-availability-200.json": "PUT /calendar/availability: the desk never edits availability",
    "rest-response-format.json": "the REST reference's success envelope: no calendar endpoint "
    "answers in it (their pages show bare bodies), so FrontDesk reads none",
    "webhooks-create-201.json": "POST /webhooks: FrontDesk uses no webhooks (Vastal has no "
    "appointment events; bookings are pulled)",
    "webhooks-overview-create-response.json": "POST /webhooks: FrontDesk uses no webhooks",
    "webhooks-overview-payload-row-created.json": "a webhook delivery (row.created), not an "
    "answer: FrontDesk subscribes to none",
    "webhooks-update-200.json": "PATCH /webhooks/{webhook_id}: FrontDesk uses no webhooks",
}


def test_the_table_covers_every_example() -> None:
    files = {p.name for p in FIXTURES.glob("*.json")}
    assert files and not set(READ) & set(NOT_READ)
    assert files == set(READ) | set(NOT_READ)
    for name in files:
        loaded = fixture(name)
        assert loaded["source"].startswith(DOCS) and "body" in loaded, name


@pytest.mark.parametrize("name", sorted(READ))
def test_what_frontdesk_makes_of_the_example(
    name: str, connector: VastalConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    READ[name](connector, monkeypatch)


@pytest.mark.parametrize("name", sorted(NOT_READ))
def test_an_example_frontdesk_does_not_read_says_why(name: str) -> None:
    assert len(NOT_READ[name]) > 20
    fixture(name)  # it is valid JSON


# -- the sandbox's answers to the same requests, through the same code -----------------------


@pytest.fixture
def state() -> VastalState:
    return VastalState(rate_limit=0, clock=lambda: NOW)


def of(made: Any) -> Answer:
    return answer(made.status, made.body)


def test_the_sandbox_list_reads_like_the_example(
    state: VastalState, connector: VastalConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    state.create(body(TAX, at(THU, "10:00")))
    state.create(body(TAX, at(THU, "13:00")), source="booking_page")
    listed = of(state.list_appointments({"from": "2024-01-01", "limit": "100", "page": "1"}))
    reads(connector, monkeypatch, {"calendar/appointments": listed})
    got = connector.pull_bookings(None)
    assert [b.start for b in got] == [at(THU, "10:00"), at(THU, "13:00")]
    assert all(b.sync_state is SyncState.CONFIRMED and b.resource_id == "org_xyz789" for b in got)


def test_the_sandbox_create_and_update_read_like_the_examples(
    state: VastalState, connector: VastalConnector
) -> None:
    draft = desk_booking(start=at(THU, "10:00"), end=at(THU, "11:00"))
    made = connector.classify(of(state.create(body(TAX, at(THU, "10:00")))), draft)
    assert isinstance(made, Accepted) and made.booking.remote_id
    refused = connector.classify(of(state.create(body(TAX, at(THU, "10:00"), client_name=...))),
                                 draft)  # fmt: skip
    assert isinstance(refused, Refused) and refused.verdict.message == (
        "appointment_type_id, start_time, and client_name are required"
    )
    sent = made.booking.with_changes(visit_status=VisitStatus.COMPLETED)
    patch = {"id": sent.remote_id, "status": "completed", "internal_notes": "Great session"}
    updated = connector.classify(of(state.patch(patch)), sent)
    assert isinstance(updated, Accepted)
    assert updated.booking.visit_status is VisitStatus.COMPLETED
    assert (updated.booking.start, updated.booking.end) == (at(THU, "10:00"), at(THU, "11:00"))
    no_id = connector.classify(of(state.patch({"status": "completed"})), sent)
    assert isinstance(no_id, Refused) and no_id.verdict.message == "id is required"


def test_the_sandbox_catalog_reads_like_the_examples(
    state: VastalState, connector: VastalConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    days = [THU + timedelta(days=n) for n in range(7)]
    catalog = catalog_of(
        connector, monkeypatch, of(state.list_types()), of(state.availability()), days
    )
    assert {s.id for s in catalog.services} >= {TAX, "type_str777"}
    strategy = catalog.service("type_str777")
    assert strategy is not None and strategy.extra["scheduleName"] == "Evening Hours"
    assert catalog.policy.timezone == ZONE and catalog.resources[0].id == "org_xyz789"
    assert len(catalog.policy.extra["availability"]) == 8 and catalog.windows


def post_in_process(state: VastalState, key: str) -> Answer:
    """A create through the sandbox's ASGI app (its key gate), without a socket."""

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=vastal_app(state))
        async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
            return await client.post(
                "/v1/calendar/appointments",
                json=body(TAX, at(THU, "10:00")),
                headers={"Authorization": f"Bearer {key}"},
            )

    reply = asyncio.run(send())
    return Answer(reply.status_code, {}, reply.text)


def test_the_sandbox_gate_errors_read_like_the_rest_reference(
    state: VastalState, connector: VastalConnector
) -> None:
    for key, status, code in ((READ_ONLY_KEY, 403, "FORBIDDEN"), ("vst_nope", 401, "UNAUTHORIZED")):
        outcome = connector.classify(post_in_process(state, key), desk_booking())
        assert isinstance(outcome, Refused) and outcome.credentials
        assert (outcome.verdict.status, outcome.verdict.code) == (status, code)
    assert state.appointments() == []

"""VantaX's own example answers (tests/fixtures/vendor/vantax/, one per page example) through
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
from frontdesk.providers.base import Accepted, Refused
from frontdesk.providers.http import Answer
from frontdesk.providers.vantax import VantaxConnector
from frontdesk.providers.vantax.wire import VxPagination
from frontdesk.sandbox.vantax.app import vantax_app
from frontdesk.sandbox.vantax.clinic import AGENCY_KEY
from frontdesk.sandbox.vantax.state import VantaxState

FIXTURES = Path(__file__).parents[1] / "fixtures" / "vendor" / "vantax"
DOCS = "https://docs.vantaxai.com/docs"
SUB, ZONE = "sub_8a1f4c2e", "America/New_York"
START = datetime(2026, 6, 9, 15, 0, tzinfo=UTC)  # the create example's appointment_date
NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


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
def connector() -> Iterator[VantaxConnector]:
    c = VantaxConnector("c1", "http://127.0.0.1:9/v1", "vx_live_x", SUB, ZONE)
    yield c
    c.close()


Reply = Callable[[str, dict[str, str | int]], Answer]


def reads(
    connector: VantaxConnector, monkeypatch: pytest.MonkeyPatch, reply: Reply
) -> list[tuple[str, dict[str, str | int]]]:
    """Make the connector's reads answer through ``reply``; returns what was asked."""
    asked: list[tuple[str, dict[str, str | int]]] = []

    def get(path: str, params: dict[str, str | int] | None = None) -> Answer:
        asked.append((path, dict(params or {})))
        return reply(path, dict(params or {}))

    monkeypatch.setattr(connector, "_get", get)
    return asked


def by_path(answers: dict[str, Answer]) -> Reply:
    return lambda path, params: answers[path]


def desk_booking(**changes: Any) -> Booking:
    base = Booking(
        id="local-1",
        connection_id="c1",
        service_id="svc_cal_22f9",
        resource_id="cal_22f9",
        start=START,
        end=START + timedelta(minutes=30),
        patient_name="Jordan Avery",
        patient_phone="+1 415 555 0142",
        patient_email="jordan.avery@example.com",
        extra={"contact_id": "ct_4f8a21"},
    )
    return base.with_changes(**changes)


def one_page(records: list[dict[str, Any]]) -> Answer:
    """A list answer in /pagination's shape (the list-appointments example is cut off)."""
    pagination = {"total": len(records), "limit": 100, "has_more": False}
    return answer(200, {"success": True, "data": records, "pagination": pagination})


# -- what FrontDesk does with each example ---------------------------------------------------


def create_201(connector: VantaxConnector, monkeypatch: pytest.MonkeyPatch) -> None:
    outcome = connector.classify(example("appointments-create-201.json"), desk_booking())
    assert isinstance(outcome, Accepted) and not outcome.replayed
    got = outcome.booking
    assert (got.id, got.remote_id) == ("local-1", "appt_7c1d90")
    assert (got.visit_status, got.sync_state) == (VisitStatus.BOOKED, SyncState.CONFIRMED)
    assert got.extra == {"contact_id": "ct_4f8a21", "title": "Dental cleaning consultation"}


def get_200(connector: VantaxConnector, monkeypatch: pytest.MonkeyPatch) -> None:
    """FrontDesk never GETs one appointment, but its record is what the list's items are (the
    list example is past the page's cut-off): pulled through ``pull_bookings``."""
    record = fixture("appointments-get-200.json")["body"]["data"]
    contacts = fixture("contacts-list-200.json")["body"]
    answers = {"appointments": one_page([record]), "contacts": answer(200, contacts)}
    asked = reads(connector, monkeypatch, by_path(answers))
    [got] = connector.pull_bookings(None)
    assert (got.remote_id, got.resource_id, got.service_id) == (
        "appt_7c1d90",
        "cal_22f9",
        "svc_cal_22f9",
    )
    assert (got.start, got.end) == (START, START + timedelta(minutes=30))
    assert got.notes == "New patient — requested morning slot"
    assert (got.visit_status, got.sync_state) == (VisitStatus.BOOKED, SyncState.CONFIRMED)
    assert got.extra == {
        "contact_id": "ct_4f8a21",
        "title": "Dental cleaning consultation",
        "location": "Downtown Clinic, Suite 200",
    }
    assert got.patient_name == ""  # ct_4f8a21 is not in the contacts example
    assert [path for path, _ in asked] == ["appointments", "contacts"]


def calendars_list(connector: VantaxConnector, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = {
        "calendars": example("calendars-list-200.json"),
        "contacts": example("contacts-list-200.json"),
    }
    asked = reads(connector, monkeypatch, by_path(answers))
    day = date(2026, 6, 9)
    catalog = connector.pull_catalog([day])
    assert [(p, q["sub_account_id"], q["limit"]) for p, q in asked] == [
        ("calendars", SUB, 100),
        ("contacts", SUB, 100),
    ]
    [resource] = catalog.resources
    assert (resource.id, resource.name, resource.color) == (
        "cal_22f9",
        "Front Desk Bookings",
        "#2563eb",
    )
    assert resource.extra == {
        "is_active": True,
        "slot_duration_minutes": 30,
        "sub_account_id": SUB,
    }
    [service] = catalog.services
    assert (service.id, service.name, service.duration_minutes, service.active) == (
        "svc_cal_22f9",
        "Front Desk Bookings",
        30,
        True,
    )
    [window] = catalog.windows
    assert (window.resource_id, window.day, window.start, window.open) == (
        "cal_22f9",
        day,
        time(0, 0),
        True,
    )
    assert catalog.policy.timezone == ZONE  # the connection's option: VantaX documents none
    assert catalog.policy.extra == {"sub_account_id": SUB, "contacts": ["ct_9b21d3"]}


def calendars_get(connector: VantaxConnector, monkeypatch: pytest.MonkeyPatch) -> None:
    """``GET /calendars/{id}``: the create's title when the catalog is not cached."""
    calendar = example("calendars-get-200.json")
    asked = reads(connector, monkeypatch, by_path({"calendars/cal_22f9": calendar}))
    assert connector._title(desk_booking()) == "Front Desk Bookings"
    assert [p for p, _ in asked] == ["calendars/cal_22f9"]


def contacts_list(connector: VantaxConnector, monkeypatch: pytest.MonkeyPatch) -> None:
    """The contact search: the listed contact has the patient's phone and email, so it is the
    patient's; nothing is created."""
    asked = reads(connector, monkeypatch, by_path({"contacts": example("contacts-list-200.json")}))
    outcome = connector.create_patient(desk_booking(extra={}), "op-1")
    assert isinstance(outcome, Accepted) and outcome.replayed
    assert outcome.patient_ref == "ct_9b21d3"
    assert outcome.booking.extra["contact_id"] == "ct_9b21d3"
    assert asked == [
        (
            "contacts",
            {"sub_account_id": SUB, "search": "+14155550142", "status": "active", "limit": 100},
        )
    ]


def refusal_envelope(name: str) -> Callable[[VantaxConnector, pytest.MonkeyPatch], None]:
    """The documented error envelope, shown with no status: read for any status, the code
    from the status (/error-codes), the message from the body."""

    def check(connector: VantaxConnector, monkeypatch: pytest.MonkeyPatch) -> None:
        message = fixture(name)["body"]["message"]
        cases = [
            (400, "malformed", False),
            (401, "unauthorized", True),
            (402, "subscription_required", True),
            (403, "forbidden_scope", True),
            (404, "not_found", False),
            (409, "conflict", False),
            (422, "validation_failed", False),
        ]
        for status, code, credentials in cases:
            outcome = connector.classify(example(name, status), desk_booking())
            assert isinstance(outcome, Refused) and outcome.credentials is credentials
            verdict = outcome.verdict
            assert (verdict.status, verdict.code, verdict.field) == (status, code, None)
            assert str(verdict.message).endswith(message)

    return check


def pagination_page(connector: VantaxConnector, monkeypatch: pytest.MonkeyPatch) -> None:
    """FrontDesk lists no Agents, but every list it pages has this block: it goes on while
    ``has_more``, with the last item's id as ``starting_after`` (``next_cursor`` here)."""
    body = fixture("pagination-agents-page-200.json")["body"]
    block = VxPagination.model_validate(body["pagination"])
    assert block.has_more and block.next_cursor == body["data"][-1]["id"] == "agt_5a1d77"
    contact = fixture("contacts-list-200.json")["body"]["data"][0]
    first = {**body, "data": [contact]}
    last = {"success": True, "data": [], "pagination": {**body["pagination"], "has_more": False}}
    pages = iter([answer(200, first), answer(200, last)])
    asked = reads(connector, monkeypatch, lambda path, params: next(pages))
    assert list(connector._all_contacts()) == ["ct_9b21d3"]
    assert [q.get("starting_after") for _, q in asked] == [None, "ct_9b21d3"]


Check = Callable[[VantaxConnector, pytest.MonkeyPatch], None]
READ: dict[str, Check] = {
    "appointments-create-201.json": create_201,
    "appointments-get-200.json": get_200,
    "calendars-list-200.json": calendars_list,
    "calendars-get-200.json": calendars_get,
    "contacts-list-200.json": contacts_list,
    "errors-envelope-agent-not-found.json": refusal_envelope(
        "errors-envelope-agent-not-found.json"
    ),
    "overview-envelope-error.json": refusal_envelope("overview-envelope-error.json"),
    "pagination-agents-page-200.json": pagination_page,
}
NOT_READ: dict[str, str] = {
    "appointments-delete-200.json": "DELETE /appointments/{id}: the desk cancels (PATCH status "
    "cancelled, as the page advises for a historical record), it never deletes",
    "calendars-create-201.json": "POST /calendars: the desk never creates calendars",
    "calendars-update-200.json": "PATCH /calendars/{id}: the desk never edits calendars",
    "calendars-delete-200.json": "DELETE /calendars/{id}: the desk never deletes calendars",
    "contacts-update-200.json": "PATCH /contacts/{id}: the desk never edits a contact after "
    "making it",
    "contacts-delete-200.json": "DELETE /contacts/{id}: the desk never deletes contacts",
    "contact-tags-create-201.json": "POST /contact-tags: the desk uses no tags",
    "contact-tags-list-200.json": "GET /contact-tags: the desk uses no tags",
    "contact-tags-update-200.json": "PATCH /contact-tags/{id}: the desk uses no tags",
    "contact-tags-delete-200.json": "DELETE /contact-tags/{id}: the desk uses no tags",
    "agents-list-200.json": "GET /agents: the desk needs no Agent (an appointment's own "
    "agent_id is set by VantaX)",
    "agents-get-200.json": "GET /agents/{id}: the desk reads no Agent",
    "agents-update-200.json": "PATCH /agents/{id}: the desk never edits Agents",
    "agents-delete-200.json": "DELETE /agents/{id}: the desk never deletes Agents",
    "overview-envelope-success.json": "the overview's generic success envelope: its data is a "
    "placeholder, so no endpoint answers exactly this; each endpoint's own example is read",
    "workflow-trigger-appointment-created.json": "a Workflow's trigger_event payload, not an "
    "answer: VantaX sends FrontDesk no webhooks, bookings are pulled",
    "workflow-trigger-contact-created.json": "a Workflow's trigger_event payload: FrontDesk "
    "sets up no Workflows",
    "workflow-trigger-custom-event.json": "a Workflow's trigger_event payload: FrontDesk sets "
    "up no Workflows",
    "workflow-trigger-call-completed.json": "a Workflow's trigger_event payload: FrontDesk "
    "sets up no Workflows",
    "workflow-trigger-message-received.json": "a Workflow's trigger_event payload: FrontDesk "
    "sets up no Workflows",
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
    name: str, connector: VantaxConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    READ[name](connector, monkeypatch)


@pytest.mark.parametrize("name", sorted(NOT_READ))
def test_an_example_frontdesk_does_not_read_says_why(name: str) -> None:
    assert len(NOT_READ[name]) > 20
    fixture(name)  # it is valid JSON


# -- the sandbox's answers to the same requests, through the same code -----------------------


@pytest.fixture
def state() -> VantaxState:
    return VantaxState(rate_limit=0, clock=lambda: NOW)


def of(made: Any) -> Answer:
    return Answer(made.status, dict(made.headers), json.dumps(made.body))


def sandbox(state: VantaxState) -> Reply:
    """The sandbox's answer to the connector's read (the default key's)."""

    def reply(path: str, params: dict[str, str | int]) -> Answer:
        query = {k: str(v) for k, v in params.items()}
        if path == "appointments":
            return of(state.list_appointments(query))
        if path == "contacts":
            return of(state.list_contacts(query))
        if path == "calendars":
            return of(state.list_calendars(query))
        return of(state.get_calendar(path.removeprefix("calendars/")))

    return reply


def body(**changes: Any) -> dict[str, Any]:
    made = {
        "contact_id": "ct_4f8a21",
        "calendar_id": "cal_22f9",
        "title": "Dental cleaning consultation",
        "appointment_date": "2026-06-09T15:00:00Z",
        "duration": 30,
        "location": "Downtown Clinic, Suite 200",
        "sub_account_id": SUB,
    }
    made.update(changes)
    return made


def test_the_sandbox_create_and_update_read_like_the_example(
    state: VantaxState, connector: VantaxConnector
) -> None:
    made = connector.classify(of(state.create(body())), desk_booking())
    assert isinstance(made, Accepted) and made.booking.remote_id
    assert made.booking.extra["title"] == "Dental cleaning consultation"
    moved = made.booking.with_changes(visit_status=VisitStatus.CANCELLED)
    patched = state.patch(str(made.booking.remote_id), {"status": "cancelled"})
    updated = connector.classify(of(patched), moved)
    assert isinstance(updated, Accepted)
    assert updated.booking.visit_status is VisitStatus.CANCELLED


def test_the_sandbox_list_reads_like_the_record_example(
    state: VantaxState, connector: VantaxConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    state.create(body())
    state.create(body(appointment_date="2026-06-10T15:00:00Z", status="scheduled"))
    reads(connector, monkeypatch, sandbox(state))
    connector.pull_catalog([date(2026, 6, 8) + timedelta(days=n) for n in range(4)])
    got = connector.pull_bookings(None)
    assert [b.start for b in got] == [START + timedelta(days=1), START]  # newest first
    assert [b.sync_state for b in got] == [SyncState.AWAITING_CONFIRMATION, SyncState.CONFIRMED]
    assert all(b.patient_name == "Jordan Lee" and b.resource_id == "cal_22f9" for b in got)


def test_the_sandbox_catalog_and_contacts_read_like_the_examples(
    state: VantaxState, connector: VantaxConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads(connector, monkeypatch, sandbox(state))
    catalog = connector.pull_catalog([date(2026, 6, 9)])
    assert [r.id for r in catalog.resources] == ["cal_22f9", "cal_5b7d", "cal_0c4e"]  # by name
    assert catalog.policy.extra == {"sub_account_id": SUB, "contacts": ["ct_4f8a21"]}
    assert connector._title(desk_booking(service_id="svc_cal_5b7d")) == ("New patient consultation")
    jordan = desk_booking(
        extra={},
        patient_name="Jordan Lee",
        patient_phone="+1 212 555 0142",
        patient_email="jordan.lee@example.com",
    )
    found = connector.create_patient(jordan, "op-1")
    assert isinstance(found, Accepted) and found.patient_ref == "ct_4f8a21"


def test_the_sandbox_refusals_read_like_the_error_envelope(
    state: VantaxState, connector: VantaxConnector
) -> None:
    inactive = "Calendar cal_0c4e is inactive and does not accept appointments"
    cases = [
        (body(calendar_id="cal_x"), 404, "not_found", "Calendar cal_x not found"),
        (
            body(sub_account_id="sub_5c03b7d1"),
            404,
            "not_found",
            "Sub-account sub_5c03b7d1 not found",
        ),
        (body(calendar_id="cal_0c4e"), 409, "conflict", inactive),
        (
            body(duration="30"),
            422,
            "validation_failed",
            "Validation failed: duration must be an integer",
        ),
    ]
    for sent, status, code, message in cases:
        outcome = connector.classify(of(state.create(sent)), desk_booking())
        assert isinstance(outcome, Refused) and not outcome.credentials
        assert outcome.verdict.as_json() == {"status": status, "code": code, "message": message}
    assert state.appointments() == []


def post_in_process(state: VantaxState, key: str) -> Answer:
    """A create through the sandbox's ASGI app (its key gate), without a socket."""

    async def send() -> httpx.Response:
        transport = httpx.ASGITransport(app=vantax_app(state))
        async with httpx.AsyncClient(transport=transport, base_url="http://sandbox") as client:
            return await client.post(
                "/v1/appointments", json=body(), headers={"Authorization": f"Bearer {key}"}
            )

    reply = asyncio.run(send())
    return Answer(reply.status_code, {}, reply.text)


def test_the_sandbox_gate_errors_read_like_the_error_envelope(
    state: VantaxState, connector: VantaxConnector
) -> None:
    for key, status, code in (
        (AGENCY_KEY, 403, "forbidden_scope"),
        ("vx_nope", 401, "unauthorized"),
    ):
        outcome = connector.classify(post_in_process(state, key), desk_booking())
        assert isinstance(outcome, Refused) and outcome.credentials
        assert (outcome.verdict.status, outcome.verdict.code) == (status, code)
    assert state.appointments() == []

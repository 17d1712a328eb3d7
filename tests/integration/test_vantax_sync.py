"""VantaX end to end against a real loopback sandbox: book at the desk (offline), sync exactly
once (the contact's operation first, then the appointment's, which waits for it; a lost create
answer is looked up, not trusted to a replay), reschedule and cancel through the connector;
the pull reads the desk's span with the documented list parameters only."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.verdict import Severity
from frontdesk.providers.base import Accepted
from frontdesk.providers.vantax import VantaxConnector
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.server import ProviderServer
from frontdesk.sandbox.vantax.state import VantaxState
from support.net import MovableClock, free_port

SUB = "sub_8a1f4c2e"
ZONE = "America/New_York"
START = (datetime.now(UTC) + timedelta(days=10)).replace(hour=15, minute=0, second=0, microsecond=0)


@pytest.fixture
def vx() -> Iterator[ProviderServer]:
    with SandboxServer(rate_limit=0, providers=("vantax",)) as server:
        yield server.provider("vantax")


def state_of(server: ProviderServer) -> VantaxState:
    st = server.build.state
    assert isinstance(st, VantaxState)
    return st


@pytest.fixture
def contexts(tmp_path: Path) -> Iterator[list[AppContext]]:
    made: list[AppContext] = []
    yield made
    for ctx in made:
        ctx.close()


def connect(contexts: list[AppContext], tmp_path: Path, server: ProviderServer) -> AppContext:
    ctx = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
    contexts.append(ctx)
    ctx.connect(
        "vantax",
        "Downtown",
        server.base_url,
        server.build.api_key,
        {"sub_account_id": SUB, "timezone": ZONE},
    )
    ctx.engine.clock = MovableClock()
    for cid in ctx.connectors:
        ctx.engine.pull(cid)
    return ctx


def request(ctx: AppContext, **changes: object) -> BookingRequest:
    values: dict[str, object] = {
        "connection_id": ctx.connections()[0].id,
        "service_id": "svc_cal_22f9",
        "resource_id": "cal_22f9",
        "start": START,
        "patient_name": "Amelia Hart",
        "patient_phone": "+1 212 555 0100",
        "patient_email": "amelia@example.com",
    }
    values.update(changes)
    return BookingRequest.model_validate(values)


def connector(ctx: AppContext) -> VantaxConnector:
    found = next(iter(ctx.connectors.values()))
    assert isinstance(found, VantaxConnector)
    return found


def advance(ctx: AppContext) -> None:
    clock = ctx.engine.clock
    assert isinstance(clock, MovableClock)
    clock.advance(600)


def test_catalog_maps_calendars_to_resources_and_services(
    vx: ProviderServer, contexts: list[AppContext], tmp_path: Path
) -> None:
    ctx = connect(contexts, tmp_path, vx)
    catalog = ctx.booking.catalog_for(ctx.connections()[0].id, START)
    assert catalog.policy.timezone == "America/New_York"
    assert sorted(r.id for r in catalog.resources) == ["cal_0c4e", "cal_22f9", "cal_5b7d"]
    service = catalog.service("svc_cal_5b7d")
    assert service is not None and service.duration_minutes == 45
    assert service.name == "New patient consultation"
    inactive = catalog.resource("cal_0c4e")
    assert inactive is not None and inactive.extra["is_active"] is False
    assert catalog.policy.timezone == ZONE  # the connection's option: VantaX has no zone
    assert catalog.policy.extra == {"sub_account_id": SUB, "contacts": ["ct_4f8a21"]}


def test_book_while_down_then_contact_and_appointment_arrive_exactly_once(
    contexts: list[AppContext], tmp_path: Path
) -> None:
    port = free_port()
    server = SandboxServer(port=port, rate_limit=0, providers=("vantax",)).start()
    ctx = connect(contexts, tmp_path, server.provider("vantax"))
    server.stop()

    booking = ctx.booking.book(request(ctx))
    assert booking.sync_state is SyncState.PENCILLED
    report = ctx.engine.drain()
    assert (report.confirmed, report.retrying) == (0, 1)

    server = SandboxServer(port=port, rate_limit=0, providers=("vantax",)).start()
    try:
        state = state_of(server.provider("vantax"))
        advance(ctx)
        assert ctx.engine.drain().confirmed == 2  # the contact, then the appointment
        advance(ctx)
        assert ctx.engine.drain().sent == 0
        made = [c for c in state.contacts() if c["phone"] == "+12125550100"]
        assert len(made) == 1
        assert made[0]["first_name"] == "Amelia" and made[0]["last_name"] == "Hart"
        remote = state.appointments()
        assert len(remote) == 1
        assert remote[0]["contact_id"] == made[0]["id"]
        assert remote[0]["title"] == "Dental cleaning" and remote[0]["duration"] == 30
        stored = ctx.repo.booking(booking.id)
        assert stored is not None and stored.sync_state is SyncState.CONFIRMED
        assert stored.remote_id == remote[0]["id"]
        assert stored.extra["contact_id"] == made[0]["id"]

        # reschedule and cancel through the connector
        later = stored.start + timedelta(days=1, hours=1)
        moved = connector(ctx).reschedule(
            stored.with_changes(start=later, end=later + timedelta(minutes=30)), "op-move"
        )
        assert isinstance(moved, Accepted)
        assert state.appointments()[0]["appointment_date"] == later.strftime("%Y-%m-%dT%H:%M:%SZ")
        cancelled = connector(ctx).cancel(moved.booking, "op-cancel")
        assert isinstance(cancelled, Accepted)
        assert cancelled.booking.visit_status is VisitStatus.CANCELLED
        assert state.appointments()[0]["status"] == "cancelled"
        assert len(state.appointments()) == 1
    finally:
        server.stop()


def test_lost_contact_answer_still_one_contact_and_one_appointment(
    vx: ProviderServer, contexts: list[AppContext], tmp_path: Path
) -> None:
    ctx = connect(contexts, tmp_path, vx)
    state = state_of(vx)
    booking = ctx.booking.book(request(ctx))
    state.faults.drop_next_answers(1)  # the first write is POST /contacts
    report = ctx.engine.drain()
    assert (report.confirmed, report.retrying) == (0, 1)
    assert len(state.contacts()) == 3 and state.appointments() == []
    advance(ctx)
    assert ctx.engine.drain().confirmed == 2
    assert len(state.contacts()) == 3  # found by the search, not created again
    assert len(state.appointments()) == 1
    stored = ctx.repo.booking(booking.id)
    assert stored is not None and stored.remote_id == state.appointments()[0]["id"]


def test_lost_appointment_answer_is_looked_up_not_resent(
    vx: ProviderServer, contexts: list[AppContext], tmp_path: Path
) -> None:
    ctx = connect(contexts, tmp_path, vx)
    state = state_of(vx)
    existing = state.create_contact(
        {
            "first_name": "Amelia",
            "last_name": "Hart",
            "email": "AMELIA@example.com",
            "phone": "+12125550100",
            "sub_account_id": SUB,
        }
    )
    booking = ctx.booking.book(request(ctx))
    state.faults.drop_next_answers(1)  # the contact exists: the first write is the appointment
    report = ctx.engine.drain()
    assert (report.confirmed, report.retrying) == (1, 1)  # the contact was found
    assert len(state.appointments()) == 1  # the server did commit it
    state._keys.clear()  # VantaX documents no replay: the desk must not need one
    calls = record_calls(ctx)
    advance(ctx)
    assert ctx.engine.drain().confirmed == 1
    assert len(state.appointments()) == 1
    assert state.appointments()[0]["contact_id"] == existing.body["data"]["id"]
    history = [event for _, event, detail, _ in ctx.repo.history(booking.id)]
    assert history == ["created", "contact created", "synced"]
    details = [detail for _, _, detail, _ in ctx.repo.history(booking.id)]
    assert details[-1] is not None and "already held remotely" in details[-1]
    # looked up by its time (start_date = end_date, both inclusive) and calendar; not resent
    stamp = booking.start.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert [(m, p) for m, p, _ in calls] == [("GET", "appointments")]
    assert calls[0][2] == {
        "sub_account_id": SUB,
        "start_date": stamp,
        "end_date": stamp,
        "calendar_id": "cal_22f9",
        "limit": 100,
    }


def record_calls(ctx: AppContext) -> list[tuple[str, str, dict[str, Any]]]:
    """Every request the connection's connector sends from now on: method, path, query."""
    calls: list[tuple[str, str, dict[str, Any]]] = []
    http = connector(ctx)._http
    send = http.request

    def spy(method: str, path: str, **kwargs: Any) -> Any:
        calls.append((method, path, dict(kwargs.get("params") or {})))
        return send(method, path, **kwargs)

    http.request = spy  # type: ignore[method-assign]
    return calls


def test_the_pull_reads_the_desks_span_with_the_documented_parameters(
    vx: ProviderServer, contexts: list[AppContext], tmp_path: Path
) -> None:
    """No sub-account list (an agency key's), no updated_since (not documented): calendars,
    contacts and one inclusive window of appointments, each naming the sub-account."""
    ctx = connect(contexts, tmp_path, vx)
    calls = record_calls(ctx)
    advance(ctx)  # a second pull: one with a last refresh to start from
    ctx.engine.pull(ctx.connections()[0].id)
    assert [p for _, p, _ in calls] == ["calendars", "contacts", "appointments"]
    assert all(m == "GET" and q["sub_account_id"] == SUB and q["limit"] == 100 for m, _, q in calls)
    window = calls[2][2]
    assert set(window) == {"sub_account_id", "start_date", "end_date", "limit"}
    zone = ZoneInfo(ZONE)
    today = ctx.engine.clock().astimezone(zone).date()
    first, last = today - timedelta(days=1), today + timedelta(days=ctx.engine.catalog_days - 1)

    def utc(day: date, at: time) -> str:
        moment = datetime.combine(day, at, tzinfo=zone).astimezone(UTC)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")

    assert window["start_date"] == utc(first, time(0, 0))
    assert window["end_date"] == utc(last, time(23, 59, 59))


def test_the_pull_keeps_bookings_on_the_windows_last_second(
    vx: ProviderServer, contexts: list[AppContext], tmp_path: Path
) -> None:
    ctx = connect(contexts, tmp_path, vx)
    zone = ZoneInfo(ZONE)
    last = ctx.engine.clock().astimezone(zone).date() + timedelta(days=ctx.engine.catalog_days - 1)
    edge = datetime.combine(last, time(23, 59, 59), tzinfo=zone).astimezone(UTC)
    beyond = edge + timedelta(seconds=1)
    state = state_of(vx)
    for when in (edge, beyond):
        state.create(
            {
                "contact_id": "ct_4f8a21",
                "title": "Edge",
                "appointment_date": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "sub_account_id": SUB,
                "calendar_id": "cal_22f9",
            }
        )
    ctx.engine.pull(ctx.connections()[0].id)
    pulled = ctx.repo.bookings_between(edge - timedelta(hours=1), beyond + timedelta(hours=1))
    assert [b.start for b in pulled] == [edge]  # end_date is inclusive; the next second is out


def test_desk_refuses_now_what_vantax_would_refuse(
    vx: ProviderServer, contexts: list[AppContext], tmp_path: Path
) -> None:
    ctx = connect(contexts, tmp_path, vx)
    with pytest.raises(BookingRefused) as no_email:
        ctx.booking.book(request(ctx, patient_email=None))
    verdict = no_email.value.verdicts[0]
    # the desk's form asks for what VantaX's contact needs before the rules run
    assert (verdict.status, verdict.field) == (400, "patient_email")
    assert verdict.code == "VALIDATION_ERROR"
    with pytest.raises(BookingRefused) as one_word:
        ctx.booking.book(request(ctx, patient_name="Madonna"))
    assert one_word.value.verdicts[0].message == "Validation failed: last_name is required"
    with pytest.raises(BookingRefused) as local_phone:  # the desk reads it in the clinic's region
        ctx.booking.book(request(ctx, patient_phone="02125550100"))
    assert (local_phone.value.verdicts[0].code, local_phone.value.verdicts[0].field) == (
        "PHONE_INVALID",
        "patient_phone",
    )
    with pytest.raises(BookingRefused) as inactive:
        ctx.booking.book(request(ctx, service_id="svc_cal_0c4e", resource_id="cal_0c4e"))
    assert (inactive.value.verdicts[0].status, inactive.value.verdicts[0].code) == (409, "conflict")
    assert ctx.repo.outbox.pending_count() == 0


def test_refused_at_sync_needs_attention(
    vx: ProviderServer, contexts: list[AppContext], tmp_path: Path
) -> None:
    ctx = connect(contexts, tmp_path, vx)
    state = state_of(vx)
    booking = ctx.booking.book(request(ctx))
    # meanwhile someone deactivates the calendar
    state.clinic.calendars = [
        c if c.id != "cal_22f9" else type(c)(**{**c.__dict__, "is_active": False})
        for c in state.clinic.calendars
    ]
    assert ctx.engine.drain().refused == 1
    stored = ctx.repo.booking(booking.id)
    assert stored is not None and stored.sync_state is SyncState.NEEDS_ATTENTION
    assert stored.problem_code == "conflict"


def test_pull_brings_remote_appointments_with_their_contact(
    vx: ProviderServer, contexts: list[AppContext], tmp_path: Path
) -> None:
    state = state_of(vx)
    made = state.create(
        {
            "contact_id": "ct_4f8a21",
            "calendar_id": "cal_5b7d",
            "title": "Consult",
            "appointment_date": START.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "sub_account_id": SUB,
            "status": "scheduled",
        }
    )
    ctx = connect(contexts, tmp_path, vx)
    pulled = ctx.repo.bookings_between(START - timedelta(hours=1), START + timedelta(hours=1))
    assert len(pulled) == 1
    booking: Booking = pulled[0]
    assert booking.remote_id == made.body["data"]["id"]
    assert booking.patient_name == "Jordan Lee" and booking.patient_phone == "+12125550142"
    assert booking.end - booking.start == timedelta(minutes=45)
    assert booking.sync_state is SyncState.AWAITING_CONFIRMATION
    assert booking.extra["contact_id"] == "ct_4f8a21"


def test_find_existing_wants_the_same_time_calendar_and_contact_not_cancelled(
    vx: ProviderServer, contexts: list[AppContext], tmp_path: Path
) -> None:
    ctx = connect(contexts, tmp_path, vx)
    state = state_of(vx)
    stamp = START.strftime("%Y-%m-%dT%H:%M:%SZ")
    body = {
        "contact_id": "ct_4f8a21",
        "title": "Dental cleaning",
        "appointment_date": stamp,
        "sub_account_id": SUB,
        "calendar_id": "cal_22f9",
    }
    ours = ctx.booking.draft(request(ctx)).with_changes(extra={"contact_id": "ct_4f8a21"})
    assert connector(ctx).find_existing(ours) is None
    state.create({**body, "status": "cancelled"})
    state.create({**body, "calendar_id": "cal_5b7d"})
    state.create({**body, "appointment_date": stamp.replace(":00:00Z", ":30:00Z")})
    assert connector(ctx).find_existing(ours) is None
    made = state.create(body).body["data"]
    found = connector(ctx).find_existing(ours)
    assert found is not None and found.remote_id == made["id"]
    assert connector(ctx).find_existing(ours.with_changes(extra={"contact_id": "ct_x"})) is None
    # a create queued before contacts were operations: matched by the contact's phone and email
    legacy = ours.with_changes(
        extra={},
        patient_name="Jordan Lee",
        patient_phone="+1 212 555 0142",
        patient_email="jordan.lee@example.com",
    )
    again = connector(ctx).find_existing(legacy)
    assert again is not None and again.remote_id == made["id"]


def test_an_overlap_is_a_risk_at_the_desk_never_a_refusal(
    vx: ProviderServer, contexts: list[AppContext], tmp_path: Path
) -> None:
    """VantaX publishes no hours or overlap rule: the desk warns from its cached bookings."""
    ctx = connect(contexts, tmp_path, vx)
    ctx.booking.book(request(ctx))
    other = request(
        ctx, patient_name="Ben Hart", patient_phone="+12125550101", patient_email="b@example.com"
    )
    verdicts = ctx.booking.validate(other)
    risk = next(v for v in verdicts if v.code == "OVERLAP_RISK")
    assert risk.severity is Severity.RISK and risk.field == "start"
    assert "may judge this differently" in str(risk.message)
    elsewhere = request(
        ctx,
        service_id="svc_cal_5b7d",
        resource_id="cal_5b7d",
        patient_name="Ben Hart",
        patient_phone="+12125550101",
        patient_email="b@example.com",
    )
    assert all(v.code != "OVERLAP_RISK" for v in ctx.booking.validate(elsewhere))
    ctx.booking.book(other)  # a risk does not stop the booking
    assert ctx.engine.drain().confirmed == 4  # two contacts, two appointments: VantaX takes both
    assert len(state_of(vx).appointments()) == 2

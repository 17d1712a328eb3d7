"""VantaX contacts as operations of their own, against a real loopback sandbox: a new patient's
contact is queued before their appointment, which waits for it; every booking of that patient
queued meanwhile shares it; a refused contact refuses them all without sending anything else;
a lost answer after the contact was committed still leaves exactly one contact."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from frontdesk.app import sync_status
from frontdesk.app.context import AppContext
from frontdesk.app.importer import import_csv
from frontdesk.app.paths import Paths
from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.outbox import PATIENT_REF, Operation, OperationKind, OperationState
from frontdesk.domain.timeutil import to_local
from frontdesk.providers.base import Accepted, Ambiguous
from frontdesk.providers.vantax import VantaxConnector
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.fault_spec import FaultInjector, FaultSpec
from frontdesk.sandbox.server import ProviderServer
from frontdesk.sandbox.vantax.state import VantaxState
from frontdesk.storage.rows import operation_of_row
from frontdesk.storage.tables import OutboxRow
from support.net import MovableClock

SUB = "sub_8a1f4c2e"
ZONE = "America/New_York"
START = (datetime.now(UTC) + timedelta(days=10)).replace(hour=15, minute=0, second=0, microsecond=0)
PHONE = "+12125550100"
K = OperationKind


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0, providers=("vantax",), faults=FaultSpec(rates={})) as running:
        yield running


@pytest.fixture
def ctx(server: SandboxServer, tmp_path: Path) -> Iterator[AppContext]:
    api = server.provider("vantax")
    context = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
    context.connect(
        "vantax",
        "Downtown",
        api.base_url,
        api.build.api_key,
        {"sub_account_id": SUB, "timezone": ZONE},
    )
    context.engine.clock = MovableClock()
    for cid in context.connectors:
        context.engine.pull(cid)
    try:
        yield context
    finally:
        context.close()


def state_of(server: SandboxServer) -> VantaxState:
    api: ProviderServer = server.provider("vantax")
    st = api.build.state
    assert isinstance(st, VantaxState)
    return st


def injector(server: SandboxServer) -> FaultInjector:
    return server.injectors["vantax"]


def request(ctx: AppContext, hours: int = 0, **changes: object) -> BookingRequest:
    values: dict[str, object] = {
        "connection_id": ctx.connections()[0].id,
        "service_id": "svc_cal_22f9",
        "resource_id": "cal_22f9",
        "start": START + timedelta(hours=hours),
        "patient_name": "Amelia Hart",
        "patient_phone": "+1 212 555 0100",
        "patient_email": "amelia@example.com",
    }
    values.update(changes)
    return BookingRequest.model_validate(values)


def ops(ctx: AppContext, booking_id: str | None = None) -> list[Operation]:
    with ctx.repo.db.read() as s:
        query = s.query(OutboxRow).order_by(OutboxRow.id)
        if booking_id is not None:
            query = query.filter(OutboxRow.booking_id == booking_id)
        return [operation_of_row(r) for r in query]


def stored(ctx: AppContext, booking_id: str) -> Booking:
    found = ctx.repo.booking(booking_id)
    assert found is not None
    return found


def contacts_of(server: SandboxServer, phone: str = PHONE) -> list[dict[str, Any]]:
    return [c for c in state_of(server).contacts() if c["phone"] == phone]


def advance(ctx: AppContext) -> None:
    clock = ctx.engine.clock
    assert isinstance(clock, MovableClock)
    clock.advance(600)


def test_two_bookings_of_one_new_patient_make_one_contact(
    server: SandboxServer, ctx: AppContext
) -> None:
    first = ctx.booking.book(request(ctx))
    second = ctx.booking.book(request(ctx, hours=2, service_id="svc_cal_5b7d"))
    patient, create = ops(ctx, first.id)
    (waiting,) = ops(ctx, second.id)
    assert patient.kind is K.CREATE_PATIENT and patient.depends_on is None
    assert create.depends_on == patient.id and waiting.depends_on == patient.id

    # the waiting list says what the contact is for, in plain words
    overview = sync_status.overview(ctx)
    zone = ctx.booking.catalog_for(first.connection_id).policy.timezone
    when = f"{to_local(first.start, zone):%a %d %b %H:%M}"
    words = [
        sync_status.change_words(op, when, "Dental cleaning", overview.providers[op.connection_id])
        for op, _ in overview.queued
    ]
    assert words[0] == f"VantaX contact for {when} Dental cleaning"
    assert words[1:] == ["new booking", "new booking"]

    report = ctx.engine.drain()
    assert (report.confirmed, report.refused, report.retrying) == (3, 0, 0)
    made = contacts_of(server)
    assert len(made) == 1
    appointments = state_of(server).appointments()
    assert len(appointments) == 2
    assert {a["contact_id"] for a in appointments} == {made[0]["id"]}
    for booking_id in (first.id, second.id):
        booking = stored(ctx, booking_id)
        assert booking.sync_state is SyncState.CONFIRMED
        assert booking.extra[PATIENT_REF] == made[0]["id"]
        events = [event for _, event, _, _ in ctx.repo.history(booking_id)]
        assert events == ["created", "contact created", "synced"]

    # the patient's contact is known now: a third booking names it and waits for nothing
    third = ctx.booking.book(request(ctx, hours=4))
    (only,) = ops(ctx, third.id)
    assert only.kind is K.CREATE and only.depends_on is None
    assert stored(ctx, third.id).extra[PATIENT_REF] == made[0]["id"]
    assert ctx.engine.drain().confirmed == 1
    assert len(contacts_of(server)) == 1 and len(state_of(server).appointments()) == 3


def test_a_pulled_patients_contact_is_used_without_a_contact_operation(
    server: SandboxServer, tmp_path: Path
) -> None:
    state = state_of(server)
    state.create(
        {
            "contact_id": "ct_4f8a21",
            "calendar_id": "cal_5b7d",
            "title": "Consult",
            "appointment_date": (START - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "sub_account_id": SUB,
        }
    )
    api = server.provider("vantax")
    context = AppContext(Paths.resolve(tmp_path / "pulled"), use_keyring=False)
    try:
        context.connect(
            "vantax",
            "D",
            api.base_url,
            api.build.api_key,
            {"sub_account_id": SUB, "timezone": ZONE},
        )
        for cid in context.connectors:
            context.engine.pull(cid)
        booking = context.booking.book(
            request(
                context,
                patient_name="Jordan Lee",
                patient_phone="+1 212 555 0142",
                patient_email="jordan.lee@example.com",
            )
        )
        assert [(o.kind, o.depends_on) for o in ops(context, booking.id)] == [(K.CREATE, None)]
        assert context.engine.drain().confirmed == 1
        ours = [a for a in state.appointments() if a["title"] == "Dental cleaning"]
        assert [a["contact_id"] for a in ours] == ["ct_4f8a21"]
        assert len(state.contacts()) == 2  # the sandbox's own two: none made
    finally:
        context.close()


def test_a_refused_contact_refuses_every_booking_waiting_and_sends_nothing_else(
    server: SandboxServer, ctx: AppContext
) -> None:
    first = ctx.booking.book(request(ctx))
    second = ctx.booking.book(request(ctx, hours=2))
    state = state_of(server)
    clinic = state.clinic
    kept = list(clinic.sub_accounts)
    clinic.sub_accounts = [s for s in kept if s.id != SUB]  # the sub-account goes meanwhile

    report = ctx.engine.drain()
    assert (report.confirmed, report.refused, report.retrying) == (0, 1, 0)
    assert state.appointments() == [] and contacts_of(server) == []
    reason = f"the patient's VantaX contact was refused: Sub-account {SUB} not found"
    for booking_id in (first.id, second.id):
        booking = stored(ctx, booking_id)
        assert booking.sync_state is SyncState.NEEDS_ATTENTION
        assert (booking.problem_code, booking.problem_message) == ("not_found", reason)
        assert "refused" in [event for _, event, _, _ in ctx.repo.history(booking_id)]
    assert {b.id for b in ctx.repo.needs_attention()} == {first.id, second.id}
    assert [(o.kind, o.state, o.attempts) for o in ops(ctx)] == [
        (K.CREATE_PATIENT, OperationState.FAILED, 1),
        (K.CREATE, OperationState.FAILED, 0),  # never sent
        (K.CREATE, OperationState.FAILED, 0),
    ]
    advance(ctx)
    assert ctx.engine.drain().sent == 0

    # the desk's usual answers: rebook one (its contact is queued again), cancel the other
    clinic.sub_accounts = kept
    ctx.booking.reschedule(first.id, START + timedelta(days=1))
    ctx.booking.cancel(second.id)
    assert ctx.engine.drain().confirmed == 2
    made = contacts_of(server)
    assert len(made) == 1
    assert [a["contact_id"] for a in state.appointments()] == [made[0]["id"]]
    assert stored(ctx, first.id).sync_state is SyncState.CONFIRMED


@pytest.mark.parametrize("fault", ["drop", "garbage", "reset"])
def test_a_lost_contact_answer_leaves_one_contact(
    server: SandboxServer, ctx: AppContext, fault: str
) -> None:
    first = ctx.booking.book(request(ctx))
    second = ctx.booking.book(request(ctx, hours=2))
    # the contact operation's requests: the search, then POST /contacts
    injector(server).script([None, fault])
    report = ctx.engine.drain()
    injector(server).script([])
    assert (report.confirmed, report.retrying) == (0, 1)
    committed = fault != "reset"  # a reset cuts the request before it is done
    assert len(contacts_of(server)) == (1 if committed else 0)
    assert state_of(server).appointments() == []
    patient = ops(ctx, first.id)[0]
    assert patient.state is OperationState.QUEUED and patient.sent_at is not None
    advance(ctx)
    assert ctx.engine.drain().confirmed == 3
    made = contacts_of(server)
    assert len(made) == 1
    appointments = state_of(server).appointments()
    assert len(appointments) == 2 and {a["contact_id"] for a in appointments} == {made[0]["id"]}
    assert stored(ctx, second.id).extra[PATIENT_REF] == made[0]["id"]


def test_a_resent_contact_with_the_same_key_is_replayed(
    server: SandboxServer, ctx: AppContext
) -> None:
    """The contact's key is the operation's own: a resend that does not find the contact by
    its search still gets the first answer back, not a second contact."""
    connector = next(iter(ctx.connectors.values()))
    assert isinstance(connector, VantaxConnector)
    booking = ctx.booking.draft(request(ctx))
    injector(server).script([None, "drop"])
    assert isinstance(connector.create_patient(booking, "op-key-1"), Ambiguous)
    made = contacts_of(server)
    assert len(made) == 1
    connector._list = lambda path, model, params: []  # type: ignore[method-assign]  # misses
    again = connector.create_patient(booking, "op-key-1")
    assert isinstance(again, Accepted) and again.replayed
    assert again.patient_ref == made[0]["id"] and len(contacts_of(server)) == 1


def test_cancelling_the_only_booking_withdraws_its_unsent_contact(
    server: SandboxServer, ctx: AppContext
) -> None:
    booking = ctx.booking.book(request(ctx))
    ctx.booking.cancel(booking.id)
    assert {o.state for o in ops(ctx)} == {OperationState.WITHDRAWN}
    assert ctx.engine.drain().sent == 0
    assert contacts_of(server) == []


def test_cancelling_one_of_two_bookings_keeps_the_contact_for_the_other(
    server: SandboxServer, ctx: AppContext
) -> None:
    first = ctx.booking.book(request(ctx))
    second = ctx.booking.book(request(ctx, hours=2))
    ctx.booking.cancel(first.id)
    queued = [(o.booking_id, o.kind) for o in ops(ctx) if o.state is OperationState.QUEUED]
    assert queued == [(second.id, K.CREATE_PATIENT), (second.id, K.CREATE)]
    assert ctx.engine.drain().confirmed == 2
    made = contacts_of(server)
    assert len(made) == 1
    assert [a["contact_id"] for a in state_of(server).appointments()] == [made[0]["id"]]


def test_a_contact_that_may_have_been_made_is_finished_after_a_cancel(
    server: SandboxServer, ctx: AppContext
) -> None:
    first = ctx.booking.book(request(ctx))
    injector(server).script([None, "drop"])  # the contact is made, its answer lost
    assert ctx.engine.drain().retrying == 1
    injector(server).script([])
    ctx.booking.cancel(first.id)  # the appointment never left: cancelled at the desk only
    advance(ctx)
    assert ctx.engine.drain().confirmed == 1  # the contact's operation finishes
    assert state_of(server).appointments() == []
    contact = contacts_of(server)[0]["id"]
    assert stored(ctx, first.id).extra[PATIENT_REF] == contact
    later = ctx.booking.book(request(ctx, hours=3))
    assert [o.kind for o in ops(ctx, later.id)] == [K.CREATE]  # the contact is known
    assert ctx.engine.drain().confirmed == 1
    assert len(contacts_of(server)) == 1


def test_patient_details_edited_before_the_contact_leaves_are_sent(
    server: SandboxServer, ctx: AppContext
) -> None:
    booking = ctx.booking.book(request(ctx))
    edited = stored(ctx, booking.id).with_changes(patient_email="amelia.hart@example.org")
    ctx.repo.save_booking(edited, "edited", "email", "desk")
    assert ctx.engine.drain().confirmed == 2
    (made,) = contacts_of(server)
    assert made["email"] == "amelia.hart@example.org"


def test_a_create_queued_before_contacts_had_operations_still_makes_its_contact(
    server: SandboxServer, ctx: AppContext
) -> None:
    draft = ctx.booking.draft(request(ctx))
    ctx.repo.book(draft, K.CREATE, {}, "an-old-key", "desk")  # no contact operation before it
    assert [o.kind for o in ops(ctx)] == [K.CREATE]
    assert ctx.engine.drain().confirmed == 1
    made = contacts_of(server)
    assert len(made) == 1
    assert [a["contact_id"] for a in state_of(server).appointments()] == [made[0]["id"]]
    assert stored(ctx, draft.id).extra[PATIENT_REF] == made[0]["id"]


def test_an_import_makes_one_contact_per_new_patient(
    server: SandboxServer, ctx: AppContext, tmp_path: Path
) -> None:
    stamp = START.strftime("%Y-%m-%dT%H:%M:00Z")
    later = (START + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:00Z")
    csv_file = tmp_path / "bookings.csv"
    csv_file.write_text(
        "service,start,resource,patient_name,patient_phone,patient_email\n"
        f"Dental cleaning,{stamp},cal_22f9,Amelia Hart,{PHONE},amelia@example.com\n"
        f"Dental cleaning,{later},cal_22f9,Amelia Hart,{PHONE},amelia@example.com\n"
        f"Dental cleaning,{stamp},cal_22f9,Ben Hart,+12125550101,ben@example.com\n",
        encoding="utf-8",
    )
    report = import_csv(ctx.booking, ctx.connections()[0].id, csv_file, "desk")
    assert (report.written, report.problems) == (3, [])
    assert [o.kind for o in ops(ctx)].count(K.CREATE_PATIENT) == 2
    assert ctx.engine.drain().confirmed == 5
    assert len(contacts_of(server)) == 1 and len(contacts_of(server, "+12125550101")) == 1
    assert len(state_of(server).appointments()) == 3


def test_a_deactivated_contact_is_not_booked_again(server: SandboxServer, ctx: AppContext) -> None:
    """The search asks for active contacts (``status=active``): booking a deactivated one is
    undocumented, so the patient gets a new, active contact."""
    state = state_of(server)
    old = state.create_contact(
        {
            "first_name": "Amelia",
            "last_name": "Hart",
            "email": "amelia@example.com",
            "phone": PHONE,
            "sub_account_id": SUB,
            "status": "deactivated",
        }
    ).body["data"]
    booking = ctx.booking.book(request(ctx))
    assert ctx.engine.drain().confirmed == 2
    made = [c for c in contacts_of(server) if c["id"] != old["id"]]
    assert len(made) == 1 and made[0]["status"] == "active"
    assert stored(ctx, booking.id).extra[PATIENT_REF] == made[0]["id"]

"""Sends killed after their claim, against a real HuskyVoice sandbox over loopback, on each kind
of store: a sender that died (its claim taken over) made no failed attempt, so it pushes the
next attempt back by nothing, while attempts the booking system failed do (the negative
control); a send taken over again and again without an answer (one that stops whatever sends
it) is held back for a person instead of stalling the queue, and an answer stored sets the
count back."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import time, timedelta

import pytest

from frontdesk.app import sync_status
from frontdesk.app.context import AppContext
from frontdesk.domain.booking import SyncState
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.outbox import OperationState, Settlement
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.fault_spec import FaultSpec
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from frontdesk.sync.engine import MAX_TAKEOVERS
from frontdesk.sync.senders import abandoned
from support.clinic import MAIN, next_weekday
from support.net import MovableClock
from support.senders import ended_sender

MakeContext = Callable[[str, str], AppContext]
ZONE = "Europe/London"


# each test twice: on a desk's SQLite cache and on a clinic's PostgreSQL store
pytestmark = pytest.mark.usefixtures("on_each_store")


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0, providers=("huskyvoice",), faults=FaultSpec()) as server:
        yield server


def _booked(ctx: AppContext) -> int:
    cid = ctx.connections()[0].id
    start = local_to_utc(next_weekday(2), time(10, 0), ZONE).instant
    ctx.booking.book(
        BookingRequest(
            connection_id=cid,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN,
            start=start,
            patient_name="Kill Test",
            patient_phone="+442071234567",
        )
    )
    (op,) = [op for op, _ in ctx.repo.outbox.operations([OperationState.QUEUED])]
    return op.id


def _next_in(ctx: AppContext, clock: MovableClock) -> float:
    (op,) = [op for op, _ in ctx.repo.outbox.operations([OperationState.QUEUED])]
    return (op.next_attempt_at - clock()).total_seconds()


def test_sends_killed_after_their_claim_do_not_push_the_next_attempt_back(
    sandbox: SandboxServer, make_context: MakeContext
) -> None:
    ctx = make_context(sandbox.base_url, sandbox.api_key)
    clock = MovableClock()
    ctx.engine.clock = clock
    ctx.engine.pull(ctx.connections()[0].id)
    op_id = _booked(ctx)
    for _ in range(8):  # eight senders claim it and die (the request may have left)
        dead, _pid = ended_sender()
        assert ctx.repo.sending.claim(op_id, dead, clock(), abandoned=abandoned) is not None
    (op,) = [op for op, _ in ctx.repo.outbox.operations([OperationState.QUEUED])]
    assert op.attempts == 0 and op.sent_at is not None  # it may have arrived: reconciled
    sandbox.injectors["huskyvoice"].script(["5xx"])
    report = ctx.engine.drain()  # taken over from the last dead sender; the server fails it
    assert (report.sent, report.retrying) == (1, 1)
    assert 0 < _next_in(ctx, clock) <= 2.0  # the first failed attempt's backoff: 1-2 s
    clock.advance(2.1)
    assert ctx.engine.drain().confirmed == 1  # no waiting out the crashes
    (booking,) = ctx.repo.bookings_between(
        clock() - timedelta(days=1), clock() + timedelta(days=30)
    )
    assert booking.sync_state is SyncState.CONFIRMED
    assert len(sandbox.state.appointments()) == 1  # exactly once


def test_attempts_the_booking_system_failed_do_push_it_back(
    sandbox: SandboxServer, make_context: MakeContext
) -> None:
    """The negative control: eight answered failures grow the backoff past two minutes."""
    ctx = make_context(sandbox.base_url, sandbox.api_key)
    clock = MovableClock()
    ctx.engine.clock = clock
    ctx.engine.pull(ctx.connections()[0].id)
    _booked(ctx)
    sandbox.injectors["huskyvoice"].script(["5xx"] * 9)
    for _ in range(8):
        assert ctx.engine.drain().retrying == 1
        ctx.engine.health[ctx.connections()[0].id].open_until = None  # the breaker aside
        clock.advance(301)
    (op,) = [op for op, _ in ctx.repo.outbox.operations([OperationState.QUEUED])]
    assert op.attempts == 8
    assert ctx.engine.drain().retrying == 1
    assert _next_in(ctx, clock) > 120


def _booked_at(ctx: AppContext, hour: int, name: str) -> str:
    cid = ctx.connections()[0].id
    start = local_to_utc(next_weekday(3), time(hour, 0), ZONE).instant
    return ctx.booking.book(
        BookingRequest(
            connection_id=cid,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN,
            start=start,
            patient_name=name,
            patient_phone="+442071234568",
        )
    ).id


def _die_claiming(ctx: AppContext, op_id: int, times: int, clock: MovableClock) -> None:
    for _ in range(times):  # each sender claims it and dies before an answer is stored
        dead, _pid = ended_sender()
        assert ctx.repo.sending.claim(op_id, dead, clock(), abandoned=abandoned) is not None


def test_a_send_that_stops_every_sender_is_held_back_for_a_person(
    sandbox: SandboxServer, make_context: MakeContext
) -> None:
    """Taken over more than MAX_TAKEOVERS times without an answer: not sent, not looked up;
    outcome unknown, said in plain words; the rest of the queue goes on; a person sends it
    again, and it is sent once."""
    ctx = make_context(sandbox.base_url, sandbox.api_key)
    clock = MovableClock()
    ctx.engine.clock = clock
    ctx.engine.pull(ctx.connections()[0].id)
    poisoned = _booked(ctx)
    healthy = _booked_at(ctx, 14, "Next Patient")
    _die_claiming(ctx, poisoned, MAX_TAKEOVERS + 1, clock)  # the first claim takes none over
    report = ctx.engine.drain()  # the engine's claim is the thirteenth take-over
    assert (report.unknown, report.sent, report.confirmed) == (1, 1, 1)  # only the next one
    assert len(sandbox.state.appointments()) == 1
    (op, held) = ctx.repo.outbox.operations([OperationState.UNKNOWN])[0]
    assert op.id == poisoned and held.id != healthy
    assert held.sync_state is SyncState.OUTCOME_UNKNOWN
    assert held.problem_message is not None
    assert f"sync stopped {MAX_TAKEOVERS + 1} times" in held.problem_message
    assert "settle it here" in held.problem_message
    (line,) = sync_status.unknown_lines(ctx)
    assert "sending it stopped the sync again and again" in line
    assert "Kill Test" not in line  # no patient's name in what the CLI prints
    other = ctx.repo.booking(healthy)
    assert other is not None and other.sync_state is SyncState.CONFIRMED
    sync_status.settle(ctx, poisoned, Settlement.SEND_AGAIN)  # a person checked: not there
    report = ctx.engine.drain()
    assert (report.sent, report.confirmed, report.unknown) == (1, 1, 0)
    assert len(sandbox.state.appointments()) == 2  # each once


def test_a_stored_answer_sets_the_take_overs_back(
    sandbox: SandboxServer, make_context: MakeContext
) -> None:
    """Eight take-overs, then an answered failure: the count starts again, so as many
    take-overs as the limit allows later still end in the booking being sent."""
    ctx = make_context(sandbox.base_url, sandbox.api_key)
    clock = MovableClock()
    ctx.engine.clock = clock
    ctx.engine.pull(ctx.connections()[0].id)
    op_id = _booked(ctx)
    _die_claiming(ctx, op_id, 9, clock)
    sandbox.injectors["huskyvoice"].script(["5xx"])
    assert ctx.engine.drain().retrying == 1  # taken over the ninth time, answered: a 5xx
    (op,) = [op for op, _ in ctx.repo.outbox.operations([OperationState.QUEUED])]
    assert op.takeovers == 0 and op.attempts == 1
    clock.advance(301)
    ctx.engine.health[ctx.connections()[0].id].open_until = None
    _die_claiming(ctx, op_id, MAX_TAKEOVERS, clock)  # the engine's claim: the limit itself
    report = ctx.engine.drain()
    assert (report.unknown, report.confirmed) == (0, 1)
    assert len(sandbox.state.appointments()) == 1

"""meetergo provisional bookings whose answer is lost, against the real sandbox. A double
opt-in (or host confirmation) meeting type answers a create with a provisional booking;
meetergo lists those (``GET /v4/provisional-booking/paginated``), so after a lost answer the
desk looks there and finds it: no resend, no doubt. Only where that list cannot be read (a
user without the permission: the sandbox's ``forbidden`` hook answers 403) is the outcome
unknown: the desk must neither resend (a second provisional booking) nor call it done. A
person settles it (it arrived / send again / cancel), or a pull that finds it does."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from frontdesk.app import sync_status
from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.cli.sync_cmd import run_sync
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.outbox import OperationState, Settlement
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.fault_spec import FaultInjector, FaultSpec
from frontdesk.sandbox.meetergo.state import MeetergoState
from support.meetergo import ANNA, API_KEY, BEN, CHECK_IN, OPTIONS, SECOND, at, next_tuesday
from support.net import MovableClock

DAY = next_tuesday()
HOSTS = {CHECK_IN: BEN, SECOND: ANNA}  # double opt-in with Ben; host confirmation with Anna


@pytest.fixture
def server() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0, providers=("meetergo",), faults=FaultSpec()) as running:
        yield running


@pytest.fixture
def ctx(server: SandboxServer, tmp_path: Path) -> Iterator[AppContext]:
    yield from _desk(server, tmp_path)


@pytest.fixture
def blind(server: SandboxServer, tmp_path: Path) -> Iterator[AppContext]:
    """A desk whose API user may not read provisional bookings (403)."""
    state_of(server).forbidden.add("provisional-booking")
    yield from _desk(server, tmp_path)


def _desk(server: SandboxServer, tmp_path: Path) -> Iterator[AppContext]:
    context = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
    context.connect("meetergo", "Praxis", server.provider("meetergo").base_url, API_KEY, OPTIONS)
    context.engine.clock = MovableClock()
    for cid in context.connectors:
        context.engine.pull(cid)
    try:
        yield context
    finally:
        context.close()


def state_of(server: SandboxServer) -> MeetergoState:
    state = server.provider("meetergo").build.state
    assert isinstance(state, MeetergoState)
    return state


def injector(server: SandboxServer) -> FaultInjector:
    return server.injectors["meetergo"]


def later(ctx: AppContext, seconds: float = 600) -> None:
    clock = ctx.engine.clock
    assert isinstance(clock, MovableClock)
    clock.advance(seconds)


def book(ctx: AppContext, type_id: str, hh: int = 10) -> Booking:
    return ctx.booking.book(
        BookingRequest(
            connection_id=ctx.connections()[0].id,
            service_id=type_id,
            resource_id=HOSTS[type_id],
            start=at(DAY, hh),
            patient_name="Erika Mustermann",
            patient_phone="+4930123456",
            patient_email="erika@example.com",
        )
    )


def copies(server: SandboxServer, booking_id: str) -> list[dict[str, Any]]:
    return [
        a
        for a in state_of(server).appointments()
        if a["attendee"]["notes"].get("frontdeskRef") == booking_id
    ]


def lose_the_answer(ctx: AppContext, server: SandboxServer, fault: str) -> Booking:
    """Send the create with ``fault`` on its request; then the next attempt, which finds that
    no lookup can tell. Returns the booking as stored."""
    booking_id = ctx.repo.outbox.operations([OperationState.QUEUED])[0][1].id
    injector(server).script([fault])
    report = ctx.engine.drain()
    assert (report.sent, report.retrying) == (1, 1)
    assert injector(server).stats.counts[fault] == 1
    later(ctx)
    report = ctx.engine.drain()
    assert (report.sent, report.unknown, report.confirmed) == (0, 1, 0)
    stored = ctx.repo.booking(booking_id)
    assert stored is not None
    return stored


def the_op(ctx: AppContext) -> int:
    ((op, _),) = ctx.repo.outbox.operations([OperationState.UNKNOWN])
    return op.id


@pytest.mark.parametrize("type_id", [CHECK_IN, SECOND], ids=["doubleOptIn", "hostConfirmation"])
def test_a_lost_provisional_answer_is_unknown_and_never_resent(
    blind: AppContext, server: SandboxServer, type_id: str
) -> None:
    ctx = blind
    booking = book(ctx, type_id)
    stored = lose_the_answer(ctx, server, "drop")  # committed, then the answer cut short
    assert stored.sync_state is SyncState.OUTCOME_UNKNOWN
    assert stored.problem_message is not None
    assert "meetergo cannot be asked whether it arrived" in stored.problem_message
    assert "refused the list of provisional bookings" in stored.problem_message
    assert len(state_of(server).provisional_ids()) == 1  # exactly one, and it stays one
    for _ in range(3):
        later(ctx, 24 * 3600)
        assert ctx.engine.drain().sent == 0
    assert len(state_of(server).provisional_ids()) == 1
    assert ctx.repo.outbox.pending_count() == 0 and ctx.repo.outbox.unknown_count() == 1
    assert copies(server, booking.id) == []  # nothing listed: that is why it is unknown
    # the desk will not move or cancel it before someone settles it
    with pytest.raises(BookingRefused, match="Settle it in the sync panel"):
        ctx.booking.reschedule(booking.id, at(DAY, 11))
    with pytest.raises(BookingRefused, match="Settle it in the sync panel"):
        ctx.booking.cancel(booking.id)


def test_it_did_not_arrive_send_again(blind: AppContext, server: SandboxServer) -> None:
    ctx = blind
    booking = book(ctx, CHECK_IN)
    lose_the_answer(ctx, server, "reset")  # cut before anything was done
    assert state_of(server).provisional_ids() == []
    sync_status.settle(ctx, the_op(ctx), Settlement.SEND_AGAIN)
    report = ctx.engine.drain()
    assert (report.sent, report.confirmed) == (1, 1)
    (pid,) = state_of(server).provisional_ids()
    stored = ctx.repo.booking(booking.id)
    assert stored is not None and stored.sync_state is SyncState.AWAITING_CONFIRMATION
    assert stored.extra["provisional_booking_id"] == pid
    history = [(e, d, a) for _, e, d, a in ctx.repo.history(booking.id)]
    assert (
        "outcome settled",
        "it did not arrive: create sent again",
        ctx.staff.actor().label,
    ) in history


def test_it_arrived_then_the_confirmation_links_it(
    blind: AppContext, server: SandboxServer
) -> None:
    ctx = blind
    booking = book(ctx, CHECK_IN)
    lose_the_answer(ctx, server, "garbage")  # committed, then an HTML page for an answer
    settled = sync_status.settle(ctx, the_op(ctx), Settlement.ARRIVED)
    assert settled.sync_state is SyncState.AWAITING_CONFIRMATION
    later(ctx, 24 * 3600)
    assert ctx.engine.drain().sent == 0
    (pid,) = state_of(server).provisional_ids()
    assert state_of(server).confirm_provisional(pid).status == 200  # the patient confirms
    # the appointment's record does not carry the desk's note (attendees come "without
    # relation properties"): only the provisional list links it, once it may be read again
    state_of(server).forbidden.clear()
    ctx.engine.pull(ctx.connections()[0].id)
    (copy,) = copies(server, booking.id)
    stored = ctx.repo.booking(booking.id)
    assert stored is not None
    assert (stored.sync_state, stored.remote_id) == (SyncState.CONFIRMED, copy["id"])
    history = [(e, d, a) for _, e, d, a in ctx.repo.history(booking.id)]
    assert ("outcome settled", "it arrived", ctx.staff.actor().label) in history
    assert len(ctx.repo.bookings_between(at(DAY, 0), at(DAY, 23))) == 1  # no twin


def test_a_pull_that_finds_it_confirmed_settles_it(
    blind: AppContext, server: SandboxServer
) -> None:
    ctx = blind
    booking = book(ctx, SECOND)
    lose_the_answer(ctx, server, "drop")
    (pid,) = state_of(server).provisional_ids()
    assert state_of(server).confirm_provisional(pid).status == 200  # the host confirms
    ctx.engine.pull(ctx.connections()[0].id)
    assert ctx.repo.outbox.unknown_count() == 0
    (copy,) = copies(server, booking.id)
    stored = ctx.repo.booking(booking.id)
    assert stored is not None
    assert (stored.sync_state, stored.remote_id) == (SyncState.CONFIRMED, copy["id"])
    history = [(e, d, a) for _, e, d, a in ctx.repo.history(booking.id)]
    assert ("outcome settled", "it arrived: found in a refresh", "meetergo") in history
    later(ctx)
    assert ctx.engine.drain().sent == 0
    assert len(copies(server, booking.id)) == 1


def test_cancel_the_booking(blind: AppContext, server: SandboxServer) -> None:
    ctx = blind
    book(ctx, CHECK_IN)
    lose_the_answer(ctx, server, "drop")
    settled = sync_status.settle(ctx, the_op(ctx), Settlement.CANCEL)
    assert settled.visit_status is VisitStatus.CANCELLED
    later(ctx)
    assert ctx.engine.drain().sent == 0
    assert ctx.repo.outbox.pending_count() == ctx.repo.outbox.unknown_count() == 0
    assert len(state_of(server).provisional_ids()) == 1  # meetergo's to decline or expire


def test_a_429_or_503_leaves_no_doubt(ctx: AppContext, server: SandboxServer) -> None:
    """The state is only for what cannot be looked up: a 429 or 503 (nothing done) leaves no
    doubt either, so a provisional create is then simply sent again."""
    book(ctx, CHECK_IN)
    injector(server).script(["429"])
    assert ctx.engine.drain().retrying == 1
    later(ctx)
    injector(server).script(["5xx"])
    assert ctx.engine.drain().retrying == 1
    later(ctx)
    report = ctx.engine.drain()
    assert (report.sent, report.confirmed, report.unknown) == (1, 1, 0)
    assert len(state_of(server).provisional_ids()) == 1


def test_frontdesk_sync_says_what_to_settle(
    blind: AppContext, server: SandboxServer, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = blind
    booking = book(ctx, CHECK_IN)
    lose_the_answer(ctx, server, "drop")
    capsys.readouterr()
    before = signal.getsignal(signal.SIGTERM)
    try:
        assert run_sync(ctx, once=True, interval=1) == 0
    finally:
        signal.signal(signal.SIGTERM, before)
    out = capsys.readouterr().out
    assert "pending 0, outcome unknown 1" in out
    (line,) = [line for line in out.splitlines() if line.startswith("outcome unknown:")]
    assert f"booking {booking.id} (new booking, " in line and "Praxis" in line
    assert "settles it at the desk" in line
    assert "Erika" not in out  # no patient names on the console


@pytest.mark.parametrize("type_id", [CHECK_IN, SECOND], ids=["doubleOptIn", "hostConfirmation"])
@pytest.mark.parametrize("fault", ["drop", "garbage"])
def test_a_lost_provisional_answer_is_found_in_the_provisional_list(
    ctx: AppContext, server: SandboxServer, type_id: str, fault: str
) -> None:
    booking = book(ctx, type_id)
    injector(server).script([fault])
    assert ctx.engine.drain().retrying == 1
    later(ctx)
    report = ctx.engine.drain()
    assert (report.sent, report.unknown, report.confirmed) == (0, 0, 1)  # found, not resent
    (pid,) = state_of(server).provisional_ids()
    stored = ctx.repo.booking(booking.id)
    assert stored is not None and stored.sync_state is SyncState.AWAITING_CONFIRMATION
    assert stored.extra["provisional_booking_id"] == pid
    assert ctx.repo.outbox.unknown_count() == 0

"""The whole path against a real loopback sandbox: book at the desk, sync, exactly once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time, timedelta

import pytest

from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.context import AppContext
from frontdesk.domain.booking import SyncState
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from support.clinic import MAIN, next_weekday
from support.net import MovableClock, free_port

MakeContext = Callable[[str, str], AppContext]


def request_at(
    ctx: AppContext,
    day: date,
    hh: int,
    mm: int = 0,
    phone: str = "+442079460555",
) -> BookingRequest:
    cid = ctx.connections()[0].id
    return BookingRequest(
        connection_id=cid,
        service_id=GENERAL_CHECKUP_ID,
        resource_id=MAIN,
        start=local_to_utc(day, time(hh, mm), "Europe/London").instant,
        patient_name="Test Patient",
        patient_phone=phone,
    )


def remote_copies(server: SandboxServer, booking_id: str) -> list[dict[str, object]]:
    return [a for a in server.state.appointments() if a.get("external_reference_id") == booking_id]


def pull(ctx: AppContext) -> None:
    for cid in ctx.connectors:
        ctx.engine.pull(cid)


def test_book_while_down_then_arrives_exactly_once(make_context: MakeContext) -> None:
    port = free_port()
    server = SandboxServer(port=port, rate_limit=0).start()
    ctx = make_context(server.base_url, server.api_key)
    clock = MovableClock()
    ctx.engine.clock = clock
    pull(ctx)  # the desk has a catalog from when the internet worked
    server.stop()

    booking = ctx.booking.book(request_at(ctx, next_weekday(1), 9, 30))
    assert booking.sync_state is SyncState.PENCILLED
    report = ctx.engine.drain()
    assert (report.sent, report.confirmed, report.retrying) == (1, 0, 1)
    assert ctx.repo.outbox.pending_count() == 1
    assert not ctx.engine.health[booking.connection_id].online

    server = SandboxServer(port=port, rate_limit=0).start()
    try:
        clock.advance(600)
        report = ctx.engine.drain()
        assert report.confirmed == 1
        clock.advance(600)
        assert ctx.engine.drain().sent == 0  # nothing left to send
        copies = remote_copies(server, booking.id)
        assert len(copies) == 1
        stored = ctx.repo.booking(booking.id)
        assert stored is not None and stored.sync_state is SyncState.CONFIRMED
        assert stored.remote_id == copies[0]["appointment_id"]
        assert ctx.repo.outbox.pending_count() == 0
    finally:
        server.stop()


def test_answer_dropped_after_commit_is_still_exactly_once(
    sandbox: SandboxServer, make_context: MakeContext
) -> None:
    ctx = make_context(sandbox.base_url, sandbox.api_key)
    clock = MovableClock()
    ctx.engine.clock = clock
    pull(ctx)
    booking = ctx.booking.book(request_at(ctx, next_weekday(2), 10, 0))
    sandbox.state.faults.drop_next_answers(1)
    report = ctx.engine.drain()
    assert (report.confirmed, report.retrying) == (0, 1)
    assert len(remote_copies(sandbox, booking.id)) == 1  # the server did commit it
    clock.advance(600)
    assert ctx.engine.drain().confirmed == 1
    assert len(remote_copies(sandbox, booking.id)) == 1
    stored = ctx.repo.booking(booking.id)
    assert stored is not None and stored.sync_state is SyncState.CONFIRMED
    history = [event for _, event, _, _ in ctx.repo.history(booking.id)]
    assert history == ["created", "synced"]


def test_refusal_at_sync_needs_attention_with_servers_reason(
    sandbox: SandboxServer, make_context: MakeContext
) -> None:
    ctx = make_context(sandbox.base_url, sandbox.api_key)
    pull(ctx)
    day = next_weekday(3)
    booking = ctx.booking.book(request_at(ctx, day, 18, 0))
    # meanwhile the phone agent fills the evening window (4 slots) before the desk syncs
    start = local_to_utc(day, time(18, 30), "Europe/London").instant
    for n in range(4):
        answer = sandbox.state.create(
            {
                "appointment_type": "General Checkup",
                "appointment_date": start.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "patient_name": "Agent booking",
                "parent_phone": f"+44207946010{n}",
                "branch_id": MAIN,
            }
        )
        assert answer.status == 201
    report = ctx.engine.drain()
    assert report.refused == 1
    stored = ctx.repo.booking(booking.id)
    assert stored is not None and stored.sync_state is SyncState.NEEDS_ATTENTION
    assert stored.problem_code == "SLOT_FULL"
    assert ctx.repo.outbox.pending_count() == 0
    assert remote_copies(sandbox, booking.id) == []


def test_desk_refuses_now_what_the_server_would_refuse(
    sandbox: SandboxServer, make_context: MakeContext
) -> None:
    ctx = make_context(sandbox.base_url, sandbox.api_key)
    pull(ctx)
    day = next_weekday(1)
    sunday = day + timedelta(days=5)
    with pytest.raises(BookingRefused) as refused:
        ctx.booking.book(request_at(ctx, sunday, 9, 30))
    # Closed windows are not listed by the availability endpoint: the desk, which read that
    # Sunday, sees no open window (OUTSIDE_AVAILABILITY); the server knows it is closed.
    assert refused.value.verdicts[0].code == "OUTSIDE_AVAILABILITY"
    start = request_at(ctx, sunday, 9, 30).start
    assert start is not None
    server_says = sandbox.state.create(
        {
            "appointment_type": GENERAL_CHECKUP_ID,
            "appointment_date": start.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "patient_name": "Test Patient",
            "parent_phone": "+442079460555",
            "branch_id": MAIN,
        }
    )
    assert (server_says.status, server_says.body["error"]["code"]) == (409, "SLOT_INACTIVE")
    ctx.booking.book(request_at(ctx, day, 9, 30, phone="+442079460777"))
    with pytest.raises(
        BookingRefused
    ) as dup:  # same phone, type and date: the pencilled one counts
        ctx.booking.book(request_at(ctx, day, 10, 30, phone="+442079460777"))
    assert dup.value.verdicts[0].code == "DUPLICATE_BOOKING"
    assert ctx.repo.outbox.pending_count() == 1


def test_rate_limit_is_honoured(make_context: MakeContext) -> None:
    with SandboxServer(rate_limit=20) as server:
        ctx = make_context(server.base_url, server.api_key)
        clock = MovableClock()
        ctx.engine.clock = clock
        ctx.engine.catalog_days = 9
        pull(ctx)  # 13 requests of the 20 the sandbox allows this minute
        day = date.today() + timedelta(days=2)
        while day.weekday() >= 5:
            day += timedelta(days=1)
        for n in range(9):
            hh, mm = (9 + n // 6, 5 * (n % 6)) if n < 6 else (14, 5 * n)
            ctx.booking.book(request_at(ctx, day, hh, mm, phone=f"+4420794602{n:02d}"))
        report = ctx.engine.drain()
        assert (report.confirmed, report.retrying) == (7, 1)  # the 429 stops this drain
        waiting = ctx.repo.outbox.due_operations(
            ctx.connections()[0].id, clock() + timedelta(days=1)
        )
        assert len(waiting) == 2
        retried = [op for op in waiting if op.last_error]
        assert retried[0].next_attempt_at >= clock() + timedelta(seconds=1)
        assert "rate limited" in (retried[0].last_error or "")

"""Changing a booking at the desk (move, cancel, arrived/completed/no-show) against a real
sandbox: judged offline first, then sent exactly once, in order, with the pending edits kept."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time, timedelta

import pytest

from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.context import AppContext
from frontdesk.domain.booking import SyncState, VisitStatus
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.outbox import ChangePlan
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from support.clinic import MAIN, NORTH, next_weekday

MakeContext = Callable[[str, str], AppContext]
ZONE = "Europe/London"


def at(day_offset_weekday: int, hh: int, mm: int = 0) -> object:
    return local_to_utc(next_weekday(day_offset_weekday), time(hh, mm), ZONE).instant


def book(ctx: AppContext, start: object, phone: str = "+442079460555") -> str:
    request = BookingRequest(
        connection_id=ctx.connections()[0].id,
        service_id=GENERAL_CHECKUP_ID,
        resource_id=MAIN,
        start=start,  # type: ignore[arg-type]
        patient_name="Test Patient",
        patient_phone=phone,
    )
    return ctx.booking.book(request).id


def remote(server: SandboxServer, booking_id: str) -> list[dict[str, object]]:
    return [a for a in server.state.appointments() if a.get("external_reference_id") == booking_id]


@pytest.fixture
def ctx(sandbox: SandboxServer, make_context: MakeContext) -> AppContext:
    context = make_context(sandbox.base_url, sandbox.api_key)
    for cid in context.connectors:
        context.engine.pull(cid)
    return context


def test_moving_a_booking_before_it_left_rewrites_its_create(
    ctx: AppContext, sandbox: SandboxServer
) -> None:
    booking_id = book(ctx, at(1, 9, 30))
    change = ctx.booking.reschedule(booking_id, at(1, 14, 15), NORTH)  # type: ignore[arg-type]
    assert change.plan is ChangePlan.FOLD
    assert ctx.repo.outbox.pending_count() == 1  # still the one create
    assert ctx.engine.drain().confirmed == 1
    copies = remote(sandbox, booking_id)
    assert len(copies) == 1
    assert copies[0]["branch_id"] == NORTH and copies[0]["session"] == "Afternoon"
    stored = ctx.repo.booking(booking_id)
    assert stored is not None and stored.sync_state is SyncState.CONFIRMED
    assert [e for _, e, _, _ in ctx.repo.history(booking_id)] == ["created", "moved", "synced"]


def test_moving_a_synced_booking_patches_it(ctx: AppContext, sandbox: SandboxServer) -> None:
    booking_id = book(ctx, at(2, 9, 30))
    ctx.engine.drain()
    change = ctx.booking.reschedule(booking_id, at(2, 18, 0))  # type: ignore[arg-type]
    assert change.plan is ChangePlan.ENQUEUE
    assert change.booking.sync_state is SyncState.PENCILLED
    assert change.booking.session is None  # the new window decides it, not the old one
    assert ctx.engine.drain().confirmed == 1
    (copy,) = remote(sandbox, booking_id)
    assert copy["session"] == "Evening"
    stored = ctx.repo.booking(booking_id)
    assert stored is not None and stored.sync_state is SyncState.CONFIRMED


def test_a_move_into_a_full_window_is_refused_offline(ctx: AppContext) -> None:
    for n in range(4):  # the evening window holds four
        book(ctx, at(3, 18, 5 * n), phone=f"+44207946030{n}")
    mover = book(ctx, at(3, 9, 0), phone="+442079460399")
    with pytest.raises(BookingRefused) as refused:
        ctx.booking.reschedule(mover, at(3, 19, 0))  # type: ignore[arg-type]
    assert refused.value.verdicts[0].code == "SLOT_FULL"
    # the booking itself does not count against its own window
    full = ctx.repo.bookings_between(at(3, 18, 0), at(3, 18, 1))[0]  # type: ignore[arg-type]
    assert ctx.booking.check_reschedule(full.id, at(3, 19, 30)) == []  # type: ignore[arg-type]


def test_cancel_obeys_the_notice_period_offline(ctx: AppContext, sandbox: SandboxServer) -> None:
    booking_id = book(ctx, at(4, 10, 0))
    ctx.engine.drain()
    verdicts = ctx.booking.check_cancel(booking_id, now=at(4, 9, 0))  # type: ignore[arg-type]
    assert [v.code for v in verdicts] == ["CANCELLATION_TOO_LATE"]
    assert verdicts[0].status == 409
    # by the real clock the booking is days away: the cancel goes through
    change = ctx.booking.cancel(booking_id, "patient phoned")
    assert change.plan is ChangePlan.ENQUEUE
    assert ctx.engine.drain().confirmed == 1
    (copy,) = remote(sandbox, booking_id)
    assert copy["status"] == "cancelled"
    history = ctx.repo.history(booking_id)
    assert ("cancelled", "patient phoned") in [(e, d) for _, e, d, _ in history]


def test_cancelling_a_booking_that_never_left_sends_nothing(
    ctx: AppContext, sandbox: SandboxServer
) -> None:
    booking_id = book(ctx, at(1, 11, 0))
    change = ctx.booking.cancel(booking_id)
    assert change.plan is ChangePlan.LOCAL
    assert ctx.repo.outbox.pending_count() == 0
    assert ctx.engine.drain().sent == 0
    assert remote(sandbox, booking_id) == []
    stored = ctx.repo.booking(booking_id)
    assert stored is not None and stored.visit_status is VisitStatus.CANCELLED


def test_a_status_set_before_the_create_left_survives_the_create(
    ctx: AppContext, sandbox: SandboxServer
) -> None:
    start = at(2, 11, 0)
    booking_id = book(ctx, start)
    done = start + timedelta(hours=1)  # type: ignore[operator]
    change = ctx.booking.set_status(booking_id, VisitStatus.COMPLETED, now=done)
    assert change.plan is ChangePlan.ENQUEUE
    assert ctx.repo.outbox.pending_count() == 2
    report = ctx.engine.drain()
    assert report.refused == 0 and report.retrying == 0
    assert ctx.repo.outbox.pending_count() == 0
    # "arrived" is not a HuskyVoice status (PATCH takes confirmed, completed, cancelled): the
    # remote keeps its own, the desk its mark; the confirmed create does not undo it
    (copy,) = remote(sandbox, booking_id)
    assert copy["status"] == "completed"
    stored = ctx.repo.booking(booking_id)
    assert stored is not None
    assert (stored.visit_status, stored.sync_state) == (
        VisitStatus.COMPLETED,
        SyncState.CONFIRMED,
    )


@pytest.mark.parametrize("status", [VisitStatus.ARRIVED, VisitStatus.NO_SHOW])
def test_a_mark_huskyvoice_does_not_keep_stays_at_the_desk(
    ctx: AppContext, sandbox: SandboxServer, status: VisitStatus
) -> None:
    """HuskyVoice's PATCH takes confirmed, completed and cancelled only: arrived and no-show are
    the desk's own marks, queued nowhere, and a pull does not undo them."""
    start = at(2, 10, 30)
    booking_id = book(ctx, start)
    assert ctx.engine.drain().confirmed == 1
    during = start + timedelta(minutes=5)  # type: ignore[operator]
    change = ctx.booking.set_status(booking_id, status, now=during)
    assert change.plan is ChangePlan.LOCAL
    assert change.booking.visit_status is status
    assert ctx.repo.outbox.pending_count() == 0
    assert ctx.engine.drain().sent == 0
    (copy,) = remote(sandbox, booking_id)
    assert copy["status"] == "confirmed"
    ctx.engine.pull(ctx.repo.booking(booking_id).connection_id)  # type: ignore[union-attr]
    stored = ctx.repo.booking(booking_id)
    assert stored is not None
    assert (stored.visit_status, stored.sync_state) == (status, SyncState.CONFIRMED)
    notes = [detail for _, _, detail, _ in ctx.repo.history(booking_id) if detail]
    assert any("kept at the desk only" in note and "HuskyVoice" in note for note in notes)
    back = ctx.booking.set_status(booking_id, VisitStatus.BOOKED, now=during)
    assert back.plan is ChangePlan.LOCAL and ctx.repo.outbox.pending_count() == 0


def test_status_of_a_cancelled_booking_is_refused(ctx: AppContext) -> None:
    booking_id = book(ctx, at(5, 10, 0))
    ctx.booking.cancel(booking_id)
    with pytest.raises(BookingRefused) as refused:
        ctx.booking.set_status(booking_id, VisitStatus.ARRIVED)
    assert refused.value.verdicts[0].code == "CANCELLED"


def test_a_refused_booking_is_rebooked_with_a_new_create(
    ctx: AppContext, sandbox: SandboxServer
) -> None:
    day = next_weekday(3)
    booking_id = book(ctx, local_to_utc(day, time(18, 0), ZONE).instant)
    start = local_to_utc(day, time(18, 30), ZONE).instant
    for n in range(4):  # the phone agent fills the window before the desk syncs
        body = {
            "appointment_type": "General Checkup",
            "appointment_date": start.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "patient_name": "Agent booking",
            "parent_phone": f"+44207946010{n}",
            "branch_id": MAIN,
        }
        assert sandbox.state.create(body).status == 201
    assert ctx.engine.drain().refused == 1
    change = ctx.booking.reschedule(booking_id, local_to_utc(day, time(9, 0), ZONE).instant)
    assert change.plan is ChangePlan.ENQUEUE
    assert change.booking.sync_state is SyncState.PENCILLED
    assert change.booking.problem_code is None
    assert ctx.engine.drain().confirmed == 1
    assert len(remote(sandbox, booking_id)) == 1


def test_a_stale_change_is_refused(ctx: AppContext) -> None:
    start = at(4, 9, 0)
    booking_id = book(ctx, start)
    stale = ctx.repo.booking(booking_id)
    assert stale is not None
    ctx.booking.set_status(booking_id, VisitStatus.NO_SHOW, now=start + timedelta(hours=1))  # type: ignore[operator]
    with pytest.raises(BookingRefused) as refused:
        ctx.booking.commit(stale, stale, ctx_kind(), "arrived", None)  # type: ignore[arg-type]
    assert refused.value.verdicts[0].code == "CHANGED_ELSEWHERE"


def ctx_kind() -> object:
    from frontdesk.domain.outbox import OperationKind

    return OperationKind.SET_STATUS

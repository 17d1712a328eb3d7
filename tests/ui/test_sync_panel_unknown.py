"""The desk over outcome-unknown changes, on a meetergo sandbox: a double opt-in booking whose
answer was lost, for an API user who may not list provisional bookings, opens the sync panel
on "Outcome unknown" with its reason; the status bar says so (not "All bookings synced"); the
calendar marks the block; move and cancel wait for it to be settled; and the three buttons
settle it, each into the booking's history."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.outbox import OperationState
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.fault_spec import FaultSpec
from frontdesk.sandbox.meetergo.state import MeetergoState
from frontdesk.ui.blocks import ALARM_BADGES, tooltip_html
from frontdesk.ui.calendar_pane import Mode
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.sync_panel import UNKNOWN_TAB, WAITING_TAB
from support.made import made as changes_made
from support.meetergo import API_KEY, BEN, CHECK_IN, OPTIONS, at, next_tuesday
from support.net import MovableClock
from support.staff import sign_in_admin

DAY = next_tuesday()


@pytest.fixture
def meetergo_desk(qtbot, tmp_path: Path) -> Iterator[tuple[MainWindow, SandboxServer]]:  # type: ignore[no-untyped-def]
    with SandboxServer(rate_limit=0, providers=("meetergo",), faults=FaultSpec()) as server:
        ctx = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
        ctx.connect(
            "meetergo",
            "Praxis Berger",
            server.provider("meetergo").base_url,
            API_KEY,
            OPTIONS,
        )
        ctx.engine.clock = MovableClock()
        for cid in ctx.connectors:
            ctx.engine.pull(cid)
        sign_in_admin(ctx)
        main = MainWindow(ctx, sync_interval_ms=3_600_000, start_sync=False)
        main.resize(1400, 860)
        main.show()
        qtbot.waitExposed(main)
        try:
            yield main, server
        finally:
            for dialog in list(main.open_dialogs) + list(main.actions_.dialogs):
                dialog.done(0)
            main.close()
            main.deleteLater()
            ctx.close()


def unknown_booking(desk: MainWindow, server: SandboxServer, hh: int, name: str) -> Booking:
    """Book a double opt-in check-in; its answer is dropped after the commit; the next attempt
    finds no lookup can tell (the provisional list answers 403)."""
    ctx = desk.context
    booking = ctx.booking.book(
        BookingRequest(
            connection_id=ctx.connections()[0].id,
            service_id=CHECK_IN,
            resource_id=BEN,
            start=at(DAY, hh),
            patient_name=name,
            patient_phone="+4930123456",
            patient_email=f"{name.split()[0].lower()}@example.com",
        )
    )
    state = server.provider("meetergo").build.state
    assert isinstance(state, MeetergoState)
    state.forbidden.add("provisional-booking")  # a user who may not list provisional ones
    server.injectors["meetergo"].script(["drop"])
    assert ctx.engine.drain().retrying == 1
    clock = ctx.engine.clock
    assert isinstance(clock, MovableClock)
    clock.advance(600)
    assert ctx.engine.drain().unknown == 1
    desk.apply_changes([booking.id])
    return booking


def provisional(server: SandboxServer) -> int:
    state = server.provider("meetergo").build.state
    assert isinstance(state, MeetergoState)
    return len(state.provisional_ids())


def test_the_panel_settles_outcome_unknown_bookings(qtbot, meetergo_desk) -> None:  # type: ignore[no-untyped-def]
    desk, server = meetergo_desk
    ctx = desk.context
    desk.sync_dock.hide()
    first = unknown_booking(desk, server, 10, "Erika Mustermann")

    # the panel opens by itself, on its own tab, with the reason
    panel = desk.sync_panel
    assert desk.sync_dock.isVisible()
    assert panel.tabs.currentIndex() == UNKNOWN_TAB
    assert panel.tabs.tabText(UNKNOWN_TAB) == "Outcome unknown (1)"
    assert panel.unknown_count() == 1 and panel.counts() == (0, 0, 0)
    assert "Erika Mustermann" in panel.unknown_reason.text()
    assert "meetergo cannot be asked whether it arrived" in panel.unknown_reason.text()
    assert "double opt-in" in panel.unknown_reason.text()
    # the status bar does not claim everything is synced
    assert desk.pending_label.text() == "1 outcome unknown: settle in the sync panel"
    cid = ctx.connections()[0].id
    assert "1 outcome unknown" in desk.status.connection_labels[cid].text()
    # the calendar marks it like a refusal, with a "?"
    desk.show_booking(first)
    block = desk.pane.grid()._by_id[first.id]  # type: ignore[union-attr]
    assert block.booking.sync_state is SyncState.OUTCOME_UNKNOWN
    assert ALARM_BADGES[block.booking.sync_state] == "?"
    assert "Outcome unknown" in tooltip_html(block.booking, "Europe/Berlin", None, None)
    # move and cancel wait until it is settled
    desk.details.show_booking(first.id)
    assert not desk.details.buttons["move"].isEnabled()
    assert not desk.details.buttons["cancel"].isEnabled()
    arrived = desk.details.buttons["arrived"]  # marks are not held back by the unknown
    assert arrived.isEnabled() or "on the day of the appointment" in arrived.toolTip()

    if os.environ.get("FRONTDESK_SCREENSHOTS"):
        second = unknown_booking(desk, server, 11, "Max Muster")
        desk.pane.set_mode(Mode.DAY)
        desk.show_booking(second)
        qtbot.wait(50)
        desk.grab().save(str(Path(os.environ["FRONTDESK_SCREENSHOTS"]) / "outcome-unknown.png"))
        panel.unknown.setCurrentItem(panel.unknown.topLevelItem(1))
        qtbot.mouseClick(panel.settle_cancel, Qt.MouseButton.LeftButton)
        changes_made(panel)

    # "It did not arrive: send again": queued again, sent on the next drain
    panel.unknown.setCurrentItem(panel.unknown.topLevelItem(0))
    made = provisional(server)
    qtbot.mouseClick(panel.resend, Qt.MouseButton.LeftButton)
    changes_made(panel)
    assert panel.unknown_count() == 0
    assert ctx.repo.outbox.pending_count() == 1
    assert desk.pending_label.text() == "1 waiting to sync"
    panel.tabs.setCurrentIndex(WAITING_TAB)
    assert panel.counts() == (1, 0, 0)
    assert ctx.engine.drain().confirmed == 1
    assert provisional(server) == made + 1  # the person said it had not arrived: their call
    stored = ctx.repo.booking(first.id)
    assert stored is not None and stored.sync_state is SyncState.AWAITING_CONFIRMATION
    history = [(e, d, a) for _, e, d, a in ctx.repo.history(first.id)]
    assert (
        "outcome settled",
        "it did not arrive: create sent again",
        ctx.staff.actor().label,
    ) in history

    # "It arrived", with the id found in meetergo
    second = unknown_booking(desk, server, 12, "Max Muster")
    assert panel.unknown_count() == 1
    qtbot.keyClicks(panel.remote_id, "mg-4711")
    qtbot.mouseClick(panel.arrived, Qt.MouseButton.LeftButton)
    changes_made(panel)
    stored = ctx.repo.booking(second.id)
    assert stored is not None
    assert (stored.sync_state, stored.remote_id) == (SyncState.CONFIRMED, "mg-4711")
    assert panel.unknown_count() == 0 and panel.remote_id.text() == ""
    history = [(e, d, a) for _, e, d, a in ctx.repo.history(second.id)]
    assert ("outcome settled", "it arrived (remote id mg-4711)", ctx.staff.actor().label) in history

    # "Cancel the booking"
    third = unknown_booking(desk, server, 13, "Jane Doe")
    qtbot.mouseClick(panel.settle_cancel, Qt.MouseButton.LeftButton)
    changes_made(panel)
    stored = ctx.repo.booking(third.id)
    assert stored is not None and stored.visit_status is VisitStatus.CANCELLED
    assert ctx.repo.outbox.operations([OperationState.UNKNOWN]) == []
    assert desk.pending_label.text() == "All bookings synced"
    assert not panel.arrived.isEnabled() and not panel.resend.isEnabled()
    assert "Every change sent has had its answer" in panel.unknown_reason.text()

"""The sync panel and status bar on a demo clinic: a booking the remote refuses lands in
"Needs attention" with its reason, phone and nearest openings; one click rebooks it; the
waiting queue and the per-connection status follow."""

from __future__ import annotations

import os
from datetime import time
from pathlib import Path

from PySide6.QtCore import Qt

from frontdesk.app.demo import Demo
from frontdesk.domain.audit import AuditFilter
from frontdesk.domain.booking import SyncState, approximate_time
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc, to_local
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from frontdesk.ui.main_window import MainWindow
from support.clinic import MAIN, next_weekday
from support.made import made

ZONE = "Europe/London"
SHOTS = os.environ.get("FRONTDESK_SHOTS")  # set to save screenshots beside the tests


def test_a_refusal_lands_in_needs_attention_and_one_click_rebooks(  # type: ignore[no-untyped-def]
    qtbot, desk: MainWindow, desk_demo: Demo
) -> None:
    context = desk.context
    cid = context.connections()[0].id
    day = next_weekday(3, after_days=8)  # a Thursday past the seeded week
    booking = context.booking.book(
        BookingRequest(
            connection_id=cid,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN,
            start=local_to_utc(day, time(18, 0), ZONE).instant,
            patient_name="Refused Patient",
            patient_phone="+442079460321",
        )
    )
    desk.refresh()
    desk.show_sync_panel()
    assert desk.sync_panel.counts() == (1, 0, 0)
    desk.sync_dock.hide()  # a refusal opens it again by itself
    assert "1 waiting" in desk.connection_labels[cid].text()
    assert desk.pending_label.text() == "1 waiting to sync"

    # the phone agent fills the evening before the desk syncs
    server_state = desk_demo.server.state
    start = local_to_utc(day, time(18, 30), ZONE).instant
    for n in range(4):
        answer = server_state.create(
            {
                "appointment_type": "General Checkup",
                "appointment_date": start.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "patient_name": "Agent booking",
                "parent_phone": f"+44207946011{n}",
                "branch_id": MAIN,
            }
        )
        assert answer.status == 201
    assert context.engine.drain().refused == 1
    desk.refresh()

    assert desk.sync_dock.isVisible()
    panel = desk.sync_panel
    assert panel.counts() == (0, 1, 0)
    assert panel.tabs.currentIndex() == 1
    assert "fully booked" in panel.reason.text() and "SLOT_FULL" in panel.reason.text()
    assert "+442079460321" in panel.reason.text()
    assert panel.openings.count() > 0
    opening = panel.openings.item(0).data(Qt.ItemDataRole.UserRole)

    qtbot.mouseClick(panel.rebook, Qt.MouseButton.LeftButton)

    made(panel)

    stored = context.repo.booking(booking.id)
    assert stored is not None
    assert (stored.start, stored.sync_state) == (opening.start, SyncState.PENCILLED)
    assert panel.counts() == (1, 0, 0)
    assert context.engine.drain().confirmed == 1
    desk.refresh()
    assert panel.counts() == (0, 0, 0)
    assert context.repo.booking(booking.id).sync_state is SyncState.CONFIRMED  # type: ignore[union-attr]


def test_a_note_is_kept_in_the_history(desk: MainWindow) -> None:
    from frontdesk.app import sync_status

    booking = desk.context.repo.bookings_between(
        local_to_utc(next_weekday(0), time(0), ZONE).instant,
        local_to_utc(next_weekday(0, after_days=30), time(0), ZONE).instant,
    )[0]
    sync_status.add_note(desk.context, booking.id, "called, left a message")
    history = desk.context.repo.history(booking.id)
    assert ("note", "called, left a message") in [(e, d) for _, e, d, _ in history]
    stored = desk.context.repo.booking(booking.id)
    assert stored is not None and stored.notes == "called, left a message"
    [line] = desk.context.repo.audit.audit_page(AuditFilter(event="note added"))
    assert line.booking_id == booking.id and line.staff == desk.context.staff.actor().staff


def _moved_in_two_places(desk: MainWindow, desk_demo: Demo, weekday: int) -> tuple[str, str]:
    """A booking synced at 10:00, moved at the desk to 11:00 (queued) while the phone agent
    moved it to 15:00 remotely; the pull that follows finds the clash. Returns (id, remote id)."""
    context = desk.context
    cid = context.connections()[0].id
    day = next_weekday(weekday, after_days=8)
    booking = context.booking.book(
        BookingRequest(
            connection_id=cid,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN,
            start=local_to_utc(day, time(10, 0), ZONE).instant,
            patient_name="Clash Patient",
            patient_phone="+442079460654",
        )
    )
    assert context.engine.drain().confirmed == 1
    context.booking.reschedule(booking.id, local_to_utc(day, time(11, 0), ZONE).instant)
    remote_id = context.repo.booking(booking.id).remote_id  # type: ignore[union-attr]
    assert remote_id is not None
    there = local_to_utc(day, time(15, 0), ZONE).instant
    answer = desk_demo.server.state.patch(
        remote_id, {"appointment_date": there.strftime("%Y-%m-%dT%H:%M:%S.000Z")}
    )
    assert answer.status == 200
    # the pull of bookings (the catalog's refresh is not needed for this)
    context.repo.remote.merge_remote(cid, context.connectors[cid].pull_bookings(None))
    desk.refresh()
    desk.show_sync_panel()
    panel = desk.sync_panel
    panel.tabs.setCurrentIndex(1)
    for row in range(panel.attention.topLevelItemCount()):
        item = panel.attention.topLevelItem(row)
        if item.data(0, Qt.ItemDataRole.UserRole) == booking.id:
            panel.attention.setCurrentItem(item)
    return booking.id, remote_id


def test_a_clash_shows_both_versions_and_keeping_the_desks_sends_it(  # type: ignore[no-untyped-def]
    qtbot, desk: MainWindow, desk_demo: Demo
) -> None:
    booking_id, remote_id = _moved_in_two_places(desk, desk_demo, weekday=2)
    context, panel = desk.context, desk.sync_panel
    assert panel.clash_box.isVisible() and not panel.openings.isVisible()
    table = panel.clash_table.text()
    # the record has a date and a session, not a minute: the booking system's side says so
    assert "11:00" in table and "Afternoon session" in table and "Time" in table
    assert "at the same time: time" in panel.reason.text()
    if SHOTS:
        panel.grab().save(str(Path(SHOTS) / "clash.png"))
    assert context.engine.drain().sent == 0  # the desk's move waits for a person
    assert context.repo.outbox.pending_count() == 1

    qtbot.mouseClick(panel.keep_ours, Qt.MouseButton.LeftButton)

    made(panel)

    # the decision's audit line: who, at which desk, which booking
    [line] = context.repo.audit.audit_page(AuditFilter(event="clash settled"))
    actor = context.staff.actor()
    assert (line.staff, line.desk, line.booking_id) == (actor.staff, actor.desk, booking_id)
    assert line.detail == "kept the desk's version"
    assert context.engine.drain().confirmed == 1
    stored = context.repo.booking(booking_id)
    assert stored is not None and stored.sync_state is SyncState.CONFIRMED
    assert to_local(stored.start, ZONE).time() == time(11, 0)  # the desk's time...
    remote = desk_demo.server.state.appointment(remote_id)
    assert remote is not None and remote["session"] == "Morning"  # ... is the booking
    assert desk_demo.server.state.booked_at(remote_id) == stored.start  # system's now


def test_taking_the_booking_systems_version_drops_the_desks_move(  # type: ignore[no-untyped-def]
    qtbot, desk: MainWindow, desk_demo: Demo
) -> None:
    booking_id, _ = _moved_in_two_places(desk, desk_demo, weekday=4)
    context, panel = desk.context, desk.sync_panel

    qtbot.mouseClick(panel.take_theirs, Qt.MouseButton.LeftButton)

    made(panel)

    assert context.repo.outbox.pending_count() == 0
    assert context.engine.drain().sent == 0
    stored = context.repo.booking(booking_id)
    assert stored is not None and stored.sync_state is SyncState.CONFIRMED
    # the booking system says "Afternoon": the desk places it at the window's start and
    # knows it does not know the minute
    assert to_local(stored.start, ZONE).time() == time(14, 0)
    span = approximate_time(stored)
    assert span is not None and span.label == "Afternoon session"
    history = [h[1] for h in context.repo.history(booking_id)]
    assert "clash" in history and "clash settled" in history

"""The sync panel and status bar on a demo clinic: a booking the remote refuses lands in
"Needs attention" with its reason, phone and nearest openings; one click rebooks it; the
waiting queue and the per-connection status follow."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt

from frontdesk.app.demo import Demo
from frontdesk.domain.booking import BookingRequest, SyncState
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.sandbox.clinic import GENERAL_CHECKUP_ID
from frontdesk.ui.main_window import MainWindow
from support.clinic import MAIN, next_weekday

ZONE = "Europe/London"


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
            patient_phone="+447700900321",
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
                "parent_phone": f"+44770090011{n}",
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
    assert "+447700900321" in panel.reason.text()
    assert panel.openings.count() > 0
    opening = panel.openings.item(0).data(Qt.ItemDataRole.UserRole)

    qtbot.mouseClick(panel.rebook, Qt.MouseButton.LeftButton)

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

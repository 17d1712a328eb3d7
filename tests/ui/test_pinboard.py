"""The pinboard on a real demo desk: Ctrl+X pins the selected appointment (still booked at its
time), the desk browses to another week, a drop at a closed time is refused with the drag's
words and the appointment stays pinned, a drop on a free time moves it and takes it off;
"Place here" places at a clicked free time; the pinboard survives the window; a pinned
appointment cancelled meanwhile falls off with a sentence. Each change has its audit line."""

from __future__ import annotations

import os
from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from frontdesk.app import pinboard
from frontdesk.app.demo import DEMO_ADMIN, DEMO_ADMIN_PIN
from frontdesk.app.desk import resource_key
from frontdesk.domain import dates
from frontdesk.domain.audit import AuditFilter
from frontdesk.domain.booking import Booking
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc, to_local
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID, MAIN_BRANCH_ID
from frontdesk.ui.calendar_pane import Mode
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.pinboard_dock import MIME
from frontdesk.ui.time_grid import TimeGridView
from support.clinic import next_weekday
from support.made import made

ZONE = "Europe/London"


def _book(window: MainWindow, hour: int, name: str) -> Booking:
    day = next_weekday(2, after_days=2)  # a Wednesday, within the cached weeks
    return window.context.booking.book(
        BookingRequest(
            connection_id=window.context.connections()[0].id,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN_BRANCH_ID,
            start=local_to_utc(day, time(hour, 30), ZONE).instant,
            patient_name=name,
            patient_phone="+442079460" + f"{hour:03d}",
        )
    )


def _point(grid: TimeGridView, booking: Booking, start: datetime) -> QPointF:
    """Where on the grid's viewport ``start`` lies in the booking's column."""
    local = to_local(start, grid.zone)
    column = next(
        i
        for i, c in enumerate(grid.columns)
        if c.resource == resource_key(booking) and c.day == local.date()
    )
    rect = grid.column_rect(column)
    y = grid._y_of(local.time()) - grid._dy() + 2
    return QPointF(max(rect.left(), 60) + 10, y)


def _drop(grid: TimeGridView, booking_id: str, pos: QPointF) -> None:
    """A drag from the dock entering the grid, then its drop, as Qt delivers them."""
    data = QMimeData()
    data.setData(MIME, booking_id.encode())
    enter = QDragEnterEvent(
        pos.toPoint(),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(grid.viewport(), enter)
    assert enter.isAccepted()
    event = QDropEvent(
        pos,
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(grid.viewport(), event)


def test_cut_browse_and_drop_a_pinned_appointment(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    booking = _book(window, 10, "Pinned Patient")
    window.resize(1400, 1200)
    window.pane.set_mode(Mode.DAY)
    window.show_booking(booking)
    assert window.pane.selected == booking.id
    window.cut_action.trigger()  # Ctrl+X
    made(window)
    board = window.pinboard
    assert window.pinboard_dock.isVisible()
    assert board.pinned_ids() == [booking.id]
    row = board.list.item(0).text()
    assert "Pinned Patient" in row and "General Checkup" in row and "30 min" in row
    assert " · Main Branch · " in row  # no clinic columns: the booking system's resource
    assert f"still booked at {dates.moment(to_local(booking.start, ZONE))}" in row
    assert "stays booked at its own time" in board.intro.text()
    stored = window.context.reads.booking(booking.id)
    assert stored is not None and stored.start == booking.start and stored.active  # untouched

    window.step_days(7)  # browse to the next week's day
    grid = window.pane.grid()
    assert grid is not None
    grid.verticalScrollBar().setValue(0)
    day = to_local(booking.start, ZONE).date() + timedelta(days=7)
    closed = local_to_utc(day, time(20, 30), ZONE).instant  # every window closed
    _drop(grid, booking.id, _point(grid, booking, closed))
    made(window)
    assert "Not moved" in board.message.text() and "opening hours" in board.message.text()
    assert "stays on the pinboard" in board.message.text()
    assert board.pinned_ids() == [booking.id]
    assert window.context.reads.booking(booking.id).start == booking.start  # type: ignore[union-attr]

    free = local_to_utc(day, time(11, 0), ZONE).instant
    _drop(grid, booking.id, _point(grid, booking, free))
    made(window)
    moved = window.context.reads.booking(booking.id)
    assert moved is not None and moved.start == free
    assert board.pinned_ids() == []
    if shot := os.environ.get("FRONTDESK_SHOTS"):
        window.grab().save(str(Path(shot) / "pinboard-placed.png"))

    # Place here: a second one, a free time clicked on the grid
    other = _book(window, 14, "Second Pinned")
    board.cut(other.id)
    made(window)
    window.show_booking(window.context.reads.booking(other.id))  # type: ignore[arg-type]
    window.step_days(7)
    grid = window.pane.grid()
    assert grid is not None
    grid.verticalScrollBar().setValue(0)
    there = local_to_utc(day, time(15, 0), ZONE).instant
    pos = _point(grid, other, there)
    left = Qt.MouseButton.LeftButton
    for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
        QApplication.sendEvent(
            grid.viewport(),
            QMouseEvent(
                kind,
                pos,
                grid.viewport().mapToGlobal(pos),
                left,
                left,
                Qt.KeyboardModifier.NoModifier,
            ),
        )
    assert board.slot is not None and board.slot[0] == there
    assert "15:00" in board.slot_label.text()
    if shot := os.environ.get("FRONTDESK_SHOTS"):
        board.grab().save(str(Path(shot) / "pinboard-dock.png"))
    # the pin is chosen once the board has re-read its pins (the cut's record, applied async)
    qtbot.waitUntil(board.place_button.isEnabled, timeout=5000)
    board.place_button.click()
    made(window)
    assert window.context.reads.booking(other.id).start == there  # type: ignore[union-attr]
    events = [
        (r.event, r.booking_id)
        for r in window.context.repo.audit.audit_page(AuditFilter())
        if r.event in ("pinned", "unpinned", "moved")
    ]
    assert events.count(("pinned", booking.id)) == 1
    assert events.count(("unpinned", booking.id)) == 1
    assert events.count(("moved", booking.id)) == 1


def test_the_pinboard_survives_the_window_and_a_cancel_takes_a_pin_off(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    booking = _book(window, 9, "Kept Patient")
    cancelled = _book(window, 16, "Gone Patient")
    for b in (booking, cancelled):
        pinboard.pin(window.context, b.id)
    window.pinboard.reread()
    assert set(window.pinboard.pinned_ids()) == {booking.id, cancelled.id}
    # another window on the same store (a desk closed and opened again) shows the pinboard
    again = MainWindow(window.context, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(again)
    try:
        assert set(again.pinboard.pinned_ids()) == {booking.id, cancelled.id}
    finally:
        again.shutdown()
    dialog = window.actions_.open_cancel(cancelled.id)
    assert dialog is not None
    dialog.save()
    made(window)
    made(window)  # the fallen pin's removal, asked for by the re-read
    board = window.pinboard
    assert board.pinned_ids() == [booking.id]
    assert "Gone Patient's appointment" in board.message.text()
    assert "cancelled meanwhile" in board.message.text()
    assert [p.booking_id for p in window.context.repo.pinboard.pins()] == [booking.id]

    # a locked desk shows no patient on its pinboard; unlocked, the pinboard is as it was
    window.pinboard_dock.show()
    window.lock_action.trigger()
    QApplication.processEvents()
    assert window.guard.locked and not window.pinboard_dock.isVisible()
    assert not board.isVisible()
    screen = window.guard.screen
    screen.name.setCurrentText(DEMO_ADMIN)
    screen.pin.clear()
    qtbot.keyClicks(screen.pin, DEMO_ADMIN_PIN)
    qtbot.keyClick(screen.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.guard.locked, timeout=5000)  # checked off the GUI thread
    assert window.pinboard_dock.isVisible()
    assert board.pinned_ids() == [booking.id]

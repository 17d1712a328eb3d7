"""The desk with no booking system reachable (the demo clinic with its clinic columns, its
sandbox stopped after the first pull), as a receptionist works it: Ctrl+X cuts an appointment
to the pinboard, a drop on another week's free time places it (the change waits in the
outbox), and the View menu's column views switch the grid's columns."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from frontdesk.app.demo import Demo
from frontdesk.app.desk import resource_key
from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.timeutil import local_to_utc, to_local
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from frontdesk.ui.calendar_pane import Mode
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.pinboard_dock import MIME
from frontdesk.ui.time_grid import TimeGridView
from support.clinic import MAIN, next_weekday
from support.made import made
from support.staff import long_idle

ZONE = "Europe/London"


def point(grid: TimeGridView, booking: Booking, start: datetime) -> QPointF:
    """Where on the grid's viewport ``start`` lies in the column showing the booking's
    resource (a clinic column holds it among its members)."""
    local = to_local(start, grid.zone)
    column = next(
        i
        for i, c in enumerate(grid.columns)
        if resource_key(booking) in c.keys and c.day == local.date()
    )
    rect = grid.column_rect(column)
    return QPointF(max(rect.left(), 60) + 10, grid._y_of(local.time()) - grid._dy() + 2)


def drop(grid: TimeGridView, booking_id: str, pos: QPointF) -> None:
    """A drag from the pinboard entering the grid, then its drop, as Qt delivers them."""
    data = QMimeData()
    data.setData(MIME, booking_id.encode())
    move, left, plain = (
        Qt.DropAction.MoveAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(pos.toPoint(), move, data, left, plain)
    QApplication.sendEvent(grid.viewport(), enter)
    assert enter.isAccepted()
    QApplication.sendEvent(grid.viewport(), QDropEvent(pos, move, data, left, plain))


def test_cut_place_and_switch_column_views_with_no_booking_system(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    demo = Demo(tmp_path / "profile", clinic_zone=ZONE, clinic_columns=True)
    long_idle(demo.context)
    demo.pull()
    demo.server.stop()  # the clinic's internet is down
    window = MainWindow(demo.context, sync_interval_ms=3_600_000, start_sync=False)
    window.resize(1400, 1100)
    window.show()
    qtbot.waitExposed(window)
    try:
        context = window.context
        day = next_weekday(2, after_days=2)  # a Wednesday
        booking = context.booking.book(
            BookingRequest(
                connection_id=context.connections()[0].id,
                service_id=GENERAL_CHECKUP_ID,
                resource_id=MAIN,
                start=local_to_utc(day, time(10, 30), ZONE).instant,
                patient_name="Offline Pinned",
                patient_phone="+442079460810",
            )
        )
        window.pane.set_mode(Mode.DAY)
        window.show_booking(booking)
        window.cut_action.trigger()  # Ctrl+X
        made(window)
        board = window.pinboard
        assert board.pinned_ids() == [booking.id]

        window.step_days(7)
        grid = window.pane.grid()
        assert grid is not None
        grid.verticalScrollBar().setValue(0)
        free = local_to_utc(day + timedelta(days=7), time(11, 0), ZONE).instant
        drop(grid, booking.id, point(grid, booking, free))
        made(window)
        moved = context.reads.booking(booking.id)
        assert moved is not None and moved.start == free
        assert moved.sync_state is SyncState.PENCILLED and board.pinned_ids() == []
        queued = context.repo.outbox.queued_operations(booking.id)
        assert [op.kind for op in queued] == [OperationKind.CREATE]  # sent when it is back

        views = window.column_views
        assert [a.text() for a in views.menu.actions()] == [
            "Everything",
            "Dr. Berger's week",
            "Hygiene chairs",
        ]
        views.menu.actions()[2].trigger()  # View > Column view > Hygiene chairs
        assert [c.title for c in window.day_view.columns] == ["Hygiene chair 1", "Hygiene chair 2"]
        assert window.day_view.block_rect(booking.id) is None  # Dr. Berger's: not in this view
        views.menu.actions()[1].trigger()  # Dr. Berger's week
        assert [c.title for c in window.day_view.columns] == ["Dr. Berger"]
        assert window.day_view.block_rect(booking.id) is not None
        views.menu.actions()[0].trigger()  # Everything
        assert "Hygiene chair 2" in [c.title for c in window.day_view.columns]
    finally:
        window.shutdown()
        demo.close()

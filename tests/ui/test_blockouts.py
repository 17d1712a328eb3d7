"""Blockouts at the desk, driven through real widgets: a range picked on the day view and
Ctrl+B open the blockout dialog on it; saved, the time is a hatched band with its reason; a
booking into it is refused in the clinic rule's words, a drag onto it too, the openings finder
skips it; the dialog warns of the bookings already there; changed and removed from the band's
own menu. The day view shades the time outside a branch's hours."""

from __future__ import annotations

import os
from datetime import date, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt, QTime
from PySide6.QtGui import QKeySequence

from frontdesk.app.blockouts import BlockoutDesk
from frontdesk.domain.blockouts import Reason
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.domain.verdict import Severity
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from frontdesk.ui.blockout_dialog import BlockoutDialog
from frontdesk.ui.booking_dialog import BookingDialog
from frontdesk.ui.calendar_pane import Mode
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.time_grid import TimeGridView
from support.clinic import MAIN
from support.grid_mouse import grid_point, send_mouse

WORDS = "Blocked at this desk: meeting (team huddle) 10:00-11:00 (clinic rule)"


def _weekday_after(days: int) -> date:
    day = date.today() + timedelta(days=days)
    while day.weekday() > 4:
        day += timedelta(days=1)
    return day


def _shot(widget: object, name: str) -> None:
    where = os.environ.get("FRONTDESK_SHOT_DIR")
    if where:
        Path(where).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(where) / name))  # type: ignore[attr-defined]


def _main_column(grid: TimeGridView) -> int:
    return next(i for i, c in enumerate(grid.columns) if c.resource and c.resource[1] == MAIN)


def test_block_a_picked_time_drawn_and_respected(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    context = window.context
    cid = context.connections()[0].id
    day = _weekday_after(8)  # past the seeded week: the morning is free
    zone = window.zone
    start = local_to_utc(day, time(10), zone).instant
    # a booking already there, which the new blockout keeps
    kept = context.booking.book(
        BookingRequest(
            connection_id=cid,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN,
            start=start + timedelta(minutes=30),
            patient_name="Kept Patient",
            patient_phone="+442079460111",
        )
    )
    window.pane.show_day(day, Mode.DAY)
    window.refresh()
    grid = window.day_view
    grid.scroll_to_hour(8)
    column = _main_column(grid)

    # shading: the Main Branch is open 09-12 and 14-17; 12-14 and the evening are out of hours
    assert grid.schedule is not None
    off = grid.schedule.off[column]
    assert (12 * 60, 14 * 60) in off and any(s <= 7 * 60 and e >= 9 * 60 for s, e in off)

    # pick 10:00-11:00 with the mouse, then Ctrl+B
    send_mouse(grid, QEvent.Type.MouseButtonPress, grid_point(grid, column, day, time(10)))
    assert grid.picked() is not None and grid.picked().end == start + timedelta(minutes=15)
    send_mouse(grid, QEvent.Type.MouseMove, grid_point(grid, column, day, time(10, 45)))
    end = grid_point(grid, column, day, time(10, 45))
    send_mouse(grid, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
    pick = grid.picked()
    assert pick is not None and pick.resource == (cid, MAIN)
    assert (pick.start, pick.end) == (start, start + timedelta(hours=1))
    assert window.block_action.shortcut() == QKeySequence("Ctrl+B")
    window.block_action.trigger()
    dialog = window.open_dialogs[-1]
    assert isinstance(dialog, BlockoutDialog)
    qtbot.waitExposed(dialog)
    assert tuple(dialog.column.currentData()) == (cid, MAIN)
    assert dialog.start_time.time() == QTime(10, 0) and dialog.end_time.time() == QTime(11, 0)
    dialog.reason.setCurrentIndex(dialog.reason.findData(Reason.MEETING.value))
    qtbot.keyClicks(dialog.note, "team huddle")
    dialog.check_now()
    assert dialog.covered == 1 and "1 booking lies in this time" in dialog.warning.text()
    _shot(dialog, "blockout-dialog.png")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.ops.wait()
    qtbot.waitUntil(lambda: bool(grid.schedule and grid.schedule.bands), timeout=5000)

    # drawn: a band with its reason where the range was picked
    band = grid.schedule.bands[0]  # type: ignore[union-attr]
    assert band.column == column and (band.top, band.bottom) == (600, 660)
    found = grid.blockout_at(grid_point(grid, column, day, time(10, 30)))
    assert found is not None and found.label == "Meeting: team huddle"
    assert grid.blockout_at(grid_point(grid, column, day, time(11, 5))) is None
    assert context.repo.booking(kept.id).active  # kept, not cancelled
    _shot(window, "blockout-day.png")

    # a booking into it: refused in the clinic rule's words, next to the time
    booking = BookingDialog(context, window, start + timedelta(minutes=15), (cid, MAIN))
    qtbot.addWidget(booking)
    booking.show()
    booking.select_service("General Checkup")
    qtbot.keyClicks(booking.name_edit, "Test Patient")
    qtbot.keyClicks(booking.phone_edit, "+442079460999")
    qtbot.waitUntil(lambda: not booking.validation_pending(), timeout=5000)
    assert WORDS in booking.message_for("start")
    assert not booking.save_button.isEnabled()
    _shot(booking, "blockout-booking-refused.png")
    # just after it is fine
    booking.time_edit.setTime(QTime(11, 0))
    qtbot.waitUntil(lambda: not booking.validation_pending(), timeout=5000)
    assert "Blocked at this desk" not in booking.message_for("start")
    booking.done(0)

    # a drag onto it is refused with the same words (and a move of the kept one too)
    later = context.booking.book(
        BookingRequest(
            connection_id=cid,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN,
            start=start + timedelta(hours=5),
            patient_name="Moved Patient",
            patient_phone="+442079460112",
        )
    )
    assert window._move_reasons(later.id, start + timedelta(minutes=45), (cid, MAIN)) == [WORDS]
    assert window._move_reasons(later.id, start + timedelta(hours=1), (cid, MAIN)) == []
    window.refresh()
    qtbot.waitUntil(lambda: grid.block_rect(later.id) is not None, timeout=5000)
    grid.scroll_to_hour(9)
    grab = grid_point(grid, column, day, time(15, 5))  # inside its block, near the top
    refused: list[str] = []
    grid.moveRefused.connect(lambda _id, why: refused.append(why))
    shown = grid.block_at(grab)
    assert shown is not None and shown.id == later.id
    target = grid_point(grid, column, day, time(10, 20))
    send_mouse(grid, QEvent.Type.MouseButtonPress, grab, Qt.MouseButton.LeftButton)
    for step in range(1, 6):  # a drag in steps, as a hand moves
        send_mouse(grid, QEvent.Type.MouseMove, grab + (target - grab) * (step / 5))
    drag = grid.drag_state()
    assert drag is not None and drag.reason == WORDS
    send_mouse(grid, QEvent.Type.MouseButtonRelease, target, Qt.MouseButton.NoButton)
    assert refused == [WORDS]
    assert context.repo.booking(later.id).start == start + timedelta(hours=5)  # not moved

    # the openings finder skips it
    finder = window.find_opening()
    assert finder.select_service("General Checkup")
    finder.provider.setCurrentIndex(finder.provider.findText("Main Branch"))
    finder.from_date.setDate(QDate(day.year, day.month, day.day))
    found_openings = finder.search()
    assert found_openings
    end = start + timedelta(hours=1)
    assert not any(o.start < end and start < o.end for o in found_openings)
    assert any(o.start >= end and o.start.date() == end.date() for o in found_openings)
    finder.done(0)

    # changed from its own dialog (the band's menu opens it): the label follows
    change = BlockoutDialog(context, window.pane.all_resources, window, blockout=found)
    qtbot.addWidget(change)
    assert change.save_button.text() == "&Save" and change.note.text() == "team huddle"
    change.note.setText("staff training")
    qtbot.mouseClick(change.save_button, Qt.MouseButton.LeftButton)
    assert window.ops.wait()
    qtbot.waitUntil(
        lambda: (
            grid.blockout_at(grid_point(grid, column, day, time(10, 30))) is not None
            and grid.blockout_at(grid_point(grid, column, day, time(10, 30))).note
            == "staff training"
        ),
        timeout=5000,
    )
    found = grid.blockout_at(grid_point(grid, column, day, time(10, 30)))
    assert found is not None and found.version == 2

    # and removed
    edit = BlockoutDialog(context, window.pane.all_resources, window, blockout=found)
    qtbot.addWidget(edit)
    assert edit.remove_button is not None
    qtbot.mouseClick(edit.remove_button, Qt.MouseButton.LeftButton)
    assert window.ops.wait()
    qtbot.waitUntil(lambda: not (grid.schedule and grid.schedule.bands), timeout=5000)
    verdicts = context.booking.check_reschedule(later.id, start + timedelta(minutes=45))
    assert not [v for v in verdicts if v.severity is Severity.ERROR]


def test_the_desk_checks_respect_a_whole_clinic_blockout(qtbot, demo) -> None:  # type: ignore[no-untyped-def]
    """Without the window: the booking service and the audit trail."""
    from frontdesk.domain.audit import AuditFilter
    from frontdesk.domain.blockouts import Blockout, Repeat

    context = demo.context
    desk: BlockoutDesk = context.blockouts
    day = _weekday_after(9)
    zone = context.clinic_zone
    lunch = desk.add(
        Blockout(
            id="lunch",
            start=local_to_utc(day, time(11, 30), zone).instant,
            end=local_to_utc(day, time(12), zone).instant,
            zone=zone,
            reason=Reason.LUNCH,
            repeat=Repeat.WEEKDAYS,
            weeks=2,
        )
    )
    request = BookingRequest(
        connection_id=context.connections()[0].id,
        service_id=GENERAL_CHECKUP_ID,
        resource_id=MAIN,
        start=local_to_utc(day + timedelta(days=7), time(11, 15), zone).instant,
        patient_name="Test Patient",
        patient_phone="+442079460999",
    )
    errors = [v for v in context.booking.validate(request) if v.severity is Severity.ERROR]
    assert [v.message for v in errors] == ["Blocked at this desk: lunch 11:30-12:00 (clinic rule)"]
    assert errors[0].code == "DESK_BLOCKOUT"
    line = context.repo.audit.audit_page(AuditFilter(), 0, 1)[0]
    assert line.event == "blockout added" and line.staff and lunch.created_by

"""The confirmation list (F7) and the waiting room (F8) on a real demo desk: working through a
day's list with C / M / N, the marks on the blocks and in the details panel, the waiting room's
minutes waited on a controlled clock, "in the chair"; and two desks on a shared PostgreSQL
store seeing each other's calls and arrivals."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from frontdesk.app.context import AppContext
from frontdesk.app.demo import Demo
from frontdesk.domain.audit import AuditEvent, AuditFilter
from frontdesk.domain.booking import VisitStatus
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.confirmations import PatientConfirmation
from frontdesk.domain.timeutil import local_day_bounds, local_to_utc, to_local
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from frontdesk.ui.calendar_pane import Mode
from frontdesk.ui.confirmation_list import ConfirmationList
from frontdesk.ui.main_window import MainWindow
from support.clinic import MAIN, next_weekday
from support.staff import sign_in_admin

SHOTS = (
    Path(os.environ.get("FRONTDESK_SHOT_DIR", "")) if os.environ.get("FRONTDESK_SHOT_DIR") else None
)


def _shot(widget: object, name: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / name))  # type: ignore[attr-defined]


def _busy_day(context: AppContext, least: int = 3) -> date:
    """A day of the demo's week with at least ``least`` active bookings."""
    zone = context.settings.zone
    today = to_local(datetime.now().astimezone(), zone).date()
    start, _ = local_day_bounds(today, zone)
    _, end = local_day_bounds(today + timedelta(days=8), zone)
    days = Counter(
        to_local(b.start, zone).date()
        for b in context.repo.glimpses_between(start, end)
        if b.active and b.visit_status is VisitStatus.BOOKED
    )
    found = [d for d, n in sorted(days.items()) if n >= least]
    if not found:
        pytest.skip("the demo's week has no day with enough bookings")
    return found[-1]


@pytest.fixture
def window(qtbot, demo: Demo) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    main = MainWindow(demo.context, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    try:
        yield main
    finally:
        main.shutdown()


def test_a_day_is_worked_through_with_c_m_n(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    context = window.context
    day = _busy_day(context)
    window.confirmations_action.trigger()  # type: ignore[attr-defined]  # F7
    dialog: ConfirmationList = window.confirmation_list  # type: ignore[attr-defined]
    assert dialog.isVisible()
    assert dialog.day == context.confirmations.tomorrow()  # it opens on tomorrow
    dialog.show_day(day)
    total = len(dialog.rows)
    assert total >= 3 and dialog.counts.text() == f"{total} to call, 0 confirmed"
    first, second, third = (r.booking_id for r in dialog.rows[:3])
    assert dialog.current_booking() == first
    for key in (Qt.Key.Key_C, Qt.Key.Key_M, Qt.Key.Key_N):
        qtbot.keyClick(dialog.table, key)
    assert window.ops.wait(10)
    statuses = context.confirmations.statuses([first, second, third])
    assert [statuses[i].state for i in (first, second, third)] == [
        PatientConfirmation.CONFIRMED,
        PatientConfirmation.LEFT_MESSAGE,
        PatientConfirmation.NO_ANSWER,
    ]
    # each key moved on to the next row; the confirmed row stays while the list is open
    assert dialog.table.currentRow() == 3 or dialog.current_booking() == dialog.rows[-1].booking_id
    assert [r.booking_id for r in dialog.rows[:3]] == [first, second, third]
    qtbot.waitUntil(lambda: dialog.counts.text() == f"{total - 1} to call, 1 confirmed")
    assert (
        "✓" in dialog.table.item(0, 5).text() and "Left a message" in dialog.table.item(1, 5).text()
    )
    lines = context.repo.audit.audit_page(AuditFilter(event=AuditEvent.CONFIRMATION.value))
    assert len(lines) == 3 and {line.booking_id for line in lines} == {first, second, third}
    html = dialog.list_html()
    assert "Confirmation list" in html and f"{total - 1} to call, 1 confirmed" in html
    printed: list[str] = []
    monkeypatch.setattr(
        "frontdesk.ui.confirmation_print.print_html",
        lambda text, paper, _title, _parent: printed.append(text) or True,
    )
    assert dialog.print_list() and printed == [html]  # the day sheet's print path
    lines = context.repo.audit.audit_page(AuditFilter(event=AuditEvent.PRINTED.value))
    assert lines[0].detail == f"confirmation list of {day.isoformat()}, {total} appointments"
    _shot(dialog, "confirmation-list.png")
    # read again (another day and back): the confirmed patient is off the list
    dialog.show_day(day + timedelta(days=1))
    dialog.show_day(day)
    assert first not in [r.booking_id for r in dialog.rows] and len(dialog.rows) == total - 1
    # the booking's block carries the patient's mark; the details panel says it apart
    window.pane.set_mode(Mode.DAY)
    window.pane.show_day(day)
    qtbot.waitUntil(lambda: first in window.day_view.desk_marks)
    assert window.day_view.desk_marks[first].confirmation is PatientConfirmation.CONFIRMED
    window.pane.select_booking(first)
    qtbot.waitUntil(
        lambda: window.details.booking is not None and window.details.booking.id == first
    )
    assert "✓ Confirmed<br>" in window.details.fields["patient"].text()
    assert "booking system" in window.details.fields["sync"].text().lower()
    _shot(window, "confirmed-marks.png")
    # a locked desk shows neither the list nor the waiting room, and F7 / F8 open nothing
    window.waiting_action.trigger()  # type: ignore[attr-defined]
    assert window.waiting_dock.isVisible()  # type: ignore[attr-defined]
    window.guard.lock("by hand")
    assert not dialog.isVisible() and not window.waiting_dock.isVisible()  # type: ignore[attr-defined]
    qtbot.keyClick(window, Qt.Key.Key_F7)
    assert not dialog.isVisible()


def test_the_waiting_room_counts_the_minutes_on_a_controlled_clock(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    context = window.context
    zone = context.settings.zone
    day = _busy_day(context, least=2)
    start, end = local_day_bounds(day, zone)
    waiting = [b for b in context.repo.glimpses_between(start, end) if b.active][:2]
    arrived_at = local_to_utc(day, time(8, 40), zone).instant
    clock = [arrived_at + timedelta(minutes=12)]
    room = window.waiting_room  # type: ignore[attr-defined]
    room.clock = lambda: clock[0]
    window.desk_marks.clock = lambda: clock[0]  # type: ignore[attr-defined]
    context.arrivals.set_status(waiting[0].id, VisitStatus.ARRIVED, arrived_at)
    context.arrivals.set_status(
        waiting[1].id, VisitStatus.ARRIVED, arrived_at + timedelta(minutes=5)
    )
    qtbot.keyClick(window, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: window.waiting_dock.isVisible())  # type: ignore[attr-defined]
    assert [r.booking_id for r in room.rows] == [waiting[0].id, waiting[1].id]  # longest first
    assert room.table.item(0, 3).text() == "12 min"
    assert room.table.item(1, 3).text() == "7 min"
    assert room.table.item(0, 2).text() == "08:40" and room.summary.text() == "2 patients waiting"
    clock[0] += timedelta(minutes=1)
    room.timer.timeout.emit()  # the minute's tick
    assert room.table.item(0, 3).text() == "13 min"
    # the day view's block says how long too
    window.pane.set_mode(Mode.DAY)
    window.pane.show_day(day)
    window.desk_marks.refresh()  # type: ignore[attr-defined]
    assert window.day_view.desk_marks[waiting[0].id].waited == 13
    window.pane.select_booking(waiting[0].id, ensure_visible=True)
    qtbot.waitUntil(lambda: window.details.booking is not None)
    assert "Arrived at 08:40" in window.details.fields["status"].text()
    _shot(window, "waiting-room.png")
    # in the chair (Enter): off the list, the booking untouched, an audit line
    room.table.setCurrentCell(0, 0)
    qtbot.keyClick(room.table, Qt.Key.Key_Return)
    assert window.ops.wait(10)
    qtbot.waitUntil(lambda: [r.booking_id for r in room.rows] == [waiting[1].id])
    kept = context.repo.booking(waiting[0].id)
    assert kept is not None and kept.visit_status is VisitStatus.ARRIVED
    lines = context.repo.audit.audit_page(AuditFilter(event=AuditEvent.ARRIVAL.value))
    assert [line.detail for line in lines][:1] == ["in the chair"]
    # the arrived key again undoes the arrival: the patient leaves the waiting room
    context.arrivals.set_status(
        waiting[1].id, VisitStatus.BOOKED, arrived_at + timedelta(minutes=9)
    )
    room.refresh()
    assert room.rows == [] and room.summary.text() == "Nobody waiting."
    assert context.arrivals.arrival(waiting[1].id) is None


def test_another_desks_calls_and_arrivals_show_at_once(  # type: ignore[no-untyped-def]
    qtbot, desks: tuple[AppContext, AppContext]
) -> None:
    a, b = desks
    a.update_settings(a.settings.changed(timezone="Europe/London"))
    sign_in_admin(b)
    b.update_settings(b.settings.changed(timezone="Europe/London"))
    day = next_weekday(2)
    for hour, phone in ((10, "+442079460432"), (11, "+442079460433")):
        a.booking.book(
            BookingRequest(
                connection_id=a.connections()[0].id,
                service_id=GENERAL_CHECKUP_ID,
                resource_id=MAIN,
                start=local_to_utc(day, time(hour, 0), "Europe/London").instant,
                patient_name=f"Desk Patient {hour}",
                patient_phone=phone,
            )
        )
    window = MainWindow(b, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(window)
    window.show()
    told: list[str] = []
    window.on_topic("confirmations", lambda: told.append("confirmations"))
    window.sync.start()
    try:
        qtbot.waitUntil(lambda: "confirmations" in told, timeout=5000)  # listening
        window.confirmations_action.trigger()  # type: ignore[attr-defined]
        dialog: ConfirmationList = window.confirmation_list  # type: ignore[attr-defined]
        dialog.show_day(day)
        total = len(dialog.rows)
        first = dialog.rows[0].booking_id
        a.confirmations.mark(first, PatientConfirmation.CONFIRMED)
        qtbot.waitUntil(
            lambda: dialog.counts.text() == f"{total - 1} to call, 1 confirmed", timeout=5000
        )
        # an arrival kept at desk A (its time) is in desk B's waiting room within a second
        start, end = local_day_bounds(day, "Europe/London")
        glimpse = next(g for g in a.repo.glimpses_between(start, end) if g.active)
        at = local_to_utc(day, time(8, 30), "Europe/London").instant
        room = window.waiting_room  # type: ignore[attr-defined]
        room.clock = lambda: at + timedelta(minutes=4)
        a.arrivals.set_status(glimpse.id, VisitStatus.ARRIVED, at)
        qtbot.waitUntil(lambda: [r.booking_id for r in room.rows] == [glimpse.id], timeout=5000)
        assert room.rows[0].minutes == 4
    finally:
        window.shutdown()

"""The reception desk's screens on one demo clinic: the four views and their keys, the side
panel, the details panel and its actions, one-key statuses, moving (dialog and drag), cancelling,
finding a patient. One window serves the module; each test changes bookings of its own."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, time, timedelta

import pytest
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QKeySequence, QMouseEvent
from PySide6.QtWidgets import QApplication

from frontdesk.app.desk import resource_key
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc, to_local, utc_now
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID, MAIN_BRANCH_ID
from frontdesk.ui.calendar_pane import Mode
from frontdesk.ui.grid_space import TIME_W
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.time_grid import TimeGridView
from support.made import made

FAR = datetime(2100, 1, 1, tzinfo=UTC)


def upcoming(desk: MainWindow) -> list[Booking]:
    """Active bookings at least three hours ahead (the cancellation notice is two)."""
    soon = utc_now() + timedelta(hours=3)
    return [b for b in desk.context.repo.bookings_between(soon, FAR) if b.active]


_PICKS: dict[int, list[Booking]] = {}


def pick(desk: MainWindow, index: int) -> Booking:
    """The ``index``-th upcoming booking as the module found them first: each test keeps its
    own booking whatever the tests before it changed."""
    bookings = _PICKS.setdefault(id(desk), upcoming(desk))
    assert len(bookings) > index, "the demo seeded too few bookings"
    stored = desk.context.repo.booking(bookings[index].id)
    assert stored is not None
    return stored


def visible_x(grid: TimeGridView, column: QRectF) -> float:
    """A point of ``column`` the viewport shows, right of the hours (a narrow window scrolls
    the day's columns under them)."""
    left = max(column.left(), float(TIME_W)) + 5
    right = min(column.right(), float(grid.viewport().width())) - 5
    assert left < right, "the column is not on screen"
    return (left + right) / 2


def show(desk: MainWindow, booking: Booking, mode: Mode) -> TimeGridView:
    desk.pane.set_mode(mode)
    desk.show_booking(booking)
    grid = desk.pane.grid()
    assert grid is not None
    return grid


def drag(grid: TimeGridView, start: QPointF, end: QPointF) -> None:
    viewport = grid.viewport()
    left = Qt.MouseButton.LeftButton

    def send(kind: QEvent.Type, pos: QPointF, buttons: Qt.MouseButton) -> None:
        event = QMouseEvent(
            kind, pos, viewport.mapToGlobal(pos), left, buttons, Qt.KeyboardModifier.NoModifier
        )
        QApplication.sendEvent(viewport, event)

    send(QEvent.Type.MouseButtonPress, start, left)
    middle = QPointF((start.x() + end.x()) / 2, (start.y() + end.y()) / 2)
    send(QEvent.Type.MouseMove, middle, left)
    send(QEvent.Type.MouseMove, end, left)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


def test_f1_to_f4_switch_between_day_week_month_and_agenda(qtbot, desk: MainWindow) -> None:  # type: ignore[no-untyped-def]
    desk.activateWindow()
    qtbot.waitActive(desk)
    expected = {
        Qt.Key.Key_F1: desk.pane.day_view,
        Qt.Key.Key_F2: desk.pane.week_view,
        Qt.Key.Key_F3: desk.pane.month_view,
        Qt.Key.Key_F4: desk.pane.agenda_view,
    }
    for key, view in expected.items():
        qtbot.keyClick(desk, key)
        assert desk.pane.current_view() is view
    assert desk.view_actions[Mode.DAY].shortcut() == QKeySequence("F1")
    qtbot.keyClick(desk, Qt.Key.Key_F2)
    assert desk.view_actions[Mode.WEEK].isChecked()


def test_the_day_view_has_a_column_per_resource(desk: MainWindow) -> None:
    booking = pick(desk, 0)
    grid = show(desk, booking, Mode.DAY)
    titles = [c.title for c in grid.columns]
    assert titles == [r.name for r in desk.pane.all_resources] == ["Main Branch", "North Branch"]
    rect = grid.block_rect(booking.id)
    assert rect is not None
    column = grid.column_at(rect.center())
    assert column is not None and grid.columns[column].resource == resource_key(booking)
    assert desk.week_title.text().startswith(f"{to_local(booking.start, desk.zone):%A}")


def test_the_week_splits_per_resource_and_the_filter_hides_one(desk: MainWindow) -> None:
    booking = pick(desk, 1)
    grid = show(desk, booking, Mode.WEEK)
    assert len(grid.columns) == 7
    desk.side.per_resource.setChecked(True)
    assert len(grid.columns) == 14 and grid.columns[0].group.startswith("Mon")
    desk.side.set_hidden(resource_key(booking), True)
    try:
        assert len(grid.columns) == 7
        assert grid.block_rect(booking.id) is None
        desk.pane.set_mode(Mode.DAY)
        assert [c.resource for c in desk.pane.day_view.columns] != []
        assert resource_key(booking) not in [c.resource for c in desk.pane.day_view.columns]
    finally:
        desk.side.set_hidden(resource_key(booking), False)
        desk.side.per_resource.setChecked(False)
    assert desk.pane.grid() is not None
    assert desk.pane.grid().block_rect(booking.id) is not None  # type: ignore[union-attr]


def test_the_month_counts_each_days_bookings_and_opens_a_day(qtbot, desk: MainWindow) -> None:  # type: ignore[no-untyped-def]
    booking = pick(desk, 2)
    day = to_local(booking.start, desk.zone).date()
    desk.pane.show_day(day, Mode.MONTH)
    same_day = [
        b for b in desk.context.repo.bookings_between(booking.start - timedelta(days=1), FAR)
        if b.active and to_local(b.start, desk.zone).date() == day
    ]  # fmt: skip
    summary = desk.pane.month_view.summary(day)
    assert summary.count == len(same_day)
    assert len(summary.names) == min(3, len(same_day))
    center = desk.pane.month_view.cell_rect(day).center().toPoint()
    qtbot.mouseDClick(desk.pane.month_view, Qt.MouseButton.LeftButton, pos=center)
    assert desk.pane.mode is Mode.DAY and desk.pane.day == day


def test_the_agenda_lists_the_days_and_enter_opens(qtbot, desk: MainWindow) -> None:  # type: ignore[no-untyped-def]
    booking = pick(desk, 3)
    desk.pane.show_day(to_local(booking.start, desk.zone).date(), Mode.AGENDA)
    desk.pane.select_booking(booking.id, ensure_visible=True)
    agenda = desk.pane.agenda_view
    assert agenda.selected_booking() == booking.id
    opened: list[str] = []
    desk.pane.bookingActivated.connect(opened.append)
    qtbot.keyClick(agenda, Qt.Key.Key_Return)
    assert opened == [booking.id]
    assert desk.details.title.text() == booking.patient_name
    window = desk.dialogs.open[-1]  # the appointment's own window
    assert window.windowTitle() == f"Appointment — {booking.patient_name}"
    window.done(0)
    qtbot.waitUntil(lambda: window not in desk.dialogs.open)
    desk.activateWindow()
    qtbot.waitActive(desk)


def test_one_key_marks_arrived_and_the_same_key_undoes_it(
    qtbot, desk: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    booking = pick(desk, 4)
    during = booking.start + timedelta(minutes=5)  # the keys make sense once it has started
    for module in ("frontdesk.app.booking", "frontdesk.ui.details_panel"):
        monkeypatch.setattr(f"{module}.utc_now", lambda: during)
    grid = show(desk, booking, Mode.WEEK)
    desk.activateWindow()
    qtbot.waitActive(desk)
    grid.setFocus()
    qtbot.keyClick(grid, Qt.Key.Key_A)
    made(desk)
    stored = desk.context.repo.booking(booking.id)
    assert stored is not None and stored.visit_status is VisitStatus.ARRIVED
    # HuskyVoice keeps no "arrived": the mark is the desk's own, sent nowhere, and says so
    assert stored.sync_state is booking.sync_state
    assert "Arrived" in desk.details.fields["status"].text()
    assert "Kept at the desk only" in desk.details.fields["status"].text()
    assert not desk.context.repo.outbox.queued_operations(booking.id)
    qtbot.keyClick(grid, Qt.Key.Key_A)
    made(desk)
    stored = desk.context.repo.booking(booking.id)
    assert stored is not None and stored.visit_status is VisitStatus.BOOKED
    qtbot.keyClick(grid, Qt.Key.Key_N)
    made(desk)
    stored = desk.context.repo.booking(booking.id)
    assert stored is not None and stored.visit_status is VisitStatus.NO_SHOW
    assert grid.selected_booking() == booking.id  # the refresh kept the selection


def test_arrows_walk_appointments_and_days(qtbot, desk: MainWindow) -> None:  # type: ignore[no-untyped-def]
    booking = pick(desk, 5)
    grid = show(desk, booking, Mode.DAY)
    grid.setFocus()
    ordered = [b.id for b in grid.bookings()]
    assert len(ordered) >= 2, "the demo day has too few appointments"
    grid.select_booking(ordered[0])
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert grid.selected_booking() == ordered[1]
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    assert grid.selected_booking() == ordered[0]
    qtbot.keyClick(grid, Qt.Key.Key_Up)  # the first stays the first
    assert grid.selected_booking() == ordered[0]
    day = desk.pane.day
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert desk.pane.day == day + timedelta(days=1)
    qtbot.keyClick(desk.pane.day_view, Qt.Key.Key_Left)
    assert desk.pane.day == day


def test_details_show_history_and_move_through_a_dialog(qtbot, desk: MainWindow) -> None:  # type: ignore[no-untyped-def]
    booking = pick(desk, 6)
    show(desk, booking, Mode.WEEK)
    assert desk.details.title.text() == booking.patient_name
    assert "another channel" in desk.details.history.text()
    qtbot.mouseClick(desk.details.buttons["move"], Qt.MouseButton.LeftButton)
    dialog = desk.actions_.dialogs[-1]
    assert dialog.openings.count() > 0
    first = dialog.openings.item(0)
    dialog.openings.setCurrentItem(first)
    opening = first.data(Qt.ItemDataRole.UserRole)
    dialog.validate_now()
    assert dialog.save_button.isEnabled(), dialog.message.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    made(desk)
    stored = desk.context.repo.booking(booking.id)
    assert stored is not None
    assert (stored.start, stored.resource_id) == (opening.start, opening.resource_id)
    assert stored.sync_state is SyncState.PENCILLED
    assert "Moved" in desk.details.history.text()
    assert desk.pane.selected == booking.id


def test_cancel_shows_the_rules_then_cancels(qtbot, desk: MainWindow) -> None:  # type: ignore[no-untyped-def]
    booking = pick(desk, 7)
    grid = show(desk, booking, Mode.WEEK)
    dialog = desk.actions_.open_cancel(booking.id)
    assert dialog is not None and dialog.confirm.isEnabled()
    qtbot.keyClicks(dialog.reason, "patient phoned")
    qtbot.mouseClick(dialog.confirm, Qt.MouseButton.LeftButton)
    made(desk)
    stored = desk.context.repo.booking(booking.id)
    assert stored is not None and stored.visit_status is VisitStatus.CANCELLED
    assert grid.block_rect(booking.id) is None


def test_a_refused_cancel_saves_nothing(qtbot, desk: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    booking = pick(desk, 8)
    from frontdesk.domain.catalog import Policy

    strict = Policy("Europe/London", True, False, 2)
    monkeypatch.setattr(desk.context.repo.catalogs, "policy", lambda _cid: strict)
    dialog = desk.actions_.open_cancel(booking.id)
    assert dialog is not None
    assert not dialog.confirm.isEnabled()
    assert "CANCELLATION_NOT_ALLOWED" in dialog.message.text()
    dialog.done(0)


def _pencilled(desk: MainWindow) -> Booking:
    """A desk booking whose create has not left (the module's desk syncs only when asked),
    past the seeded week, so both branches are free at its time."""
    day = (utc_now() + timedelta(days=9)).date()
    while day.weekday() >= 5:
        day += timedelta(days=1)
    cid = desk.context.connections()[0].id
    return desk.context.booking.book(
        BookingRequest(
            connection_id=cid,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN_BRANCH_ID,
            start=local_to_utc(day, time(10, 0), "Europe/London").instant,
            patient_name="Drag Patient",
            patient_phone="+442079460432",
        )
    )


def test_drag_moves_an_appointment_to_another_column(desk: MainWindow) -> None:
    """HuskyVoice cannot move a booking it holds to another branch (not an updatable field),
    but a booking whose create has not left yet goes wherever the create says."""
    booking = _pencilled(desk)
    grid = show(desk, booking, Mode.DAY)
    grid.verticalScrollBar().setValue(0)
    rect = grid.block_rect(booking.id)
    assert rect is not None
    here = grid.column_at(rect.center())
    assert here is not None
    other = 1 - here
    target = grid.column_rect(other)
    end = QPointF(visible_x(grid, target), rect.top() + 5)
    moved: list[str] = []
    grid.moveRequested.connect(lambda bid, _s, _r: moved.append(bid))
    drag(grid, QPointF(rect.left() + 10, rect.top() + 5), end)
    made(desk)
    assert moved == [booking.id]
    stored = desk.context.repo.booking(booking.id)
    assert stored is not None
    assert (stored.connection_id, stored.resource_id) == grid.columns[other].resource
    assert stored.start == booking.start


def test_a_held_booking_dragged_to_another_branch_snaps_back(desk: MainWindow) -> None:
    booking = pick(desk, 9)
    grid = show(desk, booking, Mode.DAY)
    desk.resize(2600, 860)  # both branches' columns on screen, whichever the day scrolled to
    try:
        grid.horizontalScrollBar().setValue(0)
        grid.verticalScrollBar().setValue(0)
        rect = grid.block_rect(booking.id)
        assert rect is not None
        here = grid.column_at(rect.center())
        assert here is not None
        target = grid.column_rect(1 - here)
        refused: list[str] = []
        grid.moveRefused.connect(lambda _bid, why: refused.append(why))
        drag(
            grid,
            QPointF(rect.left() + 10, rect.top() + 5),
            QPointF(visible_x(grid, target), rect.top() + 5),
        )
    finally:
        desk.resize(1400, 860)
    assert refused and "Cancel it and book it again" in refused[0]
    stored = desk.context.repo.booking(booking.id)
    assert stored is not None and stored.resource_id == booking.resource_id


def test_a_refused_drop_snaps_back_with_the_reason(desk: MainWindow) -> None:
    booking = pick(desk, 10)
    grid = show(desk, booking, Mode.DAY)
    desk.resize(1400, 1200)  # tall enough to show the morning and 20:30 at once
    grid.verticalScrollBar().setValue(0)
    rect = grid.block_rect(booking.id)
    assert rect is not None
    refused: list[str] = []
    grid.moveRefused.connect(lambda _bid, why: refused.append(why))
    late = QPointF(rect.center().x(), grid._y_of(time(20, 30)) - grid._dy() + 5)  # all closed
    try:
        drag(grid, QPointF(rect.left() + 10, rect.top() + 5), late)
    finally:
        desk.resize(1400, 860)
    assert refused and "opening hours" in refused[0]
    stored = desk.context.repo.booking(booking.id)
    assert stored is not None and stored.start == booking.start
    assert grid.drag_state() is None


def test_find_patient_shows_their_appointments_and_jumps_to_one(qtbot, desk: MainWindow) -> None:  # type: ignore[no-untyped-def]
    booking = pick(desk, 11)
    dialog = desk.find_patient()
    qtbot.keyClicks(dialog.search, booking.patient_name.split()[-1])
    found = dialog.search_now()
    assert any(p.phone == booking.patient_phone for p in found)
    qtbot.keyClicks(dialog.search, "")
    dialog.search.setText(booking.patient_phone)
    dialog.search_now()
    top = dialog.results.topLevelItem(0)
    assert top is not None and top.text(1) == booking.patient_phone
    child = next(
        top.child(i)
        for i in range(top.childCount())
        if top.child(i).data(0, Qt.ItemDataRole.UserRole) == booking.id
    )
    dialog.results.setCurrentItem(child)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)
    assert desk.pane.selected == booking.id


@pytest.mark.parametrize("dark", [False, True])
def test_the_calendar_follows_the_palette(desk: MainWindow, dark: bool) -> None:
    from PySide6.QtGui import QColor, QPalette

    from frontdesk.ui.palette import luminance

    grid = desk.pane.week_view
    desk.pane.set_mode(Mode.WEEK)
    palette = QPalette(grid.palette())
    base = QColor("#1e1f22") if dark else QColor("#ffffff")
    palette.setColor(QPalette.ColorRole.Base, base)
    palette.setColor(QPalette.ColorRole.Text, QColor("#e8eaed") if dark else QColor("#1f2329"))
    grid.setPalette(palette)
    try:
        image = grid.viewport().grab().toImage()
        # the background is the colour most pixels have (a block may sit in any corner)
        seen = Counter(
            image.pixel(x, y)
            for x in range(0, image.width(), 7)
            for y in range(0, image.height(), 7)
        )
        background = QColor.fromRgb(seen.most_common(1)[0][0])
        assert (luminance(background) < 0.2) is dark
    finally:
        grid.setPalette(QPalette())


def _reads_settled(desk: MainWindow) -> None:
    """Wait until the calendar's reads ahead (a timer, then the pool) have all arrived."""
    from PySide6.QtTest import QTest

    pane = desk.pane
    for _ in range(100):
        pane.spans._pool.waitForDone(2000)
        QApplication.processEvents()
        if not pane._ahead.isActive() and pane.spans._pool.activeThreadCount() == 0:
            return
        QTest.qWait(20)
    raise AssertionError("the calendar kept reading ahead")


def test_a_change_record_refreshes_only_what_it_names(desk: MainWindow) -> None:
    booking = pick(desk, 12)
    grid = show(desk, booking, Mode.WEEK)
    grid.select_booking(booking.id)
    _reads_settled(desk)  # the neighbours read ahead are in: only apply_changes may change them
    spans_before = set(desk.pane.spans._data)
    flagged = booking.with_changes(
        sync_state=SyncState.NEEDS_ATTENTION, problem_code="SLOT_FULL", problem_message="full"
    )
    desk.context.repo.save_booking(flagged, "refused", "test", "sync")
    desk.apply_changes([booking.id])
    block = grid._by_id[booking.id]
    assert block.booking.sync_state is SyncState.NEEDS_ATTENTION
    assert set(desk.pane.spans._data) == spans_before  # nothing re-read from scratch
    assert grid.selected_booking() == booking.id
    later = flagged.with_changes(
        start=booking.start + timedelta(days=7), end=booking.end + timedelta(days=7)
    )
    desk.context.repo.save_booking(later, "moved", "test", "sync")
    desk.apply_changes([booking.id])
    assert grid.block_rect(booking.id) is None  # it left the shown week
    desk.pane.step(1)
    next_week = desk.pane.grid()
    assert next_week is not None
    # there (a block, or one of a crowded hour's "more" when its lanes are full)
    assert booking.id in {b.id for b in next_week.bookings()}


def test_a_refresh_after_a_pull_reads_off_the_gui_thread_then_swaps(
    qtbot, desk: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    booking = pick(desk, 13)
    grid = show(desk, booking, Mode.WEEK)
    desk.context.repo.save_booking(
        booking.with_changes(sync_state=SyncState.PENCILLED), "test", None, "test"
    )
    desk.pane.refresh(background=True)
    assert grid._by_id[booking.id].booking.sync_state is SyncState.CONFIRMED  # still shown

    def swapped() -> bool:
        block = grid._by_id.get(booking.id)
        return block is not None and block.booking.sync_state is SyncState.PENCILLED

    qtbot.waitUntil(swapped, timeout=10_000)


def test_find_shows_every_match_a_page_at_a_time_with_the_count(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    from dataclasses import replace

    repo = window.context.repo
    template = repo.bookings_between(
        datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
    )[0]
    repo.remote.merge_remote(
        template.connection_id,
        [
            replace(
                template,
                id=f"many-{n}",
                remote_id=f"many-{n}",
                external_ref=None,
                patient_name=f"Pat Manyfold{n:03d}",
                patient_phone="" if n % 10 == 0 else f"+4420794{n:05d}",
            )
            for n in range(120)
        ],
    )
    dialog = window.find_patient()
    dialog.search.setText("nyfol")  # the middle of a word
    dialog.search_now()
    assert dialog.results.topLevelItemCount() == 50
    assert dialog.count.text() == "120 patients (first 50; scroll for more)"
    bar = dialog.results.verticalScrollBar()
    for _ in range(5):
        bar.setValue(bar.maximum())
    assert dialog.results.topLevelItemCount() == 120
    assert dialog.count.text() == "120 patients"
    no_phone = [
        dialog.results.topLevelItem(i)
        for i in range(120)
        if dialog.results.topLevelItem(i).text(1) == "no phone"
    ]
    assert len(no_phone) == 12 and all(item.childCount() == 1 for item in no_phone)


def test_a_confirmed_block_is_painted_anew_alone_and_right(desk: MainWindow) -> None:
    """A sync's confirmation repaints only the blocks it names; what is on screen then is what
    painting everything anew shows (the partial repaint misses nothing)."""
    for index in range(14, 40):  # one drawn as a block of its own, not in a "+N" overflow
        booking = pick(desk, index)
        grid = show(desk, booking, Mode.WEEK)
        grid.ensure_visible(booking.id)
        QApplication.processEvents()
        drawn = grid.block_rect(booking.id)
        if drawn is not None and drawn.width() > 8:
            break
    else:
        pytest.fail("no upcoming booking is drawn as a block of its own in the week")
    pencilled = booking.with_changes(sync_state=SyncState.PENCILLED)
    desk.context.repo.save_booking(pencilled, "test", None, "test")
    desk.apply_changes([booking.id])
    QApplication.processEvents()
    before = grid.painter_.generation
    desk.context.repo.save_booking(booking, "test", None, "test")  # confirmed again
    desk.apply_changes([booking.id])
    assert grid.painter_.generation == before  # nothing painted anew but the block
    patched = grid.viewport().grab().toImage()
    grid.painter_.invalidate()
    grid.viewport().repaint()
    whole = grid.viewport().grab().toImage()
    assert patched == whole
    desk.context.repo.save_booking(pencilled, "test", None, "test")
    desk.apply_changes([booking.id])
    assert grid.viewport().grab().toImage() != whole  # the block's look did change

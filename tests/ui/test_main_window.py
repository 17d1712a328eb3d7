"""The main window on a real demo clinic: the seeded week, navigation, refresh, smoke launch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings

import frontdesk
from frontdesk.app.demo import Demo
from frontdesk.app.desk import monday_of
from frontdesk.domain.timeutil import to_local
from frontdesk.ui.launch import launch
from frontdesk.ui.main_window import MainWindow, week_label


def _first_booking_week(window: MainWindow, demo: Demo) -> None:
    far = datetime(2100, 1, 1, tzinfo=UTC)
    bookings = [b for b in demo.context.repo.bookings_between(datetime.now(UTC), far) if b.active]
    assert bookings, "the demo seeded nothing"
    window.go_to_week(monday_of(to_local(bookings[0].start, window.zone).date()))


def test_the_seeded_week_is_drawn(window: MainWindow, demo: Demo) -> None:
    _first_booking_week(window, demo)
    week_start = datetime.combine(window.monday, datetime.min.time(), tzinfo=UTC)
    shown = demo.context.repo.bookings_between(
        week_start - timedelta(days=1), week_start + timedelta(days=8)
    )
    drawn = [b for b in shown if window.week_view.block_rect(b.id) is not None]
    assert drawn
    assert window.week_title.text() == week_label(window.monday)
    assert "online" in next(iter(window.connection_labels.values())).text()
    assert window.pending_label.text() == "All bookings synced"
    assert window.fresh_label.text().startswith("Calendar refreshed")


def test_a_block_is_found_where_it_is_drawn(window: MainWindow, demo: Demo) -> None:
    _first_booking_week(window, demo)
    view = window.week_view
    booking_id = next(b.booking.id for b in view._blocks if not b.hidden)
    rect = view.block_rect(booking_id)
    assert rect is not None
    view.verticalScrollBar().setValue(0)
    rect = view.block_rect(booking_id)
    assert rect is not None
    found = view.block_at(rect.center())
    assert found is not None and found.id == booking_id


def test_refresh_keeps_scroll_position_and_selection(window: MainWindow, demo: Demo) -> None:
    _first_booking_week(window, demo)
    view = window.week_view
    window.resize(900, 400)  # short enough to scroll
    booking_id = view._blocks[-1].booking.id
    view.select_booking(booking_id, ensure_visible=True)
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2 + 1)
    before = view.verticalScrollBar().value()
    window.refresh()
    assert view.selected_booking() == booking_id
    assert view.verticalScrollBar().value() == before


def test_week_navigation(window: MainWindow) -> None:
    start = window.monday
    window.next_action.trigger()
    assert window.monday == start + timedelta(days=7)
    window.prev_action.trigger()
    window.prev_action.trigger()
    assert window.monday == start - timedelta(days=7)
    window.today_action.trigger()
    assert window.monday == start


def test_controls_have_accessible_names(window: MainWindow) -> None:
    bar = window.findChild(type(window.addToolBar("probe")), "navigation")
    assert bar is not None
    for action in (
        window.today_action,
        window.prev_action,
        window.next_action,
        window.new_action,
        window.sync_action,
    ):
        assert bar.widgetForAction(action).accessibleName()
    assert window.week_view.accessibleName() == "Week calendar"


def test_geometry_is_remembered(window: MainWindow, demo: Demo) -> None:
    window.resize(1000, 700)
    window.close()
    settings = QSettings(
        str(demo.context.paths.config_dir / "window.ini"), QSettings.Format.IniFormat
    )
    assert settings.value("main/geometry") is not None


def test_smoke_launch_with_demo(qapp, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert launch(["--smoke-test", "--demo", "--profile-dir", str(tmp_path)]) == 0
    out = capsys.readouterr()
    assert "Traceback" not in out.out + out.err
    assert f"About says Version {frontdesk.__version__}" in out.out


def test_smoke_launch_fails_without_the_app_icon(qapp, tmp_path: Path, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The icon is given after the first paint, yet a build without it still fails its
    smoke check (and says why, without a traceback)."""
    broken = tmp_path / "broken.svg"
    broken.write_text("not an svg", encoding="utf-8")
    monkeypatch.setattr("frontdesk.ui.branding.resource_path", lambda _name: broken)
    code = launch(["--smoke-test", "--demo", "--profile-dir", str(tmp_path / "p")])
    out = capsys.readouterr()
    assert code == 1
    assert "smoke test failed: ValueError: the app icon" in out.err
    assert "Traceback" not in out.out + out.err


def test_double_click_on_an_empty_slot_opens_the_dialog_there(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, Qt

    from frontdesk.ui.week_view import HEADER_H

    view = window.week_view
    window.next_week()
    window.next_week()  # nothing is booked there (the demo seeds the 7 days from today)
    view.verticalScrollBar().setValue(0)
    x = int(view._x[1] + view._col_w(1) / 2)  # Tuesday
    y = HEADER_H + 2 * 60 + 40  # 09:40 lies in the 09:30 slot
    pos = QPoint(x, y)
    assert view.block_at(pos) is None
    slot = view.slot_at(pos)
    assert slot is not None
    local = to_local(slot, window.zone)
    assert (local.weekday(), local.hour, local.minute) == (1, 9, 30)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert len(window.open_dialogs) == 1
    dialog = window.open_dialogs[0]
    assert dialog.local_day_and_time() == (local.date(), local.time().replace(tzinfo=None))


def test_an_unexpected_error_is_logged_not_shown_offscreen(caplog) -> None:  # type: ignore[no-untyped-def]
    from frontdesk.ui.start_errors import make_excepthook

    hook = make_excepthook(lambda: None)
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        hook(RuntimeError, exc, exc.__traceback__)
    assert any("unexpected error" in r.getMessage() for r in caplog.records)


def test_a_sync_keeps_the_selection_the_scroll_and_a_half_typed_form(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, demo: Demo
) -> None:
    _first_booking_week(window, demo)
    view = window.week_view
    window.resize(900, 400)
    booking_id = view.bookings()[-1].id
    view.select_booking(booking_id, ensure_visible=True)
    scroll = view.verticalScrollBar().value()
    dialog = window.new_booking()
    qtbot.keyClicks(dialog.name_edit, "Half typed")
    with qtbot.waitSignal(window.synced, timeout=20_000):
        window.sync_now()
    assert dialog.isVisible() and dialog.name_edit.text() == "Half typed"
    assert view.selected_booking() == booking_id
    assert view.verticalScrollBar().value() == scroll


def test_file_quit_closes_the_desk_with_ctrl_q(window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.quit_action in window.file_menu.actions()
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"
    window.quit_action.trigger()
    assert not window.isVisible()


def test_help_lists_every_key_of_the_desk(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from frontdesk.ui.window_menus import show_shortcuts

    assert window.shortcuts_action in window.help_menu.actions()
    dialog = show_shortcuts(window)
    qtbot.waitExposed(dialog)
    listed = " | ".join(f"{keys} = {what}" for keys, what in dialog.rows)
    for keys in (
        "F1",
        "F2",
        "F3",
        "F4",
        "F5",
        "Ctrl+N",
        "Ctrl+F",
        "Ctrl+P",
        "Ctrl+Q",
        "A",
        "C",
        "N",
    ):
        assert any(k == keys or keys in k.split(" or ") for k, _ in dialog.rows), (keys, listed)
    for action in [*window.actions(), *window.pane.actions()]:
        for key in action.shortcuts():
            assert key.toString() in listed, action.text()
    assert "Enter" in listed and "Escape" in listed
    assert dialog.table.rowCount() == len(dialog.rows)
    dialog.close()


def test_clinic_settings_move_the_desk_to_another_clock(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from frontdesk.ui.settings_dialog import SettingsDialog

    assert window.settings_action in window.file_menu.actions()
    dialog = window.dialogs.clinic_settings()
    assert isinstance(dialog, SettingsDialog)
    dialog.zone.setCurrentIndex(dialog.zone.findData("Asia/Kolkata"))
    dialog.region.setCurrentIndex(dialog.region.findData("US"))
    assert "Asia/Kolkata" in dialog.note.text() and "United States" in dialog.note.text()
    dialog.zone.setEditText("Nowhere/Atlantis")
    assert "Not valid" in dialog.note.text()
    dialog.save()
    assert "Not saved" in dialog.note.text()
    assert window.context.settings.timezone != "Nowhere/Atlantis"
    dialog.zone.setCurrentIndex(dialog.zone.findData("Asia/Kolkata"))
    dialog.save()
    assert window.context.settings.timezone == "Asia/Kolkata"
    assert window.context.settings.paper_size == "Letter"
    assert window.zone == "Asia/Kolkata"  # the calendar is on the new clock at once

"""The clinic's own columns on a real desk (the demo clinic's HuskyVoice, two branches): the
dialog defines a column and a view and maps both branches to the column, whose bookings then
share it; switching views (Alt+1, Alt+2, the View menu) changes the grid's columns; a hidden
column is not shown; the view is remembered per desk; a member who is no administrator may
look but not change; screenshots of the dialog and of the desk."""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from shiboken6 import isValid

from frontdesk.app import columns as clinic_columns
from frontdesk.app.desk import resource_key
from frontdesk.app.staff import NotAllowed
from frontdesk.domain.audit import AuditFilter
from frontdesk.domain.booking import Booking
from frontdesk.domain.columns import ClinicColumn, ColumnKind, ColumnSetup, ColumnView
from frontdesk.domain.staff import Role
from frontdesk.domain.timeutil import to_local
from frontdesk.ui.calendar_pane import Mode
from frontdesk.ui.main_window import MainWindow
from support.clinic import MAIN, NORTH

SHOTS = os.environ.get("FRONTDESK_SHOT_DIR")


def shot(widget: object, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))  # type: ignore[attr-defined]


def busiest_day_with_both(window: MainWindow) -> tuple[Booking, Booking]:
    """A booking in each branch on one day (the day with most of both)."""
    repo = window.context.repo
    from datetime import UTC, datetime

    every = [
        b
        for b in repo.bookings_between(
            datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)
        )
        if b.active
    ]
    by_day: dict[object, dict[str, Booking]] = {}
    for b in every:
        by_day.setdefault(to_local(b.start, window.zone).date(), {}).setdefault(b.resource_id, b)
    both = [d for d, found in by_day.items() if MAIN in found and NORTH in found]
    assert both, "the demo seeded no day with bookings in both branches"
    day = max(both, key=lambda d: Counter(b.resource_id for b in every)[MAIN])
    return by_day[day][MAIN], by_day[day][NORTH]


def save_through_app(window: MainWindow, setup: ColumnSetup) -> ColumnSetup:
    saved = clinic_columns.save(window.context, setup)
    window.column_views.reread()  # what the topic "columns" does (a shared store tells it)
    return saved


def closed(dialog: object) -> bool:
    return not isValid(dialog) or not dialog.isVisible()  # type: ignore[attr-defined]


def titles(window: MainWindow) -> list[str]:
    return [c.title for c in window.day_view.columns]


def test_the_dialog_maps_two_resources_to_one_column_whose_bookings_share_it(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    main, north = busiest_day_with_both(window)
    connection = main.connection_id
    window.pane.show_day(to_local(main.start, window.zone).date(), Mode.DAY)
    assert titles(window) == ["Main Branch", "North Branch"]  # no clinic columns yet
    window.columns_action.trigger()
    dialog = window.column_views.dialog
    assert dialog is not None and dialog.may_edit
    qtbot.waitExposed(dialog)
    dialog.add_column("Dr. Berger")
    dialog.set_color(0, "#1a73e8")
    kind = dialog.table.cellWidget(0, 1)
    assert isinstance(kind, QComboBox)
    kind.setCurrentIndex(kind.findData(ColumnKind.PROVIDER.value))
    dialog.tabs.setCurrentIndex(1)
    for row in range(dialog.resources.rowCount()):  # both branches into Dr. Berger's column
        choice = dialog.resources.cellWidget(row, 2)
        assert isinstance(choice, QComboBox)
        choice.setCurrentIndex(choice.findText("Dr. Berger"))
    dialog.tabs.setCurrentIndex(2)
    dialog.add_view("Dr. Berger's week")
    first = dialog.view_columns.item(0)
    first.setCheckState(Qt.CheckState.Checked)
    shot(dialog, "clinic-columns-dialog.png")
    dialog.resize(880, 560)
    assert dialog.width() <= 1366 and dialog.height() <= 768
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    assert window.ops.wait()

    stored = clinic_columns.setup(window.context)
    (berger,) = stored.columns
    assert (berger.name, berger.color) == ("Dr. Berger", "#1a73e8")
    assert dict(stored.mapping) == {(connection, MAIN): berger.id, (connection, NORTH): berger.id}
    assert [v.name for v in stored.views] == ["Dr. Berger's week"]
    assert stored.views[0].columns == (berger.id,)
    # the day shows the clinic's column, its name and colour, holding both branches' bookings
    assert titles(window) == ["Dr. Berger"]
    assert window.day_view.columns[0].color == "#1a73e8"
    grid = window.day_view
    for booking in (main, north):
        rect = grid.block_rect(booking.id)
        assert rect is not None
        assert grid.column_at(rect.center()) == 0
    line = window.context.repo.audit.audit_page(AuditFilter(event="columns changed"))[0]
    assert line.staff == window.context.staff.actor().staff
    assert line.changes["column Dr. Berger"][1] == "Dr. Berger (provider, #1a73e8)"
    mapped = [k for k in line.changes if k.startswith("resource Main Branch (")]
    assert len(mapped) == 1 and line.changes[mapped[0]] == [None, "Dr. Berger"]
    shot(window, "clinic-columns-desk.png")


def test_switching_views_changes_the_grids_columns_and_is_remembered(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, demo
) -> None:
    main, north = busiest_day_with_both(window)
    cid = main.connection_id
    setup = ColumnSetup(
        (
            ClinicColumn("a", "Dr. Berger", ColumnKind.PROVIDER, "#1a73e8"),
            ClinicColumn("b", "Hygiene chair", ColumnKind.CHAIR, "#d01884"),
        ),
        {(cid, MAIN): "a", (cid, NORTH): "b"},
        (
            ColumnView("v1", "Hygiene chairs", ("b",)),
            ColumnView("v2", "Both, chair first", ("b", "a")),
        ),
    )
    save_through_app(window, setup)
    window.pane.show_day(to_local(main.start, window.zone).date(), Mode.DAY)
    assert titles(window) == ["Dr. Berger", "Hygiene chair"]  # Everything, the clinic's order
    names = [a.text() for a in window.column_views.menu.actions()]
    assert names == ["Everything", "Hygiene chairs", "Both, chair first"]
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert titles(window) == ["Hygiene chair"]
    assert window.day_view.block_rect(main.id) is None  # Dr. Berger's is not in this view
    assert window.day_view.block_rect(north.id) is not None
    assert window.week_title.text().endswith("· Hygiene chairs")
    assert [r.name for r in window.side.shown()] == ["Hygiene chair"]
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert titles(window) == ["Hygiene chair", "Dr. Berger"]
    window.pane.set_mode(Mode.WEEK)  # the week too: only the view's bookings
    window.column_views.menu.actions()[1].trigger()  # View > Column view > Hygiene chairs
    shown = {b.id for b in window.week_view.bookings()}
    assert north.id in shown and main.id not in shown
    assert window.column_views.menu.actions()[1].isChecked()
    window.shutdown()
    # the desk remembers its view (another window on this profile starts in it)
    again = MainWindow(demo.context, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(again)
    try:
        assert again.pane.view_id == "v1"
        again.pane.show_day(to_local(main.start, again.zone).date(), Mode.DAY)
        assert [c.title for c in again.day_view.columns] == ["Hygiene chair"]
    finally:
        again.shutdown()


def test_a_hidden_column_is_not_shown_and_unmapped_resources_still_are(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    main, north = busiest_day_with_both(window)
    cid = main.connection_id
    setup = ColumnSetup((ClinicColumn("a", "Dr. Berger", hidden=True),), {(cid, MAIN): "a"}, ())
    save_through_app(window, setup)
    window.pane.show_day(to_local(main.start, window.zone).date(), Mode.DAY)
    # Dr. Berger's column is hidden; the north branch, in no column, shows as its own
    assert titles(window) == ["North Branch"]
    assert window.day_view.block_rect(main.id) is None
    assert window.day_view.block_rect(north.id) is not None
    assert resource_key(main) in window.pane.hidden
    setup = clinic_columns.setup(window.context)
    save_through_app(
        window, ColumnSetup((ClinicColumn("a", "Dr. Berger"),), setup.mapping, (), setup.revision)
    )
    assert titles(window) == ["Dr. Berger", "North Branch"]
    assert window.day_view.block_rect(main.id) is not None


def test_a_member_who_is_no_administrator_may_look_but_not_change(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    context = window.context
    kept = save_through_app(
        window, ColumnSetup((ClinicColumn("a", "Dr. Berger", color="#1a73e8"),))
    )
    context.staff.add_staff("Rita Desk", Role.STAFF, "1357")
    context.staff.sign_in("Rita Desk", "1357")
    window.columns_action.trigger()
    dialog = window.column_views.dialog
    assert dialog is not None and not dialog.may_edit
    assert not dialog.save_button.isEnabled()
    assert "Only an administrator" in dialog.message.text()
    shot(dialog, "clinic-columns-read-only.png")
    assert not any(
        b.isEnabled() for b in dialog.findChildren(type(dialog.save_button)) if b.property("edits")
    )
    with pytest.raises(NotAllowed):  # and the app refuses it too
        clinic_columns.save(context, ColumnSetup((ClinicColumn("x", "Dr. X"),), {}, (), 1))
    assert clinic_columns.setup(context) == kept
    dialog.done(0)


def test_a_refused_save_says_why_and_keeps_the_dialog(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    window.columns_action.trigger()
    dialog = window.column_views.dialog
    assert dialog is not None
    dialog.add_column("Dr. Berger")
    dialog.add_column("dr. berger")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.ops.wait()
    qtbot.waitUntil(lambda: "two columns named" in dialog.message.text(), timeout=5000)
    assert dialog.isVisible() and dialog.save_button.isEnabled()
    assert clinic_columns.setup(window.context).columns == ()
    dialog.remove_column(1)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    assert [c.name for c in clinic_columns.setup(window.context).columns] == ["Dr. Berger"]


def test_the_dialog_makes_a_column_for_each_resource_and_orders_a_views_columns(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow
) -> None:
    window.columns_action.trigger()
    dialog = window.column_views.dialog
    assert dialog is not None
    buttons = {b.text(): b for b in dialog.findChildren(type(dialog.save_button))}
    qtbot.mouseClick(buttons["A column for &each"], Qt.MouseButton.LeftButton)
    assert [c.name for c in dialog.columns] == ["Main Branch", "North Branch"]
    dialog.tabs.setCurrentIndex(2)
    qtbot.mouseClick(buttons["A&dd view"], Qt.MouseButton.LeftButton)
    view = dialog.view_list.item(0)
    view.setText("Chairs")  # as typed in place
    for row in range(dialog.view_columns.count()):
        dialog.view_columns.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.view_columns.setCurrentRow(1)
    qtbot.mouseClick(buttons["Column up"], Qt.MouseButton.LeftButton)  # North first
    qtbot.mouseClick(buttons["A&dd view"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons["Up"], Qt.MouseButton.LeftButton)  # the new view first
    assert [v.name for v in dialog.views] == ["View 2", "Chairs"]
    qtbot.mouseClick(buttons["Remo&ve view"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    stored = clinic_columns.setup(window.context)
    (chairs,) = stored.views
    assert chairs.name == "Chairs"
    assert [stored.column(i).name for i in chairs.columns] == ["North Branch", "Main Branch"]  # type: ignore[union-attr]
    assert [a.text() for a in window.column_views.menu.actions()] == ["Everything", "Chairs"]
    assert window.column_views.menu.actions()[1].shortcut().toString() == "Alt+2"

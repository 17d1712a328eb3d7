"""The main window's actions and menu bar: how an action is made (tooltip with its shortcut,
status tip, shortcut context) and what the File, View, Booking and Help menus hold. The
actions themselves are made where their work is (the toolbar, the window); this module only
names them and puts them in menus."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from frontdesk.ui.main_window import MainWindow


def make_action(
    owner: QWidget, text: str, tip: str, slot: Any, keys: Any = None, *, context: Any = None
) -> QAction:
    """An action on ``owner`` (so its shortcut works there) that runs ``slot``."""
    act = QAction(text, owner)
    act.setToolTip(tip)
    act.setStatusTip(tip)
    if keys is not None:
        act.setShortcuts(keys if isinstance(keys, list) else [keys])
        shown = QKeySequence(act.shortcut()).toString(QKeySequence.SequenceFormat.NativeText)
        act.setToolTip(f"{tip} ({shown})")
    if context is not None:
        act.setShortcutContext(context)
    act.triggered.connect(slot)
    owner.addAction(act)
    return act


def build_menus(window: MainWindow) -> None:
    """File (connections, day sheet), View (views, panels), Booking, and an empty Help that
    ``about_dialog`` fills."""
    menu = window.menuBar()
    window.file_menu = menu.addMenu("&File")
    window.connections_action = make_action(
        window,
        "&Connections…",
        "Add, change or test the booking systems",
        window.open_connections,
    )
    window.file_menu.addAction(window.connections_action)
    window.file_menu.addSeparator()
    window.print_action = make_action(
        window,
        "&Print day sheet…",
        "Print the shown day, a page per provider",
        window.print_day_sheet,
        QKeySequence.StandardKey.Print,
    )
    window.pdf_action = make_action(
        window, "Save day sheet as P&DF…", "Save the shown day as a PDF file", window.save_day_sheet
    )
    window.file_menu.addAction(window.print_action)
    window.file_menu.addAction(window.pdf_action)
    window.view_menu = menu.addMenu("&View")
    for act in window.view_actions.values():
        window.view_menu.addAction(act)
    window.view_menu.addSeparator()
    for dock in (window.side_dock, window.details_dock, window.sync_dock):
        window.view_menu.addAction(dock.toggleViewAction())
    window.booking_menu = menu.addMenu("&Booking")
    for act in (window.new_action, window.find_action):
        window.booking_menu.addAction(act)
    window.booking_menu.addSeparator()
    for act in (*window.status_actions.values(), window.move_action, window.cancel_action):
        window.booking_menu.addAction(act)
    window.help_menu = menu.addMenu("&Help")

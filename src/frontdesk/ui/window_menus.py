"""The main window's actions, toolbar and menu bar: how an action is made (tooltip with its
shortcut, status tip, shortcut context), the navigation toolbar with the desk's actions (and
its single-key status actions), and what the File (with export and import), View, Booking and
Help menus hold."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar, QWidget

from frontdesk.domain.booking import VisitStatus
from frontdesk.domain.translation import translate
from frontdesk.ui.calendar_pane import MODE_NAMES, Mode
from frontdesk.ui.shortcuts_dialog import ShortcutsDialog

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
    """File (connections, day sheet, quit), View (views, panels), Booking, and Help (the
    keyboard shortcuts; ``about_action`` adds About)."""
    menu = window.menuBar()
    window.file_menu = menu.addMenu(translate("Menus", "&File"))
    window.connections_action = make_action(
        window,
        translate("Menus", "&Connections…"),
        translate("Menus", "Add, change or test the booking systems"),
        window.open_connections,
    )
    window.file_menu.addAction(window.connections_action)
    window.settings_action = make_action(
        window,
        translate("Menus", "Clinic &settings…"),
        translate("Menus", "The clinic's time zone, phone region and paper"),
        lambda _checked=False: window.dialogs.clinic_settings(),
    )
    window.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
    window.file_menu.addAction(window.settings_action)
    window.file_menu.addSeparator()
    window.print_action = make_action(
        window,
        translate("Menus", "&Print day sheet…"),
        translate("Menus", "Print the shown day: the whole day, then a page per provider"),
        window.print_day_sheet,
        QKeySequence.StandardKey.Print,
    )
    window.pdf_action = make_action(
        window,
        translate("Menus", "Save day sheet as P&DF…"),
        translate("Menus", "Save the shown day as a PDF file"),
        lambda _checked=False: window.save_day_sheet(),  # not the "checked" flag as a path
    )
    window.file_menu.addAction(window.print_action)
    window.file_menu.addAction(window.pdf_action)
    window.file_menu.addSeparator()
    build_file_actions(window)
    window.file_menu.addSeparator()
    window.quit_action = make_action(
        window,
        translate("Menus", "&Quit"),
        translate("Menus", "Close FrontDesk"),
        lambda _checked=False: window.close(),
        [QKeySequence("Ctrl+Q")],
    )
    window.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    window.file_menu.addAction(window.quit_action)
    window.view_menu = menu.addMenu(translate("Menus", "&View"))
    for act in window.view_actions.values():
        window.view_menu.addAction(act)
    window.view_menu.addSeparator()
    for dock, key in (
        (window.side_dock, "Ctrl+1"),
        (window.details_dock, "Ctrl+2"),
        (window.sync_dock, "F6"),
    ):
        toggle = dock.toggleViewAction()
        toggle.setShortcut(QKeySequence(key))
        toggle.setStatusTip(
            translate("Menus", "Show or hide the {panel} panel").format(
                panel=dock.windowTitle().lower()
            )
        )
        window.addAction(toggle)
        window.view_menu.addAction(toggle)
    window.booking_menu = menu.addMenu(translate("Menus", "&Booking"))
    window.opening_action = make_action(
        window,
        translate("Menus", "Find an &opening…"),
        translate(
            "Menus", "Search the next free times for a service, provider, days and part of day"
        ),
        lambda _checked=False: window.find_opening(),
        [QKeySequence("Ctrl+O")],
    )
    for act in (window.new_action, window.opening_action, window.find_action):
        window.booking_menu.addAction(act)
    window.booking_menu.addSeparator()
    for act in (*window.status_actions.values(), window.move_action, window.cancel_action):
        window.booking_menu.addAction(act)
    window.help_menu = menu.addMenu(translate("Menus", "&Help"))
    window.shortcuts_action = make_action(
        window,
        translate("Menus", "&Keyboard shortcuts"),
        translate("Menus", "Every key the desk answers to"),
        lambda _checked=False: show_shortcuts(window),
        [QKeySequence("Ctrl+/")],
    )
    window.help_menu.addAction(window.shortcuts_action)


def build_file_actions(window: MainWindow) -> None:
    """File > Export day / week / patient's appointments and Import bookings."""
    for name, text, tip, kind in (
        (
            "export_day_action",
            translate("Menus", "&Export day…"),
            translate("Menus", "Save the shown day as a calendar file or CSV"),
            "day",
        ),
        (
            "export_week_action",
            translate("Menus", "Export &week…"),
            translate(
                "Menus", "Save a provider's week (no patient names) as a calendar file or CSV"
            ),
            "week",
        ),
        (
            "export_patient_action",
            translate("Menus", "Export patient's &appointments…"),
            translate("Menus", "Save one patient's appointments as a calendar file or CSV"),
            "patient",
        ),
    ):
        act = make_action(
            window, text, tip, lambda _checked=False, k=kind: window.dialogs.export(k)
        )
        setattr(window, name, act)
        window.file_menu.addAction(act)
    window.import_action = make_action(
        window,
        translate("Menus", "&Import bookings…"),
        translate("Menus", "Book from a CSV file: see the rows it would queue and refuse first"),
        lambda _checked=False: window.dialogs.import_bookings(),
    )
    window.file_menu.addAction(window.import_action)


def show_shortcuts(window: MainWindow) -> ShortcutsDialog:
    """Help > Keyboard shortcuts, over the window (non-blocking)."""
    actions = [*window.actions(), *window.pane.actions()]
    dialog = ShortcutsDialog(actions, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    window.shortcuts_dialog = dialog
    return dialog


def _act(
    window: MainWindow, text: str, tip: str, slot: Any, keys: Any = None, *, context: Any = None
) -> QAction:
    return make_action(window, text, tip, slot, keys, context=context)


def build_toolbar(window: MainWindow) -> None:
    """The navigation toolbar (today, previous, next, the shown dates, the views, find, new,
    sync) and the desk's single-key status actions, move and cancel."""
    bar = QToolBar(translate("Menus", "Navigation"), window)
    bar.setObjectName("navigation")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    bar.setAccessibleName(translate("Menus", "Navigation"))
    window.addToolBar(bar)

    def add(act: QAction, name: str, spoken: str | None = None) -> QAction:
        """Put ``act`` on the bar; its button is found by ``name`` (English, the same in
        every language) and read out as ``spoken`` (its name in the desk's language)."""
        bar.addAction(act)
        widget = bar.widgetForAction(act)
        if widget is not None:
            widget.setAccessibleName(spoken or translate("Menus", name))
            widget.setObjectName(name.replace(" ", "_").lower())
        return act

    window.today_action = add(
        _act(
            window,
            translate("Menus", "Today"),
            translate("Menus", "Go to today"),
            window.pane.today,
            QKeySequence("Ctrl+T"),
        ),
        "Today",
    )
    # the arrows point the way the dates run: leftwards back in a left-to-right desk
    back, ahead = ("▶", "◀") if window.isRightToLeft() else ("◀", "▶")
    window.prev_action = add(
        _act(
            window,
            back,
            translate("Menus", "Previous"),
            lambda: window.pane.step(-1),
            QKeySequence("Alt+Left"),
        ),
        "Previous",
    )
    window.next_action = add(
        _act(
            window,
            ahead,
            translate("Menus", "Next"),
            lambda: window.pane.step(1),
            QKeySequence("Alt+Right"),
        ),
        "Next",
    )
    window.week_title = QLabel(window)
    window.week_title.setAccessibleName(translate("Menus", "Shown dates"))
    font = window.week_title.font()
    font.setPointSizeF(font.pointSizeF() + 2)
    font.setBold(True)
    window.week_title.setFont(font)
    window.week_title.setContentsMargins(12, 0, 12, 0)
    bar.addWidget(window.week_title)
    bar.addSeparator()
    group = QActionGroup(window)
    window.view_actions = {}
    for mode in Mode:
        name = translate("Views", MODE_NAMES[mode])
        act = _act(
            window,
            name,
            translate("Menus", "{view} view").format(view=name),
            lambda _checked=False, m=mode: window.pane.set_mode(m),
            QKeySequence(f"F{mode + 1}"),
        )
        act.setCheckable(True)
        group.addAction(act)
        window.view_actions[mode] = add(act, f"{MODE_NAMES[mode]} view", act.statusTip())
    spacer = QWidget(window)
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(spacer)
    window.find_action = add(
        _act(
            window,
            translate("Menus", "Find patient"),
            translate("Menus", "Find a patient"),
            window.find_patient,
            QKeySequence.StandardKey.Find,
        ),
        "Find patient",
    )
    window.new_action = add(
        _act(
            window,
            translate("Menus", "New booking"),
            translate("Menus", "Book an appointment"),
            lambda: window.new_booking(None),
            QKeySequence.StandardKey.New,
        ),
        "New booking",
    )
    window.sync_action = add(
        _act(
            window,
            translate("Menus", "Sync now"),
            translate("Menus", "Send waiting bookings and refresh the calendars now"),
            window.sync_now,
            QKeySequence("F5"),
        ),
        "Sync now",
    )
    # one keystroke at the desk, while the calendar has the focus
    scoped = Qt.ShortcutContext.WidgetWithChildrenShortcut
    window.status_actions = {}
    for status, text, key in (
        (VisitStatus.ARRIVED, translate("Menus", "Arrived"), "A"),
        (VisitStatus.COMPLETED, translate("Menus", "Completed"), "C"),
        (VisitStatus.NO_SHOW, translate("Menus", "No-show"), "N"),
    ):
        act = QAction(text, window.pane)
        act.setShortcut(QKeySequence(key))
        act.setShortcutContext(scoped)
        act.triggered.connect(lambda _c=False, s=status: window._status_key(s))
        window.pane.addAction(act)
        window.status_actions[status] = act
    window.move_action = _act(
        window,
        translate("Menus", "Move…"),
        translate("Menus", "Move the selected appointment"),
        window._move_selected,
    )
    window.cancel_action = _act(
        window,
        translate("Menus", "Cancel appointment…"),
        translate("Menus", "Cancel the selected appointment"),
        window._cancel_selected,
    )

"""The clinic's column views on the desk: View ▸ Column view lists them ("Everything" first,
then the saved views), Alt+1 … Alt+9 pick the first nine, and the choice is remembered per desk
(the window's settings); View ▸ Clinic columns… opens the dialog (``columns_dialog``), whose
save runs on the change runner. When the columns change, here or at another desk of a shared
store (the topic ``"columns"``), the menu and the calendar read them again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu
from shiboken6 import isValid

from frontdesk.app import columns as clinic_columns
from frontdesk.app.staff import NotAllowed
from frontdesk.domain.columns import EVERYTHING, EVERYTHING_NAME, ColumnSetup, ColumnView
from frontdesk.domain.translation import translate
from frontdesk.ui.window_menus import make_action

if TYPE_CHECKING:
    from frontdesk.ui.columns_dialog import ColumnsDialog
    from frontdesk.ui.main_window import MainWindow

SETTING = "columns/view"
MAX_KEYED = 9


def shown_name(view: ColumnView) -> str:
    """A view's name as the menu shows it ("Everything" in the desk's language)."""
    return translate("Columns", EVERYTHING_NAME) if view.id == EVERYTHING else view.name


class ColumnViews:
    """The View menu's column views and their keys, for one window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.menu = QMenu(translate("Columns", "Column &view"), window)
        self.menu.setAccessibleName(translate("Columns", "Column view"))
        self.group = QActionGroup(window)
        self.group.setExclusive(True)
        self.actions: list[QAction] = []
        self.dialog: ColumnsDialog | None = None
        self.listed: ColumnSetup | None = None  # the setup the menu lists

    def rebuild(self) -> None:
        """The menu's entries from the clinic's views as the pane last read them."""
        window, pane = self.window, self.window.pane
        for act in self.actions:
            window.removeAction(act)
            self.group.removeAction(act)
            self.menu.removeAction(act)
            act.deleteLater()
        self.actions = []
        found = self.listed = pane.column_setup()
        current = found.view(pane.view_id).id
        for n, view in enumerate(found.choices()):
            keys = [QKeySequence(f"Alt+{n + 1}")] if n < MAX_KEYED else None
            act = make_action(
                window,
                shown_name(view).replace("&", "&&"),
                translate("Columns", "Show the columns of the view \u201c{view}\u201d").format(
                    view=shown_name(view)
                ),
                lambda _checked=False, vid=view.id: self.choose(vid),
                keys,
            )
            act.setCheckable(True)
            act.setChecked(view.id == current)
            act.setData(view.id)
            self.group.addAction(act)
            self.menu.addAction(act)
            self.actions.append(act)

    def choose(self, view_id: str, remember: bool = True) -> None:
        """Show view ``view_id``; the side panel's filter lists its columns."""
        window = self.window
        window.side.set_resources(window.pane.columns_of_view(view_id))
        window.pane.set_filter(frozenset(window.side.hidden_keys()))
        for act in self.actions:
            act.setChecked(act.data() == window.pane.column_setup().view(view_id).id)
        window.pane.shownChanged.emit()  # the title names the view
        if remember:
            window._settings.setValue(SETTING, view_id)
            window._settings.sync()

    def reread(self) -> None:
        """The clinic's columns changed (this desk's save, another desk's), or anything may
        have (a pull): read them, and show them again only if they did change."""
        pane = self.window.pane
        fresh = clinic_columns.setup(self.window.context)
        if fresh == self.listed and fresh == pane.setup:
            return
        pane.setup = fresh
        self.choose(pane.view_id, remember=False)
        self.rebuild()

    def open_dialog(self) -> ColumnsDialog:
        """View ▸ Clinic columns…: anyone may look, an administrator may change."""
        from frontdesk.ui.columns_dialog import ColumnsDialog

        window = self.window
        if self.dialog is not None and isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.raise_()
            return self.dialog
        context = window.context
        found = clinic_columns.setup(context)
        dialog = ColumnsDialog(found, window.pane.api_resources, context.staff.is_admin, window)
        dialog.saveRequested.connect(lambda setup: self._save(dialog, setup))
        window.dialogs._keep(dialog)
        self.dialog = dialog
        return dialog

    def _save(self, dialog: ColumnsDialog, setup: ColumnSetup) -> None:
        context = self.window.context

        def saved(_result: object) -> None:
            self.window.statusBar().showMessage(
                translate("Columns", "The clinic's columns are saved."), 10_000
            )
            if isValid(dialog):
                dialog.accept()

        def failed(error: BaseException) -> None:
            if not isValid(dialog):  # closed meanwhile: the status bar says it
                self.window.statusBar().showMessage(
                    translate("Columns", "Columns not saved: {why}").format(why=error), 10_000
                )
            elif isinstance(error, (clinic_columns.ColumnsRefused, NotAllowed)):
                dialog.refused(str(error))
            else:
                dialog.refused(
                    translate("Columns", "The columns could not be saved; the log says why.")
                )

        self.window.ops.run(
            lambda: clinic_columns.save(context, setup),
            lambda _r: ["#" + clinic_columns.TOPIC],
            saved,
            failed=failed,
            expected=(clinic_columns.ColumnsRefused, NotAllowed),
        )


def install_columns_actions(window: MainWindow) -> ColumnViews:
    """View ▸ Column view (Alt+1 … Alt+9) and View ▸ Clinic columns…, after the calendar's
    views; the desk's remembered view is shown."""
    views = ColumnViews(window)
    window.column_views = views
    window.columns_action = make_action(
        window,
        translate("Columns", "Clinic &columns…"),
        translate(
            "Columns",
            "The clinic's providers, chairs and rooms, the booking systems' resources shown "
            "in each, and the saved views",
        ),
        lambda _checked=False: views.open_dialog(),
    )
    menu = window.view_menu
    first_separator = next(a for a in menu.actions() if a.isSeparator())
    menu.insertSeparator(first_separator)
    menu.insertMenu(first_separator, views.menu)
    menu.insertAction(first_separator, window.columns_action)
    remembered = window._settings.value(SETTING)
    if remembered:  # shown by the window's first refresh (nothing is read here)
        window.pane.view_id = str(remembered)
    window.when_store_open(views.rebuild)
    window.on_topic(clinic_columns.TOPIC, views.reread)
    return views

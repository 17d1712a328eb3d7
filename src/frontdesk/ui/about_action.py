"""The "About FrontDesk" action of a main window's Help menu (on macOS Qt moves it to the
application menu, where Mac apps keep it). The dialog itself (:mod:`frontdesk.ui.about_dialog`)
is imported when it is first opened, not at the desk's start.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from frontdesk import APP_NAME
from frontdesk.app.paths import Paths
from frontdesk.domain.translation import translate


def install_about_action(window: QMainWindow, paths: Paths) -> QAction:
    """Add "About FrontDesk" to the window's Help menu, making the menu if there is none."""
    bar = window.menuBar()
    menu = getattr(window, "help_menu", None)  # found by what it is, not by its words
    if not isinstance(menu, QMenu):
        menu = bar.addMenu(translate("Menus", "&Help"))
    action = QAction(translate("Menus", "&About {app}").format(app=APP_NAME), window)
    action.setMenuRole(QAction.MenuRole.AboutRole)
    action.setStatusTip(translate("Menus", "Version, and where this desk keeps its files"))
    action.triggered.connect(lambda: _show(window, paths))
    menu.addAction(action)
    return action


def _show(window: QMainWindow, paths: Paths) -> None:
    from frontdesk.ui.about_dialog import show_about

    show_about(window, paths)

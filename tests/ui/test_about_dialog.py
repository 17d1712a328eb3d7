"""The About dialog and the app icon: the version from the package, the profile's folders, the
icon rendered from the shipped SVG, and the Help menu that opens it."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu

import frontdesk
from frontdesk.app.paths import Paths
from frontdesk.ui.about_action import install_about_action
from frontdesk.ui.about_dialog import AboutDialog, folder_rows
from frontdesk.ui.branding import (
    ICON_SIZES,
    app_icon,
    apply_branding,
    apply_icon,
    apply_version,
    render_icon,
)
from frontdesk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def test_the_version_shown_is_the_packages(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog(Paths.resolve(tmp_path))
    qtbot.addWidget(dialog)
    assert frontdesk.__version__ == _project_version()
    assert dialog.version_label.text() == f"Version {_project_version()}"
    assert dialog.windowTitle() == "About FrontDesk"


def test_each_folder_is_a_link_to_itself(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = Paths.resolve(tmp_path)
    dialog = AboutDialog(paths)
    qtbot.addWidget(dialog)
    assert set(dialog.folder_labels) == {"Data", "Settings", "Logs"}
    for label, path in folder_rows(paths):
        text = dialog.folder_labels[label].text()
        assert str(path) in text and "<a href=" in text
        assert dialog.folder_labels[label].accessibleDescription() == str(path)


def test_one_row_when_data_and_settings_share_a_folder(tmp_path: Path) -> None:
    shared = Paths(tmp_path, tmp_path, tmp_path / "Logs")  # how Windows lays them out
    assert [label for label, _ in folder_rows(shared)] == ["Data and settings", "Logs"]


def test_copy_details_puts_version_and_folders_on_the_clipboard(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    paths = Paths.resolve(tmp_path)
    dialog = AboutDialog(paths)
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(f"FrontDesk {frontdesk.__version__}\n")
    assert f"Logs: {paths.log_dir}" in copied
    assert "Qt 6." in copied


def test_the_icon_is_rendered_from_the_shipped_svg(qapp) -> None:  # type: ignore[no-untyped-def]
    image = render_icon(64)
    assert image.size() == QSize(64, 64)
    assert image.pixelColor(0, 63).alpha() == 0  # the rounded corner stays transparent
    assert image.pixelColor(32, 40) == QColor("#E5484D")  # the red cross
    sizes = {size.width() for size in app_icon().availableSizes()}
    assert sizes == set(ICON_SIZES)


def test_branding_names_the_app_and_sets_its_icon(qapp) -> None:  # type: ignore[no-untyped-def]
    apply_branding(qapp)
    apply_icon(qapp)  # after the first paint, in a start
    apply_version(qapp)  # after the first paint, in a start
    assert qapp.applicationVersion() == frontdesk.__version__
    assert qapp.desktopFileName() == frontdesk.APP_ID
    assert not QApplication.windowIcon().isNull()


def test_about_joins_an_existing_help_menu(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("&File")
    help_menu = window.menuBar().addMenu("&Hilfe")  # found as the window's help menu, any words
    window.help_menu = help_menu  # type: ignore[attr-defined]
    action = install_about_action(window, Paths.resolve(tmp_path))
    assert help_menu.actions() == [action]
    assert [m.title() for m in window.menuBar().findChildren(QMenu)] == ["&File", "&Hilfe"]
    assert action.menuRole() == action.MenuRole.AboutRole


def test_the_help_menu_opens_about(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.isVisible()
    assert dialog.folder_labels["Data"].accessibleDescription() == str(
        window.context.paths.data_dir
    )
    dialog.reject()

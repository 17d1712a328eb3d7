"""The About dialog: what this desk is, which version runs, and where it keeps its files.

Owns the one place a receptionist or the clinic's IT reads the version (from the package
metadata, so a packaged build shows the version it was built from) and the data, settings and
log folders of the open profile, each a link that opens the folder. "Copy details" puts the
same facts, with the Qt and Python versions, on the clipboard for a support request.
:mod:`frontdesk.ui.about_action` puts "About FrontDesk" in a main window's Help menu (this
module is imported when the dialog is first opened).
"""

from __future__ import annotations

import html
import logging
import platform
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk import APP_NAME, version
from frontdesk.app.paths import Paths
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.ui.theme import mark_hint

log = logging.getLogger("frontdesk.ui")

TAGLINE = QT_TRANSLATE_NOOP(
    "About",
    "The booking desk for a clinic's front desk: book, move, cancel and check in patients, "
    "even when the internet is down. Bookings are checked by the clinic's own booking rules "
    "and sent to its booking system, exactly once.",
)
# the folders' names (English keys; shown through translate("About", name))
FOLDER_WORDS = (
    QT_TRANSLATE_NOOP("About", "Data and settings"),
    QT_TRANSLATE_NOOP("About", "Data"),
    QT_TRANSLATE_NOOP("About", "Settings"),
    QT_TRANSLATE_NOOP("About", "Logs"),
)


def folder_rows(paths: Paths) -> list[tuple[str, Path]]:
    """The profile's folders as (label, path), one row per distinct folder."""
    if paths.config_dir == paths.data_dir:  # Windows and macOS keep both in one folder
        rows = [("Data and settings", paths.data_dir)]
    else:
        rows = [("Data", paths.data_dir), ("Settings", paths.config_dir)]
    rows.append(("Logs", paths.log_dir))
    return rows


def runtime_line() -> str:
    python = ".".join(str(part) for part in sys.version_info[:3])
    return f"Qt {qVersion()} · PySide6 {pyside_version} · Python {python} · {platform.platform()}"


class AboutDialog(QDialog):
    def __init__(self, paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        title = translate("About", "About {app}").format(app=APP_NAME)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        from frontdesk.ui.branding import app_icon  # QtSvg: when the dialog first opens

        icon = QLabel(self)
        try:
            drawn = app_icon()
        except (OSError, ValueError):  # said once, at the start (launch.give_icon)
            log.warning("the About dialog shows no icon: it could not be loaded")
        else:
            self.setWindowIcon(drawn)
            icon.setPixmap(drawn.pixmap(64, 64))
        icon.setAccessibleName(translate("About", "{app} icon").format(app=APP_NAME))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.name_label = QLabel(APP_NAME, self)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.name_label.setFont(font)
        said = translate("About", "Version {version}").format(version=version())
        self.version_label = QLabel(said, self)
        self.version_label.setAccessibleName(translate("About", "Version"))
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        tagline = QLabel(translate("About", TAGLINE), self)
        tagline.setWordWrap(True)

        heading = QVBoxLayout()
        heading.addWidget(self.name_label)
        heading.addWidget(self.version_label)
        heading.addSpacing(6)
        heading.addWidget(tagline)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addSpacing(12)
        top.addLayout(heading, 1)

        folders = QGridLayout()
        folders.setColumnStretch(1, 1)
        self.folder_labels: dict[str, QLabel] = {}
        for row, (label, path) in enumerate(folder_rows(paths)):
            name = translate("About", label)
            caption = translate("About", "{folder}:").format(folder=name)
            folders.addWidget(QLabel(caption, self), row, 0, Qt.AlignmentFlag.AlignTop)
            link = QLabel(self)
            link.setTextFormat(Qt.TextFormat.RichText)
            url = QUrl.fromLocalFile(str(path)).toString()
            link.setText(f"<a href='{html.escape(url)}'>{html.escape(str(path))}</a>")
            link.setToolTip(translate("About", "Open this folder ({path})").format(path=path))
            link.setAccessibleName(translate("About", "{folder} folder").format(folder=name))
            link.setAccessibleDescription(str(path))
            link.setWordWrap(True)
            link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
            link.setOpenExternalLinks(False)
            link.linkActivated.connect(self._open_folder)
            folders.addWidget(link, row, 1)
            self.folder_labels[label] = link

        runtime = QLabel(runtime_line(), self)
        runtime.setWordWrap(True)
        mark_hint(runtime)
        runtime.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(translate("About", "Copy details"), self)
        self.copy_button.setToolTip(
            translate("About", "Copy the version and folders, for a support request")
        )
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(12)
        layout.addWidget(QLabel(translate("About", "This desk keeps its files here:"), self))
        layout.addLayout(folders)
        layout.addSpacing(8)
        layout.addWidget(runtime)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def details(self) -> str:
        """The facts a support request needs, as plain text."""
        lines = [f"{APP_NAME} {version()}"]
        lines += [f"{label}: {path}" for label, path in folder_rows(self.paths)]
        lines.append(runtime_line())
        return "\n".join(lines)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())

    def _open_folder(self, url: str) -> None:
        QDesktopServices.openUrl(QUrl(url))


def show_about(parent: QWidget, paths: Paths) -> AboutDialog:
    """Open the About dialog over ``parent`` (window-modal, non-blocking); returns it."""
    dialog = AboutDialog(paths, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    dialog.open()
    return dialog

"""The questions the connections dialog asks before it does something that cannot be undone or
that is less safe than usual: removing a connection (naming what is lost: its changes not yet
sent, its cached bookings, its key) and keeping a key in a file because the system keyring
refused it. Each is a window-modal message box opened with ``open()`` (never a nested event
loop); the dialog acts when its going-ahead button was chosen. ``RemovingConnections`` is the
dialog's removing side.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QLabel, QListWidget, QMessageBox, QPushButton, QWidget

from frontdesk.app.apis import ConnectionRecord
from frontdesk.app.connections import ConnectionError_, Removal, removal, remove_connection
from frontdesk.app.context import AppContext
from frontdesk.app.credentials import KeyringUnavailable

log = logging.getLogger("frontdesk.ui")


class Question(QMessageBox):
    """A message box with one button that goes ahead (``go``) and one that does not."""

    def __init__(self, parent: QWidget, title: str, go: str, stay: str = "Cancel") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setText(title)
        self.go: QPushButton = self.addButton(go, QMessageBox.ButtonRole.DestructiveRole)
        self.go.setAccessibleName(go)
        self.stay: QPushButton = self.addButton(stay, QMessageBox.ButtonRole.RejectRole)
        self.stay.setAccessibleName(stay)
        self.setDefaultButton(self.stay)  # Enter does not destroy anything
        self.setEscapeButton(self.stay)

    def went(self) -> bool:
        return self.clickedButton() is self.go


def removal_question(parent: QWidget, name: str, lost: Removal) -> Question:
    """ "Remove NAME?", with what it loses; a warning first when changes wait to be sent."""
    if lost.unsent:
        box = Question(parent, f"Remove {name!r} and lose unsent changes?", "Remove anyway")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setInformativeText(
            f"{lost.words(name)}\n\nThese changes have not reached the booking system yet. "
            "Sync first (Sync now), and remove the connection once nothing waits."
        )
    else:
        box = Question(parent, f"Remove {name!r}?", "Remove")
        box.setIcon(QMessageBox.Icon.Question)
        box.setInformativeText(lost.words(name))
    return box


def key_file_question(parent: QWidget, reason: str, where: str) -> Question:
    """The keyring refused the key: keep it in the protected file instead?"""
    box = Question(parent, "Keep the API key in a file?", "Keep it in a file")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setInformativeText(
        f"{reason}\n\nUnlock the keyring and Save again, or keep the key in {where}, which "
        "only your user account can read. FrontDesk will say so at every start, and move the "
        "key into the keyring once it works."
    )
    return box


class RemovingConnections:
    """The connections dialog's Remove: what is lost, the question, then the removal."""

    context: AppContext
    editing: ConnectionRecord | None
    outcome: QLabel
    list: QListWidget
    question: Question | None
    asked: SignalInstance
    connectionsChanged: SignalInstance

    def _reload_list(self, select: str | None = None) -> None: ...
    def start_new(self) -> None: ...

    def ask_remove(self) -> None:
        """Say what removing the chosen connection loses, and remove it if the receptionist
        goes ahead (``asked`` carries the question)."""
        record = self.editing
        if record is None:
            return
        lost = removal(self.context.repo, record)
        box = removal_question(cast(QWidget, self), record.name, lost)
        self._ask(box, lambda: self._remove(record))

    def _remove(self, record: ConnectionRecord) -> None:
        try:
            remove_connection(
                self.context.repo, self.context.credentials, record, discard_unsent=True
            )
        except (KeyringUnavailable, ConnectionError_) as exc:
            why = str(exc).partition(": ")[2] or str(exc)
            self.outcome.setText(html.escape(f"Not removed: {why}", quote=False))
            return
        log.info("connection removed at the desk")
        self._reload_list()
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.start_new()
        self.outcome.setText(html.escape(f"Removed {record.name!r} and its API key.", quote=False))
        self.connectionsChanged.emit()

    def _ask(self, box: Question, then: Callable[[], None]) -> None:
        self.question = box

        def answered() -> None:
            self.question = None
            if box.went():
                then()
            box.deleteLater()

        box.finished.connect(answered)
        box.open()
        self.asked.emit(box)

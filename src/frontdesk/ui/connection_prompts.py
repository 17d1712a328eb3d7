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
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QLabel, QListWidget, QMessageBox, QPushButton, QWidget

from frontdesk.app.apis import ConnectionRecord
from frontdesk.app.connections import ConnectionError_, Removal, removal, remove_connection
from frontdesk.app.credentials import KeyringUnavailable
from frontdesk.domain.translation import translate

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.ui")


class Question(QMessageBox):
    """A message box with one button that goes ahead (``go``) and one that does not."""

    def __init__(self, parent: QWidget, title: str, go: str, stay: str | None = None) -> None:
        super().__init__(parent)
        stay = stay or translate("Connections", "Cancel")
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
        title = translate("Connections", "Remove {name} and lose unsent changes?")
        box = Question(
            parent, title.format(name=repr(name)), translate("Connections", "Remove anyway")
        )
        box.setIcon(QMessageBox.Icon.Warning)
        wait = translate(
            "Connections",
            "These changes have not reached the booking system yet. Sync first (Sync now), and "
            "remove the connection once nothing waits.",
        )
        box.setInformativeText(f"{lost.words(name)}\n\n{wait}")
    else:
        title = translate("Connections", "Remove {name}?").format(name=repr(name))
        box = Question(parent, title, translate("Connections", "Remove"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setInformativeText(lost.words(name))
    return box


def key_file_question(parent: QWidget, reason: str, where: str) -> Question:
    """The keyring refused the key: keep it in the protected file instead?"""
    box = Question(
        parent,
        translate("Connections", "Keep the API key in a file?"),
        translate("Connections", "Keep it in a file"),
    )
    box.setIcon(QMessageBox.Icon.Warning)
    said = translate(
        "Connections",
        "Unlock the keyring and Save again, or keep the key in {where}, which only your user "
        "account can read. FrontDesk will say so at every start, and move the key into the "
        "keyring once it works.",
    )
    box.setInformativeText(f"{reason}\n\n{said.format(where=where)}")
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
        except KeyringUnavailable as exc:
            why = translate(
                "Connections",
                "the system keyring did not let the key be deleted: {why}. Unlock it and try "
                "again.",
            ).format(why=exc.said_reason)
            not_removed = translate("Connections", "Not removed: {why}").format(why=why)
            self.outcome.setText(html.escape(not_removed, quote=False))
            return
        except ConnectionError_ as exc:
            why = str(exc).partition(": ")[2] or str(exc)
            not_removed = translate("Connections", "Not removed: {why}").format(why=why)
            self.outcome.setText(html.escape(not_removed, quote=False))
            return
        log.info("connection removed at the desk")
        self._reload_list()
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.start_new()
        removed = translate("Connections", "Removed {name} and its API key.")
        self.outcome.setText(html.escape(removed.format(name=repr(record.name)), quote=False))
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

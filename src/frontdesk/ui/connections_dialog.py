"""Connections settings: the booking systems this desk books into. Add, edit, test and remove
one for any API registered in ``app.connections`` (the form's fields come from
``providers.registry``); keys go to the system keyring, never to the settings or the cache.
A keyring that refuses a key is said, and the key goes to the protected file only when the
receptionist agrees; removing a connection first says what is lost (``ui.connection_prompts``).

"Test" makes one real read call (the catalog of today) through a freshly built connector on a
worker thread, so the dialog stays responsive while it waits, and says OK or the plain reason.
"""

from __future__ import annotations

import html
import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app.apis import PROVIDERS, ConnectionRecord, form_for, title
from frontdesk.app.connection_setup import CheckResult, check_connection, update_connection
from frontdesk.app.connections import ConnectionError_, add_connection
from frontdesk.app.credentials import CredentialsFileError, KeyringUnavailable
from frontdesk.domain.translation import translate
from frontdesk.ui.connection_prompts import Question, RemovingConnections, key_file_question
from frontdesk.ui.theme import Tones, span

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.ui")
ID_ROLE = Qt.ItemDataRole.UserRole


class CheckWorker(QObject):
    finished = Signal(object)  # CheckResult

    def __init__(self, provider: str, base_url: str, key: str, options: dict[str, object]):
        super().__init__()
        self.args = (provider, base_url, key, options)

    @Slot()
    def run(self) -> None:
        try:
            result = check_connection(*self.args)
        except Exception as exc:  # a connector bug must not take the dialog down
            log.exception("testing a connection failed")
            failed = translate("Connections", "The test failed: {error}")
            result = CheckResult(False, failed.format(error=type(exc).__name__))
        self.finished.emit(result)


class ConnectionsDialog(RemovingConnections, QDialog):
    connectionsChanged = Signal()
    checked = Signal(object)  # CheckResult, on the GUI thread
    saved = Signal(bool)  # after Save: whether the connection was saved
    asked = Signal(object)  # a Question opened (removing, keeping a key in a file)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(translate("Connections", "Connections"))
        self.setAccessibleName(translate("Connections", "Connections"))
        self.resize(720, 420)
        self.editing: ConnectionRecord | None = None
        self._threads: list[tuple[QThread, CheckWorker]] = []
        self._save_when_tested = False
        self.question: Question | None = None
        outer = QHBoxLayout(self)
        left = QVBoxLayout()
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("Connections", "Connections"))
        self.list.currentItemChanged.connect(lambda *_: self._picked())
        left.addWidget(self.list, 1)
        self.add_button = QPushButton(translate("Connections", "&Add a connection"), self)
        self.add_button.setAccessibleName(translate("Connections", "Add a connection"))
        self.add_button.clicked.connect(self.start_new)
        left.addWidget(self.add_button)
        self.remove_button = QPushButton(translate("Connections", "&Remove…"), self)
        self.remove_button.setAccessibleName(translate("Connections", "Remove the connection"))
        self.remove_button.setToolTip(
            translate("Connections", "Remove this connection, its cached bookings and its key")
        )
        self.remove_button.clicked.connect(self.ask_remove)
        self.remove_button.setEnabled(False)
        left.addWidget(self.remove_button)
        outer.addLayout(left, 2)
        right = QVBoxLayout()
        self.form = QFormLayout()
        self.provider = QComboBox(self)
        self.provider.setAccessibleName(translate("Connections", "Booking system"))
        for key, label in sorted(
            ((k, s.title) for k, s in PROVIDERS.items()), key=lambda kv: kv[1]
        ):
            self.provider.addItem(label, key)
        self.provider.currentIndexChanged.connect(self._provider_changed)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(translate("Connections", "Name"))
        self.name.setPlaceholderText(translate("Connections", "e.g. Main clinic"))
        self.base_url = QLineEdit(self)
        self.base_url.setAccessibleName(translate("Connections", "Address"))
        self.api_key = QLineEdit(self)
        self.api_key.setAccessibleName(translate("Connections", "API key"))
        self.api_key.setEchoMode(QLineEdit.EchoMode.Password)
        self.form.addRow(translate("Connections", "&Booking system"), self.provider)
        self.form.addRow(translate("Connections", "&Name"), self.name)
        self.form.addRow(translate("Connections", "A&ddress"), self.base_url)
        self.key_label = QLabel(translate("Connections", "API &key"), self)
        self.key_label.setBuddy(self.api_key)
        self.form.addRow(self.key_label, self.api_key)
        self.option_edits: dict[str, QLineEdit] = {}
        right.addLayout(self.form)
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.outcome.setTextFormat(Qt.TextFormat.RichText)  # escaped where it is plain words
        self.outcome.setAccessibleName(translate("Connections", "Test result"))
        right.addWidget(self.outcome)
        right.addStretch(1)
        buttons = QDialogButtonBox(self)
        self.test_button = buttons.addButton(
            translate("Connections", "&Test"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button = buttons.addButton(
            translate("Connections", "&Save"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.test_button.setAccessibleName(translate("Connections", "Test"))
        self.save_button.setAccessibleName(translate("Connections", "Save"))
        self.test_button.clicked.connect(self.test)
        self.save_button.clicked.connect(self.save)
        close.clicked.connect(self.reject)
        right.addWidget(buttons)
        outer.addLayout(right, 3)
        self._reload_list()
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.start_new()

    # -- list and form -------------------------------------------------------------------
    def _reload_list(self, select: str | None = None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for record in self.context.connections():
            label = title(record.provider)
            item = QListWidgetItem(f"{record.name}\n{label} · {record.base_url}", self.list)
            item.setData(ID_ROLE, record.id)
            if record.id == select:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def start_new(self) -> None:
        self.editing = None
        self.remove_button.setEnabled(False)
        self.list.clearSelection()
        self.provider.setEnabled(True)
        self.name.clear()
        self.api_key.clear()
        self.api_key.setPlaceholderText("")
        self._provider_changed()
        self.outcome.setText(
            translate("Connections", "New connection: fill in the details, then Test and Save.")
        )
        self.name.setFocus()

    def _picked(self) -> None:
        item = self.list.currentItem()
        cid = item.data(ID_ROLE) if item is not None else None
        record = next((r for r in self.context.connections() if r.id == cid), None)
        if record is None:
            return
        self.editing = record
        self.remove_button.setEnabled(True)
        self.provider.setCurrentIndex(max(0, self.provider.findData(record.provider)))
        self.provider.setEnabled(False)  # a connection's API never changes: add a new one
        self.name.setText(record.name)
        self.base_url.setText(record.base_url)
        self.api_key.clear()
        self.api_key.setPlaceholderText(
            translate("Connections", "Kept safely on this computer; type a new one to replace it")
        )
        for key, edit in self.option_edits.items():
            edit.setText(str(record.options.get(key, "")))
        self.outcome.clear()

    def _provider_changed(self) -> None:
        provider = str(self.provider.currentData() or "")
        form = form_for(provider)
        if self.editing is None:
            self.base_url.setText(form.base_url)
        self.key_label.setText(
            translate("Connections", "API &key")
            if form.key_label == "API key"
            else translate("Connections", "API &key ({name})").format(name=form.key_label)
        )
        self.api_key.setPlaceholderText(_said(form.key_hint))
        for edit in self.option_edits.values():
            self.form.removeRow(edit)
        self.option_edits = {}
        for option in form.options:
            edit = QLineEdit(self)
            label = _said(option.label)
            edit.setAccessibleName(label)
            edit.setPlaceholderText(_said(option.hint))
            edit.setToolTip(_said(option.hint))  # the whole hint, where the field cuts it
            self.form.addRow(label, edit)
            self.option_edits[option.key] = edit

    def _options(self) -> dict[str, object]:
        return {k: e.text().strip() for k, e in self.option_edits.items() if e.text().strip()}

    # -- test and save -------------------------------------------------------------------
    def _key_for_test(self) -> str:
        if self.api_key.text().strip():
            return self.api_key.text().strip()
        if self.editing is not None:
            return self.context.credentials.get(self.editing.id) or ""
        return ""

    def test(self) -> None:
        """Try the connection on a worker thread; ``checked`` carries the answer."""
        self.test_button.setEnabled(False)
        self.outcome.setText(translate("Connections", "Testing…"))
        worker = CheckWorker(
            str(self.provider.currentData()),
            self.base_url.text().strip(),
            self._key_for_test(),
            self._options(),
        )
        thread = QThread(self)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.finished.connect(self._tested)
        worker.finished.connect(thread.quit)
        thread.finished.connect(lambda: self._forget(thread))
        self._threads.append((thread, worker))
        thread.start()

    def _forget(self, thread: QThread) -> None:
        self._threads = [(t, w) for t, w in self._threads if t is not thread]
        thread.deleteLater()

    def _tested(self, result: CheckResult) -> None:
        self.test_button.setEnabled(True)
        self.save_button.setEnabled(True)
        tones = Tones.of(self.palette())
        color = tones.ok if result.ok else tones.error
        prefix = translate("Connections", "OK.") + " " if result.ok else ""
        self.outcome.setText(span(html.escape(f"{prefix}{result.message}"), color))
        self.checked.emit(result)
        if self._save_when_tested:
            self._save_when_tested = False
            self._after_test(result)

    def _missing(self) -> list[str]:
        provider = str(self.provider.currentData() or "")
        return [
            _said(option.label)
            for option in form_for(provider).options
            if option.required and not self._options().get(option.key)
        ]

    def _needs_test(self) -> bool:
        """A new connection, or a changed address, key or option, is tried before it is kept;
        a new name alone is not."""
        record = self.editing
        if record is None or self.api_key.text().strip():
            return True
        return (self.base_url.text().strip(), self._options() or dict(record.options)) != (
            record.base_url,
            dict(record.options),
        )

    def save(self) -> None:
        """Try the connection first (off the GUI thread), then keep it: at once when the test
        passes; with a note when the booking system could not be reached (the settings may be
        right: the desk tries again when it is online); not at all when it refused the key or
        the settings. ``saved`` says how it ended."""
        missing = self._missing()
        if missing:
            self.outcome.setText(_fill_in(missing))
            self.saved.emit(False)
            return
        if self.editing is None and not self.api_key.text().strip():
            self.outcome.setText(translate("Connections", "Type the API key."))
            self.saved.emit(False)
            return
        if not self._needs_test():
            self.saved.emit(self.save_now())
            return
        self._save_when_tested = True
        self.save_button.setEnabled(False)
        self.test()

    def _after_test(self, result: CheckResult) -> None:
        tones = Tones.of(self.palette())
        if result.ok:
            ok = self.save_now(translate("Connections", "Tested and saved."))
        elif not result.reached:
            ok = self.save_now(
                translate(
                    "Connections",
                    "Saved without a test: {message} The desk will try again when the "
                    "booking system answers.",
                ).format(message=result.message)
            )
        else:
            refused = translate("Connections", "Not saved: {why}").format(why=result.message)
            self.outcome.setText(span(html.escape(refused), tones.error))
            ok = False
        self.saved.emit(ok)

    def save_now(self, first: str | None = None, allow_file: bool = False) -> bool:
        """Keep the connection as typed, without trying it. Should the keyring refuse the
        key, nothing is kept and the receptionist is asked whether to keep it in the
        protected file (``allow_file``: they agreed)."""
        provider = str(self.provider.currentData() or "")
        first = first or translate("Connections", "Saved.")
        if self._missing():
            self.outcome.setText(_fill_in(self._missing()))
            return False
        try:
            if self.editing is None:
                if not self.api_key.text().strip():
                    self.outcome.setText(translate("Connections", "Type the API key."))
                    return False
                record = add_connection(
                    self.context.repo,
                    self.context.credentials,
                    provider,
                    self.name.text(),
                    self.base_url.text().strip(),
                    self.api_key.text().strip(),
                    self._options(),
                    allow_file=allow_file,
                )
            else:
                record = update_connection(
                    self.context.repo,
                    self.context.credentials,
                    self.editing,
                    self.name.text(),
                    self.base_url.text(),
                    self.api_key.text().strip() or None,
                    self._kept_options(self.editing),
                    allow_file=allow_file,
                )
        except KeyringUnavailable as exc:
            why = translate("Connections", "The system keyring did not take the key: {why}.")
            why = why.format(why=exc.said_reason)
            not_saved = translate("Connections", "Not saved.")
            self.outcome.setText(html.escape(f"{not_saved} {why}", quote=False))
            self._ask(
                key_file_question(self, why, str(self.context.credentials.fallback_file)),
                lambda: self.saved.emit(self.save_now(first, allow_file=True)),
            )
            return False
        except (ConnectionError_, CredentialsFileError) as exc:
            field, _, why = str(getattr(exc, "words", None) or exc).partition(": ")
            refused = translate("Connections", "Not saved: {why}").format(why=why or field)
            self.outcome.setText(html.escape(refused, quote=False))
            return False
        self.editing = record
        self.remove_button.setEnabled(True)
        self._reload_list(select=record.id)
        self.api_key.clear()
        kept = (
            translate(
                "Connections",
                "The key is kept in a file only this user account can read, as you chose.",
            )
            if allow_file
            else translate("Connections", "The key is kept in the system keyring.")
            if self.context.credentials.use_keyring
            else translate(
                "Connections",
                "The key is kept in a file only this user account can read (no keyring on this "
                "computer).",
            )
        )
        self.outcome.setText(html.escape(f"{first} {kept}", quote=False))
        self.connectionsChanged.emit()
        return True

    def _kept_options(self, record: ConnectionRecord) -> dict[str, object]:
        """The form's options, and those the form does not show kept as they were (a
        ``rate_per_minute`` set with ``frontdesk connections edit``)."""
        shown = set(self.option_edits)
        typed = self._options()
        if not typed:
            return dict(record.options)
        return {**{k: v for k, v in record.options.items() if k not in shown}, **typed}

    def done(self, result: int) -> None:
        for thread, _worker in list(self._threads):
            thread.quit()
            thread.wait(20_000)
        super().done(result)


def _said(words: str) -> str:
    """A form's label or hint as its booking system's declaration names it
    (``providers/*/__init__.py``, marked there), in the desk's language."""
    return translate("Connections", words) if words else ""


def _fill_in(missing: list[str]) -> str:
    """``Fill in: Account id, Region.``"""
    return translate("Connections", "Fill in: {fields}.").format(fields=", ".join(missing))

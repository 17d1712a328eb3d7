"""The connections dialog removes a connection only after saying what is lost (its cached
bookings and its key; first of all any change not yet sent, with a warning), and keeps a key in
a file only when the receptionist agrees because the keyring refused it. The status bar says at
every start that keys are kept in a file while there is no keyring, and names a locked one."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.outbox import OperationKind
from frontdesk.ui.connection_prompts import Question
from frontdesk.ui.connections_dialog import ConnectionsDialog
from frontdesk.ui.main_window import MainWindow
from support.bookings import booking
from support.keyrings import LockedKeyring, MemoryKeyring

URL = "http://127.0.0.1:9/v1"
SHOTS = os.environ.get("FRONTDESK_SHOTS")  # a folder to keep the screenshots in, to look at


@pytest.fixture
def backend() -> Iterator[None]:
    previous = keyring.get_keyring()
    MemoryKeyring.kept.clear()
    yield
    keyring.set_keyring(previous)
    MemoryKeyring.kept.clear()


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    made = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False, connect=False)
    try:
        yield made
    finally:
        made.close()


def keys(context: AppContext) -> dict[str, str]:
    """The API keys in the profile's key file (its cache's key, kept there too, left out)."""
    path = context.paths.credentials_file
    kept = json.loads(path.read_text()) if path.exists() else {}
    return {k: v for k, v in kept.items() if not k.startswith("cache-key:")}


def pick(dialog: ConnectionsDialog, name: str) -> None:
    for row in range(dialog.list.count()):
        if dialog.list.item(row).text().startswith(name):
            dialog.list.setCurrentRow(row)
            return
    raise AssertionError(name)


def shot(widget: object, name: str) -> None:
    """Grab ``widget`` as a PNG (kept in ``FRONTDESK_SHOTS`` when set): it must paint."""
    folder = Path(SHOTS) if SHOTS else Path(tempfile.mkdtemp(prefix="frontdesk-shots-"))
    folder.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(folder / name))  # type: ignore[attr-defined]
    if not SHOTS:
        shutil.rmtree(folder)


def test_remove_says_what_is_lost_and_warns_of_unsent_changes(qtbot, context: AppContext) -> None:  # type: ignore[no-untyped-def]
    annex = context.connect("huskyvoice", "Annex", URL, "sk_test_annex")
    main = context.connect("huskyvoice", "Main clinic", URL, "sk_test_main")
    context.repo.book(booking(1, connection_id=main.id), OperationKind.CREATE, {}, "k1", "desk")
    dialog = ConnectionsDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        pick(dialog, "Annex")
        assert dialog.remove_button.isEnabled()
        with qtbot.waitSignal(dialog.asked) as asked:
            qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
        box: Question = asked.args[0]
        assert box.isVisible() and box.text() == "Remove 'Annex'?"
        assert box.informativeText().startswith("Removing 'Annex' deletes its API key. The")
        assert box.defaultButton() is box.stay  # Enter keeps it
        shot(box, "remove-question.png")
        box.stay.click()
        assert {r.name for r in context.connections()} == {"Annex", "Main clinic"}

        with qtbot.waitSignal(dialog.asked) as asked:
            dialog.ask_remove()
        with qtbot.waitSignal(dialog.connectionsChanged):
            asked.args[0].go.click()
        assert [r.name for r in context.connections()] == ["Main clinic"]
        assert annex.id not in keys(context) and main.id in keys(context)
        assert "Removed 'Annex' and its API key" in dialog.outcome.text()

        pick(dialog, "Main clinic")
        with qtbot.waitSignal(dialog.asked) as asked:
            dialog.ask_remove()
        box = asked.args[0]
        assert box.icon() is QMessageBox.Icon.Warning
        assert box.text() == "Remove 'Main clinic' and lose unsent changes?"
        info = box.informativeText()
        assert "1 change not yet sent (never to be sent)" in info and "Sync first" in info
        assert "1 cached booking" in info and box.go.text() == "Remove anyway"
        shot(dialog, "connections-dialog.png")
        shot(box, "remove-warning.png")
        with qtbot.waitSignal(dialog.connectionsChanged):
            box.go.click()
        assert context.connections() == [] and keys(context) == {}
        assert context.repo.booking("b-1") is None
        assert not dialog.remove_button.isEnabled()  # a new connection's form now
    finally:
        dialog.done(0)


def test_a_locked_keyring_asks_before_the_key_goes_to_a_file(
    qtbot, backend: None, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    keyring.set_keyring(MemoryKeyring())  # the desk opened its cache with the key kept there
    context = AppContext(Paths.resolve(tmp_path / "profile"), connect=False)
    keyring.set_keyring(LockedKeyring())  # then the keyring locked
    dialog = ConnectionsDialog(context)
    qtbot.addWidget(dialog)
    try:
        dialog.start_new()
        dialog.provider.setCurrentIndex(dialog.provider.findData("huskyvoice"))
        qtbot.keyClicks(dialog.name, "Clinic")
        dialog.base_url.setText(URL)
        qtbot.keyClicks(dialog.api_key, "sk_live_typed")
        with qtbot.waitSignal(dialog.asked, timeout=1000) as asked:
            assert dialog.save_now() is False
        assert context.connections() == [] and not context.paths.credentials_file.exists()
        assert "it is locked" in dialog.outcome.text()
        box: Question = asked.args[0]
        assert box.text() == "Keep the API key in a file?"
        info = box.informativeText()
        assert info.startswith("The system keyring did not take the key: it is locked.")
        assert "credentials.json" in info
        shot(box, "keyring-locked.png")
        with qtbot.waitSignal(dialog.saved) as saved:
            box.go.click()
        assert saved.args == [True]
        record = context.connections()[0]
        assert keys(context) == {record.id: "sk_live_typed"}
        assert "as you chose" in dialog.outcome.text()
    finally:
        dialog.done(0)
        context.close()


def test_the_status_bar_says_where_the_keys_are_at_every_start(
    qtbot, backend: None, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    keyring.set_keyring(fail.Keyring())  # no keyring on this computer at all
    context = AppContext(Paths.resolve(tmp_path / "profile"), connect=False)
    context.connect("huskyvoice", "Clinic", URL, "sk_test_key")
    window = MainWindow(context, sync_interval_ms=3_600_000, start_sync=False)
    window.resize(1280, 800)
    window.show()
    try:
        context.reload_connectors()
        window.status.refresh()
        label = window.status.keys_label
        assert label.isVisible() and "⚠ </span>API keys kept in a file" in label.text()
        assert label.toolTip().startswith("No system keyring is available on this computer")
        shot(window.status, "status-bar-no-keyring.png")

        keyring.set_keyring(LockedKeyring())  # a keyring, locked: the connection says so
        context.__dict__.pop("credentials")
        context.paths.credentials_file.unlink()
        context.reload_connectors()
        window.status.refresh()
        assert not label.isVisible()
        words = window.connection_labels[context.connections()[0].id].text()
        assert "key locked in the keyring: unlock it" in words
        shot(window.status, "status-bar-locked.png")
    finally:
        window.shutdown()
        window.close()
        window.deleteLater()
        context.close()

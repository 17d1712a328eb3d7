"""Connections settings against the demo's sandbox: Test makes a real read call off the GUI
thread and says OK or the plain reason; Save tries the connection first, then adds it with
its key in the keyring (here, the protected file) and the desk picks it up; a refused key is not
saved, an unreachable booking system is saved with a note."""

from __future__ import annotations

from frontdesk.app.demo import Demo
from frontdesk.ui.connections_dialog import ConnectionsDialog
from frontdesk.ui.main_window import MainWindow


def test_test_then_save_a_second_connection(qtbot, desk: MainWindow, desk_demo: Demo) -> None:  # type: ignore[no-untyped-def]
    dialog = desk.open_connections()
    try:
        assert dialog.list.count() == 1 and dialog.editing is not None
        dialog.start_new()
        assert dialog.provider.currentData() == "huskyvoice"
        assert dialog.base_url.text() == "https://api.huskyvoice.ai/v1"
        qtbot.keyClicks(dialog.name, "Second clinic")
        dialog.base_url.setText(desk_demo.server.base_url)

        qtbot.keyClicks(dialog.api_key, "sk_test_wrong")
        with qtbot.waitSignal(dialog.checked, timeout=20_000) as refused:
            dialog.test()
        assert not refused.args[0].ok
        assert "refused this API key" in dialog.outcome.text()

        dialog.api_key.setText(desk_demo.server.api_key)
        with qtbot.waitSignal(dialog.checked, timeout=20_000) as accepted:
            dialog.test()
        assert accepted.args[0].ok, accepted.args[0].message
        assert "Connected" in dialog.outcome.text() and "Europe/London" in dialog.outcome.text()
        assert "(s)" not in dialog.outcome.text()

        dialog.api_key.setText("sk_test_wrong")  # Save tries it first: a refused key is not kept
        with qtbot.waitSignal(dialog.saved, timeout=20_000) as not_saved:
            dialog.save()
        assert not_saved.args == [False]
        outcome = dialog.outcome.text()
        assert "Not saved" in outcome and "refused this API key" in outcome
        assert "Second clinic" not in {r.name for r in desk.context.connections()}

        dialog.api_key.setText(desk_demo.server.api_key)
        with qtbot.waitSignal(dialog.connectionsChanged, timeout=20_000):
            dialog.save()
        assert "Tested and saved" in dialog.outcome.text()
        records = {r.name: r for r in desk.context.connections()}
        assert set(records) == {"Second clinic", "Demo clinic (HuskyVoice sandbox)"}
        added = records["Second clinic"]
        assert desk.context.credentials.get(added.id) == desk_demo.server.api_key
        assert dialog.api_key.text() == ""
        assert added.id in desk.context.connectors  # rebuilt (no worker here: at once)
        assert added.id in desk.connection_labels
    finally:
        dialog.done(0)


def test_editing_keeps_the_key_unless_a_new_one_is_typed(qtbot, desk: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = ConnectionsDialog(desk.context, desk)
    qtbot.addWidget(dialog)
    try:
        dialog.list.setCurrentRow(0)
        record = dialog.editing
        assert record is not None
        key = desk.context.credentials.get(record.id)
        assert not dialog.provider.isEnabled()
        dialog.name.setText(record.name + " (renamed)")
        with qtbot.waitSignal(dialog.saved) as renamed_saved:  # a new name alone: no test
            dialog.save()
        assert renamed_saved.args == [True]
        renamed = next(r for r in desk.context.connections() if r.id == record.id)
        assert renamed.name.endswith("(renamed)")
        assert desk.context.credentials.get(record.id) == key
        dialog.name.setText("")
        with qtbot.waitSignal(dialog.saved) as nameless:
            dialog.save()
        assert nameless.args == [False]
        assert "give the connection a name" in dialog.outcome.text()
    finally:
        dialog.done(0)


def test_an_unreachable_booking_system_is_saved_with_a_note(qtbot, desk: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from support.net import free_port

    dialog = ConnectionsDialog(desk.context, desk)
    qtbot.addWidget(dialog)
    try:
        dialog.start_new()
        qtbot.keyClicks(dialog.name, "Offline clinic")
        dialog.base_url.setText(f"http://127.0.0.1:{free_port()}/v1")  # nothing listens
        qtbot.keyClicks(dialog.api_key, "sk_live_typed_while_offline")
        with qtbot.waitSignal(dialog.saved, timeout=30_000) as saved:
            dialog.save()
        assert saved.args == [True]
        assert "Saved without a test" in dialog.outcome.text()
        assert "Offline clinic" in {r.name for r in desk.context.connections()}
    finally:
        dialog.done(0)

"""The administrator's screens and the desk's own messages in the clinic's language: under a
pseudo translation no visible word of the connections dialog (every booking system's form),
the audit viewer's lines, the import preview's refused rows or the lock screen escapes, and the
sentences the app layer builds (a connection's test, an import's refusals, the audit's event
names, an export's title) come translated; in German and Hindi they read in those languages
(screenshots in the temporary folder, to look at)."""

from __future__ import annotations

import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from frontdesk.app import audit
from frontdesk.app.connection_setup import check_connection
from frontdesk.app.demo import Demo
from frontdesk.app.exports import day_export
from frontdesk.domain.audit import AuditEntry, AuditEvent
from frontdesk.domain.dates import ENGLISH
from frontdesk.ui import i18n
from frontdesk.ui.audit_dialog import AuditDialog
from frontdesk.ui.connections_dialog import ConnectionsDialog
from frontdesk.ui.import_dialog import ImportDialog
from support.clinic import next_weekday
from support.words import MARK, escaped

SHOTS = Path(tempfile.gettempdir())
# data: names of staff, connections and booking systems, ISO dates, an API key's prefix
DATA = re.compile(
    r"Demo.*|FrontDesk|.*\d{4}-\d\d-\d\d.*|CSV \(\*\.csv\)|[a-z]+_live_…|"
    r".*(Vastal|meetergo|HuskyVoice|CareValidate|VantaX).*|[+\d ()–:-]+"
)


def _csv(folder: Path) -> Path:
    """Two good rows, and three refused: an unknown service, an impossible hour, and a day
    long past (the booking rules' own refusal)."""
    tuesday = next_weekday(1, after_days=9)
    path = folder / "bookings.csv"
    path.write_text(
        "patient_name,start,service,resource,patient_phone\n"
        f"Ada Import,{tuesday} 14:00,General Checkup,North Branch,+442079460181\n"
        f"Bo Import,{tuesday} 14:20,General Checkup,North Branch,+442079460182\n"
        f"Cy Import,{tuesday} 14:40,Massage,North Branch,+442079460183\n"
        f"Di Import,{tuesday} 25:00,General Checkup,North Branch,+442079460184\n"
        "Ed Import,2020-01-07 10:00,General Checkup,North Branch,+442079460185\n",
        encoding="utf-8",
    )
    return path


def _trail(demo: Demo) -> None:
    """A few lines in the audit trail, of several kinds."""
    actor = demo.context.staff.actor()
    for event in (AuditEvent.SIGNED_IN, AuditEvent.PRINTED, AuditEvent.ASAP_ADDED):
        audit.record(demo.context, AuditEntry(event, actor, detail="day sheet"))


def _screens(qtbot, demo: Demo, folder: Path) -> dict[str, QWidget]:  # type: ignore[no-untyped-def]
    _trail(demo)
    connections = ConnectionsDialog(demo.context)
    connections.start_new()
    wanted = connections.provider.findData("carevalidate")  # the longest form
    connections.provider.setCurrentIndex(wanted)
    viewer = AuditDialog(demo.context)
    viewer.show_page(0)
    importer = ImportDialog(demo.context)
    importer.path.setText(str(_csv(folder)))
    importer.check()
    importer.tabs.setCurrentIndex(1)
    screens: dict[str, QWidget] = {
        "connections": connections,
        "audit": viewer,
        "import": importer,
    }
    for screen in screens.values():
        qtbot.addWidget(screen)
        screen.resize(screen.sizeHint().expandedTo(screen.size()))
        screen.show()
    importer.refused_rows.resizeRowsToContents()  # as the tab does when a person opens it
    return screens


def test_the_administrators_screens_escape_no_word(  # type: ignore[no-untyped-def]
    qtbot, demo: Demo, tmp_path: Path, pseudo: None
) -> None:
    screens = _screens(qtbot, demo, tmp_path)
    connections = screens["connections"]
    assert isinstance(connections, ConnectionsDialog)
    for index in range(connections.provider.count()):  # every booking system's form
        connections.provider.setCurrentIndex(index)
        found = [w for w in escaped(connections, DATA) if w[0] != "choice"]
        assert found == [], connections.provider.itemText(index)

    viewer = screens["audit"]
    assert isinstance(viewer, AuditDialog)
    assert viewer.table.rowCount() >= 3
    events = [viewer.table.item(r, 3).text() for r in range(viewer.table.rowCount())]
    assert all(MARK in e for e in events), events
    kinds = [viewer.kind.itemText(i) for i in range(viewer.kind.count())]
    assert all(MARK in k for k in kinds)
    assert [w for w in escaped(viewer, DATA) if w[0] != "choice"] == []

    importer = screens["import"]
    assert isinstance(importer, ImportDialog)
    table = importer.refused_rows
    reasons = [table.item(r, 2).text() for r in range(table.rowCount())]
    assert len(reasons) == 3 and all(MARK in r for r in reasons), reasons
    assert [w for w in escaped(importer, DATA) if w[0] != "choice"] == []


def test_the_app_layers_sentences_are_translated(  # type: ignore[no-untyped-def]
    qtbot, demo: Demo, pseudo: None
) -> None:
    refused = check_connection("vastal", "not an address", "key")
    assert not refused.ok and MARK in refused.message
    no_key = check_connection("vastal", "https://example.invalid", " ")
    assert MARK in no_key.message
    assert MARK in audit.event_words(AuditEvent.BOOKED.value)
    export = day_export(demo.context, date.today() + timedelta(days=1))
    assert MARK in export.shown_title and MARK not in export.title  # the trail keeps English


def test_the_lock_screen_and_the_administrators_refusal_escape_no_word(  # type: ignore[no-untyped-def]
    qtbot, demo: Demo, pseudo: None
) -> None:
    from frontdesk.ui.main_window import MainWindow

    window = MainWindow(demo.context, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    try:
        assert MARK in window.guard.who.text()  # "{name} (administrator)"
        assert MARK in window.staff_action.text() and MARK in window.lock_action.text()
        window.guard.lock("by hand")
        screen = window.guard.screen
        assert escaped(screen, DATA) == []
        assert screen.heading.text().count(MARK) == 2  # locked, and how to sign in
        assert MARK in window.guard.who.text()
    finally:
        window.shutdown()


@pytest.mark.parametrize(
    ("code", "title", "refused", "event"),
    [
        ("de", "Verbindungen", "Abgelehnt", "Angemeldet"),
        ("hi", "कनेक्शन", "अस्वीकृत", "साइन इन किया"),
    ],
)
def test_the_administrators_screens_speak_german_and_hindi(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, demo: Demo, tmp_path: Path, spoken: None, code, title, refused, event
) -> None:
    assert i18n.install_language(qapp, code).translated
    screens = _screens(qtbot, demo, tmp_path)
    connections = screens["connections"]
    assert isinstance(connections, ConnectionsDialog)
    assert connections.windowTitle() == title
    assert connections.option_edits["provider_states"].accessibleName() != "Provider states"
    importer = screens["import"]
    assert isinstance(importer, ImportDialog)
    assert importer.tabs.tabText(1).startswith(refused)
    day = importer.queued_rows.item(0, 1).text()  # the day in the language's words
    assert not day.startswith(ENGLISH.weekdays_short), day
    viewer = screens["audit"]
    assert isinstance(viewer, AuditDialog)
    events = {viewer.table.item(r, 3).text() for r in range(viewer.table.rowCount())}
    assert event in events
    for name, screen in screens.items():
        screen.grab().save(str(SHOTS / f"{name}-{code}.png"))

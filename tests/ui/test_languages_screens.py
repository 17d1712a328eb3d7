"""The desk's screens in the clinic's language: under a pseudo translation no visible word of
the booking dialog's parts, the finder, Find an opening, the agenda, the month view, the side
panel, the status bar, the shortcuts and the block tooltips escapes; in German and Hindi they
read in those languages (screenshots saved in the temporary folder, to look at), counts in the
language's plural forms and dates in its words."""

from __future__ import annotations

import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QTreeWidget, QVBoxLayout, QWidget

from frontdesk.app.demo import Demo
from frontdesk.app.reads import Patient
from frontdesk.domain.dates import ENGLISH
from frontdesk.domain.translation import plural, translate
from frontdesk.domain.verdict import Verdict
from frontdesk.ui import i18n
from frontdesk.ui.blocks import tooltip_html
from frontdesk.ui.booking_openings import OpeningsPicker
from frontdesk.ui.booking_patient import PatientFields
from frontdesk.ui.booking_verdicts import VerdictRows
from frontdesk.ui.calendar_pane import Mode
from frontdesk.ui.find_dialog import PATIENT_ROLE
from frontdesk.ui.form_bits import WhenRow
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.window_menus import show_shortcuts
from support.words import MARK, escaped

SHOTS = Path(tempfile.gettempdir())
# data a screen shows as it is: names, phones, emails, times, connection names, and the month
# and weekday names of the locale (Qt's calendar, the weekdays to tick)
DATA = re.compile(
    r".*@.*|[+\d ()–:-]+|.*Demo.*|.*(Vastal|meetergo|HuskyVoice|CareValidate|VantaX).*|"
    + "|".join(ENGLISH.months_long + ENGLISH.weekdays_short)
)


def _window(qtbot, demo: Demo) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(demo.context, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def _tree_words(tree: QTreeWidget) -> list[str]:
    """The header and the words of each row's non-data columns (status, sync)."""
    header = tree.headerItem()
    words = [header.text(i) for i in range(header.columnCount())]
    return words


def _booking_parts(qtbot, demo: Demo) -> QWidget:  # type: ignore[no-untyped-def]
    """The booking dialog's parts (not the dialog: it is translated on its own) in one form."""
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    general = QLabel(host)
    layout.addWidget(general)
    form = QFormLayout()
    layout.addLayout(form)
    rows = VerdictRows(host, form, general)
    patient = PatientFields(demo.context, host)
    rows.add("patient_name", "Patient name", patient.name_edit)  # the dialog's own label
    rows.add("patient_phone", "Phone", patient.phone_edit)
    rows.add("patient_email", "Email", patient.email_edit)
    layout.addWidget(patient.matches)
    seen = datetime(2026, 12, 1, tzinfo=UTC)
    patient.matches.show_patients([Patient("Ada Lovelace", "+44 20 7946 0001", None, seen, 3)])
    when = WhenRow(host)
    layout.addWidget(when)
    picker = OpeningsPicker(host)
    picker.show_openings([], "Europe/London", {})
    layout.addWidget(picker)
    checked = translate(
        "Verdicts", "The desk could not check this booking; it will be checked on save."
    )
    rows.show([Verdict(500, "CHECK_FAILED", checked, None)])
    host.show()
    host.patient = patient  # type: ignore[attr-defined]
    return host


def test_the_booking_dialogs_parts_escape_no_word(  # type: ignore[no-untyped-def]
    qtbot, demo: Demo, pseudo: None
) -> None:
    host = _booking_parts(qtbot, demo)
    found = escaped(host, DATA)
    # the labels are the booking dialog's (another screen's words)
    assert [w for w in found if w[1] not in ("Patient name", "Phone", "Email")] == []
    tip = host.patient.matches.item(0).toolTip()  # type: ignore[attr-defined]
    assert MARK in tip


def test_the_calendars_screens_escape_no_word(  # type: ignore[no-untyped-def]
    qtbot, demo: Demo, pseudo: None
) -> None:
    window = _window(qtbot, demo)
    try:
        pane = window.pane
        pane.set_mode(Mode.AGENDA)
        agenda = pane.agenda_view
        assert agenda.topLevelItemCount() > 1
        assert all(MARK in w for w in _tree_words(agenda))
        rows = [agenda.topLevelItem(i) for i in range(agenda.topLevelItemCount())]
        statuses = [r.text(5) for r in rows if r.text(5)] + [r.text(6) for r in rows if r.text(6)]
        assert statuses and all(MARK in s for s in statuses)
        name = next(r.text(1) for r in rows if r.text(1))
        headings = [r.text(0) for r in rows if r.isFirstColumnSpanned()]
        assert headings  # the days: the desk's date words, not strftime's
        assert MARK in agenda.accessibleName() and MARK in pane.month_view.accessibleName()
        assert escaped(window.side, DATA) == []
        window.status.refresh()
        bar = window.status  # its own labels (the signed-in name is the staff's screen's)
        labels = [bar.pending_label, bar.fresh_label, *bar.connection_labels.values()]
        said = [t for label in labels for t in (label.text(), label.accessibleName())]
        assert len(said) > 4 and all(MARK in t for t in said)

        shortcuts = show_shortcuts(window)
        assert MARK in shortcuts.windowTitle()
        described = [shortcuts.table.item(r, 1).text() for r in range(shortcuts.table.rowCount())]
        calendar_keys = described[-5:]
        assert all(MARK in w for w in calendar_keys)
        shortcuts.done(0)

        finder = window.find_patient()
        finder.search.setText(name[:3])
        finder.search_now()
        assert escaped(finder, DATA) == []
        assert all(MARK in w for w in _tree_words(finder.results))
        first = finder.results.topLevelItem(0)
        assert MARK in first.text(2)  # "%n booking(s)"
        if first.childCount():
            assert MARK in first.child(0).text(2)  # the visit status
        patient = first.data(0, PATIENT_ROLE)
        finder.done(0)
        booking = demo.context.reads.bookings_of_patient(patient, 1)[0]
        tip = tooltip_html(booking, "Europe/London", None, None)
        assert tip.count(MARK) >= 3  # the unknown service, visit and sync words

        openings = window.find_opening()
        openings.search()
        # the services and providers to choose are the booking systems' names
        assert [w for w in escaped(openings, DATA) if w[0] != "choice"] == []
        assert MARK in openings.provider.itemText(0)  # "Any provider"
        shown = [openings.results.item(i).text() for i in range(openings.results.count())]
        assert all(MARK in t for t in shown if "·" in t)  # "%n left"
        openings.done(0)
    finally:
        window.shutdown()


@pytest.mark.parametrize(
    ("code", "finder", "bookings", "agenda"),
    [
        ("de", "Patienten suchen", "3 Buchungen", "Terminliste"),
        ("hi", "मरीज़ खोजें", "3 बुकिंग", "अपॉइंटमेंट सूची"),
    ],
)
def test_the_screens_speak_german_and_hindi(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, demo: Demo, spoken: None, code, finder, bookings, agenda
) -> None:
    assert i18n.install_language(qapp, code).translated
    assert plural("FindPatient", "%n booking(s)", 3) == bookings
    assert plural("FindPatient", "%n booking(s)", 1) != bookings
    window = _window(qtbot, demo)
    try:
        pane = window.pane
        pane.set_mode(Mode.AGENDA)
        assert pane.agenda_view.accessibleName() == agenda
        window.grab().save(str(SHOTS / f"agenda-{code}.png"))
        pane.set_mode(Mode.MONTH)
        window.grab().save(str(SHOTS / f"month-{code}.png"))
        pane.set_mode(Mode.AGENDA)
        rows = [
            pane.agenda_view.topLevelItem(i) for i in range(pane.agenda_view.topLevelItemCount())
        ]
        dialog = window.find_patient()
        dialog.search.setText(next(r.text(1) for r in rows if r.text(1))[:3])
        dialog.search_now()
        assert dialog.windowTitle() == finder
        dialog.grab().save(str(SHOTS / f"find-{code}.png"))
        dialog.done(0)
        openings = window.find_opening()
        openings.search()
        openings.grab().save(str(SHOTS / f"openings-{code}.png"))
        assert "Mon" not in [box.text() for box in openings.weekdays]
        openings.done(0)
        shortcuts = show_shortcuts(window)
        shortcuts.grab().save(str(SHOTS / f"shortcuts-{code}.png"))
        shortcuts.done(0)
        host = _booking_parts(qtbot, demo)
        host.grab().save(str(SHOTS / f"booking-parts-{code}.png"))
    finally:
        window.shutdown()


def _admin_dialogs(demo: Demo) -> list[QWidget]:
    from frontdesk.ui.audit_dialog import AuditDialog
    from frontdesk.ui.connections_dialog import ConnectionsDialog
    from frontdesk.ui.export_dialog import ExportDialog
    from frontdesk.ui.import_dialog import ImportDialog
    from frontdesk.ui.staff_dialog import StaffDialog
    from frontdesk.ui.sync_panel import SyncPanelWidget

    panel = SyncPanelWidget(demo.context)
    panel.refresh()
    return [
        panel,
        ConnectionsDialog(demo.context),
        ExportDialog(demo.context),
        ImportDialog(demo.context),
        StaffDialog(demo.context),
        AuditDialog(demo.context),
    ]


def test_the_sync_panel_and_the_administrators_dialogs_escape_no_word(  # type: ignore[no-untyped-def]
    qtbot, demo: Demo, pseudo: None
) -> None:
    for screen in _admin_dialogs(demo):
        qtbot.addWidget(screen)
        screen.show()
        found = escaped(screen, DATA)
        # data: the staff's and connections' names, ISO dates of the audit filters, an API
        # key's own prefix (the connection form's key hint)
        names = re.compile(r"Demo Admin|.*\d{4}-\d\d-\d\d.*|CSV \(\*\.csv\)|[a-z]+_live_…")
        left = [w for w in found if not names.fullmatch(w[1]) and w[0] != "choice"]
        assert left == [], type(screen).__name__
    # the tables' headers
    panel = _admin_dialogs(demo)[0]
    qtbot.addWidget(panel)
    assert all(MARK in w for w in _tree_words(panel.queue))


@pytest.mark.parametrize(("code", "staff"), [("de", "Mitarbeiter"), ("hi", "स्टाफ़")])
def test_the_administrators_dialogs_speak_german_and_hindi(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, demo: Demo, spoken: None, code, staff
) -> None:
    assert i18n.install_language(qapp, code).translated
    screens = _admin_dialogs(demo)
    for screen in screens:
        qtbot.addWidget(screen)
        screen.resize(screen.sizeHint().expandedTo(screen.size()))
        screen.show()
        screen.grab().save(str(SHOTS / f"{type(screen).__name__}-{code}.png"))
    assert screens[4].windowTitle() == staff


@pytest.mark.parametrize(
    ("code", "full", "past"),
    [("de", "ausgebucht", "bereits vorbei"), ("hi", "पूरी तरह बुक", "बीत चुका")],
)
def test_the_common_verdicts_speak_the_desks_language(  # type: ignore[no-untyped-def]
    qapp: QApplication, spoken: None, code, full, past
) -> None:
    from frontdesk.ui.wording import plain_message

    assert i18n.install_language(qapp, code).translated
    assert full in plain_message(Verdict(409, "SLOT_FULL", "slot is full"))
    assert past in plain_message(Verdict(400, "PAST_APPOINTMENT", "appointment_date in past"))
    said = plain_message(Verdict(400, "VALIDATION_ERROR", "service_id missing", "service_id"))
    assert "service_id" not in said and MARK not in said
    # a booking system's own sentence is shown as it sent it
    assert plain_message(Verdict(409, "X", "Der Termin ist belegt.")) == "Der Termin ist belegt."


def test_the_clinic_columns_dialog_escapes_no_word_and_speaks_german(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, demo: Demo, pseudo: None
) -> None:
    window = _window(qtbot, demo)
    dialog = window.column_views.open_dialog()
    dialog.show()
    for tab in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(tab)
        assert escaped(dialog, DATA) == [], f"tab {tab}"
    dialog.close()
    i18n.forget_language(qapp)
    i18n.install_language(qapp, "de")
    german = window.column_views.open_dialog()
    german.show()
    assert german.windowTitle() == "Praxisspalten"
    german.grab().save(str(SHOTS / "columns-de.png"))
    window.shutdown()

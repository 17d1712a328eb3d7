"""File > Export day / week / patient's appointments and File > Import bookings on a demo desk:
real dialogs offscreen, the save and open dialogs answered, the files read back (icalendar's own
reader, the csv module) against what the desk shows, and the import's preview before anything
is queued. Set FRONTDESK_SCREENSHOTS=DIR to keep pictures of both dialogs."""

from __future__ import annotations

import csv
import io
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import shiboken6
from icalendar import Calendar, Event
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from frontdesk.app.export_files import UID_DOMAIN
from frontdesk.app.import_file import MAX_FILE_BYTES
from frontdesk.domain.booking import Booking, approximate_time
from frontdesk.domain.dates import long_day
from frontdesk.domain.timeutil import local_day_bounds, to_local, utc_now
from frontdesk.ui.export_dialog import ExportDialog
from frontdesk.ui.import_dialog import ImportDialog
from frontdesk.ui.main_window import MainWindow
from support.clinic import next_weekday
from support.made import made

SMALL_SCREEN = (1366, 768 - 40)  # a laptop's screen less a taskbar


def shot(widget: object, name: str) -> None:
    where = os.environ.get("FRONTDESK_SCREENSHOTS")
    if where:
        QApplication.processEvents()  # the layout as a person sees it
        widget.grab().save(str(Path(where) / name))  # type: ignore[attr-defined]


def fits_a_small_screen(dialog: ExportDialog | ImportDialog) -> None:
    need = dialog.minimumSizeHint()
    assert need.width() <= SMALL_SCREEN[0] and need.height() <= SMALL_SCREEN[1]
    assert dialog.width() <= SMALL_SCREEN[0] and dialog.height() <= SMALL_SCREEN[1]


def a_busy_day(window: MainWindow) -> list[Booking]:
    """The active bookings of the first day ahead that has some."""
    far = datetime(2100, 1, 1, tzinfo=UTC)
    first = next(b for b in window.context.repo.bookings_between(utc_now(), far) if b.active)
    day = to_local(first.start, window.zone).date()
    start, end = local_day_bounds(day, window.zone)
    return [b for b in window.context.repo.bookings_between(start, end) if b.active]


def answer_save(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[str]:
    asked: list[str] = []

    def save(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    return asked


def export_dialog(window: MainWindow) -> ExportDialog:
    dialog = window.open_dialogs[-1]
    assert isinstance(dialog, ExportDialog) and dialog.isVisible()
    return dialog


def test_export_day_writes_what_the_desk_shows(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    assert [a.text() for a in window.file_menu.actions() if "…" in a.text()][-4:] == [
        "&Export day…",
        "Export &week…",
        "Export patient's &appointments…",
        "&Import bookings…",
    ]
    bookings = a_busy_day(window)
    day = to_local(bookings[0].start, window.zone).date()
    window.pane.show_day(day)
    window.export_day_action.trigger()
    dialog = export_dialog(window)
    assert dialog.kind == "day" and dialog.chosen_day() == day
    assert f"{len(bookings)} appointment" in dialog.summary.text()
    assert "names each patient" in dialog.hint.text()
    fits_a_small_screen(dialog)
    shot(dialog, "export-dialog.png")
    asked = answer_save(monkeypatch, tmp_path / "day")  # no extension: .ics is added
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert asked == [str(Path.home() / f"appointments-{day}.ics")]
    written = tmp_path / "day.ics"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert not dialog.isVisible()
    assert f"exported to {written}" in window.statusBar().currentMessage()

    events = Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    by_uid = {str(e["uid"]): e for e in events}
    assert set(by_uid) == {f"{b.id}@{UID_DOMAIN}" for b in bookings}
    for booking in bookings:  # the times the details panel shows, on the clinic's clock
        event = by_uid[f"{booking.id}@{UID_DOMAIN}"]
        shown_when(window, event, booking)
        assert booking.patient_name in str(event["summary"])


def shown_when(window: MainWindow, event: Event, booking: Booking) -> None:
    """The event's day and time are those the details panel shows for the booking: its
    minutes, or its session (a booking system that keeps no minute)."""
    window.pane.select_booking(booking.id, ensure_visible=True)
    window.details.show_booking(booking.id)
    shown = window.details.fields["when"].text()
    start = to_local(event.decoded("dtstart"), window.zone)
    end = to_local(event.decoded("dtend"), window.zone)
    assert long_day(start.date()) in shown
    span = approximate_time(booking)
    if span is None:
        assert f"{start:%H:%M}–{end:%H:%M}" in shown
    else:
        assert f"in the {span.label}" in shown and str(event["summary"]).endswith(f"({span.label})")
        assert (event.decoded("dtstart"), event.decoded("dtend")) == (span.start, span.end)


def test_export_week_and_patient_from_the_selected_appointment(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    booking = a_busy_day(window)[0]
    window.show_booking(booking)
    assert window.pane.selected == booking.id

    window.export_week_action.trigger()
    dialog = export_dialog(window)
    assert dialog.column.currentData() == (booking.connection_id, booking.resource_id)
    assert dialog.column.isVisible() and not dialog.patient.isVisible()
    assert "No patient is named" in dialog.hint.text()
    shot(dialog, "export-week.png")
    answer_save(monkeypatch, tmp_path / "week.ics")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    data = (tmp_path / "week.ics").read_bytes()
    assert f"{booking.id}@{UID_DOMAIN}".encode() in data
    assert booking.patient_name.encode() not in data

    window.export_patient_action.trigger()
    dialog = export_dialog(window)
    assert dialog.patient.text() == booking.patient_phone and dialog.patient.isVisible()
    assert dialog.matches.currentText().startswith(booking.patient_name)
    fits_a_small_screen(dialog)
    shot(dialog, "export-patient.png")
    dialog.formats["csv"].setChecked(True)
    assert dialog.file_format == "csv"
    answer_save(monkeypatch, tmp_path / "patient.csv")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    text = (tmp_path / "patient.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows and {r["patient_name"] for r in rows} == {booking.patient_name}
    assert "booking_id" not in rows[0]  # a patient's file holds no desk references
    start = to_local(booking.start, window.zone)
    assert (start.strftime("%Y-%m-%d"), start.strftime("%H:%M")) in {
        (r["date"], r["start"]) for r in rows
    }

    window.export_patient_action.trigger()
    dialog = export_dialog(window)
    dialog.patient.clear()
    qtbot.keyClicks(dialog.patient, "zzzz nobody")
    dialog.find_patient()
    assert not dialog.export_button.isEnabled()
    assert "Type a patient's name" in dialog.summary.text()
    dialog.done(0)


def write_import(path: Path) -> None:
    tuesday = next_weekday(1, after_days=9)
    path.write_text(
        "\n".join(
            [
                "patient_name,start,service,resource,patient_phone",
                f"Ada Import,{tuesday} 14:00,General Checkup,North Branch,+442079460181",
                f"=Bob Import,{tuesday} 14:20,General Checkup,North Branch,+442079460182",
                f"Cy Import,{tuesday} 14:40,Massage,North Branch,+442079460183",
                f"Di Import,{tuesday} 25:00,General Checkup,North Branch,+442079460184",
            ]
        )
        + "\n",
        encoding="utf-8",
    )


def test_import_previews_refused_rows_before_anything_is_queued(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bookings.csv"
    write_import(path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(path), ""))
    window.import_action.trigger()
    dialog = window.open_dialogs[-1]
    assert isinstance(dialog, ImportDialog)
    assert dialog.connection.currentText() == window.context.connections()[0].name
    assert not dialog.queue_button.isEnabled()
    pending = window.context.repo.outbox.pending_count()

    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert dialog.path.text() == str(path)
    assert window.context.repo.outbox.pending_count() == pending  # nothing queued by looking
    table = dialog.queued_rows
    assert table.rowCount() == 2
    assert [table.item(r, 0).text() for r in range(2)] == ["2", "3"]
    assert table.item(1, 4).text() == "=Bob Import"
    assert table.item(0, 1).text().endswith("14:00")
    refused = dialog.refused_rows
    assert [(refused.item(r, 0).text(), refused.item(r, 1).text()) for r in range(2)] == [
        ("4", "service"),
        ("5", "start"),
    ]
    assert "'Massage' is not a service" in refused.item(0, 2).text()
    assert dialog.tabs.tabText(0) == "Would be queued (2)"
    assert dialog.tabs.tabText(1) == "Refused (2)"
    assert dialog.queue_button.text() == "&Queue 2 bookings" and dialog.queue_button.isEnabled()
    assert "Nothing is queued until you press Queue" in dialog.summary.text()
    assert "Read as UTF-8, comma-separated." in dialog.summary.text()
    fits_a_small_screen(dialog)
    shot(dialog, "import-preview.png")
    dialog.tabs.setCurrentIndex(1)
    shot(dialog, "import-preview-refused.png")

    qtbot.mouseClick(dialog.queue_button, Qt.MouseButton.LeftButton)
    made(dialog)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()  # closed (and let go)
    assert "2 bookings queued from bookings.csv" in window.statusBar().currentMessage()
    soon = utc_now() + timedelta(days=8)
    names = {
        b.patient_name
        for b in window.context.repo.bookings_between(soon, soon + timedelta(days=14))
    }
    assert {"Ada Import", "=Bob Import"} <= names  # both written (with their creates: a
    # sync of an earlier test's desk in this process may already be sending them, so their
    # operations are not counted as pending here)

    # the queued bookings' day, exported: their exact minutes, as the desk shows them
    ada = next(
        b
        for b in window.context.repo.bookings_between(soon, soon + timedelta(days=14))
        if b.patient_name == "Ada Import"
    )
    window.show_booking(ada)
    window.export_day_action.trigger()
    answer_save(monkeypatch, tmp_path / "tuesday.ics")
    qtbot.mouseClick(export_dialog(window).export_button, Qt.MouseButton.LeftButton)
    events = Calendar.from_ical((tmp_path / "tuesday.ics").read_bytes()).walk("VEVENT")
    event = next(e for e in events if str(e["uid"]) == f"{ada.id}@{UID_DOMAIN}")
    assert to_local(event.decoded("dtstart"), window.zone).strftime("%H:%M") == "14:00"
    shown_when(window, event, ada)


def test_a_file_that_cannot_be_imported_is_said_and_nothing_can_be_queued(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.csv"
    # a byte-order mark of UTF-16, then an odd byte: no encoding reads it
    bad.write_bytes(b"\xff\xfep\x00a\x00t")
    dialog = window.dialogs.import_bookings()
    dialog.path.setText(str(bad))
    assert dialog.check() is None
    assert "starts as UTF-16 text but is not" in dialog.summary.text()
    assert not dialog.queue_button.isEnabled()
    dialog.path.setText(str(tmp_path / "missing.csv"))
    dialog.check()
    assert "cannot read" in dialog.summary.text()
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as file:  # sparse: a byte past the import's limit
        file.truncate(MAX_FILE_BYTES + 1)
    dialog.path.setText(str(huge))
    assert dialog.check() is None
    assert dialog.summary.text() == (
        f"This file cannot be imported: FILE.csv: {huge} is larger than 20 MB, the most an "
        "import reads; a clinic's bookings file is far smaller: check that it is the right "
        "file, or split it"
    )
    assert not dialog.queue_button.isEnabled()
    dialog.done(0)

"""The audit trail at a demo desk: each kind of event (a booking, a move, a status mark, an edit
in the appointment's window, a cancel, an import, an export, a printed and a saved day sheet,
a patient's details opened in the appointment's window and in the details panel) leaves one
line naming the member signed in, the desk, the booking and what changed; the viewer filters,
pages and saves it as CSV with formula cells neutralised. Set FRONTDESK_SCREENSHOTS=DIR to
keep a picture of the viewer."""

from __future__ import annotations

import csv
import io
import os
import stat
from datetime import time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from frontdesk.app import editing
from frontdesk.app.demo import DEMO_ADMIN, Demo
from frontdesk.app.editing import request_of
from frontdesk.domain.audit import Actor, AuditEntry, AuditEvent, AuditFilter
from frontdesk.domain.booking import VisitStatus
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.ui.audit_dialog import PAGE, AuditDialog
from frontdesk.ui.export_dialog import ExportDialog
from frontdesk.ui.import_dialog import ImportDialog
from frontdesk.ui.main_window import MainWindow
from support.clinic import next_weekday
from support.made import made

SMALL_SCREEN = (1366, 768 - 40)


def checkup(window: MainWindow, wall: time, phone: str) -> BookingRequest:
    day = next_weekday(2, after_days=8)
    return BookingRequest(
        connection_id=window.context.connections()[0].id,
        service_id="f47ac10b-58cc-4372-a567-0e02b2c3d479",
        resource_id="branch_uuid_here",
        start=local_to_utc(day, wall, window.context.clinic_zone).instant,
        patient_name="Trail Patient",
        patient_phone=phone,
    )


def lines_of(window: MainWindow, booking_id: str | None = None) -> list[tuple[str, str | None]]:
    where = AuditFilter(subject=booking_id) if booking_id else AuditFilter()
    return [(r.event, r.detail) for r in reversed(window.context.repo.audit.audit_page(where))]


def test_every_change_and_every_look_at_patient_data_is_in_the_trail(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, demo: Demo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = window.context
    service = context.booking
    booked = service.book(checkup(window, time(10, 30), "+442079460901"))
    assert context.engine.drain().confirmed >= 1  # the booking system holds it
    moved = service.reschedule(booked.id, booked.start + timedelta(hours=1)).booking
    service.set_status(booked.id, VisitStatus.ARRIVED, now=moved.start + timedelta(minutes=1))
    service.set_status(booked.id, VisitStatus.BOOKED, now=moved.start + timedelta(minutes=2))
    stored = context.repo.booking(booked.id)
    assert stored is not None
    edited = request_of(stored).model_copy(update={"notes": "Ring the bell twice"})
    editing.edit(service, booked.id, edited)
    service.cancel(booked.id, "the patient phoned")

    lines = [r for r in reversed(context.repo.audit.audit_page(AuditFilter(subject=booked.id)))]
    assert [r.event for r in lines] == [
        "booked",
        "moved",
        "status",
        "status",
        "edited",
        "cancelled",
    ]
    assert {(r.staff, r.desk) for r in lines} == {(DEMO_ADMIN, context.desk)}
    booked_line, move, arrived, _back, edit, cancel = lines
    assert booked_line.changes["patient_name"] == [None, "Trail Patient"]
    assert set(move.changes) == {"start", "end"}
    assert move.changes["start"][1] == moved.start.strftime("%Y-%m-%dT%H:%M:%S.000Z")
    assert arrived.changes == {"visit_status": ["booked", "arrived"]}
    assert edit.changes == {"notes": [None, "Ring the bell twice"]}
    assert cancel.changes == {"visit_status": ["booked", "cancelled"]}
    assert cancel.detail == "the patient phoned"

    # reads: the appointment's window and the details panel
    other = service.book(checkup(window, time(14, 0), "+442079460902"))
    window.refresh()
    window._booking_activated(other.id)
    window.open_dialogs[-1].done(0)
    window.show_booking(other)  # selected: the details panel shows it...
    qtbot.waitUntil(lambda: len(lines_of(window, other.id)) == 3, timeout=5000)  # ...a moment
    assert lines_of(window, other.id) == [
        ("booked", None),
        ("opened", "the appointment's window"),
        ("opened", "the details panel"),
    ]

    # the day sheet, printed and saved
    import frontdesk.ui.day_sheet as day_sheet_ui

    monkeypatch.setattr(day_sheet_ui, "print_sheet", lambda _sheet, _parent: True)
    window.print_day_sheet()
    window.save_day_sheet(tmp_path / "sheet.pdf")
    printed = [d for e, d in lines_of(window) if e == "printed"]
    assert len(printed) == 2 and printed[0].endswith("to the printer")
    assert printed[1].endswith("as a PDF (sheet.pdf)")

    # an export
    window.show_booking(other)
    window.export_patient_action.trigger()
    dialog = window.open_dialogs[-1]
    assert isinstance(dialog, ExportDialog)
    dialog.export(tmp_path / "patient.csv")
    (line,) = context.repo.audit.audit_page(AuditFilter(event="exported"))
    assert line.booking_id is not None and "patient.csv" in (line.detail or "")

    # an import: a line per booking it queued, in its transaction
    path = tmp_path / "bookings.csv"
    tuesday = next_weekday(1, after_days=9)
    path.write_text(
        "patient_name,start,service,resource,patient_phone\n"
        f"Ada Import,{tuesday} 14:00,General Checkup,North Branch,+442079460181\n"
        f"Bo Import,{tuesday} 14:20,General Checkup,North Branch,+442079460182\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(path), ""))
    window.import_action.trigger()
    importer = window.open_dialogs[-1]
    assert isinstance(importer, ImportDialog)
    qtbot.mouseClick(importer.browse_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(importer.queue_button, Qt.MouseButton.LeftButton)
    made(window)
    imported = context.repo.audit.audit_page(AuditFilter(event="imported"))
    assert len(imported) == 2 and {r.patient for r in imported} == {"Ada Import", "Bo Import"}
    assert {r.detail for r in imported} == {"from bookings.csv"}
    seen = {r.event for r in context.repo.audit.audit_lines(AuditFilter(staff=DEMO_ADMIN))}
    kinds = {"booked", "moved", "cancelled", "status", "edited"}
    assert kinds | {"imported", "exported", "printed", "opened"} <= seen
    viewer = window.dialogs.audit_trail()
    assert viewer is not None
    shot(viewer, "audit-viewer-events.png")
    viewer.done(0)


def test_the_viewer_filters_pages_and_saves_csv(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    repo = window.context.repo
    desk = window.context.desk
    ben = Actor("Ben", "reception-2")
    for n in range(PAGE + 30):
        repo.audit.record(
            AuditEntry(AuditEvent.OPENED, Actor(DEMO_ADMIN, desk), "b-x", detail=f"{n}")
        )
    repo.audit.record(AuditEntry(AuditEvent.PRINTED, ben, detail='=HYPERLINK("http://x")'))
    window.audit_action.trigger()
    dialog = window.open_dialogs[-1]
    assert isinstance(dialog, AuditDialog)
    total = dialog.total
    assert total >= PAGE + 31 and dialog.table.rowCount() == PAGE
    assert dialog.count.text() == f"Lines 1–{PAGE} of {total:,}"
    assert dialog.table.item(0, 1).text() == "Ben"  # newest first
    assert dialog.table.item(0, 3).text() == "Day sheet printed"
    qtbot.mouseClick(dialog.older, Qt.MouseButton.LeftButton)
    assert dialog.offset == PAGE and dialog.table.rowCount() == min(PAGE, total - PAGE)
    qtbot.mouseClick(dialog.newer, Qt.MouseButton.LeftButton)
    assert dialog.offset == 0 and not dialog.newer.isEnabled()

    dialog.staff.setCurrentIndex(dialog.staff.findData("Ben"))
    dialog.show_page(0)
    assert dialog.total == 1
    dialog.staff.setCurrentIndex(0)
    dialog.kind.setCurrentIndex(dialog.kind.findData("opened"))
    qtbot.keyClicks(dialog.subject, "b-x")
    dialog.show_page(0)
    assert dialog.total == PAGE + 30
    dialog.kind.setCurrentIndex(0)
    dialog.subject.clear()
    dialog.show_page(0)
    shot(dialog, "audit-viewer.png")
    need = dialog.minimumSizeHint()
    assert need.width() <= SMALL_SCREEN[0] and need.height() <= SMALL_SCREEN[1]
    assert dialog.width() <= SMALL_SCREEN[0] and dialog.height() <= SMALL_SCREEN[1]

    saved = dialog.export_csv(tmp_path / "audit.csv")
    assert saved is not None and stat.S_IMODE(os.stat(saved).st_mode) == 0o600
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0][:5] == ["When (UTC)", "When (clinic)", "Staff", "Desk", "Event"]
    assert len(rows) == 1 + total
    printed = next(r for r in rows if r[2] == "Ben")
    assert printed[8] == '\'=HYPERLINK("http://x")'  # a spreadsheet shows it, never runs it
    (line,) = repo.audit.audit_page(AuditFilter(event="audit exported"))
    assert line.staff == DEMO_ADMIN
    assert (line.detail or "").startswith(f"{total} lines to audit.csv (from ")
    dialog.done(0)


def shot(widget: object, name: str) -> None:
    where = os.environ.get("FRONTDESK_SCREENSHOTS")
    if where:
        QApplication.processEvents()
        widget.grab().save(str(Path(where) / name))  # type: ignore[attr-defined]

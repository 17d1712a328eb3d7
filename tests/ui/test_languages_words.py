"""The last of the desk's words in the clinic's language: the audit viewer's "What changed" and
detail cells (the trail keeps English; the desk's own words are said in its language, what a
person typed stays as typed), a connection's option refusals, the administrator-only refusal,
an exported calendar's event text (a CSV's header stays the machine's), the day sheet's file
name, the start-up error messages, the clinic settings' refusal (never pydantic's words) and
the time boxes, which read the time as the language's clock does. Under a pseudo translation
each is marked; in German and Hindi they read in those languages (screenshots of the audit
viewer and the booking dialog in the temporary folder, to look at)."""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QTime
from PySide6.QtWidgets import QApplication, QFileDialog

from frontdesk.app import audit
from frontdesk.app.audit_values import service_names
from frontdesk.app.audit_words import FIELDS, line_words
from frontdesk.app.connection_setup import check_connection
from frontdesk.app.day_sheet import day_sheet, file_name
from frontdesk.app.demo import Demo
from frontdesk.app.desk_lock import _refusal
from frontdesk.app.export_files import to_csv, to_ics
from frontdesk.app.exports import day_export
from frontdesk.app.staff import ADMIN_ONLY, UNKNOWN_NAME, NotAllowed
from frontdesk.domain.audit import Actor, AuditEntry, AuditEvent
from frontdesk.domain.dates import ENGLISH
from frontdesk.providers.registry import PROVIDERS
from frontdesk.ui import i18n
from frontdesk.ui.audit_dialog import AuditDialog
from frontdesk.ui.booking_dialog import BookingDialog
from frontdesk.ui.form_bits import FiveMinuteTimeEdit
from frontdesk.ui.launch import _profile_language
from frontdesk.ui.settings_dialog import SettingsDialog
from frontdesk.ui.start_errors import start_error_words, unexpected_error_words
from support.words import MARK, visible_words

SHOTS = Path(tempfile.gettempdir())
DETAIL_COLUMN = 6
NOTE = "Ring the bell twice"  # a person's words: shown as typed
DATE_WORDS = ENGLISH.weekdays_short + ENGLISH.months_short  # the locale's (English here)


LINES = [  # (event, staff, changes, detail) as the desk writes them
    (
        AuditEvent.EDITED,
        None,
        {"start": ["2027-06-01T09:00:00.000Z", "2027-06-01T10:00:00.000Z"], "notes": [None, NOTE]},
        "notes, time; to 2027-06-01T10:00:00.000Z",
    ),
    (AuditEvent.STATUS, None, {"visit_status": ["booked", "no_show"]}, None),
    (AuditEvent.PRINTED, None, {}, "day sheet of 2027-06-01, 12 appointments, to the printer"),
    (AuditEvent.SIGN_IN_REFUSED, UNKNOWN_NAME, {}, "unknown name"),
    (AuditEvent.STAFF_ADDED, None, {"name": [None, "Ben"], "role": [None, "staff"]}, None),
    (
        AuditEvent.ASAP_REMOVED,
        None,
        {"until": [None, "2027-06-30"]},
        "ASAP entry 1a2b: expired",
    ),
    (AuditEvent.CANCELLED, None, {}, f"{NOTE}; with the following of its series"),
    (AuditEvent.LOCKED, None, {}, "idle"),
]


def _trail(demo: Demo) -> None:
    actor = demo.context.staff.actor()
    for event, staff, changes, detail in LINES:
        who = actor if staff is None else Actor(staff, actor.desk)
        audit.record(demo.context, AuditEntry(event, who, None, changes, detail))


def _viewer(qtbot, demo: Demo) -> AuditDialog:  # type: ignore[no-untyped-def]
    _trail(demo)
    viewer = AuditDialog(demo.context)
    qtbot.addWidget(viewer)
    viewer.show()
    return viewer


def _cells(viewer: AuditDialog, column: int) -> list[str]:
    return [viewer.table.item(r, column).text() for r in range(viewer.table.rowCount())]


def test_the_audit_viewers_cells_say_the_desks_words(  # type: ignore[no-untyped-def]
    qtbot, demo: Demo, pseudo: None
) -> None:
    viewer = _viewer(qtbot, demo)
    said = _cells(viewer, DETAIL_COLUMN)
    # every field's name, each fixed value, "(none)" and each of the desk's own details
    changed = next(s for s in said if "start⟧" in s)
    assert changed.startswith(f"{MARK}start⟧: "), changed
    assert f"; {MARK}notes⟧: {MARK}(none)⟧ → {NOTE}; " in changed, changed
    assert f"{MARK}{MARK}notes⟧, {MARK}time⟧; to " in changed, changed
    assert f"{MARK}visit status⟧: {MARK}booked⟧ → {MARK}no-show⟧" in said
    assert any(s.startswith(f"{MARK}day sheet of 1 Jun 2027, 12 appointments") for s in said)
    assert f"{MARK}unknown name⟧" in said and f"{MARK}idle⟧" in said
    assert f"{MARK}role⟧: {MARK}(none)⟧ → {MARK}staff⟧" in next(s for s in said if "Ben" in s)
    assert any(f"ASAP entry 1a2b: {MARK}expired⟧" in s for s in said), said
    assert any(s.startswith(f"{MARK}{NOTE}; with the following") for s in said), said
    assert f"{MARK}{UNKNOWN_NAME}⟧" in _cells(viewer, 1)  # a name nobody has, in words
    # nothing English escapes: what is left outside the marks is data (a note, a name, an id,
    # the dates and times the locale writes)
    uuid = r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"
    services = [re.escape(n) for n in service_names(demo.context).values()]  # by name
    data = re.compile(
        "|".join((re.escape(NOTE), r"Ben|Demo \w+", "1a2b", uuid, *services, *DATE_WORDS))
    )
    for text in said:
        inside = text
        while MARK in inside:
            inside, n = re.subn(r"⟦[^⟦⟧]*⟧", "", inside)
            assert n, text
        assert not re.search(r"[A-Za-z]{2,}", data.sub("", inside)), text


def test_an_unknown_detail_and_a_persons_note_stay_as_stored() -> None:
    assert line_words({}, "something a later version wrote", "UTC") == (
        "something a later version wrote"
    )
    assert line_words({"colour": ["red", "blue"]}, None, "UTC") == "colour: red → blue"
    assert line_words({}, "notes, lunch", "UTC") == "notes, lunch"  # not all the window's parts
    assert "start" in FIELDS and "resource_id" in FIELDS


def test_the_viewer_says_a_refusal_to_read_the_trail_in_the_desks_language(  # type: ignore[no-untyped-def]
    qtbot, demo: Demo, pseudo: None
) -> None:
    viewer = _viewer(qtbot, demo)
    demo.context.staff.require_sign_in()  # a desk's (the headless tools read as the user)
    demo.context.staff.lock("by hand")
    viewer.show_page(0)
    assert viewer.count.text() == f"{MARK}Only an administrator can read the audit trail.⟧"
    for what in ADMIN_ONLY:
        with pytest.raises(NotAllowed) as refused:
            demo.context.staff.require_admin(what)
        assert str(refused.value).startswith(MARK), what


def test_an_options_refusal_is_said_in_the_desks_language(pseudo: None) -> None:
    wrong = check_connection(
        "carevalidate", "https://example.invalid", "key", {"timezone": "Nowhere/City"}
    )
    assert not wrong.ok and wrong.message.startswith(f"{MARK}Check the settings: "), wrong.message
    assert f"{MARK}timezone: 'Nowhere/City' is not an IANA" in wrong.message  # as typed
    assert f"{MARK}provider_states: required for CareValidate connections⟧: {MARK}" in (
        wrong.message
    )  # with the option's hint
    for spec in PROVIDERS.values():
        for option in spec.form.options:
            problem = option.problem("  no such value  ")
            if problem is not None:
                assert problem.startswith(MARK), (spec.name, option.key, problem)


def test_an_exported_calendar_speaks_the_desks_language_and_a_csv_the_machines(  # type: ignore[no-untyped-def]
    demo: Demo, pseudo: None
) -> None:
    export = next(
        e
        for e in (day_export(demo.context, date.today() + timedelta(days=n)) for n in range(1, 8))
        if e.rows
    )
    events = Calendar.from_ical(to_ics(export)).walk("VEVENT")
    assert len(events) == len(export.rows)
    for event in events:
        lines = str(event.get("DESCRIPTION")).splitlines()
        assert len(lines) >= 4 and all(line.startswith(MARK) for line in lines), lines
    header = next(csv.reader(io.StringIO(to_csv(export).lstrip("\ufeff"))))
    assert header[:3] == ["date", "start", "end"] and not any(MARK in h for h in header)


@pytest.mark.parametrize(
    ("code", "service", "status", "sheet"),
    [
        ("de", "Leistung: ", "Status: ", "Tagesliste-2027-06-01.pdf"),
        ("hi", "सेवा: ", "स्थिति: ", "दिन-की-सूची-2027-06-01.pdf"),
    ],
)
def test_the_calendars_text_and_the_day_sheets_name_in_german_and_hindi(  # type: ignore[no-untyped-def]
    qtbot,
    qapp: QApplication,
    demo: Demo,
    tmp_path: Path,
    spoken: None,
    code,
    service,
    status,
    sheet,
) -> None:
    assert i18n.install_language(qapp, code).translated
    export = next(
        e
        for e in (day_export(demo.context, date.today() + timedelta(days=n)) for n in range(1, 8))
        if e.rows
    )
    description = str(Calendar.from_ical(to_ics(export)).walk("VEVENT")[0].get("DESCRIPTION"))
    assert description.startswith(service) and f"\n{status}" in description, description
    assert file_name(date(2027, 6, 1)) == sheet
    # the save dialog takes the name as offered, and the sheet is written under it
    chooser = QFileDialog(None, "", str(tmp_path))
    chooser.setOption(QFileDialog.Option.DontUseNativeDialog)
    chooser.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    qtbot.addWidget(chooser)
    chooser.selectFile(str(tmp_path / sheet))
    assert chooser.selectedFiles() == [str(tmp_path / sheet)]
    from frontdesk.ui.day_sheet import save_pdf

    save_pdf(day_sheet(demo.context, date.today()), tmp_path / sheet)
    assert (tmp_path / sheet).read_bytes().startswith(b"%PDF")


def test_the_start_errors_are_said_in_the_desks_language(pseudo: None) -> None:
    said = start_error_words(PermissionError("denied"))
    assert said.count(MARK) == 2 and "may not write to its data folder" in said
    assert start_error_words(RuntimeError("boom")).count(MARK) == 2
    unexpected = unexpected_error_words("/tmp/frontdesk.log")
    assert unexpected.count(MARK) == 2 and "/tmp/frontdesk.log" in unexpected
    assert unexpected_error_words(None).count(MARK) == 1
    holder = json.dumps({"pid": 42, "host": "desk-2", "user": "ann", "since": "2027-06-01T09:00"})
    assert _refusal(holder).count(MARK) == 2 and "desk-2" in _refusal(holder)


def test_the_profiles_language_is_read_before_the_start(tmp_path: Path) -> None:
    import argparse

    profile = tmp_path / "profile"
    (profile / "config").mkdir(parents=True)
    args = argparse.Namespace(demo=False, profile_dir=profile)
    assert _profile_language(args) is None  # no settings yet: the computer's
    (profile / "config" / "clinic.json").write_text('{"language": "hi"}', encoding="utf-8")
    assert _profile_language(args) == "hi"
    (profile / "config" / "clinic.json").write_text("{not json", encoding="utf-8")
    assert _profile_language(args) is None  # unreadable: the computer's
    assert _profile_language(argparse.Namespace(demo=True, profile_dir=None)) is None


def test_a_refused_setting_is_said_in_the_desks_words_not_pydantics(  # type: ignore[no-untyped-def]
    qtbot, demo: Demo, pseudo: None
) -> None:
    dialog = SettingsDialog(demo.context)
    qtbot.addWidget(dialog)
    dialog.zone.setEditText("Nowhere/City")
    note = dialog.note.text()
    assert note.count(MARK) == 2 and "'Nowhere/City'" in note, note
    assert "Value error" not in note and "validation error" not in note


def test_the_time_boxes_read_as_the_languages_clock(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, spoken: None
) -> None:
    for code, shown in (("de", "14:30"), ("hi", "2:30 pm")):
        i18n.install_language(qapp, code)
        box = FiveMinuteTimeEdit()
        qtbot.addWidget(box)
        box.setTime(QTime(14, 30))
        assert box.text() == shown, (code, box.displayFormat())
        assert box.time() == QTime(14, 30)  # the value is the time of day, whatever is shown
        box.setCurrentSection(box.Section.MinuteSection)
        box.stepBy(1)
        assert box.time() == QTime(14, 35)
        i18n.forget_language(qapp)
    box = FiveMinuteTimeEdit()  # English (nothing installed): the 24-hour clock
    qtbot.addWidget(box)
    assert box.displayFormat() == "HH:mm"


@pytest.mark.parametrize(
    ("code", "field", "clock"),
    [("de", "Beginn", re.compile(r"\d\d:\d\d")), ("hi", "शुरुआत", re.compile(r"\d+:\d\d [ap]m"))],
)
def test_the_audit_viewer_and_the_booking_dialog_speak_german_and_hindi(  # type: ignore[no-untyped-def]
    qtbot, qapp: QApplication, demo: Demo, spoken: None, code, field, clock
) -> None:
    assert i18n.install_language(qapp, code).translated
    viewer = _viewer(qtbot, demo)
    viewer.resize(1180, 620)
    said = " ".join(_cells(viewer, DETAIL_COLUMN))
    assert f"{field}:" in said and "(none)" not in said and "day sheet" not in said, said
    viewer.grab().save(str(SHOTS / f"audit-cells-{code}.png"))
    booking = BookingDialog(demo.context)
    qtbot.addWidget(booking)
    booking.show()
    booking.time_edit.setTime(QTime(14, 30))
    assert clock.fullmatch(booking.time_edit.text()), booking.time_edit.text()
    english = [t for _, t in visible_words(booking) if "Type the patient's" in t]
    assert english == []  # the fields a booking system needs, said in the language
    booking.grab().save(str(SHOTS / f"booking-time-{code}.png"))

"""Booking through the dialog, on a real demo clinic: live checks, save, pencilled, confirmed."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QMessageBox

from frontdesk.app.demo import Demo
from frontdesk.app.desk import monday_of
from frontdesk.domain.booking import SyncState
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.verdict import Severity
from frontdesk.ui.booking_dialog import BookingDialog
from frontdesk.ui.form_bits import GAP_MESSAGE
from frontdesk.ui.main_window import MainWindow
from support.made import made


def weekday_after(weekday: int, min_days: int) -> date:
    """The first date at least ``min_days`` from today that falls on ``weekday`` (Mon=0)."""
    day = date.today() + timedelta(days=min_days)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return day


def _set_when(dialog: BookingDialog, day: date, wall: time) -> None:
    dialog.date_edit.setDate(QDate(day.year, day.month, day.day))
    dialog.time_edit.setTime(QTime(wall.hour, wall.minute))


def _settled(qtbot, dialog: BookingDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not dialog.validation_pending(), timeout=5_000)


def test_book_through_the_dialog_pencilled_then_confirmed(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    day = weekday_after(1, min_days=8)  # a Tuesday past the seeded week
    dialog = window.new_booking()
    saved: list[object] = []
    dialog.booked.connect(saved.append)
    assert dialog.select_service("General Checkup")
    assert dialog.select_resource("Main Branch")
    _set_when(dialog, day, time(9, 30))
    qtbot.keyClicks(dialog.name_edit, "Test Patient")
    qtbot.keyClicks(dialog.phone_edit, "+442079460999")
    _settled(qtbot, dialog)
    assert [v for v in dialog.verdicts if v.severity is Severity.ERROR] == []
    assert dialog.save_button.isEnabled()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    made(dialog)

    assert len(saved) == 1
    booking = saved[0]
    view = window.week_view
    assert window.monday == monday_of(day)
    rect = view.block_rect(booking.id)
    assert rect is not None
    shown = view.block_at(rect.center())
    assert shown is not None and shown.id == booking.id
    assert shown.sync_state is SyncState.PENCILLED
    assert view.selected_booking() == booking.id
    assert window.pending_label.text().startswith("1 waiting to sync")

    window.sync_now()

    def confirmed() -> bool:
        block = view._by_id.get(booking.id)
        return block is not None and block.booking.sync_state is SyncState.CONFIRMED

    qtbot.waitUntil(confirmed, timeout=20_000)
    assert view.block_rect(booking.id) is not None
    assert view.selected_booking() == booking.id
    assert window.context.repo.booking(booking.id).remote_id


@pytest.mark.parametrize(
    ("weekday", "wall", "code"),
    # Sunday's window is closed: HuskyVoice's availability does not list it, so the desk sees
    # no open window there (the server itself would say SLOT_INACTIVE)
    [(6, time(10, 0), "OUTSIDE_AVAILABILITY"), (2, time(23, 0), "OUTSIDE_AVAILABILITY")],
)
def test_a_closed_time_is_refused_next_to_the_time_field(  # type: ignore[no-untyped-def]
    qtbot, demo: Demo, weekday: int, wall: time, code: str
) -> None:
    dialog = BookingDialog(demo.context)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_service("General Checkup")
    dialog.select_resource("Main Branch")
    _set_when(dialog, weekday_after(weekday, min_days=2), wall)
    _settled(qtbot, dialog)
    # the slot is judged before the patient's details are typed
    assert code in dialog.message_for("start")
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.name_edit, "Test Patient")
    qtbot.keyClicks(dialog.phone_edit, "+442079460999")
    _settled(qtbot, dialog)
    assert code in dialog.message_for("start")
    assert "HTTP" in dialog.message_for("start")
    assert dialog.message_for("patient_name") == ""
    assert not dialog.save_button.isEnabled()
    dialog.done(0)


def test_a_time_skipped_by_the_clocks_is_a_field_error(qtbot, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    dialog = BookingDialog(demo.context)
    qtbot.addWidget(dialog)
    dialog._zone = "Europe/London"
    _set_when(dialog, date(2027, 3, 28), time(1, 30))  # spring forward: 01:00 -> 02:00
    dialog.validate_now()
    assert GAP_MESSAGE in dialog.message_for("start")
    assert not dialog.save_button.isEnabled()
    dialog.done(0)


def test_untyped_patient_fields_are_hints_not_errors(qtbot, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    dialog = BookingDialog(demo.context)
    qtbot.addWidget(dialog)
    assert "Type the patient's name." in dialog.message_for("patient_name")
    assert "VALIDATION_ERROR" not in dialog.message_for("patient_name")
    assert not dialog.save_button.isEnabled()
    dialog.done(0)


def test_escape_with_edits_asks_before_closing(qtbot, demo: Demo, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked: list[str] = []

    def fake_exec(box: QMessageBox) -> int:
        asked.append(box.text())
        return answers.pop(0).value

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    dialog = BookingDialog(demo.context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    qtbot.keyClicks(dialog.name_edit, "Half typed")

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # "Keep editing"
    assert asked == ["Discard this booking?"]
    assert dialog.isVisible() and not closed
    assert dialog.name_edit.text() == "Half typed"

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # "Discard"
    assert len(asked) == 2
    assert closed == [0]


def test_escape_without_edits_closes_at_once(qtbot, demo: Demo, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fail(box: QMessageBox) -> int:
        raise AssertionError("asked without edits")

    monkeypatch.setattr(QMessageBox, "exec", fail)
    dialog = BookingDialog(demo.context)
    qtbot.addWidget(dialog)
    dialog.show()
    closed: list[int] = []
    dialog.finished.connect(closed.append)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert closed == [0]


def test_a_repeated_wall_time_is_a_risk_that_allows_save(qtbot, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    dialog = BookingDialog(demo.context)
    qtbot.addWidget(dialog)
    dialog._zone = "Europe/London"
    _set_when(dialog, date(2027, 10, 31), time(1, 30))  # fall back: 01:00-02:00 twice
    request, local = dialog.build_request()
    assert request is not None
    assert [(v.code, v.severity) for v in local] == [("DST_FOLD", Severity.RISK)]
    assert "happens twice" in (local[0].message or "")
    dialog.done(0)


def test_a_refused_save_keeps_everything_typed(qtbot, demo: Demo, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from frontdesk.app.booking_checks import BookingRefused
    from frontdesk.domain.verdict import Verdict

    def refuse(request, now=None):  # type: ignore[no-untyped-def]
        raise BookingRefused([Verdict(409, "SLOT_FULL", "No remaining capacity", "start")])

    dialog = BookingDialog(demo.context)
    qtbot.addWidget(dialog)
    dialog.select_service("General Checkup")
    dialog.select_resource("Main Branch")
    _set_when(dialog, weekday_after(1, min_days=8), time(9, 30))
    qtbot.keyClicks(dialog.name_edit, "Test Patient")
    qtbot.keyClicks(dialog.phone_edit, "+442079460999")
    qtbot.keyClicks(dialog.notes_edit, "Prefers mornings")
    _settled(qtbot, dialog)
    monkeypatch.setattr(demo.context.booking, "book", refuse)
    dialog.save()
    made(dialog)
    assert dialog.booking is None
    assert "fully booked" in dialog.message_for("start")
    assert "SLOT_FULL · HTTP 409" in dialog.message_for("start")
    assert dialog.name_edit.text() == "Test Patient"
    assert dialog.phone_edit.text() == "+442079460999"
    assert dialog.notes_edit.toPlainText() == "Prefers mornings"
    dialog.done(0)


def test_the_time_arrows_move_in_five_minute_steps(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QTimeEdit

    from frontdesk.ui.form_bits import FiveMinuteTimeEdit

    edit = FiveMinuteTimeEdit()
    qtbot.addWidget(edit)
    edit.setDisplayFormat("HH:mm")
    edit.setTime(QTime(9, 32))
    edit.setCurrentSection(QTimeEdit.Section.MinuteSection)
    edit.stepBy(1)
    assert edit.time() == QTime(9, 35)
    edit.stepBy(-2)
    assert edit.time() == QTime(9, 25)
    edit.setTime(QTime(9, 32))
    edit.stepBy(-1)
    assert edit.time() == QTime(9, 30)


def test_the_dialog_opens_with_the_next_free_times_and_a_pick_fills_them(  # type: ignore[no-untyped-def]
    qtbot, demo: Demo
) -> None:
    dialog = BookingDialog(demo.context)
    qtbot.addWidget(dialog)
    assert dialog.service_combo.currentData()  # a service is chosen, so times can show
    openings = dialog.openings.openings
    assert openings, "the demo clinic has free times"
    assert dialog.local_day_and_time()[1] == to_local(openings[0].start, "Europe/London").time()
    last = openings[-1]
    qtbot.mouseClick(
        dialog.openings.list.viewport(),
        Qt.MouseButton.LeftButton,
        pos=dialog.openings.list.visualItemRect(
            dialog.openings.list.item(len(openings) - 1)
        ).center(),
    )
    assert dialog.resource_combo.currentData() == last.resource_id
    local = to_local(last.start, "Europe/London")
    assert dialog.local_day_and_time() == (local.date(), local.time().replace(tzinfo=None))
    qtbot.keyClicks(dialog.name_edit, "New Patient")
    qtbot.keyClicks(dialog.phone_edit, "+442079460998")
    _settled(qtbot, dialog)
    assert dialog.errors() == []
    dialog.done(0)


def test_typing_a_known_patient_offers_them(qtbot, demo: Demo) -> None:  # type: ignore[no-untyped-def]
    far = datetime(2100, 1, 1, tzinfo=UTC)
    known = demo.context.repo.bookings_between(datetime(2000, 1, 1, tzinfo=UTC), far)[0]
    dialog = BookingDialog(demo.context)
    qtbot.addWidget(dialog)
    dialog.show()
    try:
        # typed the way people say it: the national form with its trunk zero
        qtbot.keyClicks(dialog.phone_edit, "0" + known.patient_phone.removeprefix("+44"))
        qtbot.waitUntil(lambda: dialog.matches.isVisible(), timeout=3_000)
        assert any(p.phone == known.patient_phone for p in dialog.matches.patients())
        dialog.phone_edit.setFocus()
        qtbot.keyClick(dialog.phone_edit, Qt.Key.Key_Down)
        row = next(
            i for i, p in enumerate(dialog.matches.patients()) if p.phone == known.patient_phone
        )
        dialog.matches.setCurrentRow(row)
        qtbot.keyClick(dialog.matches, Qt.Key.Key_Return)
        assert dialog.phone_edit.text() == known.patient_phone
        assert dialog.name_edit.text() == known.patient_name
        assert not dialog.matches.isVisible()
    finally:
        dialog.done(0)

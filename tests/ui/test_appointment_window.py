"""The appointment's own window: the form filled with the booking, each change checked offline
as a new booking would be (the booking does not count against itself), saved as a move or a
rewritten create, and what the booking system cannot change said in plain words."""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime

from frontdesk.app import editing
from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.demo import Demo
from frontdesk.domain.booking import SyncState
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.timeutil import local_to_utc, to_local
from frontdesk.ui.appointment_dialog import AppointmentDialog
from frontdesk.ui.main_window import MainWindow
from support.clinic import next_weekday
from support.made import made

MAIN = "branch_uuid_here"


def _book(demo: Demo, wall: time, phone: str = "+442079460321") -> str:
    cid = demo.context.connections()[0].id
    zone = demo.context.clinic_zone
    day = next_weekday(2, after_days=8)
    request = BookingRequest(
        connection_id=cid,
        service_id="f47ac10b-58cc-4372-a567-0e02b2c3d479",
        resource_id=MAIN,
        start=local_to_utc(day, wall, zone).instant,
        patient_name="Window Patient",
        patient_phone=phone,
    )
    return demo.context.booking.book(request).id


def test_the_window_opens_filled_and_saves_a_new_time(
    qtbot, window: MainWindow, demo: Demo
) -> None:  # type: ignore[no-untyped-def]
    booking_id = _book(demo, time(10, 30))
    assert window.context.engine.drain().confirmed >= 1  # the booking system holds it
    booking = window.context.repo.booking(booking_id)
    dialog = AppointmentDialog(window.context, booking, window)
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "Window Patient"
    assert dialog.phone_edit.text() == booking.patient_phone
    assert not dialog.connection_combo.isEnabled()
    assert dialog.save_button.isEnabled(), dialog.verdicts  # it does not clash with itself
    local = to_local(booking.start, window.context.clinic_zone)
    dialog.time_edit.setTime(QTime(11, 15))
    dialog.notes_edit.setPlainText("Bring the referral letter")
    qtbot.waitUntil(lambda: not dialog.validation_pending())
    dialog.save()
    made(dialog)
    assert dialog.result() == dialog.DialogCode.Accepted
    stored = window.context.repo.booking(booking_id)
    assert to_local(stored.start, window.context.clinic_zone).time() == time(11, 15)
    assert to_local(stored.start, window.context.clinic_zone).date() == local.date()
    assert stored.notes == "Bring the referral letter"
    assert stored.sync_state is SyncState.PENCILLED
    (op,) = window.context.repo.outbox.queued_operations(booking_id)
    assert op.kind is OperationKind.RESCHEDULE
    window.context.engine.drain()
    remote = [
        a for a in demo.server.state.appointments() if a.get("external_reference_id") == booking_id
    ]
    assert remote and window.context.repo.booking(booking_id).sync_state is SyncState.CONFIRMED


def test_what_the_booking_system_cannot_change_says_so(window: MainWindow, demo: Demo) -> None:
    booking_id = _book(demo, time(11, 0), phone="+442079460322")
    window.context.engine.drain()
    booking = window.context.repo.booking(booking_id)
    request = editing.request_of(booking).model_copy(update={"patient_name": "Someone Else"})
    verdicts = editing.check_edit(window.context.booking, booking_id, request)
    assert [(v.code, v.field) for v in verdicts] == [("NOT_CHANGEABLE", "patient_name")]
    assert "HuskyVoice cannot change the patient's name" in (verdicts[0].message or "")
    try:
        editing.edit(window.context.booking, booking_id, request)
    except BookingRefused:
        pass
    else:
        raise AssertionError("the change was sent")
    assert window.context.repo.booking(booking_id).patient_name == "Window Patient"


def test_before_it_is_sent_everything_may_change(window: MainWindow, demo: Demo) -> None:
    booking_id = _book(demo, time(11, 30), phone="+442079460323")  # not drained: still queued
    booking = window.context.repo.booking(booking_id)
    request = editing.request_of(booking).model_copy(
        update={"patient_name": "Corrected Name", "patient_phone": "020 7946 0324"}
    )
    change = editing.edit(window.context.booking, booking_id, request)
    assert change.booking.patient_name == "Corrected Name"
    assert change.booking.patient_phone == "+442079460324"  # read in the clinic's region
    (op,) = window.context.repo.outbox.queued_operations(booking_id)
    assert op.kind is OperationKind.CREATE  # the queued create sends it as it now is
    window.context.engine.drain()
    (remote,) = [
        a for a in demo.server.state.appointments() if a.get("external_reference_id") == booking_id
    ]
    assert remote["patient_name"] == "Corrected Name"

"""The appointment's own window (Enter on an appointment): the booking form filled with it,
where everything its booking system lets the desk change can be changed (time, place,
service, patient details, notes), each change checked offline as a new booking would be
(``app.editing``); what cannot be changed says why instead of being sent. The patient's
marks, move and cancel stay in the details panel and the calendar."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from frontdesk.app import editing
from frontdesk.app.booking import Change
from frontdesk.domain.booking import Booking
from frontdesk.domain.translation import translate
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.ui.booking_dialog import BookingDialog
from frontdesk.ui.booking_verdicts import check_form

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.ui")


class AppointmentDialog(BookingDialog):
    """One existing appointment; ``changed`` carries it as saved."""

    changed = Signal(object)  # Booking

    def __init__(self, context: AppContext, booking: Booking, parent: QWidget | None = None):
        self.original = booking
        super().__init__(
            context, parent, booking.start, (booking.connection_id, booking.resource_id)
        )
        self._loading = True
        self.setWindowTitle(
            translate("Appointment", "Appointment — {name}").format(name=booking.patient_name)
        )
        self.setAccessibleName(translate("Appointment", "Appointment"))
        self.connection_combo.setEnabled(False)  # it stays in its booking system
        self.select_service(booking.service_id)
        self.select_resource(booking.resource_id)
        self._set_when(booking.start)
        self.name_edit.setText(booking.patient_name)
        self.phone_edit.setText(booking.patient_phone)
        self.email_edit.setText(booking.patient_email or "")
        self.notes_edit.setPlainText(booking.notes or "")
        self.save_button.setText(translate("Appointment", "&Save changes"))
        self.save_button.setAccessibleName(translate("Appointment", "Save changes"))
        self._initial = self._values()
        self._loading = False
        self.validate_now()

    def validate_now(self) -> list[Verdict]:
        """Check the form as a change of this appointment (it does not count against itself)."""
        self._timer.stop()
        original = getattr(self, "original", None)
        if original is None or not self.connection_id():
            return super().validate_now()
        request, local = self.build_request()
        verdicts = list(local)
        if request is not None:
            try:
                verdicts += editing.check_edit(self.context.booking, original.id, request)
            except Exception:
                log.exception("checking a change failed")
                verdicts = check_form(self.context, request, local)
        self._show(verdicts)
        self.validated.emit(verdicts)
        return verdicts

    def save(self) -> None:
        self.shown.touched.update(self._rows)
        verdicts = self.validate_now()
        request, _ = self.build_request()
        errors = [v for v in verdicts if v.severity is Severity.ERROR]
        if errors or request is None:
            self.shown.focus_first(errors)
            return
        original = self.original.id
        self.run_change(lambda: editing.edit(self.context.booking, original, request), self._saved)

    def _saved(self, change: Change) -> None:
        self.booking = change.booking
        self.changed.emit(change.booking)
        self.accept()

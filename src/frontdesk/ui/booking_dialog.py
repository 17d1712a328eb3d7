"""The booking dialog: a compact form checked as the receptionist types, by the same rules the
remote booking system enforces (``BookingService.validate``).

Owns the form's layout and its place and time (connection, service, branch, date and time,
with the defaults a connection's catalog gives), the debounced check, and saving. It never
drops what was typed: a refused save keeps the form, and closing with edits asks first. Its
parts: the openings picker (``booking_openings``), the patient fields and known-patient search
(``booking_patient``), what the typed values mean (``booking_request``), and the verdicts by
field (``booking_verdicts``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, datetime, time
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QDate, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.columns import everything, is_clinic
from frontdesk.app.desk import clinic_zone, first_opening, resources
from frontdesk.app.openings import Opening
from frontdesk.app.patients import Patient
from frontdesk.domain.booking import Booking
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.catalog import Catalog
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.ui.booking_openings import OpeningsPicker
from frontdesk.ui.booking_patient import PatientFields
from frontdesk.ui.booking_request import typed_request, when_words
from frontdesk.ui.booking_verdicts import VerdictRows, check_form
from frontdesk.ui.desk_ops import booking_ids, ops_for
from frontdesk.ui.form_bits import (
    FiveMinuteTimeEdit,
    WhenRow,
    confirm_discard,
    fill_choices,
    select_in,
)
from frontdesk.ui.series_dialog import install_repeat

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.ui")
T = TypeVar("T")

DEBOUNCE_MS = 250
NOT_SAVED = QT_TRANSLATE_NOOP(
    "BookingDialog",
    "The booking could not be saved on this computer. What you typed is still here; try Save "
    "again, and call support if it keeps failing.",
)

__all__ = ["BookingDialog", "FiveMinuteTimeEdit", "confirm_discard"]


class BookingDialog(QDialog):
    """New booking. ``booked`` carries the saved (pencilled) booking."""

    booked = Signal(object)  # Booking
    validated = Signal(object)  # list[Verdict], after each check

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        start: datetime | None = None,
        resource: tuple[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.booking: Booking | None = None
        self.verdicts: list[Verdict] = []
        self._catalog: Catalog | None = None
        self._zone = "UTC"
        self._loading = True
        self.setWindowTitle(translate("BookingDialog", "New booking"))
        self.setAccessibleName(translate("BookingDialog", "New booking"))
        self.setMinimumWidth(480)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.validate_now)
        self._build()
        if resource is not None:
            self.connection_combo.setCurrentIndex(
                max(0, self.connection_combo.findData(resource[0]))
            )
        self._load_connection(start)
        if resource is not None:
            self.select_resource(resource[1])
        self._initial = self._values()
        self._loading = False
        self.validate_now()

    # -- building --------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setSpacing(8)
        self.general = QLabel(self)
        outer.addWidget(self.general)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(6)
        outer.addLayout(form)
        self.shown = VerdictRows(self, form, self.general)
        self._rows = self.shown.rows

        self.connection_combo = QComboBox(self)
        for record in self.context.connections():
            self.connection_combo.addItem(record.name, record.id)
        self.shown.add(
            "connection_id", translate("BookingDialog", "Booking &system"), self.connection_combo
        )
        if self.connection_combo.count() <= 1:
            self.shown.hide("connection_id")

        self.service_combo = QComboBox(self)
        self.shown.add("service_id", translate("BookingDialog", "Ser&vice"), self.service_combo)
        self.openings = OpeningsPicker(self)
        self.openings.picked.connect(self.use_opening)
        free_label = QLabel(translate("BookingDialog", "&Free times"), self)
        free_label.setBuddy(self.openings.list)
        form.addRow(free_label, self.openings)
        self.resource_combo = QComboBox(self)
        # the clinic's columns name the places (the booking system's name in brackets)
        api = resources(self.context)
        columns = everything(self.context, api, with_hidden=True)
        self._shown_as = {k: c.name for c in columns if is_clinic(c) for k in c.keys}
        self.shown.add(
            "resource_id",
            translate("BookingDialog", "Wit&h")
            if self._shown_as
            else translate("BookingDialog", "&Branch"),
            self.resource_combo,
        )

        when = WhenRow(self)
        self.date_edit, self.time_edit, self.when_hint = when.date, when.time, when.hint
        self.shown.add("start", translate("BookingDialog", "&When"), when, focus=self.date_edit)
        self.date_edit.setAccessibleName(translate("BookingDialog", "Date"))
        self.time_edit.setAccessibleName(translate("BookingDialog", "Time (clinic time)"))

        self.patient = PatientFields(self.context, self)
        self.name_edit = self.patient.name_edit
        self.phone_edit = self.patient.phone_edit
        self.email_edit = self.patient.email_edit
        self.matches = self.patient.matches
        self.shown.add("patient_name", translate("BookingDialog", "Patient &name"), self.name_edit)
        self.shown.add("patient_phone", translate("BookingDialog", "&Phone"), self.phone_edit)
        self.shown.add("patient_email", translate("BookingDialog", "&Email"), self.email_edit)
        form.addRow("", self.matches)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setPlaceholderText(translate("BookingDialog", "Optional"))
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.shown.add("notes", translate("BookingDialog", "N&otes"), self.notes_edit)
        self.patient.filled.connect(self.notes_edit.setFocus)

        outer.addStretch(1)  # spare height goes here, not between the fields
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            translate("BookingDialog", "&Save booking"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName(translate("BookingDialog", "Save booking"))
        self._saving = False  # a change is being made: the form waits for its outcome
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName(translate("BookingDialog", "Cancel"))
        self.buttons.accepted.connect(self.save)
        self.repeat_button = install_repeat(self)  # Repeat…: a series (ui.series_dialog)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        self.connection_combo.currentIndexChanged.connect(self._connection_changed)
        self.service_combo.currentIndexChanged.connect(self._service_changed)
        self.resource_combo.currentIndexChanged.connect(lambda: self._edited("resource_id"))
        self.date_edit.dateChanged.connect(lambda: self._edited("start"))
        self.time_edit.timeChanged.connect(lambda: self._edited("start"))
        self.patient.edited.connect(self._edited)
        self.notes_edit.textChanged.connect(lambda: self._edited("notes"))

    # -- catalog and defaults --------------------------------------------------------------
    def connection_id(self) -> str:
        return str(self.connection_combo.currentData() or "")

    def _load_connection(self, start: datetime | None = None) -> None:
        cid = self.connection_id()
        if not cid:
            self._show(
                [
                    Verdict(
                        400,
                        "NO_CONNECTION",
                        translate("BookingDialog", "No booking system is connected yet."),
                    )
                ]
            )
            self.save_button.setEnabled(False)
            return
        self._catalog = self.context.booking.catalog_for(cid)
        self._zone = clinic_zone(self.context)
        shown_as = {rid: name for (c, rid), name in self._shown_as.items() if c == cid}
        fill_choices(self.service_combo, self.resource_combo, self._catalog, shown_as)
        connector = self.context.connectors.get(cid)  # which patient fields its API requires
        self.patient.apply_form(connector.provider if connector else "")
        found = self.refresh_openings()
        if start is not None or self._loading:
            when = start or (found[0].start if found else first_opening(self.context, cid))
            if start is None and found:
                self.resource_combo.setCurrentIndex(
                    max(0, self.resource_combo.findData(found[0].resource_id))
                )
            self._set_when(when)
        self._update_hint()

    def _set_when(self, instant: datetime) -> None:
        local = to_local(instant, self._zone)
        self.date_edit.setDate(QDate(local.year, local.month, local.day))
        self.time_edit.setTime(QTime(local.hour, local.minute))

    def _service_changed(self) -> None:
        if self._loading:
            return
        self.refresh_openings()
        self._edited("service_id")

    def refresh_openings(self) -> list[Opening]:
        """The next free times for the chosen service, in this and any other connection that
        offers a service of the same name."""
        cid, service_id = self.connection_id(), str(self.service_combo.currentData() or "")
        if not cid or not service_id or self._catalog is None:
            self.openings.show_message(
                translate("BookingDialog", "Choose a service to see the next free times.")
            )
            return []
        connections = {
            str(self.connection_combo.itemData(i)): self.connection_combo.itemText(i)
            for i in range(self.connection_combo.count())
        }
        return self.openings.refresh(self.context, cid, service_id, connections, self._zone)

    def use_opening(self, opening: Opening) -> None:
        """Fill the place and time from a picked opening (switching connection if needed)."""
        if opening.connection_id != self.connection_id():
            self.connection_combo.setCurrentIndex(
                max(0, self.connection_combo.findData(opening.connection_id))
            )
            select_in(self.service_combo, opening.service_id)
        self.resource_combo.setCurrentIndex(
            max(0, self.resource_combo.findData(opening.resource_id))
        )
        self._set_when(opening.start)
        self.shown.touched.update({"resource_id", "start"})
        self.name_edit.setFocus()

    def _connection_changed(self) -> None:
        if self._loading:
            return
        self._load_connection()
        self._edited("connection_id")

    def select_service(self, name_or_id: str) -> bool:
        """Pick a service by id or by (case-insensitive) name; for keyboard macros and tests."""
        return select_in(self.service_combo, name_or_id)

    def select_resource(self, name_or_id: str) -> bool:
        return select_in(self.resource_combo, name_or_id)

    def search_patients_now(self) -> list[Patient]:
        """Known patients matching the patient field typed last."""
        return self.patient.search_now()

    def use_patient(self, patient: Patient) -> None:
        """Fill the patient's fields from a known patient (the search's pick)."""
        self.patient.use(patient)

    # -- reading the form ------------------------------------------------------------------
    def _values(self) -> tuple[object, ...]:
        return (
            self.connection_id(),
            self.service_combo.currentData(),
            self.resource_combo.currentData(),
            self.date_edit.date(),
            self.time_edit.time(),
            self.name_edit.text(),
            self.phone_edit.text(),
            self.email_edit.text(),
            self.notes_edit.toPlainText(),
        )

    def has_edits(self) -> bool:
        return self._values() != self._initial

    def local_day_and_time(self) -> tuple[date, time]:
        return self.date_edit.date().toPython(), self.time_edit.time().toPython()  # type: ignore[return-value]

    def build_request(self) -> tuple[BookingRequest | None, list[Verdict]]:
        """The request the form describes, and what the desk itself sees wrong or risky."""
        day, wall = self.local_day_and_time()
        typed = {
            "connection_id": self.connection_id(),
            "service_id": str(self.service_combo.currentData() or ""),
            "resource_id": str(self.resource_combo.currentData() or ""),
            "patient_name": self.name_edit.text(),
            "patient_phone": self.phone_edit.text(),
            "patient_email": self.email_edit.text(),
            "notes": self.notes_edit.toPlainText(),
        }
        return typed_request(typed, day, wall, self._zone)

    # -- validation ------------------------------------------------------------------------
    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self.shown.touched.add(key)
        if key in ("service_id", "start"):
            self._update_hint()
        self._timer.start()

    def validation_pending(self) -> bool:
        return self._timer.isActive()

    def validate_now(self) -> list[Verdict]:
        """Check the form now (the debounce timer calls this) and show the answers."""
        self._timer.stop()
        if not self.connection_id():
            return self.verdicts
        request, local = self.build_request()
        verdicts = check_form(self.context, request, local)
        self._show(verdicts)
        self.validated.emit(verdicts)
        return verdicts

    def errors(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.severity is Severity.ERROR]

    def message_for(self, key: str | None) -> str:
        """The text shown under a field ("" when none); the general line for ``None``."""
        return self.shown.message_for(key)

    def _show(self, verdicts: list[Verdict]) -> None:
        self.verdicts = verdicts
        self.shown.show(verdicts)
        self.save_button.setEnabled(bool(self.connection_id()) and not self.errors())

    def _update_hint(self) -> None:
        day, wall = self.local_day_and_time()
        service_id = str(self.service_combo.currentData() or "")
        service = self._catalog.service(service_id) if self._catalog else None
        minutes = service.duration_minutes if service is not None else None
        self.when_hint.setText(when_words(day, wall, self._zone, minutes))

    # -- saving and closing ----------------------------------------------------------------
    def save(self) -> None:
        self.shown.touched.update(self._rows)
        verdicts = self.validate_now()
        request, _ = self.build_request()
        errors = [v for v in verdicts if v.severity is Severity.ERROR]
        if errors or request is None:
            self.shown.focus_first(errors)
            return
        self.run_change(lambda: self.context.booking.book(request), self._booked)

    def run_change(self, work: Callable[[], T], done: Callable[[T], None]) -> None:
        """Save off the GUI thread (the desk's change runner); the form keeps what was typed,
        and says a refusal or a failure, until the change is made."""
        if self._saving:
            return
        self._saving = True
        label = self.save_button.text()
        self.save_button.setEnabled(False)
        self.save_button.setText(translate("BookingDialog", "Saving…"))

        def finished() -> None:
            self._saving = False
            self.save_button.setText(label)
            self.save_button.setEnabled(True)

        def made(result: T) -> None:
            finished()
            done(result)

        def refused(refusal: BookingRefused) -> None:
            finished()
            self._show(list(refusal.verdicts))
            self.shown.focus_first(refusal.verdicts)

        def failed(_why: BaseException) -> None:
            finished()
            self._show([Verdict(500, "NOT_SAVED", translate("BookingDialog", NOT_SAVED))])

        ops_for(self, self.context).run(work, booking_ids, made, refused, failed)

    def _booked(self, booking: Booking) -> None:
        self.booking = booking
        self.booked.emit(booking)
        self.accept()

    def reject(self) -> None:
        if self.booking is None and self.has_edits() and not confirm_discard(self):
            return
        self._timer.stop()
        super().reject()

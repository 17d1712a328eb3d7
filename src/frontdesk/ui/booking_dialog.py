"""The booking dialog: a compact form checked as the receptionist types, by the same rules the
remote booking system enforces (``BookingService.validate``).

Owns turning the form into a :class:`BookingRequest` (the wall time is read in the clinic's
zone, with daylight-saving gaps and folds said out loud), showing each verdict next to its
field, and saving. It never drops what was typed: a refused save keeps the form, and closing
with edits asks first.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from pydantic import ValidationError
from PySide6.QtCore import QDate, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app.booking import BookingRefused
from frontdesk.app.context import AppContext
from frontdesk.app.desk import clinic_zone, first_opening, validate_as_typed
from frontdesk.app.openings import Limits, Opening, find_openings, opening_queries
from frontdesk.app.patients import Patient, find_patients
from frontdesk.app.provider_forms import form_for
from frontdesk.domain.booking import Booking, BookingRequest
from frontdesk.domain.catalog import Catalog
from frontdesk.domain.timeutil import to_local, utc_now
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.ui.booking_parts import OpeningsPicker, PatientMatches
from frontdesk.ui.form_bits import (
    FiveMinuteTimeEdit,
    confirm_discard,
    field_style,
    select_in,
    wall_time,
    worst,
)
from frontdesk.ui.theme import Tones, mark_hint, span
from frontdesk.ui.wording import plain_message, verdict_html

log = logging.getLogger("frontdesk.ui")

DEBOUNCE_MS = 250
SEARCH_MS = 150
OPENINGS = 6
MATCHES = 6
PLACEHOLDERS = {
    "patient_name": "First and last name",
    "patient_phone": "+44 7700 900123",
    "patient_email": "name@example.org",
}

__all__ = ["BookingDialog", "FiveMinuteTimeEdit", "confirm_discard"]


# Where a verdict about a field is shown; anything else goes to the line at the top.
FIELD_ROWS = {
    "connection_id": "connection_id",
    "service_id": "service_id",
    "resource_id": "resource_id",
    "start": "start",
    "session": "start",
    "patient_name": "patient_name",
    "patient_phone": "patient_phone",
    "patient_email": "patient_email",
    "notes": "notes",
}


@dataclass(slots=True)
class _Row:
    key: str
    cell: QWidget
    field: QWidget
    message: QLabel
    description: str


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
        self._touched: set[str] = set()
        self._catalog: Catalog | None = None
        self._zone = "UTC"
        self._loading = True
        self.setWindowTitle("New booking")
        self.setAccessibleName("New booking")
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
        self.general.setWordWrap(True)
        self.general.setTextFormat(Qt.TextFormat.RichText)
        self.general.setAccessibleName("Messages about this booking")
        self.general.hide()
        outer.addWidget(self.general)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(6)
        outer.addLayout(form)
        self._rows: dict[str, _Row] = {}

        self.connection_combo = QComboBox(self)
        for record in self.context.connections():
            self.connection_combo.addItem(record.name, record.id)
        self._add_row(form, "connection_id", "Booking &system", self.connection_combo)
        if self.connection_combo.count() <= 1:
            self._hide_row(form, "connection_id")

        self.service_combo = QComboBox(self)
        self._add_row(form, "service_id", "Ser&vice", self.service_combo)
        self.openings = OpeningsPicker(self)
        self.openings.picked.connect(self.use_opening)
        free_label = QLabel("&Free times", self)
        free_label.setBuddy(self.openings.list)
        form.addRow(free_label, self.openings)
        self.resource_combo = QComboBox(self)
        self._add_row(form, "resource_id", "&Branch", self.resource_combo)

        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.time_edit = FiveMinuteTimeEdit(self)
        self.time_edit.setDisplayFormat("HH:mm")
        self.time_edit.setCurrentSection(QTimeEdit.Section.MinuteSection)
        self.time_edit.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.when_hint = QLabel(self)
        mark_hint(self.when_hint)
        self.when_hint.setAccessibleName("Time zone and end time")
        when = QWidget(self)
        when_layout = QHBoxLayout(when)
        when_layout.setContentsMargins(0, 0, 0, 0)
        when_layout.addWidget(self.date_edit, 3)
        when_layout.addWidget(self.time_edit, 1)
        when_layout.addWidget(self.when_hint, 2)
        self._add_row(form, "start", "&When", when, focus=self.date_edit)
        self.date_edit.setAccessibleName("Date")
        self.time_edit.setAccessibleName("Time (clinic time)")

        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("First and last name")
        self._add_row(form, "patient_name", "Patient &name", self.name_edit)
        self.phone_edit = QLineEdit(self)
        self.phone_edit.setPlaceholderText("+44 7700 900123")
        self.phone_edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self._add_row(form, "patient_phone", "&Phone", self.phone_edit)
        self.email_edit = QLineEdit(self)
        self.email_edit.setPlaceholderText("Optional")
        self._add_row(form, "patient_email", "&Email", self.email_edit)
        self.matches = PatientMatches(self)
        self.matches.chosen.connect(self.use_patient)
        form.addRow("", self.matches)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_MS)
        self._search_timer.timeout.connect(self.search_patients_now)
        for edit in (self.name_edit, self.phone_edit, self.email_edit):
            edit.textEdited.connect(lambda _t, e=edit: self._patient_typed(e))
            edit.installEventFilter(self)
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setPlaceholderText("Optional")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self._add_row(form, "notes", "N&otes", self.notes_edit)

        outer.addStretch(1)  # spare height goes here, not between the fields
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            "&Save booking", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        self.save_button.setAccessibleName("Save booking")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)

        self.connection_combo.currentIndexChanged.connect(self._connection_changed)
        self.service_combo.currentIndexChanged.connect(self._service_changed)
        self.resource_combo.currentIndexChanged.connect(lambda: self._edited("resource_id"))
        self.date_edit.dateChanged.connect(lambda: self._edited("start"))
        self.time_edit.timeChanged.connect(lambda: self._edited("start"))
        self.name_edit.textEdited.connect(lambda: self._edited("patient_name"))
        self.phone_edit.textEdited.connect(lambda: self._edited("patient_phone"))
        self.email_edit.textEdited.connect(lambda: self._edited("patient_email"))
        self.notes_edit.textChanged.connect(lambda: self._edited("notes"))

    def _add_row(
        self,
        form: QFormLayout,
        key: str,
        label_text: str,
        field: QWidget,
        focus: QWidget | None = None,
    ) -> None:
        plain = label_text.replace("&", "")
        message = QLabel(self)
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.RichText)
        message.setAccessibleName(f"{plain} message")
        message.hide()
        cell = QWidget(self)
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(field)
        box.addWidget(message)
        label = QLabel(label_text, self)
        label.setBuddy(focus or field)
        form.addRow(label, cell)
        field.setAccessibleName(plain)
        self._rows[key] = _Row(key, cell, field, message, plain)

    def _hide_row(self, form: QFormLayout, key: str) -> None:
        form.setRowVisible(self._rows[key].cell, False)

    # -- catalog and defaults --------------------------------------------------------------
    def connection_id(self) -> str:
        return str(self.connection_combo.currentData() or "")

    def _load_connection(self, start: datetime | None = None) -> None:
        cid = self.connection_id()
        if not cid:
            self._show([Verdict(400, "NO_CONNECTION", "No booking system is connected yet.")])
            self.save_button.setEnabled(False)
            return
        self._catalog = self.context.booking.catalog_for(cid)
        self._zone = clinic_zone(self.context, cid)
        keep_service = self.service_combo.currentData()
        keep_resource = self.resource_combo.currentData()
        self.service_combo.blockSignals(True)
        self.resource_combo.blockSignals(True)
        self.service_combo.clear()
        self.service_combo.addItem("Choose a service…", "")
        for service in self._catalog.services:
            if service.active:
                label = f"{service.name} ({service.duration_minutes} min)"
                self.service_combo.addItem(label, service.id)
        self.resource_combo.clear()
        if len(self._catalog.resources) != 1:
            self.resource_combo.addItem("Choose a branch…", "")
        for resource in self._catalog.resources:
            self.resource_combo.addItem(resource.name, resource.id)
        for combo, keep in (
            (self.service_combo, keep_service),
            (self.resource_combo, keep_resource),
        ):
            index = combo.findData(keep) if keep else -1
            combo.setCurrentIndex(max(index, 0))
        if self.service_combo.currentIndex() == 0 and self.service_combo.count() > 1:
            self.service_combo.setCurrentIndex(1)  # the first service: its free times show now
        self.service_combo.blockSignals(False)
        self.resource_combo.blockSignals(False)
        self._apply_form(cid)
        found = self.refresh_openings()
        if start is not None or self._loading:
            when = start or (found[0].start if found else first_opening(self.context, cid))
            if start is None and found:
                self.resource_combo.setCurrentIndex(
                    max(0, self.resource_combo.findData(found[0].resource_id))
                )
            local = to_local(when, self._zone)
            self.date_edit.setDate(QDate(local.year, local.month, local.day))
            self.time_edit.setTime(QTime(local.hour, local.minute))
        self._update_hint()

    def _apply_form(self, connection_id: str) -> None:
        """Required / optional patient fields as the connection's API wants them."""
        connector = self.context.connectors.get(connection_id)
        required = form_for(connector.provider if connector else "").patient_required
        for key, edit in (
            ("patient_name", self.name_edit),
            ("patient_phone", self.phone_edit),
            ("patient_email", self.email_edit),
        ):
            hint = PLACEHOLDERS[key]
            edit.setPlaceholderText(hint if key in required else "Optional")
            edit.setAccessibleDescription("Required" if key in required else "Optional")

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
            self.openings.show_message("Choose a service to see the next free times.")
            return []
        others = [
            str(self.connection_combo.itemData(i)) for i in range(self.connection_combo.count())
        ]
        queries, names = opening_queries(self.context.booking, cid, service_id, others)
        connection_names = (
            {
                str(self.connection_combo.itemData(i)): self.connection_combo.itemText(i)
                for i in range(self.connection_combo.count())
            }
            if len({q.connection_id for q in queries}) > 1
            else {}
        )
        try:
            found = find_openings(self.context.booking, queries, utc_now(), Limits(count=OPENINGS))
        except Exception:
            log.exception("finding openings failed")
            found = []
        self.openings.show_openings(found, self._zone, names, connection_names)
        return found

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
        local = to_local(opening.start, self._zone)
        self.date_edit.setDate(QDate(local.year, local.month, local.day))
        self.time_edit.setTime(QTime(local.hour, local.minute))
        self._touched.update({"resource_id", "start"})
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

    def _patient_typed(self, edit: QLineEdit) -> None:
        self._search_source = edit
        self._search_timer.start()

    def search_patients_now(self) -> list[Patient]:
        """Known patients matching the patient field typed last."""
        self._search_timer.stop()
        source = getattr(self, "_search_source", self.name_edit)
        found = find_patients(self.context.repo, source.text(), limit=MATCHES)
        typed = (self.name_edit.text().strip().casefold(), self.phone_edit.text().strip())
        if any((p.name.casefold(), p.phone) == typed for p in found):
            found = []  # the patient is already filled in
        self.matches.show_patients(found)
        return found

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.matches.isVisible()
            and watched in (self.name_edit, self.phone_edit, self.email_edit)
        ):
            self.matches.setFocus()
            self.matches.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def use_patient(self, patient: Patient) -> None:
        """Fill the patient's fields from a known patient (the search's pick)."""
        self.name_edit.setText(patient.name)
        self.phone_edit.setText(patient.phone)
        self.email_edit.setText(patient.email or "")
        self.matches.hide()
        for key in ("patient_name", "patient_phone", "patient_email"):
            self._edited(key)
        self.notes_edit.setFocus()

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
        instant, local = wall_time(day, wall, self._zone)
        try:
            request = BookingRequest(
                connection_id=self.connection_id(),
                service_id=str(self.service_combo.currentData() or ""),
                resource_id=str(self.resource_combo.currentData() or ""),
                start=instant,
                patient_name=self.name_edit.text(),
                patient_phone=self.phone_edit.text(),
                patient_email=self.email_edit.text().strip() or None,
                notes=self.notes_edit.toPlainText().strip() or None,
            )
        except ValidationError as exc:
            for error in exc.errors():
                where = str(error["loc"][0]) if error["loc"] else None
                message = (
                    "Notes can be at most 2000 characters."
                    if where == "notes"
                    else "Check this field."
                )
                local.append(Verdict(400, "VALIDATION_ERROR", message, where))
            return None, local
        return request, local

    # -- validation ------------------------------------------------------------------------
    def _edited(self, key: str) -> None:
        if self._loading:
            return
        self._touched.add(key)
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
        verdicts = list(local)
        if request is not None:
            try:
                answers = validate_as_typed(self.context, request)
            except Exception:
                log.exception("validation failed")
                answers = [
                    Verdict(
                        500,
                        "CHECK_FAILED",
                        "The desk could not check this booking; it will be checked on save.",
                        None,
                        Severity.RISK,
                    )
                ]
            if any(v.code == "DST_GAP" for v in local):  # the shifted instant would mislead
                answers = [v for v in answers if FIELD_ROWS.get(v.field or "") != "start"]
            verdicts.extend(answers)
        self._show(verdicts)
        self.validated.emit(verdicts)
        return verdicts

    def errors(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.severity is Severity.ERROR]

    def message_for(self, key: str | None) -> str:
        """The text shown under a field ("" when none); the general line for ``None``."""
        label = self.general if key is None else self._rows[key].message
        if label.isHidden():
            return ""
        return QTextDocumentFragment.fromHtml(label.text()).toPlainText()

    def _show(self, verdicts: list[Verdict]) -> None:
        self.verdicts = verdicts
        grouped: dict[str | None, list[Verdict]] = {}
        for verdict in verdicts:
            target = FIELD_ROWS.get(verdict.field or "")
            grouped.setdefault(target if target in self._rows else None, []).append(verdict)
        for key, row in self._rows.items():
            items = grouped.get(key, [])
            row.message.setText(self._html(items, key))
            row.message.setVisible(bool(items))
            row.field.setAccessibleDescription(" ".join(plain_message(v) for v in items))
            shown = [v for v in items if not self._is_hint(v, key)]
            row.field.setStyleSheet(field_style(worst(shown), row.field))
        general = grouped.get(None, [])
        self.general.setText(self._html(general, None))
        self.general.setVisible(bool(general))
        self.save_button.setEnabled(bool(self.connection_id()) and not self.errors())

    def _html(self, verdicts: list[Verdict], key: str | None) -> str:
        lines = []
        tones = Tones.of(self.palette())
        for verdict in verdicts:
            text = html.escape(plain_message(verdict))
            if self._is_hint(verdict, key):  # not filled in yet: a quiet hint, not an error
                lines.append(span(text, tones.hint))
                continue
            lines.append(verdict_html(verdict, tones))
        return "<br>".join(lines)

    def _is_hint(self, verdict: Verdict, key: str | None) -> bool:
        """A missing-field message for a field the receptionist has not reached yet."""
        return (
            key is not None
            and verdict.code == "VALIDATION_ERROR"
            and verdict.status == 400
            and key not in self._touched
        )

    def _update_hint(self) -> None:
        day, wall = self.local_day_and_time()
        zone_city = self._zone.rsplit("/", 1)[-1].replace("_", " ")
        service = (
            self._catalog.service(str(self.service_combo.currentData() or ""))
            if self._catalog
            else None
        )
        if service is not None:
            start = datetime.combine(day, wall)
            end = (start + timedelta(minutes=service.duration_minutes)).time()
            self.when_hint.setText(f"until {end:%H:%M}, {zone_city} time")
        else:
            self.when_hint.setText(f"{zone_city} time")

    # -- saving and closing ----------------------------------------------------------------
    def save(self) -> None:
        self._touched.update(self._rows)
        verdicts = self.validate_now()
        request, _ = self.build_request()
        errors = [v for v in verdicts if v.severity is Severity.ERROR]
        if errors or request is None:
            self._focus_first_problem(errors)
            return
        try:
            booking = self.context.booking.book(request)
        except BookingRefused as refused:
            self._show(list(refused.verdicts))
            self._focus_first_problem(refused.verdicts)
            return
        except Exception:
            log.exception("saving a booking failed")
            self._show(
                [
                    Verdict(
                        500,
                        "NOT_SAVED",
                        "The booking could not be saved on this computer. What you typed is "
                        "still here; try Save again, and call support if it keeps failing.",
                    )
                ]
            )
            return
        self.booking = booking
        self.booked.emit(booking)
        self.accept()

    def _focus_first_problem(self, verdicts: list[Verdict]) -> None:
        for verdict in verdicts:
            key = FIELD_ROWS.get(verdict.field or "")
            if key in self._rows:
                self._rows[key].field.setFocus()
                return

    def reject(self) -> None:
        if self.booking is None and self.has_edits() and not confirm_discard(self):
            return
        self._timer.stop()
        super().reject()

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
from PySide6.QtGui import QTextDocumentFragment
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
    QMessageBox,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app.booking import BookingRefused
from frontdesk.app.context import AppContext
from frontdesk.app.desk import clinic_zone, first_opening, validate_as_typed
from frontdesk.app.patients import Patient
from frontdesk.domain.booking import Booking, BookingRequest
from frontdesk.domain.catalog import Catalog
from frontdesk.domain.timeutil import WallTimeKind, local_to_utc, to_local
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.ui.wording import ERROR_COLOR, plain_message, verdict_html, verdicts_html

log = logging.getLogger("frontdesk.ui")

DEBOUNCE_MS = 250
HINT_COLOR = "#5f6368"

__all__ = ["BookingDialog", "FiveMinuteTimeEdit", "confirm_discard", "verdicts_html"]

GAP_MESSAGE = "This time does not exist on this day (clocks change)"

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


class FiveMinuteTimeEdit(QTimeEdit):
    """A time box whose arrows move the minutes in steps of five."""

    def stepBy(self, steps: int) -> None:
        if self.currentSection() == QTimeEdit.Section.MinuteSection:
            current = self.time()
            minutes = current.hour() * 60 + current.minute()
            snapped = (minutes // 5) * 5 if steps > 0 else -((-minutes) // 5) * 5
            target = (snapped + 5 * steps) % (24 * 60)
            self.setTime(QTime(target // 60, target % 60))
            return
        super().stepBy(steps)


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
        self.when_hint.setStyleSheet(f"color: {HINT_COLOR};")
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
        self.service_combo.currentIndexChanged.connect(lambda: self._edited("service_id"))
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
        self.service_combo.blockSignals(False)
        self.resource_combo.blockSignals(False)
        if start is not None or self._loading:
            when = start or first_opening(self.context, cid)
            local = to_local(when, self._zone)
            self.date_edit.setDate(QDate(local.year, local.month, local.day))
            self.time_edit.setTime(QTime(local.hour, local.minute))
        self._update_hint()

    def _connection_changed(self) -> None:
        if self._loading:
            return
        self._load_connection()
        self._edited("connection_id")

    def select_service(self, name_or_id: str) -> bool:
        """Pick a service by id or by (case-insensitive) name; for keyboard macros and tests."""
        return _select(self.service_combo, name_or_id)

    def select_resource(self, name_or_id: str) -> bool:
        return _select(self.resource_combo, name_or_id)

    def use_patient(self, patient: Patient) -> None:
        """Fill the patient's fields from a known patient (the search's pick)."""
        self.name_edit.setText(patient.name)
        self.phone_edit.setText(patient.phone)
        self.email_edit.setText(patient.email or "")
        for key in ("patient_name", "patient_phone", "patient_email"):
            self._edited(key)

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
        local: list[Verdict] = []
        day, wall = self.local_day_and_time()
        wall = wall.replace(second=0, microsecond=0)
        resolution = local_to_utc(day, wall, self._zone)
        if resolution.kind is WallTimeKind.GAP:
            local.append(Verdict(400, "DST_GAP", GAP_MESSAGE + ".", "start"))
        elif resolution.kind is WallTimeKind.FOLD:
            first = to_local(resolution.instant, self._zone)
            local.append(
                Verdict(
                    201,
                    "DST_FOLD",
                    f"The clocks go back this night, so {wall:%H:%M} happens twice; the first "
                    f"one ({first.tzname()}) is used.",
                    "start",
                    Severity.RISK,
                )
            )
        try:
            request = BookingRequest(
                connection_id=self.connection_id(),
                service_id=str(self.service_combo.currentData() or ""),
                resource_id=str(self.resource_combo.currentData() or ""),
                start=resolution.instant,
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
            row.field.setStyleSheet(_field_style(_worst(shown), row.field))
        general = grouped.get(None, [])
        self.general.setText(self._html(general, None))
        self.general.setVisible(bool(general))
        self.save_button.setEnabled(bool(self.connection_id()) and not self.errors())

    def _html(self, verdicts: list[Verdict], key: str | None) -> str:
        lines = []
        for verdict in verdicts:
            text = html.escape(plain_message(verdict))
            if self._is_hint(verdict, key):  # not filled in yet: a quiet hint, not an error
                lines.append(f"<span style='color:{HINT_COLOR}'>{text}</span>")
                continue
            lines.append(verdict_html(verdict))
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


def confirm_discard(parent: QWidget) -> bool:
    """Ask "Discard this booking?"; True when the receptionist chooses to discard."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Discard this booking?")
    box.setText("Discard this booking?")
    box.setInformativeText("What you typed has not been saved.")
    box.setStandardButtons(QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
    keep = box.button(QMessageBox.StandardButton.Cancel)
    keep.setText("Keep editing")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(keep)
    answer = box.exec()
    return _button_value(answer) == _button_value(QMessageBox.StandardButton.Discard)


def _button_value(value: object) -> int:
    return int(getattr(value, "value", value))  # type: ignore[call-overload]


def _select(combo: QComboBox, name_or_id: str) -> bool:
    wanted = name_or_id.strip().casefold()
    for index in range(combo.count()):
        data = str(combo.itemData(index) or "")
        text = combo.itemText(index).casefold()
        if data and (data == name_or_id or text == wanted or text.startswith(wanted + " (")):
            combo.setCurrentIndex(index)
            return True
    return False


def _worst(verdicts: list[Verdict]) -> str:
    if any(v.severity is Severity.ERROR for v in verdicts):
        return "error"
    return "risk" if verdicts else ""


def _field_style(worst: str, field: QWidget) -> str:
    if worst != "error" or not isinstance(field, QLineEdit):
        return ""
    return f"QLineEdit {{ border: 1px solid {ERROR_COLOR}; border-radius: 3px; padding: 2px; }}"

"""The booking dialog's patient section: the name, phone and email fields, which of them the
connection's API requires, and the known patients offered as they are typed (Down moves into
the list, Enter or a click fills the fields from one)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from frontdesk.app.apis import form_for
from frontdesk.app.reads import Patient
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, plural, translate

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

DATA_ROLE = Qt.ItemDataRole.UserRole
SEARCH_MS = 150
MATCHES = 6
PLACEHOLDERS = {
    "patient_name": QT_TRANSLATE_NOOP("BookingDialog", "First and last name"),
    "patient_phone": "+44 20 7946 0123",
    "patient_email": QT_TRANSLATE_NOOP("BookingDialog", "name@example.org"),
}


class PatientFields(QObject):
    """The three patient fields and their matches list (the dialog lays them out)."""

    edited = Signal(str)  # the field's key, on each edit by the receptionist
    filled = Signal()  # after a known patient filled the fields

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.name_edit = QLineEdit(parent)
        self.name_edit.setPlaceholderText(translate("BookingDialog", "First and last name"))
        self.phone_edit = QLineEdit(parent)
        self.phone_edit.setPlaceholderText("+44 20 7946 0123")
        self.phone_edit.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        self.email_edit = QLineEdit(parent)
        self.email_edit.setPlaceholderText(translate("BookingDialog", "Optional"))
        self.edits = {
            "patient_name": self.name_edit,
            "patient_phone": self.phone_edit,
            "patient_email": self.email_edit,
        }
        self.matches = PatientMatches(parent)
        self.matches.chosen.connect(self.use)
        self._source = self.name_edit
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_MS)
        self._timer.timeout.connect(self.search_now)
        for edit in self.edits.values():
            edit.textEdited.connect(lambda _t, e=edit: self._typed(e))
            edit.installEventFilter(self)
        for key, edit in self.edits.items():
            edit.textEdited.connect(lambda _t, k=key: self.edited.emit(k))

    def apply_form(self, provider: str) -> None:
        """Required / optional fields as the connection's API wants them."""
        required = form_for(provider).patient_required
        optional = translate("BookingDialog", "Optional")
        for key, edit in self.edits.items():
            shown = translate("BookingDialog", PLACEHOLDERS[key]) if key in required else optional
            edit.setPlaceholderText(shown)
            edit.setAccessibleDescription(
                translate("BookingDialog", "Required") if key in required else optional
            )

    def _typed(self, edit: QLineEdit) -> None:
        self._source = edit
        self._timer.start()

    def search_now(self) -> list[Patient]:
        """Known patients matching the patient field typed last."""
        self._timer.stop()
        found = self.context.reads.find_patients(self._source.text(), limit=MATCHES)
        typed = (self.name_edit.text().strip().casefold(), self.phone_edit.text().strip())
        if any((p.name.casefold(), p.phone) == typed for p in found):
            found = []  # the patient is already filled in
        self.matches.show_patients(found)
        return found

    def eventFilter(self, watched: QObject, event: object) -> bool:
        if (
            isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.matches.isVisible()
            and watched in self.edits.values()
        ):
            self.matches.setFocus()
            self.matches.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def use(self, patient: Patient) -> None:
        """Fill the fields from a known patient (the search's pick)."""
        self.name_edit.setText(patient.name)
        self.phone_edit.setText(patient.phone)
        self.email_edit.setText(patient.email or "")
        self.matches.hide()
        for key in self.edits:
            self.edited.emit(key)
        self.filled.emit()


class PatientMatches(QListWidget):
    """Known patients matching the typed name, phone or email; Enter or a click uses one."""

    chosen = Signal(object)  # Patient

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("BookingDialog", "Known patients"))
        self.setAccessibleDescription(
            translate("BookingDialog", "Patients seen before who match what is typed.")
        )
        self.setFixedHeight(self.fontMetrics().height() * 4 + 10)
        self.itemClicked.connect(self._chosen)
        self.itemActivated.connect(self._chosen)
        self.hide()

    def show_patients(self, patients: Sequence[Patient]) -> None:
        self.clear()
        for patient in patients:
            email = f" · {patient.email}" if patient.email else ""
            item = QListWidgetItem(f"{patient.name} · {patient.phone}{email}", self)
            item.setData(DATA_ROLE, patient)
            item.setToolTip(
                plural("BookingDialog", "Booked %n time(s); use this patient", patient.bookings)
            )
        self.setVisible(bool(patients))

    def patients(self) -> list[Patient]:
        found = (self.item(i).data(DATA_ROLE) for i in range(self.count()))
        return [p for p in found if isinstance(p, Patient)]

    def _chosen(self, item: QListWidgetItem) -> None:
        patient = item.data(DATA_ROLE)
        if isinstance(patient, Patient):
            self.chosen.emit(patient)
            self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


def _counts() -> None:  # never called: for lupdate (domain.translation.plural)
    translate("BookingDialog", "Booked %n time(s); use this patient", None, 1)

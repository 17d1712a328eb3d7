"""Parts of the booking dialog: the openings picker (the next free times the rules allow,
across resources and connections) and the list of known patients that match what is typed."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from frontdesk.app.desk import ResourceKey
from frontdesk.app.openings import Opening
from frontdesk.app.patients import Patient
from frontdesk.domain.timeutil import to_local
from frontdesk.ui.theme import mark_hint

DATA_ROLE = Qt.ItemDataRole.UserRole


class OpeningsPicker(QWidget):
    """A short list of openings; picking one fills the place and time."""

    picked = Signal(object)  # Opening

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.list = QListWidget(self)
        self.list.setAccessibleName("Next free times")
        self.list.setAccessibleDescription("Pick one to fill in the place and time.")
        rows = 5
        self.list.setFixedHeight(self.list.fontMetrics().height() * rows + 10)
        self.list.itemClicked.connect(self._picked)
        self.list.itemActivated.connect(self._picked)
        layout.addWidget(self.list)
        self.note = QLabel(self)
        mark_hint(self.note)
        self.note.hide()
        layout.addWidget(self.note)
        self.openings: list[Opening] = []

    def show_openings(
        self,
        openings: Sequence[Opening],
        zone: str,
        names: dict[ResourceKey, str],
        connection_names: dict[str, str] | None = None,
    ) -> None:
        self.openings = list(openings)
        self.list.clear()
        for opening in openings:
            start = to_local(opening.start, zone)
            where = names.get((opening.connection_id, opening.resource_id), opening.resource_id)
            if connection_names:
                where += f" ({connection_names.get(opening.connection_id, '')})"
            left = "" if opening.remaining is None else f" · {opening.remaining} left"
            item = QListWidgetItem(f"{start:%a %d %b  %H:%M}   {where}{left}", self.list)
            item.setData(DATA_ROLE, opening)
        self.note.setVisible(not openings)
        self.list.setVisible(bool(openings))
        if not openings:
            self.note.setText("No free time in the cached calendar; type a time below.")

    def show_message(self, text: str) -> None:
        self.openings = []
        self.list.clear()
        self.list.hide()
        self.note.setText(text)
        self.note.show()

    def _picked(self, item: QListWidgetItem) -> None:
        opening = item.data(DATA_ROLE)
        if isinstance(opening, Opening):
            self.picked.emit(opening)


class PatientMatches(QListWidget):
    """Known patients matching the typed name, phone or email; Enter or a click uses one."""

    chosen = Signal(object)  # Patient

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Known patients")
        self.setAccessibleDescription("Patients seen before who match what is typed.")
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
            item.setToolTip(f"Booked {patient.bookings} time(s); use this patient")
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

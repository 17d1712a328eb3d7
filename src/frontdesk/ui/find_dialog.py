"""Find a patient (Ctrl+F): type any part of a name, a phone number or an email; see every
matching patient (a page at a time as the list scrolls, with the count) with their latest
appointments, patients with no phone included. Enter on an appointment shows it in the
calendar; on a patient, books a new appointment for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app.desk import clinic_zone
from frontdesk.app.reads import Patient
from frontdesk.domain import dates
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import plural, translate
from frontdesk.ui.blocks import visit_words
from frontdesk.ui.theme import mark_hint

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

BOOKING_ROLE = Qt.ItemDataRole.UserRole
PATIENT_ROLE = Qt.ItemDataRole.UserRole + 1
BOOKINGS_PER_PATIENT = 4
PAGE = 50  # patients read at a time; the next page when the list is scrolled to its end


class FindPatientDialog(QDialog):
    bookingChosen = Signal(str)  # booking id
    bookFor = Signal(object)  # Patient

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(translate("FindPatient", "Find a patient"))
        self.setAccessibleName(translate("FindPatient", "Find a patient"))
        self.resize(560, 420)
        layout = QVBoxLayout(self)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate("FindPatient", "Name, phone number or email"))
        self.search.setAccessibleName(translate("FindPatient", "Search patients"))
        self.search.setClearButtonEnabled(True)
        layout.addWidget(self.search)
        self.results = QTreeWidget(self)
        self.results.setHeaderLabels(
            [
                translate("FindPatient", "Patient / appointment"),
                translate("FindPatient", "Phone"),
                translate("FindPatient", "Status"),
            ]
        )
        self.results.setAccessibleName(translate("FindPatient", "Matching patients"))
        self.results.itemActivated.connect(self._activated)
        self.results.verticalScrollBar().valueChanged.connect(self._maybe_more)
        layout.addWidget(self.results, 1)
        self.count = QLabel("", self)
        self.count.setAccessibleName(translate("FindPatient", "How many patients match"))
        layout.addWidget(self.count)
        self._shown = 0
        self._total = 0
        self.hint = QLabel(
            translate(
                "FindPatient", "Enter on an appointment shows it; on a patient, books for them."
            ),
            self,
        )
        mark_hint(self.hint)
        layout.addWidget(self.hint)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self.search_now)
        self.search.textEdited.connect(self._timer.start)
        self.search.returnPressed.connect(self._enter)
        self.search.installEventFilter(self)

    def search_now(self) -> list[Patient]:
        """A new search: the first page of matches and how many there are in all."""
        self._timer.stop()
        self.results.clear()
        self._shown = 0
        self._total = self.context.reads.count_patients(self.search.text())
        found = self._add_page()
        first = self.results.topLevelItem(0)
        if first is not None:
            self.results.setCurrentItem(first)
        return found

    def more(self) -> list[Patient]:
        """The next page of matches (the list scrolled to its end)."""
        return self._add_page()

    def _maybe_more(self, value: int) -> None:
        bar = self.results.verticalScrollBar()
        if value >= bar.maximum() - 2 and self._shown < self._total:
            self._add_page()

    def _add_page(self) -> list[Patient]:
        zone = clinic_zone(self.context)
        found = self.context.reads.find_patients(self.search.text(), PAGE, self._shown)
        for patient in found:
            phone = patient.phone or translate("FindPatient", "no phone")
            top = QTreeWidgetItem(self.results, [patient.name, phone, _booked(patient.bookings)])
            top.setData(0, PATIENT_ROLE, patient)
            for booking in self.context.reads.bookings_of_patient(patient, BOOKINGS_PER_PATIENT):
                start = to_local(booking.start, zone)
                child = QTreeWidgetItem(
                    top, [dates.moment(start, year=True), "", visit_words(booking.visit_status)]
                )
                child.setData(0, BOOKING_ROLE, booking.id)
            top.setExpanded(True)
        self._shown += len(found)
        if self._shown == 0 and len(self.search.text().strip()) >= 2:
            self.count.setText(translate("FindPatient", "No patient matches."))
        elif self._total:
            whole = plural("FindPatient", "%n patient(s)", self._total)
            more = (
                ""
                if self._shown >= self._total
                else " "
                + translate("FindPatient", "(first {shown}; scroll for more)").format(
                    shown=self._shown
                )
            )
            self.count.setText(f"{whole}{more}")
        else:
            self.count.setText("")
        for column in range(3):
            self.results.resizeColumnToContents(column)
        return found

    def eventFilter(self, watched: object, event: object) -> bool:
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        ):
            self.results.setFocus()
            self.results.keyPressEvent(event)
            return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _enter(self) -> None:
        if self._timer.isActive():
            self.search_now()
        item = self.results.currentItem()
        if item is not None:
            self._activated(item)

    def _activated(self, item: QTreeWidgetItem) -> None:
        booking_id = item.data(0, BOOKING_ROLE)
        if booking_id:
            self.bookingChosen.emit(str(booking_id))
            self.accept()
            return
        patient = item.data(0, PATIENT_ROLE)
        if isinstance(patient, Patient):
            self.bookFor.emit(patient)
            self.accept()


def _booked(count: int) -> str:
    return plural("FindPatient", "%n booking(s)", count)


def _counts() -> None:  # never called: for lupdate (domain.translation.plural)
    translate("FindPatient", "%n patient(s)", None, 1)
    translate("FindPatient", "%n booking(s)", None, 1)

"""The agenda: the shown days as a list, one heading per day and one row per appointment.

A refresh rebuilds the rows but keeps the selected appointment and the scroll position.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem, QWidget

from frontdesk.app.desk import ResourceKey, resource_key
from frontdesk.domain import dates
from frontdesk.domain.booking import BookingGlimpse, SyncState, VisitStatus
from frontdesk.domain.catalog import Service
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.ui.blocks import STATE_LABELS, clock_range, unknown_service, visit_words
from frontdesk.ui.theme import Tones, readable

HEADERS = (
    QT_TRANSLATE_NOOP("Agenda", "Time"),
    QT_TRANSLATE_NOOP("Agenda", "Patient"),
    QT_TRANSLATE_NOOP("Agenda", "Phone"),
    QT_TRANSLATE_NOOP("Agenda", "Service"),
    QT_TRANSLATE_NOOP("Agenda", "Where"),
    QT_TRANSLATE_NOOP("Agenda", "Status"),
    QT_TRANSLATE_NOOP("Agenda", "Sync"),
)
ALARM_WORDS = {
    SyncState.NEEDS_ATTENTION: QT_TRANSLATE_NOOP("Agenda", "needs attention"),
    SyncState.OUTCOME_UNKNOWN: QT_TRANSLATE_NOOP("Agenda", "outcome unknown"),
}
ID_ROLE = Qt.ItemDataRole.UserRole


class AgendaView(QTreeWidget):
    bookingActivated = Signal(str)
    selectionChanged_ = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("Agenda", "Agenda"))
        self.setAccessibleDescription(
            translate("Agenda", "The shown days as a list of appointments.")
        )
        self.setColumnCount(len(HEADERS))
        self.setHeaderLabels([translate("Agenda", h) for h in HEADERS])
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemActivated.connect(self._activated)
        self.itemSelectionChanged.connect(self._selection_changed)
        self._items: dict[str, QTreeWidgetItem] = {}
        self._filling = False

    def set_bookings(
        self,
        bookings: Iterable[BookingGlimpse],
        zone: str,
        services: dict[str, Service],
        names: dict[ResourceKey, str],
    ) -> None:
        keep = self.selected_booking()
        scroll = self.verticalScrollBar().value()
        self._filling = True
        self.setUpdatesEnabled(False)
        try:
            self.clear()
            self._items = {}
            heading_font = QFont(self.font())
            heading_font.setBold(True)
            current: date | None = None
            for booking in bookings:
                if booking.visit_status is VisitStatus.CANCELLED:
                    continue
                start = to_local(booking.start, zone)
                if start.date() != current:
                    current = start.date()
                    heading = QTreeWidgetItem(self, [dates.long_day(current)])
                    heading.setFirstColumnSpanned(True)
                    heading.setFont(0, heading_font)
                    heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                end = to_local(booking.end, zone)
                service = services.get(booking.service_id)
                sync = translate(
                    "Agenda" if booking.sync_state in ALARM_WORDS else "Blocks",
                    ALARM_WORDS.get(booking.sync_state)
                    or STATE_LABELS.get(booking.sync_state, QT_TRANSLATE_NOOP("Blocks", "synced")),
                )
                item = QTreeWidgetItem(
                    self,
                    [
                        clock_range(start, end),
                        booking.patient_name,
                        booking.patient_phone,
                        service.name if service else unknown_service(),
                        names.get(resource_key(booking), booking.resource_id),
                        visit_words(booking.visit_status),
                        sync,
                    ],
                )
                item.setData(0, ID_ROLE, booking.id)
                if service is not None and service.color:
                    service_ink = readable(QColor(service.color), self.palette())
                    item.setForeground(3, QBrush(service_ink))
                if booking.sync_state in ALARM_WORDS:
                    item.setForeground(6, QBrush(Tones.of(self.palette()).error))
                self._items[booking.id] = item
            for column in range(len(HEADERS)):
                self.resizeColumnToContents(column)
            if keep in self._items:
                self.setCurrentItem(self._items[keep])
        finally:
            self.setUpdatesEnabled(True)
            self._filling = False
        self.verticalScrollBar().setValue(scroll)

    def selected_booking(self) -> str | None:
        item = self.currentItem()
        value = item.data(0, ID_ROLE) if item is not None else None
        return str(value) if value else None

    def select_booking(self, booking_id: str | None, ensure_visible: bool = False) -> None:
        item = self._items.get(booking_id or "")
        if item is None:
            self.clearSelection()
            return
        self.setCurrentItem(item)
        if ensure_visible:
            self.scrollToItem(item)

    def step_selection(self, step: int) -> None:
        ids = list(self._items)
        if not ids:
            return
        current = self.selected_booking()
        index = ids.index(current) + step if current in ids else (0 if step > 0 else -1)
        self.select_booking(ids[max(0, min(index, len(ids) - 1))], ensure_visible=True)

    def _activated(self, item: QTreeWidgetItem) -> None:
        value = item.data(0, ID_ROLE)
        if value:
            self.bookingActivated.emit(str(value))

    def _selection_changed(self) -> None:
        if not self._filling:
            self.selectionChanged_.emit(self.selected_booking() or "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            booking_id = self.selected_booking()
            if booking_id:
                self.bookingActivated.emit(booking_id)
                return
        super().keyPressEvent(event)

"""The waiting room (F8, a panel): today's arrived patients not yet in, with when they arrived
(the clinic's clock) and the minutes waited, longest wait first, updated each minute.

"In the chair" (Enter) is the desk's own mark (no booking system has such a status): the
patient leaves the list, the booking is not touched. "Seen" marks the appointment completed,
the booking's own status (sent to a booking system that keeps it); it is refused before the
appointment's start, with the reason. Other desks' arrivals show within a second on a shared
store (topic ``arrivals``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app.arrivals import TOPIC, WaitingRow
from frontdesk.app.booking_checks import BookingRefused
from frontdesk.domain import dates
from frontdesk.domain.booking import VisitStatus
from frontdesk.domain.timeutil import utc_now
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, plural, translate
from frontdesk.ui.desk_ops import ops_for
from frontdesk.ui.wording import plain_message


def _counts() -> None:  # for lupdate: the counted sentences (never called)
    translate("WaitingRoom", "%n patient(s) waiting", None, 1)


if TYPE_CHECKING:
    from frontdesk.app.context import AppContext
    from frontdesk.ui.main_window import MainWindow

log = logging.getLogger("frontdesk.ui")

HEADERS = (
    QT_TRANSLATE_NOOP("WaitingRoom", "Patient"),
    QT_TRANSLATE_NOOP("WaitingRoom", "Booked for"),
    QT_TRANSLATE_NOOP("WaitingRoom", "Arrived"),
    QT_TRANSLATE_NOOP("WaitingRoom", "Waited"),
)


class WaitingTable(QTableWidget):
    seat = Signal()  # Enter on a row

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self.seat.emit()
            return
        super().keyPressEvent(event)


class WaitingRoom(QWidget):
    showBooking = Signal(str)  # booking id
    seenRequested = Signal(str, object)  # booking id, VisitStatus.COMPLETED

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.clock = clock  # the tests' own
        self.rows: list[WaitingRow] = []
        self.setAccessibleName(translate("WaitingRoom", "Waiting room"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.summary = QLabel(self)
        self.summary.setAccessibleName(translate("WaitingRoom", "Waiting"))
        layout.addWidget(self.summary)
        self.table = WaitingTable(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([translate("WaitingRoom", h) for h in HEADERS])
        self.table.setAccessibleName(translate("WaitingRoom", "Patients waiting"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setWordWrap(False)
        self.table.seat.connect(self.seat_current)
        self.table.cellDoubleClicked.connect(lambda r, _c: self._show(r))
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        self.seat_button = QPushButton(translate("WaitingRoom", "In the &chair"), self)
        self.seat_button.setToolTip(
            translate("WaitingRoom", "The patient went in (kept at the desk only; Enter)")
        )
        self.seat_button.clicked.connect(self.seat_current)
        self.seen_button = QPushButton(translate("WaitingRoom", "S&een"), self)
        self.seen_button.setToolTip(translate("WaitingRoom", "Mark the appointment completed"))
        self.seen_button.clicked.connect(self.seen_current)
        for button in (self.seat_button, self.seen_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)  # the minutes waited
        self.timer.timeout.connect(self.refresh)
        self.timer.start()

    def refresh(self) -> None:
        """Read the waiting room again; the selected patient stays selected."""
        if getattr(self.window(), "_closed", False):
            self.timer.stop()
            return
        current = self.current_booking()
        try:
            self.rows = self.context.arrivals.waiting_room(self.clock())
        except Exception as exc:  # a shared store out of reach: the last list stays
            log.warning(
                "the waiting room could not be read: %s",
                type(exc).__name__,
            )
            return
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            arrived = dates.clock(row.arrived) if row.arrived is not None else "—"
            cells = (row.patient, dates.clock(row.appointment), arrived, row.minutes_words)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == 3 and row.minutes is not None and row.minutes >= 15:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(index, column, item)
        ids = [r.booking_id for r in self.rows]
        if current in ids:
            self.table.setCurrentCell(ids.index(current), 0)
        elif self.rows:
            self.table.setCurrentCell(0, 0)
        self.summary.setText(
            plural("WaitingRoom", "%n patient(s) waiting", len(self.rows))
            if self.rows
            else translate("WaitingRoom", "Nobody waiting.")
        )
        for button in (self.seat_button, self.seen_button):
            button.setEnabled(bool(self.rows))

    def current_booking(self) -> str | None:
        index = self.table.currentRow()
        return self.rows[index].booking_id if 0 <= index < len(self.rows) else None

    def _show(self, index: int) -> None:
        if 0 <= index < len(self.rows):
            self.showBooking.emit(self.rows[index].booking_id)

    def seat_current(self) -> None:
        booking_id = self.current_booking()
        if booking_id is None:
            return

        def refused(refusal: BookingRefused) -> None:
            self.summary.setText(" ".join(plain_message(v) for v in refusal.verdicts))

        ops_for(self.window(), self.context).run(
            lambda: self.context.arrivals.seat(booking_id, self.clock()),
            lambda _arrival: ["#" + TOPIC],
            lambda _arrival: self.refresh(),
            refused,
            lambda _why: self.summary.setText(
                translate("WaitingRoom", "Not kept: the desk could not save this.")
            ),
        )

    def seen_current(self) -> None:
        booking_id = self.current_booking()
        if booking_id is not None:
            self.seenRequested.emit(booking_id, VisitStatus.COMPLETED)


def toggle_waiting_room(window: MainWindow) -> None:
    dock = window.waiting_dock  # type: ignore[attr-defined]
    if dock.isVisible() and window.waiting_room.table.hasFocus():  # type: ignore[attr-defined]
        dock.hide()
        return
    window.waiting_room.refresh()  # type: ignore[attr-defined]
    dock.show()
    dock.raise_()
    window.waiting_room.table.setFocus()  # type: ignore[attr-defined]


def install_waiting_room(window: MainWindow) -> None:
    """View ▸ Waiting room (F8), a panel on the right."""
    from frontdesk.ui.window_menus import make_action

    room = WaitingRoom(window.context, window)
    window.when_store_open(room.refresh)
    room.showBooking.connect(window._show_booking_id)
    room.seenRequested.connect(window.actions_.set_status)
    window.waiting_room = room  # type: ignore[attr-defined]
    dock = window._dock(
        translate("WaitingRoom", "Waiting room"),
        "waiting",
        room,
        Qt.DockWidgetArea.RightDockWidgetArea,
    )
    dock.setMinimumWidth(300)
    dock.hide()  # F8 shows it
    window.waiting_dock = dock  # type: ignore[attr-defined]
    window.on_topic(TOPIC, room.refresh)
    window.actions_.changed.connect(lambda _id: room.refresh())
    window.waiting_action = make_action(  # type: ignore[attr-defined]
        window,
        translate("WaitingRoom", "&Waiting room"),
        translate("WaitingRoom", "Who arrived, when, and how long they have waited"),
        lambda _checked=False: toggle_waiting_room(window),
        QKeySequence("F8"),
    )
    window.view_menu.addSeparator()
    window.view_menu.addAction(window.waiting_action)  # type: ignore[attr-defined]

"""The confirmation list (F7): the day's appointments the patient has not confirmed yet, for
tomorrow unless another day is picked, with time (the clinic's clock), patient, phone and
provider. One key per call's outcome on the current row (C confirmed, M left a message,
N no answer) keeps it (on the desk's change runner, with an audit line) and moves to the next
row; rows worked on stay in the list until it is read again. It prints through the day
sheet's path (``ui.day_sheet.print_html``) or works on screen; the counts say how far it is.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.confirmations import TOPIC, CallList, CallRow
from frontdesk.domain import dates
from frontdesk.domain.confirmations import (
    CONFIRMATION_MARKS,
    ConfirmationStatus,
    PatientConfirmation,
)
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.ui.desk_ops import ops_for
from frontdesk.ui.i18n import date_format, keep_years
from frontdesk.ui.wording import plain_message

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext
    from frontdesk.ui.main_window import MainWindow

KEYS = {
    Qt.Key.Key_C: PatientConfirmation.CONFIRMED,
    Qt.Key.Key_M: PatientConfirmation.LEFT_MESSAGE,
    Qt.Key.Key_N: PatientConfirmation.NO_ANSWER,
}
HEADERS = (
    QT_TRANSLATE_NOOP("ConfirmationList", "Time"),
    QT_TRANSLATE_NOOP("ConfirmationList", "Patient"),
    QT_TRANSLATE_NOOP("ConfirmationList", "Phone"),
    QT_TRANSLATE_NOOP("ConfirmationList", "Provider"),
    QT_TRANSLATE_NOOP("ConfirmationList", "Service"),
    QT_TRANSLATE_NOOP("ConfirmationList", "Patient's answer"),
)
ANSWER = len(HEADERS) - 1
PHONE = 2


class CallTable(QTableWidget):
    """The list's table: C / M / N on the current row."""

    marked = Signal(int, object)  # row, PatientConfirmation

    @staticmethod
    def _ours(event: QKeyEvent) -> PatientConfirmation | None:
        plain = event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        )
        return KEYS.get(Qt.Key(event.key())) if plain else None

    def event(self, event: QEvent) -> bool:
        # C and N are the calendar's "completed" and "no-show" keys: here they are the list's
        overrides = event.type() == QEvent.Type.ShortcutOverride
        if overrides and isinstance(event, QKeyEvent) and self._ours(event) is not None:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        state = self._ours(event)
        if state is not None and self.currentRow() >= 0:
            self.marked.emit(self.currentRow(), state)
            return
        super().keyPressEvent(event)


def answer_words(status: ConfirmationStatus, zone: str) -> str:
    mark = CONFIRMATION_MARKS.get(status.state)
    words = (
        status.words(zone) if status.attempts else translate("ConfirmationList", "not called yet")
    )
    return f"{mark} {words}" if mark else words


class ConfirmationList(QDialog):
    """The day's list; ``day`` None: the clinic's tomorrow."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(translate("ConfirmationList", "Confirmation list"))
        self.setAccessibleName(translate("ConfirmationList", "Confirmation list"))
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.resize(900, 560)
        self.rows: list[CallRow] = []
        self.data: CallList | None = None
        self._worked: set[str] = set()  # marked confirmed while the list was open
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        day_label = QLabel(translate("ConfirmationList", "&Day:"), self)
        top.addWidget(day_label)
        self.day_edit = QDateEdit(self)
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setDisplayFormat(date_format())
        keep_years(self.day_edit)
        self.day_edit.setAccessibleName(translate("ConfirmationList", "Day"))
        day_label.setBuddy(self.day_edit)
        top.addWidget(self.day_edit)
        self.tomorrow_button = QPushButton(translate("ConfirmationList", "&Tomorrow"), self)
        self.tomorrow_button.clicked.connect(lambda: self.show_day(None))
        top.addWidget(self.tomorrow_button)
        self.show_confirmed = QCheckBox(translate("ConfirmationList", "&Show confirmed"), self)
        self.show_confirmed.toggled.connect(lambda _on: self.reload())
        top.addWidget(self.show_confirmed)
        top.addStretch(1)
        self.counts = QLabel(self)
        self.counts.setAccessibleName(translate("ConfirmationList", "Counts"))
        font = self.counts.font()
        font.setBold(True)
        self.counts.setFont(font)
        top.addWidget(self.counts)
        layout.addLayout(top)
        self.table = CallTable(0, len(HEADERS), self)
        self.table.setHorizontalHeaderLabels([translate("ConfirmationList", h) for h in HEADERS])
        self.table.setAccessibleName(translate("ConfirmationList", "Appointments to confirm"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(len(HEADERS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ANSWER, QHeaderView.ResizeMode.Stretch)
        self.table.marked.connect(self.mark_row)
        layout.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for text, state in (
            (translate("ConfirmationList", "Confirmed (C)"), PatientConfirmation.CONFIRMED),
            (translate("ConfirmationList", "Left message (M)"), PatientConfirmation.LEFT_MESSAGE),
            (translate("ConfirmationList", "No answer (N)"), PatientConfirmation.NO_ANSWER),
        ):
            button = QPushButton(text, self)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay with the table
            button.clicked.connect(
                lambda _c=False, s=state: self.mark_row(self.table.currentRow(), s)
            )
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.print_button = QPushButton(translate("ConfirmationList", "&Print…"), self)
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_list)
        buttons.addWidget(self.print_button)
        close = QPushButton(translate("ConfirmationList", "Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.close)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.hint = QLabel(
            translate(
                "ConfirmationList",
                "Call each patient, then press C (confirmed), M (left a message) or N (no answer): "
                "the next row is selected. The booking system's own confirmation is apart: the "
                "calendar's solid blocks.",
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(placeholder-text)")
        layout.addWidget(self.hint)
        self.show_day(None)
        self.day_edit.dateChanged.connect(lambda _d: self._day_picked())

    # -- the day -------------------------------------------------------------------------
    @property
    def day(self) -> date:
        picked = self.day_edit.date()
        return date(picked.year(), picked.month(), picked.day())

    def show_day(self, day: date | None) -> None:
        """Show ``day``'s list (None: the clinic's tomorrow)."""
        day = day or self.context.confirmations.tomorrow()
        self.day_edit.blockSignals(True)
        self.day_edit.setDate(QDate(day.year, day.month, day.day))
        self.day_edit.blockSignals(False)
        self._day_picked()

    def _day_picked(self) -> None:
        self._worked.clear()
        self.reload(keep=False)
        self.table.setFocus()

    def reload(self, keep: bool = True) -> None:
        """Read the day's list again (another desk's marks too); the current row stays."""
        current = self.current_booking() if keep else None
        self.data = self.context.confirmations.call_list(self.day)
        everything = self.show_confirmed.isChecked()
        self.rows = [
            r
            for r in self.data.rows
            if everything or not r.status.confirmed or r.booking_id in self._worked
        ]
        self.table.clearSpans()
        self.table.setRowCount(len(self.rows))
        for index, row in enumerate(self.rows):
            cells = (row.time, row.patient, row.phone, row.provider, row.service)
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.booking_id)
                if column == PHONE and row.phone_note:  # not the booking's own number
                    item.setToolTip(row.phone_note)
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                self.table.setItem(index, column, item)
            self._show_status(index, row.status)
        ids = [r.booking_id for r in self.rows]
        if current in ids:
            self.table.setCurrentCell(ids.index(current), 0)
        elif self.rows:
            self.table.setCurrentCell(0, 0)
        self._show_counts()

    def _show_status(self, index: int, status: ConfirmationStatus) -> None:
        item = QTableWidgetItem(answer_words(status, self.context.settings.zone))
        if status.confirmed:
            item.setForeground(Qt.GlobalColor.darkGreen)
        self.table.setItem(index, ANSWER, item)

    def _show_counts(self) -> None:
        if self.data is None:
            return
        day = dates.short_day(self.data.day)
        if not self.data.rows:
            self.counts.setText(
                translate("ConfirmationList", "No appointments on {day}").format(day=day)
            )
        else:
            self.counts.setText(self.data.counts())
        self.table.setToolTip("")
        if not self.rows:  # said on the empty table itself
            everyone = self.data.rows and not self.data.to_call
            empty = (
                translate("ConfirmationList", "Everyone on {day} has confirmed.")
                if everyone
                else translate("ConfirmationList", "Nobody to call on {day}.")
            ).format(day=day)
            self.table.setToolTip(empty)
            self.table.setRowCount(1)
            self.table.setSpan(0, 0, 1, len(HEADERS))
            item = QTableWidgetItem(empty)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.table.setItem(0, 0, item)

    def current_booking(self) -> str | None:
        index = self.table.currentRow()
        return self.rows[index].booking_id if 0 <= index < len(self.rows) else None

    # -- the calls -----------------------------------------------------------------------
    def mark_row(self, index: int, state: PatientConfirmation) -> None:
        """Keep ``state`` for the row's booking and go on to the next row."""
        if not 0 <= index < len(self.rows):
            return
        row = self.rows[index]
        if state is PatientConfirmation.CONFIRMED:
            self._worked.add(row.booking_id)
        if index + 1 < len(self.rows):
            self.table.setCurrentCell(index + 1, self.table.currentColumn())
        booking_id = row.booking_id

        def done(status: ConfirmationStatus) -> None:
            self._after_mark(booking_id, status)

        def refused(refusal: BookingRefused) -> None:
            self._say(" ".join(plain_message(v) for v in refusal.verdicts))

        def failed(_why: BaseException) -> None:
            self._say(
                translate("ConfirmationList", "Not kept: the desk could not save this; try again.")
            )

        ops_for(self.parent() or self, self.context).run(
            lambda: self.context.confirmations.mark(booking_id, state),
            lambda _status: ["#" + TOPIC],
            done,
            refused,
            failed,
        )

    def _after_mark(self, booking_id: str, status: ConfirmationStatus) -> None:
        ids = [r.booking_id for r in self.rows]
        if booking_id not in ids:
            return
        index = ids.index(booking_id)
        row = self.rows[index]
        self.rows[index] = self.context.confirmations.with_status(row, status)
        self._show_status(index, status)
        if self.data is not None:
            data_rows = [
                self.rows[index] if r.booking_id == booking_id else r for r in self.data.rows
            ]
            self.data = CallList(self.data.day, self.data.zone, data_rows)
        self._show_counts()

    def _say(self, text: str) -> None:
        window = self.parent()
        bar = getattr(window, "statusBar", None)
        if bar is not None:
            bar().showMessage(text, 10_000)
        self.hint.setText(text)

    # -- paper ---------------------------------------------------------------------------
    def list_html(self) -> str:
        """The list as printed (``ui.confirmation_print``)."""
        from frontdesk.ui.confirmation_print import list_html

        return list_html(self.data, self.rows, self.day, self.context.settings.zone)

    def print_list(self) -> bool:
        """Ask which printer, print the rows shown, and say so in the audit trail."""
        from frontdesk.ui.confirmation_print import print_list

        return print_list(self.context, self.list_html(), self.day, len(self.rows), self)


def open_confirmation_list(window: MainWindow) -> ConfirmationList:
    """Show the window's list (made once; shown again on the clinic's tomorrow)."""
    dialog: ConfirmationList | None = getattr(window, "confirmation_list", None)
    if dialog is None:
        dialog = ConfirmationList(window.context, window)
        window.confirmation_list = dialog  # type: ignore[attr-defined]
        window.on_topic(TOPIC, lambda: dialog.reload() if dialog.isVisible() else None)
    else:
        dialog.show_day(dialog.day if dialog.isVisible() else None)
    dialog.show()
    if QGuiApplication.platformName() != "offscreen":  # (a test's screen has no stacking)
        dialog.raise_()
        dialog.activateWindow()
    dialog.table.setFocus()
    return dialog


def install_confirmation_actions(window: MainWindow) -> None:
    """Booking ▸ Confirmation list… (F7)."""
    from frontdesk.ui.window_menus import make_action

    window.confirmations_action = make_action(  # type: ignore[attr-defined]
        window,
        translate("ConfirmationList", "Con&firmation list…"),
        translate(
            "ConfirmationList",
            "Call tomorrow's patients: C confirmed, M left a message, N no answer",
        ),
        lambda _checked=False: open_confirmation_list(window),
        QKeySequence("F7"),
    )
    window.booking_menu.addSeparator()
    window.booking_menu.addAction(window.confirmations_action)  # type: ignore[attr-defined]

"""The month calendar: six weeks of day cells with each day's count and first few names.

Painted in one pass from :func:`frontdesk.app.desk.month_summary`; a click picks a day, a
double-click (or Enter) opens it in the day view, the arrows move the picked day.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from frontdesk.app.desk import DaySummary
from frontdesk.domain import dates
from frontdesk.ui.palette import CalendarColors

HEAD_H = 26


class MonthView(QWidget):
    dayPicked = Signal(object)  # date
    dayActivated = Signal(object)  # date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Month calendar")
        self.setAccessibleDescription(
            "Bookings per day of the shown month. Double-click a day to open it."
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._month = date.today().replace(day=1)
        self._current = date.today()
        self._today = date.today()
        self._summary: dict[date, DaySummary] = {}

    @property
    def first_shown(self) -> date:
        """The Monday on or before the 1st of the month: the grid's first cell."""
        return self._month - timedelta(days=self._month.weekday())

    @property
    def last_shown(self) -> date:
        return self.first_shown + timedelta(days=41)

    @property
    def current(self) -> date:
        return self._current

    def set_month(self, day: date, today: date) -> None:
        self._month = day.replace(day=1)
        self._current = day
        self._today = today
        self.update()

    def set_summary(self, summary: dict[date, DaySummary]) -> None:
        self._summary = dict(summary)
        self.update()

    def summary(self, day: date) -> DaySummary:
        return self._summary.get(day, DaySummary())

    def sizeHint(self) -> QSize:
        return QSize(900, 640)

    def _cell(self, index: int) -> QRectF:
        width = self.width() / 7
        height = (self.height() - HEAD_H) / 6
        return QRectF((index % 7) * width, HEAD_H + (index // 7) * height, width, height)

    def day_at(self, pos: QPoint) -> date | None:
        if pos.y() < HEAD_H:
            return None
        col = int(pos.x() / (self.width() / 7))
        row = int((pos.y() - HEAD_H) / ((self.height() - HEAD_H) / 6))
        if not (0 <= col < 7 and 0 <= row < 6):
            return None
        return self.first_shown + timedelta(days=row * 7 + col)

    def cell_rect(self, day: date) -> QRectF:
        return self._cell((day - self.first_shown).days)

    def paintEvent(self, event: QPaintEvent) -> None:
        c = CalendarColors.from_palette(self.palette())
        p = QPainter(self)
        try:
            p.fillRect(self.rect(), c.base)
            p.fillRect(QRectF(0, 0, self.width(), HEAD_H), c.header)
            width = self.width() / 7
            p.setPen(c.muted)
            for i, name in enumerate(dates.installed().weekdays_short):
                p.drawText(QRectF(i * width, 0, width, HEAD_H), Qt.AlignmentFlag.AlignCenter, name)
            bold = QFont(self.font())
            bold.setBold(True)
            small = QFont(self.font())
            small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
            line_h = self.fontMetrics().height()
            for index in range(42):
                day = self.first_shown + timedelta(days=index)
                cell = self._cell(index)
                if not cell.intersects(QRectF(event.rect())):
                    continue
                in_month = day.month == self._month.month
                if day == self._today:
                    p.fillRect(cell, c.today_fill)
                elif not in_month:
                    p.fillRect(cell, c.closed_fill)
                p.setPen(QPen(c.grid, 1))
                p.drawRect(cell)
                if day == self._current:
                    p.setPen(QPen(c.accent, 2))
                    p.drawRect(cell.adjusted(1, 1, -1, -1))
                p.setFont(bold if day == self._today else self.font())
                p.setPen(c.accent if day == self._today else (c.text if in_month else c.muted))
                head = QRectF(cell.left() + 6, cell.top() + 3, cell.width() - 12, line_h)
                p.drawText(head, Qt.AlignmentFlag.AlignLeft, str(day.day))
                summary = self._summary.get(day)
                if summary is None or summary.count == 0:
                    continue
                count = f"{summary.count} booked"
                if summary.attention:
                    count += f" · {summary.attention}!"
                p.setPen(c.attention if summary.attention else c.muted)
                p.drawText(head, Qt.AlignmentFlag.AlignRight, count)
                p.setFont(small)
                p.setPen(c.text if in_month else c.muted)
                metrics = p.fontMetrics()
                y = head.bottom() + 2
                for name in summary.names:
                    if y + metrics.height() > cell.bottom() - 2:
                        break
                    text = metrics.elidedText(
                        name, Qt.TextElideMode.ElideRight, int(cell.width() - 12)
                    )
                    p.drawText(
                        QRectF(cell.left() + 6, y, cell.width() - 12, metrics.height()), text
                    )
                    y += metrics.height()
                more = summary.count - len(summary.names)
                if more > 0 and y + metrics.height() <= cell.bottom() - 2:
                    p.setPen(c.muted)
                    p.drawText(
                        QRectF(cell.left() + 6, y, cell.width() - 12, metrics.height()),
                        f"+{more} more",
                    )
        finally:
            p.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self._current = day
            self.update()
            self.dayPicked.emit(day)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().toPoint())
        if day is not None:
            self.dayActivated.emit(day)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Up: -7,
            Qt.Key.Key_Down: 7,
        }
        key = Qt.Key(event.key())
        if key in steps and not event.modifiers():
            self._current += timedelta(days=steps[key])
            self.dayPicked.emit(self._current)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.dayActivated.emit(self._current)
            return
        super().keyPressEvent(event)

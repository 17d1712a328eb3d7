"""Picking a time range on the time grid: press on an empty time and drag down (or up) in
the same column; a click picks its quarter hour. What is picked (:class:`Pick`: the column, a
start and an end, UTC) is what "Block this time…" (Ctrl+B) offers; it is drawn as an outline
over the grid until another press, a drag of an appointment or Escape clears it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPen

from frontdesk.app.desk import ResourceKey
from frontdesk.domain.timeutil import to_local
from frontdesk.ui.grid_drag import DraggableGrid
from frontdesk.ui.grid_space import SNAP_MINUTES
from frontdesk.ui.palette import CalendarColors

STEP = timedelta(minutes=SNAP_MINUTES)


@dataclass(frozen=True, slots=True)
class Pick:
    column: int
    resource: ResourceKey | None  # None: a column of every resource (the week's)
    start: datetime  # UTC
    end: datetime


class PickableGrid(DraggableGrid):
    rangePicked = Signal(object)  # Pick | None

    colors: CalendarColors  # the view's
    _pick: Pick | None = None
    _anchor: tuple[int, datetime] | None = None

    def picked(self) -> Pick | None:
        return self._pick

    def set_pick(self, pick: Pick | None) -> None:
        if pick != self._pick:
            self._pick = pick
            self.rangePicked.emit(pick)
            self.viewport().update()

    def _pick_from(self, pos: QPointF) -> None:
        anchor = self._anchor
        slot = self.slot_at(pos)
        if anchor is None or slot is None:
            return
        column, first = anchor
        start, end = (first, slot) if slot >= first else (slot, first)
        resource = self._columns[column].resource
        self.set_pick(Pick(column, resource, start, end + STEP))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        column = self.column_at(pos)
        slot = self.slot_at(pos)
        if self.block_at(pos) is not None or column is None or slot is None:
            self._anchor = None
            self.set_pick(None)
            return
        self._anchor = (column, slot)
        self._pick_from(pos)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._anchor is not None and event.buttons() & Qt.MouseButton.LeftButton:
            middle = self.column_rect(self._anchor[0]).center().x()  # the column it began in
            self._pick_from(QPointF(middle, event.position().y()))
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._anchor = None
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self._pick is not None and self._drag is None:
            self.set_pick(None)
            return
        super().keyPressEvent(event)

    def paint_pick(self, p: QPainter) -> None:
        """The picked range's outline (content coordinates)."""
        pick = self._pick
        if pick is None or pick.column >= len(self._columns):
            return
        start, end = to_local(pick.start, self._zone), to_local(pick.end, self._zone)
        top = self._y_of(start.replace(tzinfo=None))
        bottom = (
            self._y_of(end.replace(tzinfo=None))
            if end.date() == start.date()
            else float(self._content_h())
        )
        x, width = self._x[pick.column], self._col_w(pick.column)
        rect = QRectF(x + 2, top + 1, width - 4, bottom - top - 2)
        fill = QColor(self.colors.accent)
        fill.setAlpha(40)
        p.fillRect(rect, fill)
        p.setPen(QPen(self.colors.accent, 1.5, Qt.PenStyle.DashLine))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect)

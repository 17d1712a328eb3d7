"""Where things are on the time grid: the base of :class:`~frontdesk.ui.time_grid.TimeGridView`.

Owns the grid's coordinates and what they depend on: the columns and their x edges, the hours
shown, the zone and the clock, the scroll position. Maps clinic wall time to content y
(``_y_of``) and back (``slot_at``), viewport points to columns, slots and blocks (blocks are
found per column by bisecting their tops), and keeps the scroll bars' ranges. Content
coordinates start at the top-left of the whole grid; viewport coordinates are those shifted by
the scroll position.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterable
from datetime import date, datetime, time

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from frontdesk.domain.booking import BookingGlimpse
from frontdesk.domain.timeutil import local_to_utc, to_local, utc_now
from frontdesk.ui.blocks import Block
from frontdesk.ui.grid_layout import FIRST_HOUR, LAST_HOUR, Geometry, GridColumn
from frontdesk.ui.grid_paint import HEADER_H, HOUR_H, TIME_W

MIN_COL_W = 118
SNAP_MINUTES = 15


class GridSpace(QAbstractScrollArea):
    """The grid's coordinates, columns and scroll bars; what is shown is set by the view."""

    def __init__(self, parent: QWidget | None = None, min_col_w: int = MIN_COL_W) -> None:
        super().__init__(parent)
        self.clock: Callable[[], datetime] = utc_now
        self.min_col_w = min_col_w
        self._zone = "UTC"
        self._columns: list[GridColumn] = []
        self._geometry: Geometry | None = None
        self._tallest = 0.0  # a bound on any block's height
        self._first_hour = FIRST_HOUR
        self._last_hour = LAST_HOUR
        self._x: list[float] = [float(TIME_W)]  # column edges, in content x

    @property
    def zone(self) -> str:
        return self._zone

    @property
    def columns(self) -> list[GridColumn]:
        return list(self._columns)

    @property
    def header_h(self) -> int:
        return HEADER_H

    # -- viewport points -----------------------------------------------------------------
    def block_rect(self, booking_id: str) -> QRectF | None:
        """Where the block of ``booking_id`` is, in viewport coordinates; None if not shown."""
        block = self._geometry.get(booking_id) if self._geometry is not None else None
        return None if block is None else block.rect.translated(-self._dx(), -self._dy())

    def block_at(self, pos: QPoint | QPointF) -> BookingGlimpse | None:
        """The booking drawn at viewport position ``pos`` (the topmost if several)."""
        point = QPointF(pos)
        if point.x() < TIME_W or point.y() < self.header_h:
            return None
        content = point + QPointF(self._dx(), self._dy())
        column = self._column_index(content.x())
        geometry = self._geometry
        if column is None or geometry is None:
            return None
        tops = geometry.tops(column)  # a block holding the point starts at most this high
        first = bisect.bisect_left(tops, content.y() - self._tallest)
        last = bisect.bisect_right(tops, content.y())
        for block in reversed(geometry.between(column, first, last)):
            if block.rect.contains(content):
                return block.booking
        return None

    def column_at(self, pos: QPoint | QPointF) -> int | None:
        point = QPointF(pos)
        if point.x() < TIME_W:
            return None
        return self._column_index(point.x() + self._dx())

    def slot_at(self, pos: QPoint | QPointF, snap: int = SNAP_MINUTES) -> datetime | None:
        """The UTC start of the ``snap``-minute slot at viewport position ``pos``."""
        point = QPointF(pos)
        if point.x() < TIME_W or point.y() < self.header_h:
            return None
        column = self.column_at(point)
        if column is None:
            return None
        y = point.y() + self._dy() - self.header_h
        minutes = int(y / HOUR_H * 60) // snap * snap + self._first_hour * 60
        if not 0 <= minutes < 24 * 60:
            return None
        wall = time(minutes // 60, minutes % 60)
        return local_to_utc(self._columns[column].day, wall, self._zone).instant

    def column_rect(self, index: int) -> QRectF:
        """Column ``index`` in viewport coordinates (below the header)."""
        return QRectF(
            self._x[index] - self._dx(),
            self.header_h,
            self._x[index + 1] - self._x[index],
            self._content_h() - self.header_h,
        )

    def sizeHint(self) -> QSize:
        hours = self._last_hour - self._first_hour
        return QSize(TIME_W + 7 * MIN_COL_W + 2, self.header_h + hours * HOUR_H + 2)

    # -- scrolling -----------------------------------------------------------------------
    def scroll_to_hour(self, hour: int) -> None:
        self.verticalScrollBar().setValue(max(0, (hour - self._first_hour) * HOUR_H))

    def scroll_to_rect(self, rect: QRectF) -> None:
        """Scroll, if need be, so that ``rect`` (content coordinates) comes into view."""
        head = self.header_h
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        top = rect.top() - head
        visible_h = self.viewport().height() - head
        if top < vbar.value() or rect.bottom() - head > vbar.value() + visible_h:
            vbar.setValue(int(top - HOUR_H / 2))
        left = rect.left() - TIME_W
        visible_w = self.viewport().width() - TIME_W
        if left < hbar.value() or rect.right() - TIME_W > hbar.value() + visible_w:
            hbar.setValue(int(left - 8))

    def _update_scrollbars(self) -> None:
        vw, vh = self.viewport().width(), self.viewport().height()
        hbar, vbar = self.horizontalScrollBar(), self.verticalScrollBar()
        hbar.setRange(0, max(0, math.ceil(self._x[-1] - vw)))
        hbar.setPageStep(max(1, vw - TIME_W))
        vbar.setRange(0, max(0, self._content_h() - vh))
        vbar.setPageStep(max(1, vh - self.header_h))

    # -- content coordinates -------------------------------------------------------------
    def _today(self) -> date:
        return to_local(self.clock(), self._zone).date()

    def _dx(self) -> int:
        return self.horizontalScrollBar().value()

    def _dy(self) -> int:
        return self.verticalScrollBar().value()

    def _col_w(self, index: int) -> float:
        return self._x[index + 1] - self._x[index]

    def _column_index(self, content_x: float) -> int | None:
        if not self._columns or content_x < TIME_W or content_x >= self._x[-1]:
            return None
        return bisect.bisect_right(self._x, content_x) - 1

    def _content_h(self) -> int:
        return self.header_h + (self._last_hour - self._first_hour) * HOUR_H

    def _y_of(self, wall: datetime | time) -> float:
        """Content y of a local wall time."""
        minutes = wall.hour * 60 + wall.minute + wall.second / 60 - self._first_hour * 60
        return self.header_h + minutes / 60 * HOUR_H

    def visible_blocks(self, visible: QRectF, columns: range) -> Iterable[Block]:
        """Blocks of ``columns`` that may meet ``visible`` (content coordinates)."""
        geometry = self._geometry
        if geometry is None:
            return
        for column in columns:
            tops = geometry.tops(column)
            first = bisect.bisect_left(tops, visible.top() - self._tallest)
            last = bisect.bisect_right(tops, visible.bottom())
            yield from geometry.between(column, first, last)

    def column_range(self, visible: QRectF) -> range:
        first = self._column_index(max(visible.left(), TIME_W))
        last = self._column_index(min(visible.right(), self._x[-1] - 1))
        if first is None or last is None:
            return range(0)
        return range(first, last + 1)

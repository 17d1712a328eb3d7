"""The time grid behind the day and week views: columns of a day (and, optionally, one
resource) side by side under a sticky header, a sticky time column on the left, painted in one
pass (no widget per appointment).

Owns the mapping from clinic wall time to pixels (``_y_of``) and back (``slot_at``), column
widths (a column with many overlapping appointments grows instead of showing slivers; the grid
then scrolls sideways), the placement of blocks (lanes from :mod:`frontdesk.domain.layout`),
the selection, the keyboard, and dragging a block to a new time or column. Content
coordinates start at the top-left of the whole grid; only what meets the exposed rectangle is
painted, and blocks are found per column by bisecting their tops.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QToolTip, QWidget

from frontdesk.app.desk import ResourceKey, resource_key
from frontdesk.domain.booking import BookingGlimpse, VisitStatus
from frontdesk.domain.catalog import Service, Window
from frontdesk.domain.timeutil import local_to_utc, to_local, utc_now
from frontdesk.ui.blocks import Block, BlockFonts, tooltip_html
from frontdesk.ui.grid_layout import (
    FIRST_HOUR,
    LAST_HOUR,
    Arrangement,
    Geometry,
    GridColumn,
    arrange,
    place,
)
from frontdesk.ui.grid_paint import HEADER_H, HOUR_H, TIME_W, GridPainter
from frontdesk.ui.palette import CalendarColors

MIN_COL_W = 118
SNAP_MINUTES = 15
DRAG_SNAP_MINUTES = 5


@dataclass(slots=True)
class DragState:
    booking: BookingGlimpse
    press: QPointF
    offset_min: float  # where in the block it was grabbed, in minutes from its start
    active: bool = False
    target: tuple[datetime, int] | None = None  # start (UTC), column
    reason: str = ""  # why the target is refused ("" = allowed)


# (booking id, new start UTC, resource) -> reasons the move is refused ([] = allowed)
MoveCheck = Callable[[str, datetime, ResourceKey | None], list[str]]


class TimeGridView(QAbstractScrollArea):
    """Columns of appointments over a time axis; double-click a block or an empty slot."""

    bookingActivated = Signal(str)  # booking id
    slotActivated = Signal(object, object)  # aware UTC start, ResourceKey | None
    selectionChanged = Signal(str)  # booking id, "" when nothing is selected
    dayStep = Signal(int)  # Left / Right: move the current day
    moveRequested = Signal(str, object, object)  # booking id, new UTC start, ResourceKey|None
    moveRefused = Signal(str, str)  # booking id, the reason in plain words

    def __init__(self, parent: QWidget | None = None, min_col_w: int = MIN_COL_W) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setAutoFillBackground(False)
        self.clock: Callable[[], datetime] = utc_now
        self.move_check: MoveCheck | None = None
        self.min_col_w = min_col_w
        self.day_groups = False  # header groups are days (a week split per resource)
        self._zone = "UTC"
        self._columns: list[GridColumn] = []
        self._col_of: dict[tuple[date, ResourceKey | None], int] = {}
        self._bookings: list[BookingGlimpse] = []
        self._services: dict[str, Service] = {}
        self._resource_colors: dict[ResourceKey, str | None] = {}
        self._resource_names: dict[ResourceKey, str] = {}
        self._windows: dict[ResourceKey, list[Window]] = {}
        self._spans: list[list[tuple[time, time, bool]]] = []
        self._geometry: Geometry | None = None
        self._tallest = 0.0
        self._selected: str | None = None
        self._first_hour = FIRST_HOUR
        self._last_hour = LAST_HOUR
        self._x: list[float] = [float(TIME_W)]
        self._arrangement: Arrangement | None = None
        self._drag: DragState | None = None
        self._checked: dict[tuple[str, datetime, ResourceKey | None], str] = {}
        self.fonts = BlockFonts(self.font())
        self.colors = CalendarColors.from_palette(self.palette())
        self.painter_ = GridPainter(self)
        self._minute_timer = QTimer(self)
        self._minute_timer.setInterval(60_000)
        self._minute_timer.timeout.connect(self._tick)
        self._minute_timer.start()
        self.verticalScrollBar().setSingleStep(HOUR_H // 4)
        self.horizontalScrollBar().setSingleStep(MIN_COL_W // 4)
        self._update_scrollbars()

    def _tick(self) -> None:
        today = self._today()
        if today != getattr(self, "_painted_today", today):
            self.painter_.invalidate()  # midnight: another column is today
        self._painted_today = today
        self.viewport().update()

    # -- public API ----------------------------------------------------------------------
    @property
    def zone(self) -> str:
        return self._zone

    @property
    def columns(self) -> list[GridColumn]:
        return list(self._columns)

    @property
    def header_h(self) -> int:
        return HEADER_H

    def set_zone(self, zone_name: str, relayout: bool = True) -> None:
        self._zone = zone_name or "UTC"
        self._arrangement = None
        if relayout:
            self._relayout()

    def set_columns(self, columns: Iterable[GridColumn], relayout: bool = True) -> None:
        self._columns = list(columns)
        self._col_of = {(c.day, c.resource): i for i, c in enumerate(self._columns)}
        self._arrangement = None
        if relayout:
            self._relayout()

    def set_data(
        self,
        bookings: Iterable[BookingGlimpse],
        services: dict[str, Service],
        windows: dict[ResourceKey, list[Window]] | None = None,
        resource_colors: dict[ResourceKey, str | None] | None = None,
        resource_names: dict[ResourceKey, str] | None = None,
        arrangement: Arrangement | None = None,
        geometry: Geometry | None = None,
    ) -> None:
        """Replace what is shown; the scroll position and the selection stay where they were.
        ``arrangement`` and ``geometry``: prepared ahead for exactly these bookings and
        columns (the geometry is used only if the width has not changed since)."""
        self._bookings = list(bookings)
        self._arrangement = arrangement
        self._services = dict(services)
        if windows is not None:
            self._windows = dict(windows)
        if resource_colors is not None:
            self._resource_colors = dict(resource_colors)
        if resource_names is not None:
            self._resource_names = dict(resource_names)
        self._relayout(geometry)
        if self._selected and self._selected not in self._by_id:
            self._selected = None
            self.selectionChanged.emit("")

    def bookings(self) -> list[BookingGlimpse]:
        """The shown bookings in time order (what Up / Down walk through)."""
        return [] if self._arrangement is None else self._arrangement.in_time_order()

    def selected_booking(self) -> str | None:
        return self._selected

    def select_booking(self, booking_id: str | None, ensure_visible: bool = False) -> None:
        if booking_id != self._selected:
            self._selected = booking_id
            self.selectionChanged.emit(booking_id or "")
            self.viewport().update()
        if ensure_visible and booking_id:
            self.ensure_visible(booking_id)

    def ensure_visible(self, booking_id: str) -> None:
        block = self._by_id.get(booking_id)
        if block is None:
            return
        head = self.header_h
        vbar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        top = block.rect.top() - head
        visible_h = self.viewport().height() - head
        if top < vbar.value() or block.rect.bottom() - head > vbar.value() + visible_h:
            vbar.setValue(int(top - HOUR_H / 2))
        left = block.rect.left() - TIME_W
        visible_w = self.viewport().width() - TIME_W
        if left < hbar.value() or block.rect.right() - TIME_W > hbar.value() + visible_w:
            hbar.setValue(int(left - 8))

    def scroll_to_hour(self, hour: int) -> None:
        self.verticalScrollBar().setValue(max(0, (hour - self._first_hour) * HOUR_H))

    def block_rect(self, booking_id: str) -> QRectF | None:
        """Where the block of ``booking_id`` is, in viewport coordinates; None if not shown."""
        block = self._by_id.get(booking_id)
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

    # -- geometry ------------------------------------------------------------------------
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

    def _update_scrollbars(self) -> None:
        vw, vh = self.viewport().width(), self.viewport().height()
        hbar, vbar = self.horizontalScrollBar(), self.verticalScrollBar()
        hbar.setRange(0, max(0, math.ceil(self._x[-1] - vw)))
        hbar.setPageStep(max(1, vw - TIME_W))
        vbar.setRange(0, max(0, self._content_h() - vh))
        vbar.setPageStep(max(1, vh - self.header_h))

    def prepare(self, arranged: Arrangement, columns: list[GridColumn]) -> Geometry:
        """Pixels for an arrangement at the current width, without showing it."""
        return place(arranged, columns, self.viewport().width(), self.min_col_w, self.header_h)

    def patch_bookings(self, fresh: dict[str, BookingGlimpse]) -> bool:
        """Show new versions of bookings that stay where they were (a sync confirming them, a
        status). False, changing nothing, when one of them moved, left or was cancelled:
        then the caller arranges again."""
        pairs = [(self._by_id[i], b) for i, b in fresh.items() if i in self._by_id]
        for block, booking in pairs:
            old = block.booking
            where = (booking.start, booking.end, booking.connection_id, booking.resource_id)
            if not booking.active or where != (
                old.start,
                old.end,
                old.connection_id,
                old.resource_id,
            ):
                return False
        if not pairs:
            return True
        for block, booking in pairs:
            block.booking, block._lines, block._tag = booking, None, None
        self._bookings = [fresh.get(b.id, b) for b in self._bookings]
        if self._arrangement is not None:
            for items in self._arrangement.per_column.values():
                items[:] = [(s, e, n, fresh.get(b.id, b), ls, le) for s, e, n, b, ls, le in items]
        self.painter_.invalidate()
        self.viewport().update()
        return True

    def _relayout(self, geometry: Geometry | None = None) -> None:
        """Place every block; called when data, columns, zone or width change."""
        self._checked.clear()
        if self._arrangement is None:
            self._arrangement = arrange(self._bookings, self._columns, self._zone)
        arranged = self._arrangement
        self._first_hour, self._last_hour = arranged.first_hour, arranged.last_hour
        if geometry is None or geometry.width != self.viewport().width():
            geometry = self.prepare(arranged, self._columns)
        self._geometry = geometry
        self._x = geometry.x
        self._tallest = geometry.tallest
        self._spans = [self._column_spans(c) for c in self._columns]
        self.painter_.invalidate()
        self._update_scrollbars()
        self.viewport().update()

    def _column_spans(self, column: GridColumn) -> list[tuple[time, time, bool]]:
        """Open (and closed) windows of a column, merged where several resources share one."""
        keys = [column.resource] if column.resource is not None else list(self._windows)
        spans = sorted(
            (w.start, w.end, w.open)
            for key in keys
            for w in self._windows.get(key, ())
            if w.day == column.day
        )
        merged: list[tuple[time, time, bool]] = []
        for start, end, is_open in spans:
            if merged and merged[-1][2] == is_open and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(end, merged[-1][1]), is_open)
            else:
                merged.append((start, end, is_open))
        return merged

    @property
    def _by_id(self) -> Mapping[str, Block]:
        """The placed blocks by booking id (a column's are made when first asked for)."""
        return self._geometry if self._geometry is not None else {}

    @property
    def _blocks(self) -> list[Block]:
        """Every placed block (all made now)."""
        return self._geometry.blocks() if self._geometry is not None else []

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

    # -- Qt events -----------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.colors = CalendarColors.from_palette(self.palette())
            for block in self._geometry.made() if self._geometry is not None else ():
                block._lines = None  # ink depends on the fill
            self.painter_.invalidate()
            self.viewport().update()
        elif event.type() == QEvent.Type.FontChange:
            self.fonts = BlockFonts(self.font())
            self._relayout()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        try:
            self.painter_.paint(painter, event.rect())
        finally:
            painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            booking = self.block_at(event.position())
            self.select_booking(booking.id if booking else None)
            if booking is not None and booking.visit_status is VisitStatus.BOOKED:
                block = self._by_id[booking.id]
                grabbed = event.position().y() + self._dy() - block.rect.top()
                self._drag = DragState(booking, event.position(), grabbed / HOUR_H * 60)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        drag = self._drag
        if drag is None or not event.buttons() & Qt.MouseButton.LeftButton:
            return super().mouseMoveEvent(event)
        distance = (event.position() - drag.press).manhattanLength()
        if not drag.active and distance < QApplication.startDragDistance():
            return None
        if not drag.active:
            drag.active = True
            self.painter_.invalidate()  # the block dims where it was
        self.setCursor(Qt.CursorShape.ClosedHandCursor)
        self._drag_to(event.position())
        return None

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        if drag is not None and drag.active:
            self.unsetCursor()
            self.painter_.invalidate()
            self.viewport().update()
            self._drop(drag)
            return None
        return super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mouseDoubleClickEvent(event)
        self._drag = None
        booking = self.block_at(event.position())
        if booking is not None:
            self.bookingActivated.emit(booking.id)
            return None
        slot = self.slot_at(event.position())
        column = self.column_at(event.position())
        if slot is not None and column is not None:
            self.slotActivated.emit(slot, self._columns[column].resource)
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self._drag is not None:
            self._drag = None
            self.unsetCursor()
            self.painter_.invalidate()
            self.viewport().update()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected:
            self.bookingActivated.emit(self._selected)
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            self.step_selection(-1 if key == Qt.Key.Key_Up else 1)
            return
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and not event.modifiers():
            self.dayStep.emit(-1 if key == Qt.Key.Key_Left else 1)
            return
        super().keyPressEvent(event)

    def step_selection(self, step: int) -> None:
        """Select the previous / next appointment in time order (the first if none)."""
        ordered = self.bookings()
        if not ordered:
            return
        ids = [b.id for b in ordered]
        if self._selected in ids:
            index = min(max(ids.index(self._selected) + step, 0), len(ids) - 1)
        else:
            index = 0 if step > 0 else len(ids) - 1
        self.select_booking(ids[index], ensure_visible=True)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            booking = self.block_at(event.pos())  # type: ignore[attr-defined]
            if booking is None:
                QToolTip.hideText()
            else:
                service = self._services.get(booking.service_id)
                name = self._resource_names.get(resource_key(booking))
                QToolTip.showText(
                    event.globalPos(),  # type: ignore[attr-defined]
                    tooltip_html(booking, self._zone, service, name),
                    self.viewport(),
                )
            return True
        return super().viewportEvent(event)

    # -- dragging ------------------------------------------------------------------------
    def drag_state(self) -> DragState | None:
        return self._drag if self._drag is not None and self._drag.active else None

    def _drag_to(self, pos: QPointF) -> None:
        drag = self._drag
        assert drag is not None
        top = QPointF(pos.x(), pos.y() - drag.offset_min / 60 * HOUR_H)
        column = self.column_at(pos)
        start = self.slot_at(QPointF(pos.x(), max(top.y(), self.header_h)), DRAG_SNAP_MINUTES)
        if column is None or start is None:
            drag.target, drag.reason = None, ""
        else:
            drag.target = (start, column)
            drag.reason = self._check_move(drag.booking, start, column)
        self.viewport().update()

    def _check_move(self, booking: BookingGlimpse, start: datetime, column: int) -> str:
        resource = self._columns[column].resource
        if resource is not None and resource[0] != booking.connection_id:
            return (
                "An appointment cannot move to another booking system; "
                "book it there and cancel this one."
            )
        key = (booking.id, start, resource)
        if key not in self._checked:
            reasons = self.move_check(booking.id, start, resource) if self.move_check else []
            self._checked[key] = " ".join(reasons)
        return self._checked[key]

    def _drop(self, drag: DragState) -> None:
        if drag.target is None:
            return
        start, column = drag.target
        if start == drag.booking.start and self._columns[column].resource in (
            None,
            resource_key(drag.booking),
        ):
            return  # dropped where it was
        if drag.reason:
            self.moveRefused.emit(drag.booking.id, drag.reason)
            return
        self.moveRequested.emit(drag.booking.id, start, self._columns[column].resource)

"""The week calendar: seven day columns, painted in one pass (no widget per appointment).

Owns the mapping from clinic wall time to pixels (``_y_of``) and back (``_slot_at``), the
layout of appointment blocks (lanes from :mod:`frontdesk.ui.lanes`) and their look by sync
state. Content coordinates start at the top-left of the whole week; the day header and the time
column stay put while the body scrolls under them. Only what meets the exposed rectangle is
painted.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Resource, Service, Window
from frontdesk.domain.layout import assign_lanes
from frontdesk.domain.timeutil import local_to_utc, to_local, utc_now

TIME_W = 58
HEADER_H = 42
HOUR_H = 60
MIN_COL_W = 118
MIN_LANE_W = 74  # narrowest block that still shows a time and a name
FIRST_HOUR = 7
LAST_HOUR = 21
SNAP_MINUTES = 15

GRID = QColor("#dadde3")
HALF_GRID = QColor("#eceef2")
OPEN_FILL = QColor("#eef6ee")
CLOSED_FILL = QColor("#f1f1f1")
TODAY_FILL = QColor("#f4f8ff")
HEADER_FILL = QColor("#f7f8fa")
TEXT = QColor("#1f2329")
MUTED = QColor("#5f6670")
NOW = QColor("#d93025")
ATTENTION = QColor("#c5221f")
SELECTED = QColor("#1a1a1a")
DEFAULT_SERVICE = QColor("#607d8b")

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(slots=True)
class _Block:
    booking: Booking
    rect: QRectF  # content coordinates
    day: int


def _mix(color: QColor, weight: float) -> QColor:
    """``color`` blended with white; ``weight`` 1.0 keeps the colour, 0.0 gives white."""
    return QColor(
        round(color.red() * weight + 255 * (1 - weight)),
        round(color.green() * weight + 255 * (1 - weight)),
        round(color.blue() * weight + 255 * (1 - weight)),
    )


def _dark_text_on(fill: QColor) -> bool:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * channel(fill.red()) + 0.7152 * channel(fill.green())
    lum += 0.0722 * channel(fill.blue())
    return lum > 0.33


class WeekView(QAbstractScrollArea):
    """Mon-Sun of one week in the clinic's zone; double-click a block or an empty slot."""

    bookingActivated = Signal(str)  # booking id
    slotActivated = Signal(object)  # aware UTC datetime of the clicked slot
    selectionChanged = Signal(str)  # booking id, "" when nothing is selected

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Week calendar")
        self.setAccessibleDescription(
            "Appointments of the shown week. Double-click an appointment to open it, "
            "or an empty time to book there."
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setAutoFillBackground(False)
        self.clock: Callable[[], datetime] = utc_now
        self._zone = "UTC"
        self._monday = self._today() - timedelta(days=self._today().weekday())
        self._bookings: list[Booking] = []
        self._services: dict[str, Service] = {}
        self._resources: dict[str, Resource] = {}
        self._windows: list[Window] = []
        self._blocks: list[_Block] = []
        self._selected: str | None = None
        self._first_hour = FIRST_HOUR
        self._last_hour = LAST_HOUR
        self._lanes_per_day = [1] * 7
        self._day_x: list[float] = [
            float(TIME_W + i * MIN_COL_W) for i in range(8)
        ]  # left edge of each day, + end
        self._small = QFont(self.font())
        self._small.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
        self._bold = QFont(self._small)
        self._bold.setBold(True)
        self._tiny = QFont(self.font())
        self._tiny.setPointSizeF(max(6.5, self.font().pointSizeF() - 2))
        self._tiny.setItalic(True)
        self._minute_timer = QTimer(self)
        self._minute_timer.setInterval(60_000)
        self._minute_timer.timeout.connect(self.viewport().update)
        self._minute_timer.start()
        self.verticalScrollBar().setSingleStep(HOUR_H // 4)
        self.horizontalScrollBar().setSingleStep(MIN_COL_W // 4)
        self._update_scrollbars()

    # -- public API ----------------------------------------------------------------------
    @property
    def monday(self) -> date:
        return self._monday

    @property
    def zone(self) -> str:
        return self._zone

    def set_zone(self, zone_name: str) -> None:
        self._zone = zone_name or "UTC"
        self._relayout()

    def set_week(self, monday: date) -> None:
        """Show the week that starts on ``monday`` (any date is moved back to its Monday)."""
        monday = monday - timedelta(days=monday.weekday())
        if monday != self._monday:
            self._monday = monday
            self._relayout()

    def set_bookings(
        self,
        bookings: Iterable[Booking],
        services: dict[str, Service],
        resources: dict[str, Resource] | None = None,
    ) -> None:
        """Replace the shown bookings; scroll position and selection stay where they were."""
        self._bookings = list(bookings)
        self._services = dict(services)
        if resources is not None:
            self._resources = dict(resources)
        if self._selected and not any(b.id == self._selected for b in self._visible()):
            self._selected = None
            self.selectionChanged.emit("")
        self._relayout()

    def set_windows(self, windows: Iterable[Window]) -> None:
        """The cached opening windows to shade (wall times in the clinic's zone)."""
        self._windows = list(windows)
        self.viewport().update()

    def selected_booking(self) -> str | None:
        return self._selected

    def select_booking(self, booking_id: str | None, ensure_visible: bool = False) -> None:
        if booking_id == self._selected:
            return
        self._selected = booking_id
        self.selectionChanged.emit(booking_id or "")
        if ensure_visible and booking_id:
            self.ensure_visible(booking_id)
        self.viewport().update()

    def ensure_visible(self, booking_id: str) -> None:
        block = self._block(booking_id)
        if block is None:
            return
        bar = self.verticalScrollBar()
        top = block.rect.top() - HEADER_H
        visible_h = self.viewport().height() - HEADER_H
        if top < bar.value() or block.rect.bottom() - HEADER_H > bar.value() + visible_h:
            bar.setValue(int(top - HOUR_H / 2))

    def block_rect(self, booking_id: str) -> QRectF | None:
        """Where the block of ``booking_id`` is, in viewport coordinates; None if not shown."""
        block = self._block(booking_id)
        return None if block is None else block.rect.translated(-self._dx(), -self._dy())

    def block_at(self, pos: QPoint | QPointF) -> Booking | None:
        """The booking drawn at viewport position ``pos`` (the topmost if several)."""
        point = QPointF(pos)
        if point.x() < TIME_W or point.y() < HEADER_H:
            return None
        content = point + QPointF(self._dx(), self._dy())
        for block in reversed(self._blocks):
            if block.rect.contains(content):
                return block.booking
        return None

    def slot_at(self, pos: QPoint | QPointF) -> datetime | None:
        """The UTC start of the 15-minute slot at viewport position ``pos``."""
        point = QPointF(pos)
        if point.x() < TIME_W or point.y() < HEADER_H:
            return None
        x = point.x() + self._dx() - TIME_W
        y = point.y() + self._dy() - HEADER_H
        day = self._day_index(x + TIME_W)
        if day is None:
            return None
        minutes = int(y / HOUR_H * 60) // SNAP_MINUTES * SNAP_MINUTES
        minutes += self._first_hour * 60
        if not 0 <= minutes < 24 * 60:
            return None
        wall = time(minutes // 60, minutes % 60)
        return local_to_utc(self._monday + timedelta(days=day), wall, self._zone).instant

    def sizeHint(self) -> QSize:
        hours = self._last_hour - self._first_hour
        return QSize(TIME_W + 7 * MIN_COL_W + 2, HEADER_H + hours * HOUR_H + 2)

    # -- geometry ------------------------------------------------------------------------
    def _today(self) -> date:
        return to_local(self.clock(), getattr(self, "_zone", "UTC")).date()

    def _dx(self) -> int:
        return self.horizontalScrollBar().value()

    def _dy(self) -> int:
        return self.verticalScrollBar().value()

    def _col_w(self, day: int) -> float:
        return self._day_x[day + 1] - self._day_x[day]

    def _day_index(self, content_x: float) -> int | None:
        if content_x < TIME_W or content_x >= self._day_x[7]:
            return None
        return max(i for i in range(7) if self._day_x[i] <= content_x)

    def _layout_columns(self) -> None:
        """Day widths: wide enough for the day's busiest overlap, then share what is left.

        A day with many overlapping appointments gets a wider column instead of slivers no
        one can read; the rest of the viewport's width is shared evenly.
        """
        wanted = [max(float(MIN_COL_W), lanes * MIN_LANE_W + 7.0) for lanes in self._lanes_per_day]
        spare = max(0.0, self.viewport().width() - TIME_W - sum(wanted))
        x = float(TIME_W)
        edges = [x]
        for width in wanted:
            x += width + spare / 7
            edges.append(float(math.floor(x)))
        self._day_x = edges

    def _content_h(self) -> int:
        return HEADER_H + (self._last_hour - self._first_hour) * HOUR_H

    def _y_of(self, wall: datetime) -> float:
        """Content y of a local wall time (minutes past the first shown hour)."""
        minutes = wall.hour * 60 + wall.minute + wall.second / 60 - self._first_hour * 60
        return HEADER_H + minutes / 60 * HOUR_H

    def _update_scrollbars(self) -> None:
        vw, vh = self.viewport().width(), self.viewport().height()
        content_w = self._day_x[7]
        hbar, vbar = self.horizontalScrollBar(), self.verticalScrollBar()
        hbar.setRange(0, max(0, math.ceil(content_w - vw)))
        hbar.setPageStep(max(1, vw - TIME_W))
        vbar.setRange(0, max(0, self._content_h() - vh))
        vbar.setPageStep(max(1, vh - HEADER_H))

    def _visible(self) -> list[Booking]:
        return [b for b in self._bookings if b.visit_status is not VisitStatus.CANCELLED]

    def _block(self, booking_id: str) -> _Block | None:
        return next((b for b in self._blocks if b.booking.id == booking_id), None)

    def _relayout(self) -> None:
        """Place every block of the week; called when data, week, zone or width change."""
        per_day: dict[int, list[tuple[Booking, datetime, datetime]]] = {}
        first, last = FIRST_HOUR, LAST_HOUR
        for booking in self._visible():
            start = to_local(booking.start, self._zone)
            end = to_local(max(booking.end, booking.start), self._zone)
            day = (start.date() - self._monday).days
            if not 0 <= day < 7:
                continue
            if end.date() != start.date():  # runs past midnight: draw to the day's end
                end = start.replace(hour=23, minute=59, second=59)
            per_day.setdefault(day, []).append((booking, start, end))
            first = min(first, start.hour)
            last = max(last, end.hour + (1 if end.minute or end.second else 0))
        self._first_hour, self._last_hour = first, min(24, last)
        day_lanes = {
            day: assign_lanes((b.id, s, e) for b, s, e in items) for day, items in per_day.items()
        }
        self._lanes_per_day = [
            max((lane.count for lane in day_lanes.get(day, {}).values()), default=1)
            for day in range(7)
        ]
        self._layout_columns()
        blocks: list[_Block] = []
        for day, items in sorted(per_day.items()):
            lanes = day_lanes[day]
            x0 = self._day_x[day] + 3
            usable = self._col_w(day) - 7
            for booking, start, end in items:
                lane = lanes[booking.id]
                width = usable / lane.count
                top = self._y_of(start)
                height = max(self._y_of(end) - top, 18.0)
                rect = QRectF(x0 + lane.index * width, top + 1, width - 2, height - 2)
                blocks.append(_Block(booking, rect, day))
        self._blocks = blocks
        self._update_scrollbars()
        self.viewport().update()

    # -- Qt events -----------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            booking = self.block_at(event.position())
            self.select_booking(booking.id if booking else None)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mouseDoubleClickEvent(event)
        booking = self.block_at(event.position())
        if booking is not None:
            self.bookingActivated.emit(booking.id)
            return None
        slot = self.slot_at(event.position())
        if slot is not None:
            self.slotActivated.emit(slot)
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self._selected:
            self.bookingActivated.emit(self._selected)
            return
        super().keyPressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            pos = event.pos()  # type: ignore[attr-defined]
            booking = self.block_at(pos)
            if booking is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(
                    event.globalPos(),  # type: ignore[attr-defined]
                    self._tooltip(booking),
                    self.viewport(),
                )
            return True
        return super().viewportEvent(event)

    def _tooltip(self, booking: Booking) -> str:
        start = to_local(booking.start, self._zone)
        end = to_local(booking.end, self._zone)
        service = self._services.get(booking.service_id)
        resource = self._resources.get(booking.resource_id)
        lines = [
            f"<b>{_esc(booking.patient_name)}</b>",
            f"{start:%a %d %b} {start:%H:%M}–{end:%H:%M}",
            _esc(service.name if service else "Unknown service"),
        ]
        if resource is not None:
            lines.append(_esc(resource.name))
        lines.append(_STATE_WORDS.get(booking.sync_state, booking.sync_state.value))
        if booking.sync_state is SyncState.NEEDS_ATTENTION and booking.problem_message:
            lines.append(f"<span style='color:#c5221f'>{_esc(booking.problem_message)}</span>")
        return "<br>".join(lines)

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        exposed = event.rect()
        painter = QPainter(self.viewport())
        try:
            painter.fillRect(exposed, QColor("white"))
            body = QRect(
                TIME_W, HEADER_H, self.viewport().width() - TIME_W, self.viewport().height()
            )
            body_exposed = body.intersected(exposed)
            if not body_exposed.isEmpty():
                painter.save()
                painter.setClipRect(body_exposed)
                painter.translate(-self._dx(), -self._dy())
                visible = QRectF(body_exposed).translated(self._dx(), self._dy())
                self._paint_background(painter, visible)
                self._paint_blocks(painter, visible)
                self._paint_now(painter)
                painter.restore()
            self._paint_header(painter, exposed)
            self._paint_time_column(painter, exposed)
            self._paint_corner(painter, exposed)
        finally:
            painter.end()

    def _day_range(self, visible: QRectF) -> range:
        first = self._day_index(max(visible.left(), TIME_W))
        last = self._day_index(min(visible.right(), self._day_x[7] - 1))
        if first is None or last is None:
            return range(0)
        return range(first, last + 1)

    def _paint_background(self, p: QPainter, visible: QRectF) -> None:
        top, bottom = HEADER_H, self._content_h()
        today_index = (self._today() - self._monday).days
        days = self._day_range(visible)
        for day in days:
            x, col_w = self._day_x[day], self._col_w(day)
            if day == today_index:
                p.fillRect(QRectF(x, top, col_w, bottom - top), TODAY_FILL)
            the_day = self._monday + timedelta(days=day)
            for window in self._windows:
                if window.day != the_day:
                    continue
                y0 = self._y_of(datetime.combine(the_day, window.start))
                y1 = self._y_of(datetime.combine(the_day, window.end))
                rect = QRectF(x + 1, y0, col_w - 1, y1 - y0)
                if rect.intersects(visible):
                    p.fillRect(rect, OPEN_FILL if window.open else CLOSED_FILL)
        first_h = max(0, int((visible.top() - HEADER_H) // HOUR_H))
        last_h = min(
            self._last_hour - self._first_hour, int((visible.bottom() - HEADER_H) // HOUR_H)
        )
        if not days:
            return
        x_left, x_right = self._day_x[days.start], self._day_x[days.stop]
        for hour in range(first_h, last_h + 1):
            y = HEADER_H + hour * HOUR_H
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(x_left, y + 0.5), QPointF(x_right, y + 0.5))
            p.setPen(QPen(HALF_GRID, 1, Qt.PenStyle.DashLine))
            half = y + HOUR_H / 2 + 0.5
            p.drawLine(QPointF(x_left, half), QPointF(x_right, half))
        p.setPen(QPen(GRID, 1))
        for day in range(days.start, days.stop + 1):
            x = self._day_x[day] + 0.5
            p.drawLine(QPointF(x, visible.top()), QPointF(x, min(visible.bottom(), bottom)))

    def _paint_blocks(self, p: QPainter, visible: QRectF) -> None:
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for block in self._blocks:
            if block.rect.intersects(visible):
                self._paint_block(p, block)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_block(self, p: QPainter, block: _Block) -> None:
        booking, rect = block.booking, block.rect
        service = self._services.get(booking.service_id)
        base = QColor(service.color) if service and service.color else DEFAULT_SERVICE
        if not base.isValid():
            base = DEFAULT_SERVICE
        state = booking.sync_state
        confirmed = state is SyncState.CONFIRMED
        attention = state is SyncState.NEEDS_ATTENTION
        fill = _mix(base, 0.85) if confirmed else _mix(base, 0.18)
        if attention:
            fill = QColor("#fdecea")
        radius = 5.0
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawRoundedRect(rect, radius, radius)
        if not confirmed and not attention:
            hatch = QColor(base)
            hatch.setAlpha(70)
            brush = QBrush(hatch, Qt.BrushStyle.BDiagPattern)
            p.setBrush(brush)
            p.drawRoundedRect(rect, radius, radius)
        # a strip in the service's colour, whatever the state, so the type reads at a glance
        strip = QRectF(rect.left(), rect.top(), 4, rect.height())
        p.setBrush(base.darker(110))
        p.drawRoundedRect(strip, 2, 2)
        if attention:
            pen = QPen(ATTENTION, 2)
        elif confirmed:
            pen = QPen(base.darker(125), 1)
        else:
            pen = QPen(base.darker(140), 1.2, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), radius, radius)
        if booking.id == self._selected:
            p.setPen(QPen(SELECTED, 2))
            p.drawRoundedRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5), radius + 1, radius + 1)
        self._paint_block_text(p, block, fill, base)

    def _paint_block_text(self, p: QPainter, block: _Block, fill: QColor, base: QColor) -> None:
        booking, rect = block.booking, block.rect
        state = booking.sync_state
        text_rect = rect.adjusted(8, 1, -4, 0)
        dark = _dark_text_on(fill)
        ink = TEXT if dark else QColor("white")
        soft = MUTED if dark else QColor(255, 255, 255, 215)
        badge = state is SyncState.NEEDS_ATTENTION
        if badge:
            size = max(9.0, min(15.0, rect.height() - 4))
            circle = QRectF(rect.right() - size - 3, rect.top() + 2, size, size)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(ATTENTION)
            p.drawEllipse(circle)
            p.setPen(QColor("white"))
            p.setFont(self._bold)
            p.drawText(circle, Qt.AlignmentFlag.AlignCenter, "!")
            text_rect.setRight(circle.left() - 2)
        start = to_local(booking.start, self._zone)
        end = to_local(booking.end, self._zone)
        service = self._services.get(booking.service_id)
        service_name = service.name if service else "Unknown service"
        label = _STATE_LABELS.get(state)
        small_h = QFontMetrics(self._small).height()
        bold_h = QFontMetrics(self._bold).height()
        lines: list[tuple[QFont, QColor, str]]
        if text_rect.height() >= bold_h + 2 * small_h:
            lines = [
                (self._small, soft, f"{start:%H:%M}–{end:%H:%M}"),
                (self._bold, ink, booking.patient_name),
                (self._small, ink, service_name),
            ]
        elif text_rect.height() >= bold_h + small_h:
            lines = [
                (self._bold, ink, booking.patient_name),
                (self._small, soft, f"{start:%H:%M} · {service_name}"),
            ]
        else:
            lines = [(self._bold, ink, f"{start:%H:%M} {booking.patient_name} · {service_name}")]
        first_line_w = text_rect.width()
        if label:  # top right, beside the first line, if the block is wide enough
            tiny = QFontMetrics(self._tiny)
            tag_w = tiny.horizontalAdvance(label) + 8
            if text_rect.width() >= 1.8 * tag_w:
                tag = QRectF(rect.right() - tag_w - 3, rect.top() + 2, tag_w, tiny.height() + 1)
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(QColor(255, 255, 255, 235))
                p.drawRoundedRect(tag, 3, 3)
                p.setFont(self._tiny)
                p.setPen(MUTED)
                p.drawText(tag, Qt.AlignmentFlag.AlignCenter, label)
                first_line_w = tag.left() - 3 - text_rect.left()
        y = text_rect.top()
        for index, (font, color, text) in enumerate(lines):
            metrics = QFontMetrics(font)
            if y + metrics.height() > text_rect.bottom() + 1 and y > text_rect.top():
                break
            width = first_line_w if index == 0 else text_rect.width()
            p.setFont(font)
            p.setPen(color)
            elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width))
            p.drawText(QRectF(text_rect.left(), y, width, metrics.height()), elided)
            y += metrics.height()

    def _paint_now(self, p: QPainter) -> None:
        now = to_local(self.clock(), self._zone)
        day = (now.date() - self._monday).days
        if not 0 <= day < 7:
            return
        y = self._y_of(now.replace(tzinfo=None))
        if not HEADER_H <= y <= self._content_h():
            return
        x0, x1 = self._day_x[day], self._day_x[day + 1]
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setPen(QPen(NOW, 2))
        p.drawLine(QPointF(x0, y), QPointF(x1, y))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(NOW)
        p.drawEllipse(QPointF(x0 + 1, y), 4, 4)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _paint_header(self, p: QPainter, exposed: QRect) -> None:
        band = QRect(TIME_W, 0, self.viewport().width() - TIME_W, HEADER_H)
        if not band.intersects(exposed):
            return
        p.save()
        p.setClipRect(band)
        p.fillRect(band, HEADER_FILL)
        today = self._today()
        visible = QRectF(band).translated(self._dx(), 0)
        for day in self._day_range(visible):
            the_day = self._monday + timedelta(days=day)
            col_w = self._col_w(day)
            x = self._day_x[day] - self._dx()
            cell = QRectF(x, 0, col_w, HEADER_H)
            is_today = the_day == today
            font = QFont(self.font())
            font.setBold(is_today)
            p.setFont(font)
            p.setPen(QColor("#1a73e8") if is_today else TEXT)
            text = f"{DAY_NAMES[day]} {the_day.day} {the_day:%b}"
            p.drawText(cell, Qt.AlignmentFlag.AlignCenter, text)
            if is_today:
                p.fillRect(QRectF(x + 6, HEADER_H - 3, col_w - 12, 3), QColor("#1a73e8"))
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(x + 0.5, 8), QPointF(x + 0.5, HEADER_H))
        p.setPen(QPen(GRID, 1))
        p.drawLine(QPointF(TIME_W, HEADER_H - 0.5), QPointF(band.right() + 1, HEADER_H - 0.5))
        p.restore()

    def _paint_time_column(self, p: QPainter, exposed: QRect) -> None:
        band = QRect(0, HEADER_H, TIME_W, self.viewport().height() - HEADER_H)
        if not band.intersects(exposed):
            return
        p.save()
        p.setClipRect(band)
        p.fillRect(band, HEADER_FILL)
        p.setFont(self._small)
        p.setPen(MUTED)
        metrics = QFontMetrics(self._small)
        for index in range(self._last_hour - self._first_hour + 1):
            y = HEADER_H + index * HOUR_H - self._dy()
            if y < HEADER_H or y > self.viewport().height() + HOUR_H:
                continue  # the line is under the header: its label would be cut in half
            top = max(y - metrics.height() / 2, HEADER_H + 1.0)
            text = f"{self._first_hour + index:02d}:00"
            p.drawText(
                QRectF(0, top, TIME_W - 8, metrics.height()),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                text,
            )
        p.setPen(QPen(GRID, 1))
        p.drawLine(QPointF(TIME_W - 0.5, HEADER_H), QPointF(TIME_W - 0.5, band.bottom() + 1))
        p.restore()

    def _paint_corner(self, p: QPainter, exposed: QRect) -> None:
        corner = QRect(0, 0, TIME_W, HEADER_H)
        if not corner.intersects(exposed):
            return
        p.fillRect(corner, HEADER_FILL)
        p.setFont(self._tiny)
        p.setPen(MUTED)
        label = to_local(self.clock(), self._zone).tzname() or self._zone
        p.drawText(QRectF(corner), Qt.AlignmentFlag.AlignCenter, label)
        p.setPen(QPen(GRID, 1))
        p.drawLine(QPointF(0, HEADER_H - 0.5), QPointF(TIME_W, HEADER_H - 0.5))
        p.drawLine(QPointF(TIME_W - 0.5, 0), QPointF(TIME_W - 0.5, HEADER_H))


_STATE_LABELS = {
    SyncState.PENCILLED: "pencilled",
    SyncState.AWAITING_CONFIRMATION: "awaiting",
}
_STATE_WORDS = {
    SyncState.PENCILLED: "Pencilled: saved at this desk, not yet confirmed by the booking system",
    SyncState.CONFIRMED: "Confirmed by the booking system",
    SyncState.AWAITING_CONFIRMATION: "Held by the booking system, awaiting confirmation",
    SyncState.NEEDS_ATTENTION: "Needs attention: the booking system refused it",
}


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

"""Painting the time grid: background and opening hours, the hour lines, the blocks, the red
"now" line, a dragged block's ghost, the sticky header, time column and corner.

Only what meets the exposed rectangle is painted; colours come from the view's
:class:`~frontdesk.ui.palette.CalendarColors`, so light and dark schemes both work.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen, QPixmap

from frontdesk.app.desk import resource_key
from frontdesk.domain import dates
from frontdesk.domain.timeutil import to_local
from frontdesk.ui.blocks import Block, Elided, paint_block, paint_selection
from frontdesk.ui.desk_marks import chip_of, paint_desk_mark
from frontdesk.ui.grid_schedule import paint_schedule

if TYPE_CHECKING:
    from frontdesk.ui.time_grid import TimeGridView

TIME_W = 58
HEADER_H = 44  # two lines: a group (day or connection) over a title, or one title
HOUR_H = 60


class GridPainter:
    """Paints the view; the body (background, hour lines, blocks) goes through a back buffer
    the size of the viewport's body, so a repaint that changes nothing underneath (the "now"
    line, the selection, a tooltip, a drag) is one blit plus overlays, and a scroll shifts the
    buffer and paints only the strip that came into view."""

    def __init__(self, view: TimeGridView) -> None:
        self.view = view
        self.generation = 0
        self._buffer: QPixmap | None = None
        self._key: tuple[int, int, int, float] | None = None
        self._at = (0, 0)

    def invalidate(self) -> None:
        """What lies under the overlays changed (data, layout, colours): paint it anew."""
        self.generation += 1

    def repaint_blocks(self, rects: list[QRectF]) -> None:
        """Blocks at ``rects`` (content coordinates) changed but stayed where they were (a sync
        confirming them): paint only their areas anew, in the buffer and on screen, rather
        than the whole body (a busy week holds thousands of blocks)."""
        v = self.view
        vp = v.viewport()
        buffer = self._buffer
        body = QSize(vp.width() - TIME_W, vp.height() - v.header_h)
        dpr = vp.devicePixelRatioF()
        if buffer is None or self._key != (self.generation, body.width(), body.height(), dpr):
            vp.update()  # the next paint renders it all anyway
            return
        if self._at != (v._dx(), v._dy()):
            vp.update()  # scrolled since: the next paint shifts the buffer first
            return
        offset = QPointF(TIME_W + v._dx(), v.header_h + v._dy())
        whole = QRect(QPoint(0, 0), body)
        for rect in rects:
            area = rect.translated(-offset).toAlignedRect().adjusted(-2, -2, 2, 2) & whole
            if not area.isEmpty():
                self._render(buffer, area)
                vp.update(area.translated(TIME_W, v.header_h))

    def paint(self, p: QPainter, exposed: QRect) -> None:
        v = self.view
        c = v.colors
        head = v.header_h
        vp = v.viewport()
        body = QRect(TIME_W, head, vp.width() - TIME_W, vp.height() - head)
        body_exposed = body.intersected(exposed)
        if not body_exposed.isEmpty():
            buffer = self._ensure_buffer(body.size())
            source = body_exposed.translated(-TIME_W, -head)
            p.drawPixmap(QRectF(body_exposed), buffer, _device_rect(source, buffer))
            p.save()
            p.setClipRect(body_exposed)
            p.translate(-v._dx(), -v._dy())
            self._overlays(p)
            p.restore()
        else:
            p.fillRect(exposed, c.base)
        self._header(p, exposed)
        self._time_column(p, exposed)
        self._corner(p, exposed)

    def _ensure_buffer(self, size: QSize) -> QPixmap:
        v = self.view
        dpr = v.viewport().devicePixelRatioF()
        key = (self.generation, size.width(), size.height(), dpr)
        at = (v._dx(), v._dy())
        buffer = self._buffer
        if buffer is None or key != self._key:
            buffer = QPixmap(QSize(round(size.width() * dpr), round(size.height() * dpr)))
            buffer.setDevicePixelRatio(dpr)
            self._buffer, self._key, self._at = buffer, key, at
            self._render(buffer, QRect(QPoint(0, 0), size))
            return buffer
        if at != self._at:
            shift_x, shift_y = self._at[0] - at[0], self._at[1] - at[1]
            self._at = at
            if abs(shift_x) >= size.width() or abs(shift_y) >= size.height() or dpr != int(dpr):
                self._render(buffer, QRect(QPoint(0, 0), size))
                return buffer
            scale = int(dpr)
            buffer.scroll(shift_x * scale, shift_y * scale, buffer.rect())
            for strip in _exposed_strips(size, shift_x, shift_y):
                self._render(buffer, strip)
        return buffer

    def _render(self, buffer: QPixmap, area: QRect) -> None:
        """Paint ``area`` (buffer coordinates) of the body into the buffer."""
        v = self.view
        p = QPainter(buffer)
        try:
            p.setClipRect(area)
            p.fillRect(area, v.colors.base)
            offset = QPoint(TIME_W + v._dx(), v.header_h + v._dy())
            p.translate(-offset.x(), -offset.y())
            visible = QRectF(area.translated(offset))
            columns = v.column_range(visible)
            self._background(p, visible, columns)
            self._blocks(p, visible, columns)
        finally:
            p.end()

    def _overlays(self, p: QPainter) -> None:
        """Drawn over the buffer each time: the selection, the "now" line, a drag's ghost."""
        v = self.view
        block = v._by_id.get(v._selected or "")
        if block is not None:
            paint_selection(p, block.rect, v.colors)
        v.paint_pick(p)
        self._now(p)
        self._ghost(p)

    def _background(self, p: QPainter, visible: QRectF, columns: range) -> None:
        v = self.view
        c = v.colors
        top, bottom = v.header_h, v._content_h()
        today = v._today()
        for index in columns:
            column = v._columns[index]
            x, width = v._x[index], v._col_w(index)
            if column.day == today:
                p.fillRect(QRectF(x, top, width, bottom - top), c.today_fill)
            for start, end, is_open in v._spans[index]:
                y0, y1 = v._y_of(start), v._y_of(end)
                rect = QRectF(x + 1, y0, width - 1, y1 - y0)
                if not rect.intersects(visible):
                    continue
                if is_open:
                    p.fillRect(rect, c.open_fill)
                else:
                    p.fillRect(rect, QBrush(c.closed_fill))
                    p.fillRect(rect, QBrush(c.grid, Qt.BrushStyle.FDiagPattern))
        paint_schedule(p, v, visible, columns)  # out of hours, the clinic's blockouts
        if not columns:
            return

        first_h = max(0, int((visible.top() - top) // HOUR_H))
        last_h = min(v._last_hour - v._first_hour, int((visible.bottom() - top) // HOUR_H))
        x_left, x_right = v._x[columns.start], v._x[columns.stop]
        full = QPen(c.grid, 1)
        half = QPen(c.half_grid, 1, Qt.PenStyle.DashLine)
        for hour in range(first_h, last_h + 1):
            y = top + hour * HOUR_H
            p.setPen(full)
            p.drawLine(QPointF(x_left, y + 0.5), QPointF(x_right, y + 0.5))
            p.setPen(half)
            p.drawLine(
                QPointF(x_left, y + HOUR_H / 2 + 0.5), QPointF(x_right, y + HOUR_H / 2 + 0.5)
            )
        y0, y1 = visible.top(), min(visible.bottom(), bottom)
        for index in range(columns.start, columns.stop + 1):
            day_edge = index == 0 or (
                index < len(v._columns) and v._columns[index].day != v._columns[index - 1].day
            )
            p.setPen(QPen(c.muted if day_edge and v.day_groups else c.grid, 1))
            x = v._x[index] + 0.5
            p.drawLine(QPointF(x, y0), QPointF(x, y1))

    def _blocks(self, p: QPainter, visible: QRectF, columns: range) -> None:
        v = self.view
        services, colors, fonts = v._services, v.colors, v.fonts
        resource_colors = v._resource_colors
        dragged = v._drag.booking.id if v._drag is not None and v._drag.active else None
        elided: Elided = {}  # this paint's only
        more: dict[tuple[int, int], int] = {}  # (column, quarter hour): blocks not drawn
        quarter = HOUR_H / 4
        for block in v.visible_blocks(visible, columns):
            if block.hidden:
                key = (block.column, int(block.rect.top() // quarter))
                more[key] = more.get(key, 0) + 1
                continue
            if not block.rect.intersects(visible):
                continue
            booking = block.booking
            if booking.id == dragged:
                p.setOpacity(0.35)
            mark = v.desk_marks.get(booking.id)  # the patient's confirmation, minutes waited
            paint_block(
                p,
                block,
                services.get(booking.service_id),
                resource_colors.get(resource_key(booking)),
                colors,
                fonts,
                False,  # the selection is an overlay
                elided,
                chip_of(mark, booking.visit_status) if mark is not None else None,
            )
            if mark is not None:
                paint_desk_mark(p, block, mark, colors, fonts)
            if booking.id == dragged:
                p.setOpacity(1.0)
        if more:
            self._more(p, more, quarter)

    def _more(self, p: QPainter, more: dict[tuple[int, int], int], quarter: float) -> None:
        """A "+N" chip at the column's right edge for the appointments it has no room to
        draw, per quarter hour (the day view shows them all, a column per provider)."""
        v = self.view
        p.setFont(v.fonts.tiny)
        metrics = v.fonts.tiny_m
        p.setPen(Qt.PenStyle.NoPen)
        for (column, slot), count in sorted(more.items()):
            label = f"+{count}"
            width = metrics.horizontalAdvance(label) + 6
            right = v._x[column + 1] - 3
            chip = QRectF(right - width, slot * quarter + 1, width, metrics.height() + 1)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(v.colors.tag_fill)
            p.drawRoundedRect(chip, 3, 3)
            p.setPen(v.colors.text)
            p.drawText(chip, Qt.AlignmentFlag.AlignCenter, label)

    def _now(self, p: QPainter) -> None:
        v = self.view
        now = to_local(v.clock(), v._zone)
        y = v._y_of(now.replace(tzinfo=None))
        if not v.header_h <= y <= v._content_h():
            return
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for index, column in enumerate(v._columns):
            if column.day != now.date():
                continue
            x0, x1 = v._x[index], v._x[index + 1]
            p.setPen(QPen(v.colors.now, 2))
            p.drawLine(QPointF(x0, y), QPointF(x1, y))
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(v.colors.now)
            p.drawEllipse(QPointF(x0 + 1, y), 4, 4)
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)

    def _ghost(self, p: QPainter) -> None:
        v = self.view
        drag = v.drag_state()
        if drag is None or drag.target is None:
            return
        start_utc, index = drag.target
        booking = drag.booking
        start = to_local(start_utc, v._zone)
        end = start + (booking.end - booking.start)
        x = v._x[index] + 3
        top = v._y_of(start.replace(tzinfo=None))
        bottom = v._y_of(end.replace(tzinfo=None)) if end.date() == start.date() else v._content_h()
        rect = QRectF(x, top + 1, v._col_w(index) - 7, max(bottom - top, 18.0) - 2)
        refused = bool(drag.reason)
        block = Block(booking, rect, index, start, end)
        paint_block(
            p,
            block,
            v._services.get(booking.service_id),
            v._resource_colors.get(resource_key(booking)),
            v.colors,
            v.fonts,
            True,
        )
        color = v.colors.attention if refused else QColor("#1e8e3e")
        p.setPen(QPen(color, 2.5))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect.adjusted(-2, -2, 2, 2))
        if refused:
            p.setFont(v.fonts.small)
            metrics = v.fonts.small_m
            room = max(200, int(v.viewport().width() - TIME_W - (rect.left() - v._dx()) - 16))
            text = metrics.elidedText(drag.reason, Qt.TextElideMode.ElideRight, room)
            box = QRectF(rect.left(), rect.bottom() + 4, metrics.horizontalAdvance(text) + 10, 20)
            p.fillRect(box, v.colors.attention)
            p.setPen(QColor("white"))
            p.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _header(self, p: QPainter, exposed: QRect) -> None:

        v = self.view
        c = v.colors
        head = v.header_h
        band = QRect(TIME_W, 0, v.viewport().width() - TIME_W, head)
        if not band.intersects(exposed):
            return
        p.save()
        p.setClipRect(band)
        p.fillRect(band, c.header)
        today = v._today()
        visible = QRectF(band).translated(v._dx(), 0)
        columns = v.column_range(visible)
        grouped = any(col.group for col in v._columns)
        bold = QFont(v.font())
        bold.setBold(True)
        for index in columns:
            column = v._columns[index]
            x = v._x[index] - v._dx()
            width = v._col_w(index)
            is_today = column.day == today
            cell = QRectF(x, head / 2 if grouped else 0, width, head / 2 if grouped else head)
            if column.color:
                p.fillRect(QRectF(x + 1, head - 4, width - 1, 3), QColor(column.color))
            p.setFont(bold if is_today and not grouped else v.font())
            p.setPen(c.accent if is_today and not grouped else c.text)
            text = v.fontMetrics().elidedText(
                column.title, Qt.TextElideMode.ElideRight, int(width - 6)
            )
            p.drawText(cell, Qt.AlignmentFlag.AlignCenter, text)
            if is_today and not grouped:
                p.fillRect(QRectF(x + 6, head - 3, width - 12, 3), c.accent)
            p.setPen(QPen(c.grid, 1))
            p.drawLine(QPointF(x + 0.5, head / 2 if grouped else 8), QPointF(x + 0.5, head))
        if grouped:
            self._group_row(p, columns, today, bold)
        p.setPen(QPen(c.grid, 1))
        p.drawLine(QPointF(TIME_W, head - 0.5), QPointF(band.right() + 1, head - 0.5))
        p.restore()

    def _group_row(self, p: QPainter, columns: range, today: date, bold: QFont) -> None:
        """The upper header line: one label over each run of columns with the same group."""

        v = self.view
        c = v.colors
        head = v.header_h
        if not columns:
            return
        start = columns.start
        while start > 0 and v._columns[start - 1].group == v._columns[start].group:
            start -= 1
        index = start
        while index < columns.stop:
            group = v._columns[index].group
            end = index
            while end + 1 < len(v._columns) and v._columns[end + 1].group == group:
                end += 1
            x0 = v._x[index] - v._dx()
            x1 = v._x[end + 1] - v._dx()
            is_today = v._columns[index].day == today and v.day_groups
            # keep the label on screen while its run scrolls past
            left = max(x0, float(TIME_W))
            right = min(x1, float(v.viewport().width()))
            p.setFont(bold)
            p.setPen(c.accent if is_today else c.text)
            # measured in the bold font it is drawn in, so it never runs into its neighbour
            text = QFontMetrics(bold).elidedText(
                group, Qt.TextElideMode.ElideRight, max(0, int(right - left - 8))
            )
            p.drawText(QRectF(left, 0, right - left, head / 2), Qt.AlignmentFlag.AlignCenter, text)
            p.setPen(QPen(c.grid, 1))
            p.drawLine(QPointF(x0 + 0.5, 4), QPointF(x0 + 0.5, head))
            p.drawLine(QPointF(x0, head / 2 + 0.5), QPointF(x1, head / 2 + 0.5))
            if is_today:
                p.fillRect(QRectF(left + 6, head / 2 - 3, right - left - 12, 2), c.accent)
            index = end + 1

    def _time_column(self, p: QPainter, exposed: QRect) -> None:

        v = self.view
        c = v.colors
        head = v.header_h
        band = QRect(0, head, TIME_W, v.viewport().height() - head)
        if not band.intersects(exposed):
            return
        p.save()
        p.setClipRect(band)
        p.fillRect(band, c.header)
        p.setFont(v.fonts.small)
        p.setPen(c.muted)
        height = v.fonts.small_m.height()
        for index in range(v._last_hour - v._first_hour + 1):
            y = head + index * HOUR_H - v._dy()
            if y < head or y > v.viewport().height() + HOUR_H:
                continue  # the line is under the header: its label would be cut in half
            top = max(y - height / 2, head + 1.0)
            p.drawText(
                QRectF(0, top, TIME_W - 8, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                dates.hour(v._first_hour + index),
            )
        now = to_local(v.clock(), v._zone)
        if any(col.day == now.date() for col in v._columns):
            now_y = v._y_of(now.replace(tzinfo=None)) - v._dy()
            if now_y >= head:
                p.setPen(QPen(c.now, 2))
                p.drawLine(QPointF(TIME_W - 8, now_y), QPointF(TIME_W, now_y))
        p.setPen(QPen(c.grid, 1))
        p.drawLine(QPointF(TIME_W - 0.5, head), QPointF(TIME_W - 0.5, band.bottom() + 1))
        p.restore()

    def _corner(self, p: QPainter, exposed: QRect) -> None:

        v = self.view
        c = v.colors
        head = v.header_h
        corner = QRect(0, 0, TIME_W, head)
        if not corner.intersects(exposed):
            return
        p.fillRect(corner, c.header)
        p.setFont(v.fonts.tiny)
        p.setPen(c.muted)
        label = to_local(v.clock(), v._zone).tzname() or v._zone
        p.drawText(QRectF(corner), Qt.AlignmentFlag.AlignCenter, label)
        p.setPen(QPen(c.grid, 1))
        p.drawLine(QPointF(0, head - 0.5), QPointF(TIME_W, head - 0.5))
        p.drawLine(QPointF(TIME_W - 0.5, 0), QPointF(TIME_W - 0.5, head))


def day_title(day: date) -> str:
    return dates.short_day(day)


def _device_rect(rect: QRect, pixmap: QPixmap) -> QRectF:
    """``rect`` (logical) in ``pixmap``'s device pixels."""
    dpr = pixmap.devicePixelRatioF()
    return QRectF(rect.x() * dpr, rect.y() * dpr, rect.width() * dpr, rect.height() * dpr)


def _exposed_strips(size: QSize, shift_x: int, shift_y: int) -> list[QRect]:
    """The parts of a ``size`` buffer left empty after its content moved by the shift."""
    strips = []
    if shift_x > 0:
        strips.append(QRect(0, 0, shift_x, size.height()))
    elif shift_x < 0:
        strips.append(QRect(size.width() + shift_x, 0, -shift_x, size.height()))
    if shift_y > 0:
        strips.append(QRect(0, 0, size.width(), shift_y))
    elif shift_y < 0:
        strips.append(QRect(0, size.height() + shift_y, size.width(), -shift_y))
    return strips

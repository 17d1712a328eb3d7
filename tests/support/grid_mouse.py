"""A mouse on the desk's time grid for the tests that pick a range or drag on it: the point
of a column at a wall time on the clinic's clock, and a mouse event sent with the left button
held (QTest's moves carry no button)."""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication

from frontdesk.domain.timeutil import local_to_utc, to_local
from frontdesk.ui.time_grid import TimeGridView


def grid_point(grid: TimeGridView, column: int, day: date, wall: time) -> QPointF:
    """Where ``column`` shows ``wall`` on ``day`` (just below the line, in the viewport)."""
    zone = grid.zone
    local = to_local(local_to_utc(day, wall, zone).instant, zone).replace(tzinfo=None)
    y = grid._y_of(local) - grid._dy() + 2
    return QPointF(grid.column_rect(column).center().x(), y)


def send_mouse(
    grid: TimeGridView,
    kind: QEvent.Type,
    pos: QPointF,
    buttons: Qt.MouseButton = Qt.MouseButton.LeftButton,
) -> None:
    """A mouse event of ``kind`` at ``pos`` with ``buttons`` held."""
    viewport = grid.viewport()
    event = QMouseEvent(
        kind,
        pos,
        viewport.mapToGlobal(pos),
        Qt.MouseButton.LeftButton,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(viewport, event)

"""Dragging a block on the time grid to a new time or column.

Owns the drag in progress (:class:`DragState`: what was grabbed and where, the slot it would
land on and why that slot is refused, if it is), the checks asked of the desk while dragging
(``move_check``, each answer kept until the grid is laid out again), and the outcome of a drop:
``moveRequested`` to move, ``moveRefused`` with the reason in plain words, nothing when dropped
where it was. A booking cannot move to another connection's column. The ghost is painted by
:mod:`frontdesk.ui.grid_paint`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QWidget

from frontdesk.app.desk import ResourceKey, resource_key
from frontdesk.domain.booking import BookingGlimpse, VisitStatus
from frontdesk.domain.translation import translate
from frontdesk.ui.grid_paint import HOUR_H
from frontdesk.ui.grid_space import MIN_COL_W, GridSpace

if TYPE_CHECKING:
    from frontdesk.ui.grid_paint import GridPainter

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


class DraggableGrid(GridSpace):
    """A grid whose blocks can be dragged; the view starts a drag on a press on a block."""

    moveRequested = Signal(str, object, object)  # booking id, new UTC start, ResourceKey|None
    moveRefused = Signal(str, str)  # booking id, the reason in plain words

    painter_: GridPainter  # made by the view: a drag repaints what lies under the ghost

    def __init__(self, parent: QWidget | None = None, min_col_w: int = MIN_COL_W) -> None:
        super().__init__(parent, min_col_w)
        self.move_check: MoveCheck | None = None
        self._drag: DragState | None = None
        self._checked: dict[tuple[str, datetime, ResourceKey | None], str] = {}

    def drag_state(self) -> DragState | None:
        """The drag under way, once the pointer has moved far enough to make it one."""
        return self._drag if self._drag is not None and self._drag.active else None

    def _press_on(self, booking: BookingGlimpse, pos: QPointF) -> None:
        """A press on ``booking``'s block at viewport ``pos``: a drag may follow, if the
        visit is still only booked (one that arrived, was done or missed stays put)."""
        if booking.visit_status is not VisitStatus.BOOKED:
            return
        assert self._geometry is not None  # the booking was found on it
        grabbed = pos.y() + self._dy() - self._geometry[booking.id].rect.top()
        self._drag = DragState(booking, pos, grabbed / HOUR_H * 60)

    def _cancel_drag(self) -> bool:
        """Escape: drop nothing; False if there was no drag to cancel."""
        if self._drag is None:
            return False
        self._drag = None
        self.unsetCursor()
        self.painter_.invalidate()
        self.viewport().update()
        return True

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
        resource = self._target(booking, column)
        if resource is not None and resource[0] != booking.connection_id:
            return translate(
                "TimeGrid",
                "An appointment cannot move to another booking system; "
                "book it there and cancel this one.",
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
        resource = self._target(drag.booking, column)
        if start == drag.booking.start and resource in (None, resource_key(drag.booking)):
            return  # dropped where it was
        if drag.reason:
            self.moveRefused.emit(drag.booking.id, drag.reason)
            return
        self.moveRequested.emit(drag.booking.id, start, resource)

    def _target(self, booking: BookingGlimpse, column: int) -> ResourceKey | None:
        """The resource a drop in ``column`` moves ``booking`` to: None for a column of a
        whole day; in a clinic's column its own if the column shows it, else the column's
        resource of its booking system (else the column's first: refused as another one)."""
        return self._columns[column].move_target(booking)

"""Dropping a pin on the calendar: a grid's viewport accepts a pin dragged from the pinboard
dock (saying in the status bar, as it moves, whether it may go there), judges and places it
where it is dropped (``PinboardWidget.drop``); a click on a free time picks the slot for Place
here."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent

from frontdesk.domain import dates
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import translate
from frontdesk.ui.grid_drag import DRAG_SNAP_MINUTES
from frontdesk.ui.grid_layout import GridColumn
from frontdesk.ui.pinboard_dock import MIME, PinboardWidget

if TYPE_CHECKING:
    from frontdesk.ui.time_grid import TimeGridView


class GridDrops(QObject):
    """Watches a grid's viewport: a pin dragged from the dock is judged and placed where it is
    dropped; a click on a free time picks the slot for Place here."""

    def __init__(self, grid: TimeGridView, board: PinboardWidget) -> None:
        super().__init__(grid)
        self.grid = grid
        self.board = board
        grid.setAcceptDrops(True)
        grid.viewport().setAcceptDrops(True)
        grid.viewport().installEventFilter(self)
        self._judged: dict[tuple[str, datetime, GridColumn], str] = {}

    def _tell_while_dragging(self, event: QDragMoveEvent) -> None:
        """Say in the status bar, as the pin moves over the grid, whether it may go there
        (each place judged once per drag)."""
        found = self.target(event.position())
        if found is None:
            return
        booking_id = bytes(event.mimeData().data(MIME).data()).decode()
        key = (booking_id, *found)
        if key not in self._judged:
            if len(self._judged) > 500:
                self._judged.clear()
            self._judged[key] = self.board.reasons(booking_id, *found)
        why = self._judged[key]
        local = to_local(found[0], self.grid.zone)
        words = (
            translate("PinboardDrops", "Not here: {why}").format(why=why)
            if why
            else translate("PinboardDrops", "Drop to move it to {when}.").format(
                when=dates.moment(local)
            )
        )
        self.board.window_.statusBar().showMessage(words, 3000)

    def target(self, pos: Any) -> tuple[datetime, GridColumn] | None:
        """The time and the column at ``pos`` (the board says which resource of the column a
        pin goes to: a clinic's column shows several)."""
        column = self.grid.column_at(pos)
        start = self.grid.slot_at(pos, DRAG_SNAP_MINUTES)
        if column is None or start is None:
            return None
        return start, self.grid.columns[column]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, (QDragEnterEvent, QDragMoveEvent))
            if not event.mimeData().hasFormat(MIME):
                return False
            event.acceptProposedAction()
            self._tell_while_dragging(event)
            return True
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            if not event.mimeData().hasFormat(MIME):
                return False
            booking_id = bytes(event.mimeData().data(MIME).data()).decode()
            found = self.target(event.position())
            event.acceptProposedAction()
            self._judged.clear()  # the next drag judges afresh
            if found is not None:
                self.board.drop(booking_id, *found)
            return True
        if kind == QEvent.Type.MouseButtonPress:
            assert isinstance(event, QMouseEvent)
            pos = event.position()
            if event.button() == Qt.MouseButton.LeftButton and self.grid.block_at(pos) is None:
                found = self.target(pos)
                if found is not None:
                    self.board.pick_slot(*found, found[1].title)
        return False

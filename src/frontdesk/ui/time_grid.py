"""The time grid behind the day and week views: columns of a day (and, optionally, one
resource) side by side under a sticky header, a sticky time column on the left, painted in one
pass (no widget per appointment).

Owns what the grid shows and how one works it: the data (bookings, services, windows, the
resources' colours and names) and their placement (lanes from :mod:`frontdesk.domain.layout`
through :mod:`frontdesk.ui.grid_layout`; a column with many overlapping appointments grows
instead of showing slivers, and the grid then scrolls sideways), the selection, the keyboard,
tooltips, double clicks, and Qt's paint, resize and palette events. Its coordinates are
:class:`~frontdesk.ui.grid_space.GridSpace`'s, dragging a block is
:class:`~frontdesk.ui.grid_drag.DraggableGrid`'s, painting is
:class:`~frontdesk.ui.grid_paint.GridPainter`'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, time

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QToolTip, QWidget

from frontdesk.app.arrivals import DeskMark
from frontdesk.app.desk import ResourceKey, resource_key
from frontdesk.domain.blockouts import Blockout, Occurrence
from frontdesk.domain.booking import BookingGlimpse
from frontdesk.domain.catalog import Service, Window
from frontdesk.domain.translation import translate
from frontdesk.ui.blocks import Block, BlockFonts, tooltip_html
from frontdesk.ui.desk_marks import mark_words
from frontdesk.ui.grid_layout import Arrangement, Geometry, GridColumn, arrange, place
from frontdesk.ui.grid_paint import HOUR_H, TIME_W, GridPainter
from frontdesk.ui.grid_pick import PickableGrid
from frontdesk.ui.grid_schedule import Schedule, band_at, band_tooltip, schedule_of
from frontdesk.ui.grid_space import MIN_COL_W
from frontdesk.ui.palette import CalendarColors


class TimeGridView(PickableGrid):
    """Columns of appointments over a time axis; double-click a block or an empty slot."""

    bookingActivated = Signal(str)  # booking id
    slotActivated = Signal(object, object)  # aware UTC start, ResourceKey | None
    selectionChanged = Signal(str)  # booking id, "" when nothing is selected
    dayStep = Signal(int)  # Left / Right: move the current day

    def __init__(self, parent: QWidget | None = None, min_col_w: int = MIN_COL_W) -> None:
        super().__init__(parent, min_col_w)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setAutoFillBackground(False)
        self.day_groups = False  # header groups are days (a week split per resource)
        self._bookings: list[BookingGlimpse] = []
        self._positions: dict[str, int] | None = None  # where each is in _bookings
        self._services: dict[str, Service] = {}
        self._resource_colors: dict[ResourceKey, str | None] = {}
        self._resource_names: dict[ResourceKey, str] = {}
        self._windows: dict[ResourceKey, list[Window]] = {}
        self._spans: list[list[tuple[time, time, bool]]] = []
        self._no_hours: dict[ResourceKey, str] = {}  # shown resources whose API has no hours
        self._occurrences: list[Occurrence] = []  # the clinic's blockouts in the span
        # the keys of the view's columns and their resources (whose blockouts a column of
        # every resource draws); None: every blockout
        self._shown_keys: frozenset[ResourceKey] | None = None
        self.schedule: Schedule | None = None
        self._selected: str | None = None
        self._arrangement: Arrangement | None = None
        self.desk_marks: Mapping[str, DeskMark] = {}  # ui.desk_marks: set_desk_marks
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
    def set_zone(self, zone_name: str, relayout: bool = True) -> None:
        self._zone = zone_name or "UTC"
        self._arrangement = None
        if relayout:
            self._relayout()

    def set_columns(self, columns: Iterable[GridColumn], relayout: bool = True) -> None:
        self._columns = list(columns)
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
        no_hours: dict[ResourceKey, str] | None = None,
        blockouts: list[Occurrence] | None = None,
        shown: frozenset[ResourceKey] | None = None,
    ) -> None:
        """Replace what is shown; the scroll position and the selection stay where they were.
        ``arrangement`` and ``geometry``: prepared ahead for exactly these bookings and
        columns (the geometry is used only if the width has not changed since). ``shown``: the
        keys of the view's columns and their resources (a week's column of every resource
        draws only their blockouts)."""
        self._bookings = list(bookings)
        self._positions = None
        self._arrangement = arrangement
        self._services = dict(services)
        if windows is not None:
            self._windows = dict(windows)
        if resource_colors is not None:
            self._resource_colors = dict(resource_colors)
        if resource_names is not None:
            self._resource_names = dict(resource_names)
        if no_hours is not None:
            self._no_hours = dict(no_hours)
        if blockouts is not None:
            self._occurrences = list(blockouts)
        if shown is not None:
            self._shown_keys = shown
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
        if block is not None:
            self.scroll_to_rect(block.rect)

    # -- placing ------------------------------------------------------------------------
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
        if self._positions is None:
            self._positions = {b.id: k for k, b in enumerate(self._bookings)}
        for booking_id, booking in fresh.items():
            if booking_id in self._positions:
                self._bookings[self._positions[booking_id]] = booking
        if self._arrangement is not None:  # only the columns of the changed bookings
            column_of = self._arrangement.column_of
            for column in {column_of[i] for i in fresh if i in column_of}:
                items = self._arrangement.per_column[column]
                items[:] = [(s, e, n, fresh.get(b.id, b), ls, le) for s, e, n, b, ls, le in items]
        # only the changed blocks are painted again (a drain confirms a few at a time)
        self.painter_.repaint_blocks([block.rect for block, _ in pairs if not block.hidden])
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
        self._spans = self._all_spans()
        self.schedule = schedule_of(
            self._columns,
            self._windows,
            self._no_hours,
            self._occurrences,
            self._zone,
            self._shown_keys,
        )
        self.painter_.invalidate()
        self._update_scrollbars()
        self.viewport().update()

    def _all_spans(self) -> list[list[tuple[time, time, bool]]]:
        """Each column's open (and closed) windows; the windows sorted out by day and
        resource once, not once per column (a week's are hundreds)."""
        by_day: dict[tuple[date, ResourceKey], list[Window]] = {}
        for key, windows in self._windows.items():
            for window in windows:
                by_day.setdefault((window.day, key), []).append(window)
        keys = list(self._windows)
        return [self._column_spans(c, by_day, keys) for c in self._columns]

    @staticmethod
    def _column_spans(
        column: GridColumn,
        by_day: dict[tuple[date, ResourceKey], list[Window]],
        keys: list[ResourceKey],
    ) -> list[tuple[time, time, bool]]:
        """Open (and closed) windows of a column, merged where several resources share one."""
        shown = column.members if column.resource is not None else keys
        spans = sorted(
            (w.start, w.end, w.open) for key in shown for w in by_day.get((column.day, key), ())
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
            if booking is not None:
                self._press_on(booking, event.position())
        super().mousePressEvent(event)

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
            self.slotActivated.emit(slot, self._columns[column].bookable)
        return None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape and self._cancel_drag():
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
                self._schedule_tooltip(event)
            else:
                service = self._services.get(booking.service_id)
                name = self._resource_names.get(resource_key(booking))
                mark = self.desk_marks.get(booking.id)
                said = mark_words(mark, booking.visit_status) if mark is not None else None
                QToolTip.showText(
                    event.globalPos(),  # type: ignore[attr-defined]
                    tooltip_html(booking, self._zone, service, name, said),
                    self.viewport(),
                )
            return True
        return super().viewportEvent(event)

    # -- the schedule layer (hours, blockouts) ----------------------------------------------
    def blockout_at(self, pos: QPointF | QPoint) -> Blockout | None:
        """The blockout drawn at viewport ``pos``, if any."""
        point = QPointF(pos)
        if point.y() < self.header_h or point.x() < TIME_W:
            return None
        band = band_at(self, point.x() + self._dx(), point.y() + self._dy())
        return None if band is None else band.occurrence.blockout

    def hours_note(self, column: int) -> str | None:
        """Why column ``column`` shows no working hours (its API documents none)."""
        return None if self.schedule is None else self.schedule.notes.get(column)

    def hours_words(self, column: int) -> str | None:
        """What column ``column``'s heading says of its working hours: none shown (no member's
        API documents them), or shown only for the members whose API does (a clinic column)."""
        note = self.hours_note(column)
        if note:
            return translate("TimeGrid", "No working hours shown: {why}.").format(why=note)
        partial = None if self.schedule is None else self.schedule.partial.get(column)
        if partial:
            said = translate(
                "TimeGrid",
                "Working hours shown from the booking systems that document them ({why}).",
            )
            return said.format(why=partial)
        return None

    def _schedule_tooltip(self, event: QEvent) -> None:
        pos = QPointF(event.pos())  # type: ignore[attr-defined]
        where = event.globalPos()  # type: ignore[attr-defined]
        column = self.column_at(pos)
        words = self.hours_words(column) if column is not None else None
        if pos.y() < self.header_h and words:
            QToolTip.showText(where, words, self)
            return
        band = None
        if pos.y() >= self.header_h and pos.x() >= TIME_W:
            band = band_at(self, pos.x() + self._dx(), pos.y() + self._dy())
        if band is None:
            QToolTip.hideText()
            return
        names = self._resource_names
        QToolTip.showText(where, band_tooltip(band, self._zone, names), self.viewport())

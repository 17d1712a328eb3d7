"""The calendar pane: the four views (day F1, week F2, month F3, agenda F4) over one current day,
the clinic's column view and the resource filter applied to all of them, and one selection
shared between them.

Owns what is shown (the mode, the current day, the column view, the filter) and reading it from
the cache (:mod:`frontdesk.app.desk`, the columns of :mod:`frontdesk.app.columns`: a filter or a
view hides columns, and so the booking systems' resources shown in them). A refresh re-reads the
shown span and hands it to the view, which keeps its scroll position and selection; nothing here
touches the network.
"""

from __future__ import annotations

import enum
import logging
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from frontdesk.app import columns as clinic_columns
from frontdesk.app.desk import (
    CalendarData,
    ResourceInfo,
    ResourceKey,
    clinic_zone,
    monday_of,
    month_summary,
    resource_key,
    resources,
    today_in,
)
from frontdesk.domain import dates
from frontdesk.domain.booking import Booking, glimpse_of
from frontdesk.domain.columns import EVERYTHING, ColumnSetup
from frontdesk.domain.timeutil import local_day_bounds, to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP
from frontdesk.ui.agenda_view import AgendaView
from frontdesk.ui.gc_policy import hold_until_idle
from frontdesk.ui.month_view import MonthView
from frontdesk.ui.span_cache import Plan, SpanCache
from frontdesk.ui.time_grid import TimeGridView
from frontdesk.ui.week_view import (
    DAY_COL_W,
    DayView,
    WeekView,
    day_columns,
    week_col_w,
    week_columns,
)

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

AGENDA_DAYS = 7
log = logging.getLogger("frontdesk.ui")


class Mode(enum.IntEnum):
    DAY = 0
    WEEK = 1
    MONTH = 2
    AGENDA = 3


# English names; shown through translate("Views", name)
MODE_NAMES = {
    Mode.DAY: QT_TRANSLATE_NOOP("Views", "Day"),
    Mode.WEEK: QT_TRANSLATE_NOOP("Views", "Week"),
    Mode.MONTH: QT_TRANSLATE_NOOP("Views", "Month"),
    Mode.AGENDA: QT_TRANSLATE_NOOP("Views", "Agenda"),
}


def week_label(monday: date) -> str:
    """``17 – 23 November 2025``; months and years only where they differ (in the desk's
    language, :mod:`frontdesk.domain.dates`)."""
    sunday = monday + timedelta(days=6)
    if monday.year != sunday.year:
        return f"{dates.day_month(monday, year=True)} – {dates.day_month(sunday, year=True)}"
    if monday.month != sunday.month:
        return f"{dates.day_month(monday)} – {dates.day_month(sunday, year=True)}"
    return f"{monday.day} – {dates.day_month(sunday, year=True, long=True)}"


class CalendarPane(QWidget):
    selectionChanged = Signal(str)  # booking id, "" for none
    bookingActivated = Signal(str)
    slotActivated = Signal(object, object)  # UTC start, ResourceKey | None
    shownChanged = Signal()  # mode, day or title changed

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.zone = clinic_zone(context)
        self.mode = Mode.WEEK
        self.day = today_in(self.zone)
        # the booking systems' resources not shown (by the view, hidden columns, the filter)
        self.hidden: frozenset[ResourceKey] = frozenset()
        self.hidden_columns: frozenset[ResourceKey] = frozenset()  # the side panel's filter
        self.view_id = EVERYTHING  # the clinic's column view shown (app.columns)
        self.setup: ColumnSetup | None = None  # read when first needed, again on a change
        self.api_resources: list[ResourceInfo] = []
        self.per_resource = False
        self.selected: str | None = None
        self._refreshing = False
        self.prefetch = True  # prepare the neighbouring spans ahead, on a pool thread
        self.spans = SpanCache(context, self)
        self.spans.arrived.connect(self._arrived)
        self._awaited: tuple[object, ...] | None = None
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(0)
        self._ahead.timeout.connect(self._read_ahead)
        self.all_resources: list[ResourceInfo] = []
        self.data: CalendarData | None = None
        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.day_view = DayView(self)
        self.week_view = WeekView(self)
        self.month_view = MonthView(self)
        self.agenda_view = AgendaView(self)
        for view in (self.day_view, self.week_view, self.month_view, self.agenda_view):
            self.stack.addWidget(view)
        for grid in (self.day_view, self.week_view):
            grid.selectionChanged.connect(self._select)
            grid.bookingActivated.connect(self.bookingActivated)
            grid.slotActivated.connect(self.slotActivated)
            grid.dayStep.connect(self.step_day)
        self.agenda_view.selectionChanged_.connect(self._select)
        self.agenda_view.bookingActivated.connect(self.bookingActivated)
        self.month_view.dayPicked.connect(self._month_pick)
        self.month_view.dayActivated.connect(lambda d: self.show_day(d, Mode.DAY))
        self.stack.setCurrentIndex(self.mode)

    # -- what is shown -------------------------------------------------------------------
    def current_view(self) -> QWidget | None:
        return self.stack.currentWidget()

    def grid(self) -> TimeGridView | None:
        view = self.current_view()
        return view if isinstance(view, TimeGridView) else None

    def title(self) -> str:
        """What is shown, in words: the span, and the clinic's column view unless it is
        "Everything"."""
        view = self.column_setup().view(self.view_id)
        return self.span_title() + (f" · {view.name}" if view.id != EVERYTHING else "")

    def show_frame(self) -> None:
        """Before the store is open (the demo's first paint): the span's days and hours on the
        clinic's clock, without a booking or a booking system's column; ``refresh`` fills it."""
        self.stack.setCurrentIndex(self.mode)
        for grid in (self.day_view, self.week_view):
            grid.set_zone(self.zone, relayout=False)
        self.day_view.set_day(self.day, [], relayout=False)
        self.week_view.set_week(monday_of(self.day), None, relayout=False)
        shown = self.grid()
        if shown is not None:  # laid out once, in the zone and span just set
            shown.set_columns(shown.columns, relayout=True)
        for grid in (self.day_view, self.week_view):
            grid.scroll_to_hour(8)

    def span_title(self) -> str:
        """The span shown, in words (``title`` without the column view, which the store
        names)."""
        if self.mode is Mode.DAY:
            return dates.long_day(self.day)
        if self.mode is Mode.WEEK:
            return week_label(monday_of(self.day))
        if self.mode is Mode.MONTH:
            return dates.month_year(self.day)
        last = self.day + timedelta(days=AGENDA_DAYS - 1)
        return f"{dates.day_month(self.day)} – {dates.day_month(last, year=True)}"

    def set_mode(self, mode: Mode) -> None:
        if mode == self.mode:
            return
        self.mode = mode
        self.stack.setCurrentIndex(mode)
        self.show_span()
        self.shownChanged.emit()

    def show_day(self, day: date, mode: Mode | None = None) -> None:
        self.day = day
        if mode is not None and mode != self.mode:
            self.mode = mode
            self.stack.setCurrentIndex(mode)
        self.show_span()
        self.shownChanged.emit()

    def today(self) -> None:
        self.show_day(today_in(self.zone))

    def step(self, direction: int) -> None:
        """Previous / next day, week, month or agenda page."""
        if self.mode is Mode.MONTH:
            month = self.day.month - 1 + direction
            year = self.day.year + month // 12
            self.show_day(date(year, month % 12 + 1, 1))
            return
        days = {Mode.DAY: 1, Mode.WEEK: 7, Mode.AGENDA: AGENDA_DAYS}[self.mode]
        self.show_day(self.day + timedelta(days=days * direction))

    def step_day(self, direction: int) -> None:
        """Left / Right in a grid: the current day moves; its first appointment is picked."""
        self.show_day(self.day + timedelta(days=direction))
        grid = self.grid()
        if grid is None:
            return
        first = next(
            (b for b in grid.bookings() if to_local(b.start, self.zone).date() == self.day), None
        )
        if first is not None:
            grid.select_booking(first.id, ensure_visible=True)

    def set_filter(self, hidden: frozenset[ResourceKey]) -> None:
        """Hide the columns ``hidden`` (the keys of :attr:`all_resources`)."""
        self.hidden_columns = hidden
        self._update_hidden()
        self.show_span()

    def columns_of_view(self, view_id: str) -> list[ResourceInfo]:
        """Make ``view_id`` the clinic's column view ("Everything": ``EVERYTHING``) and
        answer its columns; shown at the next :meth:`set_filter` or :meth:`show_span`."""
        self.view_id = view_id
        self._read_columns(read_setup=False)
        return self.all_resources

    def column_setup(self) -> ColumnSetup:
        if self.setup is None:
            self.setup = clinic_columns.setup(self.context)
        return self.setup

    def _read_columns(self, read_setup: bool = True) -> None:
        """The view's columns over the booking systems' resources (read again)."""
        if read_setup or not self.api_resources:
            self.api_resources = resources(self.context)
        self.all_resources = clinic_columns.desk_columns(
            self.column_setup(), self.api_resources, self.view_id
        )
        self._update_hidden()

    def _update_hidden(self) -> None:
        self.hidden = clinic_columns.hidden_resources(self.api_resources, self.shown_resources())

    def labels(self, data: CalendarData) -> clinic_columns.Labels:
        return clinic_columns.labels(data.resources, self.all_resources, self.column_setup())

    def set_per_resource(self, on: bool) -> None:
        self.per_resource = on
        self.show_span()

    def shown_resources(self) -> list[ResourceInfo]:
        return [r for r in self.all_resources if r.key not in self.hidden_columns]

    # -- data ----------------------------------------------------------------------------
    def refresh(self, background: bool = False) -> None:
        """Re-read what is shown from the cache (the data changed); keeps scroll positions and
        the selection. ``background``: keep showing what is shown while the span is read and
        laid out on the pool thread, then swap (a refresh after a pull never blocks)."""
        self.spans.clear()
        self.zone = clinic_zone(self.context)
        self.setup = None  # the clinic's columns are read again too
        self._read_columns()
        if background and self.mode is not Mode.MONTH:
            span = self._span()
            plan = self._plan(span)
            self._awaited = plan.key(span)
            self.spans.read_ahead(span, plan)
            return
        self.show_span()

    def _arrived(self) -> None:
        span = self._span()
        if self._awaited is not None and self._awaited == self._plan(span).key(span):
            self._awaited = None
            self.show_span()  # the span read in the background is here: show it
        else:
            self._schedule_ahead()

    def apply_changes(self, ids: list[str], fresh: dict[str, Booking] | None = None) -> None:
        """Bookings ``ids`` changed (a sync, a desk action): patch the spans held in memory; the
        shown one is patched in place when its bookings stayed where they were, else arranged
        again. Nothing is re-read from scratch. ``fresh``: the bookings as they now are, when
        the caller has them (else they are read)."""
        if fresh is None:
            fresh = {b.id: b for b in self.context.reads.bookings_by_ids(ids)}
        glimpses = {i: glimpse_of(b) for i, b in fresh.items()}
        current = self._span()
        self.spans.apply_changes(glimpses, ids, keep=current)
        if self.mode is Mode.MONTH:
            self._refresh_month()
            return
        if self.mode is Mode.AGENDA or not self.spans.has(current, self._plan(current)):
            self.show_span()
            return
        grid = self.grid()
        prepared = self.spans.prepared(current, self._plan(current))
        shown = prepared.positions()
        start, _ = local_day_bounds(current[0], self.zone)
        end, _ = local_day_bounds(current[0] + timedelta(days=current[1]), self.zone)
        visible = {
            i: b
            for i, b in glimpses.items()
            if resource_key(b) not in self.hidden and (i in shown or start <= b.start < end)
        }
        arriving = any(i not in shown for i in visible)
        if grid is not None and not arriving and grid.patch_bookings(visible):
            prepared.swap(visible)
            prepared.geometry = None  # its blocks now hold the new versions
            return
        self.spans.forget_prepared(current)
        self.show_span()

    def show_span(self) -> None:
        """Show the current mode and day, from spans prepared ahead where possible."""
        hold_until_idle()
        self._awaited = None
        self._refreshing = True
        try:
            self._show()
        finally:
            self._refreshing = False
        self._schedule_ahead()

    def _schedule_ahead(self) -> None:
        if self.prefetch and self.mode is not Mode.MONTH:
            self._ahead.start()

    def _span(self, day: date | None = None) -> tuple[date, int]:
        day = day or self.day
        return {
            Mode.DAY: (day, 1),
            Mode.WEEK: (monday_of(day), 7),
            Mode.AGENDA: (day, AGENDA_DAYS),
            Mode.MONTH: (day, 1),
        }[self.mode]

    def _plan(self, span: tuple[date, int]) -> Plan:
        """How the current mode prepares ``span``: its columns and the grid's measures."""
        if self.mode is Mode.AGENDA:
            return Plan(self.mode, self.hidden, self.per_resource, None)
        if self.mode is Mode.DAY:
            columns = day_columns(span[0], self.shown_resources())
            grid: TimeGridView = self.day_view
            min_col_w = DAY_COL_W
        else:
            shown = self.shown_resources() if self.per_resource else None
            columns = week_columns(span[0], shown)
            grid = self.week_view
            min_col_w = week_col_w(bool(shown))
        return Plan(
            self.mode,
            self.hidden,
            self.per_resource,
            tuple(columns),
            grid.viewport().width(),
            min_col_w,
            grid.header_h,
        )

    def _read_ahead(self) -> None:
        """Have the next span, then the previous one, prepared on the pool thread."""
        first, days = self._span()
        for neighbour in (
            (first + timedelta(days=days), days),
            (first - timedelta(days=days), days),
        ):
            if self.spans.read_ahead(neighbour, self._plan(neighbour)):
                return  # its arrival schedules the next one

    def stop_reading(self) -> None:
        """Wait for a read in flight (closing the desk)."""
        self.prefetch = False
        self.spans.stop()

    def _show(self) -> None:
        if not self.api_resources:
            self._read_columns()
        if self.mode is Mode.MONTH:
            self._refresh_month()
            return
        span = self._span()
        if self.mode is Mode.AGENDA:
            data = self.data = self.spans.data(span)
            names, _ = self.labels(data)
            bookings = [b for b in data.bookings if resource_key(b) not in self.hidden]
            self.agenda_view.set_bookings(bookings, data.zone, data.services, names)
            self.agenda_view.select_booking(self.selected)
            return
        prepared = self.spans.prepared(span, self._plan(span))
        data = self.data = prepared.data
        grid: TimeGridView
        if self.mode is Mode.DAY:
            self.day_view.set_day(self.day, self.shown_resources(), relayout=False)
            grid = self.day_view
        else:
            shown = self.shown_resources() if self.per_resource else None
            self.week_view.set_week(monday_of(self.day), shown, relayout=False)
            grid = self.week_view
        if grid.columns != prepared.columns:  # a resource came or went since: arrange again
            grid.set_columns(prepared.columns, relayout=False)
        if grid.zone != data.zone:
            grid.set_zone(data.zone, relayout=False)
        names, colors = self.labels(data)
        grid.set_data(
            prepared.bookings,
            data.services,
            {k: w for k, w in data.windows.items() if k not in self.hidden},
            colors,
            names,
            arrangement=prepared.arrangement,
            geometry=prepared.geometry,
            no_hours={
                r.key: data.no_hours[r.key[0]]
                for r in data.resources
                if r.key[0] in data.no_hours and r.key not in self.hidden
            },
            blockouts=data.blockouts,
            shown=frozenset(k for r in self.shown_resources() for k in (r.key, *r.keys)),
        )
        grid.select_booking(self.selected)

    def _refresh_month(self) -> None:
        view = self.month_view
        view.set_month(self.day, today_in(self.zone))
        view.set_summary(
            month_summary(self.context, view.first_shown, view.last_shown, self.hidden)
        )

    def _month_pick(self, day: date) -> None:
        if day.month != self.day.month:
            self.show_day(day)
        else:
            self.day = day
            self.shownChanged.emit()

    # -- selection -----------------------------------------------------------------------
    def _select(self, booking_id: str) -> None:
        if self._refreshing:
            return  # a view dropping a booking it no longer shows: the selection stays
        self.selected = booking_id or None
        self.selectionChanged.emit(booking_id)

    def select_booking(self, booking_id: str | None, ensure_visible: bool = False) -> None:
        self.selected = booking_id
        view = self.current_view()
        if isinstance(view, (TimeGridView, AgendaView)):
            view.select_booking(booking_id, ensure_visible)
        self.selectionChanged.emit(booking_id or "")

    def step_selection(self, step: int) -> None:
        view = self.current_view()
        if isinstance(view, (TimeGridView, AgendaView)):
            view.step_selection(step)

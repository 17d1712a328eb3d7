"""The calendar pane: the four views (day F1, week F2, month F3, agenda F4) over one current
day, the resource filter applied to all of them, and one selection shared between them.

Owns what is shown (the mode, the current day, the filter) and reading it from the cache
(:mod:`frontdesk.app.desk`). A refresh re-reads the shown span and hands it to the view, which
keeps its scroll position and selection; nothing here touches the network.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, replace
from datetime import date, timedelta

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from frontdesk.app.context import AppContext
from frontdesk.app.desk import (
    CalendarData,
    ResourceInfo,
    ResourceKey,
    calendar_data,
    clinic_zone,
    monday_of,
    month_summary,
    resource_key,
    resources,
    today_in,
)
from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import local_day_bounds, to_local
from frontdesk.ui.agenda_view import AgendaView
from frontdesk.ui.month_view import MonthView
from frontdesk.ui.time_grid import Arrangement, Geometry, GridColumn, TimeGridView, arrange
from frontdesk.ui.week_view import DayView, WeekView, day_columns, week_columns

AGENDA_DAYS = 7
log = logging.getLogger("frontdesk.ui")


@dataclass(slots=True)
class Prepared:
    data: CalendarData
    bookings: list[Booking]  # the shown resources' only
    columns: list[GridColumn]
    arrangement: Arrangement
    geometry: Geometry | None = None  # pixels, made ahead while idle


class _Reader(QObject):
    """Carries a span read on a pool thread back to the GUI thread (a queued signal)."""

    done = Signal(object, object, int)  # span, CalendarData | None, generation


class _ReadJob(QRunnable):
    def __init__(
        self, context: AppContext, span: tuple[date, int], generation: int, reader: _Reader
    ) -> None:
        super().__init__()
        self.context, self.span, self.generation, self.reader = context, span, generation, reader

    def run(self) -> None:
        try:
            data: CalendarData | None = calendar_data(self.context, *self.span)
        except Exception:  # the desk closing under it, a locked file: the span is read later
            log.warning("reading ahead failed", exc_info=True)
            data = None
        self.reader.done.emit(self.span, data, self.generation)


class Mode(enum.IntEnum):
    DAY = 0
    WEEK = 1
    MONTH = 2
    AGENDA = 3


MODE_NAMES = {Mode.DAY: "Day", Mode.WEEK: "Week", Mode.MONTH: "Month", Mode.AGENDA: "Agenda"}


def week_label(monday: date) -> str:
    """``17 – 23 November 2025``; months and years only where they differ."""
    sunday = monday + timedelta(days=6)
    if monday.year != sunday.year:
        return f"{monday.day} {monday:%b %Y} – {sunday.day} {sunday:%b %Y}"
    if monday.month != sunday.month:
        return f"{monday.day} {monday:%b} – {sunday.day} {sunday:%b %Y}"
    return f"{monday.day} – {sunday.day} {sunday:%B %Y}"


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
        self.hidden: frozenset[ResourceKey] = frozenset()
        self.per_resource = False
        self.selected: str | None = None
        self._refreshing = False
        self.prefetch = True  # read the neighbouring spans ahead while idle
        self._cache: dict[tuple[date, int], CalendarData] = {}
        self._arranged: dict[tuple[object, ...], Prepared] = {}
        self._generation = 0  # bumped when the data changes: late reads are dropped
        self._reading: set[tuple[date, int]] = set()
        self._reader = _Reader(self)
        self._reader.done.connect(self._read_done)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
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
        if self.mode is Mode.DAY:
            return f"{self.day:%A} {self.day.day} {self.day:%B %Y}"
        if self.mode is Mode.WEEK:
            return week_label(monday_of(self.day))
        if self.mode is Mode.MONTH:
            return f"{self.day:%B %Y}"
        last = self.day + timedelta(days=AGENDA_DAYS - 1)
        return f"{self.day.day} {self.day:%b} – {last.day} {last:%b %Y}"

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
        self.hidden = hidden
        self.show_span()

    def set_per_resource(self, on: bool) -> None:
        self.per_resource = on
        self.show_span()

    def shown_resources(self) -> list[ResourceInfo]:
        return [r for r in self.all_resources if r.key not in self.hidden]

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read what is shown from the cache (the data changed); keeps scroll positions and
        the selection."""
        self._cache.clear()
        self._arranged.clear()
        self._generation += 1
        self.zone = clinic_zone(self.context)
        self.all_resources = resources(self.context)
        self.show_span()

    def apply_changes(self, ids: list[str]) -> None:
        """Bookings ``ids`` changed (a sync, a desk action): patch the spans held in memory and
        show the current one again only if it is touched. No full re-read."""
        fresh = {b.id: b for b in self.context.repo.bookings_by_ids(ids)}
        current = self._span()
        self._generation += 1  # a read in flight may predate the change: it is dropped
        for key in [k for k in self._arranged if k[0] not in self._cache]:
            del self._arranged[key]  # arranged from data no longer held: cannot be patched
        touched = False
        for span, data in list(self._cache.items()):
            start, _ = local_day_bounds(span[0], data.zone)
            end, _ = local_day_bounds(span[0] + timedelta(days=span[1]), data.zone)
            named = set(ids)
            had = [b for b in data.bookings if b.id in named]
            arriving = [b for b in fresh.values() if start <= b.start < end]
            if not had and not arriving:
                continue
            kept = [b for b in data.bookings if b.id not in named]
            bookings = sorted(kept + arriving, key=lambda b: (b.start, b.id))
            self._cache[span] = replace(data, bookings=bookings)
            for key in [k for k in self._arranged if k[0] == span]:
                del self._arranged[key]
            touched = touched or span == current
        if self.mode is Mode.MONTH:
            self._refresh_month()
        elif touched or current not in self._cache:
            self.show_span()

    def show_span(self) -> None:
        """Show the current mode and day, from spans read ahead where possible."""
        self._refreshing = True
        try:
            self._show()
        finally:
            self._refreshing = False
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

    def _data(self, span: tuple[date, int]) -> CalendarData:
        data = self._cache.get(span)
        if data is None:
            data = calendar_data(self.context, *span)
            self._remember(span, data)
        return data

    def _remember(self, span: tuple[date, int], data: CalendarData) -> None:
        self._cache[span] = data
        while len(self._cache) > 6:
            self._cache.pop(next(iter(self._cache)))

    def _prepared(self, span: tuple[date, int]) -> Prepared:
        """A span's data filtered and arranged for the current grid mode (memoised)."""
        key = (span, self.mode, self.hidden, self.per_resource)
        found = self._arranged.get(key)
        if found is not None:
            return found
        data = self._data(span)
        bookings = [b for b in data.bookings if resource_key(b) not in self.hidden]
        if self.mode is Mode.DAY:
            columns = day_columns(span[0], self.shown_resources())
        else:
            shown = self.shown_resources() if self.per_resource else None
            columns = week_columns(span[0], shown)
        found = Prepared(data, bookings, columns, arrange(bookings, columns, data.zone))
        self._arranged[key] = found
        while len(self._arranged) > 6:
            self._arranged.pop(next(iter(self._arranged)))
        return found

    def _read_ahead(self) -> None:
        """One step of preparing the next span, then the previous one, while idle: the query
        runs on a pool thread; arranging and placing run here, one step per idle turn."""
        first, days = self._span()
        for neighbour in (
            (first + timedelta(days=days), days),
            (first - timedelta(days=days), days),
        ):
            if neighbour not in self._cache:
                if neighbour not in self._reading:
                    self._reading.add(neighbour)
                    self._pool.start(
                        _ReadJob(self.context, neighbour, self._generation, self._reader)
                    )
                return  # the read's arrival schedules the next step
            if self.mode is Mode.AGENDA:
                continue
            key = (neighbour, self.mode, self.hidden, self.per_resource)
            prepared = self._arranged.get(key)
            if prepared is None:
                self._prepared(neighbour)
                self._ahead.start()
                return
            if prepared.geometry is None:
                grid = self.day_view if self.mode is Mode.DAY else self.week_view
                prepared.geometry = grid.prepare(prepared.arrangement, prepared.columns)
                self._ahead.start()
                return

    def _read_done(
        self, span: tuple[date, int], data: CalendarData | None, generation: int
    ) -> None:
        self._reading.discard(span)
        if data is None or generation != self._generation:
            return
        self._remember(span, data)
        if self.prefetch:
            self._ahead.start()

    def stop_reading(self) -> None:
        """Wait for a read in flight (closing the desk)."""
        self.prefetch = False
        self._pool.waitForDone(5_000)

    def _show(self) -> None:
        if not self.all_resources:
            self.all_resources = resources(self.context)
        if self.mode is Mode.MONTH:
            self._refresh_month()
            return
        if self.mode is Mode.AGENDA:
            data = self._data(self._span())
            self.data = data
            names = {r.key: r.name for r in data.resources}
            bookings = [b for b in data.bookings if resource_key(b) not in self.hidden]
            self.agenda_view.set_bookings(bookings, data.zone, data.services, names)
            self.agenda_view.select_booking(self.selected)
            return
        prepared = self._prepared(self._span())
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
        grid.set_data(
            prepared.bookings,
            data.services,
            {k: w for k, w in data.windows.items() if k not in self.hidden},
            {r.key: r.color for r in data.resources},
            {r.key: r.name for r in data.resources},
            arrangement=prepared.arrangement,
            geometry=prepared.geometry,
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

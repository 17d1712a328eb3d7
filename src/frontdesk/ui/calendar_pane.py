"""The calendar pane: the four views (day F1, week F2, month F3, agenda F4) over one current
day, the resource filter applied to all of them, and one selection shared between them.

Owns what is shown (the mode, the current day, the filter) and reading it from the cache
(:mod:`frontdesk.app.desk`). A refresh re-reads the shown span and hands it to the view, which
keeps its scroll position and selection; nothing here touches the network.
"""

from __future__ import annotations

import enum
from datetime import date, timedelta

from PySide6.QtCore import Signal
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
from frontdesk.domain.timeutil import to_local
from frontdesk.ui.agenda_view import AgendaView
from frontdesk.ui.month_view import MonthView
from frontdesk.ui.time_grid import TimeGridView
from frontdesk.ui.week_view import DayView, WeekView

AGENDA_DAYS = 7


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
        self.refresh()
        self.shownChanged.emit()

    def show_day(self, day: date, mode: Mode | None = None) -> None:
        self.day = day
        if mode is not None and mode != self.mode:
            self.mode = mode
            self.stack.setCurrentIndex(mode)
        self.refresh()
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
        self.refresh()

    def set_per_resource(self, on: bool) -> None:
        self.per_resource = on
        self.refresh()

    def shown_resources(self) -> list[ResourceInfo]:
        return [r for r in self.all_resources if r.key not in self.hidden]

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read what is shown from the cache; keeps scroll positions and the selection."""
        self._refreshing = True
        try:
            self._refresh()
        finally:
            self._refreshing = False

    def _refresh(self) -> None:
        self.zone = clinic_zone(self.context)
        self.all_resources = resources(self.context)
        if self.mode is Mode.MONTH:
            self._refresh_month()
            return
        first, days = {
            Mode.DAY: (self.day, 1),
            Mode.WEEK: (monday_of(self.day), 7),
            Mode.AGENDA: (self.day, AGENDA_DAYS),
        }[self.mode]
        data = calendar_data(self.context, first, days)
        self.data = data
        bookings = [b for b in data.bookings if resource_key(b) not in self.hidden]
        names = {r.key: r.name for r in data.resources}
        colors = {r.key: r.color for r in data.resources}
        windows = {k: w for k, w in data.windows.items() if k not in self.hidden}
        if self.mode is Mode.AGENDA:
            self.agenda_view.set_bookings(bookings, data.zone, data.services, names)
            self.agenda_view.select_booking(self.selected)
            return
        grid: TimeGridView
        if self.mode is Mode.DAY:
            self.day_view.set_day(self.day, self.shown_resources())
            grid = self.day_view
        else:
            shown = self.shown_resources() if self.per_resource else None
            self.week_view.set_week(monday_of(self.day), shown)
            grid = self.week_view
        if grid.zone != data.zone:
            grid.set_zone(data.zone)
        grid.set_data(bookings, data.services, windows, colors, names)
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

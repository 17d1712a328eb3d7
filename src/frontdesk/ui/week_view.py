"""The day and week calendars: which columns the time grid shows.

* :class:`DayView`: one local day, one column per provider / room / calendar of every
  connection (grouped under the connection's name when there are several), scrolling sideways
  when they are many.
* :class:`WeekView`: seven days from a Monday, one column per day, or, split per resource, one
  column per day and resource under the day's name.

Everything else (painting, lanes, selection, keys, dragging) is the
:class:`~frontdesk.ui.time_grid.TimeGridView`'s.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from PySide6.QtWidgets import QWidget

from frontdesk.app.desk import ResourceInfo
from frontdesk.domain.translation import translate
from frontdesk.ui.grid_layout import FIT, GridColumn
from frontdesk.ui.grid_paint import HEADER_H, HOUR_H, TIME_W, day_title
from frontdesk.ui.time_grid import TimeGridView

__all__ = ["HEADER_H", "HOUR_H", "TIME_W", "DayView", "WeekView"]

DAY_COL_W = 150


class WeekView(TimeGridView):
    """Mon-Sun of one week in the clinic's zone; double-click a block or an empty slot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("TimeGrid", "Week calendar"))
        self.setAccessibleDescription(
            translate(
                "TimeGrid",
                "Appointments of the shown week. Double-click an appointment to open it, "
                "or an empty time to book there. Drag an appointment to move it.",
            )
        )
        self._monday = self._today() - timedelta(days=self._today().weekday())
        self._per_resource: Sequence[ResourceInfo] | None = None
        self._rebuild()

    @property
    def monday(self) -> date:
        return self._monday

    def set_week(
        self,
        monday: date,
        per_resource: Sequence[ResourceInfo] | None = None,
        relayout: bool = True,
    ) -> None:
        """Show the week that starts on ``monday`` (any date is moved back to its Monday);
        ``per_resource`` splits each day into one column per given resource."""
        monday = monday - timedelta(days=monday.weekday())
        if monday != self._monday or list(per_resource or []) != list(self._per_resource or []):
            self._monday = monday
            self._per_resource = list(per_resource) if per_resource else None
            self._rebuild(relayout)

    def _rebuild(self, relayout: bool = True) -> None:
        self.day_groups = bool(self._per_resource)
        self.min_col_w = week_col_w(bool(self._per_resource))
        self.set_columns(week_columns(self._monday, self._per_resource), relayout)


def week_col_w(per_resource: bool) -> int:
    """The narrowest a week's column may be: none, the seven days (or the days' resources)
    share the width, so a week is seen whole on a laptop's screen without scrolling."""
    return FIT


def week_columns(monday: date, per_resource: Sequence[ResourceInfo] | None) -> list[GridColumn]:
    days = [monday + timedelta(days=i) for i in range(7)]
    if not per_resource:
        return [GridColumn(d, None, day_title(d)) for d in days]
    return [
        GridColumn(d, r.key, r.name, day_title(d), r.color, r.members)
        for d in days
        for r in per_resource
    ]


def day_columns(day: date, resources: Sequence[ResourceInfo]) -> list[GridColumn]:
    several = len({r.connection_name for r in resources}) > 1
    return [
        GridColumn(day, r.key, r.name, r.connection_name if several else "", r.color, r.members)
        for r in resources
    ]


class DayView(TimeGridView):
    """One day, one column per resource of every connection."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, min_col_w=DAY_COL_W)
        self.setAccessibleName(translate("TimeGrid", "Day calendar"))
        self.setAccessibleDescription(
            translate(
                "TimeGrid",
                "Appointments of the shown day, one column per provider or room. Double-click "
                "an appointment to open it, or an empty time to book there.",
            )
        )
        self._day = self._today()
        self._resources: list[ResourceInfo] = []

    @property
    def day(self) -> date:
        return self._day

    def set_day(self, day: date, resources: Sequence[ResourceInfo], relayout: bool = True) -> None:
        if day == self._day and list(resources) == self._resources and self._columns:
            return
        self._day = day
        self._resources = list(resources)
        self.set_columns(day_columns(day, resources), relayout)

"""The grid's schedule layer: each column's working hours and the clinic's blockouts.

Time outside a column's hours is shaded, where its booking system documents hours (its
windows): a column whose API documents none (``CalendarData.no_hours``), or whose day the cache
holds no window of its connection for (beyond what was read), is left unshaded rather than
guessed. A week's column of every resource is shaded only where every shown resource is out of
hours (one whose API documents none: not at all). One of the clinic's columns is one person or
chair on several booking systems: it is open where any member that documents hours is open and
shaded where none is; a member whose API documents none is left out of the shading (the
heading's tooltip says so, ``Schedule.partial``), and with no member documenting hours the
column is unshaded with its note. Blockouts are hatched bands with their reason: in a clinic
column its own, its members' and the whole clinic's; a week's column of every resource draws
the blockouts of the columns its view shows (and their resources') as narrow strips at its
left edge, the whole clinic's as bands, and none of a column the view leaves out.

Worked out once per layout (:func:`schedule_of`), painted for the visible rectangle only
(:func:`paint_schedule`).
"""

from __future__ import annotations

import html
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from frontdesk.app.desk import ResourceKey
from frontdesk.domain import dates
from frontdesk.domain.blockouts import Blockout, Occurrence
from frontdesk.domain.catalog import Window
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import translate
from frontdesk.ui.palette import mix

if TYPE_CHECKING:
    from frontdesk.ui.grid_layout import GridColumn
    from frontdesk.ui.time_grid import TimeGridView

DAY_MINUTES = 24 * 60
BAND_COLOR = QColor("#e37400")  # amber: the clinic's own rule, apart from the APIs' grey
STRIP_W = 7.0


@dataclass(frozen=True, slots=True)
class Band:
    """One blockout occurrence in one column, in minutes of the column's local day."""

    column: int
    top: float
    bottom: float
    occurrence: Occurrence
    narrow: bool  # a column's blockout drawn in a column of every resource


@dataclass(slots=True)
class Schedule:
    off: list[list[tuple[float, float]]]  # per column: minutes out of hours
    bands: list[Band]
    notes: dict[int, str]  # per column: why its hours are not shown
    # per clinic column: why some of its members' hours are not (the others' are shaded)
    partial: dict[int, str] = field(default_factory=dict)


def _minutes(wall: time) -> float:
    if wall == time.max:
        return float(DAY_MINUTES)
    return wall.hour * 60 + wall.minute + wall.second / 60


def _complement(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    off: list[tuple[float, float]] = []
    at = 0.0
    for start, end in sorted(spans):
        if start > at:
            off.append((at, start))
        at = max(at, end)
    if at < DAY_MINUTES:
        off.append((at, float(DAY_MINUTES)))
    return off


def schedule_of(
    columns: Sequence[GridColumn],
    windows: Mapping[ResourceKey, list[Window]],
    no_hours: Mapping[ResourceKey, str],
    occurrences: Sequence[Occurrence],
    zone_name: str,
    shown: Collection[ResourceKey] | None = None,
) -> Schedule:
    """Each column's hours and blockouts. ``windows`` per shown resource (the clinic's wall
    times); ``no_hours``: the shown resources whose API documents no hours, with why;
    ``shown``: the keys of the view's columns and of the resources they show, whose blockouts
    a week's column of every resource draws (None: every blockout)."""
    days_of: dict[str, set[date]] = {}  # per connection, the days its cache holds windows of
    by_day: dict[tuple[date, ResourceKey], list[Window]] = {}
    for key, found in windows.items():
        for window in found:
            days_of.setdefault(key[0], set()).add(window.day)
            by_day.setdefault((window.day, key), []).append(window)
    every = list(dict.fromkeys([*windows, *no_hours]))
    off: list[list[tuple[float, float]]] = []
    notes: dict[int, str] = {}
    partial: dict[int, str] = {}
    for index, column in enumerate(columns):
        keys = list(column.members) if column.resource is not None else every
        unknown = [no_hours[k] for k in keys if k in no_hours]
        if unknown and column.keys is not None and len(unknown) < len(keys):
            # a clinic column: shaded by the members that document hours, said in its heading
            partial[index] = "; ".join(dict.fromkeys(unknown))
            keys, unknown = [k for k in keys if k not in no_hours], []
        elif unknown:
            notes[index] = "; ".join(dict.fromkeys(unknown))
        if not keys or unknown or any(column.day not in days_of.get(k[0], ()) for k in keys):
            partial.pop(index, None)  # nothing shaded: nothing to say of the shading
            off.append([])
            continue
        spans = [
            (_minutes(w.start), _minutes(w.end) if w.end > w.start else float(DAY_MINUTES))
            for k in keys
            for w in by_day.get((column.day, k), ())
            if w.open and not w.exact
        ]
        off.append(_complement(spans))
    return Schedule(off, _bands(columns, occurrences, zone_name, shown), notes, partial)


def _bands(
    columns: Sequence[GridColumn],
    occurrences: Sequence[Occurrence],
    zone_name: str,
    shown: Collection[ResourceKey] | None,
) -> list[Band]:
    bands: list[Band] = []
    for occurrence in occurrences:
        blockout = occurrence.blockout
        start, end = to_local(occurrence.start, zone_name), to_local(occurrence.end, zone_name)
        for index, column in enumerate(columns):
            if not start.date() <= column.day <= end.date():
                continue
            if not _covers(blockout, column, shown):
                continue
            top = _minutes(start.time()) if start.date() == column.day else 0.0
            bottom = _day_end(end, column.day)
            if bottom <= top:
                continue
            narrow = column.resource is None and not blockout.whole_clinic
            bands.append(Band(index, top, bottom, occurrence, narrow))
    return bands


def _covers(blockout: Blockout, column: GridColumn, shown: Collection[ResourceKey] | None) -> bool:
    """Whether ``blockout`` is drawn in ``column``: the whole clinic's, the column's own (a
    resource's, or a clinic column's), or one of a clinic column's member resources'; in a
    column of every resource, the blockout of any column (or resource) the view shows."""
    if blockout.whole_clinic:
        return True
    key = (blockout.connection_id, blockout.resource_id)
    if column.resource is None:
        return shown is None or key in shown
    return key == column.resource or key in column.members


def _day_end(end: datetime, day: date) -> float:
    if end.date() == day:
        return _minutes(end.time())
    return float(DAY_MINUTES) if end.date() > day else 0.0


def _y(view: TimeGridView, minutes: float) -> float:
    """Content y of ``minutes`` into the column's day."""
    from frontdesk.ui.grid_paint import HOUR_H

    return view.header_h + (minutes - view._first_hour * 60) / 60 * HOUR_H


def band_rect(view: TimeGridView, band: Band) -> QRectF:
    """Where ``band`` lies, in content coordinates."""
    x, width = view._x[band.column], view._col_w(band.column)
    top, bottom = _y(view, band.top), _y(view, band.bottom)
    if band.narrow:
        return QRectF(x + 1, top, STRIP_W, bottom - top)
    return QRectF(x + 1, top, width - 1, bottom - top)


def paint_schedule(p: QPainter, view: TimeGridView, visible: QRectF, columns: range) -> None:
    """Shade the visible columns' time out of hours, then hatch their blockouts."""
    schedule = view.schedule
    if schedule is None:
        return
    c = view.colors
    shade = mix(c.text, c.base, 0.10 if not c.dark else 0.14)
    for index in columns:
        if index >= len(schedule.off):
            break
        x, width = view._x[index], view._col_w(index)
        for start, end in schedule.off[index]:
            top, bottom = _y(view, start), _y(view, end)
            rect = QRectF(x + 1, top, width - 1, bottom - top) & visible
            if not rect.isEmpty():
                p.fillRect(rect, shade)
    fill = QColor(BAND_COLOR)
    fill.setAlpha(60 if not c.dark else 80)
    hatch = QBrush(BAND_COLOR, Qt.BrushStyle.BDiagPattern)
    p.setFont(view.fonts.tiny)
    metrics = view.fonts.tiny_m
    for band in schedule.bands:
        if band.column not in columns:
            continue
        rect = band_rect(view, band)
        if not rect.intersects(visible):
            continue
        p.fillRect(rect, fill)
        p.fillRect(rect, hatch)
        p.setPen(QPen(BAND_COLOR, 2))
        p.drawLine(rect.topLeft(), rect.bottomLeft())
        if band.narrow or rect.height() < metrics.height():
            continue
        text = metrics.elidedText(
            band.occurrence.blockout.shown_label, Qt.TextElideMode.ElideRight, int(rect.width() - 8)
        )
        chip = QRectF(rect.left() + 3, rect.top() + 2, metrics.horizontalAdvance(text) + 6, 14)
        p.fillRect(chip, c.base)
        p.setPen(BAND_COLOR.darker(130) if not c.dark else BAND_COLOR.lighter(130))
        p.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)


def band_at(view: TimeGridView, content_x: float, content_y: float) -> Band | None:
    """The blockout band at a content position (the latest drawn wins)."""
    schedule = view.schedule
    if schedule is None:
        return None
    for band in reversed(schedule.bands):
        if band_rect(view, band).contains(content_x, content_y):
            return band
    return None


def band_tooltip(band: Band, zone_name: str, names: Mapping[ResourceKey, str]) -> str:
    blockout = band.occurrence.blockout
    where = (
        translate("GridSchedule", "the whole clinic")
        if blockout.whole_clinic
        else names.get(
            (blockout.connection_id or "", blockout.resource_id or ""),
            translate("GridSchedule", "one column"),
        )
    )
    start = to_local(band.occurrence.start, zone_name)
    end = to_local(band.occurrence.end, zone_name)
    span = f"{dates.clock(start)}–{dates.clock(end)}" if end - start < timedelta(days=1) else ""
    return (
        "<b>"
        + html.escape(
            translate("GridSchedule", "Blocked at this desk: {label}").format(
                label=blockout.shown_label
            )
        )
        + f"</b><br>{span} · {html.escape(where)}<br><small>"
        + translate(
            "GridSchedule",
            "The clinic's own rule: the desk books nothing here. Right-click to change or "
            "remove it.",
        )
        + "</small>"
    )

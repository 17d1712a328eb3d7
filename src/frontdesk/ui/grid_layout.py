"""Where appointments go on the day and week grids, without any widget: each booking's
column, local times and lane (``arrange``), and those in pixels for a width (``place``).

Plain computation on value types, so the calendar prepares the neighbouring spans on a pool
thread; the lanes themselves come from :mod:`frontdesk.domain.layout`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QRectF

from frontdesk.app.desk import ResourceKey
from frontdesk.domain.booking import Booking, VisitStatus
from frontdesk.domain.layout import Lane, assign_lanes
from frontdesk.ui.blocks import Block
from frontdesk.ui.grid_paint import HOUR_H, TIME_W

MIN_LANE_W = 74  # narrowest block that still shows a time and a name
FIRST_HOUR = 7
LAST_HOUR = 21


@dataclass(frozen=True, slots=True)
class GridColumn:
    """One column: a local day, and one resource of it (``None``: every shown resource)."""

    day: date
    resource: ResourceKey | None
    title: str
    group: str = ""  # the header's upper line, shared by neighbours with the same text
    color: str | None = None


@dataclass(frozen=True, slots=True)
class Arrangement:
    """Where each booking goes, independent of pixels: its column, local start and end, its
    lane; and the hours the grid must show. Computed once per data and columns (the desk
    prepares the neighbouring weeks' ahead of time); a resize only redoes the geometry."""

    per_column: dict[int, list[tuple[Booking, datetime, datetime]]]
    lanes: dict[int, dict[str, Lane]]
    first_hour: int
    last_hour: int


def arrange(bookings: Iterable[Booking], columns: list[GridColumn], zone: str) -> Arrangement:
    col_of = {(c.day, c.resource): i for i, c in enumerate(columns)}
    tz = ZoneInfo(zone)
    cancelled = VisitStatus.CANCELLED
    per_column: dict[int, list[tuple[Booking, datetime, datetime]]] = {}
    first, last = FIRST_HOUR, LAST_HOUR
    for booking in bookings:
        if booking.visit_status is cancelled:
            continue
        start = booking.start.astimezone(tz)
        day = start.date()
        column = col_of.get((day, (booking.connection_id, booking.resource_id)))
        if column is None:
            column = col_of.get((day, None))
            if column is None:
                continue
        end = max(booking.end, booking.start).astimezone(tz)
        if end.date() != day:  # runs past midnight: draw to the day's end
            end = start.replace(hour=23, minute=59, second=59)
        per_column.setdefault(column, []).append((booking, start, end))
        if start.hour < first:
            first = start.hour
        end_hour = end.hour + (1 if end.minute or end.second else 0)
        if end_hour > last:
            last = end_hour
    lanes = {c: assign_lanes((b.id, s, e) for b, s, e in items) for c, items in per_column.items()}
    return Arrangement(per_column, lanes, first, min(24, last))


@dataclass(slots=True)
class Geometry:
    """An arrangement in pixels, for one viewport width."""

    width: int
    x: list[float]  # column edges
    blocks: list[Block]
    by_id: dict[str, Block]
    col_blocks: list[list[Block]]  # per column, by top
    col_tops: list[list[float]]
    tallest: float


def place(
    arranged: Arrangement, columns: list[GridColumn], width: int, min_col_w: int, header_h: int
) -> Geometry:
    """An arrangement in pixels for a viewport ``width``: pure computation on value types,
    so the read-ahead runs it on a pool thread."""
    lanes = arranged.lanes
    counts = [
        max((lane.count for lane in lanes.get(c, {}).values()), default=1)
        for c in range(len(columns))
    ]
    wanted = [max(float(min_col_w), n * MIN_LANE_W + 7.0) for n in counts]
    spare = max(0.0, width - TIME_W - sum(wanted))
    share = spare / len(wanted) if wanted else 0.0
    x = float(TIME_W)
    edges = [x]
    for wide in wanted:
        x += wide + share
        edges.append(float(math.floor(x)))
    blocks: list[Block] = []
    col_blocks: list[list[Block]] = [[] for _ in columns]
    tallest = 0.0
    # content y of a local time: the header, then HOUR_H per hour from the first shown
    origin = header_h - arranged.first_hour * HOUR_H
    per_minute = HOUR_H / 60
    for column, items in arranged.per_column.items():
        column_lanes = lanes[column]
        x0 = edges[column] + 3
        usable = edges[column + 1] - edges[column] - 7
        placed = col_blocks[column]
        for booking, start, end in items:
            lane = column_lanes[booking.id]
            lane_w = usable / lane.count
            top = origin + (start.hour * 60 + start.minute + start.second / 60) * per_minute
            bottom = origin + (end.hour * 60 + end.minute + end.second / 60) * per_minute
            height = max(bottom - top, 18.0) - 2
            rect = QRectF(x0 + lane.index * lane_w, top + 1, lane_w - 2, height)
            block = Block(booking, rect, column, start, end)
            blocks.append(block)
            placed.append(block)
            if height > tallest:
                tallest = height
    for column_list in col_blocks:
        column_list.sort(key=_top)
    return Geometry(
        width,
        edges,
        blocks,
        {b.booking.id: b for b in blocks},
        col_blocks,
        [[b.rect.top() for b in items] for items in col_blocks],
        tallest,
    )


def _top(block: Block) -> float:
    return block.rect.top()

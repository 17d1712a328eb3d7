"""Where appointments go on the day and week grids, without any widget: each booking's
column, local times and lane (``arrange``), and those in pixels for a width (``place``).

Plain computation on value types, so the calendar prepares the neighbouring spans on a pool
thread; the lanes themselves come from :mod:`frontdesk.domain.layout`. A week moved to cold
is thousands of bookings on a grid far wider than the window, so the lanes are swept on
wall-clock ints, a column's lanes only when it is first looked at (painted, hit, selected;
before that only its widest cluster is counted, for its width), and so are the pixels of its
blocks.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from operator import itemgetter
from zoneinfo import ZoneInfo

from PySide6.QtCore import QRectF

from frontdesk.app.desk import ResourceKey
from frontdesk.domain.booking import Booking, BookingGlimpse, VisitStatus
from frontdesk.domain.layout import sweep_lanes, widest_lanes
from frontdesk.ui.blocks import Block
from frontdesk.ui.grid_paint import HOUR_H, TIME_W

MIN_LANE_W = 74  # narrowest block that still shows a time and a name
# narrowest lane drawn at all: where more appointments overlap than lanes this wide fit the
# column (a week's day holding thirty providers' days), the first lanes are drawn and the
# column marks the rest "+N" (open the day to see them); a paint then costs what is seen
MIN_DRAWN_LANE_W = 22
# a column width that means: no minimum, the columns share the viewport's width (the week)
FIT = 0
FIRST_HOUR = 7
LAST_HOUR = 21


@dataclass(frozen=True, slots=True)
class GridColumn:
    """One column: a local day, and one resource of it (``None``: every shown resource) or
    one of the clinic's columns (``keys``: the booking systems' resources shown in it)."""

    day: date
    resource: ResourceKey | None
    title: str
    group: str = ""  # the header's upper line, shared by neighbours with the same text
    color: str | None = None
    keys: tuple[ResourceKey, ...] | None = None  # None: just ``resource``

    @property
    def members(self) -> tuple[ResourceKey, ...]:
        """The booking systems' resources whose bookings this column shows (none: any)."""
        if self.keys is not None:
            return self.keys
        return () if self.resource is None else (self.resource,)

    def resource_for(self, connection_id: str) -> ResourceKey | None:
        """The resource of this column a booking of ``connection_id`` would be in (a move
        into the column keeps its booking system), or None: none of this column's."""
        return next((k for k in self.members if k[0] == connection_id), None)

    @property
    def bookable(self) -> ResourceKey | None:
        """The resource a new booking in this column goes to: its first."""
        return self.members[0] if self.members else None

    def move_target(self, booking: BookingGlimpse | Booking) -> ResourceKey | None:
        """The resource a move of ``booking`` into this column goes to (a drag, a pin placed):
        None for a column of a whole day; in a clinic's column the booking's own if the column
        shows it, else the column's resource of its booking system (else the column's first:
        refused as another booking system's)."""
        if self.resource is None:
            return None
        key = (booking.connection_id, booking.resource_id)
        if key in self.members:
            return key
        return self.resource_for(booking.connection_id) or self.bookable or self.resource


# One booking in a column: its local start and end as wall-clock microseconds of the day (what
# the lanes are swept on), its place in the input (ties keep it), the booking, the local start
# and end (what the block shows).
Item = tuple[int, int, int, BookingGlimpse, datetime, datetime]
_SPAN = itemgetter(0, 1)


@dataclass(frozen=True, slots=True)
class Arrangement:
    """Where each booking goes, independent of pixels: its column, local start and end, its
    lane; and the hours the grid must show. Computed once per data and columns (the desk
    prepares the neighbouring weeks' ahead of time); a resize only redoes the geometry."""

    per_column: dict[int, list[Item]]  # by start, then end
    # per item: its lane, its cluster's lanes; a column's swept when first asked for
    # (:meth:`lanes_of`): a week moved to cold shows one or two of its seven columns
    lanes: dict[int, tuple[list[int], list[int]]]
    column_of: dict[str, int]  # booking id -> column
    widest: dict[int, int]  # the most lanes of one cluster, per column
    longest: int  # the longest item, in microseconds (the tallest block)
    first_hour: int
    last_hour: int

    def lanes_of(self, column: int) -> tuple[list[int], list[int]]:
        """The lane of each item of ``column`` (one with items) and its cluster's lane count,
        in the order of ``per_column[column]``."""
        found = self.lanes.get(column)
        if found is None:
            found = self.lanes[column] = sweep_lanes(list(map(_SPAN, self.per_column[column])))
        return found

    def in_time_order(self) -> list[BookingGlimpse]:
        """Every arranged booking by start, then column, then lane (left to right)."""
        keyed = [
            (item[3].start, column, lane, item[2], item[3])
            for column, items in self.per_column.items()
            for item, lane in zip(items, self.lanes_of(column)[0], strict=True)
        ]
        keyed.sort(key=itemgetter(0, 1, 2, 3))
        return [entry[4] for entry in keyed]


_DAY_US = 86_400_000_000
Wall = tuple[datetime, date, int, int | None]  # local time, its day, microseconds, day column


def _wall(instant: datetime, tz: tzinfo, day_column: dict[date, int]) -> Wall:
    local = instant.astimezone(tz)
    micros = (local.hour * 3600 + local.minute * 60 + local.second) * 1_000_000
    day = local.date()
    return local, day, micros + local.microsecond, day_column.get(day)


def arrange(
    bookings: Iterable[BookingGlimpse], columns: list[GridColumn], zone: str
) -> Arrangement:
    col_of = {(c.day, key): i for i, c in enumerate(columns) for key in c.members}
    day_column = {c.day: i for i, c in enumerate(columns) if c.resource is None}
    tz = ZoneInfo(zone)
    walls: dict[datetime, Wall] = {}  # a week repeats a few hundred instants
    cancelled = VisitStatus.CANCELLED
    placed: list[list[Item]] = [[] for _ in columns]
    for position, booking in enumerate(bookings):
        if booking.visit_status is cancelled:
            continue
        instant = booking.start
        local = walls.get(instant)
        if local is None:
            local = walls[instant] = _wall(instant, tz, day_column)
        start, day, start_us, column = local
        if col_of:
            column = col_of.get((day, (booking.connection_id, booking.resource_id)), column)
        if column is None:
            continue
        instant = booking.end if booking.end > instant else instant
        local = walls.get(instant)
        if local is None:
            local = walls[instant] = _wall(instant, tz, day_column)
        end, end_day, end_us, _ = local
        if end_day != day:  # runs past midnight: draw to the day's end
            end = start.replace(hour=23, minute=59, second=59)
            end_us = _DAY_US - 1_000_000 + end.microsecond
        placed[column].append((start_us, end_us, position, booking, start, end))
    per_column = {column: items for column, items in enumerate(placed) if items}
    first, last, longest = FIRST_HOUR, LAST_HOUR, 0
    widest: dict[int, int] = {}
    column_of: dict[str, int] = {}
    for column, items in per_column.items():
        items.sort(key=_SPAN)
        widest[column] = widest_lanes(list(map(_SPAN, items)))
        column_of.update((item[3].id, column) for item in items)
        first = min(first, items[0][4].hour)
        end = max(items, key=itemgetter(1))[5]
        last = max(last, end.hour + (1 if end.minute or end.second else 0))
        longest = max(longest, max(item[1] - item[0] for item in items))
    return Arrangement(per_column, {}, column_of, widest, longest, first, min(24, last))


class Geometry(Mapping[str, Block]):
    """An arrangement in pixels, for one viewport width: the column edges at once, the blocks
    of a column when it is first asked for. Also the blocks by booking id."""

    def __init__(
        self,
        arranged: Arrangement,
        columns: list[GridColumn],
        width: int,
        min_col_w: int,
        header_h: int,
    ) -> None:
        self.width = width
        self.arranged = arranged
        if min_col_w <= FIT:  # the columns share the width, however many lanes they hold
            wanted = [0.0] * len(columns)
        else:
            wanted = [
                max(float(min_col_w), arranged.widest.get(c, 1) * MIN_LANE_W + 7.0)
                for c in range(len(columns))
            ]
        spare = max(0.0, width - TIME_W - sum(wanted))
        share = spare / len(wanted) if wanted else 0.0
        x = float(TIME_W)
        self.x = [x]  # column edges
        for wide in wanted:
            x += wide + share
            self.x.append(float(math.floor(x)))
        # content y of a local time: the header, then HOUR_H per hour from the first shown
        self._origin = header_h - arranged.first_hour * HOUR_H
        # a bound on any block's height, for finding the blocks that reach into a strip
        self.tallest = max(arranged.longest / 60_000_000 * HOUR_H / 60, 18.0) - 1
        # per column, made when first asked for: its items by top (indices into the
        # arrangement's list), their tops, and the blocks made of them so far
        self._order: list[list[int] | None] = [None] * len(columns)
        self._tops: list[list[float] | None] = [None] * len(columns)
        self._made: list[list[Block | None]] = [[] for _ in columns]
        self._by_id: dict[str, Block] = {}

    def tops(self, column: int) -> list[float]:
        """The tops of ``column``'s blocks, in the order of :meth:`column`."""
        tops = self._tops[column]
        if tops is None:
            tops = self._sort(column)
        return tops

    def column(self, column: int) -> list[Block]:
        """The blocks of ``column``, by top."""
        return self.between(column, 0, len(self.tops(column)))

    def between(self, column: int, first: int, last: int) -> list[Block]:
        """The blocks ``first`` to ``last`` (excluded) of ``column`` by top: only those are
        made (a busy column is far taller than the window)."""
        self.tops(column)
        made = self._made[column]
        missing = [k for k in range(first, last) if made[k] is None]
        if missing:
            self._make(column, missing)
        return made[first:last]  # type: ignore[return-value]

    def blocks(self) -> list[Block]:
        """Every block, column by column (each made now if not yet)."""
        return [b for c in range(len(self._made)) for b in self.column(c)]

    def made(self) -> Iterator[Block]:
        """The blocks made so far."""
        for made in self._made:
            yield from (b for b in made if b is not None)

    def _sort(self, column: int) -> list[float]:
        items = self.arranged.per_column.get(column, [])
        origin = self._origin
        per_minute = HOUR_H / 60
        keyed = []
        for k, (_, _, position, _, start, _) in enumerate(items):
            top = origin + (start.hour * 60 + start.minute + start.second / 60) * per_minute
            keyed.append((top + 1, position, k))
        keyed.sort(key=_BY_TOP)
        self._order[column] = [entry[2] for entry in keyed]
        self._made[column] = [None] * len(keyed)
        tops = self._tops[column] = [entry[0] for entry in keyed]
        return tops

    def _make(self, column: int, ranks: list[int]) -> None:
        items = self.arranged.per_column[column]
        index, count = self.arranged.lanes_of(column)
        order, made = self._order[column], self._made[column]
        assert order is not None
        x0 = self.x[column] + 3
        usable = self.x[column + 1] - self.x[column] - 7
        origin = self._origin
        per_minute = HOUR_H / 60
        most = max(1, int(usable // MIN_DRAWN_LANE_W))  # lanes this column can draw
        for rank in ranks:
            k = order[rank]
            _, _, _, booking, start, end = items[k]
            lanes = min(count[k], most)
            lane_w = usable / lanes
            top = origin + (start.hour * 60 + start.minute + start.second / 60) * per_minute
            bottom = origin + (end.hour * 60 + end.minute + end.second / 60) * per_minute
            height = max(bottom - top, 18.0) - 2
            hidden = index[k] >= lanes
            left = x0 + (lanes - 1 if hidden else index[k]) * lane_w
            rect = QRectF(left, top + 1, 0.0 if hidden else lane_w - 2, height)
            block = made[rank] = Block(booking, rect, column, start, end, hidden)
            self._by_id[booking.id] = block

    # -- the blocks by booking id --------------------------------------------------------
    def __getitem__(self, booking_id: str) -> Block:
        found = self._by_id.get(booking_id)
        if found is None:
            column = self.arranged.column_of[booking_id]
            self.tops(column)
            order = self._order[column]
            assert order is not None
            items = self.arranged.per_column[column]
            rank = next(r for r, k in enumerate(order) if items[k][3].id == booking_id)
            found = self.between(column, rank, rank + 1)[0]
        return found

    def __contains__(self, booking_id: object) -> bool:
        return booking_id in self.arranged.column_of

    def __iter__(self) -> Iterator[str]:
        return iter(self.arranged.column_of)

    def __len__(self) -> int:
        return len(self.arranged.column_of)


_BY_TOP = itemgetter(0, 1)


def place(
    arranged: Arrangement, columns: list[GridColumn], width: int, min_col_w: int, header_h: int
) -> Geometry:
    """An arrangement in pixels for a viewport ``width``: pure computation on value types,
    so the read-ahead runs it on a pool thread (and may make every block there)."""
    return Geometry(arranged, columns, width, min_col_w, header_h)

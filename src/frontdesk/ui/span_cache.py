"""The calendar's spans in memory: what was read for each span of days, and that data
arranged and placed for the grid, so moving to the next or previous span is a swap.

Neighbouring spans are prepared ahead on a pool thread (the query, the lanes and the pixels
are plain Python on value types), so the GUI thread only ever swaps them in. A change record
patches the spans it touches; a span it cannot patch is dropped and read again later.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from frontdesk.app.desk import CalendarData, ResourceKey, calendar_data
from frontdesk.domain.booking import BookingGlimpse
from frontdesk.domain.timeutil import local_day_bounds
from frontdesk.ui.grid_layout import Arrangement, Geometry, GridColumn, arrange, place

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.ui")
KEEP = 6  # spans held: the shown one and its neighbours, with room to go back and forth

Span = tuple[date, int]  # first local day, number of days


@dataclass(frozen=True, slots=True)
class Plan:
    """How a span is prepared for a grid: which resources, which columns, which pixels."""

    mode: int
    hidden: frozenset[ResourceKey]
    per_resource: bool
    columns: tuple[GridColumn, ...] | None  # None: data only (the agenda)
    width: int = 0
    min_col_w: int = 0
    header_h: int = 0

    def key(self, span: Span) -> tuple[object, ...]:
        return (span, self.mode, self.hidden, self.per_resource, self.columns)


@dataclass(slots=True)
class Prepared:
    data: CalendarData
    bookings: list[BookingGlimpse]  # the shown resources' only
    columns: list[GridColumn]
    arrangement: Arrangement
    geometry: Geometry | None = None
    _positions: dict[str, int] | None = None

    def positions(self) -> dict[str, int]:
        """Where each shown booking is in ``bookings`` (made once)."""
        if self._positions is None:
            self._positions = {b.id: k for k, b in enumerate(self.bookings)}
        return self._positions

    def swap(self, fresh: dict[str, BookingGlimpse]) -> None:
        """New versions of shown bookings that stayed where they were."""
        positions = self.positions()
        bookings = list(self.bookings)
        for booking_id, booking in fresh.items():
            bookings[positions[booking_id]] = booking
        self.bookings = bookings


def prepare(data: CalendarData, plan: Plan, every_block: bool = False) -> Prepared:
    """``data`` arranged and placed for ``plan``; ``every_block``: make every block now (the
    read-ahead, on the pool thread), else a column's blocks are made when first painted."""
    hidden = plan.hidden
    bookings = (
        [b for b in data.bookings if (b.connection_id, b.resource_id) not in hidden]
        if hidden
        else list(data.bookings)
    )
    columns = list(plan.columns or ())
    arranged = arrange(bookings, columns, data.zone)
    geometry = None
    if plan.width:
        geometry = place(arranged, columns, plan.width, plan.min_col_w, plan.header_h)
        if every_block:
            geometry.blocks()
    return Prepared(data, bookings, columns, arranged, geometry)


class _Reader(QObject):
    """Carries a span prepared on a pool thread back to the GUI thread (a queued signal)."""

    done = Signal(object, object, object, object, int)  # span, plan, data, prepared, generation


class _ReadJob(QRunnable):
    def __init__(
        self, context: AppContext, span: Span, plan: Plan, generation: int, reader: _Reader
    ) -> None:
        super().__init__()
        self.context, self.span, self.plan = context, span, plan
        self.generation, self.reader = generation, reader

    def run(self) -> None:
        data: CalendarData | None = None
        prepared: Prepared | None = None
        try:
            data = calendar_data(self.context, *self.span)
            if self.plan.columns is not None:
                prepared = prepare(data, self.plan, every_block=True)
        except Exception:  # the desk closing under it, a locked file: the span is read later
            log.warning("reading ahead failed", exc_info=True)
        self.reader.done.emit(self.span, self.plan, data, prepared, self.generation)


class SpanCache(QObject):
    arrived = Signal()  # a span prepared ahead is ready: more may be read ahead

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._data: dict[Span, CalendarData] = {}
        self._prepared: dict[tuple[object, ...], Prepared] = {}
        # per span, its data and where each booking is in its list (for patching in place)
        self._ids: dict[Span, tuple[CalendarData, dict[str, int]]] = {}
        self._generation = 0  # bumped when the data changes: reads begun before are dropped
        self._reading: set[tuple[object, ...]] = set()
        self._reader = _Reader(self)
        self._reader.done.connect(self._done)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def clear(self) -> None:
        self._data.clear()
        self._prepared.clear()
        self._generation += 1

    def has(self, span: Span, plan: Plan) -> bool:
        if plan.columns is None:
            return span in self._data
        return plan.key(span) in self._prepared

    def data(self, span: Span) -> CalendarData:
        found = self._data.get(span)
        if found is None:
            found = calendar_data(self.context, *span)
            self._keep_data(span, found)
        return found

    def prepared(self, span: Span, plan: Plan) -> Prepared:
        key = plan.key(span)
        found = self._prepared.get(key)
        if found is None:
            found = prepare(self.data(span), plan)
            self._keep_prepared(key, found)
        return found

    def read_ahead(self, span: Span, plan: Plan) -> bool:
        """Start preparing ``span`` on the pool thread; False if it is ready or under way."""
        key = plan.key(span)
        if self.has(span, plan) or key in self._reading:
            return False
        self._reading.add(key)
        self._pool.start(_ReadJob(self.context, span, plan, self._generation, self._reader))
        return True

    def _done(
        self,
        span: Span,
        plan: Plan,
        data: CalendarData | None,
        prepared: Prepared | None,
        generation: int,
    ) -> None:
        self._reading.discard(plan.key(span))
        if data is None or generation != self._generation:
            return
        self._keep_data(span, data)
        if prepared is not None:
            self._keep_prepared(plan.key(span), prepared)
        self.arrived.emit()

    def _keep_data(self, span: Span, data: CalendarData) -> None:
        self._data[span] = data
        while len(self._data) > KEEP:
            self._data.pop(next(iter(self._data)))

    def _keep_prepared(self, key: tuple[object, ...], prepared: Prepared) -> None:
        self._prepared[key] = prepared
        while len(self._prepared) > KEEP:
            self._prepared.pop(next(iter(self._prepared)))

    def apply_changes(self, fresh: dict[str, BookingGlimpse], ids: list[str], keep: Span) -> None:
        """Patch the data of every span the changed bookings were or now are in. Arrangements
        are dropped (read again ahead), except ``keep``'s: its caller patches or redoes it.
        Bookings that stay where they were (a sync confirming them) are swapped in place by
        their index; only a move, an arrival or a departure sorts the span again (a busy week
        holds thousands, and a drain confirms a few at a time)."""
        self._generation += 1
        named = set(ids)
        held = dict(self._data)
        for key, prepared in self._prepared.items():  # its data may have been let go
            held.setdefault(cast(Span, key[0]), prepared.data)
        for span, data in held.items():
            start, _ = local_day_bounds(span[0], data.zone)
            end, _ = local_day_bounds(span[0] + timedelta(days=span[1]), data.zone)
            index = self._index(span, data)
            present = {i for i in named if i in index}
            arriving = [b for b in fresh.values() if start <= b.start < end]
            if not arriving and not present:
                continue
            same_place = present == {b.id for b in arriving} and all(
                data.bookings[index[b.id]].start == b.start for b in arriving
            )
            if same_place:
                bookings = list(data.bookings)
                for booking in arriving:
                    bookings[index[booking.id]] = booking
                patched = replace(data, bookings=bookings)
                self._ids[span] = (patched, index)
            else:
                kept = [b for b in data.bookings if b.id not in named]
                patched = replace(data, bookings=sorted(kept + arriving, key=_by_start))
            if span in self._data:
                self._data[span] = patched
            for key in [k for k in self._prepared if k[0] == span]:
                if span == keep:
                    self._prepared[key].data = patched
                else:
                    del self._prepared[key]

    def _index(self, span: Span, data: CalendarData) -> dict[str, int]:
        """Where each booking of ``span``'s data is in its list (made once per data)."""
        found = self._ids.get(span)
        if found is None or found[0] is not data:
            found = (data, {b.id: k for k, b in enumerate(data.bookings)})
            self._ids[span] = found
            for old in [k for k in self._ids if k not in self._data]:
                del self._ids[old]
        return found[1]

    def forget_prepared(self, span: Span) -> None:
        for key in [k for k in self._prepared if k[0] == span]:
            del self._prepared[key]

    def stop(self) -> None:
        """Wait for a read in flight (closing the desk)."""
        self._pool.waitForDone(5_000)


def _by_start(booking: BookingGlimpse) -> tuple[object, str]:
    return (booking.start, booking.id)

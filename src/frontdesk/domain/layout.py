"""Side-by-side lanes for overlapping appointments in one day column.

Pure Python (no Qt), so it is tested without a display. A sweep over the items sorted by start
gives each the first lane that is free at its start; items that overlap one another, directly
or through a chain, form a cluster, and every item of a cluster is drawn at the cluster's lane
count so the blocks of one cluster share the column's width evenly.

``sweep_lanes`` is the sweep itself, on spans already in order (the calendars pass wall-clock
microseconds as ints: a busy week is thousands of items); ``widest_lanes`` only counts the
lanes of its widest cluster (what a column's width needs, for columns not yet in view);
``assign_lanes`` sorts keyed items and answers per key.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
T = TypeVar("T", int, datetime)


@dataclass(frozen=True, slots=True)
class Lane:
    index: int  # 0-based lane of the item
    count: int  # lanes in the item's overlap cluster


def sweep_lanes(spans: Sequence[tuple[T, T]]) -> tuple[list[int], list[int]]:
    """The lane of each ``(start, end)`` and the lane count of its cluster, for spans sorted by
    start (then end); touching spans (end == next start) do not overlap.

    Each span takes the lowest lane free at its start: lanes that came free wait in a heap of
    lane numbers, busy ones in a heap of (end, lane), so a wide cluster costs no scan."""
    index = [0] * len(spans)
    count = [0] * len(spans)
    busy: list[tuple[T, int]] = []
    free: list[int] = []
    lanes = 0
    cluster_from = 0
    cluster_end: T | None = None
    for i, (start, end) in enumerate(spans):
        if end < start:
            end = start
        if cluster_end is not None and start >= cluster_end:
            count[cluster_from:i] = [lanes] * (i - cluster_from)
            cluster_from, lanes, cluster_end = i, 0, None
            busy.clear()
            free.clear()
        while busy and busy[0][0] <= start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        else:
            lane = lanes
            lanes += 1
        heapq.heappush(busy, (end, lane))
        index[i] = lane
        if cluster_end is None or end > cluster_end:
            cluster_end = end
    count[cluster_from:] = [lanes] * (len(spans) - cluster_from)
    return index, count


def widest_lanes(spans: Sequence[tuple[T, T]]) -> int:
    """The most lanes :func:`sweep_lanes` gives one cluster of ``spans`` (sorted by start,
    then end), without placing them: what a column's width needs (0 for no spans).

    The sweep opens a lane only when every lane it has is busy, so a cluster's lanes are the
    most spans busy at once at one of their starts, counted as the sweep frees them (a span
    ending at or before a start is free; one ending before it starts is empty)."""
    busy: list[T] = []  # the ends of the spans still busy
    most = 0
    push, pop = heapq.heappush, heapq.heappop
    for start, end in spans:
        while busy and busy[0] <= start:
            pop(busy)
        push(busy, end if end > start else start)
        if len(busy) > most:
            most = len(busy)
    return most


def assign_lanes(items: Iterable[tuple[K, datetime, datetime]]) -> dict[K, Lane]:
    """Lane of each ``(key, start, end)``; touching items (end == next start) do not overlap."""
    ordered = sorted(items, key=lambda item: (item[1], item[2]))
    index, count = sweep_lanes([(start, end) for _, start, end in ordered])
    return {item[0]: Lane(i, n) for item, i, n in zip(ordered, index, count, strict=True)}

"""Side-by-side lanes for overlapping appointments in one day column.

Pure Python (no Qt), so it is tested without a display. A sweep over the items sorted by start
gives each the first lane that is free at its start; items that overlap one another, directly
or through a chain, form a cluster, and every item of a cluster is drawn at the cluster's lane
count so the blocks of one cluster share the column's width evenly.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class Lane:
    index: int  # 0-based lane of the item
    count: int  # lanes in the item's overlap cluster


def assign_lanes(items: Iterable[tuple[K, datetime, datetime]]) -> dict[K, Lane]:
    """Lane of each ``(key, start, end)``; touching items (end == next start) do not overlap."""
    ordered = sorted(items, key=lambda item: (item[1], item[2]))
    result: dict[K, Lane] = {}
    cluster: list[tuple[K, int]] = []
    lane_ends: list[datetime] = []
    cluster_end: datetime | None = None

    def close_cluster() -> None:
        count = len(lane_ends)
        for key, index in cluster:
            result[key] = Lane(index, count)
        cluster.clear()
        lane_ends.clear()

    for key, start, end in ordered:
        end = max(end, start)
        if cluster_end is not None and start >= cluster_end:
            close_cluster()
            cluster_end = None
        index = next((i for i, busy_until in enumerate(lane_ends) if busy_until <= start), None)
        if index is None:
            index = len(lane_ends)
            lane_ends.append(end)
        else:
            lane_ends[index] = end
        cluster.append((key, index))
        cluster_end = end if cluster_end is None else max(cluster_end, end)
    close_cluster()
    return result

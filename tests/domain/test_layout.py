"""Overlap lanes of the week view, without Qt."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from frontdesk.domain.layout import Lane, assign_lanes, sweep_lanes, widest_lanes

T0 = datetime(2027, 6, 15, 9, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_apart_items_each_get_the_whole_column() -> None:
    lanes = assign_lanes([("a", at(0), at(30)), ("b", at(30), at(60)), ("c", at(90), at(100))])
    assert lanes == {"a": Lane(0, 1), "b": Lane(0, 1), "c": Lane(0, 1)}


def test_overlapping_items_sit_side_by_side() -> None:
    lanes = assign_lanes([("a", at(0), at(60)), ("b", at(15), at(45)), ("c", at(20), at(40))])
    assert {k: v.index for k, v in lanes.items()} == {"a": 0, "b": 1, "c": 2}
    assert {v.count for v in lanes.values()} == {3}


def test_a_freed_lane_is_reused_and_the_cluster_shares_one_count() -> None:
    # a and b overlap; c starts after b ends but while a runs, so c takes b's lane
    lanes = assign_lanes([("a", at(0), at(90)), ("b", at(10), at(30)), ("c", at(40), at(60))])
    assert lanes["c"] == Lane(1, 2)
    assert lanes["a"] == Lane(0, 2)


def test_clusters_are_counted_apart() -> None:
    lanes = assign_lanes(
        [("a", at(0), at(30)), ("b", at(0), at(30)), ("c", at(0), at(30)), ("d", at(60), at(70))]
    )
    assert lanes["d"] == Lane(0, 1)
    assert lanes["a"].count == 3


def test_order_of_input_does_not_matter() -> None:
    items = [("a", at(0), at(60)), ("b", at(15), at(45)), ("c", at(50), at(80))]
    assert assign_lanes(items) == assign_lanes(list(reversed(items)))


def test_the_sweep_on_ints_gives_lanes_and_cluster_counts_in_input_order() -> None:
    index, count = sweep_lanes([(0, 90), (10, 30), (30, 50), (40, 60), (90, 95), (200, 210)])
    assert index == [0, 1, 1, 2, 0, 0]
    assert count == [3, 3, 3, 3, 1, 1]


def test_the_sweep_takes_the_lowest_free_lane_and_empty_input_is_fine() -> None:
    # lanes 0 and 2 come free before 25; the next item takes 0, the one after takes 2
    index, _ = sweep_lanes([(0, 20), (0, 50), (0, 20), (25, 40), (25, 40), (30, 35)])
    assert index == [0, 1, 2, 0, 2, 3]
    assert sweep_lanes([]) == ([], [])


def test_the_sweep_treats_a_span_ending_before_it_starts_as_empty() -> None:
    index, count = sweep_lanes([(10, 5), (10, 20)])
    assert (index, count) == ([0, 0], [1, 1])


def _first_free_lanes(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """The plain statement of the rule: scan the lanes for the first free one."""
    index: list[int] = []
    count: list[int] = []
    lane_ends: list[int] = []
    cluster: list[int] = []
    cluster_end: int | None = None
    for start, end in spans:
        end = max(end, start)
        if cluster_end is not None and start >= cluster_end:
            count.extend([len(lane_ends)] * len(cluster))
            cluster, lane_ends, cluster_end = [], [], None
        free = [i for i, busy_until in enumerate(lane_ends) if busy_until <= start]
        lane = free[0] if free else len(lane_ends)
        if free:
            lane_ends[lane] = end
        else:
            lane_ends.append(end)
        cluster.append(lane)
        index.append(lane)
        cluster_end = end if cluster_end is None else max(cluster_end, end)
    count.extend([len(lane_ends)] * len(cluster))
    return index, count


def test_the_sweep_agrees_with_scanning_for_the_first_free_lane() -> None:
    rng = random.Random(7)
    for _ in range(200):
        spans = sorted(
            (start, start + rng.choice([0, 5, 10, 15, 30, 45, 90]))
            for start in (rng.randrange(0, 600, 5) for _ in range(rng.randrange(1, 80)))
        )
        assert sweep_lanes(spans) == _first_free_lanes(spans)


def test_the_widest_cluster_is_counted_as_the_sweep_places_it() -> None:
    """Touching, empty and backwards spans included: the count is the sweep's, not a
    count of overlaps (an empty span inside a longer one still takes a lane)."""
    assert widest_lanes([]) == 0
    assert widest_lanes([(0, 60), (30, 30), (40, 50)]) == 2  # (30, 30) took lane 1
    assert widest_lanes([(0, 30), (30, 60)]) == 1  # touching
    assert widest_lanes([(10, 5), (10, 20)]) == 1
    rng = random.Random(11)
    for _ in range(300):
        spans = sorted(
            (start, start + rng.choice([-5, 0, 0, 5, 10, 15, 30, 45, 90]))
            for start in (rng.randrange(0, 600, 5) for _ in range(rng.randrange(1, 80)))
        )
        assert widest_lanes(spans) == max(sweep_lanes(spans)[1])

"""Overlap lanes of the week view, without Qt."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from frontdesk.domain.layout import Lane, assign_lanes

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

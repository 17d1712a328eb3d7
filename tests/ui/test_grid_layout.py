"""Where the grids put appointments (ui/grid_layout.py), without a widget: columns, local
times and lanes; pixels made per column and only for the rows asked for."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from frontdesk.domain.booking import BookingGlimpse, SyncState, VisitStatus
from frontdesk.domain.layout import assign_lanes
from frontdesk.ui.grid_layout import FIRST_HOUR, GridColumn, arrange, place

ZONE = "Europe/London"  # BST in June: UTC+1
MONDAY = date(2027, 6, 14)
DOCTOR = ("c1", "dr")
ROOM = ("c1", "room")


def glimpse(
    n: int,
    day: int,
    hour: float,
    minutes: int = 30,
    where: tuple[str, str] = DOCTOR,
    visit: VisitStatus = VisitStatus.BOOKED,
) -> BookingGlimpse:
    start = datetime(2027, 6, 14, tzinfo=UTC) + timedelta(days=day, hours=hour - 1)
    return BookingGlimpse(
        f"b-{n}",
        where[0],
        "svc",
        where[1],
        start,
        start + timedelta(minutes=minutes),
        f"Patient {n}",
        "+442079460000",
        visit,
        SyncState.CONFIRMED,
        None,
    )


def week() -> list[GridColumn]:
    return [GridColumn(MONDAY + timedelta(days=i), None, f"day {i}") for i in range(7)]


def test_bookings_go_to_their_local_day_and_cancelled_or_unshown_ones_nowhere() -> None:
    bookings = [
        glimpse(1, 0, 9),
        glimpse(2, 2, 10),
        glimpse(3, 2, 10.25),
        glimpse(4, 3, 9, visit=VisitStatus.CANCELLED),
        glimpse(5, 9, 9),  # the week after
    ]
    arranged = arrange(bookings, week(), ZONE)
    assert {c: [i[3].id for i in items] for c, items in arranged.per_column.items()} == {
        0: ["b-1"],
        2: ["b-2", "b-3"],
    }
    start, end = arranged.per_column[0][0][4:]
    assert (start.hour, start.minute, end.hour, end.minute) == (9, 0, 9, 30)  # local
    assert arranged.column_of == {"b-1": 0, "b-2": 2, "b-3": 2}
    assert arranged.widest == {0: 1, 2: 2}
    assert (arranged.first_hour, arranged.last_hour) == (FIRST_HOUR, 21)


def test_a_resource_column_comes_before_the_days_and_early_or_late_hours_widen_the_grid() -> None:
    columns = [GridColumn(MONDAY, DOCTOR, "Dr"), GridColumn(MONDAY, None, "the rest")]
    bookings = [glimpse(1, 0, 6.5), glimpse(2, 0, 21.5, 60, where=ROOM)]
    arranged = arrange(bookings, columns, ZONE)
    assert arranged.column_of == {"b-1": 0, "b-2": 1}
    assert (arranged.first_hour, arranged.last_hour) == (6, 23)


def test_a_booking_past_midnight_is_drawn_to_the_end_of_its_day() -> None:
    arranged = arrange([glimpse(1, 0, 23, 120)], week(), ZONE)
    _, end_us, _, _, _, end = arranged.per_column[0][0]
    assert (end.hour, end.minute, end.second) == (23, 59, 59)
    assert end_us == (24 * 3600 - 1) * 1_000_000
    assert arranged.last_hour == 24


def test_lanes_are_those_of_the_overlap_rule_and_time_order_runs_left_to_right() -> None:
    bookings = [
        glimpse(1, 1, 9, 90),
        glimpse(2, 1, 9.25),
        glimpse(3, 1, 9.25),
        glimpse(4, 1, 10, 45),
        glimpse(5, 1, 12),
    ]
    arranged = arrange(bookings, week(), ZONE)
    assert arranged.lanes == {}  # swept when first asked for
    index, count = arranged.lanes_of(1)
    items = arranged.per_column[1]
    got = {item[3].id: (i, n) for item, i, n in zip(items, index, count, strict=True)}
    expected = assign_lanes((b.id, b.start, b.end) for b in bookings)
    assert got == {k: (lane.index, lane.count) for k, lane in expected.items()}
    assert arranged.widest[1] == 3
    assert [b.id for b in arranged.in_time_order()] == ["b-1", "b-2", "b-3", "b-4", "b-5"]


def test_pixels_are_made_per_column_and_only_for_the_rows_asked_for() -> None:
    bookings = [glimpse(n, n % 3, 8 + n / 4) for n in range(30)]
    columns = week()
    geometry = place(arrange(bookings, columns, ZONE), columns, 1000, 118, 44)
    assert geometry.x[0] == 58 and geometry.x == sorted(geometry.x)
    assert list(geometry.made()) == []
    tops = geometry.tops(1)
    assert tops == sorted(tops) and len(tops) == 10
    assert list(geometry.made()) == []  # the tops cost no blocks
    some = geometry.between(1, 2, 5)
    assert [b.rect.top() for b in some] == tops[2:5]
    assert len(list(geometry.made())) == 3
    whole = geometry.column(1)
    assert whole[2:5] == some and [b.rect.top() for b in whole] == tops
    assert {b.column for b in whole} == {1}


def test_blocks_by_id_are_made_when_asked_for_and_every_block_can_be_had() -> None:
    bookings = [glimpse(n, n % 2, 9 + n / 2) for n in range(8)]
    columns = week()
    geometry = place(arrange(bookings, columns, ZONE), columns, 1000, 118, 44)
    assert "b-3" in geometry and "nope" not in geometry and len(geometry) == 8
    block = geometry["b-3"]
    assert block.booking.id == "b-3" and block.column == 1
    assert block.start.hour == 10 and block.rect.height() == 28  # 30 minutes, less 2 px
    assert len(list(geometry.made())) == 1
    assert geometry.get("nope") is None
    assert sorted(b.booking.id for b in geometry.blocks()) == sorted(geometry)


def test_a_crowded_column_draws_what_fits_and_counts_the_rest() -> None:
    """Thirty appointments at once in a 120 px column: the lanes that fit are drawn, the rest
    are hidden (no area, so no click finds them) and counted for the column's "+N"."""
    from datetime import UTC, date, datetime

    from frontdesk.domain.booking import BookingGlimpse, SyncState, VisitStatus
    from frontdesk.ui.grid_layout import MIN_DRAWN_LANE_W, GridColumn, arrange, place

    day = date(2027, 6, 15)
    start = datetime(2027, 6, 15, 9, tzinfo=UTC)
    bookings = [
        BookingGlimpse(
            f"b{n}", "c", "s", f"r{n}", start, start.replace(hour=10), f"P{n}", "",
            VisitStatus.BOOKED, SyncState.CONFIRMED, None,
        )
        for n in range(30)
    ]  # fmt: skip
    columns = [GridColumn(day, None, "Tue")]
    geometry = place(arrange(bookings, columns, "UTC"), columns, 58 + 120, 0, 44)
    blocks = geometry.column(0)
    drawn = [b for b in blocks if not b.hidden]
    assert len(blocks) == 30
    assert len(drawn) == int((120 - 7) // MIN_DRAWN_LANE_W)
    assert all(b.rect.width() >= MIN_DRAWN_LANE_W - 2 for b in drawn)
    assert all(b.rect.width() == 0 for b in blocks if b.hidden)

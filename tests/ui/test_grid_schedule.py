"""The grid's schedule layer worked out without a window: which columns are shaded out of
hours (only where the API documents hours and the day's windows are cached), a week's column
of every resource (shaded only where all are out of hours), and where blockouts are drawn (a
column's own blockout is a narrow strip in a column of every resource)."""

from __future__ import annotations

from datetime import date, time

from frontdesk.domain.blockouts import Blockout, Reason
from frontdesk.domain.catalog import Window
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.ui.grid_layout import GridColumn
from frontdesk.ui.grid_schedule import schedule_of

ZONE = "Europe/London"
DAY = date(2027, 6, 15)
HUSKY, VANTAX = ("c1", "main"), ("c2", "cal")
NORTH = ("c1", "north")


def window(key: tuple[str, str], start: int, end: int, day: date = DAY) -> Window:
    return Window(f"{key[1]}-{start}", key[1], day, time(start), time(end))


def test_hours_are_shaded_only_where_the_api_documents_them() -> None:
    windows = {HUSKY: [window(HUSKY, 9, 12), window(HUSKY, 14, 17)], VANTAX: []}
    columns = [
        GridColumn(DAY, HUSKY, "Main"),
        GridColumn(DAY, VANTAX, "Calendar"),
        GridColumn(date(2027, 6, 16), HUSKY, "Main, a day not cached"),
        GridColumn(DAY, NORTH, "North: closed all day, other branches open"),
    ]
    no_hours = {VANTAX: "VantaX documents no working hours"}
    schedule = schedule_of(columns, windows, no_hours, [], ZONE)
    assert schedule.off[0] == [(0.0, 540.0), (720.0, 840.0), (1020.0, 1440.0)]
    assert schedule.off[1] == [] and schedule.notes == {1: "VantaX documents no working hours"}
    assert schedule.off[2] == []  # nothing cached for that day: not guessed closed
    assert schedule.off[3] == [(0.0, 1440.0)]


def test_a_column_of_every_resource_is_shaded_where_all_are_out() -> None:
    windows = {HUSKY: [window(HUSKY, 9, 12)], NORTH: [window(NORTH, 11, 15)]}
    every = [GridColumn(DAY, None, "Tue")]
    schedule = schedule_of(every, windows, {}, [], ZONE)
    assert schedule.off[0] == [(0.0, 540.0), (900.0, 1440.0)]
    # one resource whose API documents no hours: the day is not shaded at all
    unknown = schedule_of(every, windows, {VANTAX: "no hours"}, [], ZONE)
    assert unknown.off[0] == [] and unknown.notes == {0: "no hours"}


def test_blockouts_are_drawn_in_their_columns() -> None:
    lunch = Blockout(
        "b1",
        local_to_utc(DAY, time(12, 30), ZONE).instant,
        local_to_utc(DAY, time(13, 30), ZONE).instant,
        ZONE,
        Reason.LUNCH,
        connection_id="c1",
        resource_id="main",
    )
    occurrences = lunch.occurrences(lunch.start, lunch.end)
    columns = [
        GridColumn(DAY, HUSKY, "Main"),
        GridColumn(DAY, NORTH, "North"),
        GridColumn(DAY, None, "Tue"),
    ]
    bands = schedule_of(columns, {}, {}, occurrences, ZONE).bands
    assert [(b.column, b.top, b.bottom, b.narrow) for b in bands] == [
        (0, 750.0, 810.0, False),
        (2, 750.0, 810.0, True),
    ]
    # shown on another clinic clock, the band moves with it
    kolkata = schedule_of(columns[:1], {}, {}, occurrences, "Asia/Kolkata").bands
    assert (kolkata[0].top, kolkata[0].bottom) == (17 * 60.0, 18 * 60.0)

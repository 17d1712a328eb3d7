"""The grid's schedule layer worked out without a window: which columns are shaded out of
hours (only where the API documents hours and the day's windows are cached), a week's column
of every resource (shaded only where all are out of hours), one of the clinic's columns (open
where any member that documents hours is open), and where blockouts are drawn (a column's own
blockout is a narrow strip in a column of every resource, only for the columns the view shows;
a clinic column draws its own, its members' and the whole clinic's)."""

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


BERGER = ("@clinic", "col-berger")  # one of the clinic's columns: HUSKY and MEETERGO
MEETERGO = ("c3", "host")


def test_a_clinic_column_is_open_where_any_member_documents_it_open() -> None:
    windows = {
        HUSKY: [window(HUSKY, 9, 12), window(HUSKY, 14, 17)],
        NORTH: [window(NORTH, 11, 15)],
        MEETERGO: [],
    }
    no_hours = {MEETERGO: "meetergo publishes free start times", VANTAX: "VantaX: none"}
    columns = [
        GridColumn(DAY, BERGER, "Both branches", keys=(HUSKY, NORTH)),
        GridColumn(DAY, BERGER, "Dr. Berger", keys=(HUSKY, MEETERGO)),
        GridColumn(DAY, ("@clinic", "col-chair"), "Chair", keys=(VANTAX,)),
        GridColumn(date(2027, 6, 16), BERGER, "Dr. Berger, a day not cached", keys=(HUSKY,)),
    ]
    schedule = schedule_of(columns, windows, no_hours, [], ZONE)
    assert schedule.off[0] == [(0.0, 540.0), (1020.0, 1440.0)]  # open where either is
    # meetergo's host documents no hours: shaded by the branch's, the heading says why
    assert schedule.off[1] == [(0.0, 540.0), (720.0, 840.0), (1020.0, 1440.0)]
    assert schedule.partial == {1: "meetergo publishes free start times"}
    # no member documents hours: unshaded, with the note
    assert schedule.off[2] == [] and schedule.notes == {2: "VantaX: none"}
    assert schedule.off[3] == []


def test_a_clinic_column_draws_its_own_its_members_and_the_clinics_blockouts() -> None:
    def blockout(name: str, key: tuple[str, str] | None, hour: int) -> Blockout:
        return Blockout(
            name,
            local_to_utc(DAY, time(hour), ZONE).instant,
            local_to_utc(DAY, time(hour, 30), ZONE).instant,
            ZONE,
            Reason.MEETING,
            connection_id=key[0] if key else None,
            resource_id=key[1] if key else None,
        )

    found = [
        blockout("own", BERGER, 8),
        blockout("member", MEETERGO, 9),
        blockout("clinic", None, 10),
        blockout("other", NORTH, 11),
        blockout("other column", ("@clinic", "col-chair"), 12),
    ]
    occurrences = [o for b in found for o in b.occurrences(b.start, b.end)]
    columns = [
        GridColumn(DAY, BERGER, "Dr. Berger", keys=(HUSKY, MEETERGO)),
        GridColumn(DAY, HUSKY, "Main"),
    ]
    bands = schedule_of(columns, {}, {}, occurrences, ZONE).bands
    drawn = sorted((b.column, b.occurrence.blockout.id) for b in bands)
    assert drawn == [(0, "clinic"), (0, "member"), (0, "own"), (1, "clinic")]


def test_a_weeks_column_of_every_resource_draws_only_the_shown_columns_blockouts() -> None:
    def blockout(name: str, key: tuple[str, str] | None) -> Blockout:
        return Blockout(
            name,
            local_to_utc(DAY, time(9), ZONE).instant,
            local_to_utc(DAY, time(10), ZONE).instant,
            ZONE,
            Reason.MEETING,
            connection_id=key[0] if key else None,
            resource_id=key[1] if key else None,
        )

    found = [
        blockout("column", BERGER),
        blockout("member", MEETERGO),
        blockout("clinic", None),
        blockout("hidden resource", NORTH),
        blockout("hidden column", ("@clinic", "col-chair")),
    ]
    occurrences = [o for b in found for o in b.occurrences(b.start, b.end)]
    every = [GridColumn(DAY, None, "Tue")]
    shown = frozenset({BERGER, HUSKY, MEETERGO})  # a view of Dr. Berger's column alone
    bands = schedule_of(every, {}, {}, occurrences, ZONE, shown).bands
    drawn = sorted((b.occurrence.blockout.id, b.narrow) for b in bands)
    assert drawn == [("clinic", False), ("column", True), ("member", True)]
    # told nothing of the view (None): every blockout, as before
    assert len(schedule_of(every, {}, {}, occurrences, ZONE).bands) == len(found)

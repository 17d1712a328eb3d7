"""Benchmark: the calendar views on 30 resources, 5,000 appointments in the shown week and
300,000 in the cache.

Prints, as median and max over repeats:
* painting the week view (a full repaint of the visible area, data already laid out);
* moving to the next week (query + layout + paint), cold and as the desk does it (the
  neighbouring weeks read on a pool thread and laid out while idle, with a key press every
  quarter second). Cold: each press goes to a week never read before in the run (its bookings,
  its opening windows), from a desk refreshed a quarter second earlier, nothing read ahead; the
  time runs from the key press to the end of the first full paint of what the window shows.
  Its parts follow, each on other weeks never read: the query, the lanes, and placing what the
  window shows with its first paint;
* the day view (30 columns) and the week split per resource (210 columns) the same way;
* painting the day with the clinic's own columns (the 30 resources two by two in 15), and the
  week of a view of five of them.

Run: ``uv run python bench/desk_views.py``
"""

from __future__ import annotations

import gc
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_data import open_profile, report, this_monday, timed
from PySide6.QtWidgets import QApplication

from frontdesk.app.desk import calendar_data
from frontdesk.domain.columns import EVERYTHING, ClinicColumn, ColumnSetup, ColumnView
from frontdesk.ui.calendar_pane import CalendarPane, Mode
from frontdesk.ui.grid_layout import arrange
from frontdesk.ui.week_view import week_columns

REPEATS = 30
KEY_GAP_S = 0.25  # a receptionist pressing "next" four times a second


def main() -> None:
    app = QApplication.instance() or QApplication([])
    context = open_profile()
    pane = CalendarPane(context)
    pane.resize(1400, 860)
    pane.show()
    app.processEvents()
    gc.collect()
    gc.freeze()  # as the desk does once built (ui/gc_policy.py)
    monday = this_monday()

    def repaint() -> None:
        view = pane.current_view()
        assert view is not None
        target = view.viewport() if hasattr(view, "viewport") else view
        target.repaint()

    def paints(mode: Mode, label: str) -> None:
        pane.show_day(monday + timedelta(days=1), mode)
        grid = pane.grid()
        assert grid is not None
        grid.scroll_to_hour(9)
        repaint()
        report(f"paint the {label} view, {len(grid._blocks)} laid out", timed(repaint, REPEATS), 8)

        def from_scratch() -> None:
            grid.painter_.invalidate()  # as after new data: nothing reused
            repaint()

        report("  the same, painted from scratch", timed(from_scratch, REPEATS))
        bar = grid.horizontalScrollBar()
        steps = iter([40, -40] * REPEATS)

        def sideways() -> None:
            bar.setValue(bar.value() + next(steps))
            repaint()

        report("  scrolled sideways by 40 px", timed(sideways, REPEATS), 8)

    paints(Mode.WEEK, "week")
    paints(Mode.DAY, "day (30 columns)")

    pane.show_day(monday, Mode.WEEK)
    pane.set_per_resource(True)
    repaint()
    report("paint the week split per resource (210 columns)", timed(repaint, REPEATS), 8)
    pane.set_per_resource(False)

    def press(direction: int) -> float:
        started = time.perf_counter()
        pane.step(direction)
        repaint()
        return (time.perf_counter() - started) * 1000

    def idle() -> None:
        """A quarter second between key presses: the read-ahead runs, if on."""
        idle_until = time.perf_counter() + KEY_GAP_S
        while time.perf_counter() < idle_until:
            app.processEvents()
            time.sleep(0.002)

    unseen = iter(range(-10, 50))  # the weeks of the cache, from ten before this one

    def cold(label: str, mode: Mode) -> None:
        pane.prefetch = False
        times = []
        for _ in range(10):
            week = monday + timedelta(weeks=next(unseen))
            pane.show_day(week + timedelta(days=1), mode)
            pane.refresh()  # nothing kept from before
            idle()
            times.append(press(1))  # to a week (day) never read
            next(unseen)
        report(label, times, 50)

    def ahead(label: str, mode: Mode) -> None:
        pane.prefetch = True
        pane.show_day(monday + timedelta(days=1), mode)
        times = []
        for direction in [1, -1] * 10:
            idle()
            times.append(press(direction))
        report(label, times, 50)

    cold("next week, cold: query + layout + paint", Mode.WEEK)
    ahead("next week as the desk does it (read ahead while idle)", Mode.WEEK)
    cold("next day in the day view, cold", Mode.DAY)
    ahead("next day in the day view, read ahead", Mode.DAY)
    pane.prefetch = False
    # where the cold path's time goes, each part on weeks never read before
    grid = pane.week_view
    pane.show_day(monday, Mode.WEEK)
    spans = [(monday + timedelta(weeks=next(unseen)), 7) for _ in range(10)]
    found = []

    def query() -> None:
        found.append(calendar_data(context, *spans[len(found)]))

    report("  cold, the query alone (5,000 rows)", timed(query, len(spans)))
    columns = [week_columns(first, None) for first, _ in spans]
    arranged = []

    def lanes() -> None:
        n = len(arranged)
        arranged.append(arrange(found[n].bookings, columns[n], found[n].zone))

    report("  cold, arranging alone (lanes)", timed(lanes, len(spans)))
    shown = iter(range(len(spans)))

    def first_paint() -> None:
        n = next(shown)
        grid.set_columns(columns[n], relayout=False)
        grid.set_data(found[n].bookings, found[n].services, arrangement=arranged[n])
        repaint()

    report("  cold, placing and painting what shows", timed(first_paint, len(spans)))
    # the clinic's own columns (kept in memory, the profile is not changed): the 30
    # resources shown two by two in 15 columns, then a view of 5 of them
    api = pane.api_resources
    count = len(api) // 2
    pane.setup = ColumnSetup(
        tuple(ClinicColumn(f"c{n}", f"Column {n}") for n in range(count)),
        {r.key: f"c{min(k // 2, count - 1)}" for k, r in enumerate(api)},
        (ColumnView("five", "Five", tuple(f"c{n}" for n in range(5))),),
    )
    pane.columns_of_view(EVERYTHING)
    pane.set_filter(frozenset())
    paints(Mode.DAY, f"clinic-column day ({count} columns, 2 resources each)")
    pane.columns_of_view("five")
    pane.set_filter(frozenset())
    paints(Mode.WEEK, "5-column week")
    context.close()


if __name__ == "__main__":
    main()

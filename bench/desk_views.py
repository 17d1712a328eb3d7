"""Benchmark: the calendar views on 30 resources, 5,000 appointments in the shown week and
300,000 in the cache.

Prints, as median and max over repeats:
* painting the week view (a full repaint of the visible area, data already laid out);
* moving to the next week (query + layout + paint), cold (nothing cached) and as the desk does
  it (the neighbouring weeks read on a pool thread and laid out while idle, with a key press
  every quarter second);
* the day view (30 columns) and the week split per resource (210 columns) the same way.

Run: ``uv run python bench/desk_views.py``
"""

from __future__ import annotations

import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_data import open_profile, report, this_monday, timed
from PySide6.QtWidgets import QApplication

from frontdesk.app.desk import calendar_data
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

    def walk(label: str, mode: Mode, ahead: bool, budget: float | None) -> None:
        pane.prefetch = ahead
        pane.show_day(monday + timedelta(days=1), mode)
        times = []
        for direction in [1, -1] * 10:
            if not ahead:
                pane.refresh()  # cold: nothing cached from before
            idle_until = time.perf_counter() + KEY_GAP_S
            while time.perf_counter() < idle_until:  # between key presses: read-ahead runs
                app.processEvents()
                time.sleep(0.002)
            started = time.perf_counter()
            pane.step(direction)
            repaint()
            times.append((time.perf_counter() - started) * 1000)
        report(label, times, budget)

    walk("next week, cold: query + layout + paint", Mode.WEEK, False, 50)
    walk("next week as the desk does it (read ahead while idle)", Mode.WEEK, True, 50)
    walk("next day in the day view, cold", Mode.DAY, False, 50)
    walk("next day in the day view, read ahead", Mode.DAY, True, 50)
    # where the cold path's time goes, for one week
    grid = pane.week_view
    span = (monday + timedelta(days=7), 7)
    columns = week_columns(span[0], None)
    report("  cold, the query alone (5,000 rows)", timed(lambda: calendar_data(context, *span), 10))
    data = calendar_data(context, *span)
    report(
        "  cold, arranging alone (lanes)",
        timed(lambda: arrange(data.bookings, columns, data.zone), 10),
    )
    arranged = arrange(data.bookings, columns, data.zone)
    report("  cold, placing alone (pixels)", timed(lambda: grid.prepare(arranged, columns), 10))
    context.close()


if __name__ == "__main__":
    main()

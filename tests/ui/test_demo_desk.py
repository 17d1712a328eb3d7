"""The five-API demo at the desk, as ``frontdesk --demo`` opens it: the first API pulled before
the window, the other four seeded, connected and pulled by the sync worker after the first
paint, and then the day view showing columns from all five connections side by side."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from frontdesk.app.demo import ALL_PROVIDERS, Demo
from frontdesk.domain.timeutil import local_to_utc, to_local
from frontdesk.ui.calendar_pane import Mode
from frontdesk.ui.launch import sync_after_first_paint
from frontdesk.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def five(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    profile = tmp_path_factory.mktemp("five") / "profile"
    running = Demo(profile, providers=ALL_PROVIDERS, quick_start=True)
    running.pull_first()  # as the launcher does before the window
    try:
        yield running
    finally:
        running.close()


def shown_connections(main: MainWindow) -> set[str]:
    return {column.resource[0] for column in main.pane.day_view.columns if column.resource}


def test_the_day_view_shows_columns_from_all_five_connections(
    qtbot, five: Demo, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    main = MainWindow(five.context, sync_interval_ms=3_600_000, start_sync=False)
    main.resize(1700, 900)
    main.pane.set_mode(Mode.DAY)
    assert shown_connections(main) == {five.connection_id("huskyvoice")}
    assert len(five.context.connections()) == 1
    sync_after_first_paint(main, five)  # as the launcher does
    main.show()
    qtbot.waitExposed(main)
    try:
        # the worker seeds, connects and pulls the other four after the first paint
        qtbot.waitUntil(lambda: len(shown_connections(main)) == 5, timeout=60_000)
        assert shown_connections(main) == {five.connection_id(p) for p in ALL_PROVIDERS}
        names = {c.title for c in main.pane.day_view.columns}
        assert {"Main Branch", "Dental cleaning", "Dr. Anna Berger", "Dr. Ana Ruiz"} <= names
        main.pane.show_day(busiest_day(main))
        qtbot.waitUntil(lambda: len(main.pane.day_view.bookings()) > 0, timeout=20_000)
        day_of = {b.connection_id for b in main.pane.day_view.bookings()}
        assert len(day_of) >= 3  # bookings of several APIs on one day
        save_shot(main, tmp_path / "demo-day.png")
        main.pane.set_mode(Mode.WEEK)
        main.side.per_resource.setChecked(True)
        qtbot.waitUntil(lambda: len(main.pane.week_view.columns) > 7, timeout=20_000)
        save_shot(main, tmp_path / "demo-week.png")
        main.side.per_resource.setChecked(False)
    finally:
        main.close()
        main.deleteLater()


def busiest_day(main: MainWindow) -> date:
    """The local day of the coming week with bookings from the most connections."""
    start = local_to_utc(main.pane.day, time(0), main.zone).instant
    found: dict[date, set[str]] = {}
    for booking in main.context.repo.bookings_between(start, start + timedelta(days=8)):
        day = to_local(booking.start, main.zone).date()
        found.setdefault(day, set()).add(booking.connection_id)
    return max(found, key=lambda d: (len(found[d]), -d.toordinal())) if found else main.pane.day


def save_shot(main: MainWindow, path: Path) -> None:
    """What the desk looks like, kept in the test's folder for a person to look at."""
    shot = main.grab()
    assert not shot.isNull() and shot.save(str(path))

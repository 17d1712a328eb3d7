"""Blockouts with the clinic's columns on, as ``frontdesk --demo`` shows them (Dr. Berger is
HuskyVoice's main branch and a meetergo host in one column; Dr. Ruiz a CareValidate provider):
a time picked in Dr. Berger's column and blocked with Ctrl+B keeps both of his booking systems'
resources free (a booking, a move, a drag, the openings finder), the dialog counts the bookings
of both, the band's tooltip and the audit line name the column, and a resource mapped into or
out of the column later is judged as mapped then. The day view draws a clinic column's
schedule layer: the members' documented hours (open where any is), the members' blockouts (the
demo's lunch in Dr. Ruiz's column) and the note where no member documents hours; the week
without a column per resource draws only the blockouts of the column view's columns."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt

from frontdesk.app import columns as clinic_columns
from frontdesk.app.demo import Demo
from frontdesk.app.openings import Limits, OpeningQuery, find_openings
from frontdesk.domain.audit import AuditFilter
from frontdesk.domain.blockouts import Blockout, Reason
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc, to_local
from frontdesk.domain.verdict import Severity
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from frontdesk.ui.blockout_actions import open_blockout
from frontdesk.ui.blockout_dialog import BlockoutDialog
from frontdesk.ui.calendar_pane import Mode
from frontdesk.ui.grid_schedule import band_tooltip
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.time_grid import TimeGridView
from support.clinic import MAIN, NORTH
from support.grid_mouse import grid_point, send_mouse
from support.staff import long_idle

ZONE = "Europe/London"
HOST = "a1f0c3d2-5b6e-4f70-8a9b-0c1d2e3f4a51"  # meetergo's Dr. Anna Berger
BERGER = ("@clinic", "demo-berger")
WORDS = "Blocked at this desk: meeting (team huddle) 10:00-11:00 (clinic rule)"


def _shot(widget: object, name: str) -> None:
    where = os.environ.get("FRONTDESK_SHOT_DIR")
    if where:
        Path(where).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(where) / name))  # type: ignore[attr-defined]


@pytest.fixture
def desk(qtbot, tmp_path: Path) -> Iterator[tuple[Demo, MainWindow]]:  # type: ignore[no-untyped-def]
    demo = Demo(
        tmp_path / "profile",
        clinic_zone=ZONE,
        providers=("huskyvoice", "meetergo", "carevalidate"),
        clinic_columns=True,
    )
    long_idle(demo.context)
    demo.pull()
    main = MainWindow(demo.context, sync_interval_ms=3_600_000, start_sync=False, sync_thread=True)
    main.resize(1400, 860)
    main.show()
    qtbot.waitExposed(main)
    with qtbot.waitSignal(main.synced, timeout=20_000):
        main.sync.start()
    try:
        yield demo, main
    finally:
        for dialog in list(main.open_dialogs):
            dialog.done(0)
        main.close()
        main.deleteLater()
        demo.close()


def _weekday_after(days: int) -> date:
    day = date.today() + timedelta(days=days)
    while day.weekday() > 4:
        day += timedelta(days=1)
    return day


def _column(grid: TimeGridView, title: str) -> int:
    return next(i for i, c in enumerate(grid.columns) if c.title == title)


def _service(demo: Demo, provider: str, name: str) -> str:
    catalog = demo.context.booking.catalog_for(demo.connection_id(provider))
    return next(s.id for s in catalog.services if s.name == name)


def _request(
    demo: Demo, provider: str, resource: str, start: datetime, **kw: str
) -> BookingRequest:
    service = (
        GENERAL_CHECKUP_ID if provider == "huskyvoice" else _service(demo, provider, "Consultation")
    )
    fields = {
        "patient_name": "Test Patient",
        "patient_phone": "+442079460999",
        "patient_email": "test.patient@example.org",
        **kw,
    }
    return BookingRequest(
        connection_id=demo.connection_id(provider),
        service_id=service,
        resource_id=resource,
        start=start,
        **fields,  # type: ignore[arg-type]
    )


def _desk_errors(demo: Demo, request: BookingRequest) -> list[str]:
    verdicts = demo.context.booking.validate(request)
    return [
        v.message for v in verdicts if v.severity is Severity.ERROR and v.code == "DESK_BLOCKOUT"
    ]


def test_a_clinic_columns_blockout_keeps_each_of_its_resources_free(qtbot, desk) -> None:  # type: ignore[no-untyped-def]
    demo, window = desk
    context = demo.context
    husky = demo.connection_id("huskyvoice")
    day = _weekday_after(8)  # past the seeded week: the morning is free
    start = local_to_utc(day, time(10), ZONE).instant
    end = start + timedelta(hours=1)
    window.pane.show_day(day, Mode.DAY)
    window.refresh()
    grid = window.day_view
    grid.scroll_to_hour(8)
    column = _column(grid, "Dr. Berger")
    assert grid.columns[column].resource == BERGER

    # pick 10:00-11:00 in Dr. Berger's column with the mouse, then Ctrl+B
    send_mouse(grid, QEvent.Type.MouseButtonPress, grid_point(grid, column, day, time(10)))
    send_mouse(grid, QEvent.Type.MouseMove, grid_point(grid, column, day, time(10, 45)))
    release = grid_point(grid, column, day, time(10, 45))
    send_mouse(grid, QEvent.Type.MouseButtonRelease, release, Qt.MouseButton.NoButton)
    pick = grid.picked()
    assert pick is not None and pick.resource == BERGER and (pick.start, pick.end) == (start, end)
    # one booking on each of Dr. Berger's booking systems already in the time (booked
    # once the time is picked, beside the pick): both kept
    kept = [
        context.booking.book(_request(demo, "huskyvoice", MAIN, start + timedelta(minutes=30))),
        context.booking.book(
            _request(demo, "meetergo", HOST, start, patient_phone="+442079460111")
        ),
    ]
    window.block_action.trigger()
    dialog = window.open_dialogs[-1]
    assert isinstance(dialog, BlockoutDialog)
    qtbot.waitExposed(dialog)
    assert tuple(dialog.column.currentData()) == BERGER
    assert dialog.column.currentText().startswith("Dr. Berger")
    dialog.reason.setCurrentIndex(dialog.reason.findData(Reason.MEETING.value))
    qtbot.keyClicks(dialog.note, "team huddle")
    dialog.check_now()
    assert dialog.covered == 2 and "2 bookings lie in this time" in dialog.warning.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert window.ops.wait()
    qtbot.waitUntil(lambda: bool(grid.schedule and grid.schedule.bands), timeout=5000)
    assert all(context.repo.booking(b.id).active for b in kept)  # kept, not cancelled

    # drawn in Dr. Berger's column; its tooltip and the audit line name the column
    assert grid.schedule is not None
    band = next(b for b in grid.schedule.bands if b.column == column)
    assert (band.top, band.bottom) == (600, 660)
    tip = band_tooltip(band, window.zone, grid._resource_names)
    assert "Dr. Berger" in tip and "one column" not in tip
    line = context.repo.audit.audit_page(AuditFilter(event="blockout added"), 0, 1)[0]
    assert line.changes["column"] == [None, "Dr. Berger"]
    _shot(window, "blockout-clinic-column.png")

    # booking into it on either of his booking systems is refused; Hygiene chair 2 is free
    at = start + timedelta(minutes=15)
    assert _desk_errors(demo, _request(demo, "huskyvoice", MAIN, at)) == [WORDS]
    assert _desk_errors(demo, _request(demo, "meetergo", HOST, at)) == [WORDS]
    assert _desk_errors(demo, _request(demo, "huskyvoice", NORTH, at)) == []
    assert _desk_errors(demo, _request(demo, "huskyvoice", MAIN, end)) == []

    # a move into it is refused, and a drag in the column too
    later = context.booking.book(
        _request(
            demo, "huskyvoice", MAIN, start + timedelta(hours=5), patient_phone="+442079460112"
        )
    )
    assert window._move_reasons(later.id, start + timedelta(minutes=45), (husky, MAIN)) == [WORDS]
    window.refresh()
    qtbot.waitUntil(lambda: grid.block_rect(later.id) is not None, timeout=5000)
    grid.scroll_to_hour(9)
    grab = grid_point(grid, column, day, time(15, 5))
    shown = grid.block_at(grab)
    assert shown is not None and shown.id == later.id
    refused: list[str] = []
    grid.moveRefused.connect(lambda _id, why: refused.append(why))
    target = grid_point(grid, column, day, time(10, 20))
    send_mouse(grid, QEvent.Type.MouseButtonPress, grab)
    for step in range(1, 6):
        send_mouse(grid, QEvent.Type.MouseMove, grab + (target - grab) * (step / 5))
    drag = grid.drag_state()
    assert drag is not None and drag.reason == WORDS
    send_mouse(grid, QEvent.Type.MouseButtonRelease, target, Qt.MouseButton.NoButton)
    assert refused == [WORDS]
    assert context.repo.booking(later.id).start == start + timedelta(hours=5)

    # the openings finder skips it on both booking systems (and still finds that day)
    queries = [
        OpeningQuery(husky, GENERAL_CHECKUP_ID, (MAIN,)),
        OpeningQuery(
            demo.connection_id("meetergo"), _service(demo, "meetergo", "Therapy Session"), (HOST,)
        ),
    ]
    from_day = local_to_utc(day, time(0), ZONE).instant
    for query in queries:
        found = find_openings(
            context.booking, [query], from_day, Limits(count=60, days=1, per_window=60)
        )
        on_day = [o for o in found if to_local(o.start, ZONE).date() == day]
        assert on_day, query
        assert not any(o.start < end and start < o.end for o in on_day), query

    # the column's members as mapped when judged: North Branch mapped in is kept free too,
    # the main branch mapped out is free again
    setup = clinic_columns.setup(context)
    mapping = dict(setup.mapping)
    mapping[(husky, NORTH)] = "demo-berger"
    del mapping[(husky, MAIN)]
    clinic_columns.save(context, replace(setup, mapping=mapping))
    assert _desk_errors(demo, _request(demo, "huskyvoice", NORTH, at)) == [WORDS]
    assert _desk_errors(demo, _request(demo, "huskyvoice", MAIN, at)) == []
    assert _desk_errors(demo, _request(demo, "meetergo", HOST, at)) == [WORDS]


def test_a_clinic_column_draws_its_members_hours_and_blockouts(qtbot, desk) -> None:  # type: ignore[no-untyped-def]
    demo, window = desk
    context = demo.context
    husky = demo.connection_id("huskyvoice")
    day = _weekday_after(2)
    # a blockout of the main branch itself (not of the column): drawn in Dr. Berger's column
    meeting = context.blockouts.add(
        Blockout(
            "main-meeting",
            local_to_utc(day, time(15), ZONE).instant,
            local_to_utc(day, time(16), ZONE).instant,
            ZONE,
            Reason.MEETING,
            connection_id=husky,
            resource_id=MAIN,
        )
    )
    window.pane.show_day(day, Mode.DAY)
    window.refresh()
    grid = window.day_view
    grid.scroll_to_hour(8)
    qtbot.waitUntil(lambda: bool(grid.schedule and len(grid.schedule.bands) >= 2), timeout=5000)
    assert grid.schedule is not None
    berger, ruiz = _column(grid, "Dr. Berger"), _column(grid, "Dr. Ruiz")
    chair, keller = _column(grid, "Hygiene chair 2"), _column(grid, "Dr. Keller")
    bands = {(b.column, b.top, b.bottom) for b in grid.schedule.bands}
    # the demo's lunch, a blockout of CareValidate's Dr. Ana Ruiz, in the clinic's Dr. Ruiz
    assert (ruiz, 750, 810) in bands and (berger, 900, 960) in bands
    lunch = grid.blockout_at(grid_point(grid, ruiz, day, time(13)))
    assert lunch is not None and lunch.label == "Lunch"
    band = next(b for b in grid.schedule.bands if b.column == ruiz)
    assert "Dr. Ruiz" in band_tooltip(band, window.zone, grid._resource_names)
    found = grid.blockout_at(grid_point(grid, berger, day, time(15, 30)))
    assert found is not None and found.id == meeting.id

    # Dr. Berger's hours are the main branch's (meetergo documents none): the heading says so
    off = grid.schedule.off[berger]
    assert (12 * 60, 14 * 60) in off and any(s <= 7 * 60 and e >= 9 * 60 for s, e in off)
    assert "meetergo" in (grid.hours_words(berger) or "")
    assert not (grid.hours_words(berger) or "").startswith("No working hours shown")
    assert grid.schedule.off[chair]  # North Branch's hours
    # no member documents hours: unshaded, and said
    for index, api in ((ruiz, "CareValidate"), (keller, "meetergo")):
        assert grid.schedule.off[index] == []
        words = grid.hours_words(index) or ""
        assert words.startswith("No working hours shown") and api in words
    _shot(window, "blockout-clinic-hours.png")

    # changing the lunch keeps it Dr. Ana Ruiz's, though the dialog offers the clinic's columns
    dialog = open_blockout(window, blockout=lunch)
    qtbot.waitExposed(dialog)
    assert tuple(dialog.column.currentData()) == (lunch.connection_id, lunch.resource_id)
    assert dialog.column.currentText().startswith("Dr. Ruiz (Dr. Ana Ruiz")  # its column first
    typed = dialog.blockout()
    assert (typed.connection_id, typed.resource_id) == (lunch.connection_id, lunch.resource_id)
    dialog.done(0)

    # the week split per column draws them in the day's clinic columns too
    window.pane.set_per_resource(True)
    window.pane.show_day(day, Mode.WEEK)
    week = window.week_view
    qtbot.waitUntil(lambda: bool(week.schedule and week.schedule.bands), timeout=5000)
    assert week.schedule is not None
    drawn = {
        (week.columns[b.column].title, week.columns[b.column].day) for b in week.schedule.bands
    }
    assert ("Dr. Ruiz", day) in drawn and ("Dr. Berger", day) in drawn

    # the week without a column per resource draws the blockouts of the view's columns only
    # (as strips), the whole clinic's as bands
    closed = context.blockouts.add(
        Blockout(
            "clinic-closed",
            local_to_utc(day, time(17), ZONE).instant,
            local_to_utc(day, time(18), ZONE).instant,
            ZONE,
            Reason.MEETING,
        )
    )
    window.pane.set_per_resource(False)
    window.refresh()

    def week_bands() -> set[tuple[str, date, bool]]:
        assert week.schedule is not None
        return {
            (b.occurrence.blockout.id, week.columns[b.column].day, b.narrow)
            for b in week.schedule.bands
        }

    qtbot.waitUntil(lambda: all(c.resource is None for c in week.columns), timeout=5000)
    everything = week_bands()
    assert {(meeting.id, day, True), (lunch.id, day, True), (closed.id, day, False)} <= everything
    views = window.column_views.menu.actions()
    views[1].trigger()  # View > Column view > Dr. Berger's week
    qtbot.waitUntil(lambda: lunch.id not in {b[0] for b in week_bands()}, timeout=5000)
    berger_only = week_bands()
    assert (meeting.id, day, True) in berger_only and (closed.id, day, False) in berger_only
    assert {b[0] for b in berger_only} == {meeting.id, closed.id}
    _shot(window, "blockout-week-view.png")
    views[0].trigger()  # Everything: Dr. Ruiz's lunch again
    qtbot.waitUntil(lambda: (lunch.id, day, True) in week_bands(), timeout=5000)

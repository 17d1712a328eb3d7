"""One clock: a clinic in Kolkata whose booking systems run in London (HuskyVoice) and Los
Angeles (CareValidate). One booking followed through every screen and the day sheet shows one
time, the clinic's: the week grid, the day grid, the agenda, the month, the details panel, the
find-a-patient list, the appointment window, the move and cancel dialogs, the sync panel and
the history after a move, and the printed day."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from frontdesk.app.day_sheet import day_sheet
from frontdesk.app.demo import ALL_PROVIDERS, Demo
from frontdesk.app.openings import OpeningQuery, find_openings
from frontdesk.domain import dates
from frontdesk.domain.booking import Booking
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.dates import long_day, short_day
from frontdesk.domain.timeutil import to_local
from frontdesk.ui.appointment_dialog import AppointmentDialog
from frontdesk.ui.calendar_pane import Mode
from frontdesk.ui.change_dialogs import CancelDialog, RescheduleDialog
from frontdesk.ui.main_window import MainWindow

CLINIC = "Asia/Kolkata"


@pytest.fixture(scope="module")
def kolkata(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    profile = tmp_path_factory.mktemp("one-clock") / "p"
    demo = Demo(profile, providers=ALL_PROVIDERS, clinic_zone=CLINIC, own_zones=True)
    demo.pull()
    try:
        yield demo
    finally:
        demo.close()


def _booking_of(demo: Demo, provider: str) -> Booking:
    """A booking with an exact time: CareValidate's pulled ones have one; HuskyVoice keeps
    only a session for those, so the desk books one there (at its first free time)."""
    cid = demo.connection_id(provider)
    now = datetime.now(UTC)
    if provider == "huskyvoice":
        service = next(s for s in demo.context.booking.catalog_for(cid).services if s.active)
        queries = [OpeningQuery(cid, service.id)]
        opening = find_openings(demo.context.booking, queries, now + timedelta(days=1))[0]
        request = BookingRequest(
            connection_id=cid,
            service_id=service.id,
            resource_id=opening.resource_id,
            start=opening.start,
            patient_name="Clock Patient",
            patient_phone="+442079460888",
        )
        booked = demo.context.booking.book(request)
        assert demo.context.engine.drain().confirmed >= 1
        stored = demo.context.repo.booking(booked.id)
        assert stored is not None
        return stored
    found = demo.context.repo.bookings_between(now, now + timedelta(days=30), connection_id=cid)
    assert found, provider
    return found[len(found) // 2]


@pytest.mark.parametrize("provider", ["huskyvoice", "carevalidate"])
def test_one_booking_shows_one_time_everywhere(  # type: ignore[no-untyped-def]
    qtbot, kolkata: Demo, provider: str, tmp_path: Path
) -> None:
    context = kolkata.context
    booking = _booking_of(kolkata, provider)
    system_zone = context.repo.catalogs.policy(booking.connection_id).timezone
    local = to_local(booking.start, CLINIC)
    assert to_local(booking.start, system_zone).replace(tzinfo=None) != local.replace(
        tzinfo=None
    )  # the booking system's wall clock says something else
    hhmm = f"{local:%H:%M}"
    window = MainWindow(context, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    try:
        for mode in (Mode.WEEK, Mode.DAY):
            window.pane.show_day(local.date(), mode)
            block = window.pane.grid()._by_id[booking.id]  # type: ignore[union-attr]
            assert (block.start.hour, block.start.minute) == (local.hour, local.minute)
        window.pane.show_day(local.date(), Mode.AGENDA)
        row = window.pane.agenda_view._items[booking.id]
        assert row.text(0).startswith(f"{hhmm}–")
        window.pane.show_day(local.date(), Mode.MONTH)
        names = window.pane.month_view.summary(local.date()).names
        assert f"{hhmm} {booking.patient_name}" in names or len(names) == 3

        window.details.show_booking(booking.id)
        when = window.details.fields["when"].text()
        assert f"{long_day(local.date())}<br>{hhmm}–" in when
        assert "on the booking system&#x27;s clock" in when  # the other zone, small print only

        finder = window.find_patient()
        finder.search.setText(booking.patient_name)
        finder.search_now()
        shown = [
            finder.results.topLevelItem(i).child(j).text(0)
            for i in range(finder.results.topLevelItemCount())
            for j in range(finder.results.topLevelItem(i).childCount())
        ]
        assert dates.moment(local, year=True) in shown  # the desk's date words
        finder.done(0)

        appointment = AppointmentDialog(context, booking, window)
        assert appointment.local_day_and_time() == (local.date(), local.time().replace(tzinfo=None))
        appointment.done(0)
        move = RescheduleDialog(context, booking, window)
        assert f"{short_day(local.date())} {hhmm}" in move.findChild(type(window.week_title)).text()
        move.done(0)
        cancel = CancelDialog(context, booking, window)
        assert f"at {hhmm}" in cancel.findChild(type(window.week_title)).text()
        cancel.done(0)

        sheet = day_sheet(context, local.date())
        assert any(r.start == hhmm and r.patient == booking.patient_name for r in sheet.whole_day)

        if provider == "carevalidate":
            return  # its listing gives no email, which a move there needs
        later = booking.start + timedelta(minutes=5)
        moved = context.booking.reschedule(booking.id, later)  # queued: the sync panel lists it
        window.show_sync_panel()
        window.sync_panel.refresh()
        queued = [
            window.sync_panel.queue.topLevelItem(i).text(0)
            for i in range(window.sync_panel.queue.topLevelItemCount())
        ]
        later_local = to_local(moved.booking.start, CLINIC)
        assert dates.moment(later_local) in queued
        window.details.show_booking(booking.id)
        assert f"to {dates.moment(later_local)}" in window.details.history.text()
    finally:
        window.shutdown()
        window.close()

"""Series on a real demo desk: Repeat… in the booking dialog plans six weekly appointments,
lists the one that does not fit (the patient is booked that day) with its nearest openings,
books the five and the picked opening in one go; the move dialog offers "this and the
following"; cancelling "this and the following" cancels the later ones and keeps the
earlier ones."""

from __future__ import annotations

import os
from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QTime

from frontdesk.app import series
from frontdesk.app.openings import Limits, OpeningQuery, find_openings
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc, to_local
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID, MAIN_BRANCH_ID
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.series_dialog import SeriesDialog
from support.clinic import next_weekday
from support.made import made

ZONE = "Europe/London"
PHONE = "+442079460999"


def free_start(window: MainWindow, cid: str, day: date) -> datetime:
    """The first time on ``day`` the main branch still has room for a checkup (which windows
    the demo's seeded week fills depends on the day the tests run)."""
    after = local_to_utc(day, time(0, 0), ZONE).instant
    query = OpeningQuery(cid, GENERAL_CHECKUP_ID, (MAIN_BRANCH_ID,))
    found = find_openings(window.context.booking, [query], after, Limits(count=1, days=1))
    assert found, f"no room for a checkup on {day}"
    return found[0].start


def test_book_a_six_week_series_then_cancel_this_and_the_following(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    cid = window.context.connections()[0].id
    first_day = next_weekday(3, after_days=2)  # a Thursday
    start = free_start(window, cid, first_day)  # the demo's seeded week fills some windows
    starts = series.starts_of(start, ZONE, 1, times=6)
    third = starts[2]
    window.context.booking.book(  # the patient already has a checkup on the third's day
        BookingRequest(
            connection_id=cid,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN_BRANCH_ID,
            start=local_to_utc(to_local(third, ZONE).date(), time(15, 0), ZONE).instant,
            patient_name="Course Patient",
            patient_phone=PHONE,
        )
    )
    dialog = window.new_booking(start, (cid, MAIN_BRANCH_ID))
    dialog.select_service(GENERAL_CHECKUP_ID)
    dialog.name_edit.setText("Course Patient")
    dialog.phone_edit.setText(PHONE)
    dialog.repeat_button.click()
    repeat = dialog.series_dialog
    assert isinstance(repeat, SeriesDialog)
    repeat.every.setValue(1)
    repeat.times.setValue(6)
    planned = repeat.plan_now()
    assert [o.start for o in planned] == starts
    misfits = [o for o in planned if not o.fits]
    assert [o.number for o in misfits] == [3]
    row = repeat.list.topLevelItem(2)
    assert row is not None and row.text(2).startswith("Does not fit")
    assert "already" in row.text(2)
    assert not repeat.book_button.isEnabled()  # the third still needs a choice
    assert "1 of 6 do not fit (number 3)" in repeat.summary.text()
    choice = repeat.choice(3)
    assert choice.count() >= 3  # "choose…", at least one opening, "skip"
    if shot := os.environ.get("FRONTDESK_SHOTS"):
        repeat.grab().save(str(Path(shot) / "series-dialog.png"))
    choice.setCurrentIndex(1)  # the nearest opening
    assert repeat.book_button.isEnabled() and "Book 6" in repeat.book_button.text()
    repeat.book_button.click()
    made(window)
    booked = repeat.bookings
    assert len(booked) == 6 and dialog.booking == booked[0]
    info = series.series_of(window.context, booked[0].id)
    assert info is not None and len(info.booking_ids) == 6
    assert [b.start for b in booked][:2] == starts[:2]
    assert to_local(booked[2].start, ZONE).date() != to_local(third, ZONE).date()

    # move the second "and the following": each later one by the same shift on the clinic's
    # clock, the first where it was (the first shift the rules let every one of them take)
    move = window.actions_.open_move(booked[1].id)
    assert move is not None and move.scope is not None
    assert "following (5)" in move.scope.and_following.text()
    move.scope.and_following.setChecked(True)
    old = to_local(booked[1].start, ZONE)
    for shift in (timedelta(days=1), timedelta(days=-1), timedelta(minutes=-30)):
        new = old + shift
        move.date_edit.setDate(QDate(new.year, new.month, new.day))
        move.time_edit.setTime(QTime(new.hour, new.minute))
        move.validate_now()
        if move.save_button.isEnabled():
            break
    assert move.save_button.isEnabled(), move.message.text()
    with qtbot.waitSignal(move.moved, timeout=10_000):
        move.save_button.click()  # the move is confirmed
    made(window)
    assert not move.isVisible()
    moved = [window.context.reads.booking(b.id) for b in booked]
    assert all(m is not None for m in moved)
    assert moved[0].start == booked[0].start  # type: ignore[union-attr]  # earlier: untouched
    for before, after in zip(booked[1:], moved[1:], strict=True):
        wall = to_local(before.start, ZONE).replace(tzinfo=None) + shift
        assert after is not None and to_local(after.start, ZONE).replace(tzinfo=None) == wall
        assert after.resource_id == before.resource_id
    info = series.series_of(window.context, booked[0].id)
    assert info is not None and len(info.booking_ids) == 6  # still one series of six
    booked = [m for m in moved if m is not None]

    cancel = window.actions_.open_cancel(booked[3].id)
    assert cancel is not None and cancel.scope is not None
    cancel.scope.and_following.setChecked(True)
    assert "3 appointments are cancelled together" in cancel.message.text()
    if shot := os.environ.get("FRONTDESK_SHOTS"):
        cancel.grab().save(str(Path(shot) / "series-cancel.png"))
    cancel.save()
    made(window)
    stored = [window.context.reads.booking(b.id) for b in booked]
    assert [b.active for b in stored if b is not None] == [True, True, True, False, False, False]

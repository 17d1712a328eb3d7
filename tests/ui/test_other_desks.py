"""Several desks on a clinic's shared PostgreSQL store: a desk shows what another desk books,
moves or cancels without a restart, told by the store (LISTEN/NOTIFY), not at its next sync.
Desk B here holds no API key (it only shows the clinic's calendar); desk A books."""

from __future__ import annotations

import os
from datetime import time, timedelta
from pathlib import Path

from frontdesk.app.context import AppContext
from frontdesk.app.desk import monday_of
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc, to_local
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from frontdesk.ui.main_window import MainWindow
from support.clinic import MAIN, next_weekday
from support.staff import sign_in_admin

ZONE = "Europe/London"


def test_a_desk_shows_another_desks_booking_move_and_cancel(  # type: ignore[no-untyped-def]
    qtbot, desks: tuple[AppContext, AppContext]
) -> None:
    a, b = desks
    day = next_weekday(2)
    start = local_to_utc(day, time(10, 0), ZONE).instant
    sign_in_admin(b)
    window = MainWindow(b, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    window.go_to_week(monday_of(to_local(start, window.zone).date()))
    window.sync.start()
    try:
        booking = a.booking.book(
            BookingRequest(
                connection_id=a.connections()[0].id,
                service_id=GENERAL_CHECKUP_ID,
                resource_id=MAIN,
                start=start,
                patient_name="Another Desk",
                patient_phone="+442079460432",
            )
        )
        view = window.week_view
        qtbot.waitUntil(lambda: view.block_rect(booking.id) is not None, timeout=5000)
        before = view.block_rect(booking.id)
        a.booking.reschedule(booking.id, start + timedelta(hours=1))
        qtbot.waitUntil(lambda: view.block_rect(booking.id) != before, timeout=5000)
        moved = b.repo.booking(booking.id)
        assert moved is not None and moved.start == start + timedelta(hours=1)
        a.booking.cancel(booking.id)
        qtbot.waitUntil(
            lambda: (
                not any(blk.booking.id == booking.id and blk.booking.active for blk in view._blocks)
            ),
            timeout=5000,
        )
        label = next(iter(window.connection_labels.values()))
        qtbot.waitUntil(lambda: "sent by a desk with its key" in label.text(), timeout=5000)
        shot = os.environ.get("FRONTDESK_SHOT_DIR")
        if shot:
            Path(shot).mkdir(parents=True, exist_ok=True)
            window.grab().save(str(Path(shot) / "other-desk.png"))
    finally:
        window.shutdown()


def test_a_desk_rereads_the_desk_local_records_another_desk_changed(  # type: ignore[no-untyped-def]
    qtbot, desks: tuple[AppContext, AppContext]
) -> None:
    """A desk-local topic (a blockout, the ASAP list...) written at desk A is re-read at desk
    B, and only the readers of that topic are told; a booking's change tells no topic."""
    from frontdesk.storage import notices

    a, b = desks
    sign_in_admin(b)
    window = MainWindow(b, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(window)
    told: list[str] = []
    window.on_topic("blockouts", lambda: told.append("blockouts"))
    window.on_topic("asap", lambda: told.append("asap"))
    window.sync.start()
    try:
        qtbot.waitUntil(lambda: {"blockouts", "asap"} <= set(told), timeout=5000)  # listening
        told.clear()
        with a.db.write() as session:
            notices.changed_topic(session, "blockouts")
        qtbot.waitUntil(lambda: told == ["blockouts"], timeout=5000)
        a.booking.book(
            BookingRequest(
                connection_id=a.connections()[0].id,
                service_id=GENERAL_CHECKUP_ID,
                resource_id=MAIN,
                start=local_to_utc(next_weekday(3), time(11, 0), ZONE).instant,
                patient_name="Another Desk",
                patient_phone="+442079460432",
            )
        )
        qtbot.wait(1500)
        assert told == ["blockouts"]
    finally:
        window.shutdown()


def test_a_blockout_made_at_one_desk_is_drawn_and_kept_at_the_other(  # type: ignore[no-untyped-def]
    qtbot, desks: tuple[AppContext, AppContext]
) -> None:
    """Desk A keeps a lunch free on a shared store: desk B draws it within seconds. Desk B
    keeps one free: desk A refuses a booking into it in the clinic rule's words. A removes
    it and B's band goes; the time is booked and B shows the booking."""
    from dataclasses import replace

    from frontdesk.app.booking_checks import BookingRefused
    from frontdesk.domain.blockouts import Blockout, Reason, Repeat
    from frontdesk.ui.calendar_pane import Mode

    a, b = desks
    sign_in_admin(a)
    sign_in_admin(b)
    day = next_weekday(2)
    window = MainWindow(b, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    window.pane.show_day(day, Mode.DAY)
    window.sync.start()
    cid = a.connections()[0].id
    lunch = Blockout(
        id="shared-lunch",
        start=local_to_utc(day, time(11), ZONE).instant,
        end=local_to_utc(day, time(11, 45), ZONE).instant,
        zone=ZONE,
        reason=Reason.LUNCH,
        connection_id=cid,
        resource_id=MAIN,
        repeat=Repeat.WEEKLY,
        weeks=2,
    )
    request = BookingRequest(
        connection_id=cid,
        service_id=GENERAL_CHECKUP_ID,
        resource_id=MAIN,
        start=local_to_utc(day + timedelta(days=7), time(11, 30), ZONE).instant,
        patient_name="Second Week",
        patient_phone="+442079460433",
    )

    def refusals() -> list[str | None]:
        try:
            a.booking.book(request)
        except BookingRefused as refused:
            return [v.message for v in refused.verdicts]
        return []  # pragma: no cover - the assertion below says what went wrong

    try:
        told: list[str] = []
        window.on_topic("blockouts", lambda: told.append("blockouts"))
        qtbot.waitUntil(lambda: bool(told), timeout=5000)  # B listens
        added = a.blockouts.add(lunch)
        grid = window.day_view
        qtbot.waitUntil(lambda: bool(grid.schedule and grid.schedule.bands), timeout=5000)
        assert grid.schedule.bands[0].occurrence.blockout.id == "shared-lunch"  # type: ignore[union-attr]
        b.blockouts.remove(added)
        kept = b.blockouts.add(replace(lunch, id="b-lunch"))
        assert refusals() == ["Blocked at this desk: lunch 11:00-11:45 (clinic rule)"]
        a.blockouts.remove(kept)
        qtbot.waitUntil(lambda: not (grid.schedule and grid.schedule.bands), timeout=5000)
        booked = a.booking.book(  # the time is free again: booked, and B shows it
            request.model_copy(update={"start": request.start - timedelta(days=7)})
        )
        qtbot.waitUntil(lambda: grid.block_rect(booked.id) is not None, timeout=5000)
    finally:
        window.shutdown()

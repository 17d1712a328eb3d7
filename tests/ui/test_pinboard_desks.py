"""The pinboard across desks on a clinic's shared PostgreSQL store: what desk A pins shows on
desk B's pinboard within seconds (told by the store, topic "pinboard"), and a pinned booking
desk A cancels falls off desk B's pinboard with a sentence."""

from __future__ import annotations

import os
from datetime import time
from pathlib import Path

from frontdesk.app import pinboard
from frontdesk.app.context import AppContext
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from frontdesk.ui.main_window import MainWindow
from support.clinic import MAIN, next_weekday
from support.staff import sign_in_admin

ZONE = "Europe/London"


def test_a_pin_at_one_desk_shows_at_the_other_and_falls_off_when_cancelled(  # type: ignore[no-untyped-def]
    qtbot, desks: tuple[AppContext, AppContext]
) -> None:
    a, b = desks
    sign_in_admin(b)
    window = MainWindow(b, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    window.sync.start()
    try:
        booking = a.booking.book(
            BookingRequest(
                connection_id=a.connections()[0].id,
                service_id=GENERAL_CHECKUP_ID,
                resource_id=MAIN,
                start=local_to_utc(next_weekday(3), time(11, 0), ZONE).instant,
                patient_name="Shared Pin",
                patient_phone="+442079460433",
            )
        )
        board = window.pinboard
        qtbot.waitUntil(
            lambda: booking.id in {bk.id for bk in b.reads.bookings_by_ids([booking.id])}
        )
        pinboard.pin(a, booking.id)
        qtbot.waitUntil(lambda: board.pinned_ids() == [booking.id], timeout=5000)
        assert "Shared Pin" in board.list.item(0).text()
        window.pinboard_dock.show()
        if shot := os.environ.get("FRONTDESK_SHOTS"):
            window.grab().save(str(Path(shot) / "pinboard-other-desk.png"))
        a.booking.cancel(booking.id, "patient rang")
        qtbot.waitUntil(lambda: board.pinned_ids() == [], timeout=5000)
        qtbot.waitUntil(lambda: "cancelled meanwhile" in board.message.text(), timeout=5000)
        qtbot.waitUntil(lambda: a.repo.pinboard.pins() == [], timeout=5000)
    finally:
        window.shutdown()

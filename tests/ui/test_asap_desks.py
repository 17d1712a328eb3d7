"""The ASAP list across the desks of a clinic's shared PostgreSQL store: desk A puts a patient
on the list and cancels an appointment; desk B, told by the store, offers the freed slot to
that patient within seconds and books it; desk A's list no longer holds the entry."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time, timedelta
from pathlib import Path

import pytest

from frontdesk.app import asap
from frontdesk.app.context import AppContext
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from frontdesk.ui.asap_actions import open_asap_list
from frontdesk.ui.main_window import MainWindow
from support.clinic import MAIN, next_weekday
from support.desks import two_desks
from support.postgres import Cluster
from support.staff import sign_in_admin

ZONE = "Europe/London"


@pytest.fixture
def desks(postgres: Cluster, tmp_path: Path) -> Iterator[tuple[AppContext, AppContext]]:
    with two_desks(postgres, tmp_path, b_keyed=True) as both:
        yield both


def test_a_slot_freed_at_one_desk_is_offered_and_booked_at_another(  # type: ignore[no-untyped-def]
    qtbot, desks: tuple[AppContext, AppContext]
) -> None:
    a, b = desks
    a.update_settings(a.settings.changed(timezone=ZONE))
    b.update_settings(b.settings.changed(timezone=ZONE))
    cid = a.connections()[0].id
    start = local_to_utc(next_weekday(2), time(10, 0), ZONE).instant
    leaving = a.booking.book(
        BookingRequest(
            connection_id=cid,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN,
            start=start,
            patient_name="Leaving Elsewhere",
            patient_phone="+442079460601",
        )
    )
    entry = asap.add(
        a,
        asap.AsapForm(
            patient_name="Waiting Elsewhere",
            patient_phone="+442079460602",
            connection_id=cid,
            service_id=GENERAL_CHECKUP_ID,
            until=asap.today(a) + timedelta(days=30),
        ),
    )
    sign_in_admin(b)
    window = MainWindow(b, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    listening: list[bool] = []
    window.on_topic(asap.TOPIC, lambda: listening.append(True))
    window.sync.start()
    try:
        qtbot.waitUntil(lambda: bool(listening), timeout=5000)
        watch = window.asap_watch  # type: ignore[attr-defined]
        a.booking.cancel(leaving.id)  # at desk A
        qtbot.waitUntil(lambda: watch.dock.isVisible(), timeout=5000)
        assert [o.entry.id for o in watch.offers] == [entry.id]
        watch.panel.book()  # at desk B
        assert window.ops.wait()
        qtbot.waitUntil(lambda: "booked" in watch.panel.message.text(), timeout=5000)
        assert asap.entries(a) == []  # desk A's list no longer holds it
        taken = [b for b in a.repo.bookings_between(start, start + timedelta(minutes=1))
                 if b.active]  # fmt: skip
        assert [t.patient_name for t in taken] == ["Waiting Elsewhere"]
        qtbot.waitUntil(lambda: not watch.dock.isVisible(), timeout=5000)  # nothing left

        # the list window at desk B re-reads what desk A puts on the list
        shown = open_asap_list(window)
        assert shown.table.topLevelItemCount() == 0
        asap.add(a, asap.AsapForm(patient_name="Added At A", patient_phone="+442079460603",
                                  connection_id=cid, service_id=GENERAL_CHECKUP_ID,
                                  until=asap.today(a) + timedelta(days=5)))  # fmt: skip
        qtbot.waitUntil(lambda: shown.table.topLevelItemCount() == 1, timeout=5000)
        assert shown.table.topLevelItem(0).text(0) == "Added At A"
        shown.close()
    finally:
        window.shutdown()

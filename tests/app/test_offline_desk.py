"""A day at the desk with no booking system reachable (the demo clinic, its clinic columns on,
its sandbox stopped after the first pull): the pinboard cuts and places, blockouts are added
and refuse a booking, the patients' calls are marked C / M / N, an arrival is kept and a visit
completed, the clinic's columns are set up and a view switched, all from the desk's own store.
What the booking system must hear (the placed move, a new booking, the completed visit) waits
in the outbox, and a sync attempt while it is unreachable sends nothing and keeps it queued."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

from frontdesk.app import columns as clinic_columns
from frontdesk.app import pinboard
from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.demo import Demo
from frontdesk.app.demo_columns import BERGER
from frontdesk.app.desk import calendar_data, resources
from frontdesk.app.openings import OpeningQuery, find_openings
from frontdesk.domain.blockouts import Blockout, Reason
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.columns import ClinicColumn, ColumnKind, ColumnView
from frontdesk.domain.confirmations import PatientConfirmation
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.timeutil import local_to_utc, utc_now
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from support.clinic import MAIN, NORTH, next_weekday

ZONE = "Europe/London"


@pytest.fixture
def offline(tmp_path: Path) -> Iterator[Demo]:
    """The demo desk after its first pull, its booking systems gone (the sandbox stopped)."""
    demo = Demo(tmp_path / "profile", clinic_zone=ZONE, clinic_columns=True)
    try:
        demo.pull()
        demo.server.stop()
        yield demo
    finally:
        demo.close()


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return local_to_utc(day, time(hh, mm), ZONE).instant


def kinds(demo: Demo, booking_id: str) -> list[OperationKind]:
    return [op.kind for op in demo.context.repo.outbox.queued_operations(booking_id)]


def nothing_reaches_the_booking_system(demo: Demo) -> None:
    """A sync attempt: what is owed is tried, fails to connect and stays queued."""
    owed = demo.context.repo.outbox.pending_count()
    report = demo.context.engine.drain()
    assert report.confirmed == 0 and report.refused == 0 and report.unknown == 0
    assert report.retrying >= (1 if owed else 0)  # tried: no answer, sent again later


def test_the_pinboard_cuts_and_places_offline_and_the_move_waits_to_be_sent(
    offline: Demo,
) -> None:
    context = offline.context
    cid = context.connections()[0].id
    now = utc_now()
    held = [
        b
        for b in context.repo.bookings_between(now + timedelta(days=1), now + timedelta(days=12))
        if b.connection_id == cid
        and b.active
        and b.visit_status is VisitStatus.BOOKED
        and b.held_remotely
        and not context.repo.outbox.queued_operations(b.id)
    ]
    assert held, "the demo's first pull cached the clinic's bookings"
    booking = held[0]
    pinboard.pin(context, booking.id)
    items, fallen = pinboard.read(context)
    assert [i.booking.id for i in items] == [booking.id] and not fallen
    query = OpeningQuery(
        cid, booking.service_id, patient_phone=booking.patient_phone, booking_id=booking.id
    )
    openings = [
        o
        for o in find_openings(context.booking, [query], booking.start + timedelta(days=1))
        if o.start != booking.start
    ]
    assert openings, "the cached calendar has free time"
    target = openings[0]
    change = pinboard.place(context, booking.id, target.start, target.resource_id)
    assert change.booking.start == target.start and change.booking.resource_id == target.resource_id
    assert change.booking.sync_state is SyncState.PENCILLED
    assert pinboard.pinned_ids(context) == set()
    assert kinds(offline, booking.id) == [OperationKind.RESCHEDULE]
    nothing_reaches_the_booking_system(offline)
    assert kinds(offline, booking.id) == [OperationKind.RESCHEDULE]  # still owed
    moved = context.repo.booking(booking.id)
    assert moved is not None and moved.start == target.start


def test_blockouts_confirmations_and_arrivals_work_offline(offline: Demo) -> None:
    context = offline.context
    cid = context.connections()[0].id
    day = next_weekday(2, after_days=9)  # a Wednesday
    blockout = context.blockouts.add(
        Blockout(
            "offline-meeting",
            at(day, 10),
            at(day, 11),
            ZONE,
            Reason.MEETING,
            connection_id=cid,
            resource_id=MAIN,
        )
    )
    assert blockout.created_by and context.repo.blockouts.between(at(day, 0), at(day, 23))

    def request(resource: str, hh: int, mm: int, n: int) -> BookingRequest:
        return BookingRequest(
            connection_id=cid,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=resource,
            start=at(day, hh, mm),
            patient_name=f"Offline Patient {n}",
            patient_phone=f"+4420794607{n:02d}",
        )

    with pytest.raises(BookingRefused) as refused:  # Dr. Berger's meeting keeps 10-11 free
        context.booking.book(request(MAIN, 10, 15, 1))
    assert "meeting" in " ".join(v.message for v in refused.value.verdicts).lower()
    made = [
        context.booking.book(request(NORTH, 10, 15, 2)),  # the hygiene chair is not blocked
        context.booking.book(request(MAIN, 11, 0, 3)),  # after the meeting
        context.booking.book(request(MAIN, 14, 0, 4)),
    ]
    assert all(kinds(offline, b.id) == [OperationKind.CREATE] for b in made)

    # the calls: C, M, N, kept at the desk only
    pending = context.repo.outbox.pending_count()
    for booking, state in zip(
        made,
        (
            PatientConfirmation.CONFIRMED,
            PatientConfirmation.LEFT_MESSAGE,
            PatientConfirmation.NO_ANSWER,
        ),
        strict=True,
    ):
        assert context.confirmations.mark(booking.id, state).state is state
    rows = {r.booking_id: r for r in context.confirmations.call_list(day).rows}
    assert [rows[b.id].status.state for b in made] == [
        PatientConfirmation.CONFIRMED,
        PatientConfirmation.LEFT_MESSAGE,
        PatientConfirmation.NO_ANSWER,
    ]
    assert rows[made[0].id].provider == "Hygiene chair 2"  # the clinic's column
    assert rows[made[1].id].provider == BERGER.name
    assert context.repo.outbox.pending_count() == pending  # nothing for the booking system

    # an arrival today (a booking the booking system holds), then the visit completed
    now = utc_now()
    today = Booking(
        id="offline-today",
        connection_id=cid,
        service_id=GENERAL_CHECKUP_ID,
        resource_id=MAIN,
        start=now,
        end=now + timedelta(minutes=30),
        patient_name="Walk In",
        patient_phone="+442079460799",
        remote_id="r-offline-today",
        sync_state=SyncState.CONFIRMED,
    )
    context.repo.import_bookings([today])
    context.arrivals.set_status(today.id, VisitStatus.ARRIVED, now)
    assert [r.booking_id for r in context.arrivals.waiting_room(now)] == [today.id]
    assert kinds(offline, today.id) == []  # "arrived": the desk's own mark on HuskyVoice
    done = context.arrivals.set_status(today.id, VisitStatus.COMPLETED, now + timedelta(minutes=25))
    assert done.booking.visit_status is VisitStatus.COMPLETED
    arrival = context.arrivals.arrival(today.id)
    assert arrival is not None and not arrival.waiting
    assert kinds(offline, today.id) == [OperationKind.SET_STATUS]  # waits to be sent

    nothing_reaches_the_booking_system(offline)
    assert kinds(offline, today.id) == [OperationKind.SET_STATUS]
    assert all(kinds(offline, b.id) == [OperationKind.CREATE] for b in made)


def test_clinic_columns_are_set_up_and_a_view_switched_offline(offline: Demo) -> None:
    context = offline.context
    cid = context.connections()[0].id
    pending = context.repo.outbox.pending_count()
    found = clinic_columns.setup(context)
    room = ClinicColumn("offline-room-3", "Room 3", ColumnKind.ROOM, "#aa5500")
    mapping = {**found.mapping, (cid, NORTH): room.id}  # the north branch: Room 3 now
    view = ColumnView("offline-view", "Front rooms", (room.id, BERGER.id))
    edited = replace(
        found, columns=(*found.columns, room), mapping=mapping, views=(*found.views, view)
    )
    saved = clinic_columns.save(context, edited)
    assert saved.revision == found.revision + 1
    api = resources(context)
    shown = clinic_columns.desk_columns(saved, api, view.id)  # the view switched to
    assert [c.name for c in shown] == ["Room 3", BERGER.name]
    assert shown[0].members == ((cid, NORTH),) and (cid, MAIN) in (shown[1].members or ())
    everything = [c.name for c in clinic_columns.desk_columns(saved, api)]
    assert "Room 3" in everything and everything.index("Room 3") > everything.index(BERGER.name)
    week = calendar_data(context, date.today(), 7)  # the grid's data, from the store
    assert week.resources
    assert context.repo.outbox.pending_count() == pending  # columns are the desk's own
    nothing_reaches_the_booking_system(offline)

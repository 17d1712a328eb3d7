"""Two-part desk writes land in one transaction, on SQLite and PostgreSQL: placing a pin moves
the booking and takes the pin off together, a visit status change keeps (or ends) the arrival
instant together with the status, and "in the chair" for a patient marked arrived at another
desk keeps the arrival with it. A failure between the two parts (the second part made to
raise) leaves neither: the booking as it was, the pin on the board, no arrival kept."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from frontdesk.app import pinboard
from frontdesk.app.arrivals import Arrivals
from frontdesk.app.booking import BookingService
from frontdesk.app.reads import DeskReads
from frontdesk.app.settings import ClinicSettings
from frontdesk.domain.audit import Actor, AuditEvent, AuditFilter
from frontdesk.domain.booking import SyncState, VisitStatus
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.providers.huskyvoice import HuskyVoiceConnector
from frontdesk.storage import confirmations as arrival_store
from frontdesk.storage import pinboard as pin_store
from frontdesk.storage.repo import Repository
from support.bookings import T0, booking
from support.clinic import CHECKUP, MAIN, NORTH, make_catalog, next_weekday

ZONE = "Europe/London"
ANNA = Actor("Anna", "desk-1")


class Crash(RuntimeError):
    """The desk fails between the two parts of a write."""


def crash(*_args: object, **_kw: object) -> None:
    raise Crash("the desk failed half-way")


@pytest.fixture
def desk(repo: Repository) -> Any:
    days = [date.today() + timedelta(days=i) for i in range(-1, 40)]
    repo.catalogs.save_catalog("conn-1", make_catalog(days), days)
    connector = HuskyVoiceConnector("conn-1", "http://127.0.0.1:9/v1", "key")  # nothing there
    service = BookingService(repo, {"conn-1": connector}, "desk-1", actor=lambda: ANNA)
    return SimpleNamespace(repo=repo, reads=DeskReads(repo), booking=service, clinic_zone=ZONE)


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return local_to_utc(day, time(hh, mm), ZONE).instant


def test_a_placed_pin_is_moved_and_taken_off_in_one_transaction(
    desk: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = next_weekday(2, after_days=3)
    made = desk.booking.book(
        BookingRequest(
            connection_id="conn-1",
            service_id=CHECKUP,
            resource_id=MAIN,
            start=at(day, 10),
            patient_name="Pia Pinned",
            patient_phone="+442079460777",
        )
    )
    pinboard.pin(desk, made.id)
    before = desk.repo.booking(made.id)
    target = at(day + timedelta(days=1), 15)

    with monkeypatch.context() as patch:
        patch.setattr(pin_store, "unpin_in", crash)
        with pytest.raises(Crash):
            pinboard.place(desk, made.id, target, NORTH)
    assert desk.repo.booking(made.id) == before  # not moved ...
    assert [p.booking_id for p in desk.repo.pinboard.pins()] == [made.id]  # ... and still pinned
    assert "moved" not in [event for _, event, _, _ in desk.repo.history(made.id)]
    events = [r.event for r in desk.repo.audit.audit_page(AuditFilter())]
    assert AuditEvent.UNPINNED.value not in events and AuditEvent.MOVED.value not in events

    change = pinboard.place(desk, made.id, target, NORTH)
    assert (change.booking.start, change.booking.resource_id) == (target, NORTH)
    assert desk.repo.pinboard.pins() == []
    unpinned = desk.repo.audit.audit_page(AuditFilter(event=AuditEvent.UNPINNED.value))
    assert [(r.booking_id, r.detail) for r in unpinned] == [
        (made.id, f"placed at {target.strftime('%Y-%m-%dT%H:%M:%S.000Z')}")
    ]


def _arrivals(repo: Repository) -> Arrivals:
    london = ClinicSettings(timezone=ZONE)
    service = BookingService(repo, {}, "desk-1", lambda: london, lambda: ANNA)
    return Arrivals(repo, lambda: service, lambda: london, lambda: ANNA)


def test_an_arrival_is_kept_in_the_status_changes_own_transaction(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.import_bookings([booking(1, T0, remote_id="r-1", sync_state=SyncState.CONFIRMED)])
    arrivals = _arrivals(repo)
    now = T0 - timedelta(minutes=10)
    before = repo.booking("b-1")

    with monkeypatch.context() as patch:
        patch.setattr(arrival_store, "arrived_in", crash)
        with pytest.raises(Crash):
            arrivals.set_status("b-1", VisitStatus.ARRIVED, now)
    assert repo.booking("b-1") == before  # still "booked" ...
    assert arrivals.arrival("b-1") is None  # ... and no arrival kept
    assert repo.audit.audit_page(AuditFilter()) == []

    change = arrivals.set_status("b-1", VisitStatus.ARRIVED, now)
    assert change.booking.visit_status is VisitStatus.ARRIVED
    found = arrivals.arrival("b-1")
    assert found is not None and found.arrived_at == now and found.arrived_by == "Anna"
    assert arrivals.set_status("b-1", VisitStatus.ARRIVED, now + timedelta(minutes=5)).booking
    assert arrivals.arrival("b-1") == found  # already arrived: nothing written again

    # "completed" goes to the booking system (HuskyVoice keeps it) and ends the wait, together
    seen = T0 + timedelta(minutes=25)
    arrived = repo.booking("b-1")
    with monkeypatch.context() as patch:
        patch.setattr(arrival_store, "seated_in", crash)
        with pytest.raises(Crash):
            arrivals.set_status("b-1", VisitStatus.COMPLETED, seen)
    assert repo.booking("b-1") == arrived and repo.outbox.queued_operations("b-1") == []
    assert arrivals.arrival("b-1") == found  # still waiting
    arrivals.set_status("b-1", VisitStatus.COMPLETED, seen)
    done = arrivals.arrival("b-1")
    assert done is not None and done.seated_at == seen and not done.waiting
    assert [op.kind.value for op in repo.outbox.queued_operations("b-1")] == ["set_status"]

    # back to "booked" (an undo) forgets the arrival with the status, or neither
    repo.import_bookings([booking(2, T0, remote_id="r-2", sync_state=SyncState.CONFIRMED)])
    arrivals.set_status("b-2", VisitStatus.ARRIVED, now)
    waiting = repo.booking("b-2")
    with monkeypatch.context() as patch:
        patch.setattr(arrival_store, "forget_in", crash)
        with pytest.raises(Crash):
            arrivals.set_status("b-2", VisitStatus.BOOKED, now)
    assert repo.booking("b-2") == waiting and arrivals.arrival("b-2") is not None
    arrivals.set_status("b-2", VisitStatus.BOOKED, now)
    assert arrivals.arrival("b-2") is None
    lines = repo.audit.audit_page(AuditFilter(event=AuditEvent.ARRIVAL.value))
    assert sorted(r.detail or "" for r in lines) == [
        "arrival undone (booked)",
        "arrived",
        "arrived",
        "seen (completed)",
    ]


def test_an_arrival_at_another_desk_is_kept_with_in_the_chair_in_one_transaction(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    # marked arrived at a desk that keeps no arrival here (another desk, or the booking system)
    repo.import_bookings(
        [
            booking(
                3,
                T0,
                remote_id="r-3",
                sync_state=SyncState.CONFIRMED,
                visit_status=VisitStatus.ARRIVED,
            )
        ]
    )
    arrivals = _arrivals(repo)
    now = T0 + timedelta(minutes=3)

    with monkeypatch.context() as patch:
        patch.setattr(arrival_store, "seated_in", crash)
        with pytest.raises(Crash):
            arrivals.seat("b-3", now)
    assert arrivals.arrival("b-3") is None  # no arrival kept without "in the chair"
    assert repo.audit.audit_page(AuditFilter()) == []

    seated = arrivals.seat("b-3", now)
    assert (seated.arrived_at, seated.seated_at, seated.seated_by) == (now, now, "Anna")
    assert not seated.waiting and arrivals.waiting_room(now) == []
    lines = repo.audit.audit_page(AuditFilter(event=AuditEvent.ARRIVAL.value))
    assert sorted(r.detail or "" for r in lines) == ["arrived", "in the chair"]

"""Filling a freed slot from the ASAP list for a patient who holds a later booking on another
booking system, on SQLite and PostgreSQL: "Book" books the slot and cancels the held booking
(both queued for sending) in one transaction. A failure in the cancel's part (its audit line
made to raise, after its row and its queued cancel were written) leaves neither: no new
booking, the held one as it was, nothing queued, no audit line, the entry still on the list.
The entry itself leaves the list in the booking's (or the move's) transaction too."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from types import SimpleNamespace
from typing import Any

import pytest

from frontdesk.app import asap
from frontdesk.app.booking import BookingService
from frontdesk.app.reads import DeskReads
from frontdesk.domain.asap import AsapEntry, FreedCause, FreedSlot
from frontdesk.domain.audit import Actor, AuditEntry, AuditEvent, AuditFilter
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.timeutil import local_to_utc, utc_now
from frontdesk.providers.huskyvoice import HuskyVoiceConnector
from frontdesk.storage import outbox_store
from frontdesk.storage.catalogs import ConnectionRecord
from frontdesk.storage.repo import Repository
from support.bookings import booking
from support.clinic import CHECKUP, MAIN, make_catalog, next_weekday

ZONE = "Europe/London"
ANNA = Actor("Anna", "desk-1")
PATIENT, PHONE = "Asa Asap", "+442079460888"


class Crash(RuntimeError):
    """The desk fails half-way through the second part of the write."""


def crash(*_args: object, **_kw: object) -> None:
    raise Crash("the desk failed half-way")


def at(day: date, hh: int, mm: int = 0) -> datetime:
    return local_to_utc(day, time(hh, mm), ZONE).instant


def listed(
    repo: Repository,
    number: int,
    start: datetime,
    connection_id: str,
    entry_id: str,
    day: date,
    held_by_entry: bool = True,
) -> tuple[Booking, AsapEntry]:
    """The patient's later booking (synced) and their entry on the list until the day before
    it (remembering that booking unless ``held_by_entry`` is false)."""
    held = booking(
        number,
        start,
        connection_id=connection_id,
        service_id=CHECKUP,
        resource_id=MAIN,
        patient_name=PATIENT,
        patient_phone=PHONE,
        remote_id=f"r-{number}",
        sync_state=SyncState.CONFIRMED,
    )
    repo.import_bookings([held])
    entry = AsapEntry(
        id=entry_id,
        patient_name=PATIENT,
        patient_phone=PHONE,
        connection_id=connection_id,
        service_id=CHECKUP,
        until=day + timedelta(days=6),
        added_by="Anna",
        added_at=utc_now(),
        resource_id=MAIN,
        booking_id=held.id if held_by_entry else None,
    )
    repo.asap.add(entry, AuditEntry(AuditEvent.ASAP_ADDED, ANNA, held.id))
    return held, entry


@pytest.fixture
def desk(repo: Repository) -> Any:
    """Two booking systems (``conn-1``, ``conn-2``) behind the desk, nothing listening."""
    repo.catalogs.add_connection(
        ConnectionRecord("conn-2", "Other clinic", "huskyvoice", "http://127.0.0.1:9/v1", {}, None)
    )
    days = [date.today() + timedelta(days=i) for i in range(-1, 40)]
    connectors = {}
    for connection_id in ("conn-1", "conn-2"):
        repo.catalogs.save_catalog(connection_id, make_catalog(days), days)
        connectors[connection_id] = HuskyVoiceConnector(
            connection_id, "http://127.0.0.1:9/v1", "key"
        )
    service = BookingService(repo, dict(connectors), "desk-1", actor=lambda: ANNA)
    return SimpleNamespace(repo=repo, reads=DeskReads(repo), booking=service, clinic_zone=ZONE)


def test_a_slot_on_another_system_is_booked_and_the_held_one_cancelled_together(
    desk: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo: Repository = desk.repo
    day = next_weekday(2, after_days=3)
    held, entry = listed(repo, 7, at(day + timedelta(days=7), 10), "conn-2", "e-1", day)
    start = at(day, 10)
    slot = FreedSlot(
        1, "conn-1", CHECKUP, MAIN, start, start + timedelta(minutes=30), "b-gone",
        FreedCause.CANCELLED, utc_now(),
    )  # fmt: skip
    offer = asap.Offer(slot, entry, move=False, replaces=held.id)
    before = repo.booking(held.id)
    lines = len(repo.audit.audit_page(AuditFilter()))

    def patients_bookings() -> list[tuple[str, VisitStatus]]:
        found = repo.bookings_between(start - timedelta(days=1), start + timedelta(days=9))
        return sorted((b.connection_id, b.visit_status) for b in found if b.patient_name == PATIENT)

    with monkeypatch.context() as patch:
        patch.setattr(outbox_store, "add_audit", crash)  # the cancel's last write
        with pytest.raises(Crash):
            asap.take(desk, offer)
    assert repo.booking(held.id) == before  # not cancelled ...
    assert patients_bookings() == [("conn-2", VisitStatus.BOOKED)]  # ... and nothing booked
    assert repo.outbox.queued_operations(held.id) == []
    assert repo.outbox.pending_count() == 0
    assert len(repo.audit.audit_page(AuditFilter())) == lines
    assert [e.id for e in repo.asap.entries()] == ["e-1"]  # still waiting for a slot

    made = asap.take(desk, offer)
    assert (made.connection_id, made.resource_id, made.start) == ("conn-1", MAIN, start)
    assert patients_bookings() == [
        ("conn-1", VisitStatus.BOOKED),
        ("conn-2", VisitStatus.CANCELLED),
    ]
    assert [op.kind.value for op in repo.outbox.queued_operations(made.id)] == ["create"]
    assert [op.kind.value for op in repo.outbox.queued_operations(held.id)] == ["cancel"]
    events = [(r.event, r.booking_id) for r in repo.audit.audit_page(AuditFilter())]
    assert (AuditEvent.BOOKED.value, made.id) in events
    assert (AuditEvent.CANCELLED.value, held.id) in events
    cancelled = repo.audit.audit_page(AuditFilter(event=AuditEvent.CANCELLED.value))
    assert [r.detail for r in cancelled] == ["booked earlier from the ASAP list"]
    assert repo.asap.entries() == []


@pytest.mark.parametrize("move", [False, True], ids=["booked", "moved"])
def test_the_entry_leaves_the_list_in_the_bookings_own_transaction(
    desk: Any, monkeypatch: pytest.MonkeyPatch, move: bool
) -> None:
    """Booked from the list (or the later booking moved to the slot): the entry is taken off
    in the same transaction, so a failure there takes the booking back too, and the entry
    waits on; the next attempt books and takes it off together."""
    from frontdesk.storage import asap as asap_store

    repo: Repository = desk.repo
    day = next_weekday(3, after_days=3)
    held, entry = listed(repo, 8, at(day + timedelta(days=7), 11), "conn-1", "e-2", day, move)
    start = at(day, 9)
    slot = FreedSlot(
        2, "conn-1", CHECKUP, MAIN, start, start + timedelta(minutes=30), "b-gone",
        FreedCause.CANCELLED, utc_now(),
    )  # fmt: skip
    offer = asap.Offer(slot, entry, move=move)
    before = repo.booking(held.id)
    lines = len(repo.audit.audit_page(AuditFilter()))

    with monkeypatch.context() as patch:
        patch.setattr(asap_store, "removed_in", crash)
        with pytest.raises(Crash):
            asap.take(desk, offer)
    assert repo.booking(held.id) == before
    assert repo.bookings_between(start - timedelta(hours=1), start + timedelta(hours=1)) == []
    assert repo.outbox.pending_count() == 0
    assert len(repo.audit.audit_page(AuditFilter())) == lines
    assert [e.id for e in repo.asap.entries()] == ["e-2"]

    made = asap.take(desk, offer)
    assert made.start == start and (made.id == held.id) is move
    assert repo.asap.entries() == []
    removed = repo.audit.audit_page(AuditFilter(event=AuditEvent.ASAP_REMOVED.value))
    assert [r.detail for r in removed] == ["ASAP entry e-2: booked in a freed slot"]

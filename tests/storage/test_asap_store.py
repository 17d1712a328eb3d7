"""The ASAP list in the store (SQLite and PostgreSQL): entries added, changed and removed with
their audit lines; and the slots that free up, noted by the store whoever frees them (a desk's
cancel, move or no-show, a pulled remote cancel), as they were, only while still to come."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from frontdesk.domain.asap import AsapEntry, FreedCause, PartOfDay
from frontdesk.domain.audit import Actor, AuditEntry, AuditEvent, AuditFilter
from frontdesk.domain.booking import SyncState, VisitStatus
from frontdesk.domain.outbox import OperationKind
from frontdesk.storage.asap import AsapEntryGone
from frontdesk.storage.repo import Repository
from support.bookings import booking

WHO = Actor("Anna", "reception-1")


def _entry(n: int, **kw: object) -> AsapEntry:
    fields: dict[str, object] = {
        "id": f"a-{n}",
        "patient_name": f"Waiting Patient {n}",
        "patient_phone": "+442079460111",
        "connection_id": "conn-1",
        "service_id": "svc",
        "until": date(2027, 7, 1),
        "added_by": "Anna",
        "added_at": datetime(2027, 6, 1, 9, tzinfo=UTC),
    }
    return AsapEntry(**{**fields, **kw})  # type: ignore[arg-type]


def _line(event: AuditEvent) -> AuditEntry:
    return AuditEntry(event, WHO, detail="ASAP entry")


def test_entries_are_added_changed_and_removed_with_their_audit_lines(repo: Repository) -> None:
    store = repo.asap
    store.add(
        _entry(1, weekdays=frozenset({0, 4}), parts=frozenset({PartOfDay.EVENING})),
        _line(AuditEvent.ASAP_ADDED),
    )
    store.add(_entry(2, until=date(2027, 6, 20), resource_id="res", booking_id="b-9"),
              _line(AuditEvent.ASAP_ADDED))  # fmt: skip
    listed = store.entries()
    assert [e.id for e in listed] == ["a-2", "a-1"]  # the earliest "until" first
    first = store.entry("a-1")
    assert first is not None
    assert first.weekdays == {0, 4} and first.parts == {PartOfDay.EVENING}
    assert first.added_at == datetime(2027, 6, 1, 9, tzinfo=UTC) and first.version == 1
    assert listed[0].resource_id == "res" and listed[0].booking_id == "b-9"

    changed = store.update(first.with_changes(note="Can come at short notice"),
                           _line(AuditEvent.ASAP_CHANGED))  # fmt: skip
    assert changed.note == "Can come at short notice" and changed.version == 2
    with pytest.raises(AsapEntryGone):  # changed elsewhere since it was read
        store.update(first.with_changes(note="stale"), _line(AuditEvent.ASAP_CHANGED))

    assert store.remove([("a-1", _line(AuditEvent.ASAP_REMOVED)),
                         ("a-2", _line(AuditEvent.ASAP_REMOVED))]) == 2  # fmt: skip
    assert store.remove([("a-1", _line(AuditEvent.ASAP_REMOVED))]) == 0
    assert store.entries() == []
    events = [r.event for r in repo.audit.audit_page(AuditFilter())]
    assert events.count("ASAP added") == 2 and events.count("ASAP changed") == 1
    assert events.count("ASAP removed") == 2  # the second remove found nothing: no line


def test_removing_a_connection_removes_its_entries(repo: Repository) -> None:
    repo.asap.add(_entry(1), _line(AuditEvent.ASAP_ADDED))
    repo.removal.remove_connection("conn-1")
    assert repo.asap.entries() == []


def _later(days: int = 400) -> datetime:
    return datetime.now(UTC).replace(microsecond=0) + timedelta(days=days)


def test_a_desk_cancel_move_and_no_show_free_their_slots(repo: Repository) -> None:
    start = _later()
    before = repo.asap.last_freed_id()
    for n in (1, 2, 3, 4):
        repo.book(booking(n, start + timedelta(hours=n)), OperationKind.CREATE, {}, f"k{n}", "A")
    one = repo.booking("b-1")
    assert one is not None
    repo.changes.change_booking(one.with_changes(visit_status=VisitStatus.CANCELLED),
                                OperationKind.CANCEL, "c1", "A", "cancelled", None)  # fmt: skip
    two = repo.booking("b-2")
    assert two is not None
    moved_to = two.start + timedelta(days=1)
    repo.changes.change_booking(
        two.with_changes(start=moved_to, end=moved_to + timedelta(minutes=30)),
        OperationKind.RESCHEDULE, "c2", "A", "moved", None,
    )  # fmt: skip
    three = repo.booking("b-3")
    assert three is not None
    repo.changes.change_at_desk(
        three.with_changes(visit_status=VisitStatus.NO_SHOW), "A", "no_show", None
    )
    four = repo.booking("b-4")
    assert four is not None  # a change of notes frees nothing
    repo.changes.change_at_desk(four.with_changes(notes="Ring first"), "A", "edited", None)

    freed = repo.asap.freed_since(before)
    assert [(f.booking_id, f.cause) for f in freed] == [
        ("b-1", FreedCause.CANCELLED),
        ("b-2", FreedCause.MOVED),
        ("b-3", FreedCause.NO_SHOW),
    ]
    assert freed[1].start == start + timedelta(hours=2)  # the time it was, not the new one
    assert freed[1].end == freed[1].start + timedelta(minutes=30)
    assert (freed[0].service_id, freed[0].resource_id) == ("svc", "res")
    assert repo.asap.freed_since(freed[-1].id) == []


def test_a_pulled_remote_cancel_frees_its_slot_but_a_past_one_does_not(repo: Repository) -> None:
    soon, past = _later(), datetime.now(UTC) - timedelta(days=2)
    held = dict(sync_state=SyncState.CONFIRMED)
    repo.import_bookings([booking(1, soon, remote_id="r-1", **held),
                          booking(2, past, remote_id="r-2", **held)])  # fmt: skip
    before = repo.asap.last_freed_id()
    cancelled = dict(visit_status=VisitStatus.CANCELLED, **held)
    repo.remote.merge_remote(
        "conn-1",
        [
            booking(1, soon, remote_id="r-1", **cancelled),
            booking(2, past, remote_id="r-2", **cancelled),
        ],
    )
    gone = repo.booking("b-1")
    assert gone is not None and gone.visit_status is VisitStatus.CANCELLED
    freed = repo.asap.freed_since(before)
    assert [(f.booking_id, f.start) for f in freed] == [("b-1", soon)]
    # a slot is read until it has ended
    assert len(repo.asap.freed_since(before, now=soon + timedelta(minutes=29))) == 1
    assert repo.asap.freed_since(before, now=soon + timedelta(minutes=30)) == []


def test_a_no_show_marked_once_begun_frees_what_is_left_of_it(repo: Repository) -> None:
    begun = datetime.now(UTC) - timedelta(minutes=10)
    over = datetime.now(UTC) - timedelta(minutes=40)
    repo.book(booking(1, begun), OperationKind.CREATE, {}, "k1", "A")
    repo.book(booking(2, over), OperationKind.CREATE, {}, "k2", "A")
    before = repo.asap.last_freed_id()
    for booking_id in ("b-1", "b-2"):
        found = repo.booking(booking_id)
        assert found is not None
        repo.changes.change_at_desk(found.with_changes(visit_status=VisitStatus.NO_SHOW),
                                    "A", "no_show", None)  # fmt: skip
    freed = repo.asap.freed_since(before)
    assert [(f.booking_id, f.cause) for f in freed] == [("b-1", FreedCause.NO_SHOW)]

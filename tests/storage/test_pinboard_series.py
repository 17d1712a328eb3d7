"""The pinboard and series in the store, on SQLite and PostgreSQL: a pin is a note beside a
booking (the booking unchanged), taken off once, each with its audit line; a series' bookings
land in one transaction with their creates queued in order, or (one refused inside the write)
none of them; a change to several occurrences is all or nothing too."""

from __future__ import annotations

from datetime import timedelta

import pytest

from frontdesk.domain.audit import Actor, AuditEntry, AuditEvent, AuditFilter
from frontdesk.domain.booking import VisitStatus
from frontdesk.domain.outbox import OperationKind
from frontdesk.storage.repo import Repository
from frontdesk.storage.series import BookingChange, NewBooking
from support.bookings import T0, booking

ANNA = Actor("Anna Berg", "reception-1")


def line(event: AuditEvent, booking_id: str, detail: str = "") -> AuditEntry:
    return AuditEntry(event, ANNA, booking_id, detail=detail or None)


def test_a_pin_leaves_its_booking_as_it_is_and_is_taken_off_once(repo: Repository) -> None:
    repo.book(booking(1), OperationKind.CREATE, {}, "k1", ANNA.label)
    before = repo.booking("b-1")
    assert repo.pinboard.pin("b-1", line(AuditEvent.PINNED, "b-1"))
    assert not repo.pinboard.pin("b-1", line(AuditEvent.PINNED, "b-1"))  # there already
    assert repo.booking("b-1") == before  # pinning changes nothing of the booking
    pins = repo.pinboard.pins()
    assert [(p.booking_id, p.pinned_by, p.desk) for p in pins] == [
        ("b-1", "Anna Berg", "reception-1")
    ]
    assert repo.pinboard.unpin([line(AuditEvent.UNPINNED, "b-1", "placed")]) == ["b-1"]
    assert repo.pinboard.unpin([line(AuditEvent.UNPINNED, "b-1", "placed")]) == []
    assert repo.pinboard.pins() == []
    events = [(r.event, r.booking_id) for r in repo.audit.audit_page(AuditFilter())]
    assert sorted(events) == [("pinned", "b-1"), ("unpinned", "b-1")]


def _items(n: int, refuse_at: int | None = None) -> list[NewBooking]:
    def refuse(_between: object) -> None:
        raise RuntimeError("no longer fits")

    return [
        NewBooking(
            booking(10 + i, T0 + timedelta(weeks=2 * i)),
            refuse if i == refuse_at else None,
            line(AuditEvent.BOOKED, f"b-{10 + i}"),
            f"create-{i}",
        )
        for i in range(n)
    ]


def test_a_series_is_booked_whole_with_its_creates_in_order(repo: Repository) -> None:
    repo.series.book("s-1", 2, "every 2 weeks, 4 times", _items(4), ANNA.label)
    info = repo.series.of_booking("b-12")
    assert info is not None and info.booking_ids == ("b-10", "b-11", "b-12", "b-13")
    assert info.rule == "every 2 weeks, 4 times" and info.every_weeks == 2
    ops = repo.outbox.queued_operations("b-10") + repo.outbox.queued_operations("b-13")
    assert [op.kind for op in ops] == [OperationKind.CREATE] * 2
    assert ops[0].id < ops[1].id  # queued in the series' order
    assert len(repo.audit.audit_page(AuditFilter())) == 4
    assert "2 of 4 in a series" in (repo.history("b-11")[0][2] or "")


def test_a_series_refused_inside_the_write_leaves_nothing(repo: Repository) -> None:
    with pytest.raises(RuntimeError):
        repo.series.book("s-2", 2, "every 2 weeks, 4 times", _items(4, refuse_at=3), ANNA.label)
    assert repo.booking("b-10") is None and repo.series.of_booking("b-10") is None
    assert repo.audit.audit_page(AuditFilter()) == []
    assert repo.outbox.queued_operations("b-10") == []


def test_changes_to_several_occurrences_are_all_or_nothing(repo: Repository) -> None:
    repo.series.book("s-3", 1, "every week, 3 times", _items(3), ANNA.label)
    stored = [repo.booking(f"b-{i}") for i in (11, 12)]
    assert all(stored)

    def changes(version_of_last: int | None = None) -> list[BookingChange]:
        made = []
        for b in stored:
            assert b is not None
            after = b.with_changes(visit_status=VisitStatus.CANCELLED)
            version = b.version if version_of_last is None or b.id != "b-12" else version_of_last
            made.append(
                BookingChange(
                    version,
                    after,
                    OperationKind.CANCEL,
                    f"cancel-{b.id}",
                    "cancelled",
                    "with the following",
                    None,
                    line(AuditEvent.CANCELLED, b.id),
                )
            )
        return made

    from frontdesk.storage.outbox_store import StaleBooking

    with pytest.raises(StaleBooking):  # the last was changed meanwhile: none is cancelled
        repo.series.change(changes(version_of_last=99), ANNA.label)
    assert all(repo.booking(f"b-{i}").active for i in (11, 12))  # type: ignore[union-attr]
    repo.series.change(changes(), ANNA.label)
    assert [repo.booking(f"b-{i}").active for i in (10, 11, 12)] == [True, False, False]  # type: ignore[union-attr]

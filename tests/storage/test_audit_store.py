"""The audit trail and the staff in the store, on SQLite and PostgreSQL: a desk write's audit
line lands in its transaction or not at all; the trail can only be appended to (no method
changes it, and the store refuses an UPDATE or DELETE); staff names are taken once, the first
administrator is made once, the last active administrator stays."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, IntegrityError

from frontdesk.domain.audit import Actor, AuditEntry, AuditEvent, AuditFilter
from frontdesk.domain.booking import VisitStatus
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.staff import Role
from frontdesk.storage.repo import Repository
from frontdesk.storage.staff import StaffRefused
from support.bookings import booking

ANNA = Actor("Anna Berg", "reception-1")
NOW = datetime(2027, 6, 1, 9, 0, tzinfo=UTC)


def line(event: AuditEvent, booking_id: str | None = None, **kw: object) -> AuditEntry:
    return AuditEntry(event, ANNA, booking_id, **kw)  # type: ignore[arg-type]


def test_a_booking_and_its_audit_line_are_written_together(repo: Repository) -> None:
    b = booking(1, patient_name="Theo Walsh")
    entry = line(AuditEvent.BOOKED, b.id, changes={"start": [None, "2027-06-15T08:30:00.000Z"]})
    repo.book(b, OperationKind.CREATE, {}, "k1", ANNA.label, audit=entry)
    with pytest.raises(IntegrityError):  # the same booking again: nothing of it is written
        repo.book(b, OperationKind.CREATE, {}, "k2", ANNA.label, audit=entry)

    def refuse(_between: object) -> None:
        raise RuntimeError("no longer fits")

    with pytest.raises(RuntimeError):  # refused inside the write: no line either
        repo.book(booking(2), OperationKind.CREATE, {}, "k3", "x", guard=refuse, audit=entry)
    lines = repo.audit.audit_page(AuditFilter())
    assert [(r.event, r.booking_id, r.staff, r.desk) for r in lines] == [
        ("booked", "b-1", "Anna Berg", "reception-1")
    ]
    assert lines[0].changes == {"start": [None, "2027-06-15T08:30:00.000Z"]}
    assert lines[0].patient == "Theo Walsh"  # the booking's patient, as the cache holds it
    assert repo.history("b-1")[0][3] == "Anna Berg at reception-1"


def test_a_change_writes_its_line_with_the_booking(repo: Repository) -> None:
    b = booking(1)
    repo.book(b, OperationKind.CREATE, {}, "k1", ANNA.label)
    cancelled = b.with_changes(visit_status=VisitStatus.CANCELLED)
    entry = line(AuditEvent.CANCELLED, b.id, changes={"visit_status": ["booked", "cancelled"]})
    repo.changes.change_booking(
        cancelled, OperationKind.CANCEL, "k2", ANNA.label, "cancelled", None, 1, audit=entry
    )
    with pytest.raises(Exception, match="changed since"):  # a stale change writes no line
        repo.changes.change_booking(
            cancelled, OperationKind.CANCEL, "k3", ANNA.label, "cancelled", None, 1, audit=entry
        )
    assert repo.audit.audit_count(AuditFilter(event="cancelled")) == 1


def test_an_import_writes_a_line_per_booking_it_wrote(repo: Repository) -> None:
    repo.book(booking(1), OperationKind.CREATE, {}, "k1", ANNA.label)
    entry = line(AuditEvent.IMPORTED, detail="from week.csv")
    written = repo.book_many([booking(1), booking(2), booking(3)], ANNA.label, "csv", audit=entry)
    assert written == 2
    lines = repo.audit.audit_page(AuditFilter(event="imported"))
    assert sorted(r.booking_id or "" for r in lines) == ["b-2", "b-3"]
    assert lines[0].detail == "from week.csv" and "start" in lines[0].changes


def test_the_trail_is_filtered_and_paged_newest_first(repo: Repository) -> None:
    repo.book(booking(1, patient_name="Freya Price"), OperationKind.CREATE, {}, "k1", "d")
    for n in range(25):
        repo.audit.record(line(AuditEvent.OPENED, "b-1" if n % 5 == 0 else None, detail=str(n)))
    repo.audit.record(AuditEntry(AuditEvent.PRINTED, Actor("Ben", "reception-2")))
    assert repo.audit.audit_count(AuditFilter()) == 26
    first = repo.audit.audit_page(AuditFilter(), 0, 10)
    assert first[0].staff == "Ben" and [r.detail for r in first[1:4]] == ["24", "23", "22"]
    last = repo.audit.audit_page(AuditFilter(), 20, 10)
    assert [r.detail for r in last] == ["5", "4", "3", "2", "1", "0"]
    assert repo.audit.audit_count(AuditFilter(staff="Ben")) == 1
    assert repo.audit.audit_count(AuditFilter(subject="freya")) == 5  # by the booking's patient
    assert repo.audit.audit_count(AuditFilter(subject="b-1")) == 5  # by the booking's id
    assert repo.audit.audit_count(AuditFilter(subject="100%")) == 0  # a LIKE wildcard is text
    later = datetime.now(UTC) + timedelta(hours=1)
    assert repo.audit.audit_count(AuditFilter(start=later)) == 0
    assert repo.audit.audit_count(AuditFilter(end=later)) == 26
    assert repo.audit.audit_staff() == ["Anna Berg", "Ben"]
    assert len(list(repo.audit.audit_lines(AuditFilter(event="opened")))) == 25


def test_the_trail_has_no_way_to_be_changed(repo: Repository) -> None:
    """The store's API appends and reads; the store refuses an UPDATE or DELETE itself."""
    audit_api = {name for name in dir(repo.audit) if not name.startswith("_")}
    assert audit_api == {"audit_page", "audit_count", "audit_lines", "audit_staff", "record", "db"}
    repo.audit.record(line(AuditEvent.PRINTED, detail="day sheet"))
    for statement in (
        "UPDATE audit SET staff = 'Mallory'",
        "DELETE FROM audit",
        "UPDATE audit SET detail = NULL WHERE id = 1",
    ):
        with pytest.raises(DBAPIError, match="append-only"), repo.db.write() as s:
            s.execute(text(statement))
    if repo.db.shared:
        with pytest.raises(DBAPIError, match="append-only"), repo.db.write() as s:
            s.execute(text("TRUNCATE audit"))
    lines = repo.audit.audit_page(AuditFilter())
    assert [(r.staff, r.detail) for r in lines] == [("Anna Berg", "day sheet")]


def test_a_staff_name_is_taken_once_and_the_first_admin_made_once(repo: Repository) -> None:
    added = line(AuditEvent.STAFF_ADDED)
    anna = repo.staff.add_staff("  Anna   Berg ", Role.ADMIN, "h1", added, NOW, first=True)
    assert anna.name == "Anna Berg" and anna.admin
    with pytest.raises(StaffRefused, match="sign in instead"):
        repo.staff.add_staff("Ben", Role.ADMIN, "h2", added, NOW, first=True)
    with pytest.raises(StaffRefused, match="already"):
        repo.staff.add_staff("anna berg", Role.STAFF, "h3", added, NOW)
    repo.staff.add_staff("Ben", Role.STAFF, "h4", added, NOW)
    assert [m.name for m in repo.staff.staff_members()] == ["Anna Berg", "Ben"]
    found = repo.staff.staff_pin("ANNA BERG")
    assert found is not None and found[1] == "h1"
    assert repo.audit.audit_count(AuditFilter(event="staff added")) == 2


def test_the_last_active_admin_stays_and_wrong_pins_lock_out(repo: Repository) -> None:
    anna = repo.staff.add_staff("Anna", Role.ADMIN, "h", line(AuditEvent.STAFF_ADDED), NOW)
    off = line(AuditEvent.STAFF_DISABLED)
    with pytest.raises(StaffRefused, match="only active administrator"):
        repo.staff.set_disabled("Anna", True, off)
    repo.staff.add_staff("Cleo", Role.ADMIN, "h", line(AuditEvent.STAFF_ADDED), NOW)
    assert repo.staff.set_disabled("anna", True, off).disabled
    with pytest.raises(StaffRefused, match="only active administrator"):
        repo.staff.set_disabled("Cleo", True, off)
    wrong = line(AuditEvent.SIGN_IN_REFUSED)
    for _ in range(4):
        member = repo.staff.sign_in_failed(anna.id, NOW, wrong)
    assert member.failed == 4 and member.locked_until is None
    member = repo.staff.sign_in_failed(anna.id, NOW, wrong)
    assert member.locked_until == NOW + timedelta(seconds=30)
    member = repo.staff.sign_in_failed(anna.id, NOW, wrong)
    assert member.locked_until == NOW + timedelta(seconds=60)
    member = repo.staff.sign_in_succeeded(anna.id, NOW, line(AuditEvent.SIGNED_IN))
    assert member.failed == 0 and member.locked_until is None and member.last_sign_in == NOW

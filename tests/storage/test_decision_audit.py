"""The sync panel's decisions each write an audit line (who, which booking, what was decided,
the fields it changed) in the same transaction as the decision, on SQLite and PostgreSQL:
send a refused change again, give it up, settle an unknown outcome, settle a clash either
way, add a note."""

from __future__ import annotations

from datetime import timedelta

import pytest

from frontdesk.domain.audit import Actor, AuditEvent, AuditFilter, AuditRecord, text_of
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.outbox import Operation, OperationKind, Settlement
from frontdesk.storage import audit as audit_store
from frontdesk.storage.repo import Repository
from support.bookings import T0, booking
from support.fakes import ops_of

ANNA = Actor("Anna Berg", "reception-1")


def lines(repo: Repository, event: AuditEvent) -> list[AuditRecord]:
    return repo.audit.audit_page(AuditFilter(event=event.value))


def refused(repo: Repository) -> Operation:
    op = repo.book(booking(1), OperationKind.CREATE, {}, "k", "d")
    repo.sending.refuse(op, booking(1, sync_state=SyncState.NEEDS_ATTENTION), "SLOT_FULL")
    return op


def unknown(repo: Repository) -> Operation:
    op = repo.book(booking(1), OperationKind.CREATE, {}, "k", "d")
    repo.sending.mark_unknown(op, booking(1, sync_state=SyncState.NEEDS_ATTENTION), "no answer")
    return op


def clashed(repo: Repository) -> Booking:
    op = repo.book(booking(1), OperationKind.CREATE, {}, "k", "d")
    repo.sending.complete(op, booking(1, remote_id="appt_1", sync_state=SyncState.CONFIRMED), "ok")
    here = booking(1, T0 + timedelta(hours=2), remote_id="appt_1", version=2)
    repo.changes.change_booking(here, OperationKind.RESCHEDULE, "k-move", "d", "moved", None)
    there = booking(1, T0 + timedelta(hours=3), remote_id="appt_1", sync_state=SyncState.CONFIRMED)
    repo.remote.merge_remote("conn-1", [there.with_changes(id="pulled")])
    got = repo.booking("b-1")
    assert got is not None and got.problem_code == "CLASH"
    return got


def test_sending_a_refused_change_again_or_giving_it_up_is_audited(repo: Repository) -> None:
    op = refused(repo)
    repo.sending.requeue(op.id, ANNA)
    [line] = lines(repo, AuditEvent.SENT_AGAIN)
    assert (line.staff, line.desk, line.booking_id, line.detail) == (
        "Anna Berg",
        "reception-1",
        "b-1",
        "create",
    )
    repo.sending.refuse(op, booking(1, sync_state=SyncState.NEEDS_ATTENTION), "SLOT_FULL")
    repo.sending.dismiss(op.id, ANNA)
    [line] = lines(repo, AuditEvent.GIVEN_UP)
    assert (line.staff, line.booking_id) == ("Anna Berg", "b-1")


@pytest.mark.parametrize("settlement", list(Settlement))
def test_settling_an_unknown_outcome_is_audited(repo: Repository, settlement: Settlement) -> None:
    op = unknown(repo)
    repo.sending.settle_unknown(op.id, settlement, ANNA)
    [line] = lines(repo, AuditEvent.OUTCOME_SETTLED)
    assert (line.staff, line.desk, line.booking_id) == ("Anna Berg", "reception-1", "b-1")
    assert line.detail is not None
    if settlement is Settlement.CANCEL:
        assert line.changes == {"visit_status": ["booked", VisitStatus.CANCELLED.value]}


def test_settling_a_clash_is_audited_with_what_it_changed(repo: Repository) -> None:
    clashed(repo)
    repo.remote.take_theirs("b-1", ANNA)
    [line] = lines(repo, AuditEvent.CLASH_SETTLED)
    assert line.detail == "took the booking system's version"
    assert list(line.changes) == ["start", "end"]  # the booking system's time was taken
    here, there = T0 + timedelta(hours=2), T0 + timedelta(hours=3)
    assert line.changes["start"] == [text_of(here), text_of(there)]


def test_keeping_the_desks_version_is_audited(repo: Repository) -> None:
    clashed(repo)
    repo.remote.keep_ours("b-1", ANNA)
    [line] = lines(repo, AuditEvent.CLASH_SETTLED)
    assert (line.staff, line.detail, line.changes) == ("Anna Berg", "kept the desk's version", {})


def test_a_note_is_audited(repo: Repository) -> None:
    repo.book(booking(1), OperationKind.CREATE, {}, "k", "d")
    repo.add_note("b-1", "called, left a message", ANNA)
    [line] = lines(repo, AuditEvent.NOTE_ADDED)
    assert line.changes == {"notes": [None, "called, left a message"]}


def test_a_decision_and_its_line_are_written_together(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    op = refused(repo)

    def broken(*_args: object, **_kw: object) -> None:
        raise RuntimeError("the line could not be written")

    # the storage modules hold their own name for it
    from frontdesk.storage import outbox_sending

    monkeypatch.setattr(outbox_sending, "add_decision", broken)
    with pytest.raises(RuntimeError):
        repo.sending.requeue(op.id, ANNA)
    assert ops_of(repo, "b-1")[0].state.value == "failed"  # not sent again: no line
    monkeypatch.setattr(outbox_sending, "add_decision", audit_store.add_decision)
    repo.sending.requeue(op.id, ANNA)
    assert ops_of(repo, "b-1")[0].state.value == "queued"
    assert len(lines(repo, AuditEvent.SENT_AGAIN)) == 1

"""Claims: an operation is claimed before it is sent, by one sender at a time; the answer is
stored only by the sender that still holds it; a lease left by a sender that died runs out (or,
on this computer, is seen dead at once) and another takes over."""

from __future__ import annotations

import os
import socket
from datetime import UTC, datetime, timedelta

from frontdesk.domain.booking import SyncState
from frontdesk.domain.outbox import OperationKind, OperationState
from frontdesk.storage.repo import Repository
from frontdesk.sync.senders import abandoned, sender_id
from support.bookings import booking
from support.senders import ended_sender


def test_one_sender_at_a_time(repo: Repository) -> None:
    op = repo.book(booking(1), OperationKind.CREATE, {}, "k1", "desk")
    now = datetime.now(UTC)
    first = repo.sending.claim(op.id, "desk-a", now)
    assert first is not None and first.claimed_by == "desk-a"
    assert first.sent_at is None and first.attempts == 0  # as it was before this attempt
    assert repo.sending.claim(op.id, "desk-b", now) is None  # held
    assert (
        repo.outbox.due_operations("conn-1", now)[0].sent_at is not None
    )  # the attempt is recorded
    confirmed = booking(1).with_changes(remote_id="r-1", sync_state=SyncState.CONFIRMED)
    repo.sending.complete(first, confirmed, "create accepted")
    assert repo.sending.claim(op.id, "desk-b", now) is None  # done: nothing left to send
    assert repo.outbox.pending_count() == 0


def test_a_claim_released_by_a_retry_is_due_again_only_at_its_time(repo: Repository) -> None:
    op = repo.book(booking(1), OperationKind.CREATE, {}, "k1", "desk")
    now = datetime.now(UTC)
    first = repo.sending.claim(op.id, "desk-a", now)
    assert first is not None
    repo.sending.retry_later(first, now + timedelta(seconds=30), "HTTP 503")
    assert repo.sending.claim(op.id, "desk-b", now) is None  # not due yet, though free
    second = repo.sending.claim(op.id, "desk-b", now + timedelta(seconds=31))
    assert second is not None and second.attempts == 1 and second.sent_at is not None


def test_a_lapsed_claim_is_taken_over_and_the_late_answer_is_dropped(repo: Repository) -> None:
    op = repo.book(booking(1), OperationKind.CREATE, {}, "k1", "desk")
    now = datetime.now(UTC)
    stale = repo.sending.claim(op.id, "desk-a", now, lease=timedelta(seconds=60))
    assert stale is not None
    assert repo.outbox.next_due_at("conn-1") == now + timedelta(seconds=60)  # when the lease ends
    taken = repo.sending.claim(op.id, "desk-b", now + timedelta(seconds=61))
    assert taken is not None and taken.sent_at is not None  # it reconciles before resending
    refused = booking(1).with_changes(sync_state=SyncState.NEEDS_ATTENTION, problem_code="X")
    repo.sending.refuse(stale, refused, "HTTP 409")  # desk-a's answer, too late: not stored
    (row,) = repo.outbox.queued_operations("b-1")
    assert row.state is OperationState.QUEUED and row.claimed_by == "desk-b"
    confirmed = booking(1).with_changes(remote_id="r-1", sync_state=SyncState.CONFIRMED)
    repo.sending.complete(taken, confirmed, "create replayed")
    stored = repo.booking("b-1")
    assert stored is not None and stored.sync_state is SyncState.CONFIRMED
    assert repo.outbox.pending_count() == 0


def test_a_claim_of_a_dead_process_on_this_computer_is_taken_at_once(repo: Repository) -> None:
    op = repo.book(booking(1), OperationKind.CREATE, {}, "k1", "desk")
    dead, pid = ended_sender()
    now = datetime.now(UTC)
    assert repo.sending.claim(op.id, dead, now) is not None
    assert abandoned(dead)
    assert not abandoned(sender_id())  # this very process
    assert not abandoned(f"{socket.gethostname()}:{os.getppid()}:1111")  # alive
    assert not abandoned(f"another-host:{pid}:0000")  # cannot tell: its lease
    assert repo.sending.claim(op.id, "desk-b", now) is None
    assert repo.sending.claim(op.id, "desk-b", now, abandoned=abandoned) is not None


def test_only_an_answered_attempt_counts_not_a_claim_taken_over(repo: Repository) -> None:
    op = repo.book(booking(1), OperationKind.CREATE, {}, "k1", "desk")
    now = datetime.now(UTC)
    for _ in range(3):  # three senders claim it and die before any answer is stored
        dead, _pid = ended_sender()
        assert repo.sending.claim(op.id, dead, now, abandoned=abandoned) is not None
    taken = repo.sending.claim_to_send(op.id, "desk-b", now, abandoned=lambda _h: True)
    assert taken is not None
    claimed, _ = taken
    assert claimed.attempts == 0 and claimed.sent_at is not None  # may have arrived
    repo.sending.retry_later(claimed, now, "HTTP 503")  # the booking system answered
    (row,) = repo.outbox.queued_operations("b-1")
    assert row.attempts == 1
    again = repo.sending.claim(op.id, "desk-c", now)
    assert again is not None
    repo.sending.retry_later(again, now, "its booking is gone", answered=False)  # ours
    again = repo.sending.claim(op.id, "desk-c", now)
    assert again is not None and again.attempts == 1
    stale = repo.sending.claim(op.id, "desk-d", now + timedelta(minutes=6))  # lease ran out
    assert stale is not None and stale.attempts == 1
    repo.sending.retry_later(again, now, "HTTP 503")  # desk-c's late answer: not stored
    confirmed = booking(1).with_changes(remote_id="r-1", sync_state=SyncState.CONFIRMED)
    repo.sending.complete(stale, confirmed, "create accepted")
    with repo.db.read() as s:
        from frontdesk.storage.tables import OutboxRow

        assert s.get_one(OutboxRow, op.id).attempts == 2

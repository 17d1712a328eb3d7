"""The "outcome unknown" state: a create sent with no answer back, on an API that cannot be
asked whether it arrived (``find_existing`` raises ``CannotTell``). It is never resent by
itself and never counted as done; it survives restarts, holds back its own booking's later
operations but nobody else's, and leaves only by a person's decision or a pull that finds it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.outbox import OperationKind, OperationState, Settlement
from frontdesk.providers.base import Accepted, Ambiguous, CannotTell, Outcome, RetryLater
from frontdesk.storage.db import Database
from frontdesk.storage.outbox_unknown import NotUnknown
from frontdesk.storage.repo import Repository
from frontdesk.sync.engine import UNKNOWN_CODE, SyncEngine
from support.fakes import QuietConnector, ops_of

START = datetime(2027, 6, 15, 9, 0, tzinfo=UTC)


class ProvisionalConnector(QuietConnector):
    """Like meetergo with a double opt-in type: a create makes a provisional booking that no
    list shows, so after a lost answer no lookup can tell. ``lose`` says which sends lose
    their answer (after the commit)."""

    provider = "fakemeet"

    def __init__(self, lose: Callable[[int], bool] = lambda n: n == 1) -> None:
        self.lose = lose
        self.sends = 0
        self.keys: list[str] = []
        self.provisional: list[str] = []  # booking ids, one per provisional booking made
        self.listed: list[Booking] = []  # what pull_bookings returns (confirmed ones)
        self.lookups = 0

    def create(self, booking: Booking, key: str) -> Outcome:
        self.sends += 1
        self.keys.append(key)
        self.provisional.append(booking.id)
        if self.lose(self.sends):
            return Ambiguous("no answer after sending (timeout)")
        return Accepted(booking.with_changes(sync_state=SyncState.AWAITING_CONFIRMATION))

    def find_existing(self, booking: Booking) -> Booking | None:
        self.lookups += 1
        raise CannotTell("provisional bookings are in no list")

    def pull_bookings(self, since: datetime | None) -> list[Booking]:
        return list(self.listed)

    def reschedule(self, booking: Booking, key: str) -> Outcome:
        self.sends += 1
        return Accepted(booking)

    cancel = set_status = reschedule


def _book(repo: Repository, booking_id: str = "b-1", minutes: int = 0) -> Booking:
    start = START + timedelta(minutes=minutes)
    booking = Booking(
        id=booking_id,
        connection_id="conn-1",
        service_id="s",
        resource_id="r",
        start=start,
        end=start + timedelta(minutes=30),
        patient_name="P",
        patient_phone="+442079460000",
        patient_email=f"{booking_id}@example.com",
    )
    repo.book(booking, OperationKind.CREATE, {}, f"key-{booking_id}", "desk")
    return booking


class Rig:
    def __init__(self, repo: Repository, connector: ProvisionalConnector) -> None:
        self.repo = repo
        self.connector = connector
        self.now = datetime.now(UTC)
        self.engine = self.restart()

    def restart(self) -> SyncEngine:
        """A new engine (and repository) on the same cache file, as after a restart."""
        self.repo = Repository(self.repo.db)
        self.engine = SyncEngine(
            self.repo,
            {"conn-1": self.connector},  # type: ignore[dict-item]
            clock=lambda: self.now,
        )
        return self.engine

    def later(self, minutes: float = 10) -> None:
        self.now += timedelta(minutes=minutes)


def _unknown(repo: Repository) -> Rig:
    """b-1 booked, sent, its answer lost; the next attempt finds no lookup can tell."""
    _book(repo)
    rig = Rig(repo, ProvisionalConnector())
    assert rig.engine.drain().retrying == 1  # the lost answer: stays queued
    rig.later()
    report = rig.engine.drain()
    assert (report.sent, report.unknown, report.confirmed) == (0, 1, 0)
    assert report.changed_bookings == ["b-1"]
    return rig


def test_no_lookup_can_tell_so_the_outcome_is_unknown_and_nothing_is_resent(
    repo: Repository,
) -> None:
    rig = _unknown(repo)
    (op,) = ops_of(rig.repo, "b-1")
    assert op.state is OperationState.UNKNOWN and op.sent_at is not None
    assert "provisional bookings are in no list" in (op.last_error or "")
    stored = rig.repo.booking("b-1")
    assert stored is not None and stored.sync_state is SyncState.OUTCOME_UNKNOWN
    assert stored.problem_code == UNKNOWN_CODE
    assert stored.problem_message is not None
    assert stored.problem_message.startswith(
        "Sent, but no answer came back and fakemeet cannot be asked whether it arrived"
    )
    assert rig.repo.outbox.pending_count() == 0 and rig.repo.outbox.unknown_count() == 1
    assert rig.repo.outbox.unknown_count("conn-1") == 1
    assert ("outcome unknown", "sync") in [(e, a) for _, e, _, a in rig.repo.history("b-1")]
    for _ in range(3):  # never resent by itself, not even a day later
        rig.later(24 * 60)
        assert rig.engine.drain().sent == 0
    assert rig.connector.sends == 1 and rig.connector.provisional == ["b-1"]
    assert rig.connector.lookups == 1


def test_the_unknown_state_survives_a_restart(repo: Repository) -> None:
    rig = _unknown(repo)
    engine = rig.restart()
    rig.later(60)
    assert engine.drain().sent == 0
    (op,) = ops_of(rig.repo, "b-1")
    assert op.state is OperationState.UNKNOWN
    assert rig.connector.sends == 1


def test_a_crash_after_marking_sent_is_reconciled_into_unknown(repo: Repository) -> None:
    """Killed between "marked sent" and the answer: the restart cannot tell either."""
    _book(repo)
    (op,) = ops_of(repo, "b-1")
    # ... claimed (marked sent), and the process died here; its lease has run out
    repo.sending.claim(op.id, "gone", datetime.now(UTC), lease=timedelta(0))
    rig = Rig(repo, ProvisionalConnector(lose=lambda n: False))
    assert rig.engine.drain().unknown == 1
    assert rig.connector.sends == 0


def test_other_bookings_are_not_held_back(repo: Repository) -> None:
    rig = _unknown(repo)
    _book(rig.repo, "b-2", minutes=60)
    report = rig.engine.drain()
    assert (report.sent, report.confirmed) == (1, 1)
    stored = rig.repo.booking("b-2")
    assert stored is not None and stored.sync_state is SyncState.AWAITING_CONFIRMATION


def _queue_status(repo: Repository, booking_id: str) -> None:
    booking = repo.booking(booking_id)
    assert booking is not None
    repo.changes.change_booking(
        booking.with_changes(visit_status=VisitStatus.ARRIVED),
        OperationKind.SET_STATUS,
        f"status-{booking_id}",
        "desk",
        "arrived",
        None,
    )


def test_later_operations_of_the_booking_wait_behind_it(repo: Repository) -> None:
    rig = _unknown(repo)
    _queue_status(rig.repo, "b-1")
    rig.later(60)
    assert rig.repo.outbox.due_operations("conn-1", rig.now) == []
    assert rig.engine.drain().sent == 0
    assert rig.repo.outbox.pending_count() == 1  # the status change waits, truthfully counted
    assert rig.repo.outbox.next_due_at() is None  # for a person, not a time: no busy loop on it
    rig.repo.sending.settle_unknown(ops_of(rig.repo, "b-1")[0].id, Settlement.ARRIVED, "Desk 1")
    assert rig.repo.outbox.next_due_at() is not None
    (due,) = rig.repo.outbox.due_operations("conn-1", rig.now)
    assert due.kind is OperationKind.SET_STATUS
    assert rig.engine.drain().confirmed == 1


def test_it_arrived_closes_it_by_a_persons_decision(repo: Repository) -> None:
    rig = _unknown(repo)
    op = ops_of(rig.repo, "b-1")[0]
    settled = rig.repo.sending.settle_unknown(op.id, Settlement.ARRIVED, "Desk 1")
    assert settled.sync_state is SyncState.AWAITING_CONFIRMATION  # held, not yet linked
    assert settled.remote_id is None and settled.problem_code is None
    (done,) = ops_of(rig.repo, "b-1")
    assert done.state is OperationState.DONE
    assert ("outcome settled", "it arrived", "Desk 1") in [
        (e, d, a) for _, e, d, a in rig.repo.history("b-1")
    ]
    assert rig.repo.outbox.unknown_count() == 0
    rig.later(60)
    assert rig.engine.drain().sent == 0
    with pytest.raises(NotUnknown):  # a second click, or another desk: already settled
        rig.repo.sending.settle_unknown(op.id, Settlement.SEND_AGAIN, "Desk 2")


def test_it_arrived_with_the_remote_id_confirms_it(repo: Repository) -> None:
    rig = _unknown(repo)
    op = ops_of(rig.repo, "b-1")[0]
    settled = rig.repo.sending.settle_unknown(op.id, Settlement.ARRIVED, "Desk 1", " r-77 ")
    assert (settled.sync_state, settled.remote_id) == (SyncState.CONFIRMED, "r-77")
    stored = rig.repo.booking("b-1")
    assert stored is not None and stored.remote_id == "r-77"
    assert "it arrived (remote id r-77)" in [d for _, _, d, _ in rig.repo.history("b-1")]


def test_it_did_not_arrive_sends_it_again_with_the_same_key(repo: Repository) -> None:
    rig = _unknown(repo)
    op = ops_of(rig.repo, "b-1")[0]
    settled = rig.repo.sending.settle_unknown(op.id, Settlement.SEND_AGAIN, "Desk 1")
    assert settled.sync_state is SyncState.PENCILLED
    (queued,) = ops_of(rig.repo, "b-1")
    assert queued.state is OperationState.QUEUED and queued.sent_at is None
    assert queued.idempotency_key == op.idempotency_key
    report = rig.engine.drain()
    assert (report.sent, report.confirmed, report.unknown) == (1, 1, 0)
    assert rig.connector.keys == ["key-b-1", "key-b-1"]
    stored = rig.repo.booking("b-1")
    assert stored is not None and stored.sync_state is SyncState.AWAITING_CONFIRMATION
    assert ("outcome settled", "it did not arrive: create sent again", "Desk 1") in [
        (e, d, a) for _, e, d, a in rig.repo.history("b-1")
    ]


def test_a_resend_whose_answer_is_lost_again_is_unknown_again(repo: Repository) -> None:
    _book(repo)
    rig = Rig(repo, ProvisionalConnector(lose=lambda n: True))
    rig.engine.drain()
    rig.later()
    assert rig.engine.drain().unknown == 1
    rig.repo.sending.settle_unknown(ops_of(rig.repo, "b-1")[0].id, Settlement.SEND_AGAIN, "Desk 1")
    assert rig.engine.drain().retrying == 1  # sent; lost again
    rig.later()
    assert rig.engine.drain().unknown == 1
    assert rig.connector.sends == 2


def test_cancel_the_booking_sends_nothing_more(repo: Repository) -> None:
    rig = _unknown(repo)
    _queue_status(rig.repo, "b-1")
    op = ops_of(rig.repo, "b-1")[0]
    settled = rig.repo.sending.settle_unknown(op.id, Settlement.CANCEL, "Desk 1")
    assert settled.visit_status is VisitStatus.CANCELLED
    assert [o.state for o in ops_of(rig.repo, "b-1")] == [OperationState.WITHDRAWN] * 2
    rig.later(60)
    assert rig.engine.drain().sent == 0
    assert rig.repo.outbox.pending_count() == rig.repo.outbox.unknown_count() == 0
    assert ("outcome settled", "Desk 1") in [(e, a) for _, e, _, a in rig.repo.history("b-1")]


def _remote_copy(booking: Booking, **changes: object) -> Booking:
    """The booking as a pull brings it (no desk problem, the remote's id and state)."""
    return booking.with_changes(
        id="pulled",
        remote_id="r-9",
        sync_state=SyncState.CONFIRMED,
        problem_code=None,
        problem_message=None,
        **changes,
    )


def test_a_pull_that_finds_it_by_our_reference_settles_it(repo: Repository) -> None:
    rig = _unknown(repo)
    booking = rig.repo.booking("b-1")
    assert booking is not None
    rig.connector.listed = [_remote_copy(booking, external_ref="b-1")]
    assert rig.engine.pull("conn-1") >= 1
    (op,) = ops_of(rig.repo, "b-1")
    assert op.state is OperationState.DONE
    stored = rig.repo.booking("b-1")
    assert stored is not None
    assert (stored.sync_state, stored.remote_id) == (SyncState.CONFIRMED, "r-9")
    assert stored.problem_code is None
    assert ("outcome settled", "it arrived: found in a refresh", "huskyvoice") in [
        (e, d, a) for _, e, d, a in rig.repo.history("b-1")
    ]
    assert rig.repo.booking("pulled") is None  # no second row


def test_a_pull_that_finds_it_by_email_and_start_settles_it(repo: Repository) -> None:
    rig = _unknown(repo)
    _queue_status(rig.repo, "b-1")  # a desk change waits behind: it keeps its fields
    booking = rig.repo.booking("b-1")
    assert booking is not None
    copy = _remote_copy(booking, external_ref=None, patient_email="B-1@Example.com")
    rig.connector.listed = [copy]
    rig.engine.pull("conn-1")
    states = [o.state for o in ops_of(rig.repo, "b-1")]
    assert states == [OperationState.DONE, OperationState.QUEUED]
    stored = rig.repo.booking("b-1")
    assert stored is not None and stored.remote_id == "r-9"
    assert stored.sync_state is SyncState.PENCILLED  # the status change is still to be sent
    assert stored.visit_status is VisitStatus.ARRIVED
    assert rig.engine.drain().confirmed == 1


def test_a_pull_of_someone_else_at_that_time_does_not_settle_it(repo: Repository) -> None:
    rig = _unknown(repo)
    booking = rig.repo.booking("b-1")
    assert booking is not None
    rig.connector.listed = [
        _remote_copy(booking, external_ref=None, patient_email="someone@example.com")
    ]
    rig.engine.pull("conn-1")
    (op,) = ops_of(rig.repo, "b-1")
    assert op.state is OperationState.UNKNOWN
    assert rig.repo.booking("pulled") is not None  # their booking, cached as seen


class PoliteConnector(ProvisionalConnector):
    """Answers the first create 429 (surely not acted on), or a 500 (maybe acted on)."""

    def __init__(self, untouched: bool) -> None:
        super().__init__(lose=lambda n: False)
        self.untouched = untouched

    def create(self, booking: Booking, key: str) -> Outcome:
        if self.sends == 0:
            self.sends += 1
            return RetryLater("busy", 1.0, untouched=self.untouched)
        return super().create(booking, key)


def test_an_answer_that_says_nothing_was_done_needs_no_reconcile(repo: Repository) -> None:
    _book(repo)
    rig = Rig(repo, PoliteConnector(untouched=True))
    assert rig.engine.drain().retrying == 1
    (op,) = ops_of(rig.repo, "b-1")
    assert op.sent_at is None  # surely not arrived: no "may have arrived" mark left
    rig.later()
    report = rig.engine.drain()
    assert (report.sent, report.confirmed, report.unknown) == (1, 1, 0)
    assert rig.connector.lookups == 0


def test_a_server_error_may_have_been_acted_on_so_it_cannot_be_resent(repo: Repository) -> None:
    _book(repo)
    rig = Rig(repo, PoliteConnector(untouched=False))
    rig.engine.drain()
    rig.later()
    assert rig.engine.drain().unknown == 1
    assert rig.connector.sends == 1


def test_the_repository_reopened_on_the_file_still_knows(db: Database, repo: Repository) -> None:
    rig = _unknown(repo)
    reopened = Repository(db)
    assert reopened.outbox.unknown_count() == 1
    ((op, booking),) = reopened.outbox.operations([OperationState.UNKNOWN])
    assert booking.id == "b-1" and op.kind is OperationKind.CREATE
    assert rig.repo.booking("b-1") == reopened.booking("b-1")


def test_marking_unknown_keeps_a_desk_change_made_meanwhile(repo: Repository) -> None:
    booking = _book(repo)
    (op,) = ops_of(repo, "b-1")
    op = repo.sending.claim(op.id, "desk-a", datetime.now(UTC)) or op
    _queue_status(repo, "b-1")  # the desk marks the patient arrived while the engine asks
    flagged = booking.with_changes(
        sync_state=SyncState.OUTCOME_UNKNOWN, problem_code=UNKNOWN_CODE, problem_message="?"
    )
    repo.sending.mark_unknown(op, flagged, "create: no answer")
    stored = repo.booking("b-1")
    assert stored is not None
    assert stored.visit_status is VisitStatus.ARRIVED  # not the stale read's "booked"
    assert stored.sync_state is SyncState.OUTCOME_UNKNOWN and stored.version == 3

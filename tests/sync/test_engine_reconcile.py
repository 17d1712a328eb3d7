"""The engine's reconcile step for APIs without idempotency keys: after a create whose answer
was lost, look the booking up before sending it again."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.verdict import Verdict
from frontdesk.providers.base import (
    Accepted,
    Ambiguous,
    ApiError,
    Outcome,
    Refused,
    RetryLater,
)
from frontdesk.storage.repo import Repository
from frontdesk.sync.engine import SyncEngine
from support.fakes import QuietConnector

START = datetime(2027, 6, 15, 9, 0, tzinfo=UTC)


class LossyConnector(QuietConnector):
    """Commits every create, loses the first answer; can look bookings up."""

    def __init__(self) -> None:
        self.remote: dict[str, Booking] = {}
        self.sends = 0

    def create(self, booking: Booking, key: str) -> Outcome:
        self.sends += 1
        self.remote[booking.id] = booking.with_changes(
            remote_id=f"r{self.sends}", sync_state=SyncState.CONFIRMED
        )
        if self.sends == 1:
            return Ambiguous("reset")
        return Accepted(self.remote[booking.id])

    def find_existing(self, booking: Booking) -> Booking | None:
        return self.remote.get(booking.id)


def test_lost_answer_is_looked_up_not_resent(repo: Repository) -> None:
    booking = Booking(
        id="b-1",
        connection_id="conn-1",
        service_id="s",
        resource_id="r",
        start=START,
        end=START + timedelta(minutes=30),
        patient_name="P",
        patient_phone="+442079460000",
    )
    repo.book(booking, OperationKind.CREATE, {}, "key-1", "desk")
    connector = LossyConnector()
    now = [datetime.now(UTC)]
    engine = SyncEngine(repo, {"conn-1": connector}, clock=lambda: now[0])  # type: ignore[dict-item]
    assert engine.drain().retrying == 1
    now[0] += timedelta(minutes=10)
    report = engine.drain()
    assert (report.sent, report.confirmed) == (0, 1)  # found remotely: nothing resent
    assert connector.sends == 1
    stored = repo.booking("b-1")
    assert stored is not None and stored.remote_id == "r1"
    assert stored.sync_state is SyncState.CONFIRMED


class DownConnector(LossyConnector):
    """Never reachable."""

    def create(self, booking: Booking, key: str) -> Outcome:
        self.sends += 1
        return RetryLater("cannot reach the API (connect)")


class TakenConnector(LossyConnector):
    """Commits, loses the answer, then says "slot taken" to the resend; lookups fail once."""

    lookups = 0

    def create(self, booking: Booking, key: str) -> Outcome:
        self.sends += 1
        if self.sends == 1:
            self.remote[booking.id] = booking.with_changes(remote_id="r1")
            return Ambiguous("timeout")
        return Refused(Verdict(409, "conflict", "That slot is taken"))

    def find_existing(self, booking: Booking) -> Booking | None:
        self.lookups += 1
        return None if self.lookups == 1 else self.remote.get(booking.id)


def _booked(repo: Repository) -> None:
    booking = Booking(
        id="b-1",
        connection_id="conn-1",
        service_id="s",
        resource_id="r",
        start=START,
        end=START + timedelta(minutes=30),
        patient_name="P",
        patient_phone="+442079460000",
    )
    repo.book(booking, OperationKind.CREATE, {}, "key-1", "desk")


def test_circuit_breaker_rests_a_dead_connection(repo: Repository) -> None:
    _booked(repo)
    connector = DownConnector()
    now = [datetime.now(UTC)]
    engine = SyncEngine(repo, {"conn-1": connector}, clock=lambda: now[0])  # type: ignore[dict-item]
    for _ in range(5):
        engine.drain()
        now[0] += timedelta(minutes=6)  # past any backoff
    health = engine.health["conn-1"]
    assert connector.sends == 5 and health.open_until is not None and not health.online
    now[0] = health.open_until - timedelta(seconds=1)
    assert engine.drain().sent == 0  # resting
    now[0] = health.open_until + timedelta(minutes=6)
    engine.drain()
    assert connector.sends == 6  # half-open: one more try


def test_slot_taken_after_a_lost_answer_is_checked_against_our_own_booking(
    repo: Repository,
) -> None:
    _booked(repo)
    connector = TakenConnector()
    now = [datetime.now(UTC)]
    engine = SyncEngine(repo, {"conn-1": connector}, clock=lambda: now[0])  # type: ignore[dict-item]
    engine.drain()  # committed, answer lost
    now[0] += timedelta(minutes=10)
    report = engine.drain()  # lookup misses (index lag), resend says "taken", lookup finds it
    assert report.confirmed == 1 and report.refused == 0
    stored = repo.booking("b-1")
    assert stored is not None and stored.remote_id == "r1"
    assert stored.sync_state is not SyncState.NEEDS_ATTENTION


class RateLimitedLookupConnector(LossyConnector):
    """Loses the first answer; the lookup before the resend is answered 429 Retry-After: 60."""

    def find_existing(self, booking: Booking) -> Booking | None:
        raise ApiError("HTTP 429 on GET appointments", retry=True, not_before_s=60.0)


def test_a_429_on_the_lookup_before_a_resend_keeps_its_retry_after(repo: Repository) -> None:
    _booked(repo)
    connector = RateLimitedLookupConnector()
    now = [datetime.now(UTC)]
    engine = SyncEngine(repo, {"conn-1": connector}, clock=lambda: now[0])  # type: ignore[dict-item]
    engine.drain()  # committed, answer lost
    now[0] += timedelta(minutes=10)
    before = now[0]
    assert engine.drain().retrying == 1  # the lookup was refused with 429
    op = repo.outbox.due_operations("conn-1", before + timedelta(days=1))[0]
    assert op.next_attempt_at >= before + timedelta(seconds=60)
    assert connector.sends == 1

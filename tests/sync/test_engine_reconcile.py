"""The engine's reconcile step for APIs without idempotency keys: after a create whose answer
was lost, look the booking up before sending it again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.catalog import Catalog, Policy
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.verdict import Verdict
from frontdesk.providers.base import Accepted, Ambiguous, Outcome
from frontdesk.storage.repo import Repository
from frontdesk.sync.engine import SyncEngine

START = datetime(2027, 6, 15, 9, 0, tzinfo=UTC)


class LossyConnector:
    """Commits every create, loses the first answer; can look bookings up."""

    provider = "fake"
    connection_id = "conn-1"
    rate_per_minute = 600
    idempotent_creates = False

    def __init__(self) -> None:
        self.remote: dict[str, Booking] = {}
        self.sends = 0

    def set_pacer(self, pace: Callable[[], None]) -> None:
        pass

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

    def pull_catalog(self, days: list[date]) -> Catalog:
        return Catalog(Policy("UTC"))

    def pull_bookings(self, since: datetime | None) -> list[Booking]:
        return []

    def reschedule(self, booking: Booking, key: str) -> Outcome:
        raise NotImplementedError

    cancel = set_status = reschedule

    def predict_create(self, *args: object) -> Verdict:
        return Verdict(201)

    def predict_body(self, *args: object) -> Verdict:
        return Verdict(201)

    def days_for_body(self, body: object) -> list[date]:
        return []

    def close(self) -> None:
        pass


def test_lost_answer_is_looked_up_not_resent(repo: Repository) -> None:
    booking = Booking(
        id="b-1",
        connection_id="conn-1",
        service_id="s",
        resource_id="r",
        start=START,
        end=START + timedelta(minutes=30),
        patient_name="P",
        patient_phone="+447700900000",
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

"""Test doubles for the engine's unit tests: a connector that answers every part of the
protocol a test does not care about with nothing, and the outbox rows of a booking as
operations (what a test looks at after a drain)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from sqlalchemy import select

from frontdesk.domain.booking import Booking
from frontdesk.domain.catalog import Catalog, Policy
from frontdesk.domain.outbox import Operation
from frontdesk.domain.verdict import Verdict
from frontdesk.providers.base import Outcome
from frontdesk.storage.repo import Repository
from frontdesk.storage.rows import operation_of_row
from frontdesk.storage.tables import OutboxRow


class QuietConnector:
    """One connection of a fake API: no catalog, no remote bookings, every offline check
    accepted; changes other than creates are not expected (a subclass says otherwise)."""

    provider = "fake"
    connection_id = "conn-1"
    rate_per_minute = 600
    rate_window_s = 60.0
    idempotent_creates = False
    creates_patients = False

    def set_pacer(
        self, pace: Callable[[], None], answered: Callable[[], None] | None = None
    ) -> None:
        pass

    def pull_catalog(self, days: list[date]) -> Catalog:
        return Catalog(Policy("UTC"))

    def pull_bookings(self, since: datetime | None) -> list[Booking]:
        return []

    def reschedule(self, booking: Booking, key: str) -> Outcome:
        raise NotImplementedError

    cancel = set_status = create_patient = reschedule

    def predict_create(self, *args: object) -> Verdict:
        return Verdict(201)

    def context_days(self, day: date) -> tuple[date, date]:
        return day, day

    def neighbour_keys(self, *args: object) -> None:
        return None

    def neighbour_reads(self, *args: object) -> None:
        return None

    def predict_body(self, *args: object) -> Verdict:
        return Verdict(201)

    def days_for_body(self, body: object) -> list[date]:
        return []

    def close(self) -> None:
        pass


def ops_of(repo: Repository, booking_id: str) -> list[Operation]:
    """Every operation of the booking, oldest first."""
    with repo.db.read() as s:
        rows = s.scalars(
            select(OutboxRow).where(OutboxRow.booking_id == booking_id).order_by(OutboxRow.id)
        )
        return [operation_of_row(row) for row in rows]

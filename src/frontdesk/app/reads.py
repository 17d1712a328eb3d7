"""What the desk's screens read from the store: a narrow, read-only window on the repository.

The screens never hold the repository itself (they could write past the services, and past the
change records that keep every desk's view true); they read the bookings, history, queue counts
and patients they show through this, and change things through the app's services.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from frontdesk.app import patients
from frontdesk.domain.booking import Booking
from frontdesk.storage.plain import Patient

if TYPE_CHECKING:
    from frontdesk.storage.repo import Repository

__all__ = ["DeskReads", "Patient"]


class DeskReads:
    """Reads of one profile's store for the screens (each its own short transaction)."""

    def __init__(self, repo: Repository) -> None:
        self._repo = repo

    def booking(self, booking_id: str) -> Booking | None:
        return self._repo.booking(booking_id)

    def bookings_by_ids(self, ids: Sequence[str]) -> list[Booking]:
        return self._repo.bookings_by_ids(ids)

    def history(self, booking_id: str) -> list[tuple[datetime, str, str | None, str | None]]:
        """The booking's changes, oldest first: (when, what, detail, by whom)."""
        return self._repo.history(booking_id)

    def queued_count(self, booking_id: str) -> int:
        """How many of the booking's changes wait to be sent."""
        return len(self._repo.outbox.queued_operations(booking_id))

    def pending_count(self, connection_id: str) -> int:
        return self._repo.outbox.pending_count(connection_id)

    def unknown_count(self, connection_id: str) -> int:
        return self._repo.outbox.unknown_count(connection_id)

    def forget_catalogs(self) -> None:
        """The catalogs kept in memory are read again (another process refreshed them)."""
        self._repo.catalogs.forget_catalogs()

    def find_patients(self, typed: str, limit: int = 8, offset: int = 0) -> list[Patient]:
        return patients.find_patients(self._repo, typed, limit, offset)

    def count_patients(self, typed: str) -> int:
        return patients.count_patients(self._repo, typed)

    def bookings_of_patient(self, patient: Patient, limit: int = 50) -> list[Booking]:
        return self._repo.bookings_of_patient(patient, limit)

"""Finding a patient as the receptionist types: name words, any form of the phone number, or
the email, over every patient the cache has seen (desk bookings and pulled ones alike)."""

from __future__ import annotations

from frontdesk.storage.patients import Patient
from frontdesk.storage.repo import Repository

MIN_CHARS = 2

__all__ = ["MIN_CHARS", "Patient", "find_patients"]


def find_patients(repo: Repository, typed: str, limit: int = 8) -> list[Patient]:
    """The best matches for ``typed``, most recently booked first; none for under 2 chars."""
    if len(typed.strip()) < MIN_CHARS:
        return []
    return repo.search_patients(typed, limit)

"""Finding a patient as the receptionist types: any part of a name word, any form of the phone
number, or the email, over every patient the cache has seen (desk bookings and pulled ones
alike), with how many there are in all."""

from __future__ import annotations

from typing import TYPE_CHECKING

from frontdesk.storage.plain import Patient

if TYPE_CHECKING:
    from frontdesk.storage.repo import Repository

MIN_CHARS = 2

__all__ = ["MIN_CHARS", "Patient", "count_patients", "find_patients"]


def find_patients(repo: Repository, typed: str, limit: int = 8, offset: int = 0) -> list[Patient]:
    """The best matches for ``typed``, most recently booked first; none for under 2 chars."""
    if len(typed.strip()) < MIN_CHARS:
        return []
    return repo.search_patients(typed, limit, offset)


def count_patients(repo: Repository, typed: str) -> int:
    """How many patients ``find_patients`` finds for ``typed`` in all."""
    if len(typed.strip()) < MIN_CHARS:
        return 0
    return repo.count_patients(typed)

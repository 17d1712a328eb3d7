"""On a clinic's shared store a booking write waits only for writes to the days its rules read
(per connection), not for the whole store: a desk booking Thursday goes on while another desk's
Monday booking is being judged, a second Monday booking waits and is judged among the first. The
negative control (every write holding the store alone) shows the Thursday booking would wait.
On SQLite one writer holds the database, as ever."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest

from frontdesk.domain.booking import Booking
from frontdesk.domain.outbox import OperationKind
from frontdesk.storage import scopes
from frontdesk.storage.db import Database
from frontdesk.storage.repo import Repository
from frontdesk.storage.rows import BookingsBetween
from support.bookings import T0, booking

MONDAY = T0
THURSDAY = T0 + timedelta(days=3)
DAY = timedelta(days=1)


@pytest.fixture(autouse=True)
def shared_only(db: Database) -> None:
    if not db.shared:
        pytest.skip("a desk's SQLite cache has one writer at a time by design")


class HeldWrite:
    """A booking write on another thread whose rules hold it open, inside its transaction,
    after reading the bookings of the day around ``start``, until released."""

    def __init__(self, repo: Repository, made: Booking) -> None:
        self.holding = threading.Event()
        self.release = threading.Event()
        self.seen: list[Booking] = []

        def guard(between: BookingsBetween) -> None:
            self.seen = between(made.start - DAY, made.start + DAY, made.connection_id)
            self.holding.set()
            assert self.release.wait(30)

        self.thread = threading.Thread(
            target=lambda: repo.book(
                made, OperationKind.CREATE, {}, f"k-{made.id}", "desk A", guard=guard
            )
        )

    def __enter__(self) -> HeldWrite:
        self.thread.start()
        assert self.holding.wait(10)
        return self

    def __exit__(self, *exc: object) -> None:
        self.release.set()
        self.thread.join(10)


def book_in_thread(repo: Repository, made: Booking) -> tuple[threading.Thread, list[list[Booking]]]:
    seen: list[list[Booking]] = []

    def guard(between: BookingsBetween) -> None:
        seen.append(between(made.start - DAY, made.start + DAY, made.connection_id))

    thread = threading.Thread(
        target=lambda: repo.book(
            made, OperationKind.CREATE, {}, f"k-{made.id}", "desk B", guard=guard
        )
    )
    thread.start()
    return thread, seen


def test_another_day_goes_on_and_the_same_day_waits(repo: Repository) -> None:
    with HeldWrite(repo, booking(1, MONDAY)) as held:
        other_day, _ = book_in_thread(repo, booking(2, THURSDAY, patient_name="Q"))
        other_day.join(10)
        assert not other_day.is_alive(), "a Thursday booking waited for a Monday one"
        same_day, seen = book_in_thread(
            repo, booking(3, MONDAY + timedelta(hours=2), patient_name="R")
        )
        same_day.join(1.0)
        assert same_day.is_alive(), "a Monday booking was judged while another was being written"
    same_day.join(10)
    assert not same_day.is_alive()
    assert [b.id for b in seen[0]] == ["b-1"]  # judged among the booking it waited for
    assert held.seen == []


def test_negative_control_one_writer_for_the_store_makes_every_day_wait(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = repo.db.write

    def unscoped(*, scoped: bool = False) -> object:
        return whole()

    monkeypatch.setattr(repo.db, "write", unscoped)
    with HeldWrite(repo, booking(1, MONDAY)):
        other_day, _ = book_in_thread(repo, booking(2, THURSDAY, patient_name="Q"))
        other_day.join(1.0)
        assert other_day.is_alive()
    other_day.join(10)


def test_one_patient_booked_at_two_desks_on_two_days_is_one_patient(repo: Repository) -> None:
    """Bookings of one patient on two days written side by side: the patients' index keeps
    one patient with both bookings (the patient's lock orders the two index writes)."""
    with HeldWrite(repo, booking(1, MONDAY)):
        other_day, _ = book_in_thread(repo, booking(2, THURSDAY))
        other_day.join(10)
        assert not other_day.is_alive()
    assert [p.bookings for p in repo.search_patients("P", 10, 0)] == [2]


def test_day_keys_cover_every_day_of_a_range() -> None:
    first = datetime(2027, 3, 27, 23, 0, tzinfo=T0.tzinfo)
    keys = scopes.day_keys("c", first, first + timedelta(hours=26))
    assert len(keys) == 3 and len(set(keys)) == 3
    assert scopes.day_keys("c", first, first + timedelta(minutes=30)) == keys[:1]
    assert scopes.day_keys("d", first, first + timedelta(minutes=30)) != keys[:1]

"""Two desks at the same moment: what one desk pencilled counts at the other before its booking is
written, offline included. Each booking is judged again inside the write lock among the bookings
as they stand, so of two desks booking the same thing at once one is refused in plain words and
only one pencil exists; on a desk's SQLite cache and on a clinic's PostgreSQL store (two
contexts, each with its own connections, as two processes or two desks have). The negative
control, a write without that second judgement, leaves two pencils, proving the test sees them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import time
from pathlib import Path

import pytest

from frontdesk.app import store
from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.booking import SyncState
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from support.clinic import MAIN, next_weekday

PHONE = "+442079460321"


@pytest.fixture(autouse=True)
def store_of_the_desks(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(store.ENV, store_url)


@pytest.fixture
def desks(sandbox: SandboxServer, tmp_path: Path) -> Iterator[tuple[AppContext, AppContext]]:
    profile = tmp_path / "clinic"
    first = AppContext(Paths.resolve(profile), use_keyring=False)
    record = first.connect("huskyvoice", "Clinic", sandbox.base_url, sandbox.api_key)
    first.engine.pull(record.id)
    second = AppContext(Paths.resolve(profile), use_keyring=False)  # sees the same store
    yield first, second
    first.close()
    second.close()


def request(desk: AppContext, hour: int) -> BookingRequest:
    return BookingRequest(
        connection_id=desk.connections()[0].id,
        service_id=GENERAL_CHECKUP_ID,
        resource_id=MAIN,
        start=local_to_utc(next_weekday(1), time(hour, 0), "Europe/London").instant,
        patient_name="Same Patient",
        patient_phone=PHONE,
    )


def book_at_the_same_moment(first: AppContext, second: AppContext) -> BookingRefused | None:
    """The second desk books right after the first desk's check passed and before its write:
    the same patient, the same service, the same day (HuskyVoice keeps one such booking)."""
    checked = first.booking.validate

    def then_the_other_desk_books(*args: object, **kwargs: object) -> object:
        verdicts = checked(*args, **kwargs)  # type: ignore[arg-type]
        second.booking.book(request(second, 11))
        return verdicts

    first.booking.validate = then_the_other_desk_books  # type: ignore[method-assign]
    try:
        first.booking.book(request(first, 9))
    except BookingRefused as refused:
        return refused
    return None


def pencils(desk: AppContext) -> int:
    day = request(desk, 9).start
    assert day is not None
    found = desk.repo.bookings_of(PHONE)
    return sum(
        1 for b in found if b.sync_state is SyncState.PENCILLED and b.start.date() == day.date()
    )


def test_of_two_desks_booking_at_once_one_is_refused(
    desks: tuple[AppContext, AppContext],
) -> None:
    first, second = desks
    refused = book_at_the_same_moment(first, second)
    assert refused is not None, "both desks pencilled the same patient's day"
    assert refused.verdicts[0].code == "DUPLICATE_BOOKING"
    assert refused.verdicts[0].message  # plain words for the receptionist
    assert pencils(first) == pencils(second) == 1
    assert first.repo.outbox.pending_count() == 1


def test_negative_control_without_the_second_judgement_two_pencils(
    desks: tuple[AppContext, AppContext], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = desks
    original = first.repo.book

    def unguarded(*args: object, **kwargs: object) -> object:
        kwargs.pop("guard", None)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(first.repo, "book", unguarded)
    assert book_at_the_same_moment(first, second) is None
    assert pencils(first) == 2

"""A connection's sending role: one holder at a time, renewed while it works, free when it
gives up, when its lease runs out, or at once when its process on this computer has ended."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from frontdesk.storage.repo import Repository
from frontdesk.sync.pacing import SlidingWindow
from frontdesk.sync.senders import abandoned
from support.senders import ended_sender


def test_one_holder_at_a_time(repo: Repository) -> None:
    now = datetime.now(UTC)
    assert repo.roles.take_role("conn-1", "desk-a", now)
    assert not repo.roles.take_role("conn-1", "desk-b", now)
    assert repo.roles.role_holder("conn-1", now) == "desk-a"
    assert repo.roles.take_role("conn-1", "desk-a", now + timedelta(seconds=60))  # renewed
    assert not repo.roles.take_role("conn-1", "desk-b", now + timedelta(seconds=120))
    assert repo.roles.take_role("conn-1", "desk-b", now + timedelta(seconds=151))  # ran out
    repo.roles.give_up_roles("desk-b")
    assert repo.roles.role_holder("conn-1", datetime.now(UTC)) is None
    assert repo.roles.take_role("conn-1", "desk-a", now)


def test_the_role_of_an_ended_process_is_taken_at_once(repo: Repository) -> None:
    dead, _ = ended_sender()
    now = datetime.now(UTC)
    assert repo.roles.take_role("conn-1", dead, now)
    assert not repo.roles.take_role("conn-1", "desk-b", now)
    assert repo.roles.take_role("conn-1", "desk-b", now, abandoned=abandoned)


def test_a_new_holder_paces_on_from_the_last_holders_requests(repo: Repository) -> None:
    now = datetime.now(UTC)
    at = now.timestamp()
    assert repo.roles.take_role("conn-1", "desk-a", now)
    repo.roles.note_requests("conn-1", "desk-a", [at - 10, at - 5])
    repo.roles.note_requests("conn-1", "desk-b", [at])  # not the holder's: not kept
    repo.roles.give_up_roles("desk-a")
    assert repo.roles.take_role("conn-1", "desk-b", datetime.now(UTC))
    window = SlidingWindow(3, clock=lambda: at)
    window.seed(repo.roles.role_requests("conn-1"))
    assert window.take() == 0  # the third request of the minute may go
    assert window.take() == pytest.approx(50)  # the fourth waits for the first to age out

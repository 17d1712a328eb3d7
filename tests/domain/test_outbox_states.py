"""The outbox's state machine (domain.outbox.after) and its one rule of "due" (due_at): what
the engine sends next and when the loop wakes are both read by it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from frontdesk.domain.outbox import OperationState, Standing, due_at, is_due

NOW = datetime(2027, 3, 1, 9, 0, tzinfo=UTC)


def test_a_queued_operation_is_due_at_its_next_attempt() -> None:
    standing = Standing(OperationState.QUEUED, NOW + timedelta(seconds=5))
    assert due_at(standing) == NOW + timedelta(seconds=5)
    assert not is_due(standing, NOW)
    assert is_due(standing, NOW + timedelta(seconds=5))


def test_another_senders_claim_delays_it_until_the_claim_runs_out() -> None:
    claimed = Standing(OperationState.QUEUED, NOW, claimed_until=NOW + timedelta(minutes=5))
    assert due_at(claimed) == NOW + timedelta(minutes=5)
    stale_claim = Standing(OperationState.QUEUED, NOW, claimed_until=NOW - timedelta(minutes=1))
    assert due_at(stale_claim) == NOW


def test_what_waits_for_a_person_or_another_operation_has_no_time() -> None:
    waiting = [
        Standing(OperationState.UNKNOWN, NOW),
        Standing(OperationState.DONE, NOW),
        Standing(OperationState.QUEUED, NOW, first_of_booking=False),
        Standing(OperationState.QUEUED, NOW, dependency_done=False),
        Standing(OperationState.QUEUED, NOW, in_clash=True),
    ]
    for standing in waiting:
        assert due_at(standing) is None
        assert not is_due(standing, NOW + timedelta(days=1))


def test_the_outbox_state_machine_allows_only_its_moves() -> None:
    from frontdesk.domain.outbox import IllegalTransition, Transition, after

    assert after(OperationState.QUEUED, Transition.ACCEPTED) is OperationState.DONE
    assert after(OperationState.QUEUED, Transition.LOST) is OperationState.UNKNOWN
    assert after(OperationState.UNKNOWN, Transition.SEND_AGAIN) is OperationState.QUEUED
    assert after(OperationState.FAILED, Transition.DISMISSED) is OperationState.WITHDRAWN
    for state, move in [
        (OperationState.DONE, Transition.SEND_AGAIN),  # what the remote holds is never resent
        (OperationState.DONE, Transition.REFUSED),
        (OperationState.WITHDRAWN, Transition.ACCEPTED),
        (OperationState.UNKNOWN, Transition.ACCEPTED),  # only a person or a pull settles it
        (OperationState.QUEUED, Transition.ARRIVED),
    ]:
        try:
            after(state, move)
        except IllegalTransition as refused:
            assert state.value in str(refused)
        else:
            raise AssertionError(f"{state} -> {move} was allowed")

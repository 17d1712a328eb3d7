"""How a desk change reaches the remote, given what is already queued (pure, no database)."""

from __future__ import annotations

from datetime import UTC, datetime

from frontdesk.domain.outbox import (
    ChangePlan,
    Operation,
    OperationKind,
    OperationState,
    plan_change,
)

T = datetime(2027, 6, 15, 9, tzinfo=UTC)


def op(n: int, kind: OperationKind, sent: bool = False) -> Operation:
    return Operation(
        id=n,
        booking_id="b",
        connection_id="c",
        kind=kind,
        payload={},
        idempotency_key=f"k{n}",
        state=OperationState.QUEUED,
        attempts=1 if sent else 0,
        next_attempt_at=T,
        sent_at=T if sent else None,
    )


K = OperationKind


def test_a_move_before_the_create_left_rewrites_the_create() -> None:
    assert plan_change(K.RESCHEDULE, [op(1, K.CREATE)], False) == (ChangePlan.FOLD, [])


def test_a_move_after_the_create_left_is_its_own_operation() -> None:
    assert plan_change(K.RESCHEDULE, [op(1, K.CREATE, sent=True)], False) == (
        ChangePlan.ENQUEUE,
        [],
    )
    assert plan_change(K.RESCHEDULE, [], True) == (ChangePlan.ENQUEUE, [])


def test_a_second_move_rides_on_the_first_unsent_move() -> None:
    assert plan_change(K.RESCHEDULE, [op(1, K.RESCHEDULE)], True) == (ChangePlan.FOLD, [])


def test_a_status_change_never_folds_into_a_create() -> None:
    assert plan_change(K.SET_STATUS, [op(1, K.CREATE)], False) == (ChangePlan.ENQUEUE, [])
    assert plan_change(K.SET_STATUS, [op(1, K.SET_STATUS)], True) == (ChangePlan.FOLD, [])


def test_cancelling_what_never_left_withdraws_it_and_sends_nothing() -> None:
    queued = [op(1, K.CREATE), op(2, K.SET_STATUS)]
    assert plan_change(K.CANCEL, queued, False) == (ChangePlan.LOCAL, [1, 2])
    assert plan_change(K.CANCEL, [], False) == (ChangePlan.LOCAL, [])  # a refused create


def test_cancelling_what_may_have_left_is_sent_and_drops_pointless_changes() -> None:
    queued = [op(1, K.CREATE, sent=True), op(2, K.RESCHEDULE), op(3, K.SET_STATUS)]
    assert plan_change(K.CANCEL, queued, False) == (ChangePlan.ENQUEUE, [2, 3])
    assert plan_change(K.CANCEL, [], True) == (ChangePlan.ENQUEUE, [])


# -- the patient's record (CREATE_PATIENT) that a new patient's create waits for ----------


def test_the_patients_record_is_not_the_booking() -> None:
    # a move or a status change leaves the record alone: it carries no time
    queued = [op(1, K.CREATE_PATIENT), op(2, K.CREATE)]
    assert plan_change(K.RESCHEDULE, queued, False) == (ChangePlan.FOLD, [])
    assert plan_change(K.CREATE, queued, False) == (ChangePlan.FOLD, [])
    assert plan_change(K.SET_STATUS, queued, False) == (ChangePlan.ENQUEUE, [])


def test_edited_patient_details_ride_on_the_unsent_record() -> None:
    assert plan_change(K.CREATE_PATIENT, [op(1, K.CREATE_PATIENT), op(2, K.CREATE)], False) == (
        ChangePlan.FOLD,
        [],
    )
    # once it may have been made, the edit is a change of its own
    sent = [op(1, K.CREATE_PATIENT, sent=True), op(2, K.CREATE)]
    assert plan_change(K.CREATE_PATIENT, sent, False) == (ChangePlan.ENQUEUE, [])


def test_cancelling_the_only_booking_waiting_withdraws_its_unsent_record() -> None:
    queued = [op(1, K.CREATE_PATIENT), op(2, K.CREATE)]
    assert plan_change(K.CANCEL, queued, False) == (ChangePlan.LOCAL, [1, 2])


def test_a_record_other_bookings_wait_for_stays() -> None:
    queued = [op(1, K.CREATE_PATIENT), op(2, K.CREATE)]
    assert plan_change(K.CANCEL, queued, False, shared={1}) == (ChangePlan.LOCAL, [2])


def test_a_record_that_may_have_been_made_stays_but_the_booking_never_left() -> None:
    # the record's attempt may have reached the server; the appointment certainly did not
    queued = [op(1, K.CREATE_PATIENT, sent=True), op(2, K.CREATE)]
    assert plan_change(K.CANCEL, queued, False) == (ChangePlan.LOCAL, [2])

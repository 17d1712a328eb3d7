"""Outbound operations: what the desk still owes a remote system.

An operation is written in the same transaction as the booking change it carries, with an
idempotency key minted then and never changed. ``sent_at`` marks an attempt that may have
reached the server, so a restart knows to reconcile before it sends again.

An operation may depend on another (``depends_on``): it is not sent before that one is done.
A booking's create on an API that keeps patients as records of their own (VantaX's contacts)
depends on the patient's ``CREATE_PATIENT``, which several bookings of one new patient share.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any


class OperationKind(enum.StrEnum):
    CREATE = "create"
    RESCHEDULE = "reschedule"
    CANCEL = "cancel"
    SET_STATUS = "set_status"
    CREATE_PATIENT = "create_patient"  # the patient's own record (a VantaX contact)


# The key of a booking's ``extra`` that holds its patient's remote record (VantaX's contact id),
# set by an accepted CREATE_PATIENT on every booking waiting for it, or by a pull.
PATIENT_REF = "contact_id"


class OperationState(enum.StrEnum):
    QUEUED = "queued"  # waiting for its turn (or its retry time)
    DONE = "done"  # acknowledged remotely
    FAILED = "failed"  # refused remotely; its booking needs attention
    WITHDRAWN = "withdrawn"  # never sent, and no longer needed (the booking changed first)
    # sent, no answer, and the remote cannot be asked whether it arrived: never resent by
    # itself, never counted as done; its booking's later operations wait behind it until a
    # person settles it (see Settlement) or a pull finds the booking remotely
    UNKNOWN = "unknown"


class Settlement(enum.StrEnum):
    """A person's decision on an operation whose outcome is unknown."""

    ARRIVED = "arrived"  # the remote holds it: done, by a person's decision
    SEND_AGAIN = "send_again"  # it did not arrive: queued again, the same idempotency key
    CANCEL = "cancel"  # the booking is cancelled at the desk; nothing more is sent


@dataclass(frozen=True, slots=True)
class Operation:
    id: int
    booking_id: str
    connection_id: str
    kind: OperationKind
    payload: dict[str, Any]
    idempotency_key: str
    state: OperationState
    attempts: int
    next_attempt_at: datetime
    sent_at: datetime | None = None
    last_error: str | None = None
    depends_on: int | None = None  # an operation that must be done before this one is sent
    # the sender holding it (``claim``); its answer is stored only while it still does
    claimed_by: str | None = None
    # sends taken over from a dead sender since the last stored answer (this claim's included)
    takeovers: int = 0


# in the last error of an operation held back for a person because whatever sent it stopped
# before an answer was stored, again and again (``sync.engine.MAX_TAKEOVERS``)
HELD_BACK = "held back: its send stopped the sync"


class ChangePlan(enum.Enum):
    """How a change to a booking reaches the remote system, given what is already queued."""

    ENQUEUE = "enqueue"  # queue a new operation
    FOLD = "fold"  # a queued, unsent operation will send the booking as it now is
    LOCAL = "local"  # nothing was ever sent: withdraw what is queued, send nothing


def plan_change(
    kind: OperationKind,
    queued: Sequence[Operation],
    has_remote: bool,
    shared: Collection[int] = (),
) -> tuple[ChangePlan, list[int]]:
    """The plan for a new change of ``kind``, and the ids of queued operations to withdraw.

    Every operation reads the booking row when it is sent, so a queued operation that has not
    left yet already carries any later change of the same kind (a create carries a new time
    too; a patient's record carries edited patient details). A cancel of a booking the remote
    has never seen withdraws everything queued; a cancel of one it holds makes the unsent moves
    and status changes before it pointless.

    The patient's record (``CREATE_PATIENT``) is not the booking: sending it says nothing about
    whether the remote holds the booking. A cancel withdraws it only while it is unsent and no
    other booking waits for it (``shared``: the ids of this booking's queued operations that
    other bookings' operations depend on); once it may have been made it is left to finish, so
    the patient's record is known and never made twice.
    """
    unsent = [op for op in queued if op.sent_at is None]
    if kind is OperationKind.CANCEL:
        patient = OperationKind.CREATE_PATIENT
        spare = {op.id for op in unsent if op.kind is patient and op.id not in shared}
        own = [op for op in queued if op.kind is not patient]
        if not has_remote and all(op.sent_at is None for op in own):
            return ChangePlan.LOCAL, [
                op.id for op in queued if op.kind is not patient or op.id in spare
            ]
        pointless = [
            op.id
            for op in unsent
            if op.kind not in (OperationKind.CREATE, patient) or op.id in spare
        ]
        return ChangePlan.ENQUEUE, pointless
    carriers = {
        OperationKind.CREATE: (OperationKind.CREATE, OperationKind.RESCHEDULE),
        OperationKind.RESCHEDULE: (OperationKind.CREATE, OperationKind.RESCHEDULE),
        OperationKind.SET_STATUS: (OperationKind.SET_STATUS,),
        OperationKind.CREATE_PATIENT: (OperationKind.CREATE_PATIENT,),
    }[kind]
    if any(op.kind in carriers for op in unsent):
        return ChangePlan.FOLD, []
    return ChangePlan.ENQUEUE, []


@dataclass(frozen=True, slots=True)
class Standing:
    """Where a queued operation stands in the outbox: the facts that decide when it may go."""

    state: OperationState
    next_attempt_at: datetime
    first_of_booking: bool = True  # no earlier open operation of its booking comes first
    dependency_done: bool = True  # the operation it depends on (if any) is done
    in_clash: bool = False  # its booking changed here and remotely at once
    claimed_until: datetime | None = None  # another sender's claim on it runs until then


def due_at(standing: Standing) -> datetime | None:
    """When the operation may be sent: its next attempt, or when another sender's claim runs
    out. None while it waits for a person (its outcome unknown, its booking in a clash) or for
    another operation (its booking's earlier one, the one it depends on), whose own time then
    counts. The outbox's one rule of "due": the engine's next operations and the loop's next
    wake-up are both read by it."""
    if (
        standing.state is not OperationState.QUEUED
        or not standing.first_of_booking
        or not standing.dependency_done
        or standing.in_clash
    ):
        return None
    claimed = standing.claimed_until
    if claimed is not None and claimed > standing.next_attempt_at:
        return claimed
    return standing.next_attempt_at


def is_due(standing: Standing, now: datetime) -> bool:
    at = due_at(standing)
    return at is not None and at <= now


class Transition(enum.StrEnum):
    """What can happen to an operation after it is queued (the outbox's state machine)."""

    ACCEPTED = "accepted"  # the remote acknowledged it
    REFUSED = "refused"  # the remote refused it (or the patient record it waited for)
    LOST = "lost"  # sent, no answer, and no lookup can tell: a person decides
    ARRIVED = "arrived"  # an unknown outcome settled: it arrived (a person, or a pull)
    SEND_AGAIN = "send_again"  # a person sends a refused or unknown one again
    WITHDRAWN = "withdrawn"  # no longer needed (superseded, its booking cancelled or acted on)
    DISMISSED = "dismissed"  # a person puts a refused one aside


_MOVES: dict[tuple[OperationState, Transition], OperationState] = {
    (OperationState.QUEUED, Transition.ACCEPTED): OperationState.DONE,
    (OperationState.QUEUED, Transition.REFUSED): OperationState.FAILED,
    (OperationState.QUEUED, Transition.LOST): OperationState.UNKNOWN,
    (OperationState.QUEUED, Transition.WITHDRAWN): OperationState.WITHDRAWN,
    (OperationState.UNKNOWN, Transition.ARRIVED): OperationState.DONE,
    (OperationState.UNKNOWN, Transition.SEND_AGAIN): OperationState.QUEUED,
    (OperationState.UNKNOWN, Transition.WITHDRAWN): OperationState.WITHDRAWN,
    (OperationState.FAILED, Transition.SEND_AGAIN): OperationState.QUEUED,
    (OperationState.FAILED, Transition.WITHDRAWN): OperationState.WITHDRAWN,
    (OperationState.FAILED, Transition.DISMISSED): OperationState.WITHDRAWN,
}
# states an operation leaves only by a person's decision (FAILED) or never
CLOSED = frozenset({OperationState.DONE, OperationState.FAILED, OperationState.WITHDRAWN})


class IllegalTransition(ValueError):
    """A change of state the outbox does not allow (a bug, or a row changed underneath)."""


def after(state: OperationState, transition: Transition) -> OperationState:
    """The state an operation in ``state`` is in after ``transition``; every change of an
    operation's state in the store goes through here."""
    try:
        return _MOVES[(state, transition)]
    except KeyError:
        raise IllegalTransition(
            f"an operation {state.value} cannot be {transition.value}"
        ) from None

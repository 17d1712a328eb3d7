"""Outbound operations: what the desk still owes a remote system.

An operation is written in the same transaction as the booking change it carries, with an
idempotency key minted then and never changed. ``sent_at`` marks an attempt that may have
reached the server, so a restart knows to reconcile before it sends again.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any


class OperationKind(enum.StrEnum):
    CREATE = "create"
    RESCHEDULE = "reschedule"
    CANCEL = "cancel"
    SET_STATUS = "set_status"


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


class ChangePlan(enum.Enum):
    """How a change to a booking reaches the remote system, given what is already queued."""

    ENQUEUE = "enqueue"  # queue a new operation
    FOLD = "fold"  # a queued, unsent operation will send the booking as it now is
    LOCAL = "local"  # nothing was ever sent: withdraw what is queued, send nothing


def plan_change(
    kind: OperationKind, queued: Sequence[Operation], has_remote: bool
) -> tuple[ChangePlan, list[int]]:
    """The plan for a new change of ``kind``, and the ids of queued operations to withdraw.

    Every operation reads the booking row when it is sent, so a queued operation that has not
    left yet already carries any later change of the same kind (a create carries a new time
    too). A cancel of a booking the remote has never seen withdraws everything queued; a cancel
    of one it holds makes the unsent moves and status changes before it pointless.
    """
    unsent = [op for op in queued if op.sent_at is None]
    if kind is OperationKind.CANCEL:
        if not has_remote and len(unsent) == len(queued):
            return ChangePlan.LOCAL, [op.id for op in queued]
        pointless = [op.id for op in unsent if op.kind is not OperationKind.CREATE]
        return ChangePlan.ENQUEUE, pointless
    carriers = {
        OperationKind.CREATE: (OperationKind.CREATE, OperationKind.RESCHEDULE),
        OperationKind.RESCHEDULE: (OperationKind.CREATE, OperationKind.RESCHEDULE),
        OperationKind.SET_STATUS: (OperationKind.SET_STATUS,),
    }[kind]
    if any(op.kind in carriers for op in unsent):
        return ChangePlan.FOLD, []
    return ChangePlan.ENQUEUE, []

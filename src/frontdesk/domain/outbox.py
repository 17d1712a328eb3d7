"""Outbound operations: what the desk still owes a remote system.

An operation is written in the same transaction as the booking change it carries, with an
idempotency key minted then and never changed. ``sent_at`` marks an attempt that may have
reached the server, so a restart knows to reconcile before it sends again.
"""

from __future__ import annotations

import enum
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

"""Claims on outbox operations: who is sending one, and until when.

An operation is claimed before it is sent, in one write transaction that also records the
attempt (``sent_at``, ``attempts``): only a queued operation whose time has come and that no
live sender holds can be claimed, so two processes on one cache (the desk's sync worker and a
``frontdesk sync``) or two desks on one store never send it twice. The claim is a lease: a
sender that died leaves it to expire (or, on the same computer, to be seen dead at once) and
the next sender takes over with the usual exactly-once care (the attempt's ``sent_at`` makes it
look the booking up before sending again). The answer is stored only by the sender that still
holds the claim, which settling releases; a late answer from a sender whose claim was taken
over is dropped, since the one that took over settles it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from frontdesk.domain.outbox import Operation, OperationState
from frontdesk.storage.rows import operation_of_row
from frontdesk.storage.tables import OutboxRow

log = logging.getLogger("frontdesk.storage")

# How long a claim holds without its sender: longer than one request with its pacing wait.
LEASE = timedelta(minutes=5)


def claim_row(
    s: Session,
    op_id: int,
    owner: str,
    now: datetime,
    lease: timedelta,
    abandoned: Callable[[str], bool] | None,
) -> Operation | None:
    """Claim ``op_id`` for ``owner`` and record the attempt; the operation as it was before
    (its ``sent_at`` tells whether an earlier attempt may have arrived), or ``None`` when it is
    no longer queued, not yet due, or held by a live sender (``abandoned`` says a holder died)."""
    row = s.get(OutboxRow, op_id)
    if row is None or row.state != OperationState.QUEUED.value or row.next_attempt_at > now:
        return None
    holder, until = row.claimed_by, row.claimed_until
    if holder is not None and holder != owner and until is not None and until > now:
        if abandoned is None or not abandoned(holder):
            return None
        log.info("operation %s: its sender is gone; taking it over", op_id)
    before = operation_of_row(row)
    row.claimed_by, row.claimed_until = owner, now + lease
    row.sent_at, row.attempts = now, row.attempts + 1
    return replace(before, claimed_by=owner)


def settled_row(s: Session, op: Operation) -> OutboxRow | None:
    """``op``'s row, its claim released, for storing its answer; ``None`` when another sender
    took the operation over since ``op`` was claimed (its answer is that sender's to store), or
    when it is no longer queued (it was settled meanwhile).
    An operation never claimed (``claimed_by`` unset) settles as it is."""
    row = s.get_one(OutboxRow, op.id)
    if op.claimed_by is not None and row.claimed_by != op.claimed_by:
        log.warning("operation %s: answered after another sender took it over; not stored", op.id)
        return None
    if row.state != OperationState.QUEUED.value:  # settled meanwhile (a sender without a claim)
        log.warning("operation %s: answered after it was %s; not stored", op.id, row.state)
        return None
    row.claimed_by = row.claimed_until = None
    return row

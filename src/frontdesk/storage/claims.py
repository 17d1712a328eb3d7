"""Claims on outbox operations: who is sending one, and until when.

An operation is claimed before it is sent, in one write transaction that also marks that an
attempt may reach the server (``sent_at``): only a queued operation whose time has come and
that no live sender holds can be claimed, so two processes on one cache (the desk's sync
worker and a ``frontdesk sync``) or two desks on one store never send it twice. The claim is
a lease: a sender that died leaves it to expire (or, on the same computer, to be seen dead at
once) and the next sender takes over with the usual exactly-once care (the attempt's
``sent_at`` makes it look the booking up before sending again). The answer is stored only by
the sender that still holds the claim, which settling releases; a late answer from a sender
whose claim was taken over is dropped, since the one that took over settles it (the sync
engine's settle: :mod:`frontdesk.storage.settles`). ``attempts`` counts the attempts the
booking system answered (or left unanswered: a timeout), added when that answer is stored,
never at the claim: a sender killed mid-send, or whose lease ran out, made no attempt the
booking system can be blamed for, so its claim does not push the operation's next attempt
back (the engine's backoff grows from ``attempts``). ``takeovers`` counts instead the claims
taken over from another sender that held the operation unanswered (it died, or its lease ran
out) since the last answer stored: a send that kills its sender every time would otherwise be
taken over, and kill the next one, for ever; the engine holds it back for a person past a
limit (``sync.engine.MAX_TAKEOVERS``). Any stored answer sets it back to 0.

The sync engine claims with :func:`claim_to_send_in`: two Core statements (the operation read
with its booking, the claim written) in a bare write transaction, the same rules as
:func:`claim_row`, which the other callers use within their ORM sessions."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Connection, Table, bindparam, select, update
from sqlalchemy.orm import Session

from frontdesk.domain.booking import Booking
from frontdesk.domain.outbox import (
    Operation,
    OperationKind,
    OperationState,
)
from frontdesk.storage.rows import BOOKING_COLUMNS, booking_of_tuple, operation_of_row
from frontdesk.storage.tables import BookingRow, OutboxRow

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
    """Claim ``op_id`` for ``owner`` and mark that an attempt may arrive; the operation as it
    was before (its ``sent_at`` tells whether an earlier attempt may have arrived), or ``None``
    when it is no longer queued, not yet due, or held by a live sender (``abandoned`` says a
    holder died). ``attempts`` is not counted here (see the module's docstring)."""
    row = s.get(OutboxRow, op_id)
    if row is None or row.state != OperationState.QUEUED.value or row.next_attempt_at > now:
        return None
    holder, until = row.claimed_by, row.claimed_until
    if holder is not None and holder != owner and until is not None and until > now:
        if abandoned is None or not abandoned(holder):
            return None
        log.info("operation %s: its sender is gone; taking it over", op_id)
    before = operation_of_row(row)
    if _taken_over(holder, owner):
        row.takeovers += 1
    row.claimed_by, row.claimed_until = owner, now + lease
    row.sent_at = now
    return replace(before, claimed_by=owner, takeovers=row.takeovers)


def _taken_over(holder: str | None, owner: str) -> bool:
    """Whether claiming from ``holder`` takes over another sender's unanswered send."""
    return holder is not None and holder != owner


def settled_row(s: Session, op: Operation) -> OutboxRow | None:
    """``op``'s row, its claim released and its answered attempt counted (a claimed one's),
    for storing its answer; ``None`` when another sender
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
    row.takeovers = 0  # an answer stored: its sender lived to store it
    if op.claimed_by is not None:  # an attempt a sender made: answered now
        row.attempts += 1
    return row


# The outbox row's columns an :class:`Operation` is made of, in its field order, then the
# claim's end: the sync engine's reads and writes of one operation go through Core statements
# on these (built once), not ORM objects, a few hundred microseconds less per booking.
OUTBOX = OutboxRow.__table__.c
_OPERATION_FIELDS = (
    "id",
    "booking_id",
    "connection_id",
    "kind",
    "payload",
    "idempotency_key",
    "state",
    "attempts",
    "next_attempt_at",
    "sent_at",
    "last_error",
    "depends_on",
    "claimed_by",
)
OPERATION_COLUMNS = [
    *(OUTBOX[name] for name in _OPERATION_FIELDS),
    OUTBOX["claimed_until"],
    OUTBOX["takeovers"],
]
_KINDS = {k.value: k for k in OperationKind}
_STATES = {s.value: s for s in OperationState}
_CLAIMED_UNTIL = len(_OPERATION_FIELDS)
_TAKEOVERS = _CLAIMED_UNTIL + 1
_BOOKINGS = BookingRow.__table__
_CLAIM_READ = (
    select(*OPERATION_COLUMNS, *BOOKING_COLUMNS)
    .select_from(OutboxRow.__table__.outerjoin(_BOOKINGS, _BOOKINGS.c.id == OUTBOX["booking_id"]))
    .where(OUTBOX["id"] == bindparam("op_id"))
)
_CLAIM = (
    update(cast(Table, OutboxRow.__table__))
    .where(OUTBOX["id"] == bindparam("op_id"))
    .values(
        claimed_by=bindparam("owner"),
        claimed_until=bindparam("until"),
        sent_at=bindparam("now"),
        takeovers=bindparam("takeovers"),
    )
)
_HOLDER = select(OUTBOX["state"], OUTBOX["claimed_by"]).where(OUTBOX["id"] == bindparam("op_id"))


def operation_of_tuple(row: Sequence[Any]) -> Operation:
    """The first columns of a row of ``OPERATION_COLUMNS`` as an operation."""
    (id_, booking_id, cid, kind, payload, key, state, attempts, due, sent, error, on, by) = row[
        :_CLAIMED_UNTIL
    ]
    takeovers = row[_TAKEOVERS]
    return Operation(
        id_,
        booking_id,
        cid,
        _KINDS[kind],
        dict(payload or {}),
        key,
        _STATES[state],
        attempts,
        due,
        sent,
        error,
        on,
        by,
        takeovers or 0,
    )


def claim_to_send_in(
    conn: Connection,
    op_id: int,
    owner: str,
    now: datetime,
    lease: timedelta,
    abandoned: Callable[[str], bool] | None,
) -> tuple[Operation, Booking | None] | None:
    """:func:`claim_row` in two statements (one read of the operation with its booking, one
    update), and the booking as it stands: the sync engine's one transaction before a request.
    """
    row = conn.execute(_CLAIM_READ, {"op_id": op_id}).first()
    if row is None or row[6] != OperationState.QUEUED.value or row[8] > now:
        return None
    holder, until = row[12], row[_CLAIMED_UNTIL]
    if holder is not None and holder != owner and until is not None and until > now:
        if abandoned is None or not abandoned(holder):
            return None
        log.info("operation %s: its sender is gone; taking it over", op_id)
    before = operation_of_tuple(row)
    takeovers = before.takeovers + (1 if _taken_over(holder, owner) else 0)
    conn.execute(
        _CLAIM,
        {"op_id": op_id, "owner": owner, "until": now + lease, "now": now, "takeovers": takeovers},
    )
    booked = row[_TAKEOVERS + 1 :]
    booking = booking_of_tuple(booked) if booked[0] is not None else None
    return replace(before, claimed_by=owner, takeovers=takeovers), booking

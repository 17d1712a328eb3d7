"""The sync engine's writes of an answer, as Core statements built once, in a bare write
transaction (``Database.write_core``): whether the answer is still the sender's to store, with
what else the write needs to know in the same read (another booking holding the remote id,
how many of the booking's operations wait behind it); the settled operation's row; the
booking's row written whole from a :class:`Booking` (what ``rows.copy_into`` does to an ORM
row) with its remote base; a line of its history. A drain settles one operation per booking;
the ORM's unit of work (loading the rows, tracking and flushing them) was most of that
transaction's time. Each state an operation moves to comes from the outbox's state machine
(:func:`~frontdesk.domain.outbox.after`), as ``rows.advance`` does it."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, func, insert, select, update

from frontdesk.domain.booking import Booking
from frontdesk.domain.merge import snapshot
from frontdesk.domain.outbox import CLOSED, Operation, OperationState, Transition, after
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage.db import CoreWrite
from frontdesk.storage.rows import BOOKING_COLUMNS, BOOKING_FIELDS, booking_of_tuple
from frontdesk.storage.tables import BookingRow, HistoryRow, OutboxRow

log = logging.getLogger("frontdesk.storage")

_WRITTEN = [name for name in BOOKING_FIELDS if name != "id"]
_OUTBOX = cast(Table, OutboxRow.__table__)
_BOOKINGS = cast(Table, BookingRow.__table__)
_HISTORY = cast(Table, HistoryRow.__table__)
_QUEUED = OperationState.QUEUED.value
_LATER_OUTBOX = _OUTBOX.alias("later")

# The settled operation's row: its columns given as parameters (one compiled form per set).
SETTLE = update(_OUTBOX).where(_OUTBOX.c.id == bindparam("op_id"))
# ... and the attempt the booking system answered counted (``claims``: never at the claim)
_ANSWERED = SETTLE.values(attempts=_OUTBOX.c.attempts + 1)
_WRITE = update(_BOOKINGS).where(_BOOKINGS.c.id == bindparam("booking_id_"))
_HISTORY_LINE = insert(_HISTORY)
_TWIN = (
    select(_BOOKINGS.c.id)
    .where(
        _BOOKINGS.c.connection_id == bindparam("cid"),
        _BOOKINGS.c.remote_id == bindparam("remote_id"),
        _BOOKINGS.c.id != bindparam("booking_id"),
    )
    .limit(1)
    .scalar_subquery()
)
_LATER_COUNT = (
    select(func.count())
    .select_from(_LATER_OUTBOX)
    .where(
        _LATER_OUTBOX.c.booking_id == bindparam("booking_id"),
        _LATER_OUTBOX.c.state == _QUEUED,
        _LATER_OUTBOX.c.id != bindparam("op_id"),
    )
    .scalar_subquery()
)
_STANDING = select(_OUTBOX.c.state, _OUTBOX.c.claimed_by, _TWIN, _LATER_COUNT).where(
    _OUTBOX.c.id == bindparam("op_id")
)
_LATER = (
    select(_OUTBOX.c.id)
    .where(_OUTBOX.c.booking_id == bindparam("booking_id"), _OUTBOX.c.state == _QUEUED)
    .order_by(_OUTBOX.c.id)
)
_PENDING = (
    select(_OUTBOX.c.id)
    .where(_OUTBOX.c.booking_id == bindparam("booking_id"), _OUTBOX.c.state == _QUEUED)
    .limit(1)
)
_STATE = select(_OUTBOX.c.state).where(_OUTBOX.c.id == bindparam("op_id"))
_BOOKING = select(*BOOKING_COLUMNS).where(_BOOKINGS.c.id == bindparam("booking_id"))


@dataclass(frozen=True, slots=True)
class Standing:
    """What settling an operation found, in one read."""

    ours: bool  # the answer is still this sender's to store (``claims.settled_row``)
    twin: str | None  # another booking of the connection holding the booking's remote id
    later: int  # the booking's other queued operations


def standing(w: CoreWrite, op: Operation, booking: Booking | None = None) -> Standing:
    """Whether ``op``'s answer is still this sender's to store, as ``claims.settled_row``
    judges it (not when another sender took the operation over, nor when it was settled
    meanwhile), with what the rest of the settle of ``booking`` needs to know."""
    remote_id = booking.remote_id if booking is not None else None
    found = w.conn.execute(
        _STANDING,
        {
            "op_id": op.id,
            "booking_id": op.booking_id,
            "cid": op.connection_id,
            "remote_id": remote_id,
        },
    ).one()
    state, holder, twin, later = tuple(found)
    ours = True
    if op.claimed_by is not None and holder != op.claimed_by:
        log.warning("operation %s: answered after another sender took it over; not stored", op.id)
        ours = False
    elif state != _QUEUED:  # settled meanwhile (a sender without a claim)
        log.warning("operation %s: answered after it was %s; not stored", op.id, state)
        ours = False
    twin_id = str(twin) if twin is not None and remote_id is not None else None
    return Standing(ours, twin_id, cast(int, later or 0))


def settle_values(transition: Transition, error: str | None) -> dict[str, Any]:
    """The columns of a queued operation's row moved by ``transition``, its claim released."""
    state = after(OperationState.QUEUED, transition)
    return {
        "state": state.value,
        "done_at": utc_now() if state in CLOSED else None,
        "last_error": error,
        "claimed_by": None,
        "claimed_until": None,
    }


def settle(w: CoreWrite, op_id: int, values: dict[str, Any], *, answered: bool = False) -> None:
    """Write ``values`` into the operation's row; ``answered``: the booking system answered
    this attempt (or let it time out), so it counts in ``attempts``. The sender lived to
    store it, so the take-overs since the last answer start again (``claims``)."""
    w.conn.execute(_ANSWERED if answered else SETTLE, {"op_id": op_id, "takeovers": 0, **values})


def queued_ids(w: CoreWrite, booking_id: str) -> list[int]:
    """The ids of the booking's queued operations, oldest first."""
    return list(w.conn.execute(_LATER, {"booking_id": booking_id}).scalars())


def withdraw(w: CoreWrite, op_ids: list[int], why: str) -> None:
    """Withdraw the operations ``op_ids`` (as ``rows.advance`` moves them)."""
    for op_id in op_ids:
        state = after(
            OperationState(w.conn.execute(_STATE, {"op_id": op_id}).scalar_one()),
            Transition.WITHDRAWN,
        )
        done_at = utc_now() if state in CLOSED else None
        settle_row = {"state": state.value, "done_at": done_at, "last_error": why}
        w.conn.execute(SETTLE, {"op_id": op_id, **settle_row})


def stored_booking(w: CoreWrite, booking_id: str) -> Booking:
    """The booking as its row stands (``rows.booking_of_row``)."""
    row = w.conn.execute(_BOOKING, {"booking_id": booking_id}).one()
    found = booking_of_tuple(row)
    return found.with_changes(extra=dict(found.extra or {}))


def booking_values(booking: Booking) -> dict[str, Any]:
    """The row's columns for ``booking``, as ``rows.copy_into`` writes them."""
    values: dict[str, Any] = {name: getattr(booking, name) for name in _WRITTEN}
    values["visit_status"] = booking.visit_status.value
    values["sync_state"] = booking.sync_state.value
    values["extra"] = dict(booking.extra)
    values["updated_at"] = utc_now()
    return values


def base_of(remote: Booking) -> dict[str, Any]:
    """``remote`` as the remote's view of its row, no clash (``rows.set_base``)."""
    return {"view": snapshot(remote), "clash": []}


def write_booking(w: CoreWrite, booking_id: str, values: dict[str, Any]) -> None:
    """Write ``values`` into the booking's row (which must exist) and mark it changed."""
    written = w.conn.execute(_WRITE, {"booking_id_": booking_id, **values})
    if written.rowcount != 1:
        raise LookupError(f"booking {booking_id} is not in the cache")
    w.changed.add(booking_id)


def history(w: CoreWrite, booking_id: str, event: str, detail: str | None, actor: str) -> None:
    """A line of the booking's history (``rows.add_history``)."""
    line = {"booking_id": booking_id, "at": utc_now(), "event": event, "detail": detail}
    w.conn.execute(_HISTORY_LINE, {**line, "actor": actor})


def drop_pulled_twin(w: CoreWrite, twin: str) -> None:
    """A pull between a lost answer and its replay may have cached our own booking a second
    time under the remote id (APIs that do not echo our reference). It is the same booking:
    the pulled copy ``twin`` goes (unless something of its own is queued), ours keeps the
    remote id."""
    if w.conn.execute(_PENDING, {"booking_id": twin}).first() is not None:
        return
    w.conn.execute(delete(_HISTORY).where(_HISTORY.c.booking_id == twin))
    w.conn.execute(delete(_BOOKINGS).where(_BOOKINGS.c.id == twin))
    w.changed.add(twin)

"""What the sync panel shows and does: the changes waiting to be sent, the bookings a remote
system refused (each with its reason, the patient's phone and the nearest openings to rebook
into), the changes sent whose outcome is unknown (no answer came back and the remote cannot be
asked), and the refused changes put aside ("dead letters"); and the desk's answers to them:
rebook, cancel, note, send again, dismiss, and settle (it arrived, send it again, cancel).

Reads the cache only, so the GUI thread may call it after each sync cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from frontdesk.app.context import AppContext
from frontdesk.app.desk import clinic_zone
from frontdesk.app.openings import Limits, Opening, OpeningQuery, find_openings
from frontdesk.domain.booking import Booking
from frontdesk.domain.outbox import Operation, OperationState, Settlement
from frontdesk.domain.timeutil import to_local, utc_now

KIND_WORDS = {
    "create": "new booking",
    "reschedule": "move",
    "cancel": "cancellation",
    "set_status": "status",
}


@dataclass(frozen=True, slots=True)
class SyncOverview:
    queued: list[tuple[Operation, Booking]]
    attention: list[Booking]
    failed: list[tuple[Operation, Booking]]
    connection_names: dict[str, str]
    unknown: list[tuple[Operation, Booking]] = field(default_factory=list)


def overview(context: AppContext, limit: int = 500) -> SyncOverview:
    names = {r.id: r.name for r in context.connections()}
    queued = context.repo.operations([OperationState.QUEUED], limit)
    attention = context.repo.needs_attention(limit)
    inbox = {b.id for b in attention}
    failed = [  # refusals the inbox does not already show
        (op, b)
        for op, b in context.repo.operations([OperationState.FAILED], limit)
        if b.id not in inbox
    ]
    unknown = context.repo.operations([OperationState.UNKNOWN], limit)
    return SyncOverview(queued, attention, failed, names, unknown)


def attention_count(context: AppContext) -> int:
    """How many bookings need a person: refused ones, and changes whose outcome is unknown
    (index ranges: cheap enough after every change)."""
    return len(context.repo.needs_attention(limit=1000)) + context.repo.unknown_count()


def unknown_count(context: AppContext) -> int:
    return context.repo.unknown_count()


def unknown_lines(context: AppContext) -> list[str]:
    """One line per change whose outcome is unknown, for ``frontdesk sync`` (no patient name:
    the booking id, what it was, when, and where)."""
    names = {r.id: r.name for r in context.connections()}
    lines = []
    for op, b in context.repo.operations([OperationState.UNKNOWN]):
        when = to_local(b.start, clinic_zone(context, b.connection_id))
        what = KIND_WORDS.get(op.kind.value, op.kind.value)
        lines.append(
            f"outcome unknown: booking {b.id} ({what}, {when:%a %d %b %H:%M}, "
            f"{names.get(op.connection_id, op.connection_id)}): sent, but no answer came back "
            "and the booking system cannot be asked whether it arrived; nothing is sent again "
            "until someone settles it at the desk (sync panel, Outcome unknown)"
        )
    return lines


def settle(
    context: AppContext, op_id: int, settlement: Settlement, remote_id: str | None = None
) -> Booking:
    """A person's decision on a change whose outcome is unknown (it goes into the booking's
    history with the desk's name). Raises ``NotUnknown`` if it was settled meanwhile."""
    return context.repo.settle_unknown(op_id, settlement, context.desk, remote_id)


def nearest_openings(context: AppContext, booking: Booking, count: int = 4) -> list[Opening]:
    """Openings for the same service and patient, from a little before the refused time (or
    now) on, in any resource of the booking's connection."""
    query = OpeningQuery(
        booking.connection_id,
        booking.service_id,
        patient_phone=booking.patient_phone,
        booking_id=booking.id,
    )
    after = max(booking.start - timedelta(hours=3), utc_now())
    return find_openings(context.booking, [query], after, Limits(count=count))


def add_note(context: AppContext, booking_id: str, note: str) -> None:
    if note.strip():
        context.repo.add_note(booking_id, note.strip(), context.desk)


def send_again(context: AppContext, op_id: int) -> None:
    context.repo.requeue(op_id, context.desk)


def dismiss(context: AppContext, op_id: int) -> None:
    context.repo.dismiss(op_id, context.desk)

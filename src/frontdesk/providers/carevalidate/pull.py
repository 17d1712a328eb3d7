"""A CareValidate pull in the desk's terms: the listed appointments matched to the desk's own.

CareValidate's book answer has no id and its list has no reference of ours, so the desk ties
its bookings to listed appointments itself: a desk booking with no CareValidate id yet is
looked up by its patient's email and the start CareValidate holds (`reads.list_for`, `pick`);
found, the pulled copy carries the desk's id as reference and the list's id, so the cache
links the two instead of adding a second booking. Until a desk booking is tied, an appointment
listed at its start is held back (it may be that very booking).

The list shows only active, future appointments [doc], so a booking missing from it is never
cancelled or deleted here: a future one the desk holds as confirmed is returned flagged
(`NOT_LISTED`) for a person to look at; listed again, the flag goes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.providers.base import ApiError
from frontdesk.providers.carevalidate import mapping
from frontdesk.providers.carevalidate.reads import Undecidable
from frontdesk.providers.carevalidate.wire import CvItem
from frontdesk.providers.http import BadAnswer

NOT_LISTED = "CV_NOT_LISTED"
NOT_LISTED_TEXT = (
    "No longer listed by CareValidate (cancelled or removed there, or its case archived?). "
    "The desk keeps it: check CareValidate, then cancel it here or leave it."
)
NEVER_LISTED_TEXT = (
    "CareValidate accepted this booking but does not list it (cancelled or removed there?). "
    "The desk keeps it: check CareValidate, then cancel it here or leave it."
)
TIES_PER_PULL = 50  # lookups for untied desk bookings per pull; the rest wait for the next
_TRYING = (SyncState.CONFIRMED, SyncState.OUTCOME_UNKNOWN, SyncState.AWAITING_CONFIRMATION)

# A desk booking -> its listed appointment, None when the answer says it is not listed.
Finder = Callable[[Booking], CvItem | None]


def _flagged(booking: Booking) -> bool:
    return booking.sync_state is SyncState.NEEDS_ATTENTION and booking.problem_code == NOT_LISTED


def _untied(booking: Booking) -> bool:
    """Active, no CareValidate id yet, and CareValidate holds it or may: acknowledged (the
    held-start mark), or on its way, or its outcome unknown. One that needs attention without
    the mark was refused: nothing of it is at CareValidate on our account."""
    acknowledged = mapping.HELD_START in booking.extra
    refused = booking.sync_state is SyncState.NEEDS_ATTENTION and not acknowledged
    return booking.remote_id is None and booking.active and not refused


def _worth_a_lookup(booking: Booking, now: datetime) -> bool:
    """Untied, with an email, accepted (or maybe accepted) and still listable (future)."""
    accepted = mapping.HELD_START in booking.extra or booking.sync_state in _TRYING
    ends = mapping.held_start(booking) + (booking.end - booking.start)
    return _untied(booking) and bool(booking.patient_email) and accepted and ends > now


def _flag(booking: Booking, text: str) -> Booking:
    return booking.with_changes(
        external_ref=booking.id,
        sync_state=SyncState.NEEDS_ATTENTION,
        problem_code=NOT_LISTED,
        problem_message=text,
    )


def _believed_confirmed(booking: Booking, now: datetime) -> bool:
    fresh = booking.sync_state is SyncState.CONFIRMED or _flagged(booking)
    return fresh and booking.visit_status is VisitStatus.BOOKED and booking.start > now


def in_desk_terms(
    items: Sequence[CvItem],
    desk: Sequence[Booking],
    find: Finder,
    connection_id: str,
    lengths: mapping.Lengths,
    now: datetime,
    horizon: datetime,
) -> list[Booking]:
    """What the cache should merge: the listed appointments (the desk's own keep their fields),
    the desk bookings just tied, and flags on confirmed future ones no longer listed."""
    out: list[Booking] = []
    by_remote = {b.remote_id: b for b in desk if b.remote_id is not None}
    tied: set[str] = set()
    held: set[datetime] = set()
    looked = 0
    for booking in desk:
        if not _untied(booking):
            continue
        held |= {booking.start, mapping.held_start(booking)}
        if not _worth_a_lookup(booking, now) or looked >= TIES_PER_PULL:
            continue
        looked += 1
        try:
            found = find(booking)
        except (ApiError, BadAnswer, Undecidable):
            continue  # this pull cannot tell: the booking stays as it is, its start held
        if found is None:
            if _believed_confirmed(booking, now) and booking.start < horizon:
                out.append(_flag(booking, NEVER_LISTED_TEXT))
            continue
        if found.id in by_remote or found.id in tied:
            continue
        tied.add(found.id)
        out.append(mapping.listed_desk_booking(booking, found, lengths.default_minutes))
    listed: set[str] = set()
    for item in items:
        listed.add(item.id)
        if item.id in tied:
            continue
        mine = by_remote.get(item.id)
        if mine is not None:
            acknowledged = mine.visit_status is VisitStatus.CANCELLED
            if not (acknowledged and mine.sync_state is SyncState.CONFIRMED):
                out.append(mapping.listed_desk_booking(mine, item, lengths.default_minutes))
            continue  # a cancel CareValidate acknowledged is not undone by a late listing
        start, _ = mapping.item_times(item, lengths.default_minutes)
        if start in held:
            continue  # may be an untied desk booking: never a second copy
        out.append(mapping.booking_from_item(item, connection_id, lengths))
    grace = timedelta(minutes=1)
    for remote_id, booking in by_remote.items():
        if remote_id in listed or remote_id in tied:
            continue
        if _believed_confirmed(booking, now + grace) and booking.start < horizon:
            out.append(_flag(booking, NOT_LISTED_TEXT))
    return out

"""The desk's own rules on a booking's time, on top of the booking system's: the clinic's
blockouts (``domain.blockouts``). A time a blockout keeps free is refused at this desk with
words that say the rule is the clinic's, not the booking system's:
"Blocked at this desk: lunch 12:00-13:00 (clinic rule)"."""

from __future__ import annotations

from frontdesk.domain.blockouts import Occurrence, blocking
from frontdesk.domain.booking import Booking
from frontdesk.domain.verdict import Verdict
from frontdesk.storage.blockouts import BlockoutStore

CODE = "DESK_BLOCKOUT"  # the desk's own code: no booking system answers it


def blockout_verdict(occurrence: Occurrence, zone_name: str) -> Verdict:
    """The refusal of a time ``occurrence`` keeps free, on the clinic's clock."""
    words = occurrence.words(zone_name)
    return Verdict(409, CODE, f"Blocked at this desk: {words} (clinic rule)", "start")


def desk_verdicts(store: BlockoutStore, booking: Booking, zone_name: str) -> list[Verdict]:
    """The desk's refusals of ``booking``'s time and column (none when it is clear)."""
    if not booking.active:
        return []
    found = blocking(
        store.between(booking.start, booking.end),
        booking.connection_id,
        booking.resource_id,
        booking.start,
        booking.end,
    )
    return [] if found is None else [blockout_verdict(found, zone_name)]

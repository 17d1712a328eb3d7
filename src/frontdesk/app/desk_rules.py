"""The desk's own rules on a booking's time, on top of the booking system's: the clinic's
blockouts (``domain.blockouts``). A time a blockout keeps free is refused at this desk with
words that say the rule is the clinic's, not the booking system's:
"Blocked at this desk: lunch 12:00-13:00 (clinic rule)".

A blockout of one of the clinic's columns keeps free each booking system's resource shown in
that column when the booking is judged (``column_of``: the store's mapping, read only when
such a blockout is in the way)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from frontdesk.domain.blockouts import Blockout, ColumnOf, Occurrence, blocking
from frontdesk.domain.booking import Booking
from frontdesk.domain.verdict import Verdict

if TYPE_CHECKING:
    from frontdesk.storage.repo import Repository

CODE = "DESK_BLOCKOUT"  # the desk's own code: no booking system answers it


def blockout_verdict(occurrence: Occurrence, zone_name: str) -> Verdict:
    """The refusal of a time ``occurrence`` keeps free, on the clinic's clock."""
    words = occurrence.words(zone_name)
    return Verdict(409, CODE, f"Blocked at this desk: {words} (clinic rule)", "start")


def column_of(repo: Repository, blockouts: Iterable[Blockout]) -> ColumnOf:
    """Which clinic column each booking system's resource is shown in now, as ``blockouts``
    need it: read from the store only when one of them belongs to a clinic column."""
    return repo.columns.mapping() if any(b.clinic_column for b in blockouts) else {}


def desk_verdicts(repo: Repository, booking: Booking, zone_name: str) -> list[Verdict]:
    """The desk's refusals of ``booking``'s time and column (none when it is clear)."""
    if not booking.active:
        return []
    found = repo.blockouts.between(booking.start, booking.end)
    if not found:
        return []
    occurrence = blocking(
        found,
        booking.connection_id,
        booking.resource_id,
        booking.start,
        booking.end,
        column_of(repo, found),
    )
    return [] if occurrence is None else [blockout_verdict(occurrence, zone_name)]

"""A change record: what the screens need to show a change, a sync's or a desk's, read where
the change was made (the sync worker, the desk's change runner) so the GUI thread need not touch
the store to show it (Anki's operation changes).

It carries the bookings as they now are, the waiting and outcome-unknown counts per connection
and how many bookings need a person (refused or outcome unknown). ``ids`` empty: anything may
have changed (a pull).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from frontdesk.app import sync_status
from frontdesk.app.context import AppContext
from frontdesk.domain.booking import Booking


@dataclass(frozen=True, slots=True)
class ChangeRecord:
    ids: list[str]
    bookings: dict[str, Booking] | None = None
    pending: dict[str, int] | None = None  # per connection id
    attention: int | None = None
    unknown: dict[str, int] | None = None  # per connection id

    @classmethod
    def everything(cls) -> ChangeRecord:
        return cls([])

    @classmethod
    def of(cls, context: AppContext, ids: Sequence[str]) -> ChangeRecord:
        """The record of a change to the bookings ``ids``, read now."""
        found = {b.id: b for b in context.reads.bookings_by_ids(list(ids))}
        records = context.connections()
        pending = {r.id: context.reads.pending_count(r.id) for r in records}
        unknown = {r.id: context.reads.unknown_count(r.id) for r in records}
        return cls(list(ids), found, pending, sync_status.attention_count(context), unknown)

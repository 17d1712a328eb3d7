"""A change record: what the screens need to show a change, a sync's or a desk's, read where
the change was made (the sync worker, the desk's change runner) so the GUI thread need not touch
the store to show it (Anki's operation changes).

It carries the bookings as they now are, the waiting and outcome-unknown counts per connection
and how many bookings need a person (refused or outcome unknown). ``ids`` empty: anything may
have changed (a pull). ``topics``: the desk-local records (blockouts, the ASAP list...) that
changed, by topic name, so the screens showing them re-read them; a record of topics alone has
no ids and is not "anything may have changed" (see :attr:`ChangeRecord.only_topics`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from frontdesk.app import sync_status
from frontdesk.domain.booking import Booking
from frontdesk.storage.plain import TOPIC_MARK

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext


@dataclass(frozen=True, slots=True)
class ChangeRecord:
    ids: list[str]
    bookings: dict[str, Booking] | None = None
    pending: dict[str, int] | None = None  # per connection id
    attention: int | None = None
    unknown: dict[str, int] | None = None  # per connection id
    topics: frozenset[str] = frozenset()

    @property
    def only_topics(self) -> bool:
        """A change of desk-local records only (no booking changed)."""
        return bool(self.topics) and not self.ids

    @classmethod
    def of_topics(cls, *topics: str) -> ChangeRecord:
        """The record of a change to desk-local records of ``topics`` only."""
        return cls([], topics=frozenset(topics))

    @classmethod
    def everything(cls) -> ChangeRecord:
        return cls([])

    @classmethod
    def of(cls, context: AppContext, ids: Sequence[str]) -> ChangeRecord:
        """The record of a change to the bookings ``ids``, read now; topic marks among
        ``ids`` (another desk's notice, ``"#blockouts"``) become :attr:`topics`."""
        topics = frozenset(i[len(TOPIC_MARK) :] for i in ids if i.startswith(TOPIC_MARK))
        ids = [i for i in ids if not i.startswith(TOPIC_MARK)]
        if topics and not ids:
            return cls.of_topics(*topics)
        found = {b.id: b for b in context.reads.bookings_by_ids(list(ids))}
        records = context.connections()
        pending = {r.id: context.reads.pending_count(r.id) for r in records}
        unknown = {r.id: context.reads.unknown_count(r.id) for r in records}
        attention = sync_status.attention_count(context)
        return cls(list(ids), found, pending, attention, unknown, topics)

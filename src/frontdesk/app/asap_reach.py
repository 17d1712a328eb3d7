"""Which freed slots an ASAP entry that names a provider may take when the clinic has its own
columns (``app.columns``): the entry's "With" is the clinic column that shows its resource, so
a slot on any booking system's resource of that column suits it, for the service of the same
name (case aside) on that booking system. Dr. Berger on HuskyVoice and meetergo is one column:
a freed meetergo slot of his is offered to an entry made from a HuskyVoice booking with him,
when meetergo offers a service of the same name.

An entry keeps its booking system's resource (``AsapEntry.resource_id``); the column is looked
up when the offers are worked out, so an entry made before the clinic had columns, or for a
resource no column shows, keeps being offered its own resource's slots. Reads the local store
only.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from frontdesk.app.columns import column_of, everything
from frontdesk.domain.asap import AsapEntry, Reach
from frontdesk.domain.catalog import Service

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext


def reaches(context: AppContext, entries: Iterable[AsapEntry]) -> dict[str, Reach]:
    """Per entry id, where the entry's provider's slots may be: only for entries that name a
    resource shown in a clinic column (the others are matched on their own resource)."""
    columns = everything(context, with_hidden=True)
    services: dict[str, list[Service]] = {}

    def services_of(connection_id: str) -> list[Service]:
        if connection_id not in services:
            catalog = context.booking.catalog_for(connection_id)
            services[connection_id] = list(catalog.services)
        return services[connection_id]

    found: dict[str, Reach] = {}
    for entry in entries:
        if entry.resource_id is None:
            continue
        column = column_of(columns, (entry.connection_id, entry.resource_id))
        if column is None or column.members is None:
            continue  # a booking system's resource no clinic column shows: its own slots
        own = next((s for s in services_of(entry.connection_id) if s.id == entry.service_id), None)
        same: dict[str, str] = {entry.connection_id: entry.service_id}
        for connection_id in {k[0] for k in column.keys} - {entry.connection_id}:
            match = next(
                (
                    s
                    for s in services_of(connection_id)
                    if own is not None and s.active and s.name.casefold() == own.name.casefold()
                ),
                None,
            )
            if match is not None:
                same[connection_id] = match.id
        keys = frozenset(column.keys) | {(entry.connection_id, entry.resource_id)}
        found[entry.id] = Reach(keys, same)
    return found

"""How the ASAP screens name things: the services, providers and connections by their names
(read once from the cached catalogs), a freed slot and an entry's wishes in plain words, on
the clinic's clock."""

from __future__ import annotations

from dataclasses import dataclass, field

from frontdesk.app.context import AppContext
from frontdesk.domain.asap import AsapEntry, FreedCause, FreedSlot, days_words, parts_words
from frontdesk.domain.catalog import Resource, Service
from frontdesk.domain.timeutil import to_local

CAUSE_WORDS = {
    FreedCause.CANCELLED: "cancelled",
    FreedCause.NO_SHOW: "a no-show",
    FreedCause.MOVED: "moved away",
}


@dataclass
class Names:
    """The names of a profile's connections, and of each connection's services and
    resources (providers, chairs, branches), by id."""

    connections: dict[str, str] = field(default_factory=dict)
    services: dict[str, list[Service]] = field(default_factory=dict)
    resources: dict[str, list[Resource]] = field(default_factory=dict)

    def service(self, connection_id: str, service_id: str) -> str:
        found = next((s for s in self.services.get(connection_id, []) if s.id == service_id), None)
        return found.name if found is not None else "(a service not in the cache yet)"

    def resource(self, connection_id: str, resource_id: str | None) -> str:
        if not resource_id:
            return "anyone"
        found = (r for r in self.resources.get(connection_id, []) if r.id == resource_id)
        return next((r.name for r in found), "(a column not in the cache yet)")


def names(context: AppContext) -> Names:
    found = Names()
    for record in context.connections():
        catalog = context.booking.catalog_for(record.id)
        found.connections[record.id] = record.name
        found.services[record.id] = [s for s in catalog.services if s.active]
        found.resources[record.id] = list(catalog.resources)
    return found


def when_words(slot: FreedSlot, zone_name: str) -> str:
    """``Tue 9 Mar 10:00``, on the clinic's clock."""
    local = to_local(slot.start, zone_name)
    return f"{local:%a} {local.day} {local:%b %H:%M}"


def slot_words(slot: FreedSlot, found: Names, zone_name: str) -> str:
    """``Tue 9 Mar 10:00, General check-up with Main branch (cancelled)``."""
    service = found.service(slot.connection_id, slot.service_id)
    resource = found.resource(slot.connection_id, slot.resource_id)
    cause = CAUSE_WORDS[slot.cause]
    return f"{when_words(slot, zone_name)}, {service} with {resource} ({cause})"


def wishes(entry: AsapEntry) -> str:
    """``Mon, Fri; evening`` or ``any day; any time``."""
    return f"{days_words(entry.weekdays)}; {parts_words(entry.parts)}"

"""How the ASAP screens name things: the services, providers and connections by their names
(read once from the cached catalogs; a provider by the clinic's column that shows it, as the
day view names it), a freed slot and an entry's wishes in plain words, on the clinic's clock."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from frontdesk.app.columns import everything, labels
from frontdesk.app.desk import ResourceInfo, resources
from frontdesk.domain import dates
from frontdesk.domain.asap import AsapEntry, FreedCause, FreedSlot, PartOfDay
from frontdesk.domain.catalog import Resource, Service
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

CAUSE_WORDS = {
    FreedCause.CANCELLED: QT_TRANSLATE_NOOP("Asap", "cancelled"),
    FreedCause.NO_SHOW: QT_TRANSLATE_NOOP("Asap", "a no-show"),
    FreedCause.MOVED: QT_TRANSLATE_NOOP("Asap", "moved away"),
}
PART_WORDS = {
    PartOfDay.MORNING: QT_TRANSLATE_NOOP("Asap", "morning"),
    PartOfDay.AFTERNOON: QT_TRANSLATE_NOOP("Asap", "afternoon"),
    PartOfDay.EVENING: QT_TRANSLATE_NOOP("Asap", "evening"),
}


def cause_words(cause: FreedCause) -> str:
    """Why the slot is free ("cancelled"), in the desk's language."""
    return translate("Asap", CAUSE_WORDS[cause])


def part_words(part: PartOfDay) -> str:
    """A part of the day ("morning"), in the desk's language."""
    return translate("Asap", PART_WORDS[part])


@dataclass
class Names:
    """The names of a profile's connections, and of each connection's services and
    resources (providers, chairs, branches), by id. ``services``: those a new entry may ask
    for (the active ones); ``retired``: the names of the others, which older entries and slots
    still name; ``columns``: the clinic's columns (hidden ones too), and ``shown_as`` the name
    of the column each booking system's resource is shown in."""

    connections: dict[str, str] = field(default_factory=dict)
    services: dict[str, list[Service]] = field(default_factory=dict)
    resources: dict[str, list[Resource]] = field(default_factory=dict)
    retired: dict[tuple[str, str], str] = field(default_factory=dict)
    columns: list[ResourceInfo] = field(default_factory=list)
    shown_as: dict[tuple[str, str], str] = field(default_factory=dict)

    def service(self, connection_id: str, service_id: str) -> str:
        found = next((s for s in self.services.get(connection_id, []) if s.id == service_id), None)
        if found is not None:
            return found.name
        return self.retired.get(
            (connection_id, service_id), translate("Asap", "(a service not in the cache yet)")
        )

    def resource(self, connection_id: str, resource_id: str | None) -> str:
        if not resource_id:
            return translate("Asap", "anyone")
        if (connection_id, resource_id) in self.shown_as:
            return self.shown_as[(connection_id, resource_id)]  # its clinic column's name
        found = (r for r in self.resources.get(connection_id, []) if r.id == resource_id)
        return next((r.name for r in found), translate("Asap", "(a column not in the cache yet)"))


def names(context: AppContext) -> Names:
    found = Names()
    for record in context.connections():
        catalog = context.booking.catalog_for(record.id)
        found.connections[record.id] = record.name
        found.services[record.id] = [s for s in catalog.services if s.active]
        found.retired.update({(record.id, s.id): s.name for s in catalog.services if not s.active})
        found.resources[record.id] = list(catalog.resources)
    api = resources(context)
    found.columns = everything(context, api, with_hidden=True)
    found.shown_as, _ = labels(api, found.columns)
    return found


def when_words(slot: FreedSlot, zone_name: str) -> str:
    """``Tue 9 Mar 10:00``, on the clinic's clock."""
    return dates.moment(to_local(slot.start, zone_name))


def slot_words(slot: FreedSlot, found: Names, zone_name: str) -> str:
    """``Tue 9 Mar 10:00, General check-up with Main branch (cancelled)``."""
    service = found.service(slot.connection_id, slot.service_id)
    resource = found.resource(slot.connection_id, slot.resource_id)
    return translate("Asap", "{when}, {service} with {resource} ({cause})").format(
        when=when_words(slot, zone_name),
        service=service,
        resource=resource,
        cause=cause_words(slot.cause),
    )


def wishes(entry: AsapEntry) -> str:
    """``Mon, Fri; evening`` or ``any day; any time``."""
    days = sorted(set(entry.weekdays))
    parts = [p for p in PartOfDay if p in set(entry.parts)]
    day_words = (
        ", ".join(dates.installed().weekdays_short[d] for d in days)
        if days
        else translate("Asap", "any day")
    )
    time_words = ", ".join(map(part_words, parts)) if parts else translate("Asap", "any time")
    return f"{day_words}; {time_words}"

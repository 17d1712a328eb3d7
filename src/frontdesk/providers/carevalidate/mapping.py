"""Between the desk's bookings and catalog and CareValidate's wire shapes.

The book body (every member the create page documents), the catalog built from provider
availability alone (providers, Calendly links, event type ids: no names, durations, zones or
slots are on the wire), and listed appointments as bookings: one seen only at CareValidate is
built from the item; one the desk already holds keeps the desk's fields and takes only what the
list says (id, start, end, that it is active).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from frontdesk.domain.booking import HELD_WITHOUT_ID, Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service
from frontdesk.domain.sensitive import remember
from frontdesk.domain.timeutil import iso_utc, parse_iso_instant
from frontdesk.providers.carevalidate.options import CvOptions
from frontdesk.providers.carevalidate.wire import CvItem, CvLink
from frontdesk.providers.http import BadAnswer

# The start CareValidate holds for a desk booking it acknowledged, kept in its `extra` (ISO,
# UTC) under the desk's "held without an id" mark: with no id in the book answer, this says
# the remote holds it and how to find the appointment again after the desk moves it.
HELD_START = HELD_WITHOUT_ID

# Fields of the book body and the desk fields they come from (for messages at the desk).
WIRE_TO_FIELD = {
    "eventTypeId": "service_id",
    "startTime": "start",
    "email": "patient_email",
    "firstName": "patient_name",
    "lastName": "patient_name",
}


def split_name(name: str) -> tuple[str | None, str | None]:
    """``"Mary Ann Smith"`` → ``("Mary Ann", "Smith")``; one word → first name only."""
    text = " ".join(name.split())
    if not text:
        return None, None
    first, _, last = text.rpartition(" ")
    remember(first, last)  # each travels alone on the wire: masked alone in a log
    if not first:
        return last, None
    return first, last


def wire_start(start: datetime) -> str:
    """`startTime` as the page's example writes it: `2025-11-28T04:30:00Z`."""
    return iso_utc(start).replace(".000Z", "Z")


def create_body(booking: Booking, zone: str, location: str) -> dict[str, Any]:
    """The ``POST /api/v1/calendar/appointments`` body for a desk booking.

    ``zone`` and ``location`` are the defaults when the booking's ``extra`` names none; the
    desk's booking id travels as ``tracking.salesforceUuid`` (the page's field "to correlate
    appointments with … other external systems"; nothing documented echoes it back).
    """
    first, last = split_name(booking.patient_name)
    extra = booking.extra
    tracking: dict[str, Any] = {
        "utmCampaign": None,
        "utmSource": None,
        "utmMedium": None,
        "utmContent": None,
        "utmTerm": None,
        "salesforceUuid": booking.external_ref or booking.id,
    }
    given = extra.get("tracking")
    if isinstance(given, Mapping):
        tracking.update({k: v for k, v in given.items() if k in tracking})
    body: dict[str, Any] = {
        "eventTypeId": booking.service_id,
        "startTime": wire_start(booking.start),
        "email": booking.patient_email,
        "timezone": extra.get("timezone") or zone,
        "location": extra.get("location") or location,
        "tracking": tracking,
    }
    if first is not None:
        body["firstName"] = first
    if last is not None:
        body["lastName"] = last
    return body


def instant(text: str, what: str) -> datetime:
    value = parse_iso_instant(text)
    if value is None:
        raise BadAnswer(f"{what} is not an ISO 8601 instant")
    return value


def held_start(booking: Booking) -> datetime:
    """The start CareValidate holds for ``booking`` (before a desk move), else its start."""
    text = booking.extra.get(HELD_START)
    when = parse_iso_instant(text) if isinstance(text, str) else None
    return when or booking.start


# -- catalog ------------------------------------------------------------------------------
def service_name(link: str | None, event_type_id: str) -> str:
    """A readable name from the Calendly link's last path part (`…/telehealth-consultation` →
    "Telehealth Consultation") [ours: the answer has no event type name]."""
    path = urlsplit(link).path if link else ""
    slug = path.rstrip("/").rsplit("/", 1)[-1] if path.strip("/") else ""
    words = [w for w in slug.replace("_", "-").split("-") if w]
    if len(path.strip("/").split("/")) < 2 or not words:
        return f"Event type {event_type_id[:8]}"
    return " ".join(w[:1].upper() + w[1:] for w in words)


def catalog_from_links(links: Sequence[CvLink], options: CvOptions) -> Catalog:
    """Services = event types, resources = providers (id and name: `providerName`), no windows
    (CareValidate documents no open-slot read), the zone and lengths from the options."""
    services: dict[str, Service] = {}
    providers: dict[str, list[str]] = {}
    resources: dict[str, Resource] = {}
    for link in links:
        names = providers.setdefault(link.eventTypeId, [])
        if link.providerName not in names:
            names.append(link.providerName)
        if link.eventTypeId not in services:
            minutes, configured = options.duration(link.eventTypeId)
            services[link.eventTypeId] = Service(
                link.eventTypeId,
                service_name(link.calendlyLink, link.eventTypeId),
                minutes,
                None,
                True,
                {"calendlyLink": link.calendlyLink, "durationAssumed": not configured},
            )
        if link.providerName not in resources:
            base = (link.calendlyLink or "").rsplit("/", 1)[0] or None
            resources[link.providerName] = Resource(
                link.providerName, link.providerName, "provider", None, {"calendlyLink": base}
            )
    listed = [
        Service(s.id, s.name, s.duration_minutes, s.color, s.active, {**s.extra, "providers": p})
        for s, p in ((services[k], providers[k]) for k in services)
    ]
    return Catalog(
        policy=Policy(
            timezone=options.timezone, allow_cancellation=True, extra={"api": "carevalidate"}
        ),
        services=listed,
        resources=list(resources.values()),
        windows=[],
    )


@dataclass(frozen=True, slots=True)
class Lengths:
    """What the last catalog said, for reading items: each provider's event types and lengths."""

    by_provider: Mapping[str, Sequence[tuple[str, int]]]
    default_minutes: int = 30

    @classmethod
    def of(cls, catalog: Catalog, default_minutes: int) -> Lengths:
        found: dict[str, list[tuple[str, int]]] = {}
        for service in catalog.services:
            for name in service.extra.get("providers") or []:
                found.setdefault(str(name), []).append((service.id, service.duration_minutes))
        return cls(found, default_minutes)

    def service_of(self, provider: str, minutes: int) -> str:
        """The provider's event type this item is [ours: the item names none]: its only one,
        else the only one of that length, else unknown ("")."""
        kinds = self.by_provider.get(provider, ())
        if len(kinds) == 1:
            return kinds[0][0]
        same = [k for k, m in kinds if m == minutes]
        return same[0] if len(same) == 1 else ""


# -- listed appointments ------------------------------------------------------------------
def item_times(item: CvItem, default_minutes: int) -> tuple[datetime, datetime]:
    start = instant(item.start, f"appointment {item.id} start")
    end = instant(item.end, f"appointment {item.id} end") if item.end else None
    if end is None or end <= start:
        end = start + timedelta(minutes=default_minutes)
    return start, end


def local_booking_id(connection_id: str, remote_id: str) -> str:
    """A stable local id for a booking first seen remotely (same id on every pull)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"carevalidate:{connection_id}:{remote_id}"))


def item_extra(item: CvItem, start: datetime) -> dict[str, Any]:
    """What the desk keeps of a listed item: the start CareValidate holds, the raw status when
    it is not the documented "CONFIRMED", the agent's name and the case id."""
    extra: dict[str, Any] = {HELD_START: iso_utc(start)}
    if item.status and item.status != "CONFIRMED":
        extra["cvStatus"] = item.status  # the only documented value is "CONFIRMED"
    if item.agentName:
        extra["cvAgentName"] = item.agentName
    case = (item.case or {}).get("id")
    if isinstance(case, str):
        extra["cvCaseId"] = case
    return extra


def booking_from_item(item: CvItem, connection_id: str, lengths: Lengths) -> Booking:
    """An appointment the desk has not seen: no patient fields are listed, so the name is the
    item's `title` [ours] and the email is unknown."""
    start, end = item_times(item, lengths.default_minutes)
    provider = item.agentName or ""
    minutes = int((end - start).total_seconds() // 60)
    extra = item_extra(item, start)
    if item.title:
        extra["cvTitle"] = item.title
    return Booking(
        id=local_booking_id(connection_id, item.id),
        connection_id=connection_id,
        remote_id=item.id,
        service_id=lengths.service_of(provider, minutes),
        resource_id=provider if provider in lengths.by_provider else "",
        start=start,
        end=end,
        patient_name=item.title or "CareValidate appointment",
        patient_phone="",
        patient_email=None,
        visit_status=VisitStatus.BOOKED,
        sync_state=SyncState.CONFIRMED,
        extra=extra,
    )


def listed_desk_booking(desk: Booking, item: CvItem, default_minutes: int) -> Booking:
    """A desk booking as a list shows it: the desk's fields, the list's id and times, active
    (listed means active [doc]), confirmed. ``external_ref`` is the desk's id, so a booking
    that had no remote id yet is found by it (`storage.remote_merge`)."""
    start, end = item_times(item, default_minutes)
    return desk.with_changes(
        remote_id=item.id,
        external_ref=desk.id,
        start=start,
        end=end,
        visit_status=VisitStatus.BOOKED,
        sync_state=SyncState.CONFIRMED,
        problem_code=None,
        problem_message=None,
        extra={**desk.extra, **item_extra(item, start)},
    )

"""The openings finder: the next free times the remote systems' rules allow, across
connections and their resources.

For each asked connection, candidate starts lie on a 5-minute grid inside the cached open
windows, from the asked instant on; each is judged by the connection's own offline rules
(``Connector.predict_create``) against the cached bookings of its day, exactly as a booking at
that time would be. Times clear of the resource's other appointments are preferred; a time
that overlaps one is offered only when the rules allow it and nothing clear is left in that
window. A time the clinic keeps free (a blockout, ``domain.blockouts``; a clinic column's keeps
each resource shown in the column free) is never offered: the desk's own rule on top of the
booking system's. The search is bounded (days ahead, checks per
window, checks in all) so the booking dialog can show its first openings at once, and it reads
each day's bookings once.

An ``OpeningFilter`` narrows it to some weekdays and parts of the day on the clinic's clock
(the "Find an opening" window); a time offered by two windows is offered once. ``narrowed``
narrows the search to one of the clinic's columns: every booking system's resource behind it.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from frontdesk.app.booking import BookingService
from frontdesk.app.desk_rules import column_of
from frontdesk.domain.blockouts import Blockout, blocking
from frontdesk.domain.booking import Booking
from frontdesk.domain.catalog import Catalog, Window
from frontdesk.domain.timeutil import local_day_bounds, local_to_utc, to_local, utc_now

GRID_MINUTES = 5
PROBE_PHONE = "+440000000000"
# a stand-in for the patient's email: a booking system that needs one (meetergo) would refuse
# every probe without it, and the finder would offer none of its times
PROBE_EMAIL = "opening.check@example.org"


@dataclass(frozen=True, slots=True)
class OpeningQuery:
    """Where to look: a connection, the service wanted there, and optionally some resources."""

    connection_id: str
    service_id: str
    resource_ids: tuple[str, ...] | None = None
    patient_phone: str = PROBE_PHONE  # so the duplicate rule judges the real patient
    booking_id: str | None = None  # a booking being moved: it does not count against itself


@dataclass(frozen=True, slots=True)
class Opening:
    connection_id: str
    service_id: str
    resource_id: str
    start: datetime  # UTC
    end: datetime
    window_id: str
    session: str | None
    remaining: int | None  # places left in the window for this service, when it has a limit
    overlaps: bool  # the resource already has an appointment at this time


PARTS_OF_DAY = {"morning": (0, 12), "afternoon": (12, 17), "evening": (17, 24)}


@dataclass(frozen=True, slots=True)
class OpeningFilter:
    """Which openings are wanted, on the clinic's clock: some weekdays (0 = Monday) and some
    parts of the day (``PARTS_OF_DAY``: before noon, noon to five, from five); None = any."""

    zone: str
    weekdays: frozenset[int] | None = None
    parts: frozenset[str] | None = None

    def admits(self, start: datetime) -> bool:
        local = to_local(start, self.zone)
        if self.weekdays is not None and local.weekday() not in self.weekdays:
            return False
        if self.parts is None:
            return True
        return any(
            PARTS_OF_DAY[part][0] <= local.hour < PARTS_OF_DAY[part][1] for part in self.parts
        )


@dataclass(frozen=True, slots=True)
class Limits:
    count: int = 8
    days: int = 21
    per_window: int = 1  # openings offered per window, so the list spreads over the days
    refusals_per_window: int = 8  # then the window is taken as full
    checks: int = 400  # rule runs in all, per connection


def find_openings(
    service: BookingService,
    queries: Sequence[OpeningQuery],
    after: datetime,
    limits: Limits = Limits(),
    now: datetime | None = None,
    wanted: OpeningFilter | None = None,
) -> list[Opening]:
    """The first ``limits.count`` openings from ``after`` on, earliest first, each place and
    time once."""
    current = now or utc_now()
    found: list[Opening] = []
    for query in queries:
        found.extend(_search(service, query, max(after, current), limits, current, wanted))
    found.sort(key=lambda o: (o.start, o.overlaps, o.connection_id, o.resource_id))
    once: dict[tuple[str, str, datetime], Opening] = {}
    for opening in found:
        once.setdefault((opening.connection_id, opening.resource_id, opening.start), opening)
    return list(once.values())[: limits.count]


def opening_queries(
    service: BookingService, connection_id: str, service_id: str, others: Sequence[str]
) -> tuple[list[OpeningQuery], dict[tuple[str, str], str]]:
    """Where to look for ``service_id`` of ``connection_id``: there, and in each of ``others``
    that offers an active service of the same name; with every resource's name."""
    catalog = service.catalog_for(connection_id)
    wanted = catalog.service(service_id)
    queries = [OpeningQuery(connection_id, service_id)]
    names = {(connection_id, r.id): r.name for r in catalog.resources}
    for other in others:
        if other == connection_id or wanted is None:
            continue
        other_catalog = service.catalog_for(other)
        match = next(
            (
                s
                for s in other_catalog.services
                if s.active and s.name.casefold() == wanted.name.casefold()
            ),
            None,
        )
        if match is not None:
            queries.append(OpeningQuery(other, match.id))
            names.update(((other, r.id), r.name) for r in other_catalog.resources)
    return queries, names


def narrowed(
    queries: Sequence[OpeningQuery], keys: Iterable[tuple[str, str]]
) -> list[OpeningQuery]:
    """``queries`` narrowed to the resources ``keys`` ((connection, resource): a clinic
    column's, on one booking system or several): a query per connection that has one."""
    wanted: dict[str, list[str]] = {}
    for connection_id, resource_id in keys:
        wanted.setdefault(connection_id, []).append(resource_id)
    return [
        OpeningQuery(
            q.connection_id,
            q.service_id,
            tuple(wanted[q.connection_id]),
            q.patient_phone,
            q.booking_id,
        )
        for q in queries
        if q.connection_id in wanted
    ]


def _search(
    service: BookingService,
    query: OpeningQuery,
    after: datetime,
    limits: Limits,
    now: datetime,
    wanted: OpeningFilter | None = None,
) -> list[Opening]:
    connector = service.connectors.get(query.connection_id)
    if connector is None:
        return []
    zone_name = service.repo.catalogs.policy(query.connection_id).timezone or "UTC"
    first_day = to_local(after, zone_name).date()
    catalog = service.repo.catalogs.catalog(
        query.connection_id, first_day, first_day + timedelta(days=limits.days)
    )
    svc = catalog.service(query.service_id)
    if svc is None or not svc.active:
        return []
    duration = timedelta(minutes=svc.duration_minutes)
    probe_id = query.booking_id or f"opening-{uuid.uuid4()}"
    moving = service.repo.booking(query.booking_id) if query.booking_id else None
    windows = sorted(
        (
            w
            for w in catalog.windows
            if w.open
            and w.day >= first_day
            and (query.resource_ids is None or w.resource_id in query.resource_ids)
        ),
        key=lambda w: (w.day, w.start, w.resource_id),
    )
    day_cache: dict[date, list[Booking]] = {}
    kept_free = _blockouts(service, query, first_day, limits.days, zone_name)
    columns = column_of(service.repo, kept_free)  # a clinic column's keeps its members free
    found: list[Opening] = []
    checks = 0
    for window in windows:
        if len(found) >= limits.count or checks >= limits.checks:
            break
        if window.day not in day_cache:
            day_cache[window.day] = _bookings_around(
                service, query.connection_id, window.day, zone_name
            )
        others = day_cache[window.day]
        busy = [
            (b.start, b.end)
            for b in others
            if b.active and b.resource_id == window.resource_id and b.id != probe_id
        ]
        taken = 0
        fallback: Opening | None = None
        refusals = 0
        seen = {o.start for o in found if o.resource_id == window.resource_id}
        for start in _grid(window, duration, zone_name, after):
            if taken >= limits.per_window or refusals >= limits.refusals_per_window:
                break
            if start in seen or (wanted is not None and not wanted.admits(start)):
                continue  # offered already (windows that overlap), or not what is wanted
            if checks >= limits.checks:
                break
            if kept_free and blocking(
                kept_free, query.connection_id, window.resource_id, start, start + duration, columns
            ):
                continue  # the clinic keeps this time free (a blockout): the desk's own rule
            overlaps = any(s < start + duration and start < e for s, e in busy)
            if overlaps and fallback is not None:
                continue  # one overlapping fallback per window is enough
            draft = _draft(query, probe_id, moving, window, start, duration)
            checks += 1
            verdict = connector.predict_create(draft, catalog, others, now)
            if not verdict.accepted:
                refusals += 1
                continue
            opening = Opening(
                query.connection_id,
                query.service_id,
                window.resource_id,
                start,
                start + duration,
                window.window_id,
                window.session,
                _remaining(connector, window, catalog, others, query.service_id, probe_id),
                overlaps,
            )
            if overlaps:
                fallback = opening
                continue
            found.append(opening)
            taken += 1
        if taken == 0 and fallback is not None:
            found.append(fallback)
    return found


def _blockouts(
    service: BookingService, query: OpeningQuery, first_day: date, days: int, zone_name: str
) -> list[Blockout]:
    """The blockouts that may keep some of the searched days free, read once."""
    start, _ = local_day_bounds(first_day, zone_name)
    end, _ = local_day_bounds(first_day + timedelta(days=days + 1), zone_name)
    return [
        b
        for b in service.repo.blockouts.between(start, end)
        if b.whole_clinic or b.connection_id == query.connection_id or b.clinic_column
    ]


def _grid(window: Window, duration: timedelta, zone_name: str, after: datetime) -> list[datetime]:
    """Starts on the 5-minute grid inside ``window`` after ``after``; ending inside it first."""
    opens = window.start.hour * 60 + window.start.minute
    closes = window.end.hour * 60 + window.end.minute
    minutes = int(duration.total_seconds() // 60)
    last = closes - minutes if closes - opens >= minutes else closes - GRID_MINUTES
    starts: list[datetime] = []
    for minute in range(opens, last + 1, GRID_MINUTES):
        resolution = local_to_utc(window.day, time(minute // 60, minute % 60), zone_name)
        if resolution.instant > after:
            starts.append(resolution.instant)
    return starts


def _draft(
    query: OpeningQuery,
    probe_id: str,
    moving: Booking | None,
    window: Window,
    start: datetime,
    duration: timedelta,
) -> Booking:
    if moving is not None:
        return moving.with_changes(
            start=start,
            end=start + duration,
            resource_id=window.resource_id,
            session=None,
            batch=None,
        )
    return Booking(
        id=probe_id,
        connection_id=query.connection_id,
        service_id=query.service_id,
        resource_id=window.resource_id,
        start=start,
        end=start + duration,
        patient_name="Opening check",
        patient_phone=query.patient_phone,
        patient_email=PROBE_EMAIL,
        external_ref=probe_id,
    )


def _bookings_around(service: BookingService, cid: str, day: date, zone_name: str) -> list[Booking]:
    start, end = local_day_bounds(day, zone_name)
    return service.repo.bookings_between(start - timedelta(hours=1), end + timedelta(hours=1), cid)


def _remaining(
    connector: object,
    window: Window,
    catalog: Catalog,
    others: list[Booking],
    service_id: str,
    probe_id: str,
) -> int | None:
    """Places left in ``window`` for ``service_id``. A connector whose cached capacity is
    already net of the remote's bookings (HuskyVoice's ``available_slots``) counts them its
    own way (``places_left``); else the window's capacity less the same service's bookings."""
    places_left = getattr(connector, "places_left", None)
    if callable(places_left):
        left: int | None = places_left(window, catalog, others, probe_id)
        return left
    if window.capacity is None:
        return None
    zone_name = catalog.policy.timezone
    taken = 0
    for b in others:
        if not b.active or b.service_id != service_id or b.resource_id != window.resource_id:
            continue
        if b.id == probe_id:
            continue
        local = to_local(b.start, zone_name)
        if local.date() == window.day and window.holds(local.time().replace(tzinfo=None)):
            taken += 1
    return max(0, window.capacity - taken)

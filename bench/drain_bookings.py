"""The bench's bookings for ``sync_drain.py``: N bookings of new patients pencilled at the
desk, through its own rules, into the open hours an API's sandbox clinic serves, every one of
which the sandbox will confirm.

One plain type per column (the shortest; not meetergo's provisional or round-robin types,
which wait for a person or book another column), one booking after another. CareValidate
caches no hours (its rules judge any day): its providers' weekly hours come from the sandbox's
clinic. Vastal's default types cap a day and a week or wait for confirming, so its sandbox
gets a plain bench type first (``prepare``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.context import AppContext
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.catalog import Service, Window
from frontdesk.domain.timeutil import local_to_utc, utc_now
from frontdesk.sandbox.carevalidate.state import CareValidateState
from frontdesk.sandbox.vastal.clinic import AppointmentType
from frontdesk.sandbox.vastal.state import VastalState

FILL_DAYS = 120  # days of open hours the bookings may go into


def plain(service: Service) -> bool:
    """A type whose create is confirmed at once on the column booked (not one of meetergo's
    provisional types, nor its round-robin queue, which books on the hosts' columns)."""
    extra = service.extra
    return (
        service.active
        and extra.get("provisional", "no") == "no"
        and extra.get("type") != "round-robin"
    )


def fill(ctx: AppContext, cid: str, count: int) -> int:
    """Pencil ``count`` bookings of new patients into the cached open hours, one after another
    on each resource (one service each: the shortest plain one it offers); how many."""
    now = utc_now()
    catalog = ctx.repo.catalogs.catalog(cid, now.date(), (now + timedelta(days=FILL_DAYS)).date())
    zone = catalog.policy.timezone
    services = sorted(filter(plain, catalog.services), key=lambda s: s.duration_minutes)
    windows = sorted(
        (w for w in catalog.windows if w.open and w.day > now.date()),
        key=lambda w: (w.day, w.start, w.resource_id),
    )
    if not windows:  # CareValidate caches no hours (its rules judge any day): the sandbox's
        windows = _clinic_hours(now.date())
    offered: dict[str, set[str]] = {}
    for window in windows:
        ids = {s.id for s in services} if window.service_id is None else {window.service_id}
        offered.setdefault(window.resource_id, set()).update(ids)
    chosen = {
        resource: service
        for resource, ids in offered.items()
        if (service := next((s for s in services if s.id in ids), None)) is not None
    }
    free_from: dict[str, datetime] = {}
    made = 0
    for window in windows:
        service = chosen.get(window.resource_id)
        if service is None or window.service_id not in (None, service.id):
            continue
        made += _fill_window(ctx, cid, window, service, zone, free_from, made, count - made)
        if made >= count:
            break
    return made


def _clinic_hours(today: date) -> list[Window]:
    """CareValidate's providers' weekly hours, as the sandbox keeps them, for each day."""
    clinic = CareValidateState().clinic  # the sandbox's default clinic, as served
    windows: list[Window] = []
    for offset in range(2, min(FILL_DAYS, clinic.horizon_days)):
        day = today + timedelta(days=offset)
        for provider in clinic.providers:
            events = [e for e in clinic.event_types if e.provider_id == provider.id and e.active]
            event = min(events, key=lambda e: e.duration_minutes)
            for hours in provider.hours:
                if day.isoweekday() in hours.weekdays:
                    windows.append(
                        Window(
                            f"bench-{day}-{provider.slug}",
                            provider.name,
                            day,
                            hours.start,
                            hours.end,
                            service_id=event.id,
                        )
                    )
    return windows


def _fill_window(
    ctx: AppContext,
    cid: str,
    window: Window,
    service: Service,
    zone: str,
    free_from: dict[str, datetime],
    n: int,
    left: int,
) -> int:
    step = timedelta(minutes=service.duration_minutes)
    start = local_to_utc(window.day, window.start, zone).instant
    end = local_to_utc(window.day, window.end, zone).instant
    start = max(start, free_from.get(window.resource_id, start))
    made = 0
    while start + step <= end and made < left:
        k = n + made
        request = BookingRequest(
            connection_id=cid,
            service_id=service.id,
            resource_id=window.resource_id,
            start=start,
            patient_name=f"Bench Patient {k}",
            patient_phone=f"+1212555{k:04d}",
            patient_email=f"bench{k}@example.com",
        )
        try:
            ctx.booking.book(request)
            made += 1
            free_from[window.resource_id] = start + step
        except BookingRefused:
            pass  # the desk's rules refuse it: the next time
        start += step
    return made


def _vastal_bench_type(state: object) -> None:
    """Vastal's default types cap a day and a week, or wait for confirming: the bench books a
    plain type (15 minutes, no caps, months ahead) into the org's weekday hours."""
    assert isinstance(state, VastalState)
    kind = AppointmentType(
        "type_bench", "Bench Check", 15, min_notice_hours=0, max_days_ahead=FILL_DAYS
    )
    state.clinic.types[kind.id] = kind


def prepare(api: str, state: object) -> None:
    """Ready the sandbox ``state`` of ``api`` for the bench's bookings (before the pull)."""
    if api == "vastal":
        _vastal_bench_type(state)

"""The patient's side of the desk's day put together: the confirmation list's service and the
arrivals' (``app.confirmations``, ``app.arrivals``) built for a context, and the demo clinic's
sample of them (a few of tomorrow's patients called, one of today's waiting)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from frontdesk.app.arrivals import Arrivals
from frontdesk.app.confirmations import Confirmations
from frontdesk.app.settings import ClinicSettings
from frontdesk.domain.booking import VisitStatus
from frontdesk.domain.confirmations import PatientConfirmation
from frontdesk.domain.timeutil import local_day_bounds, to_local, utc_now

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.app")


def services(context: AppContext) -> tuple[Confirmations, Arrivals]:
    def clinic() -> ClinicSettings:
        return context.settings

    confirmations = Confirmations(context.repo, clinic, context.staff.actor)
    arrivals = Arrivals(context.repo, lambda: context.booking, clinic, context.staff.actor)
    return confirmations, arrivals


SAMPLE = (
    PatientConfirmation.CONFIRMED,
    PatientConfirmation.LEFT_MESSAGE,
    PatientConfirmation.CONFIRMED,
    PatientConfirmation.NO_ANSWER,
)


def demo_sample(context: AppContext, now: datetime | None = None) -> bool:
    """In a demo clinic: mark a few of tomorrow's patients (or of the next busy day)
    confirmed, left a message, no answer (the rest stay to call), and one of today's later
    patients arrived 12 minutes ago. True once the sample is there (made now or before);
    False while no booking is cached yet."""
    now = now or utc_now()
    zone = context.settings.zone
    first = context.confirmations.tomorrow(now)
    days = [context.confirmations.call_list(first + timedelta(days=n)).rows for n in range(7)]
    if not any(days):
        return False
    # tomorrow, unless it has too few appointments to show (a Sunday): the next busy day
    rows = next((d for d in days if len(d) >= len(SAMPLE) + 2), next(d for d in days if d))
    if any(r.status.attempts for r in rows):
        return True
    for row, state in zip(rows[::2], SAMPLE, strict=False):
        context.confirmations.mark(row.booking_id, state, now)
    start, end = local_day_bounds(to_local(now, zone).date(), zone)
    later = [
        b
        for b in context.repo.glimpses_between(max(start, now), end)
        if b.visit_status is VisitStatus.BOOKED
    ]
    for glimpse in later:
        if context.booking.check_status(glimpse.id, VisitStatus.ARRIVED, now):
            continue
        context.arrivals.set_status(glimpse.id, VisitStatus.ARRIVED, now)
        context.arrivals.arrived(glimpse.id, now - timedelta(minutes=12))
        break
    log.info("demo: sample confirmations and an arrival made")
    return True

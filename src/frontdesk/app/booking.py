"""Booking at the desk: validate against the cache, then write booking + outbox together.

``validate`` runs the connection's own offline rules over the cached catalog and bookings and
adds *risks* the rules cannot see (a stale cache). ``book`` refuses what validation refuses, so
nothing the server will certainly refuse ever enters the queue.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import phonenumbers

from frontdesk.domain.booking import Booking, BookingRequest, SyncState
from frontdesk.domain.catalog import Catalog, Service
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.timeutil import to_local, utc_now
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.providers.base import Connector
from frontdesk.storage.repo import Repository

STALE_AFTER = timedelta(hours=1)
# Refusals about opening hours, which need the day's windows in the cache to be judged.
WINDOW_CODES = {"OUTSIDE_AVAILABILITY", "SLOT_INACTIVE"}


class BookingRefused(Exception):
    def __init__(self, verdicts: list[Verdict]) -> None:
        super().__init__("; ".join(v.message or "" for v in verdicts))
        self.verdicts = verdicts


def _form_problems(request: BookingRequest, catalog: Catalog) -> list[Verdict]:
    problems: list[Verdict] = []

    def need(field: str, message: str) -> None:
        problems.append(Verdict(400, "VALIDATION_ERROR", message, field))

    if not request.service_id:
        need("service_id", "Choose a service.")
    if not request.resource_id and len(catalog.resources) > 1:
        need("resource_id", "Choose where the patient is seen.")
    if request.start is None:
        need("start", "Choose a date and time.")
    if not request.patient_name:
        need("patient_name", "Type the patient's name.")
    if not request.patient_phone:
        need("patient_phone", "Type the patient's phone number.")
    return problems


def _phone_risk(phone: str) -> Verdict | None:
    try:
        parsed = phonenumbers.parse(phone, None)
        valid = phonenumbers.is_possible_number(parsed)
    except phonenumbers.NumberParseException:
        valid = False
    if valid:
        return None
    return Verdict(
        201,
        "PHONE_FORMAT",
        "This does not look like an international number (+44 …); "
        "the booking system accepts it, but reminders may not reach the patient.",
        "patient_phone",
        Severity.RISK,
    )


class BookingService:
    """Desk use-cases over one cache and its connections."""

    def __init__(self, repo: Repository, connectors: dict[str, Connector], desk: str) -> None:
        self.repo = repo
        self.connectors = connectors
        self.desk = desk

    def catalog_for(self, connection_id: str, start: datetime | None = None) -> Catalog:
        day = (start or utc_now()).date()
        return self.repo.catalog(connection_id, day - timedelta(days=1), day + timedelta(days=60))

    def service(self, connection_id: str, service_id: str) -> Service | None:
        return self.catalog_for(connection_id).service(service_id)

    def draft(self, request: BookingRequest, booking_id: str | None = None) -> Booking:
        catalog = self.catalog_for(request.connection_id, request.start)
        service = catalog.service(request.service_id)
        minutes = service.duration_minutes if service else 30
        resource = request.resource_id or (catalog.resources[0].id if catalog.resources else "")
        start = request.start or utc_now()
        new_id = booking_id or str(uuid.uuid4())
        return Booking(
            id=new_id,
            connection_id=request.connection_id,
            service_id=request.service_id,
            resource_id=resource,
            start=start,
            end=start + timedelta(minutes=minutes),
            session=request.session,
            patient_name=request.patient_name,
            patient_phone=request.patient_phone,
            patient_email=request.patient_email,
            notes=request.notes,
            external_ref=new_id,
            sync_state=SyncState.PENCILLED,
        )

    def validate(self, request: BookingRequest, now: datetime | None = None) -> list[Verdict]:
        """Errors (the server will refuse) and risks, empty when all is well."""
        connector = self.connectors.get(request.connection_id)
        if connector is None:
            return [Verdict(400, "NO_CONNECTION", "Choose a connection.", "connection_id")]
        catalog = self.catalog_for(request.connection_id, request.start)
        problems = _form_problems(request, catalog)
        if problems:
            return problems
        booking = self.draft(request)
        assert request.start is not None
        day_start = request.start - timedelta(days=2)
        others = self.repo.bookings_between(
            day_start, request.start + timedelta(days=2), request.connection_id
        )
        verdict = connector.predict_create(booking, catalog, others, now or utc_now())
        local_day = to_local(request.start, catalog.policy.timezone).date()
        known_day = any(w.day == local_day for w in catalog.windows)
        if not verdict.accepted and (known_day or verdict.code not in WINDOW_CODES):
            return [verdict]
        risks = [r for r in (_phone_risk(request.patient_phone),) if r]
        if not known_day:  # beyond the cached horizon: the rules cannot judge the hours
            risks.append(
                Verdict(
                    201,
                    "NO_CACHED_WINDOWS",
                    "The desk has no cached opening hours for "
                    "this day; the booking system will check them at sync.",
                    "start",
                    Severity.RISK,
                )
            )
        fresh = self._last_fresh(request.connection_id)
        if fresh is None or (now or utc_now()) - fresh > STALE_AFTER:
            risks.append(
                Verdict(
                    201,
                    "STALE_CACHE",
                    "This connection's calendar has not been "
                    "refreshed for over an hour; another channel may have taken "
                    "the slot.",
                    None,
                    Severity.RISK,
                )
            )
        return risks

    def _last_fresh(self, connection_id: str) -> datetime | None:
        rec = next((c for c in self.repo.connections() if c.id == connection_id), None)
        return None if rec is None else rec.last_fresh_at

    def book(self, request: BookingRequest, now: datetime | None = None) -> Booking:
        """Save a pencilled booking and its create operation; refuses what would be refused."""
        errors = [v for v in self.validate(request, now) if v.severity is Severity.ERROR]
        if errors:
            raise BookingRefused(errors)
        booking = self.draft(request)
        self.repo.book(booking, OperationKind.CREATE, {}, str(uuid.uuid4()), self.desk)
        return booking

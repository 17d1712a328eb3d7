"""The Vastal connector: pulls the catalog and bookings, sends creates and changes, and
classifies every answer into one sync outcome (see ``providers.base``).

Vastal has no idempotency key: after a create whose answer was lost, ``find_existing`` looks
the booking up (same type, start and client) before the engine sends it again.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from typing import Any

from frontdesk.domain.booking import Booking, VisitStatus
from frontdesk.domain.catalog import Catalog
from frontdesk.domain.timeutil import utc_now
from frontdesk.domain.verdict import Verdict
from frontdesk.providers.answers import parse
from frontdesk.providers.base import (
    Accepted,
    Ambiguous,
    Outcome,
    PatientInBooking,
    Refused,
    RetryLater,
    retry_after_seconds,
)
from frontdesk.providers.connector_base import HttpConnector, desk_fields, wire_days
from frontdesk.providers.http import Answer, BadAnswer, TransportError
from frontdesk.providers.vastal import mapping
from frontdesk.providers.vastal.wire import VsAvailability, VsError, VsList, VsOne, VsTypes
from frontdesk.rules import vastal as rules

log = logging.getLogger("frontdesk.providers")

PAGE = 500
PULL_DAYS_BACK = 40  # covers the calendar month of any booking from today on
DEFAULT_PLAN = 1000  # requests per hour; the other documented plan is 10,000


def plan_per_hour(value: object) -> int:
    """The ``plan`` option (requests per hour) as a number; the standard plan by default."""
    try:
        number = int(str(value).replace(",", "").replace("_", "")) if value is not None else 0
    except ValueError:
        number = 0
    if number <= 0:
        if value is not None:
            log.warning("Vastal plan option %r is not a number; using %d/h", value, DEFAULT_PLAN)
        return DEFAULT_PLAN
    return number


def wait_seconds(answer: Answer, now: datetime) -> float | None:
    """``Retry-After``, else the time until ``X-RateLimit-Reset`` (Unix seconds)."""
    wait = retry_after_seconds(answer.header("retry-after"), now)
    if wait is not None:
        return wait
    reset = answer.header("x-ratelimit-reset")
    if reset is not None and reset.strip().isdigit():
        return max(0.0, int(reset.strip()) - now.timestamp())
    return None


class VastalConnector(HttpConnector, PatientInBooking):
    # Its rules read the weekly rows from the policy, so they judge any date exactly, and its
    # caps count a day, an ISO week and a month: the desk passes bookings that far around.
    judges_any_day = True
    lookaround_days = 35
    provider = "vastal"
    idempotent_creates = False

    def __init__(
        self,
        connection_id: str,
        base_url: str,
        api_key: str,
        plan: object = None,
        timeout: float = 15.0,
    ) -> None:
        super().__init__(connection_id, base_url, {"Authorization": f"Bearer {api_key}"}, timeout)
        self.plan = plan_per_hour(plan)
        self.rate_per_minute = max(1, self.plan // 60)
        self._durations: dict[str, int] = {}
        self._org_id = ""
        # The last pulled remote bookings: the week and month caps need more than the few
        # days of bookings the desk hands ``predict_create``.
        self._remote: list[Booking] = []

    # -- reads ---------------------------------------------------------------------------
    @staticmethod
    def _describe_error(answer: Answer) -> str:
        return _describe_error(answer)

    @staticmethod
    def _wait(answer: Answer) -> float | None:
        return wait_seconds(answer, utc_now())  # Retry-After, else X-RateLimit-Reset

    def pull_catalog(self, days: list[date]) -> Catalog:
        types = parse(VsTypes, self._get("calendar/appointment-types")).appointment_types
        availability = parse(VsAvailability, self._get("calendar/availability"))
        self._durations = {t.id: t.durationMinutes for t in types}
        self._org_id = availability.org_id
        return mapping.catalog_from_wire(types, availability, days)

    def _list(self, params: dict[str, str | int]) -> list[Booking]:
        result: list[Booking] = []
        offset = 0
        while True:
            answer = self._get("calendar/appointments", {**params, "limit": PAGE, "offset": offset})
            body = parse(VsList, answer)
            result.extend(
                mapping.booking_from_wire(r, self.connection_id, self._org_id, self._durations)
                for r in body.appointments
            )
            offset += len(body.appointments)
            if not body.appointments or offset >= body.total:
                return result

    def pull_bookings(self, since: datetime | None) -> list[Booking]:
        """Every booking from 40 days back on (Vastal has no ``updated_since``)."""
        start = utc_now() - timedelta(days=PULL_DAYS_BACK)
        pulled = self._list({"from": mapping.wire_instant(start)})
        self._remote = pulled
        return pulled

    def find_existing(self, booking: Booking) -> Booking | None:
        start = mapping.wire_instant(booking.start)
        after = mapping.wire_instant(booking.start + timedelta(seconds=1))
        for remote in self._list({"from": start, "to": after}):
            if remote.visit_status is VisitStatus.CANCELLED:
                continue
            if remote.service_id != booking.service_id or remote.start != booking.start:
                continue
            if remote.patient_name != booking.patient_name:
                continue
            phone, email = booking.patient_phone, booking.patient_email
            if (phone and remote.patient_phone == phone) or (
                email and remote.patient_email == email
            ):
                return _acknowledged(booking, remote)
        return None

    # -- writes --------------------------------------------------------------------------
    def create(self, booking: Booking, idempotency_key: str) -> Outcome:
        return self._send("POST", mapping.create_body(booking), booking)

    def reschedule(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.remote_id is None:
            return RetryLater("waiting for the booking's create to be acknowledged")
        return self._send("PATCH", mapping.reschedule_body(booking), booking)

    def cancel(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.remote_id is None:
            return RetryLater("waiting for the booking's create to be acknowledged")
        return self._send("PATCH", {"id": booking.remote_id, "status": "cancelled"}, booking)

    def set_status(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.remote_id is None:
            return RetryLater("waiting for the booking's create to be acknowledged")
        wire_status = mapping.TO_WIRE_STATUS.get(booking.visit_status)
        if wire_status is None:  # ARRIVED: Vastal has no such status; kept at the desk
            return Accepted(booking.with_changes(problem_code=None, problem_message=None))
        return self._send("PATCH", {"id": booking.remote_id, "status": wire_status}, booking)

    def _send(self, method: str, body: dict[str, Any], booking: Booking) -> Outcome:
        try:
            answer = self._http.request(method, "calendar/appointments", body=body)
        except TransportError as exc:
            if exc.maybe_sent:
                return Ambiguous(f"no answer after sending ({exc.kind})")
            return RetryLater(f"cannot reach Vastal ({exc.kind})")
        try:
            return self.classify(answer, booking)
        except BadAnswer as exc:
            log.warning("bad answer from Vastal on %s calendar/appointments: %s", method, exc)
            return Ambiguous(f"unreadable answer: {exc}")

    def classify(self, answer: Answer, booking: Booking) -> Outcome:
        status = answer.status
        if 200 <= status < 300:
            record = parse(VsOne, answer).appointment
            remote = mapping.booking_from_wire(
                record, self.connection_id, self._org_id, self._durations
            )
            return Accepted(_acknowledged(booking, remote))
        if status == 429:
            return RetryLater("rate limited by Vastal", wait_seconds(answer, utc_now()))
        if status >= 500:
            wait = wait_seconds(answer, utc_now())
            return RetryLater(f"Vastal server error (HTTP {status})", wait)
        error = parse(VsError, answer)
        return Refused(
            Verdict(status=status, code=None, message=error.error),
            credentials=status in (401, 403),
        )

    # -- offline rules -------------------------------------------------------------------
    def predict_body(
        self, body: object, catalog: Catalog, bookings: list[Booking], now: datetime
    ) -> Verdict:
        return rules.predict_create(body, catalog, bookings, now)

    def days_for_body(self, body: object) -> list[date]:
        return wire_days(body, "start_time", rules.parse_start)

    def predict_create(
        self, booking: Booking, catalog: Catalog, others: list[Booking], now: datetime
    ) -> Verdict:
        body = mapping.create_body(booking)
        known = {b.id for b in others} | {b.remote_id for b in others if b.remote_id}
        pool = others + [b for b in self._remote if b.id not in known and b.remote_id not in known]
        verdict = rules.predict_create(body, catalog, pool, now, ignore_booking_id=booking.id)
        return desk_fields(verdict, mapping.WIRE_TO_FIELD)


def _acknowledged(booking: Booking, remote: Booking) -> Booking:
    """The desk's booking as the remote now holds it."""
    return booking.with_changes(
        remote_id=remote.remote_id,
        start=remote.start,
        end=remote.end,
        visit_status=remote.visit_status,
        sync_state=remote.sync_state,
        problem_code=None,
        problem_message=None,
    )


def _describe_error(answer: Answer) -> str:
    try:
        body = parse(VsError, answer)
    except BadAnswer:
        return f"HTTP {answer.status}"
    return f"HTTP {answer.status}: {body.error}"

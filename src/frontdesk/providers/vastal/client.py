"""The Vastal connector: pulls the catalog and bookings, sends creates and changes, and
classifies every answer into one sync outcome (see ``providers.base``).

Only what Vastal's pages document is sent or relied on (docs/providers.md, "Vastal"). Vastal
has no idempotency key: after a create whose answer was lost, ``find_existing`` looks the
booking up (same type, start and client) before the engine sends it again. The pages name no
time zone: the connection's ``timezone`` option (required, checked here) is the zone the
weekly rows and caps are read in.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Hashable
from datetime import date, datetime, timedelta
from typing import Any

from frontdesk.domain.booking import Booking, VisitStatus
from frontdesk.domain.catalog import Catalog
from frontdesk.domain.neighbours import Match
from frontdesk.domain.timeutil import ensure_utc, utc_now, zone
from frontdesk.domain.translation import translate
from frontdesk.domain.verdict import Verdict
from frontdesk.providers.answers import parse
from frontdesk.providers.base import (
    Accepted,
    Ambiguous,
    ApiError,
    Outcome,
    PatientInBooking,
    Refused,
    RetryLater,
    retry_after_seconds,
)
from frontdesk.providers.connector_base import HttpConnector, desk_fields, wire_days
from frontdesk.providers.http import Answer, BadAnswer, TransportError
from frontdesk.providers.vastal import mapping
from frontdesk.providers.vastal.wire import (
    VsAvailability,
    VsError,
    VsErrorObject,
    VsList,
    VsOne,
    VsTypes,
)
from frontdesk.rules import vastal as rules

log = logging.getLogger("frontdesk.providers")

PAGE_LIMIT = 100  # REST reference: list endpoints take `limit` up to 100 and `page` from 1
MAX_PAGES = 100
PULL_DAYS_BACK = 40  # covers the calendar month of any booking from today on

# The plans of the Authentication page (requests per hour); Enterprise is "custom": give its
# number ("Enterprise 50000"), else Professional's is assumed. The old option values (a
# number, "standard", "pro") still work.
PLANS: dict[str, int] = {"starter": 1000, "professional": 10000, "enterprise": 10000}
OLD_PLANS: dict[str, int] = {"standard": 1000, "pro": 10000}
DEFAULT_PLAN = PLANS["starter"]


def plan_of(text: str) -> int:
    """A plan name ("Professional"), a name with its number ("Enterprise 50000"), or a number,
    as requests per hour; ValueError naming the option when it is none of them."""
    found = re.fullmatch(r"([a-z]+)?[\s:=]*([\d,_ ]*)", text.strip().lower())
    if found is not None:
        name, number = found.group(1), re.sub(r"[,_ ]", "", found.group(2))
        known = PLANS.get(name or "") or OLD_PLANS.get(name or "")
        if number.isdigit() and int(number) > 0 and (name is None or known is not None):
            return int(number)
        if not number and known is not None:
            return known
    said = translate(
        "Connections",
        "plan: {value} is not a Vastal plan: write Starter, Professional, Enterprise and its "
        "requests per hour (Enterprise 50000), or a number",
    )
    raise ValueError(said.format(value=repr(text.strip())))


def plan_per_hour(value: object) -> int:
    """The ``plan`` option as requests per hour (:func:`plan_of`); Starter's 1,000 when unset
    or unreadable."""
    if value is None or not str(value).strip():
        return DEFAULT_PLAN
    try:
        return plan_of(str(value))
    except ValueError:
        log.warning("Vastal plan option %r is not a plan name or number; using %d/h", value,
                    DEFAULT_PLAN)  # fmt: skip
        return DEFAULT_PLAN


def connection_zone(value: object) -> str:
    """The ``timezone`` option: an IANA zone name, required (no Vastal page names a zone)."""
    text = "" if value is None else str(value).strip()
    if not text:
        raise ApiError(
            translate(
                "Connections",
                "timezone: Vastal connections need the clinic's time zone (an IANA name such as "
                "America/New_York); Vastal's answers do not give one",
            ),
            retry=False,
        )
    try:
        zone(text)
    except ValueError:
        said = translate(
            "Connections",
            "timezone: {value} is not an IANA time zone name (such as America/New_York)",
        )
        raise ApiError(said.format(value=repr(text)), retry=False) from None
    return text


def wait_seconds(answer: Answer, now: datetime) -> float | None:
    """``Retry-After`` if sent (not documented), else the time until the documented
    ``X-RateLimit-Reset`` (Unix seconds)."""
    wait = retry_after_seconds(answer.header("retry-after"), now)
    if wait is not None:
        return wait
    reset = answer.header("x-ratelimit-reset")
    if reset is not None and reset.strip().isdigit():
        return max(0.0, int(reset.strip()) - now.timestamp())
    return None


def error_verdict(answer: Answer) -> Verdict:
    """A refusal in Vastal's words: ``{"error": "<text>"}`` (calendar pages) or
    ``{"error": {code, message, details}}`` (REST reference); any other body → ``HTTP N``."""
    status = answer.status
    try:
        body = parse(VsError, answer)
    except BadAnswer:
        return Verdict(status=status, code=None, message=f"HTTP {status}")
    error = body.error
    if isinstance(error, str) and error.strip():
        return Verdict(status=status, code=None, message=error)
    if isinstance(error, VsErrorObject):
        details = error.details or {}
        field = details.get("field")
        return Verdict(
            status=status,
            code=error.code,
            message=error.message or body.message or f"HTTP {status}",
            field=mapping.WIRE_TO_FIELD.get(field, field) if isinstance(field, str) else None,
        )
    return Verdict(status=status, code=None, message=body.message or f"HTTP {status}")


class VastalConnector(HttpConnector, PatientInBooking):
    # Its rules read the weekly rows from the policy, so they judge any date exactly (its caps
    # count a day, an ISO week and a month: ``rules.context_days`` says how far around).
    judges_any_day = True
    provider = "vastal"
    idempotent_creates = False

    def __init__(
        self,
        connection_id: str,
        base_url: str,
        api_key: str,
        timezone: object,
        plan: object = None,
        timeout: float = 15.0,
    ) -> None:
        self.timezone = connection_zone(timezone)
        super().__init__(connection_id, base_url, {"Authorization": f"Bearer {api_key}"}, timeout)
        self.plan = plan_per_hour(plan)
        # the plan's hourly figure, all of which may go at once within the hour
        self.rate_per_minute: float = self.plan / 60
        self.rate_window_s = 3600.0
        self._durations: dict[str, int] = {}
        self._org_id = ""
        # The type each known appointment has at Vastal (PATCH cannot change it).
        self._types_of: dict[str, str] = {}
        # The last pulled remote bookings: the week and month caps need more than the few
        # days of bookings the desk hands ``predict_create``.
        self._remote: list[Booking] = []

    # -- reads ---------------------------------------------------------------------------
    @staticmethod
    def _describe_error(answer: Answer) -> str:
        verdict = error_verdict(answer)
        if verdict.message == f"HTTP {answer.status}":
            return verdict.message
        return f"HTTP {answer.status}: {verdict.message}"

    @staticmethod
    def _wait(answer: Answer) -> float | None:
        return wait_seconds(answer, utc_now())

    def pull_catalog(self, days: list[date]) -> Catalog:
        types = parse(VsTypes, self._get("calendar/appointment-types")).appointmentTypes
        rows = parse(VsAvailability, self._get("calendar/availability")).schedules
        self._durations = {t.id: t.durationMinutes for t in types}
        self._org_id = mapping.org_of(rows, types, self._org_id or self.connection_id)
        return mapping.catalog_from_wire(types, rows, days, self.timezone, self._org_id)

    def _list(self, params: dict[str, str | int]) -> list[Booking]:
        """Every page of ``GET /calendar/appointments``: ``limit`` 100 and ``page`` 1, 2, …
        until a short page (no ``total`` is documented), or a page with nothing new (a server
        that ignores ``page``). Deduplicated by id, sorted by start."""
        found: dict[str, Booking] = {}
        for page in range(1, MAX_PAGES + 1):
            answer = self._get("calendar/appointments", {**params, "limit": PAGE_LIMIT,
                                                          "page": page})  # fmt: skip
            records = parse(VsList, answer).appointments
            fresh = [r for r in records if r.id not in found]
            for record in fresh:
                found[record.id] = mapping.booking_from_wire(
                    record, self.connection_id, self._org_id, self._durations
                )
                self._types_of[record.id] = record.appointment_type_id
            if len(records) < PAGE_LIMIT:
                break
            if not fresh:
                log.warning("Vastal repeated page %d of the appointments; stopped there", page)
                break
        else:
            log.warning("Vastal listed more than %d pages of appointments", MAX_PAGES)
        return sorted(found.values(), key=lambda b: (b.start, b.remote_id or ""))

    def pull_bookings(self, since: datetime | None) -> list[Booking]:
        """Every booking from 40 days back on (Vastal has no ``updated_since``); ``from`` is
        a date, as in the list page's example."""
        start = (utc_now() - timedelta(days=PULL_DAYS_BACK)).date()
        pulled = self._list({"from": start.isoformat()})
        self._remote = pulled
        return pulled

    def find_existing(self, booking: Booking) -> Booking | None:
        """The booking at Vastal after a lost create. ``from``/``to`` are "date filters" whose
        bounds the page does not define: dates a day either side, matched here exactly."""
        first = (ensure_utc(booking.start) - timedelta(days=1)).date()
        last = (ensure_utc(booking.start) + timedelta(days=2)).date()
        for remote in self._list({"from": first.isoformat(), "to": last.isoformat()}):
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
        held = self._types_of.get(booking.remote_id)
        if held is not None and held != booking.service_id:
            message = rules.MSG_TYPE_CHANGE
            return Refused(Verdict(400, rules.CODE_TYPE_CHANGE, message, "service_id"))
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
        """A write's answer. 2xx: ``{"appointment": ...}``, perhaps partial (only ``id`` is
        needed; a change must name the appointment sent). 429 and 5xx: later. Any other
        status is a refusal, whatever its body; 401 and 403 (a revoked key, a key without
        the ``write`` scope) pause the connection for its credentials."""
        status = answer.status
        if 200 <= status < 300:
            record = parse(VsOne, answer).appointment
            if booking.remote_id is not None and record.id != booking.remote_id:
                raise BadAnswer(f"answer names appointment {record.id}, not {booking.remote_id}")
            brief = record.appointment_type
            held = record.appointment_type_id or (brief.id if brief else None)
            self._types_of[record.id] = held or booking.service_id
            return Accepted(mapping.acknowledged(booking, record, self._durations))
        if status == 429:
            return RetryLater("rate limited by Vastal", wait_seconds(answer, utc_now()))
        if status >= 500:
            wait = wait_seconds(answer, utc_now())
            return RetryLater(f"Vastal server error (HTTP {status})", wait)
        return Refused(error_verdict(answer), credentials=status in (401, 403))

    # -- offline rules -------------------------------------------------------------------
    def predict_body(
        self, body: object, catalog: Catalog, bookings: list[Booking], now: datetime
    ) -> Verdict:
        return rules.predict_create(body, catalog, bookings, now)

    def days_for_body(self, body: object) -> list[date]:
        return wire_days(body, "start_time", rules.parse_start)

    def context_days(self, day: date) -> tuple[date, date]:
        return rules.context_days(day)

    def neighbour_keys(self, booking: Booking, catalog: Catalog) -> frozenset[Hashable] | None:
        return rules.neighbour_keys(booking, catalog)

    def neighbour_reads(self, booking: Booking, catalog: Catalog) -> tuple[Match, ...] | None:
        return None  # every booking of the days is weighed

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

"""The CareValidate connector: pulls event types, open slots and appointments, books, cancels,
reschedules (book the new slot, then cancel the old), and classifies every answer into one sync
outcome (see ``providers.base``).

CareValidate has no idempotency key: after a lost answer ``find_existing`` looks the booking up
by the patient's email around its start before anything is sent again.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Window
from frontdesk.domain.timeutil import iso_utc, to_local, utc_now
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
from frontdesk.providers.carevalidate import mapping
from frontdesk.providers.carevalidate.wire import (
    CvAppointment,
    CvEventEntry,
    CvFail,
    CvList,
    CvOne,
    CvProviders,
    CvTimesBody,
)
from frontdesk.providers.connector_base import HttpConnector, desk_fields, wire_days
from frontdesk.providers.http import Answer, BadAnswer, TransportError
from frontdesk.rules import carevalidate as rules

log = logging.getLogger("frontdesk.providers")

PAGE = 100
MAX_SPAN = timedelta(days=31)
BOOKINGS_BACK = timedelta(days=31)
BOOKINGS_AHEAD = timedelta(days=366)
ALREADY_CANCELED = "Appointment is already canceled"
RESCHEDULE_REASON = "Rescheduled by the front desk"
CAL = "api/v1/calendar"


def _fail_text(answer: Answer) -> str:
    """The ``error`` of a 400, else the ``message``."""
    body = parse(CvFail, answer)
    return body.error or body.message or f"HTTP {answer.status}"


def _field_of(text: str) -> str | None:
    """The desk field a 400 text is about (its first word names the wire field)."""
    word = text.split(" ", 1)[0].split(".", 1)[0]
    if word in mapping.WIRE_TO_FIELD:
        return mapping.WIRE_TO_FIELD[word]
    return word if word in ("timezone", "location", "tracking") else None


class CareValidateConnector(HttpConnector, PatientInBooking):
    provider = "carevalidate"
    rate_per_minute = 500
    idempotent_creates = False

    def __init__(
        self,
        connection_id: str,
        base_url: str,
        api_key: str,
        options: Mapping[str, object] | None = None,
        timeout: float = 15.0,
    ) -> None:
        super().__init__(connection_id, base_url, {"cv-api-key": api_key}, timeout)
        opts = dict(options or {})
        self._zone_option = str(opts["timezone"]) if opts.get("timezone") else None
        self._location = str(opts.get("location") or mapping.DEFAULT_LOCATION)
        self._clinic_zone = "UTC"
        self._durations: dict[str, int] = {}

    # -- reads ---------------------------------------------------------------------------
    @staticmethod
    def _describe_error(answer: Answer) -> str:
        try:
            text = _fail_text(answer)
        except BadAnswer:
            text = ""
        return f"HTTP {answer.status} {text}".strip()

    def pull_catalog(self, days: list[date]) -> Catalog:
        entries = parse(CvProviders, self._get(f"{CAL}/providers")).data
        zone = entries[0].timezone if entries else "UTC"
        self._clinic_zone = zone
        self._durations = {e.eventTypeId: e.durationMinutes for e in entries}
        windows: list[Window] = []
        if days:
            wanted = set(days)
            first = mapping.local_midnight(min(days), zone)
            last = mapping.local_midnight(max(days) + timedelta(days=1), zone)
            for entry in entries:
                if not entry.active:
                    continue
                for start in self._open_times(entry, first, last):
                    window = mapping.slot_window(entry, start, zone)
                    if window.day in wanted:
                        windows.append(window)
        return mapping.catalog_from_wire(entries, windows, zone)

    def _open_times(self, entry: CvEventEntry, first: datetime, last: datetime) -> list[datetime]:
        """Open slot starts in ``[first, last)``, asked for in spans of at most 31 days."""
        result: list[datetime] = []
        cursor = first
        while cursor < last:
            stop = min(last, cursor + MAX_SPAN)
            params: dict[str, str | int] = {
                "eventTypeId": entry.eventTypeId,
                "start": iso_utc(cursor),
                "end": iso_utc(stop),
            }
            body = parse(CvTimesBody, self._get(f"{CAL}/available-times", params))
            for slot in body.data.availableTimes:
                result.append(mapping.instant(slot.startTime, "available time"))
            cursor = stop
        return result

    def _list(self, params: dict[str, str | int]) -> list[CvAppointment]:
        records: list[CvAppointment] = []
        page = 1
        while True:
            body = parse(CvList, self._get(f"{CAL}/appointments", {**params, "page": page}))
            records.extend(body.data)
            if page >= body.pagination.totalPages:
                return records
            page += 1

    def pull_bookings(self, since: datetime | None) -> list[Booking]:
        # No "updated since" filter exists: every pull reads the whole window.
        now = utc_now()
        params: dict[str, str | int] = {
            "startDate": iso_utc(now - BOOKINGS_BACK),
            "endDate": iso_utc(now + BOOKINGS_AHEAD),
            "limit": PAGE,
        }
        return [
            mapping.booking_from_wire(r, self.connection_id, self._durations)
            for r in self._list(params)
        ]

    def _lookup(self, booking: Booking) -> CvAppointment | None:
        """The active appointment of this patient, event type and exact start, if any."""
        if not booking.patient_email:
            return None
        params: dict[str, str | int] = {
            "email": booking.patient_email,
            "startDate": iso_utc(booking.start - timedelta(minutes=1)),
            "endDate": iso_utc(booking.start + timedelta(minutes=1)),
            "status": "active",
            "limit": PAGE,
        }
        for record in self._list(params):
            if record.eventTypeId != booking.service_id:
                continue
            if mapping.instant(record.startTime, "startTime") == booking.start:
                return record
        return None

    def find_existing(self, booking: Booking) -> Booking | None:
        found = self._lookup(booking)
        if found is None:
            return None
        return self._confirmed(booking, found)

    def _confirmed(self, booking: Booking, record: CvAppointment) -> Booking:
        extra = dict(booking.extra)
        if record.location:
            extra["location"] = record.location
        if record.timezone:
            extra["timezone"] = record.timezone
        return booking.with_changes(
            remote_id=record.appointmentId,
            resource_id=record.providerId or booking.resource_id,
            visit_status=mapping.TO_VISIT.get(record.status, booking.visit_status),
            sync_state=SyncState.CONFIRMED,
            problem_code=None,
            problem_message=None,
            extra=extra,
        )

    # -- writes --------------------------------------------------------------------------
    def _zone_for(self, fallback: str | None = None) -> str:
        return self._zone_option or fallback or self._clinic_zone

    def create(self, booking: Booking, idempotency_key: str) -> Outcome:
        body = mapping.create_body(booking, self._zone_for(), self._location)
        return self._send(f"{CAL}/appointments", body, booking)

    def reschedule(self, booking: Booking, idempotency_key: str) -> Outcome:
        """Book the new slot first, then cancel the old appointment (docs/providers.md)."""
        old_id = booking.remote_id
        if old_id is None:
            return RetryLater("waiting for the booking's create to be acknowledged")
        try:
            found = self._lookup(booking)
        except (ApiError, BadAnswer) as exc:
            return RetryLater(f"cannot check for an earlier reschedule attempt: {exc}")
        if found is not None and found.appointmentId == old_id:
            return Accepted(self._confirmed(booking, found), replayed=True)
        if found is not None:
            moved = self._confirmed(booking, found)
        else:
            outcome = self.create(booking, idempotency_key)
            if not isinstance(outcome, Accepted):
                return outcome  # refused: the patient keeps the old appointment
            moved = outcome.booking
        old = booking.with_changes(remote_id=old_id)
        done = self._cancel(old, RESCHEDULE_REASON)
        if isinstance(done, Accepted):
            return Accepted(moved)
        if isinstance(done, Refused) and not done.credentials:
            note = (
                f"Booked the new time; the old appointment was not canceled: {done.verdict.message}"
            )
            return Accepted(moved.with_changes(problem_message=note))
        if isinstance(done, Refused):
            return done
        return RetryLater(f"new time booked; canceling the old appointment: {done.reason}")

    def cancel(self, booking: Booking, idempotency_key: str) -> Outcome:
        return self._cancel(booking, None)

    def _cancel(self, booking: Booking, reason: str | None) -> Outcome:
        if booking.remote_id is None:
            return RetryLater("waiting for the booking's create to be acknowledged")
        if not booking.patient_email:
            return Refused(Verdict(400, None, "email is required", "patient_email"))
        body: dict[str, Any] = {"email": booking.patient_email, "appointmentId": booking.remote_id}
        if reason is not None:
            body["reason"] = reason
        outcome = self._send(f"{CAL}/appointments/cancel", body, booking)
        if isinstance(outcome, Refused) and outcome.verdict.message == ALREADY_CANCELED:
            return Accepted(
                booking.with_changes(
                    visit_status=VisitStatus.CANCELLED,
                    sync_state=SyncState.CONFIRMED,
                    problem_code=None,
                    problem_message=None,
                ),
                replayed=True,
            )
        return outcome

    def set_status(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.visit_status is VisitStatus.CANCELLED:
            return self.cancel(booking, idempotency_key)
        # Arrived, completed, no-show (and booked): CareValidate has no call; desk-only.
        return Accepted(booking.with_changes(sync_state=SyncState.CONFIRMED))

    def _send(self, path: str, body: dict[str, Any], booking: Booking) -> Outcome:
        try:
            answer = self._http.request("POST", path, body=body)
        except TransportError as exc:
            if exc.maybe_sent:
                return Ambiguous(f"no answer after sending ({exc.kind})")
            return RetryLater(f"cannot reach CareValidate ({exc.kind})")
        return self._classify_safe(answer, booking, f"POST {path}")

    def _classify_safe(self, answer: Answer, booking: Booking, what: str = "a write") -> Outcome:
        try:
            return self._classify(answer, booking)
        except BadAnswer as exc:
            log.warning("bad answer from CareValidate on %s: %s", what, exc)
            return Ambiguous(f"unreadable answer: {exc}")

    def _classify(self, answer: Answer, booking: Booking) -> Outcome:
        status = answer.status
        if 200 <= status < 300:
            record = parse(CvOne, answer).data
            return Accepted(self._confirmed(booking, record))
        wait = retry_after_seconds(answer.header("retry-after"), utc_now())
        if status == 429:
            return RetryLater("rate limited by CareValidate", wait)
        if status >= 500:
            return RetryLater(f"CareValidate server error (HTTP {status})", wait)
        text = _fail_text(answer)
        field = _field_of(text) if status == 400 else None
        return Refused(Verdict(status, None, text, field), credentials=status in (401, 403))

    # -- offline rules -------------------------------------------------------------------
    def predict_body(
        self, body: object, catalog: Catalog, bookings: list[Booking], now: datetime
    ) -> Verdict:
        return rules.predict_create(body, catalog, bookings, now)

    def days_for_body(self, body: object) -> list[date]:
        return wire_days(body, "startTime", rules.parse_start)

    def predict_create(
        self, booking: Booking, catalog: Catalog, others: list[Booking], now: datetime
    ) -> Verdict:
        zone = self._zone_for(catalog.policy.timezone)
        body = mapping.create_body(booking, zone, self._location)
        verdict = rules.predict_create(body, catalog, others, now, ignore_booking_id=booking.id)
        if verdict.accepted or verdict.field is None:
            return verdict
        if verdict.field == "startTime" and verdict.message == rules.NOT_A_SLOT:
            local_day = to_local(booking.start, catalog.policy.timezone).date()
            if not any(w.day == local_day for w in catalog.windows):
                # Beyond the cached days: the desk flags NO_CACHED_WINDOWS; the server decides.
                return Verdict(status=200, code=None, message=rules.ACCEPTED_MESSAGE)
        return desk_fields(verdict, mapping.WIRE_TO_FIELD)

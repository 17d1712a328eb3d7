"""The meetergo connector: pulls meeting types, spots and appointments, sends creates and
changes, and classifies every answer into one sync outcome (see ``providers.base``).

meetergo has no idempotency key: after a create whose answer was lost, ``find_existing`` lists
the appointments around the start and matches the desk's ``frontdeskRef`` note or the email. A
meeting type with ``doubleOptIn`` or ``requireHostConfirmation`` answers a create with a
provisional booking that is in no list until it is confirmed: when the lookup finds nothing for
such a type, ``find_existing`` raises :class:`CannotTell` (a resend could make a second one).
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from typing import Any

from pydantic import TypeAdapter, ValidationError

from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Service, Window
from frontdesk.domain.timeutil import iso_utc, utc_now
from frontdesk.domain.verdict import Verdict
from frontdesk.providers.answers import parse
from frontdesk.providers.base import (
    Accepted,
    Ambiguous,
    ApiError,
    CannotTell,
    Outcome,
    PatientInBooking,
    Refused,
    RetryLater,
    retry_after_seconds,
)
from frontdesk.providers.connector_base import HttpConnector, desk_fields, wire_days
from frontdesk.providers.http import Answer, BadAnswer, TransportError
from frontdesk.providers.meetergo import mapping
from frontdesk.providers.meetergo.wire import (
    MgAppointment,
    MgAvailability,
    MgCreated,
    MgError,
    MgMeetingType,
    MgPage,
)
from frontdesk.rules import meetergo as rules

log = logging.getLogger("frontdesk.providers")

PAGE = 100
MAX_RANGE_DAYS = 31
USER_HEADER = "x-meetergo-api-user-id"
_TYPES = TypeAdapter(list[MgMeetingType])


def _chunks(days: list[date]) -> list[tuple[date, date]]:
    """``days`` as ranges of at most 31 days (the availability endpoint's limit)."""
    if not days:
        return []
    first, last = min(days), max(days)
    ranges: list[tuple[date, date]] = []
    while first <= last:
        end = min(last, first + timedelta(days=MAX_RANGE_DAYS - 1))
        ranges.append((first, end))
        first = end + timedelta(days=1)
    return ranges


class MeetergoConnector(HttpConnector, PatientInBooking):
    provider = "meetergo"
    rate_per_minute = 100
    idempotent_creates = False

    def __init__(
        self,
        connection_id: str,
        base_url: str,
        api_key: str,
        api_user_id: str | None,
        timeout: float = 15.0,
    ) -> None:
        headers = {"Authorization": f"Bearer {api_key}"}
        if api_user_id:
            headers[USER_HEADER] = api_user_id
        super().__init__(connection_id, base_url, headers, timeout)
        self._types: dict[str, MgMeetingType] = {}

    # -- reads ---------------------------------------------------------------------------
    @staticmethod
    def _describe_error(answer: Answer) -> str:
        return _describe_error(answer)

    def _meeting_types(self) -> list[MgMeetingType]:
        answer = self._get("meeting-type")
        try:
            types = _TYPES.validate_python(answer.json())
        except ValidationError as exc:
            raise BadAnswer(f"meeting types answer is malformed: {exc.errors()[0]['msg']}") from exc
        self._types = {t.id: t for t in types}
        return types

    def _meeting_type(self, type_id: str) -> MgMeetingType:
        if type_id not in self._types:
            self._types[type_id] = parse(MgMeetingType, self._get(f"meeting-type/{type_id}"))
        return self._types[type_id]

    def pull_catalog(self, days: list[date]) -> Catalog:
        types = self._meeting_types()
        wanted = set(days)
        windows: list[Window] = []
        for t in types:
            for minutes in mapping.durations(t):
                for first, last in _chunks(days):
                    params: dict[str, str | int] = {
                        "meetingTypeId": t.id,
                        "start": first.isoformat(),
                        "end": last.isoformat(),
                        "meetingDuration": minutes,
                    }
                    body = parse(MgAvailability, self._get("booking-availability", params))
                    dates = [
                        (d.date, [s.startTime for s in d.spots])
                        for d in body.dates
                        if d.date in {w.isoformat() for w in wanted}
                    ]
                    windows.extend(mapping.spot_windows(t, minutes, t.timezone, dates))
        return mapping.catalog_from_wire(types, windows)

    def _list(self, params: dict[str, str | int]) -> list[MgAppointment]:
        records: list[MgAppointment] = []
        page = 1
        while True:
            body = parse(MgPage, self._get("appointment/paginated", {**params, "page": page}))
            records.extend(body.data)
            if page >= body.meta.totalPages:
                return records
            page += 1

    def pull_bookings(self, since: datetime | None) -> list[Booking]:
        params: dict[str, str | int] = {"limit": PAGE}
        if since is not None:
            params["updatedSince"] = iso_utc(since)
        return [mapping.booking_from_wire(r, self.connection_id) for r in self._list(params)]

    def find_existing(self, booking: Booking) -> Booking | None:
        params: dict[str, str | int] = {
            "limit": PAGE,
            "start": iso_utc(booking.start - timedelta(hours=1)),
            "end": iso_utc(booking.start + timedelta(hours=1)),
            "meetingTypeId": booking.service_id,
            "status": "confirmed",
        }
        ref = booking.external_ref or booking.id
        email = (booking.patient_email or "").casefold()
        for record in self._list(params):
            remote = mapping.booking_from_wire(record, self.connection_id)
            if remote.start != booking.start:
                continue
            same_email = bool(email) and (remote.patient_email or "").casefold() == email
            if remote.external_ref == ref or same_email:
                return self._confirmed(booking, remote)
        why = _provisional(self._meeting_type(booking.service_id))
        if why is not None:  # it may be there, provisional, in no list: nothing can tell
            raise CannotTell(why)
        return None

    # -- writes --------------------------------------------------------------------------
    def create(self, booking: Booking, idempotency_key: str) -> Outcome:
        try:
            t = self._meeting_type(booking.service_id)
        except ApiError as exc:
            if exc.retry:
                reason = f"cannot read the meeting type: {exc}"
                return RetryLater(reason, exc.not_before_s, untouched=True)
            verdict = Verdict(404, "Not Found", "meetingTypeId does not match any meeting type")
            return Refused(verdict)
        except BadAnswer as exc:
            return RetryLater(f"unreadable meeting type: {exc}", untouched=True)
        service = mapping.catalog_from_wire([t], []).services[0]
        body = mapping.create_body(booking, service)
        return self._send("POST", "booking", body, booking)

    def reschedule(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.remote_id is None:
            return RetryLater(_waiting(booking))
        body = {"start": iso_utc(booking.start)}
        return self._send("POST", f"appointment/{booking.remote_id}/reschedule", body, booking)

    def cancel(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.remote_id is None:
            return RetryLater(_waiting(booking))
        body = {"cancelReason": "Cancelled at the front desk"}
        return self._send("POST", f"appointment/{booking.remote_id}/cancel", body, booking)

    def set_status(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.visit_status is VisitStatus.CANCELLED:
            return self.cancel(booking, idempotency_key)
        # meetergo keeps no arrival / completion / no-show state: it stays at the desk.
        return Accepted(booking.with_changes(problem_code=None, problem_message=None))

    def _send(self, method: str, path: str, body: dict[str, Any], booking: Booking) -> Outcome:
        try:
            answer = self._http.request(method, path, body=body)
        except TransportError as exc:
            if exc.maybe_sent:
                return Ambiguous(f"no answer after sending ({exc.kind})")
            return RetryLater(f"cannot reach meetergo ({exc.kind})", untouched=True)
        try:
            return self.classify(answer, booking)
        except BadAnswer as exc:
            log.warning("bad answer from meetergo on %s %s: %s", method, path, exc)
            return Ambiguous(f"unreadable answer: {exc}")

    def classify(self, answer: Answer, booking: Booking) -> Outcome:
        """One answer of a create, reschedule or cancel as a sync outcome."""
        status = answer.status
        if 200 <= status < 300:
            data = answer.json()
            if isinstance(data, dict) and "id" in data and "meetingTypeId" in data:
                record = parse(MgAppointment, answer)
                remote = mapping.booking_from_wire(record, self.connection_id)
                return Accepted(self._confirmed(booking, remote))
            created = parse(MgCreated, answer)
            if created.appointmentId:
                return Accepted(
                    booking.with_changes(
                        remote_id=created.appointmentId,
                        sync_state=SyncState.CONFIRMED,
                        problem_code=None,
                        problem_message=None,
                    )
                )
            if created.provisionalBookingId:
                extra = {
                    **booking.extra,
                    "provisional_booking_id": created.provisionalBookingId,
                    "booking_type": created.bookingType,
                }
                return Accepted(
                    booking.with_changes(
                        sync_state=SyncState.AWAITING_CONFIRMATION,
                        extra=extra,
                        problem_code=None,
                        problem_message=None,
                    )
                )
            raise BadAnswer(
                "a 2xx create answer with neither appointmentId nor provisionalBookingId"
            )
        wait = retry_after_seconds(answer.header("retry-after"), utc_now())
        if status == 429:
            return RetryLater("rate limited by meetergo", wait, untouched=True)
        if status >= 500:
            # 503: the service did not take the request; 500, 502, 504 may follow a commit
            reason = f"meetergo server error (HTTP {status})"
            return RetryLater(reason, wait, untouched=status == 503)
        error = parse(MgError, answer)
        field = error.errors[0].field if error.errors else None
        verdict = Verdict(
            status=status,
            code=error.error,
            message=error.text,
            field=mapping.WIRE_TO_FIELD.get(field, field) if field else None,
        )
        credentials = status in (401, 403) or field == USER_HEADER
        return Refused(verdict, credentials=credentials)

    @staticmethod
    def _confirmed(booking: Booking, remote: Booking) -> Booking:
        return booking.with_changes(
            remote_id=remote.remote_id,
            resource_id=remote.resource_id,
            start=remote.start,
            end=remote.end,
            visit_status=remote.visit_status,
            sync_state=SyncState.CONFIRMED,
            problem_code=None,
            problem_message=None,
            extra={**booking.extra, **remote.extra},
        )

    # -- offline rules -------------------------------------------------------------------
    def predict_body(
        self, body: object, catalog: Catalog, bookings: list[Booking], now: datetime
    ) -> Verdict:
        return rules.predict_create(body, catalog, bookings, now)

    def days_for_body(self, body: object) -> list[date]:
        return wire_days(body, "start", rules.parse_start)

    def predict_create(
        self, booking: Booking, catalog: Catalog, others: list[Booking], now: datetime
    ) -> Verdict:
        service: Service | None = catalog.service(booking.service_id)
        if service is None:
            message = "meetingTypeId does not match any meeting type"
            return Verdict(404, "Not Found", message, "service_id")
        body = mapping.create_body(booking, service)
        verdict = rules.predict_create(body, catalog, others, now, ignore_booking_id=booking.id)
        return desk_fields(verdict, mapping.WIRE_TO_FIELD)


def _provisional(t: MgMeetingType) -> str | None:
    """Why a create of this meeting type, its answer lost, cannot be looked up; None if it can."""
    if t.meetingOptions.doubleOptIn:
        return (
            "its meeting type asks the patient to confirm by email (double opt-in), and "
            "meetergo lists such a booking nowhere until it is confirmed"
        )
    if t.meetingOptions.requireHostConfirmation:
        return (
            "its meeting type needs the host's confirmation, and meetergo lists such a "
            "booking nowhere until it is confirmed"
        )
    return None


def _waiting(booking: Booking) -> str:
    if booking.sync_state is SyncState.AWAITING_CONFIRMATION:
        return "waiting for the attendee or host to confirm the provisional booking"
    return "waiting for the booking's create to be acknowledged"


def _describe_error(answer: Answer) -> str:
    try:
        body = parse(MgError, answer)
    except BadAnswer:
        return f"HTTP {answer.status}"
    return f"HTTP {answer.status} {body.error}: {body.text}"

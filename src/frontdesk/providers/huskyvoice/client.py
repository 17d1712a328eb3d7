"""The HuskyVoice connector: pulls the catalog and bookings, sends creates and changes, and
classifies every answer into one sync outcome (see ``providers.base``).

Creates carry ``external_reference_id`` = the local booking id, so a resend after a lost answer
returns the first booking (200, ``idempotent: true``) instead of a second one.
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any

from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.catalog import Catalog, Window
from frontdesk.domain.timeutil import iso_utc, utc_now
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
from frontdesk.providers.huskyvoice import mapping
from frontdesk.providers.huskyvoice.wire import (
    HvAvailabilityBody,
    HvConfigBody,
    HvCreated,
    HvErrorBody,
    HvList,
    HvOne,
    HvServices,
)
from frontdesk.rules import huskyvoice as rules

log = logging.getLogger("frontdesk.providers")

PAGE = 200


class HuskyVoiceConnector(HttpConnector, PatientInBooking):
    provider = "huskyvoice"
    rate_per_minute = 60
    idempotent_creates = True
    send_reference = True  # external_reference_id on creates; off only for a negative control

    def __init__(
        self, connection_id: str, base_url: str, api_key: str, timeout: float = 15.0
    ) -> None:
        super().__init__(connection_id, base_url, {"Authorization": f"Bearer {api_key}"}, timeout)
        self._durations: dict[str, int] = {}

    # -- reads ---------------------------------------------------------------------------
    @staticmethod
    def _describe_error(answer: Answer) -> str:
        return _describe_error(answer)

    def pull_catalog(self, days: list[date]) -> Catalog:
        config = parse(HvConfigBody, self._get("appointment-config")).data
        services = parse(HvServices, self._get("services")).data
        self._durations = {s.id: s.duration_minutes for s in services}
        windows: list[Window] = []
        for day in days:
            body = parse(
                HvAvailabilityBody,
                self._get("appointment-slots/availability", {"date": day.isoformat()}),
            )
            windows.extend(mapping.window_from_wire(day, w) for w in body.data.windows)
        return mapping.catalog_from_wire(config, services, windows)

    def pull_bookings(self, since: datetime | None) -> list[Booking]:
        params: dict[str, str | int] = {"limit": PAGE}
        if since is not None:
            params["updated_since"] = iso_utc(since)
        result: list[Booking] = []
        page = 1
        while True:
            body = parse(HvList, self._get("appointments", {**params, "page": page}))
            result.extend(
                mapping.booking_from_wire(r, self.connection_id, self._durations) for r in body.data
            )
            if page >= body.pagination.total_pages:
                return result
            page += 1

    # -- writes --------------------------------------------------------------------------
    def create(self, booking: Booking, idempotency_key: str) -> Outcome:
        body = mapping.create_body(booking, with_reference=self.send_reference)
        return self._send("POST", "appointments", body, booking, HvCreated)

    def reschedule(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.remote_id is None:
            return RetryLater("waiting for the booking's create to be acknowledged")
        body = mapping.reschedule_body(booking)
        return self._send("PATCH", f"appointments/{booking.remote_id}", body, booking, HvOne)

    def cancel(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.remote_id is None:
            return RetryLater("waiting for the booking's create to be acknowledged")
        body = {"status": "cancelled"}
        return self._send("PATCH", f"appointments/{booking.remote_id}", body, booking, HvOne)

    def set_status(self, booking: Booking, idempotency_key: str) -> Outcome:
        if booking.remote_id is None:
            return RetryLater("waiting for the booking's create to be acknowledged")
        body = {"status": mapping.TO_WIRE_STATUS[booking.visit_status]}
        return self._send("PATCH", f"appointments/{booking.remote_id}", body, booking, HvOne)

    def _send(
        self,
        method: str,
        path: str,
        body: dict[str, Any],
        booking: Booking,
        model: type[HvCreated] | type[HvOne],
    ) -> Outcome:
        try:
            answer = self._http.request(method, path, body=body)
        except TransportError as exc:
            if exc.maybe_sent:
                return Ambiguous(f"no answer after sending ({exc.kind})")
            return RetryLater(f"cannot reach HuskyVoice ({exc.kind})")
        return self._classify_safely(answer, booking, model, f"{method} {path}")

    def _classify_safely(
        self, answer: Answer, booking: Booking, model: type[HvCreated] | type[HvOne], what: str
    ) -> Outcome:
        try:
            return self._classify(answer, booking, model)
        except BadAnswer as exc:
            log.warning("bad answer from HuskyVoice on %s: %s", what, exc)
            return Ambiguous(f"unreadable answer: {exc}")

    def _classify(
        self, answer: Answer, booking: Booking, model: type[HvCreated] | type[HvOne]
    ) -> Outcome:
        status = answer.status
        if 200 <= status < 300:
            parsed = parse(model, answer)
            remote = mapping.booking_from_wire(parsed.data, self.connection_id, self._durations)
            replayed = isinstance(parsed, HvCreated) and parsed.idempotent
            return Accepted(
                booking.with_changes(
                    remote_id=remote.remote_id,
                    session=remote.session,
                    batch=remote.batch,
                    visit_status=remote.visit_status,
                    sync_state=SyncState.CONFIRMED,
                    problem_code=None,
                    problem_message=None,
                ),
                replayed=replayed,
            )
        wait = retry_after_seconds(answer.header("retry-after"), utc_now())
        if status == 429:
            return RetryLater("rate limited by HuskyVoice", wait)
        if status >= 500:
            return RetryLater(f"HuskyVoice server error (HTTP {status})", wait)
        error = parse(HvErrorBody, answer)
        verdict = Verdict(
            status=status,
            code=error.error.code,
            message=error.error.message,
            existing_id=error.existing_appointment_id,
        )
        return Refused(verdict, credentials=status in (401, 403))

    # -- offline rules -------------------------------------------------------------------
    def predict_body(
        self, body: object, catalog: Catalog, bookings: list[Booking], now: datetime
    ) -> Verdict:
        return rules.predict_create(body, catalog, bookings, now)

    def days_for_body(self, body: object) -> list[date]:
        return wire_days(body, "appointment_date", rules.parse_wire_instant)

    def find_existing(self, booking: Booking) -> Booking | None:
        return None  # external_reference_id makes a resend return the first booking

    def predict_create(
        self, booking: Booking, catalog: Catalog, others: list[Booking], now: datetime
    ) -> Verdict:
        body = mapping.create_body(booking)
        verdict = rules.predict_create(body, catalog, others, now, ignore_booking_id=booking.id)
        return desk_fields(verdict, mapping.WIRE_TO_FIELD)


def _describe_error(answer: Answer) -> str:
    try:
        body = parse(HvErrorBody, answer)
    except BadAnswer:
        return f"HTTP {answer.status}"
    return f"HTTP {answer.status} {body.error.code}: {body.error.message}"

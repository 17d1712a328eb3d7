"""The live state of one CareValidate sandbox organisation, and every operation on it.

Owns the clinic, the stored appointments, the clock, the rate limiter and the fault switches,
behind one `threading.Lock`. Each operation returns an `Answer`; HTTP concerns (the key gate,
headers, cut answers) stay in `carevalidate`.
"""

from __future__ import annotations

import math
import secrets
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from frontdesk.sandbox.carevalidate.clinic import CvClinic, default_cv_clinic
from frontdesk.sandbox.carevalidate.rules import (
    MSG_BODY,
    MSG_TYPE,
    Answer,
    Appointment,
    CvError,
    check_slot,
    format_instant,
    invalid,
    ok,
    open_slots,
    parse_instant,
    read_book_body,
)
from frontdesk.sandbox.faults import Faults
from frontdesk.sandbox.ratelimit import SlidingWindowLimiter

DOCUMENTED_LIMIT = 500
MAX_SPAN = timedelta(days=31)


def scaled_limit(rate_limit: int) -> int:
    """The sandbox's `--rate-limit N` as CareValidate's limit: 0 off, 60 → the documented 500."""
    if rate_limit <= 0:
        return 0
    return max(1, round(DOCUMENTED_LIMIT * rate_limit / 60))


def _utc_now() -> datetime:
    return datetime.now(UTC)


class CareValidateState:
    """One organisation's appointments. `clock` may be swapped by tests (aware UTC)."""

    def __init__(
        self,
        clinic: CvClinic | None = None,
        limit: int = DOCUMENTED_LIMIT,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.clinic = clinic if clinic is not None else default_cv_clinic()
        self.lock = threading.Lock()
        self.clock = clock
        self.limiter = SlidingWindowLimiter(limit)
        self.faults = Faults()
        self._appointments: dict[str, Appointment] = {}

    @property
    def api_key(self) -> str:
        return self.clinic.api_keys[0]

    def now(self) -> datetime:
        now = self.clock().astimezone(UTC)
        return now.replace(microsecond=now.microsecond // 1000 * 1000)

    def appointments(self) -> list[dict[str, Any]]:
        with self.lock:
            return [a.record() for a in self._sorted()]

    def reset(self) -> None:
        with self.lock:
            self._appointments.clear()
        self.faults.clear()
        self.limiter.reset()

    def _sorted(self) -> list[Appointment]:
        return sorted(self._appointments.values(), key=lambda a: (a.start, a.appointment_id))

    def _new_id(self) -> str:
        while True:
            candidate = "cvapt_" + secrets.token_hex(5)
            if candidate not in self._appointments:
                return candidate

    # -- book and cancel ------------------------------------------------------------------
    def create(self, body: object) -> Answer:
        with self.lock:
            try:
                request = read_book_body(body)
                now = self.now()
                event = check_slot(self.clinic, request, list(self._appointments.values()), now)
            except CvError as error:
                return error.answer()
            appointment = Appointment(
                appointment_id=self._new_id(),
                event_type_id=event.id,
                provider_id=event.provider_id,
                start=request.start,
                duration_minutes=event.duration_minutes,
                email=request.email,
                first_name=request.first_name,
                last_name=request.last_name,
                timezone=request.timezone,
                location=request.location,
                tracking=request.tracking,
                status="active",
                created_at=now,
            )
            self._appointments[appointment.appointment_id] = appointment
            return ok(appointment.record(), "Meeting scheduled successfully")

    def cancel(self, body: object) -> Answer:
        with self.lock:
            try:
                return self._cancel(body)
            except CvError as error:
                return error.answer()

    def _cancel(self, body: object) -> Answer:
        if not isinstance(body, dict):
            raise invalid(MSG_BODY)
        for name in ("appointmentId", "email"):
            value = body.get(name)
            if not isinstance(value, str) or not value.strip():
                raise invalid(f"{name} is required")
        reason = body.get("reason")
        if reason is not None and not isinstance(reason, str):
            raise invalid("reason must be a string")
        found = self._appointments.get(body["appointmentId"])
        if found is None or found.email.casefold() != body["email"].casefold():
            raise CvError(404, "Appointment not found")
        if not found.active:
            raise invalid("Appointment is already canceled")
        now = self.now()
        if found.start <= now:
            raise invalid("Appointment has already started and cannot be canceled")
        found.status = "canceled"
        found.cancel_reason = reason
        found.canceled_at = now
        return ok(found.record(), "Appointment canceled successfully")

    # -- reads ----------------------------------------------------------------------------
    def list_appointments(self, params: Mapping[str, str]) -> Answer:
        with self.lock:
            try:
                return self._list(params)
            except CvError as error:
                return error.answer()

    def _list(self, params: Mapping[str, str]) -> Answer:
        has_start, has_end = "startDate" in params, "endDate" in params
        if has_start != has_end:
            raise invalid("startDate and endDate must be given together")
        if not has_start and "email" not in params:
            raise invalid("Give startDate and endDate, or email")
        first = last = None
        if has_start:
            first, last = parse_instant(params["startDate"]), parse_instant(params["endDate"])
            if first is None or last is None:
                raise invalid("startDate and endDate must be ISO 8601 date-times")
            if last <= first:
                raise invalid("endDate must be after startDate")
        status = params.get("status")
        if status is not None and status not in ("active", "canceled"):
            raise invalid("status must be one of active, canceled")
        page = _whole(params.get("page", "1"), 1, None, "page must be a positive integer")
        limit = _whole(
            params.get("limit", "50"), 1, 100, "limit must be an integer between 1 and 100"
        )
        rows = self._sorted()
        if first is not None and last is not None:
            rows = [a for a in rows if first <= a.start < last]
        if "email" in params:
            wanted = params["email"].casefold()
            rows = [a for a in rows if a.email.casefold() == wanted]
        if "eventTypeId" in params:
            rows = [a for a in rows if a.event_type_id == params["eventTypeId"]]
        if status is not None:
            rows = [a for a in rows if a.status == status]
        total = len(rows)
        chunk = rows[(page - 1) * limit : page * limit]
        pagination = {
            "page": page,
            "limit": limit,
            "total": total,
            "totalPages": math.ceil(total / limit),
        }
        return ok([a.record() for a in chunk], pagination=pagination)

    def providers(self, params: Mapping[str, str]) -> Answer:
        state = params.get("state")
        if state is not None:
            if len(state) != 2 or not state.isascii() or not state.isalpha():
                return invalid("state must be a two-letter US state code").answer()
            state = state.upper()
        entries: list[dict[str, Any]] = []
        for event in self.clinic.event_types:
            provider = self.clinic.provider(event.provider_id)
            if provider is None or (state is not None and state not in provider.states):
                continue
            entries.append(
                {
                    "providerId": provider.id,
                    "providerName": provider.name,
                    "calendlyLink": self.clinic.link(event),
                    "eventTypeId": event.id,
                    "eventTypeName": event.name,
                    "durationMinutes": event.duration_minutes,
                    "timezone": provider.timezone,
                    "states": sorted(provider.states),
                    "active": event.active,
                }
            )
        entries.sort(key=lambda e: (e["providerName"], e["eventTypeName"]))
        return ok(entries)

    def available_times(self, params: Mapping[str, str]) -> Answer:
        with self.lock:
            try:
                event_id = params.get("eventTypeId", "")
                if not event_id.strip():
                    raise invalid("eventTypeId is required")
                first = parse_instant(params.get("start"))
                last = parse_instant(params.get("end"))
                if first is None or last is None:
                    raise invalid("start and end must be ISO 8601 date-times")
                if last <= first:
                    raise invalid("end must be after start")
                if last - first > MAX_SPAN:
                    raise invalid("The range between start and end must not exceed 31 days")
                event = self.clinic.event_type(event_id)
                if event is None:
                    raise invalid(MSG_TYPE)
            except CvError as error:
                return error.answer()
            provider = self.clinic.provider(event.provider_id)
            starts = open_slots(
                self.clinic, event, first, last, list(self._appointments.values()), self.now()
            )
            return ok(
                {
                    "eventTypeId": event.id,
                    "timezone": provider.timezone if provider else "UTC",
                    "durationMinutes": event.duration_minutes,
                    "availableTimes": [
                        {
                            "startTime": format_instant(s),
                            "status": "available",
                            "inviteesRemaining": 1,
                        }
                        for s in starts
                    ],
                }
            )


def _whole(text: str, low: int, high: int | None, message: str) -> int:
    if not text.isascii() or not text.isdigit():
        raise invalid(message)
    value = int(text)
    if value < low or (high is not None and value > high):
        raise invalid(message)
    return value

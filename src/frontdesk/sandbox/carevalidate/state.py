"""The live state of one CareValidate sandbox organisation, and every operation on it.

Owns the clinic, the stored appointments, the users (an invitee email becomes a user when it
first books, [ours]), the clock, the rate limiter and the fault switches, behind one
`threading.Lock`. Each operation returns an `Answer`; HTTP concerns (the key gate, headers,
cut answers) stay in `app`.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from frontdesk.sandbox.carevalidate.clinic import CvClinic, default_cv_clinic
from frontdesk.sandbox.carevalidate.reads import list_appointments, provider_availability
from frontdesk.sandbox.carevalidate.rules import (
    MSG_BODY,
    MSG_CANCELLED,
    MSG_SCHEDULED,
    Answer,
    Appointment,
    CvError,
    check_slot,
    invalid,
    ok,
    open_slots,
    read_book_body,
)
from frontdesk.sandbox.faults import Faults
from frontdesk.sandbox.ratelimit import SlidingWindowLimiter

DOCUMENTED_LIMIT = 500
# Our texts for what the cancel page leaves unsaid (it documents only 400/401/429).
CANCEL_UNKNOWN = "Appointment not found"
CANCEL_AGAIN = "Appointment is already cancelled"
CANCEL_STARTED = "Appointment has already started and cannot be cancelled"


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
        self._users: dict[str, str] = {}  # casefolded invitee email -> its case id

    @property
    def api_key(self) -> str:
        return self.clinic.api_keys[0]

    def now(self) -> datetime:
        now = self.clock().astimezone(UTC)
        return now.replace(microsecond=now.microsecond // 1000 * 1000)

    def appointments(self) -> list[dict[str, Any]]:
        """Every stored appointment, cancelled ones too, in the sandbox's own record shape
        (what `/__sandbox__/appointments` shows tests; not a vendor shape)."""
        with self.lock:
            return [a.record() for a in self._sorted()]

    def reset(self) -> None:
        with self.lock:
            self._appointments.clear()
            self._users.clear()
        self.faults.clear()
        self.limiter.reset()

    def _sorted(self) -> list[Appointment]:
        return sorted(self._appointments.values(), key=lambda a: (a.start, a.appointment_id))

    # -- book and cancel ------------------------------------------------------------------
    def create(self, body: object) -> Answer:
        """Book: checks 1-11; the documented 200 carries no id and no record."""
        with self.lock:
            try:
                request = read_book_body(body)
                now = self.now()
                event = check_slot(self.clinic, request, list(self._appointments.values()), now)
            except CvError as error:
                return error.answer()
            user = request.email.casefold()
            case_id = self._users.setdefault(user, f"case-{uuid.uuid4()}")
            appointment = Appointment(
                appointment_id=str(uuid.uuid4()),
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
                agent_event_id=str(uuid.uuid4()),
                case_id=case_id,
            )
            self._appointments[appointment.appointment_id] = appointment
            return ok(MSG_SCHEDULED)

    def cancel(self, body: object) -> Answer:
        with self.lock:
            try:
                return self._cancel(body)
            except CvError as error:
                return error.answer()

    def _cancel(self, body: object) -> Answer:
        if not isinstance(body, dict):
            raise invalid(MSG_BODY)
        for name in ("email", "appointmentId"):  # the page's order
            value = body.get(name)
            if value is None or (isinstance(value, str) and not value.strip()):
                raise invalid(f"{name} is required")
            if not isinstance(value, str):
                raise invalid(f"{name} must be a string")
        reason = body.get("reason")
        if reason is not None and not isinstance(reason, str):
            raise invalid("reason must be a string")
        found = self._appointments.get(body["appointmentId"])
        if found is None or found.email.casefold() != body["email"].strip().casefold():
            raise invalid(CANCEL_UNKNOWN)
        if not found.active:
            raise invalid(CANCEL_AGAIN)
        now = self.now()
        if found.start <= now:
            raise invalid(CANCEL_STARTED)
        found.status = "canceled"
        found.cancel_reason = reason
        found.canceled_at = now
        return ok(MSG_CANCELLED)

    # -- reads ----------------------------------------------------------------------------
    def list_appointments(self, params: Mapping[str, str]) -> Answer:
        with self.lock:
            rows = list(self._appointments.values())
            return list_appointments(params, rows, self._users, self.clinic, self.now())

    def provider_availability(self, params: Mapping[str, str]) -> Answer:
        with self.lock:
            return provider_availability(params, self.clinic)

    # -- for the demo seeding and tests (no HTTP route dresses this up as the vendor's) ----
    def open_starts(self, event_type_id: str, first: datetime, last: datetime) -> list[datetime]:
        """The open slot starts of an active event type in `[first, last)` (Calendly's view,
        which CareValidate's API does not expose)."""
        with self.lock:
            event = self.clinic.event_type(event_type_id)
            if event is None:
                return []
            rows = list(self._appointments.values())
            return open_slots(self.clinic, event, first, last, rows, self.now())

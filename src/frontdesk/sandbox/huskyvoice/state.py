"""The live state of one HuskyVoice sandbox, and every operation on it.

Owns the clinic, the stored appointments, the clock, the rate limiter and the fault switches,
all behind one `threading.Lock` (uvicorn serves from its own thread while tests read from
theirs). Each operation returns an `Answer` (status and JSON body); HTTP concerns (auth,
headers, cut answers) stay in `app`. Seeding uses the same `create` as the route.

PATCH (updating page: "Send only the fields you want to change. At least one field is
required.") takes `appointment_date`, `status` (confirmed, completed, cancelled),
`assigned_doctor`, `notes`, `session` and `batch`, in this order: 404 `NOT_FOUND`; body object;
`branch_id` / `appointment_type` present → 400 (not updatable [ours]: cancel and book again);
no updatable field → 400; field types; the instant; the session; the status; then, when
cancelling, 409 `CANCELLATION_NOT_ALLOWED` / `CANCELLATION_TOO_LATE` [ours codes]; then, when the
time or session changes (or a cancelled booking is revived), create checks 8-13 against the
other bookings. A new `appointment_date` without a `status` sets the status to `rescheduled`
[ours: the page's sentence is cut at "the appointment's status is automati"].
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

from frontdesk.sandbox.faults import Faults
from frontdesk.sandbox.huskyvoice import queries
from frontdesk.sandbox.huskyvoice.clinic import Clinic, default_clinic
from frontdesk.sandbox.huskyvoice.rules import (
    MSG_BODY,
    MSG_DATE,
    MSG_SESSION,
    MSG_STATUS,
    RESCHEDULED,
    STATUSES,
    Answer,
    ApiError,
    Appointment,
    find_replay,
    parse_instant,
    place,
    read_create_body,
    resolve_branch,
    session_name,
    truncate_ms,
    validation,
)
from frontdesk.sandbox.ratelimit import SlidingWindowLimiter

_PATCH_FIELDS = ("appointment_date", "status", "assigned_doctor", "notes", "session", "batch")
_NULLABLE = ("session", "assigned_doctor", "notes", "batch")
_NOT_UPDATABLE = ("branch_id", "appointment_type")
MSG_NO_FIELD = "At least one field is required"


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _not_found() -> ApiError:
    return ApiError(404, "NOT_FOUND", "Appointment not found")


class HuskyVoiceState:
    """One org's bookings. `clock` may be swapped by tests (it must return aware UTC)."""

    def __init__(
        self,
        clinic: Clinic | None = None,
        rate_limit: int = 60,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.clinic = clinic if clinic is not None else default_clinic()
        self.lock = threading.Lock()
        self.clock = clock
        self.limiter = SlidingWindowLimiter(rate_limit)
        self.faults = Faults()
        self._appointments: dict[str, Appointment] = {}
        self.started = self.now()  # the windows' created_at / updated_at

    # -- helpers for tests and the demo --------------------------------------------------

    def now(self) -> datetime:
        return truncate_ms(self.clock().astimezone(UTC))

    def appointments(self) -> list[dict[str, Any]]:
        """A snapshot of every record, sorted like the list endpoint."""
        with self.lock:
            return [a.record() for a in self._sorted()]

    def appointment(self, appointment_id: str) -> dict[str, Any] | None:
        with self.lock:
            found = self._appointments.get(appointment_id)
            return found.record() if found else None

    def booked_at(self, appointment_id: str) -> datetime | None:
        """The instant an appointment was booked for (the record does not show it)."""
        with self.lock:
            found = self._appointments.get(appointment_id)
            return found.instant if found else None

    def close_window(self, window_id: str, on: date) -> None:
        """Close one weekly window on one local date (a holiday)."""
        with self.lock:
            self.clinic.closures.add((window_id, on))

    def reopen_window(self, window_id: str, on: date) -> None:
        with self.lock:
            self.clinic.closures.discard((window_id, on))

    def reset(self) -> None:
        """Forget every booking, closure, fault and rate-limit count."""
        with self.lock:
            self._appointments.clear()
            self.clinic.closures.clear()
        self.faults.clear()
        self.limiter.reset()

    def _sorted(self) -> list[Appointment]:
        return sorted(self._appointments.values(), key=lambda a: (a.instant, a.appointment_id))

    def _new_id(self) -> str:
        while True:
            candidate = "appt_" + secrets.token_hex(5)
            if candidate not in self._appointments:
                return candidate

    # -- the API ------------------------------------------------------------------------

    def create(self, body: object) -> Answer:
        with self.lock:
            try:
                return self._create(body)
            except ApiError as error:
                return error.answer()

    def _create(self, body: object) -> Answer:
        request = read_create_body(body)
        branch_id = resolve_branch(self.clinic, request.branch_id)
        replay = find_replay(self._appointments.values(), request.external_reference_id)
        if replay is not None:
            return Answer(
                200,
                {
                    "success": True,
                    "idempotent": True,
                    "appointment_id": replay.appointment_id,
                    "token": None,
                    "data": replay.record(),
                },
            )
        now = self.now()
        placement = place(
            self.clinic,
            self._appointments.values(),
            instant=request.instant,
            appointment_type=request.appointment_type,
            branch_id=branch_id,
            session=request.session,
            parent_phone=request.parent_phone,
            now=now,
        )
        appointment = Appointment(
            appointment_id=self._new_id(),
            service_id=placement.service.id,
            branch_id=branch_id,
            instant=request.instant,
            local_date=placement.local_date,
            session=placement.window.session,
            batch=request.batch if request.batch else placement.window.batch,
            window_id=placement.window.window_id,
            patient_name=request.patient_name,
            parent_phone=request.parent_phone,
            assigned_doctor=request.assigned_doctor,
            status="confirmed",
            external_reference_id=request.external_reference_id,
            created_at=now,
            updated_at=now,
        )
        self._appointments[appointment.appointment_id] = appointment
        return Answer(
            201,
            {
                "success": True,
                "appointment_id": appointment.appointment_id,
                "token": None,
                "data": appointment.record(),
            },
        )

    def get(self, appointment_id: str) -> Answer:
        with self.lock:
            found = self._appointments.get(appointment_id)
            if found is None:
                return _not_found().answer()
            return Answer(200, {"success": True, "data": found.record()})

    def patch(self, appointment_id: str, body: object) -> Answer:
        with self.lock:
            try:
                return self._patch(appointment_id, body)
            except ApiError as error:
                return error.answer()

    def _patch(self, appointment_id: str, body: object) -> Answer:
        current = self._appointments.get(appointment_id)
        if current is None:
            raise _not_found()
        if not isinstance(body, dict):
            raise validation(MSG_BODY)
        for name in _NOT_UPDATABLE:
            if name in body:
                raise validation(
                    f"{name} cannot be updated; cancel the appointment and book a new one"
                )
        if not any(name in body for name in _PATCH_FIELDS):
            raise validation(MSG_NO_FIELD)
        for name in _PATCH_FIELDS:
            if name in body and not isinstance(body[name], str):
                if body[name] is None and name in _NULLABLE:
                    continue
                raise validation(f"{name} must be a string")
        instant = current.instant
        if "appointment_date" in body:
            parsed = parse_instant(body["appointment_date"])
            if parsed is None:
                raise validation(MSG_DATE)
            instant = parsed
        session: str | None = None
        if body.get("session") is not None:
            session = session_name(body["session"])
            if session is None:
                raise validation(MSG_SESSION)
        if "status" in body and body["status"] not in STATUSES:
            raise validation(MSG_STATUS)
        status = body.get("status", current.status)
        if "appointment_date" in body and "status" not in body:
            status = RESCHEDULED if current.active else current.status
        now = self.now()
        if status == "cancelled" and current.active:
            self._may_cancel(current, now)
        moved = instant != current.instant or (session is not None and session != current.session)
        revived = not current.active and status != "cancelled"
        updated = replace(
            current,
            instant=instant,
            status=status,
            assigned_doctor=body.get("assigned_doctor", current.assigned_doctor),
            notes=body.get("notes", current.notes),
            batch=body.get("batch") or current.batch,
        )
        if (moved or revived) and status != "cancelled":
            placement = place(
                self.clinic,
                self._appointments.values(),
                instant=instant,
                appointment_type=current.service_id,
                branch_id=current.branch_id,
                session=session,
                parent_phone=current.parent_phone,
                now=now,
                exclude_id=current.appointment_id,
            )
            window = placement.window
            updated = replace(
                updated,
                local_date=placement.local_date,
                session=window.session,
                batch=body.get("batch") or (window.batch if moved else current.batch),
                window_id=window.window_id,
            )
        if updated != current:
            updated = replace(updated, updated_at=now)
            self._appointments[appointment_id] = updated
        return Answer(200, {"success": True, "data": updated.record()})

    def _may_cancel(self, current: Appointment, now: datetime) -> None:
        """The cancel page's policy: `allow_cancellation`, `cancellation_notice_hours`."""
        if not self.clinic.allow_cancellation:
            raise ApiError(
                409,
                "CANCELLATION_NOT_ALLOWED",
                "Cancellation is not allowed for this organization",
            )
        hours = self.clinic.cancellation_notice_hours
        if current.instant - now < timedelta(hours=hours):
            raise ApiError(
                409,
                "CANCELLATION_TOO_LATE",
                f"Appointments must be cancelled at least {hours} hours before they start",
            )

    def list_appointments(self, params: Mapping[str, str]) -> Answer:
        with self.lock:
            return queries.list_page(self.clinic, list(self._appointments.values()), params)

    def services(self) -> Answer:
        return queries.services(self.clinic)

    def config(self) -> Answer:
        return queries.config(self.clinic)

    def availability(self, params: Mapping[str, str]) -> Answer:
        with self.lock:
            appointments = list(self._appointments.values())
            return queries.availability(self.clinic, appointments, params, self.started)

"""The live state of one Vastal sandbox, and every operation on it.

Owns the org (types, weekly rows, named schedules), the stored appointments, the clock, the
hourly rate limiter and the fault switches, all behind one `threading.Lock`, and the
appointment endpoints: create, update (PATCH, `id` in the body, answered with a partial
record as the update page shows) and the list (`status`, `from`, `to`, `limit`, `page`,
answered `{"appointments": [...]}` only). The catalog endpoints live in `catalog`. Each
operation returns an `Answer`; HTTP concerns (auth, scopes, headers, cut answers) stay in
`app`.
"""

from __future__ import annotations

import math
import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from frontdesk.sandbox.faults import Faults
from frontdesk.sandbox.ratelimit import SlidingWindowLimiter
from frontdesk.sandbox.vastal import catalog
from frontdesk.sandbox.vastal.clinic import VastalClinic, default_vastal_clinic
from frontdesk.sandbox.vastal.rules import (
    MSG_BODY,
    MSG_CANCELLED,
    MSG_NOT_FOUND,
    MSG_START,
    MSG_STATUS,
    STATUSES,
    Answer,
    Appointment,
    VastalError,
    bad,
    check_slot,
    parse_bound,
    parse_instant,
    read_create_body,
    wire_time,
)

HOUR = 3600.0


def _utc_now() -> datetime:
    return datetime.now(UTC)


def hourly_limit(rate_limit: int) -> int:
    """The sandbox's hourly limit for `--rate-limit N` (60 → the Starter plan's 1,000)."""
    return 0 if rate_limit <= 0 else max(1, round(1000 * rate_limit / 60))


class HourlyLimiter(SlidingWindowLimiter):
    """The shared sliding window, plus when a key's oldest counted request leaves it."""

    def oldest(self, key: str) -> float | None:
        with self._lock:
            hits = self._hits.get(key)
            return hits[0] if hits else None

    def reset_epoch(self, key: str) -> int:
        """`X-RateLimit-Reset`: Unix seconds (rounded up) when `Remaining` next grows."""
        oldest = self.oldest(key)
        wall = datetime.now(UTC).timestamp()
        if oldest is None:
            return math.ceil(wall)
        return math.ceil(wall + max(0.0, oldest + self.window_seconds - self._clock()))


class VastalState:
    """One org's calendar. `clock` may be swapped by tests (it must return aware UTC)."""

    def __init__(
        self,
        clinic: VastalClinic | None = None,
        rate_limit: int = 60,
        clock: Callable[[], datetime] = _utc_now,
        window_seconds: float = HOUR,
    ) -> None:
        self.clinic = clinic if clinic is not None else default_vastal_clinic()
        self._initial = self.clinic.copy()
        self.lock = threading.Lock()
        self.clock = clock
        self.limiter = HourlyLimiter(hourly_limit(rate_limit), window_seconds)
        self.faults = Faults()
        self._appointments: dict[str, Appointment] = {}

    # -- helpers for tests ---------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock().astimezone(UTC).replace(microsecond=0)

    def appointments(self) -> list[dict[str, Any]]:
        with self.lock:
            return [a.record() for a in self._sorted()]

    def reset(self) -> None:
        """Forget every appointment, fault and count; types and rows back to the start."""
        with self.lock:
            self._appointments.clear()
            self.clinic = self._initial.copy()
        self.faults.clear()
        self.limiter.reset()

    def _sorted(self) -> list[Appointment]:
        return sorted(self._appointments.values(), key=lambda a: (a.start, a.id))

    def _new_id(self, prefix: str, taken: Mapping[str, object] | set[str]) -> str:
        while True:
            candidate = prefix + secrets.token_hex(5)
            if candidate not in taken:
                return candidate

    # -- appointments --------------------------------------------------------------------

    def create(self, body: object, source: str = "manual") -> Answer:
        """`POST /calendar/appointments`; `source` "booking_page" is for demo seeding."""
        with self.lock:
            try:
                return self._create(body, source)
            except VastalError as error:
                return error.answer()

    def _create(self, body: object, source: str) -> Answer:
        request = read_create_body(body)
        now = self.now()
        kind = check_slot(
            self.clinic, self._appointments.values(), request.type_id, request.start, now
        )
        pending = kind.requires_confirmation
        language = request.optional["client_language"]
        appointment = Appointment(
            id=self._new_id("apt_", self._appointments),
            org_id=self.clinic.org_id,
            type_id=kind.id,
            start=request.start,
            end=request.start + _minutes(kind.duration_minutes),
            client_name=request.client_name,
            client_email=request.optional["client_email"],
            client_phone=request.optional["client_phone"],
            client_language=language if language is not None else "en",
            client_notes=request.optional["client_notes"],
            internal_notes=request.optional["internal_notes"],
            status="pending" if pending else "confirmed",
            confirmed_at=None if pending else now,
            cancelled_at=None,
            created_at=now,
            updated_at=now,
            type_brief=kind.brief(),
            source=source,
        )
        self._appointments[appointment.id] = appointment
        return Answer(200, {"appointment": appointment.record()})

    def patch(self, body: object) -> Answer:
        with self.lock:
            try:
                return self._patch(body)
            except VastalError as error:
                return error.answer()

    def _patch(self, body: object) -> Answer:
        """The update page's fields: `status`, `start_time`, `client_name`, `client_email`,
        `client_phone`, `client_notes`, `internal_notes`. Others (`appointment_type_id`,
        `client_language`) are ignored (ours: the page lists what can change)."""
        if not isinstance(body, dict):
            raise bad(MSG_BODY)
        appointment_id = body.get("id")
        if not isinstance(appointment_id, str) or not appointment_id.strip():
            raise bad("id is required")
        current = self._appointments.get(appointment_id)
        if current is None:
            raise VastalError(404, MSG_NOT_FOUND)
        for name in ("start_time", "status", "client_name"):
            if name in body and not isinstance(body[name], str):
                raise bad(f"{name} must be a string")
        for name in PATCH_TEXT:
            if body.get(name) is not None and not isinstance(body[name], str):
                raise bad(f"{name} must be a string")
        status = body.get("status", current.status)
        if status not in STATUSES:
            raise bad(MSG_STATUS)
        start = current.start
        if "start_time" in body:
            parsed = parse_instant(body["start_time"])
            if parsed is None:
                raise bad(MSG_START)
            start = parsed
        now = self.now()
        changes: dict[str, Any] = {"status": status}
        for name in ("client_name", *PATCH_TEXT):
            if name in body:
                changes[name] = body[name]
        moved = start != current.start
        if moved:
            changes["start"] = start
        updated = replace(current, **changes)
        shown = [n for n in PATCH_FIELDS if n in body]
        if not current.active:
            if updated != current:
                raise bad(MSG_CANCELLED)
            return Answer(200, {"appointment": current.partial(shown)})
        if moved and status != "cancelled":
            kind = check_slot(
                self.clinic, self._appointments.values(), current.type_id, start, now, current.id
            )
            updated = replace(updated, end=start + _minutes(kind.duration_minutes))
        if status == "confirmed" and updated.confirmed_at is None:
            updated = replace(updated, confirmed_at=now)
        if status == "cancelled" and current.status != "cancelled":
            updated = replace(updated, cancelled_at=now)
        if updated != current:
            updated = replace(updated, updated_at=now)
            self._appointments[current.id] = updated
        return Answer(200, {"appointment": updated.partial(shown)})

    def list_appointments(self, params: Mapping[str, str]) -> Answer:
        """`status`, `from`, `to` (a date or an instant; compared with `start_time`, `to`
        exclusive), `limit` 1-100 default 50 and `page` from 1 (the REST reference's paging;
        ours: refused beyond 100). Sorted by start, then id (ours). Other parameters are
        ignored, `offset` among them."""
        zone = self.clinic.timezone
        try:
            status = params.get("status")
            if status is not None and status not in STATUSES:
                raise bad(MSG_STATUS)
            bounds: dict[str, datetime | None] = {}
            for name in ("from", "to"):
                text = params.get(name)
                bounds[name] = None if text is None else parse_bound(text, zone, name == "to")
                if text is not None and bounds[name] is None:
                    raise bad(f"{name} must be an ISO 8601 date or date-time")
            limit = _whole(params.get("limit"), DEFAULT_LIMIT)
            if limit is None or not 1 <= limit <= MAX_LIMIT:
                raise bad(f"limit must be between 1 and {MAX_LIMIT}")
            page = _whole(params.get("page"), 1)
            if page is None or page < 1:
                raise bad("page must be 1 or more")
        except VastalError as error:
            return error.answer()
        low, high = bounds["from"], bounds["to"]
        with self.lock:
            matches = [
                a
                for a in self._sorted()
                if (status is None or a.status == status)
                and (low is None or a.start >= low)
                and (high is None or a.start < high)
            ]
        chosen = matches[(page - 1) * limit : page * limit]
        return Answer(200, {"appointments": [a.record() for a in chosen]})

    # -- appointment types and weekly availability (module `catalog`) --------------------

    def _stamp(self) -> str:
        return str(wire_time(self.now()))

    def _mint(self, prefix: str, taken: set[str]) -> str:
        return self._new_id(prefix, taken)

    def list_types(self) -> Answer:
        with self.lock:
            return catalog.list_types(self.clinic)

    def create_type(self, body: object) -> Answer:
        with self.lock:
            return catalog.create_type(self.clinic, body, self._mint, self._stamp())

    def update_type(self, body: object) -> Answer:
        with self.lock:
            return catalog.update_type(self.clinic, body, self._stamp())

    def availability(self) -> Answer:
        with self.lock:
            return catalog.list_rows(self.clinic)

    def add_row(self, body: object) -> Answer:
        with self.lock:
            return catalog.add_row(self.clinic, body, self._mint, self._stamp())

    def replace_rows(self, body: object) -> Answer:
        with self.lock:
            return catalog.replace_rows(self.clinic, body, self._mint, self._stamp())


DEFAULT_LIMIT = 50  # the list page's default
MAX_LIMIT = 100  # the REST reference's maximum for list endpoints
PATCH_TEXT = ("client_email", "client_phone", "client_notes", "internal_notes")
PATCH_FIELDS = ("start_time", "client_name", *PATCH_TEXT)


def _minutes(n: int) -> timedelta:
    return timedelta(minutes=n)


def _whole(text: str | None, default: int) -> int | None:
    if text is None:
        return default
    stripped = text.strip()
    if not stripped.isdigit():
        return None
    return int(stripped)

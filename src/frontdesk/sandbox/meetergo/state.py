"""The live state of one meetergo sandbox, and every operation on it.

Owns the account, the appointments, the provisional bookings, the clock, the rate limiter and
the fault switches, behind one `threading.Lock`. Each operation returns an `Answer` in the
documented shape; HTTP concerns (keys, the user header, cut answers) stay in `app`. Reads
that act for a user (``x-meetergo-api-user-id``) get that user's id: the appointment and
provisional lists show that user's own (as host), **[ours]** reading of "for the
authenticated user".
"""

from __future__ import annotations

import secrets
import threading
import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from frontdesk.sandbox.faults import Faults
from frontdesk.sandbox.meetergo.catalog import CatalogReads
from frontdesk.sandbox.meetergo.clinic import Account, MeetingType, default_account
from frontdesk.sandbox.meetergo.records import Appointment, Attendee, Provisional
from frontdesk.sandbox.meetergo.rules import (
    MSG_BODY,
    MSG_SPOT,
    Answer,
    MgError,
    bad,
    check_against_type,
    check_ours,
    chosen_host,
    read_create_body,
    read_start,
)
from frontdesk.sandbox.meetergo.spots import free_hosts_at, group_at
from frontdesk.sandbox.ratelimit import SlidingWindowLimiter

WINDOW_SECONDS = 120.0
BURST = 200
STATUSES = ("pending", "confirmed", "expired", "declined_by_host")
FORBIDDEN = MgError(403, "Insufficient permissions")


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _not_found() -> MgError:
    return MgError(404, "Appointment not found")


def _whole(text: str, message: str, low: int, high: int | None) -> int:
    if not text.isdigit() or int(text) < low or (high is not None and int(text) > high):
        raise bad(message)
    return int(text)


def _paging(params: Mapping[str, str]) -> tuple[int, int]:
    page = _whole(params.get("page", "1"), "page must be a positive integer", 1, None)
    limit = _whole(params.get("limit", "20"), "limit must be between 1 and 100", 1, 100)
    return page, limit


def _attendee(raw: Mapping[str, Any]) -> Attendee:
    fullname = raw.get("fullname")
    if not isinstance(fullname, str) or not fullname.strip():
        fullname = f"{raw.get('firstname') or ''} {raw.get('lastname') or ''}".strip()
    return Attendee(
        id=str(uuid.uuid4()),
        email=raw.get("email"),
        firstname=raw.get("firstname"),
        lastname=raw.get("lastname"),
        fullname=fullname,
        phone=raw.get("phone"),
        timezone=raw.get("timezone"),
        language=raw.get("language"),
        notes=dict(raw.get("notes") or {}),
    )


class MeetergoState(CatalogReads):
    """One account's bookings. `clock` may be swapped by tests (aware UTC)."""

    def __init__(
        self,
        account: Account | None = None,
        rate_limit: int = BURST,
        clock: Callable[[], datetime] = _utc_now,
    ) -> None:
        self.account = account if account is not None else default_account()
        self.lock = threading.Lock()
        self.clock = clock
        self.limiter = SlidingWindowLimiter(rate_limit, WINDOW_SECONDS)
        self.faults = Faults()
        # test hook: API paths (first segment after /v4/) that answer 403 "Insufficient
        # permissions", as for a user without that permission
        self.forbidden: set[str] = set()
        self._appointments: dict[str, Appointment] = {}
        self._provisional: dict[str, Provisional] = {}

    # -- helpers for tests -------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock().astimezone(UTC)

    def appointments(self) -> list[dict[str, Any]]:
        """Every seat (an appointment's attendee) as its record plus ``attendee``: that
        attendee with its notes (a test view, not an endpoint)."""
        with self.lock:
            rows = []
            for a in self._sorted():
                record = a.record(self.account.meeting_type(a.type_id))
                for person in a.attendees:
                    rows.append({**record, "attendee": {**person.record(), "notes": person.notes}})
            return rows

    def provisional_ids(self, status: str = "pending") -> list[str]:
        with self.lock:
            return [pid for pid, p in self._provisional.items() if p.status == status]

    def provisional_notes(self) -> dict[str, dict[str, Any]]:
        """Each pending provisional booking's ``attendee.notes``, by its id."""
        with self.lock:
            return {
                pid: dict(p.attendee.notes)
                for pid, p in self._provisional.items()
                if p.status == "pending"
            }

    def reset(self) -> None:
        with self.lock:
            self._appointments.clear()
            self._provisional.clear()
        self.forbidden.clear()
        self.faults.clear()
        self.limiter.reset()

    def _sorted(self) -> list[Appointment]:
        return sorted(self._appointments.values(), key=lambda a: (a.start, a.id))

    def _pool(self) -> list[Appointment]:
        return list(self._appointments.values())

    # -- create ------------------------------------------------------------------------

    def create(self, body: object) -> Answer:
        with self.lock:
            try:
                return self._create(body)
            except MgError as error:
                return error.answer()

    def _create(self, body: object) -> Answer:
        request = read_create_body(body)
        t, minutes, channel = check_against_type(self.account, request)
        chosen = request.host_ids if chosen_host(t, request) else None
        hosts = free_hosts_at(
            self.account, t, request.start, minutes, self._pool(), self.now(), chosen
        )
        if not hosts:
            raise bad(MSG_SPOT, "start")
        check_ours(t, request)
        attendee = _attendee(request.attendee)
        kind = self.account.provisional_kind(t)
        if kind is not None:
            pid = str(uuid.uuid4())
            self._provisional[pid] = Provisional(
                pid,
                kind,
                t.id,
                request.start,
                minutes,
                channel,
                request.location,
                attendee,
                dict(request.raw),
                list(hosts if t.kind != "round-robin" else t.host_ids),
                self.now(),
            )
            return Answer(201, {"bookingType": kind, "provisionalBookingId": pid})
        appointment = self._book(t, hosts, request.start, minutes, channel, request.location)
        appointment.attendees.append(attendee)
        answer: dict[str, Any] = {"appointmentId": appointment.id, "secret": appointment.secret}
        if attendee.email is not None:
            answer["attendeeEmail"] = attendee.email
        return Answer(201, answer)

    def _book(
        self,
        t: MeetingType,
        hosts: list[str],
        start: datetime,
        minutes: int,
        channel: str,
        location: str | None,
    ) -> Appointment:
        """The appointment a new attendee goes into: a group's own at that start while it
        has seats, else a new one for the free host with the fewest appointments of the type
        (ties in queue order) [ours]."""

        def load(host: str) -> int:
            return sum(
                1
                for a in self._appointments.values()
                if a.active and a.type_id == t.id and a.host_id == host
            )

        host = min(hosts, key=lambda h: (load(h), hosts.index(h)))
        if t.kind == "group":
            joined = group_at(t, host, start, self._pool())
            if joined is not None:
                joined.updated_at = self.now()
                return joined
        now = self.now()
        appointment = Appointment(
            id=str(uuid.uuid4()),
            type_id=t.id,
            host_id=host,
            start=start,
            duration=minutes,
            channel=channel,
            location=location,
            attendees=[],
            created_at=now,
            updated_at=now,
            secret=secrets.token_hex(16),
        )
        self._appointments[appointment.id] = appointment
        return appointment

    def confirm_provisional(self, provisional_id: str) -> Answer:
        """The attendee (or host) confirms: booked if the spot is still free; else it
        expires [ours]."""
        with self.lock:
            p = self._provisional.get(provisional_id)
            if p is None or p.status != "pending":
                return MgError(404, "Provisional booking not found").answer()
            t = self.account.meeting_type(p.type_id)
            assert t is not None
            hosts = free_hosts_at(
                self.account, t, p.start, p.duration, self._pool(), self.now(), p.host_ids
            )
            p.deleted_at = self.now()
            if not hosts:
                p.status = "expired"
                return bad(MSG_SPOT, "start").answer()
            p.status = "confirmed"
            appointment = self._book(t, hosts, p.start, p.duration, p.channel, p.location)
            appointment.attendees.append(p.attendee)
            return Answer(200, appointment.record(t))

    def end_provisional(self, provisional_id: str, status: str) -> Answer:
        """The patient let it expire, or the host declined it (``expired`` /
        ``declined_by_host``)."""
        with self.lock:
            p = self._provisional.get(provisional_id)
            if p is None or p.status != "pending" or status not in STATUSES[2:]:
                return MgError(404, "Provisional booking not found").answer()
            p.status, p.deleted_at = status, self.now()
            return Answer(200, p.record(self.account, self.account.meeting_type(p.type_id)))

    # -- appointments ------------------------------------------------------------------

    def _acting_on(self, appointment_id: str, user: str) -> Appointment:
        found = self._appointments.get(appointment_id)
        if found is None:
            raise _not_found()
        acting = self.account.user(user)
        if found.host_id != user and (acting is None or not acting.is_admin):
            raise FORBIDDEN  # "as the host or admin"
        return found

    def get(self, appointment_id: str, user: str) -> Answer:
        with self.lock:
            try:
                found = self._acting_on(appointment_id, user)
            except MgError as error:
                return error.answer()
            return Answer(200, found.record(self.account.meeting_type(found.type_id)))

    def reschedule(self, appointment_id: str, body: object, user: str) -> Answer:
        with self.lock:
            try:
                return self._reschedule(appointment_id, body, user)
            except MgError as error:
                return error.answer()

    def _reschedule(self, appointment_id: str, body: object, user: str) -> Answer:
        current = self._acting_on(appointment_id, user)
        if not isinstance(body, dict):
            raise bad(MSG_BODY)
        start = read_start(body)
        ignore = body.get("ignoreAvailability")
        if ignore is not None and not isinstance(ignore, bool):
            raise bad("ignoreAvailability must be a boolean", "ignoreAvailability")
        if not current.active:
            raise bad("Cancelled appointments cannot be rescheduled")
        t = self.account.meeting_type(current.type_id)
        assert t is not None
        if not ignore:
            others = [a for a in self._appointments.values() if a.id != appointment_id]
            hosts = free_hosts_at(self.account, t, start, current.duration, others, self.now())
            if current.host_id not in hosts:
                raise bad(MSG_SPOT, "start")
        current.start, current.updated_at = start, self.now()
        return Answer(200, {"appointment": current.record(t)})

    def cancel(self, appointment_id: str, body: object, user: str) -> Answer:
        with self.lock:
            try:
                return self._cancel(appointment_id, body, user)
            except MgError as error:
                return error.answer()

    def _cancel(self, appointment_id: str, body: object, user: str) -> Answer:
        current = self._acting_on(appointment_id, user)
        body = body if body is not None else {}
        if not isinstance(body, dict):
            raise bad(MSG_BODY)
        reason = body.get("reason")
        if reason is not None and not isinstance(reason, str):
            raise bad("reason must be a string", "reason")
        if isinstance(reason, str) and len(reason) > 500:
            raise bad("reason must be shorter than or equal to 500 characters", "reason")
        attendee_id = body.get("attendeeId")
        if attendee_id is not None and not isinstance(attendee_id, str):
            raise bad("attendeeId must be a string", "attendeeId")
        for name in ("cancelAll", "cancelEntireSeries"):
            if body.get(name) is not None and not isinstance(body[name], bool):
                raise bad(f"{name} must be a boolean", name)
        t = self.account.meeting_type(current.type_id)
        group = t is not None and t.kind == "group"
        if group and attendee_id is None and body.get("cancelAll") is not True:
            raise bad("attendeeId or cancelAll is required for group bookings", "attendeeId")
        if not current.active:
            return Answer(200, current.record(t))  # already cancelled: unchanged [ours]
        if current.start <= self.now():
            raise bad("Past appointments cannot be cancelled")
        now = self.now()
        if group and attendee_id is not None:
            kept = [a for a in current.attendees if a.id != attendee_id]
            if len(kept) == len(current.attendees):
                raise bad("attendeeId is not an attendee of this appointment", "attendeeId")
            current.attendees, current.updated_at = kept, now
            if kept:
                return Answer(200, current.record(t))
        current.cancel = {
            "actionSource": "host",
            "actionAt": now.isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "actionBy": user,
            "reason": reason,
        }
        current.updated_at = now
        return Answer(200, current.record(t))

    def list_page(self, params: Mapping[str, str], user: str) -> Answer:
        try:
            page, limit = _paging(params)
        except MgError as error:
            return error.answer()
        with self.lock:
            rows = [a for a in self._sorted() if a.host_id == user]
            chunk = rows[(page - 1) * limit : page * limit]
            records = [a.record(self.account.meeting_type(a.type_id)) for a in chunk]
        return Answer(200, {"appointments": records})

    def provisional_page(self, params: Mapping[str, str], user: str) -> Answer:
        """``GET /v4/provisional-booking/paginated``: the user's provisional bookings (as one
        of their hosts), newest first [ours], ``status`` one of the four documented."""
        try:
            page, limit = _paging(params)
            status = params.get("status")
            if status is not None and status not in STATUSES:
                raise bad("status must be one of " + ", ".join(STATUSES), "status")
        except MgError as error:
            return error.answer()
        with self.lock:
            rows = [
                p
                for p in sorted(self._provisional.values(), key=lambda p: p.created_at)[::-1]
                if user in p.host_ids and (status is None or p.status == status)
            ]
            chunk = rows[(page - 1) * limit : page * limit]
            records = [p.record(self.account, self.account.meeting_type(p.type_id)) for p in chunk]
        return Answer(200, {"provisionalBookings": records, "total": len(rows)})

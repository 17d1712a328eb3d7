"""The live state of one meetergo sandbox, and every operation on it.

Owns the account, the appointments, the provisional bookings, the clock, the rate limiter and
the fault switches, behind one `threading.Lock`. Each operation returns an `Answer`; HTTP
concerns (keys, headers, cut answers) stay in `meetergo`.
"""

from __future__ import annotations

import secrets
import threading
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from frontdesk.sandbox.faults import Faults
from frontdesk.sandbox.meetergo.clinic import Account, MeetingType, default_account
from frontdesk.sandbox.meetergo.rules import (
    MSG_BODY,
    MSG_DURATION,
    MSG_SPOT,
    Answer,
    Appointment,
    MgError,
    bad,
    check_against_type,
    free_hosts_at,
    iso_ms,
    parse_instant,
    read_create_body,
    read_start,
    spot_hosts,
    stored_attendee,
)
from frontdesk.sandbox.ratelimit import SlidingWindowLimiter

WINDOW_SECONDS = 120.0
BURST = 200


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _not_found() -> MgError:
    return MgError(404, "Appointment not found")


@dataclass
class Provisional:
    id: str
    booking_type: str
    type_id: str
    start: datetime
    duration: int
    channel: str
    location: str | None
    attendee: dict[str, Any]


class MeetergoState:
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
        self._appointments: dict[str, Appointment] = {}
        self._provisional: dict[str, Provisional] = {}

    # -- helpers for tests -------------------------------------------------------------

    def now(self) -> datetime:
        return self.clock().astimezone(UTC)

    def appointments(self) -> list[dict[str, Any]]:
        with self.lock:
            return [a.record() for a in self._sorted()]

    def provisional_ids(self) -> list[str]:
        with self.lock:
            return list(self._provisional)

    def provisional_notes(self) -> dict[str, dict[str, Any]]:
        """Each unconfirmed provisional booking's ``attendee.notes``, by its id."""
        with self.lock:
            return {
                pid: dict(p.attendee.get("notes") or {}) for pid, p in self._provisional.items()
            }

    def reset(self) -> None:
        with self.lock:
            self._appointments.clear()
            self._provisional.clear()
        self.faults.clear()
        self.limiter.reset()

    def _sorted(self) -> list[Appointment]:
        return sorted(self._appointments.values(), key=lambda a: (a.start, a.id))

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
        now = self.now()
        pool = list(self._appointments.values())
        hosts = free_hosts_at(self.account, t, request.start, minutes, pool, now)
        if not hosts:
            raise bad(MSG_SPOT, "start")
        attendee = stored_attendee(request.attendee)
        if t.double_opt_in or t.require_host_confirmation:
            kind = "doubleOptIn" if t.double_opt_in else "requireHostConfirmation"
            pid = str(uuid.uuid4())
            self._provisional[pid] = Provisional(
                pid, kind, t.id, request.start, minutes, channel, request.location, attendee
            )
            return Answer(201, {"bookingType": kind, "provisionalBookingId": pid})
        appointment = self._book(
            t, hosts, request.start, minutes, channel, request.location, attendee
        )
        return Answer(
            201,
            {
                "appointmentId": appointment.id,
                "secret": appointment.secret,
                "attendeeEmail": attendee["email"],
            },
        )

    def _book(
        self,
        t: MeetingType,
        hosts: list[str],
        start: datetime,
        minutes: int,
        channel: str,
        location: str | None,
        attendee: dict[str, Any],
        provisional_id: str | None = None,
    ) -> Appointment:
        def load(host: str) -> int:
            return sum(
                1
                for a in self._appointments.values()
                if a.active and a.type_id == t.id and a.host_id == host
            )

        host = min(hosts, key=lambda h: (load(h), hosts.index(h)))
        now = self.now()
        appointment = Appointment(
            id=str(uuid.uuid4()),
            type_id=t.id,
            host_id=host,
            queue_id=t.queue_id,
            start=start,
            duration=minutes,
            channel=channel,
            location=location,
            attendee=attendee,
            status="confirmed",
            created_at=now,
            updated_at=now,
            provisional_id=provisional_id,
            secret=secrets.token_hex(16),
        )
        self._appointments[appointment.id] = appointment
        return appointment

    def confirm_provisional(self, provisional_id: str) -> Answer:
        """The attendee (or host) confirms: book it if the spot is still free, else drop it."""
        with self.lock:
            p = self._provisional.pop(provisional_id, None)
            if p is None:
                return MgError(404, "Provisional booking not found").answer()
            t = self.account.meeting_type(p.type_id)
            assert t is not None
            pool = list(self._appointments.values())
            hosts = free_hosts_at(self.account, t, p.start, p.duration, pool, self.now())
            if not hosts:
                return bad(MSG_SPOT, "start").answer()
            appointment = self._book(
                t, hosts, p.start, p.duration, p.channel, p.location, p.attendee, p.id
            )
            return Answer(200, appointment.record())

    # -- appointments ------------------------------------------------------------------

    def get(self, appointment_id: str) -> Answer:
        with self.lock:
            found = self._appointments.get(appointment_id)
            return _not_found().answer() if found is None else Answer(200, found.record())

    def reschedule(self, appointment_id: str, body: object) -> Answer:
        with self.lock:
            try:
                return self._reschedule(appointment_id, body)
            except MgError as error:
                return error.answer()

    def _reschedule(self, appointment_id: str, body: object) -> Answer:
        current = self._appointments.get(appointment_id)
        if current is None:
            raise _not_found()
        if not isinstance(body, dict):
            raise bad(MSG_BODY)
        start = read_start(body)
        if not current.active:
            raise bad("Cancelled appointments cannot be rescheduled")
        t = self.account.meeting_type(current.type_id)
        assert t is not None
        others = [a for a in self._appointments.values() if a.id != appointment_id]
        hosts = free_hosts_at(self.account, t, start, current.duration, others, self.now())
        if not hosts:
            raise bad(MSG_SPOT, "start")
        host = current.host_id if current.host_id in hosts else hosts[0]
        if t.kind != "round-robin" and host != current.host_id:
            raise bad(MSG_SPOT, "start")
        updated = replace(current, start=start, host_id=host, updated_at=self.now())
        self._appointments[appointment_id] = updated
        return Answer(200, updated.record())

    def cancel(self, appointment_id: str, body: object) -> Answer:
        with self.lock:
            current = self._appointments.get(appointment_id)
            if current is None:
                return _not_found().answer()
            reason = body.get("cancelReason") if isinstance(body, dict) else None
            if reason is not None and not isinstance(reason, str):
                return bad("cancelReason must be a string", "cancelReason").answer()
            if not current.active:
                return Answer(200, current.record())
            if current.start <= self.now():
                return bad("Past appointments cannot be cancelled").answer()
            updated = replace(
                current, status="cancelled", cancel_reason=reason, updated_at=self.now()
            )
            self._appointments[appointment_id] = updated
            return Answer(200, updated.record())

    def list_page(self, params: Mapping[str, str]) -> Answer:
        try:
            page = _whole(params.get("page", "1"), "page must be a positive integer", 1, None)
            limit = _whole(params.get("limit", "20"), "limit must be between 1 and 100", 1, 100)
            bounds: dict[str, datetime] = {}
            for name in ("start", "end", "updatedSince"):
                if name in params:
                    parsed = parse_instant(params[name])
                    if parsed is None:
                        raise bad(f"{name} must be an ISO 8601 date-time with a time zone offset")
                    bounds[name] = parsed
        except MgError as error:
            return error.answer()
        email = params.get("attendeeEmail")
        with self.lock:
            rows = [
                a
                for a in self._sorted()
                if ("start" not in bounds or a.start >= bounds["start"])
                and ("end" not in bounds or a.start < bounds["end"])
                and ("updatedSince" not in bounds or a.updated_at >= bounds["updatedSince"])
                and params.get("meetingTypeId", a.type_id) == a.type_id
                and params.get("status", a.status) == a.status
                and (
                    email is None or (a.attendee.get("email") or "").casefold() == email.casefold()
                )
            ]
        total = len(rows)
        chunk = rows[(page - 1) * limit : page * limit]
        meta = {"page": page, "limit": limit, "total": total, "totalPages": -(-total // limit)}
        return Answer(200, {"data": [a.record() for a in chunk], "meta": meta})

    # -- catalog -----------------------------------------------------------------------

    def meeting_types(self) -> Answer:
        return Answer(200, [self._type_json(t) for t in self.account.types])

    def meeting_type(self, type_id: str) -> Answer:
        t = self.account.meeting_type(type_id)
        if t is None:
            return MgError(404, "Meeting type not found").answer()
        return Answer(200, self._type_json(t))

    def _type_json(self, t: MeetingType) -> dict[str, Any]:
        hosts = [self.account.user(h) for h in t.host_ids]
        return {
            "id": t.id,
            "type": t.kind,
            "userId": t.user_id,
            "queueId": t.queue_id,
            "hosts": [{"id": u.id, "name": u.name} for u in hosts if u is not None],
            "timezone": self.account.timezone,
            "meetingInfo": {
                "name": t.name,
                "duration": t.duration,
                "channel": t.channel,
                "bufferBefore": t.buffer_before,
                "bufferAfter": t.buffer_after,
            },
            "meetingOptions": {
                "allowedDurations": list(t.allowed_durations),
                "allowedChannels": list(t.allowed_channels),
                "allowHostSelection": t.allow_host_selection,
                "doubleOptIn": t.double_opt_in,
                "requireHostConfirmation": t.require_host_confirmation,
                "allowPhoneOnlyBooking": t.allow_phone_only_booking,
                "allowAddingGuests": t.allow_adding_guests,
                "maxAttendees": t.max_attendees,
            },
        }

    def availability(self, params: Mapping[str, str]) -> Answer:
        try:
            type_id = params.get("meetingTypeId", "")
            if not type_id.strip():
                raise bad("meetingTypeId is required", "meetingTypeId")
            t = self.account.meeting_type(type_id)
            if t is None:
                raise MgError(404, "Meeting type not found")
            first = _day(params.get("start"), "start")
            last = _day(params.get("end"), "end")
            if last < first:
                raise bad("end must not be before start", "end")
            if (last - first).days + 1 > 31:
                raise bad("The range between start and end must not exceed 31 days", "end")
            minutes = t.duration
            if "meetingDuration" in params:
                try:
                    minutes = int(params["meetingDuration"])
                except ValueError:
                    minutes = -1
                if minutes not in t.durations():
                    raise bad(
                        "meetingDuration" + MSG_DURATION.removeprefix("duration"),
                        "meetingDuration",
                    )
        except MgError as error:
            return error.answer()
        with self.lock:
            pool = list(self._appointments.values())
            now = self.now()
            dates = []
            day = first
            while day <= last:
                spots = spot_hosts(self.account, t, day, minutes, pool, now)
                dates.append(
                    {"date": day.isoformat(), "spots": [{"startTime": iso_ms(s)} for s in spots]}
                )
                day += timedelta(days=1)
        return Answer(200, {"timezone": self.account.timezone, "dates": dates})

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.account.timezone)


def _whole(text: str, message: str, low: int, high: int | None) -> int:
    if not text.isdigit() or int(text) < low or (high is not None and int(text) > high):
        raise bad(message)
    return int(text)


def _day(text: str | None, name: str) -> date:
    try:
        if text is None or len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise bad(f"{name} must be a date (YYYY-MM-DD)", name) from None

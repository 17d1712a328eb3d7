"""The meetergo sandbox's catalog reads: users, meeting types and booking availability.

Owns ``GET /v4/user``, ``GET /v4/user/me``, ``GET /v4/meeting-type[/{id}]`` and
``GET /v4/booking-availability`` over the state's account and appointments, in the documented
shapes (docs/providers.md, "meetergo"). A mixin of `MeetergoState`, which holds the account,
the lock, the clock and the appointments.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from frontdesk.sandbox.meetergo.clinic import Account, MeetingType
from frontdesk.sandbox.meetergo.records import (
    Appointment,
    iso_ms,
    iso_offset,
    type_detail,
    type_summary,
    user_record,
)
from frontdesk.sandbox.meetergo.rules import Answer, MgError, bad, zones
from frontdesk.sandbox.meetergo.spots import next_host, spot_hosts

MAX_RANGE_DAYS = 366  # [ours]: no limit is documented; the connector asks 31 days at a time
_FIRST_DAY, _LAST_DAY = date.min + timedelta(days=2), date.max - timedelta(days=2)


def _day(text: str | None, name: str) -> date:
    try:
        if text is None or len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise bad(f"{name} must be a date (YYYY-MM-DD)", name) from None


def _timeframes(starts: list[datetime], minutes: int) -> list[dict[str, str]]:
    """The spots' time as merged windows, UTC [ours]."""
    frames: list[list[datetime]] = []
    for start in sorted(starts):
        end = start + timedelta(minutes=minutes)
        if frames and start <= frames[-1][1]:
            frames[-1][1] = max(frames[-1][1], end)
        else:
            frames.append([start, end])
    return [{"start": iso_ms(a), "end": iso_ms(b)} for a, b in frames]


def host_list(params: Mapping[str, str], many: list[str]) -> list[str] | None:
    """``hostIds`` as sent: comma-separated, repeated, or both; None when absent."""
    if not many and "hostIds" not in params:
        return None
    return [h.strip() for value in many for h in value.split(",") if h.strip()]


class CatalogReads:
    account: Account
    lock: threading.Lock

    def now(self) -> datetime:
        raise NotImplementedError

    def _pool(self) -> list[Appointment]:
        raise NotImplementedError

    def users(self, user: str) -> Answer:
        """``GET /v4/user``: "Admin access required"."""
        acting = self.account.user(user)
        if acting is None or not acting.is_admin:
            return MgError(403, "Admin access required").answer()
        return Answer(200, {"users": [user_record(self.account, u) for u in self.account.users]})

    def me(self, user: str) -> Answer:
        found = self.account.user(user)
        if found is None:
            return MgError(404, "User not found").answer()
        return Answer(200, user_record(self.account, found))

    def meeting_types(self, user: str) -> Answer:
        """The meeting types associated with the user, as a bare array."""
        return Answer(200, [type_summary(self.account, t) for t in self.account.types_of(user)])

    def meeting_type(self, type_id: str) -> Answer:
        t = self.account.meeting_type(type_id)
        if t is None:
            return MgError(404, "Meeting type not found").answer()
        return Answer(200, type_detail(self.account, t))

    def availability(self, params: Mapping[str, str], host_values: list[str]) -> Answer:
        """``GET /v4/booking-availability``. Spots are grouped by date in ``timezone``
        (default UTC, as the pages say); a round-robin type's spots are those of the
        ``hostIds`` members, else only the queue's next host (the distribution logic the
        page warns about)."""
        try:
            t, first, last, zone, minutes = self._availability_params(params)
        except MgError as error:
            return error.answer()
        hosts: list[str] | None = None
        with self.lock:
            pool = self._pool()
            if t.kind == "round-robin":
                asked = host_list(params, host_values)
                hosts = asked if asked is not None else [next_host(t, pool)]
            home = ZoneInfo(self.account.timezone)
            day = datetime.combine(first, datetime.min.time(), ZoneInfo(zone)).astimezone(home)
            until = datetime.combine(last, datetime.max.time(), ZoneInfo(zone)).astimezone(home)
            found: list[datetime] = []
            local = day.date()
            while local <= until.date():
                spots = spot_hosts(self.account, t, local, minutes, pool, self.now(), hosts)
                found += list(spots)
                local += timedelta(days=1)
        by_date: dict[str, list[datetime]] = {}
        current = first
        while current <= last:
            by_date[current.isoformat()] = []
            current += timedelta(days=1)
        for start in found:
            key = start.astimezone(ZoneInfo(zone)).date().isoformat()
            if key in by_date:
                by_date[key].append(start)
        kept = [s for starts in by_date.values() for s in starts]
        body: dict[str, Any] = {
            "timezone": zone,
            "timeframes": _timeframes(kept, minutes),
            "dates": [
                {"date": d, "spots": [{"startTime": iso_offset(s, zone)} for s in starts]}
                for d, starts in by_date.items()
            ],
        }
        return Answer(200, body)

    def _availability_params(
        self, params: Mapping[str, str]
    ) -> tuple[MeetingType, date, date, str, int]:
        type_id = params.get("meetingTypeId", "")
        if not type_id.strip():
            raise bad("meetingTypeId is required", "meetingTypeId")
        t = self.account.meeting_type(type_id)
        if t is None:
            raise bad("Meeting type not found", "meetingTypeId")
        first = _day(params.get("start"), "start")
        last = _day(params.get("end"), "end")
        if last < first:
            raise bad("end must not be before start", "end")
        if first < _FIRST_DAY or last > _LAST_DAY:  # a zone's shift would leave the calendar
            raise bad("start and end must be dates from 0001-01-03 to 9999-12-29", "start")
        if (last - first).days >= MAX_RANGE_DAYS:
            raise bad(f"start to end must be at most {MAX_RANGE_DAYS} days", "end")
        zone = params.get("timezone") or "UTC"
        if zone not in zones():
            raise bad("timezone must be a valid IANA time zone", "timezone")
        minutes = t.duration
        if "meetingDuration" in params:
            try:
                wanted = float(params["meetingDuration"])
            except ValueError:
                wanted = -1.0
            if wanted not in t.durations():
                raise bad(
                    "meetingDuration must be the meeting type's duration or one of its "
                    "allowedDurations",
                    "meetingDuration",
                )
            minutes = int(wanted)
        return t, first, last, zone, minutes

"""Where a HuskyVoice appointment sits in time, from what the API says of it.

An appointment record has a ``date``, a ``session`` and a ``batch``, never a minute
(docs/providers.md, "Appointment record"). A booking the desk sent keeps the start the desk
sent; one first seen in a pull is placed at the start of its calendar window on that date,
found in the cached availability by branch, session and batch (else by branch and session;
else the same weekday's window, since windows repeat weekly), and failing all of those at the
session's nominal hours [ours]. The span it may lie in travels with the booking
(``domain.booking.APPROXIMATE_TIME``) so the desk says "in the Morning session" rather than
pretending to know a minute. Also: the UTC days a list of local days spans (the search's
``date`` filter is a UTC day).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from frontdesk.domain.catalog import Window
from frontdesk.domain.timeutil import iso_utc, local_day_bounds, local_to_utc, to_local

# [ours] A session's hours when no cached window names it: (placeholder start, from, to), local.
# The spans cover the whole day between them, so any start the desk gave lies in one.
SESSION_HOURS: dict[str, tuple[time, time, time | None]] = {
    "morning": (time(9), time(0), time(12)),
    "afternoon": (time(14), time(12), time(17)),
    "evening": (time(18), time(17), None),
}
UNKNOWN_SESSION_AT = time(9)


@dataclass(frozen=True, slots=True)
class Span:
    """Where in time the booking system holds an appointment: ``at`` its placeholder start,
    somewhere in ``[start, end)``, called ``label``."""

    at: datetime
    start: datetime
    end: datetime
    label: str

    def as_extra(self) -> dict[str, str]:
        return {
            "at": iso_utc(self.at),
            "from": iso_utc(self.start),
            "to": iso_utc(self.end),
            "label": self.label,
        }


def _fold(text: str | None) -> str:
    return (text or "").strip().casefold()


class Places:
    """The cached windows of one org, asked where a record of a date and session sits."""

    def __init__(self, zone_name: str, windows: Iterable[Window] = ()) -> None:
        self.zone_name = zone_name
        self.windows = list(windows)

    def _window(self, branch_id: str, day: date, session: str, batch: str) -> Window | None:
        def matches(w: Window, with_batch: bool) -> bool:
            return (
                w.resource_id == branch_id
                and _fold(w.session) == session
                and (not with_batch or _fold(w.batch) == batch)
            )

        for with_batch in (True, False):
            if with_batch and not batch:
                continue
            same_day = [w for w in self.windows if w.day == day and matches(w, with_batch)]
            if same_day:
                return min(same_day, key=lambda w: w.start)
        for with_batch in (True, False):  # windows repeat weekly on the same day and session
            if with_batch and not batch:
                continue
            weekly = [
                w
                for w in self.windows
                if w.day.weekday() == day.weekday() and matches(w, with_batch)
            ]
            if weekly:
                return min(weekly, key=lambda w: (abs((w.day - day).days), w.start))
        return None

    def _local(self, day: date, wall: time) -> datetime:
        return local_to_utc(day, wall, self.zone_name).instant

    def of_record(self, branch_id: str, day: date, session: str | None, batch: str | None) -> Span:
        """Where a record of ``day``, ``session`` and ``batch`` at ``branch_id`` sits."""
        name = (session or "").strip()
        label = f"{name} session" if name else ""
        window = self._window(branch_id, day, _fold(name), _fold(batch)) if name else None
        if window is not None:
            opens = self._local(day, window.start)
            return Span(opens, opens, self._local(day, window.end), label)
        hours = SESSION_HOURS.get(_fold(name))
        first, last = local_day_bounds(day, self.zone_name)
        if hours is None:
            return Span(self._local(day, UNKNOWN_SESSION_AT), first, last, label)
        at, start, end = hours
        until = self._local(day, end) if end is not None else last
        return Span(self._local(day, at), self._local(day, start), until, label)

    def of_start(self, branch_id: str, start: datetime, end: datetime) -> Span:
        """The span a booking the desk placed at ``start`` is held in: its window that day,
        else just its own time."""
        local = to_local(start, self.zone_name)
        wall = local.time().replace(tzinfo=None)
        for window in self.windows:
            if (
                window.resource_id == branch_id
                and window.day == local.date()
                and window.holds(wall)
            ):
                label = f"{window.session} session" if window.session else ""
                return Span(
                    start,
                    self._local(window.day, window.start),
                    self._local(window.day, window.end),
                    label,
                )
        return Span(start, start, max(end, start + timedelta(minutes=1)), "")


def utc_days(local_days: Iterable[date], zone_name: str) -> list[date]:
    """Every UTC day that some instant of ``local_days`` (in ``zone_name``) falls on."""
    days = sorted(set(local_days))
    if not days:
        return []
    first, _ = local_day_bounds(days[0], zone_name)
    _, last = local_day_bounds(days[-1], zone_name)
    result: list[date] = []
    day = first.date()
    final = (last - timedelta(microseconds=1)).date()
    while day <= final:
        result.append(day)
        day += timedelta(days=1)
    return result

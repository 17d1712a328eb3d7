"""The names of a refresh's parts (``sync.refresh``): the catalog, the remote bookings, and
each day's windows where an API reads a day apart. A module of their own, free of the
connectors, so that the desk's status words (``app.sync_status``) can name a stale part
without the providers being imported before the first paint."""

from __future__ import annotations

from datetime import date

CATALOG = "catalog"  # the services, columns and opening hours
BOOKINGS = "bookings"  # the bookings the booking system holds (other channels' too)
_DAY = "day:"  # + an ISO date: that local day's openings (read apart)


def day_part(day: date) -> str:
    """The part that is local ``day``'s windows."""
    return _DAY + day.isoformat()


def part_day(part: str) -> date | None:
    """The day a part is the windows of (None: not a day's part)."""
    if not part.startswith(_DAY):
        return None
    try:
        return date.fromisoformat(part[len(_DAY) :])
    except ValueError:
        return None

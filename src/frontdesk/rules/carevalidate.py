"""CareValidate's book checks, predicted offline.

Follows docs/providers.md ("CareValidate", "Book") step by step and answers with CareValidate's
own status and ``error`` text (``code`` is always ``None``: the API has no error codes). The
input is the exact wire body. Open slots come from the cached catalog: each is an
``exact`` window of one event type (``service_id``) on its provider (``resource_id``); the
desk's own active bookings of the same provider also take the time they overlap.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache

from frontdesk.domain.booking import Booking
from frontdesk.domain.catalog import Catalog, Service
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.verdict import Verdict

REQUIRED = ("eventTypeId", "startTime", "email", "timezone", "location")
OPTIONAL_NAMES = ("firstName", "lastName")
TRACKING_MEMBERS = (
    "utmCampaign",
    "utmSource",
    "utmMedium",
    "utmContent",
    "utmTerm",
    "salesforceUuid",
)
LOCATIONS = (
    "google_conference",
    "zoom_conference",
    "gotomeeting_conference",
    "microsoft_teams_conference",
    "webex_conference",
)
ACCEPTED_MESSAGE = "Meeting scheduled successfully"
NOT_A_SLOT = "startTime is not an available slot for this event type"

_START = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})"
    r"(?::([0-9]{2})(?:\.([0-9]{1,9}))?)?(Z|[+-][0-9]{2}:[0-9]{2})"
)


def _refuse(message: str, field: str | None) -> Verdict:
    return Verdict(status=400, code=None, message=message, field=field)


def parse_start(text: str) -> datetime | None:
    """``startTime`` as an aware UTC instant to the millisecond, or ``None`` (check 5)."""
    found = _START.fullmatch(text)
    if found is None:
        return None
    fraction = (found[7] or "").ljust(6, "0")[:6]
    offset = found[8]
    try:
        zone = UTC
        if offset != "Z":
            hours, minutes = int(offset[1:3]), int(offset[4:6])
            if hours > 23 or minutes > 59:
                return None
            delta = timedelta(hours=hours, minutes=minutes)
            zone = timezone(-delta if offset[0] == "-" else delta)
        value = datetime(
            int(found[1]),
            int(found[2]),
            int(found[3]),
            int(found[4]),
            int(found[5]),
            int(found[6] or 0),
            int(fraction),
            tzinfo=zone,
        ).astimezone(UTC)
    except (ValueError, OverflowError):
        return None
    return value.replace(microsecond=(value.microsecond // 1000) * 1000)


def email_ok(text: str) -> bool:
    """Check 6: short, no spaces, one ``@``, a dotted domain with no empty label."""
    if len(text) > 254 or text.count("@") != 1 or any(c.isspace() for c in text):
        return False
    local, domain = text.split("@")
    parts = domain.split(".")
    return local != "" and len(parts) > 1 and "" not in parts


@lru_cache(maxsize=1)
def _iana() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def zone_ok(name: str) -> bool:
    return name in _iana()


def provider_of(catalog: Catalog, service: Service | None, fallback: str = "") -> str:
    if service is not None:
        value = service.extra.get("providerId")
        if isinstance(value, str) and value:
            return value
    return fallback


def slot_is_cached(catalog: Catalog, service: Service, instant: datetime) -> bool:
    """An open exact window of this event type starting at the instant's local wall time."""
    local = to_local(instant, catalog.policy.timezone)
    wall = local.time().replace(tzinfo=None)
    return any(
        w.exact
        and w.open
        and w.service_id == service.id
        and w.day == local.date()
        and w.start == wall
        for w in catalog.windows
    )


def predict_create(
    body: object,
    catalog: Catalog,
    bookings: Iterable[Booking],
    now: datetime,
    *,
    ignore_booking_id: str | None = None,
) -> Verdict:
    """What ``POST /api/v1/calendar/appointments`` with ``body`` would answer."""
    if not isinstance(body, Mapping):
        return _refuse("Request body must be a JSON object", None)
    for name in REQUIRED:
        value = body.get(name)
        if value is None or (isinstance(value, str) and value.strip() == ""):
            return _refuse(f"{name} is required", name)
        if not isinstance(value, str):
            return _refuse(f"{name} must be a string", name)
    for name in OPTIONAL_NAMES:
        value = body.get(name)
        if value is not None and not isinstance(value, str):
            return _refuse(f"{name} must be a string", name)
    tracking = body.get("tracking")
    if tracking is not None:
        if not isinstance(tracking, Mapping):
            return _refuse("tracking must be an object", "tracking")
        for member in TRACKING_MEMBERS:
            value = tracking.get(member)
            if value is not None and not isinstance(value, str):
                return _refuse(f"tracking.{member} must be a string or null", "tracking")
    instant = parse_start(body["startTime"])
    if instant is None:
        return _refuse("startTime must be a valid ISO 8601 date-time", "startTime")
    if not email_ok(body["email"]):
        return _refuse("email must be a valid email address", "email")
    if not zone_ok(body["timezone"]):
        return _refuse("timezone must be a valid IANA timezone", "timezone")
    if body["location"] not in LOCATIONS:
        return _refuse("location must be one of " + ", ".join(LOCATIONS), "location")
    service = catalog.service(body["eventTypeId"])
    if service is None or not service.active:
        return _refuse("eventTypeId does not match any event type", "eventTypeId")
    if instant <= now:
        return _refuse("startTime must be in the future", "startTime")
    not_a_slot = _refuse(NOT_A_SLOT, "startTime")
    if not slot_is_cached(catalog, service, instant):
        return not_a_slot
    provider = provider_of(catalog, service)
    end = instant + timedelta(minutes=service.duration_minutes)
    for other in bookings:
        if not other.active or other.id == ignore_booking_id:
            continue
        owner = provider_of(catalog, catalog.service(other.service_id), other.resource_id)
        if owner == provider and other.start < end and instant < other.end:
            return not_a_slot
    return Verdict(status=200, code=None, message=ACCEPTED_MESSAGE)

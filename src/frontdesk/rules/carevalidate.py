"""CareValidate's book checks, predicted offline.

Follows docs/providers.md ("CareValidate", "Book") step by step. Errors are only what the
create page documents (a JSON object; the required fields, as strings; names and `tracking`
members as strings or null; an ISO 8601 `startTime`; an email; an IANA `timezone`; the
`location` values), answered with CareValidate's status and the sandbox's `error` text (the
page shows a placeholder; ``code`` is always ``None``). Whether the start is "the correct slot
time" CareValidate (Calendly) judges when the booking is sent: no open slots can be read, so
the rules only warn (``Severity.RISK``) when an event type is not among those listed, the start
has passed, or a cached booking of the same provider overlaps it.
"""

from __future__ import annotations

import re
import zoneinfo
from collections.abc import Hashable, Iterable, Mapping
from datetime import UTC, date, datetime, timedelta, timezone
from functools import lru_cache

from frontdesk.domain.booking import Booking
from frontdesk.domain.catalog import Catalog, Service
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.domain.verdict import Severity, Verdict

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
# The desk's own warnings (English; said in the desk's language, translate("Verdicts", ...))
UNLISTED_TYPE = QT_TRANSLATE_NOOP(
    "Verdicts",
    "This event type is not among those CareValidate lists for the connection's states; "
    "it may refuse it. CareValidate checks the slot when the booking is sent.",
)
START_PASSED = QT_TRANSLATE_NOOP(
    "Verdicts",
    "The start has passed; CareValidate will likely refuse it. CareValidate checks the slot "
    "when the booking is sent.",
)
SLOT_TAKEN = QT_TRANSLATE_NOOP(
    "Verdicts",
    "The provider already has a booking at this time in the desk's cache; CareValidate checks "
    "the slot when the booking is sent and refuses a time that is taken.",
)

_START = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2})"
    r"(?::([0-9]{2})(?:\.([0-9]{1,9}))?)?(Z|[+-][0-9]{2}:[0-9]{2})"
)


def _refuse(message: str, field: str | None) -> Verdict:
    return Verdict(status=400, code=None, message=message, field=field)


def _risk(message: str, field: str) -> Verdict:
    """One of the desk's warnings above, in the desk's language."""
    said = translate("Verdicts", message)
    return Verdict(status=200, code=None, message=said, field=field, severity=Severity.RISK)


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


def providers_of(service: Service | None) -> frozenset[str]:
    """The providers (resource ids: provider names) listed with an event type."""
    names = service.extra.get("providers") if service is not None else None
    return frozenset(str(n) for n in names) if isinstance(names, list) else frozenset()


def documented_errors(body: object) -> tuple[Verdict | None, datetime | None]:
    """Checks 1-8, what the create page documents: the first refusal, else the start."""
    if not isinstance(body, Mapping):
        return _refuse("Request body must be a JSON object", None), None
    for name in REQUIRED:
        value = body.get(name)
        if value is None or (isinstance(value, str) and value.strip() == ""):
            return _refuse(f"{name} is required", name), None
        if not isinstance(value, str):
            return _refuse(f"{name} must be a string", name), None
    for name in OPTIONAL_NAMES:
        value = body.get(name)
        if value is not None and not isinstance(value, str):
            return _refuse(f"{name} must be a string", name), None
    tracking = body.get("tracking")
    if tracking is not None:
        if not isinstance(tracking, Mapping):
            return _refuse("tracking must be an object", "tracking"), None
        for member in TRACKING_MEMBERS:
            value = tracking.get(member)
            if value is not None and not isinstance(value, str):
                return _refuse(f"tracking.{member} must be a string or null", "tracking"), None
    instant = parse_start(body["startTime"])
    if instant is None:
        return _refuse("startTime must be a valid ISO 8601 date-time", "startTime"), None
    if not email_ok(body["email"]):
        return _refuse("email must be a valid email address", "email"), None
    if not zone_ok(body["timezone"]):
        return _refuse("timezone must be a valid IANA timezone", "timezone"), None
    if body["location"] not in LOCATIONS:
        return _refuse("location must be one of " + ", ".join(LOCATIONS), "location"), None
    return None, instant


def context_days(day: date) -> tuple[date, date]:
    """The first and last org-local days whose cached bookings :func:`predict_create` reads
    for a booking starting on local ``day``: the day and its neighbours, where a booking that
    overlaps it (an event lasts less than a day) can start."""
    return day - timedelta(days=1), day + timedelta(days=1)


def neighbour_keys(booking: Booking, catalog: Catalog) -> frozenset[Hashable] | None:
    """Of the bookings of its days, :func:`predict_create` weighs against ``booking`` only
    those sharing one of these keys with it: the providers of its event type and its own
    provider (an overlap is a provider's)."""
    names = set(providers_of(catalog.service(booking.service_id)))
    if booking.resource_id:
        names.add(booking.resource_id)
    return frozenset(("provider", name) for name in names)


def predict_create(
    body: object,
    catalog: Catalog,
    bookings: Iterable[Booking],
    now: datetime,
    *,
    ignore_booking_id: str | None = None,
) -> Verdict:
    """What ``POST /api/v1/calendar/appointments`` with ``body`` would answer: a documented
    refusal, a risk (accepted as far as the desk can tell), or accepted."""
    refused, instant = documented_errors(body)
    if refused is not None or instant is None or not isinstance(body, Mapping):
        return refused or _refuse("Request body must be a JSON object", None)
    service = catalog.service(body["eventTypeId"])
    if service is None:
        return _risk(UNLISTED_TYPE, "eventTypeId")
    if instant <= now:
        return _risk(START_PASSED, "startTime")
    end = instant + timedelta(minutes=service.duration_minutes)
    mine = providers_of(service)
    for other in bookings:
        if not other.active or other.id == ignore_booking_id:
            continue
        theirs = (
            {other.resource_id}
            if other.resource_id
            else providers_of(catalog.service(other.service_id))
        )
        if mine & theirs and other.start < end and instant < other.end:
            return _risk(SLOT_TAKEN, "startTime")
    return Verdict(status=200, code=None, message=ACCEPTED_MESSAGE)

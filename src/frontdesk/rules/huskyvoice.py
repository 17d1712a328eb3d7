"""HuskyVoice's create checks, predicted offline, and what the cache must say for them.

Follows docs/providers.md ("Create: POST /v1/appointments") step by step and answers with
HuskyVoice's own status, code and message. The input is the exact wire body, so ``frontdesk
validate`` can judge a request file and the desk can judge what its mapper would send.

Capacity: a window's cached ``capacity`` is the ``available_slots`` the availability endpoint
gave when the catalog was pulled (``ai_slots - filled_slots``, live at that moment). Counted
against it are only the bookings that figure cannot include yet: those the booking system does
not hold where they now are (pencilled, moved at the desk, refused) and those it accepted into
that window after the availability was read (``HELD``'s ``at`` against the policy's
``SLOTS_READ_AT``). Every non-cancelled booking of the window counts, whatever its service
[ours: the reading that refuses whenever either reading of the create page would].
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from frontdesk.domain.booking import Booking
from frontdesk.domain.catalog import Catalog, Service, Window
from frontdesk.domain.neighbours import ColumnTest, Match, equals
from frontdesk.domain.timeutil import ensure_utc, parse_iso_instant, to_local
from frontdesk.domain.verdict import Severity, Verdict

# In a booking's ``extra``: what the booking system holds of it, as the connector last saw it:
# {"branch_id", "service_id", "from", "to" (ISO instants: where in time it is held, the
# window's span or the desk's own start), "at" (ISO instant it was accepted there by a desk
# send, null when a pull saw it), "status" (the record's own word, e.g. "rescheduled")}.
HELD = "huskyvoice"
# In the policy's ``extra``: when the availability behind the cached windows was read (ISO),
# and the local days it was read for (ISO dates): a day read with no window listed is closed.
SLOTS_READ_AT = "slots_read_at"
SLOTS_DAYS = "slots_days"
# In the policy's ``extra``: {ISO date: ISO instant} for the days whose windows were read at
# another time than ``SLOTS_READ_AT`` (a day a refresh could not read keeps its older windows;
# a day read again on its own is newer).
SLOTS_READ_BY_DAY = "slots_read_by_day"
# In the policy's ``extra``: False when the org's configuration did not say whether duplicate
# prevention is on (then a duplicate is only a risk).
DUPLICATES_KNOWN = "duplicate_prevention_known"

REQUIRED = ("appointment_type", "appointment_date", "patient_name", "parent_phone")
OPTIONAL_STRINGS = ("branch_id", "session", "batch", "assigned_doctor", "external_reference_id")
SESSIONS = ("Morning", "Afternoon", "Evening")


def _error(status: int, code: str, message: str, field: str | None = None) -> Verdict:
    return Verdict(status=status, code=code, message=message, field=field)


def _validation(message: str, field: str | None) -> Verdict:
    return _error(400, "VALIDATION_ERROR", message, field)


# The ISO 8601 forms the API takes (docs/providers.md, check 4): a date, or a date, "T", hours
# and minutes with optional seconds and fraction, then "Z", an offset, or nothing (= UTC).
_ISO_FORMS = re.compile(
    r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?"
)


def parse_wire_instant(text: str) -> datetime | None:
    """``appointment_date`` as an instant, or ``None`` when it is not one of the API's forms."""
    if not _ISO_FORMS.fullmatch(text):
        return None
    return parse_iso_instant(text)


_NOT_DIGITS = re.compile(r"[^0-9]")  # ASCII digits only: a str pattern's [0-9] is just those


def normalize_phone(phone: str) -> str:
    """Digits of a phone number, keeping a leading ``+``: how duplicates are compared."""
    text = phone.strip()
    return ("+" if text.startswith("+") else "") + _NOT_DIGITS.sub("", text)


def resolve_service(catalog: Catalog, value: str) -> Service | None:
    """An active service by exact UUID, else by case-insensitive name."""
    active = [s for s in catalog.services if s.active]
    for service in active:
        if service.id == value:
            return service
    wanted = value.strip().casefold()
    return next((s for s in active if s.name.strip().casefold() == wanted), None)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a booking lands: its window and org-local date."""

    window: Window
    local_day: date


def find_window(
    catalog: Catalog,
    branch_id: str,
    instant: datetime,
    session: str | None,
    service_id: str | None = None,
) -> Window | None:
    """The branch's window on the local date that holds the local time of ``instant`` (of
    ``session`` when given) and takes ``service_id`` (a window restricted to another service
    does not); an open one first."""
    local = to_local(instant, catalog.policy.timezone)
    found = [
        window
        for window in catalog.windows_on(branch_id, local.date())
        if (session is None or (window.session or "").casefold() == session.casefold())
        and (window.service_id is None or service_id is None or window.service_id == service_id)
        and window.holds(local.time().replace(tzinfo=None))
    ]
    return next((w for w in found if w.open), found[0] if found else None)


def _same_window(booking: Booking, window: Window, zone_name: str) -> bool:
    if booking.resource_id != window.resource_id:
        return False  # most bookings of the day: told apart without a zone conversion
    local = to_local(booking.start, zone_name)
    return local.date() == window.day and window.holds(local.time().replace(tzinfo=None))


def _instant(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return ensure_utc(datetime.fromisoformat(value))
    except ValueError:
        return None


def slots_read_at(catalog: Catalog, day: date | None = None) -> datetime | None:
    """When the cached windows' ``available_slots`` (of local ``day``, when given) were read
    (None: not known)."""
    by_day = catalog.policy.extra.get(SLOTS_READ_BY_DAY)
    if day is not None and isinstance(by_day, Mapping) and day.isoformat() in by_day:
        return _instant(by_day[day.isoformat()])
    return _instant(catalog.policy.extra.get(SLOTS_READ_AT))


def availability_read_for(catalog: Catalog, day: date) -> bool:
    """Whether the cached windows of ``day`` are what the availability listed for it (so no
    window there means no open window, not an unknown day)."""
    days = catalog.policy.extra.get(SLOTS_DAYS)
    return isinstance(days, list) and day.isoformat() in days


def held_here(booking: Booking) -> Mapping[str, object] | None:
    """``HELD`` when the booking system holds ``booking`` at its present branch and time."""
    held = booking.extra.get(HELD)
    if not isinstance(held, Mapping) or held.get("branch_id") != booking.resource_id:
        return None
    start, end = _instant(held.get("from")), _instant(held.get("to"))
    if start is None or end is None or not start <= booking.start < end:
        return None
    return held


def in_available_slots(booking: Booking, read_at: datetime | None) -> bool:
    """Whether the cached ``available_slots`` of the booking's window already counts it: the
    booking system holds it there, and did when the availability was read (a pull saw it, or
    the desk's send was accepted before that read)."""
    held = held_here(booking)
    if held is None:
        return False
    accepted = held.get("at")
    if accepted is None:
        return True
    when = _instant(accepted)
    return when is not None and read_at is not None and when < read_at


def taken_since(
    window: Window,
    catalog: Catalog,
    bookings: Iterable[Booking],
    ignore_booking_id: str | None = None,
) -> int:
    """The window's non-cancelled bookings its cached ``available_slots`` cannot include."""
    zone_name = catalog.policy.timezone
    read_at = slots_read_at(catalog, window.day)
    return sum(
        1
        for b in bookings
        if b.resource_id == window.resource_id  # the cheap test first: a day has thousands
        and b.active
        and b.id != ignore_booking_id
        and _same_window(b, window, zone_name)
        and not in_available_slots(b, read_at)
    )


def places_left(
    window: Window,
    catalog: Catalog,
    bookings: Iterable[Booking],
    ignore_booking_id: str | None = None,
) -> int | None:
    """Places the window still has for a booking made through the API (None: no limit)."""
    if window.capacity is None:
        return None
    return max(0, window.capacity - taken_since(window, catalog, bookings, ignore_booking_id))


def predict_change(booking: Booking) -> Verdict | None:
    """A change HuskyVoice's PATCH cannot make to a booking it holds: another branch or
    another service (neither is an updatable field). None when there is none."""
    held = booking.extra.get(HELD)
    if booking.remote_id is None or not isinstance(held, Mapping):
        return None
    for key, field, word in (
        ("branch_id", "resource_id", "branch"),
        ("service_id", "service_id", "service"),
    ):
        was = held.get(key)
        if isinstance(was, str) and was and was != getattr(booking, field):
            return Verdict(
                status=400,
                code="VALIDATION_ERROR",
                message=(
                    f"HuskyVoice cannot move an appointment to another {word}. "
                    "Cancel it and book it again instead."
                ),
                field=field,
            )
    return None


def context_days(day: date) -> tuple[date, date]:
    """The first and last org-local days whose cached bookings :func:`predict_create` reads
    for a booking starting on local ``day``: that day alone. A window's places and the
    duplicate rule count one local date; a replay is the booking itself (its reference is its
    own id), on its own day."""
    return day, day


def neighbour_keys(booking: Booking, catalog: Catalog) -> frozenset[Hashable] | None:
    """Of the bookings of its days, :func:`predict_create` weighs against ``booking`` only
    those sharing one of these keys with it (and it against them): its branch (a window's
    places), its patient for its service (the duplicate rule) and its reference (a replay)."""
    return frozenset(
        {
            ("branch", booking.resource_id),
            ("patient", booking.service_id, normalize_phone(booking.patient_phone)),
            ("reference", booking.external_ref or booking.id),
        }
    )


def neighbour_reads(booking: Booking, catalog: Catalog) -> tuple[Match, ...]:
    """:func:`neighbour_keys` in the cache's columns: its branch; its service with a phone of
    the same digits; its reference, or the id of a booking with no reference."""
    reference = booking.external_ref or booking.id
    return (
        equals("resource_id", booking.resource_id),
        (
            ColumnTest("service_id", booking.service_id),
            ColumnTest("patient_phone", normalize_phone(booking.patient_phone), digits=True),
        ),
        equals("external_ref", reference),
        equals("id", reference),
    )


def predict_create(
    body: object,
    catalog: Catalog,
    bookings: Iterable[Booking],
    now: datetime,
    *,
    ignore_booking_id: str | None = None,
) -> Verdict:
    """What ``POST /v1/appointments`` with ``body`` would answer, given the cached state.

    ``ignore_booking_id`` leaves one booking out of the counts (a reschedule of that booking).
    """
    if not isinstance(body, Mapping):
        return _validation("Request body must be a JSON object", None)
    for name in REQUIRED:
        value = body.get(name)
        if not isinstance(value, str) or not value.strip():
            return _validation(f"{name} is required", name)
    for name in OPTIONAL_STRINGS:
        value = body.get(name)
        if value is not None and not isinstance(value, str):
            return _validation(f"{name} must be a string", name)
    instant = parse_wire_instant(str(body["appointment_date"]))
    if instant is None:
        return _validation("appointment_date must be an ISO 8601 UTC datetime", "appointment_date")
    session = body.get("session")
    if session is not None and session.casefold() not in {s.casefold() for s in SESSIONS}:
        return _validation("session must be one of Morning, Afternoon, Evening", "session")
    branch = _resolve_branch(catalog, body.get("branch_id"))
    if isinstance(branch, Verdict):
        return branch
    pool = [b for b in bookings if b.id != ignore_booking_id]
    reference = body.get("external_reference_id")
    if reference:  # a blank reference asks for no replay
        replay = next((b for b in pool if b.external_ref == reference and b.active), None)
        if replay is not None:
            return Verdict(
                status=200,
                message="Appointment already exists for this external_reference_id",
                existing_id=replay.remote_id,
            )
    if instant <= now:
        return _error(
            400, "PAST_APPOINTMENT", "appointment_date must be in the future", "appointment_date"
        )
    service = resolve_service(catalog, str(body["appointment_type"]))
    if service is None:
        return _error(
            422,
            "INVALID_APPOINTMENT_TYPE",
            "appointment_type does not match any configured service",
            "appointment_type",
        )
    window = find_window(catalog, branch, instant, session, service.id)
    if window is None:
        return _error(
            422,
            "OUTSIDE_AVAILABILITY",
            "appointment_date does not fall within any configured calendar window",
            "appointment_date",
        )
    if not window.open:
        return _error(409, "SLOT_INACTIVE", "The calendar window is closed", "appointment_date")
    zone_name = catalog.policy.timezone
    left = places_left(window, catalog, pool)
    if left is not None and left <= 0:
        return _error(409, "SLOT_FULL", "No remaining capacity in this window", "appointment_date")
    same_service = [b for b in pool if b.service_id == service.id and b.active]
    known = catalog.policy.extra.get(DUPLICATES_KNOWN, True) is not False
    if catalog.policy.duplicate_prevention or not known:
        phone = normalize_phone(str(body["parent_phone"]))
        day = to_local(instant, zone_name).date()
        for other in same_service:
            if (
                normalize_phone(other.patient_phone) == phone
                and to_local(other.start, zone_name).date() == day
            ):
                message = (
                    "A non-cancelled appointment already exists for this phone number, "
                    "type and date"
                )
                if not known:
                    message = (
                        f"{message}. HuskyVoice refuses it if duplicate prevention is on in "
                        "the org's settings, which its configuration does not say"
                    )
                return Verdict(
                    status=409,
                    code="DUPLICATE_BOOKING",
                    message=message,
                    field="parent_phone",
                    severity=Severity.ERROR if known else Severity.RISK,
                    existing_id=other.remote_id,
                )
    return Verdict(status=201, message="Appointment would be created")


def _resolve_branch(catalog: Catalog, value: object) -> str | Verdict:
    branches = [r.id for r in catalog.resources]
    if value is None or (isinstance(value, str) and not value.strip()):
        if len(branches) == 1:
            return branches[0]
        return _validation(
            "branch_id is required when the organization has more than one branch", "branch_id"
        )
    if value not in branches:
        return _validation("branch_id does not match any branch", "branch_id")
    return str(value)

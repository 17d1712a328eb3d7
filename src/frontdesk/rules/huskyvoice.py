"""HuskyVoice's create checks, predicted offline.

Follows docs/providers.md ("Create: POST /v1/appointments") step by step and answers with
HuskyVoice's own status, code and message. The input is the exact wire body, so ``frontdesk
validate`` can judge a request file and the desk can judge what its mapper would send.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from frontdesk.domain.booking import Booking
from frontdesk.domain.catalog import Catalog, Service, Window
from frontdesk.domain.timeutil import parse_iso_instant, to_local
from frontdesk.domain.verdict import Verdict

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


def normalize_phone(phone: str) -> str:
    """Digits of a phone number, keeping a leading ``+``: how duplicates are compared."""
    text = phone.strip()
    digits = "".join(ch for ch in text if ch in "0123456789")
    return ("+" if text.startswith("+") else "") + digits


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
    catalog: Catalog, branch_id: str, instant: datetime, session: str | None
) -> Window | None:
    """The branch's window on the local date that holds the local time of ``instant``."""
    local = to_local(instant, catalog.policy.timezone)
    for window in catalog.windows_on(branch_id, local.date()):
        if session is not None and (window.session or "").casefold() != session.casefold():
            continue
        if window.holds(local.time().replace(tzinfo=None)):
            return window
    return None


def _same_window(booking: Booking, window: Window, zone_name: str) -> bool:
    local = to_local(booking.start, zone_name)
    return (
        booking.resource_id == window.resource_id
        and local.date() == window.day
        and window.holds(local.time().replace(tzinfo=None))
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
        replay = next((b for b in pool if b.active and b.external_ref == reference), None)
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
    window = find_window(catalog, branch, instant, session)
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
    same_service = [b for b in pool if b.active and b.service_id == service.id]
    taken = sum(1 for b in same_service if _same_window(b, window, zone_name))
    if window.capacity is not None and taken >= window.capacity:
        return _error(409, "SLOT_FULL", "No remaining capacity in this window", "appointment_date")
    if catalog.policy.duplicate_prevention:
        phone = normalize_phone(str(body["parent_phone"]))
        day = to_local(instant, zone_name).date()
        for other in same_service:
            if (
                normalize_phone(other.patient_phone) == phone
                and to_local(other.start, zone_name).date() == day
            ):
                return Verdict(
                    status=409,
                    code="DUPLICATE_BOOKING",
                    message=(
                        "A non-cancelled appointment already exists for this phone number, "
                        "type and date"
                    ),
                    field="parent_phone",
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

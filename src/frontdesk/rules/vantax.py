"""VantaX's create checks, predicted offline.

Follows docs/providers.md (VantaX, "Create: POST /appointments") step by step and answers
with VantaX's status, the code ``/error-codes`` names for it (VantaX's error body carries no
code: the connector derives it from the status the same way) and the message. The input is
the exact wire body. Only documented constraints refuse: required fields, types, the status
enum, UTC timestamps, E.164 phones, and what the key's sub-account holds.
Also the ``POST /contacts`` checks, which a desk booking meets first when its patient has no
VantaX contact yet.

The catalog carries what the checks need (see the connector): resources are calendars with
``extra`` = ``{"is_active", "slot_duration_minutes", "sub_account_id"}``; ``policy.extra``
has ``sub_account_id`` (the connection's: its API key acts on that one only) and
``contacts`` (the ids of that sub-account's contacts).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from frontdesk.domain.booking import Booking
from frontdesk.domain.catalog import Catalog
from frontdesk.domain.neighbours import Match, equals
from frontdesk.domain.translation import translate
from frontdesk.domain.verdict import Severity, Verdict

STATUSES = ("scheduled", "confirmed", "completed", "cancelled", "no_show")
ACCEPTED = Verdict(status=201, code=None, message="Appointment created successfully")
CONTACT_ACCEPTED = Verdict(status=201, code=None, message="Contact created successfully")

_UTC_STAMP = re.compile(
    r"(?P<y>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})T(?P<h>\d{2}):(?P<mi>\d{2})"
    r"(:(?P<s>\d{2})(\.\d{1,6})?)?(Z|\+00:00)",
    re.ASCII,
)
_MAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_E164 = re.compile(r"\+[1-9][0-9]{1,14}", re.ASCII)


def parse_utc_stamp(text: str) -> datetime | None:
    """``appointment_date`` as an instant (to the second), or None when not the API's form."""
    found = _UTC_STAMP.fullmatch(text)
    if found is None:
        return None
    try:
        return datetime(
            int(found["y"]),
            int(found["mo"]),
            int(found["d"]),
            int(found["h"]),
            int(found["mi"]),
            int(found["s"] or 0),
            tzinfo=UTC,
        )
    except ValueError:
        return None


def _missing(body: Mapping[str, Any], name: str) -> str | None:
    value = body.get(name)
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return f"{name} is required"
    if not isinstance(value, str):
        return f"{name} must be a string"
    return None


def _text(name: str) -> Callable[[Mapping[str, Any]], str | None]:
    """An optional string (the pages give no length limits, so none is checked)."""

    def check(body: Mapping[str, Any]) -> str | None:
        value = body.get(name)
        if value is None or isinstance(value, str):
            return None
        return f"{name} must be a string"

    return check


def _need(name: str) -> Callable[[Mapping[str, Any]], str | None]:
    return lambda body: _missing(body, name)


def _check_date(body: Mapping[str, Any]) -> str | None:
    problem = _missing(body, "appointment_date")
    if problem is None and parse_utc_stamp(str(body["appointment_date"])) is None:
        return "appointment_date must be an ISO-8601 UTC timestamp, e.g. 2026-06-09T15:00:00Z"
    return problem


def _check_calendar(body: Mapping[str, Any]) -> str | None:
    value = body.get("calendar_id")
    if value is None:
        return None
    if not isinstance(value, str):
        return "calendar_id must be a string"
    return "calendar_id must not be blank" if not value.strip() else None


def _check_duration(body: Mapping[str, Any]) -> str | None:
    """`duration` is "Length in minutes", an integer; no range is given (only a calendar's slot
    length is clamped to 5-480), so none is checked."""
    value = body.get("duration")
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return None
    return "duration must be an integer"


def _check_status(body: Mapping[str, Any]) -> str | None:
    value = body.get("status")
    if value is None or (isinstance(value, str) and value in STATUSES):
        return None
    return "status must be one of " + ", ".join(STATUSES)


FIELD_CHECKS: tuple[tuple[str, Callable[[Mapping[str, Any]], str | None]], ...] = (
    ("contact_id", _need("contact_id")),
    ("title", _need("title")),
    ("appointment_date", _check_date),
    ("sub_account_id", _need("sub_account_id")),
    ("calendar_id", _check_calendar),
    ("description", _text("description")),
    ("duration", _check_duration),
    ("status", _check_status),
    ("location", _text("location")),
    ("assigned_user_id", _text("assigned_user_id")),
)


def field_errors(body: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Every failing field of a create body, in the doc's order, one message each."""
    return [(name, message) for name, check in FIELD_CHECKS if (message := check(body))]


def _validation_failed(errors: list[tuple[str, str]]) -> Verdict:
    return Verdict(
        status=422,
        code="validation_failed",
        message="Validation failed: " + "; ".join(message for _, message in errors),
        field=errors[0][0],
    )


def _not_an_object() -> Verdict:
    return Verdict(400, "malformed", "Request body must be a JSON object")


def _own_sub_account(sub_account: str, catalog: Catalog) -> bool:
    """The key acts on its own sub-account only (``/authentication``), the connection's."""
    return sub_account == catalog.policy.extra.get("sub_account_id")


def _no_sub_account(sub_account: str) -> Verdict:
    """Another sub-account than the key's: "not visible to the account derived from your key"
    (``/errors``, 404); the wording is ours."""
    return Verdict(404, "not_found", f"Sub-account {sub_account} not found", "sub_account_id")


def context_days(day: date) -> tuple[date, date]:
    """The first and last org-local days whose cached bookings the checks read for a booking
    starting on local ``day``: :func:`predict_create` reads none; :func:`overlap_risk` the day
    and its neighbours, where an overlapping appointment (shorter than a day) can start."""
    return day - timedelta(days=1), day + timedelta(days=1)


def neighbour_keys(booking: Booking, catalog: Catalog) -> frozenset[Hashable] | None:
    """Of the bookings of its days, the checks weigh against ``booking`` only those sharing
    one of these keys with it: its calendar (:func:`overlap_risk`)."""
    return frozenset({("calendar", booking.resource_id)})


def neighbour_reads(booking: Booking, catalog: Catalog) -> tuple[Match, ...]:
    """:func:`neighbour_keys` in the cache's columns: its calendar."""
    return (equals("resource_id", booking.resource_id),)


def predict_create(
    body: object,
    catalog: Catalog,
    bookings: Iterable[Booking] = (),
    now: datetime | None = None,
    *,
    contact_pending: bool = False,
) -> Verdict:
    """What ``POST /v1/appointments`` with ``body`` would answer, given the cached catalog.

    ``contact_pending``: the contact will be created just before the appointment (a desk
    booking), so the contact's existence is not checked. VantaX has no hours, overlap or
    capacity rules, so ``bookings`` and ``now`` do not matter.
    """
    if not isinstance(body, Mapping):
        return _not_an_object()
    errors = field_errors(body)
    if errors:
        return _validation_failed(errors)
    sub_account = str(body["sub_account_id"])
    if not _own_sub_account(sub_account, catalog):
        return _no_sub_account(sub_account)
    contact = str(body["contact_id"])
    contacts: Collection[str] = catalog.policy.extra.get("contacts", ())
    if not contact_pending and contact not in contacts:
        return Verdict(404, "not_found", f"Contact {contact} not found", "contact_id")
    calendar_id = body.get("calendar_id")
    if calendar_id is not None:
        calendar = catalog.resource(str(calendar_id))
        if calendar is None or calendar.extra.get("sub_account_id", sub_account) != sub_account:
            return Verdict(404, "not_found", f"Calendar {calendar_id} not found", "calendar_id")
        if not calendar.extra.get("is_active", True):
            return Verdict(
                409,
                "conflict",
                f"Calendar {calendar_id} is inactive and does not accept appointments",
                "calendar_id",
            )
    return ACCEPTED


def default_duration(body: Mapping[str, Any], catalog: Catalog) -> int:
    """The duration VantaX would store: given, else the calendar's slot length, else 30."""
    given = body.get("duration")
    if isinstance(given, int) and not isinstance(given, bool):
        return given
    calendar = catalog.resource(str(body.get("calendar_id"))) if body.get("calendar_id") else None
    if calendar is not None:
        return int(calendar.extra.get("slot_duration_minutes", 30))
    return 30


def predict_contact(body: object, catalog: Catalog) -> Verdict:
    """What ``POST /v1/contacts`` with ``body`` would answer."""
    if not isinstance(body, Mapping):
        return _not_an_object()
    errors: list[tuple[str, str]] = []
    for name in ("first_name", "last_name", "email", "phone", "sub_account_id"):
        problem = _missing(body, name)
        if problem is None and name == "email" and not _MAIL.fullmatch(str(body[name])):
            problem = "email must be a valid email address"
        if problem is None and name == "phone" and not _E164.fullmatch(str(body[name])):
            problem = "phone must be in E.164 format, e.g. +14155550123"
        if problem is not None:
            errors.append((name, problem))
    if errors:
        return _validation_failed(errors)
    sub_account = str(body["sub_account_id"])
    if not _own_sub_account(sub_account, catalog):
        return _no_sub_account(sub_account)
    return CONTACT_ACCEPTED


OVERLAP_RISK = "OVERLAP_RISK"


def overlap_risk(booking: Booking, others: Iterable[Booking]) -> Verdict | None:
    """A warning, never a refusal: VantaX publishes no opening hours, availability or overlap
    rule (its calendars have only ``is_active`` and a slot length), so two appointments may
    share a calendar's time as far as its pages say. When the desk's cached bookings already
    hold ``booking``'s calendar at that time, the booking system may judge it differently."""
    for other in others:
        if (
            other.id != booking.id
            and other.active
            and other.resource_id == booking.resource_id
            and other.start < booking.end
            and booking.start < other.end
        ):
            return Verdict(
                201,
                OVERLAP_RISK,
                translate(
                    "Verdicts",
                    "Another booking on this calendar overlaps this time. VantaX publishes no "
                    "opening hours or overlap rule, so it may judge this differently; checked "
                    "against the desk's cached bookings only.",
                ),
                "start",
                Severity.RISK,
            )
    return None

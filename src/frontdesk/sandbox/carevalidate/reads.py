"""CareValidate's two reads, written from the vendor's pages: the appointment list
(`GET /api/v1/calendar/appointments`) and provider availability
(`GET /api/v1/calendar/provider-availability`, also served at the production page's
`GET /api/v1/provider-availability`).

Owns each read's parameter checks (the rules are the pages'; the 400 texts are ours: the pages
show none), its filters and its answer. Pure functions over the state's data; `state` calls
them under its lock.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, time
from typing import Any

from frontdesk.sandbox.carevalidate.clinic import CvClinic
from frontdesk.sandbox.carevalidate.rules import (
    MSG_LINKS,
    MSG_LISTED,
    US_STATES,
    Answer,
    Appointment,
    CvError,
    invalid,
    ok,
    parse_date,
    parse_instant,
    valid_email,
)

LIST_BOTH_DATES = "start_date and end_date must be given together"
LIST_NEEDS_DATES = "start_date and end_date are required when user_email is not given"
LIST_DATE_FORMAT = "start_date and end_date must be dates in the format YYYY-MM-DD"
LIST_ORDER = "start_date must be less than or equal to end_date"
LIST_EMAIL = "user_email must be a valid email address"
USER_NOT_FOUND = "User not found"
STATES_REQUIRED = "provider_states is required"
STATES_INVALID = "provider_states must be valid US state codes"
RANGE_NEEDS_ALL = "start_time, end_time and event_type_id must be given together"
RANGE_FORMAT = "start_time and end_time must be ISO 8601 date-times"


def list_appointments(
    params: Mapping[str, str],
    appointments: Iterable[Appointment],
    users: Mapping[str, str],
    clinic: CvClinic,
    now: datetime,
) -> Answer:
    """The list: documented parameters, filters and order; the item shape of the page."""
    try:
        rows = _listed(params, appointments, users, now)
    except CvError as error:
        return error.answer()
    items = []
    for row in rows:
        event = next((e for e in clinic.event_types if e.id == row.event_type_id), None)
        provider = clinic.provider(row.provider_id)
        items.append(row.item(event.name if event else "", provider.name if provider else ""))
    return ok(MSG_LISTED, items)


def _listed(
    params: Mapping[str, str],
    appointments: Iterable[Appointment],
    users: Mapping[str, str],
    now: datetime,
) -> list[Appointment]:
    has_start, has_end = "start_date" in params, "end_date" in params
    if has_start != has_end:
        raise invalid(LIST_BOTH_DATES)
    email = params.get("user_email")
    if not has_start and email is None:
        raise invalid(LIST_NEEDS_DATES)
    rows = [a for a in appointments if a.active and a.end >= now]  # active and future [doc]
    if has_start:
        first, last = parse_date(params["start_date"]), parse_date(params["end_date"])
        if first is None or last is None:
            raise invalid(LIST_DATE_FORMAT)
        if first > last:
            raise invalid(LIST_ORDER)
        # start of day 00:00:00 and end of day 23:59:59 [doc], in UTC [ours]; overlap [doc]
        low = datetime.combine(first, time(0), tzinfo=UTC)
        high = datetime.combine(last, time(23, 59, 59), tzinfo=UTC)
        rows = [a for a in rows if a.start <= high and a.end >= low]
    if email is not None:
        wanted = email.strip().casefold()
        if not valid_email(wanted):
            raise invalid(LIST_EMAIL)
        if wanted not in users:
            raise CvError(404, USER_NOT_FOUND)  # "NotFoundError" [doc]; status and text ours
        rows = [a for a in rows if a.email.casefold() == wanted]
    return sorted(rows, key=lambda a: (a.end, a.appointment_id))  # by end, ascending [doc]


def provider_states(text: str | None) -> set[str]:
    """`provider_states`: comma-separated, spaces trimmed [doc], case-insensitive [ours]."""
    if text is None or not text.strip():
        raise invalid(STATES_REQUIRED)
    codes = {part.strip().upper() for part in text.split(",")}
    codes.discard("")
    if not codes or not codes <= US_STATES:
        raise invalid(STATES_INVALID)
    return codes


def provider_availability(params: Mapping[str, str], clinic: CvClinic) -> Answer:
    """Calendly links of the providers licensed in any of the states, one per active event
    type: `{providerName, calendlyLink, eventTypeId}` [doc members; nothing else is sent]."""
    try:
        states = provider_states(params.get("provider_states"))
        email = params.get("provider_email")
        wanted_email = email.strip().lower() if email is not None else None  # [doc]
        event_id = params.get("event_type_id")
        ranged = [k for k in ("start_time", "end_time") if k in params]
        if ranged and (len(ranged) != 2 or event_id is None):
            raise invalid(RANGE_NEEDS_ALL)
        if ranged:
            first = parse_instant(params["start_time"])
            last = parse_instant(params["end_time"])
            if first is None or last is None:
                raise invalid(RANGE_FORMAT)
    except CvError as error:
        return error.answer()
    links: list[dict[str, Any]] = []
    for event in clinic.event_types:
        provider = clinic.provider(event.provider_id)
        if not event.active or provider is None or not states & set(provider.states):
            continue
        if wanted_email is not None and provider.email.lower() != wanted_email:
            continue
        if event_id is not None and event.id != event_id:
            continue
        # the time-range form's answer is not on the page: the same links [ours]
        links.append(
            {
                "providerName": provider.name,
                "calendlyLink": clinic.link(event),
                "eventTypeId": event.id,
            }
        )
    links.sort(key=lambda link: (link["providerName"], link["calendlyLink"]))
    return ok(MSG_LINKS, links)

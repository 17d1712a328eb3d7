"""One imported row as a booking request, or the reason it cannot be one (its column named,
its value never repeated: a row holds a patient's details).

The columns (:data:`COLUMNS`), the row's service and resource matched to the connection's
catalog by id or name, its start read as an instant or as the clinic's wall time, the notes'
documented length, and whatever else ``BookingRequest`` refuses, said as the field and what to
fix rather than pydantic's text (which quotes the input).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from pydantic import ValidationError

from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.catalog import Catalog
from frontdesk.domain.timeutil import (
    FIRST_YEAR,
    LAST_YEAR,
    WallTimeKind,
    local_to_utc,
    parse_iso_instant,
    to_local,
)
from frontdesk.domain.translation import translate
from frontdesk.domain.verdict import Verdict

COLUMNS: dict[str, str] = {
    "service": "service id or name (required)",
    "start": "start: ISO 8601 with Z or an offset, or 'YYYY-MM-DD HH:MM' in the clinic's zone "
    "(required)",
    "patient_name": "patient's full name (required)",
    "patient_phone": "patient's phone, international format (required where the API asks)",
    "patient_email": "patient's email (required where the API asks)",
    "resource": "branch / calendar / host id or name (required when there are several)",
    "session": "HuskyVoice session: Morning, Afternoon or Evening (optional)",
    "notes": "notes for the desk (optional, at most 2,000 characters)",
}
REQUIRED = ("service", "start", "patient_name")
MAX_NOTES = 2000  # BookingRequest.notes' max_length: the desk's own form says the same
SHOWN = 40  # the most characters of a value a refusal quotes


@dataclass(frozen=True, slots=True)
class RowProblem:
    row: int  # 1-based line number in the file (the header is line 1)
    field: str
    reason: str  # in the desk's language (English for the headless tools)
    verdict: Verdict | None = None  # the rules' refusal, when it was one

    def line(self) -> str:
        return f"row {self.row}: {self.field}: {self.reason}"


def _match(value: str, options: list[tuple[str, str]]) -> str | None:
    wanted = value.strip().casefold()
    for ident, name in options:
        if value.strip() == ident or name.strip().casefold() == wanted:
            return ident
    return None


def _shown(value: str) -> str:
    """A service's or resource's name as a refusal quotes it: a long one cut short (a value
    in the wrong column may be anything, a patient's notes too)."""
    text = value.strip()
    return repr(text if len(text) <= SHOWN else text[: SHOWN - 1] + "…")


def _start(text: str, zone_name: str, catalog_zone: str) -> datetime | str:
    """The row's start as a UTC instant, or why not. Read in ``zone_name`` (the clinic's)
    when a wall time; it must be within the years FIRST_YEAR..LAST_YEAR in both the clinic's
    and the connection's zone (``catalog_zone``), the bookings' days being read in both."""
    value = text.strip()
    try:
        instant = (
            parse_iso_instant(value)
            if ("Z" in value or "+" in value[10:] or value[10:].count("-") > 0)
            else None
        )
        if instant is None:
            try:
                local = datetime.strptime(value, "%Y-%m-%d %H:%M")
            except ValueError:
                return translate(
                    "Import",
                    "use 2027-06-15T09:30:00Z, an offset, or '2027-06-15 09:30' (clinic time)",
                )
            if not FIRST_YEAR <= local.year <= LAST_YEAR:
                return _years()
            resolved = local_to_utc(local.date(), time(local.hour, local.minute), zone_name)
            if resolved.kind is WallTimeKind.GAP:
                return translate(
                    "Import", "this local time does not exist on that day (the clocks change)"
                )
            instant = resolved.instant
        if FIRST_YEAR < instant.year < LAST_YEAR:
            return instant  # a zone's offset (under a day) keeps it within the years
        years = {instant.year, to_local(instant, zone_name).year}
        years.add(to_local(instant, catalog_zone).year)
    except (OverflowError, ValueError):  # beyond what a date holds in one of the zones
        return _years()
    if not all(FIRST_YEAR <= year <= LAST_YEAR for year in years):
        return _years()
    return instant


def _years() -> str:
    said = translate("Import", "the year must be between {first} and {last}")
    return said.format(first=FIRST_YEAR, last=LAST_YEAR)


def request_of(
    row: dict[str, str], number: int, connection_id: str, catalog: Catalog, zone_name: str
) -> BookingRequest | RowProblem:
    """One row (its values by column) as a booking request; a wall time is the clinic's
    (``zone_name``)."""
    for name in REQUIRED:
        if not row.get(name, "").strip():
            return RowProblem(number, name, translate("Import", "is empty; fill it in"))
    service = _match(row["service"], [(s.id, s.name) for s in catalog.services if s.active])
    if service is None:
        said = translate("Import", "{value} is not a service of this connection")
        return RowProblem(number, "service", said.format(value=_shown(row["service"])))
    resource = ""
    if row.get("resource", "").strip():
        found = _match(row["resource"], [(r.id, r.name) for r in catalog.resources])
        if found is None:
            said = translate("Import", "{value} is not known here")
            return RowProblem(number, "resource", said.format(value=_shown(row["resource"])))
        resource = found
    start = _start(row["start"], zone_name, catalog.policy.timezone)
    if isinstance(start, str):
        return RowProblem(number, "start", start)
    notes = row.get("notes", "").strip()
    if len(notes) > MAX_NOTES:
        said = translate("Import", "is longer than {limit:,} characters ({length:,}); shorten it")
        return RowProblem(number, "notes", said.format(limit=MAX_NOTES, length=len(notes)))
    try:
        return BookingRequest(
            connection_id=connection_id,
            service_id=service,
            resource_id=resource,
            start=start,
            session=row.get("session", "").strip() or None,
            patient_name=row.get("patient_name", "").strip(),
            patient_phone=row.get("patient_phone", "").strip(),
            patient_email=row.get("patient_email", "").strip() or None,
            notes=notes or None,
        )
    except ValidationError as exc:  # its text quotes the value: said without it
        return refused_by_model(number, exc)


_FIELD_TO_COLUMN = {"service_id": "service", "resource_id": "resource", "start": "start"}


def column_of(field: str | None) -> str:
    """The file's column of a request's or verdict's field (``row``: none in particular)."""
    return _FIELD_TO_COLUMN.get(field or "", field or "row")


def refused_by_model(number: int, exc: ValidationError) -> RowProblem:
    """A row the booking's model refuses: the first error's field and message, not its input."""
    first = exc.errors(include_url=False, include_input=False, include_context=False)[0]
    field = str(first["loc"][0]) if first["loc"] else None
    return RowProblem(number, column_of(field), f"{first['msg']}; correct it")

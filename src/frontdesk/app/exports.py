"""What the desk exports: a day's appointments, a provider's (a column's) week, or a patient's
appointments, as rows on the clinic's clock; ``export_files`` writes them as iCalendar or CSV.
The columns are the clinic's (``app.columns``): Dr. Berger's week holds his bookings on every
booking system behind his column, and each row names the clinic's column.

Who a file names (patient data, so every file is written readable by its owner only):

- a **day** is the desk's day list in a file (the day sheet's): patient, phone and email;
- a **patient's** appointments are for that patient: their name, phone and email;
- a **provider's week** goes where the desk's lists do not (a provider's phone, a shared
  calendar), so it names no patient: when, what, where, and the booking's reference.

Cancelled appointments are left out. A booking whose booking system keeps a session but no
minute (HuskyVoice) is exported as the whole session, named. No Qt here.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Literal

from frontdesk.app.columns import column_of, everything, is_clinic, labels
from frontdesk.app.day_sheet import UNSYNCED
from frontdesk.app.desk import ResourceInfo, ResourceKey, monday_of, resource_key, resources
from frontdesk.app.patients import Patient, find_patients
from frontdesk.domain import dates
from frontdesk.domain.booking import Booking, SyncState, approximate_time
from frontdesk.domain.timeutil import local_day_bounds, to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.storage.patients import digits, patient_key, phone_terms

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

Kind = Literal["day", "week", "patient"]
MAX_PATIENT_BOOKINGS = 2000  # far more than any patient's cached bookings
# a session without a name (a CSV keeps the English; a calendar's text says it translated)
NO_TIME_OF_DAY = QT_TRANSLATE_NOOP("Export", "time of day not given")


class ExportError(Exception):
    """What to export cannot be found; the message names the option and what to do."""


@dataclass(frozen=True, slots=True)
class ExportRow:
    """One appointment as a file shows it; the patient fields are empty when the export names
    no patient, the sync words when it is for a patient."""

    booking_id: str
    start: datetime  # UTC
    end: datetime  # UTC
    zone: str  # the clinic's
    session: str  # the session's name when the booking system keeps no minute, else ""
    service: str
    where: str  # the provider, room, branch or calendar (the desk's column)
    where_kind: str  # "branch", "host", "calendar", ...
    connection: str
    status: str  # booked, arrived, completed, no-show
    confirmed: bool  # the booking system holds it as it is
    sync: str = ""  # "" when confirmed (or not shown); else why it may still change
    patient_name: str = ""
    patient_phone: str = ""
    patient_email: str = ""

    @property
    def local_start(self) -> datetime:
        return to_local(self.start, self.zone)

    @property
    def local_end(self) -> datetime:
        return to_local(self.end, self.zone)


@dataclass(frozen=True, slots=True)
class Export:
    kind: Kind
    title: str  # "Appointments on Sunday 28 March 2027" (English: the audit trail's line)
    zone: str
    rows: list[ExportRow]
    file_stem: str  # a file name without its extension, e.g. "appointments-2027-03-28"
    heading: str = ""  # the title in the desk's language (the screen's, the calendar's name)

    @property
    def shown_title(self) -> str:
        return self.heading or self.title

    @property
    def names_patients(self) -> bool:
        return self.kind != "week"

    @property
    def for_desk(self) -> bool:
        """Whether the sync words and the booking's reference are in (not for a patient)."""
        return self.kind != "patient"


def columns(context: AppContext) -> list[ResourceInfo]:
    """Every column of the desk: the clinic's columns, then each booking system's provider,
    room, branch or calendar no clinic column shows (all of them when there are none)."""
    return everything(context)


def day_export(
    context: AppContext, day: date, hidden: frozenset[ResourceKey] = frozenset()
) -> Export:
    """The day's appointments in every column but ``hidden`` ones, earliest first."""
    zone = context.clinic_zone
    start, end = local_day_bounds(day, zone)
    found = [
        b
        for b in context.repo.bookings_between(start, end)
        if (b.connection_id, b.resource_id) not in hidden
    ]
    rows = _rows(context, found, "day")
    title = f"Appointments on {day:%A} {day.day} {day:%B %Y}"
    heading = day_heading(day)
    stem = f"{_slug(_appointments())}-{day}"
    return Export("day", title, zone, rows, stem, heading)


def week_export(context: AppContext, day: date, column: ResourceKey) -> Export:
    """The appointments of one column in the week (Monday to Sunday) that holds ``day``: a
    clinic column's on every booking system's resource behind it; ``column`` is the column's
    key, or one of its resources' (the week of the column that shows it)."""
    zone = context.clinic_zone
    monday = monday_of(day)
    start, _ = local_day_bounds(monday, zone)
    end, _ = local_day_bounds(monday + timedelta(days=7), zone)
    info = column_of(columns(context), column)
    name = info.name if info else column[1]
    keys = set(info.keys) if info else {column}
    connection = next(iter(keys))[0] if len({k[0] for k in keys}) == 1 else None
    found = context.repo.bookings_between(start, end, connection)
    rows = _rows(context, [b for b in found if resource_key(b) in keys], "week")
    sunday = monday + timedelta(days=6)
    title = f"{name}: week of {_short(monday)} to {_short(sunday)} {sunday:%Y}"
    heading = week_heading(name, monday)
    week = translate("Export", "week")  # in a file's name
    stem = f"{_slug(name)}-{_slug(week)}-{monday}"
    return Export("week", title, zone, rows, stem, heading)


def patient_export(context: AppContext, patient: Patient) -> Export:
    """Every cached appointment of one patient (the same name and phone), earliest first."""
    found = context.repo.bookings_of_patient(patient, MAX_PATIENT_BOOKINGS)
    rows = _rows(context, found, "patient")
    title = f"Appointments of {patient.name}"
    heading = patient_heading(patient.name)
    stem = f"{_slug(_appointments())}-{_slug(patient.name)}"
    return Export("patient", title, context.clinic_zone, rows, stem, heading)


def day_heading(day: date) -> str:
    """A day's title in the desk's language: ``Appointments on Sunday 28 March 2027``."""
    return translate("Export", "Appointments on {day}").format(day=dates.long_day(day))


def week_heading(name: str, monday: date) -> str:
    """A column's week's title in the desk's language: ``Dr Rao: week of Mon 1 Mar to …``."""
    sunday = monday + timedelta(days=6)
    return translate("Export", "{name}: week of {first} to {last} {year}").format(
        name=name, first=dates.short_day(monday), last=dates.short_day(sunday), year=sunday.year
    )


def patient_heading(name: str) -> str:
    """A patient's appointments' title in the desk's language."""
    return translate("Export", "Appointments of {name}").format(name=name)


def find_column(context: AppContext, name: str, connection: str | None = None) -> ResourceInfo:
    """The column named ``name`` (or with that id): one of the clinic's columns, or a booking
    system's resource no clinic column shows; of the connection named ``connection`` (one of
    its booking systems, for a clinic column) when given. Raises :class:`ExportError`
    naming the option to fix."""
    every = columns(context)
    known = every
    systems = {r.key: r.connection_name for r in resources(context)}

    def behind(column: ResourceInfo) -> set[str]:
        if not is_clinic(column):
            return {column.connection_name}
        return {systems[k] for k in column.keys if k in systems}

    if connection is not None:
        wanted_connection = connection.strip().casefold()
        known = [c for c in known if wanted_connection in {n.casefold() for n in behind(c)}]
        if not known:
            names = ", ".join(sorted(set(systems.values()))) or "none yet"
            raise ExportError(f"--connection: no connection named {connection!r} ({names})")
    wanted = name.strip().casefold()
    found = [c for c in known if c.name.casefold() == wanted or c.key[1] == name.strip()]
    if not found:  # a booking system's name or id of a resource: the column that shows it
        named = {r.key for r in resources(context) if r.name.casefold() == wanted}
        found = [c for c in known if any(k in named or k[1] == name.strip() for k in c.keys)]
    if len(found) == 1:
        return found[0]
    if not found:
        names = ", ".join(sorted({c.name for c in known})) or "none yet"
        raise ExportError(f"--column: no provider, room or calendar named {name!r} ({names})")
    where = ", ".join(sorted(n for c in found for n in behind(c)))
    raise ExportError(
        f"--column: {name!r} is a column of several connections ({where}); "
        "name one with --connection"
    )


def find_patient(context: AppContext, text: str) -> Patient:
    """The one patient ``text`` names: their full name, their phone (any common form), their
    email, or a part of those only they match. Raises :class:`ExportError` otherwise."""
    typed = text.strip()
    found = find_patients(context.repo, typed, limit=50)
    if not found:
        raise ExportError(f"--patient: no patient matches {typed!r}; type a name or a phone")
    if len(found) == 1:
        return found[0]
    exact = [p for p in found if _names(p, typed)]
    if len({patient_key(p.name, p.phone) for p in exact}) == 1:
        return exact[0]
    shown = "; ".join(f"{p.name} ({p.phone or 'no phone'})" for p in (exact or found)[:8])
    raise ExportError(
        f"--patient: {len(exact or found)} patients match {typed!r}: {shown}; "
        "give the full name and phone, or the phone alone"
    )


def _names(patient: Patient, typed: str) -> bool:
    """Whether ``typed`` is all of the patient's name, phone or email (not a part of them)."""
    folded = " ".join(typed.casefold().split())
    if folded in (" ".join(patient.name.casefold().split()), (patient.email or "").casefold()):
        return True
    if len(digits(typed)) >= 6 and patient.phone:
        return digits(typed) in phone_terms(patient.phone)
    # "Name, phone" as the list of matches shows them
    name, _, phone = typed.rpartition(",")
    return bool(name) and _names(patient, name) and _names(patient, phone.strip(" ()"))


def _rows(context: AppContext, bookings: list[Booking], kind: Kind) -> list[ExportRow]:
    zone = context.clinic_zone
    api = resources(context)
    kinds = {r.key: r.kind for r in api}
    names, _ = labels(api, everything(context, api, with_hidden=True))  # the clinic's names
    connections = {r.id: r.name for r in context.connections()}
    services: dict[tuple[str, str], str] = {}
    for connection_id in {b.connection_id for b in bookings}:
        catalog = context.repo.catalogs.catalog(connection_id, date.max, date.min)  # no windows
        services.update(((connection_id, s.id), s.name) for s in catalog.services)
    rows: list[ExportRow] = []
    for b in bookings:
        if not b.active:
            continue
        start, end, session = b.start, b.end, ""
        span = approximate_time(b)  # the booking system keeps a session, not a minute
        if span is not None:
            start, end = span.start, span.end
            session = span.label or NO_TIME_OF_DAY
        key = (b.connection_id, b.resource_id)
        named = kind != "week"
        rows.append(
            ExportRow(
                booking_id=b.id,
                start=start,
                end=end,
                zone=zone,
                session=session,
                service=services.get((b.connection_id, b.service_id), b.service_id),
                where=names.get(key, b.resource_id),
                where_kind=kinds.get(key, ""),  # the booking system's: a branch has an address
                connection=connections.get(b.connection_id, ""),
                status=b.visit_status.value.replace("_", "-"),
                confirmed=b.sync_state is SyncState.CONFIRMED,
                sync=UNSYNCED.get(b.sync_state, "") if kind != "patient" else "",
                patient_name=b.patient_name if named else "",
                patient_phone=b.patient_phone if named else "",
                patient_email=(b.patient_email or "") if named else "",
            )
        )
    rows.sort(key=lambda r: (r.start, r.end, r.where, r.patient_name, r.booking_id))
    return rows


def _short(day: date) -> str:
    """``Mon 30 Nov``."""
    return f"{day:%a} {day.day} {day:%b}"


def _appointments() -> str:
    """The word that starts a day's or a patient's file name."""
    return translate("Export", "appointments")


def _kept(ch: str) -> bool:
    return ch.isalnum() or unicodedata.category(ch) in ("Mn", "Mc")


def _slug(text: str) -> str:
    """``text`` fit for a file name: letters and digits, words joined by ``-``."""
    # letters with their marks (a Devanagari vowel sign is a mark, not a letter)
    words = "".join(ch if _kept(ch) else " " for ch in text.casefold()).split()
    return "-".join(words)[:60] or "export"

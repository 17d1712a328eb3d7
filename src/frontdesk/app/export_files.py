"""Writing an export (``app.exports``) as an iCalendar or a CSV file, readable by its owner only.

iCalendar (RFC 5545) is written by the ``icalendar`` library: one VEVENT per appointment, its
UID the booking's own (so a calendar that imports a newer file updates the event instead of
adding a second), DTSTART and DTEND in UTC (each calendar program shows them on its own clock,
the clinic's wall times at the clinic), STATUS TENTATIVE until the booking system holds it.

An event's description (service, place, patient, status…) is in the desk's language: a person
reads it in their calendar. CSV has a header row of the machine's column names (``date``,
``start``, ``patient_name``…, in English whatever the desk's language: spreadsheets and
scripts read them) and one row per appointment, times on the clinic's clock. A cell a
spreadsheet would run as a formula (one starting with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return; a patient's name is kept as typed) is written with a leading ``'`` (OWASP's
CSV injection advice), so a phone number reads ``'+44…``.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path
from typing import Literal

from icalendar import Calendar, Event

from frontdesk.app.day_sheet import UNSYNCED, VISIT
from frontdesk.app.exports import NO_TIME_OF_DAY, Export, ExportError, ExportRow
from frontdesk.app.private_files import write_whole
from frontdesk.domain.timeutil import utc_now
from frontdesk.domain.translation import translate

Format = Literal["ics", "csv"]
FORMATS: dict[str, str] = {"ics": "iCalendar", "csv": "CSV"}
UID_DOMAIN = "frontdesk.booking"
PRODUCT = "-//FrontDesk//Clinic appointments//EN"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def format_of(path: Path, given: str | None = None) -> Format:
    """The format asked for, else the one the file's extension names, else iCalendar."""
    chosen = (given or path.suffix.lstrip(".")).lower()
    return "csv" if chosen == "csv" else "ics"


def uid(booking_id: str) -> str:
    return f"{booking_id}@{UID_DOMAIN}"


def neutralised(cell: str) -> str:
    """``cell`` as a spreadsheet shows it and never runs it."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def summary(export: Export, row: ExportRow) -> str:
    """A day list's: who and what; a patient's: what and where; a provider's week: what."""
    what = {
        "day": f"{row.patient_name}: {row.service}",
        "patient": f"{row.service}, {row.where}",
    }.get(export.kind, row.service)
    return f"{what} ({_session(row)})" if row.session else what


def description(export: Export, row: ExportRow) -> str:
    """The event's text a person reads in their calendar, in the desk's language (a CSV's
    columns stay the machine's words)."""
    where = translate("Export", "Where: {where}").format(where=row.where)
    lines = [
        translate("Export", "Service: {service}").format(service=row.service),
        where + _of(row),
    ]
    if row.session:
        time = translate("Export", "Time: {session} (the booking system keeps no time of day)")
        lines.append(time.format(session=_session(row)))
    if export.names_patients:
        lines.append(translate("Export", "Patient: {name}").format(name=row.patient_name))
        if export.kind == "day" and row.patient_phone:
            lines.append(translate("Export", "Phone: {phone}").format(phone=row.patient_phone))
        if export.kind == "day" and row.patient_email:
            lines.append(translate("Export", "Email: {email}").format(email=row.patient_email))
    lines.append(translate("Export", "Status: {status}").format(status=_status(row.status)))
    if export.for_desk:
        if row.sync:
            sync = translate("DaySheet", row.sync) if row.sync in UNSYNCED.values() else row.sync
            lines.append(translate("Export", "Sync: {sync}").format(sync=sync))
        lines.append(translate("Export", "Booking: {id}").format(id=row.booking_id))
    return "\n".join(lines)


def _session(row: ExportRow) -> str:
    """The session's name as the booking system sent it, or the desk's words for none."""
    return translate("Export", NO_TIME_OF_DAY) if row.session == NO_TIME_OF_DAY else row.session


def _status(status: str) -> str:
    """A row's visit status (``no-show``, as a CSV keeps it) in the desk's words."""
    for visit, words in VISIT.items():
        if visit.value.replace("_", "-") == status:
            return translate("DaySheet", words)
    return status


def _of(row: ExportRow) -> str:
    return f" ({row.connection})" if row.connection else ""


def to_ics(export: Export, now: datetime | None = None) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", export.shown_title)
    stamp = now or utc_now()
    for row in export.rows:
        event = Event()
        event.add("uid", uid(row.booking_id))
        event.add("dtstamp", stamp)
        event.add("dtstart", row.start)
        event.add("dtend", row.end)
        event.add("summary", summary(export, row))
        event.add("description", description(export, row))
        if row.where_kind == "branch":
            event.add("location", row.where)
        event.add("status", "CONFIRMED" if row.confirmed else "TENTATIVE")
        calendar.add_component(event)
    return bytes(calendar.to_ical())


def csv_header(export: Export) -> list[str]:
    head = ["date", "start", "end", "time_zone", "session", "service", "where", "connection"]
    if export.names_patients:
        head += ["patient_name", "patient_phone", "patient_email"]
    head.append("status")
    if export.for_desk:
        head += ["sync", "booking_id"]
    return head


def csv_cells(export: Export, row: ExportRow) -> list[str]:
    start, end = row.local_start, row.local_end
    cells = [f"{start:%Y-%m-%d}", f"{start:%H:%M}", f"{end:%H:%M}", row.zone, row.session]
    cells += [row.service, row.where, row.connection]
    if export.names_patients:
        cells += [row.patient_name, row.patient_phone, row.patient_email]
    cells.append(row.status)
    if export.for_desk:
        cells += [row.sync, row.booking_id]
    return cells


def to_csv(export: Export) -> str:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(csv_header(export))
    for row in export.rows:
        writer.writerow([neutralised(cell) for cell in csv_cells(export, row)])
    return out.getvalue()


def render(export: Export, fmt: Format, now: datetime | None = None) -> bytes:
    if fmt == "csv":  # with a byte order mark: spreadsheets then read it as UTF-8
        return to_csv(export).encode("utf-8-sig")
    return to_ics(export, now)


def write(export: Export, fmt: Format, path: Path) -> Path:
    """Write the file whole (a half-written one never replaces an older one), readable and
    writable by its owner only, whatever mode an older file of that name had."""
    return write_whole(path, render(export, fmt), ExportError)

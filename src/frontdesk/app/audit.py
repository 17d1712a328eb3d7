"""The audit trail as the desk and the headless tools use it.

What reads patient data is recorded here, each in a transaction of its own: a patient's details
opened, a day sheet printed or saved as a PDF, an export (what the changes themselves write,
with their booking, is ``BookingService``'s). The trail is read a page at a time for the viewer
and written whole as CSV (every cell neutralised for spreadsheets: one starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return gets a leading ``'``), readable by its owner
only. At a desk, reading the trail is an administrator's (``NotAllowed`` otherwise); the
headless tools read it as the computer's user. Each CSV export is itself recorded.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.app.private_files import write_whole
from frontdesk.domain import dates
from frontdesk.domain.audit import (
    EVENT_WORDS,
    AuditEntry,
    AuditEvent,
    AuditFilter,
    AuditRecord,
    Changes,
    changes_words,
)
from frontdesk.domain.timeutil import iso_utc, local_day_bounds, parse_iso_instant, to_local
from frontdesk.domain.translation import translate

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext
    from frontdesk.app.day_sheet import DaySheet
    from frontdesk.app.exports import Export

__all__ = [
    "EVENT_WORDS",
    "AuditEvent",
    "AuditFilter",
    "AuditRecord",
    "changes_words",
    "count",
    "page",
]

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HEADER = (
    "When (UTC)",
    "When (clinic)",
    "Staff",
    "Desk",
    "Event",
    "Booking",
    "Patient (now)",
    "What changed",
    "Detail",
)


class AuditFileError(Exception):
    """The CSV file could not be written; the message names it and why."""


# -- recording what reads ---------------------------------------------------------------
def record(context: AppContext, entry: AuditEntry) -> None:
    context.repo.audit.record(entry)


def opened(context: AppContext, booking_id: str, where: str) -> None:
    """A patient's details were opened (``where``: the appointment's window, the details)."""
    entry = AuditEntry(AuditEvent.OPENED, context.staff.actor(), booking_id, detail=where)
    record(context, entry)


def printed(context: AppContext, sheet: DaySheet, how: str) -> None:
    """A day sheet went to the printer or to a PDF file (``how``)."""
    rows = sum(len(s.rows) for s in sheet.sections)
    detail = f"day sheet of {sheet.day.isoformat()}, {rows} appointments, {how}"
    record(context, AuditEntry(AuditEvent.PRINTED, context.staff.actor(), detail=detail))


def exported(context: AppContext, export: Export, fmt: str, path: Path) -> None:
    """Appointments were written to a file (the booking is the first one's, for a patient)."""
    first = export.rows[0].booking_id if export.kind == "patient" and export.rows else None
    detail = f"{export.title}: {len(export.rows)} appointments, {fmt.upper()}, {path.name}"
    record(context, AuditEntry(AuditEvent.EXPORTED, context.staff.actor(), first, detail=detail))


# -- reading -------------------------------------------------------------------------------
def _may_read(context: AppContext) -> None:
    if context.staff.required:  # a desk: its administrators; the headless tools: the user
        context.staff.require_admin("read the audit trail")


def page(context: AppContext, where: AuditFilter, offset: int, limit: int) -> list[AuditRecord]:
    _may_read(context)
    return context.repo.audit.audit_page(where, offset, limit)


def count(context: AppContext, where: AuditFilter) -> int:
    _may_read(context)
    return context.repo.audit.audit_count(where)


def staff_names(context: AppContext) -> list[str]:
    """Everyone the trail names, and every member (the viewer's staff filter)."""
    _may_read(context)
    names = {
        *context.repo.audit.audit_staff(),
        *(m.name for m in context.repo.staff.staff_members()),
    }
    return sorted(names, key=str.casefold)


def on_clock(changes: Changes, zone: str) -> Changes:
    """``changes`` with each instant (kept in ISO 8601 UTC) on the clinic's clock, as the
    viewer shows them (a CSV keeps them exact, in UTC)."""
    shown: Changes = {}
    for name, pair in changes.items():
        shown[name] = [_on_clock(value, zone) for value in pair]
    return shown


def _on_clock(value: str | None, zone: str) -> str | None:
    if value is None or len(value) < 20 or value[10:11] != "T" or not value.endswith("Z"):
        return value
    instant = parse_iso_instant(value)
    return value if instant is None else dates.moment(to_local(instant, zone), year=True)


def days_filter(
    zone: str,
    first: date | None,
    last: date | None,
    staff: str | None = None,
    event: str | None = None,
    subject: str | None = None,
) -> AuditFilter:
    """A filter of the clinic's days ``first``..``last`` (both included, either open)."""
    start = local_day_bounds(first, zone)[0] if first is not None else None
    end = local_day_bounds(last, zone)[1] if last is not None else None
    return AuditFilter(start, end, staff or None, event or None, subject or None)


# -- CSV -------------------------------------------------------------------------------------
def neutralised(cell: str) -> str:
    """``cell`` as a spreadsheet shows it and never runs it."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def event_words(event: str) -> str:
    """An event as the viewer names it (``Booked``, in the desk's language), or as stored
    when it is not known."""
    try:
        return translate("Audit", EVENT_WORDS[AuditEvent(event)])
    except ValueError:
        return event


def cells(line: AuditRecord, zone: str) -> list[str]:
    """A line's CSV cells (the event as stored: what ``frontdesk audit --event`` takes)."""
    values = [
        iso_utc(line.at),
        f"{to_local(line.at, zone):%Y-%m-%d %H:%M:%S}",
        line.staff,
        line.desk,
        line.event,
        line.booking_id or "",
        line.patient or "",
        changes_words(line.changes),
        line.detail or "",
    ]
    return [neutralised(v) for v in values]


def to_csv(lines: Iterable[AuditRecord], zone: str) -> tuple[str, int]:
    """The lines as CSV text, and how many."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    written = 0
    for line in lines:
        writer.writerow(cells(line, zone))
        written += 1
    return out.getvalue(), written


def export_csv(context: AppContext, where: AuditFilter, path: Path | None) -> tuple[str, int]:
    """Write the lines ``where`` asks for as CSV to ``path`` (or return the text when None),
    and record that it was done; returns the text and how many lines."""
    _may_read(context)
    text, written = to_csv(context.repo.audit.audit_lines(where), context.clinic_zone)
    if path is not None:
        # with a byte order mark: spreadsheets then read it as UTF-8
        write_whole(path, text.encode("utf-8-sig"), AuditFileError)
    detail = f"{written} lines to {path.name if path is not None else 'standard output'}"
    asked = described(where)
    if asked:
        detail += f" ({asked})"
    record(context, AuditEntry(AuditEvent.AUDIT_EXPORTED, context.staff.actor(), detail=detail))
    return text, written


def described(where: AuditFilter) -> str:
    """What a filter asks for, in words (``from 2027-06-01T… ; staff Ben``)."""
    parts = [
        f"from {iso_utc(where.start)}" if where.start else "",
        f"until {iso_utc(where.end)}" if where.end else "",
        f"staff {where.staff}" if where.staff else "",
        f"event {where.event}" if where.event else "",
        f"patient or booking {where.subject!r}" if where.subject else "",
    ]
    return "; ".join(p for p in parts if p)

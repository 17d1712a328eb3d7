"""The printed day sheet, for when the computer or the network dies: first the whole day in one
list (every shown provider, room or calendar, by time), then a page per one that has
appointments (none for an empty column). The pages are the clinic's columns, named as the day
view names them (``app.columns``: Dr. Berger's page holds his bookings on every booking system
behind his column); without clinic columns, one per booking system's resource. Bookings not
yet confirmed by their booking system are marked, so the paper says what may still change.
Times are the clinic's (one clock); the paper is the clinic's (Letter in the US, A4
elsewhere: ``app.settings``).

Pure data here; ``ui.day_sheet`` lays it out and prints it (paper or PDF).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from frontdesk.app.columns import everything, is_clinic
from frontdesk.app.desk import ResourceInfo, ResourceKey, calendar_data, resource_key
from frontdesk.domain import dates
from frontdesk.domain.booking import SyncState, VisitStatus
from frontdesk.domain.timeutil import to_local, utc_now
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext


@dataclass(frozen=True, slots=True)
class SheetRow:
    start: str  # "09:30"
    end: str
    patient: str
    phone: str
    service: str
    status: str
    unsynced: str  # "" when confirmed; else why it may still change
    where: str = ""  # the provider, room or calendar (the whole day's list shows it)
    order: str = ""  # "09:30-10:00": the rows' order whatever the clock's words


@dataclass(frozen=True, slots=True)
class SheetSection:
    resource: str  # the column's name, as the day view heads it
    connection: str  # the booking systems behind it
    rows: list[SheetRow]


@dataclass(frozen=True, slots=True)
class DaySheet:
    day: date
    zone: str
    printed_at: datetime  # local
    sections: list[SheetSection]  # only those with appointments
    paper: str = "A4"  # or "Letter"

    @property
    def unsynced(self) -> int:
        return sum(1 for s in self.sections for r in s.rows if r.unsynced)

    @property
    def whole_day(self) -> list[SheetRow]:
        """Every appointment of the sheet in one list, by time (then where)."""
        rows = [r for s in self.sections for r in s.rows]
        return sorted(rows, key=lambda r: (r.order, r.where, r.patient))


UNSYNCED = {
    SyncState.PENCILLED: QT_TRANSLATE_NOOP("DaySheet", "not yet synced"),
    SyncState.AWAITING_CONFIRMATION: QT_TRANSLATE_NOOP("DaySheet", "awaiting confirmation"),
    SyncState.NEEDS_ATTENTION: QT_TRANSLATE_NOOP("DaySheet", "REFUSED by the booking system"),
    SyncState.OUTCOME_UNKNOWN: QT_TRANSLATE_NOOP(
        "DaySheet", "UNKNOWN whether the booking system has it"
    ),
}
VISIT = {
    VisitStatus.BOOKED: QT_TRANSLATE_NOOP("DaySheet", "booked"),
    VisitStatus.ARRIVED: QT_TRANSLATE_NOOP("DaySheet", "arrived"),
    VisitStatus.COMPLETED: QT_TRANSLATE_NOOP("DaySheet", "completed"),
    VisitStatus.NO_SHOW: QT_TRANSLATE_NOOP("DaySheet", "no-show"),
    VisitStatus.CANCELLED: QT_TRANSLATE_NOOP("DaySheet", "cancelled"),
}


def day_sheet(
    context: AppContext,
    day: date,
    hidden: frozenset[ResourceKey] = frozenset(),
    columns: Sequence[ResourceInfo] | None = None,
) -> DaySheet:
    """The day's active appointments per column that has any, earliest first: ``columns``
    (the view's, in its order), else the clinic's "Everything"; the booking systems'
    resources ``hidden`` are left out."""
    data = calendar_data(context, day, 1)
    shown = list(columns) if columns is not None else everything(context, data.resources)
    systems = {r.key: r.connection_name for r in data.resources}
    sections: list[SheetSection] = []
    for info in shown:
        keys = set(info.keys) - hidden
        rows: list[SheetRow] = []
        used: set[ResourceKey] = set()
        for b in data.bookings:
            if resource_key(b) not in keys or not b.active:
                continue
            used.add(resource_key(b))
            start, end = to_local(b.start, data.zone), to_local(b.end, data.zone)
            service = data.services.get(b.service_id)
            rows.append(
                SheetRow(
                    dates.clock(start),
                    dates.clock(end),
                    b.patient_name,
                    b.patient_phone,
                    service.name if service else b.service_id,
                    translate("DaySheet", VISIT[b.visit_status]),
                    translate("DaySheet", UNSYNCED[b.sync_state])
                    if b.sync_state in UNSYNCED
                    else "",
                    info.name,
                    f"{start:%H:%M}-{end:%H:%M}",
                )
            )
        if rows:
            rows.sort(key=lambda r: (r.order, r.patient))
            # the booking systems behind its rows, in the column's order
            behind = dict.fromkeys(systems.get(k, "") for k in info.keys if k in used)
            where = ", ".join(n for n in behind if n) if is_clinic(info) else info.connection_name
            sections.append(SheetSection(info.name, where, rows))
    printed = to_local(utc_now(), data.zone)
    return DaySheet(day, data.zone, printed, sections, context.settings.paper_size)


def file_name(day: date) -> str:
    """The name a saved day sheet is offered under, in the desk's language
    (``day-sheet-2027-06-01.pdf``, ``Tagesliste-2027-06-01.pdf``): letters (with their marks:
    a Devanagari vowel sign is one), digits and hyphens, so every file system takes it."""
    word = translate("DaySheet", "day-sheet")  # a file's name: words joined by hyphens
    kept = "".join(
        ch if ch.isalnum() or unicodedata.category(ch) in ("Mn", "Mc") else "-" for ch in word
    )
    stem = "-".join(part for part in kept.split("-") if part) or "day-sheet"
    return f"{stem}-{day.isoformat()}.pdf"

"""The printed day sheet, for when the computer or the network dies: first the whole day in one
list (every shown provider, room or calendar, by time), then a page per one that has
appointments (none for an empty column). Bookings not yet confirmed by their booking system
are marked, so the paper says what may still change. Times are the clinic's (one clock); the
paper is the clinic's (Letter in the US, A4 elsewhere: ``app.settings``).

Pure data here; ``ui.day_sheet`` lays it out and prints it (paper or PDF).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from frontdesk.app.context import AppContext
from frontdesk.app.desk import ResourceKey, calendar_data, resource_key
from frontdesk.domain.booking import SyncState
from frontdesk.domain.timeutil import to_local, utc_now


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


@dataclass(frozen=True, slots=True)
class SheetSection:
    resource: str
    connection: str
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
        return sorted(rows, key=lambda r: (r.start, r.end, r.where, r.patient))


UNSYNCED = {
    SyncState.PENCILLED: "not yet synced",
    SyncState.AWAITING_CONFIRMATION: "awaiting confirmation",
    SyncState.NEEDS_ATTENTION: "REFUSED by the booking system",
    SyncState.OUTCOME_UNKNOWN: "UNKNOWN whether the booking system has it",
}


def day_sheet(
    context: AppContext, day: date, hidden: frozenset[ResourceKey] = frozenset()
) -> DaySheet:
    """The day's active appointments per shown resource that has any, earliest first."""
    data = calendar_data(context, day, 1)
    sections: list[SheetSection] = []
    for info in data.resources:
        if info.key in hidden:
            continue
        rows: list[SheetRow] = []
        for b in data.bookings:
            if resource_key(b) != info.key or not b.active:
                continue
            start, end = to_local(b.start, data.zone), to_local(b.end, data.zone)
            service = data.services.get(b.service_id)
            rows.append(
                SheetRow(
                    f"{start:%H:%M}",
                    f"{end:%H:%M}",
                    b.patient_name,
                    b.patient_phone,
                    service.name if service else b.service_id,
                    b.visit_status.value.replace("_", "-"),
                    UNSYNCED.get(b.sync_state, ""),
                    info.name,
                )
            )
        if rows:
            rows.sort(key=lambda r: (r.start, r.end, r.patient))
            sections.append(SheetSection(info.name, info.connection_name, rows))
    printed = to_local(utc_now(), data.zone)
    return DaySheet(day, data.zone, printed, sections, context.settings.paper_size)

"""``frontdesk import``: bookings from a CSV file, each checked offline, queued together.

The header row names the columns (any order; case and spaces ignored). Every row is judged by
the connection's own offline rules against the cache *and the rows accepted before it*, so a
file cannot overfill a window. Refused rows are reported (row number, field, reason) and
nothing of theirs is written; accepted rows are written with their create operations in one
transaction. A row's booking id is derived from the connection and the row's content, so
importing the same file again queues nothing twice.

A row is judged as the desk judges a booking (``BookingService.judge_new``: on a day the cache
holds no hours for, the hours are left to the booking system), among the cached bookings and
the rows accepted before it of the org-local days its rules declare they read; a refused row's
reason is the one the cache alone gives where it refuses the row too. The rows are made
bookings first, then judged in the file's order: each day's cached bookings are read once for
the whole file, narrowed to what the rows on it can clash with where the rules say so in the
cache's columns, and the accepted rows are kept by day (``app.import_days``), so a row costs
the same however long the file or busy the cache.
"""

from __future__ import annotations

import csv
import gc
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.app.booking import BookingService
from frontdesk.app.import_days import DayBookings, Neighbourhood
from frontdesk.domain.booking import Booking, BookingRequest
from frontdesk.domain.catalog import Catalog
from frontdesk.domain.timeutil import (
    WallTimeKind,
    local_to_utc,
    parse_iso_instant,
    to_local,
    utc_now,
)
from frontdesk.domain.translation import translate
from frontdesk.domain.verdict import Severity, Verdict

if TYPE_CHECKING:
    from frontdesk.providers.base import Connector

COLUMNS: dict[str, str] = {
    "service": "service id or name (required)",
    "start": "start: ISO 8601 with Z or an offset, or 'YYYY-MM-DD HH:MM' in the clinic's zone "
    "(required)",
    "patient_name": "patient's full name (required)",
    "patient_phone": "patient's phone, international format (required where the API asks)",
    "patient_email": "patient's email (required where the API asks)",
    "resource": "branch / calendar / host id or name (required when there are several)",
    "session": "HuskyVoice session: Morning, Afternoon or Evening (optional)",
    "notes": "notes for the desk (optional)",
}
REQUIRED = ("service", "start", "patient_name")


@dataclass(frozen=True, slots=True)
class RowProblem:
    row: int  # 1-based line number in the file (the header is line 1)
    field: str
    reason: str  # in the desk's language (English for the headless tools)
    verdict: Verdict | None = None  # the rules' refusal, when it was one

    def line(self) -> str:
        return f"row {self.row}: {self.field}: {self.reason}"


@dataclass
class ImportReport:
    accepted: int = 0
    written: int = 0
    already: int = 0  # rows this file had queued before
    problems: list[RowProblem] = field(default_factory=list)


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message says what to fix."""


def _key(name: str) -> str:
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def _match(value: str, options: list[tuple[str, str]]) -> str | None:
    wanted = value.strip().casefold()
    for ident, name in options:
        if value.strip() == ident or name.strip().casefold() == wanted:
            return ident
    return None


def _start(text: str, zone_name: str) -> datetime | str:
    value = text.strip()
    instant = (
        parse_iso_instant(value)
        if ("Z" in value or "+" in value[10:] or value[10:].count("-") > 0)
        else None
    )
    if instant is not None:
        return instant
    try:
        local = datetime.strptime(value, "%Y-%m-%d %H:%M")
    except ValueError:
        return translate(
            "Import", "use 2027-06-15T09:30:00Z, an offset, or '2027-06-15 09:30' (clinic time)"
        )
    resolved = local_to_utc(local.date(), time(local.hour, local.minute), zone_name)
    if resolved.kind is WallTimeKind.GAP:
        return translate("Import", "this local time does not exist on that day (the clocks change)")
    return resolved.instant


def _request(
    row: dict[str, str], number: int, connection_id: str, catalog: Catalog, zone_name: str
) -> BookingRequest | RowProblem:
    """One row as a booking request; a wall time is the clinic's (``zone_name``)."""
    for name in REQUIRED:
        if not row.get(name, "").strip():
            return RowProblem(number, name, translate("Import", "is empty; fill it in"))
    service = _match(row["service"], [(s.id, s.name) for s in catalog.services if s.active])
    if service is None:
        said = translate("Import", "{value} is not a service of this connection")
        return RowProblem(number, "service", said.format(value=repr(row["service"])))
    resource = ""
    if row.get("resource", "").strip():
        found = _match(row["resource"], [(r.id, r.name) for r in catalog.resources])
        if found is None:
            said = translate("Import", "{value} is not known here")
            return RowProblem(number, "resource", said.format(value=repr(row["resource"])))
        resource = found
    start = _start(row["start"], zone_name)
    if isinstance(start, str):
        return RowProblem(number, "start", start)
    return BookingRequest(
        connection_id=connection_id,
        service_id=service,
        resource_id=resource,
        start=start,
        session=row.get("session", "").strip() or None,
        patient_name=row.get("patient_name", "").strip(),
        patient_phone=row.get("patient_phone", "").strip(),
        patient_email=row.get("patient_email", "").strip() or None,
        notes=row.get("notes", "").strip() or None,
    )


_FIELD_TO_COLUMN = {"service_id": "service", "resource_id": "resource", "start": "start"}


def import_csv(service: BookingService, connection_id: str, path: Path, actor: str) -> ImportReport:
    connector = service.connectors.get(connection_id)
    if connector is None:
        said = translate("Import", "it has no usable connector (is its key stored?)")
        raise ImportFileError(f"connection: {said}")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        said = translate("Import", "cannot read {path}: {why}").format(path=path, why=exc.strerror)
        raise ImportFileError(f"FILE.csv: {said}") from exc
    reader = csv.DictReader(text.splitlines())
    if not reader.fieldnames:
        said = translate("Import", "the file is empty; the first row must name the columns")
        raise ImportFileError(f"FILE.csv: {said}")
    header = {_key(n): n for n in reader.fieldnames}
    unknown = [n for k, n in header.items() if k not in COLUMNS]
    if unknown:
        said = translate("Import", "unknown column {name}; the columns are {columns}")
        said = said.format(name=repr(unknown[0]), columns=", ".join(COLUMNS))
        raise ImportFileError(f"FILE.csv: {said}")
    missing = [c for c in ("service", "start", "patient_name") if c not in header]
    if missing:
        said = translate("Import", "the header has no {name} column")
        raise ImportFileError(f"FILE.csv: {said.format(name=repr(missing[0]))}")
    with _collector_paused():
        return _import_rows(service, connector, connection_id, reader, actor, path.name)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No cycle collection while the rows are judged: the days' bookings are thousands of
    objects a day, all kept to the end, which every collection would walk again (about a
    quarter of an import's time); what the import leaves is collected after it. Process-wide:
    in the desk (an import on its change runner) the window's collections wait too, as they do
    while it lays out a week (``ui/gc_policy.py``); reference counting frees all else."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _import_rows(
    service: BookingService,
    connector: Connector,
    connection_id: str,
    reader: csv.DictReader[str],
    actor: str,
    file_name: str,
) -> ImportReport:
    report = ImportReport()
    rows = [
        (number, raw, {_key(k): (v or "") for k, v in raw.items() if k is not None})
        for number, raw in enumerate(reader, start=2)
    ]
    ids = [_row_id(connection_id, raw) for _, raw, _ in rows]
    known = {b.id for b in service.repo.bookings_by_ids(ids)}
    # the policy, services and resources (a row's windows come with its day's catalog)
    catalog = service.repo.catalogs.catalog(connection_id, date.max, date.min)
    zone_name = catalog.policy.timezone
    days = DayBookings(
        service.repo.plain_fields_between,
        service.repo.plain_fields_matching,
        connection_id,
        zone_name,
        Neighbourhood(
            lambda booking: connector.neighbour_keys(booking, catalog),
            lambda booking: connector.neighbour_reads(booking, catalog),
            connector.context_days,
        ),
    )
    day_catalogs: dict[date, Catalog] = {}
    # every row as a booking first, so that each day is read for all its rows; a row the form
    # refuses (as ``BookingService.validate`` refuses it before any rule) needs no reading
    planned: list[tuple[int, RowProblem | tuple[Booking, date] | None]] = []
    for (number, _, row), row_id in zip(rows, ids, strict=True):
        if row_id in known:
            planned.append((number, None))
            continue
        request = _request(row, number, connection_id, catalog, service.clinic().zone)
        if isinstance(request, RowProblem):
            planned.append((number, request))
            continue
        assert request.start is not None
        day = to_local(request.start, zone_name).date()
        if day not in day_catalogs:  # the rules read the windows of the row's own day
            day_catalogs[day] = service.repo.catalogs.catalog(connection_id, day, day)
        problems = service.form_problems(request, day_catalogs[day])
        if problems:  # all refusals: the form's gaps and an unreadable phone
            planned.append((number, _problem(number, problems[0])))
            continue
        draft = service.draft(request, row_id, day_catalogs[day])
        days.plan(draft)
        planned.append((number, (draft, day)))
    accepted: list[Booking] = []
    now = utc_now()
    for number, row_plan in planned:
        if row_plan is None:
            report.already += 1
            continue
        if isinstance(row_plan, RowProblem):
            report.problems.append(row_plan)
            continue
        draft, day = row_plan
        # among its neighbours: the cached bookings and the rows accepted earlier in this file
        verdicts = service.judge_new(draft, day_catalogs[day], now, days.neighbours(draft))
        errors = [v for v in verdicts if v.severity is Severity.ERROR]
        if errors:  # where the cache alone refuses it too, that is the reason given
            alone = days.neighbours(draft, accepted=False)
            verdicts = service.judge_new(draft, day_catalogs[day], now, alone)
            errors = [v for v in verdicts if v.severity is Severity.ERROR] or errors
            report.problems.append(_problem(number, errors[0]))
            continue
        accepted.append(draft)
        days.accept(draft)
    report.accepted = len(accepted)
    report.written = service.repo.book_many(
        accepted,
        actor,
        "imported from a CSV file",
        patient_records=connector.creates_patients,
        audit=service.import_entry(file_name),
    )
    return report


def _problem(number: int, verdict: Verdict) -> RowProblem:
    column = _FIELD_TO_COLUMN.get(verdict.field or "", verdict.field or "row")
    code = f" ({verdict.code}, HTTP {verdict.status})" if verdict.code else ""
    return RowProblem(number, column, f"{verdict.message}{code}", verdict)


def _row_id(connection_id: str, raw: dict[str, str | None]) -> str:
    content = "\x1f".join(f"{k}={v}" for k, v in sorted((k or "", v or "") for k, v in raw.items()))
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"frontdesk-import:{connection_id}:{content}"))

"""``frontdesk import``: bookings from a CSV file, each checked offline, queued together.

The file is read by ``app.import_file`` (its encoding and delimiter found, rows numbered as a
spreadsheet shows them) and each row made a request by ``app.import_rows``; a row that cannot
be read or made one is refused alone, the file only when none can be read. A connection whose
catalog was never fetched (just connected) is refused as such (:class:`CatalogNotFetched`), not
row by row as naming no service of it.

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

import gc
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from frontdesk.app.booking import BookingService
from frontdesk.app.import_days import DayBookings, Neighbourhood
from frontdesk.app.import_file import CsvFile, FileRow, ImportFileError, column_key, read_csv
from frontdesk.app.import_rows import (
    COLUMNS,
    REQUIRED,
    RowProblem,
    column_of,
    refused_by_model,
    request_of,
)
from frontdesk.domain.booking import Booking
from frontdesk.domain.catalog import Catalog
from frontdesk.domain.timeutil import to_local, utc_now
from frontdesk.domain.translation import translate
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.providers.base import ApiError
from frontdesk.providers.http import BadAnswer

if TYPE_CHECKING:
    from frontdesk.providers.base import Connector

__all__ = [
    "COLUMNS",
    "REQUIRED",
    "CatalogNotFetched",
    "ImportFileError",
    "ImportReport",
    "RowProblem",
    "import_csv",
]


@dataclass
class ImportReport:
    accepted: int = 0
    written: int = 0
    already: int = 0  # rows this file had queued before
    problems: list[RowProblem] = field(default_factory=list)
    read_as: str = ""  # how the file was read: "UTF-8, comma-separated"


class CatalogNotFetched(ImportFileError):
    """The connection's catalog (services, resources, hours) was never fetched: every row
    would be refused as naming no service of it."""


def import_csv(
    service: BookingService,
    connection_id: str,
    path: Path,
    actor: str,
    fetch_catalog: Callable[[str], object] | None = None,
) -> ImportReport:
    """Judge every row of ``path`` and queue the good ones in one transaction. Raises
    :class:`ImportFileError` when no row can be judged (the file, or the connection). A
    catalog never fetched is fetched by ``fetch_catalog`` (the sync engine's pull, given the
    connection's id) when given, else refused (:class:`CatalogNotFetched`)."""
    connector = service.connectors.get(connection_id)
    if connector is None:
        said = translate("Import", "it has no usable connector (is its key stored?)")
        raise ImportFileError(f"connection: {said}")
    read = read_csv(path, COLUMNS, REQUIRED)
    if not catalog_fetched(service, connection_id):
        _fetch(connection_id, fetch_catalog)
    with _collector_paused():
        report = _import_rows(service, connector, connection_id, read, actor, path.name)
    report.read_as = read.read_as()
    return report


def _fetch(connection_id: str, fetch_catalog: Callable[[str], object] | None) -> None:
    if fetch_catalog is None:
        said = translate(
            "Import",
            "its catalog (services, branches, hours) has not been fetched from the booking "
            "system yet; sync first (Sync now at the desk, or `frontdesk sync`) when online",
        )
        raise CatalogNotFetched(f"connection: {said}")
    try:
        fetch_catalog(connection_id)
    except (ApiError, BadAnswer) as exc:  # offline, refused, an answer not as documented
        said = translate(
            "Import", "the catalog could not be fetched, run `frontdesk sync` when online"
        )
        raise CatalogNotFetched(f"connection: {said} ({exc})") from None


def catalog_fetched(service: BookingService, connection_id: str) -> bool:
    """Whether the connection's catalog was ever fetched (a sync's pull saves it)."""
    records = service.repo.catalogs.connections()
    return any(r.id == connection_id and r.last_fresh_at is not None for r in records)


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
    read: CsvFile,
    actor: str,
    file_name: str,
) -> ImportReport:
    report = ImportReport()
    ids = [_row_id(connection_id, row.raw) for row in read.rows]
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
    for row, row_id in zip(read.rows, ids, strict=True):
        number = row.number
        if row.problem is not None:  # as read: a NUL, a field too long, a quote left open
            planned.append((number, RowProblem(number, *row.problem)))
            continue
        if row_id in known:
            planned.append((number, None))
            continue
        request = request_of(_values(row), number, connection_id, catalog, service.clinic().zone)
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
        try:
            draft = service.draft(request, row_id, day_catalogs[day])
        except ValidationError as exc:  # said without the value it quotes
            planned.append((number, refused_by_model(number, exc)))
            continue
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


def _values(row: FileRow) -> dict[str, str]:
    """A row's values by column (as :func:`column_key` names them; "" where the row is short),
    a line break within a value (a quoted one) kept as one newline, as the desk's fields keep
    it."""
    return {
        column_key(k): v.replace("\r\n", "\n").replace("\r", "\n") if "\r" in v else v
        for k, v in row.raw.items()
        if k is not None and isinstance(v, str)
    }


def _problem(number: int, verdict: Verdict) -> RowProblem:
    column = column_of(verdict.field)
    code = f" ({verdict.code}, HTTP {verdict.status})" if verdict.code else ""
    return RowProblem(number, column, f"{verdict.message}{code}", verdict)


def _row_id(connection_id: str, raw: Mapping[str | None, object]) -> str:
    """The booking id of a row (as ``csv.DictReader`` made it): the same file imported again
    gives the same ids, so nothing is queued twice."""
    # the values beyond the header (a list, under None) as their text: a column without a
    # name ("") sorts beside them
    pairs = sorted((k or "", str(v) if isinstance(v, list) else (v or "")) for k, v in raw.items())
    content = "\x1f".join(f"{k}={v}" for k, v in pairs)
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"frontdesk-import:{connection_id}:{content}"))

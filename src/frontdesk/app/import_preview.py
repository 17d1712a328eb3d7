"""The desk's CSV import: what ``frontdesk import`` would do with a file, shown before anything
is queued, then done.

``preview_import`` runs :func:`importer.import_csv` itself over the cache with its one write
(``book_many``, the rows it accepted) caught and not made: the verdicts are the import's own,
row for row, and nothing is written (no booking, no operation, no history). ``queue_import``
is then the import, judged again as the cache stands (a sync may have filled a window since).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from frontdesk.app.booking import BookingService
from frontdesk.app.import_file import read_csv
from frontdesk.app.importer import (
    COLUMNS,
    REQUIRED,
    ImportFileError,
    ImportReport,
    RowProblem,
    _row_id,  # a row's booking id: stable, or a file imported again would be queued twice
    import_csv,
)
from frontdesk.domain import dates
from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import to_local
from frontdesk.storage.repo import Repository

__all__ = ["ImportFileError", "ImportPreview", "PreviewRow", "preview_import", "queue_import"]


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """A row the import would queue, as the desk shows it (clinic time)."""

    row: int  # the file's line number (the header is line 1)
    when: str  # "Tue 28 Mar 2028 09:30"
    service: str
    where: str
    patient: str
    phone: str
    booking: Booking


@dataclass
class ImportPreview:
    path: Path
    connection_id: str
    accepted: list[PreviewRow] = field(default_factory=list)
    refused: list[RowProblem] = field(default_factory=list)
    already: int = 0  # rows an earlier import of this file (or an earlier row) queued
    read_as: str = ""  # how the file was read: "Windows-1252, semicolon-separated"


class _NothingWritten:
    """The cache as the import reads it; the import's write is kept aside, not made."""

    def __init__(self, repo: Repository) -> None:
        self._repo = repo
        self.handed: list[Booking] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._repo, name)

    def book_many(self, bookings: Sequence[Booking], *_args: object, **_kw: object) -> int:
        self.handed.extend(bookings)
        return 0


def preview_import(service: BookingService, connection_id: str, path: Path) -> ImportPreview:
    """What importing ``path`` into the connection would queue and refuse; writes nothing.
    Raises :class:`ImportFileError` when the file as a whole cannot be used."""
    reads = _NothingWritten(service.repo)
    dry = BookingService(cast(Repository, reads), service.connectors, service.desk, service.clinic)
    report = import_csv(dry, connection_id, path, "preview")
    numbers = _row_numbers(connection_id, path)
    zone = service.clinic().zone
    preview = ImportPreview(path, connection_id, refused=list(report.problems))
    preview.read_as = report.read_as
    preview.already = report.already
    seen: set[str] = set()
    for booking in reads.handed:
        if booking.id in seen:  # the same row twice in the file: queued once
            preview.already += 1
            continue
        seen.add(booking.id)
        catalog = service.catalog_for(connection_id, booking.start)
        found = catalog.service(booking.service_id)
        place = next((r for r in catalog.resources if r.id == booking.resource_id), None)
        preview.accepted.append(
            PreviewRow(
                numbers.get(booking.id, 0),
                dates.moment(to_local(booking.start, zone), year=True),
                found.name if found else booking.service_id,
                place.name if place else booking.resource_id,
                booking.patient_name,
                booking.patient_phone,
                booking,
            )
        )
    return preview


def queue_import(
    service: BookingService, connection_id: str, path: Path, actor: str
) -> ImportReport:
    """The import itself (``frontdesk import``): the good rows queued in one transaction."""
    return import_csv(service, connection_id, path, actor)


def _row_numbers(connection_id: str, path: Path) -> dict[str, int]:
    """Each row's booking id and line number, read as the import reads the file."""
    numbers: dict[str, int] = {}
    for row in read_csv(path, COLUMNS, REQUIRED).rows:
        numbers.setdefault(_row_id(connection_id, row.raw), row.number)
    return numbers

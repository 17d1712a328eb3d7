"""The desk's import preview: the rows ``frontdesk import`` would queue and those it would refuse
(row, field, reason), judged by the import itself, with nothing written; then queued."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from frontdesk.app.context import AppContext
from frontdesk.app.import_file import MAX_FILE_BYTES
from frontdesk.app.import_preview import ImportFileError, preview_import, queue_import
from frontdesk.sandbox import SandboxServer
from support.clinic import next_weekday

FAR = (datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC))


def write_rows(path: Path) -> None:
    tuesday = next_weekday(1)
    rows = [
        "patient_name,start,service,resource,patient_phone",
        *(
            f"Patient {n},{tuesday} 09:{5 * n:02d},General Checkup,Main Branch,+4420794601{n:02d}"
            for n in range(7)  # the Morning window holds 6: the 7th (row 8) is refused
        ),
        f"Patient 7,{tuesday} 10:00,Massage,Main Branch,+442079460107",
        f"Patient 8,{tuesday + timedelta(days=5)} 09:30,General Checkup,Main Branch,+442079460108",
        f"Patient 9,{tuesday} 14:30,Vaccination,North Branch,+442079460109",
        f"Patient 9,{tuesday} 14:30,Vaccination,North Branch,+442079460109",  # twice
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def what_is_stored(context: AppContext) -> tuple[int, int, int]:
    bookings = context.repo.bookings_between(*FAR)
    history = sum(len(context.repo.history(b.id)) for b in bookings)
    return len(bookings), context.repo.outbox.pending_count(), history


def test_the_preview_is_the_imports_verdicts_and_writes_nothing(
    sandbox: SandboxServer, make_context: Callable[[str, str], AppContext], tmp_path: Path
) -> None:
    context = make_context(sandbox.base_url, sandbox.api_key)
    record = context.connections()[0]
    context.engine.pull(record.id)
    path = tmp_path / "bookings.csv"
    write_rows(path)
    before = what_is_stored(context)

    preview = preview_import(context.booking, record.id, path)
    assert what_is_stored(context) == before  # no booking, no operation, no history
    assert [r.row for r in preview.accepted] == [2, 3, 4, 5, 6, 7, 11]
    assert preview.accepted[0].patient == "Patient 0"
    assert preview.accepted[0].service == "General Checkup"
    assert preview.accepted[-1].where == "North Branch"
    assert preview.accepted[0].when.endswith("09:00")  # the clinic's clock
    assert [(p.row, p.field) for p in preview.refused] == [
        (8, "start"),
        (9, "service"),
        (10, "start"),
    ]
    assert "SLOT_FULL" in preview.refused[0].reason
    assert preview.already == 1  # the same row twice is queued once

    report = queue_import(context.booking, record.id, path, "test")
    assert report.problems == preview.refused  # the same verdicts, row for row
    assert report.written == len(preview.accepted) == 7
    assert context.repo.outbox.pending_count() == before[1] + 7

    again = preview_import(context.booking, record.id, path)
    assert again.accepted == [] and again.already == 8 and again.refused == preview.refused


def test_a_file_that_cannot_be_used_says_what_to_fix(
    sandbox: SandboxServer, make_context: Callable[[str, str], AppContext], tmp_path: Path
) -> None:
    context = make_context(sandbox.base_url, sandbox.api_key)
    record = context.connections()[0]
    bad = tmp_path / "bad.csv"
    bad.write_text("when,who\n2027-01-01,x\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="unknown column 'when'"):
        preview_import(context.booking, record.id, bad)
    with pytest.raises(ImportFileError, match="cannot read"):
        preview_import(context.booking, record.id, tmp_path / "missing.csv")
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as file:  # sparse: a byte past the limit the import has too
        file.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ImportFileError, match=r"huge\.csv is larger than 20 MB, the most an"):
        preview_import(context.booking, record.id, huge)

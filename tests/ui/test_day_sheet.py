"""The printed day sheet: a page per provider, unsynced bookings marked, and a real PDF file
written offscreen."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from frontdesk.app.day_sheet import day_sheet
from frontdesk.domain.booking import SyncState
from frontdesk.domain.timeutil import to_local
from frontdesk.ui.day_sheet import sheet_html
from frontdesk.ui.main_window import MainWindow


def _busy_day(desk: MainWindow) -> datetime:
    far = datetime(2100, 1, 1, tzinfo=UTC)
    booking = desk.context.repo.bookings_between(datetime.now(UTC), far)[0]
    return booking.start


def test_the_sheet_has_a_section_per_provider_and_marks_unsynced(desk: MainWindow) -> None:
    start = _busy_day(desk)
    day = to_local(start, desk.zone).date()
    first = desk.context.repo.bookings_between(start, datetime(2100, 1, 1, tzinfo=UTC))[0]
    desk.context.repo.save_booking(
        first.with_changes(sync_state=SyncState.PENCILLED), "test", None, "test"
    )
    sheet = day_sheet(desk.context, day)
    assert [s.resource for s in sheet.sections] == ["Main Branch", "North Branch"]
    rows = [r for s in sheet.sections for r in s.rows]
    assert any(r.patient == first.patient_name and r.unsynced == "not yet synced" for r in rows)
    assert sheet.unsynced >= 1
    page = sheet_html(sheet)
    assert page.count("page-break-before: always") == len(sheet.sections) - 1
    assert "✎ <b>not yet synced</b>" in page
    assert f"{day:%A %d %B %Y}" in page


def test_save_as_pdf_writes_a_pdf_page_per_provider(desk: MainWindow, tmp_path: Path) -> None:
    desk.pane.show_day(to_local(_busy_day(desk), desk.zone).date())
    path = desk.save_day_sheet(tmp_path / "sheet.pdf")
    assert path is not None and path.exists()
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= len(desk.day_sheet().sections) == 2
    assert "Day sheet saved" in desk.statusBar().currentMessage()

"""The printed day sheet: the whole day, then a page per provider with appointments, unsynced
bookings marked, phones unbroken, the clinic's paper, and a real PDF file written offscreen."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from frontdesk.app.day_sheet import day_sheet
from frontdesk.domain.booking import SyncState
from frontdesk.domain.dates import long_day
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
    assert sheet.sections and all(s.rows for s in sheet.sections)  # no page for an empty one
    assert {s.resource for s in sheet.sections} <= {"Main Branch", "North Branch"}
    rows = [r for s in sheet.sections for r in s.rows]
    assert any(r.patient == first.patient_name and r.unsynced == "not yet synced" for r in rows)
    assert sheet.unsynced >= 1
    assert sheet.whole_day == sorted(rows, key=lambda r: (r.start, r.end, r.where, r.patient))
    page = sheet_html(sheet)
    assert page.count("page-break-before: always") == len(sheet.sections)  # after the day
    assert "The whole day" in page and "✎ <b>not yet synced</b>" in page
    assert long_day(day) in page  # the desk's named format: "Saturday 5 December 2026"
    assert f"<td style='white-space:nowrap'>{rows[0].phone}</td>" in page
    assert "(s)" not in page


def test_a_day_without_appointments_prints_one_line(desk: MainWindow) -> None:
    sheet = day_sheet(desk.context, datetime(2001, 1, 1, tzinfo=UTC).date())
    assert sheet.sections == []
    assert "No appointments." in sheet_html(sheet)


def test_the_paper_follows_the_clinics_region(desk: MainWindow, tmp_path: Path) -> None:
    context = desk.context
    kept = context.settings
    try:
        context.update_settings(kept.changed(phone_region="US", paper="auto"))
        assert day_sheet(context, _busy_day(desk).date()).paper == "Letter"
        path = desk.save_day_sheet(tmp_path / "letter.pdf")
        assert path is not None
        assert re.search(rb"MediaBox \[0 0 612[.0]* 792[.0]*\]", path.read_bytes())  # 8.5 x 11 in
        context.update_settings(kept.changed(phone_region="DE", paper="auto"))
        assert day_sheet(context, _busy_day(desk).date()).paper == "A4"
    finally:
        context.update_settings(kept)


def test_the_pdf_action_asks_where_and_writes_there(  # type: ignore[no-untyped-def]
    desk: MainWindow, tmp_path: Path, monkeypatch, qtbot
) -> None:
    from PySide6.QtWidgets import QFileDialog

    chosen = tmp_path / "chosen.pdf"
    asked: list[str] = []

    def ask(*args: object, **kwargs: object) -> tuple[str, str]:
        asked.append(str(args[1]))
        return str(chosen), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    monkeypatch.chdir(tmp_path)
    desk.pdf_action.trigger()
    assert asked == ["Save the day sheet as PDF"]
    assert chosen.read_bytes().startswith(b"%PDF-")
    assert not (tmp_path / "False").exists()


def test_save_as_pdf_writes_a_pdf_page_per_provider(desk: MainWindow, tmp_path: Path) -> None:
    desk.pane.show_day(to_local(_busy_day(desk), desk.zone).date())
    path = desk.save_day_sheet(tmp_path / "sheet.pdf")
    assert path is not None and path.exists()
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert pages >= len(desk.day_sheet().sections) + 1
    assert "Day sheet saved" in desk.statusBar().currentMessage()


def test_a_saved_day_sheet_is_readable_by_its_user_only(desk: MainWindow, tmp_path: Path) -> None:
    """It holds patients' names and phones: 0600 whatever the umask, even over an older file."""
    import os
    import stat

    older = tmp_path / "sheet.pdf"
    older.write_bytes(b"an older sheet")
    older.chmod(0o644)
    previous = os.umask(0o022)
    try:
        for path in (older, tmp_path / "new-sheet.pdf"):
            saved = desk.save_day_sheet(path)
            assert saved is not None and saved.read_bytes().startswith(b"%PDF-")
            assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    finally:
        os.umask(previous)

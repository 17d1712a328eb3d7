"""The desk's marks on a block ("waiting 12 min", a confirmation's ✓) never cover the
patient's name: painted with real Qt fonts on blocks of the day and week views' sizes, and on
a demo desk's day view. The chip goes below the text, after the name or on the next line, said
shorter where room is short; a block too small for it keeps the name and its tooltip says it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QWidget

from frontdesk.app.arrivals import DeskMark
from frontdesk.app.demo import Demo
from frontdesk.domain.booking import Booking, BookingGlimpse, SyncState, VisitStatus
from frontdesk.domain.confirmations import PatientConfirmation
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from frontdesk.ui.blocks import NAME_SHARE, Block, BlockFonts, paint_block, tooltip_html
from frontdesk.ui.calendar_pane import Mode
from frontdesk.ui.desk_marks import chip_of, mark_words
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.palette import CalendarColors
from support.clinic import MAIN
from support.staff import long_idle

START = datetime(2027, 6, 15, 15, 0, tzinfo=UTC)
WAITING = DeskMark(PatientConfirmation.UNCONFIRMED, 12)
CONFIRMED_WAITING = DeskMark(PatientConfirmation.CONFIRMED, 75)


def glimpse(name: str, minutes: int, visit: VisitStatus = VisitStatus.ARRIVED) -> BookingGlimpse:
    return BookingGlimpse(
        "b-1",
        "c1",
        "svc",
        "dr",
        START,
        START + timedelta(minutes=minutes),
        name,
        "+442079460000",
        visit,
        SyncState.CONFIRMED,
        None,
    )


def name_ink(block: Block, fonts: BlockFonts) -> tuple[str, QRectF]:
    """The name's line as painted: its words and where their ink lies."""
    assert block._lines is not None
    _kind, _color, shown, baseline = next(line for line in block._lines if line[0] == 1)
    width = fonts.bold_m.horizontalAdvance(shown)
    top = baseline - fonts.ascent[1]
    return shown, QRectF(block.rect.left() + 8, top, width, fonts.heights[1])


def assert_name_uncovered(block: Block, fonts: BlockFonts) -> str:
    shown, ink = name_ink(block, fonts)
    name = block.booking.patient_name
    kept = shown.removesuffix("…").split(" · ")[0]
    assert name.startswith(kept) and len(kept) >= 3, shown
    if block._chip is not None:
        chip = block._chip[0]
        assert not chip.intersects(ink), (shown, block._chip)
        assert block.rect.contains(chip), block._chip
        beside = chip.top() < ink.bottom() and chip.bottom() > ink.top()
        if beside and not shown.startswith(name):  # elided for the chip: still its share
            share = NAME_SHARE * (chip.right() - ink.left())
            assert ink.width() + 2 * fonts.bold_m.averageCharWidth() >= share
    return shown


@pytest.fixture
def painter(qapp) -> Iterator[tuple[QPainter, BlockFonts, CalendarColors]]:  # type: ignore[no-untyped-def]
    image = QImage(400, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    widget = QWidget()
    try:
        yield p, BlockFonts(widget.font()), CalendarColors.from_palette(widget.palette())
    finally:
        p.end()


@pytest.mark.parametrize("width", [60.0, 95.0, 141.0, 220.0])
@pytest.mark.parametrize("minutes", [15, 30, 60])
@pytest.mark.parametrize("name", ["Ava Khan", "Maximilian Oberhauser-Lindqvist", "Bo Li"])
@pytest.mark.parametrize("mark", [WAITING, CONFIRMED_WAITING])
def test_the_wait_never_covers_the_name(
    painter: tuple[QPainter, BlockFonts, CalendarColors],
    width: float,
    minutes: int,
    name: str,
    mark: DeskMark,
) -> None:
    p, fonts, colors = painter
    booking = glimpse(name, minutes)
    height = max(minutes, 18) - 2.0  # as the grids draw it (an hour is 60 px)
    block = Block(booking, QRectF(10, 10, width, height), 0, START, START)
    chip = chip_of(mark, booking.visit_status)
    paint_block(p, block, None, "#4f8ef7", colors, fonts, False, {}, chip)
    shown = assert_name_uncovered(block, fonts)
    if width >= 141:  # a day view's column: the whole name, and the wait beside or below it
        assert block._chip is not None
        if fonts.bold_m.horizontalAdvance(name) < 0.5 * width:
            assert shown.startswith(name)
    if block._chip is not None:
        said = block._chip[1]
        assert "12 min" in said or "1 h 15" in said
        assert block._tag is None  # "arrived" is said by the wait
    else:  # no room anywhere: the tooltip says it
        said = mark_words(mark, booking.visit_status)
        assert "waiting" in said and said in tooltip_html(
            booking, "Europe/London", None, None, said
        )


def test_a_confirmation_alone_keeps_the_tag_and_a_mark_that_changes_is_laid_out_again(
    painter: tuple[QPainter, BlockFonts, CalendarColors],
) -> None:
    p, fonts, colors = painter
    booking = glimpse("Ava Khan", 15, VisitStatus.BOOKED)._replace(sync_state=SyncState.PENCILLED)
    block = Block(booking, QRectF(10, 10, 141, 16), 0, START, START)
    tick = chip_of(DeskMark(PatientConfirmation.CONFIRMED), booking.visit_status)
    paint_block(p, block, None, "#4f8ef7", colors, fonts, False, {}, tick)
    assert block._chip is not None and block._chip[1] == "✓"
    assert block._tag is not None and block._tag[1] == "pencilled"
    assert not block._chip[0].intersects(block._tag[0])
    assert_name_uncovered(block, fonts)
    arrived = booking._replace(visit_status=VisitStatus.ARRIVED)
    block.booking = arrived
    block._lines = None
    paint_block(
        p, block, None, "#4f8ef7", colors, fonts, False, {}, chip_of(WAITING, arrived.visit_status)
    )
    assert block._chip is not None and "12 min" in block._chip[1]
    later = chip_of(DeskMark(PatientConfirmation.UNCONFIRMED, 13), arrived.visit_status)
    paint_block(p, block, None, "#4f8ef7", colors, fonts, False, {}, later)  # a minute later
    assert block._chip is not None and "13 min" in block._chip[1]
    paint_block(p, block, None, "#4f8ef7", colors, fonts, False, {}, None)  # in the chair
    assert block._chip is None and block._tag is not None and block._tag[1] == "arrived"


def test_a_desks_day_view_shows_the_name_and_the_wait(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    demo = Demo(tmp_path / "profile", clinic_zone="Europe/London", clinic_columns=True)
    long_idle(demo.context)
    demo.pull()
    window = MainWindow(demo.context, sync_interval_ms=3_600_000, start_sync=False)
    try:
        window.show()
        qtbot.waitExposed(window)
        context, zone = demo.context, "Europe/London"
        day = date.today() + timedelta(days=20)
        start = local_to_utc(day, time(16), zone).instant
        booking = Booking(
            id="ava",
            connection_id=context.connections()[0].id,
            service_id=GENERAL_CHECKUP_ID,
            resource_id=MAIN,  # the clinic's "Dr. Berger"
            start=start,
            end=start + timedelta(minutes=15),
            patient_name="Ava Khan",
            patient_phone="+442079460000",
            visit_status=VisitStatus.ARRIVED,
            sync_state=SyncState.CONFIRMED,
            remote_id="r-ava",
        )
        context.repo.import_bookings([booking])
        window.desk_marks.timer.stop()  # type: ignore[attr-defined]
        window.pane.show_day(day, Mode.DAY)
        window.refresh()
        grid = window.day_view
        grid.scroll_to_hour(15)
        grid.desk_marks = {"ava": WAITING}
        grid.painter_.invalidate()
        grid.grab()  # painted
        block = next(b for b in grid._blocks if b.booking.id == "ava")
        assert block._chip is not None and "12 min" in block._chip[1]
        assert assert_name_uncovered(block, grid.fonts) == "Ava Khan"
    finally:
        window.close()
        window.deleteLater()
        demo.close()

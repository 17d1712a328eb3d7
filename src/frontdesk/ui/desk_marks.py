"""The desk's own marks on an appointment's block: the patient's confirmation (a small ✓, ✉ or
☎ chip, apart from the booking system's sync state, which the block's fill and border show)
and, while an arrived patient waits, the minutes waited. The chip (:func:`chip_of`) is laid
out with the block's text (``ui.blocks.Chip``), never over the patient's name: below the text,
after the name or on the next line, said shorter where room is short ("waiting 12 min",
"12 min"); where it fits nowhere, the block's tooltip says it.

:class:`DeskMarks` keeps the day and week grids' marks up to date: on the shown span, on a
change of the topics ``confirmations`` and ``arrivals`` (here or at another desk), after a desk
change, and each minute (the minutes waited). ``install_desk_day_actions`` puts the confirmation
list (F7), the waiting room (F8) and the marks on the main window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QColor, QPainter

from frontdesk.app.arrivals import TOPIC as ARRIVALS
from frontdesk.app.arrivals import DeskMark, wait_minutes
from frontdesk.app.confirmations import TOPIC as CONFIRMATIONS
from frontdesk.domain.booking import VisitStatus
from frontdesk.domain.confirmations import (
    CONFIRMATION_MARKS,
    PatientConfirmation,
    waited_words,
)
from frontdesk.domain.timeutil import local_day_bounds, utc_now
from frontdesk.ui.blocks import Block, BlockFonts, Chip
from frontdesk.ui.palette import CalendarColors

if TYPE_CHECKING:
    from frontdesk.ui.main_window import MainWindow

log = logging.getLogger("frontdesk.ui")
CONFIRMED_INK = QColor("#188038")
WAITING_INK = QColor("#b06000")


def mark_words(mark: DeskMark, status: VisitStatus) -> str:
    """The chip's words: ``✓``, ``✓ waiting 12 min``, ``waiting 3 min``."""
    glyph = CONFIRMATION_MARKS.get(mark.confirmation, "")
    waited = waited_words(mark.waited) if mark.waited is not None else ""
    if status is not VisitStatus.ARRIVED:
        waited = ""
    return " ".join(w for w in (glyph, waited) if w)


def chip_of(mark: DeskMark, status: VisitStatus) -> Chip | None:
    """The chip's words, longest first: ``✓ waiting 12 min``, ``✓ 12 min``, ``12 min``."""
    glyph = CONFIRMATION_MARKS.get(mark.confirmation, "")
    if mark.waited is None or status is not VisitStatus.ARRIVED:
        return Chip(((glyph, 0),)) if glyph else None
    full, short = waited_words(mark.waited), wait_minutes(mark.waited)
    said = [f"{glyph} {full}", f"{glyph} {short}"] if glyph else [full]
    words = [(w, 1) for w in [*said, short]] + [(short, 2)]  # the last: the tag's small type
    return Chip(tuple(words), replaces_tag=True)


def paint_desk_mark(
    p: QPainter, block: Block, mark: DeskMark, colors: CalendarColors, fonts: BlockFonts
) -> None:
    """Paint the chip where the block's text left it room (``block._chip``), if anywhere."""
    if block._chip is None:
        return
    chip, words, kind = block._chip
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colors.base)
    p.drawRoundedRect(chip, 3, 3)
    waiting = mark.waited is not None and block.booking.visit_status is VisitStatus.ARRIVED
    confirmed = mark.confirmation is PatientConfirmation.CONFIRMED
    ink = WAITING_INK if waiting else CONFIRMED_INK if confirmed else colors.muted
    if colors.dark:
        ink = ink.lighter(160)
    p.setPen(ink)
    p.setFont((fonts.small, fonts.bold, fonts.tiny)[kind])
    p.drawText(chip, Qt.AlignmentFlag.AlignCenter, words)


class DeskMarks(QObject):
    """Reads the shown span's marks and gives them to the day and week grids."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.clock: Callable[[], datetime] = utc_now  # the tests' own
        self.timer = QTimer(self)
        self.timer.setInterval(60_000)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        window.on_topic(CONFIRMATIONS, self.refresh)
        window.on_topic(ARRIVALS, self.refresh)
        window.pane.shownChanged.connect(self.refresh)
        window.actions_.changed.connect(lambda _id: self.refresh())
        window.synced.connect(self.refresh)
        # the blocks first, their marks right after (and after the store, where it is opened
        # behind the paint)
        window.first_paint.later(lambda: window.when_store_open(self.refresh))

    def refresh(self) -> None:
        window = self.window
        if getattr(window, "_closed", False):
            self.timer.stop()
            return
        context, pane = window.context, window.pane
        guard = getattr(window, "guard", None)
        marks: dict[str, DeskMark] = {}
        if guard is None or not guard.locked:
            first = pane.day - timedelta(days=pane.day.weekday())  # the week around the day
            start, _ = local_day_bounds(first, window.zone)
            end, _ = local_day_bounds(first + timedelta(days=7), window.zone)
            try:
                marks = context.arrivals.marks_between(start, end, self.clock())
            except Exception as exc:  # a shared store out of reach: the marks stay
                log.warning("the blocks' marks could not be read: %s", type(exc).__name__)
                return
        for grid in (pane.day_view, pane.week_view):
            if dict(grid.desk_marks) != marks:
                grid.desk_marks = marks
                grid.painter_.invalidate()
                grid.viewport().update()


def install_desk_day_actions(window: MainWindow) -> None:
    """The confirmation list (F7), the waiting room (F8) and the blocks' marks."""
    from frontdesk.ui.confirmation_list import install_confirmation_actions
    from frontdesk.ui.waiting_room import install_waiting_room

    window.desk_marks = DeskMarks(window)  # type: ignore[attr-defined]
    install_confirmation_actions(window)
    install_waiting_room(window)
    if window.context.demo:
        _demo_sample_after_sync(window)


def _demo_sample_after_sync(window: MainWindow) -> None:
    """The demo's sample calls and arrival (``app.desk_day.demo_sample``), made on the change
    runner after a sync cycle once bookings are cached."""
    from frontdesk.app.desk_day import demo_sample
    from frontdesk.ui.desk_ops import ops_for

    state = {"done": False, "running": False}

    def made(done: bool) -> None:
        state["done"], state["running"] = done, False
        if done:
            window.synced.disconnect(after_sync)
            window.refresh()  # the arrived patient's block

    def failed(_why: BaseException) -> None:
        state["running"] = False

    def after_sync() -> None:
        if state["done"] or state["running"] or window.guard.locked:
            return
        state["running"] = True
        ops_for(window, window.context).run(
            lambda: demo_sample(window.context),
            lambda _done: ["#" + CONFIRMATIONS, "#" + ARRIVALS],
            made,
            failed=failed,
        )

    window.synced.connect(after_sync)

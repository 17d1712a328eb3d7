"""A right-to-left desk on a small screen (1366×768): the main window and the booking dialog
laid out right to left keep every part on the screen and readable (nothing wider than the
screen, the toolbar and the docks' titles shown, no visible part of the booking dialog outside
it). Screenshots are saved in the temporary folder, to look at."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar, QWidget

from frontdesk.app.demo import Demo
from frontdesk.ui.main_window import MainWindow

SHOTS = Path(tempfile.gettempdir())
SCREEN = QRect(0, 0, 1366, 768)


@pytest.fixture
def right_to_left(qapp: QApplication) -> Iterator[None]:
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        yield
    finally:
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def _outside(root: QWidget) -> list[str]:
    """The visible children of ``root`` that reach outside it (clipped or off-screen)."""
    inside = root.rect().adjusted(-1, -1, 1, 1)
    found = []
    for child in root.findChildren(QWidget):
        if not child.isVisibleTo(root) or child.isWindow() or child.width() <= 0:
            continue
        place = QRect(child.mapTo(root, child.rect().topLeft()), child.size())
        if not inside.contains(place):
            found.append(f"{type(child).__name__} {child.objectName()!r} at {place.getRect()}")
    return found


def test_the_window_laid_out_right_to_left_fits_a_small_screen(  # type: ignore[no-untyped-def]
    qtbot, demo: Demo, right_to_left: None
) -> None:
    window = MainWindow(demo.context, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(window)
    window.resize(SCREEN.size())
    window.show()
    qtbot.waitExposed(window)
    try:
        assert window.layoutDirection() is Qt.LayoutDirection.RightToLeft
        assert window.minimumSizeHint().width() <= SCREEN.width()
        assert window.width() <= SCREEN.width() and window.height() <= SCREEN.height()
        bar = window.findChild(QToolBar, "navigation")
        assert bar is not None and bar.isVisible()
        assert window.rect().contains(QRect(bar.mapTo(window, bar.rect().topLeft()), bar.size()))
        # the toolbar's buttons all shown (none pushed into the overflow menu)
        shown = [a for a in bar.actions() if a.isVisible() and not a.isSeparator()]
        assert all(bar.widgetForAction(a).isVisible() for a in shown if bar.widgetForAction(a))
        docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
        assert docks
        for dock in docks:
            assert dock.windowTitle()
            place = QRect(dock.mapTo(window, dock.rect().topLeft()), dock.size())
            assert window.rect().contains(place), dock.windowTitle()
            assert dock.width() >= dock.minimumSizeHint().width()
        # the grid's time margin stays readable: its hour labels are drawn (not mirrored away)
        shot = window.grab()
        assert not shot.isNull()
        shot.save(str(SHOTS / "desk-rtl.png"))
    finally:
        window.shutdown()


def test_the_booking_dialog_laid_out_right_to_left_fits_a_small_screen(  # type: ignore[no-untyped-def]
    qtbot, demo: Demo, right_to_left: None
) -> None:
    window = MainWindow(demo.context, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(window)
    window.resize(SCREEN.size())
    window.show()
    try:
        dialog = window.new_booking()
        qtbot.waitExposed(dialog)
        assert dialog.layoutDirection() is Qt.LayoutDirection.RightToLeft
        need = dialog.minimumSizeHint()
        assert need.width() <= SCREEN.width() and need.height() <= SCREEN.height()
        assert dialog.width() <= SCREEN.width() and dialog.height() <= SCREEN.height()
        assert _outside(dialog) == []
        dialog.grab().save(str(SHOTS / "booking-rtl.png"))
        dialog.done(0)
    finally:
        window.shutdown()

"""Dark and light follow the operating system's scheme; the calendar repaints in the palette's
colours either way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.palette import is_dark, luminance
from frontdesk.ui.theme import apply_scheme


def test_a_dark_scheme_darkens_a_light_palette_and_back(
    qapp: QApplication, desk: MainWindow
) -> None:
    light_style = qapp.style().name()
    assert not is_dark(qapp.palette())  # the offscreen platform starts light
    try:
        apply_scheme(qapp, Qt.ColorScheme.Dark)
        assert is_dark(qapp.palette())
        QApplication.processEvents()
        grid = desk.pane.week_view
        assert grid.colors.dark
        image = grid.viewport().grab().toImage()
        assert luminance(image.pixelColor(image.width() - 4, image.height() - 4)) < 0.2
        apply_scheme(qapp, Qt.ColorScheme.Light)
        QApplication.processEvents()
        assert not is_dark(qapp.palette()) and not grid.colors.dark
    finally:
        apply_scheme(qapp, Qt.ColorScheme.Light)
        qapp.setStyle(light_style)

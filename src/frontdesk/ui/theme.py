"""Light or dark, as the operating system says (``QStyleHints.colorScheme``, Qt 6.5+).

Where the platform's own style already follows the scheme (Windows 11, macOS, most Linux
desktops), nothing is done. Where the scheme says dark but the palette stayed light (a bare
X11 session, say), the Fusion style with a dark palette is used instead. The calendar's own
colours come from the palette (``ui.palette``), so they follow either way.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from frontdesk.ui.palette import is_dark

_FALLBACK = "frontdesk_dark_fallback"


def dark_palette() -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    for name, color in (
        (role.Window, "#202124"),
        (role.WindowText, "#e8eaed"),
        (role.Base, "#1b1c1f"),
        (role.AlternateBase, "#26272b"),
        (role.ToolTipBase, "#303134"),
        (role.ToolTipText, "#e8eaed"),
        (role.Text, "#e8eaed"),
        (role.PlaceholderText, "#9aa0a6"),
        (role.Button, "#2d2e31"),
        (role.ButtonText, "#e8eaed"),
        (role.BrightText, "#ff6b5e"),
        (role.Highlight, "#8ab4f8"),
        (role.HighlightedText, "#202124"),
        (role.Link, "#8ab4f8"),
    ):
        palette.setColor(name, QColor(color))
    palette.setColor(QPalette.ColorGroup.Disabled, role.Text, QColor("#6f7378"))
    palette.setColor(QPalette.ColorGroup.Disabled, role.ButtonText, QColor("#6f7378"))
    return palette


def apply_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Make the palette agree with ``scheme`` when the platform did not."""
    fell_back = bool(app.property(_FALLBACK))
    if scheme == Qt.ColorScheme.Dark and not is_dark(app.palette()):
        app.setStyle("Fusion")
        app.setPalette(dark_palette())
        app.setProperty(_FALLBACK, True)
    elif scheme != Qt.ColorScheme.Dark and fell_back:
        style = app.style()
        app.setPalette(style.standardPalette() if style is not None else QPalette())
        app.setProperty(_FALLBACK, False)


def follow_color_scheme(app: QApplication) -> None:
    hints = QGuiApplication.styleHints()
    apply_scheme(app, hints.colorScheme())
    hints.colorSchemeChanged.connect(lambda scheme: apply_scheme(app, scheme))

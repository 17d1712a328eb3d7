"""Light or dark, as the operating system says (``QStyleHints.colorScheme``, Qt 6.5+), and the
colours of the desk's secondary text in either.

Where the platform's own style already follows the scheme (Windows 11, macOS, most Linux
desktops), its palette is kept. Where the scheme says dark but the palette stayed light (a bare
X11 session, say), the Fusion style with a dark palette is used instead. The calendar's own
colours come from the palette (``ui.palette``), so they follow either way.

Every coloured text outside the calendar (hints and small print, placeholders, captions, the
API's codes, errors, risks, connection states) takes its colour from :class:`Tones`, worked
out from the palette in use so that each one reads at WCAG AA (4.5:1) on the window, field and
tooltip backgrounds. The palette's ``PlaceholderText`` is set to the hint tone, and
:func:`mark_hint` makes a whole label secondary text, so both follow a change of scheme
without any repainting code.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from frontdesk.ui.palette import is_dark, luminance, mix

_FALLBACK = "frontdesk_dark_fallback"
AA = 4.5  # WCAG 2 level AA for text under 18 pt
_ROLE = QPalette.ColorRole
# What secondary text is drawn on: labels on the window, placeholders in fields, tooltips.
BACKGROUNDS = (_ROLE.Window, _ROLE.Base, _ROLE.AlternateBase, _ROLE.ToolTipBase)
# The tone each role aims at, per scheme; :func:`readable` moves it toward the text colour
# only as far as the palette in use needs.
_WANTED = {
    False: {
        "hint": "#5f6368",
        "error": "#b3261e",
        "risk": "#8a5a00",
        "ok": "#137333",
        "paused": "#b06000",
    },
    True: {
        "hint": "#bdc1c6",
        "error": "#f28b82",
        "risk": "#fdd663",
        "ok": "#81c995",
        "paused": "#fcad70",
    },
}


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG 2 contrast ratio of two opaque colours (1 to 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(color: QColor, palette: QPalette) -> QColor:
    """``color`` moved toward the palette's text colour just far enough to read at AA on each
    of :data:`BACKGROUNDS`."""
    ink = palette.color(_ROLE.Text)
    grounds = [palette.color(role) for role in BACKGROUNDS]
    for step in range(21):
        candidate = mix(ink, color, step / 20)
        if all(contrast(candidate, ground) >= AA for ground in grounds):
            return candidate
    return QColor(ink)


@dataclass(frozen=True, slots=True)
class Tones:
    """Text colours for one palette, each readable at AA on its backgrounds."""

    hint: QColor  # small print, captions, placeholders, codes, empty-state text
    error: QColor
    risk: QColor
    ok: QColor
    paused: QColor

    @classmethod
    def of(cls, palette: QPalette | None = None) -> Tones:
        """The tones for ``palette`` (the application's when None)."""
        palette = palette if palette is not None else QGuiApplication.palette()
        wanted = _WANTED[is_dark(palette)]
        return cls(**{name: readable(QColor(value), palette) for name, value in wanted.items()})

    def roles(self) -> dict[str, QColor]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def span(text: str, color: QColor, small: bool = False) -> str:
    """Rich text: already-escaped ``text`` in ``color`` (small print when ``small``)."""
    size = "; font-size:small" if small else ""
    return f"<span style='color:{color.name()}{size}'>{text}</span>"


def mark_hint(label: QLabel) -> QLabel:
    """Draw the whole label as secondary text (the palette's placeholder colour)."""
    label.setForegroundRole(_ROLE.PlaceholderText)
    return label


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
    palette.setColor(role.PlaceholderText, Tones.of(palette).hint)
    return palette


def fit_placeholder(app: QApplication) -> None:
    """Give the application palette's placeholder text the hint tone (Qt's default, half
    transparent text, reads at about 4:1 on white)."""
    palette = app.palette()
    hint = Tones.of(palette).hint
    groups = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive)
    if all(palette.color(group, _ROLE.PlaceholderText) == hint for group in groups):
        return
    for group in groups:
        palette.setColor(group, _ROLE.PlaceholderText, hint)
    app.setPalette(palette)


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
    fit_placeholder(app)


class _PaletteWatch(QWidget):
    """Refits the placeholder colour when the platform changes the palette by itself.

    A widget never shown: Qt tells every widget of the application when its palette changes
    (``ApplicationPaletteChange``), so no filter on all of the application's events is needed
    (one would run Python for every event of every object, the first paint's too)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(None)
        self.app = app
        self.setObjectName("frontdesk-palette-watch")

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationPaletteChange:
            fit_placeholder(self.app)
        return super().event(event)


_WATCHES: dict[int, _PaletteWatch] = {}  # one per application, kept alive with it


def follow_color_scheme(app: QApplication) -> None:
    hints = QGuiApplication.styleHints()
    apply_scheme(app, hints.colorScheme())
    hints.colorSchemeChanged.connect(lambda scheme: apply_scheme(app, scheme))
    if id(app) not in _WATCHES:
        _WATCHES[id(app)] = _PaletteWatch(app)

"""The calendar's colours, derived from the application palette so light and dark schemes both
read well (nothing paints a hard-coded white background).

``CalendarColors.from_palette`` is recomputed whenever the palette or the OS colour scheme
changes; ``is_dark`` tells the few places that need it which way the scheme leans.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

NOW_RED = QColor("#d93025")
DEFAULT_SERVICE = QColor("#607d8b")


def mix(color: QColor, other: QColor, weight: float) -> QColor:
    """``color`` blended into ``other``; ``weight`` 1.0 keeps ``color``, 0.0 gives ``other``."""
    return QColor(
        round(color.red() * weight + other.red() * (1 - weight)),
        round(color.green() * weight + other.green() * (1 - weight)),
        round(color.blue() * weight + other.blue() * (1 - weight)),
    )


def luminance(color: QColor) -> float:
    def channel(v: int) -> float:
        c = v / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(color.red())
        + 0.7152 * channel(color.green())
        + 0.0722 * channel(color.blue())
    )


def is_dark(palette: QPalette) -> bool:
    return luminance(palette.color(QPalette.ColorRole.Base)) < 0.25


@dataclass(frozen=True, slots=True)
class CalendarColors:
    dark: bool
    base: QColor  # the calendar's background
    text: QColor
    muted: QColor
    grid: QColor
    half_grid: QColor
    header: QColor
    open_fill: QColor
    closed_fill: QColor
    today_fill: QColor
    accent: QColor  # today's header, focus
    now: QColor
    attention: QColor
    attention_fill: QColor
    selected: QColor
    tag_fill: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> CalendarColors:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        window = palette.color(QPalette.ColorRole.Window)
        accent = palette.color(QPalette.ColorRole.Highlight)
        dark = is_dark(palette)
        green = QColor("#34a853")
        attention = QColor("#f28b82") if dark else QColor("#c5221f")
        return cls(
            dark=dark,
            base=base,
            text=text,
            muted=mix(text, base, 0.62),
            grid=mix(text, base, 0.16),
            half_grid=mix(text, base, 0.07),
            header=mix(window, base, 0.6),
            open_fill=mix(green, base, 0.16 if dark else 0.09),
            closed_fill=mix(text, base, 0.06),
            today_fill=mix(accent, base, 0.10 if dark else 0.05),
            accent=accent if not dark else accent.lighter(135),
            now=NOW_RED if not dark else QColor("#ff6b5e"),
            attention=attention,
            attention_fill=mix(QColor("#c5221f"), base, 0.30 if dark else 0.10),
            selected=text,
            tag_fill=mix(base, text, 0.92),
        )

    def ink_on(self, fill: QColor) -> tuple[QColor, QColor]:
        """Text and secondary-text colours that read on ``fill``."""
        if luminance(fill) > 0.33:
            return QColor("#1f2329"), QColor("#4f5660")
        return QColor("#ffffff"), QColor(255, 255, 255, 210)

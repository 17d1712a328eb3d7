"""A one-line label that gives up width gracefully: it shows as much of its text as fits and
ends it with "…", so a window never has to grow to show it (the status bar, narrow columns).

The text may come in coloured parts (``set_parts``); elision works on the plain text and the
colours follow it. ``text()`` answers the whole text (as set), ``shown()`` what fits; the whole
text stays in the accessible description and, when cut, in the tool tip.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

Part = tuple[str, QColor | None]


class ElidedLabel(QLabel):
    clicked = Signal()

    def __init__(self, parent: QWidget | None = None, min_chars: int = 4) -> None:
        super().__init__(parent)
        self._parts: list[Part] = []
        self._full_html = ""
        self._tip = ""
        self._min_chars = min_chars
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    # -- what it says ------------------------------------------------------------------
    def setText(self, text: str) -> None:
        self.set_parts([(text, None)])

    def set_parts(self, parts: list[Part]) -> None:
        parts = [(text, color) for text, color in parts if text]
        if parts == self._parts:
            return
        self._parts = parts
        self._full_html = _render(parts, len(self.plain()))
        self.setAccessibleDescription(self.plain())
        self.updateGeometry()
        self._elide()

    def text(self) -> str:
        """The whole text as set (rich text where parts have colours)."""
        if all(color is None for _, color in self._parts):
            return self.plain()
        return self._full_html

    def plain(self) -> str:
        return "".join(text for text, _ in self._parts)

    def shown(self) -> str:
        """The plain text that fits now."""
        return self.fontMetrics().elidedText(
            self.plain(), Qt.TextElideMode.ElideRight, self._room()
        )

    def setToolTip(self, tip: str) -> None:
        self._tip = tip
        self._elide()

    # -- size --------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self.plain()) + 2
        return QSize(width + margins.left() + margins.right(), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        margins = self.contentsMargins()
        least = self.fontMetrics().horizontalAdvance("M" * self._min_chars)
        width = min(least, self.sizeHint().width() - margins.left() - margins.right())
        return QSize(width + margins.left() + margins.right(), super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mouseReleaseEvent(event)

    def _room(self) -> int:
        margins = self.contentsMargins()
        return max(0, self.width() - margins.left() - margins.right())

    def _elide(self) -> None:
        shown = self.shown()
        QLabel.setText(
            self, _render(self._parts, len(shown.rstrip("…")), cut=shown != self.plain())
        )
        cut = shown != self.plain()
        tip = self._tip
        if cut:
            tip = self.plain() if not tip else f"{self.plain()}\n{tip}"
        QLabel.setToolTip(self, tip)


def _render(parts: list[Part], keep: int, cut: bool = False) -> str:
    """The parts as rich text, only their first ``keep`` characters, then "…" if ``cut``."""
    out: list[str] = []
    left = keep
    for text, color in parts:
        if left <= 0:
            break
        piece = html.escape(text[:left])
        left -= len(text)
        out.append(f"<span style='color:{color.name()}'>{piece}</span>" if color else piece)
    if cut:
        out.append("…")
    return "".join(out)

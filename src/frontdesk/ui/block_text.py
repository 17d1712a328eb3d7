"""The text of one appointment's block: which lines fit (the time, the patient's name, the
service), elided to the block's width, the tag top right ("arrived", "pencilled") and the room
for a :class:`Chip` of the desk's marks ("waiting 12 min", a confirmation's ✓; painted by
``ui.desk_marks``): on a line of its own below the text, after the patient's name, or on the
next line, said shorter where room is short, and never over the name. Also the block itself
(:class:`Block`) and the fonts its text is set in; ``ui.blocks`` paints it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QFontMetricsF

from frontdesk.domain import dates
from frontdesk.domain.booking import BookingGlimpse

ELIDE_RIGHT = Qt.TextElideMode.ElideRight


class BlockFonts:
    """The fonts and metrics of block text, made once per widget font."""

    def __init__(self, font: QFont) -> None:
        self.small = QFont(font)
        self.small.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        self.bold = QFont(self.small)
        self.bold.setBold(True)
        self.tiny = QFont(font)
        self.tiny.setPointSizeF(max(6.5, font.pointSizeF() - 2))
        self.tiny.setItalic(True)
        self.small_m = QFontMetrics(self.small)
        self.bold_m = QFontMetrics(self.bold)
        self.tiny_m = QFontMetrics(self.tiny)
        # where a line's baseline sits below its top (text is drawn at its baseline: faster
        # than into a rectangle, and the same pixels)
        self.ascent = (QFontMetricsF(self.small).ascent(), QFontMetricsF(self.bold).ascent())
        self.fonts = (self.small, self.bold)  # by line kind: 0 small, 1 bold
        self.metrics = (self.small_m, self.bold_m)
        self.heights = (self.small_m.height(), self.bold_m.height())


MIN_TEXT_W = 30.0  # a block narrower than this is a coloured bar, with no text
NAME_SHARE = 0.45  # a chip beside the patient's name leaves the name this much of its line at least


@dataclass(frozen=True, slots=True)
class Chip:
    """Words shown in a small chip on a block, as long as room allows: each way of saying it,
    longest first, with its font (0 small, 1 bold, 2 tiny); the first that fits is shown.
    ``replaces_tag``: the chip says what the block's tag would ("waiting 12 min" for
    "arrived"), so the tag gives it its room."""

    words: tuple[tuple[str, int], ...]
    replaces_tag: bool = False


@dataclass(slots=True)
class Block:
    """One booking placed on a grid, with its painted text cached."""

    booking: BookingGlimpse
    rect: QRectF  # content coordinates
    column: int
    start: datetime  # local
    end: datetime  # local
    # too many at once for the column's width: not drawn; the column says "+N" instead
    hidden: bool = False
    # the text: font (0 small, 1 bold), ink, words, baseline
    _lines: list[tuple[int, QColor, str, float]] | None = field(default=None, repr=False)
    _tag: tuple[QRectF, str] | None = field(default=None, repr=False)
    # the chip laid out with the text (what it says, its font) and what it was laid out for
    _chip: tuple[QRectF, str, int] | None = field(default=None, repr=False)
    _chip_for: Chip | None = field(default=None, repr=False)


# Text already elided within one paint, by (font kind, text, width): a paint lays out hundreds
# of blocks, many sharing a line (a type's name, a time) at the same lane width. Made afresh
# for each paint (a week never seen before is laid out in full, as the first time).
Elided = dict[tuple[int, str, int], str]


def layout_text(
    block: Block,
    service_name: str,
    ink: QColor,
    soft: QColor,
    label: str | None,
    fonts: BlockFonts,
    right: float,
    elided: Elided,
    chip: Chip | None = None,
) -> list[tuple[int, QColor, str, float]]:
    """The block's lines (font kind, ink, words, baseline), kept in ``block._lines``, with its
    tag (``label``) and ``chip`` placed; ``right``: where the text must end (an alarm badge)."""
    booking, rect = block.booking, block.rect
    height = rect.height()
    width = max(0.0, right - rect.left() - 12)
    twelve = dates.installed().twelve_hour
    small_h, bold_h = fonts.heights
    # no strftime here: it imports the time module on each call, and this runs per block
    start = block.start
    begins = dates.clock(start) if twelve else f"{start.hour:02d}:{start.minute:02d}"
    lines: list[tuple[int, QColor, str]]
    if height - 1 >= bold_h + 2 * small_h:
        end = block.end
        ends = dates.clock(end) if twelve else f"{end.hour:02d}:{end.minute:02d}"
        when = f"{begins}–{ends}"
        lines = [(0, soft, when), (1, ink, booking.patient_name), (0, ink, service_name)]
    elif height - 1 >= bold_h + small_h:
        lines = [(1, ink, booking.patient_name), (0, soft, f"{begins} · {service_name}")]
    else:  # a short appointment: the name first (on hover, the tooltip says the rest)
        lines = [(1, ink, f"{booking.patient_name} · {begins} · {service_name}")]
    block._chip_for, block._chip = chip, None
    if chip is not None and chip.words:
        laid = _with_chip(block, chip, lines, label, fonts, right, width, elided)
        if laid is not None:
            block._lines = laid
            return laid
    block._tag = _tag_of(block, label, fonts, right, width)
    first_w = width if block._tag is None else block._tag[0].left() - 3 - rect.left() - 8
    laid = _fit(lines, first_w, width, fonts, rect.top() + 1, rect.bottom() + 1, elided)
    block._lines = laid
    return laid


def _tag_of(
    block: Block, label: str | None, fonts: BlockFonts, right: float, width: float
) -> tuple[QRectF, str] | None:
    """The tag top right, beside the first line, if there is one and the block is wide enough."""
    if not label:
        return None
    tag_w = fonts.tiny_m.horizontalAdvance(label) + 8
    if width < 1.8 * tag_w:
        return None
    return QRectF(right - tag_w - 3, block.rect.top() + 2, tag_w, fonts.tiny_m.height() + 1), label


def _elide(elided: Elided, fonts: BlockFonts, kind: int, text: str, width: float) -> str:
    key = (kind, text, int(max(0, width)))
    shown = elided.get(key)
    if shown is None:
        shown = elided[key] = fonts.metrics[kind].elidedText(text, ELIDE_RIGHT, key[2])
    return shown


def _fit(
    lines: list[tuple[int, QColor, str]],
    first_w: float,
    width: float,
    fonts: BlockFonts,
    y: float,
    bottom: float,
    elided: Elided,
) -> list[tuple[int, QColor, str, float]]:
    """The lines that fit from ``y`` down to ``bottom`` (the first always), each elided."""
    laid: list[tuple[int, QColor, str, float]] = []
    line_w = first_w
    for kind, color, text in lines:
        line_h = fonts.heights[kind]
        if y + line_h > bottom and laid:
            break
        laid.append(
            (kind, color, _elide(elided, fonts, kind, text, line_w), y + fonts.ascent[kind])
        )
        y += line_h
        line_w = width
    return laid


def _with_chip(
    block: Block,
    chip: Chip,
    lines: list[tuple[int, QColor, str]],
    label: str | None,
    fonts: BlockFonts,
    right: float,
    width: float,
    elided: Elided,
) -> list[tuple[int, QColor, str, float]] | None:
    """The text laid out with ``chip`` (at ``block._chip``) where it fits without covering
    the patient's name: on a line of its own below the text, else after the name on its line
    (the line's other words give way), else at the end of the line after the name, else after
    the name elided to no less than :data:`NAME_SHARE` of its line; None where it fits nowhere
    (the tooltip says it)."""
    rect = block.rect
    metrics = (fonts.small_m, fonts.bold_m, fonts.tiny_m)
    text_left, chip_right = rect.left() + 8, right - 3
    block._tag = None if chip.replaces_tag else _tag_of(block, label, fonts, right, width)
    tag_left = block._tag[0].left() - 3 if block._tag is not None else chip_right
    first_w = width if block._tag is None else tag_left - text_left
    laid = _fit(lines, first_w, width, fonts, rect.top() + 1, rect.bottom() + 1, elided)
    sized = [
        (words, kind, metrics[kind].horizontalAdvance(words) + 8.0) for words, kind in chip.words
    ]

    def put(index: int | None, words: str, kind: int, w: float, y: float, text: str = "") -> None:
        h = min(metrics[kind].height() + 1.0, rect.height() - 2)  # inside the block
        x1 = tag_left if index == 0 else chip_right
        if index is not None:  # on the line (not above it), within the block
            middle = y + (fonts.heights[laid[index][0]] - h) / 2
            y = max(y if index != name_at else rect.top() + 1, min(middle, rect.bottom() - 1 - h))
        block._chip = (QRectF(x1 - w, y, w, h), words, kind)
        if index is not None:  # the line's words end before the chip
            kind_i, color, _shown, baseline = laid[index]
            text = text or lines[index][2]
            room = x1 - w - 4 - text_left
            laid[index] = (kind_i, color, _elide(elided, fonts, kind_i, text, room), baseline)

    last = laid[-1]
    below = last[3] - fonts.ascent[last[0]] + fonts.heights[last[0]]
    for words, kind, w in sized:  # a line of its own below the text
        h = metrics[kind].height() + 1.0
        if rect.bottom() - 2 - h >= below and w <= chip_right - text_left:
            put(None, words, kind, w, rect.bottom() - 2 - h)
            return laid
    name_at = next((i for i, line in enumerate(laid) if line[0] == 1), None)
    if name_at is None:
        return None
    area = (tag_left if name_at == 0 else chip_right) - text_left
    name_w = fonts.bold_m.horizontalAdvance(block.booking.patient_name)
    top = laid[name_at][3] - fonts.ascent[1]
    name = block.booking.patient_name  # on its line, the name alone beside the chip
    for words, kind, w in sized:  # after the whole name
        if name_w + 4 + w <= area:
            put(name_at, words, kind, w, top, name)
            return laid
    after = name_at + 1
    if after < len(laid):  # at the end of the next line (its words give way)
        next_top = laid[after][3] - fonts.ascent[laid[after][0]]
        for words, kind, w in sized:
            if w <= chip_right - text_left:
                put(after, words, kind, w, next_top)
                return laid
    for words, kind, w in reversed(sized):  # the shortest, the name elided before it
        if area - w - 4 >= NAME_SHARE * area:
            put(name_at, words, kind, w, top, name)
            return laid
    return None

"""How one appointment looks, wherever it is painted (day and week grids, drag ghosts).

Owns the block's colour (its appointment type's, the resource's as fallback), the marks of its
sync state (pencilled: hatched with a dashed border; needs attention: red border and a "!";
outcome unknown: red border and a "?"), its visit status (arrived, completed, no-show), and
paints the lines of text that fit (laid out by :mod:`frontdesk.ui.block_text`, with room kept
for a chip of the desk's marks, never over the patient's name), once per block width and
kept, so a repaint only draws.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen

from frontdesk.domain import dates
from frontdesk.domain.booking import BookingGlimpse, SyncState, VisitStatus
from frontdesk.domain.catalog import Service
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.ui.block_text import (
    MIN_TEXT_W,
    NAME_SHARE,
    Block,
    BlockFonts,
    Chip,
    Elided,
    layout_text,
)
from frontdesk.ui.palette import DEFAULT_SERVICE, CalendarColors, mix
from frontdesk.ui.theme import Tones, span

__all__ = [  # the block's text and its parts are ui.block_text's; said here for the painters
    "MIN_TEXT_W",
    "NAME_SHARE",
    "Block",
    "BlockFonts",
    "Chip",
    "Elided",
    "paint_block",
    "paint_selection",
    "tooltip_html",
]

# The tables below are English; each is shown through translate("Blocks", word).
STATE_LABELS = {
    SyncState.PENCILLED: QT_TRANSLATE_NOOP("Blocks", "pencilled"),
    SyncState.AWAITING_CONFIRMATION: QT_TRANSLATE_NOOP("Blocks", "awaiting"),
}
VISIT_LABELS = {
    VisitStatus.ARRIVED: QT_TRANSLATE_NOOP("Blocks", "arrived"),
    VisitStatus.COMPLETED: QT_TRANSLATE_NOOP("Blocks", "done"),
    VisitStatus.NO_SHOW: QT_TRANSLATE_NOOP("Blocks", "no-show"),
}
STATE_WORDS = {
    SyncState.PENCILLED: QT_TRANSLATE_NOOP(
        "Blocks", "Pencilled: saved at this desk, not yet confirmed by the booking system"
    ),
    SyncState.CONFIRMED: QT_TRANSLATE_NOOP("Blocks", "Confirmed by the booking system"),
    SyncState.AWAITING_CONFIRMATION: QT_TRANSLATE_NOOP(
        "Blocks", "Held by the booking system, awaiting confirmation"
    ),
    SyncState.NEEDS_ATTENTION: QT_TRANSLATE_NOOP(
        "Blocks", "Needs attention: the booking system refused it"
    ),
    SyncState.OUTCOME_UNKNOWN: QT_TRANSLATE_NOOP(
        "Blocks", "Outcome unknown: sent, no answer came back; settle it"
    ),
}
# States a person must act on: drawn red, with a badge
ALARM_BADGES = {SyncState.NEEDS_ATTENTION: "!", SyncState.OUTCOME_UNKNOWN: "?"}
VISIT_WORDS = {
    VisitStatus.BOOKED: QT_TRANSLATE_NOOP("Blocks", "Booked"),
    VisitStatus.ARRIVED: QT_TRANSLATE_NOOP("Blocks", "Arrived"),
    VisitStatus.COMPLETED: QT_TRANSLATE_NOOP("Blocks", "Completed"),
    VisitStatus.NO_SHOW: QT_TRANSLATE_NOOP("Blocks", "No-show"),
    VisitStatus.CANCELLED: QT_TRANSLATE_NOOP("Blocks", "Cancelled"),
}


def visit_words(status: VisitStatus) -> str:
    """The visit status in the desk's language ("Arrived")."""
    return translate("Blocks", VISIT_WORDS[status])


def state_words(state: SyncState) -> str:
    """The sync state's sentence in the desk's language."""
    words = STATE_WORDS.get(state)
    return translate("Blocks", words) if words else state.value


def short_label(booking: BookingGlimpse) -> str | None:
    """The block's tag ("arrived", "pencilled") in the desk's language; None for none."""
    label = VISIT_LABELS.get(booking.visit_status) or STATE_LABELS.get(booking.sync_state)
    return translate("Blocks", label) if label else None


def unknown_service() -> str:
    return translate("Blocks", "Unknown service")


def clock_range(start: datetime, end: datetime) -> str:
    """``09:00–09:30`` in the desk's clock."""
    return f"{dates.clock(start)}–{dates.clock(end)}"


NO_BRUSH = QBrush()  # set as an object: cheaper than converting the enum on every block


def base_color(booking: BookingGlimpse, service: Service | None, fallback: str | None) -> QColor:
    for candidate in (service.color if service else None, fallback):
        if candidate:
            color = QColor(candidate)
            if color.isValid():
                return color
    return QColor(DEFAULT_SERVICE)


def block_fill(booking: BookingGlimpse, base: QColor, colors: CalendarColors) -> QColor:
    if booking.sync_state in ALARM_BADGES:
        return colors.attention_fill
    weight = 0.85 if booking.sync_state is SyncState.CONFIRMED else 0.22
    if booking.visit_status in (VisitStatus.COMPLETED, VisitStatus.NO_SHOW):
        weight *= 0.45  # the day's past: quieter
    return mix(base, colors.base, weight)


@dataclass(frozen=True, slots=True)
class BlockStyle:
    """Everything a block's look depends on but its text, made once per colour and state."""

    fill: QColor
    hatch: QBrush | None
    strip: QColor
    border: QPen
    ink: QColor
    soft: QColor


_STYLES: dict[tuple[object, ...], BlockStyle] = {}


def block_style(
    booking: BookingGlimpse, service: Service | None, fallback: str | None, colors: CalendarColors
) -> BlockStyle:
    key = (
        service.color if service else None,
        fallback,
        booking.sync_state,
        booking.visit_status,
        colors.base.rgb(),
        colors.dark,
    )
    style = _STYLES.get(key)
    if style is None:
        if len(_STYLES) > 512:
            _STYLES.clear()
        style = _STYLES[key] = _make_style(booking, base_color(booking, service, fallback), colors)
    return style


def _make_style(booking: BookingGlimpse, base: QColor, colors: CalendarColors) -> BlockStyle:
    state = booking.sync_state
    confirmed = state is SyncState.CONFIRMED
    attention = state in ALARM_BADGES
    fill = block_fill(booking, base, colors)
    hatch = None
    if not confirmed and not attention:
        hatch_color = QColor(base)
        hatch_color.setAlpha(90)
        hatch = QBrush(hatch_color, Qt.BrushStyle.BDiagPattern)
    if attention:
        border = QPen(colors.attention, 2)
    elif confirmed:
        border = QPen(base.darker(125), 1)
    else:
        border = QPen(base.darker(140) if not colors.dark else base.lighter(130), 1.2)
        border.setStyle(Qt.PenStyle.DashLine)
    ink, soft = colors.ink_on(fill)
    if attention:
        ink, soft = colors.text, colors.muted
    return BlockStyle(fill, hatch, base.darker(110), border, ink, soft)


def paint_block(
    p: QPainter,
    block: Block,
    service: Service | None,
    fallback_color: str | None,
    colors: CalendarColors,
    fonts: BlockFonts,
    selected: bool,
    elided: Elided | None = None,
    chip: Chip | None = None,
) -> None:
    """Paint ``block``; ``elided``: the paint's text elided so far (see :data:`Elided`);
    ``chip``: room to keep for it (the caller paints it at ``block._chip``)."""
    rect = block.rect
    style = block_style(block.booking, service, fallback_color, colors)
    p.fillRect(rect, style.fill)
    if style.hatch is not None:
        p.fillRect(rect, style.hatch)
    # a strip in the type's colour, whatever the state, so the type reads at a glance
    p.fillRect(QRectF(rect.left(), rect.top(), 4, rect.height()), style.strip)
    p.setPen(style.border)
    p.setBrush(NO_BRUSH)
    p.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
    if selected:
        paint_selection(p, rect, colors)
    if rect.width() >= MIN_TEXT_W:  # narrower, no word fits: the tooltip says who and when
        _paint_text(p, block, service, style, colors, fonts, {} if elided is None else elided, chip)


def paint_selection(p: QPainter, rect: QRectF, colors: CalendarColors) -> None:
    p.setPen(QPen(colors.selected, 2))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(rect.adjusted(-1.5, -1.5, 1.5, 1.5))


def _paint_text(
    p: QPainter,
    block: Block,
    service: Service | None,
    style: BlockStyle,
    colors: CalendarColors,
    fonts: BlockFonts,
    elided: Elided,
    chip: Chip | None = None,
) -> None:
    booking, rect = block.booking, block.rect
    badge = ALARM_BADGES.get(booking.sync_state)
    right = rect.right()
    if badge is not None:
        size = max(9.0, min(15.0, rect.height() - 4))
        circle = QRectF(rect.right() - size - 3, rect.top() + 2, size, size)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colors.attention)
        p.drawEllipse(circle)
        p.setPen(QColor("white") if not colors.dark else QColor("#202124"))
        p.setFont(fonts.bold)
        p.drawText(circle, Qt.AlignmentFlag.AlignCenter, badge)
        right = circle.left() - 2
    lines = block._lines
    if lines is None or block._chip_for != chip:
        service_name = service.name if service else unknown_service()
        label = short_label(booking)
        lines = layout_text(
            block, service_name, style.ink, style.soft, label, fonts, right, elided, chip
        )
    if block._tag is not None:
        tag, label = block._tag
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colors.tag_fill)
        p.drawRoundedRect(tag, 3, 3)
        p.setFont(fonts.tiny)
        p.setPen(colors.muted)
        p.drawText(tag, Qt.AlignmentFlag.AlignCenter, label)
    left = rect.left() + 8
    font_of = fonts.fonts
    for kind, color, text, baseline in lines:
        p.setFont(font_of[kind])
        p.setPen(color)
        p.drawText(QPointF(left, baseline), text)


def tooltip_html(
    booking: BookingGlimpse,
    zone: str,
    service: Service | None,
    resource_name: str | None,
    mark: str | None = None,
) -> str:
    """The block's tooltip; ``mark``: the desk's marks in words ("✓ waiting 12 min")."""
    start = to_local(booking.start, zone)
    end = to_local(booking.end, zone)
    lines = [
        f"<b>{_esc(booking.patient_name)}</b>",
        f"{dates.short_day(start.date())} {clock_range(start, end)}",
        _esc(service.name if service else unknown_service()),
    ]
    if resource_name:
        lines.append(_esc(resource_name))
    lines.append(visit_words(booking.visit_status))
    if mark:
        lines.append(_esc(mark))
    lines.append(state_words(booking.sync_state))
    if booking.sync_state in ALARM_BADGES and booking.problem_message:
        lines.append(span(_esc(booking.problem_message), Tones.of().error))
    return "<br>".join(lines)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

""" "This one / this and the following" in the move and cancel dialogs of an appointment that
belongs to a series. "This and the following" moves each later occurrence by the same shift on
the clinic's clock, or cancels them, all together or not at all; the dialog lists each
occurrence the rules refuse (``app.series``)."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget

from frontdesk.app import series, series_following
from frontdesk.domain import dates
from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import translate
from frontdesk.domain.verdict import Verdict
from frontdesk.ui.wording import plain_message

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext


class SeriesScope(QWidget):
    """Two choices; ``following`` when the later occurrences change too."""

    def __init__(self, count: int, rule: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            QLabel(
                translate("SeriesScope", "In a series ({rule}):").format(rule=html.escape(rule)),
                self,
            )
        )
        self.this_one = QRadioButton(translate("SeriesScope", "&This one"), self)
        self.and_following = QRadioButton(
            translate("SeriesScope", "This and the &following ({count})").format(count=count), self
        )
        group = QButtonGroup(self)
        group.addButton(self.this_one)
        group.addButton(self.and_following)
        self.this_one.setChecked(True)
        layout.addWidget(self.this_one)
        layout.addWidget(self.and_following)
        layout.addStretch(1)
        self.setAccessibleName(translate("SeriesScope", "Which appointments of the series"))

    @property
    def following(self) -> bool:
        return self.and_following.isChecked()


def series_scope(
    context: AppContext, booking: Booking, parent: QWidget, changed: Callable[[], None]
) -> SeriesScope | None:
    """The choice for ``booking`` if it has later occurrences in a series, else None."""
    info = series.series_of(context, booking.id)
    if info is None:
        return None
    later = series.following(context, booking.id)
    if len(later) < 2:
        return None
    rule = series.shown_rule(info.every_weeks, len(info.booking_ids))
    scope = SeriesScope(len(later), rule, parent)
    scope.and_following.toggled.connect(lambda _on: changed())
    return scope


def refusals_html(refusals: list[tuple[datetime, list[Verdict]]], zone: str, verb: str) -> str:
    """Which occurrences the rules refuse, one line each."""
    lines = "".join(
        f"<li>{dates.moment(to_local(start, zone))}: "
        f"{html.escape(' '.join(plain_message(v) for v in verdicts))}</li>"
        for start, verdicts in refusals
    )
    head = (
        translate("SeriesScope", "Nothing is cancelled:")
        if verb == "cancelled"
        else translate("SeriesScope", "Nothing is moved:")
    )
    rest = translate("SeriesScope", "{count} of the series' appointments do not fit.").format(
        count=len(refusals)
    )
    return f"<b>{head}</b> {rest}<ul>{lines}</ul>"


def check_move_html(
    context: AppContext, booking_id: str, start: datetime, resource: str | None
) -> tuple[list[Verdict], str]:
    """The errors of moving this and the following, and what to say of them."""
    judged = series_following.check_following(context, booking_id, start, resource)
    refused = [(target, errors) for _, target, errors in judged if errors]
    if refused:
        verdicts = [v for _, errors in refused for v in errors]
        return verdicts, refusals_html(refused, context.clinic_zone, "moved")
    return [], translate(
        "SeriesScope", "{count} appointments move together, each by the same shift."
    ).format(count=len(judged))

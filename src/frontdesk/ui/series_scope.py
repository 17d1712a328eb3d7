""" "This one / this and the following" in the move and cancel dialogs of an appointment that
belongs to a series. "This and the following" moves each later occurrence by the same shift on
the clinic's clock, or cancels them, all together or not at all; the dialog lists each
occurrence the rules refuse (``app.series``)."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QWidget

from frontdesk.app import series, series_following
from frontdesk.app.context import AppContext
from frontdesk.domain import dates
from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.verdict import Verdict
from frontdesk.ui.wording import plain_message


class SeriesScope(QWidget):
    """Two choices; ``following`` when the later occurrences change too."""

    def __init__(self, count: int, rule: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(f"In a series ({html.escape(rule)}):", self))
        self.this_one = QRadioButton("&This one", self)
        self.and_following = QRadioButton(f"This and the &following ({count})", self)
        group = QButtonGroup(self)
        group.addButton(self.this_one)
        group.addButton(self.and_following)
        self.this_one.setChecked(True)
        layout.addWidget(self.this_one)
        layout.addWidget(self.and_following)
        layout.addStretch(1)
        self.setAccessibleName("Which appointments of the series")

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
    scope = SeriesScope(len(later), info.rule, parent)
    scope.and_following.toggled.connect(lambda _on: changed())
    return scope


def refusals_html(refusals: list[tuple[datetime, list[Verdict]]], zone: str, verb: str) -> str:
    """Which occurrences the rules refuse, one line each."""
    lines = "".join(
        f"<li>{dates.moment(to_local(start, zone))}: "
        f"{html.escape(' '.join(plain_message(v) for v in verdicts))}</li>"
        for start, verdicts in refusals
    )
    return (
        f"<b>Nothing is {verb}:</b> {len(refusals)} of the series' appointments do not fit."
        f"<ul>{lines}</ul>"
    )


def check_move_html(
    context: AppContext, booking_id: str, start: datetime, resource: str | None
) -> tuple[list[Verdict], str]:
    """The errors of moving this and the following, and what to say of them."""
    judged = series_following.check_following(context, booking_id, start, resource)
    refused = [(target, errors) for _, target, errors in judged if errors]
    if refused:
        verdicts = [v for _, errors in refused for v in errors]
        return verdicts, refusals_html(refused, context.clinic_zone, "moved")
    return [], f"{len(judged)} appointments move together, each by the same shift."

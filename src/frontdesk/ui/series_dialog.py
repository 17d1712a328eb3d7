"""Repeat… from the booking dialog: a series of recurring appointments (every N weeks, N
times or until a date) at the form's wall time on the clinic's clock.

Each occurrence is judged offline as the form is (``app.series.plan``); the list says which
fit and, for each that does not, why and its nearest openings, to pick instead or to skip.
"Book" books every chosen occurrence in one transaction (all or nothing); a refusal found as
it is written re-plans and says which. The booking dialog gets its Repeat… button from
:func:`install_repeat`.
"""

from __future__ import annotations

import html
import logging
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app import series
from frontdesk.app.booking_checks import BookingRefused
from frontdesk.domain import dates
from frontdesk.domain.booking import Booking
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import translate
from frontdesk.domain.verdict import Severity
from frontdesk.ui.desk_ops import ops_for
from frontdesk.ui.i18n import date_format, keep_years
from frontdesk.ui.wording import plain_message

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext
    from frontdesk.ui.booking_dialog import BookingDialog

log = logging.getLogger("frontdesk.ui")
SKIP = "skip"
ASKED = "asked"


class SeriesDialog(QDialog):
    """Plan and book a series; ``booked`` carries the bookings, in order."""

    booked = Signal(object)  # list[Booking]

    def __init__(
        self, context: AppContext, request: BookingRequest, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        assert request.start is not None
        self.context = context
        self.request = request
        self.zone = context.clinic_zone
        self.planned: list[series.Occurrence] = []
        self.bookings: list[Booking] = []
        self._saving = False
        self.setWindowTitle(translate("SeriesDialog", "Repeat appointment"))
        self.setAccessibleName(translate("SeriesDialog", "Repeat appointment"))
        self.setMinimumSize(780, 500)
        layout = QVBoxLayout(self)
        first = to_local(request.start, self.zone)
        intro = QLabel(
            translate(
                "SeriesDialog",
                "<b>{patient}</b>, at <b>{time}</b> (clinic time) from {day}. Every appointment "
                "keeps this time of day, also across a change of the clocks.",
            ).format(
                patient=html.escape(request.patient_name),
                time=dates.clock(first),
                day=dates.long_day(first.date()),
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        rule = QGridLayout()
        self.every = QSpinBox(self)
        self.every.setRange(1, 52)
        self.every.setValue(1)
        self.every.setSuffix(translate("SeriesDialog", " week(s)"))
        self.every.setAccessibleName(translate("SeriesDialog", "Every how many weeks"))
        rule.addWidget(QLabel(translate("SeriesDialog", "&Every"), self), 0, 0)
        rule.itemAtPosition(0, 0).widget().setBuddy(self.every)  # type: ignore[union-attr]
        rule.addWidget(self.every, 0, 1)
        self.by_times = QRadioButton(translate("SeriesDialog", "&Times in all"), self)
        self.times = QSpinBox(self)
        self.times.setRange(2, series.MAX_OCCURRENCES)
        self.times.setValue(6)
        self.times.setAccessibleName(translate("SeriesDialog", "How many appointments"))
        self.by_until = QRadioButton(translate("SeriesDialog", "&Until"), self)
        self.until = QDateEdit(self)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat(date_format())
        keep_years(self.until)
        self.until.setDate(QDate(first.year, first.month, first.day).addDays(7 * 12))
        self.until.setAccessibleName(translate("SeriesDialog", "Until which date"))
        group = QButtonGroup(self)
        group.addButton(self.by_times)
        group.addButton(self.by_until)
        self.by_times.setChecked(True)
        rule.addWidget(self.by_times, 1, 0)
        rule.addWidget(self.times, 1, 1)
        rule.addWidget(self.by_until, 2, 0)
        rule.addWidget(self.until, 2, 1)
        rule.setColumnStretch(2, 1)
        layout.addLayout(rule)
        self.list = QTreeWidget(self)
        self.list.setHeaderLabels(
            [
                "#",
                translate("SeriesDialog", "When (clinic time)"),
                translate("SeriesDialog", "Checked offline"),
                translate("SeriesDialog", "Book at"),
            ]
        )
        self.list.setRootIsDecorated(False)
        self.list.setAccessibleName(translate("SeriesDialog", "The series' appointments"))
        self.list.setColumnWidth(0, 30)
        self.list.setColumnWidth(1, 150)
        self.list.setColumnWidth(2, 330)
        layout.addWidget(self.list, 1)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(translate("SeriesDialog", "What will be booked"))
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(self)
        self.book_button = buttons.addButton(
            translate("SeriesDialog", "&Book"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.book_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.book)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.plan_now)
        for signal in (
            self.every.valueChanged,
            self.times.valueChanged,
            self.until.dateChanged,
            self.by_times.toggled,
        ):
            signal.connect(self._timer.start)
        self.plan_now()

    # -- planning --------------------------------------------------------------------------
    def starts(self) -> list[datetime]:
        assert self.request.start is not None
        until: date | None = None
        times: int | None = self.times.value()
        if self.by_until.isChecked():
            until, times = self.until.date().toPython(), None  # type: ignore[assignment]
        return series.starts_of(self.request.start, self.zone, self.every.value(), times, until)

    def plan_now(self) -> list[series.Occurrence]:
        self._timer.stop()
        self.list.clear()
        try:
            starts = self.starts()
        except ValueError as bad:
            self.planned = []
            self.summary.setText(str(bad).split(": ", 1)[-1])
            self.book_button.setEnabled(False)
            return []
        self.planned = series.plan(self.context, self.request, starts)
        for occurrence in self.planned:
            self._add_row(occurrence)
        self._update()
        return self.planned

    def _add_row(self, occurrence: series.Occurrence) -> None:
        local = to_local(occurrence.start, self.zone)
        words = (
            translate("SeriesDialog", "Fits")
            if occurrence.fits
            else translate("SeriesDialog", "Does not fit: {why}").format(
                why=" ".join(plain_message(v) for v in occurrence.errors)
            )
        )
        risks = [v for v in occurrence.verdicts if v not in occurrence.errors]
        if occurrence.fits and risks:
            words = translate("SeriesDialog", "Likely fits ({why})").format(
                why=" ".join(plain_message(v) for v in risks)
            )
        item = QTreeWidgetItem(
            self.list, [str(occurrence.number), f"{dates.moment(local, year=True)}"]
        )
        item.setText(2, words)
        item.setToolTip(2, words)
        choice = QComboBox(self.list)
        choice.setAccessibleName(
            translate("SeriesDialog", "Appointment {number}: book at").format(
                number=occurrence.number
            )
        )
        if occurrence.fits:
            choice.addItem(translate("SeriesDialog", "As asked"), ASKED)
        else:
            choice.addItem(translate("SeriesDialog", "Choose a time…"), None)
            for opening in occurrence.openings:
                at = to_local(opening.start, self.zone)
                choice.addItem(f"{dates.moment(at)}", opening.start)
        choice.addItem(translate("SeriesDialog", "Skip this one"), SKIP)
        choice.currentIndexChanged.connect(lambda _i: self._update())
        self.list.setItemWidget(item, 3, choice)
        if not occurrence.fits:
            item.setForeground(2, Qt.GlobalColor.darkRed)

    def choice(self, number: int) -> QComboBox:
        item = self.list.topLevelItem(number - 1)
        assert item is not None
        widget = self.list.itemWidget(item, 3)
        assert isinstance(widget, QComboBox)
        return widget

    def chosen(self) -> tuple[list[datetime], int]:
        """The starts to book, and how many occurrences still need a choice."""
        starts: list[datetime] = []
        open_ = 0
        for occurrence in self.planned:
            data: Any = self.choice(occurrence.number).currentData()
            if data is None:
                open_ += 1
            elif data == ASKED:
                starts.append(occurrence.start)
            elif isinstance(data, datetime):
                starts.append(data)
        return starts, open_

    def _update(self) -> None:
        starts, open_ = self.chosen()
        misfits = [o for o in self.planned if not o.fits]
        if not misfits:
            words = translate(
                "SeriesDialog", "All {count} appointments fit; they are booked together."
            ).format(count=len(self.planned))
        else:
            numbers = ", ".join(str(o.number) for o in misfits)
            why = " ".join(
                f"{o.number}: " + " ".join(plain_message(v) for v in o.errors) for o in misfits
            )
            words = translate(
                "SeriesDialog",
                "{misfits} of {count} do not fit (number {numbers}): pick one of the nearest "
                "openings for each, or skip it. {why}",
            ).format(misfits=len(misfits), count=len(self.planned), numbers=numbers, why=why)
        if open_:
            words += " " + translate("SeriesDialog", "{count} still to choose.").format(count=open_)
        self.summary.setText(words)
        self.book_button.setText(
            translate("SeriesDialog", "&Book {count} appointments").format(count=len(starts))
        )
        self.book_button.setEnabled(not open_ and bool(starts) and not self._saving)

    # -- booking ---------------------------------------------------------------------------
    def book(self) -> None:
        starts, open_ = self.chosen()
        if open_ or not starts or self._saving:
            return
        self._saving = True
        self.book_button.setEnabled(False)
        every = self.every.value()

        def done(bookings: list[Booking]) -> None:
            self._saving = False
            self.bookings = bookings
            self.booked.emit(bookings)
            self.accept()

        def refused(refusal: BookingRefused) -> None:
            self._saving = False
            self.plan_now()
            found = getattr(refusal, "refusals", [])
            lines = [
                f"{dates.moment(to_local(start, self.zone))}: "
                + " ".join(plain_message(v) for v in verdicts)
                for start, verdicts in found
            ] or [" ".join(plain_message(v) for v in refusal.verdicts)]
            self.summary.setText(
                translate("SeriesDialog", "Nothing was booked.") + " " + " ".join(lines)
            )

        def failed(_why: BaseException) -> None:
            self._saving = False
            self.summary.setText(
                translate("SeriesDialog", "The desk could not save the series; nothing was booked.")
            )
            self._update()

        ops_for(self, self.context).run(
            lambda: series.book(self.context, self.request, starts, every),
            lambda made: [b.id for b in made],
            done,
            refused,
            failed,
        )


def install_repeat(dialog: BookingDialog) -> QPushButton:
    """The booking dialog's Repeat… button: the form's booking as the first of a series."""
    button = dialog.buttons.addButton(
        translate("SeriesDialog", "&Repeat…"), dialog.buttons.ButtonRole.ActionRole
    )
    button.setToolTip(
        translate("SeriesDialog", "Book this appointment every N weeks (a course of treatment)")
    )
    button.setAccessibleName(translate("SeriesDialog", "Repeat"))

    def open_series() -> None:
        dialog.shown.touched.update(dialog.shown.rows)
        verdicts = dialog.validate_now()
        request, _ = dialog.build_request()
        errors = [v for v in verdicts if v.severity is Severity.ERROR]
        if request is None or errors:
            dialog.shown.focus_first(errors)
            return
        repeat = SeriesDialog(dialog.context, request, dialog)
        repeat.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.series_dialog = repeat  # type: ignore[attr-defined]

        def booked(bookings: list[Booking]) -> None:
            dialog._booked(bookings[0])

        repeat.booked.connect(booked)
        repeat.open()

    button.clicked.connect(open_series)
    return button

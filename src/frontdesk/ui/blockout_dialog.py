"""The blockout dialog: keep a time free at the desk (lunch, a meeting, a closed chair), for
one column or the whole clinic, once or repeating (every day, weekday or week, for some weeks
or until a date); change or remove one.

The columns offered are the view's (the clinic's own columns where it has them: a blockout of
one keeps free every booking system's resource shown in it). Times are typed on the clinic's
clock. As it is typed, the dialog says what is wrong (the
field to fix) and how many bookings already lie in the time: they are kept, never cancelled.
Saving runs on the desk's change runner; the grid redraws from the "blockouts" topic.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app.blockouts import TOPIC, covering_words, new_id
from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.desk import ResourceInfo, ResourceKey
from frontdesk.domain.blockouts import REPEAT_WORDS, Blockout, Reason, Repeat
from frontdesk.domain.timeutil import local_to_utc, to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.domain.verdict import Verdict
from frontdesk.ui.desk_ops import ops_for
from frontdesk.ui.form_bits import FiveMinuteTimeEdit
from frontdesk.ui.i18n import date_format, keep_years
from frontdesk.ui.theme import Tones
from frontdesk.ui.wording import verdicts_html

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

REASON_WORDS = {
    Reason.LUNCH: QT_TRANSLATE_NOOP("BlockoutDialog", "Lunch"),
    Reason.MEETING: QT_TRANSLATE_NOOP("BlockoutDialog", "Meeting"),
    Reason.CLOSED_CHAIR: QT_TRANSLATE_NOOP("BlockoutDialog", "Closed chair / room"),
    Reason.OTHER: QT_TRANSLATE_NOOP("BlockoutDialog", "Other (say what)"),
}


class BlockoutDialog(QDialog):
    """Add a blockout (``blockout`` None) or change / remove one; ``saved`` when done."""

    saved = Signal()

    def __init__(
        self,
        context: AppContext,
        resources: list[ResourceInfo],
        parent: QWidget | None = None,
        *,
        blockout: Blockout | None = None,
        start: datetime | None = None,
        end: datetime | None = None,
        resource: ResourceKey | None = None,
        known: Sequence[ResourceInfo] = (),
    ) -> None:
        """``resources``: the columns offered; ``known``: others a blockout may already lie
        on (a booking system's resource shown in a clinic column, a column of another view),
        offered only for that blockout, so that changing it keeps its column."""
        super().__init__(parent)
        self.context = context
        self.known = {info.key: info for info in known}
        # the clinic column each booking system's resource is shown in (its name leads)
        self.shown_in = {
            member: info.name for info in [*resources, *known] for member in info.members or ()
        }
        self.editing = blockout
        self.zone = context.clinic_zone
        self.verdicts: list[Verdict] = []
        self.covered = 0
        self.setWindowTitle(
            translate("BlockoutDialog", "Change blockout")
            if blockout
            else translate("BlockoutDialog", "Block this time")
        )
        self.setAccessibleName(translate("BlockoutDialog", "Blockout"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            translate(
                "BlockoutDialog",
                "Keep a time free at this desk. The desk books nothing here and the openings "
                "finder skips it; the booking systems are not told (their own rules still apply).",
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.column = QComboBox(self)
        self.column.setAccessibleName(translate("BlockoutDialog", "Column"))
        self.column.addItem(translate("BlockoutDialog", "Whole clinic (every column)"), None)
        for info in resources:
            self.column.addItem(f"{info.name} · {info.connection_name}", info.key)
        form.addRow(translate("BlockoutDialog", "&Column"), self.column)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_format())
        keep_years(self.day)
        self.day.setAccessibleName(translate("BlockoutDialog", "Date"))
        self.start_time = self._time_box(translate("BlockoutDialog", "From (clinic time)"))
        self.end_time = self._time_box(translate("BlockoutDialog", "To (clinic time)"))
        when = QWidget(self)
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.day, 3)
        row.addWidget(self.start_time, 1)
        row.addWidget(QLabel(translate("BlockoutDialog", "to"), when))
        row.addWidget(self.end_time, 1)
        form.addRow(translate("BlockoutDialog", "&When"), when)
        self.reason = QComboBox(self)
        self.reason.setAccessibleName(translate("BlockoutDialog", "Reason"))
        for reason, words in REASON_WORDS.items():
            self.reason.addItem(translate("BlockoutDialog", words), reason.value)
        form.addRow(translate("BlockoutDialog", "&Reason"), self.reason)
        self.note = QLineEdit(self)
        self.note.setAccessibleName(translate("BlockoutDialog", "Note"))
        self.note.setPlaceholderText(
            translate("BlockoutDialog", "e.g. team huddle, chair 2 being repaired")
        )
        form.addRow(translate("BlockoutDialog", "&Note"), self.note)
        self.repeat = QComboBox(self)
        self.repeat.setAccessibleName(translate("BlockoutDialog", "Repeat"))
        for repeat, words in REPEAT_WORDS.items():
            self.repeat.addItem(translate("Blockouts", words), repeat.value)
        self.weeks = QSpinBox(self)
        self.weeks.setRange(1, 104)
        self.weeks.setValue(4)
        self.weeks.setSuffix(translate("BlockoutDialog", " weeks"))
        self.weeks.setAccessibleName(translate("BlockoutDialog", "For how many weeks"))
        self.until_on = QCheckBox(translate("BlockoutDialog", "or until"), self)
        self.until = QDateEdit(self)
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat(date_format(weekday=False))
        keep_years(self.until)
        self.until.setAccessibleName(translate("BlockoutDialog", "Until"))
        repeat_row = QWidget(self)
        row = QHBoxLayout(repeat_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.repeat, 3)
        row.addWidget(QLabel(translate("BlockoutDialog", "for"), repeat_row))
        row.addWidget(self.weeks, 2)
        row.addWidget(self.until_on)
        row.addWidget(self.until, 2)
        form.addRow(translate("BlockoutDialog", "Re&peat"), repeat_row)
        layout.addLayout(form)
        self.warning = QLabel(self)
        self.warning.setWordWrap(True)
        self.warning.setAccessibleName(translate("BlockoutDialog", "Bookings in this time"))
        layout.addWidget(self.warning)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setAccessibleName(translate("BlockoutDialog", "Messages about this blockout"))
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            translate("BlockoutDialog", "&Save")
            if blockout
            else translate("BlockoutDialog", "&Block"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.save_button.setDefault(True)
        self.remove_button: QPushButton | None = None
        if blockout is not None:
            self.remove_button = buttons.addButton(
                translate("BlockoutDialog", "Re&move"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.remove_button.clicked.connect(self.remove)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.check_now)
        self._fill(blockout, start, end, resource)
        for signal in (
            self.column.currentIndexChanged,
            self.day.dateChanged,
            self.start_time.timeChanged,
            self.end_time.timeChanged,
            self.reason.currentIndexChanged,
            self.note.textChanged,
            self.repeat.currentIndexChanged,
            self.weeks.valueChanged,
            self.until_on.toggled,
            self.until.dateChanged,
        ):
            signal.connect(self._changed)
        self._changed()
        self.check_now()
        # wide enough for the labels in any language (German's are longer: no clipped label)
        self.setMinimumWidth(max(460, layout.minimumSize().width()))

    def _time_box(self, name: str) -> FiveMinuteTimeEdit:
        box = FiveMinuteTimeEdit(self)
        box.setAccessibleName(name)
        return box

    def _fill(
        self,
        blockout: Blockout | None,
        start: datetime | None,
        end: datetime | None,
        resource: ResourceKey | None,
    ) -> None:
        if blockout is not None:
            start, end = blockout.start, blockout.end
            resource = (
                None
                if blockout.whole_clinic
                else (blockout.connection_id or "", blockout.resource_id or "")
            )
            self.reason.setCurrentIndex(max(0, self.reason.findData(blockout.reason.value)))
            self.note.setText(blockout.note)
            self.repeat.setCurrentIndex(max(0, self.repeat.findData(blockout.repeat.value)))
            if blockout.weeks is not None:
                self.weeks.setValue(blockout.weeks)
            self.until_on.setChecked(blockout.until is not None)
            if blockout.until is not None:
                self.until.setDate(_qdate(blockout.until))
        assert start is not None and end is not None
        local_start, local_end = to_local(start, self.zone), to_local(end, self.zone)
        self.day.setDate(_qdate(local_start.date()))
        self.start_time.setTime(QTime(local_start.hour, local_start.minute))
        self.end_time.setTime(QTime(local_end.hour, local_end.minute))
        if blockout is None or blockout.until is None:
            self.until.setDate(_qdate(local_start.date() + timedelta(weeks=4)))
        keys = [_key(self.column.itemData(i)) for i in range(self.column.count())]
        if resource is not None and resource not in keys:  # not offered: still its column
            info = self.known.get(resource)
            own = f"{info.name} · {info.connection_name}" if info is not None else None
            column = self.shown_in.get(resource)
            self.column.addItem(
                f"{column} ({own})"
                if column is not None and own is not None
                else own or translate("BlockoutDialog", "A column no longer shown"),
                resource,
            )
            keys.append(resource)
        self.column.setCurrentIndex(keys.index(resource) if resource in keys else 0)

    def _changed(self) -> None:
        repeating = Repeat(self.repeat.currentData()) is not Repeat.NONE
        self.weeks.setEnabled(repeating and not self.until_on.isChecked())
        self.until_on.setEnabled(repeating)
        self.until.setEnabled(repeating and self.until_on.isChecked())
        self._timer.start()

    def blockout(self) -> Blockout:
        """The blockout as typed."""
        day: date = self.day.date().toPython()  # type: ignore[assignment]
        start_wall: time = self.start_time.time().toPython()  # type: ignore[assignment]
        end_wall: time = self.end_time.time().toPython()  # type: ignore[assignment]
        end_day = day + timedelta(days=1) if end_wall == time(0) else day
        key = _key(self.column.currentData())
        repeat = Repeat(self.repeat.currentData())
        until: date | None = self.until.date().toPython()  # type: ignore[assignment]
        use_until = repeat is not Repeat.NONE and self.until_on.isChecked()
        fields: dict[str, Any] = {
            "start": local_to_utc(day, start_wall, self.zone).instant,
            "end": local_to_utc(end_day, end_wall, self.zone).instant,
            "zone": self.zone,
            "reason": Reason(self.reason.currentData()),
            "note": self.note.text().strip(),
            "connection_id": key[0] if key else None,
            "resource_id": key[1] if key else None,
            "repeat": repeat,
            "weeks": None if use_until or repeat is Repeat.NONE else self.weeks.value(),
            "until": until if use_until else None,
        }
        if self.editing is not None:
            return replace(self.editing, **fields)
        return Blockout(id=new_id(), **fields)

    def check_now(self) -> None:
        typed = self.blockout()
        self.verdicts = self.context.blockouts.check(typed)
        self.covered = 0 if self.verdicts else self.context.blockouts.covered(typed)
        self.message.setText(verdicts_html(self.verdicts))
        words = covering_words(self.covered, typed)
        tones = Tones.of()
        self.warning.setText(
            f'<span style="color:{tones.risk}">⚠ {html.escape(words)}</span>' if words else ""
        )
        self.save_button.setEnabled(not self.verdicts)

    # -- saving -----------------------------------------------------------------------------
    def save(self) -> None:
        self.check_now()
        if self.verdicts:
            return
        typed = self.blockout()
        desk = self.context.blockouts
        work = (lambda: desk.change(typed)) if self.editing else (lambda: desk.add(typed))
        self._run(work)

    def remove(self) -> None:
        if self.editing is None:
            return
        editing = self.editing
        self._run(lambda: self.context.blockouts.remove(editing))

    def _run(self, work: object) -> None:
        self.save_button.setEnabled(False)
        ops_for(self, self.context).run(
            work,  # type: ignore[arg-type]
            lambda _result: ["#" + TOPIC],
            self._done,
            self._refused,
            lambda _exc: self._refused(
                BookingRefused(
                    [
                        Verdict(
                            500,
                            None,
                            translate("BlockoutDialog", "The desk could not save this; try again."),
                        )
                    ]
                )
            ),
        )

    def _done(self, _result: object) -> None:
        self.saved.emit()
        self.accept()

    def _refused(self, refused: BookingRefused) -> None:
        self.verdicts = refused.verdicts
        self.message.setText(verdicts_html(refused.verdicts))
        self.save_button.setEnabled(True)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _key(data: object) -> ResourceKey | None:
    """A column's key as the combo box hands it back (Qt may make the tuple a list)."""
    if isinstance(data, (tuple, list)) and len(data) == 2:
        return (str(data[0]), str(data[1]))
    return None

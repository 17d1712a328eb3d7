"""Dialogs that change an existing booking: move it (to a typed time or one of the nearest
openings), and cancel it (with the organisation's cancellation rules shown before the
receptionist confirms). Both judge offline as the receptionist types, like the booking dialog.
"""

from __future__ import annotations

import html
import logging
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTime, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app import series, series_following
from frontdesk.app.booking import Change
from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.columns import everything, labels
from frontdesk.app.desk import clinic_zone, resources
from frontdesk.app.openings import Limits, Opening, OpeningQuery, find_openings
from frontdesk.domain import dates
from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import local_to_utc, to_local, utc_now
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.ui.desk_ops import booking_ids, ops_for
from frontdesk.ui.form_bits import FiveMinuteTimeEdit
from frontdesk.ui.i18n import date_format, keep_years
from frontdesk.ui.series_scope import check_move_html, refusals_html, series_scope
from frontdesk.ui.wording import verdicts_html

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

NOT_SAVED_HTML = QT_TRANSLATE_NOOP(
    "ChangeDialogs", "The desk could not save this change; try again."
)
log = logging.getLogger("frontdesk.ui")
OPENING_ROLE = Qt.ItemDataRole.UserRole


def opening_text(opening: Opening, zone: str, where: str) -> str:
    start = to_local(opening.start, zone)
    left = (
        ""
        if opening.remaining is None
        else " · " + translate("ChangeDialogs", "{count} left").format(count=opening.remaining)
    )
    return f"{dates.short_day(start.date())}  {dates.clock(start)}  ·  {where}{left}"


class RescheduleDialog(QDialog):
    """Move a booking; ``moved`` carries the booking as stored after the move."""

    moved = Signal(object)

    def __init__(self, context: AppContext, booking: Booking, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.booking = booking
        self.result_booking: Booking | None = None
        self.verdicts: list[Verdict] = []
        self._zone = clinic_zone(context)
        self.setWindowTitle(
            translate("ChangeDialogs", "Move {patient}'s appointment").format(
                patient=booking.patient_name
            )
        )
        self.setAccessibleName(translate("ChangeDialogs", "Move appointment"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        start = to_local(booking.start, self._zone)
        intro = QLabel(
            translate(
                "ChangeDialogs",
                "Now: <b>{when}</b>. Pick one of the nearest openings, or type a time.",
            ).format(when=dates.moment(start)),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.openings = QListWidget(self)
        self.openings.setAccessibleName(translate("ChangeDialogs", "Nearest openings"))
        self.openings.setMaximumHeight(150)
        self.openings.currentItemChanged.connect(self._opening_picked)
        self.openings.itemActivated.connect(lambda _item: self.save())
        layout.addWidget(self.openings)
        form = QFormLayout()
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat(date_format())
        keep_years(self.date_edit)
        self.date_edit.setAccessibleName(translate("ChangeDialogs", "New date"))
        self.time_edit = FiveMinuteTimeEdit(self)
        self.time_edit.setAccessibleName(translate("ChangeDialogs", "New time (clinic time)"))
        when = QWidget(self)
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date_edit, 2)
        row.addWidget(self.time_edit, 1)
        form.addRow(translate("ChangeDialogs", "&When"), when)
        self.where = QComboBox(self)
        self.where.setAccessibleName(translate("ChangeDialogs", "Where"))
        catalog = context.booking.catalog_for(booking.connection_id)
        api = resources(context)  # the clinic's column first, as the day view names it
        shown_as, _ = labels(api, everything(context, api, with_hidden=True))
        self._names = {}
        for resource in catalog.resources:
            column = shown_as.get((booking.connection_id, resource.id), resource.name)
            text = resource.name if column == resource.name else f"{column} ({resource.name})"
            self._names[resource.id] = text
            self.where.addItem(text, resource.id)
        self.where.setCurrentIndex(max(0, self.where.findData(booking.resource_id)))
        form.addRow(translate("ChangeDialogs", "W&here"), self.where)
        layout.addLayout(form)
        self.scope = series_scope(context, booking, self, lambda: self._timer.start())
        if self.scope is not None:
            layout.addWidget(self.scope)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setAccessibleName(translate("ChangeDialogs", "Messages about this move"))
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            translate("ChangeDialogs", "&Move"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(200)
        self._timer.timeout.connect(self.validate_now)
        self._set_when(booking.start)
        self.date_edit.dateChanged.connect(self._timer.start)
        self.time_edit.timeChanged.connect(self._timer.start)
        self.where.currentIndexChanged.connect(self._timer.start)
        self._fill_openings()
        self.validate_now()

    def _set_when(self, instant: datetime) -> None:
        local = to_local(instant, self._zone)
        self.date_edit.setDate(QDate(local.year, local.month, local.day))
        self.time_edit.setTime(QTime(local.hour, local.minute))

    def _fill_openings(self) -> None:
        b = self.booking
        query = OpeningQuery(
            b.connection_id, b.service_id, patient_phone=b.patient_phone, booking_id=b.id
        )
        after = max(b.start - timedelta(hours=2), utc_now())  # nearest: around its own time
        try:
            found = find_openings(self.context.booking, [query], after, Limits(count=6))
        except Exception:
            log.exception("finding openings failed")
            found = []
        for opening in found:
            text = opening_text(opening, self._zone, self._names.get(opening.resource_id, ""))
            item = QListWidgetItem(text, self.openings)
            item.setData(OPENING_ROLE, opening)
        if not found:
            QListWidgetItem(
                translate("ChangeDialogs", "No free time found in the cached calendar."),
                self.openings,
            )

    def _opening_picked(self, item: QListWidgetItem | None) -> None:
        opening = item.data(OPENING_ROLE) if item is not None else None
        if isinstance(opening, Opening):
            self._set_when(opening.start)
            self.where.setCurrentIndex(max(0, self.where.findData(opening.resource_id)))

    def target(self) -> tuple[datetime, str]:
        qd, qt = self.date_edit.date(), self.time_edit.time()
        day = date(qd.year(), qd.month(), qd.day())
        start = local_to_utc(day, time(qt.hour(), qt.minute()), self._zone).instant
        return start, str(self.where.currentData() or self.booking.resource_id)

    def validation_pending(self) -> bool:
        return self._timer.isActive()

    def validate_now(self) -> list[Verdict]:
        self._timer.stop()
        start, resource = self.target()
        try:
            if self.scope is not None and self.scope.following:
                self.verdicts, words = check_move_html(
                    self.context, self.booking.id, start, resource
                )
            else:
                self.verdicts = self.context.booking.check_reschedule(
                    self.booking.id, start, resource
                )
                words = verdicts_html(self.verdicts)
        except BookingRefused as refused:
            self.verdicts = refused.verdicts
            words = verdicts_html(self.verdicts)
        self.message.setText(words)
        errors = [v for v in self.verdicts if v.severity is Severity.ERROR]
        self.save_button.setEnabled(not errors)
        return self.verdicts

    def save(self) -> None:
        if any(v.severity is Severity.ERROR for v in self.validate_now()):
            return
        start, resource = self.target()
        booking_id = self.booking.id
        self.save_button.setEnabled(False)  # until the runner tells

        def refused(refusal: BookingRefused) -> None:
            self.verdicts = refusal.verdicts
            found = getattr(refusal, "refusals", None)
            words = refusals_html(found, self._zone, "moved") if found else None
            self.message.setText(words or verdicts_html(refusal.verdicts))

        context = self.context
        if self.scope is not None and self.scope.following:
            ops_for(self, context).run(
                lambda: series_following.move_following(context, booking_id, start, resource),
                lambda _c: series_following.changed_ids(context, booking_id),
                self._moved,
                refused,
                self._not_saved,
            )
            return
        ops_for(self, self.context).run(
            lambda: self.context.booking.reschedule(booking_id, start, resource),
            booking_ids,
            self._moved,
            refused,
            self._not_saved,
        )

    def _not_saved(self, _why: BaseException) -> None:
        self.message.setText(translate("ChangeDialogs", NOT_SAVED_HTML))
        self.save_button.setEnabled(True)

    def _moved(self, change: Change) -> None:
        self.result_booking = change.booking
        self.moved.emit(change.booking)
        self.accept()


class CancelDialog(QDialog):
    """Cancel a booking after saying what the cancellation rules allow."""

    cancelled = Signal(object)

    def __init__(self, context: AppContext, booking: Booking, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.booking = booking
        zone = clinic_zone(context)
        start = to_local(booking.start, zone)
        self.setWindowTitle(translate("ChangeDialogs", "Cancel appointment"))
        self.setAccessibleName(translate("ChangeDialogs", "Cancel appointment"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        label = QLabel(
            translate(
                "ChangeDialogs", "Cancel <b>{patient}</b>'s appointment on {day} at {time}?"
            ).format(
                patient=html.escape(booking.patient_name),
                day=dates.long_day(start.date()),
                time=dates.clock(start),
            ),
            self,
        )
        label.setWordWrap(True)
        layout.addWidget(label)
        form = QFormLayout()
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(
            translate("ChangeDialogs", "Optional: why (kept in the booking's history)")
        )
        self.reason.setAccessibleName(translate("ChangeDialogs", "Reason"))
        form.addRow(translate("ChangeDialogs", "&Reason"), self.reason)
        layout.addLayout(form)
        self.zone = zone
        self.scope = series_scope(context, booking, self, self._scope_changed)
        if self.scope is not None:
            layout.addWidget(self.scope)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setAccessibleName(translate("ChangeDialogs", "Cancellation rules"))
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(self)
        self.confirm = buttons.addButton(
            translate("ChangeDialogs", "Cancel the &appointment"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        keep = buttons.addButton(
            translate("ChangeDialogs", "&Keep it"), QDialogButtonBox.ButtonRole.RejectRole
        )
        keep.setDefault(True)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.verdicts = context.booking.check_cancel(booking.id)
        self.message.setText(verdicts_html(self.verdicts))
        self.confirm.setEnabled(not self.verdicts)

    def save(self) -> None:
        booking_id, reason = self.booking.id, self.reason.text()
        self.confirm.setEnabled(False)  # until the runner tells

        def refused(refusal: BookingRefused) -> None:
            self.verdicts = refusal.verdicts
            found = getattr(refusal, "refusals", None)
            words = refusals_html(found, self.zone, "cancelled") if found else None
            self.message.setText(words or verdicts_html(refusal.verdicts))

        def failed(_why: BaseException) -> None:
            self.message.setText(translate("ChangeDialogs", NOT_SAVED_HTML))
            self.confirm.setEnabled(True)

        context = self.context
        following = self.scope is not None and self.scope.following
        ops_for(self, self.context).run(
            (lambda: series_following.cancel_following(context, booking_id, reason))
            if following
            else (lambda: self.context.booking.cancel(booking_id, reason)),
            (lambda _c: series_following.changed_ids(context, booking_id))
            if following
            else booking_ids,
            self._cancelled,
            refused,
            failed,
        )

    def _scope_changed(self) -> None:
        """This one, or this and the following: the cancellation rules of each."""
        if self.scope is not None and self.scope.following:
            later = series.following(self.context, self.booking.id)
            found = [(b.start, self.context.booking.check_cancel(b.id)) for b in later]
            refused = [(start, errors) for start, errors in found if errors]
            self.verdicts = [v for _, errors in refused for v in errors]
            words = (
                refusals_html(refused, self.zone, "cancelled")
                if refused
                else translate(
                    "ChangeDialogs", "{count} appointments are cancelled together."
                ).format(count=len(later))
            )
        else:
            self.verdicts = self.context.booking.check_cancel(self.booking.id)
            words = verdicts_html(self.verdicts)
        self.message.setText(words)
        self.confirm.setEnabled(not self.verdicts)

    def _cancelled(self, change: Change) -> None:
        self.cancelled.emit(change.booking)
        self.accept()

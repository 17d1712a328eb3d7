"""The desk's changes to existing bookings, as the screens ask for them: arrived / completed /
no-show in one keystroke, move (a dialog, or a drop on the calendar), cancel (a dialog).

Each runs the use-case of :class:`~frontdesk.app.booking.BookingService` (judged offline,
written with its outbox operation in one transaction) on the desk's change runner
(:mod:`frontdesk.ui.desk_ops`, off the GUI thread), then reports: ``changed`` with the
booking id so the screens refresh what it names, ``notice`` with a sentence for the status
bar (a refusal's plain reason, or what happened), and ``sendSoon`` so the sync worker runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from frontdesk.app.booking import Change
from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.desk import ResourceKey
from frontdesk.domain.booking import VisitStatus
from frontdesk.domain.outbox import ChangePlan
from frontdesk.domain.translation import translate
from frontdesk.domain.verdict import Severity
from frontdesk.ui.blocks import visit_words
from frontdesk.ui.desk_ops import booking_ids, ops_for
from frontdesk.ui.wording import plain_message

if TYPE_CHECKING:  # the dialogs are imported when first opened, not at the desk's start
    from frontdesk.app.context import AppContext
    from frontdesk.ui.change_dialogs import CancelDialog, RescheduleDialog

log = logging.getLogger("frontdesk.ui")
D = TypeVar("D", bound=QDialog)


class DeskActions(QObject):
    changed = Signal(str)  # booking id
    notice = Signal(str)
    sendSoon = Signal()

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.window = parent
        self.dialogs: list[QDialog] = []

    def set_status(self, booking_id: str, status: VisitStatus) -> bool:
        booking = self.context.reads.booking(booking_id)
        if booking is None:
            return False
        if booking.visit_status is status:  # the same key again undoes it
            status = VisitStatus.BOOKED
        return self._run(
            lambda: self.context.arrivals.set_status(booking_id, status),  # + arrival time
            translate("Actions", "{patient}: {status}.").format(
                patient=booking.patient_name, status=visit_words(status).lower()
            ),
        )

    def move(self, booking_id: str, start: datetime, resource: ResourceKey | None) -> bool:
        """A drop on the calendar: move at once (it was judged while dragging)."""
        resource_id = resource[1] if resource is not None else None
        return self._run(
            lambda: self.context.booking.reschedule(booking_id, start, resource_id),
            translate("Actions", "Appointment moved."),
        )

    def _run(self, change: Callable[[], Change], done: str) -> bool:
        """Make ``change`` on the desk's change runner (off the GUI thread); the window
        applies its record and the status bar says how it went."""

        def made(result: Change) -> None:
            self.changed.emit(result.booking.id)
            if result.plan is not ChangePlan.LOCAL:
                self.sendSoon.emit()
            self.notice.emit(done)

        def refused(refusal: BookingRefused) -> None:
            errors = [v for v in refusal.verdicts if v.severity is Severity.ERROR]
            reason = " ".join(plain_message(v) for v in errors or refusal.verdicts)
            self.notice.emit(translate("Actions", "Not changed: {why}").format(why=reason))

        def failed(_why: BaseException) -> None:
            self.notice.emit(
                translate("Actions", "Not changed: the desk could not save this change; try again.")
            )

        ops_for(self.window, self.context).run(change, booking_ids, made, refused, failed)
        return True

    def open_move(self, booking_id: str) -> RescheduleDialog | None:
        booking = self.context.reads.booking(booking_id)
        if booking is None:
            return None
        from frontdesk.ui.change_dialogs import RescheduleDialog

        dialog = RescheduleDialog(self.context, booking, self.window)
        dialog.moved.connect(
            lambda b: self._after_dialog(b.id, translate("Actions", "Appointment moved."))
        )
        return self._open(dialog)

    def open_cancel(self, booking_id: str) -> CancelDialog | None:
        booking = self.context.reads.booking(booking_id)
        if booking is None or not booking.active:
            return None
        from frontdesk.ui.change_dialogs import CancelDialog

        dialog = CancelDialog(self.context, booking, self.window)
        dialog.cancelled.connect(
            lambda b: self._after_dialog(b.id, translate("Actions", "Appointment cancelled."))
        )
        return self._open(dialog)

    def _open(self, dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r: self.dialogs.remove(dialog))
        dialog.open()
        return dialog

    def _after_dialog(self, booking_id: str, done: str) -> None:
        self.changed.emit(booking_id)
        self.sendSoon.emit()
        self.notice.emit(done)

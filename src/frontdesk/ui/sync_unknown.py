"""The sync panel's "Outcome unknown" tab: changes sent with no answer back, which the remote
cannot be asked about (e.g. a meetergo provisional booking whose list the API user may not read).

Nothing is resent until a person settles each one: it arrived (optionally with its remote id),
it did not arrive (send it again), or cancel the booking. One a pull settled meanwhile says so
and the panel refreshes (:class:`~frontdesk.app.sync_status.NotUnknown`).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app import sync_status
from frontdesk.domain.booking import Booking
from frontdesk.domain.outbox import Operation, Settlement
from frontdesk.domain.translation import translate
from frontdesk.ui.desk_ops import ops_for
from frontdesk.ui.sync_lists import fill_tree, make_tree, picked_operation, rich_label, when_text
from frontdesk.ui.theme import Tones, span

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext


class UnknownTab(QSplitter):
    changed = Signal(str)  # booking id changed from here
    sendSoon = Signal()
    stale = Signal()  # settled meanwhile: the panel refreshes

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.zone = "UTC"
        self.tree = make_tree(
            self,
            translate("SyncPanel", "Outcome unknown"),
            [
                translate("SyncPanel", "When"),
                translate("SyncPanel", "Patient"),
                translate("SyncPanel", "Phone"),
                translate("SyncPanel", "Change"),
                translate("SyncPanel", "System"),
            ],
        )
        self.tree.currentItemChanged.connect(lambda *_: self.picked())
        detail = QWidget(self)
        box = QVBoxLayout(detail)
        self.reason = rich_label(detail, translate("SyncPanel", "Why the outcome is unknown"))
        box.addWidget(self.reason)
        box.addStretch(1)
        ids = QHBoxLayout()
        self.remote_id_label = QLabel(
            translate("SyncPanel", "Its id there, if you found it (optional):"), detail
        )
        self.remote_id = QLineEdit(detail)
        self.remote_id.setAccessibleName(translate("SyncPanel", "Remote id"))
        self.remote_id.setPlaceholderText(translate("SyncPanel", "else the next refresh links it"))
        self.remote_id_label.setBuddy(self.remote_id)
        ids.addWidget(self.remote_id_label)
        ids.addWidget(self.remote_id, 1)
        box.addLayout(ids)
        buttons = QHBoxLayout()
        self.arrived = QPushButton(translate("SyncPanel", "&It arrived"), detail)
        self.arrived.setToolTip(
            translate("SyncPanel", "The booking system holds it: close this, nothing is sent")
        )
        self.resend = QPushButton(translate("SyncPanel", "Did no&t arrive: send again"), detail)
        self.resend.setToolTip(
            translate("SyncPanel", "The booking system does not hold it: send it again")
        )
        self.settle_cancel = QPushButton(translate("SyncPanel", "Cancel t&he booking"), detail)
        self.settle_cancel.setToolTip(
            translate(
                "SyncPanel",
                "Cancel it at this desk and send nothing more (if the booking system holds it, "
                "cancel it there too)",
            )
        )
        for button in (self.arrived, self.resend, self.settle_cancel):
            button.setAccessibleName(button.text().replace("&", ""))
            buttons.addWidget(button)
        self.arrived.clicked.connect(lambda: self._settle(Settlement.ARRIVED))
        self.resend.clicked.connect(lambda: self._settle(Settlement.SEND_AGAIN))
        self.settle_cancel.clicked.connect(lambda: self._settle(Settlement.CANCEL))
        box.addLayout(buttons)
        self.message = rich_label(detail)
        box.addWidget(self.message)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)

    def fill(
        self, unknown: list[tuple[Operation, Booking]], names: dict[str, str], zone: str
    ) -> None:
        """``unknown`` with each connection's name from ``names``."""
        self.zone = zone
        fill_tree(
            self.tree,
            [
                (
                    b.id,
                    [
                        when_text(b, zone),
                        b.patient_name,
                        b.patient_phone,
                        sync_status.kind_words(op.kind.value),
                        names.get(op.connection_id, ""),
                    ],
                    op.id,
                )
                for op, b in unknown
            ],
        )

    def picked(self) -> None:
        picked = picked_operation(self.tree)
        booking = self.context.reads.booking(picked[0]) if picked else None
        for widget in (self.arrived, self.resend, self.settle_cancel, self.remote_id):
            widget.setEnabled(booking is not None)
        hint = Tones.of(self.palette()).hint
        if booking is None:
            self.reason.setText(
                span(translate("SyncPanel", "Every change sent has had its answer."), hint)
            )
            return
        when = html.escape(when_text(booking, self.zone))
        waits = translate("SyncPanel", "Nothing is sent again until you decide.")
        self.reason.setText(
            f"<b>{html.escape(booking.patient_name)}</b> · "
            f"{html.escape(booking.patient_phone)} · {when}"
            f"<br>{html.escape(booking.problem_message or '')}"
            f"<br>{span(waits, hint)}"
        )

    def _settle(self, settlement: Settlement) -> None:
        picked = picked_operation(self.tree)
        if picked is None:
            return
        booking_id, op_id = picked
        remote_id = self.remote_id.text() if settlement is Settlement.ARRIVED else None

        def settled(_result: object) -> None:
            self.remote_id.clear()
            self.message.clear()
            self.changed.emit(booking_id)
            if settlement is Settlement.SEND_AGAIN:
                self.sendSoon.emit()

        def not_settled(why: BaseException) -> None:
            if isinstance(why, sync_status.NotUnknown):
                self.stale.emit()
                hint = Tones.of(self.palette()).hint
                self.message.setText(
                    span(translate("SyncPanel", "Already settled (a refresh found it)."), hint)
                )
            elif isinstance(why, ValueError):  # a remote id another booking already has
                self.message.setText(html.escape(str(why)))
            else:
                self.message.setText(
                    translate("SyncPanel", "The desk could not save this; try again.")
                )

        ops_for(self, self.context).run(
            lambda: sync_status.settle(self.context, op_id, settlement, remote_id),
            lambda _r: [booking_id],
            settled,
            failed=not_settled,
            expected=(sync_status.NotUnknown, ValueError),
        )

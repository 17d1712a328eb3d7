"""The sync panel: four tabs over :mod:`frontdesk.app.sync_status`.

* Waiting: every change still owed to a remote system, its attempts and last problem.
* Needs attention (:mod:`frontdesk.ui.sync_attention`): bookings a remote refused, each with
  the reason in plain words, the nearest openings with one-click rebook, cancel and a note; and
  bookings changed here and in the booking system at once, both versions side by side.
* Outcome unknown (:mod:`frontdesk.ui.sync_unknown`): changes sent with no answer back, which
  the remote cannot be asked about, each waiting for a person to settle it.
* Failed: refused changes the inbox does not show (a cancel refused at sync, say): send again
  or dismiss.

This module owns the panel (its tabs, their counts, the refresh that fills them all) and the
Waiting and Failed tabs. Non-modal: it refreshes after each sync cycle and desk change, keeping
the selected row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app import sync_status
from frontdesk.app.desk import clinic_zone
from frontdesk.domain.booking import Booking
from frontdesk.domain.merge import CLASH_CODE
from frontdesk.domain.outbox import Operation, OperationKind
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.ui.desk_ops import ops_for
from frontdesk.ui.sync_attention import AttentionTab
from frontdesk.ui.sync_lists import ID_ROLE, fill_tree, make_tree, picked_operation, when_text
from frontdesk.ui.sync_unknown import UnknownTab

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

HELD = QT_TRANSLATE_NOOP(
    "SyncPanel", "Held: changed here and in the booking system; settle it under Needs attention"
)
WAITING_TAB, ATTENTION_TAB, UNKNOWN_TAB, FAILED_TAB = range(4)


class SyncPanelWidget(QWidget):
    changed = Signal(str)  # booking id changed from here
    showBooking = Signal(str)
    sendSoon = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName(translate("SyncPanel", "Sync panel"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self.queue = make_tree(
            self,
            translate("SyncPanel", "Waiting to be sent"),
            [
                translate("SyncPanel", "When"),
                translate("SyncPanel", "Patient"),
                translate("SyncPanel", "Change"),
                translate("SyncPanel", "System"),
                translate("SyncPanel", "Tries"),
                translate("SyncPanel", "Last problem"),
            ],
        )
        self.tabs.addTab(self.queue, translate("SyncPanel", "Waiting"))
        self.attention_tab = AttentionTab(context, self)
        self.tabs.addTab(self.attention_tab, translate("SyncPanel", "Needs attention"))
        self.unknown_tab = UnknownTab(context, self)
        self.tabs.addTab(self.unknown_tab, translate("SyncPanel", "Outcome unknown"))
        for tab in (self.attention_tab, self.unknown_tab):
            tab.changed.connect(self.changed)
            tab.sendSoon.connect(self.sendSoon)
        self.unknown_tab.stale.connect(self.refresh)
        failed_box = QWidget(self)
        failed_layout = QVBoxLayout(failed_box)
        failed_layout.setContentsMargins(0, 0, 0, 0)
        self.failed = make_tree(
            failed_box,
            translate("SyncPanel", "Refused changes"),
            [
                translate("SyncPanel", "When"),
                translate("SyncPanel", "Patient"),
                translate("SyncPanel", "Change"),
                translate("SyncPanel", "Refusal"),
            ],
        )
        failed_layout.addWidget(self.failed)
        row = QHBoxLayout()
        self.send_again = QPushButton(translate("SyncPanel", "Send a&gain"), failed_box)
        self.dismiss = QPushButton(translate("SyncPanel", "&Dismiss"), failed_box)
        for button in (self.send_again, self.dismiss):
            button.setAccessibleName(button.text().replace("&", ""))
            row.addWidget(button)
        row.addStretch(1)
        failed_layout.addLayout(row)
        self.send_again.clicked.connect(self._send_again)
        self.dismiss.clicked.connect(self._dismiss)
        self.tabs.addTab(failed_box, translate("SyncPanel", "Failed"))
        # the tabs' parts, reachable from the panel as before they had modules of their own
        attention, unknown = self.attention_tab, self.unknown_tab
        self.attention, self.reason = attention.tree, attention.reason
        self.clash_box, self.clash_table = attention.clash_box, attention.clash_table
        self.keep_ours, self.take_theirs = attention.keep_ours, attention.take_theirs
        self.openings, self.rebook = attention.openings, attention.rebook
        self.cancel, self.message = attention.cancel, attention.message
        self.note, self.save_note = attention.note, attention.save_note
        self.unknown, self.unknown_reason = unknown.tree, unknown.reason
        self.unknown_message, self.remote_id = unknown.message, unknown.remote_id
        self.arrived, self.resend = unknown.arrived, unknown.resend
        self.settle_cancel = unknown.settle_cancel
        for tree in (self.queue, self.failed, self.attention, self.unknown):
            tree.itemDoubleClicked.connect(lambda item, _c: self._show(item))
        self.zone = "UTC"

    # -- refresh -------------------------------------------------------------------------
    def refresh(self) -> None:
        self.zone = clinic_zone(self.context)
        data = sync_status.overview(self.context)
        fill_tree(
            self.queue,
            [
                (
                    b.id,
                    [
                        when_text(b, self.zone),
                        b.patient_name,
                        self._change(op, b, data),
                        data.connection_names.get(op.connection_id, ""),
                        str(op.attempts),
                        translate("SyncPanel", HELD)
                        if b.problem_code == CLASH_CODE
                        else op.last_error or "",
                    ],
                    op.id,
                )
                for op, b in data.queued
            ],
        )
        self.attention_tab.fill(data.attention, self.zone)
        self.unknown_tab.fill(data.unknown, data.connection_names, self.zone)
        fill_tree(
            self.failed,
            [
                (
                    b.id,
                    [
                        when_text(b, self.zone),
                        b.patient_name,
                        self._change(op, b, data),
                        op.last_error or "",
                    ],
                    op.id,
                )
                for op, b in data.failed
            ],
        )
        for tab, words, items in (
            (WAITING_TAB, translate("SyncPanel", "Waiting"), data.queued),
            (ATTENTION_TAB, translate("SyncPanel", "Needs attention"), data.attention),
            (UNKNOWN_TAB, translate("SyncPanel", "Outcome unknown"), data.unknown),
            (FAILED_TAB, translate("SyncPanel", "Failed"), data.failed),
        ):
            self.tabs.setTabText(tab, f"{words} ({len(items)})")
        self.send_again.setEnabled(bool(data.failed))
        self.dismiss.setEnabled(bool(data.failed))
        self.attention_tab.picked()
        self.unknown_tab.picked()

    def counts(self) -> tuple[int, int, int]:
        return (
            self.queue.topLevelItemCount(),
            self.attention.topLevelItemCount(),
            self.failed.topLevelItemCount(),
        )

    def unknown_count(self) -> int:
        return self.unknown.topLevelItemCount()

    def selected_attention(self) -> Booking | None:
        return self.attention_tab.selected()

    def _change(self, op: Operation, b: Booking, data: sync_status.SyncOverview) -> str:
        service = ""
        if op.kind is OperationKind.CREATE_PATIENT:
            found = self.context.booking.service(b.connection_id, b.service_id)
            service = found.name if found else ""
        provider = data.providers.get(op.connection_id, "")
        return sync_status.change_words(op, when_text(b, self.zone), service, provider)

    # -- failed --------------------------------------------------------------------------
    def _send_again(self) -> None:
        picked = picked_operation(self.failed)
        if picked is not None:
            booking_id, op_id = picked

            def sent_again(_result: object) -> None:
                self.changed.emit(booking_id)
                self.sendSoon.emit()

            ops_for(self, self.context).run(
                lambda: sync_status.send_again(self.context, op_id),
                lambda _r: [booking_id],
                sent_again,
            )

    def _dismiss(self) -> None:
        picked = picked_operation(self.failed)
        if picked is not None:
            booking_id, op_id = picked
            ops_for(self, self.context).run(
                lambda: sync_status.dismiss(self.context, op_id),
                lambda _r: [booking_id],
                lambda _r: self.changed.emit(booking_id),
            )

    def _show(self, item: QTreeWidgetItem) -> None:
        booking_id = item.data(0, ID_ROLE)
        if booking_id:
            self.showBooking.emit(str(booking_id))

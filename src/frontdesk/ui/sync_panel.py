"""The sync panel: four tabs over :mod:`frontdesk.app.sync_status`.

* Waiting: every change still owed to a remote system, its attempts and last problem.
* Needs attention: bookings a remote refused, each with the reason in plain words (the code in
  small print), the patient's phone, the nearest openings with one-click rebook, cancel, and a
  note for the next person; and bookings changed here and in the booking system at once, with
  both versions side by side and a button for each.
* Outcome unknown: changes sent with no answer back, which the remote cannot be asked about
  (a meetergo provisional booking is in no list): nothing is resent until a person settles
  each: it arrived (optionally with its remote id), it did not arrive (send it again), or
  cancel the booking.
* Failed: refused changes the inbox does not show (a cancel refused at sync, say): send again
  or dismiss.

Non-modal: it refreshes after each sync cycle and desk change, keeping the selected row.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app import sync_status
from frontdesk.app.booking import BookingRefused
from frontdesk.app.context import AppContext
from frontdesk.app.desk import clinic_zone
from frontdesk.app.openings import Opening
from frontdesk.domain.booking import Booking
from frontdesk.domain.merge import CLASH_CODE
from frontdesk.domain.outbox import Operation, OperationKind, Settlement
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.verdict import Verdict
from frontdesk.storage.outbox_unknown import NotUnknown
from frontdesk.ui.wording import CODE_COLOR, plain_message, verdicts_html

log = logging.getLogger("frontdesk.ui")
ID_ROLE = Qt.ItemDataRole.UserRole
HELD = "Held: changed here and in the booking system; settle it under Needs attention"
WAITING_TAB, ATTENTION_TAB, UNKNOWN_TAB, FAILED_TAB = range(4)


def _tree(parent: QWidget, name: str, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setAccessibleName(name)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    return tree


class SyncPanelWidget(QWidget):
    changed = Signal(str)  # booking id changed from here
    showBooking = Signal(str)
    sendSoon = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setAccessibleName("Sync panel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self.queue = _tree(
            self,
            "Waiting to be sent",
            ["When", "Patient", "Change", "System", "Tries", "Last problem"],
        )
        self.tabs.addTab(self.queue, "Waiting")
        self.tabs.addTab(self._build_attention(), "Needs attention")
        self.tabs.addTab(self._build_unknown(), "Outcome unknown")
        failed_box = QWidget(self)
        failed_layout = QVBoxLayout(failed_box)
        failed_layout.setContentsMargins(0, 0, 0, 0)
        self.failed = _tree(failed_box, "Refused changes", ["When", "Patient", "Change", "Refusal"])
        failed_layout.addWidget(self.failed)
        row = QHBoxLayout()
        self.send_again = QPushButton("Send a&gain", failed_box)
        self.dismiss = QPushButton("&Dismiss", failed_box)
        for button in (self.send_again, self.dismiss):
            button.setAccessibleName(button.text().replace("&", ""))
            row.addWidget(button)
        row.addStretch(1)
        failed_layout.addLayout(row)
        self.send_again.clicked.connect(self._send_again)
        self.dismiss.clicked.connect(self._dismiss)
        self.tabs.addTab(failed_box, "Failed")
        for tree in (self.queue, self.failed, self.attention, self.unknown):
            tree.itemDoubleClicked.connect(lambda item, _c: self._show(item))
        self.zone = "UTC"

    def _build_attention(self) -> QWidget:
        splitter = QSplitter(self)
        self.attention = _tree(splitter, "Needs attention", ["When", "Patient", "Phone", "Reason"])
        self.attention.currentItemChanged.connect(lambda *_: self._attention_picked())
        detail = QWidget(splitter)
        box = QVBoxLayout(detail)
        self.reason = QLabel(detail)
        self.reason.setWordWrap(True)
        self.reason.setTextFormat(Qt.TextFormat.RichText)
        self.reason.setAccessibleName("Why it was refused")
        box.addWidget(self.reason)
        box.addWidget(self._build_clash(detail))
        self.openings_label = QLabel(
            "Nearest free times (double-click or Enter to rebook):", detail
        )
        box.addWidget(self.openings_label)
        self.openings = QListWidget(detail)
        self.openings.setAccessibleName("Nearest free times")
        self.openings.itemActivated.connect(self._rebook_item)
        self.openings.itemDoubleClicked.connect(self._rebook_item)
        box.addWidget(self.openings, 1)
        buttons = QHBoxLayout()
        self.rebook = QPushButton("&Rebook at this time", detail)
        self.cancel = QPushButton("&Cancel booking", detail)
        for button in (self.rebook, self.cancel):
            button.setAccessibleName(button.text().replace("&", ""))
            buttons.addWidget(button)
        self.rebook.clicked.connect(lambda: self._rebook_item(self.openings.currentItem()))
        self.cancel.clicked.connect(self._cancel)
        box.addLayout(buttons)
        notes = QHBoxLayout()
        self.note = QLineEdit(detail)
        self.note.setPlaceholderText("Note, e.g. called the patient, left a message")
        self.note.setAccessibleName("Note")
        self.save_note = QPushButton("Save &note", detail)
        self.save_note.setAccessibleName("Save note")
        self.note.returnPressed.connect(self._note)
        self.save_note.clicked.connect(self._note)
        notes.addWidget(self.note, 1)
        notes.addWidget(self.save_note)
        box.addLayout(notes)
        self.message = QLabel(detail)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        box.addWidget(self.message)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        return splitter

    def _build_clash(self, parent: QWidget) -> QWidget:
        """Both versions of a booking changed here and remotely at once, and the choice."""
        self.clash_box = QWidget(parent)
        self.clash_box.setAccessibleName("Changed in two places")
        box = QVBoxLayout(self.clash_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.clash_table = QLabel(self.clash_box)
        self.clash_table.setTextFormat(Qt.TextFormat.RichText)
        self.clash_table.setAccessibleName("The desk's and the booking system's versions")
        box.addWidget(self.clash_table)
        buttons = QHBoxLayout()
        self.keep_ours = QPushButton("&Keep the desk's version", self.clash_box)
        self.take_theirs = QPushButton("&Take the booking system's version", self.clash_box)
        for button in (self.keep_ours, self.take_theirs):
            button.setAccessibleName(button.text().replace("&", ""))
            buttons.addWidget(button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.keep_ours.clicked.connect(lambda: self._settle_clash(sync_status.keep_ours))
        self.take_theirs.clicked.connect(lambda: self._settle_clash(sync_status.take_theirs))
        self.clash_box.hide()
        return self.clash_box

    def _build_unknown(self) -> QWidget:
        splitter = QSplitter(self)
        self.unknown = _tree(
            splitter, "Outcome unknown", ["When", "Patient", "Phone", "Change", "System"]
        )
        self.unknown.currentItemChanged.connect(lambda *_: self._unknown_picked())
        detail = QWidget(splitter)
        box = QVBoxLayout(detail)
        self.unknown_reason = QLabel(detail)
        self.unknown_reason.setWordWrap(True)
        self.unknown_reason.setTextFormat(Qt.TextFormat.RichText)
        self.unknown_reason.setAccessibleName("Why the outcome is unknown")
        box.addWidget(self.unknown_reason)
        box.addStretch(1)
        ids = QHBoxLayout()
        self.remote_id_label = QLabel("Its id there, if you found it (optional):", detail)
        self.remote_id = QLineEdit(detail)
        self.remote_id.setAccessibleName("Remote id")
        self.remote_id.setPlaceholderText("else the next refresh links it")
        self.remote_id_label.setBuddy(self.remote_id)
        ids.addWidget(self.remote_id_label)
        ids.addWidget(self.remote_id, 1)
        box.addLayout(ids)
        buttons = QHBoxLayout()
        self.arrived = QPushButton("&It arrived", detail)
        self.arrived.setToolTip("The booking system holds it: close this, nothing is sent")
        self.resend = QPushButton("Did no&t arrive: send again", detail)
        self.resend.setToolTip("The booking system does not hold it: send it again")
        self.settle_cancel = QPushButton("Cancel t&he booking", detail)
        self.settle_cancel.setToolTip(
            "Cancel it at this desk and send nothing more (if the booking system holds it, "
            "cancel it there too)"
        )
        for button in (self.arrived, self.resend, self.settle_cancel):
            button.setAccessibleName(button.text().replace("&", ""))
            buttons.addWidget(button)
        self.arrived.clicked.connect(lambda: self._settle(Settlement.ARRIVED))
        self.resend.clicked.connect(lambda: self._settle(Settlement.SEND_AGAIN))
        self.settle_cancel.clicked.connect(lambda: self._settle(Settlement.CANCEL))
        box.addLayout(buttons)
        self.unknown_message = QLabel(detail)
        self.unknown_message.setWordWrap(True)
        self.unknown_message.setTextFormat(Qt.TextFormat.RichText)
        box.addWidget(self.unknown_message)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        return splitter

    # -- refresh -------------------------------------------------------------------------
    def refresh(self) -> None:
        self.zone = clinic_zone(self.context)
        data = sync_status.overview(self.context)
        self._fill(
            self.queue,
            [
                (
                    b.id,
                    [
                        self._when(b),
                        b.patient_name,
                        self._change(op, b, data),
                        data.connection_names.get(op.connection_id, ""),
                        str(op.attempts),
                        HELD if b.problem_code == CLASH_CODE else op.last_error or "",
                    ],
                    op.id,
                )
                for op, b in data.queued
            ],
        )
        self._fill(
            self.attention,
            [
                (b.id, [self._when(b), b.patient_name, b.patient_phone, self._reason(b)], None)
                for b in data.attention
            ],
        )
        self._fill(
            self.unknown,
            [
                (
                    b.id,
                    [
                        self._when(b),
                        b.patient_name,
                        b.patient_phone,
                        sync_status.KIND_WORDS.get(op.kind.value, op.kind.value),
                        data.connection_names.get(op.connection_id, ""),
                    ],
                    op.id,
                )
                for op, b in data.unknown
            ],
        )
        self._fill(
            self.failed,
            [
                (
                    b.id,
                    [
                        self._when(b),
                        b.patient_name,
                        self._change(op, b, data),
                        op.last_error or "",
                    ],
                    op.id,
                )
                for op, b in data.failed
            ],
        )
        self.tabs.setTabText(WAITING_TAB, f"Waiting ({len(data.queued)})")
        self.tabs.setTabText(ATTENTION_TAB, f"Needs attention ({len(data.attention)})")
        self.tabs.setTabText(UNKNOWN_TAB, f"Outcome unknown ({len(data.unknown)})")
        self.tabs.setTabText(FAILED_TAB, f"Failed ({len(data.failed)})")
        self.send_again.setEnabled(bool(data.failed))
        self.dismiss.setEnabled(bool(data.failed))
        self._attention_picked()
        self._unknown_picked()

    def counts(self) -> tuple[int, int, int]:
        return (
            self.queue.topLevelItemCount(),
            self.attention.topLevelItemCount(),
            self.failed.topLevelItemCount(),
        )

    def unknown_count(self) -> int:
        return self.unknown.topLevelItemCount()

    def _fill(self, tree: QTreeWidget, rows: list[tuple[str, list[str], int | None]]) -> None:
        current = tree.currentItem()
        keep = current.data(0, ID_ROLE) if current is not None else None
        tree.setUpdatesEnabled(False)
        tree.clear()
        for booking_id, texts, op_id in rows:
            item = QTreeWidgetItem(tree, texts)
            item.setData(0, ID_ROLE, booking_id)
            item.setData(1, ID_ROLE, op_id)
            if item.data(0, ID_ROLE) == keep:
                tree.setCurrentItem(item)
        first = tree.topLevelItem(0)
        if tree.currentItem() is None and first is not None:
            tree.setCurrentItem(first)
        tree.setUpdatesEnabled(True)
        for column in range(tree.columnCount() - 1):
            tree.resizeColumnToContents(column)

    def _change(self, op: Operation, b: Booking, data: sync_status.SyncOverview) -> str:
        service = ""
        if op.kind is OperationKind.CREATE_PATIENT:
            found = self.context.booking.service(b.connection_id, b.service_id)
            service = found.name if found else ""
        provider = data.providers.get(op.connection_id, "")
        return sync_status.change_words(op, self._when(b), service, provider)

    def _when(self, b: Booking) -> str:
        return f"{to_local(b.start, self.zone):%a %d %b %H:%M}"

    @staticmethod
    def _reason(b: Booking) -> str:
        return plain_message(Verdict(409, b.problem_code, b.problem_message))

    # -- needs attention -----------------------------------------------------------------
    def selected_attention(self) -> Booking | None:
        item = self.attention.currentItem()
        booking_id = item.data(0, ID_ROLE) if item is not None else None
        return self.context.repo.booking(str(booking_id)) if booking_id else None

    def _attention_picked(self) -> None:
        booking = self.selected_attention()
        self.openings.clear()
        self.message.clear()
        for widget in (self.rebook, self.cancel, self.note, self.save_note):
            widget.setEnabled(booking is not None)
        if booking is None:
            self.reason.setText("<span style='color:gray'>Nothing needs attention.</span>")
            self._show_clash([])
            return
        code = html.escape(booking.problem_code or "")
        self.reason.setText(
            f"<b>{html.escape(booking.patient_name)}</b> · {html.escape(booking.patient_phone)}"
            f"<br>{html.escape(self._reason(booking))} "
            f"<span style='color:{CODE_COLOR}; font-size:small'>{code}</span>"
        )
        clash = sync_status.clash(self.context, booking)
        self._show_clash(clash)
        if clash or not self.isVisible():
            return  # the openings are worked out when someone looks (and only for refusals)
        try:
            found = sync_status.nearest_openings(self.context, booking)
        except Exception:
            log.exception("finding openings failed")
            found = []
        names = {
            r.id: r.name for r in self.context.booking.catalog_for(booking.connection_id).resources
        }
        for opening in found:
            start = to_local(opening.start, self.zone)
            item = QListWidgetItem(
                f"{start:%a %d %b %H:%M} · {names.get(opening.resource_id, opening.resource_id)}",
                self.openings,
            )
            item.setData(ID_ROLE, opening)
        if found:
            self.openings.setCurrentRow(0)
        self.rebook.setEnabled(bool(found))

    def _show_clash(self, rows: list[tuple[str, str, str]]) -> None:
        self.clash_box.setVisible(bool(rows))
        for widget in (self.openings_label, self.openings, self.rebook):
            widget.setVisible(not rows)
        if not rows:
            return
        cells = "".join(
            f"<tr><td>{html.escape(part.capitalize())}</td><td><b>{html.escape(ours)}</b></td>"
            f"<td><b>{html.escape(theirs)}</b></td></tr>"
            for part, ours, theirs in rows
        )
        self.clash_table.setText(
            "<table cellspacing='0' cellpadding='3'><tr><th></th><th align='left'>This desk</th>"
            f"<th align='left'>Booking system</th></tr>{cells}</table>"
        )

    def _settle_clash(self, how: Callable[[AppContext, str], None]) -> None:
        booking = self.selected_attention()
        if booking is None:
            return
        how(self.context, booking.id)
        self.changed.emit(booking.id)
        self.sendSoon.emit()

    def _rebook_item(self, item: QListWidgetItem | None) -> None:
        booking = self.selected_attention()
        opening = item.data(ID_ROLE) if item is not None else None
        if booking is None or not isinstance(opening, Opening):
            return
        try:
            self.context.booking.reschedule(booking.id, opening.start, opening.resource_id)
        except BookingRefused as refused:
            self.message.setText(verdicts_html(refused.verdicts))
            return
        self.changed.emit(booking.id)
        self.sendSoon.emit()

    def _cancel(self) -> None:
        booking = self.selected_attention()
        if booking is None:
            return
        try:
            self.context.booking.cancel(booking.id, "refused by the booking system")
        except BookingRefused as refused:
            self.message.setText(verdicts_html(refused.verdicts))
            return
        self.changed.emit(booking.id)
        self.sendSoon.emit()

    def _note(self) -> None:
        booking = self.selected_attention()
        if booking is None or not self.note.text().strip():
            return
        sync_status.add_note(self.context, booking.id, self.note.text())
        self.note.clear()
        self.message.setText("<span style='color:gray'>Note saved.</span>")
        self.changed.emit(booking.id)

    # -- outcome unknown -----------------------------------------------------------------
    def _unknown_op(self) -> tuple[str, int] | None:
        item = self.unknown.currentItem()
        if item is None:
            return None
        return str(item.data(0, ID_ROLE)), int(item.data(1, ID_ROLE))

    def _unknown_picked(self) -> None:
        picked = self._unknown_op()
        booking = self.context.repo.booking(picked[0]) if picked else None
        for widget in (self.arrived, self.resend, self.settle_cancel, self.remote_id):
            widget.setEnabled(booking is not None)
        if booking is None:
            self.unknown_reason.setText(
                "<span style='color:gray'>Every change sent has had its answer.</span>"
            )
            return
        when = html.escape(self._when(booking))
        self.unknown_reason.setText(
            f"<b>{html.escape(booking.patient_name)}</b> · "
            f"{html.escape(booking.patient_phone)} · {when}"
            f"<br>{html.escape(booking.problem_message or '')}"
            "<br><span style='color:gray'>Nothing is sent again until you decide.</span>"
        )

    def _settle(self, settlement: Settlement) -> None:
        picked = self._unknown_op()
        if picked is None:
            return
        booking_id, op_id = picked
        remote_id = self.remote_id.text() if settlement is Settlement.ARRIVED else None
        try:
            sync_status.settle(self.context, op_id, settlement, remote_id)
        except NotUnknown:
            self.refresh()
            self.unknown_message.setText(
                "<span style='color:gray'>Already settled (a refresh found it).</span>"
            )
            return
        except ValueError as exc:  # a remote id another booking already has
            self.unknown_message.setText(html.escape(str(exc)))
            return
        self.remote_id.clear()
        self.unknown_message.clear()
        self.changed.emit(booking_id)
        if settlement is Settlement.SEND_AGAIN:
            self.sendSoon.emit()

    # -- failed --------------------------------------------------------------------------
    def _failed_op(self) -> tuple[str, int] | None:
        item = self.failed.currentItem()
        if item is None:
            return None
        return str(item.data(0, ID_ROLE)), int(item.data(1, ID_ROLE))

    def _send_again(self) -> None:
        picked = self._failed_op()
        if picked is not None:
            sync_status.send_again(self.context, picked[1])
            self.changed.emit(picked[0])
            self.sendSoon.emit()

    def _dismiss(self) -> None:
        picked = self._failed_op()
        if picked is not None:
            sync_status.dismiss(self.context, picked[1])
            self.changed.emit(picked[0])

    def _show(self, item: QTreeWidgetItem) -> None:
        booking_id = item.data(0, ID_ROLE)
        if booking_id:
            self.showBooking.emit(str(booking_id))

"""The sync panel's "Needs attention" tab: bookings a remote refused, and bookings changed here
and in the booking system at once.

The list on the left; on the right the picked booking's reason in plain words (the API's code
in small print), and either the nearest openings with one-click rebook (a refusal) or both
versions side by side with a button for each (a clash), then cancel and a note for the next
person. The openings are worked out only while the panel is shown.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app import sync_status
from frontdesk.app.columns import column_of, everything, is_clinic
from frontdesk.domain import dates
from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.domain.verdict import Verdict
from frontdesk.ui.desk_ops import ops_for
from frontdesk.ui.sync_lists import ID_ROLE, fill_tree, make_tree, rich_label, when_text
from frontdesk.ui.theme import Tones, span
from frontdesk.ui.wording import plain_message, verdicts_html

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.ui")


# the parts of a clash (domain.merge.PART_WORDS), capitalized, as the table names them
CLASH_PARTS = (
    QT_TRANSLATE_NOOP("SyncPanel", "Time"),
    QT_TRANSLATE_NOOP("SyncPanel", "Provider or room"),
    QT_TRANSLATE_NOOP("SyncPanel", "Service"),
    QT_TRANSLATE_NOOP("SyncPanel", "Patient name"),
    QT_TRANSLATE_NOOP("SyncPanel", "Phone"),
    QT_TRANSLATE_NOOP("SyncPanel", "Email"),
    QT_TRANSLATE_NOOP("SyncPanel", "Status"),
)


def reason_words(b: Booking) -> str:
    return plain_message(Verdict(409, b.problem_code, b.problem_message))


class AttentionTab(QSplitter):
    changed = Signal(str)  # booking id changed from here
    sendSoon = Signal()

    def __init__(self, context: AppContext, panel: QWidget) -> None:
        super().__init__(panel)
        self.context = context
        self.panel = panel  # the openings are worked out only while it is shown
        self.zone = "UTC"
        self.tree = make_tree(
            self,
            translate("SyncPanel", "Needs attention"),
            [
                translate("SyncPanel", "When"),
                translate("SyncPanel", "Patient"),
                translate("SyncPanel", "Phone"),
                translate("SyncPanel", "Reason"),
            ],
        )
        self.tree.currentItemChanged.connect(lambda *_: self.picked())
        detail = QWidget(self)
        box = QVBoxLayout(detail)
        self.reason = rich_label(detail, translate("SyncPanel", "Why it was refused"))
        box.addWidget(self.reason)
        box.addWidget(self._build_clash(detail))
        self.openings_label = QLabel(
            translate("SyncPanel", "Nearest free times (double-click or Enter to rebook):"),
            detail,
        )
        box.addWidget(self.openings_label)
        self.openings = QListWidget(detail)
        self.openings.setAccessibleName(translate("SyncPanel", "Nearest free times"))
        self.openings.itemActivated.connect(self._rebook_item)
        self.openings.itemDoubleClicked.connect(self._rebook_item)
        box.addWidget(self.openings, 1)
        buttons = QHBoxLayout()
        self.rebook = QPushButton(translate("SyncPanel", "&Rebook at this time"), detail)
        self.cancel = QPushButton(translate("SyncPanel", "&Cancel booking"), detail)
        for button in (self.rebook, self.cancel):
            button.setAccessibleName(button.text().replace("&", ""))
            buttons.addWidget(button)
        self.rebook.clicked.connect(lambda: self._rebook_item(self.openings.currentItem()))
        self.cancel.clicked.connect(self._cancel)
        box.addLayout(buttons)
        notes = QHBoxLayout()
        self.note = QLineEdit(detail)
        self.note.setPlaceholderText(
            translate("SyncPanel", "Note, e.g. called the patient, left a message")
        )
        self.note.setAccessibleName(translate("SyncPanel", "Note"))
        self.save_note = QPushButton(translate("SyncPanel", "Save &note"), detail)
        self.save_note.setAccessibleName(translate("SyncPanel", "Save note"))
        self.note.returnPressed.connect(self._note)
        self.save_note.clicked.connect(self._note)
        notes.addWidget(self.note, 1)
        notes.addWidget(self.save_note)
        box.addLayout(notes)
        self.message = rich_label(detail)
        box.addWidget(self.message)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)

    def _build_clash(self, parent: QWidget) -> QWidget:
        """Both versions of a booking changed here and remotely at once, and the choice."""
        self.clash_box = QWidget(parent)
        self.clash_box.setAccessibleName(translate("SyncPanel", "Changed in two places"))
        box = QVBoxLayout(self.clash_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.clash_table = QLabel(self.clash_box)
        self.clash_table.setTextFormat(Qt.TextFormat.RichText)
        self.clash_table.setAccessibleName(
            translate("SyncPanel", "The desk's and the booking system's versions")
        )
        box.addWidget(self.clash_table)
        buttons = QHBoxLayout()
        self.keep_ours = QPushButton(
            translate("SyncPanel", "&Keep the desk's version"), self.clash_box
        )
        self.take_theirs = QPushButton(
            translate("SyncPanel", "&Take the booking system's version"), self.clash_box
        )
        for button in (self.keep_ours, self.take_theirs):
            button.setAccessibleName(button.text().replace("&", ""))
            buttons.addWidget(button)
        buttons.addStretch(1)
        box.addLayout(buttons)
        self.keep_ours.clicked.connect(lambda: self._settle_clash(sync_status.keep_ours))
        self.take_theirs.clicked.connect(lambda: self._settle_clash(sync_status.take_theirs))
        self.clash_box.hide()
        return self.clash_box

    def fill(self, bookings: list[Booking], zone: str) -> None:
        self.zone = zone
        fill_tree(
            self.tree,
            [
                (b.id, [when_text(b, zone), b.patient_name, b.patient_phone, reason_words(b)], None)
                for b in bookings
            ],
        )

    def selected(self) -> Booking | None:
        item = self.tree.currentItem()
        booking_id = item.data(0, ID_ROLE) if item is not None else None
        return self.context.reads.booking(str(booking_id)) if booking_id else None

    def picked(self) -> None:
        booking = self.selected()
        self.openings.clear()
        self.message.clear()
        for widget in (self.rebook, self.cancel, self.note, self.save_note):
            widget.setEnabled(booking is not None)
        hint = Tones.of(self.palette()).hint
        if booking is None:
            self.reason.setText(span(translate("SyncPanel", "Nothing needs attention."), hint))
            self._show_clash([])
            return
        code = html.escape(booking.problem_code or "")
        self.reason.setText(
            f"<b>{html.escape(booking.patient_name)}</b> · {html.escape(booking.patient_phone)}"
            f"<br>{html.escape(reason_words(booking))} {span(code, hint, small=True)}"
        )
        clash = sync_status.clash(self.context, booking)
        self._show_clash(clash)
        if clash or not self.panel.isVisible():
            return  # the openings are worked out when someone looks (and only for refusals)
        try:
            found = sync_status.nearest_openings(self.context, booking)
        except Exception:
            log.exception("finding openings failed")
            found = []
        names = {
            r.id: r.name for r in self.context.booking.catalog_for(booking.connection_id).resources
        }
        shown = everything(self.context, with_hidden=True)  # named as the day view names them
        for opening in found:
            start = to_local(opening.start, self.zone)
            column = column_of(shown, (booking.connection_id, opening.resource_id))
            where = (
                column.name
                if column is not None and is_clinic(column)
                else names.get(opening.resource_id, opening.resource_id)
            )
            item = QListWidgetItem(f"{dates.moment(start)} · {where}", self.openings)
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
            f"<tr><td>{html.escape(translate('SyncPanel', part.capitalize()))}</td>"
            f"<td><b>{html.escape(ours)}</b></td>"
            f"<td><b>{html.escape(theirs)}</b></td></tr>"
            for part, ours, theirs in rows
        )
        ours = html.escape(translate("SyncPanel", "This desk"))
        theirs = html.escape(translate("SyncPanel", "Booking system"))
        self.clash_table.setText(
            "<table cellspacing='0' cellpadding='3'><tr><th></th>"
            f"<th align='left'>{ours}</th><th align='left'>{theirs}</th></tr>{cells}</table>"
        )

    def _make(self, booking_id: str, work: Callable[[], object], send: bool = True) -> None:
        """A person's decision, made on the desk's change runner; then the panel hears it."""

        def done(_result: object) -> None:
            self.changed.emit(booking_id)
            if send:
                self.sendSoon.emit()

        ops_for(self, self.context).run(
            work,
            lambda _result: [booking_id],
            done,
            lambda refused: self.message.setText(verdicts_html(refused.verdicts)),
            lambda _why: self.message.setText(
                translate("SyncPanel", "The desk could not save this; try again.")
            ),
        )

    def _settle_clash(self, how: Callable[[AppContext, str], None]) -> None:
        booking = self.selected()
        if booking is not None:
            booking_id = booking.id
            self._make(booking_id, lambda: how(self.context, booking_id))

    def _rebook_item(self, item: QListWidgetItem | None) -> None:
        from frontdesk.app.openings import Opening  # the openings' module: when first used

        booking = self.selected()
        opening = item.data(ID_ROLE) if item is not None else None
        if booking is None or not isinstance(opening, Opening):
            return
        booking_id = booking.id
        self._make(
            booking_id,
            lambda: self.context.booking.reschedule(booking_id, opening.start, opening.resource_id),
        )

    def _cancel(self) -> None:
        booking = self.selected()
        if booking is not None:
            booking_id = booking.id
            self._make(
                booking_id,
                lambda: self.context.booking.cancel(booking_id, "refused by the booking system"),
            )

    def _note(self) -> None:
        booking = self.selected()
        text = self.note.text()
        if booking is None or not text.strip():
            return
        booking_id = booking.id
        self.note.clear()
        self.message.setText(
            span(translate("SyncPanel", "Note saved."), Tones.of(self.palette()).hint)
        )
        self._make(booking_id, lambda: sync_status.add_note(self.context, booking_id, text), False)

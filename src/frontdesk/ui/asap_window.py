"""The ASAP list window (F9): every patient waiting for an earlier time, the earliest "until"
first, filtered as the receptionist types (a name, phone, service or note); add, edit (Enter
or a double-click), remove, and remove the expired ones (shown greyed) all at once. It stays
open beside the calendar (not modal) and re-reads the list whenever any desk changes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app import asap
from frontdesk.app.asap_words import Names, names, wishes
from frontdesk.domain import dates
from frontdesk.domain.asap import AsapEntry
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, plural, translate
from frontdesk.ui.asap_entry import AsapEntryDialog
from frontdesk.ui.desk_ops import ops_for

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext


def _counts() -> None:  # for lupdate: the counted sentences (never called)
    translate("AsapWindow", "%n patient(s) waiting", None, 1)
    translate("AsapWindow", "; %n hidden by the filter", None, 1)
    translate("AsapWindow", "; %n expired (greyed)", None, 1)
    translate("AsapWindow", "Remove %n expired patient(s) from the ASAP list?", None, 1)
    translate("AsapWindow", "%n patient(s) removed from the list.", None, 1)


ENTRY_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = [
    QT_TRANSLATE_NOOP("AsapWindow", "Patient"),
    QT_TRANSLATE_NOOP("AsapWindow", "Phone"),
    QT_TRANSLATE_NOOP("AsapWindow", "Service"),
    QT_TRANSLATE_NOOP("AsapWindow", "With"),
    QT_TRANSLATE_NOOP("AsapWindow", "Can come"),
    QT_TRANSLATE_NOOP("AsapWindow", "Until"),
    QT_TRANSLATE_NOOP("AsapWindow", "Note"),
    QT_TRANSLATE_NOOP("AsapWindow", "Added"),
]


class AsapListDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(translate("AsapWindow", "ASAP list"))
        self.setAccessibleName(translate("AsapWindow", "ASAP list"))
        self.resize(980, 440)
        layout = QVBoxLayout(self)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(
            translate("AsapWindow", "Filter: name, phone, service or note")
        )
        self.filter.setAccessibleName(translate("AsapWindow", "Filter the ASAP list"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._show)
        layout.addWidget(self.filter)
        self.table = QTreeWidget(self)
        self.table.setHeaderLabels([translate("AsapWindow", c) for c in COLUMNS])
        self.table.setAccessibleName(
            translate("AsapWindow", "Patients waiting for an earlier time")
        )
        self.table.setRootIsDecorated(False)
        self.table.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.table.itemActivated.connect(lambda item, _col: self.edit(item.data(0, ENTRY_ROLE)))
        layout.addWidget(self.table, 1)
        self.count = QLabel("", self)
        layout.addWidget(self.count)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(translate("AsapWindow", "&Add…"), self)
        self.add_button.clicked.connect(lambda: self.add())
        self.edit_button = QPushButton(translate("AsapWindow", "&Edit…"), self)
        self.edit_button.clicked.connect(lambda: self.edit(self._current()))
        self.remove_button = QPushButton(translate("AsapWindow", "&Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.expired_button = QPushButton(translate("AsapWindow", "Remove e&xpired"), self)
        self.expired_button.clicked.connect(self.remove_expired)
        close = QPushButton(translate("AsapWindow", "Close"), self)
        close.clicked.connect(self.close)
        for button in (self.add_button, self.edit_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addWidget(self.expired_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected)
        self.entries: list[AsapEntry] = []
        self.names: Names = Names()
        self.reread()

    # -- reading -----------------------------------------------------------------------
    def reread(self) -> None:
        """Read the list again (a desk changed it)."""
        self.names = names(self.context)
        self.entries = asap.entries(self.context)
        self._show()

    def _matches(self, entry: AsapEntry, typed: str) -> bool:
        if not typed:
            return True
        service = self.names.service(entry.connection_id, entry.service_id)
        text = " ".join((entry.patient_name, entry.patient_phone, service, entry.note))
        digits = "".join(ch for ch in typed if ch.isdigit())
        return typed.casefold() in text.casefold() or (
            len(digits) >= 3 and digits in "".join(ch for ch in entry.patient_phone if ch.isdigit())
        )

    def _show(self) -> None:
        keep = {e.id for e in self.selected()}
        typed = self.filter.text().strip()
        today = asap.today(self.context)
        grey = QBrush(self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text))
        zone = self.context.clinic_zone
        self.table.clear()
        shown = [e for e in self.entries if self._matches(e, typed)]
        for entry in shown:
            added = to_local(entry.added_at, zone)
            item = QTreeWidgetItem(
                [
                    entry.patient_name,
                    entry.patient_phone,
                    self.names.service(entry.connection_id, entry.service_id),
                    self.names.resource(entry.connection_id, entry.resource_id),
                    wishes(entry)
                    + (
                        translate("AsapWindow", " (earlier than their booking)")
                        if entry.booking_id
                        else ""
                    ),
                    dates.short_day(entry.until) + f" {entry.until.year}",
                    entry.note,
                    translate("AsapWindow", "{day} by {who}").format(
                        day=dates.day_month(added), who=entry.added_by
                    ),
                ]
            )
            item.setData(0, ENTRY_ROLE, entry)
            if entry.expired(today):
                for column in range(len(COLUMNS)):
                    item.setForeground(column, grey)
                item.setToolTip(
                    0, translate("AsapWindow", "Expired: the patient's last day has passed")
                )
            self.table.addTopLevelItem(item)
            item.setSelected(entry.id in keep)
        for column in range(len(COLUMNS) - 1):
            self.table.resizeColumnToContents(column)
        stale = asap.expired(self.context, self.entries)
        self.expired_button.setText(
            translate("AsapWindow", "Remove e&xpired ({count})").format(count=len(stale))
        )
        self.expired_button.setEnabled(bool(stale))
        hidden = len(self.entries) - len(shown)
        self.count.setText(
            plural("AsapWindow", "%n patient(s) waiting", len(self.entries))
            + (plural("AsapWindow", "; %n hidden by the filter", hidden) if hidden else "")
            + (plural("AsapWindow", "; %n expired (greyed)", len(stale)) if stale else "")
        )

    def selected(self) -> list[AsapEntry]:
        return [i.data(0, ENTRY_ROLE) for i in self.table.selectedItems()]

    def _current(self) -> AsapEntry | None:
        item = self.table.currentItem()
        return None if item is None else item.data(0, ENTRY_ROLE)

    # -- changing ------------------------------------------------------------------------
    def add(self, form: asap.AsapForm | None = None) -> AsapEntryDialog:
        dialog = AsapEntryDialog(self.context, self, form=form)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()
        return dialog

    def edit(self, entry: AsapEntry | None) -> AsapEntryDialog | None:
        if entry is None:
            return None
        dialog = AsapEntryDialog(self.context, self, entry=entry)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()
        return dialog

    def remove_selected(self) -> None:
        chosen = self.selected()
        if chosen:
            self._remove(chosen, "removed from the list")

    def remove_expired(self) -> None:
        stale = asap.expired(self.context, self.entries)
        if not stale:
            return
        asked = QMessageBox(
            QMessageBox.Icon.Question,
            translate("AsapWindow", "Remove expired entries"),
            plural("AsapWindow", "Remove %n expired patient(s) from the ASAP list?", len(stale)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        if asked.exec() != QMessageBox.StandardButton.Yes.value:
            return
        self._remove(stale, "expired")

    def _remove(self, chosen: list[AsapEntry], why: str) -> None:
        context = self.context
        ops_for(self, context).run(
            lambda: asap.remove(context, chosen, why),
            lambda _n: ["#" + asap.TOPIC],
            lambda n: self.count.setText(
                plural("AsapWindow", "%n patient(s) removed from the list.", n)
            ),
            failed=lambda _e: self.count.setText(
                translate("AsapWindow", "Not removed: the desk could not save it.")
            ),
        )

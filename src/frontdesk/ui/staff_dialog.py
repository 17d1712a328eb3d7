"""File ▸ Staff (an administrator's): who may sign in, their role and when they last did; add a
member, reset a member's PIN, disable or enable a member (``app.staff``; each change goes into
the audit trail under the administrator's name). The last active administrator cannot be
disabled. PINs are typed twice and never shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app.desk import clinic_zone
from frontdesk.app.staff import NotAllowed, Role, StaffMember, StaffRefused
from frontdesk.domain import dates
from frontdesk.domain.timeutil import to_local, utc_now
from frontdesk.domain.translation import translate
from frontdesk.ui.lock_screen import pin_field
from frontdesk.ui.theme import Tones, mark_hint

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext


class StaffDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session = context.staff
        self.setProperty("adminOnly", True)
        self.setWindowTitle(translate("Staff", "Staff"))
        self.setAccessibleName(translate("Staff", "Staff"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [
                translate("Staff", "Name"),
                translate("Staff", "Role"),
                translate("Staff", "May sign in"),
                translate("Staff", "Last signed in"),
            ]
        )
        self.table.setAccessibleName(translate("Staff", "Staff members"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected_changed)
        layout.addWidget(self.table, 1)

        chosen = QGroupBox(translate("Staff", "The selected member"), self)
        row = QHBoxLayout(chosen)
        self.reset_pin = pin_field(chosen, translate("Staff", "New PIN"))
        self.reset_again = pin_field(chosen, translate("Staff", "New PIN again"))
        row.addWidget(QLabel(translate("Staff", "New PIN"), chosen))
        row.addWidget(self.reset_pin)
        row.addWidget(QLabel(translate("Staff", "again"), chosen))
        row.addWidget(self.reset_again)
        self.reset_button = QPushButton(translate("Staff", "&Reset PIN"), chosen)
        self.reset_button.clicked.connect(self.reset_selected)
        row.addWidget(self.reset_button)
        self.disable_button = QPushButton(translate("Staff", "&Disable"), chosen)
        self.disable_button.clicked.connect(self.toggle_selected)
        row.addWidget(self.disable_button)
        layout.addWidget(chosen)

        adding = QGroupBox(translate("Staff", "Add a staff member"), self)
        form = QFormLayout(adding)
        self.new_name = QLineEdit(adding)
        self.new_name.setAccessibleName(translate("Staff", "New member's name"))
        self.new_role = QComboBox(adding)
        self.new_role.setAccessibleName(translate("Staff", "Role"))
        self.new_role.addItem(
            translate("Staff", "Staff: books and changes appointments"), Role.STAFF.value
        )
        self.new_role.addItem(
            translate("Staff", "Administrator: also staff, connections, settings, audit trail"),
            Role.ADMIN.value,
        )
        self.new_pin = pin_field(adding, translate("Staff", "PIN"))
        self.new_again = pin_field(adding, translate("Staff", "PIN again"))
        form.addRow(translate("Staff", "&Name"), self.new_name)
        form.addRow(translate("Staff", "R&ole"), self.new_role)
        form.addRow(translate("Staff", "&PIN (4 to 12 digits)"), self.new_pin)
        form.addRow(translate("Staff", "PIN a&gain"), self.new_again)
        self.add_button = QPushButton(translate("Staff", "&Add"), adding)
        self.add_button.clicked.connect(self.add)
        form.addRow("", self.add_button)
        layout.addWidget(adding)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("Staff", "Staff message"))
        layout.addWidget(self.message)
        note = QLabel(
            translate(
                "Staff",
                "Each change is recorded in the audit trail. A member who typed too many wrong "
                "PINs waits; a PIN reset ends the wait.",
            ),
            self,
        )
        note.setWordWrap(True)
        mark_hint(note)
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 520)
        self.refresh()

    # -- reading ----------------------------------------------------------------------------
    def refresh(self, keep: str | None = None) -> None:
        members = self.session.staff()
        self.members = members
        zone = clinic_zone(self.context)
        now = utc_now()
        self.table.setRowCount(len(members))
        for row, member in enumerate(members):
            status = (
                translate("Staff", "No (disabled)")
                if member.disabled
                else translate("Staff", "Yes")
            )
            if not member.disabled and member.locked_until and member.locked_until > now:
                until = dates.clock(to_local(member.locked_until, zone), seconds=True)
                status = translate("Staff", "Waits until {time}").format(time=until)
            last = member.last_sign_in
            cells = (
                member.name,
                translate("Staff", "Administrator")
                if member.admin
                else translate("Staff", "Staff"),
                status,
                dates.moment(to_local(last, zone), year=True)
                if last
                else translate("Staff", "never"),
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if member.name == keep:
                self.table.selectRow(row)
        self._selected_changed()

    def selected(self) -> StaffMember | None:
        rows = self.table.selectionModel().selectedRows()
        return self.members[rows[0].row()] if rows else None

    def select(self, name: str) -> None:
        for row, member in enumerate(self.members):
            if member.name.casefold() == name.casefold():
                self.table.selectRow(row)

    def _selected_changed(self) -> None:
        member = self.selected()
        for widget in (self.reset_pin, self.reset_again, self.reset_button, self.disable_button):
            widget.setEnabled(member is not None)
        self.disable_button.setText(
            translate("Staff", "&Enable")
            if member and member.disabled
            else translate("Staff", "&Disable")
        )

    def say(self, text: str, error: bool = False) -> None:
        color = Tones.of(self.palette()).error.name() if error else ""
        self.message.setStyleSheet(f"color: {color}" if color else "")
        self.message.setText(text)

    # -- changing ---------------------------------------------------------------------------
    def add(self) -> StaffMember | None:
        if self.new_pin.text() != self.new_again.text():
            self.say(
                translate("Staff", "The two PINs differ; type the same PIN twice."), error=True
            )
            return None
        role = Role(str(self.new_role.currentData()))
        try:
            member = self.session.add_staff(self.new_name.text(), role, self.new_pin.text())
        except (StaffRefused, NotAllowed) as refused:
            self.say(str(refused), error=True)
            return None
        for field in (self.new_name, self.new_pin, self.new_again):
            field.clear()
        self.refresh(keep=member.name)
        self.say(
            translate("Staff", "{name} added; they sign in with their name and PIN.").format(
                name=member.name
            )
        )
        return member

    def reset_selected(self) -> bool:
        member = self.selected()
        if member is None:
            return False
        if self.reset_pin.text() != self.reset_again.text():
            self.say(
                translate("Staff", "The two PINs differ; type the same PIN twice."), error=True
            )
            return False
        try:
            self.session.reset_pin(member.name, self.reset_pin.text())
        except (StaffRefused, NotAllowed) as refused:
            self.say(str(refused), error=True)
            return False
        self.reset_pin.clear()
        self.reset_again.clear()
        self.refresh(keep=member.name)
        self.say(translate("Staff", "{name}'s PIN was reset.").format(name=member.name))
        return True

    def toggle_selected(self) -> bool:
        member = self.selected()
        if member is None:
            return False
        try:
            changed = self.session.set_disabled(member.name, not member.disabled)
        except (StaffRefused, NotAllowed) as refused:
            self.say(str(refused), error=True)
            return False
        self.refresh(keep=changed.name)
        words = (
            translate("Staff", "{name} may no longer sign in.")
            if changed.disabled
            else translate("Staff", "{name} may sign in again.")
        )
        self.say(words.format(name=changed.name))
        return True

    def keyPressEvent(self, event: object) -> None:  # Enter in a field adds, not closes
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.new_name.hasFocus() or self.new_pin.hasFocus() or self.new_again.hasFocus():
                self.add()
                return
            if self.reset_pin.hasFocus() or self.reset_again.hasFocus():
                self.reset_selected()
                return
        super().keyPressEvent(event)  # type: ignore[arg-type]

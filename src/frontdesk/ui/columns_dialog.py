"""View ▸ Clinic columns: the clinic's providers, chairs and rooms (name, kind, colour, order,
hidden), which column each booking system's resource is shown in, and the saved views.

Anyone may look; only an administrator may change (``app.columns.save`` refuses others too).
The dialog edits a copy of the setup and saves it whole on the desk's change runner; a refusal
(a field, or another desk saved meanwhile) is said under the tabs and what was typed stays.
Sized for a 1366×768 screen.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app import columns as clinic_columns
from frontdesk.app.desk import ResourceInfo, ResourceKey
from frontdesk.domain.columns import (
    KIND_WORDS,
    ClinicColumn,
    ColumnKind,
    ColumnSetup,
    ColumnView,
)
from frontdesk.domain.translation import translate
from frontdesk.ui.column_views_tab import ID, ViewsTab, buttons, swatch
from frontdesk.ui.theme import mark_hint

OWN = ""  # a resource shown as its own column


class ColumnsDialog(QDialog):
    saveRequested = Signal(object)  # the edited ColumnSetup

    def __init__(
        self,
        found: ColumnSetup,
        api: Sequence[ResourceInfo],
        may_edit: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Columns", "Clinic columns"))
        self.setAccessibleName(translate("Columns", "Clinic columns"))
        self.setProperty("adminOnly", may_edit)
        self.api = list(api)
        self.revision = found.revision
        self.columns: list[ClinicColumn] = list(found.columns)
        self.mapping: dict[ResourceKey, str] = dict(found.mapping)
        self.views: list[ColumnView] = list(found.views)
        self.may_edit = may_edit
        self._rendering = False
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._columns_tab(), translate("Columns", "&Columns"))
        self.tabs.addTab(self._resources_tab(), translate("Columns", "&Booking systems' resources"))
        self.views_tab = ViewsTab(self)
        self.view_list, self.view_columns = self.views_tab.view_list, self.views_tab.view_columns
        self.tabs.addTab(self.views_tab, translate("Columns", "&Views"))
        self.tabs.currentChanged.connect(lambda _i: self.show_copy())
        layout.addWidget(self.tabs, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("Columns", "What happened"))
        layout.addWidget(self.message)
        if not may_edit:
            self.message.setText(
                translate("Columns", "Only an administrator can change the clinic's columns.")
            )
            mark_hint(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for button in self.findChildren(QPushButton):
            if button.property("edits"):
                button.setEnabled(may_edit)
        self.save_button.setEnabled(may_edit)
        self.show_copy()
        self.resize(880, 560)

    # -- building -------------------------------------------------------------------------
    def _columns_tab(self) -> QWidget:
        tab = QWidget(self)
        row = QHBoxLayout(tab)
        self.table = QTableWidget(0, 4, tab)
        self.table.setAccessibleName(translate("Columns", "The clinic's columns, in order"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("Columns", "Name"),
                translate("Columns", "Kind"),
                translate("Columns", "Colour"),
                translate("Columns", "Hidden"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._column_item_changed)
        self.table.cellDoubleClicked.connect(
            lambda r, c: self.pick_color(r) if c == 2 and self.may_edit else None
        )
        row.addWidget(self.table, 1)
        side = QVBoxLayout()
        add, remove, up, down, colour, each = buttons(
            tab,
            side,
            [
                translate("Columns", "&Add"),
                translate("Columns", "&Remove"),
                translate("Columns", "Move &up"),
                translate("Columns", "Move do&wn"),
                translate("Columns", "C&olour…"),
                translate("Columns", "A column for &each"),
            ],
        )
        each.setToolTip(
            translate("Columns", "A column of its own for each resource no column shows yet")
        )
        add.clicked.connect(self.add_column)
        remove.clicked.connect(lambda: self.remove_column(self.table.currentRow()))
        up.clicked.connect(lambda: self.move_column(self.table.currentRow(), -1))
        down.clicked.connect(lambda: self.move_column(self.table.currentRow(), 1))
        colour.clicked.connect(lambda: self.pick_color(self.table.currentRow()))
        each.clicked.connect(self.column_for_each)
        row.addLayout(side)
        return tab

    def _resources_tab(self) -> QWidget:
        tab = QWidget(self)
        box = QVBoxLayout(tab)
        note = QLabel(
            "Each booking system's provider, room or calendar is shown in the clinic's column "
            "chosen here; several may share one (a dentist on two booking systems).",
            tab,
        )
        note.setWordWrap(True)
        box.addWidget(note)
        self.resources = QTableWidget(0, 3, tab)
        self.resources.setAccessibleName(
            translate("Columns", "Which column each resource is shown in")
        )
        self.resources.setHorizontalHeaderLabels(
            [
                translate("Columns", "Booking system"),
                translate("Columns", "Resource"),
                translate("Columns", "Shown in"),
            ]
        )
        self.resources.verticalHeader().hide()
        self.resources.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resources.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        box.addWidget(self.resources, 1)
        return tab

    # -- showing the copy ----------------------------------------------------------------
    def show_copy(self) -> None:
        self._rendering = True
        try:
            self._render_columns()
            self._render_resources()
            self.views_tab.show_views()
        finally:
            self._rendering = False

    def _render_columns(self) -> None:
        current = self.table.currentRow()
        self.table.setRowCount(len(self.columns))
        for n, column in enumerate(self.columns):
            name = QTableWidgetItem(column.name)
            name.setData(ID, column.id)
            self.table.setItem(n, 0, name)
            kind = QComboBox(self.table)
            kind.setAccessibleName(translate("Columns", "Kind of {name}").format(name=column.name))
            for value, words in KIND_WORDS.items():
                kind.addItem(translate("Columns", words), value.value)
            kind.setCurrentIndex(kind.findData(column.kind.value))
            kind.setEnabled(self.may_edit)
            kind.currentIndexChanged.connect(
                lambda _i, n=n, box=kind: self._set(n, kind=ColumnKind(box.currentData()))
            )
            self.table.setCellWidget(n, 1, kind)
            colour = QTableWidgetItem(column.color or translate("Columns", "(none)"))
            colour.setIcon(swatch(column.color))
            colour.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(n, 2, colour)
            hidden = QTableWidgetItem()
            hidden.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            hidden.setCheckState(
                Qt.CheckState.Checked if column.hidden else Qt.CheckState.Unchecked
            )
            self.table.setItem(n, 3, hidden)
            if not self.may_edit:
                name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                hidden.setFlags(Qt.ItemFlag.ItemIsEnabled)
        if 0 <= current < len(self.columns):
            self.table.setCurrentCell(current, 0)

    def _render_resources(self) -> None:
        self.resources.setRowCount(len(self.api))
        for n, resource in enumerate(self.api):
            self.resources.setItem(n, 0, QTableWidgetItem(resource.connection_name))
            self.resources.setItem(n, 1, QTableWidgetItem(resource.name))
            choice = QComboBox(self.resources)
            choice.setAccessibleName(
                translate("Columns", "Column of {name}").format(name=resource.name)
            )
            choice.addItem(translate("Columns", "Its own column"), OWN)
            for column in self.columns:
                choice.addItem(swatch(column.color), column.name, column.id)
            choice.setCurrentIndex(max(0, choice.findData(self.mapping.get(resource.key, OWN))))
            choice.setEnabled(self.may_edit)
            choice.currentIndexChanged.connect(
                lambda _i, key=resource.key, box=choice: self.map_resource(key, box.currentData())
            )
            self.resources.setCellWidget(n, 2, choice)

    # -- editing the copy ----------------------------------------------------------------
    def _set(self, row: int, **changes: object) -> None:
        if 0 <= row < len(self.columns):
            self.columns[row] = replace(self.columns[row], **changes)  # type: ignore[arg-type]

    def _column_item_changed(self, item: QTableWidgetItem) -> None:
        if self._rendering:
            return
        if item.column() == 0:
            self._set(item.row(), name=item.text())
        elif item.column() == 3:
            self._set(item.row(), hidden=item.checkState() == Qt.CheckState.Checked)

    def add_column(self, name: str = "", kind: ColumnKind = ColumnKind.PROVIDER) -> ClinicColumn:
        taken = {c.name.casefold() for c in self.columns}
        n = len(self.columns) + 1
        while not name and f"new column {n}" in taken:
            n += 1
        column = ClinicColumn(
            clinic_columns.new_id(),
            name or translate("Columns", "New column {n}").format(n=n),
            kind,
        )
        self.columns.append(column)
        self.show_copy()
        self.table.setCurrentCell(len(self.columns) - 1, 0)
        item = self.table.item(len(self.columns) - 1, 0)
        if not name and self.isVisible() and item is not None:
            self.table.editItem(item)
        return column

    def remove_column(self, row: int) -> None:
        if 0 <= row < len(self.columns):
            gone = self.columns.pop(row).id
            self.mapping = {k: v for k, v in self.mapping.items() if v != gone}
            self.views = [
                replace(v, columns=tuple(c for c in v.columns if c != gone)) for v in self.views
            ]
            self.show_copy()

    def move_column(self, row: int, step: int) -> None:
        to = row + step
        if 0 <= row < len(self.columns) and 0 <= to < len(self.columns):
            self.columns.insert(to, self.columns.pop(row))
            self.show_copy()
            self.table.setCurrentCell(to, 0)

    def set_color(self, row: int, color: str | None) -> None:
        self._set(row, color=color)
        self.show_copy()

    def pick_color(self, row: int) -> None:
        if 0 <= row < len(self.columns):
            old = self.columns[row].color
            chosen = QColorDialog.getColor(
                QColor(old or "#1a73e8"), self, translate("Columns", "Column colour")
            )
            if chosen.isValid():
                self.set_color(row, chosen.name())

    def column_for_each(self) -> None:
        found = clinic_columns.with_unmapped(self.setup(), self.api)
        self.columns, self.mapping = list(found.columns), dict(found.mapping)
        self.show_copy()

    def map_resource(self, key: ResourceKey, column_id: str) -> None:
        if self._rendering:
            return
        if column_id == OWN:
            self.mapping.pop(key, None)
        else:
            self.mapping[key] = column_id

    def add_view(self, name: str = "", column_ids: Sequence[str] = ()) -> ColumnView:
        return self.views_tab.add_view(name, column_ids)

    # -- saving --------------------------------------------------------------------------
    def setup(self) -> ColumnSetup:
        """The setup as edited here."""
        return ColumnSetup(
            tuple(self.columns), dict(self.mapping), tuple(self.views), self.revision
        )

    def save(self) -> None:
        self.message.setText(translate("Columns", "Saving…"))
        self.save_button.setEnabled(False)
        self.saveRequested.emit(self.setup())

    def refused(self, why: str) -> None:
        self.message.setText(why)
        self.save_button.setEnabled(self.may_edit)

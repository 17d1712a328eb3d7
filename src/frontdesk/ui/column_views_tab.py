"""The Views tab of View ▸ Clinic columns: the saved views in order (renamed in place), and
the columns of the one picked, ticked and ordered. Edits the dialog's copy of the setup (its
``views``); "Everything" is not listed: it always exists."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app import columns as clinic_columns
from frontdesk.domain.columns import ColumnView
from frontdesk.domain.translation import translate

if TYPE_CHECKING:
    from frontdesk.ui.columns_dialog import ColumnsDialog

ID = Qt.ItemDataRole.UserRole


def swatch(color: str | None) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color) if color else Qt.GlobalColor.transparent)
    return QIcon(pixmap)


def buttons(parent: QWidget, layout: QVBoxLayout, names: Sequence[str]) -> list[QPushButton]:
    made = []
    for name in names:
        button = QPushButton(name, parent)
        button.setProperty("edits", True)
        layout.addWidget(button)
        made.append(button)
    layout.addStretch(1)
    return made


class ViewsTab(QWidget):
    """The views of the dialog's copy, and the picked view's columns."""

    def __init__(self, owner: ColumnsDialog) -> None:
        super().__init__(owner)
        self.owner = owner
        self.rendering = False
        row = QHBoxLayout(self)
        left = QVBoxLayout()
        left.addWidget(
            QLabel(
                translate("Columns", "Views (\u201cEverything\u201d always exists, first)"), self
            )
        )
        self.view_list = QListWidget(self)
        self.view_list.setAccessibleName(translate("Columns", "Saved views"))
        self.view_list.currentRowChanged.connect(lambda _r: self._render_view_columns())
        self.view_list.itemChanged.connect(self._view_renamed)
        left.addWidget(self.view_list, 1)
        row.addLayout(left, 1)
        side = QVBoxLayout()
        add, remove, up, down = buttons(
            self,
            side,
            [
                translate("Columns", "A&dd view"),
                translate("Columns", "Remo&ve view"),
                translate("Columns", "Up"),
                translate("Columns", "Down"),
            ],
        )
        add.clicked.connect(self.add_view)
        remove.clicked.connect(lambda: self.remove_view(self.view_list.currentRow()))
        up.clicked.connect(lambda: self.move_view(self.view_list.currentRow(), -1))
        down.clicked.connect(lambda: self.move_view(self.view_list.currentRow(), 1))
        row.addLayout(side)
        right = QVBoxLayout()
        right.addWidget(
            QLabel(translate("Columns", "Its columns (tick; drag or Up/Down to order)"), self)
        )
        self.view_columns = QListWidget(self)
        self.view_columns.setAccessibleName(translate("Columns", "The view's columns"))
        self.view_columns.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view_columns.itemChanged.connect(lambda _i: self._store_view_columns())
        self.view_columns.model().rowsMoved.connect(lambda *_a: self._store_view_columns())
        right.addWidget(self.view_columns, 1)
        row.addLayout(right, 1)
        side2 = QVBoxLayout()
        c_up, c_down = buttons(
            self, side2, [translate("Columns", "Column up"), translate("Columns", "Column down")]
        )
        c_up.clicked.connect(lambda: self.move_view_column(self.view_columns.currentRow(), -1))
        c_down.clicked.connect(lambda: self.move_view_column(self.view_columns.currentRow(), 1))
        row.addLayout(side2)

    def show_views(self) -> None:
        """The dialog's views as they are in its copy, the picked one's columns beside."""
        current = self.view_list.currentRow()
        rendering, self.rendering = self.rendering, True
        try:
            self.view_list.clear()
            for view in self.owner.views:
                item = QListWidgetItem(view.name, self.view_list)
                item.setData(ID, view.id)
                if self.owner.may_edit:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.view_list.setCurrentRow(min(max(current, 0), len(self.owner.views) - 1))
        finally:
            self.rendering = rendering
        self._render_view_columns()

    def _render_view_columns(self) -> None:
        rendering, self.rendering = self.rendering, True
        try:
            self.view_columns.clear()
            row = self.view_list.currentRow()
            if not 0 <= row < len(self.owner.views):
                return
            chosen = list(self.owner.views[row].columns)
            rest = [c.id for c in self.owner.columns if c.id not in chosen]
            by_id = {c.id: c for c in self.owner.columns}
            for cid in [*chosen, *rest]:
                column = by_id[cid]
                item = QListWidgetItem(swatch(column.color), column.name, self.view_columns)
                item.setData(ID, cid)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if self.owner.may_edit:
                    flags |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsDragEnabled
                item.setFlags(flags)
                item.setCheckState(
                    Qt.CheckState.Checked if cid in chosen else Qt.CheckState.Unchecked
                )
        finally:
            self.rendering = rendering

    def add_view(self, name: str = "", column_ids: Sequence[str] = ()) -> ColumnView:
        view = ColumnView(
            clinic_columns.new_id(),
            name or translate("Columns", "View {n}").format(n=len(self.owner.views) + 1),
        )
        self.owner.views.append(replace(view, columns=tuple(column_ids)))
        self.show_views()
        self.view_list.setCurrentRow(len(self.owner.views) - 1)
        return self.owner.views[-1]

    def remove_view(self, row: int) -> None:
        if 0 <= row < len(self.owner.views):
            del self.owner.views[row]
            self.show_views()

    def move_view(self, row: int, step: int) -> None:
        to = row + step
        if 0 <= row < len(self.owner.views) and 0 <= to < len(self.owner.views):
            self.owner.views.insert(to, self.owner.views.pop(row))
            self.show_views()
            self.view_list.setCurrentRow(to)

    def _view_renamed(self, item: QListWidgetItem) -> None:
        row = self.view_list.row(item)
        if not self.rendering and 0 <= row < len(self.owner.views):
            self.owner.views[row] = replace(self.owner.views[row], name=item.text())

    def _store_view_columns(self) -> None:
        row = self.view_list.currentRow()
        if self.rendering or not 0 <= row < len(self.owner.views):
            return
        items = [self.view_columns.item(i) for i in range(self.view_columns.count())]
        chosen = tuple(str(i.data(ID)) for i in items if i.checkState() == Qt.CheckState.Checked)
        self.owner.views[row] = replace(self.owner.views[row], columns=chosen)

    def move_view_column(self, row: int, step: int) -> None:
        to = row + step
        if 0 <= row < self.view_columns.count() and 0 <= to < self.view_columns.count():
            item = self.view_columns.takeItem(row)
            self.view_columns.insertItem(to, item)
            self.view_columns.setCurrentRow(to)
            self._store_view_columns()

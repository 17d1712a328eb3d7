"""The sync panel's lists: a tree of rows, each carrying its booking's id (column 0) and its
operation's id (column 1, None for a booking's own row) under :data:`ID_ROLE`, refilled
keeping the selected row; a booking's time as the lists show it; and the rich-text label a
tab's detail shows the picked row in."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QWidget

from frontdesk.domain import dates
from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import to_local

ID_ROLE = Qt.ItemDataRole.UserRole
Row = tuple[str, list[str], int | None]  # booking id, the columns' texts, operation id


def make_tree(parent: QWidget, name: str, headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget(parent)
    tree.setAccessibleName(name)
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    return tree


def fill_tree(tree: QTreeWidget, rows: list[Row]) -> None:
    """Show ``rows``, the same booking selected as before (else the first row)."""
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


def picked_operation(tree: QTreeWidget) -> tuple[str, int] | None:
    """The selected row's booking and operation ids."""
    item = tree.currentItem()
    if item is None:
        return None
    return str(item.data(0, ID_ROLE)), int(item.data(1, ID_ROLE))


def when_text(booking: Booking, zone: str) -> str:
    """``Sat 5 Dec 09:00`` in the desk's words."""
    return dates.moment(to_local(booking.start, zone))


def rich_label(parent: QWidget, name: str | None = None) -> QLabel:
    """A word-wrapped rich-text label (named for screen readers when ``name`` is given)."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    if name is not None:
        label.setAccessibleName(name)
    return label

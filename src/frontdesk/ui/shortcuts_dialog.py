"""Help > Keyboard shortcuts: every key the desk answers to, read from the window's own actions
(so a new action with a shortcut is listed without anyone remembering to) and the calendar's
keys that are not actions (arrows, Enter, Escape)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

# keys the calendar handles itself (not QActions)
CALENDAR_KEYS = (
    ("← / →", "Previous / next day (in the day view), or move across the week"),
    ("↑ / ↓", "Previous / next appointment"),
    ("Enter", "Open the selected appointment"),
    ("Escape", "Stop dragging an appointment (it goes back where it was)"),
    ("Double-click", "Open an appointment, or book at an empty time"),
)


def shortcut_rows(actions: list[QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a shortcut, in the order given, then the
    calendar's own keys."""
    rows: list[tuple[str, str]] = []
    seen: set[tuple[str, str]] = set()
    for action in actions:
        keys = [
            k.toString(QKeySequence.SequenceFormat.NativeText)
            for k in action.shortcuts()
            if not k.isEmpty()
        ]
        if not keys:
            continue
        what = action.statusTip() or action.text().replace("&", "").rstrip("…")
        shown = " or ".join(keys)
        if (shown, what) in seen:
            continue
        seen.add((shown, what))
        rows.append((shown, what))
    return rows + list(CALENDAR_KEYS)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.rows = shortcut_rows(actions)
        table = QTableWidget(len(self.rows), 2, self)
        table.setHorizontalHeaderLabels(["Keys", "What they do"])
        table.setAccessibleName("Keyboard shortcuts")
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        for row, (keys, what) in enumerate(self.rows):
            key_item = QTableWidgetItem(keys)
            key_item.setFlags(key_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            table.setItem(row, 0, key_item)
            table.setItem(row, 1, QTableWidgetItem(what))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table = table
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
        self.resize(560, 460)

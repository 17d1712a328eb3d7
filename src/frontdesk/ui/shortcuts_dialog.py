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

from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate

# keys the calendar handles itself (not QActions)
# (English; translated where shown)
CALENDAR_KEYS = (
    ("← / →", QT_TRANSLATE_NOOP(
        "Shortcuts", "Previous / next day (in the day view), or move across the week"
    )),
    ("↑ / ↓", QT_TRANSLATE_NOOP("Shortcuts", "Previous / next appointment")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Enter"),
     QT_TRANSLATE_NOOP("Shortcuts", "Open the selected appointment")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Escape"), QT_TRANSLATE_NOOP(
        "Shortcuts", "Stop dragging an appointment (it goes back where it was)"
    )),
    (QT_TRANSLATE_NOOP("Shortcuts", "Double-click"),
     QT_TRANSLATE_NOOP("Shortcuts", "Open an appointment, or book at an empty time")),
)  # fmt: skip


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
        shown = translate("Shortcuts", " or ").join(keys)
        if (shown, what) in seen:
            continue
        seen.add((shown, what))
        rows.append((shown, what))
    calendar = [(translate("Shortcuts", k), translate("Shortcuts", w)) for k, w in CALENDAR_KEYS]
    return rows + calendar


class ShortcutsDialog(QDialog):
    def __init__(self, actions: list[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Shortcuts", "Keyboard shortcuts"))
        self.rows = shortcut_rows(actions)
        table = QTableWidget(len(self.rows), 2, self)
        table.setHorizontalHeaderLabels(
            [translate("Shortcuts", "Keys"), translate("Shortcuts", "What they do")]
        )
        table.setAccessibleName(translate("Shortcuts", "Keyboard shortcuts"))
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

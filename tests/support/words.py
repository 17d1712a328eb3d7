"""The words a person reads on a screen, for the check that none escapes translation: the
texts of labels, buttons, group boxes, tabs, form rows, combo box items, placeholders, tips,
window titles and accessible names of a widget and its children, each with where it was
found."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

MARK = "⟦"  # what the pseudo translation puts in front of every translated word
_WORDS = re.compile(r"[^\W\d_]{2,}")  # two letters in a row: something to read


def visible_words(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every readable text of ``root`` and its visible children."""
    found: list[tuple[str, str]] = []

    def add(where: str, text: str) -> None:
        if text and _WORDS.search(text):
            found.append((where, text))

    add("window title", root.windowTitle())
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        name = type(widget).__name__
        add(f"{name} tip", widget.toolTip())
        if widget.accessibleName():
            add(f"{name} accessible name", widget.accessibleName())
        if isinstance(widget, QLabel):
            add("label", widget.text())
        elif isinstance(widget, QAbstractButton):
            add("button", widget.text())
        elif isinstance(widget, QGroupBox):
            add("group", widget.title())
        elif isinstance(widget, QLineEdit):
            add("placeholder", widget.placeholderText())
        elif isinstance(widget, QComboBox):
            for i in range(widget.count()):
                add("choice", widget.itemText(i))
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add("tab", widget.tabText(i))
    return found


def escaped(root: QWidget, data: re.Pattern[str] | None = None) -> list[tuple[str, str]]:
    """The words of ``root`` a pseudo translation did not reach, except those that are data
    (``data`` matches them: names, zones, numbers a person typed or a system sent)."""
    return [
        (where, text)
        for where, text in visible_words(root)
        if MARK not in text and not (data is not None and data.fullmatch(text))
    ]

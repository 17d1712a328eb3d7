"""The lock screen's card: the FrontDesk name, a heading, who signs in (a name and a PIN, or
the first administrator's name and PIN twice), the button, a message and a hint.

Owns the card's look and its two forms, not what signing in does: the desk's lock screen
(:mod:`frontdesk.ui.lock_screen`) and the lock screen a start paints before the desk is
loaded (:mod:`frontdesk.ui.early_lock`) both show this card. Imports only Qt and the desk's
words, so that the early one costs the start next to nothing.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.domain.translation import translate
from frontdesk.ui.theme import Tones, mark_hint

CARD_WIDTH = 400


def pin_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(12)
    field.setValidator(QRegularExpressionValidator(r"[0-9]{0,12}", field))
    field.setAccessibleName(name)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return field


class LockCard(QFrame):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFixedWidth(CARD_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        self.title = QLabel("FrontDesk", self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        form = QFormLayout()
        layout.addLayout(form)
        self.name = QComboBox(self)
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.setAccessibleName(translate("LockScreen", "Staff name"))
        self.new_name = QLineEdit(self)
        self.new_name.setAccessibleName(translate("LockScreen", "Administrator's name"))
        self.pin = pin_field(self, translate("LockScreen", "PIN"))
        self.again = pin_field(self, translate("LockScreen", "PIN again"))
        form.addRow(translate("LockScreen", "&Name"), self.name)
        form.addRow(translate("LockScreen", "&Name"), self.new_name)
        form.addRow(translate("LockScreen", "&PIN"), self.pin)
        form.addRow(translate("LockScreen", "PIN &again"), self.again)
        self._form = form
        self.button = QPushButton(translate("LockScreen", "&Unlock"), self)
        self.button.setDefault(True)
        layout.addWidget(self.button)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("LockScreen", "Sign-in message"))
        layout.addWidget(self.message)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        mark_hint(self.hint)
        layout.addWidget(self.hint)
        self.first = False

    def show_first(self) -> None:
        """The first administrator's form: nobody can sign in yet."""
        self.first = True
        self._rows(first=True)
        self.heading.setText(
            translate(
                "LockScreen",
                "Welcome. Nobody can sign in yet: create the clinic's first administrator, "
                "who then adds the other staff (File ▸ Staff).",
            )
        )
        self.button.setText(translate("LockScreen", "&Create and sign in"))

    def show_sign_in(self, names: list[str], member: str | None, reason: str = "") -> None:
        """The sign-in form: ``names`` to choose from, ``member`` the one signed in before
        (an unlock), ``reason`` what the heading says instead of the invitation."""
        self.first = False
        self._rows(first=False)
        self.heading.setText(reason or translate("LockScreen", "Sign in with your name and PIN."))
        self.button.setText(
            translate("LockScreen", "&Unlock")
            if member is not None
            else translate("LockScreen", "&Sign in")
        )
        self.name.clear()
        self.name.addItems(names)
        if member is not None:
            self.name.setCurrentText(member)
        elif self.name.count() == 1:
            self.name.setCurrentIndex(0)
        else:
            self.name.setCurrentIndex(-1)

    def show_hint(self, hint: str | None) -> None:
        self.hint.setText(hint or "")
        self.hint.setVisible(bool(hint))

    def first_field(self) -> QWidget:
        """Where typing starts: the new name, the PIN, or the name where none is chosen."""
        if self.first:
            return self.new_name
        return self.pin if self.name.currentText() else self.name

    def _rows(self, first: bool) -> None:
        self._form.setRowVisible(self.name, not first)
        self._form.setRowVisible(self.new_name, first)
        self._form.setRowVisible(self.again, first)

    def fit(self) -> None:
        """The card as tall as its wrapped words need (a box layout gives a card of wrapped
        labels only its minimum height, squeezing the fields)."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        self.setFixedHeight(layout.totalHeightForWidth(self.width()))

    def say(self, text: str, error: bool = True) -> None:
        tones = Tones.of(self.palette())
        color = tones.error.name() if error else self.palette().windowText().color().name()
        self.message.setStyleSheet(f"color: {color}")
        self.message.setText(text)
        self.fit()

"""The lock screen: what covers the whole main window while nobody is signed in or the desk is
locked. It shows no patient data: the FrontDesk name, who may sign in, a PIN field and a
message. On the first start (no staff yet) it asks for the first administrator instead.

Signing in runs ``StaffSession.sign_in`` on the desk's change runner (``ui.desk_ops``: the
scrypt check takes a moment, and the window keeps painting meanwhile, the screen saying it is
checking); a refused PIN is said in plain words; after a wrong one the button rests a second,
after a lockout until it ends (``StaffSession`` counts them in the store). ``signedIn`` is
emitted once the desk may open; :class:`~frontdesk.ui.desk_guard.DeskGuard` does the opening.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette, QRegularExpressionValidator
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

from frontdesk.app.context import AppContext
from frontdesk.app.staff import SignInRefused, StaffRefused
from frontdesk.domain.translation import translate
from frontdesk.ui.desk_ops import ops_for
from frontdesk.ui.theme import Tones, mark_hint

log = logging.getLogger("frontdesk.ui")
REST_MS = 1000  # the button rests after a wrong PIN


def pin_field(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(12)
    field.setValidator(QRegularExpressionValidator(r"[0-9]{0,12}", field))
    field.setAccessibleName(name)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return field


class LockScreen(QWidget):
    signedIn = Signal()

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.session = context.staff
        self.setObjectName("lock_screen")
        self.setAccessibleName(translate("LockScreen", "FrontDesk is locked"))
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = QFrame(self)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setFixedWidth(400)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        self.card = card
        outer.addStretch(2)
        layout = QVBoxLayout(card)
        layout.setContentsMargins(28, 24, 28, 24)
        self.title = QLabel("FrontDesk", card)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        self.heading = QLabel(card)
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        form = QFormLayout()
        layout.addLayout(form)
        self.name = QComboBox(card)
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.setAccessibleName(translate("LockScreen", "Staff name"))
        self.new_name = QLineEdit(card)
        self.new_name.setAccessibleName(translate("LockScreen", "Administrator's name"))
        self.pin = pin_field(card, translate("LockScreen", "PIN"))
        self.again = pin_field(card, translate("LockScreen", "PIN again"))
        form.addRow(translate("LockScreen", "&Name"), self.name)
        form.addRow(translate("LockScreen", "&Name"), self.new_name)
        form.addRow(translate("LockScreen", "&PIN"), self.pin)
        form.addRow(translate("LockScreen", "PIN &again"), self.again)
        self._form = form
        self.button = QPushButton(translate("LockScreen", "&Unlock"), card)
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        layout.addWidget(self.button)
        self.message = QLabel(card)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("LockScreen", "Sign-in message"))
        layout.addWidget(self.message)
        self.hint = QLabel(card)
        self.hint.setWordWrap(True)
        mark_hint(self.hint)
        layout.addWidget(self.hint)
        for field in (self.pin, self.again, self.new_name):
            field.returnPressed.connect(self.submit)
        self._rest = QTimer(self)
        self._rest.setSingleShot(True)
        self._rest.timeout.connect(lambda: self.button.setEnabled(True))
        self.first = False
        self._checking = False
        self._label = ""
        self.hide()

    # -- showing ----------------------------------------------------------------------------
    def present(self, reason: str = "") -> None:
        """Cover the window, ready for a PIN (or the first administrator)."""
        self.first = self.session.first_start
        self._rows(first=self.first)
        if self.first:
            self.heading.setText(
                translate(
                    "LockScreen",
                    "Welcome. Nobody can sign in yet: create the clinic's first administrator, "
                    "who then adds the other staff (File ▸ Staff).",
                )
            )
            self.button.setText(translate("LockScreen", "&Create and sign in"))
        else:
            member = self.session.member
            self.heading.setText(
                reason or translate("LockScreen", "Sign in with your name and PIN.")
            )
            self.button.setText(
                translate("LockScreen", "&Unlock")
                if member is not None
                else translate("LockScreen", "&Sign in")
            )
            self.name.clear()
            self.name.addItems(self.session.active_names())
            if member is not None:
                self.name.setCurrentText(member.name)
            elif self.name.count() == 1:
                self.name.setCurrentIndex(0)
            else:
                self.name.setCurrentIndex(-1)
        self.hint.setText(self.session.hint or "")
        self.hint.setVisible(bool(self.session.hint))
        self.pin.clear()
        self.again.clear()
        self.button.setEnabled(True)
        self._fit()
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        first_field = self.new_name if self.first else self.pin
        if not self.first and not self.name.currentText():
            first_field = self.name  # type: ignore[assignment]
        first_field.setFocus(Qt.FocusReason.OtherFocusReason)

    def _rows(self, first: bool) -> None:
        self._form.setRowVisible(self.name, not first)
        self._form.setRowVisible(self.new_name, first)
        self._form.setRowVisible(self.again, first)

    def _fit(self) -> None:
        """The card as tall as its wrapped words need (a box layout gives a card of wrapped
        labels only its minimum height, squeezing the fields)."""
        layout = self.card.layout()
        if layout is None:
            return
        layout.activate()
        self.card.setFixedHeight(layout.totalHeightForWidth(self.card.width()))

    def say(self, text: str, error: bool = True) -> None:
        tones = Tones.of(self.palette())
        color = tones.error.name() if error else self.palette().windowText().color().name()
        self.message.setStyleSheet(f"color: {color}")
        self.message.setText(text)
        self._fit()

    # -- signing in -------------------------------------------------------------------------
    def submit(self) -> None:
        """Check the PIN on the desk's change runner (scrypt takes a moment): the screen says
        it is checking and stays responsive; the answer comes back on the GUI thread."""
        if not self.button.isEnabled() or self.checking:
            return
        pin = self.pin.text()
        if self.first:
            if pin != self.again.text():
                self.say(translate("LockScreen", "The two PINs differ; type the same PIN twice."))
                return
            name = self.new_name.text()
            work = lambda: self.session.create_first_admin(name, pin)  # noqa: E731
        else:
            name = self.name.currentText().strip()
            if not name:
                self.say(translate("LockScreen", "Choose or type your name."))
                return
            work = lambda: self.session.sign_in(name, pin)  # noqa: E731
        self._set_checking(True)
        ops_for(self, self.context).run(
            work,
            lambda _result: [],
            self._accepted,
            failed=self._refused,
            expected=(SignInRefused, StaffRefused),
        )

    @property
    def checking(self) -> bool:
        """Whether a PIN is being checked (off the GUI thread)."""
        return self._checking

    def _set_checking(self, checking: bool) -> None:
        self._checking = checking
        for field in (self.pin, self.again, self.new_name):
            field.setReadOnly(checking)
        self.name.setEnabled(not checking)
        self.button.setEnabled(not checking)
        if checking:
            self._label = self.button.text()
            self.button.setText(translate("LockScreen", "Checking…"))
            self.say(translate("LockScreen", "Checking the PIN…"), error=False)
        elif self._label:
            self.button.setText(self._label)

    def _accepted(self, _result: object) -> None:
        self._set_checking(False)
        self.pin.clear()
        self.again.clear()
        self.message.clear()
        self.hide()
        self.signedIn.emit()

    def _refused(self, why: BaseException) -> None:
        self._set_checking(False)
        if isinstance(why, SignInRefused):
            self.pin.clear()
            self.say(str(why))
            self.button.setEnabled(False)
            self._rest.start(max(REST_MS, int(why.wait_s * 1000)))
        elif isinstance(why, StaffRefused):
            self.say(str(why))
        else:  # logged by the runner
            self.say(translate("LockScreen", "The desk could not check the PIN; try again."))
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

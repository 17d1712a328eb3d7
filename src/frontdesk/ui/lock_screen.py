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
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget

from frontdesk.app.staff import SignInRefused, StaffRefused
from frontdesk.domain.translation import translate
from frontdesk.ui.desk_ops import ops_for
from frontdesk.ui.lock_card import LockCard, pin_field

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext
    from frontdesk.app.staff import StaffSession

__all__ = ["LockScreen", "pin_field"]

log = logging.getLogger("frontdesk.ui")
REST_MS = 1000  # the button rests after a wrong PIN


class LockScreen(QWidget):
    signedIn = Signal()

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("lock_screen")
        self.setAccessibleName(translate("LockScreen", "FrontDesk is locked"))
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = LockCard(self)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        self.card = card
        outer.addStretch(2)
        # the card's parts, as the desk and its tests name them
        self.title, self.heading, self.name = card.title, card.heading, card.name
        self.new_name, self.pin, self.again = card.new_name, card.pin, card.again
        self.button, self.message, self.hint = card.button, card.message, card.hint
        self.button.clicked.connect(self.submit)
        for field in (self.pin, self.again, self.new_name):
            field.returnPressed.connect(self.submit)
        self._rest = QTimer(self)
        self._rest.setSingleShot(True)
        self._rest.timeout.connect(lambda: self.button.setEnabled(True))
        self._checking = False
        self._label = ""
        self.hide()

    @property
    def session(self) -> StaffSession:
        """Who is signed in (the context's: its store may be opened after the window)."""
        return self.context.staff

    @property
    def first(self) -> bool:
        """Whether it shows the first administrator's form."""
        return self.card.first

    # -- showing ----------------------------------------------------------------------------
    def present(self, reason: str = "") -> None:
        """Cover the window, ready for a PIN (or the first administrator)."""
        if self.session.first_start:
            self.card.show_first()
        else:
            member = self.session.member
            self.card.show_sign_in(
                self.session.active_names(), None if member is None else member.name, reason
            )
        self.card.show_hint(self.session.hint)
        self.pin.clear()
        self.again.clear()
        self.button.setEnabled(True)
        self.card.fit()
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.show()
        self.raise_()
        self.card.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def say(self, text: str, error: bool = True) -> None:
        self.card.say(text, error)

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

"""The lock screen a normal start paints first, before the desk is loaded.

A desk starts locked, so what a receptionist first sees is the lock screen. This window
shows it (the same card, :mod:`frontdesk.ui.lock_card`, with the names read ahead by
:func:`frontdesk.app.lock_peek.peek`) as soon as Qt is up, where the window will be (the
desk's remembered geometry); the launch then loads the desk and builds its window behind it,
and :meth:`EarlyLock.hand_over` gives the desk's own lock screen what was typed meanwhile (the
name, the PIN, and a press of Enter, which the desk then checks) before the desk's window takes
its place. It signs nobody in itself and shows no patient data.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QVBoxLayout, QWidget

from frontdesk import APP_NAME
from frontdesk.app.lock_peek import LockFacts
from frontdesk.domain.translation import translate
from frontdesk.ui.lock_card import LockCard

DEFAULT_SIZE = (1400, 860)  # a window's first size where the screen has room for it


def place_window(window: QMainWindow, geometry: object) -> None:
    """Put ``window`` where ``geometry`` (``saveGeometry``'s, or None) says; else at the first
    size, or over all of a smaller screen (a laptop's 1366 x 768), maximised (without a
    window manager too). The desk's window and the lock screen before it are placed alike."""
    if geometry is not None and window.restoreGeometry(geometry):  # type: ignore[arg-type]
        return
    screen = window.screen()
    room = screen.availableGeometry() if screen is not None else None
    if room is not None and (room.width() < DEFAULT_SIZE[0] or room.height() < DEFAULT_SIZE[1]):
        window.setGeometry(room)
        window.setWindowState(Qt.WindowState.WindowMaximized)
    else:
        window.resize(*DEFAULT_SIZE)


class EarlyLock(QMainWindow):
    firstPainted = Signal()

    def __init__(self, facts: LockFacts) -> None:
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.setAccessibleName(translate("LockScreen", "FrontDesk is locked"))
        cover = QWidget(self)
        cover.setAutoFillBackground(True)
        cover.setBackgroundRole(QPalette.ColorRole.Window)
        outer = QVBoxLayout(cover)
        outer.addStretch(1)
        self.card = LockCard(cover)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.setCentralWidget(cover)
        if facts.first:
            self.card.show_first()
        else:
            self.card.show_sign_in(list(facts.names), None)
        self.card.show_hint(None)
        self.card.fit()
        self.submitted = False  # Enter or the button, pressed before the desk was ready
        self.card.button.clicked.connect(self._submit)
        for field in (self.card.pin, self.card.again, self.card.new_name):
            field.returnPressed.connect(self._submit)
        self.painted = False
        self._spy = _PaintSpy(self)
        cover.installEventFilter(self._spy)
        settings = QSettings(str(facts.config_dir / "window.ini"), QSettings.Format.IniFormat)
        place_window(self, settings.value("main/geometry"))  # where the desk's window was
        self.card.first_field().setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self) -> None:
        self.submitted = True
        self.card.say(translate("LockScreen", "Opening the desk…"), error=False)

    def hand_over(self, screen: QWidget) -> None:
        """Give the desk's lock screen (``ui.lock_screen.LockScreen``, presented) what was
        typed here, take this window's place on the screen, and close: input still queued for
        this window is taken in first."""
        app = QApplication.instance()
        if app is not None:
            app.processEvents()  # keys typed while the desk was being built
        card = self.card
        theirs = getattr(screen, "card", None)
        if isinstance(theirs, LockCard) and theirs.first == card.first:
            if card.name.currentText():
                theirs.name.setCurrentText(card.name.currentText())
            for mine, its in (
                (card.new_name, theirs.new_name),
                (card.pin, theirs.pin),
                (card.again, theirs.again),
            ):
                its.setText(mine.text())
            focused = self.focusWidget()
            for mine_w, its_w in (
                (card.name, theirs.name),
                (card.new_name, theirs.new_name),
                (card.pin, theirs.pin),
                (card.again, theirs.again),
            ):
                if focused is mine_w or (focused is not None and mine_w.isAncestorOf(focused)):
                    its_w.setFocus(Qt.FocusReason.OtherFocusReason)
                    if isinstance(its_w, QLineEdit):
                        its_w.end(False)
        window = screen.window()
        window.restoreGeometry(self.saveGeometry())
        window.show()
        window.raise_()
        window.activateWindow()
        self.hide()
        self.deleteLater()
        if self.submitted and hasattr(screen, "submit"):
            screen.submit()


class _PaintSpy(QObject):
    """Notes the window's first paint (``EarlyLock.painted``)."""

    def __init__(self, window: EarlyLock) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._window.painted:
            self._window.painted = True
            self._window.firstPainted.emit()
        return False

"""Who may see and use the desk: the lock, the idle lock and the administrator's actions.

``DeskGuard`` makes the window's context a desk (``StaffSession.require_sign_in``: a change
with nobody signed in is refused), and locks the window until a member signs in, after the
clinic's idle time (``ClinicSettings.idle_lock_minutes``: no key, click, scroll or mouse move
in any of the desk's windows), and on File ▸ Lock desk (Ctrl+L). A locked window shows no
patient data: the calendar, the panels and the toolbars are hidden (not merely covered), every
other window of the desk (a booking form, a dialog, a floating panel) is hidden and comes back
when the desk is unlocked, any window opened meanwhile is hidden at once, the status bar's
message is cleared, the menus are off and every shortcut but the lock screen's is swallowed;
:class:`~frontdesk.ui.lock_screen.LockScreen` covers it all. Unlocking needs a PIN; another
member may sign in instead (the desk is then theirs; an administrator's window it had open is
closed for a member who is not one).

The administrator's actions (connections, clinic settings, staff, the audit trail) are enabled
for administrators only, and each also refuses when called otherwise (``admit``).
"""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QToolBar,
    QWidget,
)

from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.ui.lock_screen import LockScreen

if TYPE_CHECKING:
    from frontdesk.app.staff import StaffSession
    from frontdesk.ui.main_window import MainWindow

log = logging.getLogger("frontdesk.ui")

_T = QEvent.Type
ACTIVITY = frozenset({_T.KeyPress, _T.MouseButtonPress, _T.MouseMove, _T.Wheel, _T.TouchBegin})
SHORTCUTS = frozenset({_T.Shortcut, _T.ShortcutOverride})
INPUT = ACTIVITY | {_T.KeyRelease, _T.MouseButtonRelease, _T.MouseButtonDblClick}
WATCHED = INPUT | SHORTCUTS | {_T.Show, _T.Resize}
ADMIN_ACTIONS = {
    "connections_action": "change the connections",
    "settings_action": "change the clinic's settings",
    "staff_action": "manage staff",
    "audit_action": "read the audit trail",
}
# what an administrator's action says to a member who is not one (English keys above); the
# tip's note, and the status bar's refusal
TIP_NOTES = {
    "change the connections": QT_TRANSLATE_NOOP(
        "DeskGuard", "(only an administrator can change the connections)"
    ),
    "change the clinic's settings": QT_TRANSLATE_NOOP(
        "DeskGuard", "(only an administrator can change the clinic's settings)"
    ),
    "manage staff": QT_TRANSLATE_NOOP("DeskGuard", "(only an administrator can manage staff)"),
    "read the audit trail": QT_TRANSLATE_NOOP(
        "DeskGuard", "(only an administrator can read the audit trail)"
    ),
}
REFUSALS = {
    "change the connections": QT_TRANSLATE_NOOP(
        "DeskGuard", "Only an administrator can change the connections."
    ),
    "change the clinic's settings": QT_TRANSLATE_NOOP(
        "DeskGuard", "Only an administrator can change the clinic's settings."
    ),
    "manage staff": QT_TRANSLATE_NOOP("DeskGuard", "Only an administrator can manage staff."),
    "read the audit trail": QT_TRANSLATE_NOOP(
        "DeskGuard", "Only an administrator can read the audit trail."
    ),
}
LOCKED_WORDS = {
    "idle": QT_TRANSLATE_NOOP("DeskGuard", "The desk locked itself after a while without use."),
    "by hand": QT_TRANSLATE_NOOP("DeskGuard", "The desk is locked."),
}


class DeskGuard(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.started = False
        self.locked = False
        self.idle_s = window.context.settings.idle_lock_minutes * 60.0
        self._last_input = time.monotonic()
        self._hidden: list[QWidget] = []
        self._shown_bars: list[QWidget] = []
        self.screen = LockScreen(window.context, window)
        self.screen.signedIn.connect(self._opened)
        self.who = QLabel(window)
        self.who.setAccessibleName(translate("DeskGuard", "Signed in"))
        window.statusBar().addPermanentWidget(self.who)
        self._idle = QTimer(self)
        self._idle.timeout.connect(self._check_idle)
        self.set_idle_seconds(self.idle_s)
        window.when_store_open(self._start)

    @property
    def session(self) -> StaffSession:
        """Who is signed in (the context's: its store may be opened after the window)."""
        return self.window.context.staff

    def _start(self) -> None:
        """Once the store is open: the desk as whoever is signed in may see it, or locked."""
        self.started = True
        self.session.require_sign_in()
        window = self.window
        app = QApplication.instance()
        if app is not None and self.session.signed_in:
            # the first paint is the desk's: input is watched from then on (a filter on all
            # of the application's events runs Python for each, the first paint's too); the
            # lock screen's next presentation takes the window's size then
            window.first_paint.later(lambda: app.installEventFilter(self))
        elif app is not None:  # the lock screen is what is painted: watched from the start
            app.installEventFilter(self)
        if self.session.signed_in:
            self._apply_role()
        else:
            self.lock("start")

    # -- locking ----------------------------------------------------------------------------
    def set_idle_seconds(self, seconds: float) -> None:
        """Lock after ``seconds`` without input (the clinic's setting; tests use less)."""
        self.idle_s = max(0.05, seconds)
        self._idle.start(int(min(1000.0, self.idle_s * 250)))

    def lock(self, reason: str = "by hand") -> None:
        """Lock the desk now; ``reason`` goes into the audit trail (idle, by hand)."""
        if self.locked:
            return
        self.locked = True
        if reason != "start":
            try:
                self.session.lock(reason)
            except Exception:  # an unreachable store must not leave the desk open
                log.exception("the lock could not be recorded")
                self.session.locked = True
        self._conceal()
        words = LOCKED_WORDS.get(reason)
        self.screen.present(
            translate("DeskGuard", words)
            + " "
            + translate("DeskGuard", "Sign in with your name and PIN.")
            if words
            else ""
        )
        self.who.setText(translate("DeskGuard", "Locked"))

    def _conceal(self) -> None:
        window = self.window
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and self._ours_apart(widget):
                self._hide_window(widget)
        self._shown_bars = [
            w
            for w in (
                window.centralWidget(),
                *window.findChildren(QDockWidget),
                *window.findChildren(QToolBar),
            )
            if w is not None and not w.isHidden()  # shown, or to be with the window
        ]
        for widget in self._shown_bars:
            widget.hide()
        window.menuBar().setEnabled(False)
        window.statusBar().clearMessage()

    def _ours(self, obj: QObject | None, owner: QObject | None = None) -> bool:
        """Whether ``obj`` belongs to ``owner`` (default: this window): is it, or lives under
        it, in its window or in one of its own (a dialog, a combo box's list)."""
        owner = owner or self.window
        while obj is not None:
            if obj is owner:
                return True
            obj = obj.parent()
        return False

    def _ours_apart(self, widget: QWidget) -> bool:
        """A window of this desk other than the main one: one of its dialogs, or a window
        with no owner (a message box), but never another desk's main window."""
        if widget is self.window or self._ours(widget, self.screen):
            return False
        if widget.parent() is None:
            return not isinstance(widget, QMainWindow)
        return self._ours(widget)

    def _hide_window(self, widget: QWidget) -> None:
        if isinstance(widget, QDockWidget):  # a floating panel: it comes back with the docks
            return
        transient = widget.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip)
        if not transient and widget not in self._hidden:
            self._hidden.append(widget)
        widget.hide()

    def _opened(self) -> None:
        """A member signed in: the desk as it was, theirs now."""
        self.locked = False
        window = self.window
        later = getattr(window, "first_paint", None)
        if later is not None:  # signed in before the lock screen was painted (tests)
            later.run()
        for widget in self._shown_bars:
            widget.show()
        self._shown_bars = []
        window.menuBar().setEnabled(True)
        admin = self.session.is_admin
        for widget in self._hidden:
            try:
                if widget.property("adminOnly") and not admin:
                    if isinstance(widget, QDialog):
                        widget.done(0)  # hidden: close() would not finish it
                    else:
                        widget.close()
                else:
                    widget.show()
            except RuntimeError:  # closed and deleted meanwhile
                continue
        self._hidden = []
        self._last_input = time.monotonic()
        self._apply_role()
        window.pane.setFocus()

    def _check_idle(self) -> None:
        if self.started and not self.locked and time.monotonic() - self._last_input >= self.idle_s:
            self.lock("idle")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in WATCHED:
            return False
        if kind == _T.Resize:
            if watched is self.window:
                self.screen.setGeometry(self.window.rect())
            return False
        if not self.locked:
            if kind in ACTIVITY:
                self._last_input = time.monotonic()
            return False
        if kind == _T.Show:
            if isinstance(watched, QWidget) and watched.isWindow() and self._ours_apart(watched):
                QTimer.singleShot(0, self, lambda w=watched: self._hide_late(w))
            return False
        # the desk's input and shortcuts reach the lock screen (and its name list) only
        return not self._ours(watched, self.screen) and self._ours(watched)

    def _hide_late(self, widget: QWidget) -> None:
        try:
            if self.locked and widget.isVisible():
                self._hide_window(widget)
        except RuntimeError:
            pass

    # -- who may do what --------------------------------------------------------------------
    def _apply_role(self) -> None:
        admin = self.session.is_admin
        for name, what in ADMIN_ACTIONS.items():
            action = getattr(self.window, name, None)
            if isinstance(action, QAction):
                action.setEnabled(admin)
                tip = action.property("adminTip")
                if tip is None:  # the action's own tip, before any note
                    tip = action.statusTip()
                    action.setProperty("adminTip", tip)
                note = translate("DeskGuard", TIP_NOTES[what])
                action.setStatusTip(str(tip) if admin else f"{tip} {note}")
        member = self.session.member
        if member is not None:
            said = (
                translate("DeskGuard", "{name} (administrator)")
                if member.admin
                else translate("DeskGuard", "{name} (staff)")
            )
            self.who.setText(said.format(name=member.name))

    def admit(self, what: str) -> bool:
        """Whether the member signed in may ``what`` (an administrator's); if not, the status
        bar says so."""
        if self.session.is_admin:
            return True
        refusal = REFUSALS.get(what)
        said = translate("DeskGuard", refusal) if refusal else f"Only an administrator can {what}."
        self.window.statusBar().showMessage(said, 10_000)
        return False

    def stop(self) -> None:
        self._idle.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


def install_actions(window: MainWindow) -> None:
    """File ▸ Staff…, Audit trail… (an administrator's) and Lock desk (Ctrl+L), before Quit."""
    from frontdesk.ui.window_menus import make_action

    window.staff_action = make_action(
        window,
        translate("DeskGuard", "S&taff…"),
        translate("DeskGuard", "Add staff, reset a PIN, disable a member"),
        lambda _checked=False: window.dialogs.staff(),
    )
    window.audit_action = make_action(
        window,
        translate("DeskGuard", "&Audit trail…"),
        translate("DeskGuard", "Who booked, changed, opened, printed and exported what, and when"),
        lambda _checked=False: window.dialogs.audit_trail(),
    )
    window.lock_action = make_action(
        window,
        translate("DeskGuard", "&Lock desk"),
        translate("DeskGuard", "Lock the desk now; a PIN unlocks it (another member may sign in)"),
        lambda _checked=False: window.guard.lock("by hand"),
        [QKeySequence("Ctrl+L")],
    )
    menu = window.file_menu
    actions = menu.actions()
    after = actions[actions.index(window.settings_action) + 1]
    menu.insertActions(after, [window.staff_action, window.audit_action])
    menu.insertAction(window.quit_action, window.lock_action)
    menu.insertSeparator(window.quit_action)

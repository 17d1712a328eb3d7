"""The lock screen a normal start paints before the desk is loaded (ui.early_lock): it shows
the names read ahead (the one member chosen, the PIN field ready) or the first administrator's
form, takes what is typed while the desk is built, and hands it to the desk's own lock screen,
whose check then signs the member in; the launch paints it before the desk (both reported in
order by a real process)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from frontdesk.app.context import AppContext
from frontdesk.app.lock_peek import peek
from frontdesk.app.paths import Paths
from frontdesk.ui.early_lock import EarlyLock
from frontdesk.ui.main_window import MainWindow
from support.staff import long_idle

# the desk's window is raised as it takes the early one's place; offscreen cannot raise
RAISED = pytest.mark.qt_log_ignore(r"This plugin does not support raise\(\)", extend=True)


def desk(profile: Path) -> AppContext:
    return AppContext(Paths.resolve(profile), use_keyring=False, connect=False)


@pytest.fixture
def opened() -> Iterator[list[object]]:
    """What a test opens, closed after it (windows first, then their contexts)."""
    kept: list[object] = []
    yield kept
    for thing in kept:
        if isinstance(thing, MainWindow):
            thing.close()
            thing.deleteLater()
    for thing in kept:
        if isinstance(thing, AppContext):
            thing.close()


def early_for(profile: Path, qtbot) -> EarlyLock:  # type: ignore[no-untyped-def]
    facts = peek(profile, None)
    assert facts is not None
    early = EarlyLock(facts)  # deleted by its hand-over
    early.show()
    qtbot.waitUntil(lambda: early.painted)
    return early


@RAISED
def test_a_pin_typed_before_the_desk_is_ready_signs_in_at_the_desk(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, opened: list[object]
) -> None:
    context = desk(tmp_path)
    context.staff.create_first_admin("Anna Berg", "2580")
    long_idle(context)
    context.close()
    early = early_for(tmp_path, qtbot)
    card = early.card
    assert card.name.currentText() == "Anna Berg" and not card.first  # the one member
    assert early.focusWidget() is card.pin
    qtbot.keyClicks(card.pin, "2580")
    qtbot.keyClick(card.pin, Qt.Key.Key_Return)
    assert early.submitted and card.message.text() == "Opening the desk…"

    context = desk(tmp_path)  # the desk, built behind it
    opened.append(context)
    window = MainWindow(context, sync_interval_ms=3_600_000, start_sync=False)
    opened.insert(0, window)
    screen = window.guard.screen
    assert window.guard.locked
    early.hand_over(screen)
    assert window.isVisible() and not early.isVisible()
    qtbot.waitUntil(lambda: not window.guard.locked, timeout=15_000)  # checked, signed in
    assert window.guard.who.text() == "Anna Berg (administrator)"
    assert window.pane.isVisible()


@RAISED
def test_the_first_administrator_typed_early_is_made_at_the_desk(  # type: ignore[no-untyped-def]
    qtbot, tmp_path: Path, opened: list[object]
) -> None:
    early = early_for(tmp_path / "new", qtbot)
    card = early.card
    assert card.first and card.new_name.isVisible() and card.again.isVisible()
    qtbot.keyClicks(card.new_name, "Anna Berg")
    qtbot.keyClicks(card.pin, "2580")
    qtbot.keyClicks(card.again, "25")  # still typing as the desk takes over
    context = desk(tmp_path / "new")
    long_idle(context)
    opened.append(context)
    window = MainWindow(context, sync_interval_ms=3_600_000, start_sync=False)
    opened.insert(0, window)
    early.hand_over(window.guard.screen)
    screen = window.guard.screen
    assert screen.first and screen.new_name.text() == "Anna Berg"
    assert screen.pin.text() == "2580" and screen.again.text() == "25"
    assert window.guard.locked  # nothing was submitted
    qtbot.keyClicks(screen.again, "80")
    qtbot.keyClick(screen.again, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.guard.locked, timeout=15_000)
    assert context.staff.active_names() == ["Anna Berg"]


def test_a_start_paints_the_lock_screen_before_the_desk(tmp_path: Path) -> None:
    context = desk(tmp_path)
    context.staff.create_first_admin("Anna Berg", "2580")
    context.close()
    env = dict(
        os.environ,
        FRONTDESK_REPORT_FIRST_PAINT="1",
        QT_QPA_PLATFORM="offscreen",
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
    )
    run = subprocess.run(
        [sys.executable, "-m", "frontdesk", "--smoke-test", "--profile-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    said = [line for line in run.stderr.splitlines() if line.startswith("frontdesk: ")]
    assert said == ["frontdesk: first paint", "frontdesk: desk painted"]
    assert "FrontDesk smoke test: main window built" in run.stdout

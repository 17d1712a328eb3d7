"""The demo's start in two steps (``ui.launch``): its window is built and painted before its
store is opened (the week's frame on the clinic's clock, even in a zone far from the
computer's), then the store is opened, the administrator signed in and the window filled
(``MainWindow.store_opened``), then the sandboxes begun; a store that cannot be opened is said
as a failed start, a kept demo whose administrator's PIN was changed opens on the lock screen,
and a window closed before its store opens opens nothing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from frontdesk.app.context import AppContext
from frontdesk.app.demo import DEMO_ADMIN, DEMO_ADMIN_PIN, Demo
from frontdesk.app.desk import monday_of, today_in
from frontdesk.app.paths import Paths
from frontdesk.ui.launch import launch
from frontdesk.ui.main_window import MainWindow, week_label
from support.staff import long_idle

# a clinic far from any machine's zone: its first paint must still show its own clock
FAR_ZONE = "Pacific/Chatham"


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, object]]:
    """What the launched demo's window showed just before and just after its store opened."""
    found: dict[str, object] = {}
    opened = MainWindow.store_opened

    def watched(window: MainWindow) -> None:
        found["who before"] = window.guard.who.text()
        opened(window)
        found["open after"] = window.context.store_open
        found["signed in"] = window.context.staff.signed_in
        found["who after"] = window.guard.who.text()
        found["locked"] = window.guard.locked
        found["pending"] = window.pending_label.text()

    monkeypatch.setattr(MainWindow, "store_opened", watched)
    open_demo = Demo.open

    def opening(demo: Demo) -> None:
        windows = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        if windows and "open before" not in found:
            found["painted before"] = windows[0].first_paint._jobs is None
            found["open before"] = demo.context.store_open
            found["zone before"] = windows[0].week_view.zone
            found["title before"] = windows[0].week_title.text()
        open_demo(demo)

    monkeypatch.setattr(Demo, "open", opening)
    begin = Demo.begin_in_background

    def begun(demo: Demo, then: object) -> None:
        found["sandboxes after the store"] = "open after" in found
        begin(demo, then)  # type: ignore[arg-type]

    monkeypatch.setattr(Demo, "begin_in_background", begun)
    yield found


def test_the_demo_is_painted_before_its_store_is_opened_and_filled_after(
    qapp, tmp_path: Path, seen: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    assert launch(["--smoke-test", "--demo", "--profile-dir", str(tmp_path / "demo")]) == 0
    assert seen["painted before"] is True  # the first paint came first
    assert seen["open before"] is False
    today = today_in(str(seen["zone before"]))
    assert seen["title before"] == week_label(monday_of(today))  # the week's frame, painted
    assert seen["who before"] == ""  # nobody is named before the store says who
    assert seen["open after"] is True
    assert seen["signed in"] is True
    assert DEMO_ADMIN in str(seen["who after"])
    assert seen["locked"] is False
    assert seen["pending"] == "All bookings synced"
    assert seen["sandboxes after the store"] is True
    assert "Traceback" not in capsys.readouterr().err


def test_the_first_paint_is_on_the_clinics_clock_not_the_computers(
    qapp, tmp_path: Path, seen: dict[str, object]
) -> None:  # type: ignore[no-untyped-def]
    profile = tmp_path / "demo"
    Demo(profile, defer=True, clinic_zone=FAR_ZONE).close()  # a kept demo, in a far zone
    assert launch(["--smoke-test", "--demo", "--profile-dir", str(profile)]) == 0
    assert seen["open before"] is False
    assert seen["zone before"] == FAR_ZONE  # the grid's clock before the store is read
    assert seen["title before"] == week_label(monday_of(today_in(FAR_ZONE)))


def test_a_demo_store_that_cannot_be_opened_fails_the_start_in_plain_words(
    qapp, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    profile = tmp_path / "demo"
    cache = Paths.resolve(profile).database
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(b"this is not a database, only some bytes" * 200)
    assert launch(["--smoke-test", "--demo", "--profile-dir", str(profile)]) == 1
    said = capsys.readouterr().err
    assert "smoke test failed:" in said
    assert "Traceback" not in said


def test_a_kept_demo_whose_pin_was_changed_opens_locked(
    qapp, tmp_path: Path, seen: dict[str, object]
) -> None:  # type: ignore[no-untyped-def]
    profile = tmp_path / "demo"
    first = Demo(profile, defer=True)  # the demo's first start: its administrator made
    long_idle(first.context)
    first.context.staff.reset_pin(DEMO_ADMIN, "9" + DEMO_ADMIN_PIN[1:])
    first.close()
    assert launch(["--smoke-test", "--demo", "--profile-dir", str(profile)]) == 0
    assert seen["signed in"] is False
    assert seen["locked"] is True


def test_a_window_built_before_its_store_reads_nothing_until_told(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    made = Demo(tmp_path / "demo", defer=True)  # a profile with its administrator
    made.close()
    context = AppContext(
        Paths.resolve(tmp_path / "demo"), use_keyring=False, connect=False, open_store=False
    )
    window = MainWindow(context, start_sync=False)
    qtbot.addWidget(window)
    try:
        assert not context.store_open  # the build read nothing of the store
        assert window.week_view.zone == window.day_view.zone == context.clinic_zone
        assert window.week_title.text() == week_label(monday_of(today_in(context.clinic_zone)))
        assert not window.guard.started and not window.guard.locked
        window.store_opened()
        assert context.store_open
        assert window.guard.started
        assert window.guard.locked  # nobody signed in: the lock screen
        assert window.pending_label.text() == "All bookings synced"
    finally:
        window.shutdown()
        context.close()


def test_a_window_closed_before_its_store_opens_opens_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    made = Demo(tmp_path / "demo", defer=True)
    made.close()
    context = AppContext(
        Paths.resolve(tmp_path / "demo"), use_keyring=False, connect=False, open_store=False
    )
    window = MainWindow(context, start_sync=False)
    qtbot.addWidget(window)
    window.show()
    window.close()  # before anything was read: nothing is opened to close it
    window.store_opened()  # a late call does nothing on a closed window
    assert not window.guard.started
    assert not context.store_open
    context.close()

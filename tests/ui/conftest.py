"""Fixtures for the desk's widgets: a real demo clinic (sandbox in-process) in a temporary
profile, with the demo's administrator signed in as the demo does, and a main window on it
whose worker only syncs when asked."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from frontdesk.app.context import AppContext
from frontdesk.app.demo import Demo
from frontdesk.sandbox.huskyvoice.seed import seed_week
from frontdesk.ui.main_window import MainWindow
from support.desks import module_desk, two_desks
from support.postgres import Cluster
from support.pseudo import pseudo, spoken  # noqa: F401  (the language tests' fixtures)
from support.staff import long_idle

HERE = Path(__file__).parent

# The offscreen platform plugin warns whenever a top-level window's size limits change; it is
# the plugin's limitation, not ours. Every other Qt warning still fails a test.
OFFSCREEN_NOISE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, extend=True))


# The desk's clock for these tests: the HuskyVoice sandbox's own zone, so a booking's wall
# time is the same in the sandbox and on the desk (tests/ui/test_one_clock.py runs the desk
# in another zone than the booking systems').
CLINIC_ZONE = "Europe/London"


def _start_demo(profile: Path) -> Demo:
    running = Demo(profile, clinic_zone=CLINIC_ZONE)  # its administrator signed in
    long_idle(running.context)  # no idle lock halfway through a slow module
    running.pull()
    if running.context.repo.outbox.pending_count() == 0 and not _cached_bookings(running):
        # late on a Sunday the current week has no future slot left to seed
        seed_week(running.server.state, date.today() + timedelta(days=1), count=20, rng_seed=3)
        running.pull()
    return running


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Demo]:
    running = _start_demo(tmp_path / "profile")
    try:
        yield running
    finally:
        running.close()


@pytest.fixture(scope="module")
def desk_demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    running = _start_demo(tmp_path_factory.mktemp("desk") / "profile")
    try:
        yield running
    finally:
        running.close()


@pytest.fixture(scope="module")
def desk(qapp, desk_demo: Demo) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """One demo desk for a whole module (no sync worker): cheaper than a window per test, for
    tests that only read, or that change bookings no other test of the module looks at."""
    yield from module_desk(desk_demo)


def _cached_bookings(demo: Demo) -> bool:
    from datetime import UTC, datetime

    start = datetime(2000, 1, 1, tzinfo=UTC)
    return bool(demo.context.repo.bookings_between(start, datetime(2100, 1, 1, tzinfo=UTC)))


@pytest.fixture
def window(qtbot, demo: Demo) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """A desk whose sync worker is a thread of this process: the tests drive the desk's own
    engine beside it (test_sync_process.py runs the shipping desk's worker process)."""
    main = MainWindow(demo.context, sync_interval_ms=3_600_000, start_sync=False, sync_thread=True)
    main.resize(1280, 800)
    main.show()
    qtbot.waitExposed(main)
    # wait on the window's signal: pytest-qt would stop its timer from the worker's thread
    with qtbot.waitSignal(main.synced, timeout=20_000):
        main.sync.start()  # the start-up sync; afterwards the worker runs only when asked
    try:
        yield main
    finally:
        for dialog in list(main.open_dialogs):
            dialog.done(0)  # unlike reject(), done() does not ask to discard
        main.close()
        main.deleteLater()


@pytest.fixture(autouse=True)
def no_blocking_message_boxes(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal box nobody answers would hang the suite (a failed test leaves a dialog with
    edits, and closing it asks); here every unpatched box answers "Discard". Tests that look
    at the question patch ``QMessageBox.exec`` themselves."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda _box: QMessageBox.StandardButton.Discard.value)


@pytest.fixture
def desks(postgres: Cluster, tmp_path: Path) -> Iterator[tuple[AppContext, AppContext]]:
    """Two desks of one clinic on a throwaway PostgreSQL store (``support.desks``); a test
    module may ask for its own (desk B with the API key too)."""
    with two_desks(postgres, tmp_path) as both:
        yield both

"""The shipping desk's sync worker is a process of its own (``frontdesk sync-worker``): the desk
shows what it syncs, it ends with the desk (even a killed one), and a worker that dies is
started again without a booking sent twice. Real processes, a real sandbox over loopback (in
this process; the worker reaches it as a remote server), a real SQLite profile."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontdesk.app.context import AppContext
from frontdesk.app.desk import monday_of
from frontdesk.app.paths import Paths
from frontdesk.domain.booking import SyncState
from frontdesk.domain.timeutil import to_local
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.fault_spec import FaultSpec
from frontdesk.sandbox.huskyvoice.clinic import default_clinic
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.sync_process import SyncProcess
from support.huskyvoice import queue_checkups
from support.staff import sign_in_admin

WORKER_STARTS_MS = 60_000  # a fresh interpreter importing the sync side, on a busy machine


@dataclasses.dataclass
class Clinic:
    server: SandboxServer
    context: AppContext
    connection_id: str


@pytest.fixture
def clinic(tmp_path: Path) -> Iterator[Clinic]:
    """A profile connected to a HuskyVoice sandbox that keeps no guard against doubles of its
    own and answers a little slowly (so a drain is under way when its worker is killed)."""
    remote = dataclasses.replace(default_clinic(), duplicate_prevention=False)
    slow = FaultSpec.parse("slow=1,slow_s=0.05,seed=2")
    with SandboxServer(rate_limit=0, faults=slow, clinic=remote) as server:
        injector = server.injectors["huskyvoice"]
        spec, injector.spec = injector.spec, FaultSpec()  # the set-up's pull at full speed
        context = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
        try:
            record = context.connect(
                "huskyvoice",
                "Clinic",
                server.base_url,
                server.api_key,
                {"rate_per_minute": 100_000},
            )
            context.engine.pull(record.id)
            sign_in_admin(context)
            injector.spec = spec
            yield Clinic(server, context, record.id)
        finally:
            context.close()


def desk(qtbot, context: AppContext) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(context, sync_interval_ms=3_600_000, start_sync=False)
    qtbot.addWidget(window)
    window.resize(1400, 860)
    window.show()
    assert isinstance(window.sync, SyncProcess)  # the shipping desk's worker
    return window


def remote_counts(server: SandboxServer, phones: list[str]) -> tuple[int, int]:
    """How many of the patients' bookings the booking system holds twice, and not at all."""
    counts = Counter(str(a["parent_phone"]) for a in server.state.appointments())
    return sum(1 for p in phones if counts[p] > 1), sum(1 for p in phones if counts[p] == 0)


def test_the_desk_shows_a_booking_its_worker_process_synced(qtbot, clinic: Clinic) -> None:  # type: ignore[no-untyped-def]
    context = clinic.context
    phones = queue_checkups(context, clinic.connection_id, 1, "shown", "Shown Patient")
    booking = context.repo.booking("shown-0")
    assert booking is not None
    window = desk(qtbot, context)
    window.go_to_week(monday_of(to_local(booking.start, window.zone).date()))
    view = window.week_view

    def state() -> SyncState | None:
        return next((b.sync_state for b in view.bookings() if b.id == booking.id), None)

    assert state() is SyncState.PENCILLED
    try:
        window.sync.start()
        qtbot.waitUntil(lambda: state() is SyncState.CONFIRMED, timeout=WORKER_STARTS_MS)
        assert window.sync.pid is not None and window.sync.pid != os.getpid()
        assert remote_counts(clinic.server, phones) == (0, 0)
        label = next(iter(window.connection_labels.values()))
        qtbot.waitUntil(lambda: "online" in label.text(), timeout=10_000)
    finally:
        window.shutdown()
    assert window.sync.pid is not None
    assert not running(window.sync.pid)  # stopped with the desk


def test_a_killed_worker_is_started_again_and_sends_nothing_twice(qtbot, clinic: Clinic) -> None:  # type: ignore[no-untyped-def]
    context = clinic.context
    phones = queue_checkups(context, clinic.connection_id, 60, "kill", "Killed Worker")
    window = desk(qtbot, context)
    said: list[str] = []
    window.sync.notice.connect(said.append)
    settled: list[int] = []
    window.sync.worker.changed.connect(lambda record: settled.append(len(record.ids)))
    try:
        window.sync.start()
        qtbot.waitUntil(lambda: sum(settled) > 0, timeout=WORKER_STARTS_MS)  # under way
        first = window.sync.pid
        assert first is not None
        os.kill(first, signal.SIGKILL)
        before_the_kill = sum(settled)
        qtbot.waitUntil(lambda: bool(said), timeout=10_000)
        assert "Sync stopped unexpectedly; starting it again in 1 s" in said[0]
        assert "Sync stopped unexpectedly" in window.statusBar().currentMessage()
        qtbot.waitUntil(lambda: window.sync.restarts == 1, timeout=WORKER_STARTS_MS)
        assert window.sync.pid not in (None, first)
        assert said[-1] == "Sync is running again."
        qtbot.waitUntil(lambda: context.repo.outbox.pending_count() == 0, timeout=120_000)
        assert before_the_kill < 60  # it was killed halfway through the drain
    finally:
        window.shutdown()
    states = Counter(context.repo.booking(f"kill-{n}").sync_state for n in range(60))  # type: ignore[union-attr]
    assert states == Counter({SyncState.CONFIRMED: 60})
    assert remote_counts(clinic.server, phones) == (0, 0)  # none twice, none lost


def running(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie nobody reaped has ended)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"sync-worker" in cmdline:
            found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_the_worker_ends_when_the_desk_is_killed(tmp_path: Path) -> None:
    """A desk started as the launcher starts it, killed with SIGKILL: its worker sees its
    stdin close and ends (nothing is left syncing a profile nobody has open)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    profile = tmp_path / "profile"
    command = [sys.executable, "-m", "frontdesk", "--profile-dir", str(profile)]
    desk_process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + WORKER_STARTS_MS / 1000
        workers: list[int] = []
        while not workers and time.monotonic() < deadline:
            assert desk_process.poll() is None, "the desk ended by itself"
            workers = children(desk_process.pid)
            time.sleep(0.2)
        assert len(workers) == 1, "the desk started no sync worker"
        log = profile / "logs" / "frontdesk.log"
        started = f"sync worker {workers[0]} started"
        while started not in (log.read_text() if log.exists() else ""):
            assert time.monotonic() < deadline, "the worker never opened the profile"
            time.sleep(0.2)
        desk_process.kill()
        desk_process.wait(10)
        deadline = time.monotonic() + 20
        while running(workers[0]) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not running(workers[0])
    finally:
        if desk_process.poll() is None:
            desk_process.kill()
            desk_process.wait(10)

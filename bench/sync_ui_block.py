"""Benchmark: how long the desk's GUI thread is ever blocked while the sync worker drains
1,000 queued operations, with the 5,000-appointment week on screen (300,000 cached).

A copy of the bench profile is pointed at a HuskyVoice sandbox run as a separate process (as
a remote server would be; rate limit off so the drain is as dense as it gets), 1,000 valid
pencilled bookings are queued, the main window shows the busy week, and a 5 ms timer on the
GUI thread records every gap between its ticks while the worker sends everything. Prints the
longest gap (the longest the GUI thread was blocked, plus one tick), percentiles, and the
drain's pace.

Run: ``uv run python bench/sync_ui_block.py``
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from datetime import time as wall
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_data import PROFILE, ZONE, open_profile
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.sandbox.huskyvoice.clinic import (
    DENTAL_CLEANING_ID,
    FOLLOW_UP_ID,
    GENERAL_CHECKUP_ID,
    MAIN_BRANCH_ID,
    NORTH_BRANCH_ID,
    VACCINATION_ID,
)
from frontdesk.sync.pacing import SlidingWindow
from frontdesk.ui.main_window import MainWindow

OPERATIONS = 1_000
TICK_MS = 5
SERVICES = {GENERAL_CHECKUP_ID: 30, VACCINATION_ID: 20, DENTAL_CLEANING_ID: 45, FOLLOW_UP_ID: 15}


def start_sandbox() -> tuple[subprocess.Popen[str], str, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "frontdesk", "sandbox", "--rate-limit", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        api = json.loads(line)
        if api.get("provider") == "huskyvoice":
            return process, api["base_url"], api["api_key"]
    raise RuntimeError("the sandbox printed no HuskyVoice API")


def first_day() -> date:
    """The first day the synced bookings go on, and the week shown: tomorrow, or next Monday
    when this week has fewer than three days left (so they are on screen whatever the day)."""
    day = datetime.now(UTC).date() + timedelta(days=1)
    if day.weekday() >= 4:
        day += timedelta(days=7 - day.weekday())
    return day


def queue_bookings(context: AppContext, connection_id: str) -> None:
    """1,000 bookings the sandbox accepts: its branches, services and windows, 6 a window,
    from :func:`first_day` on (the shown week first)."""
    made = 0
    day = first_day()
    while made < OPERATIONS:
        if day.weekday() < 6:
            sessions = [(wall(9), 6), (wall(14), 6)] + (
                [(wall(18), 4)] if day.weekday() < 5 else []
            )
            for branch in (MAIN_BRANCH_ID, NORTH_BRANCH_ID):
                for opens, places in sessions:
                    for n in range(places):  # a window's ai_slots, every service together
                        service, minutes = list(SERVICES.items())[n % len(SERVICES)]
                        if made >= OPERATIONS:
                            return
                        start = local_to_utc(day, wall(opens.hour, 5 * n), ZONE).instant
                        booking_id = str(uuid.uuid4())
                        context.repo.book(
                            Booking(
                                id=booking_id,
                                connection_id=connection_id,
                                service_id=service,
                                resource_id=branch,
                                start=start,
                                end=start + timedelta(minutes=minutes),
                                patient_name=f"Sync Bench {made}",
                                patient_phone=f"+4477009{made:05d}",
                                external_ref=booking_id,
                                sync_state=SyncState.PENCILLED,
                            ),
                            OperationKind.CREATE,
                            {},
                            str(uuid.uuid4()),
                            "bench",
                        )
                        made += 1
        day += timedelta(days=1)


def main() -> None:
    app = QApplication.instance() or QApplication([])
    open_profile().close()  # make sure the shared profile exists
    root = Path(tempfile.mkdtemp(prefix="frontdesk-syncbench-"))
    shutil.copytree(PROFILE, root / "profile")
    sandbox, base_url, api_key = start_sandbox()
    try:
        context = AppContext(Paths.resolve(root / "profile"), use_keyring=False)
        record = context.connections()[0]
        from dataclasses import replace

        context.repo.update_connection(replace(record, base_url=base_url))
        context.credentials.set(record.id, api_key)
        context.reload_connectors()
        # the engine paces to HuskyVoice's documented 60 a minute, which makes 1,000 take
        # 17 minutes; unpaced, the drain is as dense as the GUI will ever see it
        context.engine.buckets[record.id] = SlidingWindow(1_000_000)
        queue_bookings(context, record.id)
        print(f"queued {context.repo.outbox.pending_count()} operations")

        window = MainWindow(context, sync_interval_ms=3_600_000, start_sync=False)
        window.sync = type(window.sync)(context, 3_600_000, pull_every_s=1e9)
        applying: list[float] = []  # the GUI thread's own work per change record, ms

        def on_changed(record: object) -> None:
            began = time.perf_counter()
            window._on_changed(record)  # type: ignore[arg-type]
            applying.append((time.perf_counter() - began) * 1000)

        window.sync.worker.changed.connect(on_changed)
        window.sync.worker.health.connect(window._on_health)
        window.sync.worker.busy.connect(window._on_busy)
        window.resize(1400, 860)
        window.show()
        shown = first_day()
        window.pane.show_day(shown)
        monday = shown - timedelta(days=shown.weekday())
        on_screen = [
            b
            for b in context.repo.bookings_between(
                local_to_utc(monday, wall(0), ZONE).instant,
                local_to_utc(monday + timedelta(days=7), wall(0), ZONE).instant,
            )
            if b.sync_state is SyncState.PENCILLED
        ]
        print(f"shown: the week of {monday}, {len(on_screen)} of the synced bookings in it")
        for _ in range(20):
            app.processEvents()

        gaps: list[float] = []
        at: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000)
            at.append(now)
            last[0] = now

        timer = QTimer()
        timer.setInterval(TICK_MS)
        timer.timeout.connect(tick)
        timer.start()
        finished: list[float] = []
        window.sync.worker.cycleFinished.connect(lambda: finished.append(time.perf_counter()))
        started = time.perf_counter()
        window.sync.start()
        deadline = started + 600
        while not finished and time.perf_counter() < deadline:  # the GUI thread reads nothing
            app.processEvents()
            time.sleep(0.001)
        drained = (finished[0] if finished else time.perf_counter()) - started
        for _ in range(50):  # the last progress and health signals
            app.processEvents()
            time.sleep(0.002)
        timer.stop()
        left = context.repo.outbox.pending_count()
        print(f"drained {OPERATIONS - left} operations in {drained:.1f} s "
              f"({(OPERATIONS - left) / drained:.0f}/s); {left} left")  # fmt: skip
        blocked = sorted(g - TICK_MS for g in gaps)
        p99 = blocked[int(len(blocked) * 0.99)]
        verdict = "within budget" if blocked[-1] < 50 else "OVER the 50 ms budget"
        print(
            f"GUI thread blocked while draining: longest {blocked[-1]:.1f} ms, "
            f"99th percentile {p99:.1f} ms, median {statistics.median(blocked):.1f} ms "
            f"(n={len(blocked)} ticks)  {verdict}"
        )
        if applying:
            print(
                f"applying {len(applying)} change records on the GUI thread: longest "
                f"{max(applying):.1f} ms, median {statistics.median(applying):.1f} ms (the rest "
                "of a gap is waiting for the interpreter lock the sync thread holds)"
            )
        worst = sorted(range(len(gaps)), key=gaps.__getitem__)[-5:]
        print(
            "  longest gaps at (s into the drain): "
            + ", ".join(f"{at[i] - started:.2f}s: {gaps[i] - TICK_MS:.0f} ms" for i in worst)
        )
        window.shutdown()
        window.close()
        context.close()
    finally:
        sandbox.terminate()
        sandbox.wait(10)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()

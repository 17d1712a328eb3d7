"""Crash test: ``frontdesk sync`` killed with SIGKILL at random moments while it drains bookings
against the sandbox with faults on. Afterwards every booking exists remotely exactly once and
none is lost locally, on a desk's SQLite cache and on a clinic's PostgreSQL store. The negative
control (idempotency switched off) must show duplicates, proving the test can see them."""

from __future__ import annotations

import dataclasses
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.booking import SyncState
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.fault_spec import FaultSpec
from frontdesk.sandbox.huskyvoice.clinic import default_clinic
from support.huskyvoice import queue_checkups

# slow; each drill twice: on a desk's SQLite cache and on a clinic's PostgreSQL store
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("on_each_store")]

FAULTS = "5xx=0.05,429=0.03,reset=0.05,drop=0.12,garbage=0.03,retry_after=1,seed=3"
KILLS = int(os.environ.get("FD_KILLS", "200"))
# on the shared store, fewer: the same code paths, and the run stays within CI's budget
KILLS_SHARED = int(os.environ.get("FD_KILLS_SHARED", "80"))


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    # Duplicate prevention off: only our own idempotency may stand between a resend and a
    # second booking (with it on, the server would refuse the negative control's doubles).
    clinic = dataclasses.replace(default_clinic(), duplicate_prevention=False)
    with SandboxServer(rate_limit=0, faults=FaultSpec.parse(FAULTS), clinic=clinic) as server:
        yield server


def prepare(profile: Path, server: SandboxServer, count: int, unsafe: bool) -> list[str]:
    """A profile connected to the sandbox, its catalog pulled, ``count`` bookings queued."""
    injector = server.injectors["huskyvoice"]
    spec = injector.spec
    injector.spec = FaultSpec()  # set up on a quiet line
    ctx = AppContext(Paths.resolve(profile), use_keyring=False)
    try:
        options: dict[str, object] = {"rate_per_minute": 100_000}
        if unsafe:
            options["unsafe_disable_idempotency"] = "1"
        record = ctx.connect("huskyvoice", "Crash", server.base_url, server.api_key, options)
        ctx.engine.catalog_days = 0
        ctx.engine.pull(record.id)
        return queue_checkups(ctx, record.id, count, "crash", "Crash Patient")
    finally:
        ctx.close()
        injector.spec = spec


def kill_runs(
    profile: Path, kills: int, rng: random.Random, sending: SandboxServer | None = None
) -> None:
    """Start ``frontdesk sync``, let it get going, SIGKILL it at a random moment; repeat.
    ``sending``: the kill waits until this run has made a booking on that server (so on a
    slow, busy machine it still lands in the middle of sends, not before the first)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    command = [
        sys.executable,
        "-m",
        "frontdesk",
        "--profile-dir",
        str(profile),
        "sync",
        "--interval",
        "0.2",
    ]
    for _ in range(kills):
        proc = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
        )
        assert proc.stdout is not None
        made = len(sending.state.appointments()) if sending is not None else 0
        proc.stdout.readline()  # "syncing ...": started, about to drain
        if sending is not None:
            deadline = time.monotonic() + 20
            while len(sending.state.appointments()) == made and time.monotonic() < deadline:
                time.sleep(0.005)
            time.sleep(rng.uniform(0.0, 0.05))  # amid its sends
        else:
            time.sleep(rng.uniform(0.0, 0.6))  # somewhere in the drain or the pull
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        proc.stdout.close()


def settle(profile: Path, server: SandboxServer) -> tuple[int, int]:
    """Faults off; ``sync --once`` until nothing is pending. Returns (pending, confirmed)."""
    server.injectors["huskyvoice"].spec = FaultSpec()
    pending = confirmed = -1
    for _ in range(30):
        done = subprocess.run(
            [sys.executable, "-m", "frontdesk", "--profile-dir", str(profile), "sync", "--once"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert "Traceback" not in done.stderr, done.stderr
        ctx = AppContext(Paths.resolve(profile), use_keyring=False)
        try:
            pending = ctx.repo.outbox.pending_count()
            far = datetime.now(UTC) + timedelta(days=3650)
            bookings = [
                b
                for b in ctx.repo.bookings_between(datetime.now(UTC), far)
                if b.id.startswith("crash-")
            ]
            confirmed = sum(1 for b in bookings if b.sync_state is SyncState.CONFIRMED)
            if pending == 0:
                return pending, confirmed
            # backoffs scheduled by earlier runs: make them due now
            from frontdesk.storage.tables import OutboxRow

            with ctx.db.write() as s:
                s.query(OutboxRow).filter(OutboxRow.state == "queued").update(
                    {OutboxRow.next_attempt_at: datetime.now(UTC) - timedelta(seconds=1)}
                )
        finally:
            ctx.close()
    return pending, confirmed


def remote_counts(server: SandboxServer) -> Counter[str]:
    return Counter(
        str(a["parent_phone"])
        for a in server.state.appointments()
        if a.get("status") != "cancelled"
    )


def test_kill_9_two_hundred_times_loses_nothing_and_doubles_nothing(
    sandbox: SandboxServer, tmp_path: Path, store_url: str
) -> None:
    profile = tmp_path / "desk"
    phones = prepare(profile, sandbox, count=150, unsafe=False)
    kills = KILLS if store_url.startswith("sqlite") else KILLS_SHARED
    kill_runs(profile, kills=kills, rng=random.Random(7))
    pending, confirmed = settle(profile, sandbox)
    counts = remote_counts(sandbox)
    duplicates = sum(1 for p in phones if counts[p] > 1)
    missing = sum(1 for p in phones if counts[p] == 0)
    injected = sandbox.injectors["huskyvoice"].stats.counts
    print(
        f"\ncrash test ({store_url.split(':')[0]}): {kills} kills, {len(phones)} bookings, "
        f"remote {sum(counts.values())}, "
        f"duplicates {duplicates}, missing {missing}, confirmed locally {confirmed}, "
        f"faults injected {injected}"
    )
    assert pending == 0
    assert duplicates == 0 and missing == 0
    assert confirmed == len(phones)


def test_negative_control_without_idempotency_shows_duplicates(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    profile = tmp_path / "unsafe"
    phones = prepare(profile, sandbox, count=60, unsafe=True)
    kill_runs(profile, kills=25, rng=random.Random(8), sending=sandbox)
    settle(profile, sandbox)
    counts = remote_counts(sandbox)
    duplicates = sum(1 for p in phones if counts[p] > 1)
    print(f"\nnegative control: {len(phones)} bookings, duplicates seen {duplicates}")
    assert duplicates > 0

"""The audit trail survives kill -9 like the outbox does: a process booking in a loop at a
signed-in desk (``BookingService.book``), killed with SIGKILL at random moments, leaves every
booking it committed with its audit line and no line without its booking, on a desk's SQLite
cache and on a clinic's PostgreSQL store. The negative control writes each line in a
transaction of its own a moment after its booking, and the same kills leave bookings without
a line: the drill can see what it exists to rule out."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.audit import AuditFilter
from frontdesk.sandbox import SandboxServer
from support.staff import TEST_ADMIN, TEST_PIN, sign_in_admin

# slow; each drill twice: on a desk's SQLite cache and on a clinic's PostgreSQL store
pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("on_each_store")]

DRILL = Path(__file__).parents[1] / "support" / "audit_drill.py"
KILLS = int(os.environ.get("FD_AUDIT_KILLS", "15"))
PER_RUN = 400  # slots each run may use (one run books a few dozen at most)


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    with SandboxServer(rate_limit=0) as server:
        yield server


def prepare(profile: Path, server: SandboxServer) -> None:
    ctx = AppContext(Paths.resolve(profile), use_keyring=False)
    try:
        record = ctx.connect("huskyvoice", "Drill", server.base_url, server.api_key)
        ctx.engine.catalog_days = 0
        ctx.engine.pull(record.id)
        sign_in_admin(ctx)
    finally:
        ctx.close()


def kill_runs(profile: Path, kills: int, gap: float, rng: random.Random) -> list[str]:
    """Run the booking loop ``kills`` times, each SIGKILLed at a random moment once it has
    booked; returns the ids the runs said they committed."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    said: list[str] = []
    for run in range(kills):
        command = [sys.executable, str(DRILL), str(profile), str(run * PER_RUN), str(gap)]
        proc = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(f"{TEST_ADMIN}\n{TEST_PIN}\n")
        proc.stdin.close()
        first = proc.stdout.readline()  # its first booking is committed: it is in its loop
        assert first.startswith("booked "), proc.stderr.read() if proc.stderr else first
        time.sleep(rng.uniform(0.0, 0.4))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        said.extend(line.split()[1] for line in [first, *proc.stdout] if line.startswith("booked"))
        proc.stdout.close()
        if proc.stderr is not None:
            errors = proc.stderr.read()
            proc.stderr.close()
            assert "Traceback" not in errors, errors
    return said


def tally(profile: Path) -> tuple[set[str], set[str]]:
    """The drill's bookings in the store, and the bookings its "booked" lines name."""
    ctx = AppContext(Paths.resolve(profile), use_keyring=False, connect=False)
    try:
        with ctx.db.read() as s:
            from sqlalchemy import text

            rows = s.execute(text("SELECT id FROM bookings WHERE patient_name = 'Drill Patient'"))
            bookings = {str(r[0]) for r in rows}
        lines = ctx.repo.audit.audit_lines(AuditFilter(event="booked"))
        return bookings, {line.booking_id or "" for line in lines}
    finally:
        ctx.close()


def test_kill_9_leaves_every_committed_booking_with_its_audit_line(
    sandbox: SandboxServer, tmp_path: Path, store_url: str
) -> None:
    profile = tmp_path / "desk"
    prepare(profile, sandbox)
    said = kill_runs(profile, KILLS, 0.0, random.Random(11))
    bookings, lined = tally(profile)
    print(
        f"\naudit kill -9 drill ({store_url.split(':')[0]}): {KILLS} kills, "
        f"{len(bookings)} bookings committed, {len(lined)} with a line"
    )
    assert set(said) <= bookings  # what a run said it committed is there
    assert len(bookings) >= KILLS
    assert bookings == lined  # each booking its line, and no line without its booking


def test_negative_control_a_line_written_apart_is_lost_to_kills(
    sandbox: SandboxServer, tmp_path: Path, store_url: str
) -> None:
    if not store_url.startswith("sqlite"):
        pytest.skip("one store is enough to show the drill sees a lost line")
    profile = tmp_path / "apart"
    prepare(profile, sandbox)
    kill_runs(profile, 8, 0.25, random.Random(12))
    bookings, lined = tally(profile)
    print(f"\nnegative control: {len(bookings)} bookings, {len(bookings - lined)} without a line")
    assert bookings - lined

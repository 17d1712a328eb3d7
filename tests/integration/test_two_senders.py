"""Two senders on one profile: the desk's sync worker beside a ``frontdesk sync``, or two
``frontdesk sync --once`` started together. One holds the connection's sending role and sends
(so the API key is paced by one pacer); the other leaves the work to it and says so. Beneath
the role, each operation is claimed before it is sent, so every booking is created exactly once
however two senders interleave: two engines with the role switched off drain at once against a
sandbox that answers slowly (so the drains overlap) and keeps no guard of its own (duplicate
prevention off, our idempotency reference off); the negative control, two engines whose claim
takes nothing (the old ``mark_sent``), shows doubles, proving the test sees them. Each runs on
a desk's SQLite cache and on a clinic's PostgreSQL store."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.outbox import Operation
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.fault_spec import FaultSpec
from frontdesk.sandbox.huskyvoice.clinic import default_clinic
from frontdesk.storage.outbox_sending import OutboxSending
from frontdesk.storage.repo import Repository
from frontdesk.storage.rows import operation_of_row
from frontdesk.storage.tables import OutboxRow
from support.huskyvoice import queue_checkups

COUNT = 60


# each test twice: on a desk's SQLite cache and on a clinic's PostgreSQL store
pytestmark = pytest.mark.usefixtures("on_each_store")


@pytest.fixture
def sandbox() -> Iterator[SandboxServer]:
    clinic = dataclasses.replace(default_clinic(), duplicate_prevention=False)
    slow = FaultSpec.parse("slow=1,slow_s=0.04,seed=1")
    with SandboxServer(rate_limit=0, faults=slow, clinic=clinic) as server:
        yield server


def prepare(profile: Path, server: SandboxServer) -> list[str]:
    """A profile connected to the sandbox (no idempotency reference), ``COUNT`` creates queued."""
    injector = server.injectors["huskyvoice"]
    spec, injector.spec = injector.spec, FaultSpec()
    ctx = AppContext(Paths.resolve(profile), use_keyring=False)
    try:
        options = {"rate_per_minute": 100_000, "unsafe_disable_idempotency": "1"}
        record = ctx.connect("huskyvoice", "Two", server.base_url, server.api_key, options)
        ctx.engine.catalog_days = 0
        ctx.engine.pull(record.id)
        return queue_checkups(ctx, record.id, COUNT, "two", "Two Senders")
    finally:
        ctx.close()
        injector.spec = spec


def doubles_and_missing(server: SandboxServer, phones: list[str]) -> tuple[int, int]:
    counts = Counter(str(a["parent_phone"]) for a in server.state.appointments())
    return sum(1 for p in phones if counts[p] > 1), sum(1 for p in phones if counts[p] == 0)


def confirmed(profile: Path) -> int:
    ctx = AppContext(Paths.resolve(profile), use_keyring=False, connect=False)
    try:
        far = datetime.now(UTC) + timedelta(days=3650)
        mine = [b for b in ctx.repo.bookings_between(datetime.now(UTC), far) if b.id[:4] == "two-"]
        return sum(1 for b in mine if b.sync_state is SyncState.CONFIRMED)
    finally:
        ctx.close()


def test_two_sync_processes_started_together_send_each_booking_once(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    profile = tmp_path / "desk"
    phones = prepare(profile, sandbox)
    command = [sys.executable, "-m", "frontdesk", "--profile-dir", str(profile), "sync", "--once"]
    procs = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    outputs = [proc.communicate(timeout=300) for proc in procs]
    sent = []
    for out, err in outputs:
        assert "Traceback" not in err, err
        figures = re.search(r"sent (\d+)", out)
        assert figures is not None, out
        sent.append(int(figures.group(1)))
    # one holds the connection's sending role and sends; the other leaves it to that one,
    # unless it started after the first had finished and given the role up
    assert sum(sent) == COUNT  # every create went out once, from one process or the other
    assert doubles_and_missing(sandbox, phones) == (0, 0)
    assert confirmed(profile) == COUNT


class Unclaimed(OutboxSending):
    """The old ``mark_sent``: records the attempt and takes nothing (negative control)."""

    def claim(self, op_id: int, owner: str, now: datetime, **_: object) -> Operation | None:
        with self.db.write() as s:
            row = s.get_one(OutboxRow, op_id)
            before = operation_of_row(row)
            row.sent_at, row.attempts = now, row.attempts + 1
            return before

    def claim_to_send(
        self, op_id: int, owner: str, now: datetime, **_: object
    ) -> tuple[Operation, Booking | None] | None:
        op = self.claim(op_id, owner, now)
        return None if op is None else (op, Repository(self.db).booking(op.booking_id))


def drain_side_by_side(profile: Path, sending: type[OutboxSending]) -> None:
    contexts = [AppContext(Paths.resolve(profile), use_keyring=False) for _ in range(2)]
    try:
        for ctx in contexts:
            ctx.engine.repo = Repository(ctx.db)
            ctx.engine.repo.sending = sending(ctx.db)  # the claims, or none (the control)
            ctx.engine.roles = False  # both send at once: only the claims stand between them
        threads = [threading.Thread(target=ctx.engine.drain) for ctx in contexts]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
    finally:
        for ctx in contexts:
            ctx.close()


def test_two_engines_in_one_process_send_each_booking_once(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    profile = tmp_path / "desk"
    phones = prepare(profile, sandbox)
    drain_side_by_side(profile, OutboxSending)
    assert doubles_and_missing(sandbox, phones) == (0, 0)
    assert confirmed(profile) == COUNT


def test_negative_control_without_claims_shows_doubles(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    profile = tmp_path / "desk"
    phones = prepare(profile, sandbox)
    drain_side_by_side(profile, Unclaimed)
    doubles, _ = doubles_and_missing(sandbox, phones)
    print(f"\nnegative control: {COUNT} bookings, {doubles} created twice")
    assert doubles > 0


def test_a_sync_leaves_the_work_to_the_sender_holding_the_role(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    profile = tmp_path / "desk"
    phones = prepare(profile, sandbox)
    desk = AppContext(Paths.resolve(profile), use_keyring=False)
    command = [sys.executable, "-m", "frontdesk", "--profile-dir", str(profile), "sync", "--once"]
    try:
        cid = desk.connections()[0].id
        assert desk.engine.may_refresh(cid)  # the desk sends for the connection
        left = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert "sent 0," in left.stdout
        assert f"Two: sent and refreshed by {desk.engine.owner}" in left.stdout
    finally:
        desk.close()  # gives the role up
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert f"sent {COUNT}," in done.stdout, done.stdout + done.stderr
    assert doubles_and_missing(sandbox, phones) == (0, 0)

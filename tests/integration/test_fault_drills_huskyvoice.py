"""Fault drills against HuskyVoice: 500 scripted sequences of connection errors, timeouts after
the commit, answers cut mid-way, 5xx, 429 with Retry-After (seconds and HTTP date) and
malformed bodies. After each: exactly one remote booking, confirmed locally, no retry earlier
than Retry-After; a 4xx refusal is never retried."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.outbox import OperationKind, OperationState
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.providers.base import Connector
from frontdesk.providers.huskyvoice import HuskyVoiceConnector
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.fault_spec import FaultInjector, FaultSpec
from frontdesk.storage.db import Database
from frontdesk.storage.repo import ConnectionRecord, Repository
from frontdesk.sync.engine import SyncEngine
from support.net import free_port

SEQUENCES = 500
FAULTS = ["5xx", "429", "reset", "late", "drop", "garbage", "connect"]
CID = "drill"


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(scope="module")
def drill(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, object]]:
    spec = FaultSpec(rates={}, slow_s=0.3, retry_after_s=1)
    with SandboxServer(rate_limit=0, faults=spec) as server:
        db = Database.open(Path(tmp_path_factory.mktemp("drill")) / "cache.sqlite3")
        repo = Repository(db)
        repo.add_connection(ConnectionRecord(CID, "Drill", "huskyvoice", server.base_url, {}, None))
        live = HuskyVoiceConnector(CID, server.base_url, server.api_key, timeout=0.15)
        dead = HuskyVoiceConnector(CID, f"http://127.0.0.1:{free_port()}/v1", "k", timeout=0.15)
        live.rate_per_minute = 1_000_000  # pacing is tested apart; the drill runs flat out
        clock = Clock()
        connectors: dict[str, Connector] = {CID: live}
        engine = SyncEngine(repo, connectors, clock=clock, catalog_days=28)
        engine.pull(CID)
        yield {
            "server": server,
            "repo": repo,
            "engine": engine,
            "clock": clock,
            "live": live,
            "dead": dead,
            "connectors": connectors,
        }
        live.close()
        dead.close()
        db.close()


def slots(repo: Repository) -> Iterator[tuple[str, datetime]]:
    """Distinct (branch, start) pairs inside open windows, a few per window."""
    today = datetime.now(UTC).date()
    catalog = repo.catalog(CID, today + timedelta(days=2), today + timedelta(days=27))
    for window in catalog.windows:
        if not window.open:
            continue
        for minutes in range(0, 120, 20):
            start = local_to_utc(window.day, window.start, "Europe/London").instant
            start += timedelta(minutes=minutes)
            yield window.resource_id, start


def test_fault_drills(drill: dict[str, object]) -> None:
    server: SandboxServer = drill["server"]  # type: ignore[assignment]
    repo: Repository = drill["repo"]  # type: ignore[assignment]
    engine: SyncEngine = drill["engine"]  # type: ignore[assignment]
    clock: Clock = drill["clock"]  # type: ignore[assignment]
    connectors: dict[str, Connector] = drill["connectors"]  # type: ignore[assignment]
    injector: FaultInjector = server.injectors["huskyvoice"]
    services = [
        s.id for s in repo.catalog(CID, clock.now.date(), clock.now.date()).services if s.active
    ]
    rng = random.Random(20261121)
    places = slots(repo)
    seen_faults: dict[str, int] = dict.fromkeys(FAULTS, 0)
    retries_checked = 0
    for n in range(SEQUENCES):
        script = [rng.choice(FAULTS) for _ in range(rng.randint(1, 3))]
        branch, start = next(places)
        booking = Booking(
            id=f"drill-{n}",
            connection_id=CID,
            service_id=services[n % len(services)],
            resource_id=branch,
            start=start,
            end=start + timedelta(minutes=30),
            patient_name="Drill Patient",
            patient_phone=f"+447700{n:06d}",
        )
        repo.book(booking, OperationKind.CREATE, {}, f"key-{n}", "drill")
        clock.now = max(clock.now, datetime.now(UTC))  # the queue stamps real time
        for attempt in range(12):
            fault = script[attempt] if attempt < len(script) else None
            if fault is not None:
                seen_faults[fault] += 1
            connectors[CID] = drill["dead"] if fault == "connect" else drill["live"]  # type: ignore[assignment]
            injector.script([fault if fault not in (None, "connect") else None])
            before = clock.now
            engine.drain()
            op = next(o for o in _ops(repo, booking.id))
            if op.state is not OperationState.QUEUED:
                break
            wait = (op.next_attempt_at - before).total_seconds()
            if fault == "429":
                assert wait >= 1.0, f"sequence {n}: retry before Retry-After ({wait:.2f}s)"
                retries_checked += 1
            clock.now = op.next_attempt_at
        else:
            pytest.fail(f"sequence {n} {script}: still queued after 12 attempts")
        stored = repo.booking(booking.id)
        assert stored is not None and stored.sync_state is SyncState.CONFIRMED, (n, script)
        copies = [
            a for a in server.state.appointments() if a.get("external_reference_id") == booking.id
        ]
        assert len(copies) == 1, f"sequence {n} {script}: {len(copies)} remote copies"
    connectors[CID] = drill["live"]  # type: ignore[assignment]
    assert all(count >= 50 for count in seen_faults.values()), seen_faults
    assert retries_checked >= 50
    print(f"\nfault drills: {SEQUENCES} sequences, faults injected {seen_faults}")


def test_a_refusal_is_never_retried(drill: dict[str, object]) -> None:
    repo: Repository = drill["repo"]  # type: ignore[assignment]
    engine: SyncEngine = drill["engine"]  # type: ignore[assignment]
    clock: Clock = drill["clock"]  # type: ignore[assignment]
    day = clock.now.date() + timedelta(days=3)
    while day.weekday() != 6:
        day += timedelta(days=1)
    from datetime import time

    start = local_to_utc(day, time(9, 30), "Europe/London").instant  # Sunday: window closed
    booking = Booking(
        id="drill-refused",
        connection_id=CID,
        service_id="f47ac10b-58cc-4372-a567-0e02b2c3d479",
        resource_id="branch_uuid_here",
        start=start,
        end=start + timedelta(minutes=30),
        patient_name="Drill Patient",
        patient_phone="+447700999999",
    )
    repo.book(booking, OperationKind.CREATE, {}, "key-refused", "drill")
    clock.now = max(clock.now, datetime.now(UTC))
    engine.drain()
    op = next(o for o in _ops(repo, booking.id))
    assert op.state is OperationState.FAILED and op.attempts == 1
    clock.now += timedelta(days=1)
    assert engine.drain().sent == 0
    stored = repo.booking(booking.id)
    assert stored is not None and stored.problem_code == "SLOT_INACTIVE"


def _ops(repo: Repository, booking_id: str) -> list[object]:
    from sqlalchemy import select

    from frontdesk.storage.repo import _operation
    from frontdesk.storage.tables import OutboxRow

    with repo.db.read() as s:
        rows = s.scalars(select(OutboxRow).where(OutboxRow.booking_id == booking_id))
        return [_operation(r) for r in rows]

"""Fault drills, shared by every API: a real sandbox with scripted faults, the real sync engine
on a fake clock, and a runner that books one booking per sequence, scripts 1..3 faults on its
attempts and then checks: exactly one remote copy, the booking settled, no retry earlier than
the server's Retry-After. A refusal (4xx) is checked to be sent once and never again.

Where no lookup can tell whether a lost answer's create arrived (meetergo's provisional
bookings), the operation's outcome is *unknown*: the runner then checks it was neither resent
nor closed (at most one remote copy, the booking marked), and settles it as the person at the
desk would after looking (``settle``), before the sequence goes on."""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.outbox import Operation, OperationKind, OperationState, Settlement
from frontdesk.providers.base import Accepted, Ambiguous, Connector
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.fault_spec import FaultInjector, FaultSpec
from frontdesk.storage.db import Database
from frontdesk.storage.repo import ConnectionRecord, Repository
from frontdesk.sync.engine import SyncEngine
from support.cache_keys import TEST_KEY
from support.fakes import ops_of
from support.net import free_port

SEQUENCES = 500
# "connect" is not a sandbox fault: the attempt goes through a connector aimed at a closed port.
FAULTS = ["5xx", "429", "reset", "late", "drop", "garbage", "connect"]
SERVER_FAULTS = [f for f in FAULTS if f != "connect"]
CID = "drill"
# Longer than the engine's own backoff over the first three attempts (at most 2, 4, 8 s), so
# a retry that ignored Retry-After would show.
RETRY_AFTER_S = 10
# Retry-After as an HTTP date has whole seconds; the sandbox rounds it up by one second, so the
# wait the client reads can only fall short of RETRY_AFTER_S by the time the answer was in
# flight (milliseconds on loopback).
IN_FLIGHT_S = 0.25
TIMEOUT_S = 0.15  # the client's timeout: shorter than the sandbox's "late" answers
LATE_S = 0.3


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Rig:
    server: SandboxServer
    provider: str
    repo: Repository
    engine: SyncEngine
    clock: Clock
    live: Connector
    dead: Connector
    connectors: dict[str, Connector] = field(default_factory=dict)

    @property
    def injector(self) -> FaultInjector:
        return self.server.injectors[self.provider]


MakeConnector = Callable[[str, str, float], Connector]  # base_url, api_key, timeout


@contextmanager
def rig(
    tmp: Path,
    provider: str,
    make: MakeConnector,
    *,
    api_key: str | None = None,
    options: dict[str, object] | None = None,
    catalog_days: int = 28,
) -> Iterator[Rig]:
    """A sandbox of ``provider`` with scripted faults, a cache, an engine and two connectors:
    one live, one aimed at a closed port (the "connect" fault)."""
    spec = FaultSpec(rates={}, slow_s=LATE_S, retry_after_s=RETRY_AFTER_S)
    with SandboxServer(rate_limit=0, providers=(provider,), faults=spec) as server:
        api = server.provider(provider)
        key = api_key or api.build.api_key
        db = Database.open(tmp / "cache.sqlite3", TEST_KEY)
        repo = Repository(db)
        repo.catalogs.add_connection(
            ConnectionRecord(CID, "Drill", provider, api.base_url, options or {}, None)
        )
        parts = urlsplit(api.base_url)
        closed = urlunsplit(parts._replace(netloc=f"127.0.0.1:{free_port()}"))
        live = make(api.base_url, key, TIMEOUT_S)
        dead = make(closed, key, TIMEOUT_S)
        live.rate_per_minute = 1_000_000  # pacing is tested apart; the drill runs flat out
        clock = Clock()
        connectors: dict[str, Connector] = {CID: live}
        engine = SyncEngine(repo, connectors, clock=clock, catalog_days=catalog_days)
        engine.pull(CID)
        try:
            yield Rig(server, provider, repo, engine, clock, live, dead, connectors)
        finally:
            live.close()
            dead.close()
            db.close()


def run_drill(
    rig: Rig,
    bookings: Iterable[Booking],
    copies: Callable[[Booking], int],
    *,
    seed: int,
    sequences: int = SEQUENCES,
    settled: tuple[SyncState, ...] = (SyncState.CONFIRMED,),
    max_offset: int = 0,
    after: Callable[[Booking], None] | None = None,
    patient_records: bool = False,
    settle: Callable[[Booking, int], Settlement] | None = None,
    min_each: int = 50,
) -> dict[str, int]:
    """Run the sequences; return how many faults of each kind were injected.

    Each attempt scripts its fault on one of the attempt's first ``max_offset + 1`` API
    requests (an attempt may read before it writes: a lookup after a lost answer, a contact
    search), so the write itself is hit too. Faults are counted where they actually happened
    (the injector's counts), so a fault scripted past an attempt's last request is not counted.
    ``after`` gets each settled booking once checked (an API with few free slots cancels it
    there, so its slot is free for a later sequence). ``patient_records``: each booking is a new
    patient whose record (a CREATE_PATIENT) goes first; the faults fall on either operation.
    ``settle`` is the person at the desk for an operation whose outcome is unknown: given the
    booking and its remote copies now, it decides; without it an unknown outcome fails the
    drill. ``min_each``: the least count of each fault (and of checked Retry-Afters) a run must
    have injected to count.
    """
    rng = random.Random(seed)
    injector = rig.injector
    seen: dict[str, int] = dict.fromkeys(FAULTS, 0)
    retries_checked = 0
    seen["unknown"] = 0
    places = iter(bookings)
    for n in range(sequences):
        script = [rng.choice(FAULTS) for _ in range(rng.randint(1, 3))]
        booking = next(places)
        rig.repo.book(
            booking,
            OperationKind.CREATE,
            {},
            f"key-{booking.id}",
            "drill",
            patient_records=patient_records,
        )
        rig.clock.now = max(rig.clock.now, datetime.now(UTC))  # the queue stamps real time
        for attempt in range(12):
            fault = script[attempt] if attempt < len(script) else None
            rig.connectors[CID] = rig.dead if fault == "connect" else rig.live
            if fault is None or fault == "connect":
                injector.script([])
            else:
                injector.script([None] * rng.randint(0, max_offset) + [fault])
            counts = dict(injector.stats.counts)
            before = rig.clock.now
            rig.engine.drain()
            injector.script([])
            hit = {k: injector.stats.counts[k] - counts[k] for k in SERVER_FAULTS}
            for kind, count in hit.items():
                seen[kind] += count
            seen["connect"] += fault == "connect"
            unknown = in_state(rig.repo, booking.id, OperationState.UNKNOWN)
            if unknown and settle is not None:
                found = copies(booking)
                assert found <= 1, f"sequence {n} {script}: {found} remote copies while unknown"
                stored = rig.repo.booking(booking.id)
                assert stored is not None and stored.sync_state is SyncState.OUTCOME_UNKNOWN, n
                assert rig.engine.drain().sent == 0, f"sequence {n} {script}: resent by itself"
                seen["unknown"] += 1
                rig.repo.sending.settle_unknown(unknown[0].id, settle(booking, found), "drill")
                again = in_state(rig.repo, booking.id, OperationState.QUEUED)
                if again:  # sent again: due from the real now
                    rig.clock.now = max(rig.clock.now, again[0].next_attempt_at)
                    continue
            queued = in_state(rig.repo, booking.id, OperationState.QUEUED)
            if not queued:
                break
            op = queued[0]  # the one attempted: any after it waits for it
            wait = (op.next_attempt_at - before).total_seconds()
            if hit["429"]:
                assert wait >= RETRY_AFTER_S - IN_FLIGHT_S, (
                    f"sequence {n} {script}: retry before Retry-After ({wait:.2f}s)"
                )
                retries_checked += 1
            rig.clock.now = op.next_attempt_at
        else:
            pytest.fail(f"sequence {n} {script}: still queued after 12 attempts")
        stored = rig.repo.booking(booking.id)
        assert stored is not None, n
        assert stored.sync_state in settled, (
            f"sequence {n} {script}: {stored.sync_state} {stored.problem_code} "
            f"{stored.problem_message}"
        )
        found = copies(booking)
        assert found == 1, f"sequence {n} {script}: {found} remote copies"
        kinds = [o.kind for o in ops_of(rig.repo, booking.id)]
        first = [OperationKind.CREATE_PATIENT] if patient_records else []
        assert kinds == [*first, OperationKind.CREATE], f"sequence {n} {script}: {kinds}"
        if after is not None:
            after(stored)
    rig.connectors[CID] = rig.live
    assert all(count >= min_each for kind, count in seen.items() if kind != "unknown"), seen
    assert retries_checked >= min_each, retries_checked
    print(f"\n{rig.provider} fault drills: {sequences} sequences, faults injected {seen}")
    return seen


def assert_refusal_not_retried(
    rig: Rig, booking: Booking, code: str | None = None, patient_records: bool = False
) -> None:
    """A booking the API refuses: sent once, flagged, never sent again (even a day later).
    With ``patient_records`` the patient's record goes first and is made once."""
    rig.connectors[CID] = rig.live
    rig.injector.script([])
    rig.repo.book(
        booking,
        OperationKind.CREATE,
        {},
        f"key-{booking.id}",
        "drill",
        patient_records=patient_records,
    )
    rig.clock.now = max(rig.clock.now, datetime.now(UTC))
    rig.engine.drain()
    ops = ops_of(rig.repo, booking.id)
    if patient_records:
        first, *ops = ops
        assert first.kind is OperationKind.CREATE_PATIENT, first
        assert first.state is OperationState.DONE and first.attempts == 1, first
    assert len(ops) == 1, ops
    op = ops[0]
    assert op.state is OperationState.FAILED and op.attempts == 1, op
    rig.clock.now += timedelta(days=1)
    assert rig.engine.drain().sent == 0
    stored = rig.repo.booking(booking.id)
    assert stored is not None and stored.sync_state is SyncState.NEEDS_ATTENTION
    if code is not None:
        assert stored.problem_code == code, stored.problem_code


def in_state(repo: Repository, booking_id: str, state: OperationState) -> list[Operation]:
    """The booking's operations in ``state``, oldest first."""
    return [op for op in ops_of(repo, booking_id) if op.state is state]


def spaced(starts: Iterable[datetime], gap: timedelta) -> list[datetime]:
    """``starts`` in order, keeping each only when it is at least ``gap`` after the last kept
    (places that never overlap one another)."""
    kept: list[datetime] = []
    for start in sorted(starts):
        if not kept or start >= kept[-1] + gap:
            kept.append(start)
    return kept


def new_patients(
    starts: Sequence[datetime],
    *,
    service_id: str,
    resource_id: str,
    minutes: int,
    prefix: str = "drill",
    name: str = "Drill Patient{n}",
    phone: str = "+12125550100",
) -> Iterator[Booking]:
    """A new patient per sequence (``name`` and ``phone`` formatted with ``n``), the starts used
    in turn: the drill frees each place once checked, so it is free again when its turn comes
    back."""
    assert len(starts) >= 100, len(starts)
    for n in itertools.count():
        start = starts[n % len(starts)]
        yield Booking(
            id=f"{prefix}-{n}",
            connection_id=CID,
            service_id=service_id,
            resource_id=resource_id,
            start=start,
            end=start + timedelta(minutes=minutes),
            patient_name=name.format(n=n),
            patient_phone=phone.format(n=n),
            patient_email=f"{prefix}{n}@example.com",
        )


def cancel_remotely(rig: Rig) -> Callable[[Booking], None]:
    """``run_drill``'s ``after`` for APIs with few free places: cancel each checked booking
    there (no fault injected), so its place is free for a later sequence."""

    def cancel(booking: Booking) -> None:
        rig.injector.script([])
        # no fault is injected here; on a machine busy enough to time a request out, the
        # cancel (the same key, so at most once) is asked again rather than failing the drill
        for _ in range(3):
            cancelled = rig.live.cancel(booking, f"cancel-{booking.id}")
            if not isinstance(cancelled, Ambiguous):
                break
        assert isinstance(cancelled, Accepted), cancelled

    return cancel

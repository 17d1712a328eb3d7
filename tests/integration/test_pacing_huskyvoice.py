"""Pacing under HuskyVoice's 60 requests/minute sliding window, on a fake clock shared by the
desk and the sandbox: 300 bookings drain with no 429 and use at least 90% of the allowance."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta
from pathlib import Path

from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.providers.huskyvoice import HuskyVoiceConnector
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.ratelimit import SlidingWindowLimiter
from frontdesk.storage.db import Database
from frontdesk.storage.repo import ConnectionRecord, Repository
from frontdesk.sync.engine import SyncEngine
from support.cache_keys import TEST_KEY

BOOKINGS = 300
CID = "pace"


class CountingLimiter(SlidingWindowLimiter):
    """The sandbox's limiter, counting every request it judged."""

    requests = 0

    def hit(self, key: str) -> object:  # type: ignore[override]
        self.requests += 1
        return super().hit(key)


class FakeTime:
    def __init__(self) -> None:
        self.now = datetime.now(UTC) + timedelta(seconds=1)
        self.slept = 0.0

    def __call__(self) -> datetime:
        return self.now

    def seconds(self) -> float:
        return self.now.timestamp()

    def sleep(self, seconds: float) -> bool:
        self.now += timedelta(seconds=seconds)
        self.slept += seconds
        return False


def test_300_bookings_drain_at_the_documented_rate(tmp_path: Path) -> None:
    fake = FakeTime()
    with SandboxServer(rate_limit=60) as server:
        limiter = CountingLimiter(60, clock=fake.seconds)
        server.state.limiter = limiter
        db = Database.open(tmp_path / "cache.sqlite3", TEST_KEY)
        repo = Repository(db)
        repo.catalogs.add_connection(
            ConnectionRecord(CID, "Pace", "huskyvoice", server.base_url, {}, None)
        )
        connector = HuskyVoiceConnector(CID, server.base_url, server.api_key)
        try:
            engine = SyncEngine(
                repo, {CID: connector}, clock=fake, sleep=fake.sleep, catalog_days=0
            )
            engine.pull(CID)  # 3 requests: config, services, bookings
            catalog = repo.catalogs.catalog(
                CID, fake.now.date(), fake.now.date() + timedelta(days=40)
            )
            windows = [w for w in catalog.windows if w.open and w.day > fake.now.date()]
            assert not windows  # catalog_days=0: no windows needed for a drain
            day = fake.now.date() + timedelta(days=2)
            made = 0
            while made < BOOKINGS:
                day += timedelta(days=1)
                if day.weekday() == 6:
                    continue
                for branch in ("branch_uuid_here", "branch_north"):
                    for hour in (9, 10, 11, 14, 15, 16):
                        for service in ("f47ac10b-58cc-4372-a567-0e02b2c3d479",):
                            if made >= BOOKINGS:
                                break
                            start = local_to_utc(
                                day, datetime.min.time().replace(hour=hour), "Europe/London"
                            ).instant
                            booking = Booking(
                                id=f"pace-{made}",
                                connection_id=CID,
                                service_id=service,
                                resource_id=branch,
                                start=start,
                                end=start + timedelta(minutes=30),
                                patient_name="Pace Patient",
                                patient_phone=f"+4420794{made:05d}",
                            )
                            repo.book(booking, OperationKind.CREATE, {}, f"k{made}", "bench")
                            made += 1
            fake.now = max(fake.now, datetime.now(UTC))
            started = fake.now
            rate_limited = 0
            while repo.outbox.pending_count(CID):
                report = engine.drain()
                rate_limited += report.retrying
                if repo.outbox.pending_count(CID) and report.sent == 0:
                    due = repo.outbox.next_due_at(CID)
                    assert due is not None
                    held = timedelta(seconds=engine.buckets[CID].held_for())
                    assert due > fake.now or held, "a due operation was not sent"
                    fake.now = max(fake.now + held, due)
            elapsed = (fake.now - started).total_seconds()
        finally:
            connector.close()
            db.close()
        confirmed = [b for b in repo_bookings(tmp_path) if b == SyncState.CONFIRMED]
    # A perfect client starting on an empty window needs (ceil(R/60) - 1) minutes for R
    # requests (the pull's included); how close did the drain come?
    ideal = (math.ceil(limiter.requests / 60) - 1) * 60
    used = ideal / elapsed
    print(
        f"\npacing: {BOOKINGS} bookings ({limiter.requests} requests) in {elapsed:.0f} s of clock, "
        f"429s: {rate_limited}, allowance used: {used:.0%}"
    )
    assert rate_limited == 0
    assert len(confirmed) == BOOKINGS
    assert used >= 0.9


def repo_bookings(tmp_path: Path) -> list[SyncState]:
    db = Database.open(tmp_path / "cache.sqlite3", TEST_KEY)
    try:
        repo = Repository(db)
        far = datetime.now(UTC) + timedelta(days=400)
        return [b.sync_state for b in repo.bookings_between(datetime.now(UTC), far, CID)]
    finally:
        db.close()

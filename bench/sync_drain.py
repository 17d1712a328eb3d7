"""Drain throughput against the real HuskyVoice sandbox, with its rate limit scaled up.

Books N bookings into a fresh cache, then drains them through the real sync engine and HTTP
connector over loopback, paced at the same scaled limit the sandbox enforces. Prints bookings
per second and how many 429s were seen (the pacer should leave none).

    uv run python bench/sync_drain.py [--bookings 1000] [--rate-limit 600]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from frontdesk.domain.booking import Booking
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.providers.huskyvoice import HuskyVoiceConnector
from frontdesk.sandbox import SandboxServer
from frontdesk.storage.db import Database
from frontdesk.storage.repo import ConnectionRecord, Repository
from frontdesk.sync.engine import SyncEngine

CHECKUP = "f47ac10b-58cc-4372-a567-0e02b2c3d479"
BRANCHES = ("branch_uuid_here", "branch_north")
SERVICES = (CHECKUP, "b3d1c5e2-7a4f-4e8b-9c6d-1f2a3b4c5d6e")


def slots(count: int) -> list[tuple[str, datetime]]:
    found: list[tuple[str, datetime]] = []
    day = datetime.now(UTC).date() + timedelta(days=2)
    while len(found) < count:
        day += timedelta(days=1)
        if day.weekday() == 6:
            continue
        for branch in BRANCHES:
            for hour in (9, 10, 11, 14, 15, 16):
                for minute in (0, 30):  # six a window: its ai_slots, every service together
                    start = local_to_utc(day, clock_time(hour, minute), "Europe/London").instant
                    found.append((branch, start))
    return found[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bookings", type=int, default=1000)
    parser.add_argument("--rate-limit", type=int, default=600, help="requests per minute")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, SandboxServer(rate_limit=args.rate_limit) as server:
        db = Database.open(Path(tmp) / "cache.sqlite3")
        repo = Repository(db)
        repo.add_connection(
            ConnectionRecord("bench", "Bench", "huskyvoice", server.base_url, {}, None)
        )
        connector = HuskyVoiceConnector("bench", server.base_url, server.api_key)
        connector.rate_per_minute = args.rate_limit
        engine = SyncEngine(repo, {"bench": connector}, catalog_days=0)
        services = [s.id for s in connector.pull_catalog([]).services if s.active]
        for n, (branch, start) in enumerate(slots(args.bookings)):
            booking = Booking(
                id=f"bench-{n}",
                connection_id="bench",
                service_id=services[n % len(services)],
                resource_id=branch,
                start=start,
                end=start + timedelta(minutes=20),
                patient_name="Bench Patient",
                patient_phone=f"+4420794{n:05d}",
            )
            repo.book(booking, OperationKind.CREATE, {}, f"key-{n}", "bench")
        started = time.perf_counter()
        rate_limited = 0
        while repo.pending_count():
            report = engine.drain()
            rate_limited += report.retrying
            if report.sent == 0:
                time.sleep(0.05)
        elapsed = time.perf_counter() - started
        remote = len(server.state.appointments())
        connector.close()
        db.close()
    print(f"bookings drained:      {args.bookings}")
    print(f"remote bookings:       {remote}")
    print(f"sandbox limit:         {args.rate_limit} requests/minute")
    print(f"elapsed:               {elapsed:.2f} s")
    print(f"bookings per second:   {args.bookings / elapsed:.1f}")
    print(f"429s / retries seen:   {rate_limited}")


if __name__ == "__main__":
    main()

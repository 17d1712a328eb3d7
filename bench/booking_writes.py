"""Benchmark: what the bookings' indexes cost to write. Into a fresh cache: importing 300,000
bookings in batches of 20,000 (as a first pull or an import does), then pulling 20,000 new
ones into it through the field-by-field merge, then 200 bookings made one at a time at the desk.

Prints the total of each (seconds for the bulk writes, median and max per desk booking), into
the encrypted cache a desk has (SQLCipher) and, alternating run for run, into a plain SQLite
cache as before encryption (``--rounds N``: N of each, default 1).

Run: ``uv run python bench/booking_writes.py [--rounds 2]``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from datetime import time as wall
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_data import SERVICES, ZONE, report, this_monday

from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.outbox import OperationKind
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.storage.db import Database
from frontdesk.storage.repo import ConnectionRecord, Repository

TOTAL = 300_000
BATCH = 20_000
PULLED = 20_000
AT_THE_DESK = 200


def bookings(first: int, count: int, connection_id: str, remote: bool) -> list[Booking]:
    """``count`` bookings spread over the weeks like the views' bench cache (5,000 a week)."""
    monday = this_monday() - timedelta(weeks=10)
    made = []
    for n in range(first, first + count):
        week, index = divmod(n, 5_000)
        day = monday + timedelta(weeks=week, days=index % 6)
        minute = 8 * 60 + (n * 37) % (12 * 60 - 30) // 5 * 5
        start = local_to_utc(day, wall(minute // 60, minute % 60), ZONE).instant
        service = SERVICES[n % len(SERVICES)]
        made.append(
            Booking(
                id=f"w-{n:07d}",
                connection_id=connection_id,
                service_id=service.id,
                resource_id=f"res-{(index // 6) % 30:02d}",
                start=start,
                end=start + timedelta(minutes=service.duration_minutes),
                patient_name=f"Patient {n % 40_000}",
                patient_phone=f"+4420794{n % 40_000:05d}",
                remote_id=f"r-{n:07d}" if remote else None,
                sync_state=SyncState.CONFIRMED if remote else SyncState.PENCILLED,
            )
        )
    return made


def run(encrypted: bool) -> None:
    """One round into a fresh cache; wall time, and the process's CPU time (what encryption
    adds is CPU work, and CPU time is less moved by other jobs on a shared machine)."""
    label = "encrypted" if encrypted else "plain"
    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "cache.sqlite3", os.urandom(32) if encrypted else None)
        repo = Repository(db)
        record = ConnectionRecord("bench", "Bench", "huskyvoice", "http://127.0.0.1:9/v1", {}, None)
        repo.catalogs.add_connection(record)
        wall = cpu = 0.0
        for first in range(0, TOTAL, BATCH):
            batch = bookings(first, BATCH, record.id, remote=True)
            started, used = time.perf_counter(), time.process_time()
            repo.import_bookings(batch)
            wall += time.perf_counter() - started
            cpu += time.process_time() - used
        print(f"[{label}] import 300,000 bookings (15 batches): {wall:.2f} s (CPU {cpu:.2f} s)")
        pulled = bookings(TOTAL, PULLED, record.id, remote=True)
        started, used = time.perf_counter(), time.process_time()
        repo.remote.merge_remote(record.id, pulled)
        wall, cpu = time.perf_counter() - started, time.process_time() - used
        print(f"[{label}] pull 20,000 new bookings into them: {wall:.2f} s (CPU {cpu:.2f} s)")
        times, cpu_ms = [], []
        for booking in bookings(TOTAL + PULLED, AT_THE_DESK, record.id, remote=False):
            started, used = time.perf_counter(), time.process_time()
            repo.book(booking, OperationKind.CREATE, {}, f"k-{booking.id}", "bench")
            times.append((time.perf_counter() - started) * 1000)
            cpu_ms.append((time.process_time() - used) * 1000)
        report(f"[{label}] book one at the desk", times)
        report(f"[{label}] book one at the desk, CPU", cpu_ms)
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1)
    rounds = parser.parse_args().rounds
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    for _ in range(rounds):
        run(encrypted=True)
        run(encrypted=False)
        sys.stdout.flush()
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()

"""Shared by the benchmarks: a profile with one clinic of 30 resources, 5,000 appointments in
the current week and 300,000 in the cache (about 60 weeks), written through the repository.

The profile is generated once into the temp dir and reused by every script (delete
``frontdesk-bench-v1`` there to generate it again). Not a test: nothing here asserts.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from datetime import time as wall
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.catalog import Catalog, Policy, Resource, Service, Window
from frontdesk.domain.timeutil import local_to_utc, to_local, utc_now

ZONE = "Europe/London"
RESOURCES = 30
WEEK_BOOKINGS = 5_000
TOTAL_BOOKINGS = 300_000
PROFILE = Path(tempfile.gettempdir()) / "frontdesk-bench-v1"
SESSIONS = (
    ("Morning", wall(8), wall(12)),
    ("Afternoon", wall(13), wall(17)),
    ("Evening", wall(17), wall(20)),
)
SERVICES = [
    Service("svc-check", "General Checkup", 30, "#4F8EF7"),
    Service("svc-vacc", "Vaccination", 15, "#34A853"),
    Service("svc-clean", "Dental Cleaning", 45, "#F9AB00"),
    Service("svc-follow", "Follow-up", 20, "#A142F4"),
    Service("svc-xray", "X-ray", 10, "#E8710A"),
]
FIRST = [
    "Amelia",
    "Oliver",
    "Isla",
    "George",
    "Ava",
    "Noah",
    "Mia",
    "Arthur",
    "Freya",
    "Leo",
    "Grace",
    "Oscar",
    "Lily",
    "Harry",
    "Evie",
    "Jack",
    "Sophia",
    "Theo",
    "Ruby",
    "Finley",
    "Aisha",
    "Mateo",
    "Zara",
    "Ivan",
    "Nadia",
    "Tomasz",
    "Chloe",
    "Kwame",
    "Yuki",
    "Omar",
]
LAST = [
    "Hart",
    "Okafor",
    "Patel",
    "Williams",
    "Nowak",
    "Campbell",
    "Chen",
    "Murphy",
    "Khan",
    "Evans",
    "Rossi",
    "Hughes",
    "Adeyemi",
    "Walsh",
    "Singh",
    "Fraser",
    "Ahmed",
    "Price",
    "Kowalski",
    "Mensah",
    "Tanaka",
    "Haddad",
    "Novak",
    "Silva",
    "Byrne",
    "Reid",
]


def this_monday() -> date:
    today = to_local(utc_now(), ZONE).date()
    return today - timedelta(days=today.weekday())


def open_profile() -> AppContext:
    """The bench profile (generated on first use); an ``AppContext`` on it."""
    marker = PROFILE / "ready"
    if not marker.exists() or marker.read_text() != this_monday().isoformat():
        shutil.rmtree(PROFILE, ignore_errors=True)
        started = time.perf_counter()
        _generate()
        marker.write_text(this_monday().isoformat())
        print(f"(generated the bench profile in {time.perf_counter() - started:.1f} s)")
    return AppContext(Paths.resolve(PROFILE), use_keyring=False)


def copy_profile(source: Path, dest: Path) -> None:
    """A copy of a bench profile that opens: the cache's key is kept under the cache file's
    path (``app.cache_key.key_name``), so the copy's protected key file gets it under its own."""
    from frontdesk.app.cache_key import key_name
    from frontdesk.app.credentials import Credentials

    shutil.copytree(source, dest)
    old, new = Paths.resolve(source), Paths.resolve(dest)
    credentials = Credentials(new.credentials_file, use_keyring=False)
    key = credentials.get(key_name(old.database))
    if key is not None:
        credentials.set(key_name(new.database), key, allow_file=True)


def _generate() -> None:
    context = AppContext(Paths.resolve(PROFILE), use_keyring=False)
    record = context.connect("huskyvoice", "Bench clinic", "http://127.0.0.1:9/v1", "sk_test_bench")
    monday = this_monday()
    weeks = TOTAL_BOOKINGS // WEEK_BOOKINGS  # 60: the shown week is the 11th
    first_day = monday - timedelta(weeks=10)
    days = [first_day + timedelta(days=i) for i in range(weeks * 7)]
    resources = [
        Resource(
            f"res-{n:02d}", f"Dr {LAST[n % len(LAST)]}" if n < 20 else f"Room {n - 19}", "provider"
        )
        for n in range(RESOURCES)
    ]
    windows = [
        Window(
            f"w-{r.id}-{name}", r.id, day, start, end, name, name[:1] + "A", day.weekday() < 6, 400
        )
        for day in days
        for r in resources
        for name, start, end in SESSIONS
    ]
    catalog = Catalog(Policy(ZONE, True, True, 2), list(SERVICES), resources, windows)
    context.repo.catalogs.save_catalog(record.id, catalog, days)
    rng = random.Random(42)
    patients = [
        (f"{rng.choice(FIRST)} {rng.choice(LAST)}", f"+4420794{rng.randrange(10**5):05d}")
        for _ in range(40_000)
    ]
    batch: list[Booking] = []
    for n in range(TOTAL_BOOKINGS):
        week, index = divmod(n, WEEK_BOOKINGS)
        day = first_day + timedelta(weeks=week, days=index % 6)
        resource = resources[(index // 6) % RESOURCES]
        minute = 8 * 60 + rng.randrange(0, 12 * 60 - 30, 5)
        start = local_to_utc(day, wall(minute // 60, minute % 60), ZONE).instant
        service = SERVICES[rng.randrange(len(SERVICES))]
        name, phone = patients[rng.randrange(len(patients))]
        state = SyncState.CONFIRMED if rng.random() > 0.03 else SyncState.PENCILLED
        batch.append(
            Booking(
                id=f"bench-{n:06d}",
                connection_id=record.id,
                service_id=service.id,
                resource_id=resource.id,
                start=start,
                end=start + timedelta(minutes=service.duration_minutes),
                patient_name=name,
                patient_phone=phone,
                remote_id=f"r-{n:06d}",
                visit_status=VisitStatus.BOOKED,
                sync_state=state,
            )
        )
        if len(batch) == 20_000:
            context.repo.import_bookings(batch)
            batch = []
    if batch:
        context.repo.import_bookings(batch)
    with context.db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    context.close()


def timed(action: Callable[[], object], repeats: int) -> list[float]:
    """Milliseconds of each of ``repeats`` runs of ``action``."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return times


def report(label: str, times: list[float], budget_ms: float | None = None) -> None:
    median, worst = statistics.median(times), max(times)
    verdict = ""
    if budget_ms is not None:
        verdict = "  within budget" if median < budget_ms else f"  OVER the {budget_ms:g} ms budget"
    print(f"{label:<58} median {median:7.1f} ms   max {worst:7.1f} ms   (n={len(times)}){verdict}")


def week_start(monday: date) -> datetime:
    return local_to_utc(monday, wall(0), ZONE).instant

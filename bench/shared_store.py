"""Benchmark: several desks on one clinic's PostgreSQL store, booking into the same windows.

DESKS desk processes (default 4), each with its own profile on one throwaway PostgreSQL store,
fire BOOKINGS booking attempts each (default 500) at once into the same few HuskyVoice windows
(random times and patients, so most are refused: full windows, a patient's second booking of
the day). Beside them each desk's ``frontdesk sync`` runs and is killed with SIGKILL at random
moments and started again. Then the sync settles with nothing killed. Prints:
* bookings pencilled and refused at the desks;
* capacity: the most any window holds, at the desks and in the booking system, against its
  places (never above), and how many creates the booking system refused;
* doubles (a booking created twice remotely) and lost (pencilled, never created remotely);
* the API key's rate: requests the booking system refused as over its limit (429s), with the
  sandbox limiting at the rate the connector paces to;
* how long a booking made at one desk takes to reach another desk (the NOTIFY a desk's watch
  reads), from the moment the first desk's "Book" was pressed (the check and the write
  included), median and worst.

Run: ``uv run python bench/shared_store.py`` (PostgreSQL must be installed; the script starts
its own server). ``DESKS=2 BOOKINGS=100`` for a short run.
"""

from __future__ import annotations

import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from frontdesk.app.context import AppContext  # noqa: E402
from frontdesk.app.paths import Paths  # noqa: E402
from frontdesk.sandbox import SandboxServer  # noqa: E402
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID, default_clinic  # noqa: E402
from frontdesk.sandbox.ratelimit import SlidingWindowLimiter, Verdict  # noqa: E402
from support.postgres import Cluster, binaries  # noqa: E402

DESKS = int(os.environ.get("DESKS", "4"))
BOOKINGS = int(os.environ.get("BOOKINGS", "500"))
RATE = 600  # requests a minute: the connector paces to it, the sandbox limits at it
DAYS = 3  # weekdays booked into, from the day after tomorrow
SYNC_S = float(os.environ.get("SYNC_S", "40"))  # sync with kills, before the settling


class CountingLimiter(SlidingWindowLimiter):
    """The sandbox's limiter, counting the requests it refuses (429s)."""

    refused = 0

    def hit(self, key: str) -> Verdict:
        verdict = super().hit(key)
        if not verdict.allowed:
            CountingLimiter.refused += 1
        return verdict


def weekdays() -> list[date]:
    found: list[date] = []
    day = date.today() + timedelta(days=2)
    while len(found) < DAYS:
        if day.isoweekday() <= 5:
            found.append(day)
        day += timedelta(days=1)
    return found


def desk(url: str, profile: str, count: int, seed: int, out: str) -> None:
    """One desk: ``count`` booking attempts as fast as the desk takes them; one line each."""
    from frontdesk.app.booking_checks import BookingRefused
    from frontdesk.domain.booking_request import BookingRequest
    from frontdesk.domain.timeutil import local_to_utc

    ctx = AppContext(Paths.resolve(Path(profile)), use_keyring=False, database_url=url)
    rng = random.Random(seed)
    cid = ctx.connections()[0].id
    branches = [r.id for r in ctx.repo.catalogs.catalog(cid, date.today(), date.today()).resources]
    with open(out, "w", encoding="utf-8") as lines:
        for n in range(count):
            day = rng.choice(weekdays())
            at = clock_time(rng.choice([9, 10, 11, 14, 15, 16]), rng.choice([0, 30]))
            request = BookingRequest(
                connection_id=cid,
                service_id=GENERAL_CHECKUP_ID,
                resource_id=rng.choice(branches),
                start=local_to_utc(day, at, "Europe/London").instant,
                patient_name=f"Patient {seed}-{n}",
                patient_phone=f"+4420794{rng.randrange(60000, 61000):05d}",
            )
            pressed = time.time()  # from the receptionist's "Book" (check, write, commit)
            try:
                booking = ctx.booking.book(request)
                lines.write(json.dumps({"id": booking.id, "at": pressed}) + "\n")
            except BookingRefused as refused:
                lines.write(json.dumps({"refused": refused.verdicts[0].code}) + "\n")
    ctx.close()


def main() -> None:
    found = binaries()
    if found is None:
        sys.exit("PostgreSQL is not installed (apt-get install postgresql)")
    cluster = Cluster(found).start()
    work = Path(cluster.root.parent / f"frontdesk-bench-shared-{os.getpid()}")
    work.mkdir()
    clinic = default_clinic()
    try:
        url = cluster.new_database()
        with SandboxServer(rate_limit=RATE, clinic=clinic) as sandbox:
            sandbox.state.limiter = CountingLimiter(RATE)
            profiles = [work / f"desk{i}" for i in range(DESKS)]
            first = AppContext(Paths.resolve(profiles[0]), use_keyring=False, database_url=url)
            options = {"rate_per_minute": RATE}
            record = first.connect(
                "huskyvoice", "Clinic", sandbox.base_url, sandbox.api_key, options
            )
            first.engine.catalog_days = 10
            assert first.engine.may_refresh(record.id)  # as a desk does before it refreshes
            first.engine.pull(record.id)
            first.engine.stop_sending()  # the syncs below send; its requests still count
            for profile in profiles[1:]:
                other = AppContext(Paths.resolve(profile), use_keyring=False, database_url=url)
                other.credentials.set(record.id, sandbox.api_key)
                other.close()
            heard: dict[str, float] = {}
            stop = threading.Event()
            first.db.watch(lambda ids: [heard.setdefault(i, time.time()) for i in ids or ()], stop)
            time.sleep(1.0)
            env = {**os.environ, "FRONTDESK_DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}
            outs = [work / f"desk{i}.jsonl" for i in range(DESKS)]
            began = time.perf_counter()
            desks = [
                subprocess.Popen(
                    [sys.executable, __file__, "desk", url, str(p), str(BOOKINGS), str(i), str(o)],
                    env=env,
                )
                for i, (p, o) in enumerate(zip(profiles, outs, strict=True))
            ]
            kills = sync_with_kills(profiles, env, desks)
            booked_s = time.perf_counter() - began
            settle(profiles[0], env)
            stop.set()
            report(first, sandbox, clinic, outs, heard, kills, booked_s)
            first.close()
    finally:
        cluster.stop()
        subprocess.run(["rm", "-rf", str(work)], check=False)


def sync_with_kills(
    profiles: list[Path], env: dict[str, str], desks: list[subprocess.Popen[bytes]]
) -> int:
    """Each desk's ``frontdesk sync``, killed at random and started again, while the desks book
    and for ``SYNC_S`` seconds after; returns how many kills."""
    rng = random.Random(1)
    command = [sys.executable, "-m", "frontdesk", "--profile-dir"]
    syncs = [
        subprocess.Popen(
            [*command, str(p), "sync", "--interval", "1"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for p in profiles
    ]
    kills = 0
    deadline = None
    while True:
        if deadline is None and all(d.poll() is not None for d in desks):
            deadline = time.monotonic() + SYNC_S
        if deadline is not None and time.monotonic() > deadline:
            break
        time.sleep(rng.uniform(0.5, 3.0))
        i = rng.randrange(len(syncs))
        syncs[i].send_signal(signal.SIGKILL)
        syncs[i].wait()
        kills += 1
        syncs[i] = subprocess.Popen(
            [*command, str(profiles[i]), "sync", "--interval", "1"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    for proc in syncs:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    return kills


def settle(profile: Path, env: dict[str, str]) -> None:
    for _ in range(20):
        done = subprocess.run(
            [sys.executable, "-m", "frontdesk", "--profile-dir", str(profile), "sync", "--once"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        if "pending 0" in done.stdout:
            return
        time.sleep(2)


def window_of(clinic: object, branch: str, start: datetime) -> tuple[str, str] | None:
    local = start.astimezone(ZoneInfo("Europe/London"))
    for w in clinic.windows:  # type: ignore[attr-defined]
        same_day = w.branch_id == branch and w.weekday == local.isoweekday()
        if same_day and w.start_time <= local.time() < w.end_time:
            return (w.window_id, local.date().isoformat())
    return None


def remote_window(clinic: object, record: dict[str, object]) -> tuple[str, str] | None:
    """The window of an appointment as the booking system records it (branch, date, session)."""
    day = date.fromisoformat(str(record["date"]))
    for w in clinic.windows:  # type: ignore[attr-defined]
        same = w.branch_id == record["branch_id"] and w.session == record["session"]
        if same and w.weekday == day.isoweekday():
            return (w.window_id, day.isoformat())
    return None


def report(
    ctx: AppContext,
    sandbox: SandboxServer,
    clinic: object,
    outs: list[Path],
    heard: dict[str, float],
    kills: int,
    booked_s: float,
) -> None:
    places = {w.window_id: w.ai_slots for w in clinic.windows}  # type: ignore[attr-defined]
    made: dict[str, float] = {}
    refused: Counter[str] = Counter()
    for out in outs:
        for line in out.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if "id" in item:
                made[item["id"]] = item["at"]
            else:
                refused[item["refused"]] += 1
    local = [b for b in ctx.repo.bookings_by_ids(list(made)) if b.active]
    at_desks = Counter(window_of(clinic, b.resource_id, b.start) for b in local)
    remote = [a for a in sandbox.state.appointments() if a.get("status") != "cancelled"]
    refs = Counter(str(a.get("external_reference_id")) for a in remote)
    in_system = Counter(remote_window(clinic, a) for a in remote)
    over_desk = sum(1 for k, n in at_desks.items() if k and n > places[k[0]])
    over_remote = sum(1 for k, n in in_system.items() if k and n > places[k[0]])
    attention = ctx.repo.needs_attention(limit=100_000)
    latencies = sorted(heard[i] - made[i] for i in made if i in heard)
    print(f"desks {DESKS}, attempts {DESKS * BOOKINGS} in {booked_s:.1f} s, sync killed {kills}x")
    print(f"pencilled {len(made)}, refused at the desks {sum(refused.values())} {dict(refused)}")
    print(
        f"windows over their places: at the desks {over_desk}, in the booking system "
        f"{over_remote} (most in one window: {max(in_system.values(), default=0)} of "
        f"{max(places.values())})"
    )
    print(
        f"refused by the booking system {len(attention)}, "
        f"pending {ctx.repo.outbox.pending_count()}, "
        f"outcome unknown {ctx.repo.outbox.unknown_count()}"
    )
    doubles = sum(1 for i in made if refs[i] > 1)
    print(f"doubles {doubles}, lost {sum(1 for i in made if refs[i] == 0)}")
    print(f"rate: {CountingLimiter.refused} requests over the key's limit of {RATE}/min (429s)")
    if latencies:
        median = statistics.median(latencies) * 1000
        print(
            f"another desk sees a booking, from 'Book' pressed: median {median:.0f} ms, "
            f"worst {latencies[-1] * 1000:.0f} ms ({len(latencies)} of {len(made)} heard)"
        )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "desk":
        desk(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6])
    else:
        main()

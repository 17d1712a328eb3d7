"""Benchmark: ``frontdesk import`` into a big cache, and how its time grows with the file.

Into a copy of the shared bench profile (one HuskyVoice clinic, 30 providers, 300,000 cached
bookings): files of 100 and 1,000 rows, in rows per second (goal >= 500 rows/s). Into an empty
cache with the same catalog: 100, 1,000 and 10,000 rows, and the ratios of the times (goal:
10x the rows in <= 11x the time). Each figure is the whole ``import_csv`` call (read the file,
judge every row, write the accepted ones with their operations), the median of ``--repeats``
runs, each into a fresh copy; beside the wall time, the rate by the process's CPU time, which
other jobs on a shared machine do not add to.

The rows are what a clinic moving its diary in would have: the working days of the next four
weeks (``--weeks``), every provider, services and patients at random, on a five-minute grid
from 08:00 to 19:30 (the lunch hour has no window, so a few rows are refused). The cache's
bookings of a row's day (800 in this cache) are read once per day for the whole file, narrowed
to its rows' branches, patients and references where a day has few rows; the fewer rows a
day, the dearer a row still (each day's read scans the day's pages).

Run: ``uv run python bench/import_scale.py [--repeats 3] [--weeks 4] [--big 100 1000]
[--growth 100 1000]``"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import time as wall
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_data import (
    LAST,
    RESOURCES,
    SERVICES,
    SESSIONS,
    ZONE,
    copy_profile,
    open_profile,
    this_monday,
)

from frontdesk.app.context import AppContext
from frontdesk.app.importer import ImportReport, import_csv
from frontdesk.app.paths import Paths
from frontdesk.domain.catalog import Catalog, Policy, Resource, Window
from frontdesk.domain.timeutil import local_to_utc

RATE_GOAL = 500.0  # rows per second into the 300,000-booking cache
GROWTH_GOAL = 11.0  # the time of 10x the rows, as a multiple (linear would be 10)


def write_rows(path: Path, count: int, seed: int, weeks: int) -> None:
    """``count`` rows over the working days of the ``weeks`` weeks after this one."""
    rng = random.Random(seed)
    monday = this_monday() + timedelta(weeks=1)
    days = [monday + timedelta(days=n) for n in range(7 * weeks) if n % 7 < 6]
    lines = ["patient_name,patient_phone,service,resource,start"]
    for n in range(count):
        day = rng.choice(days)
        minute = 8 * 60 + rng.randrange(0, 11 * 60 + 35, 5)
        start = local_to_utc(day, wall(minute // 60, minute % 60), ZONE).instant
        service = rng.choice(SERVICES)
        resource = f"res-{rng.randrange(RESOURCES):02d}"
        name = f"Row{seed} {n} {rng.choice(LAST)}"
        phone = f"+4420795{rng.randrange(10**5):05d}"
        lines.append(
            f"{name},{phone},{service.name},{resource},{start:%Y-%m-%dT%H:%M:00Z}",
        )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def empty_profile(folder: Path) -> None:
    """A profile with the bench clinic's catalog (the same windows) and no bookings."""
    context = AppContext(Paths.resolve(folder), use_keyring=False)
    record = context.connect("huskyvoice", "Bench clinic", "http://127.0.0.1:9/v1", "sk_test_bench")
    first = this_monday() - timedelta(weeks=1)
    days = [first + timedelta(days=n) for n in range(8 * 7)]
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
    context.close()


def timed_import(
    profile: Path, rows: int, seed: int, weeks: int, folder: Path
) -> tuple[float, float, ImportReport]:
    """Wall and CPU seconds of one import (the CPU time: what other jobs on the machine
    cannot add to)."""
    csv_file = folder / f"rows-{rows}-{seed}.csv"
    write_rows(csv_file, rows, seed, weeks)
    context = AppContext(Paths.resolve(profile), use_keyring=False)
    try:
        connection = context.connections()[0].id
        started, cpu = time.perf_counter(), time.process_time()
        report = import_csv(context.booking, connection, csv_file, "bench")
        spent, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        context.close()
    return spent, cpu, report


def median_import(
    make_profile: Callable[[Path], None], rows: int, repeats: int, weeks: int
) -> tuple[float, float, ImportReport]:
    """The median wall and CPU seconds of ``repeats`` imports of ``rows`` rows, each into a
    fresh profile."""
    walls: list[float] = []
    cpus: list[float] = []
    report = ImportReport()
    for repeat in range(repeats):
        with tempfile.TemporaryDirectory() as tmp:
            profile = Path(tmp) / "profile"
            make_profile(profile)
            spent, cpu, report = timed_import(profile, rows, 1000 + repeat, weeks, Path(tmp))
            walls.append(spent)
            cpus.append(cpu)
    return statistics.median(walls), statistics.median(cpus), report


def copy_of_big(source: Path) -> Callable[[Path], None]:
    def make(profile: Path) -> None:
        copy_profile(source, profile)

    return make


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--big", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--growth", nargs="*", type=int, default=[100, 1000, 10000])
    parser.add_argument("--weeks", type=int, default=4, help="the rows' span, in weeks")
    args = parser.parse_args()
    big = open_profile()
    big.close()
    source = Path(tempfile.gettempdir()) / "frontdesk-bench-v1"
    load = "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    print(f"rows over the working days of the next {args.weeks} weeks; medians of {args.repeats}")
    print(f"({load} at the start)")
    print("into the 300,000-booking cache:")
    for rows in args.big:
        spent, cpu, report = median_import(copy_of_big(source), rows, args.repeats, args.weeks)
        rate = rows / spent
        verdict = "meets" if rate >= RATE_GOAL else "BELOW"
        print(
            f"  {rows:>6} rows: {spent:7.3f} s = {rate:7.1f} rows/s (CPU {rows / cpu:7.1f})   "
            f"{report.written} written, {len(report.problems)} refused   "
            f"{verdict} the goal of >= {RATE_GOAL:g} rows/s"
        )
    print("into an empty cache (the same catalog):")
    spans: list[tuple[int, float]] = []
    for rows in args.growth:
        spent, cpu, report = median_import(empty_profile, rows, args.repeats, args.weeks)
        spans.append((rows, spent))
        print(
            f"  {rows:>6} rows: {spent:7.3f} s = {rows / spent:7.1f} rows/s (CPU {rows / cpu:7.1f})"
            f"   {report.written} written, {len(report.problems)} refused"
        )
    for (few, short), (many, long) in itertools.pairwise(spans):
        ratio = long / short
        verdict = "meets" if ratio <= GROWTH_GOAL * many / few / 10 else "OVER"
        print(
            f"  {many / few:g}x the rows ({few} -> {many}): {ratio:5.2f}x the time   "
            f"{verdict} the goal of <= {GROWTH_GOAL * many / few / 10:g}x"
        )
    print("(load average {:.2f} {:.2f} {:.2f} at the end)".format(*os.getloadavg()))


if __name__ == "__main__":
    main()

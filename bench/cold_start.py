"""Benchmark: ``frontdesk --demo`` from a cold start to the first painted window.

Starts the desk as a new process (a fresh interpreter, a fresh demo profile, the sandbox
started in-process and pulled from, the main window built and shown) and times from the spawn
to the calendar's first paint, reported by the desk on stderr when
``FRONTDESK_REPORT_FIRST_PAINT`` is set. ``--smoke-test`` makes it close itself right after;
the offscreen platform is used, so no display is needed.

Measured as installed, with compiled bytecode (kept in a temporary ``PYTHONPYCACHEPREFIX``, so
the checkout is not touched), and, for comparison, compiling every module on each start (what
``PYTHONDONTWRITEBYTECODE=1`` does).

Run: ``uv run python bench/cold_start.py``
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_data import report

RUNS = 7


def one_start(cache: str | None) -> float:
    env = dict(os.environ, FRONTDESK_REPORT_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen")
    if cache is None:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = cache
    with tempfile.TemporaryDirectory(prefix="frontdesk-cold-") as profile:
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "frontdesk", "--demo", "--smoke-test", "--profile-dir", profile],
            stderr=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        assert process.stderr is not None
        painted = None
        for line in process.stderr:
            if "first paint" in line:
                painted = time.perf_counter() - started
                break
        process.wait(60)
        if painted is None:
            raise RuntimeError("the desk never painted")
        return painted * 1000


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="frontdesk-pyc-") as cache:
        one_start(cache)  # compiles once, as installing does
        starts = [one_start(cache) for _ in range(RUNS)]
        report("frontdesk --demo: cold start to first paint", starts, 1500)
    report("  the same, compiling every module each start", [one_start(None) for _ in range(3)])


if __name__ == "__main__":
    main()

"""Benchmark: the desk's cold start to its first painted window, beside a bare PySide6 window.

Each start is a new process (a fresh interpreter) timed from the spawn to the first paint,
which the desk reports on stderr when ``FRONTDESK_REPORT_FIRST_PAINT`` is set (``--smoke-test``
makes it close itself right after; the offscreen platform is used, so no display is needed).
Three kinds of start, alternated so a busy machine weighs on each alike:

* a bare PySide6 window shown and grabbed: what any Qt desk pays (the baseline);
* ``frontdesk --demo``: the five-API demo; its window is painted before its store is opened,
  then the store is opened, the administrator signed in and the views filled (``desk ready``),
  then its sandboxes are started, seeded and pulled;
* ``frontdesk`` on the bench profile (30 providers, 300,000 cached bookings; ``bench_data``),
  a clinic's normal start: nobody is signed in, so what it paints first is the lock screen
  (here the first administrator's form: the profile has no staff), painted from names read
  ahead before the desk is loaded (``ui.early_lock``); the desk is built behind it.

Each desk start's median is printed beside the bare window's as a ratio (the budget: 4x), and
when the desk itself was ready: for the demo its store opened and its views filled (``desk
ready``); for the normal start the desk's window painted in the lock screen's place, ready
for the PIN typed (``desk painted``).
Measured with compiled bytecode (a temporary ``PYTHONPYCACHEPREFIX``, as an installed desk has
it; the checkout is not touched).

Run: ``uv run python bench/cold_start.py``
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_data import PROFILE, open_profile

RUNS = 7
BARE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("FrontDesk"))
window.resize(1400, 860)
window.show()
app.processEvents()
window.grab()
print("first paint", file=sys.stderr, flush=True)
"""


def first_paint(command: list[str], cache: str, last: str) -> tuple[float, float]:
    """Milliseconds from the spawn to the first paint, and to ``last`` (what the desk reports
    when it is ready: ``desk ready``, ``desk painted``, or the first paint itself)."""
    env = dict(os.environ, FRONTDESK_REPORT_FIRST_PAINT="1", QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = cache
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=env
    )
    assert process.stderr is not None
    painted = desk = None
    for line in process.stderr:
        if "first paint" in line and painted is None:
            painted = time.perf_counter() - started
        if last in line:
            desk = time.perf_counter() - started
            break
    process.wait(120)
    process.stderr.close()
    if painted is None or desk is None:
        raise RuntimeError(f"never painted: {command}")
    return painted * 1000, desk * 1000


def main() -> None:
    open_profile().close()  # generate the bench profile first, if need be
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="frontdesk-pyc-") as cache:
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as script:
            script.write(BARE)
        bare_cmd = [python, script.name]
        kinds = {
            "a bare PySide6 window": lambda: bare_cmd,
            "frontdesk --demo (five APIs)": lambda: [
                python, "-m", "frontdesk", "--demo", "--smoke-test",
                "--profile-dir", tempfile.mkdtemp(prefix="frontdesk-cold-"),
            ],
            "frontdesk, 30 providers, 300,000 bookings": lambda: [
                python, "-m", "frontdesk", "--smoke-test", "--profile-dir", str(PROFILE)
            ],
        }  # fmt: skip
        lasts = dict(zip(kinds, ("first paint", "desk ready", "desk painted"), strict=True))
        for name, make in kinds.items():
            first_paint(make(), cache, lasts[name])  # compiles once, as installing does
        times: dict[str, list[float]] = {name: [] for name in kinds}
        desks: dict[str, list[float]] = {name: [] for name in kinds}
        for _ in range(RUNS):
            for name, make in kinds.items():
                painted, desk = first_paint(make(), cache, lasts[name])
                times[name].append(painted)
                desks[name].append(desk)
        os.unlink(script.name)
    base = statistics.median(times["a bare PySide6 window"])
    load = os.getloadavg()[0]
    print(f"cold start to the first paint, {RUNS} runs each, alternated; load {load:.1f}")
    for name, values in times.items():
        median, worst = statistics.median(values), max(values)
        ratio = median / base
        verdict = (
            ""
            if name.startswith("a bare")
            else ("   within the 4x budget" if ratio <= 4 else "   OVER the 4x budget")
        )
        print(
            f"  {name:<44} median {median:7.1f} ms  max {worst:7.1f} ms  "
            f"{ratio:4.1f}x the bare window{verdict}"
        )
        if not name.startswith("a bare"):
            ready = statistics.median(desks[name])
            print(f"  {'':<44} the {lasts[name]}: median {ready:7.1f} ms ({ready / base:4.1f}x)")


if __name__ == "__main__":
    main()

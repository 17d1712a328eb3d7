"""The desk in a real X window, as a receptionist's screen shows it: the five-API demo under
Xvfb at 1366x768 and 1920x1080, in a clinic zone other than the machine's (Asia/Kolkata). The
window must open inside the screen, never be wider than it allows (its minimum size), and
never resize itself while the receptionist works: the day, the week, the booking dialog, an
appointment's window and the sync panel, each screenshotted.

The screenshots go to ``$FRONTDESK_SHOT_DIR`` when set (CI keeps them; a person looks at
them), else to the test's temporary folder. Needs Xvfb, xdotool, xprop and ImageMagick's
``import`` (``.ci/run`` installs them); skipped where they are missing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

TOOLS = ("Xvfb", "xdotool", "xprop", "import", "identify")
pytestmark = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS),
    reason="needs Xvfb, xdotool, x11-utils and imagemagick (.ci/run installs them)",
)
SIZES = [(1366, 768), (1920, 1080)]


def _run(display: str, *args: str) -> str:
    done = subprocess.run(
        list(args), env={**os.environ, "DISPLAY": display}, capture_output=True, text=True
    )
    return done.stdout


@pytest.fixture(params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def screen(request: pytest.FixtureRequest) -> Iterator[tuple[str, int, int]]:
    width, height = request.param
    number = 400 + os.getpid() % 200 + SIZES.index(request.param)
    display = f":{number}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if time.monotonic() > deadline:
                pytest.fail("Xvfb did not start")
            time.sleep(0.05)
        yield display, width, height
    finally:
        server.terminate()
        server.wait(10)


def _window(display: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = _run(display, "xdotool", "search", "--onlyvisible", "--name", "^FrontDesk")
        ids = found.split()
        if ids:
            return ids[-1]
        time.sleep(0.3)
    pytest.fail("the desk's window did not appear")


def _geometry(display: str, window: str) -> tuple[int, int, int, int]:
    text = _run(display, "xdotool", "getwindowgeometry", window)
    x, y = map(int, re.search(r"Position: (-?\d+),(-?\d+)", text).groups())  # type: ignore[union-attr]
    w, h = map(int, re.search(r"Geometry: (\d+)x(\d+)", text).groups())  # type: ignore[union-attr]
    return x, y, w, h


def _minimum(display: str, window: str) -> tuple[int, int]:
    text = _run(display, "xprop", "-id", window, "WM_NORMAL_HINTS")
    found = re.search(r"minimum size: (\d+) by (\d+)", text)
    return (int(found.group(1)), int(found.group(2))) if found else (0, 0)


def _shot(display: str, path: Path) -> Path:
    _run(display, "import", "-window", "root", str(path))
    assert path.exists()
    colours = int(_run(display, "identify", "-format", "%k", str(path)) or 0)
    assert colours > 50, f"{path.name} looks blank"
    return path


def _key(display: str, window: str, keys: str, settle: float = 1.5) -> None:
    """Type ``keys`` as a person would: into the focused window (XTEST), not as synthetic
    events sent to a window, which Qt's shortcuts ignore. Without a window manager nothing
    gives the focus back to the desk when a dialog closes, so it is given back here."""
    if keys == "Escape":
        _run(display, "xdotool", "key", "--clearmodifiers", "Escape")
        time.sleep(settle)
        _run(display, "xdotool", "windowfocus", "--sync", window)
        return
    _run(display, "xdotool", "key", "--clearmodifiers", *keys.split())
    time.sleep(settle)


def test_the_desk_fits_and_stays_put_on_a_real_screen(
    screen: tuple[str, int, int], tmp_path: Path
) -> None:
    display, width, height = screen
    shots = Path(os.environ.get("FRONTDESK_SHOT_DIR") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    env = {
        **{k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"},
        "DISPLAY": display,
        "TZ": "Asia/Kolkata",  # the clinic's zone, not the machine's
    }
    errors = tmp_path / "stderr.txt"
    with errors.open("w") as sink:
        desk = subprocess.Popen(
            [sys.executable, "-m", "frontdesk", "--demo", "--profile-dir", str(tmp_path / "p")],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=sink,
        )
    try:
        window = _window(display)
        time.sleep(4)  # the first paint, then the other four sandboxes seeded and pulled
        _run(display, "xdotool", "windowfocus", "--sync", window)
        first = _geometry(display, window)
        x, y, w, h = first
        assert x >= 0 and y >= 0 and x + w <= width and y + h <= height, first
        min_w, min_h = _minimum(display, window)
        assert min_w <= 1366 and min_h <= 768, (min_w, min_h)
        size = f"{width}x{height}"
        _key(display, window, "F1")
        _shot(display, shots / f"{size}-day.png")
        _key(display, window, "F2")
        _shot(display, shots / f"{size}-week.png")
        _key(display, window, "ctrl+n", settle=2.5)
        _shot(display, shots / f"{size}-booking-dialog.png")
        _key(display, window, "Escape")
        _key(display, window, "F1")
        _shot(display, shots / f"{size}-day-again.png")
        _key(display, window, "Down")
        _key(display, window, "Return", settle=2.5)
        _shot(display, shots / f"{size}-appointment.png")
        _key(display, window, "Escape")
        _key(display, window, "F6")
        _shot(display, shots / f"{size}-sync-panel.png")
        _key(display, window, "alt+3")  # the demo clinic's "Hygiene chairs" view
        _shot(display, shots / f"{size}-hygiene-chairs-view.png")
        _key(display, window, "alt+1")
        assert _geometry(display, window) == first  # it never resized itself
        assert desk.poll() is None, errors.read_text()
    finally:
        desk.terminate()
        try:
            desk.wait(20)
        except subprocess.TimeoutExpired:
            desk.kill()

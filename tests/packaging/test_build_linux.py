"""The frozen desk, built here: ``python packaging/build.py linux`` freezes the app, and the
bundle opens the demo offscreen (Alembic migrations, the in-process sandbox, Qt) and runs a
headless command, with nothing of the test tools inside. Prints the bundle's size.

Windows and macOS bundles are built and smoke-tested by the release workflow on their own
runners, through the same script.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT_S = 1200

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        sys.platform != "linux", reason="the release workflow builds Windows and macOS bundles"
    ),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The Linux bundle and build.py's output (with the time it took on its last line)."""
    tmp = tmp_path_factory.mktemp("linux-build")
    started = time.monotonic()
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "packaging" / "build.py"),
            "linux",
            "--dist",
            str(tmp / "dist"),
            "--work",
            str(tmp / "work"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 0, f"{result.stdout[-6000:]}\n{result.stderr[-6000:]}"
    return tmp / "dist" / "FrontDesk", f"{result.stdout}\nbuilt in {elapsed:.0f} s"


def test_the_bundle_builds_and_opens_the_demo(
    built: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    bundle, output = built
    assert "smoke test passed" in output
    size = next(line for line in output.splitlines() if line.startswith("bundle size:"))
    with capsys.disabled():  # in the CI log even when the test passes
        print(f"\n[packaging] {size}; {output.splitlines()[-1]}, smoke test included")
    assert (bundle / "FrontDesk").is_file() and os.access(bundle / "FrontDesk", os.X_OK)
    inside = bundle / "_internal"
    assert (inside / "frontdesk" / "resources" / "icons" / "frontdesk.svg").is_file()
    assert (inside / "frontdesk" / "storage" / "migrations" / "env.py").is_file()
    # the encrypted cache's binding, SQLCipher inside it (the headless command used it)
    assert list((inside / "sqlcipher3").glob("_sqlite3*.so")), "sqlcipher3 was not bundled"


def test_the_bundle_carries_no_test_tools_or_other_bindings(built: tuple[Path, str]) -> None:
    bundle, _ = built
    names = {path.name for path in bundle.rglob("*")}
    leaked = sorted(
        name
        for name in names
        if name.startswith(("pytest", "_pytest", "hypothesis", "PyQt", "PySide2", "tkinter"))
        or name.startswith(("libQt6Qml", "libQt6Quick", "libQt6Network", "libQt6WebEngine"))
        or name in {"qml", "tests"}
    )
    assert leaked == []
    # of translations, the desk's languages only: its own and Qt's words for their dialogs
    carried = sorted(p.name for p in bundle.rglob("*.qm"))
    assert carried == ["frontdesk_de.qm", "frontdesk_hi.qm", "qtbase_de.qm"]


def test_the_frozen_app_runs_a_headless_command(built: tuple[Path, str]) -> None:
    _, output = built
    # build.py ran `FrontDesk --profile-dir TMP connect huskyvoice ...` on the bundle
    assert "headless command passed" in output

"""What the demo's first paint waits for: the real start (``ui.launch``, in a fresh
interpreter, offscreen) stopped at its first paint, and the modules loaded by then. The desk's
cold start budget (issue 11, ``bench/cold_start.py``) rests on these staying out of the path
until they are first used: SQLAlchemy and the store (the demo's store is opened behind the
paint), pydantic (the booking request, the rules), the API connectors and
their registry, the sync engine (a worker process syncs), the sandbox (started after the
paint), Alembic (a new cache is made from the schema snapshot), QtSvg (the icon is drawn after
the paint) and the dialogs nobody has opened."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

DRIVER = """
import json, os, sys
import frontdesk.ui.launch as launch

def painted(*_said):
    loaded = sorted(sys.modules)
    print(json.dumps(loaded), flush=True)
    os._exit(0)

launch._report = painted
launch.launch(["--demo", "--smoke-test", "--profile-dir", sys.argv[1]])
print("[]", flush=True)  # never painted: the test says so
"""

NOT_BEFORE_THE_FIRST_PAINT = (
    "sqlalchemy",
    "frontdesk.storage.db",
    "frontdesk.storage.repo",
    "frontdesk.storage.tables",
    "pydantic",
    "alembic",
    "httpx",
    "PySide6.QtSvg",
    "frontdesk.domain.booking_request",
    "frontdesk.rules",
    "frontdesk.providers.registry",
    "frontdesk.providers.base",
    "frontdesk.sync.engine",
    "frontdesk.sync.loop",
    "frontdesk.sandbox",
    "frontdesk.ui.about_dialog",
    "frontdesk.ui.booking_dialog",
    "frontdesk.ui.change_dialogs",
    "frontdesk.app.day_sheet",
    "frontdesk.app.openings",
)


def test_the_demos_first_paint_waits_for_none_of_what_it_does_not_show(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", FRONTDESK_REPORT_FIRST_PAINT="1")
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(tmp_path / "demo")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("[")]
    assert lines, f"the start never reported a paint: {done.stderr[-2000:]}"
    loaded = set(json.loads(lines[0]))
    assert "frontdesk.ui.main_window" in loaded  # the desk itself was painted
    early = sorted(
        name
        for name in loaded
        for unwanted in NOT_BEFORE_THE_FIRST_PAINT
        if name == unwanted or name.startswith(unwanted + ".")
    )
    assert early == [], f"imported before the demo's first paint: {early}"

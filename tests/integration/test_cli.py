"""The headless tools as clinic IT runs them: real subprocesses, a real sandbox process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import time
from pathlib import Path

import httpx
import pytest

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.booking import SyncState
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.sandbox.huskyvoice.clinic import GENERAL_CHECKUP_ID
from support.clinic import MAIN, next_weekday


def frontdesk(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "frontdesk", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="module")
def sandbox_process() -> Iterator[dict[str, str]]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "frontdesk", "sandbox", "--port", "0", "--rate-limit", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    try:
        info = json.loads(line)
        assert info["provider"] == "huskyvoice"
        yield info
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=15)
        proc.stdout.close()
        if proc.stderr is not None:
            proc.stderr.close()


def test_connect_book_and_sync_once(sandbox_process: dict[str, str], tmp_path: Path) -> None:
    profile = str(tmp_path / "profile")
    done = frontdesk(
        "--profile-dir",
        profile,
        "connect",
        "huskyvoice",
        "--name",
        "Clinic",
        "--base-url",
        sandbox_process["base_url"],
        "--api-key",
        sandbox_process["api_key"],
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["connection"] == "Clinic"
    assert "keyring" in done.stderr  # this machine has none: said plainly
    settings_text = "".join(p.read_text(errors="ignore") for p in Path(profile).rglob("*.json"))
    assert sandbox_process["api_key"] in settings_text  # only in the protected key file
    key_file = Path(profile) / "config" / "credentials.json"
    assert oct(key_file.stat().st_mode & 0o777) == "0o600"
    log_text = "".join(p.read_text() for p in Path(profile).rglob("*.log"))
    assert sandbox_process["api_key"] not in log_text

    first = frontdesk("--profile-dir", profile, "sync", "--once")  # pulls the catalog
    assert first.returncode == 0, first.stderr
    ctx = AppContext(Paths.resolve(Path(profile)), use_keyring=False)
    try:
        day = next_weekday(2)
        booking = ctx.booking.book(
            BookingRequest(
                connection_id=ctx.connections()[0].id,
                service_id=GENERAL_CHECKUP_ID,
                resource_id=MAIN,
                start=local_to_utc(day, time(11, 0), "Europe/London").instant,
                patient_name="Cli Patient",
                patient_phone="+442079460321",
            )
        )
    finally:
        ctx.close()
    done = frontdesk("--profile-dir", profile, "sync", "--once")
    assert done.returncode == 0, done.stderr
    assert "confirmed 1" in done.stdout
    root = sandbox_process["base_url"].rsplit("/v1", 1)[0]
    remote = httpx.get(f"{root}/__sandbox__/appointments", timeout=5).json()
    records = remote if isinstance(remote, list) else remote.get("data", remote)
    assert sum(1 for r in records if r.get("external_reference_id") == booking.id) == 1
    ctx = AppContext(Paths.resolve(Path(profile)), use_keyring=False)
    try:
        stored = ctx.repo.booking(booking.id)
        assert stored is not None and stored.sync_state is SyncState.CONFIRMED
    finally:
        ctx.close()


def test_connect_refuses_bad_input_with_the_field_named(tmp_path: Path) -> None:
    done = frontdesk(
        "--profile-dir",
        str(tmp_path),
        "connect",
        "huskyvoice",
        "--name",
        "X",
        "--base-url",
        "ftp://nowhere",
        "--api-key",
        "k",
    )
    assert done.returncode == 2
    assert "base_url" in done.stderr and "Traceback" not in done.stderr


def test_sync_without_connections_says_what_to_do(tmp_path: Path) -> None:
    done = frontdesk("--profile-dir", str(tmp_path), "sync", "--once")
    assert done.returncode == 2 and "frontdesk connect" in done.stderr


def test_sync_against_a_dead_server_keeps_the_queue(tmp_path: Path) -> None:
    env_profile = str(tmp_path / "p")
    done = frontdesk(
        "--profile-dir",
        env_profile,
        "connect",
        "huskyvoice",
        "--name",
        "Dead",
        "--base-url",
        "http://127.0.0.1:9/v1",
        "--api-key",
        "k",
    )
    assert done.returncode == 0
    done = frontdesk("--profile-dir", env_profile, "sync", "--once")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "pull Dead failed" in done.stderr
    assert os.path.exists(Path(env_profile) / "data" / "frontdesk.sqlite3")


def test_settings_shows_and_sets_the_clinics_clock_and_region(tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "frontdesk", "--profile-dir", str(tmp_path), "settings", *args],
            capture_output=True,
            text=True,
            timeout=60,
        )

    done = run("--timezone", "Asia/Kolkata", "--paper", "auto")
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert shown == {
        "timezone": "Asia/Kolkata",
        "timezone_set": True,
        "phone_region": "IN",
        "paper": "A4",
        "idle_lock_minutes": 5,
        "database": "this desk's own cache",
    }
    assert json.loads(run("--phone-region", "us").stdout)["paper"] == "Letter"
    wrong = run("--timezone", "Mars/Olympus")
    assert wrong.returncode == 2
    # (after the line that says the keys are in a file: this machine has no keyring)
    said = wrong.stderr.strip().splitlines()[-1]
    assert said == "frontdesk settings: timezone: unknown time zone 'Mars/Olympus'"
    assert json.loads(run().stdout)["timezone"] == "Asia/Kolkata"  # nothing half-written

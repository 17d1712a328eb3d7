"""One desk per profile: a second desk on a profile that a running desk holds is refused with
a message naming the running one (computer, process, user, since when); a desk killed with
SIGKILL leaves no lock behind; headless tools share the profile with the desk."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk.app.desk_lock import LOCK_FILE, DeskLock, DeskRunning


def test_a_second_lock_names_the_first(tmp_path: Path) -> None:
    first = DeskLock.acquire(tmp_path)
    try:
        with pytest.raises(DeskRunning) as refused:
            DeskLock.acquire(tmp_path)
        words = str(refused.value)
        assert f"process {os.getpid()} on {socket.gethostname()}" in words
        assert "open since" in words and "Switch to that window" in words
    finally:
        first.release()
    DeskLock.acquire(tmp_path).release()  # released: the next desk may open


def test_a_left_or_hostile_lock_file_is_taken_over(tmp_path: Path) -> None:
    (tmp_path / LOCK_FILE).write_bytes(b"\x00\xff{not json" * 100)  # nobody holds it
    lock = DeskLock.acquire(tmp_path)
    try:
        with pytest.raises(DeskRunning, match="already open on this profile"):
            DeskLock.acquire(tmp_path)
    finally:
        lock.release()


def _desk(profile: Path, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FRONTDESK_REPORT_FIRST_PAINT": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "frontdesk", "--profile-dir", str(profile), *extra],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_second_desk_is_refused_and_a_killed_desk_frees_the_profile(tmp_path: Path) -> None:
    profile = tmp_path / "clinic"
    first = _desk(profile)
    try:
        assert first.stderr is not None
        for line in first.stderr:  # the window is up (and holds the profile)
            if "first paint" in line:
                break
        second = _desk(profile)
        out, err = second.communicate(timeout=120)
        assert second.returncode == 4, err
        assert f"already open on this profile: process {first.pid} on" in err
        assert "Traceback" not in err
        sync = subprocess.run(  # a headless tool beside the desk is fine
            [sys.executable, "-m", "frontdesk", "--profile-dir", str(profile), "sync", "--once"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert "already open" not in sync.stderr
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=30)
    third = _desk(profile, "--smoke-test")
    out, err = third.communicate(timeout=120)
    assert third.returncode == 0, err
    assert "main window built" in out

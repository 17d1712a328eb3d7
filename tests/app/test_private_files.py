"""Patient data at rest: every folder of a profile is 0700 and every file in it 0600 whatever
the umask (0o022, the usual one, and 0o000, the loosest): the cache and its -wal/-shm files,
the log (after a rotation too), the clinic settings, store.json, the credentials file, the desk
lock, a copy made before a migration; an older profile's loose modes are tightened when it is
opened; ``frontdesk connect`` in a shell with umask 0 leaves nothing open either."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontdesk.app import store
from frontdesk.app.context import AppContext
from frontdesk.app.desk_lock import DeskLock
from frontdesk.app.paths import Paths

pytestmark = pytest.mark.skipif(os.name != "posix", reason="modes are POSIX's (Windows: ACLs)")


@pytest.fixture(params=[0o022, 0o000], ids=["umask022", "umask000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


def modes(root: Path) -> dict[str, str]:
    """Every folder and file under ``root`` (itself included) and its mode, as ``0o700``."""
    found = {".": oct(stat.S_IMODE(root.stat().st_mode))}
    for path in root.rglob("*"):
        found[str(path.relative_to(root))] = oct(stat.S_IMODE(path.lstat().st_mode))
    return found


def loose(root: Path) -> dict[str, str]:
    """What under ``root`` is not the user's own (folders 0700, files 0600)."""
    return {
        name: mode
        for name, mode in modes(root).items()
        if mode != ("0o700" if (root / name).is_dir() else "0o600")
    }


def test_a_new_profile_is_private_whatever_the_umask(umask: int, tmp_path: Path) -> None:
    root = tmp_path / "profile"
    paths = Paths.resolve(root)
    lock = DeskLock.acquire(paths.data_dir)
    context = AppContext(paths, use_keyring=False)
    try:
        context.connect("huskyvoice", "Clinic", "http://127.0.0.1:9/v1", "sk_test_key")
        context.update_settings(context.settings.changed(paper="A4"))
        store.save_url(paths.config_dir, "postgresql://desk@clinic-server:5432/frontdesk")
        logging.getLogger("frontdesk.app").warning("a line for the log file")
        names = set(modes(root))
        for expected in (
            "data/frontdesk.sqlite3",
            "data/frontdesk.sqlite3-wal",
            "data/frontdesk.sqlite3-shm",
            "data/desk.lock",
            "config/credentials.json",
            "config/clinic.json",
            "config/store.json",
            "logs/frontdesk.log",
        ):
            assert expected in names
        assert loose(root) == {}, modes(root)
        handler = next(
            h for h in logging.getLogger("frontdesk").handlers if getattr(h, "_frontdesk", False)
        )
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        handler.doRollover()  # the file opened next exists already, 0600
        logging.getLogger("frontdesk.app").warning("a line for the new log file")
        assert {"logs/frontdesk.log", "logs/frontdesk.log.1"} <= set(modes(root))
        assert loose(root) == {}, modes(root)
    finally:
        context.close()
        lock.release()


def test_an_older_profiles_loose_modes_are_tightened_when_it_opens(tmp_path: Path) -> None:
    root = tmp_path / "profile"
    context = AppContext(Paths.resolve(root), use_keyring=False)
    context.connect("huskyvoice", "Clinic", "http://127.0.0.1:9/v1", "sk_test_key")
    context.close()
    aside = root / "data" / "frontdesk.sqlite3.before-migration-20260101T000000Z"
    aside.write_bytes(b"an older copy")
    for path in root.rglob("*"):  # as an older version, or a copy by hand, left them
        path.chmod(0o755 if path.is_dir() else 0o644)
    assert len(loose(root)) == 8  # the cache's key lock (app.cache_key) among them

    context = AppContext(Paths.resolve(root), use_keyring=False)
    try:
        assert loose(root) == {}, modes(root)
        assert context.credentials.get(context.connections()[0].id) == "sk_test_key"
    finally:
        context.close()


def test_folders_made_on_the_way_are_private_and_those_above_are_left(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    Paths.resolve(tmp_path / "clinic" / "desk-profile")
    assert oct(stat.S_IMODE(tmp_path.stat().st_mode)) == "0o755"  # not ours to change
    assert loose(tmp_path / "clinic") == {}


def test_connect_in_a_shell_with_umask_0_leaves_nothing_open(tmp_path: Path) -> None:
    root = tmp_path / "profile"
    args = ["connect", "huskyvoice", "--name", "Clinic", "--base-url", "http://127.0.0.1:9/v1"]
    done = subprocess.run(
        [sys.executable, "-m", "frontdesk", "--profile-dir", str(root), *args, "--api-key-stdin"],
        input="sk_test_key\n",
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring"),
        preexec_fn=lambda: os.umask(0),  # the child's own umask
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (root / "config" / "credentials.json").exists()
    assert loose(root) == {}, modes(root)

"""The cache's key: made on the first start and kept in the OS keyring under the profile (or
the protected file where no keyring exists), an older plain cache encrypted at start, a cache
whose key is missing refused in plain words and never overwritten, a locked keyring said."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from frontdesk.app.cache_key import CacheKeyRefused, CacheKeyUnavailable, key_name
from frontdesk.app.context import AppContext
from frontdesk.app.credentials import SERVICE
from frontdesk.app.paths import Paths
from frontdesk.storage import cipher
from frontdesk.storage.db import Database
from support.keyrings import LockedKeyring, MemoryKeyring


@pytest.fixture
def memory_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    MemoryKeyring.kept.clear()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)
    MemoryKeyring.kept.clear()


def test_the_first_start_makes_a_key_in_the_keyring(memory_keyring: None, tmp_path: Path) -> None:
    paths = Paths.resolve(tmp_path / "profile")
    AppContext(paths, connect=False).close()
    name = key_name(paths.database)
    key = MemoryKeyring.kept[(SERVICE, name)]
    assert len(bytes.fromhex(key)) == 32
    assert cipher.state(paths.database) == "encrypted"
    assert not paths.credentials_file.exists()  # not in a file: the keyring took it
    AppContext(paths, connect=False).close()  # the same key opens it again
    assert MemoryKeyring.kept[(SERVICE, name)] == key


def test_an_older_plain_profile_is_encrypted_at_start(tmp_path: Path) -> None:
    paths = Paths.resolve(tmp_path / "profile")
    Database.open(paths.database).close()  # as an older FrontDesk left it
    assert cipher.state(paths.database) == "plain"
    context = AppContext(paths, use_keyring=False, connect=False)
    try:
        assert context.connections() == []
    finally:
        context.close()
    assert cipher.state(paths.database) == "encrypted"
    kept = json.loads(paths.credentials_file.read_text())
    assert list(kept) == [key_name(paths.database)]  # the stated fallback: the 0600 file
    assert oct(paths.credentials_file.stat().st_mode & 0o777) == "0o600"


def test_a_cache_whose_key_is_missing_is_refused_and_left_alone(
    memory_keyring: None, tmp_path: Path
) -> None:
    paths = Paths.resolve(tmp_path / "profile")
    AppContext(paths, connect=False).close()
    before = paths.database.read_bytes()
    MemoryKeyring.kept.clear()  # another user, another computer: no key for it
    with pytest.raises(CacheKeyRefused, match="encrypted with a key this computer's user"):
        AppContext(paths, connect=False)
    assert paths.database.read_bytes() == before
    assert MemoryKeyring.kept == {}  # no new key made over it


def test_a_locked_keyring_at_start_is_said_and_nothing_made(tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(LockedKeyring())
    try:
        paths = Paths.resolve(tmp_path / "profile")
        with pytest.raises(CacheKeyUnavailable, match="Unlock the keyring"):
            AppContext(paths, connect=False)
        assert cipher.state(paths.database) == "new"
    finally:
        keyring.set_keyring(previous)


def test_the_headless_tools_say_a_missing_key_without_a_traceback(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    AppContext(Paths.resolve(profile), use_keyring=False, connect=False).close()
    (profile / "config" / "credentials.json").write_text("{}")  # the key is gone
    before = (profile / "data" / "frontdesk.sqlite3").read_bytes()
    done = subprocess.run(
        [sys.executable, "-m", "frontdesk", "--profile-dir", str(profile), "settings"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
    )
    assert done.returncode == 2
    assert "encrypted with a key" in done.stderr and "Traceback" not in done.stderr
    assert (profile / "data" / "frontdesk.sqlite3").read_bytes() == before

"""The first lock screen's facts, read ahead of the desk (app.lock_peek): a new profile asks
for the first administrator without making anything, an encrypted cache gives the names that
may sign in (disabled members left out, in the sign-in form's order) through the driver alone,
and what cannot be told cheaply and surely (a shared store, a wrong key) is left to the desk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk.app import lock_peek, settings
from frontdesk.app.context import AppContext
from frontdesk.app.lock_peek import LockFacts, language, peek
from frontdesk.app.paths import Paths
from frontdesk.app.store_url import ENV
from frontdesk.domain.staff import Role


def staffed(profile: Path) -> list[str]:
    """A profile whose cache has three members, one disabled; the sign-in form's names."""
    context = AppContext(Paths.resolve(profile), use_keyring=False, connect=False)
    try:
        context.staff.create_first_admin("Zoe Admin", "2580")
        context.staff.add_staff("Anna Berg", Role.STAFF, "1357")
        context.staff.add_staff("Carl Dorn", Role.STAFF, "1357")
        context.staff.set_disabled("Carl Dorn", True)
        return context.staff.active_names()
    finally:
        context.close()


def test_a_new_profile_asks_for_the_first_administrator(tmp_path: Path) -> None:
    paths = Paths.resolve(tmp_path / "new")
    assert peek(tmp_path / "new", None) == LockFacts(
        first=True, names=(), config_dir=paths.config_dir
    )
    assert not paths.database.exists()  # looking made nothing


def test_the_names_that_may_sign_in_come_through_the_driver(tmp_path: Path) -> None:
    names = staffed(tmp_path)
    facts = peek(tmp_path, None)
    assert facts is not None and not facts.first
    assert facts.names == tuple(names) == ("Anna Berg", "Zoe Admin")  # Carl is disabled


def test_a_shared_store_or_a_key_that_does_not_open_the_cache_is_left_to_the_desk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    staffed(tmp_path)
    assert peek(tmp_path, "postgresql://desk@clinic-server:5432/frontdesk") is None
    monkeypatch.setenv(ENV, "postgresql://desk@clinic-server:5432/frontdesk")
    assert peek(tmp_path, None) is None
    monkeypatch.delenv(ENV)
    assert peek(tmp_path, None) is not None
    import frontdesk.app.cache_key as cache_key

    monkeypatch.setattr(cache_key, "cache_key", lambda *_a, **_k: bytes(32))  # a wrong key
    assert peek(tmp_path, None) is None


def test_the_language_is_read_from_the_clinic_settings_file(tmp_path: Path) -> None:
    assert lock_peek.SETTINGS_FILE == settings.FILE_NAME
    assert language(tmp_path) is None
    (tmp_path / settings.FILE_NAME).write_text(json.dumps({"language": "de"}), encoding="utf-8")
    assert language(tmp_path) == "de"
    (tmp_path / settings.FILE_NAME).write_text("{not json", encoding="utf-8")
    assert language(tmp_path) is None


def test_reading_ahead_loads_neither_sqlalchemy_nor_pydantic(tmp_path: Path) -> None:
    """The point of reading ahead: the lock screen is painted before the store's and the
    rules' libraries are loaded (a fresh interpreter tells what was imported)."""
    staffed(tmp_path)
    script = (
        "import sys; from pathlib import Path; from frontdesk.app.lock_peek import peek; "
        f"facts = peek(Path({str(tmp_path)!r}), None); "
        "print(facts.names, 'sqlalchemy' in sys.modules, 'pydantic' in sys.modules)"
    )
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["('Anna", "Berg',", "'Zoe", "Admin')", "False", "False"]

"""Which keyring a start uses is remembered (``keyring-backend.json`` beside the protected
file): the next start asks that backend directly instead of searching every installed one;
a computer that had none is taken to have none until ``recheck`` (after the desk's first
paint) finds one; a remembered backend that is gone is searched for again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest
from keyring.backends import fail

from frontdesk.app.credentials import MEMORY_FILE, NO_KEYRING, Credentials
from support.keyrings import MemoryKeyring

SEARCH = "the full search of every backend"


@pytest.fixture
def fresh_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """keyring as a new process has it (nothing chosen yet); records each full search."""
    previous = keyring.get_keyring()
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    searches: list[str] = []
    found: list[object] = [fail.Keyring()]

    def search() -> object:
        searches.append(SEARCH)
        keyring.core._keyring_backend = found[0]  # type: ignore[assignment]
        return found[0]

    monkeypatch.setattr(keyring, "get_keyring", search)
    yield searches
    keyring.set_keyring(previous)


def _remembered(tmp_path: Path) -> object:
    return json.loads((tmp_path / MEMORY_FILE).read_text())["backend"]


def test_no_keyring_is_remembered_and_not_searched_again(
    fresh_process: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = Credentials(tmp_path / "credentials.json")
    assert not first.has_keyring and fresh_process == [SEARCH]
    assert _remembered(tmp_path) == NO_KEYRING
    assert first.warning is not None and first.warning.startswith("No system keyring")

    monkeypatch.setattr(keyring.core, "_keyring_backend", None)  # the next start
    second = Credentials(tmp_path / "credentials.json")
    assert not second.has_keyring and fresh_process == [SEARCH]  # not searched again
    assert second.warning is not None and second.warning.startswith("No system keyring")


def test_recheck_finds_a_keyring_installed_since(
    fresh_process: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / MEMORY_FILE).write_text(json.dumps({"backend": NO_KEYRING}))
    creds = Credentials(tmp_path / "credentials.json")
    assert not creds.has_keyring and fresh_process == []
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setattr(
        keyring, "get_keyring", lambda: fresh_process.append(SEARCH) or MemoryKeyring()
    )
    assert creds.recheck() is True
    assert _remembered(tmp_path) == "support.keyrings.MemoryKeyring"
    assert not creds.has_keyring  # this start keeps the file; the next uses the keyring

    monkeypatch.setattr(keyring.core, "_keyring_backend", None)  # the next start
    fresh_process.clear()
    again = Credentials(tmp_path / "credentials.json")
    assert again.has_keyring and fresh_process == []  # loaded directly, not searched
    assert isinstance(keyring.core._keyring_backend, MemoryKeyring)


def test_a_remembered_keyring_that_is_gone_is_searched_for(
    fresh_process: list[str], tmp_path: Path
) -> None:
    (tmp_path / MEMORY_FILE).write_text(json.dumps({"backend": "nowhere.GoneKeyring"}))
    creds = Credentials(tmp_path / "credentials.json")
    assert not creds.has_keyring and fresh_process == [SEARCH]
    assert _remembered(tmp_path) == NO_KEYRING


def test_a_keyring_chosen_in_the_process_is_used_as_it_is(tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    (tmp_path / MEMORY_FILE).write_text(json.dumps({"backend": NO_KEYRING}))
    try:
        keyring.set_keyring(MemoryKeyring())  # as the tests and PYTHON_KEYRING_BACKEND do
        assert Credentials(tmp_path / "credentials.json").has_keyring
    finally:
        keyring.set_keyring(previous)

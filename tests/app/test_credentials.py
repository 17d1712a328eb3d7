"""API keys never go silently to a file: a locked keyring refuses (nothing kept) until the person
agrees to the protected file; a key kept there is stated at every start and moves into the
keyring once it works; a machine with no keyring at all says so at every start; an unreadable
credentials file is named, never overwritten. Adding a connection is atomic (the key first,
the row after, the key taken back if the row fails); removing one deletes its key."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from frontdesk.app.connections import ConnectionError_, remove_connection
from frontdesk.app.context import AppContext
from frontdesk.app.credentials import SERVICE, Credentials, CredentialsFileError, KeyringUnavailable
from frontdesk.app.paths import Paths
from frontdesk.domain.outbox import OperationKind
from support.bookings import booking
from support.keyrings import LockedKeyring, MemoryKeyring

URL = "http://127.0.0.1:9/v1"


@pytest.fixture
def use_backend() -> Iterator[object]:
    previous = keyring.get_keyring()
    MemoryKeyring.kept.clear()
    yield keyring.set_keyring
    keyring.set_keyring(previous)
    MemoryKeyring.kept.clear()


def test_a_locked_keyring_refuses_until_the_file_is_agreed_to(
    use_backend: object, tmp_path: Path
) -> None:
    keyring.set_keyring(LockedKeyring())
    creds = Credentials(tmp_path / "credentials.json")
    assert creds.has_keyring and creds.warning is None
    with pytest.raises(KeyringUnavailable, match="it is locked") as refused:
        creds.set("c1", "vx_live_secret")
    assert "Nothing was saved" in str(refused.value) and "vx_live_secret" not in str(refused.value)
    assert not creds.fallback_file.exists()
    with pytest.raises(KeyringUnavailable, match="could not be read"):
        creds.get("c1")

    assert creds.set("c1", "vx_live_secret", allow_file=True) == "file"
    assert stat.S_IMODE(creds.fallback_file.stat().st_mode) == 0o600
    assert creds.get("c1") == "vx_live_secret"  # kept there with consent: read despite the lock
    assert creds.warning is not None and "1 API key is kept in" in creds.warning

    keyring.set_keyring(MemoryKeyring())  # unlocked: the key moves into the keyring
    assert creds.get("c1") == "vx_live_secret"
    assert MemoryKeyring.kept[(SERVICE, "c1")] == "vx_live_secret"
    assert json.loads(creds.fallback_file.read_text()) == {}
    assert creds.warning is None


def test_no_keyring_at_all_is_said_unless_the_file_was_chosen(
    use_backend: object, tmp_path: Path
) -> None:
    keyring.set_keyring(fail.Keyring())
    creds = Credentials(tmp_path / "credentials.json")
    assert not creds.has_keyring
    assert creds.set("c1", "k") == "file"
    assert creds.warning is not None and creds.warning.startswith("No system keyring")
    assert Credentials(tmp_path / "credentials.json", use_keyring=False).warning is None


def test_an_unreadable_credentials_file_is_named_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "credentials.json"
    path.write_text("{not json")
    creds = Credentials(path, use_keyring=False)
    with pytest.raises(
        CredentialsFileError, match=r"credentials file: .*credentials\.json"
    ) as raised:
        creds.set("c1", "k")
    # it may hold the cache's key too: the advice keeps the file rather than discarding it
    said = str(raised.value)
    assert "Do not delete it" in said and "key of this desk's encrypted cache" in said
    assert "backup" in said and "move it to another folder and keep it there" in said
    with pytest.raises(CredentialsFileError):
        creds.get("c1")
    assert path.read_text() == "{not json"


def test_connect_with_a_corrupt_credentials_file_adds_nothing(tmp_path: Path) -> None:
    context = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
    try:
        context.paths.credentials_file.write_text("{not json")
        with pytest.raises(CredentialsFileError):
            context.connect("huskyvoice", "Clinic", URL, "sk_test_key")
        assert context.connections() == []  # no row without its key
        context.paths.credentials_file.rename(context.paths.credentials_file.with_name("old"))
        record = context.connect("huskyvoice", "Clinic", URL, "sk_test_key")  # the same name
        assert context.credentials.get(record.id) == "sk_test_key"
    finally:
        context.close()


def test_a_row_that_cannot_be_written_takes_its_key_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    context = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
    try:

        def refuse(record: object) -> None:
            raise RuntimeError("the store refused the row")

        monkeypatch.setattr(context.repo.catalogs, "add_connection", refuse)
        with pytest.raises(RuntimeError):
            context.connect("huskyvoice", "Clinic", URL, "sk_test_key")
        kept = json.loads(context.paths.credentials_file.read_text())
        assert [name for name in kept if not name.startswith("cache-key:")] == []
    finally:
        context.close()


def test_a_locked_keyring_at_connect_adds_nothing_and_at_start_is_said(
    use_backend: object, tmp_path: Path
) -> None:
    keyring.set_keyring(MemoryKeyring())
    context = AppContext(Paths.resolve(tmp_path / "profile"))
    try:
        kept = context.connect("huskyvoice", "Kept", URL, "sk_test_kept")
        keyring.set_keyring(LockedKeyring())
        with pytest.raises(KeyringUnavailable):
            context.connect("huskyvoice", "Clinic", URL, "sk_test_key")
        assert [r.name for r in context.connections()] == ["Kept"]
        context.reload_connectors()
        assert kept.id not in context.connectors
        assert "keyring could not be read" in context.connector_problems[kept.id]
    finally:
        context.close()


def test_removing_a_connection_deletes_its_key_and_waits_for_unsent_changes(
    use_backend: object, tmp_path: Path
) -> None:
    keyring.set_keyring(MemoryKeyring())
    context = AppContext(Paths.resolve(tmp_path / "profile"))
    try:
        record = context.connect("huskyvoice", "Clinic", URL, "sk_test_key")
        assert (SERVICE, record.id) in MemoryKeyring.kept
        context.repo.book(
            booking(1, connection_id=record.id), OperationKind.CREATE, {}, "k1", "desk"
        )
        with pytest.raises(ConnectionError_, match="1 change not sent"):
            remove_connection(context.repo, context.credentials, record)
        assert context.connections() == [record] and (SERVICE, record.id) in MemoryKeyring.kept
        lost = remove_connection(context.repo, context.credentials, record, discard_unsent=True)
        assert (lost.queued, lost.bookings) == (1, 1)
        assert context.connections() == [] and (SERVICE, record.id) not in MemoryKeyring.kept
    finally:
        context.close()

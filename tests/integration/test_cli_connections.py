"""The profile's connections from the command line, as clinic IT runs it (real subprocesses):
keys read from standard input, a file or a prompt (``--api-key`` is for the sandbox's test keys
and warned about otherwise); ``connections list / edit / remove``, never showing a key; a
locked keyring or an unreadable credentials file leaves nothing half-added; plain http:// to
another computer and wrong option values are refused naming the field."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.outbox import OperationKind
from support.bookings import booking

TESTS = Path(__file__).resolve().parents[1]
LOCAL = "http://127.0.0.1:9/v1"
NO_KEYRING = "keyring.backends.fail.Keyring"
KEY = "sk_live_5b1e0c9a7f2d4e8b"  # shaped like a real key: never to be printed


def frontdesk(
    profile: Path, *args: str, stdin: str = "", keyring: str = NO_KEYRING
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHON_KEYRING_BACKEND=keyring, PYTHONPATH=str(TESTS))
    return subprocess.run(
        [sys.executable, "-m", "frontdesk", "--profile-dir", str(profile), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )


def connect(
    profile: Path, name: str = "Clinic", *extra: str, **kw: str
) -> subprocess.CompletedProcess[str]:
    return frontdesk(
        profile, "connect", "huskyvoice", "--name", name, "--base-url", LOCAL, *extra, **kw
    )


def keys_file(profile: Path) -> dict[str, str]:
    """The API keys in the profile's protected file (the cache's key, when there, left out)."""
    path = profile / "config" / "credentials.json"
    kept = json.loads(path.read_text()) if path.exists() else {}
    return {k: v for k, v in kept.items() if not k.startswith("cache-key:")}


def listed(profile: Path, **kw: str) -> list[dict[str, str]]:
    done = frontdesk(profile, "connections", "list", "--json", **kw)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def test_the_key_comes_from_stdin_or_a_file_and_a_flag_is_warned_about(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    done = connect(profile, "From stdin", "--api-key-stdin", stdin=f"{KEY}\n")
    assert done.returncode == 0, done.stderr
    assert "No system keyring is available" in done.stderr  # said, every start, until fixed
    key_file = tmp_path / "key.txt"
    key_file.write_text(KEY + "\n")
    key_file.chmod(0o644)
    done = connect(profile, "From a file", "--api-key-file", str(key_file))
    assert done.returncode == 0, done.stderr
    assert "readable by other users" in done.stderr and "chmod 600" in done.stderr
    assert sorted(keys_file(profile).values()) == [KEY, KEY]

    # on the command line: fine for a sandbox on this computer, warned about for anything else
    assert "--api-key shows the key" not in connect(profile, "Sandbox", "--api-key", "k").stderr
    done = frontdesk(
        profile, "connect", "huskyvoice", "--name", "Remote", "--api-key", KEY,
        "--base-url", "https://api.huskyvoice.example/v1",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "warning: --api-key shows the key to every user of this computer" in done.stderr

    no_key = connect(profile, "No key")  # not a terminal, no key given: said, nothing added
    assert no_key.returncode == 2 and "--api-key-stdin" in no_key.stderr
    assert "No key" not in {c["name"] for c in listed(profile)}


def test_list_edit_and_remove_never_show_the_key(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    assert connect(profile, "Clinic", "--api-key-stdin", stdin=KEY).returncode == 0
    assert connect(profile, "Annex", "--api-key-stdin", stdin=KEY).returncode == 0
    shown = frontdesk(profile, "connections", "list")
    assert shown.returncode == 0 and KEY not in shown.stdout + shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0].split() == ["NAME", "API", "ADDRESS", "KEY", "KEPT"]
    assert lines[2].split() == ["Clinic", "HuskyVoice", LOCAL, "yes"]

    done = frontdesk(
        profile, "connections", "edit", "Clinic", "--name", "Main clinic",
        "--option", "rate_per_minute=120", "--option", "timezone=Europe/London",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["key_changed"] is False
    wrong = frontdesk(
        profile, "connections", "edit", "Main clinic", "--option", "rate_per_minute=abc"
    )
    assert wrong.returncode == 2
    assert "rate_per_minute: 'abc' is not a whole number above 0" in wrong.stderr
    remote = frontdesk(
        profile, "connections", "edit", "Main clinic", "--base-url", "http://x.example/v1",
        "--api-key-stdin", stdin="sk_live_not_kept",
    )  # fmt: skip
    assert remote.returncode == 2 and "base_url: plain http://" in remote.stderr
    assert "sk_live_not_kept" not in keys_file(profile).values()
    context = AppContext(Paths.resolve(profile), use_keyring=False)
    try:
        main = context.repo.catalogs.connection_by_name("Main clinic")
        assert main is not None
        assert main.options == {"rate_per_minute": "120", "timezone": "Europe/London"}
        context.credentials.delete(main.id)  # as an older version's crash left it: no key
    finally:
        context.close()
    assert [c["key"] for c in listed(profile)] == ["yes", "no"]  # Annex, Main clinic
    new_key = frontdesk(
        profile, "connections", "edit", "Main clinic", "--api-key-stdin", stdin="sk_live_new"
    )
    assert new_key.returncode == 0 and json.loads(new_key.stdout)["key_changed"] is True
    assert [c["key"] for c in listed(profile)] == ["yes", "yes"]

    unasked = frontdesk(profile, "connections", "remove", "Annex")  # nobody to ask: --yes
    assert unasked.returncode == 2 and "--yes" in unasked.stderr
    assert len(listed(profile)) == 2
    removed = frontdesk(profile, "connections", "remove", "Annex", "--yes")
    assert removed.returncode == 0, removed.stderr
    assert "Removing 'Annex' deletes its API key." in removed.stderr
    assert [c["name"] for c in listed(profile)] == ["Main clinic"]
    assert list(keys_file(profile).values()) == ["sk_live_new"]  # Annex's key went with it


def test_remove_waits_for_unsent_changes_unless_told_to_discard_them(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    assert connect(profile, "Clinic", "--api-key-stdin", stdin=KEY).returncode == 0
    context = AppContext(Paths.resolve(profile), use_keyring=False)
    try:
        cid = context.connections()[0].id
        context.repo.book(booking(1, connection_id=cid), OperationKind.CREATE, {}, "k1", "desk")
    finally:
        context.close()
    refused = frontdesk(profile, "connections", "remove", "Clinic", "--yes")
    assert refused.returncode == 2
    assert "1 change not sent" in refused.stderr and "--discard-unsent" in refused.stderr
    assert len(listed(profile)) == 1
    done = frontdesk(profile, "connections", "remove", "Clinic", "--yes", "--discard-unsent")
    assert done.returncode == 0, done.stderr
    said = "deletes 1 change not yet sent (never to be sent), its 1 cached booking on this desk"
    assert said in done.stderr
    assert listed(profile) == [] and keys_file(profile) == {}


def test_a_locked_keyring_is_said_and_the_file_only_taken_when_agreed(tmp_path: Path) -> None:
    profile, locked = tmp_path / "p", "support.keyrings.LockedKeyring"
    done = connect(profile, "Clinic", "--api-key-stdin", stdin=KEY, keyring=locked)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    # a new profile: the cache's key is the first the keyring refuses, and it is said
    assert "which did not take it: it is locked" in done.stderr
    assert "--allow-key-file" in done.stderr
    assert not (profile / "config" / "credentials.json").exists()  # nothing kept
    listing = frontdesk(profile, "connections", "list", "--json", keyring=locked)
    assert listing.returncode == 2 and listing.stdout == "" and keys_file(profile) == {}

    done = connect(
        profile, "Clinic", "--api-key-stdin", "--allow-key-file", stdin=KEY, keyring=locked
    )
    assert done.returncode == 0, done.stderr
    # and at every start after, until they move
    assert "1 API key and the cache's key are kept in" in done.stderr
    key_file = profile / "config" / "credentials.json"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    again = frontdesk(profile, "connections", "list", keyring=locked)
    assert (
        "Clinic" in again.stdout
        and "yes" in again.stdout
        and "1 API key and the cache's key are kept in" in again.stderr
    )

    # the keyring works again: the key moves into it, and nothing is said any more
    env_file = tmp_path / "keyring.json"
    os.environ["FRONTDESK_TEST_KEYRING"] = str(env_file)
    try:
        working = "support.keyrings.FileKeyring"
        assert listed(profile, keyring=working)[0]["key"] == "yes"
        assert keys_file(profile) == {} and KEY in env_file.read_text()
        quiet = frontdesk(profile, "connections", "list", keyring=working)
        assert "warning" not in quiet.stderr
    finally:
        del os.environ["FRONTDESK_TEST_KEYRING"]


def test_a_corrupt_credentials_file_leaves_no_connection_behind(tmp_path: Path) -> None:
    profile = tmp_path / "p"
    (profile / "config").mkdir(parents=True)
    (profile / "config" / "credentials.json").write_text("{half a file")
    done = connect(profile, "Clinic", "--api-key-stdin", stdin=KEY)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "credentials.json cannot be read" in done.stderr
    # the advice keeps the cache's key: the file is kept, not deleted
    assert "Do not delete it: it may also hold the key of this desk's encrypted cache" in (
        " ".join(done.stderr.split())
    )
    assert "move it aside" not in done.stderr.lower()
    # (the cache's key would be read from it too: nothing opens, nothing is overwritten)
    listing = frontdesk(profile, "connections", "list", "--json")
    assert listing.returncode == 2 and "credentials.json cannot be read" in listing.stderr
    assert (profile / "config" / "credentials.json").read_text() == "{half a file"
    kept = tmp_path / "kept"  # moved to another folder and kept, as the message says
    kept.mkdir()
    (profile / "config" / "credentials.json").rename(kept / "credentials.json")
    again = connect(profile, "Clinic", "--api-key-stdin", stdin=KEY)  # the same name: free
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--base-url", "http://api.huskyvoice.example/v1"], "base_url: plain http://"),
        (["--base-url", LOCAL, "--option", "rate_per_minute=abc"], "rate_per_minute: 'abc'"),
        (["--base-url", LOCAL, "--option", "rate_per_minute=0"], "a whole number above 0"),
        (["--base-url", LOCAL, "--option", "timezone=Mars/Olympus"], "timezone: 'Mars/Olympus'"),
        (["--base-url", LOCAL, "--option", "timzone=UTC"], "option: 'timzone' is not an option"),
    ],
)
def test_an_unsafe_address_or_a_wrong_option_is_refused_before_the_key_is_asked(
    tmp_path: Path, args: list[str], said: str
) -> None:
    profile = tmp_path / "p"
    done = frontdesk(profile, "connect", "huskyvoice", "--name", "Clinic", *args)  # no key given
    assert done.returncode == 2 and said in done.stderr and "Traceback" not in done.stderr
    assert "api-key" not in done.stderr  # refused first: nobody is asked for a key in vain
    assert listed(profile) == []


def test_validate_refuses_plain_http_to_another_computer(tmp_path: Path) -> None:
    request = tmp_path / "request.json"
    request.write_text("{}")
    done = frontdesk(
        tmp_path / "p", "validate", "--provider", "huskyvoice", "--base-url",
        "http://api.huskyvoice.example/v1", "--api-key-stdin", str(request), stdin=KEY,
    )  # fmt: skip
    assert done.returncode == 2 and "base_url: plain http://" in done.stderr


class Terminal:
    """Standard input as a person at a terminal: ``isatty``, and nothing piped in."""

    def isatty(self) -> bool:
        return True

    def read(self) -> str:
        raise AssertionError("a terminal's key is typed at the prompt, not read from stdin")


def test_in_a_terminal_the_key_is_typed_unseen_and_the_file_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import keyring as keyrings

    from frontdesk.cli.main import main
    from support.keyrings import LockedKeyring

    previous = keyrings.get_keyring()
    keyrings.set_keyring(LockedKeyring())
    prompts: list[str] = []
    answers = iter(["y", "n", "y"])  # the cache's key to the file; the API key not, then so
    monkeypatch.setattr(sys, "stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", lambda prompt: prompts.append(prompt) or KEY)
    monkeypatch.setattr("builtins.input", lambda prompt: prompts.append(prompt) or next(answers))
    profile = tmp_path / "p"
    argv = ["--profile-dir", str(profile), "connect", "huskyvoice", "--name", "Clinic"]
    try:
        assert main([*argv, "--base-url", LOCAL]) == 2  # the file refused: nothing kept
        assert "not kept; nothing was saved" in capsys.readouterr().err
        assert keys_file(profile) == {}
        assert main([*argv, "--base-url", LOCAL]) == 0
        assert list(keys_file(profile).values()) == [KEY]
    finally:
        keyrings.set_keyring(previous)
    assert prompts == [
        "Keep the cache's key in the protected file instead? [y/N] ",
        *["API key (not shown): ", "Keep the key in the protected file instead? [y/N] "] * 2,
    ]
    out = capsys.readouterr()
    assert KEY not in out.out + out.err

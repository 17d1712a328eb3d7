"""Which store a profile opens: the desk's own cache, or the clinic's shared PostgreSQL store
named by URL (flag, environment, profile setting), never with a password kept or logged; a
store that cannot be reached is said in plain words."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from frontdesk.app import store
from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.storage.db import Database, StoreUnreachable
from support.postgres import Cluster


def test_urls_are_checked_and_shown_without_their_password() -> None:
    assert store.check_url("postgresql://fd@clinic:5432/desk") == (
        "postgresql+psycopg://fd@clinic:5432/desk?sslmode=verify-full"  # another computer: TLS
    )
    assert store.check_url("postgresql://fd@127.0.0.1:5432/desk") == (
        "postgresql+psycopg://fd@127.0.0.1:5432/desk"  # this computer: no network crossed
    )
    assert store.check_url("postgresql://fd@clinic/desk?sslmode=verify-ca&connect_timeout=5") == (
        "postgresql+psycopg://fd@clinic/desk?sslmode=verify-ca&connect_timeout=5"
    )
    assert store.check_url("sqlite:////tmp/x.sqlite3") == "sqlite:////tmp/x.sqlite3"
    for wrong, words in [
        ("mysql://x@y/z", "postgresql://USER@HOST:5432/DATABASE"),
        ("postgresql://clinic", "name the server and the database"),
        ("clinic-server", "postgresql://USER@HOST:5432/DATABASE"),
        ("postgresql://fd@clinic/desk?sslmode=disable", "sslmode=disable would let patient"),
        ("postgresql://fd@clinic/desk?sslmode=require", "sslmode=require would let patient"),
    ]:
        with pytest.raises(store.StoreUrlError, match=words):
            store.check_url(wrong)
    assert store.shown("postgresql+psycopg://fd:s3cret@h/db") == "postgresql+psycopg://fd:***@h/db"
    assert store.shown("postgresql+psycopg://fd@h/db") == "postgresql+psycopg://fd@h/db"


def test_the_profile_keeps_a_url_but_never_a_password(tmp_path: Path) -> None:
    paths = Paths.resolve(tmp_path / "p")
    assert store.target(paths) == paths.database  # the desk's own cache by default
    with pytest.raises(store.StoreUrlError, match="leave the password out"):
        store.save_url(paths.config_dir, "postgresql://fd:s3cret@h/db")
    assert not (paths.config_dir / store.FILE_NAME).exists()
    store.save_url(paths.config_dir, "postgresql://fd@h/db")
    assert store.target(paths) == "postgresql+psycopg://fd@h/db?sslmode=verify-full"
    assert store.target(paths, "postgresql://other@h/db2") == (
        "postgresql+psycopg://other@h/db2?sslmode=verify-full"
    )
    (paths.config_dir / store.FILE_NAME).write_text("{broken", encoding="utf-8")
    assert store.target(paths) == paths.database  # logged and ignored, never a traceback
    store.save_url(paths.config_dir, None)
    assert store.target(paths) == paths.database


def test_an_unreachable_store_is_said_in_plain_words(postgres: Cluster) -> None:
    url = f"postgresql+psycopg://frontdesk@127.0.0.1:{postgres.port}/no_such_database"
    with pytest.raises(StoreUnreachable) as refused:
        Database.open(url)
    words = str(refused.value)
    assert "no_such_database on 127.0.0.1" in words and "Check that the clinic's server" in words


def test_two_desks_on_one_store_see_each_others_bookings(postgres: Cluster, tmp_path: Path) -> None:
    url = postgres.new_database()
    first = AppContext(Paths.resolve(tmp_path / "a"), use_keyring=False, database_url=url)
    second = AppContext(Paths.resolve(tmp_path / "b"), use_keyring=False, database_url=url)
    try:
        from frontdesk.storage.repo import ConnectionRecord

        first.repo.catalogs.add_connection(
            ConnectionRecord("c", "C", "huskyvoice", "http://x", {}, None)
        )
        assert [c.name for c in second.connections()] == ["C"]
        assert first.db.shared and second.db.shared
    finally:
        first.close()
        second.close()


def test_settings_keeps_the_store_once_it_opens(postgres: Cluster, tmp_path: Path) -> None:
    profile = tmp_path / "desk"
    url = postgres.new_database().replace("postgresql+psycopg", "postgresql")

    def settings(*extra: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "frontdesk", "--profile-dir", str(profile), "settings"]
        return subprocess.run([*command, *extra], capture_output=True, text=True, timeout=120)

    done = settings("--database-url", url)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["database"] == url.replace("postgresql", "postgresql+psycopg")
    assert json.loads(settings().stdout)["database"].startswith("postgresql+psycopg://")
    gone = url.rsplit("/", 1)[0] + "/missing_db"
    refused = settings("--database-url", gone)
    assert refused.returncode == 2 and "could not be opened" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert json.loads(settings().stdout)["database"] == url.replace(  # the last good one stays
        "postgresql", "postgresql+psycopg"
    )
    assert json.loads(settings("--database-url", "").stdout)["database"] == (
        "this desk's own cache"
    )

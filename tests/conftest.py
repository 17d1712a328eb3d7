"""Shared fixtures: a fresh cache per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring
from keyring.backends import fail

from frontdesk.storage.db import Database
from frontdesk.storage.repo import ConnectionRecord, Repository
from support.cache_keys import key_for
from support.postgres import Cluster, binaries

# As on CI (no keyring at all): the suite never touches a developer's own keyring, and the
# test backends (support.keyrings), which keyring would otherwise chain, are only used where a
# test sets one.
keyring.set_keyring(fail.Keyring())


@pytest.fixture(scope="session")
def postgres() -> Iterator[Cluster]:
    """The test run's own PostgreSQL server, started when a test first needs it."""
    found = binaries()
    if found is None:
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql; .ci/run does)")
    cluster = Cluster(found).start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh store of each kind: a desk's SQLite cache, a clinic's PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'cache.sqlite3'}"
    cluster: Cluster = request.getfixturevalue("postgres")
    return cluster.new_database()


@pytest.fixture
def db(store_url: str) -> Iterator[Database]:
    database = Database.open(store_url, key_for(store_url))
    yield database
    database.close()


@pytest.fixture
def repo(db: Database) -> Repository:
    repository = Repository(db)
    repository.catalogs.add_connection(
        ConnectionRecord("conn-1", "Test clinic", "huskyvoice", "http://127.0.0.1:9/v1", {}, None)
    )
    return repository

"""Shared fixtures: a fresh cache per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from frontdesk.storage.db import Database
from frontdesk.storage.repo import ConnectionRecord, Repository


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "cache.sqlite3")
    yield database
    database.close()


@pytest.fixture
def repo(db: Database) -> Repository:
    repository = Repository(db)
    repository.add_connection(
        ConnectionRecord("conn-1", "Test clinic", "huskyvoice", "http://127.0.0.1:9/v1", {}, None)
    )
    return repository

"""The encrypted cache: a copied file is unreadable without its key, an older plain cache is
encrypted in place losing nothing (its WAL included, a kill -9 at any step included), a wrong
key is refused with nothing changed, and Alembic migrates an encrypted cache."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from frontdesk.domain.outbox import OperationKind
from frontdesk.storage import cipher
from frontdesk.storage.db import HEADS, Database, create_db_engine, sqlite_url
from frontdesk.storage.repo import ConnectionRecord, Repository
from support.bookings import booking
from support.cache_keys import TEST_KEY

NAME = "Zelda Quartermaine"  # a patient name found nowhere else in the file's bytes


_PLAIN = """
import os, sys
from datetime import UTC, datetime
from pathlib import Path
from frontdesk.domain.outbox import OperationKind
from frontdesk.storage.db import Database
from frontdesk.storage.repo import ConnectionRecord, Repository
from support.bookings import booking

db = Database.open(Path(sys.argv[1]))  # no key: plain, as an older FrontDesk made it
repo = Repository(db)
repo.catalogs.add_connection(ConnectionRecord("conn-1", "C", "huskyvoice", "http://x/v1", {}, None))
start = datetime(2027, 7, 1, 9, 0, tzinfo=UTC)
for i in range(int(sys.argv[2])):
    made = booking(i, start, patient_name=sys.argv[3])
    repo.book(made, OperationKind.CREATE, {}, f"k{i}", "desk")
os._exit(0)  # never closed: the last writes stay in the WAL, as a killed desk leaves them
"""


def _plain_cache_with_bookings(path: Path, count: int = 40) -> None:
    """A cache as an older FrontDesk left it: plain SQLite, the last writes still in its WAL."""
    tests = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": tests + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run(
        [sys.executable, "-c", _PLAIN, str(path), str(count), NAME],
        capture_output=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr


def _bookings(path: Path, key: bytes | None) -> int:
    engine = create_db_engine(sqlite_url(path), key)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM bookings")).scalar() or 0)
    finally:
        engine.dispose()


def test_a_copied_cache_is_unreadable_without_its_key(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    db = Database.open(path, TEST_KEY)
    repo = Repository(db)
    repo.catalogs.add_connection(
        ConnectionRecord("conn-1", "C", "huskyvoice", "http://x/v1", {}, None)
    )
    repo.book(
        booking(1, datetime(2027, 7, 1, 9, tzinfo=UTC), patient_name=NAME),
        OperationKind.CREATE,
        {},
        "k",
        "d",
    )
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    copy = tmp_path / "copied.sqlite3"
    copy.write_bytes(path.read_bytes())
    assert cipher.state(copy) == "encrypted"
    assert NAME.encode() not in copy.read_bytes()
    assert NAME.encode("utf-16-le") not in copy.read_bytes()
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(copy).execute("SELECT * FROM bookings").fetchall()
    with pytest.raises(cipher.CacheKeyRefused, match="Nothing was changed"):
        Database.open(copy, bytes(32))
    assert _bookings(copy, TEST_KEY) == 1  # and with the key, all of it


def test_a_plain_cache_is_encrypted_in_place_with_its_wal(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    _plain_cache_with_bookings(path)
    wal = path.with_name(path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the negative control: the WAL holds rows
    assert NAME.encode() in path.read_bytes() + wal.read_bytes()
    db = Database.open(path, TEST_KEY)
    db.close()
    assert cipher.state(path) == "encrypted"
    assert _bookings(path, TEST_KEY) == 40
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())
    assert NAME.encode() not in raw
    assert not path.with_name(path.name + ".encrypting").exists()
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_copies_made_before_a_migration_are_encrypted_too(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    _plain_cache_with_bookings(path, 3)
    aside = tmp_path / "cache.sqlite3.before-migration-20260101T000000Z"
    Database.open(aside).close()
    Database.open(path, TEST_KEY).close()
    assert cipher.state(aside) == "encrypted"


_KILLER = """
import os, signal, sys
from pathlib import Path
from frontdesk.storage import cipher
from frontdesk.storage.db import Database

def pause(where):
    if where == sys.argv[2]:
        os.kill(os.getpid(), signal.SIGKILL)

real = cipher.encrypt_in_place
cipher.encrypt_in_place = lambda path, key, pause_=None: real(path, key, pause)
Database.open(Path(sys.argv[1]), bytes(range(32)))
"""


@pytest.mark.parametrize("step", ["checkpointed", "exported", "synced", "replaced"])
def test_a_kill_while_encrypting_loses_nothing(tmp_path: Path, step: str) -> None:
    path = tmp_path / "cache.sqlite3"
    _plain_cache_with_bookings(path)
    done = subprocess.run(
        [sys.executable, "-c", _KILLER, str(path), step], capture_output=True, timeout=120
    )
    assert done.returncode == -signal.SIGKILL, done.stderr  # it really died there
    # the file is whole, plain or encrypted, never a mix
    expected = "encrypted" if step == "replaced" else "plain"
    assert cipher.state(path) == expected
    db = Database.open(path, TEST_KEY)  # the next start finishes the work
    db.close()
    assert cipher.state(path) == "encrypted"
    assert _bookings(path, TEST_KEY) == 40
    assert not path.with_name(path.name + ".encrypting").exists()


def test_alembic_migrates_an_encrypted_cache(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    Database.open(path, TEST_KEY).close()
    engine = create_db_engine(sqlite_url(path), TEST_KEY)
    with engine.begin() as conn:  # back to before the newest two migrations (0010, 0015)
        conn.execute(text("ALTER TABLE outbox DROP COLUMN takeovers"))
        for table in (
            *("column_view_members", "column_views", "column_resources"),
            *("clinic_columns", "column_revision"),
        ):
            conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text("UPDATE alembic_version SET version_num = '0014'"))
    engine.dispose()
    Database.open(path, TEST_KEY).close()
    engine = create_db_engine(sqlite_url(path), TEST_KEY)
    with engine.connect() as conn:
        assert {conn.execute(text("SELECT version_num FROM alembic_version")).scalar()} == HEADS
        assert conn.execute(text("SELECT count(*) FROM clinic_columns")).scalar() == 0
        assert conn.execute(text("SELECT count(takeovers) FROM outbox")).scalar() == 0
    engine.dispose()
    backups = list(tmp_path.glob("cache.sqlite3.before-migration-*"))
    assert len(backups) == 1 and cipher.state(backups[0]) == "encrypted"
    assert os.path.getsize(backups[0]) > 0

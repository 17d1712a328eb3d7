"""The desk's own cache, encrypted: SQLCipher 4 (the ``sqlcipher3`` binding, SQLCipher built
into its wheels) with a raw 256-bit key (``x'…'``: no key derivation at each open).

The key is the application's to keep (:mod:`frontdesk.app.cache_key`, the OS keyring); this
module only opens a file with it, tells a plain cache from an encrypted one by its first bytes,
and encrypts a plain cache in place without losing anything:

1. the plain cache's WAL is folded into its file (``wal_checkpoint(TRUNCATE)``, durable under
   ``synchronous=FULL``) and the WAL and shared-memory files are gone once it closes;
2. ``sqlcipher_export`` copies every table, index, trigger and the ``user_version`` into a new
   file beside it (``<name>.encrypting``, 0600), which is checked (it opens with the key and
   holds the same tables and rows) and ``fsync``ed;
3. ``os.replace`` puts it in the cache's place in one step, and the folder is ``fsync``ed.

A kill at any point leaves either the plain cache (with its WAL, if the kill came before the
checkpoint) and perhaps a half-written ``.encrypting`` file, which the next start removes and
writes again, or the complete encrypted cache: never a mix (``tests/storage/test_cipher.py``
kills a real subprocess at each step).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

import sqlcipher3.dbapi2 as sqlcipher  # type: ignore[import-untyped]  # no stubs

from frontdesk.domain.translation import QT_TRANSLATE_NOOP, both

dbapi: Any = sqlcipher  # the DB-API module SQLAlchemy's SQLite dialect drives

PLAIN_HEADER = b"SQLite format 3\x00"
KEY_BYTES = 32
State = Literal["new", "plain", "encrypted"]


_REFUSED = QT_TRANSLATE_NOOP(
    "Store",
    "This desk's cache ({path}) is encrypted with a key this computer's user account does not "
    "hold: it was made on another computer or by another user, or its key was removed from "
    "the system keyring. Nothing was changed. Open FrontDesk as the user who made it, or move "
    "the file aside to start with an empty cache (the bookings come back from the booking "
    "systems at the next sync; changes not yet sent stay in the moved file).",
)


class CacheKeyRefused(Exception):
    """The cache is encrypted with a key this user does not hold; nothing was changed
    (``words``: the message in the desk's language)."""

    def __init__(self, path: Path) -> None:
        english, self.words = both("Store", _REFUSED, path=path)
        super().__init__(english)
        self.path = path


def state(path: Path) -> State:
    """Whether ``path`` is a new (missing or empty) cache, a plain SQLite file or an encrypted
    one (SQLCipher's file starts with a random salt, never SQLite's header)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return "new"
    if not head:
        wal = path.with_name(path.name + "-wal")
        # only a plain cache's first pages can be in its WAL alone
        return "plain" if wal.exists() and wal.stat().st_size > 0 else "new"
    return "plain" if head == PLAIN_HEADER else "encrypted"


def _key_pragma(key: bytes) -> str:
    if len(key) != KEY_BYTES:
        raise ValueError(f"a cache key is {KEY_BYTES} bytes")
    return f"\"x'{key.hex()}'\""


def connect(path: Path, key: bytes) -> Any:
    """A DB-API connection to the encrypted cache at ``path`` (created when new)."""
    conn = sqlcipher.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is said once, in words
    conn.execute(f"PRAGMA key = {_key_pragma(key)}")
    return conn


def connector(path: Path, key: bytes) -> Callable[[], Any]:
    """What SQLAlchemy's pool calls for each new connection (the key never in the URL)."""
    return lambda: connect(path, key)


def check_key(path: Path, key: bytes) -> None:
    """Raise :class:`CacheKeyRefused` unless ``key`` opens the cache at ``path``."""
    conn = connect(path, key)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:  # "file is not a database"
        raise CacheKeyRefused(path) from exc
    finally:
        conn.close()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    if sys.platform == "win32":  # folders cannot be opened there; the rename is journaled
        return
    _fsync(folder)


def _counts(conn: Any, schema: str) -> dict[str, int]:
    names = [
        str(r[0])
        for r in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    ]
    return {
        n: int(conn.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0]) for n in names
    }


def encrypt_in_place(path: Path, key: bytes, pause: Callable[[str], None] | None = None) -> None:
    """Encrypt the plain cache at ``path`` with ``key``, losing nothing (module docstring).
    ``pause`` is called between the steps (tests kill the process there)."""
    step = pause or (lambda _where: None)
    scratch = path.with_name(path.name + ".encrypting")
    scratch.unlink(missing_ok=True)  # a half-written one from a killed start
    plain = sqlcipher.connect(str(path))
    try:
        plain.execute("PRAGMA busy_timeout=10000")
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        step("checkpointed")
        fd = os.open(scratch, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)  # made the user's own before SQLCipher writes to it
        version = int(plain.execute("PRAGMA user_version").fetchone()[0])
        before = _counts(plain, "main")
        plain.execute(f"ATTACH DATABASE ? AS encrypted KEY {_key_pragma(key)}", (str(scratch),))
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute(f"PRAGMA encrypted.user_version = {version}")
        after = _counts(plain, "encrypted")
        plain.execute("DETACH DATABASE encrypted")
        if after != before:
            raise RuntimeError("the encrypted copy of the cache differs from it; nothing changed")
        step("exported")
    finally:
        plain.close()  # the last connection: SQLite folds and removes the WAL
    for extra in ("-wal", "-shm"):
        side = path.with_name(path.name + extra)
        if side.exists() and side.stat().st_size > 0 and extra == "-wal":
            raise RuntimeError("the cache's WAL could not be folded into it; nothing changed")
        side.unlink(missing_ok=True)
    check_key(scratch, key)
    _fsync(scratch)
    step("synced")
    os.replace(scratch, path)
    _fsync_folder(path.parent)
    step("replaced")


def encrypt_copies(path: Path, key: bytes) -> int:
    """Encrypt the plain copies made aside before a migration (``<name>.before-migration-*``)
    with the cache's key; how many were."""
    done = 0
    for copy in sorted(path.parent.glob(f"{path.name}.before-migration-*")):
        if copy.is_file() and state(copy) == "plain":
            encrypt_in_place(copy, key)
            done += 1
    return done

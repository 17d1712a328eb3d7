"""Who may sign in, read straight from the desk's encrypted cache file through SQLCipher's
DB-API driver, without SQLAlchemy: what a start's first paint (the lock screen) needs before
the rest of the store is loaded. Read-only; any doubt (no such table yet, a wrong key, a file
being replaced) answers ``None`` and the start reads the staff the usual way."""

from __future__ import annotations

import logging
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher  # type: ignore[import-untyped]  # no stubs

from frontdesk.storage import cipher

log = logging.getLogger("frontdesk.storage")

BUSY_MS = 2000


def sign_in_names(path: Path, key: bytes) -> tuple[int, list[str]] | None:
    """(how many members, disabled ones included; the active members' names in the order the
    sign-in form lists them), or ``None`` where the file cannot tell."""
    try:
        conn = cipher.connect(path, key)
    except sqlcipher.Error:
        log.info("the cache could not be opened for the lock screen's names", exc_info=True)
        return None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
        conn.execute("PRAGMA query_only = 1")
        rows = conn.execute("SELECT name, disabled FROM staff ORDER BY key").fetchall()
    except sqlcipher.Error:  # an older cache (no staff table yet), a wrong key
        log.info("the staff could not be read before the desk", exc_info=True)
        return None
    finally:
        conn.close()
    return len(rows), [str(name) for name, disabled in rows if not disabled]

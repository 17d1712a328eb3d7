"""What a normal start's first paint shows, read before the store is loaded: the lock screen's
sign-in list (or the first administrator's form) and the desk's language.

A desk starts locked, and its lock screen needs only the staff's names. Those are read from
the desk's own encrypted cache through the driver (:mod:`frontdesk.storage.staff_peek`), with
the cache's key from where it is kept, so that the lock screen is painted before SQLAlchemy,
pydantic and the desk's own modules are imported; the desk is built behind it
(:mod:`frontdesk.ui.early_lock`). Where this cannot be told cheaply and surely (a clinic's
shared store, a plain cache still to be encrypted, a key the keyring will not give, an older
cache), :func:`peek` answers ``None`` and the start paints the desk as before, saying any
refusal in words there.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from frontdesk.app.paths import Paths
from frontdesk.app.store_url import ENV, saved_url

log = logging.getLogger("frontdesk.app")

SETTINGS_FILE = "clinic.json"  # app.settings.FILE_NAME (read here as plain JSON, nothing more)


@dataclass(frozen=True)
class LockFacts:
    """What the first lock screen shows: the first administrator's form (``first``: nobody
    can sign in yet) or the names that may sign in."""

    first: bool
    names: tuple[str, ...]
    config_dir: Path  # where the window's geometry is kept (window.ini)


def language(config_dir: Path) -> str | None:
    """The desk's language as the profile's settings name it (None: the computer's; a
    setting FrontDesk does not speak is judged by ``app.languages.chosen`` as always)."""
    try:
        data = json.loads((config_dir / SETTINGS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    said = data.get("language") if isinstance(data, dict) else None
    return said if isinstance(said, str) and said.strip() else None


def peek(profile_dir: Path | None, database_url: str | None) -> LockFacts | None:
    """The first lock screen's facts, or ``None`` where the desk must be loaded to tell."""
    try:
        paths = Paths.resolve(profile_dir)
        if database_url or os.environ.get(ENV) or saved_url(paths.config_dir):
            return None  # a clinic's shared store: opened the usual way
        return _from_cache(paths)
    except Exception:  # never a start's failure: the desk then says what is wrong
        log.info("the lock screen's facts could not be read ahead", exc_info=True)
        return None


def _from_cache(paths: Paths) -> LockFacts | None:
    from frontdesk.storage.cipher import state

    found = state(paths.database)
    if found == "new":  # nobody yet: the first administrator's form
        return LockFacts(first=True, names=(), config_dir=paths.config_dir)
    if found != "encrypted":  # a plain cache: encrypted in place when the desk opens it
        return None
    from frontdesk.app.cache_key import cache_key
    from frontdesk.app.credentials import Credentials
    from frontdesk.storage.staff_peek import sign_in_names

    try:  # an encrypted cache's key is only ever read here, never made
        key = cache_key(paths.database, Credentials(paths.credentials_file))
    except Exception:  # a keyring that refuses, a lost key: the desk says so in words
        log.info("the cache's key was not read ahead of the desk", exc_info=True)
        return None
    staff = sign_in_names(paths.database, key)
    if staff is None:
        return None
    members, names = staff
    return LockFacts(first=members == 0, names=tuple(names), config_dir=paths.config_dir)

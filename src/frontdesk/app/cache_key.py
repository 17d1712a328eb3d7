"""The key of the desk's encrypted cache: 32 random bytes made on the profile's first start
and kept where the API keys are (:class:`~frontdesk.app.credentials.Credentials`: the OS
keyring under the name ``cache-key:<the cache file's path>``, or, on a machine with no keyring
at all, the profile's protected file, said at every start).

A cache that exists encrypted is never given a new key: without its own it is refused
(:class:`~frontdesk.storage.cipher.CacheKeyRefused`) and left as it is. A keyring that is
locked or failing stops the start with :class:`CacheKeyUnavailable`, in plain words.
Making the key and encrypting an older plain cache are done under a lock beside the cache,
so a desk and a headless tool started together agree on one key.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from frontdesk.app.credentials import CACHE_KEY_PREFIX, Credentials, KeyringUnavailable
from frontdesk.app.desk_lock import hold
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, both, translate
from frontdesk.storage.cipher import KEY_BYTES, CacheKeyRefused, state

__all__ = ["CacheKeyRefused", "CacheKeyUnavailable", "cache_key", "key_lock", "key_name"]

LOCK_WAIT_S = 60.0


class CacheKeyUnavailable(Exception):
    """The system keyring would not give (or keep) the cache's key; nothing was changed.
    ``file_would_do``: a new key the keyring refused, which the protected file could keep if
    the person agrees (``allow_file``); never so for a cache already encrypted."""

    def __init__(self, message: str, file_would_do: bool = False, words: str | None = None) -> None:
        super().__init__(message)
        self.file_would_do = file_would_do
        self.words = words or message  # the message in the desk's language


_UNREADABLE = QT_TRANSLATE_NOOP(
    "Store",
    "The key of this desk's encrypted cache is kept in the system keyring, which could not be "
    "read: {reason}. Unlock the keyring (sign in to the desktop session), then start "
    "FrontDesk again. Nothing was changed.",
)
_NOT_TAKEN = QT_TRANSLATE_NOOP(
    "Store",
    "cache key: this desk's cache is encrypted with a key kept in the system keyring, which "
    "did not take it: {reason}. Unlock the keyring (sign in to the desktop session) and start "
    "again, or agree to keep the key in {file}, readable only by this user account. Nothing "
    "was changed.",
)


def _refused(sentence: str, exc: KeyringUnavailable, **values: object) -> tuple[str, str]:
    """The keyring's refusal in English and in the desk's language (its reason too, where it
    is one the desk words: "it is locked", "it failed: …")."""
    english, _ = both("Store", sentence, reason=exc.reason, **values)
    return english, translate("Store", sentence).format(reason=exc.said_reason, **values)


def key_name(database: Path) -> str:
    """The cache key's name in the keyring: one per profile (per cache file)."""
    return f"{CACHE_KEY_PREFIX}{database.resolve()}"


@contextmanager
def key_lock(database: Path) -> Iterator[None]:
    """Held while the key is made and a plain cache encrypted (``<cache>.key.lock``)."""
    with hold(database.with_name(database.name + ".key.lock"), LOCK_WAIT_S, time.sleep):
        yield


def cache_key(database: Path, credentials: Credentials, allow_file: bool = False) -> bytes:
    """The key of the cache at ``database``, made and kept when the cache is new or plain
    (in the protected file instead of a refusing keyring only when ``allow_file``).
    Call under :func:`key_lock`."""
    name = key_name(database)
    found = state(database)
    try:
        kept = credentials.get(name)
    except KeyringUnavailable as exc:
        if found != "encrypted":  # nothing to read yet: a new key, kept as agreed
            return _make(name, credentials, allow_file)
        english, words = _refused(_UNREADABLE, exc)
        raise CacheKeyUnavailable(english, words=words) from exc
    if kept is not None:
        try:
            key = bytes.fromhex(kept)
        except ValueError:
            key = b""
        if len(key) != KEY_BYTES:
            raise CacheKeyRefused(database)
        return key
    if found == "encrypted":  # its key is elsewhere: never replaced by a new one
        raise CacheKeyRefused(database)
    return _make(name, credentials, allow_file)


def _make(name: str, credentials: Credentials, allow_file: bool) -> bytes:
    key = secrets.token_bytes(KEY_BYTES)
    try:
        credentials.set(name, key.hex(), allow_file=allow_file)
    except KeyringUnavailable as exc:
        english, words = _refused(_NOT_TAKEN, exc, file=credentials.fallback_file)
        raise CacheKeyUnavailable(english, file_would_do=True, words=words) from exc
    return key

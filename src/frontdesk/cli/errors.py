"""The failures every headless command says in one line (``frontdesk CMD: why``, exit 2): the
store, the cache's key, the keyring, a connection's answers. A command catching whatever else
goes wrong lets these through to :func:`frontdesk.cli.main.main`, which says them."""

from __future__ import annotations

from frontdesk.app import store
from frontdesk.app.cache_key import CacheKeyRefused, CacheKeyUnavailable
from frontdesk.app.connections import ConnectionError_
from frontdesk.app.credentials import CredentialsFileError, KeyringUnavailable
from frontdesk.providers.base import ApiError
from frontdesk.providers.http import BadAnswer
from frontdesk.storage.db import NewerCache, StoreUnreachable

SAID_IN_ONE_LINE: tuple[type[Exception], ...] = (
    ConnectionError_,
    KeyringUnavailable,
    CredentialsFileError,
    ApiError,
    BadAnswer,
    NewerCache,
    StoreUnreachable,
    store.StoreUrlError,
    CacheKeyRefused,
    CacheKeyUnavailable,
)

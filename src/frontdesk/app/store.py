"""Which store a profile uses: a desk's own SQLite cache (the default) or a clinic's shared
PostgreSQL store, named by URL.

The URL comes from, first to last: ``--database-url``, the ``FRONTDESK_DATABASE_URL``
environment variable, the profile's ``store.json`` (``frontdesk settings --database-url``).
A URL holds no password: PostgreSQL's own means supply it (the user's ``pgpass`` file,
``PGPASSWORD``, or the server's trust of the desk's account); one given anyway is used, never
written to the profile, and never logged."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from frontdesk.app.paths import Paths
from frontdesk.app.private_files import private_dir, write_private
from frontdesk.app.store_url import ENV as ENV
from frontdesk.app.store_url import FILE_NAME as FILE_NAME
from frontdesk.app.store_url import saved_url as saved_url
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, both

# the refusals a desk may meet opening its store, for the screens that say them
from frontdesk.storage.db import NewerCache as NewerCache
from frontdesk.storage.db import StoreUnreachable as StoreUnreachable

log = logging.getLogger("frontdesk.app")

_SCHEMES = ("sqlite:///", "postgresql+psycopg://", "postgresql://", "postgres://")


class StoreUrlError(ValueError):
    """A database URL FrontDesk cannot use; the message says why and what to write
    (``words``: the same in the desk's language)."""

    def __init__(self, sentence: str, **values: object) -> None:
        english, self.words = both("Store", sentence, **values)
        super().__init__(english)


_SCHEME = QT_TRANSLATE_NOOP(
    "Store",
    "database URL: write postgresql://USER@HOST:5432/DATABASE for a clinic's shared store, or "
    "sqlite:///PATH for a cache file",
)
_NAME_BOTH = QT_TRANSLATE_NOOP(
    "Store",
    "database URL: name the server and the database, e.g. "
    "postgresql://frontdesk@clinic-server:5432/frontdesk",
)
_UNCHECKED = QT_TRANSLATE_NOOP(
    "Store",
    "database URL: sslmode={mode} would let patient data cross the network unchecked; leave "
    "sslmode out (FrontDesk then uses verify-full: TLS, the server's certificate checked "
    "against the system's or PGSSLROOTCERT's authorities) or write sslmode=verify-ca",
)
_PASSWORD = QT_TRANSLATE_NOOP(
    "Store",
    "database URL: leave the password out of it; put it in the PostgreSQL password file "
    "(pgpass) of this computer's user, or in PGPASSWORD",
)


def check_url(url: str) -> str:
    """``url`` as the storage opens it (``postgresql+psycopg://…``); raises
    :class:`StoreUrlError` naming what is wrong."""
    url = url.strip()
    if not url.startswith(_SCHEMES):
        raise StoreUrlError(_SCHEME)
    if url.startswith("sqlite:///"):
        return url
    rest = url.split("://", 1)[1]
    parts = urlsplit(f"//{rest}")
    if not parts.hostname or not parts.path.strip("/"):
        raise StoreUrlError(_NAME_BOTH)
    if not _loopback(parts.hostname):
        rest = _over_tls(rest, parts.query)
    return f"postgresql+psycopg://{rest}"


# TLS modes that check the server is the clinic's (its certificate), not only encrypt
_TLS_CHECKED = ("verify-full", "verify-ca")


def _loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def _over_tls(rest: str, query: str) -> str:
    """A store on another computer is reached over TLS with the server's certificate checked
    (``sslmode=verify-full`` unless the URL asks for ``verify-ca``): patient data never
    crosses the clinic's network in the clear or to a server pretending to be the store."""
    modes = [v for k, v in parse_qsl(query) if k == "sslmode"]
    if not modes:
        return rest + ("&" if query else "?") + "sslmode=verify-full"
    if modes[-1] not in _TLS_CHECKED:
        raise StoreUrlError(_UNCHECKED, mode=modes[-1])
    return rest


def shown(url: str) -> str:
    """``url`` fit to show or log: without its password."""
    if "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    userinfo, at, host = rest.rpartition("@")
    if at and ":" in userinfo:
        userinfo = userinfo.split(":", 1)[0] + ":***"
    return f"{scheme}://{userinfo}{at}{host}"


def save_url(config_dir: Path, url: str | None) -> None:
    """Keep ``url`` in the profile (``None``: back to the desk's own cache). A password in it
    is refused: it belongs in PostgreSQL's ``pgpass`` file, not in the profile."""
    path = config_dir / FILE_NAME
    if url is None:
        path.unlink(missing_ok=True)
        return
    checked = fit_to_keep(url)
    private_dir(config_dir)
    write_private(path, json.dumps({"database_url": checked}))


def fit_to_keep(url: str) -> str:
    """``url`` checked (:func:`check_url`) and without a password, as the profile keeps it."""
    checked = check_url(url)
    if shown(checked) != checked:
        raise StoreUrlError(_PASSWORD)
    return checked


def target(paths: Paths, given: str | None = None) -> Path | str:
    """What the profile opens: the URL given, set in the environment or kept in the profile,
    else the desk's own cache file."""
    url = given or os.environ.get(ENV) or saved_url(paths.config_dir)
    if not url or not url.strip():
        return paths.database
    return check_url(url)

"""Opening the store: a desk's SQLite cache or a clinic's shared PostgreSQL store, named by
URL; write transactions; migrations.

SQLite runs in WAL with ``synchronous=FULL`` and foreign keys on. Writes take ``BEGIN
IMMEDIATE`` so two writers never deadlock halfway through. On PostgreSQL a write transaction
first takes a transaction-scoped advisory lock (``WRITE_LOCK``), the same one-writer-at-a-time
rule for every desk of the clinic, so what the storage decides "inside the write lock" holds
there too. Migrations run at start-up through Alembic (on PostgreSQL under an advisory lock,
so desks started together migrate once); when one is pending a SQLite file is first copied
aside (a PostgreSQL store is the server's to back up). Alembic is only imported when one
is due: the cache's stamped revisions are read with one query and compared with ``HEADS`` (a
test keeps it equal to the migration scripts' heads), which keeps it off a normal start. A
cache stamped by a newer FrontDesk is refused with :class:`NewerCache` rather than touched.
"""

from __future__ import annotations

import logging
import shutil
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from frontdesk.domain.translation import QT_TRANSLATE_NOOP, both
from frontdesk.storage import cipher, notices
from frontdesk.storage.scopes import WriteConflict

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger("frontdesk.storage")

MIGRATIONS = Path(__file__).with_name("migrations")
# the newest revisions of migrations/versions (tests/storage checks it against Alembic's view)
HEADS = frozenset({"0015"})


class StoreUnreachable(Exception):
    """The clinic's shared store could not be reached or refused this desk (plain words;
    ``words``: the same in the desk's language)."""

    def __init__(self, message: str, words: str | None = None) -> None:
        super().__init__(message)
        self.words = words or message


_NEWER = QT_TRANSLATE_NOOP(
    "Store",
    "This cache{where} was last opened by a newer version of FrontDesk (schema {found}; this "
    "version knows up to {known}). Install the newer version on this computer; nothing was "
    "changed.",
)
_UNREACHABLE = QT_TRANSLATE_NOOP(
    "Store",
    "The clinic's shared database {database} on {host}:{port} (user {user}) could not be "
    "opened: {reason}. Check that the clinic's server is on and reachable from this computer, "
    "and the database's name, user and password (kept in this computer's PostgreSQL password "
    "file).",
)


class NewerCache(Exception):
    """The cache was migrated by a newer FrontDesk than this one (``words``: the message in
    the desk's language)."""

    def __init__(self, path: Path | None, found: set[str]) -> None:
        where = f" ({path})" if path is not None else ""
        english, self.words = both(
            "Store",
            _NEWER,
            where=where,
            found=", ".join(sorted(found)),
            known=", ".join(sorted(HEADS)),
        )
        super().__init__(english)
        self.found = found


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy issue BEGIN itself (see _begin) instead of pysqlite's implicit one.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _begin(conn: Any) -> None:
    write = conn.get_execution_options().get("frontdesk_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


# PostgreSQL advisory lock keys: writes, and migrations (any two numbers of our own).
WRITE_LOCK = 0x46445752  # "FDWR"
MIGRATION_LOCK = 0x46444D47  # "FDMG"
DEADLOCK = "40P01"  # PostgreSQL's deadlock_detected


def _pg_begin(conn: Any) -> None:
    write = conn.get_execution_options().get("frontdesk_write", False)
    if write == "scoped":  # a desk's booking change: it locks what it judges (scopes.py)
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock_shared({WRITE_LOCK})")
    elif write:
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")


def create_db_engine(url: str, key: bytes | None = None) -> Engine:
    """An engine for ``url``; SQLite gets the pragmas and explicit BEGIN handling (and, with
    ``key``, SQLCipher: :mod:`frontdesk.storage.cipher`), PostgreSQL the write lock and
    connections checked before use (a server restarted)."""
    if url.startswith("postgresql"):
        engine = create_engine(url, pool_pre_ping=True, pool_size=4, max_overflow=8)
        event.listen(engine, "begin", _pg_begin)
        return engine
    if key is not None:
        path = Path(url.removeprefix("sqlite:///"))
        engine = create_engine(url, module=cipher.dbapi, creator=cipher.connector(path, key))
    else:
        engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin)
    return engine


def is_sqlite_url(url: str) -> bool:
    return url.startswith("sqlite")


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url)
    return config


def _table_query(engine: Engine, name: str | None) -> str:
    """A query counting the store's tables (those named ``name``, if given)."""
    if engine.dialect.name == "sqlite":
        named = f" AND name = '{name}'" if name else ""
        return f"SELECT count(*) FROM sqlite_master WHERE type = 'table'{named}"
    named = f" AND table_name = '{name}'" if name else ""
    return (
        "SELECT count(*) FROM information_schema.tables "
        f"WHERE table_schema = current_schema(){named}"
    )


def stamped(engine: Engine) -> set[str]:
    """The revisions the store is stamped with (none for a new one), in one query."""
    with engine.connect() as conn:
        found = conn.exec_driver_sql(_table_query(engine, "alembic_version")).scalar()
        rows = (
            conn.exec_driver_sql("SELECT version_num FROM alembic_version").all() if found else []
        )
        conn.rollback()
    return {str(r[0]) for r in rows}


def script_heads() -> set[str]:
    """The heads of the migration scripts, as Alembic reads them (imports Alembic)."""
    from alembic.script import ScriptDirectory

    return set(ScriptDirectory.from_config(_alembic_config("sqlite://")).get_heads())


def pending_migrations(engine: Engine, path: Path | None = None) -> bool:
    """Whether the database is behind the newest migration; :class:`NewerCache` when it is
    ahead of it (a revision this version does not know)."""
    current = stamped(engine)
    if current == HEADS:
        return False
    known = {p.stem.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("*.py")}
    if current - known:
        raise NewerCache(path, current)
    return True


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        found = conn.exec_driver_sql(_table_query(engine, None)).scalar()
        conn.rollback()
    return bool(found)


def migrate(engine: Engine, db_path: Path | None, snapshot: bool = True) -> Path | None:
    """Bring the schema to the newest revision; returns the backup made, if any.

    A file that already holds tables is copied aside first; a brand-new file is not, and a
    brand-new SQLite file is made from the migrations' snapshot (``schema_snapshot``) unless
    ``snapshot`` is False.
    """
    if not pending_migrations(engine, db_path):
        return None
    backup: Path | None = None
    has_tables = _has_tables(engine)
    if snapshot and not has_tables and engine.dialect.name == "sqlite":
        from frontdesk.storage import schema_snapshot

        if schema_snapshot.create(engine, HEADS):
            return None
    if db_path is not None and db_path.exists() and has_tables:
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        backup = db_path.with_name(f"{db_path.name}.before-migration-{stamp}")
        with engine.connect() as conn:  # fold the WAL into the file before copying it
            conn.exec_driver_sql("PRAGMA wal_checkpoint(FULL)")
            conn.rollback()
        shutil.copy2(db_path, backup)
        log.info("database copied aside before migrating: %s", backup.name)
    from alembic import command

    config = _alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":  # desks started together: one migrates
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            if not pending_migrations(engine):  # the other did it while we waited
                return None
        config.attributes["connection"] = conn
        # "heads": branches added side by side (one per feature) all apply, in any order
        command.upgrade(config, "heads")
    return backup


def _unreachable(engine: Engine, exc: OperationalError) -> tuple[str, str]:
    """Why the shared store could not be opened: in English, and in the desk's language (the
    server's own reason as it says it)."""
    url = engine.url
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)
    return both(
        "Store",
        _UNREACHABLE,
        database=url.database,
        host=url.host,
        port=url.port or 5432,
        user=url.username or "?",
        reason=reason,
    )


@dataclass
class CoreWrite:
    """A write transaction's connection, and the bookings it changed (for the other desks)."""

    conn: Connection
    changed: set[str] = field(default_factory=set)


class Database:
    """One store (a cache file, or a clinic's PostgreSQL database): its engine and the
    session factories for reads and writes."""

    def __init__(self, engine: Engine, path: Path | None = None) -> None:
        self.engine = engine
        self.path = path
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        # this process's name on what it tells the other desks (its own notices are skipped)
        self.origin = uuid.uuid4().hex[:12]
        if self.shared:
            notices.track(self._sessions)

    @classmethod
    def open(cls, where: Path | str, key: bytes | None = None) -> Database:
        """Open (creating and migrating as needed) the SQLite cache at the path ``where``, or
        the store a URL names (``sqlite:///…`` or ``postgresql+psycopg://…``).

        A cache opened with ``key`` is encrypted (a plain one is encrypted in place first,
        and so are the plain copies made aside before earlier migrations); one whose key is
        not ``key`` raises :class:`~frontdesk.storage.cipher.CacheKeyRefused`, untouched.
        Without ``key`` the cache is plain SQLite (tests of older caches only)."""
        if isinstance(where, str) and not is_sqlite_url(where):
            engine = create_db_engine(where)
            try:
                migrate(engine, None)
            except OperationalError as exc:
                engine.dispose()
                raise StoreUnreachable(*_unreachable(engine, exc)) from exc
            except BaseException:
                engine.dispose()
                raise
            return cls(engine, None)
        path = Path(where.removeprefix("sqlite:///")) if isinstance(where, str) else where
        path.parent.mkdir(parents=True, exist_ok=True)
        if key is not None:
            found = cipher.state(path)
            if found == "plain":
                log.info("encrypting the desk's cache in place")
                cipher.encrypt_in_place(path, key)
            elif found == "encrypted":
                cipher.check_key(path, key)
            copies = cipher.encrypt_copies(path, key)
            if copies:
                log.info("%d copies made before a migration encrypted", copies)
        engine = create_db_engine(sqlite_url(path), key)
        try:
            migrate(engine, path)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine, path)

    @property
    def shared(self) -> bool:
        """Whether this is a clinic's shared store (PostgreSQL) rather than a desk's cache."""
        return self.engine.dialect.name != "sqlite"

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._sessions() as session:
            yield session

    @contextmanager
    def write(self, *, scoped: bool = False) -> Iterator[Session]:
        """A write transaction (``BEGIN IMMEDIATE`` on SQLite, the write lock on PostgreSQL),
        committed on success. ``scoped``: a desk's booking change, which on PostgreSQL shares
        the write lock with other such changes and locks what it judges itself
        (:mod:`frontdesk.storage.scopes`); a deadlock between two of them is raised as
        :class:`~frontdesk.storage.scopes.WriteConflict`, nothing of it written."""
        with self._sessions() as session:
            session.connection(execution_options={"frontdesk_write": "scoped" if scoped else True})
            try:
                yield session
                if self.shared:
                    session.flush()
                    notices.announce(session, self.origin)
                session.commit()
            except DBAPIError as exc:
                session.rollback()
                if getattr(exc.orig, "sqlstate", None) == DEADLOCK:
                    raise WriteConflict(str(exc.orig)) from exc
                raise
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def write_core(self) -> Iterator[CoreWrite]:
        """A write transaction as :meth:`write` (the same lock), on a bare connection: for
        the few Core statements of the sync engine's claim and settle, without a session's
        bookkeeping. What it changes is told to the other desks of a shared store as
        :meth:`write` does (the writer names the bookings: ``CoreWrite.changed``)."""
        with self.engine.connect() as conn:
            conn.execution_options(frontdesk_write=True)
            try:
                with conn.begin():
                    write = CoreWrite(conn)
                    yield write
                    if self.shared:
                        notices.announce_ids(conn, write.changed, self.origin)
            except DBAPIError as exc:
                if getattr(exc.orig, "sqlstate", None) == DEADLOCK:
                    raise WriteConflict(str(exc.orig)) from exc
                raise

    def watch(self, listener: notices.Listener, stop: threading.Event) -> threading.Thread | None:
        """On a shared store, tell ``listener`` (on a thread of its own) the bookings other
        desks change, within a second, until ``stop``; a desk's own cache needs no watch."""
        if not self.shared:
            return None
        return notices.watch(self.engine.url, self.origin, listener, stop)

    def close(self) -> None:
        self.engine.dispose()

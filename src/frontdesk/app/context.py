"""The composition root: one profile's paths, cache, credentials, connectors and services.

A desk starts without its connectors (``connect=False``) and builds them once its window is
painted (``reload_connectors``, on the sync worker): the cache is all the first paint needs,
and the connectors' HTTP clients, the keyring and every API's wire models can wait.

The store (the cache or the clinic's shared store, with the services over it) is opened as the
context is made, or with ``open_store=False`` when it is first used or :meth:`open_store` is
called: the demo's window is built and painted before SQLAlchemy is even imported, and its
store opened behind the paint (``ui.launch``).
"""

from __future__ import annotations

import logging
import socket
import threading
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from frontdesk.app import desk_day, logs, private_files
from frontdesk.app import settings as clinic_settings
from frontdesk.app.blockouts import BlockoutDesk
from frontdesk.app.booking import BookingService
from frontdesk.app.paths import Paths
from frontdesk.app.reads import DeskReads
from frontdesk.app.staff import StaffSession

__all__ = ["AppContext"]

if TYPE_CHECKING:
    from frontdesk.app.arrivals import Arrivals
    from frontdesk.app.confirmations import Confirmations
    from frontdesk.app.credentials import Credentials
    from frontdesk.providers.base import Connector
    from frontdesk.storage.db import Database
    from frontdesk.storage.repo import ConnectionRecord, Repository
    from frontdesk.sync.engine import SyncEngine
    from frontdesk.sync.loop import SyncLoop

log = logging.getLogger("frontdesk.app")

T = TypeVar("T")


class _OfTheStore(Generic[T]):
    """A part of the context that lives on its store: the store is opened when it is first
    used (``AppContext.open_store``)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, context: None, owner: type) -> _OfTheStore[T]: ...
    @overload
    def __get__(self, context: AppContext, owner: type) -> T: ...
    def __get__(self, context: AppContext | None, owner: type) -> Any:
        if context is None:
            return self
        found = context.__dict__.get(self.name)
        if found is None:
            context.open_store()
            found = context.__dict__[self.name]
        return found

    def __set__(self, context: AppContext, value: T) -> None:
        context.__dict__[self.name] = value


class AppContext:
    db: _OfTheStore[Database] = _OfTheStore()
    repo: _OfTheStore[Repository] = _OfTheStore()
    reads: _OfTheStore[DeskReads] = _OfTheStore()  # all the screens read
    staff: _OfTheStore[StaffSession] = _OfTheStore()  # who is signed in (app.staff)
    booking: _OfTheStore[BookingService] = _OfTheStore()
    confirmations: _OfTheStore[Confirmations] = _OfTheStore()  # the patient's side of the day
    arrivals: _OfTheStore[Arrivals] = _OfTheStore()
    blockouts: _OfTheStore[BlockoutDesk] = _OfTheStore()

    def __init__(
        self,
        paths: Paths,
        use_keyring: bool | None = None,
        connect: bool = True,
        database_url: str | None = None,
        allow_key_file: bool = False,
        open_store: bool = True,
    ) -> None:
        self.paths = paths
        self._allow_key_file = allow_key_file
        logs.configure(paths.log_dir)
        private_files.keep_logs_private(logging.getLogger("frontdesk"))
        loose = paths.tighten()
        if loose:
            log.warning(
                "%d of the profile's files or folders were open to others: made private", loose
            )
        self._use_keyring = use_keyring
        self.database_url = database_url  # as given (a sync worker opens the same store)
        self._opening = threading.Lock()
        self.settings = clinic_settings.load(paths.config_dir)
        self.connectors: dict[str, Connector] = {}
        # why a connection has no connector (no key, a locked keyring, a bad option), by id
        self.connector_problems: dict[str, str] = {}
        # False until the connectors were first built: "connecting", not "not set up"
        self.connectors_ready = False
        self.desk = socket.gethostname() or "desk"
        self.stop = threading.Event()
        self._engine: SyncEngine | None = None  # made when first asked for (``engine``)
        self.demo = False  # a demo clinic (app.demo): screens may show sample records
        if open_store or connect:
            self.open_store()
        if connect:
            self.reload_connectors()

    @property
    def store_open(self) -> bool:
        """Whether the store was opened (``open_store``)."""
        return "repo" in self.__dict__

    def open_store(self) -> None:
        """Open the profile's store and the services over it, if not done yet (raises what
        opening it raises: a newer cache, an unreachable shared store, a refused key)."""
        with self._opening:
            if self.store_open:
                return
            from frontdesk.app import store
            from frontdesk.storage.db import Database
            from frontdesk.storage.repo import Repository

            where = store.target(self.paths, self.database_url)
            if isinstance(where, str) and where.startswith("sqlite:///"):  # a cache file named
                where = Path(where.removeprefix("sqlite:///"))
            if isinstance(where, str):
                log.info("store: %s", store.shown(where))
                db = Database.open(where)
            else:
                db = self._open_cache(where)
            repo = Repository(db)
            staff = StaffSession(repo, self.desk)
            self.db = db
            self.booking = BookingService(
                repo, self.connectors, self.desk, lambda: self.settings, staff.actor
            )
            self.blockouts = BlockoutDesk(repo, lambda: self.settings.zone, staff.actor)
            self.reads = DeskReads(repo)
            self.staff = staff
            self.repo = repo  # the last: ``store_open`` from here on
            self.confirmations, self.arrivals = desk_day.services(self)  # the patient's side

    @classmethod
    def open(
        cls,
        profile_dir: Path | None = None,
        connect: bool = True,
        database_url: str | None = None,
        allow_key_file: bool = False,
    ) -> AppContext:
        """``allow_key_file``: a keyring that refuses a new cache's key may leave it to the
        protected file (the person agreed)."""
        return cls(
            Paths.resolve(profile_dir),
            connect=connect,
            database_url=database_url,
            allow_key_file=allow_key_file,
        )

    def _open_cache(self, where: Path) -> Database:
        """The desk's own cache, encrypted with its key (``app.cache_key``): made on the first
        start, an older plain cache encrypted in place."""
        from frontdesk.app.cache_key import cache_key, key_lock
        from frontdesk.storage.db import Database

        private_files.private_dir(where.parent)
        # SQLite gives its -wal/-shm/-journal files the database file's mode
        private_files.private_file(where)
        with key_lock(where):
            key = cache_key(where, self.credentials, self._allow_key_file)
            return Database.open(where, key)

    @cached_property
    def credentials(self) -> Credentials:
        """The API keys' store (the OS keyring, or the protected file), found when first
        needed: looking for a keyring is slow, and the first paint needs no key."""
        from frontdesk.app.credentials import Credentials

        found = Credentials(self.paths.credentials_file, self._use_keyring)
        if found.warning:
            log.warning(found.warning)
        return found

    def reload_connectors(self) -> None:
        from frontdesk.app.connections import build_connector

        for connector in self.connectors.values():
            connector.close()
        self.connectors = {}
        problems: dict[str, str] = {}
        for record in self.repo.catalogs.connections():
            try:
                self.connectors[record.id] = build_connector(record, self.credentials)
            except Exception as exc:  # a broken connection must not stop the desk
                problems[record.id] = str(exc) or type(exc).__name__
                log.error("connection %s unusable: %s", record.name, exc)
        self.connector_problems = problems
        self.booking = BookingService(
            self.repo, self.connectors, self.desk, lambda: self.settings, self.staff.actor
        )
        self._engine = None  # the next one sends through these connectors
        self.connectors_ready = True

    @property
    def engine(self) -> SyncEngine:
        """The sync engine of the current connectors, made when first asked for (a desk
        syncs in a worker process of its own: its window never needs one to start)."""
        if self._engine is None:
            from frontdesk.sync.engine import SyncEngine

            self._engine = SyncEngine(self.repo, self.connectors, stop=self.stop)
        return self._engine

    def connect(
        self,
        provider: str,
        name: str,
        base_url: str,
        api_key: str,
        options: dict[str, object] | None = None,
        allow_file: bool = False,
    ) -> ConnectionRecord:
        from frontdesk.app.connections import add_connection

        record = add_connection(
            self.repo, self.credentials, provider, name, base_url, api_key, options, allow_file
        )
        self.reload_connectors()
        return record

    @property
    def keyring_choice(self) -> bool | None:
        """Whether the caller chose the keyring (True), the protected file (False), or left
        it to what the computer has (None): a sync worker of this desk chooses the same."""
        return self._use_keyring

    @property
    def key_store_warning(self) -> str | None:
        """What to say at every start while API keys are kept in a file rather than the
        system keyring; None until the keys' store was first needed (never looked for on
        the GUI thread only to say this)."""
        found = self.__dict__.get("credentials")
        return found.warning if found is not None else None

    @property
    def clinic_zone(self) -> str:
        """The one zone every time is shown and typed in (``app.settings``)."""
        return self.settings.zone

    def update_settings(self, settings: clinic_settings.ClinicSettings) -> None:
        """Keep new clinic settings, in the profile and at once."""
        clinic_settings.save(self.paths.config_dir, settings)
        self.settings = settings

    @property
    def shared_store(self) -> bool:
        """Whether the profile uses a clinic's shared store (several desks) rather than the
        desk's own cache."""
        return self.db.shared

    def watch_other_desks(self, listener: Callable[[set[str] | None], None]) -> bool:
        """On a clinic's shared store, tell ``listener`` (on a thread of its own, within a
        second) the ids of the bookings other desks book, move, cancel or mark, or None when
        anything may have changed; until the context closes. False on a desk's own cache,
        where no other desk writes."""
        return self.db.watch(listener, self.stop) is not None

    def sync_loop(self, pull_every_s: float | None = None) -> SyncLoop:
        """The sync loop (drain, refresh what is stale, wait) of the current engine: the desk's
        worker and ``frontdesk sync`` run the same one."""
        from frontdesk.sync.loop import SyncLoop

        if pull_every_s is None:
            return SyncLoop(self.engine)
        return SyncLoop(self.engine, pull_every_s=pull_every_s)

    def connections(self) -> list[ConnectionRecord]:
        return self.repo.catalogs.connections()

    def close(self) -> None:
        self.stop.set()
        if not self.store_open:  # never used: nothing was opened
            return
        try:  # another desk or process may send for its connections at once
            if self._engine is not None:
                self._engine.stop_sending()
        except Exception:
            log.warning("giving up the sending roles failed", exc_info=True)
        for connector in self.connectors.values():
            connector.close()
        self.db.close()

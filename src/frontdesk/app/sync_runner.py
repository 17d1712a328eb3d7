"""The desk's sync cycle with its reports: what the desk's sync worker runs, whether in a
process of its own (``frontdesk sync-worker``, the shipping desk) or on a thread of the desk's
(the tests' fallback).

A cycle is the Qt-free :class:`~frontdesk.sync.loop.SyncLoop`'s (the one ``frontdesk sync``
runs too): it sends what waits in the outbox first, whose settled bookings are reported at
most every ``PROGRESS_GAP_S`` as a :class:`~frontdesk.app.changes.ChangeRecord` read here (so
the desk's GUI thread need not touch the store), then refreshes what is stale ("Sync now"
forces it). The runner knows no Qt and no pipe: it tells a :class:`Reports` what happened.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict
from typing import TYPE_CHECKING, Any, Protocol

from frontdesk.app.changes import ChangeRecord

if TYPE_CHECKING:  # made by the context when the first cycle runs
    from frontdesk.app.context import AppContext
    from frontdesk.sync.loop import SyncLoop

log = logging.getLogger("frontdesk.app")

DEFAULT_PULL_EVERY_S = 300.0
PROGRESS_GAP_S = 0.2  # settled bookings reach the desk at most five times a second

Health = dict[str, dict[str, Any]]  # per connection id: ConnectionHealth's fields


class Reports(Protocol):
    """Where a runner's reports go (the thread's signals, the worker process's pipe)."""

    def changed(self, record: ChangeRecord) -> None: ...
    def health(self, health: Health) -> None: ...
    def busy(self, busy: bool) -> None: ...
    def cycle_finished(self) -> None: ...


class SyncRunner:
    """Runs the context's sync loop one cycle at a time and reports what changed."""

    def __init__(
        self,
        context: AppContext,
        reports: Reports,
        pull_every_s: float = DEFAULT_PULL_EVERY_S,
        *,
        every_refresh: bool = False,
    ) -> None:
        self.context = context
        # report "anything may have changed" after every refresh, even one that changed no
        # booking (its catalog may have changed): a desk in another process keeps catalogs
        # in memory that only such a record tells it to read again
        self.every_refresh = every_refresh
        self.reports = reports
        self.pull_every_s = pull_every_s
        self._sync_loop: SyncLoop | None = None
        self._pending_ids: list[str] = []
        self._last_emit = 0.0

    def loop(self) -> SyncLoop:
        """The loop of the context's current engine (rebuilt with the connectors)."""
        engine = self.context.engine
        if self._sync_loop is None or self._sync_loop.engine is not engine:
            self._sync_loop = self.context.sync_loop(self.pull_every_s)
        return self._sync_loop

    def reload(self) -> None:
        """Rebuild the connectors after the connections changed (between cycles, so no
        request is cut off), then report everything and the new health."""
        self.context.reload_connectors()
        self._sync_loop = None  # a new engine: a new loop, no old refresh failures
        self.reports.changed(ChangeRecord.everything())
        self.reports.health(self.snapshot())

    def cycle(self, forced: bool = False) -> None:
        """One cycle of the loop, reported; nothing once the context is stopping."""
        context = self.context
        if context.stop.is_set():
            return
        self.reports.busy(True)
        loop = self.loop()
        loop.engine.on_change = self._settled
        report = loop.cycle(forced=forced)
        if report.drain is not None:
            self._flush_changes()
        if context.stop.is_set():
            return
        if report.changed_anything or (self.every_refresh and report.pulled):
            self.reports.changed(ChangeRecord.everything())
        self.reports.health(self.snapshot())
        self.reports.busy(False)
        self.reports.cycle_finished()

    def next_wait(self, interval_s: float) -> float:
        """Seconds until the next cycle: the next due operation, at most ``interval_s``."""
        try:
            return self.loop().next_wait(interval_s)
        except Exception:  # the store is away for a moment: try again at the interval
            log.warning("sync: reading when the next operation is due failed", exc_info=True)
            return interval_s

    def _settled(self, booking_id: str) -> None:
        """A booking's operation settled (engine callback): report it, at most every
        ``PROGRESS_GAP_S``, so a long drain shows progress without flooding the desk."""
        self._pending_ids.append(booking_id)
        if time.monotonic() - self._last_emit >= PROGRESS_GAP_S:
            self._flush_changes()

    def _flush_changes(self) -> None:
        if self._pending_ids and not self.context.stop.is_set():
            ids = list(dict.fromkeys(self._pending_ids))
            try:
                record = ChangeRecord.of(self.context, ids)
            except Exception:  # the desk will read what it needs itself
                log.warning("sync: reading changed bookings failed", exc_info=True)
                record = ChangeRecord(ids)
            self.reports.changed(record)
        self._pending_ids = []
        self._last_emit = time.monotonic()

    def snapshot(self) -> Health:
        """Each connection's health as plain data: the engine's, with a failed refresh."""
        loop = self.loop()
        snapshot: Health = {}
        for cid, health in dict(loop.engine.health).items():
            state = asdict(health)
            if cid in loop.pull_errors:
                state["online"] = False
                state["last_error"] = state["last_error"] or loop.pull_errors[cid]
            snapshot[cid] = state
        return snapshot

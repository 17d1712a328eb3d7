"""The sync worker on a thread of the desk's own process: the fallback the tests choose when
they drive the desk's engine themselves (``MainWindow(..., sync_thread=True)``); the shipping
desk runs the same cycles in a process of its own (``ui/sync_process.py``), since a drain's
CPU here holds the interpreter lock the paint waits for.

The worker drives :class:`~frontdesk.app.sync_runner.SyncRunner` from its own ``QThread``, so
no network I/O happens on the GUI thread. The worker talks to the GUI
only through queued signals carrying plain data (booking ids, a health snapshot). Requests to
sync coalesce: however often "Sync now" is pressed, one cycle runs at a time and cycles start at
most every ``MIN_GAP_S`` seconds, which also throttles the signals.

A cycle is the runner's: the Qt-free sync loop's (the one ``frontdesk sync`` runs too),
reported as change records, health and busy flags.

Threading rule (as in Picard): never touch a widget from here.
"""

from __future__ import annotations

import logging
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from frontdesk.app.changes import ChangeRecord
from frontdesk.app.sync_runner import DEFAULT_PULL_EVERY_S, Health, SyncRunner

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.ui")

MIN_GAP_S = 0.2
DEFAULT_INTERVAL_MS = 30_000
SWITCH_INTERVAL_S = 0.001


class SyncWorker(QObject):
    """Drain the outbox, then pull each connection; every ``interval_ms`` and on demand."""

    changed = Signal(object)  # ChangeRecord
    health = Signal(object)  # dict[str, dict]: per connection id, see ``SyncRunner.snapshot``
    busy = Signal(bool)
    cycleFinished = Signal()

    def __init__(
        self,
        context: AppContext,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        pull_every_s: float = DEFAULT_PULL_EVERY_S,
    ) -> None:
        super().__init__()
        self._context = context
        self._interval_ms = interval_ms
        self._timer: QTimer | None = None
        self._kick: QTimer | None = None
        self._last_end = 0.0
        self._forced = False
        self._runner = SyncRunner(context, _SignalReports(self), pull_every_s)

    @Slot()
    def start(self) -> None:
        """Runs in the worker thread (connected to ``QThread.started``)."""
        self._timer = QTimer(self)
        self._timer.setInterval(self._interval_ms)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._kick = QTimer(self)
        self._kick.setSingleShot(True)
        self._kick.timeout.connect(self._cycle)
        self._tick()

    @Slot()
    def sync_now(self) -> None:
        """Ask for a cycle soon, refreshing the calendars too; requests share one cycle."""
        self._forced = True
        self._tick()

    @Slot()
    def _tick(self) -> None:
        if self._kick is None or self._context.stop.is_set():
            return
        if not self._kick.isActive():
            wait_s = max(0.0, MIN_GAP_S - (time.monotonic() - self._last_end))
            self._kick.start(int(wait_s * 1000))

    @Slot()
    def reload_connectors(self) -> None:
        """Rebuild the connectors after the connections changed (in this thread, between
        cycles, so no request is cut off), then report and sync."""
        self._runner.reload()
        self.sync_now()

    @Slot()
    def stop(self) -> None:
        """Stop the timers (from their own thread, as Qt requires) and end the thread."""
        for timer in (self._timer, self._kick):
            if timer is not None:
                timer.stop()
        thread = self.thread()
        if thread is not None:
            thread.quit()

    @Slot()
    def _cycle(self) -> None:
        forced, self._forced = self._forced, False
        self._runner.cycle(forced)
        self._last_end = time.monotonic()


class _SignalReports:
    """A runner's reports as the worker's signals (queued to the GUI thread)."""

    def __init__(self, worker: SyncWorker) -> None:
        self._worker = worker

    def changed(self, record: ChangeRecord) -> None:
        self._worker.changed.emit(record)

    def health(self, health: Health) -> None:
        self._worker.health.emit(health)

    def busy(self, busy: bool) -> None:
        self._worker.busy.emit(busy)

    def cycle_finished(self) -> None:
        self._worker.cycleFinished.emit()


class SyncThread:
    """Owns the worker's thread: start, request a sync, and shut down with a time limit."""

    def __init__(
        self,
        context: AppContext,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        pull_every_s: float = DEFAULT_PULL_EVERY_S,
    ) -> None:
        self.context = context
        self.thread = QThread()
        self.thread.setObjectName("frontdesk-sync")
        self.worker = SyncWorker(context, interval_ms, pull_every_s)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.start)
        self._running = False

    def start(self) -> None:
        # The worker shares the GIL with the GUI thread: a short switch interval keeps a busy
        # drain from holding the GUI's every database call for 5 ms (the default) at a time.
        sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
        self.thread.start()
        self._running = True
        self.context.watch_other_desks(self._other_desks_changed)

    def _other_desks_changed(self, ids: set[str] | None) -> None:
        """Another desk of the clinic's shared store changed bookings (on the watch's
        thread): read them here and hand them to the window as a sync change is."""
        if not self._running:
            return
        if ids is None:
            self.worker.changed.emit(ChangeRecord.everything())
            return
        try:
            record = ChangeRecord.of(self.context, sorted(ids))
        except Exception:  # the GUI will read what it needs itself
            log.warning("reading another desk's changes failed", exc_info=True)
            record = ChangeRecord(sorted(ids))
        self.worker.changed.emit(record)

    def sync_now(self) -> None:
        """Queue a sync on the worker thread (safe from the GUI thread)."""
        if self._running:
            # queued: the slot runs in the worker's thread
            QMetaObject.invokeMethod(self.worker, "sync_now", Qt.ConnectionType.QueuedConnection)

    def reload_connectors(self) -> None:
        """Rebuild the connectors on the worker's thread (or here, when it is not running)."""
        if self._running:
            QMetaObject.invokeMethod(
                self.worker, "reload_connectors", Qt.ConnectionType.QueuedConnection
            )
        else:
            self.context.reload_connectors()

    def shutdown(self, timeout_ms: int = 10_000) -> bool:
        """Stop syncing and wait for the thread; False if it did not end in time."""
        if not self._running:
            return True
        self._running = False
        self.context.stop.set()
        QMetaObject.invokeMethod(self.worker, "stop", Qt.ConnectionType.QueuedConnection)
        finished = bool(self.thread.wait(timeout_ms))
        if not finished:  # a request hangs: keep the thread alive rather than crash on exit
            log.error("sync thread did not stop within %d ms", timeout_ms)
            _ABANDONED.append(self)
        return finished


_ABANDONED: list[SyncThread] = []

"""The sync worker: drives the plain-Python :class:`SyncEngine` from its own ``QThread``.

All network I/O of the desk happens here, never on the GUI thread. The worker talks to the GUI
only through queued signals carrying plain data (booking ids, a health snapshot). Requests to
sync coalesce: however often "Sync now" is pressed, one cycle runs at a time and cycles start at
most every ``MIN_GAP_S`` seconds, which also throttles the signals.

Threading rule (as in Picard): never touch a widget from here.
"""

from __future__ import annotations

import logging
import time
from dataclasses import asdict
from typing import Any

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, QTimer, Signal, Slot

from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.ui")

MIN_GAP_S = 0.2
DEFAULT_INTERVAL_MS = 30_000


class SyncWorker(QObject):
    """Drain the outbox, then pull each connection; every ``interval_ms`` and on demand."""

    changed = Signal(object)  # list[str]: booking ids known to have changed ([] = re-read all)
    health = Signal(object)  # dict[str, dict]: per connection id, see ``_snapshot``
    busy = Signal(bool)
    cycleFinished = Signal()

    def __init__(self, context: AppContext, interval_ms: int = DEFAULT_INTERVAL_MS) -> None:
        super().__init__()
        self._context = context
        self._interval_ms = interval_ms
        self._timer: QTimer | None = None
        self._kick: QTimer | None = None
        self._last_end = 0.0
        self._pull_errors: dict[str, str] = {}

    @Slot()
    def start(self) -> None:
        """Runs in the worker thread (connected to ``QThread.started``)."""
        self._timer = QTimer(self)
        self._timer.setInterval(self._interval_ms)
        self._timer.timeout.connect(self.sync_now)
        self._timer.start()
        self._kick = QTimer(self)
        self._kick.setSingleShot(True)
        self._kick.timeout.connect(self._cycle)
        self.sync_now()

    @Slot()
    def sync_now(self) -> None:
        """Ask for a cycle soon; requests that arrive before it runs share it."""
        if self._kick is None or self._context.stop.is_set():
            return
        if not self._kick.isActive():
            wait_s = max(0.0, MIN_GAP_S - (time.monotonic() - self._last_end))
            self._kick.start(int(wait_s * 1000))

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
        context = self._context
        if context.stop.is_set():
            return
        self.busy.emit(True)
        changed: list[str] = []
        pulled = False
        try:
            report = context.engine.drain()
            changed.extend(report.changed_bookings)
        except Exception:
            log.exception("sync: sending queued changes failed")
        for cid in list(context.connectors):
            if context.stop.is_set():
                break
            try:
                pulled = context.engine.pull(cid) > 0 or pulled
                self._pull_errors.pop(cid, None)
            except Exception as exc:  # offline, refused, bad answer: say so, keep going
                self._pull_errors[cid] = _describe(exc)
                log.warning("sync: refreshing connection %s failed: %s", cid, _describe(exc))
        self._last_end = time.monotonic()
        if context.stop.is_set():
            return
        if changed or pulled:
            self.changed.emit(changed)
        self.health.emit(self._snapshot())
        self.busy.emit(False)
        self.cycleFinished.emit()

    def _snapshot(self) -> dict[str, dict[str, Any]]:
        engine = self._context.engine
        snapshot: dict[str, dict[str, Any]] = {}
        for cid, health in dict(engine.health).items():
            state = asdict(health)
            if cid in self._pull_errors:
                state["online"] = False
                state["last_error"] = state["last_error"] or self._pull_errors[cid]
            snapshot[cid] = state
        return snapshot


def _describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class SyncThread:
    """Owns the worker's thread: start, request a sync, and shut down with a time limit."""

    def __init__(self, context: AppContext, interval_ms: int = DEFAULT_INTERVAL_MS) -> None:
        self.context = context
        self.thread = QThread()
        self.thread.setObjectName("frontdesk-sync")
        self.worker = SyncWorker(context, interval_ms)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.start)
        self._running = False

    def start(self) -> None:
        self.thread.start()
        self._running = True

    def sync_now(self) -> None:
        """Queue a sync on the worker thread (safe from the GUI thread)."""
        if self._running:
            # queued: the slot runs in the worker's thread
            QMetaObject.invokeMethod(self.worker, "sync_now", Qt.ConnectionType.QueuedConnection)

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

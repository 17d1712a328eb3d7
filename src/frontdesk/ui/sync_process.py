"""The desk's sync worker as a process of its own (``frontdesk sync-worker``): the shipping
desk's, so a drain's CPU never holds the interpreter lock the desk's paint waits for.

:class:`SyncProcess` starts the worker with the desk's own executable (``app.sync_wire``), tells
it the profile on its stdin, then "sync now", "reload" and "stop", and reads its reports from
its stdout without blocking (``QProcess`` signals on the GUI thread): change records, health,
busy and errors, turned into the same signals :class:`~frontdesk.ui.workers.SyncThread`'s worker
has, so the window cannot tell them apart. The worker ends with the desk: on quit the desk
says stop, waits, then kills it; if the desk dies its stdin closes and it stops. If the worker
dies the desk starts another (1 s, doubling to a minute) and says so in the status bar; nothing
is lost (the outbox is in the store, a dead worker's claims are taken over).

The desk still builds its own connectors (the booking dialog's rules need them), on a thread
here, before it asks the worker to rebuild its own.
"""

from __future__ import annotations

import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QProcess, QTimer, Signal, Slot

from frontdesk.app import sync_wire
from frontdesk.app.changes import ChangeRecord
from frontdesk.app.sync_runner import DEFAULT_PULL_EVERY_S
from frontdesk.domain.translation import translate

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.ui")

DEFAULT_INTERVAL_MS = 30_000
FIRST_RESTART_S = 1.0
LAST_RESTART_S = 60.0
HEALTHY_AFTER_S = 60.0  # a worker that ran this long had no trouble: the backoff starts over
STOP_WAIT_MS = 10_000


class SyncProcess(QObject):
    """Owns the sync worker process: start, request a sync, and shut down with a time limit."""

    changed = Signal(object)  # ChangeRecord
    health = Signal(object)  # dict[str, dict]: per connection id
    busy = Signal(bool)
    cycleFinished = Signal()
    notice = Signal(str)  # what the status bar should say (the worker stopped, runs again)
    connectorsRebuilt = Signal()  # the desk's own connectors are ready again
    _sync_asked = Signal()
    _reload_asked = Signal()
    _desk_rebuilt = Signal()

    def __init__(
        self,
        context: AppContext,
        interval_ms: int = DEFAULT_INTERVAL_MS,
        pull_every_s: float = DEFAULT_PULL_EVERY_S,
    ) -> None:
        super().__init__()
        self.context = context
        self.worker = self  # the signals, where SyncThread keeps them
        self._interval_ms = interval_ms
        self._pull_every_s = pull_every_s
        self._process: QProcess | None = None
        self._buffer = bytearray()
        self._running = False
        self._started_at = 0.0
        self._delay_s = FIRST_RESTART_S
        self._restarted = False
        self._last_error: str | None = None  # what the worker last said went wrong
        self.restarts = 0  # workers started again after one died
        self.pid: int | None = None  # the running worker's, once it said it is ready
        self._restart = QTimer(self)
        self._restart.setSingleShot(True)
        self._restart.timeout.connect(self._spawn)
        self._rebuilds = ThreadPoolExecutor(max_workers=1, thread_name_prefix="frontdesk-connect")
        # asked from any thread (the demo's own); done on this object's
        self._sync_asked.connect(lambda: self._send({"do": "sync"}))
        self._reload_asked.connect(self._reload)
        self._desk_rebuilt.connect(self._desk_connectors_ready)

    # -- the desk's requests -------------------------------------------------------------
    def start(self) -> None:
        if self._running:
            return
        self._running = True
        self._spawn()
        self.context.watch_other_desks(self._other_desks_changed)

    @property
    def running(self) -> bool:
        return self._running

    def sync_now(self) -> None:
        """Ask the worker for a cycle soon, refreshing the calendars too (any thread)."""
        if self._running:
            self._sync_asked.emit()

    def reload_connectors(self) -> None:
        """The connections changed: rebuild the desk's connectors (off the GUI thread), then
        the worker's (or here and now, when no worker runs). Safe from any thread."""
        if self._running:
            self._reload_asked.emit()
        else:
            self.context.reload_connectors()

    def shutdown(self, timeout_ms: int = STOP_WAIT_MS) -> bool:
        """Tell the worker to stop, wait for it, then kill it; False if it had to be killed."""
        if not self._running:
            return True
        self._running = False
        self.context.stop.set()
        self._restart.stop()
        self._rebuilds.shutdown(wait=True, cancel_futures=True)
        process, self._process = self._process, None
        if process is None or process.state() == QProcess.ProcessState.NotRunning:
            return True
        process.finished.disconnect(self._ended)
        process.errorOccurred.disconnect(self._failed)
        self._write(process, {"do": "stop"})
        process.closeWriteChannel()
        if process.waitForFinished(timeout_ms):
            return True
        # harmless: what it held is taken over at once by the next sender of this computer
        log.warning("the sync worker did not stop within %d ms: ended", timeout_ms)
        process.kill()
        process.waitForFinished(2_000)
        return False

    # -- the worker's lifetime ------------------------------------------------------------
    @Slot()
    def _spawn(self) -> None:
        if not self._running:
            return
        program, *arguments = sync_wire.worker_command()
        process = QProcess(self)
        process.setProgram(program)
        process.setArguments(arguments)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.readyReadStandardOutput.connect(self._read)
        process.finished.connect(self._ended)
        process.errorOccurred.connect(self._failed)
        self._buffer.clear()
        self._process = process
        self._started_at = time.monotonic()
        process.start()
        paths = self.context.paths
        self._write(
            process,
            {
                "do": "open",
                "paths": {
                    "data": str(paths.data_dir),
                    "config": str(paths.config_dir),
                    "logs": str(paths.log_dir),
                },
                "database_url": self.context.database_url,
                "use_keyring": self.context.keyring_choice,
                "origin": getattr(self.context.db, "origin", None),
                "interval_s": self._interval_ms / 1000,
                "pull_every_s": self._pull_every_s,
            },
        )

    @Slot(int, QProcess.ExitStatus)
    def _ended(self, code: int, status: QProcess.ExitStatus) -> None:
        how = "crashed" if status is QProcess.ExitStatus.CrashExit else f"ended with code {code}"
        self._lost(f"the sync worker {how}")

    @Slot(QProcess.ProcessError)
    def _failed(self, error: QProcess.ProcessError) -> None:
        if error is QProcess.ProcessError.FailedToStart:  # no finished signal follows
            self._lost("the sync worker could not be started")

    def _lost(self, why: str) -> None:
        """The worker is gone while the desk runs: start another, later each time."""
        if not self._running:
            return
        process, self._process = self._process, None
        if process is not None:
            process.deleteLater()
        self.pid = None
        if time.monotonic() - self._started_at >= HEALTHY_AFTER_S:
            self._delay_s = FIRST_RESTART_S
        delay = self._delay_s
        self._delay_s = min(LAST_RESTART_S, delay * 2)
        said, self._last_error = self._last_error, None
        log.error("%s%s; starting it again in %.0f s", why, f" ({said})" if said else "", delay)
        self.busy.emit(False)
        notice = translate(
            "SyncProcess",
            "Sync stopped unexpectedly{why}; starting it again in {seconds} s. Bookings wait "
            "safely on this desk.",
        )
        self.notice.emit(notice.format(why=f" ({said})" if said else "", seconds=f"{delay:.0f}"))
        self._restarted = True
        self._restart.start(int(delay * 1000))

    # -- messages -----------------------------------------------------------------------
    def _send(self, message: dict[str, Any]) -> None:
        if self._process is not None and self._running:
            self._write(self._process, message)

    @staticmethod
    def _write(process: QProcess, message: dict[str, Any]) -> None:
        process.write(sync_wire.line(message))

    @Slot()
    def _read(self) -> None:
        process = self.sender()
        if not isinstance(process, QProcess) or process is not self._process:
            return
        self._buffer += bytes(process.readAllStandardOutput().data())
        *lines, rest = self._buffer.split(b"\n")
        self._buffer = bytearray(rest)
        for raw in lines:
            message = sync_wire.read(bytes(raw))
            if message is not None:
                self._handle(message)

    def _handle(self, message: dict[str, Any]) -> None:
        if not self._running:
            return
        event = message.get("event")
        if event == "changed":
            try:
                record = sync_wire.record_in(message["record"])
            except (KeyError, TypeError, ValueError):
                log.warning("the sync worker sent an unreadable change record", exc_info=True)
                record = ChangeRecord.everything()
            if not record.ids and not record.only_topics:  # a refresh: catalogs too
                self.context.reads.forget_catalogs()
            self.changed.emit(record)
        elif event == "health":
            self.health.emit(sync_wire.health_in(message.get("health") or {}))
        elif event == "busy":
            self.busy.emit(bool(message.get("busy")))
        elif event == "cycle":
            self.cycleFinished.emit()
        elif event == "ready":
            pid = message.get("pid")
            self.pid = pid if isinstance(pid, int) else None
            # nothing logged here: the GUI thread's first record after the calendar was read
            # spends most of a second readying the redaction of every patient value seen
            if self._restarted:
                self.restarts += 1
                self._restarted = False
                self.notice.emit(translate("SyncProcess", "Sync is running again."))
        elif event == "error":
            text = str(message.get("text") or "unknown")[:200]
            log.warning("sync worker: %s", text)
            self._last_error = text

    # -- connectors, and other desks ------------------------------------------------------
    @Slot()
    def _reload(self) -> None:
        def rebuild() -> None:
            try:
                self.context.reload_connectors()
            finally:
                self._desk_rebuilt.emit()

        if self._running:
            self._rebuilds.submit(rebuild)

    @Slot()
    def _desk_connectors_ready(self) -> None:
        if not self._running:
            return
        self.connectorsRebuilt.emit()
        self._send({"do": "reload"})

    def _other_desks_changed(self, ids: set[str] | None) -> None:
        """Another desk of the clinic's shared store changed bookings (on the watch's
        thread): read them here and hand them to the window as a sync change is."""
        if not self._running:
            return
        if ids is None:
            self.context.reads.forget_catalogs()
            self.changed.emit(ChangeRecord.everything())
            return
        try:
            record = ChangeRecord.of(self.context, sorted(ids))
        except Exception:  # the GUI will read what it needs itself
            log.warning("reading another desk's changes failed", exc_info=True)
            record = ChangeRecord(sorted(ids))
        self.changed.emit(record)

"""``frontdesk sync-worker``: the desk's sync loop in a process of its own (hidden: the desk
starts it, ``ui/sync_process.py``), so a drain's CPU never holds the desk's interpreter lock.

It speaks :mod:`frontdesk.app.sync_wire` over its stdin and stdout: it opens the profile the
desk's first line names (its own keyring, its own connectors), runs
:class:`~frontdesk.app.sync_runner.SyncRunner` cycles (at once, on "sync", after "reload",
when the next operation is due, at most every interval) and reports on stdout. It ends when
told to stop or when its stdin closes (the desk ended, even killed): the running request is
finished or cut, its claims and sending roles given up, as ``frontdesk sync`` does. Safe beside
the desk and other senders: every operation is claimed before it is sent.

Anything else that would print to stdout goes to stderr (fd 1 is pointed there), so nothing
but messages reaches the pipe; errors are logged (redacted) and reported by their kind only.
"""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import signal
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import FrameType
from typing import IO, Any

from frontdesk.app import sync_wire
from frontdesk.app.changes import ChangeRecord
from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.app.sync_runner import DEFAULT_PULL_EVERY_S, Health, SyncRunner

log = logging.getLogger("frontdesk.sync")

BACKGROUND_NICE = 5  # POSIX: how much lower the worker's priority is than the desk's
MIN_GAP_S = 0.2  # cycles start at most this often, however often "Sync now" is pressed
DEFAULT_INTERVAL_S = 30.0


class PipeReports:
    """The runner's reports as lines on the worker's private copy of stdout."""

    def __init__(self, out: IO[bytes]) -> None:
        self._out = out
        self._lock = threading.Lock()
        self.broken = False

    def send(self, message: dict[str, Any]) -> None:
        data = sync_wire.line(message)
        with self._lock:
            if self.broken:
                return
            try:
                self._out.write(data)
                self._out.flush()
            except (BrokenPipeError, OSError, ValueError):
                self.broken = True  # the desk is gone: stdin's end stops the worker

    def changed(self, record: ChangeRecord) -> None:
        self.send({"event": "changed", "record": sync_wire.record_out(record)})

    def health(self, health: Health) -> None:
        self.send({"event": "health", "health": health})

    def busy(self, busy: bool) -> None:
        self.send({"event": "busy", "busy": busy})

    def cycle_finished(self) -> None:
        self.send({"event": "cycle"})

    def error(self, what: str, exc: BaseException) -> None:
        """Say what failed by the error's kind (its words may quote a patient; the log,
        redacted, has them)."""
        self.send({"event": "error", "text": f"{what}: {type(exc).__name__}"})


def _protocol_out() -> IO[bytes]:
    """A private copy of stdout for the messages; fd 1 (and ``sys.stdout``) then go to stderr."""
    if sys.stdout is not None:
        sys.stdout.flush()
    out = os.fdopen(os.dup(1), "wb", buffering=0)
    try:
        os.dup2(2, 1)
    except OSError:  # no stderr (a windowed desk's): stray prints go nowhere
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    return out


def _open(message: dict[str, Any]) -> AppContext:
    where = message["paths"]
    paths = Paths(Path(where["data"]), Path(where["config"]), Path(where["logs"]))
    keyring = message.get("use_keyring")
    context = AppContext(
        paths,
        use_keyring=keyring if isinstance(keyring, bool) else None,
        connect=True,
        database_url=message.get("database_url") or None,
    )
    origin = message.get("origin")
    if isinstance(origin, str) and origin:
        # the desk's own: the desk hears this worker's writes from it, not as another desk's
        context.db.origin = origin
    return context


class Lines:
    """The lines of a file descriptor, read with ``os.read``: a thread blocked in it holds no
    lock of Python's buffered files, so the interpreter can end while it waits."""

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._rest = b""

    def readline(self) -> bytes:
        """The next line with its newline; what is left at the end; b"" once it is closed."""
        while b"\n" not in self._rest:
            try:
                chunk = os.read(self._fd, 65536)
            except OSError:
                chunk = b""
            if not chunk:
                rest, self._rest = self._rest, b""
                return rest
            self._rest += chunk
        line, self._rest = self._rest.split(b"\n", 1)
        return line + b"\n"

    def __iter__(self) -> Iterator[bytes]:
        while raw := self.readline():
            yield raw


def _read_commands(stdin: Lines, inbox: queue.Queue[str], stop: threading.Event) -> None:
    """The desk's commands into ``inbox``; "stop" and a closed stdin stop the context at once
    (a drain ends between requests)."""
    try:
        for raw in stdin:
            message = sync_wire.read(raw)
            command = str(message.get("do")) if message else ""
            if command == "stop":
                break
            if command in ("sync", "reload"):
                inbox.put(command)
    except (OSError, ValueError):
        pass
    stop.set()
    inbox.put("stop")


def run(stdin: Lines, out: IO[bytes]) -> int:
    reports = PipeReports(out)
    opening = sync_wire.read(stdin.readline())
    if not opening or opening.get("do") != "open":
        return 2  # started by hand, or the desk died before it spoke
    try:
        context = _open(opening)
    except Exception as exc:
        log.exception("sync worker: opening the profile failed")
        reports.error("opening the store failed", exc)
        return 2
    interval_s = float(opening.get("interval_s") or DEFAULT_INTERVAL_S)
    pull_every_s = float(opening.get("pull_every_s") or DEFAULT_PULL_EVERY_S)
    runner = SyncRunner(context, reports, pull_every_s, every_refresh=True)

    def _stop(_sig: int, _frame: FrameType | None) -> None:
        context.stop.set()

    signal.signal(signal.SIGTERM, _stop)
    inbox: queue.Queue[str] = queue.Queue()
    threading.Thread(
        target=_read_commands, args=(stdin, inbox, context.stop), daemon=True, name="desk-commands"
    ).start()
    log.info("sync worker %d started", os.getpid())
    reports.send({"event": "ready", "pid": os.getpid()})
    try:
        _serve(context, runner, reports, inbox, interval_s)
    finally:
        context.close()  # gives up the sending roles for another sender at once
        log.info("sync worker %d stopped", os.getpid())
    return 0


def _serve(
    context: AppContext,
    runner: SyncRunner,
    reports: PipeReports,
    inbox: queue.Queue[str],
    interval_s: float,
) -> None:
    """Cycle at once, then on the desk's word or when the next operation is due."""
    wait, last_end = 0.0, 0.0
    commands: set[str] = set()
    while not context.stop.is_set():
        until = time.monotonic() + max(wait, 0.0)
        while not commands and not context.stop.is_set():  # SIGTERM sets stop meanwhile
            with contextlib.suppress(queue.Empty):
                commands.add(inbox.get(timeout=max(0.0, min(1.0, until - time.monotonic()))))
            if time.monotonic() >= until:
                break
        while not inbox.empty():  # requests share one cycle
            commands.add(inbox.get_nowait())
        if "stop" in commands or context.stop.is_set():
            return
        gap = MIN_GAP_S - (time.monotonic() - last_end)
        if gap > 0 and context.stop.wait(gap):
            return
        try:
            if "reload" in commands:
                runner.reload()
            runner.cycle(forced=bool(commands & {"sync", "reload"}))
        except Exception as exc:  # the store is away, a bug: say so, try again later
            log.exception("sync worker: a cycle failed")
            reports.error("a sync cycle failed", exc)
            reports.busy(False)
            wait = interval_s
        else:
            wait = runner.next_wait(interval_s)
        commands.clear()
        last_end = time.monotonic()


def _background_priority() -> None:
    """Yield the CPU to the desk: on a two-core clinic computer a drain at full speed would
    otherwise take the cores the desk's paint needs. Sending paces by the clock, so a worker
    that waits a moment for the desk sends as much in the end."""
    try:
        if sys.platform == "win32":  # pragma: no cover - Windows only
            import ctypes

            below_normal = 0x4000  # BELOW_NORMAL_PRIORITY_CLASS
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
            kernel32.SetPriorityClass(kernel32.GetCurrentProcess(), below_normal)
        else:
            os.nice(BACKGROUND_NICE)
    except (OSError, AttributeError):
        log.info("sync worker: its priority could not be lowered", exc_info=True)


def main(argv: list[str]) -> int:
    """Entry point (``frontdesk sync-worker``); ``argv`` takes nothing else."""
    if argv[1:]:
        print("frontdesk sync-worker: takes no arguments; the desk starts it", file=sys.stderr)
        return 2
    if hasattr(signal, "SIGINT"):  # a Ctrl+C in the desk's terminal is the desk's to handle
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _background_priority()
    out = _protocol_out()
    try:
        code = run(Lines(0), out)
    except Exception as exc:  # never a traceback with a patient's name in it on stderr
        log.exception("sync worker failed")
        PipeReports(out).error("the sync worker failed", exc)
        code = 1
    # the store is closed and the roles given up: end now, without the interpreter's
    # teardown of every module (seconds on a busy machine, which the desk waits out at quit)
    logging.shutdown()
    os._exit(code)

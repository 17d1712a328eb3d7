"""One desk per profile: the desk holds a lock on ``desk.lock`` in the profile's data folder
while it runs, with the holder written in it (computer, process, user, since when), so a
second desk started on the same profile is refused with a message that names the running one.

The lock is the operating system's (``flock`` on macOS and Linux, a byte-range lock on Windows)
and goes with the process: a desk that crashed or was killed leaves no lock behind, only a
file the next desk takes over. Headless tools (``frontdesk sync``, ``validate``) take no lock:
they share the profile safely with the desk, since every operation is claimed before it is
sent (:mod:`frontdesk.storage.claims`)."""

from __future__ import annotations

import getpass
import json
import logging
import os
import socket
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO

from frontdesk.domain import dates
from frontdesk.domain.translation import translate

log = logging.getLogger("frontdesk.app")

LOCK_FILE = "desk.lock"
_WINDOWS_LOCK_AT = 1 << 20  # the byte Windows locks: past the holder's text, which stays readable


class DeskRunning(Exception):
    """Another desk holds the profile; the message names it and says what to do."""


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a service account without one)
        return "?"


class DeskLock:
    """The profile's desk lock, held until :meth:`release` (or the process ends)."""

    def __init__(self, handle: IO[str], path: Path) -> None:
        self._handle: IO[str] | None = handle
        self.path = path

    @classmethod
    def acquire(cls, data_dir: Path) -> DeskLock:
        """Take the lock of the profile in ``data_dir``; raises :class:`DeskRunning`."""
        path = data_dir / LOCK_FILE
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)  # never truncated before it is ours
        if sys.platform != "win32":
            os.fchmod(fd, 0o600)  # the user's own, whatever the umask or an older file's mode
        handle = os.fdopen(fd, "r+", encoding="utf-8")
        try:
            _lock(handle)
        except OSError:
            holder = handle.read(4096)
            handle.close()
            raise DeskRunning(_refusal(holder)) from None
        handle.seek(0)
        handle.truncate()
        holder_info = {
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "user": _user(),
            "since": datetime.now().astimezone().isoformat(timespec="seconds"),
        }
        handle.write(json.dumps(holder_info))
        handle.flush()
        return cls(handle, path)

    def release(self) -> None:
        if self._handle is None:
            return
        try:
            self._handle.seek(0)
            self._handle.truncate()
            self._handle.flush()
            _unlock(self._handle)
        except OSError:
            log.warning("the desk lock could not be released cleanly", exc_info=True)
        finally:
            self._handle.close()
            self._handle = None


def _refusal(holder: str) -> str:
    """The message for a second desk (in the desk's language): who holds the profile, and
    what to do."""
    try:
        info = json.loads(holder)
        since = datetime.fromisoformat(info["since"])
        who = translate(
            "DeskLock", "process {pid} on {host} (user {user}), open since {since}"
        ).format(
            pid=int(info["pid"]),
            host=info["host"],
            user=info["user"],
            since=dates.moment(since, year=True),
        )
    except (ValueError, KeyError, TypeError):
        who = translate("DeskLock", "another FrontDesk on this computer")
    said = translate(
        "DeskLock",
        "FrontDesk is already open on this profile: {who}.\n\nSwitch to that window (it may be "
        "minimised or on another screen), or close it before opening FrontDesk again.",
    )
    return said.format(who=who)


if sys.platform == "win32":  # pragma: no cover - Windows only
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        where = handle.tell()
        handle.seek(_WINDOWS_LOCK_AT)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        finally:
            handle.seek(where)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(_WINDOWS_LOCK_AT)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@contextmanager
def hold(path: Path, wait_s: float, sleep: Callable[[float], None]) -> Iterator[None]:
    """Hold the operating system's lock on ``path`` (created 0600) for the ``with`` block,
    waiting up to ``wait_s`` for another process to let it go (then :class:`TimeoutError`)."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    handle = os.fdopen(fd, "r+", encoding="utf-8")
    try:
        waited = 0.0
        while True:
            try:
                _lock(handle)
                break
            except OSError:
                if waited >= wait_s:
                    raise TimeoutError(f"{path.name} is held by another process") from None
                sleep(0.05)
                waited += 0.05
        try:
            yield
        finally:
            _unlock(handle)
    finally:
        handle.close()

"""Who sends: a sender's name on its claims, and whether the sender behind a claim is gone.

A sender is named ``host:pid:nonce`` (the nonce tells two engines of one process apart). A
claim left by a process of this computer that no longer runs is abandoned at once, so a desk
killed mid-send and started again carries on without waiting for the lease to run out; a claim
from another computer is left to its lease."""

from __future__ import annotations

import os
import socket
import sys
import uuid


def sender_id() -> str:
    """A new sender name for this process."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def abandoned(holder: str) -> bool:
    """Whether the sender named ``holder`` is a process of this computer that has ended."""
    host, _, rest = holder.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    return pid != os.getpid() and not _running(pid)


def _running(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process there
        return _running_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _running_windows(pid: int) -> bool:  # pragma: no cover - Windows only
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        denied: bool = kernel32.GetLastError() == 5  # access denied: runs as someone else
        return denied
    code = ctypes.c_ulong()
    try:
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
    finally:
        kernel32.CloseHandle(handle)
    still_active: bool = code.value == 259  # STILL_ACTIVE
    return still_active

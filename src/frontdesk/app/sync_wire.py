"""What the desk and its sync worker process say to each other: one JSON object a line, the
desk's on the worker's stdin, the worker's on its stdout (never logged: change records carry
the bookings as they now are).

The desk says, first, ``{"do": "open", ...}`` (the profile's folders, the store's URL as the
desk was given it, whether keys are in the keyring, the desk's store origin and the loop's
intervals: nothing on the command line, where other users could read it, and never an API
key, which the worker reads from the keyring itself); then ``sync`` ("Sync now"), ``reload``
(a connection was added, changed or removed) and ``stop``. A closed stdin is ``stop`` too: the
worker ends with the desk, however the desk ended.

The worker says ``ready`` once its store is open, ``busy`` (with a flag), ``changed`` (a
:class:`~frontdesk.app.changes.ChangeRecord`), ``health`` (per connection), ``cycle`` (a cycle
finished) and ``error`` (a short description, never patient data; the details are in the log).

:func:`worker_command` is how the desk starts the worker: the same Python or the same frozen
executable, whose entry point dispatches ``sync-worker`` (``frontdesk.main``).
"""

from __future__ import annotations

import json
import sys
from dataclasses import fields
from datetime import datetime
from pathlib import Path
from typing import Any

from frontdesk.app.changes import ChangeRecord
from frontdesk.app.sync_runner import Health
from frontdesk.domain.booking import Booking, SyncState, VisitStatus

COMMAND = "sync-worker"
_INSTANTS = ("start", "end")
_HEALTH_INSTANTS = ("last_fresh_at", "open_until")
_BOOKING_FIELDS = frozenset(f.name for f in fields(Booking))


def worker_command(executable: str | None = None, frozen: bool | None = None) -> list[str]:
    """The program and arguments that start a sync worker beside this desk. Frozen (the
    PyInstaller bundle): the bundle's own executable, whose entry point dispatches the hidden
    subcommand; on Windows its console twin ``frontdesk-cli.exe`` when it is there, whose
    standard handles are the pipes whatever the windowed one's runtime makes of them."""
    exe = executable or sys.executable
    if not (getattr(sys, "frozen", False) if frozen is None else frozen):
        return [exe, "-m", "frontdesk", COMMAND]
    if sys.platform == "win32":  # pragma: no cover - Windows only
        console = Path(exe).with_name("frontdesk-cli.exe")
        if console.exists():
            exe = str(console)
    return [exe, COMMAND]


def line(message: dict[str, Any]) -> bytes:
    """One message as the line that carries it."""
    return (json.dumps(message, separators=(",", ":"), default=_plain) + "\n").encode("utf-8")


def read(raw: bytes) -> dict[str, Any] | None:
    """A line as its message; None for what is not one (a stray print, half a line)."""
    try:
        message = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return message if isinstance(message, dict) else None


def _plain(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, frozenset | set):
        return sorted(value)
    raise TypeError(f"{type(value).__name__} cannot go over the sync worker's pipe")


# -- change records ----------------------------------------------------------------------
def record_out(record: ChangeRecord) -> dict[str, Any]:
    bookings = None
    if record.bookings is not None:
        bookings = {bid: booking_out(b) for bid, b in record.bookings.items()}
    return {
        "ids": record.ids,
        "bookings": bookings,
        "pending": record.pending,
        "attention": record.attention,
        "unknown": record.unknown,
        "topics": sorted(record.topics),
    }


def record_in(data: dict[str, Any]) -> ChangeRecord:
    bookings = data.get("bookings")
    return ChangeRecord(
        list(data.get("ids") or []),
        {bid: booking_in(b) for bid, b in bookings.items()} if bookings is not None else None,
        data.get("pending"),
        data.get("attention"),
        data.get("unknown"),
        frozenset(data.get("topics") or ()),
    )


def booking_out(booking: Booking) -> dict[str, Any]:
    data = {name: getattr(booking, name) for name in _BOOKING_FIELDS}
    data["extra"] = dict(booking.extra)
    return data


def booking_in(data: dict[str, Any]) -> Booking:
    values = {k: v for k, v in data.items() if k in _BOOKING_FIELDS}
    for name in _INSTANTS:
        values[name] = datetime.fromisoformat(values[name])
    values["visit_status"] = VisitStatus(values["visit_status"])
    values["sync_state"] = SyncState(values["sync_state"])
    return Booking(**values)


# -- health ------------------------------------------------------------------------------
def health_in(data: dict[str, dict[str, Any]]) -> Health:
    """Each connection's health as the worker sent it, its instants as instants again."""
    health: Health = {}
    for cid, state in data.items():
        state = dict(state)
        for name in _HEALTH_INSTANTS:
            if isinstance(state.get(name), str):
                state[name] = datetime.fromisoformat(state[name])
        stale = state.get("stale")  # part -> since when (sync.refresh)
        if isinstance(stale, dict):
            state["stale"] = {
                part: datetime.fromisoformat(at) if isinstance(at, str) else at
                for part, at in stale.items()
            }
        health[cid] = state
    return health

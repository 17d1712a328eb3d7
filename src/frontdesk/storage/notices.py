"""Telling the other desks of a shared store what changed, at once (PostgreSQL's LISTEN and
NOTIFY; a desk's own SQLite cache needs none).

Every write transaction on a shared store collects the ids of the bookings it adds, changes or
deletes (an ``after_flush`` hook; a bulk write marks "anything") and, just before it commits,
sends them on ``CHANNEL`` with the writing desk's origin, so PostgreSQL delivers them to every
listening desk when, and only if, the transaction commits. A desk's watcher (:func:`watch`, a
thread with its own connection) hands the ids of other desks' changes to a callback within a
second; its own are skipped. The callback is first told "anything may have changed" once the
watch listens (what came before is not known to it), and again whenever a lost connection is
made again, since notices sent meanwhile are gone.

Desk-local records that are not bookings (blockouts, the ASAP list, the pinboard, the clinic's
columns...) are told as *topics*: a write marks its topic with :func:`changed_topic` and the
other desks receive ``"#<topic>"`` among the ids (see :func:`is_topic`)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, event, text
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from frontdesk.storage.plain import TOPIC_MARK as TOPIC_MARK
from frontdesk.storage.tables import BookingRow

log = logging.getLogger("frontdesk.storage")

CHANNEL = "frontdesk_bookings"
EVERYTHING = "*"
_MAX_PAYLOAD = 7000  # PostgreSQL's limit is 8000 bytes: beyond, "anything changed"
_CHANGED = "frontdesk_changed"

# told the ids of the bookings another desk changed, or None: anything may have changed
Listener = Callable[[set[str] | None], None]


def _collect(session: Session, _context: Any) -> None:
    changed: set[str] = session.info.setdefault(_CHANGED, set())
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, BookingRow):
            changed.add(obj.id)


def track(sessions: sessionmaker[Session]) -> None:
    """Collect, in each session of ``sessions``, the ids of the bookings its flushes touch."""
    event.listen(sessions, "after_flush", _collect)


def changed_everything(session: Session) -> None:
    """Mark ``session``'s write as touching bookings no flush shows (a bulk insert)."""
    session.info.setdefault(_CHANGED, set()).add(EVERYTHING)


def changed_topic(session: Session, topic: str) -> None:
    """Mark ``session``'s write as changing the desk-local records of ``topic`` (a short
    name without ``,`` or ``|``), so the other desks re-read them."""
    if not topic or "," in topic or "|" in topic:
        raise ValueError(f"not a topic name: {topic!r}")
    session.info.setdefault(_CHANGED, set()).add(TOPIC_MARK + topic)


def is_topic(name: str) -> bool:
    """Whether ``name`` among a notice's ids is a topic rather than a booking id."""
    return name.startswith(TOPIC_MARK)


def announce(session: Session, origin: str) -> None:
    """Send what ``session`` changed to the other desks (delivered when it commits)."""
    changed: set[str] = session.info.pop(_CHANGED, set())
    if changed:
        session.execute(_NOTIFY, {"channel": CHANNEL, "payload": _payload(changed, origin)})


def announce_ids(conn: Connection, changed: set[str], origin: str) -> None:
    """Send the ``changed`` booking ids of a write on ``conn`` (delivered when it commits)."""
    if changed:
        conn.execute(_NOTIFY, {"channel": CHANNEL, "payload": _payload(changed, origin)})


_NOTIFY = text("SELECT pg_notify(:channel, :payload)")


def _payload(changed: set[str], origin: str) -> str:
    ids = EVERYTHING if EVERYTHING in changed else ",".join(sorted(changed))
    if len(ids) > _MAX_PAYLOAD:
        ids = EVERYTHING
    return f"{origin}|{ids}"


def parse(payload: str, origin: str) -> tuple[bool, set[str] | None]:
    """(whether the notice is another desk's, its booking ids or None for anything)."""
    sender, _, ids = payload.partition("|")
    if sender == origin:
        return False, None
    return True, None if ids == EVERYTHING or not ids else set(ids.split(","))


def watch(url: URL, origin: str, listener: Listener, stop: threading.Event) -> threading.Thread:
    """Start a thread that tells ``listener`` what other desks change, until ``stop`` is set."""
    thread = threading.Thread(
        target=_watch, args=(url, origin, listener, stop), name="frontdesk-notices", daemon=True
    )
    thread.start()
    return thread


def _watch(url: URL, origin: str, listener: Listener, stop: threading.Event) -> None:
    import psycopg

    args = url.translate_connect_args(username="user", database="dbname")
    while not stop.is_set():
        try:
            with psycopg.connect(**args, autocommit=True, connect_timeout=5) as conn:
                conn.execute(f"LISTEN {CHANNEL}")
                # listening from now: what was sent before (or while the watch was down) is
                # not known here, so anything may have changed
                listener(None)
                while not stop.is_set():
                    for notice in conn.notifies(timeout=0.5):
                        others, ids = parse(notice.payload, origin)
                        if others:
                            listener(ids)
        except psycopg.Error as exc:
            log.warning("watching the shared store for other desks' changes: %s", exc)
            stop.wait(2.0)
        except Exception:  # a listener's failure must not end the watch
            log.exception("telling the desk of another desk's change failed")
            stop.wait(0.5)

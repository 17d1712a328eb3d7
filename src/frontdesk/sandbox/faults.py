"""Faults the sandbox can inject so the sync engine's failure paths can be tested.

Owns the fault switches of one provider state (`Faults`) and the ASGI answer that cuts a
response short (`DroppedAnswer`): the write is already committed, the status line and a
Content-Length larger than what follows are sent, half the body goes out, and then the
connection is dropped, so a client sees the request as ambiguous (sent, no complete answer).
"""

from __future__ import annotations

import logging
import threading

from starlette.types import Receive, Scope, Send


class AnswerDropped(Exception):
    """Raised on purpose after a partial body so the server drops the connection."""


class Faults:
    """Thread-safe switches; `drop_next_answers(n)` arms the next n write answers to be cut."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._drops_pending = 0
        self._dropped = 0

    def drop_next_answers(self, n: int) -> None:
        if n < 0:
            raise ValueError("n must be 0 or more")
        with self._lock:
            self._drops_pending = n

    @property
    def drops_pending(self) -> int:
        with self._lock:
            return self._drops_pending

    @property
    def dropped(self) -> int:
        """How many answers have been cut so far."""
        with self._lock:
            return self._dropped

    def take_drop(self) -> bool:
        """Consume one armed drop, if any: True means cut this answer."""
        with self._lock:
            if self._drops_pending <= 0:
                return False
            self._drops_pending -= 1
            self._dropped += 1
            return True

    def clear(self) -> None:
        with self._lock:
            self._drops_pending = 0


class DroppedAnswer:
    """An ASGI response that promises `len(body) + 1` bytes or more and delivers half."""

    def __init__(self, status_code: int, body: bytes) -> None:
        self.status_code = status_code
        self.body = body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(self.body) + 1).encode()),
        ]
        await send({"type": "http.response.start", "status": self.status_code, "headers": headers})
        await send(
            {
                "type": "http.response.body",
                "body": self.body[: len(self.body) // 2],
                "more_body": True,
            }
        )
        raise AnswerDropped("answer dropped on purpose by the sandbox fault hook")


class _QuietDrops(logging.Filter):
    """Keep the server's error log free of the tracebacks of drops we asked for."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, AnswerDropped)


def quiet_dropped_answers(logger_name: str = "uvicorn.error") -> None:
    """Install the filter once on the server's error logger."""
    logger = logging.getLogger(logger_name)
    if not any(isinstance(f, _QuietDrops) for f in logger.filters):
        logger.addFilter(_QuietDrops())

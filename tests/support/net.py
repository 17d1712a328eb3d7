"""Helpers for tests on loopback: free ports and a clock a test can push forward."""

from __future__ import annotations

import socket
from datetime import UTC, datetime, timedelta


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class MovableClock:
    """The engine's clock: real time plus an offset a test can push forward."""

    def __init__(self) -> None:
        self.offset = timedelta()

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += timedelta(seconds=seconds)

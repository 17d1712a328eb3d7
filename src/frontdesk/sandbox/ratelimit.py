"""A sliding-window rate limiter per API key, as the vendors document theirs.

Owns nothing but the request times of each key over the last window (60 s by default). A
refused request is not counted. Thread-safe.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    """The outcome of one hit: allowed or not, what is left, and when to retry if not."""

    allowed: bool
    limit: int
    remaining: int
    retry_after: int  # whole seconds, at least 1 when refused; 0 when allowed


class SlidingWindowLimiter:
    """At most `limit` requests per key in any `window_seconds`; `limit` 0 turns it off."""

    def __init__(
        self,
        limit: int,
        window_seconds: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if limit < 0:
            raise ValueError("limit must be 0 (off) or more")
        self.limit = limit
        self.window_seconds = window_seconds
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    @property
    def enabled(self) -> bool:
        return self.limit > 0

    def hit(self, key: str) -> Verdict:
        if not self.enabled:
            return Verdict(True, 0, 0, 0)
        with self._lock:
            now = self._clock()
            hits = self._hits.setdefault(key, deque())
            while hits and hits[0] <= now - self.window_seconds:
                hits.popleft()
            if len(hits) >= self.limit:
                wait = hits[0] + self.window_seconds - now
                return Verdict(False, self.limit, 0, max(1, math.ceil(wait)))
            hits.append(now)
            return Verdict(True, self.limit, self.limit - len(hits), 0)

    def reset(self) -> None:
        with self._lock:
            self._hits.clear()

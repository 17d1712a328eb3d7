"""Pacing: a limiter per connection and the retry backoff.

The engine paces each connection with a sliding window at its API's documented limit (the
connector's ``rate_per_minute`` over its ``rate_window_s``: a minute, meetergo's 120 s burst
window, Vastal's hour); a token bucket (steady rate with bursts) is here too. Either answers
``take()`` with how long to wait before a request may go, so the engine never earns a 429 it
could have avoided. Backoff is exponential with jitter and a cap, and never shorter than what
the server asked for in ``Retry-After``.
"""

from __future__ import annotations

import math
import random
from collections import Counter, deque
from collections.abc import Callable


class TokenBucket:
    """``rate_per_minute`` requests a minute, at most ``burst`` at once."""

    def __init__(
        self,
        rate_per_minute: float,
        burst: float | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        import time

        self.rate = rate_per_minute / 60.0
        self.capacity = burst if burst is not None else max(1.0, rate_per_minute / 6.0)
        self._clock = clock or time.monotonic
        self._tokens = self.capacity
        self._at = self._clock()
        self._resume_at = 0.0

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._at) * self.rate)
        self._at = now

    def take(self) -> float:
        """Take a token if one is there (returns 0), else the seconds until one will be."""
        held = self.held_for()
        if held > 0:
            return held
        self._refill()
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return 0.0
        return (1.0 - self._tokens) / self.rate

    def hold(self, seconds: float) -> None:
        """Send nothing for ``seconds`` (the server said ``Retry-After``)."""
        self._resume_at = max(self._resume_at, self._clock() + seconds)

    def held_for(self) -> float:
        left = self._resume_at - self._clock()
        return left if left > 1e-3 else 0.0  # a millisecond of float noise is no hold


class SlidingWindow:
    """At most ``limit`` requests in any ``window_s`` seconds: the sandbox's algorithm for every
    API (HuskyVoice documents it), so the whole allowance can be used, a window's at once,
    and no request is ever early."""

    def __init__(
        self, limit: int, window_s: float = 60.0, clock: Callable[[], float] | None = None
    ) -> None:
        import time

        self.limit = limit
        self.window_s = window_s
        self._clock = clock or time.monotonic
        self._sent: deque[float] = deque()
        self._resume_at = 0.0

    @classmethod
    def for_rate(
        cls, per_minute: float, window_s: float = 60.0, clock: Callable[[], float] | None = None
    ) -> SlidingWindow:
        """``per_minute`` on average over any ``window_s``: all of a window's requests may go
        at once (a documented burst, an hourly plan's), none more within it."""
        limit = max(1, math.floor(per_minute * window_s / 60.0 + 1e-9))
        return cls(limit, window_s, clock)

    def take(self) -> float:
        """Record a request if one may go now (returns 0), else the seconds to wait."""
        held = self.held_for()
        if held > 0:
            return held
        now = self._clock()
        # A slot frees when its request is window_s old. One expression decides both whether
        # it has (pop) and how long until it will (wait): two spellings of it can disagree at
        # the boundary by a rounding, and a wait of 0.0 for an unrecorded request let one go
        # uncounted (a 429 a window later).
        while self._sent and self._sent[0] + self.window_s <= now:
            self._sent.popleft()
        if len(self._sent) < self.limit:
            self._sent.append(now)
            return 0.0
        return max(self._sent[0] + self.window_s - now, 1e-6)

    def hold(self, seconds: float) -> None:
        """Send nothing for ``seconds`` (the server said ``Retry-After``)."""
        self._resume_at = max(self._resume_at, self._clock() + seconds)

    def held_for(self) -> float:
        left = self._resume_at - self._clock()
        return left if left > 1e-3 else 0.0  # a millisecond of float noise is no hold

    def answered(self) -> None:
        """The last request's answer came back: count its slot from now. The server stamps a
        request on arrival, after ``take`` stamped it here; counting from the answer, which
        comes after the arrival, the window never frees a slot before the server's does."""
        if self._sent:
            self._sent[-1] = max(self._sent[-1], self._clock())

    def sent(self) -> list[float]:
        """The requests within the window (on the limiter's clock), oldest first."""
        now = self._clock()
        return [at for at in self._sent if at + self.window_s > now]

    def seed(self, sent: list[float]) -> None:
        """Count requests another sender made (a hand-over) as if they were this one's."""
        now = self._clock()
        ours = Counter(self._sent)
        theirs = Counter(at for at in sent if at + self.window_s > now >= at)
        # a request both know of (this sender held the role before) counts once; requests
        # made at one instant (a burst on a coarse clock) each count
        self._sent = deque(sorted((ours | theirs).elements()))


def backoff_seconds(
    attempts: int,
    retry_after: float | None = None,
    *,
    base: float = 2.0,
    cap: float = 300.0,
    rng: random.Random | None = None,
) -> float:
    """Delay before attempt ``attempts + 1``: jittered exponential, >= ``retry_after``."""
    r = rng or random
    ceiling = min(cap, base * (2 ** max(0, attempts - 1)))
    delay = r.uniform(ceiling / 2, ceiling)
    if retry_after is not None:
        delay = max(delay, retry_after)
    return delay

"""Pacing: the token bucket keeps to the documented rate; backoff honours Retry-After."""

from __future__ import annotations

import random

from frontdesk.sync.pacing import SlidingWindow, TokenBucket, backoff_seconds


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_bucket_allows_the_rate_and_no_more() -> None:
    clock = FakeClock()
    bucket = TokenBucket(60, burst=5, clock=clock)
    sent = 0
    while clock.now < 300:  # five minutes of a client that sends whenever it may
        wait = bucket.take()
        if wait == 0:
            sent += 1
        else:
            clock.now += wait
    assert 300 <= sent <= 305  # 60/min for 5 minutes, plus the initial burst


def test_backoff_grows_is_capped_and_honours_retry_after() -> None:
    rng = random.Random(1)
    delays = [backoff_seconds(n, rng=rng) for n in range(1, 12)]
    assert delays[0] <= 2 and max(delays) <= 300
    assert delays[8] >= 150
    assert all(backoff_seconds(1, 42.0, rng=rng) >= 42.0 for _ in range(50))


def test_sliding_window_uses_the_whole_allowance_and_never_more() -> None:
    clock = FakeClock()
    window = SlidingWindow(60, 60.0, clock=clock)
    sent: list[float] = []
    while clock.now < 300:
        wait = window.take()
        if wait == 0:
            sent.append(clock.now)
        else:
            clock.now += wait
    assert len(sent) == 300  # 60 in each of five minutes
    for i in range(60, len(sent)):  # any 60 s holds at most 60 requests
        assert sent[i] - sent[i - 60] >= 60.0

"""Each API's pacer (the connector's documented limit, as the engine builds it) against its
sandbox's limiter, on one fake clock: five windows' worth of requests, each arriving at the
server at a random moment between the pacer letting it go and its answer. None is refused, and
the last arrives within 1% of when a perfect client starting on an empty window would send it,
so a documented burst (meetergo's 200, Vastal's hour) is used at once."""

from __future__ import annotations

import random

import pytest

from frontdesk.providers.registry import PROVIDERS
from frontdesk.sandbox.emulator import SandboxSettings
from frontdesk.sandbox.ratelimit import SlidingWindowLimiter
from frontdesk.sandbox.registry import EMULATORS
from frontdesk.sync.pacing import SlidingWindow


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize("api", sorted(PROVIDERS))
def test_the_pacer_uses_the_documented_limit_and_never_exceeds_it(api: str) -> None:
    options = dict(EMULATORS[api].demo_options)
    connector = PROVIDERS[api].connect("c1", "http://127.0.0.1:9/api", "key", options)
    documented = EMULATORS[api].build(SandboxSettings()).state.limiter  # type: ignore[attr-defined]
    assert isinstance(documented, SlidingWindowLimiter)
    clock, rng = FakeClock(), random.Random(api)
    server = type(documented)(documented.limit, documented.window_seconds, clock=clock)
    pacer = SlidingWindow.for_rate(connector.rate_per_minute, connector.rate_window_s, clock)
    connector.close()
    assert pacer.limit == server.limit and pacer.window_s == server.window_seconds

    requests = 5 * server.limit + 1
    arrivals: list[float] = []
    while len(arrivals) < requests:
        wait = pacer.take()
        if wait > 0:
            clock.now += wait
            continue
        up, down = rng.uniform(0.0, 0.02), rng.uniform(0.0, 0.02)
        clock.now += up
        verdict = server.hit("key")
        assert verdict.allowed, f"request {len(arrivals)} refused (429)"
        arrivals.append(clock.now)
        clock.now += down
        pacer.answered()

    ideal = (requests - 1) // server.limit * server.window_seconds  # five windows
    assert arrivals[-1] - arrivals[0] <= ideal * 1.01

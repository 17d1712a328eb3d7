"""meetergo's documented burst on a fake clock shared by the desk's engine and the sandbox's
limiter: a drain of 150 bookings and a refresh go at once, as the burst of 200 allows, with no
429; what goes over the burst waits until the first requests are 120 s old, and not longer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.booking import SyncState
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.timeutil import local_to_utc
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.meetergo.state import MeetergoState
from frontdesk.sandbox.ratelimit import SlidingWindowLimiter, Verdict
from frontdesk.sync.engine import SyncEngine
from support.meetergo import ANNA, API_KEY, BEN, CONSULT, OPTIONS, THERAPY, ZONE

BOOKINGS = 150
BURST, WINDOW_S = 200, 120.0


class FakeTime:
    def __init__(self) -> None:
        self.now = datetime.now(UTC) + timedelta(seconds=1)

    def __call__(self) -> datetime:
        return self.now

    def seconds(self) -> float:
        return self.now.timestamp()

    def sleep(self, seconds: float) -> bool:
        self.now += timedelta(seconds=seconds)
        return False


class ArrivalLimiter(SlidingWindowLimiter):
    """The sandbox's limiter, noting when each request it let through arrived, and the 429s."""

    def __init__(self, limit: int, window: float, clock: FakeTime) -> None:
        super().__init__(limit, window, clock.seconds)
        self.arrivals: list[float] = []
        self.refused = 0

    def hit(self, key: str) -> Verdict:
        verdict = super().hit(key)
        if verdict.allowed:
            self.arrivals.append(self._clock())
        else:
            self.refused += 1
        return verdict


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[tuple[AppContext, MeetergoState]]:
    with SandboxServer(rate_limit=0, providers=("meetergo",)) as server:
        state = server.provider("meetergo").build.state
        assert isinstance(state, MeetergoState)
        ctx = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
        try:
            base_url = server.provider("meetergo").base_url
            ctx.connect("meetergo", "Praxis", base_url, API_KEY, dict(OPTIONS))
            yield ctx, state
        finally:
            ctx.close()


def test_the_burst_goes_at_once_and_the_rest_waits_for_the_window(
    desk: tuple[AppContext, MeetergoState],
) -> None:
    ctx, state = desk
    cid = ctx.connections()[0].id
    connector = ctx.connectors[cid]
    assert (connector.rate_per_minute, connector.rate_window_s) == (100, WINDOW_S)
    connector.rate_per_minute = 1e9  # the setup's reads, unpaced
    ctx.engine.catalog_days = 40
    ctx.engine.pull(cid)
    made = 0
    now = datetime.now(UTC)
    spots = ctx.repo.catalogs.catalog(cid, now.date(), (now + timedelta(days=40)).date()).windows
    free_from: dict[str, datetime] = {}
    for spot in sorted(spots, key=lambda w: (w.day, w.start)):
        kind = {ANNA: CONSULT, BEN: THERAPY}.get(spot.resource_id)
        if made == BOOKINGS or kind != spot.service_id:
            continue
        request = BookingRequest(
            connection_id=cid,
            service_id=kind,
            resource_id=spot.resource_id,
            start=local_to_utc(spot.day, spot.start, ZONE).instant,
            patient_name=f"Pace Patient {made}",
            patient_phone=f"+49301234{made:04d}",
            patient_email=f"pace{made}@example.com",
        )
        if request.start < free_from.get(spot.resource_id, request.start):
            continue
        try:
            booked = ctx.booking.book(request)
        except BookingRefused:
            continue
        free_from[spot.resource_id] = booked.end + timedelta(minutes=10)  # the types' buffers
        made += 1
    assert made == BOOKINGS

    fake = FakeTime()
    limiter = ArrivalLimiter(BURST, WINDOW_S, fake)
    state.limiter = limiter
    connector.rate_per_minute = 100
    engine = SyncEngine(ctx.repo, ctx.connectors, clock=fake, sleep=fake.sleep, catalog_days=7)
    report = engine.drain()
    while len(limiter.arrivals) <= BURST:  # refreshes until the burst is spent, and one more
        engine.pull(cid)

    assert report.confirmed == BOOKINGS and limiter.refused == 0
    first = limiter.arrivals[0]
    assert limiter.arrivals[BURST - 1] - first < 5.0  # the burst went at once (latency only)
    over = limiter.arrivals[BURST] - first
    assert WINDOW_S <= over < WINDOW_S + 5.0  # then waited for the window, and no longer
    held = ctx.repo.bookings_between(now, now + timedelta(days=41), cid)
    assert sum(b.sync_state is SyncState.CONFIRMED for b in held) == BOOKINGS

"""The sync loop both the desk's worker and ``frontdesk sync`` run: it refreshes only what is
stale (a refresh spends the key's allowance), retries a failed refresh at the next cycle, leaves
a connection another sender holds to it, and (``--once``) waits out a server's Retry-After
within the pass instead of ending it there."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta

from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.catalog import Catalog, Policy
from frontdesk.domain.outbox import OperationKind
from frontdesk.providers.base import Accepted, ApiError, Outcome, RetryLater
from frontdesk.storage.repo import Repository
from frontdesk.sync.engine import SyncEngine
from frontdesk.sync.loop import SyncLoop
from support.bookings import T0, booking
from support.fakes import QuietConnector


class CountingConnector(QuietConnector):
    """Counts refreshes; fails them while ``down`` (the bookings' alone while
    ``bookings_down``); answers the first ``busy`` creates with
    a 429 asking for ``retry_after`` seconds."""

    def __init__(self, busy: int = 0, retry_after: float = 0.4) -> None:
        self.pulls = 0
        self.booking_pulls = 0
        self.down = False
        self.bookings_down = False  # only the bookings' read fails
        self.busy = busy
        self.retry_after = retry_after
        self.creates = 0

    def pull_catalog(self, days: list[date]) -> Catalog:
        if self.down:
            raise ApiError("HTTP 503", retry=True)
        self.pulls += 1
        return Catalog(Policy("UTC"))

    def pull_bookings(self, since: datetime | None) -> list[Booking]:
        if self.down or self.bookings_down:
            raise ApiError("HTTP 502 on GET appointments", retry=True)
        self.booking_pulls += 1
        return []

    def create(self, booking: Booking, key: str) -> Outcome:
        self.creates += 1
        if self.creates <= self.busy:
            return RetryLater("HTTP 429", self.retry_after, untouched=True)
        return Accepted(booking.with_changes(sync_state=SyncState.CONFIRMED, remote_id=key))


def _engine(repo: Repository, connector: CountingConnector) -> SyncEngine:
    return SyncEngine(repo, {"conn-1": connector}, catalog_days=0)  # type: ignore[dict-item]


def _book(repo: Repository, n: int) -> None:
    for i in range(n):
        made = booking(i, T0 + timedelta(hours=i))
        repo.book(made, OperationKind.CREATE, {}, f"key-{i}", "desk")


def test_only_a_stale_cache_is_refreshed(repo: Repository) -> None:
    connector = CountingConnector()
    loop = SyncLoop(_engine(repo, connector), pull_every_s=300, forced_pull_s=15)
    assert loop.cycle().pulled == {"conn-1": 0}  # never refreshed: refreshed now
    assert loop.cycle().pulled == {}  # fresh: the allowance is left to the sends
    assert loop.cycle(forced=True).pulled == {}  # "Sync now" right after a refresh too
    assert connector.pulls == 1
    eager = SyncLoop(loop.engine, pull_every_s=300, forced_pull_s=0)
    assert eager.cycle(forced=True).pulled == {"conn-1": 0}
    assert connector.pulls == 2


def test_a_failed_refresh_is_said_and_tried_again_at_the_next_cycle(repo: Repository) -> None:
    connector = CountingConnector()
    loop = SyncLoop(_engine(repo, connector), pull_every_s=300)
    loop.cycle()
    connector.down = True
    stale = SyncLoop(loop.engine, pull_every_s=0)
    report = stale.cycle()
    assert "HTTP 503" in report.pull_errors["conn-1"]
    assert stale.pull_errors["conn-1"] == report.pull_errors["conn-1"]
    assert set(report.stale["conn-1"]) == {"catalog", "bookings"}
    connector.down = False
    stale.pull_every_s = 300  # fresh by age, but its last refresh failed
    report = stale.cycle()
    assert report.pulled == {"conn-1": 0} and report.stale == {}
    assert not stale.pull_errors
    assert (connector.pulls, connector.booking_pulls) == (2, 2)


def test_a_refresh_failed_in_part_keeps_the_rest_and_reads_only_that_part_again(
    repo: Repository,
) -> None:
    connector = CountingConnector()
    loop = SyncLoop(_engine(repo, connector), pull_every_s=300)
    loop.cycle()
    assert (connector.pulls, connector.booking_pulls) == (1, 1)
    connector.bookings_down = True
    report = SyncLoop(loop.engine, pull_every_s=0).cycle()
    assert report.pulled == {"conn-1": 0} and not report.pull_errors  # the catalog was kept
    assert set(report.stale["conn-1"]) == {"bookings"}
    assert connector.pulls == 2
    connector.bookings_down = False
    report = loop.cycle()  # fresh by age: only the stale part is read
    assert report.pulled == {"conn-1": 0} and report.stale == {}
    assert (connector.pulls, connector.booking_pulls) == (2, 2)
    assert loop.engine.health["conn-1"].stale == {}
    assert loop.cycle().pulled == {}  # nothing stale, nothing old: nothing read


def test_a_connection_another_sender_holds_is_left_to_it(repo: Repository) -> None:
    connector = CountingConnector()
    assert repo.roles.take_role("conn-1", "other-desk:1:x", datetime.now(UTC))
    _book(repo, 2)
    report = SyncLoop(_engine(repo, connector)).cycle(forced=True)
    assert report.elsewhere == {"conn-1": "other-desk:1:x"}
    assert report.pulled == {} and connector.pulls == 0 and connector.creates == 0
    assert repo.outbox.pending_count("conn-1") == 2


def test_once_waits_out_a_retry_after_and_drains_on(repo: Repository) -> None:
    _book(repo, 3)
    connector = CountingConnector(busy=1, retry_after=0.4)
    began = time.monotonic()
    report = SyncLoop(_engine(repo, connector)).cycle(wait_out_limits=True)
    assert report.drain is not None
    assert report.drain.retrying == 1 and report.drain.confirmed == 3
    assert repo.outbox.pending_count("conn-1") == 0
    assert time.monotonic() - began >= 0.35  # the hold was kept, not skipped


def test_a_plain_cycle_ends_at_a_retry_after(repo: Repository) -> None:
    """The negative control: without waiting the pass leaves the rest queued."""
    _book(repo, 3)
    connector = CountingConnector(busy=1, retry_after=30)
    report = SyncLoop(_engine(repo, connector)).cycle()
    assert report.drain is not None and report.drain.retrying == 1
    assert repo.outbox.pending_count("conn-1") == 3


def test_the_next_cycle_comes_when_the_next_operation_is_due(repo: Repository) -> None:
    connector = CountingConnector(busy=1, retry_after=8)
    loop = SyncLoop(_engine(repo, connector))
    assert loop.next_wait(30) == 30  # nothing queued
    _book(repo, 1)
    loop.cycle()
    assert 0.5 <= loop.next_wait(30) <= 30


def test_bookings_wait_for_a_first_catalog_read(repo: Repository) -> None:
    """A connector maps its bookings with what its catalog read told it: until one has been
    read, a failed catalog read leaves the bookings unread (stale) too."""
    connector = CountingConnector()
    connector.down = True
    loop = SyncLoop(_engine(repo, connector))
    report = loop.cycle()
    assert set(report.stale["conn-1"]) == {"catalog", "bookings"}
    assert connector.booking_pulls == 0  # not asked
    connector.down = False
    assert loop.cycle().stale == {}
    assert (connector.pulls, connector.booking_pulls) == (1, 1)

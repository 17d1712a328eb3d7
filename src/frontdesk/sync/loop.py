"""The sync loop: one cycle's policy, written once for the desk's worker and ``frontdesk sync``.

A cycle sends what waits in the outbox first, then refreshes only the connections whose cache
is stale: older than ``pull_every_s``, or (when a person asked, or the remote refused something,
so the cache was behind) older than ``MIN_FORCED_PULL_S``; a connection whose last refresh
failed, in part or whole, has only the parts it could not read read again
(:mod:`frontdesk.sync.refresh`). A refresh costs a couple of dozen requests of the API key's
allowance, which the engine's pacer shares with the sends, so it is spent only on what is
stale. Connections another sender holds the role for are left to it. Between cycles the loop
waits until the next operation is due (at most ``interval_s``). With ``wait_out_limits`` a
cycle (``frontdesk sync --once``) waits out a server's ``Retry-After`` and drains on instead
of ending the pass there.

The loop knows no Qt and prints nothing: the desk's worker turns its reports into signals, the
CLI into lines.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from frontdesk.sync.engine import DrainReport, SyncEngine

log = logging.getLogger("frontdesk.sync")

DEFAULT_PULL_EVERY_S = 300.0
MIN_FORCED_PULL_S = 15.0
# the longest a pass waits out one server hold (Retry-After) before leaving the rest queued
MAX_HOLD_WAIT_S = 120.0


@dataclass
class CycleReport:
    """What one cycle did: the drain's report (None if the drain failed), the connections
    refreshed (rows changed), those whose refresh failed (why), those with parts a refresh
    could not read (each part since when), and those left to another sender (its name)."""

    drain: DrainReport | None = None
    drain_error: str | None = None
    pulled: dict[str, int] = field(default_factory=dict)
    pull_errors: dict[str, str] = field(default_factory=dict)
    elsewhere: dict[str, str] = field(default_factory=dict)
    stale: dict[str, dict[str, datetime]] = field(default_factory=dict)

    @property
    def changed_anything(self) -> bool:
        return any(self.pulled.values())


class SyncLoop:
    """Drain, pull what is stale, wait until the next due time; for one engine."""

    def __init__(
        self,
        engine: SyncEngine,
        *,
        pull_every_s: float = DEFAULT_PULL_EVERY_S,
        forced_pull_s: float = MIN_FORCED_PULL_S,
    ) -> None:
        self.engine = engine
        self.pull_every_s = pull_every_s
        self.forced_pull_s = forced_pull_s
        self.pull_errors: dict[str, str] = {}  # connection id -> the last refresh's failure
        self.refreshed_at: dict[str, datetime] = {}  # when each full refresh was last tried

    def cycle(self, *, forced: bool = False, wait_out_limits: bool = False) -> CycleReport:
        """One cycle. ``forced``: refresh what is older than ``forced_pull_s``."""
        engine = self.engine
        report = CycleReport()
        try:
            report.drain = self._drain(wait_out_limits)
        except Exception as exc:  # a bug or the store: keep the loop alive, say so
            log.exception("sync: sending queued changes failed")
            report.drain_error = describe(exc)
        else:
            # a refusal means the cache was behind the remote: refresh it now, so the nearest
            # openings offered for a rebook are judged on what the remote holds
            forced = forced or report.drain.refused > 0
        for cid, full in self._pull_due(forced, report):
            if engine.stop.is_set():
                break
            if full:
                self.refreshed_at[cid] = engine.clock()
            try:
                report.pulled[cid] = engine.pull(cid, only_stale=not full)
                self.pull_errors.pop(cid, None)
            except Exception as exc:  # offline, refused, bad answer: say so, keep going
                self.pull_errors[cid] = report.pull_errors[cid] = describe(exc)
                log.warning("sync: refreshing connection %s failed: %s", cid, describe(exc))
            health = engine.health.get(cid)
            if health is not None and health.stale:
                report.stale[cid] = dict(health.stale)
        return report

    def _drain(self, wait_out_limits: bool) -> DrainReport:
        engine = self.engine
        report = engine.drain()
        waited = 0.0
        limited = False  # a server asked this pass to wait (Retry-After)
        while wait_out_limits and not engine.stop.is_set() and waited < MAX_HOLD_WAIT_S:
            hold = self._hold_with_work()
            limited = limited or hold > 0
            due = engine.repo.outbox.next_due_at()
            if not limited or due is None:
                break  # nothing a server held back: what is left waits for a later pass
            wait = max(hold, (due - engine.clock()).total_seconds(), 0.05)
            if waited + wait > MAX_HOLD_WAIT_S:
                break
            log.info("sync: the server asked to wait; waiting %.1f s within this pass", wait)
            if engine.stop.wait(wait):
                break
            waited += wait
            more = engine.drain()
            for name in ("sent", "confirmed", "refused", "retrying", "unknown"):
                setattr(report, name, getattr(report, name) + getattr(more, name))
            report.changed_bookings.extend(more.changed_bookings)
            if not more.sent and self._hold_with_work() <= 0:
                break  # what is due cannot go (held behind another operation, say)
        return report

    def _hold_with_work(self) -> float:
        """The longest server hold among connections that still have queued work."""
        engine = self.engine
        holds = [
            engine.buckets[cid].held_for()
            for cid in engine.connectors
            if engine.repo.outbox.pending_count(cid) and cid in engine.buckets
        ]
        return max(holds, default=0.0)

    def _pull_due(self, forced: bool, report: CycleReport) -> list[tuple[str, bool]]:
        """Connections to refresh now, this engine holding their role (the others are noted
        in ``report.elsewhere``), each with whether all of it is due (its cache is old
        enough) or only the parts the last refresh could not read."""
        engine = self.engine
        limit = self.forced_pull_s if forced else self.pull_every_s
        now = engine.clock()
        due: list[tuple[str, bool]] = []
        for record in engine.repo.catalogs.connections():
            if record.id not in engine.connectors:
                continue
            if not engine.may_refresh(record.id):
                health = engine.health.get(record.id)
                holder = health.sent_elsewhere if health is not None else None
                report.elsewhere[record.id] = holder or "another desk"
                continue  # another sender sends and refreshes for it; its results reach us
            fresh = record.last_fresh_at
            tried = self.refreshed_at.get(record.id)  # a refresh that failed in part or whole
            if tried is not None and (fresh is None or tried > fresh):
                fresh = tried
            health = engine.health.get(record.id)
            if fresh is None or (now - fresh).total_seconds() >= limit:
                due.append((record.id, True))
            elif record.id in self.pull_errors or (health is not None and health.stale):
                due.append((record.id, False))
        return due

    def next_wait(self, interval_s: float, floor_s: float = 0.5) -> float:
        """Seconds until the next cycle: the next due operation, at most ``interval_s``."""
        due: datetime | None = self.engine.repo.outbox.next_due_at()
        if due is None:
            return interval_s
        return max(floor_s, min(interval_s, (due - self.engine.clock()).total_seconds()))

    def run(self, interval_s: float, on_cycle: Callable[[CycleReport], object]) -> None:
        """Cycle until the engine stops, reporting each cycle."""
        engine = self.engine
        while not engine.stop.is_set():
            on_cycle(self.cycle())
            if engine.stop.wait(self.next_wait(interval_s)):
                break


def describe(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__

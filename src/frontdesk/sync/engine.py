"""Draining the outbox: one operation at a time per connection, each to exactly one outcome.

For each due operation: claim it, which marks it sent (so a crash leaves a trace that it may
have left, and no other process or desk sends it meanwhile: :mod:`frontdesk.storage.claims`),
send it through the connector, then act on the outcome in one transaction: accepted closes it and
confirms the booking; refused closes it and flags the booking; retry-later and ambiguous keep it
queued with a backoff no shorter than the server's ``Retry-After``. An ambiguous create is only
resent where the API deduplicates it (HuskyVoice's ``external_reference_id``) or a lookup found
nothing; where no lookup can tell (``CannotTell``) the operation's outcome is *unknown*: it is
neither resent nor done, and waits for a person to settle it (or a pull that finds it).

A patient's record (``CREATE_PATIENT``, VantaX's contact) goes first; the storage holds back
whatever depends on it until it is done. Accepted, its id goes into every booking waiting for it
in the same transaction; refused, every booking waiting for it needs attention with the reason,
and nothing of theirs is sent.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from frontdesk.domain.booking import Booking, SyncState
from frontdesk.domain.outbox import HELD_BACK, Operation, OperationKind
from frontdesk.domain.timeutil import to_local, utc_now
from frontdesk.providers.base import (
    Accepted,
    Ambiguous,
    ApiError,
    CannotTell,
    Connector,
    DeskView,
    Outcome,
    Refused,
    RetryLater,
    SeesDeskBookings,
)
from frontdesk.providers.http import BadAnswer
from frontdesk.storage.repo import Repository
from frontdesk.sync.pacing import SlidingWindow, backoff_seconds
from frontdesk.sync.parts import BOOKINGS, CATALOG, day_part, part_day
from frontdesk.sync.refresh import refresh
from frontdesk.sync.senders import abandoned, sender_id

log = logging.getLogger("frontdesk.sync")

CATALOG_DAYS = 21
# Circuit breaker: after this many failures in a row a connection rests, doubling from BASE
# seconds up to MAX, so a dead API is not hammered; the desk shows it offline meanwhile.
BREAKER_FAILURES = 5
BREAKER_BASE_S = 30.0
BREAKER_MAX_S = 300.0
# the problem code of a booking whose create's outcome is unknown (the desk shows the message)
UNKNOWN_CODE = "OUTCOME_UNKNOWN"
# how often a role's holder keeps its recent requests with the role (a write each time)
NOTE_EVERY_S = 1.0
# An operation taken over from a dead sender more often than this since its last stored answer
# is held back for a person (outcome unknown) instead of being sent again: a send that kills
# its sender every time would otherwise stall its connection's queue, and each sync worker
# started after it, for ever. Well above what crashes and restarts do to a healthy send (the
# killed-sends drill: eight in a row, then sent).
MAX_TAKEOVERS = 12


@dataclass
class ConnectionHealth:
    """What the desk shows per connection."""

    online: bool = True
    paused: bool = False  # credentials refused: waits for a person
    last_error: str | None = None
    last_fresh_at: datetime | None = None
    failures: int = 0  # failed attempts in a row (network, 5xx, unreadable answers)
    open_until: datetime | None = None  # circuit open: nothing is sent before then
    sent_elsewhere: str | None = None  # another sender holds the sending role (its name)
    # the parts of the cache a refresh could not read (sync.refresh: CATALOG, BOOKINGS, a
    # day's part), each with when it first failed; read again at the next cycle
    stale: dict[str, datetime] = field(default_factory=dict)


@dataclass
class DrainReport:
    sent: int = 0
    confirmed: int = 0
    refused: int = 0
    retrying: int = 0
    changed_bookings: list[str] = field(default_factory=list)
    unknown: int = 0  # operations now waiting for a person: outcome unknown


@dataclass(frozen=True, slots=True)
class Unknown:
    """No lookup can tell whether an earlier attempt arrived (the connector's ``CannotTell``)."""

    reason: str


class SyncEngine:
    def __init__(
        self,
        repo: Repository,
        connectors: Mapping[str, Connector],
        *,
        clock: Callable[[], datetime] = utc_now,
        rng: random.Random | None = None,
        stop: threading.Event | None = None,
        catalog_days: int = CATALOG_DAYS,
        sleep: Callable[[float], object] | None = None,
        owner: str | None = None,
    ) -> None:
        self.repo = repo
        self.owner = owner or sender_id()  # the name on this engine's claims and roles
        # one sender per connection sends and refreshes (storage/roles.py); tests of what
        # claims alone guarantee switch it off
        self.roles = True
        self._holding: set[str] = set()  # connections whose role this engine holds
        self._noted_at: dict[str, float] = {}  # when each one's recent requests were kept
        self._read: set[str] = set()  # connections whose catalog this engine has read
        self.connectors = connectors
        self.clock = clock
        self.rng = rng or random.Random()
        self.stop = stop or threading.Event()
        self.health = {cid: ConnectionHealth() for cid in connectors}
        self.catalog_days = catalog_days
        # Pacers run on the engine's clock, so a test's clock moves them too.
        self.buckets = {
            cid: SlidingWindow.for_rate(c.rate_per_minute, c.rate_window_s, self._seconds)
            for cid, c in connectors.items()
        }
        self._sleep = sleep or self.stop.wait
        # told each booking id as soon as its operation is settled (the desk shows it at once)
        self.on_change: Callable[[str], None] | None = None
        for cid, connector in connectors.items():
            connector.set_pacer(
                lambda cid=cid: self._pace(cid),  # type: ignore[misc]
                self.buckets[cid].answered,
            )
            if isinstance(connector, SeesDeskBookings):  # CareValidate only
                connector.set_desk_view(self._desk_view(cid))

    def _desk_view(self, cid: str) -> DeskView:
        """The cached bookings of connection ``cid`` starting in ``[first, last)``."""

        def view(first: datetime, last: datetime) -> list[Booking]:
            return self.repo.bookings_between(first, last, cid)

        return view

    def _seconds(self) -> float:
        return self.clock().timestamp()

    def _pace(self, cid: str) -> None:
        """Block until the connection's bucket lets one request go (or the engine stops)."""
        bucket = self.buckets[cid]
        while not self.stop.is_set():
            wait = bucket.take()
            if wait <= 0:
                if self.roles and cid in self._holding:  # for whoever sends next
                    self._note(cid)
                return
            self._sleep(wait)

    # -- outbox --------------------------------------------------------------------------
    def drain(self, limit: int | None = None) -> DrainReport:
        """Send every due operation (up to ``limit``), pacing; returns what happened."""
        report = DrainReport()
        for cid, connector in self.connectors.items():
            if self.health[cid].paused or not self.may_refresh(cid):
                continue  # a refused key waits for a person; another sender has the role
            self._drain_connection(cid, connector, report, limit)
        return report

    def may_refresh(self, cid: str) -> bool:
        """Take or renew the connection's sending role: whether this engine sends and
        refreshes for it now (False while another live sender does, which the connection's
        health names)."""
        if not self.roles:
            return True
        taken = self.repo.roles.take_role(cid, self.owner, self.clock(), abandoned=abandoned)
        if taken and cid not in self._holding and cid in self.buckets:
            # taken over: the last holder's requests still count against the key's rate
            self.buckets[cid].seed(self.repo.roles.role_requests(cid))
        if taken:
            self._holding.add(cid)
        else:
            self._holding.discard(cid)
        health = self.health.get(cid)
        if health is not None:
            health.sent_elsewhere = (
                None if taken else self.repo.roles.role_holder(cid, self.clock())
            )
        return taken

    def _note(self, cid: str, *, now: bool = False) -> None:
        """Keep the connection's recent requests with its role, at most every ``NOTE_EVERY_S``
        (a crash loses at most that much of them; a hand-over, ``now``, none)."""
        at = self._seconds()
        if now or at - self._noted_at.get(cid, float("-inf")) >= NOTE_EVERY_S:
            self.repo.roles.note_requests(cid, self.owner, self.buckets[cid].sent())
            self._noted_at[cid] = at

    def stop_sending(self) -> None:
        """This engine stops: its sending roles are free for another sender at once, with
        every request it made for the next holder's pacer."""
        if self.roles:
            for cid in sorted(self._holding & set(self.buckets)):
                self._note(cid, now=True)
            self.repo.roles.give_up_roles(self.owner)
            self._holding.clear()

    def _drain_connection(
        self, cid: str, connector: Connector, report: DrainReport, limit: int | None
    ) -> None:
        while not self.stop.is_set():
            if self.buckets[cid].held_for() > 0:
                return  # the server asked us to wait (Retry-After): nothing goes before
            health = self.health[cid]
            if health.open_until is not None and self.clock() < health.open_until:
                return  # circuit open: the API looks down; keep queueing, try again later
            if not self.may_refresh(cid):  # renewed while a long drain goes on
                return
            due = self.repo.outbox.due_operations(cid, self.clock(), limit=20)
            taken = 0
            for op in due:
                if limit is not None and report.sent >= limit:
                    return
                if self.stop.is_set():
                    return
                claimed = self.repo.sending.claim_to_send(
                    op.id, self.owner, self.clock(), abandoned=abandoned
                )
                if claimed is None:
                    continue  # another sender has it, or it was settled since the read
                taken += 1
                if not self._send(cid, connector, *claimed, report):
                    return  # the connection asked us to back off: leave the rest queued
            if not taken:
                return  # nothing due, or all of it in other senders' hands

    def _send(
        self,
        cid: str,
        connector: Connector,
        op: Operation,
        booking: Booking | None,
        report: DrainReport,
    ) -> bool:
        """Send ``op``, claimed (and so marked sent) in the transaction that read ``booking``:
        a desk change that commits after the claim sees the operation as sent and queues its
        own, so no change is lost in between; ``op.sent_at`` is the earlier attempt's, if any."""
        if booking is None:
            log.error("operation %s names a missing booking", op.id)
            self.repo.sending.retry_later(
                op, self.clock() + timedelta(hours=1), "its booking is gone", answered=False
            )
            return True
        if op.takeovers > MAX_TAKEOVERS:
            return self._held_back(connector, op, booking, report)
        outcome: Outcome | Unknown | None = None
        if op.sent_at is not None and op.kind is OperationKind.CREATE:
            outcome = self._reconcile(connector, booking)
        if isinstance(outcome, Unknown):
            return self._unknown(connector, op, booking, outcome, report)
        sent_now = outcome is None
        if outcome is None:
            report.sent += 1
            outcome = self._call(connector, op, booking)
        health = self.health[cid]
        patient = op.kind is OperationKind.CREATE_PATIENT
        if (
            isinstance(outcome, Refused)
            and op.sent_at is not None
            and not outcome.credentials
            and not patient
        ):
            outcome = self._refused_after_ambiguous(connector, booking, outcome)
        if isinstance(outcome, Accepted | Refused):
            health.failures, health.open_until = 0, None
        if isinstance(outcome, Accepted) and patient:
            return self._patient_made(cid, op, outcome, report)
        if isinstance(outcome, Accepted):
            detail = "replayed: already held remotely" if outcome.replayed else "accepted"
            self.repo.sending.complete(op, outcome.booking, f"{op.kind} {detail}")
            health.online, health.last_error = True, None
            report.confirmed += 1
            self._changed(report, booking.id)
            log.info("op %s (%s) accepted, remote id %s", op.id, op.kind, outcome.booking.remote_id)
            return True
        if isinstance(outcome, Refused):
            v = outcome.verdict
            if outcome.credentials:
                health.paused, health.last_error = True, f"{v.code}: {v.message}"
                self.repo.sending.retry_later(
                    op, self.clock() + timedelta(minutes=5), health.last_error
                )
                log.warning("connection %s paused: credentials refused (%s)", cid, v.code)
                return False
            if patient:
                return self._patient_refused(op, outcome, report)
            flagged = booking.with_changes(
                sync_state=SyncState.NEEDS_ATTENTION,
                problem_code=v.code,
                problem_message=v.message,
            )
            self.repo.sending.refuse(op, flagged, f"HTTP {v.status} {v.code}: {v.message}")
            report.refused += 1
            self._changed(report, booking.id)
            log.info("op %s (%s) refused: HTTP %s %s", op.id, op.kind, v.status, v.code)
            return True
        # it surely did not arrive: no reconcile before the next attempt
        unsent = sent_now and isinstance(outcome, RetryLater) and outcome.untouched
        return self._later(cid, op, outcome, report, unsent=unsent)

    def _patient_made(
        self, cid: str, op: Operation, outcome: Accepted, report: DrainReport
    ) -> bool:
        """The patient's record exists: every booking waiting for it gets its id at once."""
        if not outcome.patient_ref:
            log.error("op %s (%s) accepted without the record's id", op.id, op.kind)
            return self._later(cid, op, RetryLater("accepted without the record's id"), report)
        detail = "already held remotely" if outcome.replayed else None
        for booking_id in self.repo.sending.patient_made(op, outcome.patient_ref, detail):
            self._changed(report, booking_id)
        health = self.health[cid]
        health.online, health.last_error = True, None
        report.confirmed += 1
        log.info("op %s (%s) accepted", op.id, op.kind)
        return True

    def _patient_refused(self, op: Operation, outcome: Refused, report: DrainReport) -> bool:
        """The patient's record was refused: so is every booking waiting for it (not sent)."""
        v = outcome.verdict
        detail = f"HTTP {v.status} {v.code}: {v.message}"
        for booking_id in self.repo.sending.patient_refused(op, v.code, v.message or "", detail):
            self._changed(report, booking_id)
        report.refused += 1
        log.info("op %s (%s) refused: HTTP %s %s", op.id, op.kind, v.status, v.code)
        return True

    def _unknown(
        self,
        connector: Connector,
        op: Operation,
        booking: Booking,
        unknown: Unknown,
        report: DrainReport,
    ) -> bool:
        """Sent, no answer, and no lookup can tell: neither resend nor close; a person decides."""
        name = connector.provider
        message = (
            f"Sent, but no answer came back and {name} cannot be asked whether it arrived "
            f"({unknown.reason}). Check {name}, then settle it here: it arrived, send it "
            "again, or cancel the booking."
        )
        self._for_a_person(
            op, booking, message, f"{op.kind}: no answer, and {unknown.reason}", report
        )
        health = self.health[op.connection_id]  # the lookup itself was answered
        health.failures, health.open_until = 0, None
        log.warning("op %s (%s) outcome unknown; waits for a person to settle it", op.id, op.kind)
        return True

    def _held_back(
        self, connector: Connector, op: Operation, booking: Booking, report: DrainReport
    ) -> bool:
        """Taken over from a dead sender more than ``MAX_TAKEOVERS`` times: whatever sends it
        stops before an answer is stored (a crash each time). Not sent again by itself, nor
        looked up (the lookup may be what stops it); a person decides, as for an unknown
        outcome, and the rest of the connection's queue goes on."""
        name = connector.provider
        message = (
            f"FrontDesk's sync stopped {op.takeovers} times while sending this to {name}, so it "
            f"is no longer sent by itself; it may or may not have arrived. Check {name}, then "
            "settle it here: it arrived, send it again, or cancel the booking."
        )
        detail = f"{op.kind}: {HELD_BACK} {op.takeovers} times"
        self._for_a_person(op, booking, message, detail, report)
        log.error(
            "op %s (%s) taken over %d times without an answer; held back for a person",
            op.id,
            op.kind,
            op.takeovers,
        )
        return True

    def _for_a_person(
        self, op: Operation, booking: Booking, message: str, detail: str, report: DrainReport
    ) -> None:
        """``op`` waits for a person (outcome unknown), its booking flagged with ``message``."""
        flagged = booking.with_changes(
            sync_state=SyncState.OUTCOME_UNKNOWN, problem_code=UNKNOWN_CODE, problem_message=message
        )
        self.repo.sending.mark_unknown(op, flagged, detail)
        report.unknown += 1
        self._changed(report, booking.id)

    def _changed(self, report: DrainReport, booking_id: str) -> None:
        report.changed_bookings.append(booking_id)
        if self.on_change is not None:
            self.on_change(booking_id)

    def _later(
        self,
        cid: str,
        op: Operation,
        outcome: RetryLater | Ambiguous,
        report: DrainReport,
        unsent: bool = False,
    ) -> bool:
        retry_after = outcome.not_before_s if isinstance(outcome, RetryLater) else None
        # ``op.attempts``: the attempts answered before this one (a claim taken over from a
        # sender that died counts none: storage.claims), so a crash pushes nothing back
        delay = backoff_seconds(op.attempts + 1, retry_after, rng=self.rng)
        when = self.clock() + timedelta(seconds=delay)
        self.repo.sending.retry_later(op, when, outcome.reason, unsent=unsent)
        report.retrying += 1
        health = self.health[cid]
        health.online, health.last_error = False, outcome.reason
        if retry_after is None:  # not a polite "slow down": count it toward the breaker
            health.failures += 1
            if health.failures >= BREAKER_FAILURES:
                pause = min(
                    BREAKER_MAX_S, BREAKER_BASE_S * 2 ** (health.failures - BREAKER_FAILURES)
                )
                health.open_until = self.clock() + timedelta(seconds=pause)
                log.warning("connection %s looks down; not sending for %.0f s", cid, pause)
        if retry_after is not None:
            self.buckets[cid].hold(retry_after)
        log.info("op %s (%s) retry in %.1fs: %s", op.id, op.kind, delay, outcome.reason)
        return False

    @staticmethod
    def _refused_after_ambiguous(
        connector: Connector, booking: Booking, refused: Refused
    ) -> Outcome:
        """ "Slot taken" after an attempt that may have arrived: is the taker our own booking?"""
        try:
            found = connector.find_existing(booking)
        except (ApiError, BadAnswer, CannotTell):
            return refused
        if found is None:
            return refused
        log.info("refusal for %s was our own earlier attempt; accepted", booking.id)
        return Accepted(_as_ours(booking, found), replayed=True)

    @staticmethod
    def _reconcile(connector: Connector, booking: Booking) -> Outcome | Unknown | None:
        """Before resending a create that may have arrived: is it there already?

        ``None`` means send (nothing found, or the API deduplicates resends itself);
        :class:`Unknown` means no lookup can tell, so nothing is sent.
        """
        if connector.idempotent_creates:
            return None
        try:
            found = connector.find_existing(booking)
        except CannotTell as exc:
            return Unknown(str(exc))
        except ApiError as exc:  # a 429 on the lookup: its Retry-After holds for the resend
            reason = f"cannot check whether the earlier attempt arrived: {exc}"
            return RetryLater(reason, exc.not_before_s)
        except BadAnswer as exc:
            return RetryLater(f"cannot check whether the earlier attempt arrived: {exc}")
        if found is None:
            return None
        log.info("booking %s found remotely after a lost answer; not resending", booking.id)
        return Accepted(_as_ours(booking, found), replayed=True)

    @staticmethod
    def _call(connector: Connector, op: Operation, booking: Booking) -> Outcome:
        if op.kind is OperationKind.CREATE_PATIENT:
            return connector.create_patient(booking, op.idempotency_key)
        send = {
            OperationKind.CREATE: connector.create,
            OperationKind.RESCHEDULE: connector.reschedule,
            OperationKind.CANCEL: connector.cancel,
            OperationKind.SET_STATUS: connector.set_status,
        }[op.kind]
        return send(booking, op.idempotency_key)

    # -- pull ----------------------------------------------------------------------------
    def pull(self, cid: str, *, only_stale: bool = False) -> int:
        """Refresh the catalog and remote bookings of one connection, part by part
        (:mod:`frontdesk.sync.refresh`); rows changed. ``only_stale``: only the parts an
        earlier refresh could not read (all of them when none is known). Every part read is
        kept; those that failed are the health's ``stale``. Raises when nothing could be read.
        """
        connector = self.connectors[cid]
        record = next(c for c in self.repo.catalogs.connections() if c.id == cid)
        health = self.health[cid]
        stale = health.stale
        behind = [t for t in (record.last_fresh_at, stale.get(BOOKINGS)) if t is not None]
        since = min(behind) - timedelta(minutes=5) if behind else None
        today = to_local(self.clock(), self._zone(cid)).date()
        days = [today + timedelta(days=i) for i in range(-1, self.catalog_days)]
        wanted = set(stale) if only_stale and stale else None
        try:
            done = refresh(
                self.repo, cid, connector, days, since, wanted, catalog_read=cid in self._read
            )
        except (ApiError, BadAnswer) as exc:  # the key was refused
            health.online = False
            health.last_error = f"refresh failed: {exc}"
            if isinstance(exc, ApiError) and exc.credentials:  # the same words on every API
                health.paused = True
                log.warning("connection %s paused: its API key was refused", cid)
            raise
        now = self.clock()
        cached = {day_part(d) for d in days}
        health.stale = {
            part: since_at
            for part, since_at in stale.items()
            if part not in done.fetched and (part_day(part) is None or part in cached)
        }
        for part, why in done.failed.items():
            health.stale.setdefault(part, now)
            if isinstance(why, ApiError) and why.not_before_s is not None:
                self.buckets[cid].hold(why.not_before_s)  # the server asked us to wait
        if done.fetched:
            health.online = True
        if CATALOG in done.fetched:
            health.last_fresh_at = now
            self._read.add(cid)
        if not done.failed:
            if health.last_error and health.last_error.startswith("refresh failed"):
                health.last_error = None
            return done.changed
        first = next(iter(done.failed.values()))
        parts = sorted(done.failed)
        named = ", ".join(parts[:3]) + (f" and {len(parts) - 3} more" if len(parts) > 3 else "")
        health.last_error = f"refresh failed ({named}): {first}"
        log.warning("connection %s: not refreshed: %s", cid, health.last_error)
        if not done.fetched:
            health.online = False
            raise first
        return done.changed

    def _zone(self, cid: str) -> str:
        today = self.clock().date()
        return self.repo.catalogs.catalog(cid, today, today).policy.timezone

    def pending(self) -> int:
        return self.repo.outbox.pending_count()


def _as_ours(booking: Booking, found: Booking) -> Booking:
    """Our booking as the remote holds it: our id and patient details, its id and state."""
    state = found.sync_state
    if state is SyncState.PENCILLED or state is SyncState.NEEDS_ATTENTION:
        state = SyncState.CONFIRMED
    return booking.with_changes(
        remote_id=found.remote_id,
        sync_state=state,
        visit_status=found.visit_status,
        session=found.session or booking.session,
        batch=found.batch or booking.batch,
        extra={**booking.extra, **found.extra},
        problem_code=None,
        problem_message=None,
    )

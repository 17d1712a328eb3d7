"""``frontdesk sync``: drain the outbox and pull, printing progress. Safe to kill at any instant:
every step is its own transaction and every create carries its idempotency reference."""

from __future__ import annotations

import signal
import sys
import time
from types import FrameType

from frontdesk.app import sync_status
from frontdesk.app.context import AppContext
from frontdesk.app.words import counted
from frontdesk.domain.merge import CLASH_CODE
from frontdesk.providers.base import ApiError
from frontdesk.providers.http import BadAnswer

ATTENTION = "needs attention: "


def _one_pass(context: AppContext, shown: set[str] | None = None) -> bool:
    """One drain and pull. Changes whose outcome is unknown are listed (in a loop, only when
    that list changed: ``shown`` holds the last one)."""
    report = context.engine.drain()
    unknown = sync_status.unknown_lines(context)
    print(
        f"sent {report.sent}, confirmed {report.confirmed}, refused {report.refused}, "
        f"retrying {report.retrying}, pending {context.engine.pending()}"
        + (f", outcome unknown {len(unknown)}" if unknown else ""),
        flush=True,
    )
    before = None if shown is None else {x for x in shown if not x.startswith(ATTENTION)}
    if before is None or set(unknown) != before:
        for line in unknown:
            print(line, flush=True)
    ok = True
    for record in context.connections():
        if record.id not in context.connectors:
            continue
        if not context.engine.may_refresh(record.id):
            holder = context.engine.health[record.id].sent_elsewhere or "another desk"
            print(f"{record.name}: sent and refreshed by {holder}", flush=True)
            continue
        try:
            changed = context.engine.pull(record.id)
            print(f"pulled {record.name}: {changed} bookings changed", flush=True)
        except (ApiError, BadAnswer) as exc:
            print(f"pull {record.name} failed: {exc}", file=sys.stderr, flush=True)
            ok = False
    note = _attention_line(context)
    if note and (shown is None or note not in shown):
        print(note, flush=True)
    if shown is not None:
        shown.clear()
        shown.update(unknown)
        if note:
            shown.add(note)
    return ok


def _attention_line(context: AppContext) -> str:
    """How many bookings need a person (refused, or changed here and remotely at once)."""
    attention = context.repo.needs_attention(limit=10_000)
    if not attention:
        return ""
    clashes = sum(1 for b in attention if b.problem_code == CLASH_CODE)
    return (
        f"{ATTENTION}{counted(len(attention), 'booking')}, {clashes} of them changed here and in "
        "the booking system at once; settle them in the desk's sync panel"
    )


def run_sync(context: AppContext, once: bool, interval: float) -> int:
    if not context.connectors:
        print("no connections: add one with 'frontdesk connect'", file=sys.stderr)
        return 2

    def _stop(_sig: int, _frame: FrameType | None) -> None:
        context.stop.set()

    signal.signal(signal.SIGTERM, _stop)
    print(
        f"syncing {counted(len(context.connectors), 'connection')}, "
        f"{context.engine.pending()} pending",
        flush=True,
    )
    if once:
        ok = _one_pass(context)
        return 0 if ok else 1
    shown: set[str] = set()
    while not context.stop.is_set():
        _one_pass(context, shown)
        due = context.repo.next_due_at()
        wait = interval
        if due is not None:
            wait = max(0.5, min(interval, (due - context.engine.clock()).total_seconds()))
        if context.stop.wait(wait):
            break
        time.sleep(0)
    return 0

"""``frontdesk sync``: drain the outbox and pull, printing progress. Safe to kill at any instant:
every step is its own transaction and every create carries its idempotency reference."""

from __future__ import annotations

import signal
import sys
import time
from types import FrameType

from frontdesk.app.context import AppContext
from frontdesk.domain.merge import CLASH_CODE
from frontdesk.providers.base import ApiError
from frontdesk.providers.http import BadAnswer


def _one_pass(context: AppContext) -> bool:
    report = context.engine.drain()
    print(
        f"sent {report.sent}, confirmed {report.confirmed}, refused {report.refused}, "
        f"retrying {report.retrying}, pending {context.engine.pending()}",
        flush=True,
    )
    ok = True
    for record in context.connections():
        if record.id not in context.connectors:
            continue
        try:
            changed = context.engine.pull(record.id)
            print(f"pulled {record.name}: {changed} bookings changed", flush=True)
        except (ApiError, BadAnswer) as exc:
            print(f"pull {record.name} failed: {exc}", file=sys.stderr, flush=True)
            ok = False
    attention = context.repo.needs_attention(limit=10_000)
    if attention:
        clashes = sum(1 for b in attention if b.problem_code == CLASH_CODE)
        print(
            f"needs attention: {len(attention)} booking(s), {clashes} of them changed here and "
            "in the booking system at once; settle them in the desk's sync panel",
            flush=True,
        )
    return ok


def run_sync(context: AppContext, once: bool, interval: float) -> int:
    if not context.connectors:
        print("no connections: add one with 'frontdesk connect'", file=sys.stderr)
        return 2

    def _stop(_sig: int, _frame: FrameType | None) -> None:
        context.stop.set()

    signal.signal(signal.SIGTERM, _stop)
    print(
        f"syncing {len(context.connectors)} connection(s), {context.engine.pending()} pending",
        flush=True,
    )
    if once:
        ok = _one_pass(context)
        return 0 if ok else 1
    while not context.stop.is_set():
        _one_pass(context)
        due = context.repo.next_due_at()
        wait = interval
        if due is not None:
            wait = max(0.5, min(interval, (due - context.engine.clock()).total_seconds()))
        if context.stop.wait(wait):
            break
        time.sleep(0)
    return 0

"""``frontdesk sync``: drain the outbox and pull, printing progress. Safe to kill at any instant:
every step is its own transaction and every create carries its idempotency reference."""

from __future__ import annotations

import signal
import sys
from types import FrameType
from typing import TYPE_CHECKING

from frontdesk.app import sync_status
from frontdesk.app.desk import clinic_zone
from frontdesk.app.words import counted
from frontdesk.domain.merge import CLASH_CODE
from frontdesk.sync.loop import CycleReport

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

ATTENTION = "needs attention: "


def _show(context: AppContext, report: CycleReport, shown: set[str] | None = None) -> bool:
    """Print one cycle of the sync loop; False if something failed. Changes whose outcome is
    unknown are listed (in a loop, only when that list changed: ``shown`` holds the last one)."""
    ok = True
    drain = report.drain
    unknown = sync_status.unknown_lines(context)
    if drain is None:
        print(f"sending failed: {report.drain_error}", file=sys.stderr, flush=True)
        ok = False
    else:
        print(
            f"sent {drain.sent}, confirmed {drain.confirmed}, refused {drain.refused}, "
            f"retrying {drain.retrying}, pending {context.engine.pending()}"
            + (f", outcome unknown {len(unknown)}" if unknown else ""),
            flush=True,
        )
    before = None if shown is None else {x for x in shown if not x.startswith(ATTENTION)}
    if before is None or set(unknown) != before:
        for line in unknown:
            print(line, flush=True)
    for record in context.connections():
        if record.id in report.elsewhere:
            print(f"{record.name}: sent and refreshed by {report.elsewhere[record.id]}")
        elif record.id in report.pulled:
            changed = report.pulled[record.id]
            print(f"pulled {record.name}: {changed} bookings changed", flush=True)
        elif record.id in report.pull_errors:
            why = report.pull_errors[record.id]
            print(f"pull {record.name} failed: {why}", file=sys.stderr, flush=True)
            ok = False
        if record.id in report.stale:  # parts not read: kept as they were
            lines = sync_status.stale_lines(report.stale[record.id], clinic_zone(context))
            print(f"{record.name}: {' '.join(lines)}", file=sys.stderr, flush=True)
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
    loop = context.sync_loop()
    if once:  # everything refreshed, whatever its age; a server's Retry-After waited out
        loop.forced_pull_s = 0.0
        return 0 if _show(context, loop.cycle(forced=True, wait_out_limits=True)) else 1
    shown: set[str] = set()
    loop.run(interval, lambda report: _show(context, report, shown))
    return 0

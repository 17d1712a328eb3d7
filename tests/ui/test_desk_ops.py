"""The desk's change runner: a change is made off the GUI thread, in the order asked, and the
window hears its outcome (made with its record, refused with the verdicts, or failed) on the
GUI thread; the window stays responsive while a change waits (a shared store's lock, say)."""

from __future__ import annotations

import threading
import time

from frontdesk.app.booking_checks import BookingRefused
from frontdesk.domain.verdict import Verdict
from frontdesk.ui.desk_ops import DeskOps
from frontdesk.ui.main_window import MainWindow


def test_changes_are_made_off_the_gui_thread_in_order(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ops: DeskOps = window.ops
    gui = threading.get_ident()
    made_on: list[int] = []
    told: list[tuple[str, int]] = []
    booking = window.context.repo.bookings_between(*_far())[0]

    def change(n: int) -> str:
        made_on.append(threading.get_ident())
        time.sleep(0.05)  # a write waiting for another desk's
        return f"{n}"

    records: list[object] = []
    ops.applied.connect(records.append)
    for n in range(3):
        ops.run(
            lambda n=n: change(n),  # type: ignore[misc]
            lambda _r: [booking.id],
            lambda r: told.append((r, threading.get_ident())),
        )
    assert not told  # asked, not yet made: the GUI thread went on
    assert ops.wait()
    assert [r for r, _ in told] == ["0", "1", "2"]
    assert all(t == gui for _, t in told)  # told on the GUI thread
    assert made_on and all(t != gui for t in made_on)  # made on the runner's
    assert len(records) == 3 and records[0].bookings[booking.id].id == booking.id  # type: ignore[attr-defined]


def test_a_refusal_and_a_failure_are_told_not_raised(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    ops: DeskOps = window.ops
    refusals: list[BookingRefused] = []
    failures: list[BaseException] = []

    def refuse() -> None:
        raise BookingRefused([Verdict(409, "SLOT_FULL", "No remaining capacity", "start")])

    def break_down() -> None:
        raise OSError("disk full")

    ops.run(refuse, lambda _r: [], lambda _r: None, refusals.append, failures.append)
    ops.run(break_down, lambda _r: [], lambda _r: None, refusals.append, failures.append)
    assert ops.wait()
    assert [r.verdicts[0].code for r in refusals] == ["SLOT_FULL"]
    assert [str(f) for f in failures] == ["disk full"]


def _far() -> tuple[object, object]:
    from datetime import UTC, datetime

    return datetime(2000, 1, 1, tzinfo=UTC), datetime(2100, 1, 1, tzinfo=UTC)

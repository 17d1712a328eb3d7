"""When Python's cycle collector may pause the desk.

A full collection walks every tracked object (the calendar keeps tens of thousands: bookings,
blocks), holding the GIL for 50-80 ms, and a busy sync worker triggers them from its own
thread, stalling the GUI. So: once the desk is built, what exists is frozen (moved out of the
collector's view; reference counting still frees it), and full collections are run on
purpose when nobody is waiting: the worker idle and no key or click for a while. While a
key press is served (moving to a week read and laid out there and then: tens of thousands of
new objects), young-generation collections wait too, until the event loop is idle again.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

IDLE_COLLECT_S = 300.0  # a full collection at most every five quiet minutes


def hold_until_idle() -> None:
    """No cycle collection until the event loop next runs its timers (after this event and
    the paint it asks for): the new objects are then collected once, not over and over."""
    if gc.isenabled():
        gc.disable()
        QTimer.singleShot(0, gc.enable)


class CollectorPolicy(QObject):
    def __init__(self, quiet: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quiet = quiet
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setInterval(15_000)
        self._timer.timeout.connect(self._maybe_collect)

    def start(self) -> None:
        """The desk is built: freeze what it holds, then collect only when quiet."""
        gc.collect()
        gc.freeze()
        self._timer.start()

    def _maybe_collect(self) -> None:
        if time.monotonic() - self._last < IDLE_COLLECT_S or not self._quiet():
            return
        self._last = time.monotonic()
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def stop(self) -> None:
        self._timer.stop()
        gc.unfreeze()

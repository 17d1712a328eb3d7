"""What waits for the desk's first paint: the one hook (the calendar's, or on a locked desk
the lock screen's, first paint event) and the work put off until it has happened.

A start is judged by how soon the receptionist sees the week. What the first paint does not
show waits here and runs once it is on screen: the desk's own marks on the blocks, the first
full cycle collection, the sync worker. Each waits at most ``LATEST_MS`` (a window started
minimised, or a test that never shows it, still gets them).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer

LATEST_MS = 1500


def after_first_paint(
    window: Any, callback: Callable[[], None], latest_ms: int | None = None
) -> None:
    """Call ``callback`` once, when the calendar (on a locked desk: the lock screen) is first
    painted (from its paint event), or after ``latest_ms`` should it not be painted by then
    (a window started minimised)."""
    view = window.pane.current_view()
    target = view.viewport() if hasattr(view, "viewport") else view
    guard = getattr(window, "guard", None)
    if guard is not None and guard.locked:  # nobody signed in: the lock screen comes first
        target = guard.screen
    done: list[bool] = []

    def once() -> None:
        if not done:
            done.append(True)
            target.removeEventFilter(spy)
            callback()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                once()
            return False

    spy = FirstPaint(window)
    target.installEventFilter(spy)
    if latest_ms is not None:
        QTimer.singleShot(latest_ms, window, once)


class AfterFirstPaint(QObject):
    """Work the window puts off until its first paint is done (``later(job)``), run in the
    order given, each once; jobs given after that run at once."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self._jobs: list[Callable[[], None]] | None = []
        self._window = window

    def watch(self) -> None:
        """Start watching for the first paint (once the window's views and guard exist)."""
        after_first_paint(self._window, lambda: QTimer.singleShot(0, self, self.run), LATEST_MS)

    def later(self, job: Callable[[], None]) -> None:
        if self._jobs is None:
            job()
        else:
            self._jobs.append(job)

    def run(self) -> None:
        """Run what waited (the tests may call it instead of painting)."""
        jobs, self._jobs = self._jobs, None
        for job in jobs or ():
            if getattr(self._window, "_closed", False):
                return
            job()

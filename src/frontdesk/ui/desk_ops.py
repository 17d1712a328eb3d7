"""The desk's change runner: every change a receptionist makes (book, move, cancel, a status
mark, an edit, a settlement in the sync panel) runs here, off the GUI thread, one at a time and
in the order asked (Anki's collection operations).

A change is the app's use-case (judged offline, written with its outbox operation in one
transaction; on a clinic's shared store it may wait for another desk's write to the same days),
so it never freezes the window. On the runner's thread the change is made and its
:class:`~frontdesk.app.changes.ChangeRecord` read; back on the GUI thread the caller hears the
outcome (``done``, or ``refused`` with the verdicts, or ``failed``) and the window applies the
record (``applied``), the same way it applies a sync's. Dialogs keep what was typed while a
change runs and after a refusal.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Signal

from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.changes import ChangeRecord

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.ui")
T = TypeVar("T")


@dataclass
class _Job(Generic[T]):
    work: Callable[[], T]
    touched: Callable[[T], Sequence[str]]
    done: Callable[[T], None]
    refused: Callable[[BookingRefused], None] | None
    failed: Callable[[BaseException], None] | None
    expected: tuple[type[BaseException], ...] = ()
    result: Any = None
    error: BaseException | None = None
    record: ChangeRecord | None = None
    ended: threading.Event = field(default_factory=threading.Event)


class DeskOps(QObject):
    applied = Signal(object)  # ChangeRecord of a change made, on the GUI thread
    busy = Signal(bool)
    _finished = Signal(object)  # a _Job, from the runner's thread

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="frontdesk-desk-ops")
        self._running = 0
        self._finished.connect(self._deliver)  # queued: emitted on the runner's thread

    def run(
        self,
        work: Callable[[], T],
        touched: Callable[[T], Sequence[str]],
        done: Callable[[T], None],
        refused: Callable[[BookingRefused], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        expected: tuple[type[BaseException], ...] = (),
    ) -> None:
        """Make the change ``work`` off the GUI thread; then, on the GUI thread, ``done`` with
        its result (and the record of the bookings ``touched(result)`` applied), or
        ``refused`` with the refusal, or ``failed`` with what went wrong (logged, unless it is
        one of the ``expected`` answers; the caller says it in words)."""
        job: _Job[T] = _Job(work, touched, done, refused, failed, expected)
        self._running += 1
        if self._running == 1:
            self.busy.emit(True)
        self._pool.submit(self._make, job)

    def _make(self, job: _Job[Any]) -> None:
        try:
            job.result = job.work()
        except BaseException as exc:  # said on the GUI thread
            job.error = exc
        else:
            try:
                job.record = ChangeRecord.of(self.context, list(job.touched(job.result)))
            except Exception:  # the window reads what it needs itself
                log.warning("reading a change's record failed", exc_info=True)
                job.record = ChangeRecord(list(job.touched(job.result)))
        job.ended.set()
        self._finished.emit(job)

    def _deliver(self, job: _Job[Any]) -> None:
        self._running -= 1
        if self._running == 0:
            self.busy.emit(False)
        if isinstance(job.error, BookingRefused):
            if job.refused is not None:
                _tell(job.refused, job.error)
            return
        if job.error is not None:
            if not isinstance(job.error, job.expected):
                log.error("a desk change failed", exc_info=job.error)
            if job.failed is not None:
                _tell(job.failed, job.error)
            return
        if job.record is not None and (job.record.ids or job.record.topics):
            self.applied.emit(job.record)
        _tell(job.done, job.result)

    @property
    def idle(self) -> bool:
        return self._running == 0

    def wait(self, timeout_s: float = 10.0) -> bool:
        """Serve events until every change asked for has been made and told (the window
        closing, a test); False if that took longer than ``timeout_s``."""
        deadline = threading.Event()
        timer = threading.Timer(timeout_s, deadline.set)
        timer.start()
        try:
            while self._running and not deadline.is_set():
                QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
                deadline.wait(0.002)
        finally:
            timer.cancel()
        return self._running == 0

    def close(self) -> None:
        """Finish what was asked (it is the receptionist's work) and stop the runner; a change
        still waiting after 30 s (a store that does not answer) is left to end on its own, its
        transaction whole or not at all, rather than hold the desk open."""
        finished = self.wait(30.0)
        if not finished:
            log.error("a desk change was still being made when the desk closed")
        self._pool.shutdown(wait=finished)


def booking_ids(result: object) -> list[str]:
    """The booking a use-case's result names (a ``Booking``, or a ``Change`` of one)."""
    booking = getattr(result, "booking", result)
    found = getattr(booking, "id", None)
    return [found] if isinstance(found, str) else []


def _tell(callback: Callable[..., None], *args: object) -> None:
    """Tell the asker; a dialog closed meanwhile (its widgets gone) has nothing to show."""
    try:
        callback(*args)
    except RuntimeError as exc:
        if "already deleted" not in str(exc):
            raise
        log.debug("a change's asker was closed before it was told")


def ops_for(widget: QObject | None, context: AppContext) -> DeskOps:
    """The runner of the window ``widget`` belongs to (a dialog opened on its own, as in a
    test, gets one of its own)."""
    parent = widget
    while parent is not None:
        found = getattr(parent, "ops", None)
        if isinstance(found, DeskOps):
            return found
        parent = parent.parent()
    own = DeskOps(context, widget)
    if widget is not None:
        widget.ops = own  # type: ignore[attr-defined]
    return own

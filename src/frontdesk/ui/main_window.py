"""The main window: the toolbar, the calendar pane in the middle, the side panel (mini
calendar, resource filter) on the left, the details panel on the right, the sync panel below,
the status bar, and the sync worker's lifetime (a process of its own, ``sync_process``). The
menus are put together in ``window_menus``; the dialogs it opens and the day sheet are
``desk_dialogs``'.

Reads go to the local cache only; the worker does all network I/O and reports back through
signals on the GUI thread, after which the shown span is re-read without moving the scroll
position, the selection or any half-typed form. Nobody sees or changes anything until a staff
member has signed in, and the desk locks itself when idle (``desk_guard``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QWidget,
)

from frontdesk.app import sync_status
from frontdesk.app.changes import ChangeRecord
from frontdesk.app.desk import ResourceKey, monday_of
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import plural, translate
from frontdesk.ui.actions import DeskActions
from frontdesk.ui.asap_actions import install_asap_actions
from frontdesk.ui.blockout_actions import install_blockout_actions
from frontdesk.ui.calendar_pane import CalendarPane, Mode, week_label
from frontdesk.ui.columns_actions import ColumnViews, install_columns_actions
from frontdesk.ui.desk_dialogs import DeskDialogs
from frontdesk.ui.desk_guard import DeskGuard, install_actions
from frontdesk.ui.desk_marks import install_desk_day_actions
from frontdesk.ui.desk_ops import DeskOps
from frontdesk.ui.details_panel import DetailsPanelWidget
from frontdesk.ui.early_lock import place_window
from frontdesk.ui.elided_label import ElidedLabel
from frontdesk.ui.first_paint import AfterFirstPaint
from frontdesk.ui.gc_policy import CollectorPolicy
from frontdesk.ui.pinboard_dock import install_pinboard_actions
from frontdesk.ui.side_panel import SidePanelWidget
from frontdesk.ui.status_bar import ConnectionStatusBar
from frontdesk.ui.sync_panel import ATTENTION_TAB, UNKNOWN_TAB, SyncPanelWidget
from frontdesk.ui.sync_process import SyncProcess
from frontdesk.ui.window_menus import build_menus, build_toolbar
from frontdesk.ui.workers import DEFAULT_INTERVAL_MS, SyncThread

if TYPE_CHECKING:  # the dialogs are imported when first opened, not at the desk's start
    from frontdesk.app.context import AppContext
    from frontdesk.app.day_sheet import DaySheet
    from frontdesk.ui.booking_dialog import BookingDialog
    from frontdesk.ui.connections_dialog import ConnectionsDialog
    from frontdesk.ui.find_dialog import FindPatientDialog
    from frontdesk.ui.openings_dialog import OpeningsDialog

__all__ = ["MainWindow", "week_label"]

log = logging.getLogger("frontdesk.ui")


class MainWindow(QMainWindow):
    synced = Signal()  # on the GUI thread, after each sync cycle has been shown
    # put together by window_menus.build_toolbar
    today_action: QAction
    prev_action: QAction
    next_action: QAction
    week_title: QLabel
    view_actions: dict[Mode, QAction]
    find_action: QAction
    new_action: QAction
    sync_action: QAction
    status_actions: dict[VisitStatus, QAction]
    move_action: QAction
    cancel_action: QAction
    # put together by window_menus.build_menus
    file_menu: QMenu
    view_menu: QMenu
    booking_menu: QMenu
    help_menu: QMenu
    connections_action: QAction
    print_action: QAction
    pdf_action: QAction
    export_day_action: QAction
    export_week_action: QAction
    export_patient_action: QAction
    import_action: QAction
    quit_action: QAction
    shortcuts_action: QAction
    opening_action: QAction
    settings_action: QAction
    # put together by desk_guard.install_actions
    staff_action: QAction
    audit_action: QAction
    lock_action: QAction
    # put together by columns_actions.install_columns_actions
    column_views: ColumnViews
    columns_action: QAction
    shortcuts_dialog: QDialog | None = None

    def __init__(
        self,
        context: AppContext,
        *,
        sync_interval_ms: int = DEFAULT_INTERVAL_MS,
        start_sync: bool = True,
        sync_thread: bool = False,
    ) -> None:
        super().__init__()
        self.context = context
        self._closed = False
        # what the build reads of the store waits for it where the context opens it later
        self._store_ready = context.store_open
        self._when_open: list[Callable[[], None]] = []
        self._topic_readers: dict[str, list[Callable[[], None]]] = {}
        self.setWindowTitle("FrontDesk")
        self.setAccessibleName("FrontDesk")
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks)
        self._settings = QSettings(
            str(context.paths.config_dir / "window.ini"), QSettings.Format.IniFormat
        )
        # the desk's changes are made off the GUI thread; their records come back here
        self.ops = DeskOps(context, self)
        self.ops.applied.connect(self._on_desk_record)
        self.dialogs = DeskDialogs(self)
        self.first_paint = AfterFirstPaint(self)  # what the first paint need not wait for
        self._attention = 0
        self._unknown = 0
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.setInterval(1000)

        self.pane = CalendarPane(context, self)
        self.setCentralWidget(self.pane)
        self.week_view = self.pane.week_view
        self.day_view = self.pane.day_view
        self.pane.selectionChanged.connect(self._selection_changed)
        self.pane.bookingActivated.connect(self._booking_activated)
        self.pane.slotActivated.connect(self._slot_activated)
        self.pane.shownChanged.connect(self._shown_changed)
        self.actions_ = DeskActions(context, self)
        self.actions_.changed.connect(self._show_changed)
        self.actions_.notice.connect(lambda text: self.statusBar().showMessage(text, 10_000))
        self.actions_.sendSoon.connect(self.sync_now)
        for grid in (self.pane.day_view, self.pane.week_view):
            grid.move_check = self._move_reasons
            grid.moveRequested.connect(self.actions_.move)
            grid.moveRefused.connect(
                lambda _id, why: self.statusBar().showMessage(
                    translate("MainWindow", "Not moved: {why}").format(why=why), 10_000
                )
            )

        self._build_docks()
        build_toolbar(self)
        build_menus(self)
        install_actions(self)
        install_asap_actions(self)  # Booking ▸ ASAP list (F9), and filling a freed slot
        install_desk_day_actions(self)  # confirmation list (F7), waiting room (F8), marks
        install_blockout_actions(self)
        install_columns_actions(self)
        self.status = ConnectionStatusBar(context, self)
        self.status.openSyncPanel.connect(lambda: self.show_sync_panel())
        self.setStatusBar(self.status)

        # the sync worker: a process of its own (the paint never waits for a drain's CPU),
        # or, for tests that drive the desk's own engine, a thread of this process
        self.sync: SyncProcess | SyncThread
        if sync_thread:
            self.sync = SyncThread(context, sync_interval_ms)
        else:
            self.sync = SyncProcess(context, sync_interval_ms)
            self.sync.notice.connect(lambda text: self.statusBar().showMessage(text, 15_000))
            self.sync.connectorsRebuilt.connect(lambda: self.status.refresh())
        self.sync.worker.changed.connect(self._on_changed)
        self.sync.worker.health.connect(self._on_health)
        self.sync.worker.busy.connect(self._on_busy)
        install_pinboard_actions(self)  # the pinboard dock, Ctrl+X and Ctrl+3

        self._restore_geometry()
        if not self._store_ready:  # painted first: the span's frame on the clinic's clock
            self.pane.show_frame()
            self._shown_changed(self.pane.span_title())
        self.when_store_open(self._first_fill)
        self.when_store_open(self.status.refresh)
        self.when_store_open(self._count_problems)
        self._busy = False
        self.collector = CollectorPolicy(lambda: not self._busy and self.isActiveWindow(), self)
        self.first_paint.later(self.collector.start)
        # locked until someone signs in (a demo's administrator, or the tests', already has)
        self.guard = DeskGuard(self)
        self.first_paint.watch()
        if start_sync:
            self.sync.start()
        from frontdesk.ui.about_action import install_about_action

        self.about_action = install_about_action(self, context.paths)  # Help → About FrontDesk

    # -- building ------------------------------------------------------------------------
    def when_store_open(self, job: Callable[[], None]) -> None:
        """Run ``job`` (a read of the store the window's build needs) now, or, where the
        context's store is opened after the window (the demo's start: ``ui.launch``), once
        :meth:`store_opened` is told; in the order asked either way."""
        if self._store_ready:
            job()
        else:
            self._when_open.append(job)

    def store_opened(self) -> None:
        """The context's store is open: do what the build put off, in its order (nothing once
        the window is closed)."""
        if self._closed:
            return
        self.context.open_store()
        self._store_ready = True
        waiting, self._when_open = self._when_open, []
        for job in waiting:
            if self._closed:
                return
            job()

    def _first_fill(self) -> None:
        if self.context.staff.signed_in:  # the week is what the first paint shows
            self._fill_calendar()
        else:  # the lock screen is: the week is read once it is on screen, long before a PIN
            self.first_paint.later(self._fill_calendar)

    def _count_problems(self) -> None:
        self._attention = sync_status.attention_count(self.context)
        self._unknown = sync_status.unknown_count(self.context)

    def _fill_calendar(self) -> None:
        """Read the shown span into the calendar and the side panel's columns."""
        self.pane.refresh()
        self.side.set_resources(self.pane.all_resources)
        self._shown_changed()
        self.pane.week_view.scroll_to_hour(8)
        self.pane.day_view.scroll_to_hour(8)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.addDockWidget(area, dock)
        return dock

    def _build_docks(self) -> None:
        self.side = SidePanelWidget(self)
        self.side.dayPicked.connect(lambda d: self.pane.show_day(d))
        self.side.filterChanged.connect(
            lambda: self.pane.set_filter(frozenset(self.side.hidden_keys()))
        )
        self.side.perResourceChanged.connect(self.pane.set_per_resource)
        self.side_dock = self._dock(
            translate("Docks", "Calendar"), "side", self.side, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.details = DetailsPanelWidget(self.context, self)
        self.details.statusRequested.connect(self.actions_.set_status)
        self.details.moveRequested.connect(self.actions_.open_move)
        self.details.cancelRequested.connect(self.actions_.open_cancel)
        self.details.viewed.connect(lambda b: self.dialogs.opened(b, "the details panel"))
        self.details_dock = self._dock(
            translate("Docks", "Appointment"),
            "details",
            self.details,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.details_dock.setMinimumWidth(260)
        self.sync_panel = SyncPanelWidget(self.context, self)
        self.sync_panel.changed.connect(self._show_changed)  # its record applied already
        self.sync_panel.showBooking.connect(self._show_booking_id)
        self.sync_panel.sendSoon.connect(self.sync_now)
        self.sync_dock = self._dock(
            translate("Docks", "Sync"),
            "sync",
            self.sync_panel,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.sync_dock.hide()  # opened from the status bar, the View menu, or a refusal
        self._panel_timer.timeout.connect(self.sync_panel.refresh)

    # -- navigation ----------------------------------------------------------------------
    @property
    def monday(self) -> date:
        return monday_of(self.pane.day)

    @property
    def zone(self) -> str:
        return self.pane.zone

    def go_to_week(self, monday: date) -> None:
        self.pane.show_day(monday, Mode.WEEK if self.pane.mode is Mode.MONTH else None)

    def go_to_today(self) -> None:
        self.pane.today()

    def previous_week(self) -> None:
        self.pane.step(-1)

    def next_week(self) -> None:
        self.pane.step(1)

    def show_booking(self, booking: Booking) -> None:
        """Go to the booking's day, select it and scroll it into view."""
        local_day = to_local(booking.start, self.zone).date()
        if self.pane.mode is Mode.MONTH:
            self.pane.set_mode(Mode.WEEK)
        if local_day != self.pane.day:
            self.pane.show_day(local_day)
        self.pane.select_booking(booking.id, ensure_visible=True)

    def _shown_changed(self, title: str | None = None) -> None:
        """Say what is shown: the title (``title``, else the pane's, which names the column
        view), the view's button, the day in the mini calendar."""
        self.week_title.setText(self.pane.title() if title is None else title)
        self.view_actions[self.pane.mode].setChecked(True)
        self.side.set_day(self.pane.day)

    # -- data ----------------------------------------------------------------------------
    def refresh(self, background: bool = False) -> None:
        """Re-read what is shown from the cache; keeps scroll position and selection.
        ``background``: the calendar is re-read off the GUI thread (after a pull)."""
        if self._closed:
            return
        self.pane.refresh(background)
        self.side.set_resources(self.pane.all_resources)
        self.details.refresh()
        self.status.refresh()
        self._refresh_sync_panel()

    def apply_changes(
        self, booking_ids: list[str], record: ChangeRecord | None = None, *, at_once: bool = False
    ) -> None:
        """Bookings changed (a sync, a desk action): refresh what they touch, nothing more.
        A ``record`` carries what changed, so nothing is read here. ``at_once``: a person's
        change, so the sync panel shows it now (a drain's records refresh it once a second)."""
        if self._closed:
            return
        self.pane.apply_changes(booking_ids, record.bookings if record else None)
        if self.details.booking is not None and self.details.booking.id in booking_ids:
            self.details.refresh()
        unknown = record.unknown if record else None
        self.status.refresh(record.pending if record else None, unknown)
        self._refresh_sync_panel(
            record.attention if record else None,
            throttle=bool(record) and not at_once,
            unknown=sum(unknown.values()) if unknown is not None else None,
        )

    def _refresh_sync_panel(
        self, attention: int | None = None, throttle: bool = False, unknown: int | None = None
    ) -> None:
        attention_before, unknown_before = self._attention, self._unknown
        if self.sync_dock.isVisible():
            if throttle:
                self._panel_timer.start()  # at most once a second while a drain reports
            else:
                self.sync_panel.refresh()
        if attention is None:
            attention = sync_status.attention_count(self.context)
        if unknown is None:
            unknown = sync_status.unknown_count(self.context)
        self._attention, self._unknown = attention, unknown
        if attention > attention_before and not self.sync_dock.isVisible():
            if unknown > unknown_before:
                said = plural(
                    "MainWindow",
                    "%n booking(s) sent without an answer, and the booking system cannot be "
                    "asked whether they arrived: settle them in the sync panel.",
                    unknown,
                )
                self.statusBar().showMessage(said, 15000)
                self.show_sync_panel(tab=UNKNOWN_TAB)
            else:
                said = plural(
                    "MainWindow",
                    "%n booking(s) need attention: the booking system refused them.",
                    attention - unknown,
                )
                self.statusBar().showMessage(said, 15000)
                self.show_sync_panel(tab=ATTENTION_TAB)

    def show_sync_panel(self, tab: int = 0) -> None:
        guard = getattr(self, "guard", None)
        if guard is not None and guard.locked:  # it lists patients: not on a locked desk
            return
        if not self.sync_dock.isVisible():
            self.sync_dock.show()
            # a third of the window at most: the calendar stays the main thing
            height = max(200, self.height() // 3)
            self.resizeDocks([self.sync_dock], [height], Qt.Orientation.Vertical)
        self.sync_dock.raise_()
        self.sync_panel.tabs.setCurrentIndex(tab)
        self.sync_panel.refresh()  # visible now: it works out the nearest openings too

    def _selection_changed(self, booking_id: str) -> None:
        self.details.show_booking(booking_id or None)

    def _move_reasons(
        self, booking_id: str, start: datetime, resource: ResourceKey | None
    ) -> list[str]:
        from frontdesk.app.booking_checks import BookingRefused
        from frontdesk.domain.verdict import Severity
        from frontdesk.ui.wording import plain_message

        try:
            verdicts = self.context.booking.check_reschedule(
                booking_id, start, resource[1] if resource else None
            )
        except BookingRefused as refused:
            verdicts = refused.verdicts
        return [plain_message(v) for v in verdicts if v.severity is Severity.ERROR]

    # -- actions -------------------------------------------------------------------------
    @Slot()
    def sync_now(self) -> None:
        self.sync.sync_now()

    def _selected(self) -> str | None:
        return self.pane.selected

    def _status_key(self, status: VisitStatus) -> None:
        booking_id = self._selected()
        if booking_id:
            self.actions_.set_status(booking_id, status)

    def _move_selected(self) -> None:
        if self._selected():
            self.actions_.open_move(self._selected() or "")

    def _cancel_selected(self) -> None:
        if self._selected():
            self.actions_.open_cancel(self._selected() or "")

    def on_topic(self, topic: str, reread: Callable[[], None]) -> None:
        """Call ``reread`` (on the GUI thread) whenever the desk-local records of ``topic``
        change, at this desk or another desk of a shared store, or anything may have."""
        self._topic_readers.setdefault(topic, []).append(reread)

    def _tell_topics(self, topics: Iterable[str] | None) -> None:
        """Tell the readers of ``topics`` (None: of every topic) to re-read."""
        names = list(self._topic_readers) if topics is None else topics
        for name in names:
            for reread in self._topic_readers.get(name, []):
                reread()

    def _on_desk_record(self, record: ChangeRecord) -> None:
        if self._closed:
            return
        self._tell_topics(record.topics)
        if not record.only_topics:
            self.apply_changes(record.ids, record, at_once=True)

    def _show_changed(self, booking_id: str) -> None:
        """A desk change was made (its record already applied): show the booking."""
        self.details.refresh()
        booking = self.context.reads.booking(booking_id)
        if booking is not None and booking.active:
            self.show_booking(booking)

    def new_booking(
        self, start: datetime | None = None, resource: ResourceKey | None = None
    ) -> BookingDialog:
        """Open the booking dialog (window-modal, non-blocking); returns it."""
        return self.dialogs.new_booking(start, resource)

    def _slot_activated(self, start: datetime, resource: ResourceKey | None) -> None:
        self.new_booking(start, resource)

    @property
    def open_dialogs(self) -> list[QDialog]:
        return self.dialogs.open

    def find_patient(self) -> FindPatientDialog:
        return self.dialogs.find_patient()

    def find_opening(self) -> OpeningsDialog:
        """Open "Find an opening" (window-modal, non-blocking); returns it."""
        return self.dialogs.find_opening()

    def open_connections(self) -> ConnectionsDialog | None:
        return self.dialogs.open_connections()

    def day_sheet(self) -> DaySheet:
        return self.dialogs.day_sheet()

    def print_day_sheet(self) -> None:
        self.dialogs.print_day_sheet()

    def save_day_sheet(self, path: Path | None = None) -> Path | None:
        """Save the shown day's sheet as a PDF (asks where, unless ``path`` is given)."""
        return self.dialogs.save_day_sheet(path)

    def _show_booking_id(self, booking_id: str) -> None:
        booking = self.context.reads.booking(booking_id)
        if booking is not None:
            self.show_booking(booking)

    def _booking_activated(self, booking_id: str) -> None:
        """Enter or a double-click on an appointment: its own window (an active one), the
        details panel, and what needs a look in the status bar."""
        self.pane.select_booking(booking_id)
        self.details_dock.show()
        self.details_dock.raise_()
        booking = self.context.reads.booking(booking_id)
        if booking is not None and booking.active:
            self.dialogs.open_appointment(booking)
        if booking is not None and booking.problem_message:
            head = (
                translate("MainWindow", "Outcome unknown: {why}")
                if booking.sync_state is SyncState.OUTCOME_UNKNOWN
                else translate("MainWindow", "Needs attention: {why}")
            )
            self.statusBar().showMessage(head.format(why=booking.problem_message), 15000)

    # -- worker signals ------------------------------------------------------------------
    @Slot(object)
    def _on_changed(self, record: ChangeRecord) -> None:
        if self._closed:
            return
        if record.only_topics:  # another desk changed desk-local records
            self._tell_topics(record.topics)
            return
        if not record.ids:  # a refresh from the remote: anything may have changed
            self._tell_topics(None)
            self.refresh(background=True)
            return
        self._tell_topics(record.topics)
        self.apply_changes(record.ids, record)

    @Slot(object)
    def _on_health(self, health: dict[str, dict[str, Any]]) -> None:
        if self._closed:
            return
        self.status.set_health(health)
        self.synced.emit()

    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        if self._closed:
            return
        self._busy = busy
        self.sync_action.setEnabled(not busy)
        self.status.set_busy(busy)

    # -- lifetime ------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self._settings.value("main/geometry")
        state = self._settings.value("main/state")
        if state is not None:
            self.restoreState(state)
        mode = self._settings.value("main/mode")
        if mode is not None and str(mode).isdigit() and int(str(mode)) in list(Mode):
            self.pane.mode = Mode(int(str(mode)))
            self.pane.stack.setCurrentIndex(self.pane.mode)
        place_window(self, geometry)

    def shutdown(self) -> None:
        """Stop the worker and remember the geometry; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self.guard.stop()
        self._settings.setValue("main/geometry", self.saveGeometry())
        if not self.guard.locked:  # a locked window's panels are hidden, not closed
            self._settings.setValue("main/state", self.saveState())
        self._settings.setValue("main/mode", int(self.pane.mode))
        self._settings.sync()
        self.ops.close()  # what the receptionist asked for is made before the desk stops
        self.pane.stop_reading()
        self.collector.stop()
        self.sync.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.guard.locked and self.open_dialogs:  # nobody may discard someone's form
            event.ignore()
            self.guard.screen.say(
                translate("MainWindow", "Sign in first: a form is still open on this desk.")
            )
            return
        for dialog in list(self.open_dialogs):
            if not dialog.close():  # the receptionist chose to keep editing
                event.ignore()
                return
        self.shutdown()
        super().closeEvent(event)

    # -- for tests and keyboard macros ---------------------------------------------------
    @property
    def connection_labels(self) -> dict[str, ElidedLabel]:
        return self.status.connection_labels

    @property
    def pending_label(self) -> ElidedLabel:
        return self.status.pending_label

    @property
    def fresh_label(self) -> ElidedLabel:
        return self.status.fresh_label

    def shown_day(self) -> date:
        return self.pane.day

    def step_days(self, days: int) -> None:
        self.pane.show_day(self.pane.day + timedelta(days=days))


def _counts() -> None:  # for lupdate: the counted sentences (never called)
    translate(
        "MainWindow",
        "%n booking(s) sent without an answer, and the booking system cannot be "
        "asked whether they arrived: settle them in the sync panel.",
        None,
        1,
    )
    translate(
        "MainWindow", "%n booking(s) need attention: the booking system refused them.", None, 1
    )

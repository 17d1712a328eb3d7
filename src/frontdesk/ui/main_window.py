"""The main window: week navigation, the week view, new bookings, and the sync status.

Owns the controller side of the week view (what week, which data) and the sync worker's
lifetime. Reads go to the local cache only; the worker does all network I/O and reports back
through queued signals, after which the shown week is re-read without moving the scroll
position or the selection.
"""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar, QWidget

from frontdesk.app.context import AppContext
from frontdesk.app.desk import clinic_zone, monday_of, today_in, week_data
from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import to_local
from frontdesk.ui.booking_dialog import BookingDialog
from frontdesk.ui.week_view import WeekView
from frontdesk.ui.workers import DEFAULT_INTERVAL_MS, SyncThread

log = logging.getLogger("frontdesk.ui")

ONLINE = "#1e8e3e"
OFFLINE = "#c5221f"
PAUSED = "#b06000"
UNKNOWN = "#80868b"


def week_label(monday: date) -> str:
    """``17 – 23 November 2025``; months and years only where they differ."""
    sunday = monday + timedelta(days=6)
    if monday.year != sunday.year:
        return f"{monday.day} {monday:%b %Y} – {sunday.day} {sunday:%b %Y}"
    if monday.month != sunday.month:
        return f"{monday.day} {monday:%b} – {sunday.day} {sunday:%b %Y}"
    return f"{monday.day} – {sunday.day} {sunday:%B %Y}"


class MainWindow(QMainWindow):
    synced = Signal()  # on the GUI thread, after each sync cycle has been shown

    def __init__(
        self,
        context: AppContext,
        *,
        sync_interval_ms: int = DEFAULT_INTERVAL_MS,
        start_sync: bool = True,
    ) -> None:
        super().__init__()
        self.context = context
        self._closed = False
        self._health: dict[str, dict[str, Any]] = {}
        self._syncing = False
        self.setWindowTitle("FrontDesk")
        self.setAccessibleName("FrontDesk")
        self._settings = QSettings(
            str(context.paths.config_dir / "window.ini"), QSettings.Format.IniFormat
        )
        self.zone = clinic_zone(context)

        self.week_view = WeekView(self)
        self.week_view.set_zone(self.zone)
        self.setCentralWidget(self.week_view)
        self.week_view.slotActivated.connect(self.new_booking)
        self.week_view.bookingActivated.connect(self._booking_activated)

        self._build_toolbar()
        self._build_status_bar()
        self.open_dialogs: list[BookingDialog] = []

        self.sync = SyncThread(context, sync_interval_ms)
        self.sync.worker.changed.connect(self._on_changed)
        self.sync.worker.health.connect(self._on_health)
        self.sync.worker.busy.connect(self._on_busy)

        self.go_to_week(monday_of(today_in(self.zone)))
        self._restore_geometry()
        if start_sync:
            self.sync.start()
        from frontdesk.ui.about_dialog import install_about_action

        self.about_action = install_about_action(self, context.paths)  # Help → About FrontDesk

    # -- building ------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar("Navigation", self)
        bar.setObjectName("navigation")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.setAccessibleName("Navigation")
        self.addToolBar(bar)

        def action(text: str, name: str, tip: str, slot: Any, keys: Any = None) -> QAction:
            act = QAction(text, self)
            act.setToolTip(tip)
            act.setStatusTip(tip)
            if keys is not None:
                act.setShortcuts(keys if isinstance(keys, list) else [keys])
                act.setToolTip(f"{tip} ({QKeySequence(act.shortcut()).toString()})")
            act.triggered.connect(slot)
            bar.addAction(act)
            widget = bar.widgetForAction(act)
            if widget is not None:
                widget.setAccessibleName(name)
                widget.setObjectName(name.replace(" ", "_").lower())
            return act

        self.today_action = action(
            "Today", "Today", "Go to this week", self.go_to_today, QKeySequence("Ctrl+T")
        )
        self.prev_action = action(
            "◀", "Previous week", "Previous week", self.previous_week, QKeySequence("Alt+Left")
        )
        self.next_action = action(
            "▶", "Next week", "Next week", self.next_week, QKeySequence("Alt+Right")
        )
        self.week_title = QLabel(self)
        self.week_title.setAccessibleName("Shown week")
        font = self.week_title.font()
        font.setPointSizeF(font.pointSizeF() + 2)
        font.setBold(True)
        self.week_title.setFont(font)
        self.week_title.setContentsMargins(12, 0, 12, 0)
        bar.addWidget(self.week_title)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.new_action = action(
            "New booking",
            "New booking",
            "Book an appointment",
            lambda: self.new_booking(None),
            QKeySequence.StandardKey.New,
        )
        self.sync_action = action(
            "Sync now",
            "Sync now",
            "Send waiting bookings and refresh the calendars now",
            self.sync_now,
            QKeySequence("F5"),
        )

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        status.setSizeGripEnabled(True)
        self.connection_labels: dict[str, QLabel] = {}
        for record in self.context.connections():
            label = QLabel(self)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAccessibleName(f"Connection {record.name}")
            label.setContentsMargins(6, 0, 6, 0)
            self.connection_labels[record.id] = label
            status.addPermanentWidget(label)
            self._paint_connection(record.id, record.name, None)
        self.pending_label = QLabel(self)
        self.pending_label.setAccessibleName("Waiting to sync")
        self.pending_label.setContentsMargins(6, 0, 6, 0)
        status.addPermanentWidget(self.pending_label)
        self.fresh_label = QLabel(self)
        self.fresh_label.setAccessibleName("Calendar last refreshed")
        self.fresh_label.setContentsMargins(6, 0, 6, 0)
        status.addPermanentWidget(self.fresh_label)

    # -- navigation ----------------------------------------------------------------------
    @property
    def monday(self) -> date:
        return self.week_view.monday

    def go_to_week(self, monday: date) -> None:
        self.week_view.set_week(monday)
        self.week_title.setText(week_label(self.week_view.monday))
        self.refresh()

    def go_to_today(self) -> None:
        self.go_to_week(monday_of(today_in(self.zone)))

    def previous_week(self) -> None:
        self.go_to_week(self.monday - timedelta(days=7))

    def next_week(self) -> None:
        self.go_to_week(self.monday + timedelta(days=7))

    def show_booking(self, booking: Booking) -> None:
        """Go to the booking's week, select it and scroll it into view."""
        local_day = to_local(booking.start, self.zone).date()
        if monday_of(local_day) != self.monday:
            self.go_to_week(monday_of(local_day))
        self.week_view.select_booking(booking.id, ensure_visible=True)

    # -- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the shown week from the cache; keeps scroll position and selection."""
        if self._closed:
            return
        data = week_data(self.context, self.week_view.monday)
        if data.zone != self.zone:
            self.zone = data.zone
            self.week_view.set_zone(self.zone)
        self.week_view.set_windows(data.windows)
        self.week_view.set_bookings(data.bookings, data.services, data.resources)
        self._update_status()

    def _update_status(self) -> None:
        pending = self.context.repo.pending_count()
        if pending == 0:
            text = "All bookings synced"
        elif pending == 1:
            text = "1 waiting to sync"
        else:
            text = f"{pending} waiting to sync"
        if self._syncing:
            text += " · syncing…"
        self.pending_label.setText(text)
        fresh: datetime | None = None
        for record in self.context.connections():
            candidates = [
                record.last_fresh_at,
                self._health.get(record.id, {}).get("last_fresh_at"),
            ]
            for value in candidates:
                if value is not None and (fresh is None or value < fresh):
                    fresh = value
        if fresh is None:
            self.fresh_label.setText("Calendar not refreshed yet")
        else:
            local = to_local(fresh, self.zone)
            when = (
                f"{local:%H:%M}" if local.date() == today_in(self.zone) else f"{local:%d %b %H:%M}"
            )
            self.fresh_label.setText(f"Calendar refreshed {when}")

    def _paint_connection(self, cid: str, name: str, health: dict[str, Any] | None) -> None:
        label = self.connection_labels.get(cid)
        if label is None:
            return
        if health is None:
            color, words = UNKNOWN, "connecting…"
        elif health.get("paused"):
            color, words = PAUSED, "paused: check the API key"
        elif health.get("online"):
            color, words = ONLINE, "online"
        else:
            color, words = OFFLINE, "offline: bookings wait here"
        label.setText(f"<span style='color:{color}'>●</span> {_esc(name)}: {words}")
        label.setAccessibleDescription(f"{name}: {words}")
        error = (health or {}).get("last_error")
        label.setToolTip(error or "")

    # -- actions -------------------------------------------------------------------------
    @Slot()
    def sync_now(self) -> None:
        self.sync.sync_now()

    def new_booking(self, start: datetime | None = None) -> BookingDialog:
        """Open the booking dialog (window-modal, non-blocking); returns it."""
        dialog = BookingDialog(self.context, self, start)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.booked.connect(self._on_booked)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        self.open_dialogs.append(dialog)
        dialog.open()
        return dialog

    def _forget(self, dialog: BookingDialog) -> None:
        if dialog in self.open_dialogs:
            self.open_dialogs.remove(dialog)

    @Slot(object)
    def _on_booked(self, booking: Booking) -> None:
        self.refresh()
        self.show_booking(booking)
        self.statusBar().showMessage("Booking saved at this desk; it will be sent shortly.", 8000)
        self.sync_now()

    def _booking_activated(self, booking_id: str) -> None:
        booking = self.context.repo.booking(booking_id)
        if booking is None:
            return
        self.week_view.select_booking(booking_id)
        message = booking.problem_message or ""
        if message:
            self.statusBar().showMessage(f"Needs attention: {message}", 15000)

    # -- worker signals ------------------------------------------------------------------
    @Slot(object)
    def _on_changed(self, booking_ids: list[str]) -> None:
        if not self._closed:
            self.refresh()

    @Slot(object)
    def _on_health(self, health: dict[str, dict[str, Any]]) -> None:
        if self._closed:
            return
        self._health = health
        names = {r.id: r.name for r in self.context.connections()}
        for cid, state in health.items():
            self._paint_connection(cid, names.get(cid, cid), state)
        self._update_status()
        self.synced.emit()

    @Slot(bool)
    def _on_busy(self, busy: bool) -> None:
        if self._closed:
            return
        self._syncing = busy
        self.sync_action.setEnabled(not busy)
        self._update_status()

    # -- lifetime ------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self._settings.value("main/geometry")
        if geometry is not None and self.restoreGeometry(geometry):
            return
        self.resize(1280, 800)

    def shutdown(self) -> None:
        """Stop the worker and remember the geometry; safe to call twice."""
        if self._closed:
            return
        self._closed = True
        self._settings.setValue("main/geometry", self.saveGeometry())
        self._settings.sync()
        self.sync.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        for dialog in list(self.open_dialogs):
            if not dialog.close():  # the receptionist chose to keep editing
                event.ignore()
                return
        self.shutdown()
        super().closeEvent(event)


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

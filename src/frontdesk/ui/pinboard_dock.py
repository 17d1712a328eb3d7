"""The pinboard dock: appointments cut from the calendar (Ctrl+X) wait here, still booked at
their own time, until they are dropped on another day (dragged from the dock onto the grid,
or a slot clicked on the grid and "Place here"). A drop is a move judged exactly as a drag on
the grid is (the window's ``_move_reasons``, the same words); a refused drop says why and
leaves the appointment pinned. The pinboard lives in the store (``app.pinboard``), so it
survives closing the desk and every desk of a shared store shows the same one (topic
``"pinboard"``). A pinned appointment cancelled meanwhile falls off, with a sentence.
Ctrl+3 shows or hides the dock.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QMimeData, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app import pinboard
from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.changes import ChangeRecord
from frontdesk.app.desk import ResourceKey
from frontdesk.domain import dates
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.ui.desk_ops import ops_for
from frontdesk.ui.grid_layout import GridColumn
from frontdesk.ui.wording import plain_message

if TYPE_CHECKING:
    from frontdesk.ui.main_window import MainWindow

log = logging.getLogger("frontdesk.ui")
MIME = "application/x-frontdesk-pin"
ID_ROLE = Qt.ItemDataRole.UserRole
STAYS = QT_TRANSLATE_NOOP(
    "PinboardDock",
    "A pinned appointment stays booked at its own time until you place it: drag it onto "
    "the calendar, or click a free time there and press Place here.",
)
Where = GridColumn | ResourceKey | None  # where a pin is put: a grid's column, or a resource
OTHER_SYSTEM = QT_TRANSLATE_NOOP(
    "PinboardDock",
    "An appointment cannot move to another booking system; book it there and cancel this one.",
)


def touched(booking_id: str) -> list[str]:
    """What a pinboard change touched: the booking, and the pinboard's topic."""
    return [booking_id, "#" + pinboard.TOPIC]


class PinList(QListWidget):
    """The pinned appointments; an item drags out as the booking's id."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setDragDropMode(QListWidget.DragDropMode.DragOnly)
        self.setAccessibleName(translate("PinboardDock", "Pinned appointments"))
        self.setWordWrap(True)

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, items: Any) -> QMimeData:
        data = QMimeData()
        if items:
            data.setData(MIME, QByteArray(str(items[0].data(ID_ROLE)).encode()))
        return data


class PinboardWidget(QWidget):
    """The dock's content: the list, the picked slot, Place here / Put back / Show."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.context = window.context
        self.slot: tuple[datetime, Where] | None = None
        self._dropping: set[str] = set()  # fallen pins being taken off
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.intro = QLabel(translate("PinboardDock", STAYS), self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.list = PinList(self)
        layout.addWidget(self.list, 1)
        self.slot_label = QLabel(
            translate("PinboardDock", "No free time picked on the calendar yet."), self
        )
        self.slot_label.setWordWrap(True)
        self.slot_label.setAccessibleName(translate("PinboardDock", "Picked time"))
        layout.addWidget(self.slot_label)
        row = QHBoxLayout()
        self.place_button = QPushButton(translate("PinboardDock", "&Place here"), self)
        self.place_button.setToolTip(
            translate("PinboardDock", "Move the chosen pinned appointment to the picked time")
        )
        self.back_button = QPushButton(translate("PinboardDock", "Put &back"), self)
        self.back_button.setToolTip(
            translate("PinboardDock", "Take it off the pinboard; it stays at its own time")
        )
        self.show_button = QPushButton(translate("PinboardDock", "S&how"), self)
        self.show_button.setToolTip(translate("PinboardDock", "Go to where it is booked now"))
        for button in (self.place_button, self.back_button, self.show_button):
            row.addWidget(button)
        layout.addLayout(row)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("PinboardDock", "Pinboard messages"))
        layout.addWidget(self.message)
        self.place_button.clicked.connect(self.place_here)
        self.back_button.clicked.connect(self.put_back)
        self.show_button.clicked.connect(self.show_chosen)
        self.list.currentItemChanged.connect(lambda *_: self._enable())
        self.list.itemActivated.connect(lambda _i: self.show_chosen())
        window.when_store_open(self.reread)

    # -- reading ---------------------------------------------------------------------------
    def pinned_ids(self) -> list[str]:
        found = (self.list.item(i).data(ID_ROLE) for i in range(self.list.count()))
        return [str(i) for i in found if i]

    def reread(self) -> None:
        """Read the pinboard again (a change here or at another desk)."""
        chosen = self.chosen()
        items, fallen = pinboard.read(self.context)
        zone = self.window_.zone
        # rebuilt without its signals: clear() would hand the current-item slot items being
        # deleted (a crash seen under load); the buttons are set once at the end
        blocked = self.list.blockSignals(True)
        try:
            self._fill(items, chosen, zone)
        finally:
            self.list.blockSignals(blocked)
        fresh = [f for f in fallen if f.booking_id not in self._dropping]
        if fresh:
            self.say(" ".join(f.words for f in fresh))
            self._drop_fallen(fresh)
        self._enable()

    def _fill(self, items: list[pinboard.PinnedItem], chosen: str | None, zone: str) -> None:
        self.list.clear()
        for item in items:
            b = item.booking
            text = translate(
                "PinboardDock",
                "{patient} · {service} · {provider} · {minutes} min\n    still booked at {when}",
            ).format(
                patient=b.patient_name,
                service=item.service,
                provider=item.provider,
                minutes=item.minutes,
                when=item.original(zone),
            )
            row = QListWidgetItem(text, self.list)
            row.setData(ID_ROLE, b.id)
            row.setToolTip(
                translate("PinboardDock", "Pinned by {who} at {desk}").format(
                    who=item.pin.pinned_by, desk=item.pin.desk
                )
            )
            if b.id == chosen:
                self.list.setCurrentItem(row)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        if not items:
            empty = QListWidgetItem(
                translate(
                    "PinboardDock", "Nothing on the pinboard. Ctrl+X cuts the selected appointment."
                ),
                self.list,
            )
            empty.setFlags(Qt.ItemFlag.NoItemFlags)

    def _drop_fallen(self, fallen: list[pinboard.FellOff]) -> None:
        self._dropping.update(f.booking_id for f in fallen)

        def done(_ids: list[str]) -> None:
            self._dropping.difference_update(f.booking_id for f in fallen)

        ops_for(self.window_, self.context).run(
            lambda: pinboard.drop_fallen(self.context, fallen),
            lambda _r: ["#" + pinboard.TOPIC],
            done,
            failed=lambda _e: self._dropping.difference_update(f.booking_id for f in fallen),
        )

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        found = item.data(ID_ROLE) if item is not None else None
        return str(found) if found else None

    def _enable(self) -> None:
        pinned = self.pinned_ids()
        if self.list.currentItem() is None and len(pinned) == 1:  # the one pin: the chosen
            blocked = self.list.blockSignals(True)
            self.list.setCurrentRow(0)
            self.list.blockSignals(blocked)
        has = self.chosen() is not None
        self.place_button.setEnabled(has and self.slot is not None)
        self.back_button.setEnabled(has)
        self.show_button.setEnabled(has)

    def say(self, words: str) -> None:
        self.message.setText(words)

    def pick_slot(self, start: datetime, column: Where, title: str = "") -> None:
        """A free time clicked on the calendar: where Place here puts the chosen pin."""
        self.slot = (start, column)
        resource = column.resource if isinstance(column, GridColumn) else column
        where = f" · {title}" if title and resource is not None else ""
        local = to_local(start, self.window_.zone)
        self.slot_label.setText(
            translate("PinboardDock", "Picked: {when}").format(when=dates.moment(local)) + where
        )
        self._enable()

    # -- changes ---------------------------------------------------------------------------
    def cut(self, booking_id: str) -> None:
        """Put ``booking_id`` on the pinboard (it stays booked where it is)."""

        def done(booking: Any) -> None:
            when = f"{dates.moment(to_local(booking.start, self.window_.zone))}"
            words = translate(
                "PinboardDock",
                "{patient} is on the pinboard; still booked at {when} until you place it.",
            ).format(patient=booking.patient_name, when=when)
            self.say(words)
            self.window_.statusBar().showMessage(words, 10_000)
            dock = self.parentWidget()
            if dock is not None:
                dock.show()
                dock.raise_()

        ops_for(self.window_, self.context).run(
            lambda: pinboard.pin(self.context, booking_id),
            lambda _b: touched(booking_id),
            done,
            self._refused(translate("PinboardDock", "Not pinned")),
        )

    def cut_selected(self) -> None:
        selected = self.window_._selected()
        if selected:
            self.cut(selected)
        else:
            self.window_.statusBar().showMessage(
                translate(
                    "PinboardDock",
                    "Select an appointment on the calendar first, then Ctrl+X pins it.",
                ),
                8000,
            )

    def target(self, booking_id: str, where: Where) -> ResourceKey | None:
        """The resource a pin placed in ``where`` goes to: a grid's column says it as a drag
        does (in a clinic's column, the booking's own resource or its booking system's one
        there, ``GridColumn.move_target``); None: the booking's own."""
        if not isinstance(where, GridColumn):
            return where
        booking = self.context.reads.booking(booking_id)
        return where.move_target(booking) if booking is not None else where.resource

    def reasons(self, booking_id: str, start: datetime, where: Where) -> str:
        """Why dropping ``booking_id`` there is refused ("" if it is not): a drag's words."""
        booking = self.context.reads.booking(booking_id)
        resource = self.target(booking_id, where)
        if booking is not None and resource is not None and resource[0] != booking.connection_id:
            return translate("PinboardDock", OTHER_SYSTEM)
        return " ".join(self.window_._move_reasons(booking_id, start, resource))

    def drop(self, booking_id: str, start: datetime, where: Where) -> bool:
        """Place ``booking_id`` at ``start`` in ``where`` (a grid's column, or a resource):
        judged like a drag; refused, it stays pinned."""
        resource = self.target(booking_id, where)
        why = self.reasons(booking_id, start, resource)
        if why:
            self.say(
                translate("PinboardDock", "Not moved: {why} It stays on the pinboard.").format(
                    why=why
                )
            )
            self.window_.statusBar().showMessage(
                translate("PinboardDock", "Not moved: {why}").format(why=why), 10_000
            )
            return False
        resource_id = resource[1] if resource is not None else None

        def done(change: Any) -> None:
            self.say(translate("PinboardDock", "Placed; it is off the pinboard."))
            self.window_.statusBar().showMessage(
                translate("PinboardDock", "Appointment moved."), 10_000
            )
            self.window_.sync_now()
            self.window_.show_booking(change.booking)

        ops_for(self.window_, self.context).run(
            lambda: pinboard.place(self.context, booking_id, start, resource_id),
            lambda _c: touched(booking_id),
            done,
            self._refused(
                translate("PinboardDock", "Not moved"),
                translate("PinboardDock", " It stays on the pinboard."),
            ),
        )
        return True

    def place_here(self) -> bool:
        chosen = self.chosen()
        if chosen is None or self.slot is None:
            return False
        return self.drop(chosen, *self.slot)

    def put_back(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        ops_for(self.window_, self.context).run(
            lambda: pinboard.put_back(self.context, chosen),
            lambda _b: touched(chosen),
            lambda _b: self.say(
                translate("PinboardDock", "Taken off the pinboard; it stays at its own time.")
            ),
            self._refused(translate("PinboardDock", "Not changed")),
        )

    def show_chosen(self) -> None:
        chosen = self.chosen()
        booking = self.context.reads.booking(chosen) if chosen else None
        if booking is not None:
            self.window_.show_booking(booking)

    def _refused(self, head: str, tail: str = "") -> Any:
        def refused(refusal: BookingRefused) -> None:
            words = " ".join(plain_message(v) for v in refusal.verdicts)
            self.say(f"{head}: {words}{tail}")
            self.window_.statusBar().showMessage(f"{head}: {words}", 10_000)

        return refused


def install_pinboard_actions(window: MainWindow) -> None:
    """The pinboard dock (View ▸ Pinboard, Ctrl+3) and Booking ▸ Cut to pinboard (Ctrl+X)."""
    from frontdesk.ui.pinboard_drops import GridDrops
    from frontdesk.ui.window_menus import make_action

    board = PinboardWidget(window)
    window.pinboard = board  # type: ignore[attr-defined]
    dock = window._dock(
        translate("PinboardDock", "Pinboard"),
        "pinboard",
        board,
        Qt.DockWidgetArea.RightDockWidgetArea,
    )
    window.pinboard_dock = dock  # type: ignore[attr-defined]
    dock.hide()  # opened by Ctrl+3, or when something is cut to it
    toggle = dock.toggleViewAction()
    toggle.setShortcut(QKeySequence("Ctrl+3"))
    toggle.setStatusTip(
        translate("Menus", "Show or hide the {panel} panel").format(
            panel=dock.windowTitle().lower()
        )
    )
    window.addAction(toggle)
    window.view_menu.addAction(toggle)
    window.cut_action = make_action(  # type: ignore[attr-defined]
        window,
        translate("Menus", "Cu&t to pinboard"),
        translate(
            "Menus",
            "Pin the selected appointment, to place it on another day (it stays booked until then)",
        ),
        lambda _checked=False: board.cut_selected(),
        [QKeySequence("Ctrl+X")],
    )
    window.booking_menu.addAction(window.cut_action)  # type: ignore[attr-defined]
    window.drops = [GridDrops(g, board) for g in (window.pane.day_view, window.pane.week_view)]  # type: ignore[attr-defined]
    window.on_topic(pinboard.TOPIC, board.reread)

    def on_record(record: ChangeRecord) -> None:  # a pinned booking cancelled: it falls off
        if not record.ids or set(record.ids) & set(board.pinned_ids()):
            board.reread()

    window.ops.applied.connect(on_record)
    window.sync.worker.changed.connect(on_record)

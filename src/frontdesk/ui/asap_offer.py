"""Filling a freed slot from the ASAP list, and the ASAP keys.

Whenever bookings change (a change at this desk, a sync, another desk of a shared store) the
desk reads the slots freed since it last looked (``app.asap``; the store notes them, whoever
freed them) and, when one suits patients on the list, shows them in the "Fill a freed slot"
panel at the side of the calendar, nearest first: the panel appears without taking the focus
from whatever the receptionist is typing, and the status bar says so once. "Book" (Enter)
books the chosen patient there through the normal booking path, or moves the booking they
hold (a booking on another booking system than the slot's cannot move there: it is
cancelled in the new booking's own transaction, both queued or neither); the entry then leaves
the list. "Not now" puts the slot aside.
Offers are worked out again when the list or the bookings change, so a slot another desk
filled drops out. A locked desk shows none of it (the panel is a dock, hidden with the others).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app import asap
from frontdesk.app.asap_words import cause_words, names, slot_words, when_words, wishes
from frontdesk.app.booking_checks import BookingRefused
from frontdesk.app.changes import ChangeRecord
from frontdesk.domain import dates
from frontdesk.domain.asap import FreedSlot
from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import utc_now
from frontdesk.domain.translation import plural, translate
from frontdesk.domain.verdict import Severity
from frontdesk.ui.desk_ops import ops_for
from frontdesk.ui.wording import plain_message


def _counts() -> None:  # for lupdate: the counted sentences (never called)
    translate("AsapOffer", "%n freed slot(s)", None, 1)
    translate(
        "AsapOffer",
        "%n patient(s) on the ASAP list who could take it, nearest first (the earliest "
        "“until”, then the longest waiting).",
        None,
        1,
    )
    translate("AsapOffer", "A freed slot: %n patient(s) on the ASAP list could take it.", None, 1)


if TYPE_CHECKING:
    from frontdesk.ui.main_window import MainWindow


def replaces_words() -> str:
    """What booking an offer does to the later booking the patient holds elsewhere."""
    return translate(
        "AsapOffer",
        "Holds a later booking on another booking system: Book books this slot, then cancels "
        "that booking (a booking cannot move between booking systems).",
    )


OFFER_ROLE = Qt.ItemDataRole.UserRole


class OffersPanel(QWidget):
    """The offers of freed slots: a slot's line, then its patients, nearest first."""

    def __init__(self, watch: AsapWatch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.watch = watch
        layout = QVBoxLayout(self)
        self.title = QLabel("", self)
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.list = QTreeWidget(self)
        self.list.setHeaderLabels(
            [
                translate("AsapOffer", "Patient"),
                translate("AsapOffer", "Phone"),
                translate("AsapOffer", "Until"),
            ]
        )
        self.list.setAccessibleName(
            translate("AsapOffer", "Patients on the ASAP list the freed slot suits")
        )
        self.list.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # never takes the focus itself
        self.list.itemActivated.connect(lambda _i, _c: self.book())
        self.list.setMinimumHeight(90)
        layout.addWidget(self.list, 1)
        self.detail = QLabel("", self)
        self.detail.setWordWrap(True)
        self.detail.setAccessibleName(translate("AsapOffer", "The chosen offer"))
        layout.addWidget(self.detail)
        row = QHBoxLayout()
        self.book_button = QPushButton(translate("AsapOffer", "&Book"), self)
        self.book_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.book_button.clicked.connect(self.book)
        self.dismiss_button = QPushButton(translate("AsapOffer", "Not now"), self)
        self.dismiss_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.dismiss_button.clicked.connect(self.dismiss)
        row.addWidget(self.book_button)
        row.addWidget(self.dismiss_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.list.currentItemChanged.connect(self._chosen)
        # as wide as the side panels already are: it never narrows the calendar
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def show_offers(self, offers: list[asap.Offer]) -> None:
        keep = self.current()
        context = self.watch.context
        found, zone = names(context), context.clinic_zone
        self.list.clear()
        slots: dict[int, QTreeWidgetItem] = {}
        for offer in offers:
            head = slots.get(offer.slot.id)
            if head is None:
                words = slot_words(offer.slot, found, zone)
                cause = cause_words(offer.slot.cause)
                head = QTreeWidgetItem(
                    [f"{when_words(offer.slot, zone)} ({cause})"]
                )  # words: translated
                head.setToolTip(0, words)
                head.setData(0, OFFER_ROLE, words)
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.list.addTopLevelItem(head)
                head.setFirstColumnSpanned(True)
                slots[offer.slot.id] = head
            entry = offer.entry
            item = QTreeWidgetItem(
                head,
                [entry.patient_name, entry.patient_phone, dates.day_month(entry.until)],
            )
            item.setData(0, OFFER_ROLE, offer)
            item.setData(1, OFFER_ROLE, slot_words(offer.slot, found, zone))
            if offer.move:
                item.setToolTip(
                    0, translate("AsapOffer", "Holds a later booking: Book moves it here")
                )
            elif offer.replaces:
                item.setToolTip(0, replaces_words())
            if keep is not None and (keep.slot.id, keep.entry.id) == (offer.slot.id, entry.id):
                self.list.setCurrentItem(item)
        self.list.expandAll()
        for column in range(2):
            self.list.resizeColumnToContents(column)
        if self.list.currentItem() is None and offers:
            first = slots[offers[0].slot.id].child(0)
            if first is not None:
                self.list.setCurrentItem(first)
        patients = len({o.entry.id for o in offers})
        if not offers:
            self.title.setText(translate("AsapOffer", "No freed slot to fill just now."))
            self._chosen()
            return
        self.title.setText(
            plural("AsapOffer", "%n freed slot(s)", len(slots))
            + ", "
            + plural(
                "AsapOffer",
                "%n patient(s) on the ASAP list who could take it, nearest first (the earliest "
                "“until”, then the longest waiting).",
                patients,
            )
        )
        self._chosen()

    def current(self) -> asap.Offer | None:
        item = self.list.currentItem()
        found = item.data(0, OFFER_ROLE) if item is not None else None
        return found if isinstance(found, asap.Offer) else None

    def _chosen(self, *_args: object) -> None:
        offer = self.current()
        item = self.list.currentItem()
        if offer is not None and item is not None:
            entry = offer.entry
            lines = [
                str(item.data(1, OFFER_ROLE)),
                translate("AsapOffer", "{patient} can come {wishes}").format(
                    patient=entry.patient_name, wishes=wishes(entry)
                ),
            ]
            if entry.note:
                lines.append(translate("AsapOffer", "Note: {note}").format(note=entry.note))
            if offer.move:
                lines.append(
                    translate(
                        "AsapOffer", "Holds a later booking: it is moved here, not booked twice."
                    )
                )
            elif offer.replaces:
                lines.append(replaces_words())
            lines.extend(offer.risks)
            self.detail.setText("\n".join(lines))
        else:
            self.detail.setText("")
        self.book_button.setEnabled(offer is not None and not self.watch.booking)
        self.book_button.setText(
            translate("AsapOffer", "&Move here")
            if offer is not None and offer.move
            else translate("AsapOffer", "&Book")
        )

    def book(self) -> None:
        offer = self.current()
        if offer is not None:
            self.watch.take(offer)

    def dismiss(self) -> None:
        item = self.list.currentItem()
        offer = self.current()
        slot_id = offer.slot.id if offer is not None else None
        child = item.child(0) if item is not None and item.childCount() else None
        if slot_id is None and child is not None:
            found = child.data(0, OFFER_ROLE)
            slot_id = found.slot.id if isinstance(found, asap.Offer) else None
        if slot_id is None and self.watch.offers:
            slot_id = self.watch.offers[0].slot.id
        if slot_id is not None:
            self.watch.dismiss(slot_id)


class AsapWatch(QObject):
    """Reads the freed slots as bookings change and keeps the offers panel up to date."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.last_id: int | None = None  # read once the store is open (``_start``)
        window.when_store_open(self._start)
        self.slots: list[FreedSlot] = []
        self.offers: list[asap.Offer] = []
        self.booking = False
        self._dismissed: set[int] = set()
        self.panel = OffersPanel(self, window)
        self.dock = QDockWidget(translate("AsapOffer", "Fill a freed slot"), window)
        self.dock.setObjectName("asap_offers")
        self.dock.setAccessibleName(translate("AsapOffer", "Fill a freed slot"))
        self.dock.setWidget(self.panel)
        self.dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable
            | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        self.dock.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(250)  # a drain's records come in bursts: look once
        self._soon.timeout.connect(self.refresh)
        window.ops.applied.connect(self._changed)
        window.on_topic(asap.TOPIC, self.refresh)
        QTimer.singleShot(0, self, self._window_built)

    def _start(self) -> None:
        """Once the store is open: what frees from now on is offered."""
        self.last_id = asap.last_freed(self.context)

    def _window_built(self) -> None:
        """The sync worker and the lock are made after the menus: listen to them now."""
        window = self.window
        window.sync.worker.changed.connect(self._changed)
        guard = getattr(window, "guard", None)
        if guard is not None:
            guard.screen.signedIn.connect(self.refresh)  # what came while it was locked

    @Slot(object)
    def _changed(self, _record: ChangeRecord) -> None:
        if not getattr(self.window, "_closed", False):
            self._soon.start()

    def refresh(self) -> None:
        """Read what freed since the last look and work the offers out again."""
        if getattr(self.window, "_closed", False):  # the desk is closing: its store too
            self._soon.stop()
            return
        if self.last_id is None:  # not started yet: only what frees from then on is offered
            return
        context = self.context
        fresh = asap.freed_since(context, self.last_id)
        if fresh:
            self.last_id = fresh[-1].id
        now = utc_now()
        self.slots = [s for s in self.slots if s.end > now] + fresh
        kept = self._kept()
        if not kept and not self.offers:
            return  # nothing freed, nothing shown: the list need not be read
        self.show(asap.offers(context, kept))
        new = {s.id for s in fresh}
        patients = len({o.entry.id for o in self.offers if o.slot.id in new})
        if patients:
            self.window.statusBar().showMessage(
                plural(
                    "AsapOffer",
                    "A freed slot: %n patient(s) on the ASAP list could take it.",
                    patients,
                ),
                15_000,
            )

    def _kept(self) -> list[FreedSlot]:
        return [s for s in self.slots if s.id not in self._dismissed]

    def show(self, offers: list[asap.Offer]) -> None:
        self.offers = offers
        guard = getattr(self.window, "guard", None)
        if guard is not None and guard.locked:
            return  # nothing of a patient on a locked desk; shown again when unlocked
        self.panel.show_offers(offers)
        if offers and not self.dock.isVisible():
            focused = self.window.focusWidget()
            self.dock.show()  # beside the calendar: it takes no focus
            height = max(240, self.window.height() // 2)
            self.window.resizeDocks([self.dock], [height], Qt.Orientation.Vertical)
            if focused is not None:
                focused.setFocus()
        elif not offers and self.dock.isVisible():
            self.dock.hide()

    def dismiss(self, slot_id: int) -> None:
        self._dismissed.add(slot_id)
        self.show([o for o in self.offers if o.slot.id != slot_id])

    def take(self, offer: asap.Offer) -> None:
        """Book (or move) the offer on the change runner, with every offline check."""
        context = self.context
        self.booking = True
        self.panel._chosen()
        self.panel.message.setText(translate("AsapOffer", "Booking…"))

        def done(booking: Booking) -> None:
            self.booking = False
            said = (
                translate("AsapOffer", "{patient} moved; it will be sent shortly.")
                if offer.move
                else translate(
                    "AsapOffer",
                    "{patient} booked, and their later booking cancelled; both will be sent "
                    "shortly.",
                )
                if offer.replaces
                else translate("AsapOffer", "{patient} booked; it will be sent shortly.")
            )
            self.panel.message.setText(said.format(patient=booking.patient_name))
            status = (
                translate("AsapOffer", "From the ASAP list: {patient} moved.")
                if offer.move
                else translate("AsapOffer", "From the ASAP list: {patient} booked.")
            )
            self.window.statusBar().showMessage(status.format(patient=booking.patient_name), 10_000)
            self.window.show_booking(booking)
            self.window.sync_now()
            self.refresh()

        def refused(refusal: BookingRefused) -> None:
            self.booking = False
            errors = [v for v in refusal.verdicts if v.severity is Severity.ERROR]
            words = " ".join(plain_message(v) for v in errors or refusal.verdicts)
            self.panel.message.setText(
                translate("AsapOffer", "Not booked: {why}").format(why=words)
            )
            self.refresh()

        def failed(_why: BaseException) -> None:
            self.booking = False
            self.panel.message.setText(
                translate("AsapOffer", "Not booked: the desk could not save it; try again.")
            )
            self.panel._chosen()

        ops_for(self.window, context).run(
            lambda: asap.take(context, offer),
            lambda b: [b.id, *([offer.replaces] if offer.replaces else []), "#" + asap.TOPIC],
            done,
            refused,
            failed,
        )

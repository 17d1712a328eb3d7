"""The ASAP list's menu entries: Booking ▸ ASAP list… (F9), Put on the ASAP list… (the
selected appointment's patient wants an earlier time: the entry remembers the booking), and
Fill a freed slot (the offers panel, ``asap_offer``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from frontdesk.app import asap
from frontdesk.domain.translation import translate
from frontdesk.ui.asap_offer import AsapWatch

if TYPE_CHECKING:
    from frontdesk.ui.asap_window import AsapListDialog
    from frontdesk.ui.main_window import MainWindow


def install_asap_actions(window: MainWindow) -> None:
    """Booking ▸ ASAP list… (F9) and Put on the ASAP list… (the selected booking's patient,
    who wants an earlier time), and the watch that offers freed slots."""
    from frontdesk.ui.window_menus import make_action

    window.asap_watch = AsapWatch(window)  # type: ignore[attr-defined]
    window.asap_action = make_action(  # type: ignore[attr-defined]
        window,
        translate("AsapActions", "&ASAP list…"),
        translate("AsapActions", "Patients who want an earlier time; add, edit, remove"),
        lambda _checked=False: open_asap_list(window),
        [QKeySequence("F9")],
    )
    window.asap_put_action = make_action(  # type: ignore[attr-defined]
        window,
        translate("AsapActions", "&Put on the ASAP list…"),
        translate("AsapActions", "The selected appointment's patient wants an earlier time"),
        lambda _checked=False: put_on_asap_list(window),
    )
    menu = window.booking_menu
    menu.addSeparator()
    menu.addAction(window.asap_action)  # type: ignore[attr-defined]
    menu.addAction(window.asap_put_action)  # type: ignore[attr-defined]
    menu.addAction(window.asap_watch.dock.toggleViewAction())  # type: ignore[attr-defined]


def open_asap_list(window: MainWindow) -> AsapListDialog:
    """The ASAP list window (one per desk, beside the calendar, not modal)."""
    from frontdesk.ui.asap_window import AsapListDialog

    found = getattr(window, "asap_list", None)
    if isinstance(found, AsapListDialog) and found.isVisible():
        found.raise_()
        found.activateWindow()
        return found
    dialog = AsapListDialog(window.context, window)
    window.asap_list = dialog  # type: ignore[attr-defined]
    if not getattr(window, "_asap_list_reader", False):
        window.on_topic(asap.TOPIC, lambda: _reread_list(window))
        window._asap_list_reader = True  # type: ignore[attr-defined]
    dialog.show()
    return dialog


def _reread_list(window: MainWindow) -> None:
    dialog = getattr(window, "asap_list", None)
    try:
        if dialog is not None and dialog.isVisible():
            dialog.reread()
    except RuntimeError:  # closed and deleted
        window.asap_list = None  # type: ignore[attr-defined]


def put_on_asap_list(window: MainWindow) -> QWidget | None:
    """The form of a new entry for the selected appointment's patient, remembering it."""
    booking_id = window.pane.selected
    booking = window.context.reads.booking(booking_id) if booking_id else None
    if booking is None or not booking.active:
        window.statusBar().showMessage(
            translate(
                "AsapActions", "Select the patient's appointment first, then Put on the ASAP list."
            ),
            8000,
        )
        return None
    dialog = open_asap_list(window)
    return dialog.add(asap.form_of_booking(window.context, booking))

"""The dialogs the main window opens and keeps track of (booking, find a patient, find an
opening, connections, export, import, staff, audit trail), and the day sheet of the shown
day, to the printer or to a PDF.

Each dialog is window-modal but does not block; the open ones are listed so that closing the
window can ask each first (a half-typed booking is never lost silently). The connections,
clinic settings, staff and the audit trail are an administrator's (``DeskGuard.admit``); an
appointment's own window and a printed day sheet are recorded in the audit trail.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from frontdesk.app import audit
from frontdesk.app.desk import ResourceKey, resource_key
from frontdesk.app.patients import Patient
from frontdesk.domain.booking import Booking
from frontdesk.domain.translation import plural, translate

if TYPE_CHECKING:  # each dialog (and the day sheet) is imported when first opened
    from frontdesk.app.day_sheet import DaySheet
    from frontdesk.app.exports import Kind
    from frontdesk.app.openings import Opening
    from frontdesk.ui.appointment_dialog import AppointmentDialog
    from frontdesk.ui.audit_dialog import AuditDialog
    from frontdesk.ui.booking_dialog import BookingDialog
    from frontdesk.ui.connections_dialog import ConnectionsDialog
    from frontdesk.ui.export_dialog import ExportDialog
    from frontdesk.ui.find_dialog import FindPatientDialog
    from frontdesk.ui.import_dialog import ImportDialog
    from frontdesk.ui.main_window import MainWindow
    from frontdesk.ui.openings_dialog import OpeningsDialog
    from frontdesk.ui.settings_dialog import SettingsDialog
    from frontdesk.ui.staff_dialog import StaffDialog

log = logging.getLogger("frontdesk.ui")


class DeskDialogs(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.context = window.context
        self.open: list[QDialog] = []

    def _keep(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.open.append(dialog)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if dialog in self.open:
            self.open.remove(dialog)

    def new_booking(
        self, start: datetime | None = None, resource: ResourceKey | None = None
    ) -> BookingDialog:
        from frontdesk.ui.booking_dialog import BookingDialog

        dialog = BookingDialog(self.context, self.window, start, resource)
        dialog.booked.connect(self._booked)
        self._keep(dialog)
        return dialog

    def _booked(self, booking: Booking) -> None:
        window = self.window  # its record was applied as the change was made
        window.show_booking(booking)
        window.statusBar().showMessage(
            translate("DeskDialogs", "Booking saved at this desk; it will be sent shortly."), 8000
        )
        window.sync_now()

    def find_patient(self) -> FindPatientDialog:
        from frontdesk.ui.find_dialog import FindPatientDialog

        dialog = FindPatientDialog(self.context, self.window)
        dialog.bookingChosen.connect(self.window._show_booking_id)
        dialog.bookFor.connect(self._book_for)
        self._keep(dialog)
        return dialog

    def _book_for(self, patient: Patient) -> None:
        self.new_booking().use_patient(patient)

    def open_appointment(self, booking: Booking) -> AppointmentDialog:
        """The appointment's own window, where what its booking system allows is changed."""
        from frontdesk.ui.appointment_dialog import AppointmentDialog

        dialog = AppointmentDialog(self.context, booking, self.window)
        dialog.changed.connect(self._appointment_changed)
        self._keep(dialog)
        self.opened(booking.id, "the appointment's window")
        return dialog

    def opened(self, booking_id: str, where: str) -> None:
        """A patient's details were opened: into the audit trail (never stopping the desk)."""
        try:
            audit.opened(self.context, booking_id, where)
        except Exception:
            log.exception("the audit trail could not record an opening")

    def _appointment_changed(self, booking: Booking) -> None:
        window = self.window  # its record was applied as the change was made
        window.show_booking(booking)
        window.statusBar().showMessage(
            translate("DeskDialogs", "Changes saved at this desk; they will be sent shortly."), 8000
        )
        window.sync_now()

    def clinic_settings(self) -> SettingsDialog | None:
        from frontdesk.ui.settings_dialog import SettingsDialog

        if not self.window.guard.admit("change the clinic's settings"):
            return None
        dialog = SettingsDialog(self.context, self.window)
        dialog.saved.connect(self._settings_saved)
        dialog.setProperty("adminOnly", True)
        self._keep(dialog)
        return dialog

    def _settings_saved(self, _settings: object) -> None:
        self.window.guard.set_idle_seconds(self.context.settings.idle_lock_minutes * 60)
        self.window.refresh()  # the new clock

    def staff(self) -> StaffDialog | None:
        """File ▸ Staff (an administrator's): add, reset a PIN, disable."""
        from frontdesk.ui.staff_dialog import StaffDialog

        if not self.window.guard.admit("manage staff"):
            return None
        dialog = StaffDialog(self.context, self.window)
        self._keep(dialog)
        return dialog

    def audit_trail(self) -> AuditDialog | None:
        """File ▸ Audit trail (an administrator's)."""
        from frontdesk.ui.audit_dialog import AuditDialog

        if not self.window.guard.admit("read the audit trail"):
            return None
        dialog = AuditDialog(self.context, self.window)
        self._keep(dialog)
        return dialog

    def find_opening(self) -> OpeningsDialog:
        from frontdesk.ui.openings_dialog import OpeningsDialog

        dialog = OpeningsDialog(self.context, self.window)
        dialog.chosen.connect(self.book_opening)
        self._keep(dialog)
        return dialog

    def book_opening(self, opening: Opening) -> BookingDialog:
        """The booking dialog on a found opening: its service, place and time filled in."""
        dialog = self.new_booking(opening.start, (opening.connection_id, opening.resource_id))
        dialog.select_service(opening.service_id)
        dialog.use_opening(opening)
        return dialog

    def open_connections(self) -> ConnectionsDialog | None:
        from frontdesk.ui.connections_dialog import ConnectionsDialog

        if not self.window.guard.admit("change the connections"):
            return None
        dialog = ConnectionsDialog(self.context, self.window)
        dialog.setProperty("adminOnly", True)
        dialog.connectionsChanged.connect(self._connections_changed)
        self._keep(dialog)
        return dialog

    def _connections_changed(self) -> None:
        self.window.sync.reload_connectors()
        self.window.refresh()

    def day_sheet(self) -> DaySheet:
        from frontdesk.app.day_sheet import day_sheet

        pane = self.window.pane  # the view's columns, named and ordered as the day view has them
        return day_sheet(self.context, pane.day, pane.hidden, pane.shown_resources())

    def print_day_sheet(self) -> None:
        from frontdesk.ui.day_sheet import print_sheet

        sheet = self.day_sheet()
        if print_sheet(sheet, self.window):
            self._printed(sheet, "to the printer")
            self.window.statusBar().showMessage(
                translate("DeskDialogs", "Day sheet sent to the printer."), 8000
            )

    def _printed(self, sheet: DaySheet, how: str) -> None:
        try:
            audit.printed(self.context, sheet, how)
        except Exception:
            log.exception("the audit trail could not record a printed day sheet")

    def save_day_sheet(self, path: Path | None = None) -> Path | None:
        if path is None:
            from frontdesk.app.day_sheet import file_name as day_sheet_file_name

            chosen, _ = QFileDialog.getSaveFileName(
                self.window,
                translate("DeskDialogs", "Save the day sheet as PDF"),
                str(Path.home() / day_sheet_file_name(self.window.pane.day)),
                translate("DeskDialogs", "PDF files (*.pdf)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        from frontdesk.ui.day_sheet import save_pdf

        sheet = self.day_sheet()
        save_pdf(sheet, path)
        self._printed(sheet, f"as a PDF ({path.name})")
        said = (
            translate(
                "DeskDialogs", "Day sheet saved to {path} ({count} not yet synced, marked ✎)."
            )
            if sheet.unsynced
            else translate("DeskDialogs", "Day sheet saved to {path}.")
        )
        self.window.statusBar().showMessage(said.format(path=path, count=sheet.unsynced), 10_000)
        return path

    # -- files in and out -----------------------------------------------------------------
    def export(self, kind: Kind = "day") -> ExportDialog:
        """File > Export: the shown day, the shown week of the selected appointment's column
        (else the first shown one), or the selected appointment's patient."""
        from frontdesk.ui.export_dialog import ExportDialog

        pane = self.window.pane
        selected = self.context.repo.booking(pane.selected) if pane.selected else None
        shown = [r.key for r in pane.shown_resources() if r.keys]  # the clinic's columns
        column = resource_key(selected) if selected else (shown[0] if shown else None)
        patient = ""
        if selected is not None:
            patient = selected.patient_phone or selected.patient_name
        dialog = ExportDialog(
            self.context,
            self.window,
            kind,
            pane.day,
            pane.hidden,
            column,
            patient,
        )
        dialog.exported.connect(self._exported)
        self._keep(dialog)
        return dialog

    def _exported(self, path: Path, count: int) -> None:
        self.window.statusBar().showMessage(
            plural("DeskDialogs", "%n appointment(s) exported to {path}.", count).format(path=path),
            10_000,
        )

    def import_bookings(self) -> ImportDialog:
        """File > Import bookings: a CSV file, checked and shown before anything is queued."""
        from frontdesk.ui.import_dialog import ImportDialog

        dialog = ImportDialog(self.context, self.window)
        dialog.queued.connect(self._imported)
        self._keep(dialog)
        return dialog

    def _imported(self, report: object, path: Path) -> None:
        from frontdesk.app.importer import ImportReport

        assert isinstance(report, ImportReport)
        window = self.window
        refused = (
            plural(
                "DeskDialogs",
                "; %n row(s) refused as the calendar stands now",
                len(report.problems),
            )
            if report.problems
            else ""
        )
        window.refresh()
        window.statusBar().showMessage(
            plural(
                "DeskDialogs",
                "%n booking(s) queued from {file}{refused}; they will be sent shortly.",
                report.written,
            ).format(file=path.name, refused=refused),
            10_000,
        )
        window.sync_now()


def _counts() -> None:  # for lupdate: the counted sentences (never called)
    translate("DeskDialogs", "%n appointment(s) exported to {path}.", None, 1)
    translate("DeskDialogs", "; %n row(s) refused as the calendar stands now", None, 1)
    translate(
        "DeskDialogs",
        "%n booking(s) queued from {file}{refused}; they will be sent shortly.",
        None,
        1,
    )

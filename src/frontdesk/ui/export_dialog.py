"""File > Export day / week / patient's appointments: what to export (a day, a provider's week,
a patient's appointments), as iCalendar or CSV, how many appointments that is and who the file
names, then a save dialog. The work is ``app.exports`` and ``app.export_files``'."""

from __future__ import annotations

import html
import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app import audit, export_files, exports
from frontdesk.app.columns import column_of
from frontdesk.app.desk import ResourceKey
from frontdesk.app.patients import Patient, find_patients
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, plural, translate
from frontdesk.ui.i18n import date_format, keep_years
from frontdesk.ui.theme import mark_hint

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.ui")

KINDS: dict[exports.Kind, str] = {
    "day": QT_TRANSLATE_NOOP("Export", "A &day's appointments"),
    "week": QT_TRANSLATE_NOOP("Export", "A provider's &week"),
    "patient": QT_TRANSLATE_NOOP("Export", "A &patient's appointments"),
}
WHO: dict[exports.Kind, str] = {
    "day": QT_TRANSLATE_NOOP(
        "Export", "The file names each patient, with phone and email (a day list)."
    ),
    "week": QT_TRANSLATE_NOOP(
        "Export", "No patient is named: when, what and where only, for the provider's own calendar."
    ),
    "patient": QT_TRANSLATE_NOOP(
        "Export", "For the patient: their name, service and place; no desk notes."
    ),
}
FILTERS = {
    "ics": QT_TRANSLATE_NOOP("Export", "iCalendar files (*.ics)"),
    "csv": QT_TRANSLATE_NOOP("Export", "CSV files (*.csv)"),
}


class ExportDialog(QDialog):
    exported = Signal(object, int)  # the file written, how many appointments

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        kind: exports.Kind = "day",
        day: date | None = None,
        hidden: frozenset[ResourceKey] = frozenset(),
        column: ResourceKey | None = None,
        patient: str = "",
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.hidden = hidden
        self.setWindowTitle(translate("Export", "Export appointments"))
        self.setAccessibleName(translate("Export", "Export appointments"))
        layout = QVBoxLayout(self)

        box = QGroupBox(translate("Export", "What to export"), self)
        row = QHBoxLayout(box)
        self.kind_group = QButtonGroup(self)
        self.kinds: dict[exports.Kind, QRadioButton] = {}
        for key, words in KINDS.items():
            text = translate("Export", words)
            button = QRadioButton(text, box)
            button.setAccessibleName(text.replace("&", ""))
            self.kind_group.addButton(button)
            self.kinds[key] = button
            row.addWidget(button)
        layout.addWidget(box)

        self.form = QFormLayout()
        layout.addLayout(self.form)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat(date_format())
        keep_years(self.day)
        self.day.setAccessibleName(translate("Export", "Day"))
        shown = day or date.today()
        self.day.setDate(QDate(shown.year, shown.month, shown.day))
        self.day_label = QLabel(translate("Export", "D&ay"), self)
        self.day_label.setBuddy(self.day)
        self.form.addRow(self.day_label, self.day)
        self.column = QComboBox(self)
        self.column.setAccessibleName(translate("Export", "Provider, room or calendar"))
        known = exports.columns(context)  # the clinic's columns, as the day view names them
        for info in known:
            self.column.addItem(f"{info.name} — {info.connection_name}", info.key)
        picked = column_of(known, column) if column is not None else None
        if picked is not None:  # a column's key, or one of its resources'
            self.column.setCurrentIndex(max(0, self.column.findData(picked.key)))
        self.form.addRow(translate("Export", "Pro&vider / column"), self.column)
        self.patient = QLineEdit(patient, self)
        self.patient.setPlaceholderText(translate("Export", "Name or phone number"))
        self.patient.setAccessibleName(translate("Export", "Patient"))
        self.patient.setClearButtonEnabled(True)
        self.form.addRow(translate("Export", "Pa&tient"), self.patient)
        self.matches = QComboBox(self)
        self.matches.setAccessibleName(translate("Export", "Matching patients"))
        self.form.addRow(translate("Export", "&Found"), self.matches)

        formats = QGroupBox(translate("Export", "Format"), self)
        row = QHBoxLayout(formats)
        self.formats: dict[str, QRadioButton] = {}
        self.format_group = QButtonGroup(self)
        for fmt, text in (
            ("ics", translate("Export", "&iCalendar (.ics), for calendar programs")),
            ("csv", translate("Export", "&CSV (.csv), for spreadsheets")),
        ):
            button = QRadioButton(text, formats)
            button.setAccessibleName(text.replace("&", ""))
            self.format_group.addButton(button)
            self.formats[fmt] = button
            row.addWidget(button)
        self.formats["ics"].setChecked(True)
        layout.addWidget(formats)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(translate("Export", "What the file holds"))
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.RichText)
        mark_hint(self.hint)
        layout.addWidget(self.hint)
        layout.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.export_button = QPushButton(translate("Export", "&Export…"), self)
        self.export_button.setDefault(True)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.export_button.clicked.connect(lambda _checked=False: self.export())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self._search = QTimer(self)
        self._search.setSingleShot(True)
        self._search.setInterval(150)
        self._search.timeout.connect(self.find_patient)
        self.patient.textEdited.connect(self._search.start)
        self.kinds[kind].setChecked(True)
        self.kind_group.buttonToggled.connect(lambda *_: self.update_summary())
        self.format_group.buttonToggled.connect(lambda *_: self.update_summary())
        self.day.dateChanged.connect(lambda *_: self.update_summary())
        self.column.currentIndexChanged.connect(lambda *_: self.update_summary())
        self.matches.currentIndexChanged.connect(lambda *_: self.update_summary())
        self.find_patient()
        self.resize(640, max(300, self.sizeHint().height()))

    # -- what is chosen -----------------------------------------------------------------
    @property
    def kind(self) -> exports.Kind:
        return next(k for k, b in self.kinds.items() if b.isChecked())

    @property
    def file_format(self) -> export_files.Format:
        return "csv" if self.formats["csv"].isChecked() else "ics"

    def chosen_day(self) -> date:
        shown = self.day.date()
        return date(shown.year(), shown.month(), shown.day())

    def find_patient(self) -> list[Patient]:
        """The patients matching what is typed, in the list (the best first)."""
        self._search.stop()
        found = find_patients(self.context.repo, self.patient.text(), limit=30)
        self.matches.blockSignals(True)
        self.matches.clear()
        for p in found:
            phone = p.phone or translate("Export", "no phone")
            bookings = plural("Export", "%n booking(s)", p.bookings)
            self.matches.addItem(f"{p.name}, {phone} ({bookings})", p)
        self.matches.blockSignals(False)
        self.update_summary()
        return found

    def current_export(self) -> exports.Export | None:
        """The export as chosen; None while nothing to export is chosen."""
        kind = self.kind
        if kind == "day":
            return exports.day_export(self.context, self.chosen_day(), self.hidden)
        if kind == "week":
            key = self.column.currentData()
            return (
                None if key is None else exports.week_export(self.context, self.chosen_day(), key)
            )
        patient = self.matches.currentData()
        return (
            exports.patient_export(self.context, patient) if isinstance(patient, Patient) else None
        )

    def update_summary(self) -> exports.Export | None:
        kind = self.kind
        self.day_label.setText(
            translate("Export", "Any day of the wee&k")
            if kind == "week"
            else translate("Export", "D&ay")
        )
        self.form.setRowVisible(self.day, kind != "patient")
        self.form.setRowVisible(self.column, kind == "week")
        self.form.setRowVisible(self.patient, kind == "patient")
        self.form.setRowVisible(self.matches, kind == "patient")
        export = self.current_export()
        self.export_button.setEnabled(export is not None)
        if export is None:
            self.summary.setText(
                translate(
                    "Export", "Type a patient's name or phone number, then pick them in the list."
                )
                if kind == "patient"
                else translate("Export", "There is no provider, room or calendar yet.")
            )
            self.hint.setText("")
            return None
        left_out = (
            " " + translate("Export", "Columns hidden in the side panel are left out.")
            if kind == "day" and self.hidden
            else ""
        )
        shown = plural("Export", "%n appointment(s)", len(export.rows))
        self.summary.setText(f"<b>{shown}</b>: {html.escape(export.shown_title)}.{left_out}")
        zone = f"<span style='white-space:nowrap'>{html.escape(export.zone)}</span>"
        said = translate(
            "Export",
            "Times are on the clinic's clock ({zone}); cancelled appointments are left out. The "
            "file holds patient data: it is written readable by your user account only.",
        )
        who = html.escape(translate("Export", WHO[kind]))
        self.hint.setText(f"{who} {said.format(zone=zone)}")
        return export

    # -- writing ------------------------------------------------------------------------
    def ask_path(self, suggested: Path) -> Path | None:
        chosen, _ = QFileDialog.getSaveFileName(
            self,
            translate("Export", "Export appointments"),
            str(suggested),
            translate("Export", FILTERS[self.file_format]),
        )
        return Path(chosen) if chosen else None

    def export(self, path: Path | None = None) -> Path | None:
        """Write the chosen export (asks where, unless ``path`` is given); the written file."""
        export = self.current_export()
        if export is None:
            return None
        fmt = self.file_format
        if path is None:
            path = self.ask_path(Path.home() / f"{export.file_stem}.{fmt}")
            if path is None:
                return None
            if not path.suffix:
                path = path.with_suffix(f".{fmt}")
        try:
            written = export_files.write(export, fmt, path)
        except exports.ExportError as exc:
            why = str(exc).removeprefix("-o: ")
            self.summary.setText(translate("Export", "Not saved: {why}").format(why=why))
            return None
        try:
            audit.exported(self.context, export, fmt, written)
        except Exception:  # no export of patient data the audit trail does not show
            log.exception("the audit trail could not record an export")
            written.unlink(missing_ok=True)
            self.summary.setText(
                translate("Export", "Not saved: the audit trail could not record it; try again.")
            )
            return None
        self.exported.emit(written, len(export.rows))
        self.accept()
        return written


def _counts() -> None:  # never called: for lupdate (domain.translation.plural)
    translate("Export", "%n booking(s)", None, 1)
    translate("Export", "%n appointment(s)", None, 1)

"""An ASAP entry's form: the patient (found among the patient records as the name is typed),
the connection and service, optionally a provider or resource ("With": the clinic's columns
that have a resource on that booking system, as the day view names them; the entry keeps that
resource, and a slot anywhere in its column suits it), the weekdays and parts of the day they
can come, the last day ("until") and a note. Saving runs on the desk's change
runner; a wrong field is named in the form, and nothing typed is lost."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from frontdesk.app import asap
from frontdesk.app.asap_words import Names, names, part_words
from frontdesk.domain import dates
from frontdesk.domain.asap import AsapEntry, PartOfDay
from frontdesk.domain.translation import translate
from frontdesk.ui.desk_ops import ops_for
from frontdesk.ui.i18n import date_format, keep_years

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext


class AsapEntryDialog(QDialog):
    saved = Signal(object)  # AsapEntry

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        entry: AsapEntry | None = None,
        form: asap.AsapForm | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.entry = entry
        self.names: Names = names(context)
        self.setWindowTitle(
            translate("AsapEntry", "ASAP entry")
            if entry
            else translate("AsapEntry", "Put on the ASAP list")
        )
        self.setAccessibleName(self.windowTitle())
        layout = QFormLayout(self)
        self.patient_name = QLineEdit(self)
        self.patient_name.setAccessibleName(translate("AsapEntry", "Patient"))
        self.patient_name.setPlaceholderText(
            translate("AsapEntry", "Type a name or phone to find the patient")
        )
        self._found: dict[str, tuple[str, str]] = {}
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._patient_chosen)
        self.patient_name.setCompleter(completer)
        self.patient_name.textEdited.connect(self._find)
        self.patient_phone = QLineEdit(self)
        self.patient_phone.setAccessibleName(translate("AsapEntry", "Phone"))
        self.connection = QComboBox(self)
        self.connection.setAccessibleName(translate("AsapEntry", "Booking system"))
        for cid, name in self.names.connections.items():
            self.connection.addItem(name, cid)
        self.service = QComboBox(self)
        self.service.setAccessibleName(translate("AsapEntry", "Service"))
        self.resource = QComboBox(self)
        self.resource.setAccessibleName(translate("AsapEntry", "Provider or resource"))
        self.connection.currentIndexChanged.connect(self._fill_choices)
        days = QWidget(self)
        row = QHBoxLayout(days)
        row.setContentsMargins(0, 0, 0, 0)
        self.days = [QCheckBox(word, days) for word in dates.installed().weekdays_short]
        for box in self.days:
            row.addWidget(box)
        parts = QWidget(self)
        row = QHBoxLayout(parts)
        row.setContentsMargins(0, 0, 0, 0)
        self.parts = {p: QCheckBox(part_words(p).capitalize(), parts) for p in PartOfDay}
        for box in self.parts.values():
            row.addWidget(box)
        self.until = QDateEdit(self)
        self.until.setAccessibleName(translate("AsapEntry", "Until"))
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat(date_format())
        keep_years(self.until)
        self.note = QLineEdit(self)
        self.note.setAccessibleName(translate("AsapEntry", "Note"))
        self.problem = QLabel("", self)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(translate("AsapEntry", "What to correct"))
        self.problem.setStyleSheet("font-weight: bold")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addRow(translate("AsapEntry", "&Patient"), self.patient_name)
        layout.addRow(translate("AsapEntry", "P&hone"), self.patient_phone)
        layout.addRow(translate("AsapEntry", "Booking &system"), self.connection)
        layout.addRow(translate("AsapEntry", "S&ervice"), self.service)
        layout.addRow(translate("AsapEntry", "&With"), self.resource)
        layout.addRow(translate("AsapEntry", "Days (none: any)"), days)
        layout.addRow(translate("AsapEntry", "Times (none: any)"), parts)
        layout.addRow(translate("AsapEntry", "&Until"), self.until)
        layout.addRow(translate("AsapEntry", "&Note"), self.note)
        self.linked = QLabel("", self)
        layout.addRow(self.linked)
        layout.addRow(self.problem)
        layout.addRow(self.buttons)
        self._fill(entry or form)

    # -- filling -----------------------------------------------------------------------
    def _fill(self, what: AsapEntry | asap.AsapForm | None) -> None:
        today = asap.today(self.context)
        if what is None:
            self._fill_choices()
            self.until.setDate(QDate(today.year, today.month, today.day).addDays(28))
            return
        self.patient_name.setText(what.patient_name)
        self.patient_phone.setText(what.patient_phone)
        self.connection.setCurrentIndex(max(0, self.connection.findData(what.connection_id)))
        self._fill_choices()
        self.service.setCurrentIndex(max(0, self.service.findData(what.service_id)))
        self.resource.setCurrentIndex(self._with.get(what.resource_id or "", 0))
        for day, box in enumerate(self.days):
            box.setChecked(day in what.weekdays)
        for part, box in self.parts.items():
            box.setChecked(part in what.parts)
        self.until.setDate(QDate(what.until.year, what.until.month, what.until.day))
        self.note.setText(what.note)
        self._booking_id = what.booking_id
        if what.booking_id:
            self.linked.setText(
                translate(
                    "AsapEntry",
                    "Wants an earlier time than a booking they hold: a freed slot is offered "
                    "as a move of that booking.",
                )
            )

    _booking_id: str | None = None
    _with: dict[str, int]

    def _fill_choices(self) -> None:
        cid = str(self.connection.currentData() or "")
        self.service.clear()
        for service in self.names.services.get(cid, []):
            shown = translate("AsapEntry", "{service} ({minutes} min)").format(
                service=service.name, minutes=service.duration_minutes
            )
            self.service.addItem(shown, service.id)
        self.resource.clear()
        self.resource.addItem(translate("AsapEntry", "Anyone"), "")
        self._with = {"": 0}  # each resource of the booking system: its column's line
        for column in self.names.columns:  # the clinic's, else the booking systems' own
            here = [k[1] for k in column.keys if k[0] == cid]
            if here:
                self.resource.addItem(column.name, here[0])
                self._with.update(dict.fromkeys(here, self.resource.count() - 1))

    def _find(self, typed: str) -> None:
        found = self.context.reads.find_patients(typed, limit=8)
        self._found = {f"{p.name} — {p.phone}": (p.name, p.phone) for p in found}
        self._completions.setStringList(list(self._found))

    def _patient_chosen(self, text: str) -> None:
        name, phone = self._found.get(text, (text, ""))
        self.patient_name.setText(name)
        if phone:
            self.patient_phone.setText(phone)

    # -- saving ------------------------------------------------------------------------
    def form(self) -> asap.AsapForm:
        picked = self.until.date()
        return asap.AsapForm(
            patient_name=self.patient_name.text(),
            patient_phone=self.patient_phone.text(),
            connection_id=str(self.connection.currentData() or ""),
            service_id=str(self.service.currentData() or ""),
            resource_id=str(self.resource.currentData() or "") or None,
            weekdays=frozenset(d for d, box in enumerate(self.days) if box.isChecked()),
            parts=frozenset(p for p, box in self.parts.items() if box.isChecked()),
            until=date(picked.year(), picked.month(), picked.day()),
            note=self.note.text(),
            booking_id=self._booking_id,
        )

    def save(self) -> None:
        form, entry, context = self.form(), self.entry, self.context

        def work() -> AsapEntry:
            if entry is None:
                return asap.add(context, form)
            return asap.update(context, entry, form)

        self.buttons.setEnabled(False)
        self.problem.setText(translate("AsapEntry", "Saving…"))
        ops_for(self, context).run(
            work,
            lambda _e: ["#" + asap.TOPIC],
            self._saved,
            failed=self._failed,
            expected=(asap.AsapProblem, asap.AsapEntryGone),
        )

    def _saved(self, entry: AsapEntry) -> None:
        self.saved.emit(entry)
        self.accept()

    def _failed(self, why: BaseException) -> None:
        self.buttons.setEnabled(True)
        if isinstance(why, asap.AsapProblem):
            self.problem.setText(why.message)
            target = getattr(self, why.field, None)
            if isinstance(target, QWidget):
                target.setFocus()
        elif isinstance(why, asap.AsapEntryGone):
            self.problem.setText(
                translate(
                    "AsapEntry",
                    "Another desk removed or changed this entry meanwhile; close this and open it "
                    "again from the ASAP list.",
                )
            )
        else:
            self.problem.setText(
                translate("AsapEntry", "The desk could not save this entry; try again.")
            )

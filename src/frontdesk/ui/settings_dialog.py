"""File > Clinic settings (an administrator's): the clinic's time zone (the one clock every
screen uses), the region phone numbers are read in, the day sheet's paper, the desk's language
(spoken from its next start) and how long the desk may stay idle before it locks itself
(``app.settings``). Each is checked as it is typed; saving refreshes every screen on the new
clock."""

from __future__ import annotations

import zoneinfo
from typing import TYPE_CHECKING

import phonenumbers
from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app.languages import LANGUAGES, chosen
from frontdesk.app.settings import (
    MAX_IDLE_LOCK,
    ClinicSettings,
    SettingsRefused,
    computer_zone,
    region_name,
)
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.ui.theme import mark_hint

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

AUTO = ""
# what the desk says of a setting it cannot keep (in the desk's language, not the check's)
REFUSALS = {
    "timezone": QT_TRANSLATE_NOOP(
        "Settings",
        "{typed} is not a time zone. Pick one from the list, or type a name such as Europe/Berlin.",
    ),
    "phone_region": QT_TRANSLATE_NOOP("Settings", "Pick the phone region from the list."),
    "paper": QT_TRANSLATE_NOOP("Settings", "Pick the paper from the list."),
    "idle_lock_minutes": QT_TRANSLATE_NOOP(
        "Settings", "The desk locks itself after 1 to {most} idle minutes."
    ),
    "language": QT_TRANSLATE_NOOP("Settings", "Pick the language from the list."),
}


def refusal_words(error: SettingsRefused, typed: str) -> str:
    """Why the settings cannot be kept, in the desk's language: the refused setting's
    sentence (``typed``: the time zone as typed)."""
    sentence = REFUSALS.get(error.field, QT_TRANSLATE_NOOP("Settings", "Check the settings."))
    return translate("Settings", sentence).format(typed=repr(typed), most=MAX_IDLE_LOCK)


class SettingsDialog(QDialog):
    saved = Signal(object)  # ClinicSettings

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(translate("Settings", "Clinic settings"))
        self.setAccessibleName(translate("Settings", "Clinic settings"))
        current = context.settings
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.zone = QComboBox(self)
        self.zone.setEditable(True)
        self.zone.setAccessibleName(translate("Settings", "Time zone"))
        self.zone.addItem(
            translate("Settings", "This computer's ({zone})").format(zone=computer_zone()), AUTO
        )
        for name in sorted(zoneinfo.available_timezones()):
            if "/" in name and not name.startswith(("Etc/", "SystemV/", "posix/", "right/")):
                self.zone.addItem(name, name)
        completer = QCompleter([self.zone.itemText(i) for i in range(self.zone.count())], self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone.setCompleter(completer)
        self.zone.setCurrentIndex(max(0, self.zone.findData(current.timezone or AUTO)))
        form.addRow(translate("Settings", "&Time zone"), self.zone)

        self.region = QComboBox(self)
        self.region.setAccessibleName(translate("Settings", "Phone region"))
        self.region.addItem(translate("Settings", "The time zone's country"), AUTO)
        for code in sorted(phonenumbers.SUPPORTED_REGIONS, key=region_name):
            self.region.addItem(f"{region_name(code)} ({code})", code)
        self.region.setCurrentIndex(max(0, self.region.findData(current.phone_region or AUTO)))
        form.addRow(translate("Settings", "&Phone numbers from"), self.region)

        self.paper = QComboBox(self)
        self.paper.setAccessibleName(translate("Settings", "Paper"))
        for label, value in (
            (translate("Settings", "As the region uses"), "auto"),
            ("A4", "A4"),
            (translate("Settings", "Letter"), "Letter"),
        ):
            self.paper.addItem(label, value)
        self.paper.setCurrentIndex(max(0, self.paper.findData(current.paper)))
        form.addRow(translate("Settings", "P&aper"), self.paper)

        self.language = QComboBox(self)
        self.language.setAccessibleName(translate("Settings", "Language"))
        computer = LANGUAGES[chosen(None, QLocale.system().name())]
        self.language.addItem(
            translate("Settings", "This computer's ({language})").format(language=computer), AUTO
        )
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(current.language or AUTO)))
        form.addRow(translate("Settings", "La&nguage"), self.language)

        self.idle = QSpinBox(self)
        self.idle.setAccessibleName(translate("Settings", "Lock when idle after"))
        self.idle.setRange(1, MAX_IDLE_LOCK)
        self.idle.setSuffix(translate("Settings", " minutes"))
        self.idle.setValue(current.idle_lock_minutes)
        form.addRow(translate("Settings", "&Lock when idle after"), self.idle)

        self.note = QLabel(self)
        self.note.setWordWrap(True)
        mark_hint(self.note)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        for box in (self.zone, self.region, self.paper, self.language):
            box.currentIndexChanged.connect(self._explain)
        self.zone.editTextChanged.connect(self._explain)
        self.idle.valueChanged.connect(self._explain)
        self._explain()
        self.resize(480, 220)

    def chosen(self) -> ClinicSettings | str:
        """The settings as chosen, or why they cannot be kept."""
        typed = self.zone.currentText().strip()
        index = self.zone.findText(typed)  # a name picked from the list, or typed
        zone = self.zone.itemData(index) if index >= 0 else typed
        try:
            return ClinicSettings(
                timezone=str(zone) or None,
                phone_region=str(self.region.currentData() or "") or None,
                paper=self.paper.currentData() or "auto",
                idle_lock_minutes=self.idle.value(),
                language=str(self.language.currentData() or "") or None,
            )
        except SettingsRefused as exc:
            return refusal_words(exc, typed)

    def _explain(self) -> None:
        chosen = self.chosen()
        if isinstance(chosen, str):
            self.note.setText(translate("Settings", "Not valid: {reason}").format(reason=chosen))
            return
        region = chosen.region
        country = (
            region_name(region)
            if region
            else translate("Settings", "no region (numbers need their +code)")
        )
        words = translate(
            "Settings",
            "Every time on the desk is shown on {zone} time. Phone numbers are read as dialled "
            "in {country}. The day sheet prints on {paper} paper. The desk locks itself after "
            "{minutes} idle minutes.",
        ).format(
            zone=chosen.zone,
            country=country,
            paper=chosen.paper_size,
            minutes=chosen.idle_lock_minutes,
        )
        if chosen.language != self.context.settings.language:
            words += " " + translate("Settings", "The new language is spoken from the next start.")
        self.note.setText(words)

    def save(self) -> None:
        chosen = self.chosen()
        if isinstance(chosen, str):
            self.note.setText(translate("Settings", "Not saved: {reason}").format(reason=chosen))
            return
        self.context.update_settings(chosen)
        self.saved.emit(chosen)
        self.accept()

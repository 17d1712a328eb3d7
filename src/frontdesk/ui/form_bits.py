"""Small pieces the desk's forms share: a five-minute time box, a date-and-time row with its
hint, "discard this?", filling the
service and branch choices from a catalog, picking a combo entry by id or name, and the look
of a field with an error."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTimeEdit,
    QWidget,
)

from frontdesk.domain import dates
from frontdesk.domain.catalog import Catalog
from frontdesk.domain.timeutil import WallTimeKind, local_to_utc, to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.ui.i18n import date_format, keep_years, time_format
from frontdesk.ui.theme import Tones, mark_hint

GAP_MESSAGE = QT_TRANSLATE_NOOP("Verdicts", "This time does not exist on this day (clocks change)")


def wall_time(day: date, wall: time, zone: str) -> tuple[datetime, list[Verdict]]:
    """The instant of a typed wall time in the clinic's zone, with what the desk says about a
    daylight-saving gap (an error: that time never happens) or fold (a risk: it happens twice,
    the first is used)."""
    wall = wall.replace(second=0, microsecond=0)
    resolution = local_to_utc(day, wall, zone)
    if resolution.kind is WallTimeKind.GAP:
        gap = translate("Verdicts", GAP_MESSAGE) + "."
        return resolution.instant, [Verdict(400, "DST_GAP", gap, "start")]
    if resolution.kind is WallTimeKind.FOLD:
        first = to_local(resolution.instant, zone)
        message = translate(
            "Verdicts",
            "The clocks go back this night, so {time} happens twice; the first one ({zone}) "
            "is used.",
        ).format(time=dates.clock(wall), zone=first.tzname())
        return resolution.instant, [Verdict(201, "DST_FOLD", message, "start", Severity.RISK)]
    return resolution.instant, []


class FiveMinuteTimeEdit(QTimeEdit):
    """A time box whose arrows move the minutes in steps of five, shown as the desk's
    language writes a time (``ui.i18n.time_format``: "14:30", "2:30 pm")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(time_format())

    def stepBy(self, steps: int) -> None:
        if self.currentSection() == QTimeEdit.Section.MinuteSection:
            current = self.time()
            minutes = current.hour() * 60 + current.minute()
            snapped = (minutes // 5) * 5 if steps > 0 else -((-minutes) // 5) * 5
            target = (snapped + 5 * steps) % (24 * 60)
            self.setTime(QTime(target // 60, target % 60))
            return
        super().stepBy(steps)


class WhenRow(QWidget):
    """A date box, a five-minute time box and a hint beside them (zone, end time)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_format())
        keep_years(self.date)
        self.time = FiveMinuteTimeEdit(self)
        self.time.setCurrentSection(QTimeEdit.Section.MinuteSection)
        self.time.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        self.hint = mark_hint(QLabel(self))
        self.hint.setAccessibleName(translate("BookingDialog", "Time zone and end time"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.date, 3)
        layout.addWidget(self.time, 1)
        layout.addWidget(self.hint, 2)


def confirm_discard(parent: QWidget) -> bool:
    """Ask "Discard this booking?"; True when the receptionist chooses to discard."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(translate("BookingDialog", "Discard this booking?"))
    box.setText(translate("BookingDialog", "Discard this booking?"))
    box.setInformativeText(translate("BookingDialog", "What you typed has not been saved."))
    box.setStandardButtons(QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
    keep = box.button(QMessageBox.StandardButton.Cancel)
    keep.setText(translate("BookingDialog", "Keep editing"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(keep)
    answer = box.exec()
    return _button_value(answer) == _button_value(QMessageBox.StandardButton.Discard)


def _button_value(value: object) -> int:
    return int(getattr(value, "value", value))  # type: ignore[call-overload]


def fill_choices(
    services: QComboBox,
    resources: QComboBox,
    catalog: Catalog,
    shown_as: Mapping[str, str] | None = None,
) -> None:
    """The catalog's active services and its resources, keeping what was chosen where it is
    still there (else the first service, whose free times can show at once); no signals.
    ``shown_as``: a resource's clinic column's name by its id, shown first (``Dr. Berger
    (Main Branch)``), the booking system's name after it."""
    keep_service, keep_resource = services.currentData(), resources.currentData()
    services.blockSignals(True)
    resources.blockSignals(True)
    services.clear()
    services.addItem(translate("BookingDialog", "Choose a service…"), "")
    minutes = translate("BookingDialog", "{name} ({minutes} min)")
    for service in catalog.services:
        if service.active:
            shown = minutes.format(name=service.name, minutes=service.duration_minutes)
            services.addItem(shown, service.id)
    resources.clear()
    if len(catalog.resources) != 1:
        resources.addItem(
            translate("BookingDialog", "Choose a column…")
            if shown_as
            else translate("BookingDialog", "Choose a branch…"),
            "",
        )
    for resource in catalog.resources:
        column = (shown_as or {}).get(resource.id)
        text = (
            f"{column} ({resource.name})" if column and column != resource.name else resource.name
        )
        resources.addItem(text, resource.id)
    for combo, keep in ((services, keep_service), (resources, keep_resource)):
        index = combo.findData(keep) if keep else -1
        combo.setCurrentIndex(max(index, 0))
    if services.currentIndex() == 0 and services.count() > 1:
        services.setCurrentIndex(1)
    services.blockSignals(False)
    resources.blockSignals(False)


def select_in(combo: QComboBox, name_or_id: str) -> bool:
    wanted = name_or_id.strip().casefold()
    for index in range(combo.count()):
        data = str(combo.itemData(index) or "")
        text = combo.itemText(index).casefold()
        named = text == wanted or text.startswith(wanted + " (") or text.endswith(f"({wanted})")
        if data and (data == name_or_id or named):
            combo.setCurrentIndex(index)
            return True
    return False


def worst(verdicts: list[Verdict]) -> str:
    if any(v.severity is Severity.ERROR for v in verdicts):
        return "error"
    return "risk" if verdicts else ""


def field_style(worst: str, field: QWidget) -> str:
    if worst != "error" or not isinstance(field, QLineEdit):
        return ""
    error = Tones.of(field.palette()).error.name()
    return f"QLineEdit {{ border: 1px solid {error}; border-radius: 3px; padding: 2px; }}"

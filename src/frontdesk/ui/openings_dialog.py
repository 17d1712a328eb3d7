"""Find an opening (Booking > Find an opening…, Ctrl+O): the next free times for a service
across every connection that offers it (by name), narrowed to a provider (one of the clinic's
columns: every booking system's resource behind it), some weekdays and parts of the day, from
a date on, outside the booking dialog (Open Dental's "search for opening"). Each time is
judged by its booking system's offline rules, as a booking would be; picking one opens the
booking dialog on it.
"""

from __future__ import annotations

import logging
from datetime import date, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app.columns import everything, labels
from frontdesk.app.desk import ResourceInfo, clinic_zone, resources
from frontdesk.app.openings import (
    PARTS_OF_DAY,
    Limits,
    Opening,
    OpeningFilter,
    OpeningQuery,
    find_openings,
    narrowed,
    opening_queries,
)
from frontdesk.domain import dates
from frontdesk.domain.timeutil import local_to_utc, to_local, utc_now
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, plural, translate
from frontdesk.ui.i18n import date_format, keep_years
from frontdesk.ui.theme import mark_hint

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.ui")

DATA_ROLE = Qt.ItemDataRole.UserRole
PART_WORDS = {
    "morning": QT_TRANSLATE_NOOP("Openings", "Morning"),
    "afternoon": QT_TRANSLATE_NOOP("Openings", "Afternoon"),
    "evening": QT_TRANSLATE_NOOP("Openings", "Evening"),
}
SHOWN = 30
LIMITS = Limits(count=SHOWN, days=60, per_window=3, checks=1500)


class OpeningsDialog(QDialog):
    """Search for free times; ``chosen`` carries the picked :class:`Opening`."""

    chosen = Signal(object)  # Opening

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(translate("Openings", "Find an opening"))
        self.setAccessibleName(translate("Openings", "Find an opening"))
        self.found: list[Opening] = []
        self._names: dict[tuple[str, str], str] = {}
        api = resources(context)
        # the clinic's columns (those of "Everything" to pick, hidden ones too to name a place)
        self.columns: list[ResourceInfo] = everything(context, api)
        self._labels, _ = labels(api, everything(context, api, with_hidden=True))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.service = QComboBox(self)
        self.service.setAccessibleName(translate("Openings", "Service"))
        for name, (cid, sid) in self._services().items():
            self.service.addItem(name, (cid, sid))
        form.addRow(translate("Openings", "&Service"), self.service)

        self.provider = QComboBox(self)
        self.provider.setAccessibleName(translate("Openings", "Provider or room"))
        form.addRow(translate("Openings", "&Provider"), self.provider)

        days = QHBoxLayout()
        self.weekdays: list[QCheckBox] = []
        for index, name in enumerate(dates.installed().weekdays_short):
            box = QCheckBox(name, self)
            box.setChecked(index < 5)
            long_name = dates.installed().weekdays_long[index]
            box.setAccessibleName(translate("Openings", "On {day}").format(day=long_name))
            days.addWidget(box)
            self.weekdays.append(box)
        form.addRow(translate("Openings", "Days"), days)

        parts = QHBoxLayout()
        self.parts: dict[str, QCheckBox] = {}
        for part in PARTS_OF_DAY:
            box = QCheckBox(translate("Openings", PART_WORDS.get(part, part)), self)
            box.setChecked(True)
            parts.addWidget(box)
            self.parts[part] = box
        form.addRow(translate("Openings", "Part of day"), parts)

        self.from_date = QDateEdit(self)
        self.from_date.setCalendarPopup(True)
        self.from_date.setDisplayFormat(date_format())  # the language's order and words
        keep_years(self.from_date)
        self.from_date.setAccessibleName(translate("Openings", "From"))
        today = to_local(utc_now(), clinic_zone(context)).date()
        self.from_date.setDate(QDate(today.year, today.month, today.day))
        form.addRow(translate("Openings", "&From"), self.from_date)

        self.search_button = QPushButton(translate("Openings", "Sea&rch"), self)
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        layout.addWidget(self.search_button, alignment=Qt.AlignmentFlag.AlignRight)

        self.results = QListWidget(self)
        self.results.setAccessibleName(translate("Openings", "Free times"))
        self.results.itemActivated.connect(self._picked)
        self.results.itemDoubleClicked.connect(self._picked)
        layout.addWidget(self.results, 1)
        self.note = QLabel(translate("Openings", "Choose what you look for, then Search."), self)
        mark_hint(self.note)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.book_button = buttons.addButton(
            translate("Openings", "&Book this time"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.book_button.clicked.connect(lambda: self._picked(self.results.currentItem()))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.service.currentIndexChanged.connect(self._fill_providers)
        self._fill_providers()
        self.resize(560, 560)

    # -- choices ---------------------------------------------------------------------------
    def _services(self) -> dict[str, tuple[str, str]]:
        """Every active service by name, one per name whatever its case ("Dental cleaning"
        and "Dental Cleaning" are one): the same name in several booking systems is searched
        in all of them."""
        found: dict[str, tuple[str, str, str]] = {}
        for record in self.context.connections():
            for svc in self.context.booking.catalog_for(record.id).services:
                if svc.active:
                    name = " ".join(svc.name.split())
                    found.setdefault(name.casefold(), (name, record.id, svc.id))
        shown = sorted(found.values(), key=lambda v: v[0].casefold())
        return {name: (cid, sid) for name, cid, sid in shown}

    def _queries(self) -> list[OpeningQuery]:
        chosen = self.service.currentData()
        if not chosen:
            return []
        connection_id, service_id = chosen
        others = [r.id for r in self.context.connections()]
        queries, names = opening_queries(self.context.booking, connection_id, service_id, others)
        self._names = {key: self._labels.get(key, name) for key, name in names.items()}
        return queries

    def _fill_providers(self) -> None:
        """First "Any provider", then each of the clinic's columns (in the clinic's order)
        that has a resource offering the service; its data: those resources' keys."""
        self.provider.clear()
        self.provider.addItem(translate("Openings", "Any provider"), None)
        self._queries()
        for column in self.columns:
            keys = tuple(k for k in column.keys if k in self._names)
            if keys:
                self.provider.addItem(column.name, keys)

    def select_service(self, name: str) -> bool:
        index = self.service.findText(name, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            self.service.setCurrentIndex(index)
        return index >= 0

    def wanted(self) -> OpeningFilter:
        days = frozenset(i for i, box in enumerate(self.weekdays) if box.isChecked())
        parts = frozenset(part for part, box in self.parts.items() if box.isChecked())
        return OpeningFilter(clinic_zone(self.context), days, parts)

    # -- searching -------------------------------------------------------------------------
    def search(self) -> list[Opening]:
        zone = clinic_zone(self.context)
        queries = self._queries()
        place = self.provider.currentData()
        if place is not None:  # a column: each booking system's resource behind it
            queries = narrowed(queries, place)
        picked = self.from_date.date()
        day = date(picked.year(), picked.month(), picked.day())
        after = max(local_to_utc(day, time(0), zone).instant, utc_now())
        wanted = self.wanted()
        self.results.clear()
        if not wanted.weekdays or not wanted.parts:
            self.found = []
            self.note.setText(
                translate("Openings", "Tick at least one day and one part of the day.")
            )
            return []
        try:
            self.found = find_openings(self.context.booking, queries, after, LIMITS, wanted=wanted)
        except Exception:
            log.exception("finding openings failed")
            self.found = []
        names = {r.id: r.name for r in self.context.connections()}
        several = len({q.connection_id for q in queries}) > 1
        for opening in self.found:
            start = to_local(opening.start, zone)
            where = self._names.get((opening.connection_id, opening.resource_id), "")
            if several:
                where += f" ({names.get(opening.connection_id, '')})"
            left = (
                ""
                if opening.remaining is None
                else " · " + plural("Openings", "%n left", opening.remaining)
            )
            when = f"{dates.short_day(start.date())}  {dates.clock(start)}"
            item = QListWidgetItem(f"{when}   {where}{left}", self.results)
            item.setData(DATA_ROLE, opening)
        if self.found:
            self.results.setCurrentRow(0)
            count = len(self.found)
            self.note.setText(
                plural(
                    "Openings",
                    "%n free time(s). Double-click one (or Enter) to book it.",
                    count,
                )
            )
        else:
            self.note.setText(
                translate(
                    "Openings",
                    "No free time matches in the cached calendars; try other days or parts of "
                    "the day, or a later date.",
                )
            )
        return self.found

    def _picked(self, item: QListWidgetItem | None) -> None:
        opening = item.data(DATA_ROLE) if item is not None else None
        if isinstance(opening, Opening):
            self.chosen.emit(opening)
            self.accept()


def _counts() -> None:  # never called: for lupdate (domain.translation.plural)
    translate("Openings", "%n left", None, 1)
    translate("Openings", "%n free time(s). Double-click one (or Enter) to book it.", None, 1)

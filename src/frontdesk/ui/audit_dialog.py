"""File ▸ Audit trail (an administrator's): who booked, moved, cancelled, marked, changed,
imported, exported, printed and opened what, when and at which desk, newest first, a page at
a time; filtered by the clinic's days, a staff member, an event, and a booking or patient;
saved as CSV for the practice manager (``app.audit``: cells a spreadsheet would run are
neutralised, and the export itself is recorded)."""

from __future__ import annotations

import html
import logging
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app import audit, audit_values, audit_words
from frontdesk.app.desk import clinic_zone, today_in
from frontdesk.app.staff import NotAllowed
from frontdesk.domain import dates
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, plural, translate
from frontdesk.ui.i18n import date_format, keep_years
from frontdesk.ui.theme import mark_hint

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.ui")
PAGE = 100
COLUMNS = (
    QT_TRANSLATE_NOOP("Audit", "When"),
    QT_TRANSLATE_NOOP("Audit", "Staff"),
    QT_TRANSLATE_NOOP("Audit", "Desk"),
    QT_TRANSLATE_NOOP("Audit", "Event"),
    QT_TRANSLATE_NOOP("Audit", "Patient"),
    QT_TRANSLATE_NOOP("Audit", "Booking"),
    QT_TRANSLATE_NOOP("Audit", "What changed"),
)


class AuditDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setProperty("adminOnly", True)
        self.setWindowTitle(translate("Audit", "Audit trail"))
        self.setAccessibleName(translate("Audit", "Audit trail"))
        self.offset = 0
        self.total = 0
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        layout.addLayout(filters)
        today = today_in(clinic_zone(context))
        self.first = self._date_edit(translate("Audit", "From"), today - timedelta(days=30))
        self.last = self._date_edit(translate("Audit", "To"), today)
        self.staff = QComboBox(self)
        self.staff.setAccessibleName(translate("Audit", "Staff"))
        self.staff.addItem(translate("Audit", "Anyone"), "")
        for name in audit.staff_names(context):
            self.staff.addItem(name, name)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(translate("Audit", "Event"))
        self.kind.addItem(translate("Audit", "Any event"), "")
        for event in audit.EVENT_WORDS:
            self.kind.addItem(audit.event_words(event.value), event.value)
        self.subject = QLineEdit(self)
        self.subject.setAccessibleName(translate("Audit", "Patient or booking"))
        self.subject.setPlaceholderText(
            translate("Audit", "Patient (name, phone, email) or booking id")
        )
        self.subject.setClearButtonEnabled(True)
        for label, widget in (
            (translate("Audit", "&From"), self.first),
            (translate("Audit", "&To"), self.last),
            (translate("Audit", "&Staff"), self.staff),
            (translate("Audit", "&Event"), self.kind),
        ):
            caption = QLabel(f"{label} ", self)  # the space: a glyph's overhang shows
            caption.setBuddy(widget)
            caption.setContentsMargins(6, 0, 0, 0)
            filters.addWidget(caption)
            filters.addWidget(widget)
        filters.addWidget(self.subject, 1)

        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([translate("Audit", c) for c in COLUMNS])
        self.table.setAccessibleName(translate("Audit", "Audit lines"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        paging = QHBoxLayout()
        layout.addLayout(paging)
        self.newer = QPushButton("◀ " + translate("Audit", "&Newer"), self)
        self.older = QPushButton(translate("Audit", "&Older") + " ▶", self)
        self.newer.clicked.connect(lambda: self.show_page(self.offset - PAGE))
        self.older.clicked.connect(lambda: self.show_page(self.offset + PAGE))
        self.count = QLabel(self)
        self.count.setAccessibleName(translate("Audit", "Lines shown"))
        paging.addWidget(self.newer)
        paging.addWidget(self.older)
        paging.addWidget(self.count, 1)
        self.export_button = QPushButton(translate("Audit", "Save as &CSV…"), self)
        self.export_button.clicked.connect(lambda: self.export_csv())
        paging.addWidget(self.export_button)
        close = QPushButton(translate("Audit", "Close"), self)
        close.clicked.connect(self.reject)
        paging.addWidget(close)
        note = QLabel(
            translate(
                "Audit",
                "Times are the clinic's. The trail can only grow: nothing in it can be changed "
                "or removed. The patient is the booking's as the desk holds it now.",
            ),
            self,
        )
        note.setWordWrap(True)
        mark_hint(note)
        layout.addWidget(note)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(lambda: self.show_page(0))
        for box in (self.staff, self.kind):
            box.currentIndexChanged.connect(self._timer.start)
        for edit in (self.first, self.last):
            edit.dateChanged.connect(self._timer.start)
        self.subject.textChanged.connect(self._timer.start)
        self.resize(1180, 620)
        self.show_page(0)

    def _date_edit(self, name: str, day: object) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat(date_format(weekday=False))  # the language's order and words
        keep_years(edit)
        edit.setAccessibleName(name)
        edit.setDate(QDate(day.year, day.month, day.day))  # type: ignore[attr-defined]
        return edit

    def where(self) -> audit.AuditFilter:
        first, last = self.first.date().toPython(), self.last.date().toPython()
        return audit.days_filter(
            clinic_zone(self.context),
            first,  # type: ignore[arg-type]
            last,  # type: ignore[arg-type]
            str(self.staff.currentData() or ""),
            str(self.kind.currentData() or ""),
            self.subject.text().strip(),
        )

    def show_page(self, offset: int) -> None:
        """Show the lines from ``offset`` (newest first) as the filters say."""
        where = self.where()
        try:
            self.total = audit.count(self.context, where)
            offset = max(0, min(offset, max(0, self.total - 1) // PAGE * PAGE))
            lines = audit.page(self.context, where, offset, PAGE)
        except NotAllowed as refused:
            self.count.setText(str(refused))
            return
        self.offset = offset
        zone = clinic_zone(self.context)
        services = audit_values.service_names(self.context)  # a service by its name, not id
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            # the trail keeps English; the desk's own words are said in its language
            said = audit_words.line_words(line.changes, line.detail, zone, services)
            at = to_local(line.at, zone)
            cells = (
                f"{dates.day_month(at.date(), year=True)} {dates.clock(at, seconds=True)}",
                audit_words.staff_words(line.staff),
                line.desk,
                audit.event_words(line.event),
                line.patient or "",
                line.booking_id or "",
                said,
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == len(cells) - 1:
                    item.setToolTip(html.escape(text))
                self.table.setItem(row, column, item)
        shown = f"{offset + 1}–{offset + len(lines)}" if lines else translate("Audit", "none")
        lines_of = translate("Audit", "Lines {shown} of {total}")
        self.count.setText(lines_of.format(shown=shown, total=QLocale().toString(self.total)))
        self.newer.setEnabled(offset > 0)
        self.older.setEnabled(offset + PAGE < self.total)
        self.export_button.setEnabled(self.total > 0)

    def export_csv(self, path: Path | None = None) -> Path | None:
        """Save every line the filters select as CSV (asks where, unless ``path`` is given)."""
        if path is None:
            day = self.last.date().toString("yyyy-MM-dd")
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                translate("Audit", "Save the audit trail"),
                str(Path.home() / f"audit-{day}.csv"),
                "CSV (*.csv)",
            )
            if not chosen:
                return None
            path = Path(chosen)
        try:
            _, written = audit.export_csv(self.context, self.where(), path)
        except (audit.AuditFileError, NotAllowed) as exc:
            why = str(exc).removeprefix("-o: ")
            self.count.setText(translate("Audit", "Not saved: {why}").format(why=why))
            return None
        saved = plural("Audit", "%n line(s) saved to {path}.", written).format(path=path)
        self.show_page(self.offset)  # the export is a line of its own
        self.count.setText(saved)
        return path

    def keyPressEvent(self, event: object) -> None:  # Enter filters, it does not close
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.show_page(0)
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]


def _counts() -> None:  # never called: for lupdate (domain.translation.plural)
    translate("Audit", "%n line(s) saved to {path}.", None, 1)

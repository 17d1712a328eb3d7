"""File > Import bookings: pick a CSV file and a connection, see the rows that would be queued
and the refused ones (row, field, reason) before anything is queued, then queue them
(``app.import_preview``: the verdicts are ``frontdesk import``'s own)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app.import_preview import (
    ImportFileError,
    ImportPreview,
    preview_import,
    queue_import,
)
from frontdesk.app.importer import COLUMNS, REQUIRED, ImportReport, RowProblem
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, plural, translate
from frontdesk.ui.desk_ops import ops_for
from frontdesk.ui.theme import mark_hint
from frontdesk.ui.wording import code_line, plain_message

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

ACCEPTED_HEAD = [
    QT_TRANSLATE_NOOP("Import", "Row"),
    QT_TRANSLATE_NOOP("Import", "When"),
    QT_TRANSLATE_NOOP("Import", "Service"),
    QT_TRANSLATE_NOOP("Import", "Where"),
    QT_TRANSLATE_NOOP("Import", "Patient"),
    QT_TRANSLATE_NOOP("Import", "Phone"),
]
REFUSED_HEAD = [
    QT_TRANSLATE_NOOP("Import", "Row"),
    QT_TRANSLATE_NOOP("Import", "Field"),
    QT_TRANSLATE_NOOP("Import", "Reason"),
]


def _table(parent: QWidget, head: list[str], name: str, stretch: int) -> QTableWidget:
    """A read-only table whose column ``stretch`` takes the room the others leave."""
    table = QTableWidget(0, len(head), parent)
    table.setHorizontalHeaderLabels([translate("Import", h) for h in head])
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    for column in range(len(head)):
        mode = QHeaderView.ResizeMode
        header.setSectionResizeMode(
            column, mode.Stretch if column == stretch else mode.ResizeToContents
        )
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c == 0:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(r, c, item)
    # once the columns have their widths (a wrapped reason is as tall as it needs)
    QTimer.singleShot(0, table.resizeRowsToContents)


class ImportDialog(QDialog):
    queued = Signal(object, object)  # ImportReport, the file's Path

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.preview: ImportPreview | None = None
        self.setWindowTitle(translate("Import", "Import bookings from a CSV file"))
        self.setAccessibleName(translate("Import", "Import bookings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        row = QHBoxLayout()
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(
            translate("Import", "A CSV file whose first row names the columns")
        )
        self.path.setAccessibleName(translate("Import", "CSV file"))
        self.browse_button = QPushButton(translate("Import", "&Browse…"), self)
        self.browse_button.clicked.connect(lambda _checked=False: self.browse())
        row.addWidget(self.path, 1)
        row.addWidget(self.browse_button)
        label = QLabel(translate("Import", "&File"), self)
        label.setBuddy(self.path)
        form.addRow(label, row)
        self.connection = QComboBox(self)
        self.connection.setAccessibleName(translate("Import", "Connection"))
        for record in context.connections():
            self.connection.addItem(record.name, record.id)
        form.addRow(translate("Import", "&Connection"), self.connection)
        columns = ", ".join(f"<b>{c}</b>" if c in REQUIRED else c for c in COLUMNS)
        said = translate(
            "Import",
            "Columns (bold: required; any order): {columns}. A start is {pattern} on the "
            "clinic's clock, or ISO 8601 with Z or an offset.",
        )
        pattern = "<i>YYYY\u2011MM\u2011DD&nbsp;HH:MM</i>"
        self.columns_hint = QLabel(said.format(columns=columns, pattern=pattern), self)
        self.columns_hint.setWordWrap(True)
        mark_hint(self.columns_hint)
        layout.addWidget(self.columns_hint)

        self.summary = QLabel(_choose(), self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(translate("Import", "What the import would do"))
        layout.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        self.queued_rows = _table(
            self.tabs, ACCEPTED_HEAD, translate("Import", "Rows that would be queued"), 4
        )
        self.refused_rows = _table(self.tabs, REFUSED_HEAD, translate("Import", "Refused rows"), 2)
        self.tabs.addTab(self.queued_rows, translate("Import", "Would be queued"))
        self.tabs.addTab(self.refused_rows, translate("Import", "Refused"))
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(
            lambda i: (self.queued_rows, self.refused_rows)[i].resizeRowsToContents()
        )

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.check_button = QPushButton(translate("Import", "Check &again"), self)
        self.queue_button = QPushButton(translate("Import", "&Queue bookings"), self)
        self.queue_button.setEnabled(False)
        self.queue_button.setDefault(True)
        buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.queue_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.check_button.clicked.connect(lambda _checked=False: self.check())
        self.queue_button.clicked.connect(lambda _checked=False: self.queue())
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.path.editingFinished.connect(self._path_typed)
        self.connection.currentIndexChanged.connect(lambda _i: self.check())
        self.resize(880, 560)

    # -- choosing -----------------------------------------------------------------------
    def ask_path(self) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            translate("Import", "Import bookings"),
            str(Path.home()),
            translate("Import", "CSV files (*.csv);;All files (*)"),
        )
        return Path(chosen) if chosen else None

    def browse(self) -> ImportPreview | None:
        path = self.ask_path()
        if path is None:
            return None
        self.path.setText(str(path))
        return self.check()

    def _path_typed(self) -> None:
        if self.path.text().strip() and (
            self.preview is None or str(self.preview.path) != self.path.text().strip()
        ):
            self.check()

    # -- the preview --------------------------------------------------------------------
    def check(self) -> ImportPreview | None:
        """Judge the file as the import would, and show what it would queue and refuse."""
        self.preview = None
        self.queue_button.setEnabled(False)
        self.queue_button.setText(translate("Import", "&Queue bookings"))
        _fill(self.queued_rows, [])
        _fill(self.refused_rows, [])
        self._tab_titles(0, 0)
        text, connection_id = self.path.text().strip(), self.connection.currentData()
        if not text or connection_id is None:
            self.summary.setText(
                _choose()
                if connection_id is not None
                else translate(
                    "Import", "There is no connection yet: add one in File > Connections."
                )
            )
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            preview = preview_import(self.context.booking, str(connection_id), Path(text))
        except ImportFileError as exc:
            self.summary.setText(
                translate("Import", "This file cannot be imported: {why}").format(why=exc)
            )
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.preview = preview
        _fill(
            self.queued_rows,
            [
                [str(r.row), r.when, r.service, r.where, r.patient, r.phone]
                for r in preview.accepted
            ],
        )
        _fill(self.refused_rows, [[str(p.row), p.field, _reason(p)] for p in preview.refused])
        self._tab_titles(len(preview.accepted), len(preview.refused))
        self.tabs.setCurrentIndex(1 if preview.refused and not preview.accepted else 0)
        n = len(preview.accepted)
        self.queue_button.setText(plural("Import", "&Queue %n booking(s)", n))
        self.queue_button.setEnabled(n > 0)
        already = (
            "; " + plural("Import", "%n row(s) already imported", preview.already)
            if preview.already
            else ""
        )
        queued = plural("Import", "%n row(s) would be queued", n)
        refused = plural("Import", "%n row(s) refused", len(preview.refused))
        rest = translate(
            "Import",
            "Nothing is queued until you press Queue; a refused row is left out (fix it in "
            "the file and import the file again: rows already queued are not queued twice).",
        )
        read_as = translate("Import", "Read as {how}.").format(how=preview.read_as)
        self.summary.setText(f"<b>{queued}</b>, {refused}{already}. {read_as} {rest}")
        return preview

    def _tab_titles(self, accepted: int, refused: int) -> None:
        would, refused_words = (
            translate("Import", "Would be queued"),
            translate("Import", "Refused"),
        )
        self.tabs.setTabText(0, f"{would} ({accepted})")
        self.tabs.setTabText(1, f"{refused_words} ({refused})")

    def queue(self) -> None:
        """Queue the good rows (judged again, as the cache stands now), on the desk's change
        runner: a big file never freezes the window."""
        if self.preview is None or not self.preview.accepted:
            return
        preview = self.preview
        actor = self.context.staff.actor().label
        self.queue_button.setEnabled(False)
        self.queue_button.setText(translate("Import", "Queueing…"))

        def queued(report: ImportReport) -> None:
            self.queued.emit(report, preview.path)
            self.accept()

        def not_queued(why: BaseException) -> None:
            reason = (
                str(why) if isinstance(why, ImportFileError) else translate("Import", "try again")
            )
            self.summary.setText(translate("Import", "Nothing queued: {why}").format(why=reason))
            self.queue_button.setText(translate("Import", "&Queue"))
            self.queue_button.setEnabled(True)

        ops_for(self, self.context).run(
            lambda: queue_import(self.context.booking, preview.connection_id, preview.path, actor),
            lambda _report: [],  # many bookings: the window reads the shown span again
            queued,
            failed=not_queued,
            expected=(ImportFileError,),
        )


def _choose() -> str:  # said in two places
    return translate("Import", "Choose a file: nothing is queued before you press Queue.")


def _reason(problem: RowProblem) -> str:
    """Why a row is refused: the rules' refusal in the desk's plain words with its code, or
    the import's own reason (already in the desk's language)."""
    verdict = problem.verdict
    if verdict is None:
        return problem.reason
    return f"{plain_message(verdict)} ({code_line(verdict)})"


def _counts() -> None:  # never called: for lupdate (domain.translation.plural)
    translate("Import", "&Queue %n booking(s)", None, 1)
    translate("Import", "%n row(s) already imported", None, 1)
    translate("Import", "%n row(s) would be queued", None, 1)
    translate("Import", "%n row(s) refused", None, 1)

"""Printing the day sheet (:mod:`frontdesk.app.day_sheet`): laid out as a rich-text document,
the whole day first, then a page per column with appointments (the clinic's column, named as
the day view names it, with the booking systems behind it in small print), on the clinic's
paper, and sent to a printer (``QPrintDialog``) or saved as a PDF (``QPrinter`` in PDF format).
Unsynced bookings are marked in bold with a ✎; a phone number never wraps."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from frontdesk.app.day_sheet import DaySheet, SheetRow
from frontdesk.app.private_files import private_file
from frontdesk.domain import dates
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, plural, translate

NOWRAP = "style='white-space:nowrap'"  # times and phone numbers never break
HEADS = (
    QT_TRANSLATE_NOOP("DaySheet", "Time"),
    QT_TRANSLATE_NOOP("DaySheet", "Where"),
    QT_TRANSLATE_NOOP("DaySheet", "Patient"),
    QT_TRANSLATE_NOOP("DaySheet", "Phone"),
    QT_TRANSLATE_NOOP("DaySheet", "Service"),
    QT_TRANSLATE_NOOP("DaySheet", "Status"),
    QT_TRANSLATE_NOOP("DaySheet", "Sync"),
)
MARK = QT_TRANSLATE_NOOP(
    "DaySheet",
    "✎ = saved at the desk but not yet confirmed by the booking system: it may still change.",
)


def _counts() -> None:  # for lupdate: the counted sentences (never called)
    translate("DaySheet", "%n appointment(s)", None, 1)


def _count(n: int) -> str:
    return plural("DaySheet", "%n appointment(s)", n)


def _mark() -> str:
    return html.escape(translate("DaySheet", MARK))


def _day(sheet: DaySheet) -> str:
    return html.escape(dates.long_day(sheet.day))


def _table(rows: list[SheetRow], where: bool) -> str:
    shown = [h for h in HEADS if where or h != "Where"]
    head = (
        "<tr>"
        + "".join(
            f"<th align='left' {NOWRAP}>{html.escape(translate('DaySheet', h))}</th>" for h in shown
        )
        + "</tr>"
    )
    body = "".join(_row(r, where) for r in rows)
    return (
        "<table width='100%' cellspacing='0' cellpadding='4' border='1' "
        f"style='border-collapse:collapse'>{head}{body}</table>"
    )


def sheet_html(sheet: DaySheet) -> str:
    esc = html.escape
    printed = esc(
        translate("DaySheet", "printed {when}").format(
            when=dates.day_month(sheet.printed_at.date(), year=True)
            + " "
            + dates.clock(sheet.printed_at)
        )
    )
    everything = sheet.whole_day
    if not everything:
        none = esc(translate("DaySheet", "No appointments."))
        return f"<html><body><h2>{_day(sheet)}</h2><p>{none} ({printed})</p></body></html>"
    whole = esc(translate("DaySheet", "The whole day — {day}")).format(day=_day(sheet))
    pages = [
        "<div>"
        f"<h2>{whole}</h2>"
        f"<p style='color:#555'>{printed}</p>"
        f"{_table(everything, where=True)}"
        f"<p style='color:#555'>{esc(_count(len(everything)))}. {_mark()}</p>"
        "</div>"
    ]
    for section in sheet.sections:
        pages.append(
            "<div style='page-break-before: always'>"
            f"<h2>{esc(section.resource)} — {_day(sheet)}</h2>"
            f"<p style='color:#555'>{esc(section.connection)} · {printed}</p>"
            f"{_table(section.rows, where=False)}"
            f"<p style='color:#555'>{esc(_count(len(section.rows)))}. {_mark()}</p>"
            "</div>"
        )
    return "<html><body>" + "".join(pages) + "</body></html>"


def _row(r: SheetRow, where: bool) -> str:
    esc = html.escape
    patient = f"<b>{esc(r.patient)}</b>" if r.unsynced else esc(r.patient)
    mark = f"✎ <b>{esc(r.unsynced)}</b>" if r.unsynced else ""
    place = f"<td>{esc(r.where)}</td>" if where else ""
    return (
        f"<tr><td {NOWRAP}>{esc(r.start)}–{esc(r.end)}</td>{place}<td>{patient}</td>"
        f"<td {NOWRAP}>{esc(r.phone)}</td><td>{esc(r.service)}</td><td>{esc(r.status)}</td>"
        f"<td>{mark}</td></tr>"
    )


def _document(text: str, printer: QPrinter) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(text)
    document.setPageSize(printer.pageRect(QPrinter.Unit.Point).size())
    return document


PAPER = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


def _printer(
    paper: str, mode: QPrinter.PrinterMode = QPrinter.PrinterMode.HighResolution
) -> QPrinter:
    printer = QPrinter(mode)
    printer.setPageSize(QPageSize(PAPER.get(paper, QPageSize.PageSizeId.A4)))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def save_html_pdf(text: str, paper: str, path: Path, doc_name: str) -> Path:
    """Write the rich text ``text`` as a PDF file at ``path`` on ``paper``, readable by the
    user only (a sheet holds patients' names and phones)."""
    private_file(path)  # Qt's PDF writer keeps an existing file's mode
    printer = _printer(paper)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(doc_name)
    _document(text, printer).print_(printer)
    private_file(path)
    return path


def print_html(text: str, paper: str, title: str, parent: QWidget | None = None) -> bool:
    """Ask which printer (a dialog called ``title``), then print the rich text ``text``;
    False when the receptionist cancels."""
    printer = _printer(paper)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    _document(text, printer).print_(printer)
    return True


def save_pdf(sheet: DaySheet, path: Path) -> Path:
    """Write the day sheet as a PDF file at ``path``, readable by the user only."""
    return save_html_pdf(
        sheet_html(sheet),
        sheet.paper,
        path,
        translate("DaySheet", "Day sheet {day}").format(day=f"{sheet.day:%Y-%m-%d}"),
    )


def print_sheet(sheet: DaySheet, parent: QWidget | None = None) -> bool:
    """Ask which printer, then print; False when the receptionist cancels."""
    return print_html(
        sheet_html(sheet), sheet.paper, translate("DaySheet", "Print the day sheet"), parent
    )

"""Printing the day sheet (:mod:`frontdesk.app.day_sheet`): laid out as a rich-text document,
one page per provider, and sent to a printer (``QPrintDialog``) or saved as a PDF
(``QPrinter`` in PDF format). Unsynced bookings are marked in bold with a ✎."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from frontdesk.app.day_sheet import DaySheet, SheetRow


def sheet_html(sheet: DaySheet) -> str:
    esc = html.escape
    pages = []
    for index, section in enumerate(sheet.sections):
        style = " style='page-break-before: always'" if index else ""
        rows = "".join(_row(r) for r in section.rows) or (
            "<tr><td colspan='6'><i>No appointments.</i></td></tr>"
        )
        pages.append(
            f"<div{style}>"
            f"<h2>{esc(section.resource)} — {sheet.day:%A %d %B %Y}</h2>"
            f"<p style='color:#555'>{esc(section.connection)} · times in "
            f"{esc(sheet.zone)} · printed {sheet.printed_at:%d %b %Y %H:%M}</p>"
            "<table width='100%' cellspacing='0' cellpadding='4' border='1' "
            "style='border-collapse:collapse'>"
            "<tr><th align='left'>Time</th><th align='left'>Patient</th>"
            "<th align='left'>Phone</th><th align='left'>Service</th>"
            "<th align='left'>Status</th><th align='left'>Sync</th></tr>"
            f"{rows}</table>"
            f"<p style='color:#555'>{len(section.rows)} appointment(s). ✎ = saved at the desk "
            "but not yet confirmed by the booking system: it may still change.</p>"
            "</div>"
        )
    return "<html><body>" + "".join(pages) + "</body></html>"


def _row(r: SheetRow) -> str:
    esc = html.escape
    patient = f"<b>{esc(r.patient)}</b>" if r.unsynced else esc(r.patient)
    mark = f"✎ <b>{esc(r.unsynced)}</b>" if r.unsynced else ""
    return (
        f"<tr><td>{esc(r.start)}–{esc(r.end)}</td><td>{patient}</td><td>{esc(r.phone)}</td>"
        f"<td>{esc(r.service)}</td><td>{esc(r.status)}</td><td>{mark}</td></tr>"
    )


def _document(sheet: DaySheet, printer: QPrinter) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(sheet_html(sheet))
    document.setPageSize(printer.pageRect(QPrinter.Unit.Point).size())
    return document


def _printer(mode: QPrinter.PrinterMode = QPrinter.PrinterMode.HighResolution) -> QPrinter:
    printer = QPrinter(mode)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


def save_pdf(sheet: DaySheet, path: Path) -> Path:
    """Write the day sheet as a PDF file at ``path``."""
    printer = _printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(f"Day sheet {sheet.day:%Y-%m-%d}")
    _document(sheet, printer).print_(printer)
    return path


def print_sheet(sheet: DaySheet, parent: QWidget | None = None) -> bool:
    """Ask which printer, then print; False when the receptionist cancels."""
    printer = _printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("Print the day sheet")
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    _document(sheet, printer).print_(printer)
    return True

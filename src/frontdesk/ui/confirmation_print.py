"""The confirmation list on paper: the rows shown, three boxes per row to tick while calling
(C / M / N), printed through the day sheet's path (``ui.day_sheet.print_html``, the clinic's
paper) and written to the audit trail."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtWidgets import QWidget

from frontdesk.app import audit
from frontdesk.app.confirmations import CallList, CallRow
from frontdesk.app.context import AppContext
from frontdesk.domain.audit import AuditEntry, AuditEvent
from frontdesk.domain.confirmations import CONFIRMATION_WORDS
from frontdesk.domain.timeutil import to_local, utc_now
from frontdesk.ui.day_sheet import print_html

NOWRAP = "style='white-space:nowrap'"


def list_html(data: CallList | None, rows: list[CallRow], day: date, zone: str) -> str:
    esc = html.escape
    printed = to_local(utc_now(), zone)
    head = "".join(
        f"<th align='left' {NOWRAP}>{h}</th>"
        for h in ("Time", "Patient", "Phone", "Provider", "Answer", "C / M / N")
    )
    body = "".join(
        f"<tr><td>{esc(r.time)}</td><td>{esc(r.patient)}</td>"
        f"<td {NOWRAP}>{esc(r.phone)}</td><td>{esc(r.provider)}</td>"
        f"<td>{esc(CONFIRMATION_WORDS[r.status.state]) if r.status.attempts else ''}</td>"
        "<td>☐ ☐ ☐</td></tr>"
        for r in rows
    )
    counts = esc(data.counts()) if data is not None else ""
    return (
        f"<html><body><h2>Confirmation list — {day:%A %d %B %Y}</h2>"
        f"<p style='color:#555'>{counts} · printed {printed:%d %b %Y %H:%M}</p>"
        "<table width='100%' cellspacing='0' cellpadding='4' border='1' "
        f"style='border-collapse:collapse'><tr>{head}</tr>{body}</table>"
        "<p style='color:#555'>C = confirmed, M = left a message, N = no answer.</p>"
        "</body></html>"
    )


def print_list(
    context: AppContext, text: str, day: date, count: int, parent: QWidget | None = None
) -> bool:
    """Ask which printer, then print ``text``; False when the receptionist cancels."""
    paper = context.settings.paper_size
    if not print_html(text, paper, "Print the confirmation list", parent):
        return False
    detail = f"confirmation list of {day.isoformat()}, {count} appointments"
    audit.record(context, AuditEntry(AuditEvent.PRINTED, context.staff.actor(), detail=detail))
    return True

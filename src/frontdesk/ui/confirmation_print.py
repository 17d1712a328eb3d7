"""The confirmation list on paper: the rows shown, three boxes per row to tick while calling
(C / M / N), printed through the day sheet's path (``ui.day_sheet.print_html``, the clinic's
paper) and written to the audit trail."""

from __future__ import annotations

import html
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from frontdesk.app import audit
from frontdesk.app.confirmations import CallList, CallRow
from frontdesk.domain import dates
from frontdesk.domain.audit import AuditEntry, AuditEvent
from frontdesk.domain.confirmations import confirmation_words
from frontdesk.domain.timeutil import to_local, utc_now
from frontdesk.domain.translation import translate
from frontdesk.ui.day_sheet import print_html

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

NOWRAP = "style='white-space:nowrap'"


def _phone(row: CallRow) -> str:
    """The number to call; in italics when it is not the booking's own (patient records) or
    words saying there is none."""
    said = html.escape(row.phone)
    return f"<i>{said}</i>" if row.phone_note else said


def list_html(data: CallList | None, rows: list[CallRow], day: date, zone: str) -> str:
    esc = html.escape
    printed = to_local(utc_now(), zone)
    heads = (
        translate("ConfirmationPrint", "Time"),
        translate("ConfirmationPrint", "Patient"),
        translate("ConfirmationPrint", "Phone"),
        translate("ConfirmationPrint", "Provider"),
        translate("ConfirmationPrint", "Answer"),
        translate("ConfirmationPrint", "C / M / N"),
    )
    head = "".join(f"<th align='left' {NOWRAP}>{esc(h)}</th>" for h in heads)
    body = "".join(
        f"<tr><td>{esc(r.time)}</td><td>{esc(r.patient)}</td>"
        f"<td {NOWRAP}>{_phone(r)}</td><td>{esc(r.provider)}</td>"
        f"<td>{esc(confirmation_words(r.status.state)) if r.status.attempts else ''}</td>"
        "<td>☐ ☐ ☐</td></tr>"
        for r in rows
    )
    counts = esc(data.counts()) if data is not None else ""
    return (
        "<html><body><h2>"
        + esc(
            translate("ConfirmationPrint", "Confirmation list — {day}").format(
                day=dates.long_day(day)
            )
        )
        + "</h2><p style='color:#555'>"
        + counts
        + " · "
        + esc(
            translate("ConfirmationPrint", "printed {when}").format(
                when=dates.day_month(printed.date(), year=True) + " " + dates.clock(printed)
            )
        )
        + "</p>"
        "<table width='100%' cellspacing='0' cellpadding='4' border='1' "
        f"style='border-collapse:collapse'><tr>{head}</tr>{body}</table>"
        + "<p style='color:#555'>"
        + esc(translate("ConfirmationPrint", "C = confirmed, M = left a message, N = no answer."))
        + "</p>"
        "</body></html>"
    )


def print_list(
    context: AppContext, text: str, day: date, count: int, parent: QWidget | None = None
) -> bool:
    """Ask which printer, then print ``text``; False when the receptionist cancels."""
    paper = context.settings.paper_size
    if not print_html(
        text, paper, translate("ConfirmationPrint", "Print the confirmation list"), parent
    ):
        return False
    detail = f"confirmation list of {day.isoformat()}, {count} appointments"
    audit.record(context, AuditEntry(AuditEvent.PRINTED, context.staff.actor(), detail=detail))
    return True

"""The booking dialog's verdicts: checking what is typed, and showing each answer by its field.

Owns the form's labelled rows (a field with a message line under it), the general line at the
top for verdicts about no one field, which field a verdict belongs to, telling a quiet hint
(a field not reached yet) from an error, and the combined check of the form (the desk's own
verdicts, then the connection's rules through ``validate_as_typed``).
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from frontdesk.app.desk import validate_as_typed
from frontdesk.domain.booking_request import BookingRequest
from frontdesk.domain.translation import translate
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.ui.form_bits import field_style, worst
from frontdesk.ui.theme import Tones, span
from frontdesk.ui.wording import plain_message, verdict_html

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

log = logging.getLogger("frontdesk.ui")

# Where a verdict about a field is shown; anything else goes to the line at the top.
FIELD_ROWS = {
    "connection_id": "connection_id",
    "service_id": "service_id",
    "resource_id": "resource_id",
    "start": "start",
    "session": "start",
    "patient_name": "patient_name",
    "patient_phone": "patient_phone",
    "patient_email": "patient_email",
    "notes": "notes",
}


def check_form(
    context: AppContext, request: BookingRequest | None, local: list[Verdict]
) -> list[Verdict]:
    """The desk's own verdicts on the form (``local``), then the connection's on ``request``."""
    verdicts = list(local)
    if request is None:
        return verdicts
    try:
        answers = validate_as_typed(context, request)
    except Exception:
        log.exception("validation failed")
        answers = [
            Verdict(
                500,
                "CHECK_FAILED",
                translate(
                    "Verdicts", "The desk could not check this booking; it will be checked on save."
                ),
                None,
                Severity.RISK,
            )
        ]
    if any(v.code == "DST_GAP" for v in local):  # the shifted instant would mislead
        answers = [v for v in answers if FIELD_ROWS.get(v.field or "") != "start"]
    return verdicts + answers


@dataclass(slots=True)
class FieldRow:
    key: str
    cell: QWidget
    field: QWidget
    message: QLabel
    description: str


class VerdictRows:
    """The form's rows and the general line; shows a list of verdicts where each belongs."""

    def __init__(self, owner: QWidget, form: QFormLayout, general: QLabel) -> None:
        self.owner = owner
        self.form = form
        self.general = general
        self.rows: dict[str, FieldRow] = {}
        self.touched: set[str] = set()
        general.setWordWrap(True)
        general.setTextFormat(Qt.TextFormat.RichText)
        general.setAccessibleName(translate("BookingDialog", "Messages about this booking"))
        general.hide()

    def add(self, key: str, label_text: str, field: QWidget, focus: QWidget | None = None) -> None:
        """A labelled row for ``field`` with its message line under it."""
        plain = label_text.replace("&", "")
        message = QLabel(self.owner)
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.RichText)
        message.setAccessibleName(translate("BookingDialog", "{field} message").format(field=plain))
        message.hide()
        cell = QWidget(self.owner)
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(field)
        box.addWidget(message)
        label = QLabel(label_text, self.owner)
        label.setBuddy(focus or field)
        self.form.addRow(label, cell)
        field.setAccessibleName(plain)
        self.rows[key] = FieldRow(key, cell, field, message, plain)

    def hide(self, key: str) -> None:
        self.form.setRowVisible(self.rows[key].cell, False)

    def show(self, verdicts: list[Verdict]) -> None:
        grouped: dict[str | None, list[Verdict]] = {}
        for verdict in verdicts:
            target = FIELD_ROWS.get(verdict.field or "")
            grouped.setdefault(target if target in self.rows else None, []).append(verdict)
        tones = Tones.of(self.owner.palette())
        for key, row in self.rows.items():
            items = grouped.get(key, [])
            row.message.setText(self._html(items, key, tones))
            row.message.setVisible(bool(items))
            row.field.setAccessibleDescription(" ".join(plain_message(v) for v in items))
            shown = [v for v in items if not self.is_hint(v, key)]
            row.field.setStyleSheet(field_style(worst(shown), row.field))
        general = grouped.get(None, [])
        self.general.setText(self._html(general, None, tones))
        self.general.setVisible(bool(general))

    def message_for(self, key: str | None) -> str:
        """The text shown under a field ("" when none); the general line for ``None``."""
        label = self.general if key is None else self.rows[key].message
        if label.isHidden():
            return ""
        return QTextDocumentFragment.fromHtml(label.text()).toPlainText()

    def focus_first(self, verdicts: list[Verdict]) -> None:
        """Put the focus in the field of the first verdict that has one."""
        for verdict in verdicts:
            key = FIELD_ROWS.get(verdict.field or "")
            if key in self.rows:
                self.rows[key].field.setFocus()
                return

    def _html(self, verdicts: list[Verdict], key: str | None, tones: Tones) -> str:
        lines = []
        for verdict in verdicts:
            if self.is_hint(verdict, key):  # not filled in yet: a quiet hint, not an error
                lines.append(span(html.escape(plain_message(verdict)), tones.hint))
                continue
            lines.append(verdict_html(verdict, tones))
        return "<br>".join(lines)

    def is_hint(self, verdict: Verdict, key: str | None) -> bool:
        """A missing-field message for a field the receptionist has not reached yet."""
        return (
            key is not None
            and verdict.code == "VALIDATION_ERROR"
            and verdict.status == 400
            and key not in self.touched
        )

"""The details panel: everything about the selected appointment (patient, time, place, visit
status with waiting time, where it stands with the booking system, notes), its history (who
changed it, at which desk or through which channel), and the actions on it.

It reads the cache when the selection changes or after a refresh; the buttons only ask
(signals), the main window's :class:`~frontdesk.ui.actions.DeskActions` does the change. Once an
appointment has been shown for a moment (``VIEWED_AFTER_MS``, so arrowing through a day does not
count each one), ``viewed`` says so, for the audit trail.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from frontdesk.app.booking_checks import status_timing
from frontdesk.app.columns import column_of, everything, is_clinic
from frontdesk.app.desk import (
    clinic_zone,
    on_clinic_clock,
    resource_key,
    resources,
    system_time_words,
)
from frontdesk.domain import dates
from frontdesk.domain.booking import Booking, SyncState, VisitStatus, approximate_time
from frontdesk.domain.confirmations import (
    CONFIRMATION_MARKS,
    Arrival,
    PatientConfirmation,
    waited_words,
)
from frontdesk.domain.timeutil import to_local, utc_now
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, plural, translate
from frontdesk.ui.blocks import state_words, visit_words
from frontdesk.ui.theme import Tones, span
from frontdesk.ui.wording import history_words

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

EVENT_WORDS = {
    "created": QT_TRANSLATE_NOOP("DetailsPanel", "Booked"),
    "synced": QT_TRANSLATE_NOOP("DetailsPanel", "Confirmed by the booking system"),
    "refused": QT_TRANSLATE_NOOP("DetailsPanel", "Refused by the booking system"),
    "moved": QT_TRANSLATE_NOOP("DetailsPanel", "Moved"),
    "cancelled": QT_TRANSLATE_NOOP("DetailsPanel", "Cancelled"),
    "arrived": QT_TRANSLATE_NOOP("DetailsPanel", "Arrived"),
    "completed": QT_TRANSLATE_NOOP("DetailsPanel", "Completed"),
    "no_show": QT_TRANSLATE_NOOP("DetailsPanel", "Marked no-show"),
    "booked": QT_TRANSLATE_NOOP("DetailsPanel", "Back to booked"),
    "seen": QT_TRANSLATE_NOOP("DetailsPanel", "Came in from the booking system"),
    "changed remotely": QT_TRANSLATE_NOOP("DetailsPanel", "Changed in the booking system"),
    "contact created": QT_TRANSLATE_NOOP(
        "DetailsPanel", "Patient's contact created in the booking system"
    ),
    "outcome unknown": QT_TRANSLATE_NOOP("DetailsPanel", "Sent, no answer: outcome unknown"),
    "outcome settled": QT_TRANSLATE_NOOP("DetailsPanel", "Outcome settled"),
    "sent again": QT_TRANSLATE_NOOP("DetailsPanel", "Sent again"),
    "dismissed": QT_TRANSLATE_NOOP("DetailsPanel", "Dismissed"),
    "clash": QT_TRANSLATE_NOOP("DetailsPanel", "Changed here and in the booking system at once"),
    "clash settled": QT_TRANSLATE_NOOP("DetailsPanel", "Clash settled"),
    "edited": QT_TRANSLATE_NOOP("DetailsPanel", "Changed at the desk"),
    "note": QT_TRANSLATE_NOOP("DetailsPanel", "Note"),
}


def _counts() -> None:  # for lupdate: the counted sentences (never called)
    translate("DetailsPanel", "%n change(s) waiting to be sent", None, 1)
    translate("DetailsPanel", "%n call(s)", None, 1)


VIEWED_AFTER_MS = 1500


class DetailsPanelWidget(QWidget):
    statusRequested = Signal(str, object)  # booking id, VisitStatus
    moveRequested = Signal(str)
    cancelRequested = Signal(str)
    viewed = Signal(str)  # booking id: its patient's details were looked at

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.booking: Booking | None = None
        self._viewed: str | None = None
        self._look = QTimer(self)
        self._look.setSingleShot(True)
        self._look.setInterval(VIEWED_AFTER_MS)
        self._look.timeout.connect(self._looked)
        self.setAccessibleName(translate("DetailsPanel", "Appointment details"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        self.title = QLabel(translate("DetailsPanel", "No appointment selected"), body)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setAccessibleName(translate("DetailsPanel", "Patient"))
        layout.addWidget(self.title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("when", translate("DetailsPanel", "When")),
            ("service", translate("DetailsPanel", "Service")),
            ("where", translate("DetailsPanel", "Where")),
            ("phone", translate("DetailsPanel", "Phone")),
            ("email", translate("DetailsPanel", "Email")),
            ("status", translate("DetailsPanel", "Status")),
            ("sync", translate("DetailsPanel", "Booking system")),
            # the patient's own confirmation (the desk's record)
            ("patient", translate("DetailsPanel", "Patient")),
            ("notes", translate("DetailsPanel", "Notes")),
            ("ids", translate("DetailsPanel", "Reference")),
        ):
            value = QLabel(body)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.RichText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            self.form.addRow(translate("DetailsPanel", "{label}:").format(label=label), value)
            self.fields[key] = value
        layout.addLayout(self.form)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        specs = (
            ("arrived", translate("DetailsPanel", "&Arrived"), "A", 0, 0),
            ("completed", translate("DetailsPanel", "Co&mpleted"), "C", 0, 1),
            ("no_show", translate("DetailsPanel", "&No-show"), "N", 0, 2),
            ("move", translate("DetailsPanel", "Mo&ve…"), None, 1, 0),
            ("cancel", translate("DetailsPanel", "Cance&l…"), None, 1, 1),
        )
        for key, text, key_hint, row, col in specs:
            button = QPushButton(text, body)
            plain = re.sub(r"\s*\(&\w\)|&", "", text).rstrip("…")
            button.setAccessibleName(plain)
            if key_hint:
                button.setToolTip(
                    translate("DetailsPanel", "{action} (key {key} in the calendar)").format(
                        action=plain, key=key_hint
                    )
                )
            grid.addWidget(button, row, col)
            self.buttons[key] = button
        layout.addLayout(grid)
        self.buttons["arrived"].clicked.connect(lambda: self._status(VisitStatus.ARRIVED))
        self.buttons["completed"].clicked.connect(lambda: self._status(VisitStatus.COMPLETED))
        self.buttons["no_show"].clicked.connect(lambda: self._status(VisitStatus.NO_SHOW))
        self.buttons["move"].clicked.connect(lambda: self.moveRequested.emit(self._id()))
        self.buttons["cancel"].clicked.connect(lambda: self.cancelRequested.emit(self._id()))
        history_title = QLabel(translate("DetailsPanel", "<b>History</b>"), body)
        layout.addWidget(history_title)
        self.history = QLabel(body)
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.history.setAccessibleName(translate("DetailsPanel", "History"))
        self.history.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.history)
        layout.addStretch(1)
        self.show_booking(None)

    def _status(self, status: VisitStatus) -> None:
        if self.booking is not None:
            self.statusRequested.emit(self.booking.id, status)

    def _id(self) -> str:
        return self.booking.id if self.booking is not None else ""

    def show_booking(self, booking_id: str | None) -> None:
        """Show ``booking_id`` as the cache has it now (None: an empty panel)."""
        booking = self.context.reads.booking(booking_id) if booking_id else None
        self.booking = booking
        if booking is None or booking.id != self._viewed:
            self._viewed = None
            self._look.start()
        for button in self.buttons.values():
            button.setEnabled(booking is not None)
        if booking is None:
            self.title.setText(translate("DetailsPanel", "No appointment selected"))
            for label in self.fields.values():
                label.setText("")
            hint = Tones.of(self.palette()).hint
            self.history.setText(
                span(translate("DetailsPanel", "Select an appointment in the calendar."), hint)
            )
            return
        self._fill(booking)

    def refresh(self) -> None:
        self.show_booking(self.booking.id if self.booking else None)

    def _looked(self) -> None:
        if self.booking is not None and self.isVisible() and self._viewed != self.booking.id:
            self._viewed = self.booking.id
            self.viewed.emit(self.booking.id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.refresh()  # the small print's colours come from the palette
        super().changeEvent(event)

    def _fill(self, b: Booking) -> None:
        zone = clinic_zone(self.context)
        start, end = to_local(b.start, zone), to_local(b.end, zone)
        catalog = self.context.booking.catalog_for(b.connection_id)
        service = catalog.service(b.service_id)
        api = resources(self.context)
        place = next((r for r in api if r.key == (b.connection_id, b.resource_id)), None)
        column = column_of(everything(self.context, api, with_hidden=True), resource_key(b))
        history = self.context.reads.history(b.id)
        esc = html.escape
        hint = Tones.of(self.palette()).hint
        self.title.setText(esc(b.patient_name))
        f = self.fields
        rough = approximate_time(b)  # the booking system keeps a session, not a minute
        if rough is not None:
            session = (
                translate("DetailsPanel", "in the {session}").format(session=rough.label)
                if rough.label
                else translate("DetailsPanel", "time not given")
            )
            when = f"{esc(dates.long_day(start.date()))}<br>{esc(session)} " + span(
                translate("DetailsPanel", "(the booking system gives no time of day)"), hint
            )
        else:
            when = f"{esc(dates.long_day(start.date()))}<br>{dates.clock(start)}–{dates.clock(end)}"
            elsewhere = system_time_words(self.context, b)
            if elsewhere:  # small print only: the clinic's clock is the one that counts
                when += "<br>" + span(esc(elsewhere), hint, small=True)
        f["when"].setText(when)
        f["service"].setText(esc(service.name if service else b.service_id))
        if column is not None and is_clinic(column):  # the clinic's column, as the day view
            system = f"{place.name} · {place.connection_name}" if place else b.resource_id
            f["where"].setText(esc(column.name) + "<br>" + span(esc(system), hint, small=True))
        else:
            f["where"].setText(
                esc(place.name if place else b.resource_id)
                + ("<br>" + span(esc(place.connection_name), hint) if place else "")
            )
        f["phone"].setText(esc(b.patient_phone))
        f["email"].setText(esc(b.patient_email or "—"))
        status = self._status_text(b, history, zone, self.context.arrivals.arrival(b.id))
        note = self.context.booking.desk_only_note(b)
        if note:
            status += "<br>" + span(esc(note[0].upper() + note[1:]), hint, small=True)
        f["status"].setText(status)
        f["sync"].setText(self._sync_text(b))
        f["patient"].setText(confirmation_text(self.context, b, zone, hint))
        f["notes"].setText(esc(b.notes or "—"))
        reference = esc(b.remote_id or translate("DetailsPanel", "not yet in the booking system"))
        f["ids"].setText(f"{span(reference, hint, small=True)}")
        active = b.active
        booked = b.visit_status is VisitStatus.BOOKED
        now = utc_now()
        for key, status in (
            ("arrived", VisitStatus.ARRIVED),
            ("completed", VisitStatus.COMPLETED),
            ("no_show", VisitStatus.NO_SHOW),
        ):
            why = status_timing(b, status, now, zone)  # explains itself instead of being sent
            button = self.buttons[key]
            button.setEnabled(active and b.visit_status is not status and not why)
            button.setToolTip(why[0].message or "" if why else "")
        unsettled = b.sync_state is SyncState.OUTCOME_UNKNOWN  # settled in the sync panel first
        self.buttons["move"].setEnabled(active and booked and not unsettled)
        self.buttons["cancel"].setEnabled(active and not unsettled)
        from frontdesk.app.apis import title  # the booking systems' names: when first shown

        lines = []
        for at, event, detail, actor in reversed(history):
            stamp_at = to_local(at, zone)
            fallback = (
                translate("DetailsPanel", EVENT_WORDS[event])
                if event in EVENT_WORDS
                else event.replace("_", " ").capitalize()
            )
            words, said, small = history_words(event, detail, fallback)
            who = f" · {esc(title(actor))}" if actor else ""
            extra = f": {esc(on_clinic_clock(said, zone))}" if said else ""
            small = f" {span(esc(small), hint, small=True)}" if small else ""
            stamp = span(f"{dates.day_month(stamp_at.date())} {dates.clock(stamp_at)}", hint)
            lines.append(f"{stamp} {esc(words)}{extra}{small}{span(who, hint)}")
        self.history.setText("<br>".join(lines) or "—")

    @staticmethod
    def _status_text(
        b: Booking,
        history: list[tuple[datetime, str, str | None, str | None]],
        zone: str,
        arrival: Arrival | None = None,
    ) -> str:
        words = visit_words(b.visit_status)
        if b.visit_status is VisitStatus.ARRIVED:
            if arrival is not None:  # the desk's record (app.arrivals)
                arrived_at = dates.clock(to_local(arrival.arrived_at, zone))
                words += (
                    " " + translate("DetailsPanel", "at {time}").format(time=arrived_at) + " · "
                )
                minutes = arrival.minutes_waited(utc_now())
                words += (
                    waited_words(minutes)
                    if arrival.waiting
                    else translate("DetailsPanel", "in the chair")
                )
                return html.escape(words)
            arrived = [at for at, event, _, _ in history if event == "arrived"]
            if arrived:
                at = arrived[-1]
                waited = int((utc_now() - at).total_seconds() // 60)
                words += " " + translate("DetailsPanel", "at {time}").format(
                    time=dates.clock(to_local(at, zone))
                )
                words += " · " + waited_words(waited)
        return html.escape(words)

    def _sync_text(self, b: Booking) -> str:
        words = html.escape(state_words(b.sync_state))
        tones = Tones.of(self.palette())
        if b.sync_state in (SyncState.NEEDS_ATTENTION, SyncState.OUTCOME_UNKNOWN):
            reason = html.escape(b.problem_message or "")
            code = html.escape(b.problem_code or "")
            return f"{span(words, tones.error)}<br>{reason} {span(code, tones.hint, small=True)}"
        waiting = self.context.reads.queued_count(b.id)
        if waiting:
            words += "<br>" + span(
                plural("DetailsPanel", "%n change(s) waiting to be sent", waiting), tones.hint
            )
        return words


def confirmation_text(context: AppContext, b: Booking, zone: str, hint: QColor) -> str:
    """The patient's confirmation (the desk's record), apart from the booking system's: the
    outcome, then who and when in small print."""
    status = context.confirmations.status(b.id)
    last = status.last
    if last is None:
        return span(translate("DetailsPanel", "Not confirmed yet (F7)"), hint)
    words = {
        PatientConfirmation.UNCONFIRMED: translate("DetailsPanel", "Not confirmed"),
        PatientConfirmation.CONFIRMED: translate("DetailsPanel", "Confirmed"),
        PatientConfirmation.LEFT_MESSAGE: translate("DetailsPanel", "Left a message"),
        PatientConfirmation.NO_ANSWER: translate("DetailsPanel", "No answer"),
    }[status.state]
    mark = CONFIRMATION_MARKS.get(status.state, "")
    calls = " · " + plural("DetailsPanel", "%n call(s)", status.calls) if status.calls > 1 else ""
    local = to_local(last.at, zone)
    who = f"{last.staff}, {dates.short_day(local.date())} {dates.clock(local)}{calls}"
    return f"{mark} {words}".strip() + "<br>" + span(html.escape(who), hint, small=True)

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
from datetime import datetime

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

from frontdesk.app.apis import title
from frontdesk.app.booking import status_timing
from frontdesk.app.context import AppContext
from frontdesk.app.desk import clinic_zone, on_clinic_clock, resources, system_time_words
from frontdesk.app.words import counted
from frontdesk.domain.booking import Booking, SyncState, VisitStatus, approximate_time
from frontdesk.domain.confirmations import (
    CONFIRMATION_MARKS,
    Arrival,
    PatientConfirmation,
    waited_words,
)
from frontdesk.domain.timeutil import to_local, utc_now
from frontdesk.ui.blocks import STATE_WORDS, VISIT_WORDS
from frontdesk.ui.theme import Tones, span
from frontdesk.ui.wording import history_words

EVENT_WORDS = {
    "created": "Booked",
    "synced": "Confirmed by the booking system",
    "refused": "Refused by the booking system",
    "moved": "Moved",
    "cancelled": "Cancelled",
    "arrived": "Arrived",
    "completed": "Completed",
    "no_show": "Marked no-show",
    "booked": "Back to booked",
    "seen": "Came in from the booking system",
    "changed remotely": "Changed in the booking system",
    "contact created": "Patient's contact created in the booking system",
    "outcome unknown": "Sent, no answer: outcome unknown",
    "outcome settled": "Outcome settled",
    "sent again": "Sent again",
    "dismissed": "Dismissed",
    "clash": "Changed here and in the booking system at once",
    "clash settled": "Clash settled",
    "edited": "Changed at the desk",
    "note": "Note",
}


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
        self.setAccessibleName("Appointment details")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        layout = QVBoxLayout(body)
        self.title = QLabel("No appointment selected", body)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.title.setAccessibleName("Patient")
        layout.addWidget(self.title)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, label in (
            ("when", "When"),
            ("service", "Service"),
            ("where", "Where"),
            ("phone", "Phone"),
            ("email", "Email"),
            ("status", "Status"),
            ("sync", "Booking system"),
            ("patient", "Patient"),  # the patient's own confirmation (the desk's record)
            ("notes", "Notes"),
            ("ids", "Reference"),
        ):
            value = QLabel(body)
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.RichText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setAccessibleName(label)
            self.form.addRow(f"{label}:", value)
            self.fields[key] = value
        layout.addLayout(self.form)
        grid = QGridLayout()
        self.buttons: dict[str, QPushButton] = {}
        specs = (
            ("arrived", "&Arrived", "A", 0, 0),
            ("completed", "Co&mpleted", "C", 0, 1),
            ("no_show", "&No-show", "N", 0, 2),
            ("move", "Mo&ve…", None, 1, 0),
            ("cancel", "Cance&l…", None, 1, 1),
        )
        for key, text, key_hint, row, col in specs:
            button = QPushButton(text, body)
            plain = text.replace("&", "").rstrip("…")
            button.setAccessibleName(plain)
            if key_hint:
                button.setToolTip(f"{plain} (key {key_hint} in the calendar)")
            grid.addWidget(button, row, col)
            self.buttons[key] = button
        layout.addLayout(grid)
        self.buttons["arrived"].clicked.connect(lambda: self._status(VisitStatus.ARRIVED))
        self.buttons["completed"].clicked.connect(lambda: self._status(VisitStatus.COMPLETED))
        self.buttons["no_show"].clicked.connect(lambda: self._status(VisitStatus.NO_SHOW))
        self.buttons["move"].clicked.connect(lambda: self.moveRequested.emit(self._id()))
        self.buttons["cancel"].clicked.connect(lambda: self.cancelRequested.emit(self._id()))
        history_title = QLabel("<b>History</b>", body)
        layout.addWidget(history_title)
        self.history = QLabel(body)
        self.history.setWordWrap(True)
        self.history.setTextFormat(Qt.TextFormat.RichText)
        self.history.setAccessibleName("History")
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
            self.title.setText("No appointment selected")
            for label in self.fields.values():
                label.setText("")
            hint = Tones.of(self.palette()).hint
            self.history.setText(span("Select an appointment in the calendar.", hint))
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
        place = next(
            (r for r in resources(self.context) if r.key == (b.connection_id, b.resource_id)), None
        )
        history = self.context.reads.history(b.id)
        esc = html.escape
        hint = Tones.of(self.palette()).hint
        self.title.setText(esc(b.patient_name))
        f = self.fields
        rough = approximate_time(b)  # the booking system keeps a session, not a minute
        if rough is not None:
            session = f"in the {rough.label}" if rough.label else "time not given"
            when = f"{start:%A %d %B %Y}<br>{esc(session)} " + span(
                "(the booking system gives no time of day)", hint
            )
        else:
            when = f"{start:%A %d %B %Y}<br>{start:%H:%M}–{end:%H:%M}"
            elsewhere = system_time_words(self.context, b)
            if elsewhere:  # small print only: the clinic's clock is the one that counts
                when += "<br>" + span(esc(elsewhere), hint, small=True)
        f["when"].setText(when)
        f["service"].setText(esc(service.name if service else b.service_id))
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
        reference = esc(b.remote_id or "not yet in the booking system")
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
        lines = []
        for at, event, detail, actor in reversed(history):
            stamp_at = to_local(at, zone)
            fallback = EVENT_WORDS.get(event, event.replace("_", " ").capitalize())
            words, said, small = history_words(event, detail, fallback)
            who = f" · {esc(title(actor))}" if actor else ""
            extra = f": {esc(on_clinic_clock(said, zone))}" if said else ""
            small = f" {span(esc(small), hint, small=True)}" if small else ""
            stamp = span(f"{stamp_at:%d %b %H:%M}", hint)
            lines.append(f"{stamp} {esc(words)}{extra}{small}{span(who, hint)}")
        self.history.setText("<br>".join(lines) or "—")

    @staticmethod
    def _status_text(
        b: Booking,
        history: list[tuple[datetime, str, str | None, str | None]],
        zone: str,
        arrival: Arrival | None = None,
    ) -> str:
        words = VISIT_WORDS[b.visit_status]
        if b.visit_status is VisitStatus.ARRIVED:
            if arrival is not None:  # the desk's record (app.arrivals)
                words += f" at {to_local(arrival.arrived_at, zone):%H:%M} · "
                minutes = arrival.minutes_waited(utc_now())
                words += waited_words(minutes) if arrival.waiting else "in the chair"
                return html.escape(words)
            arrived = [at for at, event, _, _ in history if event == "arrived"]
            if arrived:
                at = arrived[-1]
                waited = int((utc_now() - at).total_seconds() // 60)
                words += f" at {to_local(at, zone):%H:%M} · waiting {waited} min"
        return html.escape(words)

    def _sync_text(self, b: Booking) -> str:
        words = html.escape(STATE_WORDS.get(b.sync_state, b.sync_state.value))
        tones = Tones.of(self.palette())
        if b.sync_state in (SyncState.NEEDS_ATTENTION, SyncState.OUTCOME_UNKNOWN):
            reason = html.escape(b.problem_message or "")
            code = html.escape(b.problem_code or "")
            return f"{span(words, tones.error)}<br>{reason} {span(code, tones.hint, small=True)}"
        waiting = self.context.reads.queued_count(b.id)
        if waiting:
            words += "<br>" + span(f"{counted(waiting, 'change')} waiting to be sent", tones.hint)
        return words


def confirmation_text(context: AppContext, b: Booking, zone: str, hint: QColor) -> str:
    """The patient's confirmation (the desk's record), apart from the booking system's: the
    outcome, then who and when in small print."""
    status = context.confirmations.status(b.id)
    last = status.last
    if last is None:
        return span("Not confirmed yet (F7)", hint)
    words = {
        PatientConfirmation.UNCONFIRMED: "Not confirmed",
        PatientConfirmation.CONFIRMED: "Confirmed",
        PatientConfirmation.LEFT_MESSAGE: "Left a message",
        PatientConfirmation.NO_ANSWER: "No answer",
    }[status.state]
    mark = CONFIRMATION_MARKS.get(status.state, "")
    calls = f" · {status.calls} calls" if status.calls > 1 else ""
    who = f"{last.staff}, {to_local(last.at, zone):%a %d %b %H:%M}{calls}"
    return f"{mark} {words}".strip() + "<br>" + span(html.escape(who), hint, small=True)

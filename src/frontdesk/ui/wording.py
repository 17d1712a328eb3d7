"""Plain words for what the booking systems say, and the small print that names their code.

The rule sets answer in each API's own words ("appointment_date does not fall within any
configured calendar window"), which is right for ``frontdesk validate`` and for support, but not
for a receptionist. The desk shows a sentence from here and keeps the API's code beside it in
small print in the hint tone (``ui.theme.Tones``), so support can still match the two.
"""

from __future__ import annotations

import html
import re

from frontdesk.app.desk_rules import CODE as DESK_RULE
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.ui.theme import Tones, span

PLAIN: dict[str, str] = {
    "OUTSIDE_AVAILABILITY": "The clinic does not take bookings at this time. "
    "Pick a time inside the opening hours.",
    "SLOT_INACTIVE": "This session is closed on this day. Pick another day or session.",
    "SLOT_FULL": "This session is fully booked. Pick another time or branch.",
    "PAST_APPOINTMENT": "This time has already passed. Pick a time in the future.",
    "INVALID_APPOINTMENT_TYPE": "This service can no longer be booked. Choose another service.",
    "DUPLICATE_BOOKING": "This patient already has this service booked on this day.",
    "NO_CONNECTION": "Choose which booking system to book in.",
    "CANCELLATION_NOT_ALLOWED": "This clinic does not allow cancelling through the booking "
    "system. Call the clinic's office to cancel.",
    "CANCELLATION_TOO_LATE": "It is too late to cancel this appointment in the booking system.",
}

# The API's own validation messages name wire fields; say what to do instead.
_VALIDATION_BY_FIELD: dict[str, str] = {
    "start": "Choose a valid date and time.",
    "session": "Pick a time inside a morning, afternoon or evening session.",
    "resource_id": "Choose a branch.",
    "service_id": "Choose a service.",
    "patient_name": "Type the patient's name.",
    "patient_phone": "Type the patient's phone number.",
}


def plain_message(verdict: Verdict) -> str:
    """One sentence a receptionist can act on."""
    if verdict.code in PLAIN:
        return PLAIN[verdict.code]
    message = (verdict.message or "").strip()
    if verdict.code == "VALIDATION_ERROR" and _reads_like_wire(message):
        return _VALIDATION_BY_FIELD.get(verdict.field or "", "Check the details and try again.")
    return message or "The booking system refused this booking."


def code_line(verdict: Verdict) -> str:
    """``SLOT_FULL · HTTP 409``; a risk (not a refusal) shows its code alone."""
    code = verdict.code or "ERROR"
    if code == DESK_RULE:  # no booking system answers it: no HTTP status to name
        return f"{code} · this desk's own rule"
    if verdict.status >= 400:
        return f"{code} · HTTP {verdict.status}"
    return code


def _reads_like_wire(message: str) -> bool:
    return "_" in message.split(" ", 1)[0] or not message[:1].isupper()


def verdict_html(verdict: Verdict, tones: Tones | None = None) -> str:
    """One verdict as rich text: the plain sentence, then the API's code in small print, in
    ``tones`` (the application palette's when None)."""
    tones = tones or Tones.of()
    text = html.escape(plain_message(verdict))
    color, mark = (tones.risk, "⚠ ") if verdict.severity is Severity.RISK else (tones.error, "")
    code = html.escape(code_line(verdict))
    return span(f"{mark}{text}", color) + "&nbsp;&nbsp;" + span(code, tones.hint, small=True)


def verdicts_html(verdicts: list[Verdict], tones: Tones | None = None) -> str:
    tones = tones or Tones.of()
    return "<br>".join(verdict_html(v, tones) for v in verdicts)


# what each kind of change is called where the history names it
KIND_WORDS: dict[str, str] = {
    "create": "the booking",
    "reschedule": "the move",
    "cancel": "the cancellation",
    "set_status": "the status",
    "create_patient": "the patient's record",
}
_CONFIRMED = {
    "create": "Confirmed by the booking system",
    "reschedule": "Move confirmed by the booking system",
    "cancel": "Cancellation confirmed by the booking system",
    "set_status": "Status confirmed by the booking system",
    "create_patient": "Patient's record made in the booking system",
}
_REFUSAL = re.compile(r"^HTTP (\d{3}) ([^:]*): (.*)$", re.S)


def history_words(event: str, detail: str | None, fallback: str) -> tuple[str, str, str]:
    """One history entry in plain words: the headline, what to say of it, and small print
    (the booking system's code and status). No operation names, no raw API codes in the
    sentence a receptionist reads."""
    text = (detail or "").strip()
    if event == "synced":
        kind, _, how = text.partition(" ")
        small = "it already had it" if how.startswith("replayed") else ""
        return _CONFIRMED.get(kind, fallback), "", small
    if event == "refused":
        found = _REFUSAL.match(text)
        if found:
            status, code, message = int(found.group(1)), found.group(2), found.group(3)
            verdict = Verdict(status, code or None, message)
            return fallback, plain_message(verdict), code_line(verdict)
        return fallback, text, ""
    if event in ("sent again", "dismissed"):
        return fallback, KIND_WORDS.get(text, text), ""
    return fallback, text, ""

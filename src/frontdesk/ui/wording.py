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
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.ui.theme import Tones, span

# English; shown through translate("Verdicts", sentence)
PLAIN: dict[str, str] = {
    "OUTSIDE_AVAILABILITY": QT_TRANSLATE_NOOP(
        "Verdicts",
        "The clinic does not take bookings at this time. Pick a time inside the opening hours.",
    ),
    "SLOT_INACTIVE": QT_TRANSLATE_NOOP(
        "Verdicts", "This session is closed on this day. Pick another day or session."
    ),
    "SLOT_FULL": QT_TRANSLATE_NOOP(
        "Verdicts", "This session is fully booked. Pick another time or branch."
    ),
    "PAST_APPOINTMENT": QT_TRANSLATE_NOOP(
        "Verdicts", "This time has already passed. Pick a time in the future."
    ),
    "INVALID_APPOINTMENT_TYPE": QT_TRANSLATE_NOOP(
        "Verdicts", "This service can no longer be booked. Choose another service."
    ),
    "DUPLICATE_BOOKING": QT_TRANSLATE_NOOP(
        "Verdicts", "This patient already has this service booked on this day."
    ),
    "NO_CONNECTION": QT_TRANSLATE_NOOP("Verdicts", "Choose which booking system to book in."),
    "CANCELLATION_NOT_ALLOWED": QT_TRANSLATE_NOOP(
        "Verdicts",
        "This clinic does not allow cancelling through the booking system. Call the clinic's "
        "office to cancel.",
    ),
    "CANCELLATION_TOO_LATE": QT_TRANSLATE_NOOP(
        "Verdicts", "It is too late to cancel this appointment in the booking system."
    ),
}

# The API's own validation messages name wire fields; say what to do instead.
_VALIDATION_BY_FIELD: dict[str, str] = {
    "start": QT_TRANSLATE_NOOP("Verdicts", "Choose a valid date and time."),
    "session": QT_TRANSLATE_NOOP(
        "Verdicts", "Pick a time inside a morning, afternoon or evening session."
    ),
    "resource_id": QT_TRANSLATE_NOOP("Verdicts", "Choose a branch."),
    "service_id": QT_TRANSLATE_NOOP("Verdicts", "Choose a service."),
    "patient_name": QT_TRANSLATE_NOOP("Verdicts", "Type the patient's name."),
    "patient_phone": QT_TRANSLATE_NOOP("Verdicts", "Type the patient's phone number."),
}


def plain_message(verdict: Verdict) -> str:
    """One sentence a receptionist can act on, in the desk's language where the desk says it
    in its own words (a booking system's own sentence is shown as it sent it)."""
    if verdict.code in PLAIN:
        return translate("Verdicts", PLAIN[verdict.code])
    message = (verdict.message or "").strip()
    if verdict.code == "VALIDATION_ERROR" and _reads_like_wire(message):
        said = _VALIDATION_BY_FIELD.get(verdict.field or "")
        if said is None:
            return translate("Verdicts", "Check the details and try again.")
        return translate("Verdicts", said)
    return message or translate("Verdicts", "The booking system refused this booking.")


def code_line(verdict: Verdict) -> str:
    """``SLOT_FULL · HTTP 409``; a risk (not a refusal) shows its code alone."""
    code = verdict.code or "ERROR"
    if code == DESK_RULE:  # no booking system answers it: no HTTP status to name
        return translate("Verdicts", "{code} · this desk's own rule").format(code=code)
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
    "create": QT_TRANSLATE_NOOP("History", "the booking"),
    "reschedule": QT_TRANSLATE_NOOP("History", "the move"),
    "cancel": QT_TRANSLATE_NOOP("History", "the cancellation"),
    "set_status": QT_TRANSLATE_NOOP("History", "the status"),
    "create_patient": QT_TRANSLATE_NOOP("History", "the patient's record"),
}
_CONFIRMED = {
    "create": QT_TRANSLATE_NOOP("History", "Confirmed by the booking system"),
    "reschedule": QT_TRANSLATE_NOOP("History", "Move confirmed by the booking system"),
    "cancel": QT_TRANSLATE_NOOP("History", "Cancellation confirmed by the booking system"),
    "set_status": QT_TRANSLATE_NOOP("History", "Status confirmed by the booking system"),
    "create_patient": QT_TRANSLATE_NOOP("History", "Patient's record made in the booking system"),
}
_REFUSAL = re.compile(r"^HTTP (\d{3}) ([^:]*): (.*)$", re.S)


def history_words(event: str, detail: str | None, fallback: str) -> tuple[str, str, str]:
    """One history entry in plain words: the headline, what to say of it, and small print
    (the booking system's code and status). No operation names, no raw API codes in the
    sentence a receptionist reads."""
    text = (detail or "").strip()
    if event == "synced":
        kind, _, how = text.partition(" ")
        small = translate("History", "it already had it") if how.startswith("replayed") else ""
        confirmed = _CONFIRMED.get(kind)
        return (translate("History", confirmed) if confirmed else fallback), "", small
    if event == "refused":
        found = _REFUSAL.match(text)
        if found:
            status, code, message = int(found.group(1)), found.group(2), found.group(3)
            verdict = Verdict(status, code or None, message)
            return fallback, plain_message(verdict), code_line(verdict)
        return fallback, text, ""
    if event in ("sent again", "dismissed"):
        kind_words = KIND_WORDS.get(text)
        return fallback, translate("History", kind_words) if kind_words else text, ""
    return fallback, detail_words(text), ""


# what the history keeps in English (``storage``, ``app``), said in the desk's language
_DETAILS = {
    "imported from a CSV file": QT_TRANSLATE_NOOP("History", "imported from a CSV file"),
    "booked through another channel": QT_TRANSLATE_NOOP(
        "History", "booked through another channel"
    ),
    "both sides agree again": QT_TRANSLATE_NOOP("History", "both sides agree again"),
    "kept the desk's version": QT_TRANSLATE_NOOP("History", "kept the desk's version"),
    "took the booking system's version": QT_TRANSLATE_NOOP(
        "History", "took the booking system's version"
    ),
    "with the following of its series": QT_TRANSLATE_NOOP(
        "History", "with the following of its series"
    ),
}
_MOVED_TO = re.compile(r"^to (\d{4}-\d\d-\d\dT\S+Z)( *.*)$")


def detail_words(text: str) -> str:
    """A history line's stored detail in the desk's language where the desk wrote it in words
    of its own (a move's ``to 2027-06-15T09:30:00.000Z``: its instant is put on the clinic's
    clock where shown); a person's note or reason, as written."""
    if text in _DETAILS:
        return translate("History", _DETAILS[text])
    moved = _MOVED_TO.match(text)
    if moved:
        rest = moved.group(2).lstrip(", ")
        said = translate("History", "to {when}").format(when=moved.group(1))
        return f"{said}, {detail_words(rest)}" if rest else said
    return text

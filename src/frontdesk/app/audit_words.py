"""The audit trail's lines in the desk's language, as the viewer shows them.

The trail keeps what changed and each line's detail in English, as the desk wrote them
(``start: 2027-… → 2027-…``, ``day sheet of 2027-06-01, 12 appointments, to the printer``):
a CSV and ``frontdesk audit`` read them so, whatever a desk's language. Where a desk shows a
line, the words the desk itself wrote are said in its language: each field's name, the fixed
values (a visit status, a role, a patient's answer, a blockout's repeat), "(none)", and each
detail the desk writes from a sentence of its own (the tables below, marked for translation
and matched against the stored text, their ``{placeholders}`` filled with what the line
holds); instants on the clinic's clock, days in the language's words. What a person typed (a
note, a cancellation's reason) or a system sent (a name, a file's name) stays as stored, and
a detail the tables do not know is shown as stored.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from datetime import date
from functools import cache

from frontdesk.app.audit_values import column_words, service_words, title_words
from frontdesk.app.day_sheet import VISIT
from frontdesk.app.staff import UNKNOWN_NAME
from frontdesk.domain import dates
from frontdesk.domain.audit import EVENT_WORDS, AuditEvent
from frontdesk.domain.blockouts import REASON_LABELS, REPEAT_WORDS
from frontdesk.domain.booking import VisitStatus
from frontdesk.domain.confirmations import CONFIRMATION_WORDS, PatientConfirmation
from frontdesk.domain.timeutil import parse_iso_instant, to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate

CONTEXT = "AuditLines"

# the trail's field keys (domain.audit, app.staff, app.blockouts, app.arrivals, ...)
FIELDS: dict[str, str] = {
    "start": QT_TRANSLATE_NOOP("AuditLines", "start"),
    "end": QT_TRANSLATE_NOOP("AuditLines", "end"),
    "resource_id": QT_TRANSLATE_NOOP("AuditLines", "place"),
    "service_id": QT_TRANSLATE_NOOP("AuditLines", "service"),
    "patient_name": QT_TRANSLATE_NOOP("AuditLines", "patient's name"),
    "patient_phone": QT_TRANSLATE_NOOP("AuditLines", "phone"),
    "patient_email": QT_TRANSLATE_NOOP("AuditLines", "email"),
    "notes": QT_TRANSLATE_NOOP("AuditLines", "notes"),
    "visit_status": QT_TRANSLATE_NOOP("AuditLines", "visit status"),
    "name": QT_TRANSLATE_NOOP("AuditLines", "name"),
    "role": QT_TRANSLATE_NOOP("AuditLines", "role"),
    "confirmation": QT_TRANSLATE_NOOP("AuditLines", "patient's answer"),
    "arrived_at": QT_TRANSLATE_NOOP("AuditLines", "arrived at"),
    "seated_at": QT_TRANSLATE_NOOP("AuditLines", "in the chair at"),
    "column": QT_TRANSLATE_NOOP("AuditLines", "column"),
    "reason": QT_TRANSLATE_NOOP("AuditLines", "reason"),
    "repeat": QT_TRANSLATE_NOOP("AuditLines", "repeats"),
    "weeks": QT_TRANSLATE_NOOP("AuditLines", "weeks"),
    "until": QT_TRANSLATE_NOOP("AuditLines", "until"),
    "column order": QT_TRANSLATE_NOOP("AuditLines", "order of the columns"),
    "view order": QT_TRANSLATE_NOOP("AuditLines", "order of the views"),
}
# a key that names something of the clinic's (domain.columns.changes_of): "column Dr Rao"
NAMED_FIELDS: tuple[tuple[str, str], ...] = (
    ("column ", QT_TRANSLATE_NOOP("AuditLines", "column {name}")),
    ("resource ", QT_TRANSLATE_NOOP("AuditLines", "resource {name}")),
    ("view ", QT_TRANSLATE_NOOP("AuditLines", "view {name}")),
)
ROLES = {
    "admin": QT_TRANSLATE_NOOP("AuditLines", "administrator"),
    "staff": QT_TRANSLATE_NOOP("AuditLines", "staff"),
}
# a change's kind (the sync panel's decisions keep it as their detail)
KINDS = {
    "create": QT_TRANSLATE_NOOP("AuditLines", "the booking"),
    "reschedule": QT_TRANSLATE_NOOP("AuditLines", "the move"),
    "cancel": QT_TRANSLATE_NOOP("AuditLines", "the cancellation"),
    "set_status": QT_TRANSLATE_NOOP("AuditLines", "the status"),
    "create_patient": QT_TRANSLATE_NOOP("AuditLines", "the patient's record"),
}
# what the appointment's window changed (app.editing), listed in its detail
PARTS = {
    "time": QT_TRANSLATE_NOOP("AuditLines", "time"),
    "place": QT_TRANSLATE_NOOP("AuditLines", "place"),
    "service": QT_TRANSLATE_NOOP("AuditLines", "service"),
    "name": QT_TRANSLATE_NOOP("AuditLines", "name"),
    "phone": QT_TRANSLATE_NOOP("AuditLines", "phone"),
    "email": QT_TRANSLATE_NOOP("AuditLines", "email"),
    "notes": QT_TRANSLATE_NOOP("AuditLines", "notes"),
}
# details the desk writes as they are: as stored -> as said (the same but where a word alone
# would be read as another: the desk locked at its start)
FIXED: dict[str, str] = {
    "the appointment's window": QT_TRANSLATE_NOOP("AuditLines", "the appointment's window"),
    "the details panel": QT_TRANSLATE_NOOP("AuditLines", "the details panel"),
    "the first administrator, at the first start": QT_TRANSLATE_NOOP(
        "AuditLines", "the first administrator, at the first start"
    ),
    "unknown name": QT_TRANSLATE_NOOP("AuditLines", "unknown name"),
    "locked out": QT_TRANSLATE_NOOP("AuditLines", "locked out"),
    "wrong PIN": QT_TRANSLATE_NOOP("AuditLines", "wrong PIN"),
    "disabled": QT_TRANSLATE_NOOP("AuditLines", "disabled"),
    "unlocked": QT_TRANSLATE_NOOP("AuditLines", "unlocked"),
    "start": QT_TRANSLATE_NOOP("AuditLines", "when the desk started"),
    "idle": QT_TRANSLATE_NOOP("AuditLines", "idle"),
    "by hand": QT_TRANSLATE_NOOP("AuditLines", "by hand"),
    "the demo": QT_TRANSLATE_NOOP("AuditLines", "the demo"),
    "command line": QT_TRANSLATE_NOOP("AuditLines", "command line"),
    "the demo clinic's columns": QT_TRANSLATE_NOOP("AuditLines", "the demo clinic's columns"),
    "arrived": QT_TRANSLATE_NOOP("AuditLines", "arrived"),
    "back to waiting": QT_TRANSLATE_NOOP("AuditLines", "back to waiting"),
    "in the chair": QT_TRANSLATE_NOOP("AuditLines", "in the chair"),
    "seen (completed)": QT_TRANSLATE_NOOP("AuditLines", "seen (completed)"),
    "cancelled meanwhile": QT_TRANSLATE_NOOP("AuditLines", "cancelled meanwhile"),
    "a note": QT_TRANSLATE_NOOP("AuditLines", "a note"),
    "kept the desk's version": QT_TRANSLATE_NOOP("AuditLines", "kept the desk's version"),
    "took the booking system's version": QT_TRANSLATE_NOOP(
        "AuditLines", "took the booking system's version"
    ),
    "it arrived": QT_TRANSLATE_NOOP("AuditLines", "it arrived"),
    "cancelled the booking; nothing more is sent": QT_TRANSLATE_NOOP(
        "AuditLines", "cancelled the booking; nothing more is sent"
    ),
    "with the following of its series": QT_TRANSLATE_NOOP(
        "AuditLines", "with the following of its series"
    ),
    "removed": QT_TRANSLATE_NOOP("AuditLines", "removed"),
    "removed from the list": QT_TRANSLATE_NOOP("AuditLines", "removed from the list"),
    "booked in a freed slot": QT_TRANSLATE_NOOP("AuditLines", "booked in a freed slot"),
    "expired": QT_TRANSLATE_NOOP("AuditLines", "expired"),
    "whole clinic": QT_TRANSLATE_NOOP("AuditLines", "whole clinic"),
    "standard output": QT_TRANSLATE_NOOP("AuditLines", "standard output"),
    "day sheet": QT_TRANSLATE_NOOP("AuditLines", "day sheet"),
    "(a name nobody has)": QT_TRANSLATE_NOOP("AuditLines", "(a name nobody has)"),
}
# details the desk writes from a sentence with {placeholders}, tried in this order
SENTENCES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("AuditLines", "day sheet of {day}, {count} appointments, to the printer"),
    QT_TRANSLATE_NOOP("AuditLines", "day sheet of {day}, {count} appointments, as a PDF ({file})"),
    QT_TRANSLATE_NOOP("AuditLines", "confirmation list of {day}, {count} appointments"),
    QT_TRANSLATE_NOOP("AuditLines", "{title}: {count} appointments, {format}, {file}"),
    QT_TRANSLATE_NOOP("AuditLines", "{count} lines to {file} ({asked})"),
    QT_TRANSLATE_NOOP("AuditLines", "{count} lines to {file}"),
    QT_TRANSLATE_NOOP("AuditLines", "took over from {name}"),
    QT_TRANSLATE_NOOP("AuditLines", "for {name}"),
    QT_TRANSLATE_NOOP("AuditLines", "ASAP entry {id}: {why}"),
    QT_TRANSLATE_NOOP("AuditLines", "ASAP entry {id}"),
    QT_TRANSLATE_NOOP("AuditLines", "from {file}"),
    QT_TRANSLATE_NOOP("AuditLines", "series {id}, {number} of {total}"),
    QT_TRANSLATE_NOOP("AuditLines", "booked at the desk, {number} of {total} in a series"),
    QT_TRANSLATE_NOOP("AuditLines", "to {instant}, with the following of its series"),
    QT_TRANSLATE_NOOP("AuditLines", "{reason}; with the following of its series"),
    QT_TRANSLATE_NOOP("AuditLines", "to {instant}"),
    QT_TRANSLATE_NOOP("AuditLines", "{parts} (kept at the desk)"),
    QT_TRANSLATE_NOOP("AuditLines", "{parts}; to {instant}"),
    QT_TRANSLATE_NOOP("AuditLines", "{parts}"),
    QT_TRANSLATE_NOOP("AuditLines", "kept at the desk only; {system} still has it as booked"),
    QT_TRANSLATE_NOOP("AuditLines", 'kept at the desk only: {system} has no "{status}" status'),
    QT_TRANSLATE_NOOP("AuditLines", "arrival undone ({status})"),
    # a pin's time: an instant (said on the clinic's clock in the desk's language); lines
    # written before kept it as the desk's words of the day (shown as stored)
    QT_TRANSLATE_NOOP("AuditLines", "kept at {instant} until placed"),
    QT_TRANSLATE_NOOP("AuditLines", "placed at {instant}"),
    QT_TRANSLATE_NOOP("AuditLines", "left at {instant}"),
    QT_TRANSLATE_NOOP("AuditLines", "kept at {when} until placed"),
    QT_TRANSLATE_NOOP("AuditLines", "placed at {when}"),
    QT_TRANSLATE_NOOP("AuditLines", "left at {when}"),
    QT_TRANSLATE_NOOP("AuditLines", "it arrived (remote id {id})"),
    QT_TRANSLATE_NOOP("AuditLines", "it did not arrive: {kind} sent again"),
)
# what an audit export's filter asked for (app.audit.described), "; " between them
ASKED: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("AuditLines", "from {instant}"),
    QT_TRANSLATE_NOOP("AuditLines", "until {instant}"),
    QT_TRANSLATE_NOOP("AuditLines", "staff {name}"),
    QT_TRANSLATE_NOOP("AuditLines", "event {event}"),
    QT_TRANSLATE_NOOP("AuditLines", "patient or booking {subject}"),
)
_SHAPES = {  # what a placeholder's stored text looks like (else: anything)
    "count": r"\d+",
    "number": r"\d+",
    "total": r"\d+",
    "day": r"\d{4}-\d\d-\d\d",
    "instant": r"\d{4}-\d\d-\d\dT\S+Z",
    "id": r"\S+",
    "kind": r"[a-z_]+",
}
_STATUS = {  # a visit status as stored ("no_show") or as the desk's words write it
    **{s.value: s for s in VisitStatus},
    "no-show": VisitStatus.NO_SHOW,
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


class _Unknown(Exception):
    """A placeholder's stored text is not what its sentence writes there."""


def line_words(
    changes: Mapping[str, list[str | None]],
    detail: str | None,
    zone: str,
    services: Mapping[str, str] | None = None,
) -> str:
    """What changed and the detail of a line, joined by ``; `` as the viewer shows them
    (``services``: each service's name by its id, :func:`audit_values.service_names`)."""
    said = changes_words(changes, zone, services)
    shown = detail_words(detail, zone) if detail else ""
    return "; ".join(part for part in (said, shown) if part)


def staff_words(staff: str) -> str:
    """Who a line names: the staff member as stored, or the desk's words for a name nobody
    has (a refused sign-in's)."""
    return translate(CONTEXT, FIXED[staff]) if staff == UNKNOWN_NAME else staff


def changes_words(
    changes: Mapping[str, list[str | None]], zone: str, services: Mapping[str, str] | None = None
) -> str:
    """``start: Sat 5 Dec 2026 09:00 → …; notes: (none) → Ring first``, in the desk's words."""
    none = translate("AuditLines", "(none)")
    parts = []
    for name, pair in changes.items():
        before, after = [*list(pair), None, None][:2]
        old = value_words(name, before, zone, services) if before is not None else none
        new = value_words(name, after, zone, services) if after else none
        parts.append(f"{field_words(name)}: {old} → {new}")
    return "; ".join(parts)


def field_words(name: str) -> str:
    """A field's key as the viewer names it (a key it does not know, as stored)."""
    if name in FIELDS:
        return translate(CONTEXT, FIELDS[name])
    for start, sentence in NAMED_FIELDS:
        if name.startswith(start):
            return translate(CONTEXT, sentence).format(name=name[len(start) :])
    return name


def value_words(name: str, value: str, zone: str, services: Mapping[str, str] | None = None) -> str:
    """A stored value of field ``name`` in the desk's words where the desk wrote it (a
    service: its name where ``services`` knows its id)."""
    if name == "service_id":
        return service_words(value, services or {})
    if name.startswith("column ") and name not in FIELDS:  # a clinic column: "Dr Rao (room)"
        return column_words(value)
    if name == "visit_status" and value in _STATUS:
        return translate("DaySheet", VISIT[_STATUS[value]])
    if name == "role" and value in ROLES:
        return translate(CONTEXT, ROLES[value])
    if name == "confirmation" and value in {c.value for c in PatientConfirmation}:
        return translate("Confirmations", CONFIRMATION_WORDS[PatientConfirmation(value)])
    if name == "repeat" and value in REPEAT_WORDS.values():
        return translate("Blockouts", value)
    if name == "reason":
        return reason_words(value)
    if name == "column" and value in FIXED:
        return translate(CONTEXT, FIXED[value])
    return _instant_or_day(value, zone)


def reason_words(label: str) -> str:
    """A blockout's label as stored (``Lunch``, ``Meeting: team huddle``), its reason said in
    the desk's words (the note as typed)."""
    head, sep, note = label.partition(": ")
    labels = set(REASON_LABELS.values())
    if head in labels:
        return translate("Blockouts", head) + sep + note
    return label


def _instant_or_day(value: str, zone: str) -> str:
    if re.fullmatch(_SHAPES["instant"], value):
        instant = parse_iso_instant(value)
        if instant is not None:
            return dates.moment(to_local(instant, zone), year=True)
    if re.fullmatch(_SHAPES["day"], value):
        try:
            return dates.day_month(date.fromisoformat(value), year=True)
        except ValueError:
            return value
    return value


def detail_words(detail: str, zone: str) -> str:
    """A line's detail in the desk's words where the desk wrote it from a sentence of its own;
    else as stored (a person's note or reason)."""
    if detail in FIXED:
        return translate(CONTEXT, FIXED[detail])
    if detail in KINDS:
        return translate(CONTEXT, KINDS[detail])
    if detail in CONFIRMATION_WORDS.values():
        return translate("Confirmations", detail)
    said = _sentence(SENTENCES, detail, zone)
    if said is not None:
        return said
    if detail in set(REASON_LABELS.values()) or detail.partition(": ")[0] in set(
        REASON_LABELS.values()
    ):
        return reason_words(detail)
    return detail


def _sentence(sentences: tuple[str, ...], text: str, zone: str) -> str | None:
    for sentence in sentences:
        found = _pattern(sentence).fullmatch(text)
        if found is None:
            continue
        try:
            values = {name: _value(name, said, zone) for name, said in found.groupdict().items()}
        except _Unknown:
            continue
        return translate(CONTEXT, sentence).format(**values)
    return None


@cache
def _pattern(sentence: str) -> re.Pattern[str]:
    parts, last = [], 0
    for found in _PLACEHOLDER.finditer(sentence):
        parts.append(re.escape(sentence[last : found.start()]))
        name = found.group(1)
        parts.append(f"(?P<{name}>{_SHAPES.get(name, '.+?')})")
        last = found.end()
    parts.append(re.escape(sentence[last:]))
    return re.compile("".join(parts), re.S)


def _value(name: str, text: str, zone: str) -> str:
    """A placeholder's stored text as the translated sentence shows it."""
    said = _VALUES.get(name)
    return said(text, zone) if said is not None else text


def _day(text: str, zone: str) -> str:
    return _instant_or_day(text, zone)


def _status(text: str, zone: str) -> str:
    if text not in _STATUS:
        raise _Unknown(text)
    return translate("DaySheet", VISIT[_STATUS[text]])


def _kind(text: str, zone: str) -> str:
    if text not in KINDS:
        raise _Unknown(text)
    return translate(CONTEXT, KINDS[text])


def _parts(text: str, zone: str) -> str:
    words = text.split(", ")
    if not all(w in PARTS for w in words):
        raise _Unknown(text)
    return ", ".join(translate(CONTEXT, PARTS[w]) for w in words)


def _why(text: str, zone: str) -> str:
    return translate(CONTEXT, FIXED[text]) if text in FIXED else text


def _asked(text: str, zone: str) -> str:
    said = []
    for part in text.split("; "):
        found = _sentence(ASKED, part, zone)
        if found is None:
            raise _Unknown(part)
        said.append(found)
    return "; ".join(said)


def _event(text: str, zone: str) -> str:
    try:
        return translate("Audit", EVENT_WORDS[AuditEvent(text)])
    except ValueError:
        return text


def _title(text: str, zone: str) -> str:
    return title_words(text)


def _file(text: str, zone: str) -> str:
    return translate(CONTEXT, FIXED[text]) if text == "standard output" else text


_VALUES: dict[str, Callable[[str, str], str]] = {
    "day": _day,
    "instant": _day,
    "status": _status,
    "kind": _kind,
    "parts": _parts,
    "why": _why,
    "asked": _asked,
    "event": _event,
    "file": _file,
    "title": _title,
}

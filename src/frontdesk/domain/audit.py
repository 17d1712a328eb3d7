"""The audit trail's words: who did something (``Actor``: a signed-in staff member at a desk),
what they did (``AuditEvent``), an entry to append (``AuditEntry``), a stored one as the viewer
reads it (``AuditRecord``) and a viewer's filter (``AuditFilter``).

What changed is kept as ``{field: [before, after]}`` of the fields that changed only, each value
as text (instants in ISO 8601 UTC); a new booking has no "before". Pure: no storage, no Qt.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from frontdesk.domain.timeutil import iso_utc
from frontdesk.domain.translation import QT_TRANSLATE_NOOP

# history rows keep who in 100 characters
ACTOR_WIDTH = 100
# what a new booking's audit line says of it, and the fields a change's line compares
BOOKED_FIELDS = ("start", "service_id", "resource_id", "patient_name")
CHANGED_FIELDS = (
    "start",
    "end",
    "resource_id",
    "service_id",
    "patient_name",
    "patient_phone",
    "patient_email",
    "notes",
    "visit_status",
)


class AuditEvent(enum.StrEnum):
    BOOKED = "booked"
    MOVED = "moved"
    CANCELLED = "cancelled"
    STATUS = "status"  # arrived, completed, no-show, back to booked
    # the sync panel's decisions on what the booking system refused or did not answer
    SENT_AGAIN = "sent again"  # a refused change sent again
    GIVEN_UP = "given up"  # a refused change put aside for good
    OUTCOME_SETTLED = "outcome settled"  # arrived, send again, or cancel (outcome unknown)
    CLASH_SETTLED = "clash settled"  # the desk's version kept, or the booking system's taken
    NOTE_ADDED = "note added"
    EDITED = "edited"  # the appointment window's changes (patient details, service, ...)
    IMPORTED = "imported"  # one row per booking an import queued
    EXPORTED = "exported"
    PRINTED = "printed"  # a day sheet, to the printer or a PDF
    OPENED = "opened"  # a patient's details: the appointment's own window, the details panel
    SIGNED_IN = "signed in"
    SIGN_IN_REFUSED = "sign-in refused"
    LOCKED = "locked"
    STAFF_ADDED = "staff added"
    PIN_RESET = "PIN reset"
    STAFF_DISABLED = "staff disabled"
    STAFF_ENABLED = "staff enabled"
    AUDIT_EXPORTED = "audit exported"
    ASAP_ADDED = "ASAP added"  # the ASAP list (domain.asap)
    ASAP_CHANGED = "ASAP changed"
    ASAP_REMOVED = "ASAP removed"
    CONFIRMATION = "confirmation"  # a call's outcome: confirmed, left a message, no answer
    ARRIVAL = "arrival"  # the patient's arrival time, or "in the chair" (desk-only marks)
    BLOCKOUT_ADDED = "blockout added"
    BLOCKOUT_CHANGED = "blockout changed"
    BLOCKOUT_REMOVED = "blockout removed"
    PINNED = "pinned"  # cut to the pinboard (the booking itself unchanged)
    UNPINNED = "unpinned"  # taken off the pinboard: placed, put back, or fell off
    COLUMNS = "columns changed"  # the clinic's columns, their resources, the views


# English; shown through translate("Audit", words), stored as the event's key
EVENT_WORDS: dict[AuditEvent, str] = {
    AuditEvent.BOOKED: QT_TRANSLATE_NOOP("Audit", "Booked"),
    AuditEvent.MOVED: QT_TRANSLATE_NOOP("Audit", "Moved"),
    AuditEvent.CANCELLED: QT_TRANSLATE_NOOP("Audit", "Cancelled"),
    AuditEvent.STATUS: QT_TRANSLATE_NOOP("Audit", "Visit status"),
    AuditEvent.SENT_AGAIN: QT_TRANSLATE_NOOP("Audit", "Refused change sent again"),
    AuditEvent.GIVEN_UP: QT_TRANSLATE_NOOP("Audit", "Refused change given up"),
    AuditEvent.OUTCOME_SETTLED: QT_TRANSLATE_NOOP("Audit", "Unknown outcome settled"),
    AuditEvent.CLASH_SETTLED: QT_TRANSLATE_NOOP("Audit", "Clash settled"),
    AuditEvent.NOTE_ADDED: QT_TRANSLATE_NOOP("Audit", "Note added"),
    AuditEvent.EDITED: QT_TRANSLATE_NOOP("Audit", "Changed in its window"),
    AuditEvent.IMPORTED: QT_TRANSLATE_NOOP("Audit", "Imported"),
    AuditEvent.EXPORTED: QT_TRANSLATE_NOOP("Audit", "Exported"),
    AuditEvent.PRINTED: QT_TRANSLATE_NOOP("Audit", "Day sheet printed"),
    AuditEvent.OPENED: QT_TRANSLATE_NOOP("Audit", "Patient's details opened"),
    AuditEvent.SIGNED_IN: QT_TRANSLATE_NOOP("Audit", "Signed in"),
    AuditEvent.SIGN_IN_REFUSED: QT_TRANSLATE_NOOP("Audit", "Sign-in refused"),
    AuditEvent.LOCKED: QT_TRANSLATE_NOOP("Audit", "Desk locked"),
    AuditEvent.STAFF_ADDED: QT_TRANSLATE_NOOP("Audit", "Staff member added"),
    AuditEvent.PIN_RESET: QT_TRANSLATE_NOOP("Audit", "PIN reset"),
    AuditEvent.STAFF_DISABLED: QT_TRANSLATE_NOOP("Audit", "Staff member disabled"),
    AuditEvent.STAFF_ENABLED: QT_TRANSLATE_NOOP("Audit", "Staff member enabled"),
    AuditEvent.AUDIT_EXPORTED: QT_TRANSLATE_NOOP("Audit", "Audit trail exported"),
    AuditEvent.ASAP_ADDED: QT_TRANSLATE_NOOP("Audit", "Put on the ASAP list"),
    AuditEvent.ASAP_CHANGED: QT_TRANSLATE_NOOP("Audit", "ASAP entry changed"),
    AuditEvent.ASAP_REMOVED: QT_TRANSLATE_NOOP("Audit", "Taken off the ASAP list"),
    AuditEvent.CONFIRMATION: QT_TRANSLATE_NOOP("Audit", "Patient's confirmation"),
    AuditEvent.ARRIVAL: QT_TRANSLATE_NOOP("Audit", "Arrival"),
    AuditEvent.BLOCKOUT_ADDED: QT_TRANSLATE_NOOP("Audit", "Blockout added"),
    AuditEvent.BLOCKOUT_CHANGED: QT_TRANSLATE_NOOP("Audit", "Blockout changed"),
    AuditEvent.BLOCKOUT_REMOVED: QT_TRANSLATE_NOOP("Audit", "Blockout removed"),
    AuditEvent.PINNED: QT_TRANSLATE_NOOP("Audit", "Put on the pinboard"),
    AuditEvent.UNPINNED: QT_TRANSLATE_NOOP("Audit", "Taken off the pinboard"),
    AuditEvent.COLUMNS: QT_TRANSLATE_NOOP("Audit", "Clinic columns changed"),
}

Changes = dict[str, list[str | None]]


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts: a staff member's name (or the command line's OS user), and the desk (host)."""

    staff: str
    desk: str

    @property
    def label(self) -> str:
        """How a booking's history names them: ``Anna at reception-1``."""
        return f"{self.staff} at {self.desk}"[:ACTOR_WIDTH]


def actor_of(who: Actor | str) -> Actor:
    """``who`` as an :class:`Actor`; a bare label (a tool or a test naming itself) is the
    staff part, at no named desk."""
    return who if isinstance(who, Actor) else Actor(who, "")


def label_of(who: Actor | str) -> str:
    """How a booking's history names ``who``."""
    return who.label if isinstance(who, Actor) else who[:ACTOR_WIDTH]


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line to append to the trail; the store stamps it with the time (UTC)."""

    event: AuditEvent
    actor: Actor
    booking_id: str | None = None
    changes: Changes = field(default_factory=dict)
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """One stored line of the trail; ``patient`` is the booking's patient as the cache holds
    it now (the trail itself keeps no patient but what changed)."""

    id: int
    at: datetime
    staff: str
    desk: str
    event: str
    booking_id: str | None
    changes: Changes
    detail: str | None
    patient: str | None = None


@dataclass(frozen=True, slots=True)
class AuditFilter:
    """What the viewer asks for: instants ``[start, end)``, a staff member, an event, and a
    booking id or the start of a patient's name or phone (``subject``)."""

    start: datetime | None = None
    end: datetime | None = None
    staff: str | None = None
    event: str | None = None
    subject: str | None = None


def text_of(value: Any) -> str | None:
    """A field's value as the trail keeps it."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return iso_utc(value)
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def changes_between(before: object | None, after: object, fields: Iterable[str]) -> Changes:
    """``{field: [before, after]}`` of the ``fields`` that differ (all, with no ``before``)."""
    found: Changes = {}
    for name in fields:
        old = text_of(getattr(before, name)) if before is not None else None
        new = text_of(getattr(after, name))
        if before is None or old != new:
            found[name] = [old, new]
    return found


def changes_words(changes: Mapping[str, list[str | None]]) -> str:
    """``start: 2027-… → 2027-…; notes: (none) → Ring first`` for a screen or a CSV cell."""
    parts = []
    for name, pair in changes.items():
        before, after = [*list(pair), None, None][:2]
        parts.append(f"{name}: {before if before is not None else '(none)'} → {after or '(none)'}")
    return "; ".join(parts)

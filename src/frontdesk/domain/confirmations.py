"""The patient's side of an appointment, kept at the desk only: whether the patient confirmed
it (a call's outcome: confirmed, left a message, no answer) and when they arrived.

"Confirmed by the booking system" is the booking's sync state (``domain.booking.SyncState``);
"confirmed by the patient" is this module's :class:`PatientConfirmation`, a history of attempts
per booking whose latest is the booking's state. An arrival is the instant (UTC) the desk marked
the patient arrived, and when they went in ("in the chair", a desk-only mark no booking system
keeps). Pure: no storage, no Qt.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from frontdesk.domain import dates
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, plural, translate


def _counts() -> None:  # for lupdate: the counted sentences (never called)
    translate("Confirmations", "%n call(s)", None, 1)


class PatientConfirmation(enum.StrEnum):
    UNCONFIRMED = "unconfirmed"
    CONFIRMED = "confirmed"
    LEFT_MESSAGE = "left_message"
    NO_ANSWER = "no_answer"


CONFIRMATION_WORDS = {
    PatientConfirmation.UNCONFIRMED: QT_TRANSLATE_NOOP(
        "Confirmations", "Not confirmed by the patient"
    ),
    PatientConfirmation.CONFIRMED: QT_TRANSLATE_NOOP("Confirmations", "Confirmed by the patient"),
    PatientConfirmation.LEFT_MESSAGE: QT_TRANSLATE_NOOP("Confirmations", "Left a message"),
    PatientConfirmation.NO_ANSWER: QT_TRANSLATE_NOOP("Confirmations", "No answer"),
}


def confirmation_words(state: PatientConfirmation) -> str:
    """The patient's answer in the desk's language (the audit trail keeps the English)."""
    return translate("Confirmations", CONFIRMATION_WORDS[state])


# the small mark a booking's block carries (none while unconfirmed)
CONFIRMATION_MARKS = {
    PatientConfirmation.CONFIRMED: "✓",
    PatientConfirmation.LEFT_MESSAGE: "✉",
    PatientConfirmation.NO_ANSWER: "☎",
}


@dataclass(frozen=True, slots=True)
class ConfirmationAttempt:
    """One mark of a booking's confirmation: what came of it, when (UTC), by whom."""

    booking_id: str
    state: PatientConfirmation
    at: datetime
    staff: str
    desk: str


@dataclass(frozen=True, slots=True)
class ConfirmationStatus:
    """Where a booking's confirmation stands: the latest attempt's state and how many there
    were (its history, oldest first)."""

    booking_id: str
    attempts: tuple[ConfirmationAttempt, ...] = ()

    @property
    def state(self) -> PatientConfirmation:
        return self.attempts[-1].state if self.attempts else PatientConfirmation.UNCONFIRMED

    @property
    def confirmed(self) -> bool:
        return self.state is PatientConfirmation.CONFIRMED

    @property
    def last(self) -> ConfirmationAttempt | None:
        return self.attempts[-1] if self.attempts else None

    @property
    def calls(self) -> int:
        """How many calls were made (an undo back to "unconfirmed" is not a call)."""
        return sum(1 for a in self.attempts if a.state is not PatientConfirmation.UNCONFIRMED)

    def words(self, zone_name: str) -> str:
        """``Confirmed by the patient · Anna, Mon 14:02 · 2 calls`` (on the clinic's clock)."""
        last = self.last
        text = confirmation_words(self.state)
        if last is not None:
            local = to_local(last.at, zone_name)
            text += f" · {last.staff}, {dates.weekday(local.date())} {dates.clock(local)}"
        if self.calls > 1:
            text += " · " + plural("Confirmations", "%n call(s)", self.calls)
        return text


def statuses_of(
    booking_ids: Iterable[str], attempts: Iterable[ConfirmationAttempt]
) -> dict[str, ConfirmationStatus]:
    """Each booking's status from its attempts (given oldest first)."""
    found: dict[str, list[ConfirmationAttempt]] = {i: [] for i in booking_ids}
    for attempt in attempts:
        found.setdefault(attempt.booking_id, []).append(attempt)
    return {i: ConfirmationStatus(i, tuple(a)) for i, a in found.items()}


@dataclass(frozen=True, slots=True)
class Arrival:
    """When the patient of ``booking_id`` arrived (UTC) and, once they went in, when."""

    booking_id: str
    arrived_at: datetime
    arrived_by: str
    seated_at: datetime | None = None
    seated_by: str | None = None

    @property
    def waiting(self) -> bool:
        return self.seated_at is None

    def minutes_waited(self, now: datetime) -> int:
        """Whole minutes from arrival to going in (or to ``now`` while still waiting)."""
        end = self.seated_at or now
        return max(0, int((end - self.arrived_at).total_seconds() // 60))


def waited_words(minutes: int) -> str:
    """``waiting 12 min``, ``waiting 1 h 05``."""
    if minutes < 60:
        return translate("Arrivals", "waiting {minutes} min").format(minutes=minutes)
    return translate("Arrivals", "waiting {hours} h {minutes}").format(
        hours=minutes // 60, minutes=f"{minutes % 60:02d}"
    )


def tomorrow(now: datetime, zone_name: str) -> date:
    """The clinic's tomorrow at ``now`` (its calendar's next day, whatever the clock does
    on it: a daylight-saving day is 23 or 25 hours long, never "now + 24 h")."""
    return to_local(now, zone_name).date() + timedelta(days=1)

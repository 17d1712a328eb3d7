"""Bookings as the desk knows them (the canonical request the booking dialog builds is
:mod:`frontdesk.domain.booking_request`).

A booking has two independent states: its *visit status* (what happens at the desk: booked,
arrived, completed, no-show, cancelled) and its *sync state* (where it stands with the remote
system: pencilled until the remote acknowledges it, then confirmed; needs attention when
refused; outcome unknown when it was sent, no answer came back and the remote cannot be asked
whether it arrived, until a person settles it).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, NamedTuple

from frontdesk.domain.sensitive import remember_patient
from frontdesk.domain.timeutil import ensure_utc


class VisitStatus(enum.StrEnum):
    BOOKED = "booked"
    ARRIVED = "arrived"
    COMPLETED = "completed"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"


class SyncState(enum.StrEnum):
    PENCILLED = "pencilled"  # saved locally, not yet acknowledged remotely
    CONFIRMED = "confirmed"  # the remote system holds it
    AWAITING_CONFIRMATION = "awaiting_confirmation"  # remote holds it provisionally
    NEEDS_ATTENTION = "needs_attention"  # refused remotely: a person must act
    # sent, no answer, and no lookup can tell whether it arrived: a person settles it
    OUTCOME_UNKNOWN = "outcome_unknown"


# Set in a booking's ``extra`` by a connector whose API acknowledges a booking without giving
# its id (CareValidate's book answer has none; the id is looked up later): the remote holds it
# although ``remote_id`` may still be None, so a change to it is sent, never kept at the desk.
# The value is the connector's own non-empty text for finding it again (CareValidate: the
# start it holds, ISO 8601 UTC).
HELD_WITHOUT_ID = "heldWithoutId"


@dataclass(frozen=True, slots=True)
class Booking:
    """One appointment in the local cache."""

    id: str
    connection_id: str
    service_id: str
    resource_id: str
    start: datetime
    end: datetime
    patient_name: str
    patient_phone: str
    remote_id: str | None = None
    session: str | None = None
    batch: str | None = None
    patient_email: str | None = None
    notes: str | None = None
    external_ref: str | None = None
    visit_status: VisitStatus = VisitStatus.BOOKED
    sync_state: SyncState = SyncState.PENCILLED
    problem_code: str | None = None
    problem_message: str | None = None
    version: int = 1
    # Provider-specific fields the wire needs and the desk keeps (a VantaX contact id and
    # title, a meetergo channel, a CareValidate location...): JSON-able.
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:  # never logged: masked wherever a log shows them
        remember_patient(self.patient_name, self.patient_phone, self.patient_email, self.notes)

    @property
    def active(self) -> bool:
        """Whether the booking holds its place (counts against capacity)."""
        return self.visit_status is not VisitStatus.CANCELLED

    @property
    def held_remotely(self) -> bool:
        """Whether the remote holds the booking: it has a remote id, or the remote acknowledged
        it without one (``extra[HELD_WITHOUT_ID]``)."""
        return self.remote_id is not None or bool(self.extra.get(HELD_WITHOUT_ID))

    def with_changes(self, **changes: object) -> Booking:
        return replace(self, **changes)  # type: ignore[arg-type]


# A booking system that keeps an appointment's date and session but not its minute
# (HuskyVoice) places a pulled booking at the start of the span it knows, and says so in the
# booking's ``extra`` under this key: ``{"at": ISO instant (the placeholder start), "from": ISO
# instant, "to": ISO instant, "label": "Morning session"}``. The desk then shows the label
# rather than a minute, and a pull does not move a booking whose own start (one the desk set)
# lies inside ``[from, to)`` (``domain.merge``).
APPROXIMATE_TIME = "approximate_time"


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """What a remote knows of a booking's time: somewhere in ``[start, end)``, called
    ``label``; a booking it pulls starts at ``at``."""

    start: datetime
    end: datetime
    at: datetime
    label: str

    def holds(self, instant: datetime) -> bool:
        return self.start <= instant < self.end


def time_span(booking: Booking) -> TimeSpan | None:
    """The span in ``booking.extra[APPROXIMATE_TIME]``, None when there is none (or it is
    unreadable)."""
    value = booking.extra.get(APPROXIMATE_TIME)
    if not isinstance(value, Mapping):
        return None
    try:
        start = ensure_utc(datetime.fromisoformat(str(value["from"])))
        end = ensure_utc(datetime.fromisoformat(str(value["to"])))
        at = ensure_utc(datetime.fromisoformat(str(value.get("at") or value["from"])))
    except (KeyError, TypeError, ValueError):
        return None
    return TimeSpan(start, end, at, str(value.get("label") or ""))


def approximate_time(booking: Booking) -> TimeSpan | None:
    """The span a booking's minute is unknown within: its start is still the placeholder a
    pull gave it (once the desk sets a start of its own, the time is known)."""
    span = time_span(booking)
    return span if span is not None and booking.start == span.at else None


class BookingGlimpse(NamedTuple):
    """What the calendars show of a booking: who, what, where, when and its two states. A
    busy week is thousands of these, read from the cache as plain rows; the full
    :class:`Booking` is read when one is opened."""

    id: str
    connection_id: str
    service_id: str
    resource_id: str
    start: datetime
    end: datetime
    patient_name: str
    patient_phone: str
    visit_status: VisitStatus
    sync_state: SyncState
    problem_message: str | None

    @property
    def active(self) -> bool:
        return self.visit_status is not VisitStatus.CANCELLED


def glimpse_of(booking: Booking | BookingGlimpse) -> BookingGlimpse:
    """The calendars' view of ``booking``."""
    if isinstance(booking, BookingGlimpse):
        return booking
    b = booking
    return BookingGlimpse(
        b.id,
        b.connection_id,
        b.service_id,
        b.resource_id,
        b.start,
        b.end,
        b.patient_name,
        b.patient_phone,
        b.visit_status,
        b.sync_state,
        b.problem_message,
    )

"""What the store names without SQLAlchemy: the change topics the screens listen for, the
refusals its writes raise, the plain records it returns and the shapes of what its callers
pass in. A module of the desk's can name them without loading SQLAlchemy, which the demo's
window is built and painted without (docs/architecture.md, "Cold start, the demo's window
before its store"). The store's module that owns each one re-exports it under its old name."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from frontdesk.domain.booking import Booking
from frontdesk.domain.sensitive import remember_patient

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# change topics (``storage.notices``): what a desk-local write tells the other desks
TOPIC_MARK = "#"  # "#blockouts": a desk-local topic changed, not a booking
ASAP_TOPIC = "asap"
BLOCKOUTS_TOPIC = "blockouts"
COLUMNS_TOPIC = "columns"
PINBOARD_TOPIC = "pinboard"
CONFIRMATIONS = "confirmations"
ARRIVALS = "arrivals"

Step = Callable[["Session"], object]
"""A further write that lands in a desk change's own transaction (the pin taken off a placed
booking, the arrival instant of an "arrived" mark): all of it is written, or none."""

# Reads the bookings starting in [first, last) of a connection (None: all), as they stand.
BookingsBetween = Callable[[datetime, datetime, str | None], list[Booking]]
# Called inside a write before a booking is written; raises to refuse it (``Repository.book``,
# ``change_booking``): nothing is written, and no other write came between its read and it.
Guard = Callable[[BookingsBetween], None]


class StaleBooking(Exception):
    """The booking changed (a sync, another desk) since the caller read it."""

    def __init__(self, booking_id: str) -> None:
        super().__init__(f"booking {booking_id} changed since it was read")
        self.booking_id = booking_id


class AsapEntryGone(Exception):
    """The entry was removed or changed at another desk meanwhile."""


class BlockoutGone(Exception):
    """The blockout was changed or removed (by another desk) since it was read."""


class StaleSetup(Exception):
    """Another desk saved the clinic's columns since this setup was read."""


class NotUnknown(Exception):
    """The operation is no longer outcome-unknown (settled meanwhile, by a person or a pull)."""


class StaffRefused(Exception):
    """A change of staff the store will not make; the message says why in plain words."""


@dataclass(frozen=True, slots=True)
class Patient:
    name: str
    phone: str
    email: str | None
    last_seen: datetime
    bookings: int

    def __post_init__(self) -> None:  # never logged: masked wherever a log shows them
        remember_patient(self.name, self.phone, self.email)


@dataclass(frozen=True, slots=True)
class Pin:
    booking_id: str
    pinned_at: datetime
    pinned_by: str  # the staff member
    desk: str


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def folded_name(name: str) -> str:
    """The name as a patient's key holds it (case and spacing aside)."""
    return " ".join(name.casefold().split())


def patient_key(name: str, phone: str) -> str:
    return f"{folded_name(name)}|{digits(phone)}"

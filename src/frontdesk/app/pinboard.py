"""The pinboard: appointments cut from the calendar to be placed on another day.

Pinning changes nothing of the booking: it keeps its time (and its place in the booking
system) until it is placed. Placing is a move (:meth:`BookingService.reschedule`, judged exactly
as a drag on the grid is) that takes the pin off in the move's own transaction: a refused (or
failed) placing leaves it pinned and where it was, a placed one is never left pinned.
The audit lines name the booking's time as an instant (``kept at 2027-03-10T13:30:00.000Z
until placed``), said on the clinic's clock in the desk's language where a line is shown
(:mod:`frontdesk.app.audit_words`). A pin whose booking was cancelled (or removed) meanwhile
*falls off*: :func:`read` tells it apart with a sentence, and :func:`drop_fallen` takes it off
with an audit line. A pin names its place as the day view does: the clinic's column that
shows its resource (``app.columns``), else the booking system's resource. The pinboard is kept
in the store (``storage.pinboard``), shared by every desk on it (topic ``"pinboard"``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from frontdesk.app.booking import Change
from frontdesk.app.booking_checks import BookingRefused, refusal
from frontdesk.app.columns import everything, labels
from frontdesk.app.desk import ResourceKey, resources
from frontdesk.domain import dates
from frontdesk.domain.audit import AuditEntry, AuditEvent
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.timeutil import iso_utc, to_local
from frontdesk.domain.translation import translate
from frontdesk.storage.plain import PINBOARD_TOPIC as TOPIC
from frontdesk.storage.plain import Pin

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

__all__ = ["TOPIC", "FellOff", "PinnedItem", "drop_fallen", "pin", "place", "put_back", "read"]


@dataclass(frozen=True, slots=True)
class PinnedItem:
    """A pinned appointment as the pinboard lists it."""

    booking: Booking
    pin: Pin
    service: str  # the service's name
    provider: str  # the clinic's column's name (else the booking system's resource's)
    minutes: int

    def original(self, zone: str) -> str:
        """Where it still is, on the clinic's clock: ``Tue 10 Mar 14:30``."""
        return f"{dates.moment(to_local(self.booking.start, zone))}"


@dataclass(frozen=True, slots=True)
class FellOff:
    """A pin whose booking is no longer there to place, and why, in words."""

    booking_id: str
    words: str


def _when(booking: Booking, zone: str) -> str:
    return f"{dates.moment(to_local(booking.start, zone))}"


def read(context: AppContext) -> tuple[list[PinnedItem], list[FellOff]]:
    """The pinboard, oldest pin first, and the pins that fell off (cancelled meanwhile)."""
    pins = context.repo.pinboard.pins()
    if not pins:
        return [], []
    found = {b.id: b for b in context.reads.bookings_by_ids([p.booking_id for p in pins])}
    zone = context.clinic_zone
    items: list[PinnedItem] = []
    fallen: list[FellOff] = []
    services_of: dict[str, dict[str, str]] = {}
    places = _place_names(context)
    for p in pins:
        booking = found.get(p.booking_id)
        if booking is None:
            fallen.append(
                FellOff(
                    p.booking_id,
                    translate("Pinboard", "An appointment on the pinboard is no longer here."),
                )
            )
            continue
        if not booking.active:
            fallen.append(
                FellOff(
                    p.booking_id,
                    translate(
                        "Pinboard",
                        "{patient}'s appointment of {when} was cancelled meanwhile; it is off "
                        "the pinboard.",
                    ).format(patient=booking.patient_name, when=_when(booking, zone)),
                )
            )
            continue
        if booking.connection_id not in services_of:
            catalog = context.booking.catalog_for(booking.connection_id)
            services_of[booking.connection_id] = {s.id: s.name for s in catalog.services}
        services = services_of[booking.connection_id]
        minutes = int((booking.end - booking.start).total_seconds() // 60)
        items.append(
            PinnedItem(
                booking,
                p,
                services.get(booking.service_id, booking.service_id),
                places.get((booking.connection_id, booking.resource_id), booking.resource_id),
                minutes,
            )
        )
    return items, fallen


def _place_names(context: AppContext) -> dict[ResourceKey, str]:
    """What each booking system's resource is called on the pinboard: the name of the clinic's
    column that shows it (as the day view and the details panel say), else its own."""
    api = resources(context)
    names, _ = labels(api, everything(context, api, with_hidden=True))
    return names


def pinned_ids(context: AppContext) -> set[str]:
    return {p.booking_id for p in context.repo.pinboard.pins()}


def pin(context: AppContext, booking_id: str) -> Booking:
    """Put the booking on the pinboard (it stays where it is); refuses one that cannot move."""
    booking = context.booking.existing(booking_id)
    if not booking.active:
        raise BookingRefused(
            [
                refusal(
                    "CANCELLED", translate("Pinboard", "A cancelled appointment cannot be pinned.")
                )
            ]
        )
    if booking.visit_status is not VisitStatus.BOOKED:
        word = booking.visit_status.value.replace("_", "-")
        said = {
            VisitStatus.ARRIVED: translate(
                "Pinboard", "An arrived appointment cannot be moved or pinned."
            ),
            VisitStatus.COMPLETED: translate(
                "Pinboard", "A completed appointment cannot be moved or pinned."
            ),
            VisitStatus.NO_SHOW: translate(
                "Pinboard", "A no-show appointment cannot be moved or pinned."
            ),
        }.get(booking.visit_status)
        if said is None:
            article = "An" if word[0] in "aeiou" else "A"
            said = f"{article} {word} appointment cannot be moved or pinned."
        raise BookingRefused([refusal("NOT_MOVABLE", said)])
    if booking.sync_state is SyncState.OUTCOME_UNKNOWN:
        raise BookingRefused(
            [
                refusal(
                    "OUTCOME_UNKNOWN",
                    translate("Pinboard", "Settle this booking in the sync panel first."),
                )
            ]
        )
    entry = AuditEntry(
        AuditEvent.PINNED,
        context.booking.actor(),
        booking.id,
        detail=f"kept at {iso_utc(booking.start)} until placed",
    )
    if not context.repo.pinboard.pin(booking.id, entry):
        raise BookingRefused(
            [
                refusal(
                    "PINNED", translate("Pinboard", "This appointment is on the pinboard already.")
                )
            ]
        )
    return booking


def place(
    context: AppContext, booking_id: str, start: datetime, resource_id: str | None = None
) -> Change:
    """Move the pinned booking to ``start`` (and column), judged as a drag is, and take it off
    the pinboard in the same transaction. A refusal (``BookingRefused``) leaves it pinned and
    where it was."""
    entry = AuditEntry(
        AuditEvent.UNPINNED,
        context.booking.actor(),
        booking_id,
        detail=f"placed at {iso_utc(start)}",
    )
    unpin = context.repo.pinboard.unpinning([entry])
    return context.booking.reschedule(booking_id, start, resource_id, also=unpin)


def put_back(context: AppContext, booking_id: str) -> Booking:
    """Take the booking off the pinboard without moving it (it stays at its time)."""
    booking = context.booking.existing(booking_id)
    _unpin(context, [booking_id], f"left at {iso_utc(booking.start)}")
    return booking


def drop_fallen(context: AppContext, fallen: Sequence[FellOff]) -> list[str]:
    """Take pins whose booking is gone or cancelled off the pinboard, each with its line."""
    return _unpin(context, [f.booking_id for f in fallen], "cancelled meanwhile")


def _unpin(context: AppContext, ids: Sequence[str], detail: str) -> list[str]:
    actor = context.booking.actor()
    entries = [AuditEntry(AuditEvent.UNPINNED, actor, i, detail=detail) for i in ids]
    return context.repo.pinboard.unpin(entries)

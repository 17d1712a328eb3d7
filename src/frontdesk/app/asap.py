"""The ASAP list at the desk: putting a patient on it (from its window, or from a booking they
want earlier), changing and removing entries, and filling a freed slot.

When a slot frees up (``storage.asap`` notes it, whoever freed it), :func:`offers` finds the
entries it suits: their connection and service, their provider or resource if they name one,
their weekdays, parts of the day and "until" day on the clinic's clock
(``domain.asap.slot_fits``), before the booking they hold if they hold one, and a booking the
offline rules accept there (the booking service's own checks, as the booking dialog runs
them). Nearest first: the earliest "until", then the longest waiting. An entry's provider is
the clinic's column that shows it (``app.asap_reach``): a slot on another booking system
behind that column suits it too. :func:`take` books the patient in the slot through the
normal booking path (or moves the booking they hold, rather than book them twice; a booking
held on another booking system than the slot's cannot move there, so it is cancelled in the
new one's transaction: both or neither) and then takes the entry off the list. Each change
names who made it in an audit line.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from frontdesk.app import phones
from frontdesk.app.asap_reach import reaches
from frontdesk.app.booking import Change
from frontdesk.app.desk import today_in
from frontdesk.domain.asap import (
    AsapEntry,
    FreedSlot,
    PartOfDay,
    nearest_first,
    remaining,
    slot_fits,
)
from frontdesk.domain.audit import AuditEntry, AuditEvent, Changes
from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import to_local, utc_now
from frontdesk.domain.translation import translate
from frontdesk.domain.verdict import Severity
from frontdesk.storage.plain import ASAP_TOPIC as TOPIC
from frontdesk.storage.plain import AsapEntryGone, Step, patient_key

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext
    from frontdesk.domain.booking_request import BookingRequest

__all__ = ["TOPIC", "AsapEntryGone", "AsapForm", "AsapProblem", "Offer"]

DEFAULT_WEEKS = 4  # a new entry's "until": four weeks from today


class AsapProblem(ValueError):
    """What is wrong with an entry's form: the field, and what to do."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field = field_name
        self.message = message


@dataclass(frozen=True, slots=True)
class AsapForm:
    """What the ASAP entry's form holds."""

    patient_name: str
    patient_phone: str
    connection_id: str
    service_id: str
    until: date
    resource_id: str | None = None
    weekdays: frozenset[int] = frozenset()
    parts: frozenset[PartOfDay] = frozenset()
    note: str = ""
    booking_id: str | None = None


@dataclass(frozen=True, slots=True)
class Offer:
    """A freed slot offered to one entry; ``move``: the entry's booking is moved there;
    ``replaces``: the booking they hold on another booking system, cancelled once the slot is
    booked (a booking cannot move from one booking system to another)."""

    slot: FreedSlot
    entry: AsapEntry
    move: bool = False
    risks: tuple[str, ...] = field(default=())
    replaces: str | None = None


def entries(context: AppContext) -> list[AsapEntry]:
    """The whole list, the earliest "until" first."""
    return context.repo.asap.entries()


def today(context: AppContext) -> date:
    return today_in(context.clinic_zone)


def form_of_booking(context: AppContext, booking: Booking) -> AsapForm:
    """A new entry for the patient of ``booking``, who wants an earlier time than it."""
    local = to_local(booking.start, context.clinic_zone).date()
    until = max(today(context), local - timedelta(days=1))
    return AsapForm(
        patient_name=booking.patient_name,
        patient_phone=booking.patient_phone,
        connection_id=booking.connection_id,
        service_id=booking.service_id,
        resource_id=booking.resource_id,
        until=until,
        booking_id=booking.id,
    )


def _checked(context: AppContext, form: AsapForm) -> AsapForm:
    name = " ".join(form.patient_name.split())
    if not name:
        raise AsapProblem("patient_name", translate("Asap", "Patient: type the patient's name."))
    phone = form.patient_phone.strip()
    if not phone:
        raise AsapProblem(
            "patient_phone", translate("Asap", "Phone: type a number to call the patient on.")
        )
    region = context.settings.region
    wrong = phones.problem(phone, region)
    if wrong:
        raise AsapProblem(
            "patient_phone", translate("Asap", "Phone: {problem}").format(problem=wrong)
        )
    if not form.connection_id or not form.service_id:
        raise AsapProblem(
            "service_id", translate("Asap", "Service: choose the service the patient needs.")
        )
    if form.until < today(context):
        raise AsapProblem("until", translate("Asap", "Until: choose today or a later day."))
    if any(d not in range(7) for d in form.weekdays):
        raise AsapProblem("weekdays", translate("Asap", "Days: choose days of the week."))
    return AsapForm(
        patient_name=name,
        patient_phone=phones.normalized(phone, region) or phone,
        connection_id=form.connection_id,
        service_id=form.service_id,
        until=form.until,
        resource_id=form.resource_id or None,
        weekdays=frozenset(form.weekdays),
        parts=frozenset(form.parts),
        note=form.note.strip()[:2000],
        booking_id=form.booking_id,
    )


def _audit(
    context: AppContext, event: AuditEvent, entry: AsapEntry, detail: str | None = None
) -> AuditEntry:
    """An audit line naming the entry (never the patient: the trail keeps what changed)."""
    changes: Changes = {
        "service_id": [None, entry.service_id],
        "until": [None, entry.until.isoformat()],
    }
    words = f"ASAP entry {entry.id[:8]}" + (f": {detail}" if detail else "")
    return AuditEntry(event, context.booking.actor(), entry.booking_id, changes, words)


def add(context: AppContext, form: AsapForm) -> AsapEntry:
    """Put a patient on the list; :class:`AsapProblem` names a field that is wrong."""
    checked = _checked(context, form)
    who = context.booking.actor()
    entry = AsapEntry(
        id=str(uuid.uuid4()),
        added_by=who.staff,
        added_at=utc_now(),
        **{k: getattr(checked, k) for k in AsapForm.__dataclass_fields__},
    )
    return context.repo.asap.add(entry, _audit(context, AuditEvent.ASAP_ADDED, entry))


def update(context: AppContext, entry: AsapEntry, form: AsapForm) -> AsapEntry:
    """Change an entry; :class:`AsapEntryGone` when another desk removed or changed it."""
    checked = _checked(context, form)
    changed = entry.with_changes(**{k: getattr(checked, k) for k in AsapForm.__dataclass_fields__})
    return context.repo.asap.update(changed, _audit(context, AuditEvent.ASAP_CHANGED, changed))


def remove(context: AppContext, chosen: Iterable[AsapEntry], why: str = "removed") -> int:
    """Take entries off the list; how many were still on it."""
    lines = [(e.id, _audit(context, AuditEvent.ASAP_REMOVED, e, why)) for e in chosen]
    return context.repo.asap.remove(lines)


def expired(context: AppContext, among: Sequence[AsapEntry]) -> list[AsapEntry]:
    """The entries whose "until" day has passed."""
    day = today(context)
    return [e for e in among if e.expired(day)]


def last_freed(context: AppContext) -> int:
    """The number of the last slot freed so far (a desk offers only what frees after it)."""
    return context.repo.asap.last_freed_id()


def freed_since(context: AppContext, after_id: int) -> list[FreedSlot]:
    return context.repo.asap.freed_since(after_id)


def _email(context: AppContext, entry: AsapEntry) -> str | None:
    """The patient's email as the patient records know it (an API may need one)."""
    key = patient_key(entry.patient_name, entry.patient_phone)
    for patient in context.reads.find_patients(entry.patient_phone, limit=20):
        if patient_key(patient.name, patient.phone) == key:
            return patient.email
    return None


def request_for(context: AppContext, entry: AsapEntry, slot: FreedSlot) -> BookingRequest:
    """The booking request of ``entry``'s patient in ``slot``."""
    from frontdesk.domain.booking_request import BookingRequest  # pydantic: not at start

    return BookingRequest(
        connection_id=slot.connection_id,
        service_id=slot.service_id,
        resource_id=slot.resource_id,
        start=slot.start,
        patient_name=entry.patient_name,
        patient_phone=entry.patient_phone,
        patient_email=_email(context, entry),
        notes=entry.note or None,
    )


def _judged(context: AppContext, entry: AsapEntry, slot: FreedSlot, now: datetime) -> Offer | None:
    """The offer of ``slot`` to ``entry`` if the offline rules would take it, else None."""
    service = context.booking
    held = context.reads.booking(entry.booking_id) if entry.booking_id else None
    move = held is not None and held.active
    if held is not None and move and held.start <= slot.start:
        return None  # not earlier than what they hold
    replaces = None
    if move and held is not None and held.connection_id != slot.connection_id:
        move, replaces = False, held.id  # booked there, then the held one cancelled
        if any(v.severity is Severity.ERROR for v in service.check_cancel(held.id, now)):
            return None  # it could not be cancelled: they would hold two
    if move and held is not None:
        verdicts = service.check_reschedule(held.id, slot.start, slot.resource_id, now)
    else:
        verdicts = service.validate(request_for(context, entry, slot), now)
    if any(v.severity is Severity.ERROR for v in verdicts):
        return None
    risks = tuple(str(v.message or v.code) for v in verdicts)
    return Offer(slot, entry, move, risks, replaces)


def offers(
    context: AppContext, slots: Sequence[FreedSlot], now: datetime | None = None
) -> list[Offer]:
    """For each freed slot (in order; of a no-show, what is left of it), the entries it suits
    that the offline rules would book there, nearest first."""
    when = now or utc_now()
    zone = context.clinic_zone
    listed = nearest_first(entries(context))
    reach = reaches(context, listed) if slots else {}
    found: list[Offer] = []
    for freed in slots:
        slot = remaining(freed, when)
        if slot is None:
            continue
        for entry in listed:
            if slot_fits(entry, slot, zone, when, reach.get(entry.id)):
                offer = _judged(context, entry, slot, when)
                if offer is not None:
                    found.append(offer)
    return found


def take(context: AppContext, offer: Offer) -> Booking:
    """Book the offer (or move the booking the patient holds) through the normal path with all
    its offline checks (``BookingRefused`` when they refuse now), the entry taken off the list
    in the same transaction. A booking held on another booking system (``offer.replaces``) is
    cancelled in the new one's transaction too (both queued for sending, or neither), once its
    cancellation is known to be allowed."""
    slot, entry = offer.slot, offer.entry
    off_the_list = context.repo.asap.removing(
        [(entry.id, _audit(context, AuditEvent.ASAP_REMOVED, entry, "booked in a freed slot"))]
    )
    if offer.move and entry.booking_id:
        change: Change = context.booking.reschedule(
            entry.booking_id, slot.start, slot.resource_id, also=off_the_list
        )
        return change.booking
    steps = [off_the_list]
    if offer.replaces:
        steps.insert(
            0, context.booking.cancelling(offer.replaces, "booked earlier from the ASAP list")
        )
    return context.booking.book(request_for(context, entry, slot), also=_together(steps))


def _together(steps: Sequence[Step]) -> Step:
    """Several further writes of one transaction, in order."""
    return lambda s: [step(s) for step in steps]

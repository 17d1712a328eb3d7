"""Changing an appointment from its own window: everything the booking system lets the desk
change (time, place, service, patient details, notes), each change checked offline like a new
booking, and what it cannot change said in plain words instead of being sent.

Before the booking system has seen the booking (its create still queued), anything may change:
the queued create sends the booking as it is. Once it may hold the booking, the time and place
are judged by its rules as a move is; the service and the patient's details change only where
its declaration says it can (``ProviderSpec.changeable``), else the receptionist is told to
cancel and book again; the notes are kept at the desk where they cannot be sent.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from frontdesk.app.booking import BookingService, Change
from frontdesk.app.booking_checks import BookingRefused, changed_elsewhere, refusal
from frontdesk.domain.audit import AuditEvent
from frontdesk.domain.booking import Booking, SyncState, VisitStatus
from frontdesk.domain.outbox import ChangePlan, OperationKind
from frontdesk.domain.timeutil import iso_utc, utc_now
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.storage.repo import StaleBooking

if TYPE_CHECKING:
    from frontdesk.domain.booking_request import BookingRequest

PARTS = (
    "service_id",
    "resource_id",
    "start",
    "patient_name",
    "patient_phone",
    "patient_email",
    "notes",
)
PLACE_AND_TIME = frozenset({"start", "resource_id"})
PART_WORDS = {
    "service_id": "the service",
    "patient_name": "the patient's name",
    "patient_phone": "the patient's phone",
    "patient_email": "the patient's email",
}


def request_of(booking: Booking) -> BookingRequest:
    """The form of an existing booking, as the appointment window opens with it."""
    from frontdesk.domain.booking_request import BookingRequest  # pydantic: not at start

    return BookingRequest(
        connection_id=booking.connection_id,
        service_id=booking.service_id,
        resource_id=booking.resource_id,
        start=booking.start,
        patient_name=booking.patient_name,
        patient_phone=booking.patient_phone,
        patient_email=booking.patient_email,
        notes=booking.notes,
    )


def edited(service: BookingService, booking: Booking, request: BookingRequest) -> Booking:
    """``booking`` as the form now describes it (its end from the service's length)."""
    draft = service.draft(request, booking.id)
    moved = (draft.start, draft.resource_id) != (booking.start, booking.resource_id)
    return booking.with_changes(
        service_id=draft.service_id,
        resource_id=draft.resource_id,
        start=draft.start,
        end=draft.end,
        session=None if moved else booking.session,
        batch=None if moved else booking.batch,
        patient_name=draft.patient_name,
        patient_phone=draft.patient_phone,
        patient_email=draft.patient_email or None,
        notes=draft.notes or None,
    )


def changed_parts(before: Booking, after: Booking) -> set[str]:
    return {part for part in PARTS if getattr(before, part) != getattr(after, part)}


def check_edit(
    service: BookingService,
    booking_id: str,
    request: BookingRequest,
    now: datetime | None = None,
) -> list[Verdict]:
    """Errors and risks of changing a booking as ``request`` says; nothing is written."""
    booking = service.existing(booking_id)
    if not booking.active:
        return [refusal("CANCELLED", "This booking is cancelled; book the patient again.")]
    if booking.sync_state is SyncState.OUTCOME_UNKNOWN:
        return [
            refusal(
                "OUTCOME_UNKNOWN",
                "Nobody knows yet whether the booking system received this booking. Settle it "
                "in the sync panel first.",
            )
        ]
    if request.connection_id != booking.connection_id:
        return [
            refusal(
                "OTHER_SYSTEM",
                "An appointment stays in its booking system; cancel it and book in the other.",
                "connection_id",
            )
        ]
    verdicts = service.validate(request, now or utc_now(), booking_id)
    if any(v.severity is Severity.ERROR for v in verdicts):
        return verdicts
    after = edited(service, booking, request)
    parts = changed_parts(booking, after)
    if PLACE_AND_TIME & parts and booking.visit_status is not VisitStatus.BOOKED:
        word = booking.visit_status.value.replace("_", "-")
        return [refusal("NOT_MOVABLE", f"A {word} booking cannot be moved.", "start", 400)]
    spec = service.spec(booking.connection_id)
    if spec is not None and service.remote_may_hold(booking):
        fixed = sorted(parts & set(PART_WORDS) - spec.changeable)
        if fixed:
            return [
                refusal(
                    "NOT_CHANGEABLE",
                    f"{spec.title} cannot change {PART_WORDS[part]} of a booking it already "
                    "holds. Cancel this appointment and book the patient again.",
                    part,
                    400,
                )
                for part in fixed
            ]
    return verdicts


def edit(
    service: BookingService,
    booking_id: str,
    request: BookingRequest,
    now: datetime | None = None,
) -> Change:
    """Change the booking as ``request`` says, refusing what :func:`check_edit` refuses."""
    booking = service.existing(booking_id)
    errors = [
        v for v in check_edit(service, booking_id, request, now) if v.severity is Severity.ERROR
    ]
    if errors:
        raise BookingRefused(errors)
    after = edited(service, booking, request)
    parts = changed_parts(booking, after)
    if not parts:
        return Change(booking, ChangePlan.FOLD)
    held = service.remote_may_hold(booking)
    spec = service.spec(booking.connection_id)
    words = ", ".join(sorted(_part_word(p) for p in parts))
    sent = parts - {"notes"} if spec is None or "notes" not in spec.changeable else parts
    if held and not sent:  # only what the booking system cannot take: kept at the desk
        detail = f"{words} (kept at the desk)"
        audit = service.audit_entry(AuditEvent.EDITED, booking, after, detail)
        try:
            service.repo.changes.change_at_desk(
                after, audit.actor.label, "edited", detail, booking.version, audit=audit
            )
        except StaleBooking as exc:
            raise changed_elsewhere() from exc
        return Change(service.repo.booking(booking.id) or after, ChangePlan.LOCAL)
    after = after.with_changes(
        sync_state=SyncState.PENCILLED, problem_code=None, problem_message=None
    )
    kind = OperationKind.RESCHEDULE if held else OperationKind.CREATE
    detail = words if "start" not in parts else f"{words}; to {iso_utc(after.start)}"
    return service.commit(booking, after, kind, "edited", detail)


def _part_word(part: str) -> str:
    return {
        "start": "time",
        "resource_id": "place",
        "service_id": "service",
        "patient_name": "name",
        "patient_phone": "phone",
        "patient_email": "email",
        "notes": "notes",
    }[part]
